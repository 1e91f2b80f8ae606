"""font.scale as a derived font: the same outlines in a larger em (typeset.fonts.derive), written
into the tex folder and loaded at the nominal size, so the PDF says 16 pt as a Word PDF does."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest
from fontTools.ttLib import TTFont

from thai_helpers import MAIN, chapter_tex
from typeset.config import LATEX
from typeset.fonts import DERIVED_DIR, derive, font_context

SARABUN = font_context({"font": {"family": "Sarabun", "scale": 1}})["font"]
REGULAR = str(Path(SARABUN["path"]) / SARABUN["regular"])
THAI = re.compile(r"[\u0e01-\u0e4f]")


def _names(font: TTFont) -> dict[int, str]:
    return {r.nameID: r.toUnicode() for r in font["name"].names if r.platformID == 3}


def test_derived_sarabun_has_a_larger_em_the_same_outlines_and_its_own_name():
    name, data = derive(REGULAR, 0.7)
    new, old = TTFont(io.BytesIO(data)), TTFont(REGULAR)
    assert name == "Sarabun-Regular-upm1429.ttf"
    assert old["head"].unitsPerEm == 1000 and new["head"].unitsPerEm == 1429
    ko = old.getBestCmap()[0x0E01]
    assert new["glyf"][ko].coordinates == old["glyf"][ko].coordinates   # font units untouched
    assert new["hmtx"][ko] == old["hmtx"][ko] and new["hhea"].ascent == old["hhea"].ascent
    names = _names(new)
    assert names[1] == "Sarabun Scaled 70" and names[6] == "SarabunScaled70-Regular"
    assert names[4] == "Sarabun Scaled 70 Regular" and "unitsPerEm 1000 -> 1429" in names[5]
    assert names[0] == _names(old)[0]                   # the copyright stays
    assert "DSIG" not in new                             # the signature was of the original bytes


def test_derivation_is_byte_identical_and_written_only_when_changed(tmp_path):
    assert derive(REGULAR, 0.7) == derive(REGULAR, 0.7)
    ctx = font_context({"font": {"family": "Sarabun"}}, tex_dir=tmp_path)["font"]
    assert ctx["path"] == DERIVED_DIR                     # relative: the tex folder can move
    files = sorted((tmp_path / DERIVED_DIR).iterdir())
    assert [f.name for f in files] == sorted(ctx[k] for k in ("regular", "bold", "italic", "bold_italic"))
    before = {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    font_context({"font": {"family": "Sarabun"}}, tex_dir=tmp_path)
    assert {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in files} == before
    assert float(ctx["scale"]) == pytest.approx(1000 / 1429)
    assert ctx["source"] == REGULAR                       # measuring text uses the installed file


def test_scale_1_uses_the_installed_files(tmp_path):
    ctx = font_context({"font": {"family": "Sarabun", "scale": 1}}, tex_dir=tmp_path)["font"]
    assert ctx["scale"] is None and ctx["regular"] == "Sarabun-Regular.ttf"
    assert not (tmp_path / DERIVED_DIR).exists()


@pytest.mark.skipif(not shutil.which("fc-list") or not subprocess.run(
    ["fc-list", "Laksaman", "file"], capture_output=True, text=True).stdout.strip(),
    reason="fonts-tlwg-laksaman-otf not installed")
def test_cff_font_is_rescaled_through_its_font_matrix():
    file = subprocess.run(["fc-list", "Laksaman:style=Regular", "file"], capture_output=True,
                          text=True).stdout.split(":")[0].strip()
    name, data = derive(file, 0.68)
    new = TTFont(io.BytesIO(data))
    assert name.endswith("-upm1471.otf") and new["head"].unitsPerEm == 1471
    assert new["CFF "].cff.topDictIndex[0].FontMatrix[0] == pytest.approx(1 / 1471)
    assert _names(new)[1] == "Laksaman Scaled 68"


def _fonts_tex(tex_dir: Path) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(LATEX / "base")), undefined=jinja2.StrictUndefined,
        block_start_string="<%", block_end_string="%>", variable_start_string="<<",
        variable_end_string=">>", comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    ctx = font_context({"font": {"family": "Sarabun"}}, {}, tex_dir=tex_dir)
    return env.get_template("fonts.tex.j2").render(**ctx)


PARAGRAPH = ("ความสัมพันธ์ระหว่างรัสเซียกับเกาหลีเหนือได้พัฒนาขึ้นอย่างต่อเนื่อง นับตั้งแต่สมัยสหภาพโซเวียต "
             "ทั้งสองประเทศต่างเป็นพันธมิตรกันเพื่อความอยู่รอด รวมไปถึงการมีจุดประสงค์เดียวกันคือการต่อต้านตะวันตก "
             "แม้ในช่วงแรกความสัมพันธ์ของสองประเทศจะเหมือนพันธมิตรทั่วไป ทว่าในปัจจุบันโลกได้เข้าสู่ยุคที่มีการแบ่งขั้วอำนาจ"
             "ทางการเมืองโลกที่ชัดเจนขึ้น ความสัมพันธ์ของทั้งสองประเทศจึงเป็นที่จับตามองของทั่วโลก")


@pytest.mark.tex
def test_pdf_says_16pt_and_reads_without_blank_lines_between_lines(tmp_path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    from typeset.compile import compile_pdf

    tex = tmp_path / "tex"
    tex.mkdir()
    (tex / "fonts.tex").write_text(_fonts_tex(tex), encoding="utf-8")
    (tex / "main.tex").write_text(MAIN, encoding="utf-8")          # body 16pt on 24pt
    (tex / "ch01.tex").write_text(chapter_tex(f"# บทนำ\n\n{PARAGRAPH}\n", "chapters/01.md"),
                                  encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    compile_pdf(tex, "main.tex", pdf, source_date_epoch=0)

    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("SarabunScaled70" in r and " yes yes " in r for r in rows)
    sizes = {round(c.size, 1) for page in extract_pages(str(pdf)) for box in page
             if isinstance(box, LTTextContainer) for line in box for c in line
             if isinstance(c, LTChar) and THAI.match(c.get_text())}
    # the body at the nominal Thai size (with fontspec Scale=0.7 it read 11.2), the title larger
    assert any(abs(s - 16) < 0.5 for s in sizes) and min(sizes) > 15.5

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = [ln.strip() for ln in text.splitlines()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith("ความสัมพันธ์"))
    last = next(i for i, ln in enumerate(lines) if ln.endswith("ของทั่วโลก"))
    body = lines[first:last + 1]
    assert len(body) >= 3 and all(body)                   # the paragraph's lines, no blank between
    # what /work/shared/eval/breaks.py pairs: consecutive non-empty lines, Thai at the join
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a and b and THAI.match(a[-1]) and THAI.match(b[0])]
    assert pairs
