"""Markdown (CommonMark + tables, footnotes, block attributes) -> document-tree blocks.

markdown-it-py does the parsing; this module only maps its token stream onto our nodes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from typeset.errors import UserError
from typeset.source import nodes as n
from typeset.source.citations import merge_text, split_citations
from typeset.source.crossref import split_refs, take_labels
from typeset.source.framework import parse_framework
from typeset.thai.inword import line_end_joins

CAPTION = re.compile(r"^\s*Table:\s*")
DASHES = ("—", "―", "--")
KNOWN_CLASSES = {"section-numbered"}
# markdown-it silently drops what lies deeper than maxNesting (commonmark preset: 20, so a
# 21-deep quote lost its text); deeper than this is refused with the line instead
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # html off: raw HTML in a thesis is printed as text, never passed through.
    md = (MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
          .enable("table")
          .use(footnote_plugin)
          .use(attrs_block_plugin)
          # {#fig:x} after an image (source.crossref)
          .use(attrs_plugin, after=("image",))
          # $…$ and $$…$$ as pandoc reads them: no space inside the dollars, no digit after the
          # closing one, so "$5 and $10" stays text
          .use(dollarmath_plugin, allow_labels=False, allow_space=False, allow_digits=False,
               double_inline=True))
    # Accept every link/image target so that e.g. ![x](file:///etc/passwd) is recognised and
    # refused with a clear error (source.check_figures), not silently printed; the renderer only
    # makes http(s)/mailto links clickable.
    md.validateLink = lambda url: True
    return md


def read_text(path) -> str:
    # textio: encoding detection, NFC (never NFKC: it decomposes sara am), clear errors
    from typeset.textio import read_text as _read

    return _read(path)


class Parser:
    def __init__(self, text: str, file: str):
        self.file = file
        self.tokens = _md().parse(text)
        self._check_depth()
        self.notes: dict[int, list] = {}
        self._collect_footnotes()

    def _check_depth(self) -> None:
        line = 0
        for tok in self.tokens:
            line = self._line(tok, line)
            if tok.level >= MAX_NESTING - 1:
                raise UserError(f"quotes and lists nested more than {MAX_NESTING - 2} levels deep "
                                "(text past that would be lost); nest less deeply", self.where(line))

    # -- helpers -------------------------------------------------------------
    def where(self, line: int) -> str:
        return f"{self.file}:{line}"

    @staticmethod
    def _line(tok, default: int = 0) -> int:
        return tok.map[0] + 1 if tok.map else default

    def _collect_footnotes(self) -> None:
        toks, i, current = self.tokens, 0, None
        while i < len(toks):
            t = toks[i]
            if t.type == "footnote_open":
                current = t.meta["id"]
                self.notes[current] = []
            elif t.type == "footnote_close":
                current = None
            elif t.type == "inline" and current is not None:
                if self.notes[current]:
                    self.notes[current].append(n.Text(self.file, self._line(t), " "))
                self.notes[current].extend(self.inline(t))
            i += 1

    # -- inline --------------------------------------------------------------
    def inline(self, tok) -> list:
        line = self._line(tok, 1)
        out, _ = self._inline_children(tok.children or [], 0, None, line)
        return _finish_inline(out, self.file)

    def _inline_children(self, children, i, close, line):
        out = []
        while i < len(children):
            c = children[i]
            t = c.type
            if close and t == close:
                return out, i + 1
            if t == "text":
                out.append(n.Text(self.file, line, c.content))
            elif t == "softbreak":
                out.append(n.Text(self.file, line, "\n"))
                line += 1
            elif t == "hardbreak":
                out.append(n.LineBreak(self.file, line))
                line += 1
            elif t == "code_inline":
                out.append(n.Code(self.file, line, c.content))
            elif t in ("math_inline", "math_inline_double"):
                out.append(n.Math(self.file, line, c.content, t == "math_inline_double"))
                line += c.content.count("\n")
            elif t in ("em_open", "strong_open", "link_open"):
                kids, i = self._inline_children(children, i + 1, t.replace("_open", "_close"), line)
                line += sum(1 for k in kids if isinstance(k, n.Text) and k.text == "\n")
                if t == "em_open":
                    out.append(n.Emph(self.file, line, kids))
                elif t == "strong_open":
                    out.append(n.Strong(self.file, line, kids))
                else:
                    out.append(n.Link(self.file, line, str(c.attrs.get("href", "")), kids,
                                      c.markup == "autolink"))
                continue
            elif t == "footnote_ref":
                fid = c.meta["id"]
                out.append(n.FootnoteRef(self.file, line, str(c.meta.get("label", fid)),
                                         list(self.notes.get(fid, []))))
            elif t == "image":
                raise UserError("an image must stand alone in its paragraph: ![caption](figures/x.png)",
                                self.where(line))
            elif t in ("html_inline",):
                out.append(n.Text(self.file, line, c.content))
            else:
                out.append(n.Text(self.file, line, c.content))
            i += 1
        return out, i

    # -- blocks --------------------------------------------------------------
    def blocks(self, i: int = 0, close: str | None = None):
        """Blocks from token i until the `close` token type; returns (blocks, next index)."""
        toks, out = self.tokens, []
        while i < len(toks):
            t = toks[i]
            typ = t.type
            if close and typ == close:
                return out, i + 1
            line = self._line(t)
            self._check_attrs(t, line)
            if typ == "heading_open":
                level = int(t.tag[1])
                out.append(n.Section(self.file, line, level=level, title=self.inline(toks[i + 1])))
                i += 3
            elif typ == "paragraph_open":
                out.append(self._paragraph(toks[i + 1], line))
                i += 3
            elif typ in ("bullet_list_open", "ordered_list_open"):
                items, i = self._items(i + 1, typ.replace("_open", "_close"))
                if typ == "bullet_list_open":
                    out.append(n.BulletList(self.file, line, items))
                else:
                    numbered = "section-numbered" in str(t.attrs.get("class", "")).split()
                    out.append(n.OrderedList(self.file, line, items, int(t.attrs.get("start", 1)), numbered))
                continue
            elif typ == "blockquote_open":
                kids, i = self.blocks(i + 1, "blockquote_close")
                out.append(n.BlockQuote(self.file, line, kids))
                continue
            elif typ == "table_open":
                tab, i = self._table(i, line)
                out.append(tab)
                continue
            elif typ in ("fence", "code_block"):
                lang = (t.info or "").strip().split(" ")[0] if typ == "fence" else ""
                if lang == "framework":
                    out.append(parse_framework(t.content, self.file, line))
                    out[-1].label = str(t.attrs.get("id", "")) if t.attrs else ""
                else:
                    out.append(n.CodeBlock(self.file, line, t.content.rstrip("\n"), lang))
                i += 1
            elif typ == "math_block":
                out.append(n.Equation(self.file, line, t.content))
                i += 1
            elif typ == "hr":
                out.append(n.Rule(self.file, line))
                i += 1
            elif typ == "html_block":
                out.append(n.Paragraph(self.file, line, [n.Text(self.file, line, t.content.strip())]))
                i += 1
            elif typ == "footnote_block_open":
                i = self._skip(i, "footnote_block_close")
            else:
                i += 1
        return out, i

    def _check_attrs(self, t, line: int) -> None:
        cls = str(t.attrs.get("class", "")) if t.attrs else ""
        for c in cls.split():
            if c not in KNOWN_CLASSES:
                raise UserError(f"unknown attribute '{{.{c}}}' (known: {{.section-numbered}})",
                                self.where(max(line - 1, 1)))
            if t.type != "ordered_list_open":
                raise UserError("{.section-numbered} must be on the line before a numbered list (1. …)",
                                self.where(max(line - 1, 1)))

    def _skip(self, i: int, close: str) -> int:
        while self.tokens[i].type != close:
            i += 1
        return i + 1

    def _paragraph(self, tok, line: int):
        kids = tok.children or []
        if len(kids) == 1 and kids[0].type == "image":
            img = kids[0]
            caption, _ = self._inline_children(img.children or [], 0, None, line)
            return n.Figure(self.file, line, _finish_inline(caption, self.file), str(img.attrs.get("src", "")),
                            label=str(img.attrs.get("id", "")))
        return n.Paragraph(self.file, line, self.inline(tok))

    def _items(self, i: int, close: str):
        items = []
        while self.tokens[i].type != close:
            t = self.tokens[i]
            assert t.type == "list_item_open"
            kids, i = self.blocks(i + 1, "list_item_close")
            items.append(n.ListItem(self.file, self._line(t), "", kids))
        return items, i + 1

    def _table(self, i: int, line: int):
        toks = self.tokens
        align, header, rows, row, in_head = [], [], [], None, False
        while toks[i].type != "table_close":
            t = toks[i]
            if t.type == "thead_open":
                in_head = True
            elif t.type == "tbody_open":
                in_head = False
            elif t.type == "tr_open":
                row = []
            elif t.type == "tr_close":
                (header if in_head else rows).append(row)
            elif t.type in ("th_open", "td_open"):
                if in_head:
                    style = str(t.attrs.get("style", ""))
                    align.append("c" if "center" in style else "r" if "right" in style else "l")
            elif t.type == "inline":
                row.append(self.inline(t))
            i += 1
        table = n.Table(self.file, line, [], align, header[0] if header else [], rows)
        return table, i + 1


def _finish_inline(nodes: list, file: str) -> list:
    """Join adjacent text, resolve soft breaks, find [@key] citations."""
    merged = merge_text(nodes)
    out: list = []
    for idx, x in enumerate(merged):
        if isinstance(x, n.Text):
            text = _soft_breaks(x.text, _edge(merged[idx - 1], -1) if idx else "",
                                _edge(merged[idx + 1], 0) if idx + 1 < len(merged) else "")
            for y in split_refs(n.Text(x.file, x.line, text), x.text):   # @fig:x before citations
                out.extend(split_citations(y, raw=x.text) if isinstance(y, n.Text) else [y])
        else:
            out.append(x)
    return [x for x in out if not (isinstance(x, n.Text) and x.text == "")]


def _edge(node, pos: int) -> str:
    s = n.plain_text([node])
    return s[pos] if s else ""


def _soft_breaks(text: str, before: str, after: str) -> str:
    if "\n" not in text:
        return text
    parts = text.split("\n")
    out = parts[0]
    for i, p in enumerate(parts[1:], 1):
        left = out[-1:] or before
        right = p[:1] or (after if i == len(parts) - 1 else "")
        out += ("" if line_end_joins(left, right) else " ") + p
    return out


# ---- structure on top of the blocks ----------------------------------------

def attach_captions(blocks: list) -> list:
    """A paragraph `Table: caption` right after a table becomes its caption."""
    out = []
    for b in blocks:
        if (isinstance(b, n.Paragraph) and out and isinstance(out[-1], n.Table) and not out[-1].caption
                and b.children and isinstance(b.children[0], n.Text) and CAPTION.match(b.children[0].text)):
            first = b.children[0]
            rest = CAPTION.sub("", first.text, count=1)
            out[-1].caption = ([n.Text(first.file, first.line, rest)] if rest else []) + b.children[1:]
            continue
        for attr in ("blocks",):
            if hasattr(b, attr):
                setattr(b, attr, attach_captions(getattr(b, attr)))
        if isinstance(b, (n.BulletList, n.OrderedList)):
            for item in b.items:
                item.blocks = attach_captions(item.blocks)
        out.append(b)
    return out


def find_epigraphs(blocks: list) -> list:
    """A quote first in a chapter or section whose last paragraph starts with a dash."""
    out = []
    for b in blocks:
        first = not out or isinstance(out[-1], n.Section)
        if first and isinstance(b, n.BlockQuote) and len(b.blocks) >= 2 \
                and all(isinstance(p, n.Paragraph) for p in b.blocks):
            last = b.blocks[-1]
            head = last.children[0] if last.children else None
            if isinstance(head, n.Text) and head.text.lstrip().startswith(DASHES):
                out.append(n.Epigraph(b.file, b.line, b.blocks[:-1], last.children))
                continue
        out.append(b)
    return out


def parse_file(path, rel: str):
    """Parse one Markdown file -> (title inline nodes or None, title line, blocks).

    The first `#` heading is the title; a second `#` is an error (one chapter per file).
    """
    p = Parser(read_text(path), rel)
    blocks, _ = p.blocks()
    title, title_line, body = None, 0, []
    for b in blocks:
        if isinstance(b, n.Section) and b.level == 1:
            if title is not None:
                raise UserError(f"a second '#' heading (one chapter per file; the title is at line "
                                f"{title_line}); use '##' for sections", f"{rel}:{b.line}")
            title, title_line = b.title, b.line
            if body:
                raise UserError("text before the '#' chapter title", f"{rel}:{body[0].line}")
            continue
        body.append(b)
    body = take_labels(find_epigraphs(attach_captions(body)))
    return title, title_line, body


def parser() -> MarkdownIt:
    """The one markdown-it configuration, for every reader of chapter Markdown (build, diff, quality)."""
    return _md()
