"""Where `displaced` looks: suspicious stretches of Thai ("windows") and their context.

A window is an unknown token or an impossible cell with a token either side, within one Thai run,
widened one cell each way (a displaced mark may belong to the cell before or land in the one
after), with a few characters of context (from the neighbouring lines too: a paragraph runs on
across hard line breaks) for scoring.
"""
from __future__ import annotations

from functools import lru_cache

from .thaichars import MARKS, THAI_RUN, cell_valid, cells, join_cells, run_valid

NEAR = 3              # characters around a damaged token where marks may move
CONTEXT = 4           # characters of context either side of a window

Cells = tuple  # tuple of (base, marks) pairs

def _edge_word(w: str, lex) -> str:
    return w if THAI_RUN.fullmatch(w) and w in lex.words and not lex.weak(w) else ""


def _neighbours(lines: list[str], first: dict, last: dict, lex) -> tuple[list[str], list[str]]:
    """Per line: the clean Thai word ending the previous non-blank line and the one starting
    the next (a paragraph runs on across hard line breaks)."""
    n = len(lines)
    tail, head = [""] * n, [""] * n
    prev = None
    for li in range(n):
        if prev is not None and li - prev <= 3:
            tail[li] = _edge_word(last.get(prev, ""), lex)
        if lines[li].strip():
            prev = li
    nxt = None
    for li in range(n - 1, -1, -1):
        if nxt is not None and nxt - li <= 3:
            head[li] = _edge_word(first.get(nxt, ""), lex)
        if lines[li].strip():
            nxt = li
    return tail, head


@lru_cache(maxsize=1 << 16)
def broken(token: str) -> bool:
    """Does a Thai token hold a cell no typist could produce?"""
    return not run_valid(token)


def invalid_cells(cs) -> int:
    return sum(1 for b, m in cs if not cell_valid(b, m))


class Window:
    def __init__(self, line: int, start: int, end: int, text: str, left: str, right: str):
        self.line, self.start, self.end = line, start, end
        self.cells: Cells = tuple((b, m) for b, m in cells(text))
        self.left, self.right = left, right
        self.moved = 0
        self.clean = False           # its moves left no damage behind
        self.allowed = None          # text ranges where marks may move (near the damage)
        self.inv = invalid_cells(self.cells)
        self.first_text, self.first_inv = text, self.inv
        # joined spaces: kept in the text, left out when scoring (marks never cross them)
        self.gaps = [i for i, c in enumerate(text) if c == " "]

    def text(self, cs=None) -> str:
        return join_cells(self.cells if cs is None else cs)

    def scored(self, text: str) -> str:
        return self.left + (text.replace(" ", "") if self.gaps else text) + self.right

    def offset(self, at: int) -> int:
        """Position in the scored text of position `at` of the window text."""
        return len(self.left) + at - sum(1 for g in self.gaps if g < at)


def line_tokens(lines: list[str], rows: list[int], lex, cache: dict[str, list[str]]) -> dict[int, list[str]]:
    """Tokens per line for the given rows: known lines from the cache, the rest in one call."""
    out = {i: cache[lines[i]] for i in rows if lines[i] in cache}
    missing = [i for i in rows if i not in out]
    toks = lex.tokenize("\n".join(lines[i] for i in missing)) if missing else []
    cur: list[str] = []
    got = [cur]
    for t in toks:
        if t == "\n":
            cur = []
            got.append(cur)
        else:
            cur.append(t)
    if len(got) != len(missing):  # a line break inside a token: one line at a time
        got = [lex.tokenize(lines[i]) for i in missing]
    out.update(zip(missing, got))
    if cache:
        cache.update((lines[i], t) for i, t in zip(missing, got))
    return out


