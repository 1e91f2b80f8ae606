"""Layout measured in the PDF (pdftotext -bbox, in bp): gaps follow the letters as drawn, front-page
tables do not overprint, lists and quotes sit at the paragraph indent, framework text is centred.

The thai-thesis body font is a derived Sarabun whose em is 1/0.7 of its letters (fonts.tex.j2):
a gap written in em or \\quad came out 1.43 x too wide, so template gaps are in \\thaiem.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from source_helpers import FIXTURES, build_copy

LAYOUT = FIXTURES / "render" / "layout"
PT = 72 / 72.27            # one TeX point in bp
THAIEM = 0.7               # Sarabun's letters are drawn at 0.7 of the nominal size
LEFT = 1.5 * 72            # thai-thesis: 1.5 in left margin
RIGHT = 595.28 - 72        # A4, 1 in right margin
INDENT = 0.5 * 72          # paragraph.indent 0.5in
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layout")
    proc, out = build_copy(LAYOUT, tmp)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r",\s+0\s+overfull\s+boxes", proc.stdout + proc.stderr)   # rich wraps lines
    html = subprocess.run(["pdftotext", "-bbox", str(out / "thesis.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(p)]
            for p in html.split("<page ")[1:]]


def page_with(pages, text):
    """The last page holding the word: the body, not the contents lists before it."""
    return next(p for p in reversed(pages) if any(w[4] == text for w in p))


def word(page, text):
    return next(w for w in page if w[4] == text)


def line_of(page, w):
    """The words on w's baseline, left to right."""
    return sorted((v for v in page if abs(v[3] - w[3]) < 0.5), key=lambda v: v[0])


@pytest.mark.tex
def test_heading_number_gap_is_three_quarters_of_a_drawn_letter(pages):
    page = page_with(pages, "ที่มาและความสำคัญ")
    number, title = word(page, "1.1"), word(page, "ที่มาและความสำคัญ")
    # 0.75\thaiem at 18pt = 9.45pt; in the nominal em (0.75em) it was 13.5pt
    assert title[0] - number[2] == pytest.approx(0.75 * THAIEM * 18 * PT, abs=0.5)


@pytest.mark.tex
def test_numbered_list_label_at_the_indent_text_hanging_after_it(pages):
    page = page_with(pages, "1.2.1")
    first, second = word(page, "1.2.1"), word(page, "1.2.2")
    assert first[0] == second[0] == pytest.approx(LEFT + INDENT, abs=0.5)
    text = line_of(page, first)[1]
    # the widest label is followed by half a drawn letter (0.5\thaiem at 16pt)
    assert text[0] - second[2] == pytest.approx(0.5 * THAIEM * 16 * PT, abs=0.5)
    # the first word of the item's next line (where the line breaks depends on justification)
    continuation = min((v for v in page if v[3] > text[3] + 1), key=lambda v: (v[3], v[0]))
    assert continuation[0] == pytest.approx(text[0], abs=0.3)
    # a nested list: its bullet under the parent item's text, one single-spaced line below it
    # (no \topsep or \partopsep: KOMA's 16pt \partopsep opened a 10pt gap)
    nested = line_of(page, word(page, "แนวโน้มย่อย"))[0]
    assert nested[4] == "•" and nested[0] == pytest.approx(text[0], abs=0.3)
    assert nested[3] - second[3] == pytest.approx(1.47 * 16 * PT, abs=0.3)


@pytest.mark.tex
def test_bullets_sit_where_numbered_labels_do(pages):
    page = page_with(pages, "•")
    bullets = [w for w in page if w[4] == "•" and w[0] < LEFT + INDENT + 1]
    assert len(bullets) == 2 and all(b[0] == pytest.approx(LEFT + INDENT, abs=0.5) for b in bullets)
    text = line_of(page, bullets[0])[1]
    assert text[0] - bullets[0][2] == pytest.approx(0.5 * THAIEM * 16 * PT, abs=0.5)
    assert word(page, "สำนักข่าวต่างประเทศหลายแห่ง")[0] == pytest.approx(text[0], abs=0.3)
    # no blank line between items: baselines one single-spaced line apart (1.47 x 16pt)
    assert bullets[1][3] - bullets[0][3] == pytest.approx(2 * 1.47 * 16 * PT, abs=0.5)


