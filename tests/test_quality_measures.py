"""The quality measures on small, known inputs (no TeX needed)."""
from __future__ import annotations

from typeset.quality import (_SpaceIndex, bad_breaks, cer, markdown_blocks, spurious_spaces,
                             thai_hyphens)
from typeset.render.thai import Segmenter


def test_markdown_blocks_are_text_without_markup():
    md = "# บทนำ\n\n{.section-numbered}\n1. *ข้อ* แรก\n\n> คำพูด\n\n```framework\nboxes: []\n```\n"
    assert markdown_blocks(md) == ["บทนำ", "ข้อ แรก", "คำพูด"]


def test_cer_ignores_whitespace_and_counts_edits_in_reading_order():
    blocks = ["ความสัมพันธ์ระหว่างประเทศ", "สองรัฐ ได้ลงนาม"]
    assert cer("หน้า 1\nความสัมพันธ์ระหว่าง\nประเทศ สองรัฐได้ลงนาม", blocks)[0] == 0
    rate, chars, disorder, _ = cer("ความสัมพันธ์ระหวางประเทศ สองรัฐได้ลงนาม", blocks)
    n = sum(len(b.replace(" ", "")) for b in blocks)
    assert chars == n and abs(rate - 1 / n) < 1e-9 and disorder == 0
    assert cer("สองรัฐได้ลงนาม ........................ ความสัมพันธ์ระหว่างประเทศ", blocks)[2] == 1


def test_hyphen_at_a_thai_line_end_counts_unless_the_source_has_it():
    source = "รัสเซีย-ยูเครน และปฏิบัติการพิเศษ"
    layout = "ความขัดแย้งรัสเซีย-\nยูเครน ยังคง\nปฏิบัติการพิ-\nเศษทางทหาร"
    count, examples = thai_hyphens(layout, source)
    assert count == 1 and examples == ["ารพิ-|เศษท"]


def test_breaks_inside_dictionary_and_document_words():
    seg = Segmenter(["วลาดิมีร์"])
    layout = "ผู้นำคือวลาดิ\nมีร์ ปูติน\n\nรัฐบาลของ\nประเทศทั้งสอง\n\nเป็นประ\nเทศที่ดี\n\nabc\nเป็น"
    total, bad_dict, bad_doc, examples = bad_breaks(layout, seg)
    assert total == 3   # Thai|Thai line ends only
    assert bad_dict == 1 and "เป็นประ|เทศที่ดี" in examples
    assert bad_doc == 2 and "ผู้นำคือวลาดิ|มีร์" in examples


def test_spurious_spaces_between_thai_letters_the_source_joins():
    source = "การเดินทางไปยัง กรุงเปียงยาง"
    assert spurious_spaces("การเดินทาง ไปยัง กรุงเปียงยาง", source)[0] == 1
    assert spurious_spaces("การเดินทางไปยัง\nกรุงเปียงยาง", source)[0] == 0
    idx = _SpaceIndex(source)
    assert idx.is_space("ไปยัง", "กรุง") is True and idx.is_space("ทาง", "ไป") is False
    assert idx.is_space("ไม่มี", "ในต้นฉบับ") is None
