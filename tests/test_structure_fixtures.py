"""Synthetic raw layouts (clean characters, PDF-like layout) -> expected chapter Markdown.

The fixtures are laid out like an extraction: a blank line after every line, hard breaks inside
paragraphs, a page number and a page-start space inside a paragraph, a coded heading digit,
run-on numbered objectives, an epigraph with right-aligned attribution, an enumerated list with
titled items, and a framework whose box texts sit at the end of the section.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from typeset.structure import build_thesis
from typeset.source import nodes as n
from typeset.source.nodes import Epigraph, Framework, OrderedList as ListBlock, Section as Heading

FIX = Path(__file__).parent / "fixtures" / "structure"


def _text(item) -> str:
    """An item's own text (its first paragraph)."""
    return n.plain_text(item.blocks[0].children)


def _build(name: str):
    raw = (FIX / f"{name}.raw.txt").read_text(encoding="utf-8")
    return build_thesis(raw, raw.splitlines(), f"{name}.raw.txt")


@pytest.mark.parametrize("name", ["chapter-one", "two-chapters"])
def test_fixture_chapters_match_expected_markdown(name):
    files, _ = _build(name)
    chapters = sorted(k for k in files if k.startswith("chapters/"))
    expected = sorted(FIX.glob(f"{name}.*.expected.md"))
    assert len(chapters) == len(expected)
    for rel, exp in zip(chapters, expected):
        assert files[rel] == exp.read_text(encoding="utf-8"), rel


def test_page_number_and_page_start_are_joined_into_one_paragraph():
    files, doc = _build("chapter-one")
    md = files["chapters/01-chapter.md"]
    assert doc.counts["page numbers dropped"] == 1
    assert "\n12\n" not in md and "12 " not in md.split("## คำถาม")[0].split("Painter")[1]
    # the paragraph broken by the page runs on: ...ดังกล่าวเป็นแหล่งผลิตข้าว...
    assert "ดังกล่าวเป็นแหล่งผลิตข้าวที่สำคัญ" in md


def test_coded_heading_digit_is_filled_from_the_sequence_and_reported():
    _, doc = _build("chapter-one")
    heads = [b for b in doc.chapters[0].blocks if isinstance(b, Heading)]
    assert [h.number for h in heads] == ["1.1", "1.2", "1.3", "1.4", "1.4.1", "1.4.2", "1.5",
                                         "1.5.1", "1.5.2"]
    assert any(x.line == 46 and "1.=" in x.note and x.stage == "structure" for x in doc.notices)


def test_subsection_titles_naming_chapters_stay_headings_with_sibling_digit():
    _, doc = _build("chapter-one")
    subs = [b.plain_title for b in doc.chapters[0].blocks if isinstance(b, Heading) and b.level == 3]
    assert subs[-2:] == ["บทที่ 1 บทนำ", "บทที่ 2 แนวคิดและทฤษฎีที่เกี่ยวข้อง"]


def test_run_on_objectives_are_a_section_numbered_list():
    _, doc = _build("chapter-one")
    lists = [b for b in doc.chapters[0].blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].section_numbered
    assert [_text(it).split("ของ")[0] for it in lists[0].items] == ["เพื่อศึกษาบทบาท", "เพื่อวิเคราะห์ปัจจัยที่ทำให้องค์กรผู้ใช้น้ำดำเนินงานได้อย่างต่อเนื่องและเป็นที่ยอมรับ"]
    assert _text(lists[0].items[0]).endswith("ปลายน้ำในจังหวัดชัยนาท")


def test_epigraph_quote_and_attribution():
    _, doc = _build("chapter-one")
    ep = [b for b in doc.chapters[0].blocks if isinstance(b, Epigraph)]
    assert len(ep) == 1
    assert n.plain_text(ep[0].text[0].children).endswith('shaped it. " (da Vinci, 1500)')
    assert n.plain_text(ep[0].attribution) == "— Leonardo da Vinci, Painter and engineer."


def test_enumerated_titled_items_keep_their_explanations_nested():
    _, doc = _build("two-chapters")
    lists = [b for b in doc.chapters[1].blocks if isinstance(b, ListBlock)]
    titled, plain = lists
    assert [_text(it) for it in titled.items] == ["ขอบเขตของทรัพยากรชัดเจน", "กติกาสอดคล้องกับบริบท",
                                                "การมีส่วนร่วมในการตัดสินใจ"]
    assert [len(it.blocks) - 1 for it in titled.items] == [1, 1, 1]
    assert not plain.section_numbered and [len(it.blocks) - 1 for it in plain.items] == [0, 0, 0]


def test_framework_goes_where_the_drawing_was_with_three_boxes():
    files, doc = _build("two-chapters")
    blocks = doc.chapters[1].blocks
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Framework))
    assert isinstance(blocks[k - 2], Heading) and blocks[k - 2].plain_title == "กรอบแนวคิดในการวิจัย"
    assert blocks[k].file == "two-chapters.raw.txt" and blocks[k].line > blocks[k - 2].line
    md = files["chapters/02-chapter.md"]
    body = md.split("```framework\n")[1].split("```")[0]
    data = yaml.safe_load(body)
    assert data == {"caption": "กรอบแนวคิดในการวิจัย", "direction": "horizontal",
                    "boxes": ["องค์กรผู้ใช้น้ำ ระดับท้องถิ่น", "การจัดสรรน้ำที่เป็นธรรม",
                              "ความมั่นคงทางอาหาร"]}
    # the box texts are not left behind as paragraphs
    assert "\n\nความมั่นคงทางอาหาร\n" not in md and "\n\nองค์กรผู้ใช้น้ำ" not in md
    assert md.endswith("ของครัวเรือนเกษตรกร\n")


def test_thesis_yaml_has_todo_placeholders_and_loads():
    files, _ = _build("two-chapters")
    data = yaml.safe_load(files["thesis.yaml"])
    assert data["title"]["th"].startswith("TODO:") and data["year"].startswith("TODO:")


def test_report_lists_counts_and_uncertain_lines():
    files, _ = _build("chapter-one")
    report = files["import-report.md"]
    assert "| sections | 5 |" in report and "| epigraphs | 1 |" in report
    assert "- line 46:" in report


@pytest.mark.parametrize("name", ["chapter-one", "two-chapters"])
def test_imported_tree_is_what_the_written_markdown_reads_back_as(name, tmp_path):
    """The text import's tree and the folder reader's tree of what was written agree."""
    from typeset.source.markdown import parse_file

    from test_writers_markdown import shape

    files, doc = _build(name)
    for ch in doc.chapters:
        p = tmp_path / f"{ch.name}.md"
        p.write_text(files[f"chapters/{ch.name}.md"], encoding="utf-8")
        title, _, blocks = parse_file(p, f"chapters/{ch.name}.md")
        assert shape(title) == shape(ch.title)
        assert _unnumbered(shape(blocks)) == _unnumbered(shape(ch.blocks))


def _unnumbered(x):
    """Numbers are generated on build (source.numbering); the import keeps what it recovered.
    A framework without arrows reads back with the default chain (source.framework)."""
    if isinstance(x, list):
        return [_unnumbered(v) for v in x]
    if isinstance(x, dict):
        return {k: _unnumbered(v) for k, v in x.items() if k not in ("number", "index", "label", "arrows")}
    return x
