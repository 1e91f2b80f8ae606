"""Pass `legality`: ั / ็ left at the end of a Thai run after a bare consonant was drawn one cell
too far right; it goes back by spelling rule, where no dictionary can judge (names)."""
import pytest

from typeset.repair import legality, repair
from typeset.repair.state import State


def fix(lines):
    ctx = State(raw=list(lines))
    return legality.apply(list(lines), ctx), ctx


@pytest.mark.parametrize("raw, want", [
    ("ประชุมกับ ยงุฮยนั ที่บ้าน", "ประชุมกับ ยงุฮยัน ที่บ้าน"),        # before a space
    ("ชื่อ ปาร์คซนั (Park) มา", "ชื่อ ปาร์คซัน (Park) มา"),          # before a non-Thai character
    ("นักแสดงชื่อ ดอนฮวนั", "นักแสดงชื่อ ดอนฮวัน"),                 # at the end of the text
    ("นายเลน็ มาแล้ว", "นายเล็น มาแล้ว"),                           # maitaikhu needs a final too
    ("ท่านทนั่ กล่าว", "ท่านทั่น กล่าว"),                            # the tone goes with it
])
def test_orphaned_mark_goes_back_one_letter(raw, want):
    (out,), ctx = fix([raw])
    assert out == want
    assert ctx.report.counts["legality: orphaned mark moved back"] == 1


@pytest.mark.parametrize("text", [
    "ความสัมพั นธ์ระหว่างประเทศ",   # half of a word split by a space: the spaces pass joins it
    "ไม่ขึ้นกับรั เบียบ",              # บ ends the word กับ: a final never takes the mark
    "แล้วเขาก็ ไป",                    # the word ก็
    "ตัวอย่าง คำว่า ตะวัน และ เป็น",    # legal spellings
    "รั สเซีย",                        # one consonant only: not this rule's shape
])
def test_legal_or_ambiguous_runs_stay(text):
    (out,), ctx = fix([text])
    assert out == text
    assert not ctx.report.counts


def test_a_word_split_across_lines_is_left_to_the_line_joiner():
    lines = ["ศึกษาความสัมพั", "", "นธ์ระหว่างประเทศ"]
    assert fix(lines)[0] == lines


def test_names_keep_their_spaces_through_the_whole_repair():
    raw = "ได้ประชุมร่วมกับ ยองฮยนั ซองมนั รัฐมนตรีกลาโหม"
    out = repair(raw).lines[0]
    assert out == "ได้ประชุมร่วมกับ ยองฮยัน ซองมัน รัฐมนตรีกลาโหม"
    assert repair(out).lines[0] == out


def test_a_moved_name_is_reported_for_a_look():
    _, ctx = fix(["พบ ยงุฮยนั แล้ว"])
    assert [(u.line, u.kind) for u in ctx.report.uncertain] == [(1, "legality")]
