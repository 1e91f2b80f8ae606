"""The learner must recover a document damaged with a code map it has never seen.

A clean Thai text (not the seed thesis) is corrupted here the way broken PDF font maps corrupt
text: tone marks and a vowel replaced by random ASCII/Latin-1 codes (one code with a stray space
before it), some marks drawn one cell too far right, sara am decomposed. repair() must find the
codes and give back the clean text.
"""
import random
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from typeset.repair import repair
from typeset.repair.thaichars import CONSONANTS, LEADING, LOWER_VOWELS, TONES, UPPER_VOWELS, cells

CLEAN = (Path(__file__).parent / "fixtures" / "repair" / "clean-climate.txt").read_text(encoding="utf-8")
CODE_POOL = list("QJXZqxz#@%~^|¤¶µ¬")


def displace(line: str, rng: random.Random, p: float) -> str:
    """Move, with probability p, one above/below vowel or tone mark to the end of the next cell."""
    cs = [list(c) for c in cells(line)]
    j = 0
    while j < len(cs) - 1:
        base, marks = cs[j]
        nb, nm = cs[j + 1]
        movable = [m for m in marks if m in UPPER_VOWELS | LOWER_VOWELS | TONES]
        if base in CONSONANTS and movable and (nb in CONSONANTS or nb in LEADING) and rng.random() < p:
            m = rng.choice(movable)
            cs[j][1] = marks.replace(m, "", 1)
            cs[j + 1][1] = nm + m
            j += 1  # a mark moves one cell, never twice
        j += 1
    return "".join(b + m for b, m in cs)


def corrupt(text: str, seed: int, p_displace: float = 0.08, vowels: bool = False):
    rng = random.Random(seed)
    codes = rng.sample(CODE_POOL, 6)
    # tone mark ่ gets two codes (body and heading fonts), ้ a code with a stray space, ์ one code
    plan = {"\u0e48": [codes[0], codes[1]], "\u0e49": [" " + codes[2]], "\u0e4c": [codes[3]]}
    if vowels:  # ี and ั coded too: codes then stack up on one cell ("ท#X" = ที่)
        plan.update({"\u0e35": [codes[4]], "\u0e31": [codes[5]]})
    lines = []
    for line in text.splitlines():
        line = displace(line, rng, p_displace)
        line = line.replace("\u0e33", "\u0e4d\u0e32")
        line = "".join(rng.choice(plan[c]) if c in plan else c for c in line)
        lines.append(line)
    truth = {c.strip(): m for m, cs in plan.items() for c in cs}
    return "\n".join(lines), truth


@pytest.mark.parametrize("seed,vowels", [(1, False), (7, False), (42, False), (99, False),
                                         (2, True), (6, True)])
def test_unseen_code_map_is_learned_and_text_recovered(seed, vowels):
    damaged, truth = corrupt(CLEAN, seed, vowels=vowels)
    before = Levenshtein.distance(damaged, CLEAN) / len(CLEAN)
    assert before > 0.03  # the damage is real
    res = repair(damaged)
    assert len(res.lines) == len(CLEAN.splitlines())
    for code, mark in truth.items():
        if damaged.count(code) >= 3:
            assert res.report.code_map.get(code) == mark, (code, res.report.code_map)
    after = Levenshtein.distance(res.text, CLEAN.rstrip("\n")) / len(CLEAN)
    assert after < 0.002, after
    assert res.report.coverage_after > res.report.coverage_before


def test_latin_symbols_that_are_codes_elsewhere_stay():
    damaged, truth = corrupt(CLEAN, 3)
    res = repair(damaged + "\nใช้แนวทาง Self-help และ R&D ตามแนวคิดของ Smith & Jones")
    assert res.lines[-1] == "ใช้แนวทาง Self-help และ R&D ตามแนวคิดของ Smith & Jones"


def test_clean_text_is_left_alone():
    res = repair(CLEAN)
    assert res.lines == CLEAN.splitlines()
    assert not res.report.code_map
