"""A Word table -> a GFM table node, or its paragraphs when it only lays things out (a row holding
an equation and its number, a one-cell box). Merged cells are written once (the other cells of
the span left empty) and counted; nested tables are flattened into their cell's text.
"""
from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from typeset.docx import xmlparts
from typeset.source import nodes as n

EQ_NUMBER = re.compile(r"^\(?\s*[\d๐-๙]+(?:[.\-][\d๐-๙]+)*\s*\)?$")
O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"


def _has_equation(tc) -> bool:
    for el in tc.iter(O_OLE):
        if el.get("ProgID", "").startswith(("Equation", "MathType")):
            return True
    return any(True for tag in xmlparts.OMATH for _ in tc.iter(tag))


def _paragraphs(tc, body):
    """Every paragraph of a cell, those of nested tables included, in order."""
    return [DocxParagraph(p, body) for p in tc.iter(qn("w:p"))]


def convert(table, reader, where: str):
    """(Table node, None), or (None, paragraphs) for a layout table."""
    tbl = table._tbl
    rows = tbl.tr_lst
    body = reader.doc._body
    tcs = [[tc for tc in tr.tc_lst] for tr in rows]
    ncols = max((sum(tc.grid_span for tc in r) for r in tcs), default=0)
    if not rows or ncols == 0:
        return None, []
    if any(_has_equation(tc) for r in tcs for tc in r) and ncols <= 3:
        return None, _equation_rows(tcs, body, reader, where)
    if ncols == 1 and len(rows) <= 2:
        reader.report.count("one-cell tables (boxes) read as paragraphs")
        return None, [([p for tc in r for p in _paragraphs(tc, body)], "") for r in tcs]
    grid: list[list[list]] = []
    aligns: list[list[str]] = [[] for _ in range(ncols)]
    merged = 0
    for r in tcs:
        row: list[list] = []
        for tc in r:
            if tc.vMerge == "continue":
                cell: list = []
                merged += 1
            else:
                cell = _cell(tc, body, reader, aligns, len(row))
            row.append(cell)
            for _ in range(tc.grid_span - 1):
                row.append([])
                merged += 1
        row += [[] for _ in range(ncols - len(row))]
        grid.append(row[:ncols])
    if any(tc.find(".//" + qn("w:tbl")) is not None for r in tcs for tc in r):
        reader.report.lost.append((where, "nested table flattened into its cell's text"))
    if merged:
        reader.report.lost.append((where, f"{merged} merged cell(s) written once, the rest of the span "
                                          "left empty"))
        reader.report.count("merged table cells", merged)
    align = [_majority(a) for a in aligns]
    grid[0] = [_unbold(c) for c in grid[0]]
    reader.report.count("tables")
    return n.Table(caption=[], align=align, header=grid[0], rows=grid[1:]), None


def _cell(tc, body, reader, aligns, col: int) -> list:
    out: list = []
    for para in _paragraphs(tc, body):
        b = reader.paragraph_block(para)
        if b.carried.images or b.carried.charts or b.carried.objects:
            reader.report.lost.append((f"table {reader.count}", "image or object inside a table cell "
                                                                "not carried over"))
        if not b.inlines:
            continue
        if out:
            out.append(n.Text(text=" "))
        out.extend(_flat(b.inlines))
        if col < len(aligns):
            aligns[col].append(b.align)
    return out


def _unbold(cell: list) -> list:
    """A header cell set bold in Word: the header row is set as a header anyway."""
    if len(cell) == 1 and isinstance(cell[0], n.Strong):
        return list(cell[0].children)
    return cell


def _flat(nodes: list) -> list:
    """A cell is one line: no footnotes there would lose their text, so they stay; breaks go."""
    return [n.Text(text=" ") if isinstance(x, n.LineBreak) else x for x in nodes]


def _majority(values: list[str]) -> str:
    mapped = ["c" if v == "center" else "r" if v in ("right", "end") else "l" for v in values]
    return max(set(mapped), key=mapped.count) if mapped else "l"


def _equation_rows(tcs, body, reader, where: str) -> list:
    """An equation laid out in a table row -> [(paragraphs, its number)]; MathType objects are
    reported (by read), Word math keeps its characters and gets its number after it."""
    rows = []
    for r in tcs:
        number, paras = "", []
        for tc in r:
            for para in _paragraphs(tc, body):
                text = "".join(t.text or "" for t in para._p.iter(qn("w:t"))).strip()
                if text and EQ_NUMBER.match(text) and not any(True for tag in xmlparts.OMATH
                                                               for _ in para._p.iter(tag)):
                    number = text
                else:
                    paras.append(para)
        if number and any(True for tc in r for _ in tc.iter(O_OLE)):
            reader.report.lost.append((where, f"equation {number} (an embedded MathType/Equation "
                                              "object) not carried over"))
            number = ""
        rows.append((paras, number))
    return rows
