"""typeset.pdf.charmap on a font made here with fontTools: each witness on its own."""
from __future__ import annotations

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from typeset.pdf.charmap import learn
from typeset.pdf.fonts import FontFacts
from typeset.pdf.glyphs import Glyph, Page


def _box(x0, y0, x1, y1):
    pen = TTGlyphPen(None)
    pen.moveTo((x0, y0)), pen.lineTo((x0, y1)), pen.lineTo((x1, y1)), pen.lineTo((x1, y0))
    pen.closePath()
    return pen.glyph()


def _font(cmap: dict):
    """glyphs: ko (a flat consonant, top 400), aa (top 400), am (a circle up to 620), mark"""
    fb = FontBuilder(1000, isTTF=True)
    order = [".notdef", "ko", "aa", "am", "mark"]
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf({".notdef": _box(0, 0, 10, 10), "ko": _box(30, 0, 330, 400),
                  "aa": _box(20, 0, 260, 400), "am": _box(-150, 0, 260, 620),
                  "mark": _box(-200, 470, -60, 610)})
    fb.setupHorizontalMetrics({"ko": (380, 30), "aa": (310, 20), "am": (310, 0),
                               ".notdef": (10, 0), "mark": (0, -200)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupMaxp()
    fb.setupPost()
    return fb.font


def _read(cmap: dict, drawn: list[tuple[int, str]]):
    tt = _font(cmap)
    facts = FontFacts(name="TEST+Font", cid=True, program=tt)
    for ch, gname in cmap.items():
        facts.cmap_chars.setdefault(tt.getGlyphID(gname), []).append(chr(ch))
    page = Page(1, 600, 800)
    x = 100.0
    for gid, said in drawn:
        adv = 0.0 if gid == 4 else 16 * tt["hmtx"][tt.getGlyphName(gid)][0] / 1000
        page.glyphs.append(Glyph(1, 0, gid, gid, said, x, 700, 16, adv, x, x + adv, 700, 710,
                                 len(page.glyphs)))
        x += adv
    readings = learn([page], [facts])
    return [g.char for g in page.glyphs], readings[0]


def test_shape_decides_sara_aa_and_am_where_the_font_has_no_cmap():
    # the text layer swapped them (Word's first-use map): the nikhahit circle decides
    chars, fr = _read({}, [(1, "ก"), (3, "า"), (1, "ก"), (2, "ำ")])
    assert chars == ["ก", "ำ", "ก", "า"]
    assert all("glyph shape" in r.evidence for _, r in fr.corrected())


def test_embedded_cmap_outvotes_the_text_layer_and_agreeing_witnesses_change_nothing():
    chars, fr = _read({0x0E01: "ko", 0x0E32: "aa", 0x0E4D: "mark"},
                      [(1, "ก"), (4, " "), (2, "ำ"), (1, "ก"), (2, "ำ")])
    assert chars == ["ก", "\u0e4d", "า", "ก", "า"]
    fixed = {k: r for k, r in fr.corrected()}
    assert set(fixed) == {2, 4} and "cmap" in fixed[2].evidence      # ko was right: untouched


def test_unnamed_mark_waits_for_the_dictionary():
    chars, fr = _read({}, [(1, "ก"), (4, ""), (2, "า")])
    r = fr.readings[4]
    assert r.candidates and "\u0e4d" in r.candidates and "\ue000" <= chars[1] < "\ue800"