@pytest.mark.tex
def test_block_quote_is_indented_by_the_paragraph_indent_on_both_sides(pages):
    page = page_with(pages, "ย่อหน้าหลังข้อความที่ยกมา")
    start = word(page, "ข้อความที่ยกมาอ้างอิงเป็นย่อหน้าแยก")
    quote = [w for w in page if start[1] - 1 < w[1] < word(page, "ย่อหน้าหลังข้อความที่ยกมา")[1] - 1]
    assert len({round(w[3]) for w in quote}) == 2
    assert min(w[0] for w in quote) == pytest.approx(LEFT + INDENT, abs=0.5)
    assert max(w[2] for w in quote) <= RIGHT - INDENT + 0.5


@pytest.mark.tex
def test_abstract_table_clears_the_heading_and_the_text(pages):
    page = page_with(pages, "ชื่อเรื่อง")
    heading, first_row = word(page, "บทคัดย่อ"), word(page, "ชื่อเรื่อง")
    last_row, text = word(page, "อาจารย์ที่ปรึกษา"), line_of(page, word(page, "2022–2024"))[0]
    # a vertically centred table overprinted the heading and the first paragraph
    assert heading[3] < first_row[1]
    assert first_row[3] < last_row[1]
    # the text starts one line (23.5pt) and a \bigskip (12pt) below the last row
    assert text[3] - 23.5 * PT > last_row[3]
    first_line = next(w for w in page if w[4].startswith("การศึกษานี้มุ่งวิเคราะห์"))
    assert first_line[3] - last_row[3] \
        == pytest.approx((23.52 + 12) * PT, abs=1)


@pytest.mark.tex
def test_approval_signature_lines_do_not_overprint_the_names(pages):
    page = page_with(pages, "คณะกรรมการสอบ")
    dots = sorted(w for w in page if set(w[4]) == {"."})
    names = sorted((w for w in page if w[4].startswith("(")), key=lambda w: w[1])
    dots.sort(key=lambda w: w[1])
    assert len(dots) == len(names) == 4
    for line, name, later in zip(dots, names, dots[1:] + [None]):
        assert line[3] < name[1]                  # the name under its line
        if later:                                 # a line of room to sign before the next one
            assert later[1] - name[3] > 23.5 * PT


@pytest.mark.tex
def test_framework_box_lines_are_centred(pages):
    page = page_with(pages, "ภาพที่")
    caption_y = word(page, "ภาพที่")[1]
    lines: dict[int, list] = {}
    for w in page:
        if w[1] < caption_y - 5 and w[1] > 100:
            lines.setdefault((round(w[3]), round(w[0] // 120)), []).append(w)
    centres = sorted((min(w[0] for w in ws) + max(w[2] for w in ws)) / 2 for ws in lines.values())
    boxes, group = [], [centres[0]]
    for c in centres[1:]:
        if c - group[-1] > 30:
            boxes.append(group)
            group = []
        group.append(c)
    boxes.append(group)
    # three boxes; each line centred in its box (TikZ's align=center lost to the Thai break glue
    # and set the lines flush left, centres spread over 10pt)
    assert len(boxes) == 3 and all(len(b) >= 3 for b in boxes)
    assert all(max(b) - min(b) < 1.5 for b in boxes)
    # the caption follows the picture directly: the full-width picture's trailing space made an
    # empty line (23.5pt) above it; \abovecaptionskip 10pt + the caption's line leave ~18bp
    lowest = max(w[3] for w in page if w[1] < caption_y - 5)
    assert caption_y - lowest < 25


@pytest.mark.tex
def test_thai_title_page_repeats_the_cover_line_for_line(pages):
    # the title page used a center environment, whose \topsep raised its bottom block 14bp
    cover, title_page = pages[0], pages[1]
    assert [w[4] for w in cover] == [w[4] for w in title_page]
    assert all(a[:4] == pytest.approx(b[:4], abs=0.1) for a, b in zip(cover, title_page))


def test_paragraph_indent_in_em_means_the_drawn_letters(tmp_path):
    from typeset import source
    from typeset.render import render

    folder = Path(shutil.copytree(LAYOUT, tmp_path / "thesis"))
    yaml = folder / "thesis.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "settings: {paragraph: {indent: 5em}}\n", encoding="utf-8")
    main = render(*source.load(folder))["thesis.tex"]
    assert "\\setlength{\\tsindent}{5\\thaiem}" in main
    assert "\\setlength{\\tsindent}{0.5in}" in render(*source.load(LAYOUT))["thesis.tex"]
