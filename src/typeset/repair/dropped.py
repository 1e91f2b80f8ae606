"""Rule `dropped`: tone marks and thanthakhat the text layer lost ("ใหความรู" for ให้ความรู้).

Some PDF makers (XeLaTeX with some fonts, some Word exports) drop the marks drawn above a letter
from the text layer. Where a word falls apart into unknown or rare pieces, each consonant of
those pieces is tried with each mark, and the reading scored against the dictionary with the
words around it. The rule is taken on for a document only when many such spots gain (at least
MIN_FIXES and a share DOC_SHARE of its Thai words); clean text has next to none. Inside a
document taken on, a mark is added only where it gains at least MIN_GAIN.
"""
from __future__ import annotations

import math
import re

from typeset.thai.chars import CONSONANTS, LOWER_VOWELS, THAI_RUN, TONES, UPPER_VOWELS

from typeset.thai import likely

NAME = "dropped"
ADDABLE = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e47"      # ่ ้ ๊ ๋ ์ ็
_RUN = THAI_RUN
MIN_GAIN = 3
MIN_FIXES = 8
DOC_SHARE = 0.01          # of the document's Thai tokens
SUSPECT_LEN = 3           # pieces this short are what a word with a lost mark falls into
ROUNDS = 4            # a word may have lost two marks (หุนยนต = หุ่นยนต์)


def apply(lines: list[str], ctx) -> list[str]:
    lex = ctx.lexicon
    runs = [(i, m.start(), m.group()) for i, line in enumerate(lines) for m in _RUN.finditer(line)]
    if not runs:
        return lines
    toks = lex.segment_many([r for _, _, r in runs])
    n_tokens = sum(len(t) for t in toks)
    on = None
    restored = 0
    for _ in range(ROUNDS):
        cands = []          # (line, at, mark, window text, variant text)
        for (i, start, run), ts in zip(runs, toks):
            col = 0
            for k, t in enumerate(ts):
                if _suspect(t, lex):
                    a = col - (len(ts[k - 1]) if k else 0)
                    b = col + len(t) + (len(ts[k + 1]) if k + 1 < len(ts) else 0)
                    window = run[a:b]
                    for p in range(col, col + len(t)):
                        if run[p] in CONSONANTS and not _has_tone(run, p):
                            q = p + 1
                            while q < len(run) and (run[q] in UPPER_VOWELS or run[q] in LOWER_VOWELS):
                                q += 1
                            for mark in ADDABLE:
                                if mark in "\u0e4c\u0e47" and q != p + 1:
                                    continue      # ์ and ็ sit alone on their letter
                                cands.append((i, start + q, mark, window,
                                              run[a:q] + mark + run[q:b], t, q - a))
                col += len(t)
        if not cands:
            break
        texts = list(dict.fromkeys([c[3] for c in cands] + [c[4] for c in cands]))
        segs = dict(zip(texts, lex.segment_many(texts)))
        val = {t: lex.value_tokens(s) for t, s in segs.items()}
        best: dict[tuple[int, int], tuple[int, str, str]] = {}
        for i, at, mark, w, v, t, off in cands:
            # the mark must land in a dictionary word and make every word around it one
            # ("บิตแมป" is not "บิต|แม่|ป": a fragment is left)
            if not _lands(segs[v], off, lex) or _unknown(segs[v], lex):
                continue
            g = val[v] - val[w]
            if g >= MIN_GAIN and g > best.get((i, at), (0, "", ""))[0]:
                best[(i, at)] = (g, mark, t)
        if on is None:
            # distinct words: one loanword written the same way throughout ("บิตแมป") is the
            # document's own spelling, not evidence of lost marks
            words = {t for _, _, t in best.values()}
            on = len(words) >= MIN_FIXES and len(best) >= DOC_SHARE * n_tokens
            if not on:
                return lines
            ctx.report.decide(f"marks dropped from the text layer: {len(best)} spots in {len(words)} "
                              f"different words gain from a tone mark or ์ restored "
                              f"({n_tokens} Thai words)")
        if not best:
            break
        lines = _insert(lines, {spot: mark for spot, (_, mark, _) in best.items()})
        ctx.report.count("dropped: mark restored", len(best))
        restored += len(best)
        runs = [(i, m.start(), m.group()) for i, line in enumerate(lines) for m in _RUN.finditer(line)]
        toks = lex.segment_many([r for _, _, r in runs])
    if on:
        lines = _in_words(lines, runs, toks, restored, ctx)
    return lines


