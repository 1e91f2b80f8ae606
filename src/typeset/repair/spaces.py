"""Spurious spaces inside Thai words: remove a space only when the evidence shows it splits a word.

Text copied from a web page or a justified PDF keeps a space wherever a line was wrapped, often in
the middle of a word ("คาซั คสถาน", "ต่ อการ", "ผู้ วิจัย"), and justified lines may be letter-spaced
("ท ฤ ษ ฎี สัจ นิ ย ม"). Real spaces (between phrases, around numbers, Latin words, quotes, names)
must stay. Interface (used by the article import and the thesis repair pipeline):

    remove_spurious_spaces(lines: list[str], vocab: Counter | None = None, words: Iterable[str] = ()
                           ) -> tuple[list[str], list[Change]]
        Each line is repaired on its own (spaces never cross lines). `vocab` is the document's own
        vocabulary (from `document_vocabulary`); None computes it from `lines`. `words` are extra
        dictionary words (thesis.yaml `words`). Returns the new lines and one Change per decision
        that was not certain "keep": applied removals and doubtful cases (kept or removed).

    document_vocabulary(text: str) -> Counter
        Counts of the Thai words the document writes intact (tokens of its space-free runs).

    Change(line, col, left, right, confidence, applied, reason)
        line: 1-based index into `lines`; col: 0-based column of the space in the input line;
        left/right: a few characters on either side; confidence: 0..1 that the space splits a word;
        applied: whether it was removed; `.unsure` is True when the decision was close.

Evidence, strongest first:
  1. Thai orthography: no syllable starts with a following vowel or tone mark (ะ ั า ำ ิ ่ ้ …), a
     leading vowel (เ แ โ ใ ไ) is never last, and ั / ็ / an open เ◌ี-type vowel need a following
     consonant. Such a space is inside a word for certain.
  2. Dictionary: the joined text tokenizes (newmm, PyThaiNLP dictionary + `words`) into fewer or
     better words across the space than the two sides apart.
  3. The document: the joined word occurs intact elsewhere in the document (for example a name that
     is not in the dictionary), or the same pair occurs with a space again (a real, repeated space).
Letter-spaced runs (four or more one-letter pieces in a row) are joined; their wider gaps stay.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from typeset.thai.inword import NO_START, spelling_split, whole_word
from typeset.thai.segment import segment
from typeset.thai.words import word_freq

from .lexicon import word_list

# Thai letters and marks, without ๆ (its spaces, "ต่าง ๆ นา ๆ", are Thai style and stay)
THAI_CHAR = re.compile(r"[\u0e01-\u0e45\u0e47-\u0e4e]")
THAI_RUN = re.compile(r"[\u0e01-\u0e45\u0e47-\u0e4e]+")
BASE = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]")   # consonants and leading vowels: one per letter
# a gap between two Thai letters (one space)
GAP = re.compile(r"(?<=[\u0e01-\u0e45\u0e47-\u0e4e]) (?=[\u0e01-\u0e45\u0e47-\u0e4e])")
LETTER_RUN = re.compile(r"(?<![\u0e01-\u0e4e])(?:[\u0e01-\u0e45\u0e47-\u0e4e]{1,4} ){3,}"
                        r"[\u0e01-\u0e45\u0e47-\u0e4e]{1,4}(?![\u0e01-\u0e4e])")
# chunk edges used as tokenization context: enough for one or two words on each side
CONTEXT = 24
UNSURE_BELOW = 0.8
MIN_SIDE = 8
CERTAIN = 0.95       # removals applied before the rest of a line is decided again
MAX_ROUNDS = 4
NAME_MAX = 16        # longest run learned as a whole word from the document
FUNCTION_RANK = 150
# Thai noun-forming morphemes that hardly stand alone: ผู้ วิจัย, ความ สัมพันธ์, วิธี การ are one word
BOUND = frozenset({"ผู้", "นัก", "ความ", "การ", "ชาว", "ช่าง"})
# ... of which these only ever begin a word (นัก, การ, ชาว end phrases: ไม่มากนัก, ดำเนินการ):
# a space after one is inside a word even when the whole is no dictionary entry (ผู้ จ่ายเงิน)
PREFIX_ONLY = frozenset({"ผู้", "ความ"})


@dataclass
class Change:
    line: int
    col: int
    left: str
    right: str
    confidence: float
    applied: bool
    reason: str

    @property
    def unsure(self) -> bool:
        return self.applied and self.confidence < UNSURE_BELOW or (not self.applied and self.confidence >= 0.4)

    def __str__(self) -> str:
        verb = "removed" if self.applied else "kept"
        return f"line {self.line}:{self.col + 1}: {verb} space in '{self.left} {self.right}' " \
               f"({self.reason}, confidence {self.confidence:.2f})"


class _Tokenizer:
    """newmm word segmentation (typeset.thai.segment) with a cache: the same edges and windows
    recur many times in a document."""

    def __init__(self, words: Iterable[str]):
        self.extra = frozenset(w for w in words if w)
        self.words = word_list(self.extra)
        self.cache: dict[str, list[str]] = {}

    def known(self, token: str) -> bool:
        return token in self.words

    def __call__(self, text: str) -> list[str]:
        toks = self.cache.get(text)
        if toks is None:
            toks = self.cache[text] = segment(text, self.words) if text else []
        return toks

    def many(self, texts: Iterable[str]) -> None:
        for t in texts:
            self(t)


def document_vocabulary(text: str, words: Iterable[str] = ()) -> Counter:
    """Counts of what the document writes intact: the newmm tokens of each Thai run, and each
    short run as a whole when it is several tokens (names the dictionary lacks: อูมารอฟ)."""
    tok = _Tokenizer(words)
    chunks = text.split()
    runs = [run for chunk in chunks for run in THAI_RUN.findall(chunk)]
    tok.many(runs)
    vocab: Counter = Counter()
    for run in runs:
        vocab.update(tok(run))
    for chunk in chunks:
        # a whole chunk of Thai letters only (not "ในปีค" of "ในปีค.ศ."), e.g. a name
        if len(chunk) <= NAME_MAX and THAI_RUN.fullmatch(chunk) and len(tok(chunk)) > 1:
            vocab[chunk] += 1
    return vocab


def _name_index(vocab: Counter, tok: _Tokenizer) -> dict[str, list[str]]:
    """Prefix -> words the document writes intact at least twice that the dictionary lacks."""
    index: dict[str, list[str]] = {}
    for w, count in vocab.items():
        if count >= 2 and 4 <= len(w) <= NAME_MAX and not tok.known(w) and whole_word(w):
            for k in range(1, len(w)):
                index.setdefault(w[:k], []).append(w)
    return index


def _intact_elsewhere(left: str, right: str, names: dict[str, list[str]]) -> str | None:
    for k in range(1, min(len(left), NAME_MAX) + 1):
        for w in names.get(left[-k:], ()):
            if right.startswith(w[k:]):
                return w
    return None


def _spaced_again(left: str, right: str, tok: _Tokenizer, pairs: Counter) -> bool:
    """Is this split of a name repeated (the pair is written with a space more than once)? A wrap
    or a damaged glyph splits a name at one place; an author who writes "คิม จอง อึน" writes the
    space each time, so the name written intact elsewhere is weak evidence against it."""
    return pairs.get((tok(left)[-1], tok(right)[0]), 0) >= 2


def _cost(tokens: list[str], tok: _Tokenizer, vocab: Counter) -> float:
    """Lower is better: each token costs 1, an unknown piece 2 more unless the document uses it."""
    cost = 0.0
    for t in tokens:
        cost += 1.0
        if not tok.known(t) and vocab.get(t, 0) < 3:
            cost += 2.0
    return cost


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Grammatical words: PyThaiNLP stopwords among the most frequent words of the TNC corpus."""
    from pythainlp.corpus import thai_stopwords

    freqs = sorted(word_freq().items(), key=lambda wc: -wc[1])[:FUNCTION_RANK]
    return frozenset(w for w, _ in freqs) & frozenset(thai_stopwords())


