"""What the embedded font program says about each glyph: its box, its advance and the characters
the font's own cmap assigns to it.

The ToUnicode map of a PDF font is written by the PDF producer and is often wrong for Thai; the
font program's cmap was written by the type designer (Word's subsets keep it), so it is the
stronger witness. Both, and the glyph boxes, go to typeset.pdf.charmap to decide each glyph.
"""
from __future__ import annotations

import io
import unicodedata
import logging
from dataclasses import dataclass, field

from typeset.thai.pua import from_pua

log = logging.getLogger(__name__)


@dataclass
class Shape:
    """A glyph in text space per 1 pt of font size (font units / units-per-em)."""
    adv: float
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def empty(self) -> bool:
        return self.x1 <= self.x0


@dataclass
class FontFacts:
    name: str                     # BaseFont with its subset tag, as the report names it
    cid: bool                     # a composite (Type0) font: codes are CIDs
    cid_to_gid: bytes | None = None   # a CIDToGIDMap stream (None: identity)
    program: object = None        # fontTools TTFont, or None when nothing usable is embedded
    code_gid: dict = field(default_factory=dict)    # simple fonts: code -> gid
    cmap_chars: dict = field(default_factory=dict)  # gid -> characters the font's cmap gives it
    _shapes: dict = field(default_factory=dict)
    _count: int = -1
    bold: bool = False

    def gid(self, code: int) -> int:
        if not self.cid:
            return self.code_gid.get(code, -1)
        m = self.cid_to_gid
        if m is None:
            return code
        i = 2 * code
        return int.from_bytes(m[i:i + 2], "big") if i + 2 <= len(m) else -1

    def shape(self, gid: int) -> Shape | None:
        """The glyph's box and advance from the font program, or None when it is not there."""
        if gid in self._shapes:
            return self._shapes[gid]
        s = None
        tt = self.program
        if tt is not None and 0 <= gid < self._nglyphs:
            try:
                name = tt.getGlyphName(gid)
                upem = tt["head"].unitsPerEm or 1000
                adv = tt["hmtx"][name][0] / upem
                g = tt["glyf"][name]
                if getattr(g, "numberOfContours", 0) == 0:
                    s = Shape(adv, 0.0, 0.0, 0.0, 0.0)
                else:
                    if not hasattr(g, "xMin"):
                        g.recalcBounds(tt["glyf"])
                    s = Shape(adv, g.xMin / upem, g.yMin / upem, g.xMax / upem, g.yMax / upem)
            except Exception as e:  # a damaged glyph: no shape evidence for it
                log.debug("%s: glyph %d unreadable: %s", self.name, gid, e)
        self._shapes[gid] = s
        return s

    @property
    def _nglyphs(self) -> int:
        if self.program is None:
            return 0
        if self._count < 0:          # the glyph order, not maxp (a font being built lacks it)
            self._count = len(self.program.getGlyphOrder())
        return self._count


def read_facts(font, spec) -> FontFacts:
    """FontFacts for a pdfminer font object and its font dictionary (PDF objects resolved)."""
    from pdfminer.pdftypes import resolve1

    subtype = _name(resolve1(spec.get("Subtype")))
    name = _name(resolve1(spec.get("BaseFont"))) or getattr(font, "fontname", "?")
    # pdfminer builds a Type0 font from its descendant's dictionary (CIDFontType0/2)
    facts = FontFacts(name=name, cid=subtype in ("Type0", "CIDFontType0", "CIDFontType2"))
    desc = resolve1(getattr(font, "descriptor", None) or {})
    if facts.cid:
        kid = spec
        if subtype == "Type0":
            kids = resolve1(spec.get("DescendantFonts")) or []
            kid = resolve1(kids[0]) if kids else {}
        m = resolve1(kid.get("CIDToGIDMap"))
        if m is not None and hasattr(m, "get_data"):
            facts.cid_to_gid = m.get_data()
        desc = resolve1(kid.get("FontDescriptor")) or desc
    flags = resolve1(desc.get("Flags", 0)) or 0
    weight = resolve1(desc.get("FontWeight", 400)) or 400
    facts.bold = bool(int(flags) & (1 << 18)) or float(weight) >= 600 or "bold" in name.lower()
    ff = resolve1(desc.get("FontFile2"))
    if ff is None or not hasattr(ff, "get_data"):
        return facts
    try:
        from fontTools.ttLib import TTFont

        tt = TTFont(io.BytesIO(ff.get_data()), lazy=True)
        tt["maxp"], tt["head"], tt["hmtx"]
        facts.program = tt
    except Exception as e:
        log.debug("%s: embedded font unreadable: %s", name, e)
        return facts
    _read_cmap(facts, font)
    return facts


def _read_cmap(facts: FontFacts, font) -> None:
    tt = facts.program
    try:
        tables = tt["cmap"].tables if "cmap" in tt else []
    except Exception:
        tables = []
    # Unicode subtables say what each glyph is; (3,0) and (1,0) map a simple font's codes.
    for t in tables:
        if t.platformID == 0 or (t.platformID == 3 and t.platEncID in (1, 10)):
            for cp, gname in t.cmap.items():
                try:
                    gid = tt.getGlyphID(gname)
                except Exception:
                    continue
                ch = from_pua(chr(cp))
                if unicodedata.category(ch) in ("Co", "Cc", "Cn", "Cs"):
                    continue          # a private or control code says nothing about the glyph
                have = facts.cmap_chars.setdefault(gid, [])
                if ch not in have:
                    have.append(ch)
    if facts.cid:
        return
    uni = getattr(font, "cid2unicode", {}) or {}
    by_kind = {(t.platformID, t.platEncID): t for t in tables}
    for code in range(256):
        # symbolic (3,0) first, then the Unicode table through the PDF's encoding; the Mac
        # (1,0) table of Word's subsets does not follow the codes the PDF uses
        gname = None
        if (3, 0) in by_kind:
            m = by_kind[(3, 0)].cmap
            gname = m.get(0xF000 + code) or m.get(code)
        if gname is None and code in uni:
            for k in ((3, 1), (0, 3), (0, 4)):
                if k in by_kind:
                    gname = by_kind[k].cmap.get(ord(uni[code][0]))
                    if gname:
                        break
        if gname is None and (1, 0) in by_kind and not uni:
            gname = by_kind[(1, 0)].cmap.get(code)
        if gname is not None:
            try:
                facts.code_gid[code] = tt.getGlyphID(gname)
            except Exception:
                pass


def _name(x) -> str:
    if x is None:
        return ""
    n = getattr(x, "name", x)
    return n.decode("latin-1") if isinstance(n, bytes) else str(n)
