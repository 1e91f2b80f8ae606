"""Thai break points: only at word boundaries the segmentation is sure of, names never split."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from typeset.render.thai import BREAK, Segmenter, certain_boundaries, learn_words


def boundaries(seg: Segmenter, text: str) -> list[str]:
    return seg.split(text)


def test_chunks_join_back_to_the_text_and_break_only_between_thai():
    seg = Segmenter()
    text = "รัสเซียได้เริ่มปฏิบัติการพิเศษ (Special Military Operation) ในปี ค.ศ. 2022 ต่าง ๆ"
    chunks = seg.split(text)
    assert "".join(chunks) == text
    assert len(chunks) > 3
    for a, b in zip(chunks, chunks[1:]):
        assert "\u0e00" <= a[-1] <= "\u0e7f" and "\u0e00" <= b[0] <= "\u0e7f"
    assert BREAK == r"\thaibreak{}"


def test_user_words_are_never_broken():
    text = "ประธานาธิบดีวลาดิมีร์พบกับผู้นำเกาหลีเหนือ"
    assert "วลาดิมีร์" in Segmenter(["วลาดิมีร์"]).split(text)


def test_unknown_syllables_stay_glued_to_each_other():
    # the dictionary chops the transliterated name; no break point may fall inside it
    for name in ("วลาดิมีร์", "เยลต์ซิล", "กอร์บาชอฟ", "ลาฟรอฟ"):
        text = f"การเดินทางของ{name}ไปยังกรุงมอสโก"
        pos = text.index(name)
        cuts, acc = set(), 0
        for c in Segmenter().split(text)[:-1]:
            acc += len(c)
            cuts.add(acc)
        assert not any(pos < c < pos + len(name) for c in cuts), (name, Segmenter().split(text))


def test_recurring_name_pieces_are_learned_from_the_document():
    doc = ["ท่านผู้นำจองอึนกล่าวว่า", "จากนั้นจองอึนเดินทาง", "แต่จองอึนไม่ตอบ"] * 2
    assert "จองอึน" in learn_words(doc)
    seg = Segmenter(document=doc)
    assert any("จองอึน" in c for c in seg.split("วันนี้จองอึนมาถึง"))


def test_name_with_latin_spelling_is_learned_even_when_glued_to_the_word_before():
    doc = ["ต่อมาในสมัยของบอริส เยลต์ซิล (Boris Yeltsin) ได้มีท่าทีที่เปลี่ยนไป"]
    words = learn_words(doc)
    assert {"บอริส", "เยลต์ซิล"} <= words
    chunks = Segmenter(document=doc).split("สมัยของบอริส")
    assert chunks[-1].endswith("บอริส") and "ของ" in "".join(chunks[:-1]) + chunks[-1][:3]


def test_a_translation_in_parentheses_is_not_taken_for_a_name():
    assert not learn_words(["ปฏิบัติการทางทหารพิเศษ (Special Military Operation) ต่อเนื่อง"]) & {
        "การ", "พิเศษ", "ทหาร"}


def test_ambiguous_boundaries_are_not_break_points():
    # "ตะวันตก|ใน" and "ตะวัน|ตกใน" are equally short segmentations: neither cut is sure
    from pythainlp.util import Trie
    from typeset.thai.words import base_words as _base_words

    run = "ตะวันตกใน"
    assert certain_boundaries(run, Trie(_base_words())) == set()
    assert "ตะวันตกใน" in "".join(c for c in Segmenter().split("ฝั่งตะวันตกในช่วงเวลานั้น") if "ตะวัน" in c)


def test_break_is_not_put_where_a_fresh_reading_finds_a_word_across_it():
    # newmm reads "ของบอริส" as ขอ|งบ|อริ|ส: a break after ของ would read as splitting งบ
    seg = Segmenter()
    chunks = seg.split("สมัยของบอริส")
    acc, cuts = 0, []
    for c in chunks[:-1]:
        acc += len(c)
        cuts.append(acc)
    assert 7 not in cuts   # not between ของ and บอริส


SEG = Segmenter()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("กขคงจฉชซดตถทนบปผพฟมยรลวสหอะาิีึืุูเแโใไ่้๊๋ั็์ำ abc.,()12")),
               max_size=60))
def test_split_never_loses_or_adds_characters(text):
    assert "".join(SEG.split(text)) == text
