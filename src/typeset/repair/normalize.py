"""Pass `normalize`: NFC, sara am rebuilt from its parts, marks in typing order inside a cell,
no space between a character and the mark drawn on it.

Never NFKC: it would decompose ำ into ํ + า.
"""
from __future__ import annotations

import re
import unicodedata

from .state import State
from .thaichars import MARKS, order_marks

NAME = "normalize"

# ํ (+ tone marks) + า, or the reversed า + ํ: both are a broken ำ; the tone goes before ำ.
_AM = re.compile(r"\u0e4d([\u0e48-\u0e4b]*) ?\u0e32|\u0e32([\u0e48-\u0e4b]*)\u0e4d")
# ำ drawn before the tone mark on its cell ("ตำ่"): no spelling puts a tone after ำ
_AM_TONE = re.compile("\u0e33([\u0e48-\u0e4b]+)")
_MARK_RUN = re.compile("[" + "".join(sorted(MARKS)) + "]{2,}")
# A combining mark never follows a space: the mark was displaced one cell to the right, over a
# real space ("ใหม ่และ" is ใหม่ และ). Put it back before the space; the spaces pass decides later
# whether that space splits a word.
_SPACE_MARK = re.compile("(?<=[\u0e01-\u0e4e])( +)([" + "".join(sorted(MARKS)) + "]+)( ?)")


# Word equations extract as mathematical italic letters (U+1D400-U+1D7FF): the letters they are
_MATH = re.compile("[\U0001D400-\U0001D7FF]")


def normalize_line(line: str) -> tuple[str, int, int, int]:
    """Return (line, sara am fixes, mark reorders, marks moved back over a space)."""
    s = unicodedata.normalize("NFC", line)
    if _MATH.search(s):
        s = _MATH.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)
    # a mark alone between two spaces (letter spacing, "กลุ ่ ม"): one space stays, after it
    s, n_space = _SPACE_MARK.subn(lambda m: m.group(2) + (m.group(3) or m.group(1)), s)
    s, n_am = _AM.subn(lambda m: (m.group(1) or m.group(2) or "") + "\u0e33", s)
    s, n_order = _AM_TONE.subn(lambda m: m.group(1) + "\u0e33", s)

    def reorder(m: re.Match) -> str:
        nonlocal n_order
        r = order_marks(m.group(0))
        n_order += r != m.group(0)
        return r

    s = _MARK_RUN.sub(reorder, s)
    return s, n_am, n_order, n_space


def apply(lines: list[str], ctx: State) -> list[str]:
    out = []
    for line in lines:
        s, n_am, n_order, n_space = normalize_line(line)
        ctx.report.count("normalize: sara am rebuilt", n_am)
        ctx.report.count("normalize: marks reordered", n_order)
        ctx.report.count("normalize: mark moved back over a space", n_space)
        out.append(s)
    return out
