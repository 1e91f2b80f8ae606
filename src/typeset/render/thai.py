"""Thai line-break points: where a line may break between two Thai words.

Interface used by the renderer: `Segmenter(words, document=texts).split(text)` returns chunks;
a line may break between consecutive chunks and nowhere else inside Thai text. BREAK is the
LaTeX inserted at those points (\\thaibreak, defined in latex/base/fonts.tex.j2).

Break points come from newmm segmentation (typeset.thai.segment) over the one word list
(typeset.thai.words: PyThaiNLP's and ORST's Thai words, the thesis.yaml `words:` list and words
learned from the document itself, typeset.thai.learn). Segmentation is only trusted where it is
confident: a boundary next to a token the dictionary does not know, or inside a run of
one-syllable pieces around such a token (how a dictionary chops a transliterated name:
ว|ลา|ดิ|มีร์), is not a break point. Missing a break point only costs the line breaker some
freedom; a wrong one splits a word on the page.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable

from typeset.thai.chars import THAI_BLOCK as THAI
from typeset.thai.learn import SHORT, learn_words
from typeset.thai.names import letters as _letters
from typeset.thai.segment import plain_tokens, segment
from typeset.thai.words import base_list, base_words, clean, prefixes_of, word_list, words_in

BREAK = r"\thaibreak{}"
# A tall consonant with an upper mark that fonts shift left (ปี, ฟื้): pdftotext measures the
# glyph run from that mark and sees a space after it, so such a run end is not a break point.
TALL_END = re.compile(r"[\u0e1b\u0e1d\u0e1f\u0e2c][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$")
WINDOW = 20        # characters either side of a break that a reader re-segments


def _tcc_ends(run: str) -> set[int]:
    from pythainlp.tokenize import tcc

    ends, pos = set(), 0
    for c in tcc.segment(run):
        pos += len(c)
        ends.add(pos)
    return ends


def certain_boundaries(run: str, trie) -> set[int]:
    """Offsets inside a Thai run where every fewest-words segmentation puts a boundary.

    newmm picks one of the segmentations with the fewest words; where another one ties
    ("ตะวันตก|ใน" / "ตะวัน|ตกใน", "เค้าโครง|การ" / "เค้า|โครงการ") the boundary is a guess, and a
    guess is not good enough to break a line on. Pieces outside the dictionary cost 2 words
    per character cluster, as newmm prefers dictionary words.
    """
    n = len(run)
    ends = _tcc_ends(run)
    ends.add(0)
    order = sorted(ends)
    edges: dict[int, list[tuple[int, int]]] = {}
    for k, i in enumerate(order):
        if i == n:
            continue
        out = [(i + len(w), 1) for w in trie.prefixes(run, i) if i + len(w) in ends]
        out.append((order[k + 1], 2))     # the next cluster end
        edges[i] = out
    inf = float("inf")
    f = {p: inf for p in ends}
    f[0] = 0
    for i in order:
        for j, c in edges.get(i, ()):
            f[j] = min(f[j], f[i] + c)
    g = {p: inf for p in ends}
    g[n] = 0
    for i in reversed(order):
        for j, c in edges.get(i, ()):
            g[i] = min(g[i], c + g[j])
    best = f[n]
    on_path = [p for p in order if f[p] + g[p] == best]
    spanned: set[int] = set()
    for i, out in edges.items():
        for j, c in out:
            if j - i > 1 and f[i] + c + g[j] == best:
                spanned.update(on_path[bisect_right(on_path, i):bisect_right(on_path, j - 1)])
    return set(on_path) - spanned - {0, n}


def _word_across(text: str, cut: int) -> bool:
    """Is some dictionary word text[a:b] with a < cut < b?"""
    lex = base_list()
    stems = lex.stems()
    # a word from a can reach past the cut only if text[a:cut + 1] starts one
    return any(text[a:cut + 1] in stems and any(a + len(w) > cut for w in lex.prefixes(text, a))
               for a in range(cut))


@lru_cache(maxsize=100_000)
def _reads_across(left: str, right: str) -> bool:
    base = base_words()
    pos, cut = 0, len(left)
    text = left + right
    # Only a dictionary word across the cut can answer True: without one, no need to segment.
    if not _word_across(text, cut):
        return False
    for tok in plain_tokens(text):
        if pos < cut < pos + len(tok):
            return len(tok) > 1 and tok in base
        pos += len(tok)
        if pos >= cut:
            return False
    return False


class Segmenter:
    """Break points for Thai text, knowing the thesis vocabulary.

    `words`: the thesis.yaml `words:` list (never broken inside).
    `document`: the texts of the whole document (chapters, front matter); words learned from
    them (see `learn_words`) are never broken inside either. Build one Segmenter per document
    and reuse it: the dictionary is built once and `split` caches its results.
    """

    def __init__(self, words: Iterable[str] = (), document: Iterable[str] = (), cache=None):
        user = clean(words)
        docs = [unicodedata.normalize("NFC", t) for t in document]
        self.cache = cache   # a segcache.SegmentCache: results kept between builds
        self._trie = None
        self.learned: set[str] = set()
        if docs:
            key = cache.key(sorted(user), docs) if cache else None
            hit = cache.get("learned", key) if cache else None
            if hit is None:
                # learn_words reads the trie before the learned words are added to it
                self.learned = learn_words(docs, user, trie=lambda: self._user_trie(user), cache=cache)
                if cache:
                    cache.put("learned", key, sorted(self.learned))
            else:
                self.learned = set(hit)
        if self._trie is not None:
            for w in self.learned:
                self._trie.add(w)
        self.protected = frozenset(user | self.learned)
        self._protected_stems: frozenset[str] | None = None
        self._words = None
        self._cache: dict[str, list[str]] = {}

    def _user_trie(self, user: set[str]):
        if self._trie is None:
            self._trie = word_list(user)
        return self._trie

    @property
    def words(self) -> frozenset[str]:
        """Dictionary, user and learned words (loaded on first use, like the trie)."""
        if self._words is None:
            self._words = base_words() | self.protected
        return self._words

    @property
    def trie(self):
        """The dictionary, user and learned words; built on first use (a fully cached build
        never needs it)."""
        if self._trie is None:
            self._trie = word_list(self.protected) if self.protected else base_list()
        return self._trie

    def split(self, text: str) -> list[str]:
        chunks = self._cache.get(text)
        if chunks is None:
            key = None
            if self.cache is not None:
                # a split depends only on the dictionary words that occur in the text
                if self._protected_stems is None:
                    self._protected_stems = prefixes_of(self.protected)
                key = self.cache.key(text, sorted(words_in(text, self.protected, self._protected_stems)))
                chunks = self.cache.get("split", key)
            if chunks is None:
                chunks = self._split(text)
                if key is not None:
                    self.cache.put("split", key, chunks)
            if len(self._cache) < 200_000:
                self._cache[text] = chunks
        return list(chunks)

    def _split(self, text: str) -> list[str]:
        tokens = segment(text, self.trie) if THAI.search(text) else [text]
        glue = self._glued(tokens)
        self._glue_uncertain(tokens, glue)
        self._glue_inconsistent(tokens, glue)
        chunks: list[str] = []
        for i, tok in enumerate(tokens):
            # Only confident Thai|Thai boundaries get a break point; everything else stays glued.
            if (chunks and THAI.match(tok[:1]) and THAI.match(chunks[-1][-1:]) and not glue[i]
                    and not TALL_END.search(chunks[-1])):
                chunks.append(tok)
            elif chunks:
                chunks[-1] += tok
            else:
                chunks.append(tok)
        return chunks

    def _glue_inconsistent(self, tokens: list[str], glue: list[bool]) -> None:
        """Glue a boundary that a fresh look at its neighbourhood would put inside a word.

        A reader (or a checker) who sees "...ของ|บอริส..." on two lines segments the text on
        each side of the break again, with the plain dictionary; if that segmentation has a
        dictionary word across the break ("ขอ|งบ|อริ|ส": งบ), the break reads as a broken word.
        The neighbourhood is the space-delimited word around the break, up to WINDOW
        characters on each side.
        """
        text = "".join(tokens)
        pos = 0
        for k in range(1, len(tokens)):
            pos += len(tokens[k - 1])
            if glue[k] or not (THAI.match(tokens[k][:1]) and THAI.match(tokens[k - 1][-1:])):
                continue
            start = pos
            while start > 0 and not text[start - 1].isspace() and pos - start < WINDOW:
                start -= 1
            end = pos
            while end < len(text) and not text[end].isspace() and end - pos < WINDOW:
                end += 1
            if _reads_across(text[start:pos], text[pos:end]):
                glue[k] = True

    def _glue_uncertain(self, tokens: list[str], glue: list[bool]) -> None:
        """Glue newmm boundaries that another equally short segmentation would not make."""
        i = 0
        while i < len(tokens):
            if not THAI.match(tokens[i][:1]):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and THAI.match(tokens[j][:1]):
                j += 1
            if j - i > 1:
                run = "".join(tokens[i:j])
                sure = certain_boundaries(run, self.trie)
                pos = 0
                for k in range(i + 1, j):
                    pos += len(tokens[k - 1])
                    if pos not in sure:
                        glue[k] = True
            i = j

    def _glued(self, tokens: list[str]) -> list[bool]:
        """glue[i]: no break between tokens[i-1] and tokens[i]."""
        n = len(tokens)
        thai = [bool(THAI.match(t[:1])) for t in tokens]
        # a lone letter is a piece of something the dictionary does not know, even when the
        # dictionary lists the letter itself
        unknown = [thai[i] and (tokens[i] not in self.words or _letters(tokens[i]) <= 1)
                   for i in range(n)]
        short = [thai[i] and (_letters(tokens[i]) <= SHORT or unknown[i]) for i in range(n)]
        glue = [False] * n
        for i in range(n):
            if not unknown[i]:
                continue
            # An unknown piece and the one-syllable pieces around it are one word to us.
            lo = i
            while lo > 0 and short[lo - 1]:
                lo -= 1
            hi = i
            while hi + 1 < n and short[hi + 1]:
                hi += 1
            for j in range(lo + 1, hi + 1):
                glue[j] = True
            if lo == i and i > 0:
                glue[i] = True
            if hi == i and i + 1 < n:
                glue[i + 1] = True
        return glue
