"""source.nodes: the generic walk (children/descend) and the block walk over every node type."""
from __future__ import annotations

from typeset.source import nodes as n


def T(s):
    return n.Text(text=s)


def _tree():
    note = n.FootnoteRef(label="1", children=[T("เชิงอรรถ")])
    return n.Chapter(title=[T("บทนำ")], blocks=[
        n.Section(level=2, title=[n.Strong(children=[T("ที่มา")])]),
        n.Paragraph(children=[T("ก "), n.Emph(children=[T("ข")]), note]),
        n.OrderedList(items=[n.ListItem(blocks=[n.Paragraph(children=[T("หนึ่ง")]),
                                                n.BulletList(items=[n.ListItem(blocks=[n.Paragraph(children=[T("ย่อย")])])])])]),
        n.Epigraph(text=[n.Paragraph(children=[T("คำคม")])], attribution=[T("— ผู้กล่าว")]),
        n.Table(header=[[T("หัว")]], rows=[[[T("เซลล์")]]]),
        n.BlockQuote(blocks=[n.Paragraph(children=[T("ยกมา")])]),
    ])


def test_descend_reaches_every_text_including_cells_titles_and_notes():
    texts = [x.text for x in n.descend(_tree()) if isinstance(x, n.Text)]
    assert texts == ["บทนำ", "ที่มา", "ก ", "ข", "เชิงอรรถ", "หนึ่ง", "ย่อย", "คำคม", "— ผู้กล่าว",
                     "หัว", "เซลล์", "ยกมา"]


def test_walk_gives_blocks_only_depth_first():
    kinds = [type(b).__name__ for b in n.walk(_tree().blocks)]
    assert kinds == ["Section", "Paragraph", "OrderedList", "ListItem", "Paragraph", "BulletList",
                     "ListItem", "Paragraph", "Epigraph", "Paragraph", "Table", "BlockQuote", "Paragraph"]


def test_children_of_a_leaf_are_none():
    assert n.children(T("x")) == [] and n.children(n.Rule()) == []
