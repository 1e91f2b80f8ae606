"""How likely a run of Thai letters is as words: a unigram word model over the corpus counts.

The dictionary-coverage value (`Lexicon.value_tokens`) tells damaged text from words, but it
cannot choose between two readings that are both words ("นำมา" or "นามา", "จำนวน" or "จาน|วน").
Word counts can: the log-probability of the best segmentation under word frequencies (Thai
National Corpus counts, as PyThaiNLP ships them) says how much more often one reading is
written than the other. A dictionary word the corpus does not count gets half a count; a letter
outside every word costs more than any word.
"""
from __future__ import annotations

import math
from functools import lru_cache

from typeset.thai.words import plain_words as base_words, word_freq

MAX_WORD = 20           # letters: longer dictionary entries are compounds of shorter ones


@lru_cache(maxsize=1)
def _costs() -> tuple[dict[str, float], float, float]:
    freq = word_freq()
    total = float(sum(freq.values()))
    rare = -math.log(0.5 / total)          # a dictionary word the corpus does not count
    unknown = -math.log(0.01 / total)      # one letter outside every word
    costs = {w: -math.log((freq.get(w, 0) or 0.5) / total) for w in base_words() if len(w) <= MAX_WORD}
    for w, c in freq.items():
        if w and len(w) <= MAX_WORD and w not in costs and all("\u0e01" <= ch <= "\u0e5b" for ch in w):
            costs[w] = -math.log(c / total)
    return costs, rare, unknown


@lru_cache(maxsize=1 << 17)
def cost(text: str) -> float:
    """-log P of the best segmentation of `text` (Thai letters only) into words."""
    costs, _, unknown = _costs()
    n = len(text)
    best = [0.0] + [math.inf] * n
    for i in range(1, n + 1):
        b = best[i - 1] + unknown
        for j in range(max(0, i - MAX_WORD), i):
            c = costs.get(text[j:i])
            if c is not None and best[j] + c < b:
                b = best[j] + c
        best[i] = b
    return best[n]


def gain(before: str, after: str) -> float:
    """log P(after) - log P(before): how many times (as a natural log) `after` is likelier."""
    return cost(before) - cost(after)
