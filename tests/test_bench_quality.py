"""typeset.quality_text's line pairing on pdftotext -layout text, tight and loose leading."""
from __future__ import annotations

from typeset.quality_text import line_pairs, text_lines, thai_hyphens


def test_loose_leading_blank_lines_are_not_breaks():
    # pdftotext writes one blank line between the lines of a paragraph when the leading is loose
    loose = "กขค\n\nงจฉ\n\nชซฌ\n\n\n\nญฎฏ\n\nฐฑฒ\n"
    assert text_lines(loose) == ["กขค", "งจฉ", "ชซฌ", "", "ญฎฏ", "ฐฑฒ"]
    assert list(line_pairs(loose)) == [("กขค", "งจฉ"), ("งจฉ", "ชซฌ"), ("ญฎฏ", "ฐฑฒ")]


def test_tight_leading_keeps_every_blank_line_a_break():
    tight = "กขค\nงจฉ\n\nชซฌ\nญฎฏ\n"
    assert text_lines(tight) == ["กขค", "งจฉ", "", "ชซฌ", "ญฎฏ"]
    assert list(line_pairs(tight)) == [("กขค", "งจฉ"), ("ชซฌ", "ญฎฏ")]


def test_only_thai_to_thai_lines_pair():
    assert list(line_pairs("abc กขค\n\nงจฉ def\n\nxyz\n")) == [("กขค", "งจฉ")]


def test_hyphen_seen_across_loose_leading():
    # "พิ-" / "เศษ" on two lines: the hyphen is not in the source, so it is counted
    count, ex = thai_hyphens("คำว่าพิ-\n\nเศษ ต่อ\n", "คำว่าพิเศษ ต่อ")
    assert count == 1 and ex[0].endswith("พิ-|เศษ")
    assert thai_hyphens("สหรัฐ-\n\nรัสเซีย\n", "สหรัฐ-รัสเซีย")[0] == 0
