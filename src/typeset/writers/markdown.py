"""The document tree (typeset.source.nodes) -> chapter Markdown in docs/format.md's syntax.

What `typeset.source` parses back is the same tree (file and line aside): every piece of text is
escaped where CommonMark would read it as markup, and nothing else, so the student's words stay
as they are. (Image paths with spaces come back percent-encoded: importers name figures without.) Importers build a tree and write it here (docx, and the PDF importer may reuse it).

    chapter_markdown(chapter) -> str     '# title' then the blocks
    blocks_markdown(blocks) -> str       blocks only (front-matter parts, appendices without title)
    escape(text) -> str                  one line of plain text as Markdown that reads back as it
"""
from __future__ import annotations

import re

from markdown_it.common.utils import isPunctChar

from typeset.source import nodes as n
from typeset.writers.yamltext import scalar

# a line start CommonMark would read as a block marker (or a setext underline, an attribute line)
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|-+\s*$"
                          r"|`{3,}|~{3,}|\{|Table:)")
_INLINE = re.compile(r"([\\`*_<\[\]$])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_URL_PLAIN = re.compile(r"^[^\s()<>\\]+$")
_MATH = getattr(n, "Math", None)   # a formula, where the source format has `$…$`


def escape_text(text: str, cell: bool = False) -> str:
    """Inline text, escaped where it would otherwise be markup (not yet the line start)."""
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    return text.replace("|", "\\|") if cell else text


def escape(text: str) -> str:
    """One line of plain text standing as its own paragraph, title or item (a cover line, a
    reference) as Markdown."""
    return escape_line_start(escape_text(text), first=True)


def escape_line_start(line: str, first: bool = False) -> str:
    """first: the line opens a paragraph (after a blank line), where `=` cannot underline a
    setext heading, so a line of `=` stays as it is."""
    m = _BLOCK_START.match(line)
    if not m:
        return line
    tok = m.group(1)
    if first and tok[0] == "=":
        return line
    if tok[0].isdigit():
        return tok + "\\" + line[len(tok):]
    if tok == "Table:":
        return "Table\\:" + line[6:]
    return "\\" + line


class Writer:
    def __init__(self):
        self.notes: list[tuple[str, str]] = []   # (label, rendered note text)

    # -- inline --------------------------------------------------------------
    def inline(self, nodes: list, cell: bool = False) -> str:
        out, before = "", ""
        for i, x in enumerate(nodes):
            out += self._one(x, before, _first_char(nodes[i + 1:]), cell)
            before = n.plain_text([x])[-1:] or before
        return out

    def _one(self, x, before: str, after: str, cell: bool) -> str:
        if isinstance(x, n.Text):
            return escape_text(x.text.replace("\n", " "), cell)
        if isinstance(x, (n.Strong, n.Emph)):
            mark = "**" if isinstance(x, n.Strong) else "*"
            inner = self.inline(x.children, cell)
            text = n.plain_text(x.children)
            if not text.strip() or not _can_delimit(text, before, after):
                return inner   # CommonMark could not read the markers here: the text alone
            return f"{mark}{inner}{mark}"
        if isinstance(x, n.Code):
            ticks = "`" * (max((len(m) for m in re.findall(r"`+", x.text)), default=0) + 1)
            pad = " " if x.text.startswith("`") or x.text.endswith("`") else ""
            return f"{ticks}{pad}{x.text}{pad}{ticks}"
        if isinstance(x, n.Link):
            if x.auto:
                return f"<{x.url}>"
            url = x.url if _URL_PLAIN.match(x.url) else "<" + x.url.replace("<", "%3C").replace(">", "%3E") + ">"
            return f"[{self.inline(x.children, cell)}]({url})"
        if isinstance(x, n.LineBreak):
            return " " if cell else "\\\n"
        if isinstance(x, n.FootnoteRef):
            label = x.label if re.fullmatch(r"[\w-]+", x.label or "") else str(len(self.notes) + 1)
            if label in {lab for lab, _ in self.notes}:
                label = str(len(self.notes) + 1)
            self.notes.append((label, self.paragraph_text(x.children)))
            return f"[^{label}]"
        if _MATH is not None and isinstance(x, _MATH):
            mark = "$$" if getattr(x, "display", False) else "$"
            return f"{mark}{x.tex.strip()}{mark}"
        if isinstance(x, n.Citation):
            keys = "; ".join("@" + k for k in x.keys)
            return f"[{keys}, {x.locator}]" if x.locator else f"[{keys}]"
        return escape_text(n.plain_text([x]), cell)

    def paragraph_text(self, nodes: list) -> str:
        """Inline nodes as paragraph lines: each line's start escaped."""
        text = self.inline(nodes).strip(" ")
        return "\n".join(escape_line_start(line, k == 0) for k, line in enumerate(text.split("\n")))

    # -- blocks --------------------------------------------------------------
    def blocks(self, blocks: list) -> str:
        out: list[str] = []
        prev = None
        for b in blocks:
            text = self.block(b, prev)
            if text is not None:
                out.append(text)
                prev = b
        return "\n\n".join(out)

    def block(self, b, prev=None) -> str | None:
        if isinstance(b, n.Section):
            return f"{'#' * min(max(b.level, 1), 6)} {self.paragraph_text(_one_line(b.title))}".rstrip()
        if isinstance(b, n.Paragraph):
            return self.paragraph_text(b.children) if n.plain_text(b.children).strip() or \
                any(isinstance(c, n.FootnoteRef) for c in b.children) else None
        if isinstance(b, n.Figure):
            caption = self.inline(_one_line(b.caption))
            path = b.path if _URL_PLAIN.match(b.path) else f"<{b.path}>"
            return f"![{caption}]({path})"
        if isinstance(b, n.Table):
            return self.table(b)
        if isinstance(b, (n.BulletList, n.OrderedList)):
            return self.list(b, prev)
        if isinstance(b, n.BlockQuote):
            return _quote(self.blocks(b.blocks))
        if isinstance(b, n.Epigraph):
            return _quote(self.blocks(list(b.text) + [n.Paragraph(children=b.attribution)]))
        if isinstance(b, n.CodeBlock):
            fence = "`" * max(3, max((len(m) for m in re.findall(r"^`+", b.text, re.M)), default=0) + 1)
            return f"{fence}{b.lang}\n{b.text}\n{fence}"
        if isinstance(b, n.Framework):
            return f"```framework\n{framework_yaml(b)}\n```"
        if isinstance(b, n.Rule):
            return "***"
        return None

    def list(self, lst, prev) -> str:
        ordered = isinstance(lst, n.OrderedList)
        # two lists in a row would merge into one: the second takes the other marker
        same = prev is not None and type(prev) is type(lst)
        items = []
        for k, item in enumerate(lst.items):
            if ordered:
                marker = f"{lst.start + k}{')' if same else '.'} "
            else:
                marker = "* " if same else "- "
            body = self.blocks(item.blocks) if item.blocks else ""
            pad = " " * len(marker)
            lines = body.split("\n")
            text = marker + lines[0] + "".join("\n" + (pad + ln if ln else "") for ln in lines[1:])
            items.append(text.rstrip())
        loose = any(len(it.blocks) > 1 for it in lst.items)
        body = ("\n\n" if loose else "\n").join(items)
        if ordered and lst.section_numbered:
            body = "{.section-numbered}\n" + body
        return body

    def table(self, t: n.Table) -> str:
        width = max([len(t.header)] + [len(r) for r in t.rows] + [1])

        def row(cells):
            cells = list(cells) + [[]] * (width - len(cells))
            return "| " + " | ".join(self.inline(_one_line(c), cell=True).strip() for c in cells) + " |"

        align = list(t.align) + ["l"] * (width - len(t.align))
        rule = "|" + "|".join({"c": ":-:", "r": "--:"}.get(a, "---") for a in align[:width]) + "|"
        out = [row(t.header), rule] + [row(r) for r in t.rows]
        if t.caption:
            out += ["", "Table: " + self.inline(_one_line(t.caption))]
        return "\n".join(out)

    def footnotes(self) -> str:
        return "\n".join(f"[^{label}]: {text}" for label, text in self.notes)


def chapter_markdown(ch: n.Chapter) -> str:
    w = Writer()
    parts = [f"# {w.paragraph_text(_one_line(ch.title))}".rstrip()] if ch.title else []
    body = w.blocks(ch.blocks)
    if body:
        parts.append(body)
    if w.notes:
        parts.append(w.footnotes())
    return "\n\n".join(parts) + "\n"


def blocks_markdown(blocks: list) -> str:
    w = Writer()
    body = w.blocks(blocks)
    return body + ("\n\n" + w.footnotes() if w.notes else "") + "\n"


def framework_yaml(fw: n.Framework) -> str:
    lines = [f"caption: {scalar(fw.caption)}", f"direction: {fw.direction}", "boxes:"]
    lines += [f"  - {scalar(b)}" for b in fw.boxes]
    if fw.arrows:
        lines.append("arrows:")
        lines += [f"  - {{from: {a.source}, to: {a.target}, label: {scalar(a.label)}}}"
                  for a in fw.arrows]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join(("> " + ln) if ln else ">" for ln in text.split("\n"))


def _one_line(nodes: list) -> list:
    """Titles, captions and cells are one line: a line break there is a space."""
    return [n.Text(x.file, x.line, " ") if isinstance(x, n.LineBreak) else x for x in nodes]


def _first_char(nodes: list) -> str:
    for x in nodes:
        if isinstance(x, n.FootnoteRef):
            return "["
        s = n.plain_text([x])
        if s:
            return s[0]
    return ""


def _space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _can_delimit(text: str, before: str, after: str) -> bool:
    """CommonMark's flanking rules for `*` runs around `text` between `before` and `after`."""
    first, last = text[0], text[-1]
    if first.isspace() or last.isspace():
        return False
    if isPunctChar(first) and not (_space(before) or isPunctChar(before)):
        return False
    if isPunctChar(last) and not (_space(after) or isPunctChar(after)):
        return False
    return True
