"""The one Thai word list: PyThaiNLP's and ORST's words, the thesis.yaml `words:` and the words
learned from the document, with one prefix structure for look-ups.

`WordList(base, words)` is a shared base (never changed) with words added on top. Prefix
look-ups use a set of the words' prefixes, which costs a sixth of building PyThaiNLP's Python
trie. Segmentation over a word list is `typeset.thai.segment`. The build's list is
`word_list()` (PyThaiNLP + ORST + thesis and learned words); the repair and the reader's view
(`plain_list`) use PyThaiNLP's words alone.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from typeset.thai.chars import WORD_CLASS

_LETTER = re.compile(f"[{WORD_CLASS}]")
_NOT_LETTERS = re.compile(f"[^{WORD_CLASS}]")


@lru_cache(maxsize=1)
def base_words() -> frozenset[str]:
    """PyThaiNLP's and ORST's Thai words: the dictionary every stage starts from."""
    from pythainlp.corpus import thai_orst_words, thai_words

    return frozenset(thai_words()) | frozenset(thai_orst_words())


@lru_cache(maxsize=1)
def plain_words() -> frozenset[str]:
    """PyThaiNLP's default word list (what its newmm uses without a custom dictionary)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=1)
def orst_words() -> frozenset[str]:
    """The Royal Society's (ORST) word list: the evaluation's notion of a dictionary word."""
    from pythainlp.corpus import thai_orst_words

    return frozenset(thai_orst_words())


@lru_cache(maxsize=1)
def word_freq() -> dict[str, int]:
    """Thai National Corpus word counts (bundled with PyThaiNLP)."""
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def clean(words: Iterable[str]) -> set[str]:
    """User words as the word list keeps them: NFC, stripped, empty ones dropped."""
    return {unicodedata.normalize("NFC", w).strip() for w in words if w and str(w).strip()}


def prefixes_of(words) -> frozenset[str]:
    """Every non-empty prefix of every word: a prefix walk stops where the text leaves them."""
    return frozenset(w[:k] for w in words for k in range(1, len(w) + 1))


@lru_cache(maxsize=4)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return prefixes_of(words)


class WordList:
    """A base word list with words added on top, for newmm and for prefix look-ups."""

    def __init__(self, base: frozenset[str], words: Iterable[str] = (), stems_of: frozenset[str] | None = None):
        """stems_of: a superset of `base` whose prefixes to walk (to share one prefix set)."""
        self.base = base
        self.stems_of = base if stems_of is None else stems_of
        self._base_stems: frozenset[str] | None = None   # built on the first prefix look-up
        self.base_name: str | None = None   # nlpO3's name for `base`, set by typeset.thai.segment
        self.extra: set[str] = set()
        self.extra_stems: set[str] = set()
        self.extra_edges: dict[str, list[tuple[str, int]]] = {}   # see edge_index
        for w in words:
            self.add(w)

    def add(self, word: str) -> None:
        if word and word not in self:
            self.extra.add(word)
            self.extra_stems.update(word[:k] for k in range(1, len(word) + 1))
            for pair, k in edges(word):
                self.extra_edges.setdefault(pair, []).append((word, k))

    def __contains__(self, word) -> bool:
        return word in self.base or word in self.extra

    def __iter__(self):
        yield from self.base
        yield from self.extra

    def __len__(self) -> int:
        return len(self.base) + len(self.extra)

    def stems(self) -> frozenset[str]:
        """The prefixes of the base words (of `stems_of`), built on first use."""
        if self._base_stems is None:
            self._base_stems = _stems(self.stems_of)
        return self._base_stems

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words starting at `start`, shortest first (as PyThaiNLP's Trie.prefixes)."""
        stems, out = self.stems(), []
        for j in range(start + 1, len(text) + 1):
            piece = text[start:j]
            if piece not in stems and piece not in self.extra_stems:
                break
            if piece in self.base or piece in self.extra:
                out.append(piece)
        return out

    def spanned(self, text: str, cut: int) -> bool:
        """Is some word text[a:b] with a < cut < b, where `cut` is an edge between a Thai letter
        and another character? Only a word holding the two characters around the edge can:
        they are looked up in an index of such words' edges."""
        pair = text[cut - 1:cut + 1]
        for index in (edge_index(self.stems_of), self.extra_edges):
            for w, k in index.get(pair, ()):
                if cut - 1 - k >= 0 and text.startswith(w, cut - 1 - k) and w in self:
                    return True
        return False


def edges(word: str):
    """(the two characters, offset) of each script edge inside `word` ("ค." at 0 in "ค.ศ.")."""
    for k in range(len(word) - 1):
        if bool(_LETTER.match(word[k])) != bool(_LETTER.match(word[k + 1])):
            yield word[k:k + 2], k


@lru_cache(maxsize=4)
def edge_index(words: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Script-edge pair -> the words holding it and where: the few words ("ค.ศ.", "ไป ๆ มา ๆ")
    that newmm may run across an edge between a Thai letter and another character."""
    index: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        if _NOT_LETTERS.search(w):
            for pair, k in edges(w):
                index.setdefault(pair, []).append((w, k))
    return {pair: tuple(sorted(v)) for pair, v in index.items()}


def words_in(text: str, words, stems) -> list[str]:
    """The words of `words` (with `stems`, their prefixes) that occur in `text`: an `in` test
    each for a few words, one prefix walk of the text for many (a long thesis.yaml word list
    would otherwise cost a test per word for every text)."""
    if len(words) <= 32:
        return [w for w in words if w in text]
    return list(dict.fromkeys(occurring(text, words, stems)))


def occurring(text: str, words: frozenset[str], stems: frozenset[str]):
    """The words that occur in `text` (a prefix walk from every position)."""
    n = len(text)
    for a in range(n):
        for b in range(a + 1, n + 1):
            piece = text[a:b]
            if piece not in stems:
                break
            if piece in words:
                yield piece


def word_list(words: Iterable[str] = ()) -> WordList:
    """PyThaiNLP's and ORST's Thai words plus `words` (more can be add()ed)."""
    return WordList(base_words(), words)


@lru_cache(maxsize=1)
def base_list() -> WordList:
    """The base words alone, shared (never add() to it)."""
    return word_list()


@lru_cache(maxsize=1)
def plain_list() -> WordList:
    """PyThaiNLP's default words alone, shared; prefixes walked over the base's prefix set."""
    return WordList(plain_words(), stems_of=base_words())   # plain words are base words
