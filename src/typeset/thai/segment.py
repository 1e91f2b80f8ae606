"""The one Thai segmentation front door: newmm (nlpO3, the Rust implementation) over a WordList.

    segment(text, words=None) -> list[str]     tokens, whitespace kept, "".join(tokens) == text
    plain_tokens(text) -> tuple[str, ...]      by PyThaiNLP's default words, spaces dropped
    reference_tokens(text)                     PyThaiNLP's own newmm, default dictionary: only
                                               where a rule is defined by it (typeset.quality)

PyThaiNLP's newmm never runs a token across an edge between a Thai letter and anything else
(punctuation, Latin, digits, Thai digits, spaces) unless a dictionary word spans it; nlpO3 glues
punctuation to an unknown Thai cluster beside it ("“อํา" for "“|อ|ํา"). So the text is cut at
those edges first, here and nowhere else, and each piece segmented on its own, which gives
PyThaiNLP's cuts many times faster (tests/test_thai_nlpo3.py).
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from typeset.thai.chars import WORD_CLASS
from typeset.thai.words import WordList, base_list, occurring, plain_list, words_in

SCRIPT_EDGE = re.compile(f"(?<=[{WORD_CLASS}])(?=[^{WORD_CLASS}])|(?<=[^{WORD_CLASS}])(?=[{WORD_CLASS}])")
_LOADED: set[str] = set()


def segment(text: str, words: WordList | None = None) -> list[str]:
    """newmm tokens of `text` (whitespace kept) with `words` (default: the base list)."""
    import nlpo3

    words = base_list() if words is None else words
    name = _dictionary(text, words)
    out, start = [], 0
    for m in SCRIPT_EDGE.finditer(text):
        cut = m.start()
        if 0 < cut < len(text) and not words.spanned(text, cut):
            out += nlpo3.segment(text[start:cut], name)
            start = cut
    out += nlpo3.segment(text[start:], name)
    return out


@lru_cache(maxsize=100_000)
def plain_tokens(text: str) -> tuple[str, ...]:
    """The words of `text` by PyThaiNLP's default list, spaces dropped: how a reader's tool
    reads a stretch of text (the joins of the import, the words of a diff, a re-read break)."""
    return tuple(t.strip(" ") for t in segment(text, plain_list()) if t.strip(" "))


def reference_tokens(text: str) -> list[str]:
    """PyThaiNLP's newmm with its default dictionary, whitespace dropped: the reference a
    reader's tool would give, for measures defined by it. Not for typesetting."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=False)


def _dictionary(text: str, words: WordList) -> str:
    """The nlpO3 dictionary to segment `text` with.

    newmm only looks at the dictionary words that occur in the text. Without any of the added
    words in it, the base list (loaded once per process, ~50 MB in nlpO3) does; with some, a
    small list of just the words that occur in it. A full list per set of added words would
    hold another 50 MB for every document a process sees (nlpO3 cannot unload).
    """
    extra = words_in(text, words.extra, words.extra_stems) if words.extra else ()
    if not extra:
        if words.base_name is None:
            words.base_name = _full_dictionary(words.base)
        return words.base_name
    return load(set(occurring(text, words.base, words.stems())) | set(extra))


@lru_cache(maxsize=4)
def _full_dictionary(words: frozenset[str]) -> str:
    return load(words)


def load(words) -> str:
    """The nlpO3 dictionary name for `words`, loading them on first use (nlpO3 keeps a list for
    the life of the process, so each distinct list is loaded once, named by its hash). A word
    holding a line break cannot be written to the one-word-a-line file (nor be one token to
    newmm): left out."""
    import nlpo3

    text = "\n".join(sorted({w for w in words if "\n" not in w and "\r" not in w}))
    name = "typeset-" + hashlib.sha256(text.encode()).hexdigest()[:32]
    if name not in _LOADED:
        with tempfile.TemporaryDirectory(prefix="typeset-dict-") as tmp:
            path = Path(tmp) / "words.txt"
            path.write_text(text + "\n", encoding="utf-8")
            msg, ok = nlpo3.load_dict(str(path), name)
        if not ok and "already exists" not in msg:
            raise RuntimeError(f"nlpO3 could not load the word list: {msg}")
        _LOADED.add(name)
    return name
