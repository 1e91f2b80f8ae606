"""The body of a .docx, in order, as flat blocks with the facts structure needs (style, outline
level, Word numbering, bold, size, alignment). Tables and images become tree nodes here;
headings, lists and chapters are decided later (typeset.docx.structure).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from typeset.docx import media, xmlparts
from typeset.docx.inline import Inline
from typeset.docx.styles import Styles
from typeset.source import nodes as n


@dataclass
class Block:
    kind: str                      # para | table | figure
    index: int                     # 1-based paragraph/table count, for the report
    text: str = ""
    inlines: list = field(default_factory=list)
    style: str = ""
    outline: int | None = None     # 0 = level 1
    num: tuple | None = None       # (numId, ilvl)
    label: str = ""                # Word's generated number for this paragraph ("1.2", "•")
    num_fmt: str = ""
    num_text: str = ""             # lvlText, e.g. "%1.%2"
    align: str = ""
    bold: bool = False
    italic: bool = False
    size: float | None = None
    indent: int = 0                # left indent in twips (quotes)
    indent_right: int = 0
    node: object = None            # Table / Figure
    carried: object = None


@dataclass
class Report:
    styles: dict = field(default_factory=dict)    # style name -> (count, how mapped)
    dropped: list = field(default_factory=list)   # (where, what)
    lost: list = field(default_factory=list)      # (where, what): not carried over
    warnings: list = field(default_factory=list)  # (where, what): numbering differences etc.
    counts: dict = field(default_factory=dict)

    def count(self, key: str, k: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + k

    def styles_seen(self, style: str, how: str) -> None:
        hows = self.styles.setdefault(style, {})
        hows[how] = hows.get(how, 0) + 1


class Reader:
    def __init__(self, document, source_name: str):
        self.doc = document
        self.source_name = source_name
        self.styles = Styles(document)
        self.numbering = xmlparts.read_numbering(document)
        self.notes_xml = xmlparts.read_notes(document)
        self.sources = xmlparts.read_sources(document)
        self.source_tags = {s["tag"] for s in self.sources}
        self.cited: list[str] = []
        self.report = Report()
        self.media = media.Media(self.report)
        self.inline = Inline(self)
        self.math = _math_table(document)     # m:oMath element -> LaTeX, where math is written
        self.blocks: list[Block] = []
        self.count = 0

    # -- notes and citations (called by Inline) ------------------------------
    def note(self, kind: str, nid: str) -> list:
        paras, part = self.notes_xml.get((kind, nid), ([], None))
        saved = (self.inline.part, self.inline.para, self.inline.carried, self.inline.segs,
                 self.inline.stats)
        out: list = []
        for p_el in paras:
            nodes, carried, _ = self.inline.paragraph(DocxParagraph(p_el, self.doc._body), part)
            if out and nodes:
                out.append(n.Text(text=" "))
            out.extend(nodes)
        (self.inline.part, self.inline.para, self.inline.carried, self.inline.segs,
         self.inline.stats) = saved
        self.report.count(f"{kind}s")
        return _strip(out)

    def citation_keys(self, instr: str) -> list[str]:
        words = instr.split()
        keys = [words[1]] if len(words) > 1 else []
        keys += [words[i + 1] for i, w in enumerate(words[:-1]) if w.lower() == "\\m"]
        keys = [k for k in keys if k in self.source_tags]
        for k in keys:
            if k not in self.cited:
                self.cited.append(k)
        return [bib_key(k) for k in keys]

    # -- the body -------------------------------------------------------------
    def read(self) -> list[Block]:
        for item in self.doc.element.body.iterchildren():
            if item.tag == qn("w:p"):
                self._paragraph(DocxParagraph(item, self.doc._body))
            elif item.tag == qn("w:tbl"):
                self._table(DocxTable(item, self.doc._body))
            elif item.tag == qn("w:sdt"):
                content = item.find(qn("w:sdtContent"))
                for sub in (content.iterchildren() if content is not None else ()):
                    if sub.tag == qn("w:p"):
                        self._paragraph(DocxParagraph(sub, self.doc._body))
                    elif sub.tag == qn("w:tbl"):
                        self._table(DocxTable(sub, self.doc._body))
        return self.blocks

    def paragraph_block(self, para, part=None) -> Block:
        dropped_before = self.inline.in_dropped_field()
        inlines, carried, facts = self.inline.paragraph(para, part or self.doc.part)
        self.count += 1
        p_el = para._p
        style = self.styles.paragraph_style(p_el)
        b = Block("para", self.count, n.plain_text(inlines).strip(), _strip(inlines),
                  style.name if style is not None else "", xmlparts.outline_level(p_el, style),
                  carried=carried)
        b.bold, b.italic, b.size = facts["bold"], facts["italic"], facts["size"]
        b.align = _alignment(p_el, style)
        b.indent = _indent(p_el, style, ("w:left", "w:start"))
        b.indent_right = _indent(p_el, style, ("w:right", "w:end"))
        b.num = xmlparts.num_pr(p_el, style)
        if b.num:
            lv = self.numbering.level(*b.num)
            if lv is not None:
                b.num_fmt, b.num_text = lv.fmt, lv.text
                b.label = self.numbering.label(*b.num)
            else:
                b.num = None
        if not b.text and (carried.dropped_field or dropped_before) and not carried.images:
            b.kind = "dropped"
        return b

    def _paragraph(self, para) -> None:
        b = self.paragraph_block(para)
        c = b.carried
        where = f"paragraph {b.index}"
        for prog in c.objects:
            kind = "equation" if prog.startswith(("Equation", "MathType")) else "embedded object"
            self.report.lost.append((where, f"{kind} ({prog}): not carried over"))
            self.report.count("equations (embedded objects)" if kind == "equation" else "embedded objects")
        for eq in c.equations:
            self.report.lost.append((where, f"equation (Word math) kept as its plain characters, not as "
                                            f"math: {eq[:60]}"))
            self.report.count("equations (Word math) kept as characters")
        if c.converted:
            self.report.count("equations (Word math) converted to LaTeX", c.converted)
        if c.charts:
            self.report.lost.append((where, f"{c.charts} chart(s): Word charts have no image in the file; "
                                            "export each as PNG into figures/ and add ![caption](figures/x.png)"))
            self.report.count("charts", c.charts)
        if c.symbols:
            self.report.lost.append((where, f"{c.symbols} symbol-font character(s) with no Unicode "
                                            "equivalent known: retype them"))
        if c.linked:
            self.report.lost.append((where, f"{c.linked} image(s) linked to a file outside the .docx "
                                            "(not inside it): copy them into figures/"))
        if c.underline:
            self.report.count("underlined runs (no Markdown underline: kept as plain text)", c.underline)
        if c.breaks:
            self.report.count("line breaks inside paragraphs (joined)", c.breaks)
        figures = [self.media.figure(rid, part, desc, where) for rid, part, desc in c.images]
        figures = [f for f in figures if f is not None]
        if b.kind == "dropped":
            self.report.dropped.append((where, "a table-of-contents entry or page-number field result"))
            self.report.count("field results dropped (contents, page numbers)")
        elif b.text or not figures:
            self.blocks.append(b)
        for fig in figures:
            self.count += 1
            self.blocks.append(Block("figure", self.count, node=fig, align=b.align))
        for p_el in c.textboxes:
            self.report.count("text box paragraphs")
            self._paragraph(DocxParagraph(p_el, self.doc._body))

    def _table(self, table) -> None:
        from typeset.docx.tables import convert

        self.count += 1
        node, layout = convert(table, self, f"table {self.count}")
        if layout is not None:     # a layout table (equation rows, cover boxes): its paragraphs
            for paras, number in layout:
                mark = len(self.blocks)
                for para in paras:
                    self._paragraph(para)
                last = next((b for b in reversed(self.blocks[mark:]) if b.kind == "para" and b.text), None)
                if number and last is not None:
                    last.inlines.append(n.Text(text=" " + number))
                    last.text += " " + number
            return
        self.blocks.append(Block("table", self.count, node=node))


def _math_table(document) -> dict:
    """Every equation of the body converted at once (typeset.docx.math), when the source format
    has formulas; the elements are kept alive so the walk meets the same objects."""
    from typeset.docx import math

    if not math.available():
        return {}
    elements = [el for el in document.element.body.iter(*xmlparts.OMATH)
                if el.getparent() is None or el.getparent().tag not in xmlparts.OMATH]
    return {el: tex for el, tex in zip(elements, math.to_tex(elements)) if tex}


def bib_key(tag: str) -> str:
    key = re.sub(r"[^\w:.\-]", "", tag)
    return key or "source"


def _strip(nodes: list) -> list:
    """No space at the start or end of a paragraph."""
    nodes = list(nodes)
    while nodes and isinstance(nodes[0], n.Text) and not nodes[0].text.strip():
        nodes.pop(0)
    while nodes and isinstance(nodes[-1], n.Text) and not nodes[-1].text.strip():
        nodes.pop()
    if nodes and isinstance(nodes[0], n.Text):
        nodes[0] = n.Text(text=nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], n.Text):
        nodes[-1] = n.Text(text=nodes[-1].text.rstrip())
    return nodes


def _alignment(p_el, style) -> str:
    v = xmlparts.val(p_el.pPr, "w:jc") if p_el.pPr is not None else None
    s = style
    while v is None and s is not None:
        v = xmlparts.val(s.element.pPr, "w:jc")
        s = s.base_style
    return v or ""


def _indent(p_el, style, names) -> int:
    """An indent (twips) of the paragraph or its style chain, by attribute names of w:ind."""
    def get(ppr):
        ind = ppr.find(qn("w:ind")) if ppr is not None else None
        if ind is None:
            return None
        v = next((ind.get(qn(a)) for a in names if ind.get(qn(a))), None)
        return int(v) if v and v.lstrip("-").isdigit() else None
    v = get(p_el.pPr)
    s = style
    while v is None and s is not None:
        v = get(s.element.pPr)
        s = s.base_style
    return v or 0
