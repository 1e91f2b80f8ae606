"""A setting changes the PDF: margins, font size, page-number position and numerals, measured from
the text positions pdftotext -bbox reports (PostScript points from the top-left corner).

Each build renders tests/fixtures/config/main.tex.j2 (front matter, lists, chapters, appendix)
through latex/base/settings.tex.j2 exactly as the renderer does, with Sarabun at the given size.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from templates_helpers import compile_tex, have_tex, render_fixture, words

pytestmark = [pytest.mark.tex, pytest.mark.skipif(not have_tex(), reason="needs xelatex, latexmk, pdftotext")]

BP = 72.0                      # PostScript points per inch (pdftotext units)
A4_W, A4_H = 595.28, 841.89
ASCENT, DESCENT = 1.068, 0.232  # Sarabun's line box, in em: turns a word box into its baseline


def baseline(w) -> float:
    return w.y0 + (w.y1 - w.y0) * ASCENT / (ASCENT + DESCENT)


def build(tmp: Path, template: str, settings: str = "") -> list:
    src = tmp / "src"
    src.mkdir(parents=True)
    (src / "thesis.yaml").write_text(f"template: {template}\ntitle: ทดสอบ\n{settings}", encoding="utf-8")
    return words(compile_tex(render_fixture(src, tmp / "out")))


@pytest.fixture(scope="module")
def thesis(tmp_path_factory):
    return build(tmp_path_factory.mktemp("thai-thesis"), "thai-thesis")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build(tmp_path_factory.mktemp("thai-report"), "thai-report")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    return build(tmp_path_factory.mktemp("changed"), "thai-thesis", (
        "settings:\n  margins: {left: 2in}\n  font: {size: 18pt}\n"
        "  numbers: {chapter: thai, frontmatter_pages: thai}\n"
        "  page_numbers: {body: bottom-right, bottom_distance: 0.5in}\n"))


NUMBER = re.compile(r"^([0-9]+|[๐-๙]+|[ก-ฮ])$")


def page_numbers(page):
    """Words outside the text area: the page number, if any."""
    return [w for w in page.words if w.y1 < 1.5 * BP - 4 or w.y0 > A4_H - BP]


def find(pages, text, first_word=False):
    """(page index, word): the first `text`; with first_word, only as the first word of a page."""
    return next((i, w) for i, p in enumerate(pages) for w in p.words[:1 if first_word else None]
                if w.text == text)


def chapter(pages):
    """(index, label word) of chapter 1's first page: the first page that starts with บทที่."""
    return find(pages, "บทที่", first_word=True)


def test_thai_thesis_margins_and_page_numbers(thesis):
    front, toc = thesis[0], thesis[1]
    # text block: 1.5in left, 1in right
    assert min(w.x0 for p in thesis for w in p.words) == pytest.approx(1.5 * BP, abs=1)
    lines_end = max(w.x1 for p in thesis[4:] for w in p.words if w.y0 > 1.5 * BP)
    assert lines_end == pytest.approx(A4_W - 1 * BP, abs=1.5)
    # front matter: ก ข ค at the bottom centre, 0.6in from the edge
    (n,) = page_numbers(front)
    assert n.text == "ก" and page_numbers(toc)[0].text == "ข"
    assert (n.x0 + n.x1) / 2 == pytest.approx((1.5 * BP + A4_W - BP) / 2, abs=2)
    assert baseline(n) == pytest.approx(A4_H - 0.6 * BP, abs=1.5)
    # chapter 1's first page carries no number; later body pages at the top right, 1in from the top
    i, label = chapter(thesis)
    assert page_numbers(thesis[i]) == []
    numbered = [p for p in thesis[i + 1:] if page_numbers(p)]
    assert all(NUMBER.match(w.text) for p in thesis for w in page_numbers(p))
    n = page_numbers(numbered[0])[0]
    assert n.text.isdigit()
    assert n.x1 == pytest.approx(A4_W - 1 * BP, abs=1)
    assert baseline(n) == pytest.approx(1 * BP, abs=1.5)
    # chapter label centred in the text block
    assert (label.x0 + label.x1) / 2 < (1.5 * BP + A4_W - BP) / 2 < label.x1 + 40


