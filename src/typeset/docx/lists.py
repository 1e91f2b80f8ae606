"""Paragraph blocks -> paragraphs, block quotes and nested lists.

A list item is a paragraph Word numbers (numPr, bullet or numbered, nested by its level) or one
typed with a bullet character. A "List Paragraph" without a number right after an item is more
text of that item. Quotes: a quote style, or a paragraph indented 1 cm or more from both margins.
"""
from __future__ import annotations

import re

from typeset.docx.read import Block
from typeset.source import nodes as n

TYPED_BULLET = re.compile(r"^[•●○▪■◆◦\u2022\uf0b7\uf0a7\uf0d8]\s*")
QUOTE_STYLE = re.compile(r"quote|block text|คำพูด|ข้อความอ้างอิง", re.I)
LIST_STYLE = re.compile(r"^list (bullet|number)", re.I)
QUOTE_INDENT = 567       # twips (1 cm) from both margins: a block quotation
CONTINUE_STYLE = re.compile(r"^list (paragraph|continue)", re.I)


STYLE_LEVEL = re.compile(r"^list\b.*?\s(\d)$", re.I)


def _item_kind(b: Block):
    """('bullet'|'ordered', level, inlines) or None. 'List Bullet 2' is one level in."""
    m = STYLE_LEVEL.match(b.style)
    extra = int(m.group(1)) - 1 if m else 0
    if b.num and (b.num_fmt == "none" or (b.num_fmt != "bullet" and not b.num_text.strip())):
        return None       # numbered with nothing visible: a plain paragraph
    if b.num:
        kind = "bullet" if b.num_fmt == "bullet" else "ordered"
        return kind, b.num[1] + extra, b.inlines
    m = LIST_STYLE.match(b.style)
    if m:
        return ("bullet" if m.group(1).lower() == "bullet" else "ordered"), 0, b.inlines
    if b.inlines and isinstance(b.inlines[0], n.Text) and TYPED_BULLET.match(b.inlines[0].text):
        first = n.Text(text=TYPED_BULLET.sub("", b.inlines[0].text))
        return "bullet", 0, ([first] if first.text else []) + b.inlines[1:]
    return None


def _start(b: Block) -> int:
    m = re.search(r"(\d+)\D*$", b.label or "")
    return int(m.group(1)) if m else 1


def build_lists(blocks: list, report=None) -> list:
    seen = report.styles_seen if report is not None else (lambda style, how: None)
    out: list = []
    stack: list = []      # [(level, list node, num id)]
    for b in blocks:
        if not isinstance(b, Block):
            stack = []
            out.append(b)
            continue
        item = _item_kind(b)
        if item is None:
            para = n.Paragraph(children=b.inlines)
            if stack and CONTINUE_STYLE.match(b.style) and stack[-1][1].items:
                stack[-1][1].items[-1].blocks.append(para)
                seen(b.style, "more text of a list item")
                continue
            stack = []
            quote = QUOTE_STYLE.search(b.style) or (
                b.indent >= QUOTE_INDENT and b.indent_right >= QUOTE_INDENT and b.align not in ("center", "right"))
            seen(b.style, "block quote" if quote else "paragraph")
            if quote:
                if out and isinstance(out[-1], n.BlockQuote):
                    out[-1].blocks.append(para)
                else:
                    out.append(n.BlockQuote(blocks=[para]))
                continue
            out.append(para)
            continue
        kind, level, inlines = item
        seen(b.style, f"{kind} list item, level {level + 1}")
        li = n.ListItem(blocks=[n.Paragraph(children=inlines)] if inlines else [])
        while stack and stack[-1][0] > level:
            stack.pop()
        if stack and stack[-1][0] == level:
            top = stack[-1]
            same_kind = isinstance(top[1], n.BulletList) == (kind == "bullet")
            if same_kind and (kind == "bullet" or top[2] == (b.num or ("", 0))[0]):
                top[1].items.append(li)
                continue
            stack.pop()
        lst = n.BulletList(items=[li]) if kind == "bullet" else \
            n.OrderedList(items=[li], start=_start(b), section_numbered=b.num_text.count("%") >= 2)
        if stack and stack[-1][1].items:
            stack[-1][1].items[-1].blocks.append(lst)
        else:
            out.append(lst)
        stack.append((level, lst, (b.num or ("", 0))[0]))
    return out