def find_windows(lines: list[str], lex, memo: dict, across: bool = True, only: set[int] | None = None,
             learn: set[int] = frozenset()) -> list[Window]:
    """Suspicious stretches of Thai: an unknown token or impossible cell with a token either side,
    starting one cell earlier (the mark may belong there), within one Thai run. With `only`,
    just those lines are looked at (their neighbours still lend context), and the words of the
    `learn` lines (repaired since the document was read) are added to its vocabulary."""
    if only is None:
        rows = list(range(len(lines)))
        per_row = line_tokens(lines, rows, lex, {})
        if across:  # kept: a later look at a few lines needs their unchanged neighbours
            memo.clear()
            memo.update({lines[i]: per_row[i] for i in rows})
    else:  # the lines, those to learn from, and (their edge words only) their neighbours
        rows = sorted(only | learn)
        near = {j for i in only for j in range(i - 3, i + 4) if 0 <= j < len(lines)}
        per_row = line_tokens(lines, sorted(near | learn), lex, memo)
    spans: list[tuple[int, int, int]] = []   # (line, start, end) per token
    for li in rows:
        col = 0
        for t in per_row[li]:
            spans.append((li, col, col + len(t)))
            col += len(t)
    looked = {t for li in (rows if only is None else learn) for t in per_row[li]}
    if across:  # the whole document: remember the pieces of its real words (repaired ones too)
        parts = frozenset(t[a:a + n] for t in looked if len(t) > 4 and t in lex.words
                          for n in (3, 4) for a in range(len(t) - n + 1))
        lex.doc_parts = parts if only is None else lex.doc_parts | parts
    thai = [THAI_RUN.fullmatch(lines[li][a:b]) is not None for li, a, b in spans]
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    for li, toks in per_row.items():
        words = [t for t in toks if not t.isspace()]
        if words:
            first[li], last[li] = words[0], words[-1]
    tail, head = _neighbours(lines, first, last, lex) if across else ([], [])
    # unknown or impossible tokens and short rare entries ("คล", "มุ") mark damage
    state = [0] * len(spans)
    for k, (li, a, b) in enumerate(spans):
        if not thai[k] or only is not None and li not in only:
            continue
        t = lines[li][a:b]
        if t not in lex.words or broken(t):
            state[k] = 2
        elif lex.weak(t):
            state[k] = 1
    # three short words in a row ("กา|รถ|กู" for การถกู) is how a damaged word falls apart
    short = [thai[k] and b - a <= 2 for k, (li, a, b) in enumerate(spans)]
    for k in range(len(spans) - 2):
        if short[k] and short[k + 1] and short[k + 2] and spans[k][0] == spans[k + 1][0] == spans[k + 2][0]:
            for i in (k, k + 1, k + 2):
                state[i] = state[i] or 1
    raw: list[tuple[int, int, int]] = []
    bad: dict[int, list[tuple[int, int]]] = {}
    for k, (li, a, b) in enumerate(spans):
        if state[k] == 0 or only is not None and li not in only:
            continue
        bad.setdefault(li, []).append((a, b))

        s, e = a, b
        for d in (-1, -2, 1, 2):  # take in neighbouring Thai tokens that touch
            j = k + d
            if not (0 <= j < len(spans) and spans[j][0] == li and thai[j]):
                continue
            if d in (-2, 2) and not thai[k + d // 2]:
                continue
            s, e = min(s, spans[j][1]), max(e, spans[j][2])
        raw.append((li, s, e))
    runs: dict[int, list] = {}
    wide: list[tuple[int, int, int]] = []
    for li, s, e in raw:
        line = lines[li]
        if li not in runs:
            runs[li] = list(THAI_RUN.finditer(line))
        m = next(m for m in runs[li] if m.start() <= s < m.end())
        while s > m.start() and line[s] in MARKS:
            s -= 1
        if s > m.start():  # one cell earlier: the mark may belong to it
            s -= 1
            while s > m.start() and line[s] in MARKS:
                s -= 1
        e = min(e, m.end())
        if e < m.end():  # one cell later too: a mark displaced out of the window lands there
            e += 1
            while e < m.end() and line[e] in MARKS:
                e += 1
        wide.append((li, s, e, m.start(), m.end()))
    wide.sort()
    merged: list[list[int]] = []
    for li, s, e, ms, me in wide:
        if merged and merged[-1][0] == li and s < merged[-1][2]:
            merged[-1][2] = max(merged[-1][2], e)
        else:
            merged.append([li, s, e, ms, me])
    # Windows on both sides of one space become one window: a space may split a word
    # ("ให้กบั นกัท่อง", spaces are another pass's job), and the halves must be read together.
    joined: list[list[int]] = []
    for w in merged:
        p = joined[-1] if joined else None
        if p and p[0] == w[0] and p[2] == p[4] and w[1] == w[3] == p[4] + 1 and lines[w[0]][p[4]] == " ":
            joined[-1] = [p[0], p[1], w[2], p[3], w[4]]
        else:
            joined.append(list(w))
    out = []
    for li, s, e, ms, me in joined:
        line = lines[li]
        left = line[max(ms, s - CONTEXT):s]
        right = line[e:min(me, e + CONTEXT)]
        # a lone half word across a space is scored with the other half glued on
        runs_here = runs[li]
        k = next(i for i, m in enumerate(runs_here) if m.start() <= s < m.end())
        k2 = next(i for i, m in enumerate(runs_here) if m.start() < e <= m.end())
        if s == ms and k and runs_here[k - 1].end() == ms - 1 and line[ms - 1] == " ":
            left = runs_here[k - 1].group(0)[-CONTEXT:] + left
        if e == runs_here[k2].end() and k2 + 1 < len(runs_here) and \
                runs_here[k2 + 1].start() == e + 1 and line[e] == " ":
            right = right + runs_here[k2 + 1].group(0)[:CONTEXT]
        me = runs_here[k2].end()
        # a paragraph runs on across hard line breaks: borrow context from the next/previous line
        if across and s == ms and not line[:ms].strip():
            left = tail[li] + left
        if across and e == me and not line[me:].strip():
            right = right + head[li]
        w = Window(li, s, e, line[s:e], left, right)
        w.allowed = [(max(a - NEAR, s) - s, min(b + NEAR, e) - s) for a, b in bad.get(li, ())
                     if a < e and b > s]
        out.append(w)
    return out
