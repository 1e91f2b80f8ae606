"""Markdown -> document tree: structure, generated numbers, lines, and clear errors."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from source_helpers import FIXTURES, check_golden, dumps, tree_data
from typeset import source
from typeset.errors import UserError
from typeset.source import nodes as n
from typeset.source.markdown import parse_file
from typeset.source.numbering import number_part

SRC = FIXTURES / "source"


def chapter(path: Path, rel: str = "chapters/02-theory.md", index: int = 2) -> n.Chapter:
    title, line, blocks = parse_file(path, rel)
    ch = n.Chapter(rel, line, title, str(index), blocks, "chapter", Path(rel).stem, index)
    number_part(ch, str(index), True)
    return ch


def md_chapter(tmp_path: Path, text: str, rel: str = "chapters/01-x.md") -> n.Chapter:
    p = tmp_path / "x.md"
    p.write_text(text, encoding="utf-8")
    return chapter(p, rel, 1)


@pytest.fixture(scope="module")
def structure() -> n.Chapter:
    return chapter(SRC / "structure.md")


def test_tree_matches_golden(structure):
    check_golden(SRC / "structure.json", dumps(tree_data(structure)))


def test_generated_numbers(structure):
    heads = [(b.level, b.number, b.plain_title) for b in n.walk(structure.blocks) if isinstance(b, n.Section)]
    assert heads == [(2, "2.1", "ทฤษฎีสัจนิยมใหม่"), (3, "2.1.1", "ความหมาย"),
                     (4, "2.1.1.1", "รายละเอียดย่อย"), (3, "2.1.2", "โครงสร้างระบบ"),
                     (2, "2.2", "กรอบแนวคิด")]
    floats = [(type(b).__name__, b.number) for b in n.walk(structure.blocks)
              if isinstance(b, (n.Figure, n.Table, n.Framework))]
    assert floats == [("Framework", "2.1"), ("Table", "2.1"), ("Figure", "2.2")]


def test_section_numbered_lists_continue_the_section_number(structure):
    lists = [b for b in structure.blocks if isinstance(b, n.OrderedList)]
    labels = [[i.label for i in lst.items] for lst in lists]
    assert labels == [["2.2.1", "2.2.2"], ["2.2.3"], ["3.", "4."]]
    assert [lst.section_numbered for lst in lists] == [True, True, False]
    nested = [b for b in n.walk(structure.blocks) if isinstance(b, n.OrderedList)
              and b not in lists]
    assert [i.label for i in nested[0].items] == ["1.", "2."]


def test_epigraph_only_at_the_start(structure):
    first = structure.blocks[0]
    assert isinstance(first, n.Epigraph)
    assert n.plain_text(first.attribution) == "— Kenneth Waltz"
    assert n.plain_text(first.text[0].children).startswith('" Power is a means')
    quotes = [b for b in structure.blocks if isinstance(b, n.BlockQuote)]
    assert len(quotes) == 1 and n.plain_text(quotes[0].blocks[0].children) == "อ้างอิงธรรมดา ไม่ใช่บทนำ"


def test_soft_breaks_vanish_between_thai_and_are_spaces_otherwise(structure):
    para = structure.blocks[1]
    text = n.plain_text(para.children)
    assert "ลิงก์ต่อบรรทัดใหม่ภาษาไทย and a Latin line ต่อ" in text


def test_inline_nodes(structure):
    para = structure.blocks[1]
    kinds = [type(x).__name__ for x in para.children]
    assert kinds[:8] == ["Text", "Emph", "Text", "Strong", "Text", "Code", "Text", "Link"]
    link = next(x for x in para.children if isinstance(x, n.Link))
    assert link.url == "https://example.org/a?b=1#c"
    cite_para = next(b for b in n.walk(structure.blocks)
                     if isinstance(b, n.Paragraph) and "อ้างถึง" in n.plain_text(b.children))
    note = next(x for x in cite_para.children if isinstance(x, n.FootnoteRef))
    assert n.plain_text(note.children) == "เชิงอรรถ สำคัญ"
    assert isinstance(note.children[-1], n.Emph)
    cite = next(x for x in cite_para.children if isinstance(x, n.Citation))
    assert (cite.keys, cite.locator, cite.raw) == (["waltz1979"], "p. 12", "[@waltz1979, p. 12]")
    assert "(Waltz, 2010)" in n.plain_text([x for x in cite_para.children if isinstance(x, n.Text)])


def test_table_figure_framework(structure):
    table = next(b for b in structure.blocks if isinstance(b, n.Table))
    assert n.plain_text(table.caption) == "มูลค่าการค้า"
    assert table.align == ["l", "c", "r"]
    assert [n.plain_text(c) for c in table.header] == ["ประเทศ", "ปี", "มูลค่า"]
    assert [[n.plain_text(c) for c in r] for r in table.rows][1] == ["เกาหลีเหนือ", "2023", "25"]
    fig = next(b for b in structure.blocks if isinstance(b, n.Figure))
    assert (fig.path, n.plain_text(fig.caption)) == ("figures/map.png", "แผนที่ภูมิภาค")
    fw = next(b for b in structure.blocks if isinstance(b, n.Framework))
    assert fw.direction == "vertical" and len(fw.boxes) == 3
    assert [(a.source, a.target, a.label) for a in fw.arrows] == [(1, 2, "อธิบาย"), (1, 3, "")]
    # no paragraph "Table: …" is left behind
    assert not any(isinstance(b, n.Paragraph) and "Table:" in n.plain_text(b.children)
                   for b in structure.blocks)


def test_every_node_knows_its_file_and_line(structure):
    lines = (SRC / "structure.md").read_text(encoding="utf-8").splitlines()
    for b in n.walk(structure.blocks):
        if isinstance(b, n.Node):
            assert b.file == "chapters/02-theory.md"
            assert 1 <= b.line <= len(lines)
    for b in structure.blocks:
        if isinstance(b, n.Section):
            assert lines[b.line - 1].lstrip("#").strip() == b.plain_title
        if isinstance(b, n.Framework):
            assert lines[b.line - 1] == "```framework"


def test_default_arrows_join_each_box_to_the_next(tmp_path):
    ch = md_chapter(tmp_path, "# บท\n\n```framework\ncaption: ก\nboxes: [ก, ข, ค]\n```\n")
    fw = ch.blocks[0]
    assert [(a.source, a.target) for a in fw.arrows] == [(1, 2), (2, 3)]
    assert fw.direction == "horizontal" and fw.number == "1.1"


@pytest.mark.parametrize("yaml_text, words, line", [
    ("caption: ก\ncolour: red\nboxes: [ก]\n", ["unknown framework key 'colour'"], 5),
    ("caption: ก\nboxes: [ก, ข]\narrows:\n  - {from: 1, to: 5}\n", ["box number 1..2"], 6),
    ("caption: ก\nboxes: [ก]\narrows:\n  - {from: 1, too: 1}\n", ["unknown arrow key 'too'"], 6),
    ("caption: ก\ndirection: diagonal\nboxes: [ก]\n", ["horizontal or vertical"], 5),
    ("caption: [x\n", ["not valid YAML"], None),
    ("caption: ก\n", ["needs 'boxes'"], 3),
])
def test_framework_errors_name_key_file_and_line(tmp_path, yaml_text, words, line):
    with pytest.raises(UserError) as e:
        md_chapter(tmp_path, f"# บท\n\n```framework\n{yaml_text}```\n")
    msg = str(e.value)
    for w in words:
        assert w in msg
    assert msg.startswith("chapters/01-x.md:")
    if line:
        assert msg.startswith(f"chapters/01-x.md:{line}:"), msg


@pytest.mark.parametrize("text, words", [
    ("# หนึ่ง\n\nก\n\n# สอง\n", ["second '#' heading", ":5:"]),
    ("ข้อความก่อน\n\n# บท\n", ["text before", ":1:"]),
    ("# บท\n\n{.section-numberd}\n1. ก\n", ["unknown attribute", "section-numberd", ":3:"]),
    ("# บท\n\n{.section-numbered}\n- ก\n", ["numbered list", ":3:"]),
    ("# บท\n\nข้อความ ![ภาพ](figures/a.png) ในบรรทัด\n", ["alone in its paragraph", ":3:"]),
])
def test_markdown_errors_are_one_line_with_location(tmp_path, text, words):
    with pytest.raises(UserError) as e:
        md_chapter(tmp_path, text)
    for w in words:
        assert w in str(e.value)


def test_raw_html_and_template_syntax_stay_text(tmp_path):
    ch = md_chapter(tmp_path, "# บท\n\n<b>ตัวหนา</b> {{ 7*7 }} << x >> <% raw %> {% if %}\n")
    assert n.plain_text(ch.blocks[0].children) == "<b>ตัวหนา</b> {{ 7*7 }} << x >> <% raw %> {% if %}"


def test_thai_text_is_never_nfkc_normalised(tmp_path):
    ch = md_chapter(tmp_path, "# บท\n\nความสำคัญ\n")
    text = n.plain_text(ch.blocks[0].children)
    assert "\u0e33" in text and "\u0e4d\u0e32" not in text
    assert text == unicodedata.normalize("NFC", text)


# ---- folders ----------------------------------------------------------------------------------

def make_thesis(root: Path, chapters: dict[str, str], yaml_text: str = "template: thai-thesis\n") -> Path:
    (root / "chapters").mkdir(parents=True)
    (root / "thesis.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in chapters.items():
        (root / "chapters" / name).write_text(text, encoding="utf-8")
    return root


def test_chapters_sorted_by_number_not_name_and_numbered_in_order(tmp_path):
    root = make_thesis(tmp_path / "t", {"10-last.md": "# สิบ\n", "02-b.md": "# สอง\n\n## ก\n", "1-a.md": "# หนึ่ง\n"})
    doc, cfg = source.load(root)
    assert [(c.index, c.number, c.plain_title, c.name) for c in doc.chapters] == [
        (1, "1", "หนึ่ง", "1-a"), (2, "2", "สอง", "02-b"), (3, "3", "สิบ", "10-last")]
    assert doc.chapters[1].blocks[0].number == "2.1"


def test_front_matter_appendices_and_bibliography_are_found(tmp_path):
    root = make_thesis(tmp_path / "t", {"01-a.md": "# บทนำ\n"})
    (root / "frontmatter").mkdir()
    (root / "frontmatter" / "abstract-th.md").write_text("บทคัดย่อ\n", encoding="utf-8")
    (root / "frontmatter" / "biography.md").write_text("ประวัติ\n", encoding="utf-8")
    (root / "appendices").mkdir()
    (root / "appendices" / "b.md").write_text("# แบบสอบถาม\n", encoding="utf-8")
    (root / "appendices" / "a.md").write_text("# ข้อมูล\n\n![ภาพ](fig.png)\n", encoding="utf-8")
    (root / "fig.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "references.bib").write_text("@book{a, title={A}}\n", encoding="utf-8")
    doc, _ = source.load(root)
    assert list(doc.front) == ["abstract_th"] and doc.biography is not None
    assert [(a.number, a.plain_title) for a in doc.appendices] == [("ก", "ข้อมูล"), ("ข", "แบบสอบถาม")]
    assert doc.appendices[0].blocks[0].number == "ก.1"
    assert doc.bibliography == "references.bib"


@pytest.mark.parametrize("chapters, words", [
    ({}, ["no chapter files"]),
    ({"01-a.md": "# ก\n", "1-b.md": "# ข\n"}, ["used twice"]),
    ({"intro.md": "# ก\n"}, ["NN-name.md"]),
    ({"01-a.md": "ไม่มีหัวเรื่อง\n"}, ["'#' heading", "chapters/01-a.md:1"]),
])
def test_folder_errors(tmp_path, chapters, words):
    root = make_thesis(tmp_path / "t", chapters)
    with pytest.raises(UserError) as e:
        source.load(root)
    for w in words:
        assert w in str(e.value)


def test_article_folder(tmp_path):
    root = tmp_path / "a"
    root.mkdir()
    (root / "article.yaml").write_text("title: ข่าว\n", encoding="utf-8")
    (root / "body.md").write_text("ย่อหน้าแรก\n\n## หัวข้อ\n\nย่อหน้าสอง\n", encoding="utf-8")
    doc, cfg = source.load(root)
    assert doc.kind == "article" and cfg.template_name == "article"
    body = doc.chapters[0]
    assert body.kind == "body" and isinstance(body.blocks[1], n.Section)
    numbered = cfg.settings["headings"]["section"].get("numbered", False)
    assert (body.blocks[1].number == "1") if numbered else (body.blocks[1].number == "")
