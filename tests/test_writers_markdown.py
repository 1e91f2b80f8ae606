"""writers.markdown: tree -> Markdown -> typeset.source gives the same tree back."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from typeset.source import nodes as n
from typeset.source.markdown import parse_file
from typeset.writers.markdown import blocks_markdown, chapter_markdown

ROOT = Path(__file__).resolve().parents[1]


def shape(x):
    """A node tree as plain data, without source positions (file, line)."""
    if isinstance(x, list):
        return [shape(v) for v in x]
    if dataclasses.is_dataclass(x):
        d = {f.name: shape(getattr(x, f.name)) for f in dataclasses.fields(x) if f.name not in ("file", "line")}
        d["_type"] = type(x).__name__
        return d
    return x


def round_trip(tmp_path, ch: n.Chapter):
    text = chapter_markdown(ch)
    p = tmp_path / "01-x.md"
    p.write_text(text, encoding="utf-8")
    title, _, blocks = parse_file(p, "chapters/01-x.md")
    return text, title, blocks


def T(s):
    return n.Text(text=s)


def P(*kids):
    return n.Paragraph(children=list(kids))


def test_every_block_kind_round_trips(tmp_path):
    ch = n.Chapter(title=[T("บทนำ [ร่าง] *ไม่ใช่ตัวเอียง*")], blocks=[
        n.Section(level=2, title=[T("ที่มาและความสำคัญ")]),
        P(T("ข้อความ "), n.Strong(children=[T("ตัวหนา")]), T(" และ "), n.Emph(children=[T("ตัวเอียง")]),
          T(" กับ "), n.Link(url="https://example.org/a_b", children=[T("ลิงก์")]),
          T(" ราคา $5 & 3 < 4 | a_b * c"), n.FootnoteRef(label="1", children=[T("เชิงอรรถ ภาษาไทย")])),
        P(T("# ไม่ใช่หัวข้อ")), P(T("1. ไม่ใช่รายการ")), P(T("- ไม่ใช่ bullet")), P(T("> ไม่ใช่คำพูด")),
        P(T("{.section-numbered} ข้อความ")), P(T("===")),
        n.Section(level=3, title=[T("หัวข้อย่อย")]),
        n.BulletList(items=[n.ListItem(blocks=[P(T("หนึ่ง")), n.OrderedList(items=[
            n.ListItem(blocks=[P(T("ย่อย ก"))]), n.ListItem(blocks=[P(T("ย่อย ข"))])], start=1)]),
            n.ListItem(blocks=[P(T("สอง"))])]),
        n.BulletList(items=[n.ListItem(blocks=[P(T("รายการที่สองติดกัน"))])]),
        n.OrderedList(items=[n.ListItem(blocks=[P(T("สาม"))]), n.ListItem(blocks=[P(T("สี่"))])], start=3),
        n.OrderedList(items=[n.ListItem(blocks=[P(T("ตามเลขหัวข้อ"))])], section_numbered=True),
        n.BlockQuote(blocks=[P(T("คำพูดยกมา")), P(T("ย่อหน้าที่สอง"))]),
        n.Table(caption=[T("ตารางตัวอย่าง")], align=["l", "c", "r"],
                header=[[T("ชื่อ")], [T("ปี")], [T("a|b")]],
                rows=[[[T("ไทย")], [T("2567")], [n.Strong(children=[T("1,200")])]], [[], [T("x")], []]]),
        n.Figure(caption=[T("ภาพตัวอย่าง")], path="figures/image-1.png"),
        P(T("ท้ายบท")),
    ])
    text, title, blocks = round_trip(tmp_path, ch)
    assert shape(title) == shape(ch.title)
    assert shape(blocks) == shape(ch.blocks), text


def test_emphasis_that_markdown_cannot_delimit_stays_as_text(tmp_path):
    # '**(CBF)**' right after a Thai letter is not a delimiter run CommonMark accepts
    ch = n.Chapter(title=[T("บท")], blocks=[P(T("วิธี"), n.Strong(children=[T("(CBF):")]), T("คือ"))])
    text, _, blocks = round_trip(tmp_path, ch)
    assert "**" not in text
    assert n.plain_text(blocks[0].children) == "วิธี(CBF):คือ"


def test_blocks_markdown_has_no_title(tmp_path):
    text = blocks_markdown([P(T("บทคัดย่อ ภาษาไทย")), P(T("ย่อหน้าสอง"))])
    assert text == "บทคัดย่อ ภาษาไทย\n\nย่อหน้าสอง\n"


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "thesis" / "chapters").glob("*.md")),
                         ids=lambda p: p.name)
def test_example_chapters_round_trip(tmp_path, path):
    """Parse a real chapter, write it, parse it again: the same tree."""
    title, _, blocks = parse_file(path, "chapters/" + path.name)
    ch = n.Chapter(title=title, blocks=blocks)
    _, title2, blocks2 = round_trip(tmp_path, ch)
    assert shape(title2) == shape(title)
    assert shape(blocks2) == shape(blocks)


def test_a_line_of_equals_signs_is_escaped_only_where_it_would_underline(tmp_path):
    ch = n.Chapter(title=[T("บท")], blocks=[P(T("=")), P(T("ก"), n.LineBreak(), T("=="))])
    text, _, blocks = round_trip(tmp_path, ch)
    assert "\n\n=\n\n" in text and "ก\\\n\\==" in text
    assert shape(blocks) == shape(ch.blocks)
