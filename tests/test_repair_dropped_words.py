"""Lost tone marks where the text still splits into words ("เครือขาย" = เครือ|ขาย): restored
by word counts once the document shows it loses marks; clean text never gains one."""
from __future__ import annotations

import random

import damage
from test_repair_damage import cer, sample
from typeset.repair import repair


def test_marks_lost_inside_words_are_restored_by_word_counts():
    clean = sample(4, 40)
    damaged = damage.dropped_marks(clean, random.Random(2))
    out = repair(damaged)
    assert cer(out.text, clean) <= cer(damaged, clean) / 3
    assert any("marks dropped" in d for d in out.report.decisions)


def test_clean_text_gains_no_mark():
    clean = sample(9, 40)
    assert repair(clean).text == clean