def _context(text: str, tok: _Tokenizer, at_end: bool) -> list[str]:
    """The tokens of `text` nearest the gap, at least MIN_SIDE letters (so whole words are seen)."""
    toks = tok(text)
    picked: list[str] = []
    for t in (reversed(toks) if at_end else toks):
        picked.append(t)
        if sum(map(len, picked)) >= MIN_SIDE and len(picked) >= 2:
            break
    return picked[::-1] if at_end else picked


def _decide(left: str, right: str, tok: _Tokenizer, vocab: Counter, pairs: Counter) -> tuple[float, str]:
    """Confidence (0..1) that the space between `left` and `right` (Thai runs) splits a word."""
    rule = spelling_split(left, right)
    if rule:
        return 0.99, rule
    lt, rt = _context(left, tok, True), _context(right, tok, False)
    if lt and lt[-1] in PREFIX_ONLY:
        return 0.9, f"prefix '{lt[-1]}' never ends a word"
    a, b = "".join(lt), "".join(rt)
    joined = tok(a + b)
    pos, cover = 0, None  # the token of the joined text that covers the gap, if any
    for t in joined:
        if pos < len(a) < pos + len(t):
            cover = t
            break
        pos += len(t)
    if cover is None:
        return 0.05, "word boundary"
    seen_joined = vocab.get(cover, 0)
    if not (tok.known(cover) or seen_joined >= 2):
        return 0.05, "word boundary"
    x = a[pos:]              # the part of the covering word before the gap
    y = cover[len(x):]       # and after it
    gain = _cost(lt, tok, vocab) + _cost(rt, tok, vocab) - _cost(joined, tok, vocab)
    if gain < 1:
        return 0.1, "word boundary"
    if not (tok.known(x) and tok.known(y)):
        return (0.95 if gain >= 2 else 0.8), f"joins into '{cover}'"
    # two words that also make a dictionary entry: a compound (คว่ำบาตร, ผู้วิจัย, วิธีการ) or a
    # phrase (ที่จะ, ได้ขนาด); a grammatical word makes a phrase unless it is a bound noun morpheme.
    stop = _stopwords()
    if x in BOUND or (y in BOUND and x not in stop):
        return 0.8, f"bound '{x if x in BOUND else y}' joins into '{cover}'"
    if x in stop or y in stop:
        return 0.45, f"'{x}' '{y}' may be a phrase, not the word '{cover}'"
    if pairs.get((lt[-1], rt[0]), 0) >= 2 and not seen_joined:
        return 0.3, "pair written with a space elsewhere"
    if seen_joined >= 2:
        return 0.85, f"compound '{cover}' (also written intact)"
    return 0.75, f"compound '{cover}'"