def test_thai_report_differs_visibly(thesis, report):
    # 1in margins + 0.5in binding: the same left edge, but text starts 0.5in higher
    assert min(w.x0 for p in report for w in p.words) == pytest.approx(1.5 * BP, abs=1)
    _, t_label = chapter(thesis)
    i, r_label = chapter(report)
    assert t_label.y0 - r_label.y0 == pytest.approx(0.5 * BP, abs=1)
    # chapter heads centred in the text block in both (Thai reports centre them too)
    centre = (1.5 * BP + A4_W - BP) / 2
    assert (r_label.x0 + r_label.x1) / 2 < centre < r_label.x1 + 40
    assert r_label.x0 > 2.5 * BP
    # every body page numbered at the bottom centre, the chapter's first page too
    n = page_numbers(report[i])[0]
    assert n.text == "1"
    assert baseline(n) == pytest.approx(A4_H - 0.5 * BP, abs=1.5)
    assert (n.x0 + n.x1) / 2 == pytest.approx((1.5 * BP + A4_W - BP) / 2, abs=2)


def test_thesis_yaml_settings_change_the_pdf(thesis, changed):
    assert min(w.x0 for p in changed for w in p.words) == pytest.approx(2 * BP, abs=1)
    # font size: the same word is 18/16 as tall
    _, t = find(thesis, "บทคัดย่อ")
    _, c = find(changed, "บทคัดย่อ")
    t_body = next(w for w in thesis[0].words if w.text.startswith("ความสัมพันธ์"))
    c_body = next(w for w in changed[0].words if w.text.startswith("ความสัมพันธ์"))
    assert (c_body.y1 - c_body.y0) / (t_body.y1 - t_body.y0) == pytest.approx(18 / 16, rel=0.01)
    # Thai numerals: front pages ๑ ๒, chapter label บทที่ ๑, section ๑.๑
    assert page_numbers(changed[0])[0].text == "๑"
    texts = [w.text for p in changed for w in p.words]
    assert "๑.๑" in texts and "บทที่" in texts
    i, _ = chapter(changed)
    assert any(w.text == "๑" for w in changed[i].words)
    # body page numbers now at the bottom right, 0.5in from the edge
    numbered = [p for p in changed[i + 1:] if page_numbers(p)]
    n = page_numbers(numbered[0])[0]
    assert n.x1 == pytest.approx(A4_W - BP, abs=1)
    assert baseline(n) == pytest.approx(A4_H - 0.5 * BP, abs=1.5)


def test_toc_has_page_column_and_dotted_leaders(thesis):
    toc = thesis[1]
    texts = [w.text for w in toc.words]
    assert texts[:2] == ["สารบัญ", "หน้า"]
    head = next(w for w in toc.words if w.text == "หน้า")
    assert head.x1 == pytest.approx(A4_W - BP, abs=1)
    first = [w for w in toc.words if abs(w.y0 - toc.words[2].y0) < 1]   # บทคัดย่อ . . . . ก
    assert sum(w.text == "." for w in first) > 10 and first[-1].text == "ก"
    assert "บทที่" in texts and "ภาคผนวก" in texts
    lof = thesis[2]
    assert [w.text for w in lof.words][:3] == ["สารบัญภาพ", "ภาพที่", "หน้า"]


def test_thai_single_spacing_and_indented_first_paragraph(thesis):
    i, _ = chapter(thesis)
    page = thesis[i]
    _, head = find([page], "1.1")                      # the section heading ที่มาและความสำคัญ
    body = [w for w in page.words if w.y0 > head.y1 + 2 and w.y1 < A4_H - BP]
    groups: list[list[float]] = []
    for b in sorted(w.y1 for w in body):      # word boxes vary with marks: cluster by line
        if not groups or b - groups[-1][-1] > 5:
            groups.append([])
        groups[-1].append(b)
    lines = [min(g) for g in groups]          # box bottoms: baseline + the font's descent
    # Word's single spacing for TH Sarabun New: baselines 1.47 x 16pt apart (in bp); this fixture
    # lacks fonts.tex.j2's \\lineskiplimit, so a line with stacked marks may sit lower: the minimum
    steps = [b - a for a, b in zip(lines, lines[1:]) if b - a < 30]
    assert len(steps) >= 5
    assert min(steps) == pytest.approx(1.47 * 16 * 72 / 72.27, abs=0.3)
    # the first paragraph after a section heading is indented 0.5in, as every paragraph
    first = min((w for w in body if w.y1 in groups[0]), key=lambda w: w.x0)
    assert first.x0 == pytest.approx(1.5 * BP + 0.5 * BP, abs=1)
