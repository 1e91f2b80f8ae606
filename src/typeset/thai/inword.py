"""Is this space, or this line end, between two Thai letters inside a word?

    line_end_joins(left, right) -> bool   a line end in a Markdown paragraph between two Thai
                                          characters is nothing, any other is a space
                                          (docs/format.md): source, diff and article readers
    line_end_gap(left, right) -> str      "" or " ": what that line end becomes between two texts
    join_lines(text) -> str               a paragraph's lines as one line by that rule
    spelling_split(left, right) -> str    why the spelling alone says a space between two Thai
                                          runs is inside a word ('' when it does not): the
                                          import's line joins and space repair

Past spelling, the evidence is the dictionary and the document's own usage; those rules stay
with the stage that holds the document (structure.join, repair.spaces).
"""
from __future__ import annotations

import re

from typeset.thai.chars import THAI_BLOCK

# Marks that follow a consonant: a syllable (and so a word) never starts with one.
NO_START = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45"
                     "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
LEADING = frozenset("เแโใไ")
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
# a syllable onset: one consonant, a true cluster (กร ปล คว) or a leading ห/อ (หน อย)
ONSET = "(?:[\u0e01-\u0e2e][รลว]|[หอ][\u0e01-\u0e2e]|[\u0e01-\u0e2e])"
# Endings that need a following consonant: ั, ็ (except ก็), and เ◌ิ/เ◌ี/เ◌ึ/เ◌ื without their final part.
OPEN_END = re.compile(rf"(\u0e31[{TONES}]?|[\u0e01-\u0e2e]\u0e47|เ{ONSET}[\u0e34-\u0e37][{TONES}]?)$")
# a consonant carrying a tone mark at the end of a run: its vowel is missing (ต่ อ, ส่ วน)
# unless a leading vowel stands before it (แม่, ไม่, เก่)
BARE_TONE = re.compile(rf"[\u0e01-\u0e2e][{TONES}]$")
_LINE_END = re.compile(r"(\S)[ \t]*\n[ \t]*(?=(\S))")


def line_end_joins(left: str, right: str) -> bool:
    """Does a line end between the characters `left` and `right` vanish (both Thai)?"""
    return bool(left and right and THAI_BLOCK.match(left) and THAI_BLOCK.match(right))


def line_end_gap(left: str, right: str) -> str:
    """What a line end between the texts `left` and `right` becomes: "" or a space."""
    return "" if line_end_joins(left[-1:], right[:1]) else " "


def join_lines(text: str) -> str:
    """A paragraph's source lines as one line: a newline between two Thai characters is
    nothing, any other newline is a space."""
    return _LINE_END.sub(lambda m: m.group(1) if line_end_joins(m.group(1), m.group(2))
                         else m.group(1) + " ", text)


def spelling_split(left: str, right: str) -> str:
    """Why a space between the Thai runs `left` and `right` is inside a word by spelling alone
    ('' if the spelling allows a word boundary there)."""
    if right[0] in NO_START:
        return "mark after space"
    if left[-1] in LEADING:
        return "leading vowel before space"
    if left.endswith("ก็"):  # ก็ is a whole word
        return ""
    if OPEN_END.search(left):
        return "unfinished syllable before space"
    m = BARE_TONE.search(left)
    if m and not LEADING.intersection(left[max(0, m.start() - 2):m.start()]):
        return "tone mark without its vowel before space"
    return ""


def whole_word(w: str) -> bool:
    """Could `w` be a whole written word? Not when it starts with a mark or ends inside a
    syllable (a letter-spaced line's "อำนาจเ ดียว" must not make อำนาจเ a word)."""
    return w[0] not in NO_START and w[-1] not in LEADING and not OPEN_END.search(w)
