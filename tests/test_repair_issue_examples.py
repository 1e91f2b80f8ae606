"""The damage real Word-made PDFs produce, as reported: each spot repaired, and correct text
(Latin words, names written consistently, list labels) left as it is."""
from __future__ import annotations

from pathlib import Path

from rapidfuzz.distance import Levenshtein

from typeset.repair import repair
from typeset.structure.join import Joiner
from typeset.textio import read_text

CHAPTERS = Path(__file__).resolve().parents[1] / "examples" / "thesis" / "chapters"


def context(n: int = 60) -> list[str]:
    """Clean Thai the project writes, so the document has a vocabulary around the spots."""
    lines = []
    for md in sorted(CHAPTERS.glob("*.md")):
        lines += [ln for ln in md.read_text(encoding="utf-8").splitlines() if len(ln) > 60]
    return lines[:n]


def repaired(spots: list[str], damage_lines: list[str] = ()) -> list[str]:
    out = repair("\n".join(context() + list(damage_lines) + spots))
    return out.lines[-len(spots):]


def test_marks_carried_across_spaces_are_put_back():
    got = repaired(["ระบบนี้มีผใู ้ ช้งานจำนวนมาก", "การช่วยเหลือให้ผอู ้ ื่นเป็นสิ่งดี",
                    "เมื่อเป็นเช่นน้ นั จะทำให้ระบบทำงานได้", "ผูจ้ ดั การร้าน"])
    assert got == ["ระบบนี้มีผู้ใช้งานจำนวนมาก", "การช่วยเหลือให้ผู้อื่นเป็นสิ่งดี",
                   "เมื่อเป็นเช่นนั้นจะทำให้ระบบทำงานได้", "ผู้จัดการร้าน"]


def test_sara_aa_read_as_sara_am_throughout_is_repaired():
    damaged = [ln.replace("\u0e32", "\u0e33") for ln in context(40)]
    out = repair("\n".join(damaged))
    clean = "\n".join(context(40))
    wrong = Levenshtein.distance(out.text, clean) / len(clean)
    assert wrong <= 0.001, wrong      # the one slip: next to the source's own typo "ศึกษษนำ"
    assert any("sara am extracted for sara aa" in d for d in out.report.decisions)


def test_latin_word_after_thai_in_a_coded_document_is_kept():
    coded = ["ทีEมาของปัญหาและความสำคัญทีEต้องศึกษา"] * 6     # E stands for ่ in this document
    got = repaired(["ผลการทดสอบพบว่าค่า Sig.เท่ากับ 0.05", "1.) ให้ผู้ใช้ทดสอบระบบ",
                    "ระยะทางระหว่างโหนด-ระยะ ที่ใช้"], coded)
    assert got == ["ผลการทดสอบพบว่าค่า Sig.เท่ากับ 0.05", "1.) ให้ผู้ใช้ทดสอบระบบ",
                   "ระยะทางระหว่างโหนด-ระยะ ที่ใช้"]


def test_a_name_written_the_same_way_throughout_is_not_changed():
    names = ["ขอขอบคุณนายเทอดสถีรศักดิ์ ที่ช่วยเหลือ", "นายเทอดสถีรศักดิ์ เป็นผู้ดูแลระบบ",
             "ผลงานของนายเทอดสถีรศักดิ์ ได้รับรางวัล"]
    coded = ["ทีEมาของปัญหาและความสำคัญทีEต้องศึกษา"] * 6
    assert repaired(names, coded) == names


def test_private_use_marks_are_read_and_the_file_is_text(tmp_path):
    raw = tmp_path / "pua.txt"
    raw.write_text("วิทยานิพนธ\uf70eนี้เป\uf712นส\uf70aวนหนึ่ง\n" * 300, encoding="utf-8")
    text = read_text(raw)                     # not refused as binary
    out = repair(text)
    assert out.lines[0] == "วิทยานิพนธ์นี้เป็นส่วนหนึ่ง"
    assert any("PUA" in d for d in out.report.decisions)


def test_a_line_break_between_latin_or_digits_and_thai_keeps_its_space():
    j = Joiner()
    assert j.join([("ระบบ IT 5", 0, 1), ("เรื่อง", 0, 2)]) == "ระบบ IT 5 เรื่อง"
    assert j.join([("(Special Military Operation)", 0, 1), ("ต่อเนื่อง", 0, 2)]) == \
        "(Special Military Operation) ต่อเนื่อง"
    assert j.join([("ภาษาไทย", 0, 1), ("English words", 0, 2)]) == "ภาษาไทย English words"
