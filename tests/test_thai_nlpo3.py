"""nlpO3's newmm (Rust) in place of PyThaiNLP's: the same break points, the same learned words.

The reference is PyThaiNLP's newmm with a Trie of exactly the same words; the Segmenter's
whole result (learned words and chunks) is compared with one that tokenizes through it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from typeset.render import thai
from typeset.render.thai import Segmenter
from typeset.thai import learn, names, segment, words
from typeset.thai.words import WordList

THAI_PAIR = re.compile(r"[\u0e00-\u0e7f]{2}")
DOC = [
    "ต่อมาในสมัยของบอริส เยลต์ซิล (Boris Yeltsin) ได้มีท่าทีที่เปลี่ยนไป",
    "ประธานาธิบดีวลาดิมีร์ ปูติน (Vladimir Putin) กล่าวว่าการเจรจาของรัสเซียยังคงดำเนินต่อไป",
    "ท่านผู้นำจองอึนกล่าวว่า", "จากนั้นจองอึนเดินทาง", "แต่จองอึนไม่ตอบ",
    "ในปี พ.ศ. ๒๕๖๗ (ค.ศ. 2024) มีการประชุม 3 ครั้ง ครั้งละ 2,500 คน ต่าง ๆ กันไป",
    "คำว่า\u00a0ทดสอบ\tแท็บ\nบรรทัดใหม่ และ e-mail: a@b.c ที่อยู่ https://x.y/ข้อมูล",
    "ไม้ยมกซ้ำๆ กันหลายๆครั้ง เช่น เด็กๆ และ “อัญประกาศ” — ขีด… จุด",
]


def thai_cuts(text: str, tokens: list[str]) -> set[int]:
    """Offsets between two Thai characters where the tokens are cut."""
    out, pos = set(), 0
    for t in tokens[:-1]:
        pos += len(t)
        if THAI_PAIR.fullmatch(text[pos - 1:pos + 1]):
            out.add(pos)
    return out


def reference_tokens(text: str, words) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=_trie(frozenset(words)), engine="newmm", keep_whitespace=True)


@lru_cache(maxsize=8)
def _trie(words: frozenset[str]):
    from pythainlp.util import Trie

    return Trie(words)


@pytest.fixture(scope="module")
def lexicon() -> WordList:
    return words.word_list({"จองอึน", "วลาดิมีร์"})


def test_nlpo3_cuts_thai_text_where_pythainlp_does(lexicon):
    known = list(lexicon)
    for text in DOC:
        got = segment.segment(text, lexicon)
        assert "".join(got) == text
        assert thai_cuts(text, got) == thai_cuts(text, reference_tokens(text, known)), text


def syllables() -> list[str]:
    known = sorted(words.base_words())
    return known[::401] + ["ก", "ข", "ร์", "ๆ", "๑๒", " ", "ซิล", "เยลต์", "a", "1.5", "(", ")"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(syllables()), min_size=1, max_size=25))
def test_nlpo3_agrees_on_generated_text(pieces):
    text = "".join(pieces)
    lex = words.base_list()
    got = segment.segment(text, lex)
    assert "".join(got) == text
    assert thai_cuts(text, got) == thai_cuts(text, reference_tokens(text, lex)), text


def test_segmenter_gives_the_break_points_of_the_pythainlp_reference(monkeypatch):
    fast = Segmenter(["วลาดิมีร์"], document=DOC)
    fast_chunks = [fast.split(t) for t in DOC]

    def pythainlp_tokenize(text, lex):
        return reference_tokens(text, list(lex))

    def pythainlp_plain(text):
        return tuple(t.strip(" ") for t in reference_tokens(text, words.plain_words()) if t.strip(" "))

    for module in (thai, learn):
        monkeypatch.setattr(module, "segment", pythainlp_tokenize)
    for module in (thai, names):
        monkeypatch.setattr(module, "plain_tokens", pythainlp_plain)
    ref = Segmenter(["วลาดิมีร์"], document=DOC)
    assert ref.learned == fast.learned and "จองอึน" in ref.learned
    assert [ref.split(t) for t in DOC] == fast_chunks


def test_added_words_reach_the_rust_dictionary():
    lex = words.word_list()
    text = "ผู้นำจองอึนกล่าว"
    assert "จองอึน" not in segment.segment(text, lex)
    lex.add("จองอึน")
    assert "จองอึน" in segment.segment(text, lex)
    assert "จองอึน" in lex.prefixes(text, 5) and lex.prefixes(text, 5)[-1] == "จองอึน"


def test_a_word_with_a_line_break_is_left_out_of_the_dictionary_file():
    lex = words.word_list({"คำ\nแปลก", "จองอึน"})
    assert "จองอึน" in segment.segment("ท่านจองอึน", lex)
    assert "".join(segment.segment("คำ\nแปลก", lex)) == "คำ\nแปลก"


def test_romanize_cut_by_nlpo3_is_pythainlps_romanize():
    import random

    from pythainlp.transliterate import romanize

    known = sorted(w for w in words.base_words() if re.fullmatch(r"[\u0e00-\u0e7f ]+", w))
    rng = random.Random(5)
    samples = known[::97] + ["".join(rng.sample(known, 2)) for _ in range(300)]
    samples += ["บอริส", "เยลต์ซิน", "วลาดิมีร์", "คิม จองอึน", "กอร์บาชอฟ", "๒๕๖๗", "ห", ""]
    assert [names.romanize(s) for s in samples] == [romanize(s) for s in samples]


def test_documents_with_their_own_words_share_the_full_word_lists():
    # nlpO3 cannot unload a dictionary (~50 MB each): only the base and the plain lists are
    # loaded in full, a text holding added words gets a small list of the words in it
    Segmenter(document=DOC).split("ท่านผู้นำ")              # the base and plain lists, once
    loaded = segment._full_dictionary.cache_info().currsize
    for k in range(3):
        seg = Segmenter([f"คำเฉพาะ{k}"], document=DOC)
        assert seg.split(f"ท่านผู้นำจองอึนกล่าวคำเฉพาะ{k}ว่า")
    assert segment._full_dictionary.cache_info().currsize == loaded
