"""ไม้ยมก (ๆ) never starts a line: the space or break point before it becomes a tie."""
from __future__ import annotations

from typeset.render.escape import Escaper
from typeset.render.thai import BREAK


def test_space_before_yamok_is_a_tie_and_the_space_after_stays_breakable():
    out = Escaper().text("ประเทศต่าง ๆ ที่ได้รับ")
    assert "~ๆ" in out and " ๆ" not in out
    assert out.split("~ๆ", 1)[1].startswith(" ")       # after ๆ: a normal, breakable space


def test_no_break_point_directly_before_yamok():
    esc = Escaper()
    for text in ("เรื่องต่างๆ นั้น", "ลับ ๆ ในกรุง", "ก  ๆ"):
        out = esc.text(text)
        assert BREAK + "ๆ" not in out and " ๆ" not in out


def test_text_without_yamok_is_unchanged_and_a_typed_tilde_is_printed():
    esc = Escaper()
    assert "~" not in esc.text("ความสัมพันธ์ระหว่างประเทศ")
    assert esc.text("a ~ b") == r"a \textasciitilde{} b"
