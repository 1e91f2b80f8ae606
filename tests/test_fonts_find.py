"""Finding the Thai font: Sarabun by path, any installed Thai font by name, clear errors."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from typeset.errors import UserError
from typeset.fonts import find_font, font_context, thai_families


def test_sarabun_is_loaded_by_path_from_the_package():
    # font.scale: 1 -> the package's own files, untouched (auto derives copies: test_fonts_derive)
    ctx = font_context({"font": {"family": "Sarabun", "scale": 1}})
    f = ctx["font"]
    assert f["regular"] == "Sarabun-Regular.ttf" and f["bold"] == "Sarabun-Bold.ttf"
    assert "fontpkg_sarabun" in f["path"]
    assert ctx["pdfa"] is False
    assert font_context({"font": {"family": "Sarabun"}}, {"pdfa": True})["pdfa"] is True


def test_missing_font_is_a_user_error_listing_thai_fonts():
    with pytest.raises(UserError) as e:
        find_font("No Such Font Family 123")
    msg = str(e.value)
    assert "No Such Font Family 123" in msg and "is not installed" in msg and "Sarabun" in msg
    assert "\n" not in msg


def _installed(family: str) -> bool:
    return bool(shutil.which("fc-list")) and bool(
        subprocess.run(["fc-list", family, "family"], capture_output=True, text=True).stdout.strip())


@pytest.mark.skipif(not _installed("Laksaman"), reason="fonts-tlwg-laksaman-otf not installed")
def test_installed_thai_font_found_with_its_styles_case_insensitively():
    f = find_font("laksaman")
    assert f.family == "Laksaman" and f.regular and f.bold and f.italic and f.bold_italic
    assert (f.path / f.regular).is_file()
    assert "Laksaman" in thai_families()
    assert not f.warnings   # TLWG fonts carry OpenType Thai layout


@pytest.mark.skipif(not _installed("DejaVu Sans"), reason="no Latin-only font to try")
def test_font_without_thai_glyphs_is_refused():
    if "DejaVu Sans" in thai_families():
        pytest.skip("this DejaVu Sans covers Thai")
    with pytest.raises(UserError, match="has no Thai glyphs"):
        find_font("DejaVu Sans")
