"""Words: the unit `typeset diff` compares.

Thai runs are segmented by typeset.thai.segment (newmm, PyThaiNLP's default words, as the
import reads them);
Latin words and numbers are words; every other non-space character is its own token;
whitespace is never a word, it is only remembered (`space`) so a diff can be shown as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from typeset.thai.inword import join_lines  # noqa: F401 (diff.tree reads it here)
from typeset.thai.segment import plain_tokens
from typeset.thai.chars import THAI_BLOCK

THAI = THAI_BLOCK
# a Latin word or number (letters and digits: ASEAN, COVID, 19, w2; 1.5.1 and 3,000 stay whole;
# 2022-2024 is three tokens) | any other non-space character on its own
LATIN = re.compile(r"(?:(?![\u0e00-\u0e7f])[^\W_])+(?:[.,:]\d+)*(?:['’](?:(?![\u0e00-\u0e7f])[^\W_])+)*|\S")
PARA = "\u00b6"  # paragraph separator token, shown as ¶


@dataclass(frozen=True)
class Word:
    text: str
    space: bool = False   # whitespace before it in the source (display only, never compared)
    line: int = 0         # source line of its block (display only)

    def __eq__(self, other):  # compare text only: whitespace is not a word
        return isinstance(other, Word) and other.text == self.text

    def __hash__(self):
        return hash(self.text)


def split_chunk(chunk: str) -> list[str]:
    """Words of one whitespace-free chunk that contains Thai."""
    out: list[str] = []
    for tok in plain_tokens(chunk):
        tok = tok.strip()
        if not tok:
            continue
        if THAI.search(tok):
            # newmm may glue "ต่าง ๆ"; whitespace is never part of a word
            out.extend(tok.split())
        else:
            out.extend(LATIN.findall(tok))
    return out


def tokenize(text: str, line: int = 0) -> list[Word]:
    """Words of one block of text (lines already joined or not: both work)."""
    text = join_lines(text)
    words: list[Word] = []
    for m in re.finditer(r"\S+", text):
        chunk = m.group()
        space = m.start() > 0 and text[m.start() - 1].isspace()
        pieces = split_chunk(chunk) if THAI.search(chunk) else LATIN.findall(chunk)
        for i, p in enumerate(pieces):
            words.append(Word(p, space and i == 0, line))
    return words


def diff(old: list[Word], new: list[Word]) -> list[tuple[str, list[Word], list[Word]]]:
    """Opcodes over words: ("equal" | "delete" | "insert" | "replace", old words, new words)."""
    sm = SequenceMatcher(None, old, new, autojunk=False)  # autojunk would hide frequent Thai words
    return [(op, old[i1:i2], new[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes()]


def render(words: list[Word]) -> str:
    """Words back to text, with the spaces the source had."""
    out = []
    for i, w in enumerate(words):
        if i and w.space:
            out.append(" ")
        out.append(w.text)
    return "".join(out)
