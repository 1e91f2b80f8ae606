"""font.scale: Thai "16 pt" is the traditional TH Sarabun New size (typeset.fonts.thai_scale)."""
from __future__ import annotations

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from typeset.config.schema import SCHEMA, Invalid
from typeset.errors import UserError
from typeset.fonts import TRADITIONAL_KO_HEIGHT, font_context, ko_height, thai_scale


def _font(tmp_path, ko_top: int, name="T.ttf", with_ko=True):
    """A one-glyph TrueType font whose ก is a box `ko_top` units tall (1000 units per em)."""
    fb = FontBuilder(1000, isTTF=True)
    names = [".notdef", "ko"]
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x0E01: "ko"} if with_ko else {})
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0)); pen.lineTo((50, ko_top)); pen.lineTo((450, ko_top)); pen.lineTo((450, 0))
    pen.closePath()
    box = pen.glyph()
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "ko": box})
    fb.setupHorizontalMetrics({".notdef": (500, 0), "ko": (500, 50)})
    fb.setupHorizontalHeader(ascent=900, descent=-300)
    fb.setupNameTable({"familyName": "T", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    path = tmp_path / name
    fb.save(str(path))
    return str(path)


def test_sarabun_is_drawn_at_the_traditional_thai_size():
    ctx = font_context({"font": {"family": "Sarabun", "scale": "auto"}})
    scale = float(ctx["font"]["scale"])
    assert 0.66 <= scale <= 0.74          # Sarabun's ก is 0.586 em, TH Sarabun New's ~0.41 em
    assert font_context({"font": {"family": "Sarabun"}})["font"]["scale"] == ctx["font"]["scale"]


def test_a_number_is_used_as_given_and_1_turns_scaling_off():
    assert font_context({"font": {"family": "Sarabun", "scale": 1}})["font"]["scale"] is None
    assert font_context({"font": {"family": "Sarabun", "scale": 0.8}})["font"]["scale"] == "0.8"


def test_auto_measures_the_height_of_ko(tmp_path):
    modern = _font(tmp_path, 600, "modern.ttf")
    traditional = _font(tmp_path, 410, "traditional.ttf")
    small = _font(tmp_path, 300, "small.ttf")
    assert ko_height(modern) == pytest.approx(0.6)
    assert thai_scale(modern) == pytest.approx(TRADITIONAL_KO_HEIGHT / 0.6, abs=0.001)
    assert thai_scale(traditional) == 1.0          # a TH font is already the Thai size
    assert thai_scale(small) == 1.0                # never enlarged
    assert thai_scale(modern, 0.9) == 0.9


def test_font_without_ko_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no glyph for ก"):
        ko_height(_font(tmp_path, 500, "latin.ttf", with_ko=False))
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(UserError, match="cannot read font file"):
        ko_height(str(bad))


def test_schema_takes_auto_or_a_number():
    rule = SCHEMA["font"]["scale"]
    assert rule.check("auto") == "auto" and rule.check(0.7) == 0.7 and rule.check(1) == 1
    for bad in ("big", True, 5, "0.7"):
        with pytest.raises(Invalid, match="auto or a number"):
            rule.check(bad)
