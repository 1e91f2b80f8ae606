"""Repair reaches its fixpoint in one call: what one pass's repair reveals, the same call finishes."""
from typeset.repair import codes, digits, displaced, repair
from typeset.repair.state import State
from typeset.repair.spaces import remove_spurious_spaces


def test_displaced_looks_again_after_a_word_is_repaired_elsewhere():
    # พันธ์ is fixed first; กมุ only reads as กุม once กุมภาพันธ์ (line 1) is known as the document's own
    lines = ["นบัจากวนัที่ 24 กมุภาพนัธ์ 2022 รัสเซียได้เริ่ม",
             "ทางทหารตอ่ยเูครนเมื่อเดือนกมุพาพนัธ์ ค.ศ. 2022"]
    out = displaced.apply(lines, State(raw=lines))
    assert out == ["นับจากวันที่ 24 กุมภาพันธ์ 2022 รัสเซียได้เริ่ม",
                   "ทางทหารต่อยูเครนเมื่อเดือนกุมพาพันธ์ ค.ศ. 2022"]
    first = repair("\n".join(lines))
    assert repair(first.text).text == first.text


def test_a_code_is_learned_once_its_neighbour_code_is_decoded():
    # with E still undecoded, ไมi gains too little; after E = ่ the same call learns i = ้
    # (in a document that shows its code damage: E stands for ่ five times)
    out = repair("ก.ก.หนEอไมi\n" + "ทีEมา " * 5)
    assert out.lines[0] == "ก.ก.หน่อไม้"
    assert out.report.code_map == {"E": "\u0e48", "i": "\u0e49"}


def test_a_dot_next_to_a_code_is_not_an_abbreviation_dot():
    # "pก." looks like the abbreviation ก. until p is decoded (ต์ก.); then the dot is a glued code
    first = repair("กกพรีเซนตpก.")
    assert repair(first.text).text == first.text


def test_a_lone_symbol_is_never_learned_as_a_digit():
    for text in ["© A0", "ข้อความ © 2024 สงวนสิทธิ์ 7"]:
        out = repair(text)
        assert "©" in out.text and not out.report.digit_map


def test_digit_codes_are_still_learned_from_years_and_days():
    lines = ["เมื่อวันที่ §¨ มิถุนายน ค.ศ. ¥¦¥§ (Lankov, ¥¦¦¥) ในปี ค.ศ. ¥¦¥¥-¥¦¥§ ปี 2002 และ 2022"]
    ctx = State(raw=lines)
    out = digits.apply(lines, ctx)
    assert "ค.ศ. 2021 (Lankov, 2002) ในปี ค.ศ. 2022-2021" in out[0]
    assert {"¥": "2", "¦": "0", "§": "1"}.items() <= ctx.report.digit_map.items()


def test_spaces_keep_the_space_next_to_an_abbreviation():
    out, _ = remove_spurious_spaces(["กงการ ก.กก", "ในปี พ.ศ. 2500", "อำเภอ อ.เมือง"])
    assert out == ["กงการ ก.กก", "ในปี พ.ศ. 2500", "อำเภอ อ.เมือง"]


def test_abbreviation_marks_follow_the_decoded_text():
    assert codes.abbreviation_marks(["ในปี ค.ศ. 2022"]) == {"."}
    assert codes.abbreviation_marks(["ต์ก."]) == set()
