"""Pass `displaced`: marks drawn one cell too far right are moved back.

Extraction sometimes attaches an above/below vowel or tone mark to the *next* cell
("นบัจาก" = นับจาก, "ปติูน" = ปูติน, "แตถ้่อย" = แต่ถ้อย, "ไมเ่พิ่ม" = ไม่เพิ่ม). Only spots that are
visibly wrong are touched: Thai runs with a cell no typist could produce (two vowels or two tone
marks on one consonant, a mark on a leading vowel) or with text outside dictionary words. There,
candidate moves (one mark back to the consonant on its left) are scored by dictionary coverage and
the best is kept, repeatedly, while it gains; correct words are never touched because a move can
only win by putting more of the text into words.
"""
from __future__ import annotations

import re

from .context import Context
from .thaichars import CONSONANTS, MARKS, THAI_RUN, cell_valid, cells, join_cells, order_marks

NAME = "displaced"
INVALID_PENALTY = 6   # an impossible cell costs as much as six Thai characters outside words
MIN_GAIN = 2          # a move must put at least this many more Thai characters into words
ROUNDS = 4            # moves per window (ความสมัพนัธ์ needs two)
CONTEXT = 12          # characters of context either side of a window


def _moves(cs: list[list[str]]) -> list[list[list[str]]]:
    """Every cell list obtained by moving one mark one cell to the left."""
    out = []
    for j in range(1, len(cs)):
        base, marks = cs[j]
        left_base, left_marks = cs[j - 1]
        if not marks or left_base not in CONSONANTS:
            continue
        for k, m in enumerate(marks):
            if k and marks[k - 1] == m:
                continue
            new_left = order_marks(left_marks + m)
            if not cell_valid(left_base, new_left):
                continue
            cand = [list(c) for c in cs]
            cand[j - 1][1] = new_left
            cand[j][1] = marks[:k] + marks[k + 1:]
            out.append(cand)
    return out


def _invalid(cs: list[list[str]]) -> int:
    return sum(1 for b, m in cs if not cell_valid(b, m))


class _Window:
    def __init__(self, line: int, start: int, end: int, text: str, left: str, right: str):
        self.line, self.start, self.end = line, start, end
        self.cells = cells(text)
        self.left, self.right = left, right
        self.moved = 0

    def text(self, cs=None) -> str:
        return join_cells(self.cells if cs is None else cs)


def _windows(lines: list[str], lex) -> list[_Window]:
    """Suspicious stretches of Thai: around unknown tokens and impossible cells."""
    toks = lex.tokenize("\n".join(lines))
    out: list[_Window] = []
    li, col = 0, 0
    bad_spans: list[tuple[int, int, int]] = []
    for t in toks:
        if t == "\n":
            li, col = li + 1, 0
            continue
        if THAI_RUN.fullmatch(t) and (t not in lex.words or _invalid(cells(t))):
            bad_spans.append((li, col, col + len(t)))
        col += len(t)
    for li, a, b in bad_spans:
        line = lines[li]
        # widen to whole Thai run boundaries within CONTEXT, start one cell earlier
        for m in THAI_RUN.finditer(line):
            if m.start() <= a < m.end():
                s = max(m.start(), a - 1)
                while s > m.start() and line[s] in MARKS:
                    s -= 1
                e = b
                while e < m.end() and line[e] in MARKS:
                    e += 1
                ls = max(m.start(), s - CONTEXT)
                re_ = min(m.end(), e + CONTEXT)
                out.append(_Window(li, s, e, line[s:e], line[ls:s], line[e:re_]))
                break
    # merge overlapping windows on the same line
    merged: list[_Window] = []
    for w in sorted(out, key=lambda w: (w.line, w.start)):
        if merged and merged[-1].line == w.line and w.start <= merged[-1].end:
            p = merged[-1]
            if w.end > p.end:
                line = lines[w.line]
                merged[-1] = _Window(w.line, p.start, w.end, line[p.start:w.end], p.left, w.right)
        else:
            merged.append(w)
    return merged


def _score(lex, texts: list[str], cell_lists) -> list[int]:
    res = lex.score_many(texts)
    return [g - b - INVALID_PENALTY * _invalid(cs) for (g, b), cs in zip(res, cell_lists)]


def apply(lines: list[str], ctx: Context) -> list[str]:
    lex = ctx.lexicon
    windows = _windows(lines, lex)
    active = list(windows)
    for _ in range(ROUNDS):
        texts, cls, owners = [], [], []
        for wi, w in enumerate(active):
            cur = w.cells
            for cand in [cur] + _moves(cur):
                texts.append(w.left + w.text(cand) + w.right)
                cls.append(cand)
                owners.append(wi)
        if not texts:
            break
        scores = _score(lex, texts, cls)
        best: dict[int, tuple[int, int]] = {}
        base: dict[int, int] = {}
        for i, (wi, sc) in enumerate(zip(owners, scores)):
            if wi not in base:
                base[wi] = sc
                continue
            if wi not in best or sc > best[wi][0]:
                best[wi] = (sc, i)
        nxt = []
        for wi, w in enumerate(active):
            if wi in best and best[wi][0] - base[wi] >= MIN_GAIN:
                w.cells = cls[best[wi][1]]
                w.moved += 1
                nxt.append(w)
        active = nxt
    out = list(lines)
    for w in sorted(windows, key=lambda w: (w.line, -w.start)):
        if not w.moved:
            if _invalid(w.cells):
                ctx.report.flag(w.line + 1, NAME, w.text(), "impossible mark stack left as it is")
            continue
        line = out[w.line]
        out[w.line] = line[:w.start] + w.text() + line[w.end:]
        ctx.report.count("displaced: marks moved back", w.moved)
    return out
