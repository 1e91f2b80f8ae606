"""Thai line-break points: where a line may break between two Thai words.

Interface used by the renderer: `Segmenter(words, document=texts).split(text)` returns chunks;
a line may break between consecutive chunks and nowhere else inside Thai text. BREAK is the
LaTeX inserted at those points (\\thaibreak, defined in latex/base/fonts.tex.j2).

Break points come from PyThaiNLP's newmm segmentation with a dictionary made of PyThaiNLP's
Thai words, the thesis.yaml `words:` list and words learned from the document itself
(`learn_words`). Segmentation is only trusted where it is confident: a boundary next to a
token the dictionary does not know, or inside a run of one-syllable pieces around such a token
(how a dictionary chops a transliterated name: ว|ลา|ดิ|มีร์), is not a break point. Missing a
break point only costs the line breaker some freedom; a wrong one splits a word on the page.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

BREAK = r"\thaibreak{}"
THAI = re.compile(r"[\u0e00-\u0e7f]")
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Thai combining marks (above/below vowels, tone marks, thanthakhat): they never start a syllable.
MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# "ไทย (Latin Name)": a transliterated name followed by its spelling in Latin letters.
PAIRED = re.compile(r"([\u0e00-\u0e7f]+(?:[ \u00a0]+[\u0e00-\u0e7f]+){0,3})[ \u00a0]*"
                    r"\(\s*([A-Za-z][A-Za-z'\u2019]*(?:[ \-][A-Za-z][A-Za-z'\u2019]*){0,3})\s*[),]")

SHORT = 3          # a piece with at most this many base letters counts as one syllable
MIN_COUNT = 3      # a learned n-gram must recur this often in the document
COHESION = 0.75    # ... and its pieces must occur mostly inside it
NAME_MATCH = 0.6
# A tall consonant with an upper mark that fonts shift left (ปี, ฟื้): pdftotext measures the
# glyph run from that mark and sees a space after it, so such a run end is not a break point.
TALL_END = re.compile(r"[\u0e1b\u0e1d\u0e1f\u0e2c][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$")
WINDOW = 20        # characters either side of a break that a reader re-segments   # romanized Thai vs its Latin spelling, SequenceMatcher ratio


@lru_cache(maxsize=1)
def _base_words() -> frozenset[str]:
    from pythainlp.corpus import thai_orst_words, thai_words

    return frozenset(thai_words()) | frozenset(thai_orst_words())


@lru_cache(maxsize=1)
def _base_trie():
    from pythainlp.util import Trie

    return Trie(_base_words())


def _tokenize(text: str, trie) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)


def _letters(tok: str) -> int:
    return len(MARKS.sub("", tok))


def _clean(words: Iterable[str]) -> set[str]:
    return {unicodedata.normalize("NFC", w).strip() for w in words if w and str(w).strip()}


def learn_words(texts: Iterable[str], words: Iterable[str] = (), trie=None) -> set[str]:
    """Words of this document that the dictionary does not know, so must not be broken.

    1. Recurring runs of one-syllable pieces whose pieces hardly occur elsewhere: a name the
       dictionary splits into syllables (จอง|อึน for จองอึน) recurs as the same pieces.
    2. A Thai name followed by its Latin spelling in parentheses, "บอริส เยลต์ซิล (Boris
       Yeltsin)": each Latin word is matched to the Thai word before it by romanization.
    `trie`: the caller's Trie of exactly the dictionary plus `words` (saves building one).
    """
    from pythainlp.util import Trie

    texts = [unicodedata.normalize("NFC", t) for t in texts]
    user = _clean(words)
    known = set(_base_words()) | user
    if trie is None:
        trie = Trie(known) if user else _base_trie()
    learned: set[str] = set()

    runs = [_tokenize(run, trie) for t in texts for run in THAI_RUN.findall(t)]
    unigrams = Counter(tok for run in runs for tok in run)
    grams: Counter[tuple[str, ...]] = Counter()
    for run in runs:
        for n in (2, 3, 4):
            for i in range(len(run) - n + 1):
                g = tuple(run[i:i + n])
                if all(_letters(t) <= SHORT or t not in known for t in g):
                    grams[g] += 1
    for g, c in sorted(grams.items(), key=lambda kv: -len(kv[0])):
        word = "".join(g)
        if c < MIN_COUNT or word in known or any(word in w for w in learned):
            continue
        if all(c >= COHESION * unigrams[t] for t in g):
            learned.add(word)

    for t in texts:
        for m in PAIRED.finditer(t):
            learned |= _paired_names(m.group(1), m.group(2), known)
    return learned


def _paired_names(thai: str, latin: str, known: set[str]) -> set[str]:
    from pythainlp.tokenize import tcc
    from pythainlp.transliterate import romanize

    latin_words = [w.lower() for w in re.split(r"[ \-]", latin) if w]
    chunks = thai.split()
    if len(latin_words) > len(chunks):
        return set()
    out = set()
    for lat, chunk in zip(reversed(latin_words), reversed(chunks)):
        # The first name may be glued to the words before it: try every cluster-aligned suffix
        # whose prefix is made of dictionary words ("ของ|บอริส", not "ขอ|งบอริส" nor "ว|ลาดิเมียร์").
        cuts = tcc.segment(chunk)
        best, score = "", 0.0
        for i in range(len(cuts)):
            cand, prefix = "".join(cuts[i:]), "".join(cuts[:i])
            if _letters(cand) < 2 or (prefix and not _all_known(prefix, known)):
                continue
            s = SequenceMatcher(None, romanize(cand), lat).ratio()
            if s > score:
                best, score = cand, s
        if score < NAME_MATCH:
            return out   # not a transliteration (a translation, an abbreviation ...)
        if best not in known:
            out.add(best)
    return out


def _all_known(text: str, known: set[str]) -> bool:
    from pythainlp.tokenize import word_tokenize

    return all(t in known for t in word_tokenize(text, engine="newmm"))


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
    edges: dict[int, list[tuple[int, int]]] = {}
    for i in sorted(ends):
        if i == n:
            continue
        out = [(i + len(w), 1) for w in trie.prefixes(run, i) if i + len(w) in ends]
        nxt = min(e for e in ends if e > i)
        out.append((nxt, 2))
        edges[i] = out
    inf = float("inf")
    f = {p: inf for p in ends}
    f[0] = 0
    for i in sorted(ends):
        for j, c in edges.get(i, ()):
            f[j] = min(f[j], f[i] + c)
    g = {p: inf for p in ends}
    g[n] = 0
    for i in sorted(ends, reverse=True):
        for j, c in edges.get(i, ()):
            g[i] = min(g[i], c + g[j])
    best = f[n]
    on_path = {p for p in ends if f[p] + g[p] == best}
    spanned: set[int] = set()
    for i, out in edges.items():
        for j, c in out:
            if f[i] + c + g[j] == best:
                spanned.update(p for p in on_path if i < p < j)
    return on_path - spanned - {0, n}


@lru_cache(maxsize=100_000)
def _reads_across(left: str, right: str) -> bool:
    from pythainlp.tokenize import word_tokenize

    base = _base_words()
    pos, cut = 0, len(left)
    for tok in word_tokenize(left + right, engine="newmm", keep_whitespace=False):
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

    def __init__(self, words: Iterable[str] = (), document: Iterable[str] = ()):
        from pythainlp.util import Trie

        user = _clean(words)
        docs = list(document)
        if docs or user:
            # one trie built per document (~0.5 s): learn_words reads it before the learned
            # words are added to it
            self.trie = Trie(_base_words() | user)
            self.learned = learn_words(docs, user, trie=self.trie) if docs else set()
            for w in self.learned:
                self.trie.add(w)
        else:
            self.trie, self.learned = _base_trie(), set()
        self.protected = frozenset(user | self.learned)
        self.words = _base_words() | self.protected
        self._cache: dict[str, list[str]] = {}

    def split(self, text: str) -> list[str]:
        chunks = self._cache.get(text)
        if chunks is None:
            chunks = self._split(text)
            if len(self._cache) < 200_000:
                self._cache[text] = chunks
        return list(chunks)

    def _split(self, text: str) -> list[str]:
        tokens = _tokenize(text, self.trie) if THAI.search(text) else [text]
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
