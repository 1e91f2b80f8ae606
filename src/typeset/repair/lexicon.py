"""Dictionary scoring for the repair passes, over the one Thai word list (typeset.thai.words)
and the one segmentation (typeset.thai.segment).

Scoring many candidate strings is the cost of the repair, so `Lexicon.segment_many` segments
all candidates as one text (joined by newlines) and scores each from its tokens.
"""
from __future__ import annotations

from collections import Counter
import re
from functools import lru_cache
from typing import Iterable, Sequence

from typeset.thai import words as thai_words
from typeset.thai.segment import segment
from typeset.thai.words import word_freq

from .thaichars import is_thai

_SEP = "\n"
_THAI_WORD = re.compile(r"[\u0e01-\u0e5b]+")


WEAK_FREQ = 2000  # a short dictionary "word" rarer than this is more likely a fragment
COMMON_SHORT = 20000  # two-letter words rarer than this earn less in a segmentation
WEAK_FREQ_4 = 50  # four-letter entries the corpus hardly knows ("แหง่")


def base_words() -> frozenset[str]:
    return thai_words.plain_words()


@lru_cache(maxsize=8)
def word_list(extra: frozenset[str] = frozenset()) -> thai_words.WordList:
    """The repair's words with `extra`: PyThaiNLP's list only, as ORST's adds single letters
    ("ก", "น") that the pieces of a damaged word would pass for."""
    return thai_words.WordList(base_words() | extra)


def thai_len(s: str) -> int:
    return sum(1 for c in s if is_thai(c))


class Lexicon:
    """Known words = PyThaiNLP dictionary + optional extra words (e.g. the document's own)."""

    def __init__(self, extra: Iterable[str] = ()):
        self.word_list = word_list(frozenset(w for w in extra if w and not w.isspace()))
        self.words = self.word_list.base
        self.doc_words: frozenset[str] = frozenset()
        self.doc_names: frozenset[str] = frozenset()   # doc words outside the dictionary
        self.doc_name_lengths: list[int] = []
        self.doc_name_parts: frozenset[str] = frozenset()
        self.doc_parts: frozenset[str] = frozenset()   # 3-4 letter pieces of the doc's long words
        self._value: dict[str, int] = {}
        self._weak: dict[str, bool] = {}
        self._doc_counts: Counter | None = None   # words standing alone, per learn_document
        self._doc_ok: dict[str, bool] = {}        # could this word be one of the document's own?

    def tokenize(self, text: str) -> list[str]:
        return segment(text, self.word_list)

    def known(self, tok: str) -> bool:
        return tok in self.words

    def weak(self, tok: str) -> bool:
        """A short, rare dictionary entry ("มุ", "คล"): what damaged words fall apart into,
        unless the document writes it as a word of its own ("คิม จอง อึน")."""
        n = len(tok)
        if n > 4 or tok in self.doc_words:
            return False
        w = self._weak.get(tok)
        if w is None:
            w = self._weak[tok] = word_freq().get(tok, 0) < (WEAK_FREQ if n <= 3 else WEAK_FREQ_4)
        return w

    def learn_document(self, lines: Sequence[str], before: Sequence[str] | None = None) -> None:
        """Remember the words the document writes standing alone between spaces (dictionary
        words, and well-formed others such as names: "คิม อิลซุง"). With `before` (the lines
        last learned), only the lines that changed since are read again."""
        from .thaichars import run_valid

        if before is None or self._doc_counts is None:
            counts = Counter(w for line in lines for w in line.split())
        else:
            counts = self._doc_counts
            for a, b in zip(before, lines):
                if a != b:
                    counts.subtract(a.split())
                    counts.update(b.split())
        self._doc_counts = counts
        ok = self._doc_ok
        for w in counts:
            if w not in ok:
                ok[w] = len(w) > 1 and bool(_THAI_WORD.fullmatch(w)) and (w in self.words or run_valid(w))
        old = self.doc_words
        self.doc_words = frozenset(w for w, c in counts.items() if c > 0 and ok[w])
        for w in old ^ self.doc_words:  # cached values that depend on a word being the document's
            self._weak.pop(w, None)
            self._value.pop(w, None)
        self.doc_names = frozenset(w for w in self.doc_words if w not in self.words and len(w) <= 10)
        self.doc_name_lengths = sorted({len(w) for w in self.doc_names})
        # short pieces of those names: a quick "could this fragment be part of a name?"
        self.doc_name_parts = frozenset(w[a:a + n] for w in self.doc_names for n in (1, 2, 3, 4)
                                        for a in range(len(w) - n + 1))

    def score_tokens(self, toks: Sequence[str]) -> tuple[int, int]:
        """(Thai chars inside known words, Thai chars outside them)."""
        good = bad = 0
        for t in toks:
            n = thai_len(t)
            if not n:
                continue
            if t in self.words:
                good += n
            else:
                bad += n
        return good, bad

    def value_tokens(self, toks: Sequence[str]) -> int:
        """Plausibility of a segmentation: characters in known words, minus twice those outside,
        minus one per Thai token (fewer, longer words win). Short rare entries ("นุ", "งิ") earn
        nothing: damaged text falls apart into them."""
        v = 0
        cache = self._value
        for t in toks:
            x = cache.get(t)
            if x is None:
                x = cache[t] = self._token_value(t)
            v += x
        return v

    def _token_value(self, t: str) -> int:
        if not "\u0e01" <= t[0] <= "\u0e5b":  # nlpO3 keeps Thai and non-Thai apart
            return 0
        n = len(t)
        if t not in self.words:
            return -2 * n - 1
        if n <= 4 and self.weak(t):
            return -1  # a rare fragment earns nothing
        if n <= 2 and word_freq().get(t, 0) < COMMON_SHORT:
            return n - 2  # an uncommon two-letter word ("กา", "กู") earns less
        return n - 1

    def value_many(self, texts: Sequence[str]) -> list[int]:
        """value_tokens for each text (no newlines inside), with one segmentation call."""
        return [self.value_tokens(t) for t in self.segment_many(texts)]

    def segment_many(self, texts: Sequence[str]) -> list[list[str]]:
        """Tokens of each text (no newlines inside), with one segmentation call."""
        if not texts:
            return []
        toks = self.tokenize(_SEP.join(texts))
        out: list[list[str]] = [[]]
        for t in toks:
            if t == _SEP:
                out.append([])
            else:
                out[-1].append(t)
        if len(out) != len(texts):  # a separator merged into a token: fall back, one by one
            out = [self.tokenize(t) for t in texts]
        return out

    def score_many(self, texts: Sequence[str]) -> list[tuple[int, int]]:
        """Score each text (no newlines inside) with one segmentation call."""
        return [self.score_tokens(t) for t in self.segment_many(texts)]

    def coverage(self, lines: Iterable[str]) -> float:
        good, bad = self.score_tokens(self.tokenize(_SEP.join(lines)))
        return good / max(good + bad, 1)
