"""Words as typeset diff sees them: PyThaiNLP words, Latin words and numbers; spaces are not words."""
from typeset.diff.compare import hunks
from typeset.diff.words import PARA, Word, diff, join_lines, render, tokenize


def texts(s):
    return [w.text for w in tokenize(s)]


def test_thai_run_is_split_into_words():
    assert texts("รัฐบาลได้ประกาศนโยบายใหม่") == ["รัฐบาล", "ได้", "ประกาศ", "นโยบาย", "ใหม่"]


def test_latin_words_and_numbers_are_words_whitespace_is_not():
    assert texts("ตั้งแต่ปี 2015  ถึง\t2024 (Free Trade Area) 1.5.1") == \
        ["ตั้งแต่", "ปี", "2015", "ถึง", "2024", "(", "Free", "Trade", "Area", ")", "1.5.1"]


def test_thai_line_break_inside_a_word_is_nothing_latin_line_break_is_a_space():
    assert join_lines("การค้า\nระหว่างประเทศ") == "การค้าระหว่างประเทศ"
    assert join_lines("free\ntrade") == "free trade"
    assert texts("การค้า\nระหว่างประเทศ") == texts("การค้าระหว่างประเทศ")


def test_spacing_is_kept_for_display_but_not_compared():
    a, b = tokenize("ค.ศ. 2024"), tokenize("ค.ศ.2024")
    assert a == b
    assert render(a) == "ค.ศ. 2024" and render(b) == "ค.ศ.2024"


def test_changed_thai_word_is_one_word_op():
    ops = diff(tokenize("ผู้วิจัยเก็บข้อมูลจากเอกสาร"), tokenize("ผู้วิจัยรวบรวมข้อมูลจากเอกสาร"))
    changed = [(op, [w.text for w in a], [w.text for w in b]) for op, a, b in ops if op != "equal"]
    assert changed == [("replace", ["เก็บ"], ["รวบรวม"])]


def test_hunks_keep_context_and_split_distant_changes():
    old = tokenize(" ".join(f"w{i}" for i in range(60)))
    new = list(old)
    new[5] = Word("X", True)
    new[50] = Word("Y", True)
    hs = hunks(diff(old, new), context=3)
    assert len(hs) == 2
    first = hs[0]
    assert [w.text for w in first[0][1]] == ["w2", "w3", "w4"]
    assert [w.text for w in first[-1][1]] == ["w6", "w7", "w8"]


def test_context_stops_at_a_paragraph_break():
    old = tokenize("ก ข ค") + [Word(PARA, True)] + tokenize("a b c d")
    new = tokenize("ก ข ค") + [Word(PARA, True)] + tokenize("a B c d")
    (h,) = hunks(diff(old, new), context=6)
    before = [w.text for w in h[0][1]]
    assert before == ["a"]