def join_letter_spaced(lines: list[str], state) -> list[str]:
    """Rule `letter_spaced`: letter-spaced runs joined before the mark rules read them (a mark
    rule would otherwise move marks between the pieces of one word). Only in a document whose
    raw text shows spaces inside words."""
    if not space_damage(state.raw):
        return lines
    out = []
    for line in lines:
        spans = letter_spaced(line)
        for s, e in reversed(spans):
            line = line[:s] + line[s:e].replace(" ", "") + line[e:]
        state.report.count("spaces: letter-spaced run joined", len(spans))
        out.append(line)
    return out


def letter_spaced(line: str) -> list[tuple[int, int]]:
    """Spans of letter-spaced text: 4+ pieces of one or two letters separated by single spaces."""
    spans = []
    for m in LETTER_RUN.finditer(line):
        pieces = m.group().split(" ")
        short = sum(len(BASE.findall(p)) <= 1 for p in pieces)
        if len(pieces) >= 4 and short * 2 >= len(pieces) and all(len(BASE.findall(p)) <= 2 for p in pieces):
            spans.append(m.span())
    return spans


def _pair_counts(lines: list[str], tok: _Tokenizer) -> Counter:
    edges = []
    for line in lines:
        for m in GAP.finditer(line):
            edges += [_edge(line, m.start(), -1), _edge(line, m.end(), 1)]
    tok.many(edges)
    pairs: Counter = Counter()
    for line in lines:
        for m in GAP.finditer(line):
            left = _edge(line, m.start(), -1)
            right = _edge(line, m.end(), 1)
            if left and right:
                pairs[(tok(left)[-1], tok(right)[0])] += 1
    return pairs


def _edge(line: str, i: int, step: int) -> str:
    """The Thai run ending at i (step -1) or starting at i (step 1), at most CONTEXT letters."""
    if step < 0:
        j = i
        while j > 0 and i - j < CONTEXT and THAI_CHAR.match(line[j - 1]):
            j -= 1
        return line[j:i]
    j = i
    while j < len(line) and j - i < CONTEXT and THAI_CHAR.match(line[j]):
        j += 1
    return line[i:j]


def _abbreviation_side(text: str, start: int, end: int) -> bool:
    """Is the Thai run before the gap (from `start`) or after it (to `end`) a piece of an
    abbreviation: one or two letters against a dot ("ก.", "มี.ค.", ".ศ")?"""
    after = end < len(text) and text[end] == "." and len(BASE.findall(text[text.rfind(" ", 0, end) + 1:end])) <= 2
    before = start > 0 and text[start - 1] == "." and len(BASE.findall(text[start:text.find(" ", start)])) <= 2
    return after or before


SPACED_OUT = ("leading vowel before space", "mark after space", "letter-spaced text")
TOGETHER = 3         # a pair written together this many times, and this many times more than apart


