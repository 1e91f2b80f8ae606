"""Names and their Latin spellings: "บอริส เยลต์ซิล (Boris Yeltsin)" tells which Thai letters
are one name, by romanizing the Thai (PyThaiNLP's RTGS romanizer) and matching it to the Latin.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from typeset.thai.segment import plain_tokens, segment
from typeset.thai.words import plain_list

# "ไทย (Latin Name)": a transliterated name followed by its spelling in Latin letters.
PAIRED = re.compile(r"([\u0e00-\u0e7f]+(?:[ \u00a0]+[\u0e00-\u0e7f]+){0,3})[ \u00a0]*"
                    r"\(\s*([A-Za-z][A-Za-z'\u2019]*(?:[ \-][A-Za-z][A-Za-z'\u2019]*){0,3})\s*[),]")
NAME_MATCH = 0.6   # romanized Thai vs its Latin spelling, SequenceMatcher ratio
# Thai combining marks (above/below vowels, tone marks, thanthakhat): they never start a syllable.
MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@lru_cache(maxsize=100_000)
def letters(tok: str) -> int:
    """Base letters of a token (its marks not counted)."""
    return len(MARKS.sub("", tok))


@lru_cache(maxsize=20_000)
def romanize(text: str) -> str:
    """PyThaiNLP's romanize (RTGS, royin) of Thai text, its words cut by nlpO3.

    PyThaiNLP's romanize cuts the words with its own newmm and dictionary, whose Python trie
    takes longer to build (0.5 s) than the names of a whole thesis take to romanize; nlpO3 cuts
    them the same way (tests/test_thai_nlpo3.py compares the two on dictionary words and names).
    The word romanizer and the syllable rule are PyThaiNLP's; should it rename them, its own
    romanize is used.
    """
    try:
        from pythainlp.transliterate.royin import _romanize as _  # noqa: F401 (used by _romanize_word)
        from pythainlp.transliterate.royin import _should_add_syllable_separator as separated
    except ImportError:
        from pythainlp.transliterate import romanize as pythainlp_romanize

        return pythainlp_romanize(text)
    out = []
    for sub in text.split(" "):
        words = segment(sub, plain_list()) if sub else []
        done: list[str] = []
        for i, word in enumerate(words):
            rom = _romanize_word(word)
            if i > 0 and rom and separated(words[i - 1], word, done[-1] if done else ""):
                rom = "a" + rom
            done.append(rom)
        out.append("".join(done))
    return " ".join(out)


@lru_cache(maxsize=20_000)
def _romanize_word(word: str) -> str:
    from pythainlp.transliterate.royin import _romanize

    return _romanize(word)


# Consonants whose RTGS romanization is never empty, initial or final: all but อ ย ว ห ฮ ฤ
# (silent or empty finals) and ร (รร reads "a"). A consonant up to two places before ์ may be
# silenced. Their count is a lower bound on the length of a word's romanization.
_SOUNDING = frozenset("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมลศษสฬ")


def min_romanized(word: str) -> int:
    return sum(1 for k, c in enumerate(word) if c in _SOUNDING and "\u0e4c" not in word[k + 1:k + 3])


# A run of Thai letters and spaces ending in "(", from its start (the lookbehind keeps the
# search from starting again inside it).
_BEFORE_PAREN = re.compile(r"(?<![\u0e00-\u0e7f \u00a0])[\u0e00-\u0e7f \u00a0]*\(")


def paired_matches(text: str):
    """PAIRED.finditer(text), tried only where a match can start: in the Thai letters and spaces
    just before a "(". Scanning every Thai letter of a paragraph costs more than the rest of
    learning its words."""
    for run in _BEFORE_PAREN.finditer(text):
        for p in range(run.start(), run.end() - 1):
            m = PAIRED.match(text, p)
            if m:
                yield m
                break


def paired_names(thai: str, latin: str, known: set[str]) -> set[str]:
    from pythainlp.tokenize import tcc

    latin_words = [w.lower() for w in re.split(r"[ \-]", latin) if w]
    chunks = thai.split()
    if len(latin_words) > len(chunks):
        return set()
    out = set()
    for lat, chunk in zip(reversed(latin_words), reversed(chunks)):
        # The first name may be glued to the words before it: try every cluster-aligned suffix
        # whose prefix is made of dictionary words ("ของ|บอริส", not "ขอ|งบอริส" nor "ว|ลาดิเมียร์").
        # The best candidate is the longest of those with the highest score. Romanizing is slow:
        # shortest first, and a candidate is skipped when its score cannot reach the best so far
        # (nor NAME_MATCH): ratio = 2M / (len(a) + len(b)) <= 2 len(b) / (len(a) + len(b)), and
        # len(a) >= min_romanized(cand). Decides exactly what trying every candidate would.
        cuts = tcc.segment(chunk)
        best, score = "", 0.0
        for i in reversed(range(len(cuts))):
            cand = "".join(cuts[i:])
            if letters(cand) < 2:
                continue
            low = min_romanized(cand)
            if low > len(lat) and 2 * len(lat) / (low + len(lat)) < max(score, NAME_MATCH) - 1e-9:
                continue
            prefix = "".join(cuts[:i])
            if prefix and not all_known(prefix, known):
                continue
            s = SequenceMatcher(None, romanize(cand), lat).ratio()
            if s >= score:
                best, score = cand, s
        if score < NAME_MATCH:
            return out   # not a transliteration (a translation, an abbreviation ...)
        if best not in known:
            out.add(best)
    return out


def all_known(text: str, known: set[str]) -> bool:
    return all(t in known for t in plain_tokens(text))

