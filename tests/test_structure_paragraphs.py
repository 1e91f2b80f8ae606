"""Paragraph breaks between a line ending with a space and a line that is only slightly shorter
than the measure: the width alone cannot tell, the words across the break can."""
from __future__ import annotations

import importlib

from typeset.structure.join import Joiner
from typeset.structure.lines import Line

from typeset.structure.paragraphs import boundary

parse_mod = importlib.import_module("typeset.structure.parse")

FULL, INDENT = 67.0, 8.0


def _parser(extra_text: str = ""):
    # a measure of 67 cells and paragraphs indented by 8: full lines, and first lines after
    # clearly short last lines
    lines, no = [], 1
    for _ in range(4):
        for width, trail in ((30.0, 1), (FULL - INDENT, 0), (FULL, 0), (FULL, 0)):
            lines.append(Line(no, "x", "ข้อความ", 0, trail, width))
            no += 1
    text = "\n".join(ln.text for ln in lines) + "\n" + extra_text
    p = parse_mod.Parser(lines, Joiner(text))
    assert (p.m.full, p.m.indent) == (FULL, INDENT)
    return p


def _pair(prev_text: str, prev_width: float, cur_text: str, cur_width: float):
    return (Line(100, prev_text + " ", prev_text, 0, 1, prev_width),
            Line(102, cur_text, cur_text, 0, 0, cur_width))


def test_a_barely_indented_line_after_a_preposition_continues_the_paragraph():
    p = _parser()
    prev, cur = _pair("นโยบายนี้ได้นำประเทศจากความขัดแย้งไปสู่", 66.0, "ความร่วมมือในระดับภูมิภาค", 61.5)
    assert boundary(p, prev, cur) is False
    assert any(x.line == 102 and "needs what follows" in x.note for x in p.doc.notices)


def test_a_nearly_full_last_line_ending_with_a_conjunction_continues():
    p = _parser()
    prev, cur = _pair("ประเทศมหาอำนาจใหม่ที่มีบทบาทมากขึ้น เช่น", 55.0, "บราซิล และแอฟริกาใต้", 69.0)
    assert boundary(p, prev, cur) is False


def test_a_name_split_over_the_break_continues_when_the_document_writes_it():
    prev, cur = _pair("ได้มอบของขวัญให้แก่นายพล ซูเหว่ย", 66.0, "หมิง ซึ่งได้กล่าวขอบคุณ", 61.5)
    assert boundary(_parser(), prev, cur) is True           # nothing says it runs on
    p = _parser("ผู้บัญชาการคือ ซูเหว่ยหมิง และ ซูเหว่ย หมิง")
    assert boundary(p, prev, cur) is False
    assert any("name" in x.note for x in p.doc.notices)


def test_a_noun_phrase_end_with_a_barely_indented_line_still_breaks():
    p = _parser()
    prev, cur = _pair("ซึ่งส่งผลต่อโครงสร้างอำนาจของภูมิภาค", 66.0, "ความสัมพันธ์ระหว่างสองประเทศ", 61.5)
    assert boundary(p, prev, cur) is True


def test_a_clearly_indented_line_breaks_whatever_the_words():
    p = _parser()
    prev, cur = _pair("นโยบายนี้ได้นำประเทศจากความขัดแย้งไปสู่", 66.0, "ความร่วมมือในระดับภูมิภาค", 58.0)
    assert boundary(p, prev, cur) is True
    prev, cur = _pair("ประเทศมหาอำนาจใหม่ที่มีบทบาทมากขึ้น เช่น", 40.0, "บราซิล และแอฟริกาใต้", 69.0)
    assert boundary(p, prev, cur) is True                    # a clearly short last line
