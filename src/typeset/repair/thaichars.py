"""Thai character classes and the cell model used by the mark-repair passes.

A *cell* is one base character followed by the combining marks drawn on it. Extraction damage
shows up as marks on the wrong cell, so passes reason about cells, not code points.
"""
from __future__ import annotations

import re
from functools import lru_cache

CONSONANTS = set("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ")
LEADING = set("เแโใไ")          # vowels written before the consonant they follow in speech
UPPER_VOWELS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47")   # ั ิ ี ึ ื ็
LOWER_VOWELS = set("\u0e38\u0e39\u0e3a")                      # ุ ู ฺ
TONES = set("\u0e48\u0e49\u0e4a\u0e4b")                        # ่ ้ ๊ ๋
OTHER_MARKS = set("\u0e4c\u0e4d\u0e4e")                        # ์ ํ ๎
MARKS = UPPER_VOWELS | LOWER_VOWELS | TONES | OTHER_MARKS
SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
THANTHAKHAT = "\u0e4c"

THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")


def is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def mark_class(ch: str) -> str:
    if ch in UPPER_VOWELS or ch in LOWER_VOWELS:
        return "vowel"
    if ch in TONES:
        return "tone"
    if ch == THANTHAKHAT:
        return "karan"
    return "other"


# Typing order inside a cell: vowel, tone, then the rest (์ ํ).
_ORDER = {"vowel": 0, "tone": 1, "karan": 2, "other": 3}


@lru_cache(maxsize=4096)
def order_marks(marks: str) -> str:
    return "".join(sorted(marks, key=lambda c: _ORDER[mark_class(c)]))


def cells(run: str) -> list[list[str]]:
    """Split a Thai run into [base, marks] cells; marks with no base get base ''."""
    out: list[list[str]] = []
    for ch in run:
        if ch in MARKS:
            if out:
                out[-1][1] += ch
            else:
                out.append(["", ch])
        else:
            out.append([ch, ""])
    return out


def join_cells(cs: list[list[str]]) -> str:
    return "".join(b + m for b, m in cs)


@lru_cache(maxsize=4096)
def cell_valid(base: str, marks: str) -> bool:
    """Could a careful typist have produced this cell? (used to spot certain damage)"""
    if not marks:
        return True
    if base not in CONSONANTS:
        return False
    n_vowel = sum(1 for c in marks if mark_class(c) == "vowel")
    n_tone = sum(1 for c in marks if c in TONES)
    n_karan = marks.count(THANTHAKHAT)
    if n_vowel > 1 or n_tone > 1 or n_karan > 1 or marks.count(NIKHAHIT) > 1:
        return False
    if n_karan and (n_tone or (n_vowel and not set(marks) & {"\u0e34", "\u0e38"})):
        return False  # ์ sits alone, or with ิ/ุ (ศักดิ์, จันทร์ุ is not Thai but พระพุทธ์ is rare)
    if "\u0e47" in marks and n_tone:
        return False  # ็ never takes a tone mark
    return True


def run_valid(run: str) -> bool:
    return all(cell_valid(b, m) for b, m in cells(run))
