"""A cell split across a space, its vowel carried onto the next letter and its tone left behind
("ข้ นึ" = ขึ้น, "น้ นั" = นั้น), as pdftotext gives Word's justified lines."""
from __future__ import annotations

import random

import damage
from test_repair_damage import cer, sample
from typeset.repair import repair


def test_split_cells_are_put_back():
    lines = ["หลังจากน้ นั จะทำการทดสอบระบบทั้งหมด", "ขนาดของดัชนีมีขนาดใหญ่ข้ นึ เมื่อสร้างใหม่"]
    out = repair("\n".join(lines)).lines
    assert out == ["หลังจากนั้นจะทำการทดสอบระบบทั้งหมด", "ขนาดของดัชนีมีขนาดใหญ่ขึ้นเมื่อสร้างใหม่"]


def test_generated_split_damage_is_reduced_and_clean_text_kept():
    clean = sample(2, 40)
    damaged = damage.split_marks(clean, random.Random(3))
    assert damaged != clean
    assert cer(repair(damaged).text, clean) < cer(damaged, clean)
    assert repair(clean).text == clean
