"""typeset.thai.inword: one answer to "is this space / line end inside a word?", and the one
segmentation giving the same cut at import, build and diff."""
from __future__ import annotations

from typeset.article.parse import join_lines as article_join
from typeset.diff.words import join_lines as diff_join
from typeset.render.thai import Segmenter
from typeset.repair.lexicon import Lexicon
from typeset.thai.inword import join_lines, line_end_joins, spelling_split
from typeset.thai.segment import plain_tokens, segment


def test_a_line_end_between_thai_characters_is_nothing_any_other_a_space():
    assert line_end_joins("ก", "ข") and line_end_joins("ๆ", "ก")
    assert not line_end_joins("ก", "A") and not line_end_joins("1", "ก") and not line_end_joins("", "ก")
    text = "ภาษา\nไทย\nand\nEnglish ๒๕๖๗\nปี"
    assert join_lines(text) == "ภาษาไทย and English ๒๕๖๗ปี"
    assert diff_join(text) == join_lines(text)
    assert article_join(text) == join_lines(text)


def test_spelling_alone_says_a_space_is_inside_a_word():
    assert spelling_split("ต่", "อการ") == "tone mark without its vowel before space"
    assert spelling_split("ผู้เ", "ขียน") == "leading vowel before space"
    assert spelling_split("คาซั", "คสถาน") == "unfinished syllable before space"
    assert spelling_split("ขอบ", "ั") == "mark after space"
    assert spelling_split("แม่", "น้ำ") == "" and spelling_split("ก็", "ได้") == ""
    assert spelling_split("ภาษา", "ไทย") == ""


def test_the_same_text_gets_the_same_cut_at_import_build_and_diff():
    text = "ต่างๆ นาๆ"
    assert segment(text) == [text]                     # the front door, the build's words
    assert Lexicon().tokenize(text) == [text]          # the repair's words
    assert plain_tokens(text) == (text,)               # the line joins and the diff
    assert Segmenter().split(text) == [text]           # no break point inside


def test_punctuation_is_cut_from_an_unknown_thai_cluster_in_every_stage():
    text = "“อํา”"
    assert segment(text)[0] == "“" and segment(text)[-1] == "”"
    assert Lexicon().tokenize(text) == segment(text, Lexicon().word_list)
