"""Every glyph a PDF draws, with its font, glyph id, position and ink box (pdfminer.six).

pdfminer's interpreter runs the content streams (text state, CTM, TJ offsets, Form XObjects);
a small device records each glyph instead of building pdfminer's layout objects, because the
layout here is recovered from the glyph boxes themselves (typeset.pdf.lines).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.utils import apply_matrix_pt

from typeset.errors import UserError
from typeset.fsutil import read_start
from typeset.pdf.fonts import FontFacts, read_facts

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Glyph:
    page: int          # 1-based
    font: int          # index into Pages.fonts
    gid: int           # glyph id in the embedded program (-1 unknown)
    code: int          # the code the content stream used
    text: str          # what the PDF's ToUnicode/encoding says (may be wrong or empty)
    x: float           # pen position (origin), PDF points, y up
    y: float
    size: float        # font size on the page
    adv: float         # advance on the page
    x0: float          # ink box on the page (from the glyph program; the advance box if none)
    x1: float
    y0: float
    y1: float
    seq: int = 0       # order in the content stream
    char: str = ""     # the decided reading (typeset.pdf.charmap)


@dataclass
class Image:
    page: int
    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    stream: object = None


@dataclass
class Page:
    number: int
    width: float
    height: float
    glyphs: list = field(default_factory=list)
    images: list = field(default_factory=list)
    rules: list = field(default_factory=list)     # (x0, y0, x1, y1) of thin filled/stroked lines
    boxes: list = field(default_factory=list)     # (x0, y0, x1, y1) of stroked closed shapes


@dataclass
class Pages:
    pages: list
    fonts: list            # FontFacts by index


def read_pdf(path: Path, first: int = 1, last: int | None = None) -> Pages:
    """All glyphs of pages first..last (1-based, inclusive). UserError for what is not a PDF we
    can read: not a PDF, encrypted, damaged."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    head = read_start(path, 1024, "a PDF file")
    if b"%PDF-" not in head:
        raise UserError(f"{path}: not a PDF file (no %PDF- header)")
    rm = _Resources()
    dev = _Device(rm)
    interp = PDFPageInterpreter(rm, dev)
    out: list[Page] = []
    try:
        with open(path, "rb") as fp:
            doc = PDFDocument(PDFParser(fp))
            if not doc.is_extractable:
                raise UserError(f"{path}: the PDF forbids text extraction (encrypted)")
            for i, page in enumerate(PDFPage.create_pages(doc), 1):
                if i < first:
                    continue
                if last is not None and i > last:
                    break
                x0, y0, x1, y1 = page.mediabox
                dev.page = Page(i, x1 - x0, y1 - y0)
                interp.process_page(page)
                out.append(dev.page)
    except UserError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UserError(f"{path}: the PDF is encrypted (open it and save it without a password)") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        raise UserError(f"{path}: damaged PDF, cannot be read ({type(e).__name__}: "
                        f"{str(e)[:80]})") from None
    except Exception as e:
        if type(e).__module__.startswith("pdfminer"):
            raise UserError(f"{path}: damaged PDF, cannot be read ({type(e).__name__})") from None
        raise
    if not out:
        raise UserError(f"{path}: no pages in the range asked for" if first > 1 or last
                        else f"{path}: the PDF has no pages")
    return Pages(out, rm.facts)


class _Resources(PDFResourceManager):
    """pdfminer's resource manager, remembering each font's dictionary and embedded facts."""

    def __init__(self):
        super().__init__(caching=True)
        self.facts: list[FontFacts] = []
        self.index: dict[int, int] = {}
        self._keep: list = []           # the fonts stay alive, so their ids stay unique

    def get_font(self, objid, spec):
        font = super().get_font(objid, spec)
        if id(font) not in self.index:
            self.index[id(font)] = len(self.facts)
            self.facts.append(read_facts(font, spec))
            self._keep.append(font)
        return font


class _Device(PDFTextDevice):
    """Records glyphs, images and drawn lines instead of building pdfminer's layout."""
    page: Page

    def __init__(self, rm: _Resources):
        super().__init__(rm)
        self.rm = rm

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        try:
            text = font.to_unichr(cid) or ""
        except PDFUnicodeNotDefined:
            text = ""
        fi = self.rm.index.get(id(font))
        facts = self.rm.facts[fi] if fi is not None else None
        width = font.char_width(cid)
        adv = width * fontsize * scaling
        a, b, c, d, e, f = matrix
        f += rise * d                   # Ts (text rise): superscripts drawn from the baseline
        gid = facts.gid(cid) if facts is not None else -1
        shape = facts.shape(gid) if facts is not None and gid >= 0 else None
        sx, sy = a * fontsize * scaling, d * fontsize
        if shape is not None and not shape.empty:
            x0, x1 = e + sx * shape.x0, e + sx * shape.x1
            y0, y1 = f + sy * shape.y0, f + sy * shape.y1
        else:
            x0, x1 = e, e + adv * a
            y0, y1 = f, f + 0.5 * sy
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        pg = self.page
        pg.glyphs.append(Glyph(pg.number, fi if fi is not None else -1, gid, cid, text, e, f,
                               abs(sy) or fontsize, adv * a, x0, x1, y0, y1,
                               len(pg.glyphs)))
        return adv

    def render_image(self, name, stream):
        pts = [apply_matrix_pt(self.ctm, p) for p in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self.page.images.append(Image(self.page.number, name, min(xs), min(ys), max(xs),
                                      max(ys), stream))

    def paint_path(self, gstate, stroke, fill, evenodd, path):
        pts = [apply_matrix_pt(self.ctm, (seg[-2], seg[-1])) for seg in path if len(seg) >= 3]
        if len(pts) < 2:
            return
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        box = (min(xs), min(ys), max(xs), max(ys))
        if min(w, h) <= 2.5 and max(w, h) >= 6:   # a ruling line, not a shape
            self.page.rules.append(box)
        elif stroke and w >= 30 and h >= 14 and any(seg[0] == "h" for seg in path):
            self.page.boxes.append(box)           # a drawn box: a diagram's, a text box
