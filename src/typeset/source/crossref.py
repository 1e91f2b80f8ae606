"""Cross-references in pandoc-crossref syntax.

Labels: `![…](x.png){#fig:x}`, `Table: caption {#tbl:x}`, `## heading {#sec:x}` (also on the `#`
title), `$$…$$ {#eq:x}` as its own paragraph, `{#fig:x}` on the line before a ```framework block.
References: `@fig:x`, `@tbl:x`, `@sec:x`, `@eq:x` (or in brackets, `[@fig:x; @tbl:y]`).
`@key` with any other prefix is left alone (a citation).

The parser calls `split_refs` (inline text) and `take_labels` (blocks); `source.load` calls
`resolve` once the numbering is done, which fills in every reference's text.
"""
from __future__ import annotations

import difflib
import re

from typeset.errors import UserError
from typeset.source import nodes as n
from typeset.source.numbering import in_numerals

PREFIXES = ("fig", "tbl", "sec", "eq")
_NAME = r"[A-Za-z0-9_][A-Za-z0-9_-]*(?:[.:][A-Za-z0-9_-]+)*"
_REF = rf"@(?:{'|'.join(PREFIXES)}):{_NAME}"
# bare @fig:x (not inside a word or an e-mail address) or a bracketed group of them
REF = re.compile(rf"\[\s*({_REF}(?:\s*;\s*{_REF})*)\s*\]|(?<![A-Za-z0-9_.@])({_REF})")
LABEL = re.compile(rf"\s*\{{#((?:{'|'.join(PREFIXES)}):{_NAME})\}}\s*$")
STRAY = re.compile(rf"\{{#(?:{'|'.join(PREFIXES)}):{_NAME}\}}")


def split_refs(t: n.Text, original: str = "") -> list:
    """One text node -> text and CrossRef nodes. `original`: the text before soft line breaks
    were resolved, so that a reference gets the line it is on."""
    if "@" not in t.text:
        return [t]
    out, pos, cursor = [], 0, 0
    for m in REF.finditer(t.text):
        if m.start() > pos:
            out.append(n.Text(t.file, t.line, t.text[pos:m.start()]))
        refs = re.findall(_REF, m.group(1) or m.group(2))
        for k, raw in enumerate(refs):
            if k:
                out.append(n.Text(t.file, t.line, ", "))
            at = original.find(raw, cursor)
            line = t.line
            if at >= 0:
                line, cursor = t.line + original.count("\n", 0, at), at + len(raw)
            out.append(n.CrossRef(t.file, line, raw[1:], raw))
        pos = m.end()
    if pos < len(t.text):
        out.append(n.Text(t.file, t.line, t.text[pos:]))
    return out if pos else [t]


def _strip_label(inline: list, prefix: str, where: str) -> str:
    """Remove a trailing {#prefix:x} from inline nodes; return 'prefix:x' or ''."""
    if not inline or not isinstance(inline[-1], n.Text):
        return ""
    last = inline[-1]
    m = LABEL.search(last.text)
    if not m:
        return ""
    label = m.group(1)
    if not label.startswith(prefix + ":"):
        raise UserError(f"label '{{#{label}}}' here must start with '{prefix}:'", where)
    rest = last.text[:m.start()]
    if rest:
        inline[-1] = n.Text(last.file, last.line, rest)
    else:
        inline.pop()
    return label


def take_labels(blocks: list) -> list:
    """Labels from trailing {#…} onto their blocks; a paragraph holding only $$…$$ becomes an Equation."""
    out = []
    for b in blocks:
        where = f"{b.file}:{b.line}"
        if isinstance(b, n.Section):
            b.label = _strip_label(b.title, "sec", where)
        elif isinstance(b, (n.Figure, n.Framework)) and b.label and not b.label.startswith("fig:"):
            raise UserError(f"a figure's label starts with 'fig:' ({{#fig:{b.label}}}), "
                            f"not '{{#{b.label}}}'", where)
        elif isinstance(b, n.Table) and b.caption:
            b.label = _strip_label(b.caption, "tbl", where)
        elif isinstance(b, n.Paragraph) and b.children and isinstance(b.children[0], n.Math) \
                and b.children[0].display:
            kids = list(b.children)
            label = _strip_label(kids, "eq", where)
            if len(kids) == 1:
                b = n.Equation(b.file, b.line, kids[0].tex, label)
        elif isinstance(b, (n.BulletList, n.OrderedList)):
            for item in b.items:
                item.blocks = take_labels(item.blocks)
        elif isinstance(b, n.BlockQuote):
            b.blocks = take_labels(b.blocks)
        for inline in inline_lists(b):
            _no_stray(inline, f"{b.file}:{b.line}")
        out.append(b)
    return out


