"""Property tests for the character repair (typeset.repair.repair).

What repair may change, precisely:
  * Thai characters (U+0E00-U+0E7F): marks moved, sara am rebuilt, codes decoded into marks;
  * whitespace: spaces inside Thai words removed (line breaks never: same line count);
  * characters the report names as learned mark codes (report.code_map keys) where they touch
    Thai text (next to a Thai character, or one space away): a code letter inside a Latin word
    stays; characters named as digit codes (report.digit_map keys: they stand alone, "¥¦¥" = 202)
    anywhere, and then ASCII digits (the decoded digits).
Everything else -- Latin letters, digits, punctuation, LaTeX specials, other scripts -- is kept,
in order. The result is NFC, and repairing it again changes nothing (idempotent).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from shared_helpers import SHARED, need
from typeset.repair import repair

_WORDS: list[str] = []


def words() -> list[str]:
    if not _WORDS:
        from pythainlp.corpus import thai_words
        _WORDS.extend(sorted(w for w in thai_words() if w.isprintable() and " " not in w))
    return _WORDS


thai_word = st.integers(min_value=0, max_value=20000).map(lambda i: words()[i * 3 % len(words())])
latin_word = st.from_regex(r"[A-Za-z][a-z]{0,8}|[0-9]{1,4}(\.[0-9])?", fullmatch=True)
special = st.sampled_from(list("$%&#_^~\\{}<>()[]\"'.,;:!?-/*@|") + ["“", "”", "–", "—", "…", "©", "é", "ß"])
token = st.one_of(thai_word, thai_word, thai_word, latin_word, special,
                  st.sampled_from(["๑๒", "ๆ", "ฯ", "ค.ศ.", "พ.ศ. 2567"]))
joiner = st.sampled_from(["", " ", " ", "\n"])
paragraph = st.lists(st.tuples(token, joiner), min_size=3, max_size=40).map(
    lambda parts: "".join(t + j for t, j in parts).strip())

# damage of the kinds extraction causes (no private codes: those are learned per document)
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"


def damage(text: str, seed: int) -> str:
    out, i = [], 0
    chars = list(text)
    while i < len(chars):
        ch = chars[i]
        # a mark drawn one cell to the right: swap it with the following base letter
        if ch in MARKS and i + 1 < len(chars) and "\u0e01" <= chars[i + 1] <= "\u0e2e" and (i + seed) % 3 == 0:
            out += [chars[i + 1], ch]
            i += 2
            continue
        if ch == "\u0e33" and (i + seed) % 2 == 0:
            out += ["\u0e4d", "\u0e32"] if seed % 2 else ["\u0e32", "\u0e4d"]
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# a broken font map: each tone mark printed as an ASCII code (several codes per mark, as in real PDFs)
CODES = {"\u0e48": "E&", "\u0e49": "ic", "\u0e4c": "p"}


def encode_marks(text: str, seed: int) -> str:
    return "".join(CODES[c][(i + seed) % len(CODES[c])] if c in CODES else c for i, c in enumerate(text))


cfg = settings(max_examples=60, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _thai(c: str) -> bool:
    return "\u0e00" <= c <= "\u0e7f"


def _touches_thai(text: str, i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(text) and text[j] == " ":
            j += step
        if 0 <= j < len(text) and _thai(text[j]):
            return True
    return False


def kept(text: str, report) -> list[str]:
    codes = set(report.code_map) | report.spot_codes   # spot decodings are flagged in the report
    free = set(report.digit_map) | (set("0123456789") if report.digit_map else set())
    return [c for i, c in enumerate(text)
            if not _thai(c) and not c.isspace() and c not in free
            and not (c in codes and _touches_thai(text, i))]


def check(text: str) -> None:
    first = repair(text)
    assert len(first.lines) == len(text.splitlines())
    assert unicodedata.is_normalized("NFC", first.text)
    assert kept(first.text, first.report) == kept(text, first.report)
    second = repair(first.text)
    assert second.text == first.text, "repair is not idempotent"


@cfg
@given(paragraph)
def test_clean_text(text):
    check(text)


@cfg
@given(paragraph, st.integers(min_value=0, max_value=5))
def test_damaged_text(text, seed):
    check(damage(text, seed))


@cfg
@given(paragraph, st.integers(min_value=0, max_value=5))
def test_text_with_mark_codes(text, seed):
    check(encode_marks(text, seed))


def test_real_damaged_thesis_is_repaired_idempotently():
    # the seed is the kind of input repair exists for; a second repair must find nothing left to do
    raw = SHARED / "seeds" / "thesis-raw.txt"
    need(raw)
    first = repair(raw.read_text(encoding="utf-8"))
    second = repair(first.text)
    changed = [(a, b) for a, b in zip(first.lines, second.lines) if a != b]
    assert not changed, f"{len(changed)} lines change on a second repair, e.g. {changed[:2]}"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_unicode_is_repaired_without_error(text):
    out = repair(text)
    assert len(out.lines) == len(text.splitlines())
    assert unicodedata.is_normalized("NFC", out.text)


def test_clean_text_is_left_as_written():
    # well-formed Thai with Latin, digits and specials: nothing to repair, nothing changes
    text = ("ความสัมพันธ์ระหว่างประเทศ (International Relations) ในปี ค.ศ. 2022 เพิ่มขึ้น 12.5% "
            "ตามแนวคิด \"Balance of Power\" ของ Waltz, 1979 — น้ำ ๆ ฯลฯ $ & # _ ^ ~ \\ { }")
    out = repair(text)
    assert out.text == text
    assert not out.report.code_map and not out.report.digit_map


@pytest.mark.parametrize("broken, fixed", [("น\u0e4d\u0e32", "น\u0e33"), ("น\u0e32\u0e4d", "น\u0e33"),
                                           ("น\u0e49\u0e4d\u0e32", "น\u0e49\u0e33")])
def test_sara_am_is_rebuilt_never_decomposed(broken, fixed):
    assert repair(f"คำว่า {broken} ในประโยค").text == f"คำว่า {fixed} ในประโยค"


@pytest.mark.parametrize("text", ["ก.ก.หน่อไม้", "น้ำหนัก 5 ก.ก. และ 3 ก.ก. รวม 8 ก.ก."])
def test_abbreviation_dots_are_never_learned_as_mark_codes(text):
    # found by test_clean_text: a short clean text made the codes pass map '.' to ็ (ก.ก. -> ก็ก็)
    out = repair(text)
    assert out.text == text, (out.text, out.report.code_map)