def _insert(lines: list[str], spots: dict[tuple[int, int], str]) -> list[str]:
    """`lines` with each mark inserted at its (line, column); columns are the unchanged line's."""
    rows = {i: list(lines[i]) for i, _ in spots}
    for (i, at), mark in sorted(spots.items(), key=lambda x: -x[0][1]):
        rows[i].insert(at, mark)
    out = list(lines)
    for i, r in rows.items():
        out[i] = "".join(r)
    return out


CONTEXT = 8   # letters each side scored by the word model


def _in_words(lines, runs, toks, restored, ctx) -> list[str]:
    """Lost marks the dictionary cannot see ("เครือขาย" reads เครือ|ขาย): where a mark makes two
    neighbouring words one dictionary word, the likelier reading (corpus counts) wins, weighed by
    how often this document loses a mark (restored so far against the marks it kept)."""
    lex = ctx.lexicon
    kept = sum(1 for line in lines for c in line if c in TONES or c == "\u0e4c")
    rate = math.log(max(restored, 1) / (max(restored, 1) + kept))
    best: dict[tuple[int, int], tuple[float, int, str]] = {}
    for (i, start, run), ts in zip(runs, toks):
        col = 0
        for k, t in enumerate(ts):
            nxt = ts[k + 1] if k + 1 < len(ts) else ""
            for joined in {t, t + nxt} if nxt and _RUN.fullmatch(nxt) else {t}:
                for p in range(len(joined)):
                    at = col + p
                    if run[at] not in CONSONANTS or _has_tone(run, at):
                        continue
                    q = at + 1
                    while q < len(run) and (run[q] in UPPER_VOWELS or run[q] in LOWER_VOWELS):
                        q += 1
                    for mark in ADDABLE:
                        if mark in "\u0e4c\u0e47" and q != at + 1:
                            continue
                        word = joined[:q - col] + mark + joined[q - col:]
                        if word not in lex.words or lex.weak(word) or len(word) < 3:
                            continue
                        a, b = max(0, col - CONTEXT), min(len(run), col + len(joined) + CONTEXT)
                        g = likely.gain(run[a:b], run[a:q] + mark + run[q:b]) + rate
                        if g > best.get((i, start + col), (0.0, 0, ""))[0]:
                            best[(i, start + col)] = (g, start + q, mark)   # one mark a word
            col += len(t)
    if not best:
        return lines
    spots = {(i, at): mark for (i, _), (_, at, mark) in best.items()}
    lines = _insert(lines, spots)
    ctx.report.count("dropped: mark restored inside words (word counts)", len(spots))
    return lines


def _lands(toks: list[str], at: int, lex) -> bool:
    pos = 0
    for t in toks:
        if pos <= at < pos + len(t):
            return t in lex.words and len(t) >= 2 and not lex.weak(t)
        pos += len(t)
    return False


def _unknown(toks: list[str], lex) -> int:
    return sum(len(t) for t in toks if _RUN.fullmatch(t) and t not in lex.words)


def _suspect(tok: str, lex) -> bool:
    if not _RUN.fullmatch(tok):
        return False
    return tok not in lex.words or (len(tok) <= SUSPECT_LEN and lex.weak(tok))


def _has_tone(run: str, p: int) -> bool:
    q = p + 1
    while q < len(run) and (run[q] in UPPER_VOWELS or run[q] in LOWER_VOWELS or run[q] in TONES
                            or run[q] == "\u0e4c"):
        if run[q] in TONES or run[q] == "\u0e4c":
            return True
        q += 1
    return False