def title_label(title: list, where: str) -> str:
    """`# บทนำ {#sec:intro}`: a chapter's own label (printed as its label, บทที่ 1)."""
    label = _strip_label(title, "sec", where)
    _no_stray(title, where)
    return label


def _no_stray(inline: list, where: str) -> None:
    for x in inline:
        if isinstance(x, n.Text) and STRAY.search(x.text):
            label = STRAY.search(x.text).group(0)
            raise UserError(f"label '{label}' is not where a label can go: at the end of a heading "
                            "or a 'Table:' caption, after ![…](…), or after $$…$$ alone in its "
                            "paragraph", f"{x.file}:{x.line}" if x.line else where)


def inline_lists(b):
    """The inline node lists held directly by one block (not its child blocks)."""
    for attr in ("children", "title", "caption", "attribution"):
        v = getattr(b, attr, None)
        if isinstance(v, list):
            yield v
    if isinstance(b, n.Table):
        for row in [b.header, *b.rows]:
            yield from row


def _walk_inline(items):
    for x in items:
        yield x
        if isinstance(x, (n.Emph, n.Strong, n.Link, n.FootnoteRef)):
            yield from _walk_inline(x.children)


def targets(doc: n.Document, cfg) -> dict[str, tuple[str, str]]:
    """label -> (printed text, where it is defined)."""
    s = cfg.settings
    words = {"fig": s["captions"]["figure"] + " {n}", "tbl": s["captions"]["table"] + " {n}",
             "sec": s["crossref"]["section"], "eq": s["crossref"]["equation"]}
    found: dict[str, tuple[str, str]] = {}
    style = s["numbers"]["chapter"]

    def add(label: str, number: str, where: str, what: str) -> None:
        if label in found:
            raise UserError(f"label '{label}' is defined twice (also at {found[label][1]})", where)
        if not number:
            raise UserError(f"label '{label}' is on {what} without a number, so nothing can "
                            "refer to it", where)
        found[label] = (words[label.split(":")[0]].replace("{n}", in_numerals(number, style)), where)

    for part in doc.all_parts():
        if part.label:
            label_word = s["headings"]["chapter"]["label"] or "{n}"
            number = part.number if part.kind in ("chapter", "appendix") else ""
            if part.kind == "appendix":
                label_word = s["headings"].get("appendix", {}).get("label", "{n}")
            if label_word and number:
                found[part.label] = (label_word.replace("{n}", number), f"{part.file}:{part.line}")
            else:
                add(part.label, "", f"{part.file}:{part.line}", "a part")
        for b in n.walk(part.blocks):
            label = getattr(b, "label", "")
            if not label or isinstance(b, n.ListItem):
                continue
            what = {n.Section: "a heading", n.Table: "a table", n.Equation: "an equation"}.get(
                type(b), "a figure")
            add(label, getattr(b, "number", ""), f"{b.file}:{b.line}", what)
    return found


def resolve(doc: n.Document, cfg) -> None:
    """Give every CrossRef its text; an unknown label is an error at the reference."""
    found = targets(doc, cfg)
    for part in doc.all_parts():
        blocks = [part] + list(n.walk(part.blocks))
        for b in blocks:
            for inline in inline_lists(b):
                for x in _walk_inline(inline):
                    if isinstance(x, n.CrossRef):
                        if x.label not in found:
                            raise UserError(f"unknown label '{x.label}' in '{x.raw}'{_near(x.label, found)}",
                                            f"{x.file}:{x.line}")
                        x.text = found[x.label][0]


def _near(label: str, found: dict) -> str:
    same = [k for k in found if k.split(":")[0] == label.split(":")[0]]
    near = difflib.get_close_matches(label, same, n=3, cutoff=0.5)
    if near:
        return " (did you mean " + ", ".join(f"'{k}'" for k in near) + "?)"
    if same:
        return f" (labels of this kind: {', '.join(sorted(same)[:8])})"
    return " (no such labels are defined)"
