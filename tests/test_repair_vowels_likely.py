"""Sara aa / sara am where both readings are words: the likelier word wins (corpus counts), and
letter-spaced or tone-first spellings are read like any other."""
from __future__ import annotations

import random

import damage
from test_repair_damage import cer, sample
from typeset.repair import repair
from typeset.thai import likely

# words with a real ำ whose sara-aa reading is also words ("นา|มา", "จาน|วน", "คา")
AMBIGUOUS = ["และนำมาจัดกลุ่มตามจำนวนคำที่พบ โดยกำหนดจำนวนรอบการสุ่ม",
             "ผลการทดลองแสดงความแม่นยำสูงกว่าเดิม"]


def test_both_readings_words_the_likelier_is_kept():
    clean = "\n".join([sample(3, 40)] + AMBIGUOUS)
    out = repair(damage.aa_as_am(clean, random.Random(0)))
    assert out.lines[-2:] == AMBIGUOUS
    assert cer(out.text, clean) <= 0.001


def test_word_model_prefers_the_common_word():
    assert likely.gain("จานวน", "จำนวน") > 0
    assert likely.gain("นำมา", "นามา") < 0
    assert likely.cost("การ") < likely.cost("กำร")


def test_letter_spaced_and_tone_after_sara_am_are_read():
    clean = sample(7, 40)
    damaged = damage.aa_as_am(clean, random.Random(0)).splitlines()
    damaged[-1] = "ความคล้ำ ยคลึงของข้อมูลด้ำ นความต่ำ งของคะแนน"
    damaged.append("มีคะแนนตำ่กว่ำเดิม")
    out = repair("\n".join(damaged))
    assert out.lines[-2].replace(" ", "") == "ความคล้ายคลึงของข้อมูลด้านความต่างของคะแนน"
    assert out.lines[-1] == "มีคะแนนต่ำกว่าเดิม"


def test_clean_text_with_both_letters_is_left_alone():
    clean = "\n".join([sample(11, 40)] + AMBIGUOUS)
    assert repair(clean).text == clean
