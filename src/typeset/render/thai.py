"""Thai line-break points: where a line may break between two Thai words.

Interface used by the renderer: `Segmenter(words, document=texts).split(text)` returns chunks;
a line may break between consecutive chunks and nowhere else inside Thai text. BREAK is the
LaTeX inserted at those points (\\thaibreak, defined in latex/base/fonts.tex.j2).

Break points come from newmm segmentation (nlpO3's Rust newmm, cutting where PyThaiNLP's does)
with a dictionary made of PyThaiNLP's and ORST's Thai words, the thesis.yaml `words:` list and
words learned from the document itself (`learn_words`). Segmentation is only trusted where it is confident: a boundary next to a
token the dictionary does not know, or inside a run of one-syllable pieces around such a token
(how a dictionary chops a transliterated name: ว|ลา|ดิ|มีร์), is not a break point. Missing a
break point only costs the line breaker some freedom; a wrong one splits a word on the page.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from typeset import nlpo3dict

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
NAME_MATCH = 0.6   # romanized Thai vs its Latin spelling, SequenceMatcher ratio
# A tall consonant with an upper mark that fonts shift left (ปี, ฟื้): pdftotext measures the
# glyph run from that mark and sees a space after it, so such a run end is not a break point.
TALL_END = re.compile(r"[\u0e1b\u0e1d\u0e1f\u0e2c][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$")
WINDOW = 20        # characters either side of a break that a reader re-segments


@lru_cache(maxsize=1)
def _base_words() -> frozenset[str]:
    from pythainlp.corpus import thai_orst_words, thai_words

    return frozenset(thai_words()) | frozenset(thai_orst_words())


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """PyThaiNLP's default word list (what its newmm uses without a custom dictionary)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=4)
def _stems(words: frozenset[str]) -> frozenset[str]:
    """Every non-empty prefix of every word: a prefix walk stops where the text leaves them."""
    return _prefixes_of(words)


def _prefixes_of(words) -> frozenset[str]:
    return frozenset(w[:k] for w in words for k in range(1, len(w) + 1))


class Lexicon:
    """A word list (a shared base, never changed, with words added on top) for newmm and for
    prefix look-ups.

    Segmentation is nlpO3's newmm (Rust) over the same words, which gives PyThaiNLP's newmm
    break points many times faster (tests/test_thai_nlpo3.py); see `_dictionary` for which word
    list nlpO3 is given. Prefix look-ups use a set of the words' prefixes, which costs a sixth
    of building PyThaiNLP's Python trie.
    """

    def __init__(self, base: frozenset[str], words: Iterable[str] = (), stems_of: frozenset[str] | None = None):
        """stems_of: a superset of `base` whose prefixes to walk (to share one prefix set)."""
        self.base = base
        self.stems_of = base if stems_of is None else stems_of
        self._base_stems: frozenset[str] | None = None   # built on the first prefix look-up
        self.extra: set[str] = set()
        self.extra_stems: set[str] = set()
        self.extra_edges: dict[str, list[tuple[str, int]]] = {}   # see _edge_index
        for w in words:
            self.add(w)

    def add(self, word: str) -> None:
        if word and word not in self:
            self.extra.add(word)
            self.extra_stems.update(word[:k] for k in range(1, len(word) + 1))
            for pair, k in _edges(word):
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

    def segment(self, text: str) -> list[str]:
        """newmm tokens of `text` (whitespace kept), nlpO3 with these words.

        PyThaiNLP's newmm never runs a token across an edge between a Thai letter and anything
        else (punctuation, Latin, digits, Thai digits, spaces) unless a dictionary word spans it;
        nlpO3 glues punctuation to an unknown Thai cluster beside it ("“อํา" for "“|อ|ํา"). So the
        text is cut at those edges first and each piece segmented on its own, which gives
        PyThaiNLP's cuts (tests/test_thai_nlpo3.py)."""
        import nlpo3

        name = self._dictionary(text)
        out, start = [], 0
        for m in _SCRIPT_EDGE.finditer(text):
            cut = m.start()
            if 0 < cut < len(text) and not self._spanned(text, cut):
                out += nlpo3.segment(text[start:cut], name)
                start = cut
        out += nlpo3.segment(text[start:], name)
        return out

    def _dictionary(self, text: str) -> str:
        """The nlpO3 dictionary to segment `text` with.

        newmm only looks at the dictionary words that occur in the text. Without any of the
        added words in it, the base list (loaded once per process, ~50 MB in nlpO3) does; with
        some, a small list of just the words that occur in it. A full list per set of added
        words would hold another 50 MB for every document a process sees (nlpO3 cannot unload).
        """
        extra = words_in(text, self.extra, self.extra_stems)
        if not extra:
            return _full_dictionary(self.base)
        return nlpo3dict.load(set(_occurring(text, self.base, self.stems())) | set(extra))

    def _spanned(self, text: str, cut: int) -> bool:
        """Is some word text[a:b] with a < cut < b? Only a word holding the two characters
        around the edge can: they are looked up in an index of such words' edges."""
        pair = text[cut - 1:cut + 1]
        for words in (_edge_index(self.stems_of), self.extra_edges):
            for w, k in words.get(pair, ()):
                if cut - 1 - k >= 0 and text.startswith(w, cut - 1 - k) and w in self:
                    return True
        return False


