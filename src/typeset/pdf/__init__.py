"""`typeset import FILE.pdf`: recover a Thai document from the PDF itself, glyph by glyph.

    read_pdf (glyphs.py)     every glyph with font, glyph id, position, ink box (pdfminer.six);
                             fonts.py reads the embedded font programs (fontTools)
    charmap.learn            per font and glyph id: which character, from the embedded font's
                             cmap, the glyph's shape, the ToUnicode map, the Thai PUA table and
                             the Symbol encoding (symbol.py)
    lines.page_lines         rows by baseline, marks attached to the letter their ink sits on
    marks.resolve            marks no witness names, named by the dictionary
    layout.arrange           ruled tables (tables.py), boxed diagrams (diagram.py), images
                             (figures.py), reading order (columns), running heads and page
                             numbers dropped, footnotes (notes.py), paragraphs
    folder.pdf_folder        front matter (typeset.structure.front), chapters (typeset.structure;
                             headings by size where there is no บทที่ line: headings.py),
                             references, import-report.md (report.py)
"""
from __future__ import annotations

import re
from pathlib import Path

from typeset.errors import UserError


def parse_pages(spec: str | None) -> tuple[int, int | None]:
    """'3-10' -> (3, 10); '5' -> (5, 5); '7-' -> (7, None)."""
    if not spec:
        return 1, None
    m = re.fullmatch(r"\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?", spec)
    if not m:
        raise UserError(f"--pages {spec}: expected a page range such as 3-10")
    a = int(m.group(1))
    b = (int(m.group(3)) if m.group(3) else None) if m.group(2) else a
    if a < 1 or (b is not None and b < a):
        raise UserError(f"--pages {spec}: expected a page range such as 3-10 (first page 1)")
    return a, b


def read_document(path: Path, pages: str | None = None):
    """PDF -> (paragraphs in reading order, facts for the report)."""
    from typeset.pdf import charmap, layout, lines, marks
    from typeset.pdf.glyphs import read_pdf

    first, last = parse_pages(pages)
    doc = read_pdf(path, first, last)
    if not any(p.glyphs for p in doc.pages):
        raise UserError(f"{path}: no text layer (a scanned PDF?): run OCR on it first "
                        f"(e.g. ocrmypdf -l tha), then import the result")
    scanned = [p.number for p in doc.pages if not p.glyphs]
    readings = charmap.learn(doc.pages, doc.fonts)
    gap = lines.space_gap(doc.pages)
    by_page = {p.number: lines.page_lines(p, doc.fonts, gap) for p in doc.pages}
    marks.resolve([ln for ls in by_page.values() for ln in ls], readings)
    paras, dropped, body, blocks = layout.arrange(doc.pages, by_page)
    facts = {**blocks, "readings": readings, "dropped": dropped, "scanned": scanned, "body": body,
             "pages": [p.number for p in doc.pages], "images": [i for p in doc.pages for i in p.images]}
    return paras, facts


def import_pdf(path: Path, kind: str | None = None, pages: str | None = None,
               console=None) -> dict[str, str]:
    """PDF -> {relative path: content} of the thesis folder."""
    from typeset.pdf.folder import pdf_folder

    if console is not None:
        with console.status("reading glyphs…"):
            paras, facts = read_document(path, pages)
    else:
        paras, facts = read_document(path, pages)
    return pdf_folder(paras, facts, path.name, kind or "thesis")
