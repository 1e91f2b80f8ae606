"""displaced: damage that hides behind quotes, and words that fall apart into short dictionary words."""
from typeset.repair import displaced
from typeset.repair.state import State
from typeset.repair.lexicon import Lexicon


def _fix(line: str) -> str:
    return displaced.apply([line], State(raw=[line]))[0]


def test_quotes_glued_to_a_damaged_word_do_not_hide_it():
    # nlpO3 returns '"สเูข"' as one token; it must be read as quote + Thai + quote
    toks = Lexicon().tokenize('คำว่า "ปญัหา" ในที่นี้')
    assert '"' in toks and "ปญัหา" in toks
    assert _fix('คำว่า "ปญัหา" ในที่นี้') == 'คำว่า "ปัญหา" ในที่นี้'
    assert Lexicon().tokenize("ใน พ.ศ. 2500") == ["ใน", " ", "พ.ศ.", " ", "2500"]


def test_a_word_broken_into_three_short_words_is_repaired_next_to_another_damaged_word():
    # "การถกู" reads as กา|รถ|กู (all dictionary words); after the neighbour คกุคาม is fixed the
    # window must stay active until the trio is gone too
    assert _fix("ง่ายต่อการถกูคกุคาม") == "ง่ายต่อการถูกคุกคาม"
    assert _fix("เขาไม่ชอบการถกูตำหนิ") == "เขาไม่ชอบการถูกตำหนิ"
    assert _fix("ง่ายต่อการถูกคุกคาม") == "ง่ายต่อการถูกคุกคาม"  # clean text untouched


def test_uncommon_two_letter_landing_between_sound_words_but_not_inside_a_name():
    # ปู is rarer than the common-word bar, but ได้|ปู|ทาง|ให้ leaves nothing broken around it
    assert _fix("ข้อตกลงนี้ได้ปทูางให้เกิดการค้า") == "ข้อตกลงนี้ได้ปูทางให้เกิดการค้า"
    # a name: moving ิ would leave คา|สิ|ซม, three short words in a row
    assert _fix("นายคาสซิม ได้") == "นายคาสซิม ได้"