THAI_LETTER = "\u0e00-\u0e4f\u0e5a-\u0e7f"      # Thai block less the Thai digits (numbers to newmm)
_SCRIPT_EDGE = re.compile(f"(?<=[{THAI_LETTER}])(?=[^{THAI_LETTER}])|(?<=[^{THAI_LETTER}])(?=[{THAI_LETTER}])")
_THAI_LETTER = re.compile(f"[{THAI_LETTER}]")
_NOT_LETTERS = re.compile(f"[^{THAI_LETTER}]")


def _edges(word: str):
    """(the two characters, offset) of each script edge inside `word` ("ค." at 0 in "ค.ศ.")."""
    for k in range(len(word) - 1):
        if bool(_THAI_LETTER.match(word[k])) != bool(_THAI_LETTER.match(word[k + 1])):
            yield word[k:k + 2], k


@lru_cache(maxsize=4)
def _edge_index(words: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Script-edge pair -> the words holding it and where: the few words ("ค.ศ.", "ไป ๆ มา ๆ")
    that newmm may run across an edge between a Thai letter and another character."""
    index: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        if _NOT_LETTERS.search(w):
            for pair, k in _edges(w):
                index.setdefault(pair, []).append((w, k))
    return {pair: tuple(sorted(v)) for pair, v in index.items()}


@lru_cache(maxsize=4)
def _full_dictionary(words: frozenset[str]) -> str:
    return nlpo3dict.load(words)


def words_in(text: str, words, stems) -> list[str]:
    """The words of `words` (with `stems`, their prefixes) that occur in `text`: an `in` test
    each for a few words, one prefix walk of the text for many (a long thesis.yaml word list
    would otherwise cost a test per word for every text)."""
    if len(words) <= 32:
        return [w for w in words if w in text]
    return list(dict.fromkeys(_occurring(text, words, stems)))


def _occurring(text: str, words: frozenset[str], stems: frozenset[str]):
    """The words that occur in `text` (a prefix walk from every position)."""
    n = len(text)
    for a in range(n):
        for b in range(a + 1, n + 1):
            piece = text[a:b]
            if piece not in stems:
                break
            if piece in words:
                yield piece


def new_trie(words: Iterable[str] = ()) -> Lexicon:
    """PyThaiNLP's and ORST's Thai words plus `words` (more can be add()ed)."""
    return Lexicon(_base_words(), words)


@lru_cache(maxsize=1)
def _base_trie() -> Lexicon:
    return new_trie()


@lru_cache(maxsize=1)
def _plain_lexicon() -> Lexicon:
    return Lexicon(_plain_words(), stems_of=_base_words())   # plain words are base words


def _tokenize(text: str, trie) -> list[str]:
    if isinstance(trie, Lexicon):
        return trie.segment(text)
    from pythainlp.tokenize import word_tokenize   # a PyThaiNLP Trie (callers' own)

    return word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)


@lru_cache(maxsize=100_000)
def _plain_tokens(text: str) -> tuple[str, ...]:
    """newmm with PyThaiNLP's default dictionary (how a reader's tool would segment)."""
    return tuple(t.strip(" ") for t in _plain_lexicon().segment(text) if t.strip(" "))


@lru_cache(maxsize=20_000)
def _romanize(text: str) -> str:
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
        from pythainlp.transliterate import romanize

        return romanize(text)
    out = []
    for sub in text.split(" "):
        words = _plain_lexicon().segment(sub) if sub else []
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


def _min_romanized(word: str) -> int:
    return sum(1 for k, c in enumerate(word) if c in _SOUNDING and "\u0e4c" not in word[k + 1:k + 3])


@lru_cache(maxsize=100_000)
def _letters(tok: str) -> int:
    return len(MARKS.sub("", tok))


def _clean(words: Iterable[str]) -> set[str]:
    return {unicodedata.normalize("NFC", w).strip() for w in words if w and str(w).strip()}


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
    user = _clean(words)
    known = set(_base_words()) | user
    if trie is None:
        trie = (lambda: new_trie(user)) if user else _base_trie
    elif not callable(trie):
        trie = (lambda t: lambda: t)(trie)
    learned: set[str] = set()

    user_stems = _prefixes_of(user)

    def in_text(text: str) -> list[str]:
        return sorted(words_in(text, user, user_stems))   # only these can change its result

    def tokens(run: str) -> list[str]:
        if cache is None:
            return _tokenize(run, trie())
        key = cache.key(run, in_text(run))
        hit = cache.get("run", key)
        if hit is None:
            hit = _tokenize(run, trie())
            cache.put("run", key, hit)
        return hit

    def paired(thai: str, latin: str) -> set[str]:
        if cache is None:
            return _paired_names(thai, latin, known)
        key = cache.key(thai, latin, in_text(thai))
        hit = cache.get("paired", key)
        if hit is None:
            hit = sorted(_paired_names(thai, latin, known))
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


def _paired_names(thai: str, latin: str, known: set[str]) -> set[str]:
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
        # len(a) >= _min_romanized(cand). Decides exactly what trying every candidate would.
        cuts = tcc.segment(chunk)
        best, score = "", 0.0
        for i in reversed(range(len(cuts))):
            cand = "".join(cuts[i:])
            if _letters(cand) < 2:
                continue
            low = _min_romanized(cand)
            if low > len(lat) and 2 * len(lat) / (low + len(lat)) < max(score, NAME_MATCH) - 1e-9:
                continue
            prefix = "".join(cuts[:i])
            if prefix and not _all_known(prefix, known):
                continue
            s = SequenceMatcher(None, _romanize(cand), lat).ratio()
            if s >= score:
                best, score = cand, s
        if score < NAME_MATCH:
            return out   # not a transliteration (a translation, an abbreviation ...)
        if best not in known:
            out.add(best)
    return out


def _all_known(text: str, known: set[str]) -> bool:
    return all(t in known for t in _plain_tokens(text))


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
    lex = _base_trie()
    stems = lex.stems()
    # a word from a can reach past the cut only if text[a:cut + 1] starts one
    return any(text[a:cut + 1] in stems and any(a + len(w) > cut for w in lex.prefixes(text, a))
               for a in range(cut))


@lru_cache(maxsize=100_000)
def _reads_across(left: str, right: str) -> bool:
    base = _base_words()
    pos, cut = 0, len(left)
    text = left + right
    # Only a dictionary word across the cut can answer True: without one, no need to segment.
    if not _word_across(text, cut):
        return False
    for tok in _plain_tokens(text):
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
        user = _clean(words)
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
            self._trie = new_trie(user)
        return self._trie

    @property
    def words(self) -> frozenset[str]:
        """Dictionary, user and learned words (loaded on first use, like the trie)."""
        if self._words is None:
            self._words = _base_words() | self.protected
        return self._words

    @property
    def trie(self):
        """The dictionary, user and learned words; built on first use (a fully cached build
        never needs it)."""
        if self._trie is None:
            self._trie = new_trie(self.protected) if self.protected else _base_trie()
        return self._trie

    def split(self, text: str) -> list[str]:
        chunks = self._cache.get(text)
        if chunks is None:
            key = None
            if self.cache is not None:
                # a split depends only on the dictionary words that occur in the text
                if self._protected_stems is None:
                    self._protected_stems = _prefixes_of(self.protected)
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
