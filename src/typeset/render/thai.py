"""Thai line-break points: where a line may break between two Thai words.

Interface used by the renderer: `Segmenter(words).split(text)` returns chunks; a line may
break between consecutive chunks and nowhere else inside Thai text. BREAK is the LaTeX
inserted at those points (defined in the preamble).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

BREAK = r"\thaibreak{}"
THAI = re.compile(r"[\u0e00-\u0e7f]")


@lru_cache(maxsize=1)
def _base_words() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


class Segmenter:
    def __init__(self, words: Iterable[str] = ()):
        from pythainlp.util import Trie

        self.trie = Trie(set(_base_words()) | {w for w in words if w})

    def split(self, text: str) -> list[str]:
        from pythainlp.tokenize import word_tokenize

        tokens = word_tokenize(text, custom_dict=self.trie, engine="newmm", keep_whitespace=True)
        chunks: list[str] = []
        for tok in tokens:
            # Only Thai|Thai boundaries get a break point; everything else stays glued.
            if chunks and THAI.match(tok[:1]) and THAI.match(chunks[-1][-1:]):
                chunks.append(tok)
            elif chunks:
                chunks[-1] += tok
            else:
                chunks.append(tok)
        return chunks
