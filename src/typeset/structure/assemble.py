"""One chapter's lines and the roles found for them -> a source.nodes Chapter.

Lines without a role are paragraphs (structure.paragraphs decides where one ends); items collect
the paragraphs that follow them until the next item, and the last item keeps as many as its
siblings had.
"""
from __future__ import annotations

from typeset.source import nodes as n
from typeset.structure.folder import slug
from typeset.structure.lines import Line
from typeset.structure.paragraphs import boundary
from typeset.structure.parse import Span


def _para(file: str, line: int, text: str) -> n.Paragraph:
    return n.Paragraph(file, line, [n.Text(file, line, text)])


def chapter(p, ch: Span) -> n.Chapter:
    f = p.file
    out = n.Chapter(f, ch.line, title=[n.Text(f, ch.line, ch.title)], number=str(ch.number),
                    index=ch.number, name=f"{ch.number:02d}-{slug(ch.title)}")
    blocks = out.blocks
    para: list[int] = []            # line indices of the open paragraph or item text
    item: n.ListItem | None = None
    lst: n.OrderedList | None = None
    group = None
    pending: list[n.Paragraph] = []   # paragraphs after an item, before the next one
    gaps: list[int] = []            # paragraphs found between consecutive items
    override: dict[int, str] = {}   # item lines: the text after the number
    item_line = None

    def text_of(idx: list[int]) -> str:
        joined = p.joiner.join([(override.get(i, p.lines[i].text), p.lines[i].trail,
                                 p.lines[i].no) for i in idx])
        p.doc.counts["lines joined"] += len(idx) - 1
        p.doc.counts["page breaks joined"] += sum(
            1 for i in idx[1:] if p.lines[i].lead and p.lines[i - 1].text)
        return joined

    def flush_para():
        nonlocal para
        if not para:
            return
        if item is not None and para[0] == item_line:
            item.blocks[0].children[0].text = text_of(para)
        else:
            par = _para(f, p.lines[para[0]].no, text_of(para))
            p.doc.counts["paragraphs"] += 1
            (pending if lst is not None else blocks).append(par)
        para = []

    def close_list():
        nonlocal lst, item, group, pending, gaps
        if lst is None:
            return
        # the last item keeps as many following paragraphs as its siblings had
        keep = min(gaps) if gaps and min(gaps) > 0 else 0
        if keep and lst.items:
            lst.items[-1].blocks.extend(pending[:keep])
            pending = pending[keep:]
        blocks.extend(pending)
        lst, item, group, pending, gaps = None, None, None, [], []

    prev: Line | None = None
    for i in range(ch.start, ch.end):
        if i in ch.inserts:
            flush_para()
            close_list()
            blocks.append(ch.inserts[i])
            prev = None
            continue
        ln = p.lines[i]
        if ln.blank:
            continue
        role = ch.roles.get(i)
        if role and role.kind == "skip":
            continue
        if role and role.kind in ("heading", "epigraph"):
            flush_para()
            close_list()
            blocks.append(n.Section(f, ln.no, level=role.level, title=[n.Text(f, ln.no, role.title)],
                                    number=role.number)
                          if role.kind == "heading" else role.block)
            prev = None
            continue
        if role and role.kind == "item":
            flush_para()
            if lst is None or group != role.group:
                close_list()
                lst = n.OrderedList(f, ln.no, section_numbered=role.section_numbered)
                group = role.group
                blocks.append(lst)
                p.doc.counts["lists"] += 1
            elif lst.items:
                gaps.append(len(pending))
                lst.items[-1].blocks.extend(pending)
                pending = []
            item = n.ListItem(f, ln.no, blocks=[_para(f, ln.no, role.title)])
            lst.items.append(item)
            p.doc.counts["list items"] += 1
            para = [i]
            item_line = i
            override[i] = role.title    # continuation lines join the text after the number
            prev = ln
            continue
        if prev is not None and para and not boundary(p, prev, ln):
            para.append(i)
        else:
            flush_para()
            para = [i]
        prev = ln
    flush_para()
    close_list()
    return out
