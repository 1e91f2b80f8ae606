"""Words of one document that the dictionary does not know, so must not be broken (learn_words).
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Iterable

from typeset.thai.chars import THAI_BLOCK_RUN as THAI_RUN
from typeset.thai.names import letters as _letters
from typeset.thai.names import paired_matches, paired_names
from typeset.thai.segment import segment
from typeset.thai.words import base_list, base_words, clean, prefixes_of, word_list, words_in

SHORT = 3          # a piece with at most this many base letters counts as one syllable
MIN_COUNT = 3      # a learned n-gram must recur this often in the document
COHESION = 0.75    # ... and its pieces must occur mostly inside it


def learn_words(texts: Iterable[str], words: Iterable[str] = (), trie=None, cache=None) -> set[str]:
    """Words of this document that the dictionary does not know, so must not be broken.

    1. Recurring runs of one-syllable pieces whose pieces hardly occur elsewhere: a name the
       dictionary splits into syllables (จอง|อึน for จองอึน) recurs as the same pieces.
    2. A Thai name followed by its Latin spelling in parentheses, "บอริส เยลต์ซิล (Boris
       Yeltsin)": each Latin word is matched to the Thai word before it by romanization.
    `trie`: the caller's Trie of exactly the dictionary plus `words` (saves building one), or a
    function returning it (built only when needed). `cache`: a segcache.SegmentCache that keeps
    the tokens of each run and the names of each pairing between builds.
    """
    texts = [unicodedata.normalize("NFC", t) for t in texts]
    user = clean(words)
    known = set(base_words()) | user
    if trie is None:
        trie = (lambda: word_list(user)) if user else base_list
    elif not callable(trie):
        trie = (lambda t: lambda: t)(trie)
    learned: set[str] = set()

    user_stems = prefixes_of(user)

    def in_text(text: str) -> list[str]:
        return sorted(words_in(text, user, user_stems))   # only these can change its result

    def tokens(run: str) -> list[str]:
        if cache is None:
            return segment(run, trie())
        key = cache.key(run, in_text(run))
        hit = cache.get("run", key)
        if hit is None:
            hit = segment(run, trie())
            cache.put("run", key, hit)
        return hit

    def paired(thai: str, latin: str) -> set[str]:
        if cache is None:
            return paired_names(thai, latin, known)
        key = cache.key(thai, latin, in_text(thai))
        hit = cache.get("paired", key)
        if hit is None:
            hit = sorted(paired_names(thai, latin, known))
            cache.put("paired", key, hit)
        return set(hit)

    runs = [tokens(run) for t in texts for run in THAI_RUN.findall(t)]
    unigrams = Counter(tok for run in runs for tok in run)
    grams: Counter[tuple[str, ...]] = Counter()
    for run in runs:
        # an n-gram counts when each piece is one syllable or unknown: look only inside
        # stretches of such pieces
        ok = [_letters(t) <= SHORT or t not in known for t in run] + [False]
        stretches, lo = [], 0
        for hi, good in enumerate(ok):
            if not good:
                if hi > lo + 1:
                    stretches.append((lo, hi))
                lo = hi + 1
        for n in (2, 3, 4):              # in the order of a plain scan (ties keep it)
            for lo, hi in stretches:
                for i in range(lo, hi - n + 1):
                    grams[tuple(run[i:i + n])] += 1
    for g, c in sorted(grams.items(), key=lambda kv: -len(kv[0])):
        word = "".join(g)
        if c < MIN_COUNT or word in known or any(word in w for w in learned):
            continue
        if all(c >= COHESION * unigrams[t] for t in g):
            learned.add(word)

    for t in texts:
        for m in paired_matches(t):
            learned |= paired(m.group(1), m.group(2))
    return learned

