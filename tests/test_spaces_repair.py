"""Spurious-space repair (typeset.repair.spaces): measured on hand labels, plus unit cases."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from typeset.repair.spaces import Change, document_vocabulary, remove_spurious_spaces

FIX = Path(__file__).parent / "fixtures"
ARTICLE = FIX / "article" / "article-raw.txt"
LABELS = FIX / "spaces" / "article-labels.tsv"


def _labels():
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("line\t"):
            continue
        ln, col, label, context = line.split("\t")
        rows.append((int(ln), int(col), label, context))
    return rows


@pytest.fixture(scope="module")
def article_result():
    lines = ARTICLE.read_text(encoding="utf-8").split("\n")
    out, changes = remove_spurious_spaces(lines)
    return lines, out, changes


def test_labels_match_the_raw_text(article_result):
    lines, _, _ = article_result
    rows = _labels()
    assert len(rows) >= 150
    for ln, col, _, context in rows:
        assert lines[ln - 1][col] == " "
        left, right = context.split("|")
        assert lines[ln - 1][:col].endswith(left) and lines[ln - 1][col + 1:].startswith(right)


def test_labelled_sample_meets_targets(article_result):
    """>= 95% of word-internal spaces removed, >= 98% of real spaces kept (issue 7)."""
    _, _, changes = article_result
    removed = {(c.line, c.col) for c in changes if c.applied}
    rows = _labels()
    internal = [(ln, col) for ln, col, label, _ in rows if label == "internal"]
    real = [(ln, col) for ln, col, label, _ in rows if label == "real"]
    recall = sum(k in removed for k in internal) / len(internal)
    kept = sum(k not in removed for k in real) / len(real)
    assert recall >= 0.95, f"only {recall:.1%} of word-internal spaces removed"
    assert kept >= 0.98, f"only {kept:.1%} of real spaces kept"


def test_output_removes_exactly_the_applied_spaces(article_result):
    lines, out, changes = article_result
    assert len(out) == len(lines)
    per_line = Counter(c.line for c in changes if c.applied)
    for n, (a, b) in enumerate(zip(lines, out), 1):
        assert a.replace(" ", "") == b.replace(" ", "")   # only spaces change
        assert a.count(" ") - b.count(" ") == per_line.get(n, 0)


def test_the_document_spelling_is_restored(article_result):
    _, out, _ = article_result
    text = "\n".join(out)
    for word in ("คาซัคสถาน", "รัสเซีย", "ต่อการ", "ยูเครน"):
        assert word in text
    for split in ("คาซั คสถาน", "รั สเซีย", "ต่ อการ", "ยู เครน"):
        assert split not in text


@pytest.mark.parametrize("real", [
    "เทมูร์ อูมารอฟ นักวิจัย", "23 ก.ย. 2565 การที่", "ครั้งที่ 2 (Victory Day) ซึ่งตรงกับ",
    "เอกราช, อธิปไตย และบูรณภาพ", "ค่อยๆ ถอนตัว", "ต่าง ๆ นา ๆ", "ประธานาธิบดี ปูติน เนื่องใน",
    "ในทางตรงกันข้าม รัสเซีย", "พวกเขาเลือกที่ จะสนับสนุน", "อยู่ในจุดที่ ต่ำมาก",
    "ไม่มากนัก แต่ก็", "การดำเนินการ ต่อไป",     # นัก and การ may end a word
])
def test_real_spaces_stay(real):
    (out,), _ = remove_spurious_spaces([real])
    assert out == real


@pytest.mark.parametrize("split, joined, why", [
    ("คาซั คสถาน", "คาซัคสถาน", "unfinished"),      # ั needs a final consonant
    ("ต่ อการ", "ต่อการ", "tone"),                   # a tone mark without its vowel
    ("เจ้ าหน้าที่", "เจ้าหน้าที่", "mark"),            # a vowel cannot start a syllable
    ("รัสเซี ย", "รัสเซีย", "unfinished"),            # เ◌ี needs ย
    ("เป็ นการ", "เป็นการ", "unfinished"),            # ็ needs a final consonant
    ("ไม่มีเ ชิง", "ไม่มีเชิง", "leading"),            # a leading vowel cannot end a syllable
    ("การคว่ำ บาตร", "การคว่ำบาตร", "compound"),
    ("ผู้ วิจัยได้", "ผู้วิจัยได้", "prefix"),
    ("เป็นผู้ ขับรถคันนี้", "เป็นผู้ขับรถคันนี้", "prefix"),   # no dictionary entry ผู้ขับรถ: still one word
    ("ด้วยความ ตั้งใจ", "ด้วยความตั้งใจ", "prefix"),
])
def test_word_internal_spaces_go(split, joined, why):
    (out,), changes = remove_spurious_spaces([split])
    assert out == joined
    assert changes and changes[0].applied and why in changes[0].reason


def test_thesis_like_lines():
    lines = (FIX / "spaces" / "thesis-lines.txt").read_text(encoding="utf-8").splitlines()
    expected = (FIX / "spaces" / "thesis-lines.expected.txt").read_text(encoding="utf-8").splitlines()
    out, changes = remove_spurious_spaces(lines)
    assert out == expected
    assert any(c.reason == "letter-spaced text" for c in changes)


def test_unsure_decisions_are_reported():
    _, changes = remove_spurious_spaces(["ในจุดที่ ต่ำมาก", "การคว่ำ บาตร"])
    unsure = [c for c in changes if c.unsure]
    assert [(c.line, c.applied) for c in unsure] == [(1, False), (2, True)]
    assert all(isinstance(c, Change) and 0 <= c.confidence <= 1 for c in changes)
    assert "line 1:" in str(unsure[0]) and "kept" in str(unsure[0])


def test_extra_words_and_document_vocabulary():
    # an unknown name split in two stays split without evidence, joins when it is a known word
    line = ["โดยนายโทคา เยฟเดินทาง"]
    assert remove_spurious_spaces(line)[0] == line
    assert remove_spurious_spaces(line, words=["โทคาเยฟ"])[0] == ["โดยนายโทคาเยฟเดินทาง"]
    vocab = document_vocabulary("คาซัคสถาน คาซัคสถานและรัสเซีย")
    assert vocab["คาซัคสถาน"] == 2 and vocab["รัสเซีย"] == 1


def test_lines_without_candidates_are_untouched():
    lines = ["", "   leading spaces stay", "Latin words  stay", "๑๒ ๓๔", "ก.ย. 2565"]
    assert remove_spurious_spaces(lines) == (lines, [])


def test_a_word_split_twice_is_joined_and_the_pass_is_idempotent(article_result):
    (out,), _ = remove_spurious_spaces(["จากงานของสองผู้ เ ขียน Sung-Ho Joo"])
    assert out == "จากงานของสองผู้เขียน Sung-Ho Joo"
    _, once, _ = article_result
    again, changes = remove_spurious_spaces(once)
    assert again == once and not any(c.applied for c in changes)


def test_a_name_the_author_writes_spaced_again_keeps_its_space():
    # "ซอง ฮุน" is written intact twice but also spaced twice: the author's spelling, kept
    lines = ["นาย ซองฮุน กล่าว", "ท่าน ซองฮุน ตอบ", "นาย ซอง ฮุน กล่าวว่า", "เมื่อ ซอง ฮุน มาถึง"]
    out, _ = remove_spurious_spaces(lines)
    assert out == lines
    # spaced once only: the intact spelling elsewhere still joins it
    out, _ = remove_spurious_spaces(lines[:3])
    assert out[2] == "นาย ซองฮุน กล่าวว่า"


def test_a_stretched_line_loses_the_spaces_between_words_written_together_elsewhere():
    body = ["ระบบแม่น้ำสายหลักของประเทศ", "การจัดการแม่น้ำสายหลัก", "แม่น้ำสายหลักทั้งหมด"]
    stretched = "ทั้ง แม่น้ำ สายหลัก และ เ ช่น คลอง"      # เ ช่น: a justified, stretched line
    plain = "ทั้ง แม่น้ำ สายหลัก และคลอง"                # no stretch: the writer's spaces
    out, changes = remove_spurious_spaces(body * 2 + [stretched, plain])
    assert out[6] == "ทั้ง แม่น้ำสายหลัก และ เช่น คลอง"   # next to grammatical words: kept
    assert out[7] == plain
    assert any("stretched line" in c.reason for c in changes)