def spaced_out(line: int, changes: list[Change]) -> bool:
    """Was this line stretched by justification: a space removed inside a syllable (เ ช่น)?"""
    return any(c.line == line and c.applied and c.reason in SPACED_OUT for c in changes)


def _together(c: Change, edges: dict, tok: _Tokenizer, pairs: Counter, whole: str) -> Change:
    """On a stretched line a space between two content words the document writes together
    (ขั้ว อำนาจ; ขั้วอำนาจ everywhere else) is one more stretch, not the writer's."""
    if c.applied or c.confidence >= 0.4:
        return c
    left, right = edges[c.col]
    lt, rt = tok(left), tok(right)
    if not lt or not rt:
        return c
    a, b = lt[-1], rt[0]
    if a in _stopwords() or b in _stopwords():
        return c  # a space next to a grammatical word (รัสเซีย ได้) is as often the writer's
    together, apart = whole.count(a + b), pairs.get((a, b), 0)
    if together >= TOGETHER and together >= TOGETHER * apart:
        return Change(c.line, c.col, left, right, 0.7, True,
                      f"stretched line; '{a + b}' is written together {together} times, apart {apart}")
    return c


_SPACED_MARK = re.compile("[\u0e01-\u0e4e] +[" + "".join(sorted(NO_START)) + "]")
LETTER_RUNS_DAMAGE = 3     # a few spaced letter runs can be real ("ก ข ค ง" as labels)


def space_damage(raw_lines: list[str]) -> bool:
    """Does the extraction put spaces inside words? A space before a mark or a following vowel
    (impossible in Thai), or letter-spaced runs, in the raw text say so."""
    if any(_SPACED_MARK.search(line) for line in raw_lines):
        return True
    return sum(len(LETTER_RUN.findall(line)) for line in raw_lines) >= LETTER_RUNS_DAMAGE


def remove_spurious_spaces(lines: list[str], vocab: Counter | None = None,
                           words: Iterable[str] = ()) -> tuple[list[str], list[Change]]:
    tok = _Tokenizer(words)
    if vocab is None:
        vocab = document_vocabulary("\n".join(lines), words)
    pairs = _pair_counts(lines, tok)
    names = _name_index(vocab, tok)
    out: list[str] = []
    changes: list[Change] = []
    memo: dict[tuple[str, str], tuple[float, str]] = {}
    whole = "\n".join(lines)
    for n, line in enumerate(lines, 1):
        drop: set[int] = set()
        for s, e in letter_spaced(line):
            drop.update(i for i in range(s, e) if line[i] == " ")
            changes.append(Change(n, s, line[s:e][:12], "", 0.9, True, "letter-spaced text"))
        # Certain removals first, then decide again on the result: a word is often split twice
        # ("ผู้ เ ขียน"), and the second split only shows once the first is gone.
        for rnd in range(MAX_ROUNDS):
            keep = [i for i in range(len(line)) if i not in drop]   # current text -> input column
            text = "".join(line[i] for i in keep)
            decided = []
            edges: dict[int, tuple[str, str]] = {}
            for m in GAP.finditer(text):
                j = m.start()
                left, right = _edge(text, j, -1), _edge(text, j + 1, 1)
                edges[keep[j]] = left, right
                if _abbreviation_side(text, j - len(left), j + 1 + len(right)):
                    continue  # "ในปี พ.ศ.", "อำเภอ อ.เมือง": a space before an abbreviation is real
                if (left, right) not in memo:
                    memo[left, right] = _decide(left, right, tok, vocab, pairs)
                    if memo[left, right][0] < 0.4:
                        name = _intact_elsewhere(left, right, names)
                        if name and _spaced_again(left, right, tok, pairs):
                            memo[left, right] = 0.3, f"'{name}' is also written with this space elsewhere"
                        elif name:
                            memo[left, right] = 0.7, f"'{name}' is written intact elsewhere in the document"
                conf, reason = memo[left, right]
                decided.append(Change(n, keep[j], left[-8:], right[:8], conf, conf >= 0.5, reason))
            certain = [c for c in decided if c.confidence >= CERTAIN]
            final = not certain or rnd == MAX_ROUNDS - 1
            if final and spaced_out(n, changes):
                decided = [_together(c, edges, tok, pairs, whole) for c in decided]
            for c in (decided if final else certain):
                if c.applied:
                    drop.add(c.col)
                if c.applied or c.confidence >= 0.4:
                    changes.append(c)
            if final:
                break
        out.append("".join(c for k, c in enumerate(line) if k not in drop) if drop else line)
    changes.sort(key=lambda c: (c.line, c.col))
    return out, changes
