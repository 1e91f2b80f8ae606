"""Line joining, heading numbers and Markdown escaping on their own."""
from __future__ import annotations

import yaml

from typeset.structure.join import Joiner
from typeset.source.nodes import Framework
from typeset.writers.markdown import escape, framework_yaml
from typeset.structure.numbers import chapter_number, enum_item, parse_number


def test_thai_lines_join_without_space_unless_the_raw_line_ended_with_one():
    j = Joiner()
    assert j.join([("การศึกษาครั้งนี้มุ่ง", 0, 1), ("เน้นไปที่ชุมชน", 0, 2)]) == "การศึกษาครั้งนี้มุ่งเน้นไปที่ชุมชน"
    assert j.join([("แนวคิด ทฤษฎี", 1, 1), ("และงานวิจัย", 0, 2)]) == "แนวคิด ทฤษฎี และงานวิจัย"


def test_trailing_space_inside_a_dictionary_word_is_removed_and_reported():
    j = Joiner()
    assert j.join([("เนื่องจากสหภาพ", 1, 7), ("โซเวียตได้มีบทบาท", 0, 8)]) == "เนื่องจากสหภาพโซเวียตได้มีบทบาท"
    assert j.decisions and j.decisions[0][0] == 7


def test_trailing_space_before_a_following_vowel_is_removed():
    assert Joiner().join([("ความสัมพ", 1, 1), ("ันธ์", 0, 2)]) == "ความสัมพันธ์"


def test_the_documents_own_usage_decides_a_split_name():
    text = "ประธานาธิบดีวลาดิเมียร์ ปูติน\nวลาดิเมียร์ ปูติน กล่าว\nนายวลาดิเมียร์ยืนยัน"
    j = Joiner(text)
    assert j.join([("ประธานาธิบดีวลาดิ", 1, 1), ("เมียร์ ปูติน", 0, 2)]) == "ประธานาธิบดีวลาดิเมียร์ ปูติน"


def test_latin_and_numbers_at_line_ends():
    j = Joiner()
    assert j.join([("Theory of", 1, 1), ("International Politics", 0, 2)]) == "Theory of International Politics"
    assert j.join([("ช่วงปีค.ศ. 2022-", 0, 1), ("2024 ดังนี้", 0, 2)]) == "ช่วงปีค.ศ. 2022-2024 ดังนี้"
    assert j.join([("ในหนังสือ The Future of", 0, 1), ("Power (2011)", 0, 2)]) == "ในหนังสือ The Future of Power (2011)"
    assert j.join([("ไปที่ปี", 0, 1), ("ค.ศ. 2022", 0, 2)]) == "ไปที่ปีค.ศ. 2022"


def test_heading_numbers_with_coded_digits():
    n = parse_number("1.= วัตถุประสงค์ของการศึกษา")
    assert n.parts == [1, None] and n.rest == "วัตถุประสงค์ของการศึกษา"
    assert parse_number("1.7.3. บทที่ 3 วิธีการ").parts == [1, 7, 3]
    assert parse_number("๒.๑ ทฤษฎี").parts == [2, 1] and parse_number("๒.๑ ทฤษฎี").rest == "ทฤษฎี"
    assert parse_number("U.S. policy") is None          # no digit: not a number
    assert parse_number("ค.ศ. 2022 เป็นต้นมา") is None
    assert parse_number("2022 เป็นปีที่") is None


def test_chapter_lines():
    assert chapter_number("บทที่ 3") == (True, 3)
    assert chapter_number("บทที่ ๕") == (True, 5)
    assert chapter_number("บทที่ A") == (True, None)
    assert chapter_number("บทที่ 1 บทนำ")[0] is False


def test_enumerated_items():
    assert enum_item("1.การเพิ่มจำนวน") == (1, "การเพิ่มจำนวน")
    assert enum_item("2. Bipolarity (ระบบสองขั้ว)") == (2, "Bipolarity (ระบบสองขั้ว)")
    assert enum_item("1.4 วัตถุประสงค์") is None
    assert enum_item("2024 เป็นปี") is None


def test_escape_only_what_markdown_would_misread():
    assert escape("ความสัมพันธ์ (Smith & Park, 2024)") == "ความสัมพันธ์ (Smith & Park, 2024)"
    assert escape("1. ไม่ใช่รายการ") == "1\\. ไม่ใช่รายการ"
    assert escape("# ไม่ใช่หัวข้อ") == "\\# ไม่ใช่หัวข้อ"
    assert escape("a*b*c") == "a\\*b\\*c"


def test_framework_yaml_round_trips_awkward_text():
    fw = Framework(caption="กรอบ: แนวคิด", direction="horizontal", boxes=["ก - ข", "#แท็ก", "2024"])
    data = yaml.safe_load(framework_yaml(fw))
    assert data == {"caption": "กรอบ: แนวคิด", "direction": "horizontal", "boxes": ["ก - ข", "#แท็ก", "2024"]}
