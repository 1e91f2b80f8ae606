"""A damage generator: what PDF text layers do to Thai, applied to clean text with a seed.

Each kind is one function (text, rng) -> damaged text, line for line (lines are never joined
or split, as extraction keeps them):
    code_table      every mark drawn with its own random ASCII code (punctuation and letters,
                    "." and "," included), like a broken font map
    am_as_aa        ำ extracted as า          aa_as_am   า extracted as ำ
    dropped_marks   tone marks lost           displaced  marks one cell right, across a space
    split_marks     a cell's vowel drawn on the next letter past a space, its tone left behind
                    ("ขึ้น" -> "ข้ นึ", "นั้น" -> "น้ นั")
    letter_spaced   justified lines with a space between letters
    pua             shifted marks as private-use code points (U+F700-U+F71A)
"""
from __future__ import annotations

import random
import re
import string

TONES = "\u0e48\u0e49\u0e4a\u0e4b"
UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"
LOWER = "\u0e38\u0e39"
MARKS = TONES + UPPER + LOWER + "\u0e4c"
TALL = "ปฝฟฬ"
_CELL = re.compile(f"[\u0e01-\u0e2e][{MARKS}]+")


def code_table(text: str, rng: random.Random) -> str:
    pool = list(string.ascii_letters + "!#$%&*+.,;:=?@^_~|")
    rng.shuffle(pool)
    table = {m: pool[i] for i, m in enumerate(MARKS)}
    return text.translate(str.maketrans(table))


def am_as_aa(text: str, rng: random.Random) -> str:
    return text.replace("\u0e33", "\u0e32")


def aa_as_am(text: str, rng: random.Random) -> str:
    return text.replace("\u0e32", "\u0e33")


def dropped_marks(text: str, rng: random.Random, p: float = 0.5) -> str:
    return "".join(c for c in text if not (c in TONES and rng.random() < p))


def displaced(text: str, rng: random.Random, p: float = 0.3) -> str:
    """A cell's marks drawn after the next letter; before a space they land after it."""
    out = list(text)
    i = 0
    while i < len(out) - 2:
        c = out[i]
        if "\u0e01" <= c <= "\u0e2e" and i + 1 < len(out) and out[i + 1] in MARKS and rng.random() < p:
            j = i + 1
            while j < len(out) and out[j] in MARKS:
                j += 1
            marks = out[i + 1:j]
            if j < len(out) and ("\u0e01" <= out[j] <= "\u0e2e" or out[j] == " "):
                del out[i + 1:j]
                k = i + 2 if out[i + 1] != " " else i + 2   # after the next letter, or after the space
                out[k:k] = marks
                i = k + len(marks)
                continue
        i += 1
    return "".join(out)


_SPLIT = re.compile(f"([\u0e01-\u0e2e])([{UPPER}{LOWER}])([{TONES}])([\u0e01-\u0e2e])(?= |$)", re.M)


def split_marks(text: str, rng: random.Random, p: float = 0.9) -> str:
    """Vowel and tone on the last but one letter of a phrase: the tone stays, a space follows,
    the vowel goes on the last letter (as Word's justified lines come out of pdftotext)."""
    return _SPLIT.sub(lambda m: (m.group(1) + m.group(3) + " " + m.group(4) + m.group(2))
                      if rng.random() < p else m.group(), text)


def letter_spaced(text: str, rng: random.Random, p: float = 0.3) -> str:
    lines = []
    for line in text.split("\n"):
        if rng.random() < p:
            line = re.sub(r"(?<=[\u0e01-\u0e4e])(?=[\u0e01-\u0e2e\u0e40-\u0e44])",
                          lambda m: " " if rng.random() < 0.5 else "", line)
        lines.append(line)
    return "\n".join(lines)


# down (over a consonant with no upper vowel) and left (over a tall consonant)
_DOWN = {"\u0e48": "\uf70a", "\u0e49": "\uf70b", "\u0e4a": "\uf70c", "\u0e4b": "\uf70d", "\u0e4c": "\uf70e"}
_LEFT = {"\u0e48": "\uf713", "\u0e49": "\uf714", "\u0e4a": "\uf715", "\u0e4b": "\uf716", "\u0e4c": "\uf717",
         "\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704", "\u0e31": "\uf710"}


def pua(text: str, rng: random.Random) -> str:
    def shift(m: re.Match) -> str:
        base, marks = m.group()[0], m.group()[1:]
        if base in TALL:
            return base + "".join(_LEFT.get(c, c) for c in marks)
        if len(marks) == 1:
            return base + _DOWN.get(marks, marks)
        return base + marks
    return _CELL.sub(shift, text)


KINDS = {"code_table": code_table, "am_as_aa": am_as_aa, "aa_as_am": aa_as_am,
         "dropped_marks": dropped_marks, "displaced": displaced, "split_marks": split_marks,
         "letter_spaced": letter_spaced,
         "pua": pua}
