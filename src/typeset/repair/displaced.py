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

from functools import lru_cache

from .state import State
from .lexicon import word_freq
from .thaichars import CONSONANTS, MARKS, THAI_RUN, cell_valid, cells, join_cells, order_marks, run_valid

NAME = "displaced"
INVALID_PENALTY = 6   # an impossible cell costs as much as six Thai characters outside words
MIN_GAIN = 2          # a move must raise the segmentation value this much
ROUNDS = 8            # rounds of moves (a window may hold several damaged words)
NEAR = 3              # characters around a damaged token where marks may move
FAR = 6               # cells apart for two moves to be taken in the same round
COMMON = 20000        # corpus count of a common two-letter word
CONTEXT = 4          # characters of context either side of a window


Cells = tuple  # tuple of (base, marks) pairs


def _moves(cs: Cells, inv: int, text: str, landed: tuple = (), allowed=None) -> list:
    """Every (cells, impossible-cell count, landing positions, cell index, text) obtained by
    moving one mark one cell to the left; landing positions are text offsets of moved marks."""
    out = []
    pos = 0
    for j in range(1, len(cs)):
        left_base, left_marks = cs[j - 1]
        start_left = pos
        pos += len(left_base) + len(left_marks)
        base, marks = cs[j]
        if not marks or left_base not in CONSONANTS:
            continue
        if allowed is not None and not any(a <= pos < b for a, b in allowed):
            continue  # only near the damage: good words around it stay as they are
        end_j = pos + len(base) + len(marks)
        for k, m in enumerate(marks):
            if k and marks[k - 1] == m:
                continue
            new_left = order_marks(left_marks + m)
            if not cell_valid(left_base, new_left):
                continue
            rest = marks[:k] + marks[k + 1:]
            cand = cs[:j - 1] + ((left_base, new_left), (base, rest)) + cs[j + 1:]
            d = (not cell_valid(base, rest)) - (not cell_valid(left_base, left_marks)) \
                - (not cell_valid(base, marks))
            at = start_left + len(left_base) + new_left.index(m)
            t = text[:start_left] + left_base + new_left + base + rest + text[end_j:]
            out.append((cand, inv + d, landed + (at,), j, t, m))
    return out


def _apply_move(cs: Cells, j: int, m: str):
    """Move mark m from cell j to cell j-1, or None if that is no longer possible."""
    left_base, left_marks = cs[j - 1]
    base, marks = cs[j]
    if m not in marks or left_base not in CONSONANTS:
        return None
    new_left = order_marks(left_marks + m)
    if not cell_valid(left_base, new_left):
        return None
    return cs[:j - 1] + ((left_base, new_left), (base, marks.replace(m, "", 1))) + cs[j + 1:]


def _moves2(cs: Cells, inv: int, text: str, allowed=None, reach: int = 6) -> list:
    """Single moves plus pairs of moves near each other (ความสมัพนัธ์ needs two at once)."""
    singles = _moves(cs, inv, text, allowed=allowed)
    out = list(singles)
    seen = {c[4] for c in singles}
    for c1, inv1, at1, j1, t1, _ in singles:
        for c2 in _moves(c1, inv1, t1, at1, allowed):
            if c2[3] <= j1 or c2[3] - j1 > reach or c2[4] in seen:
                continue
            seen.add(c2[4])
            out.append(c2)
    return out


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


def _damaged(toks: list[str], lex, weak: bool = True) -> bool:
    """Any Thai token outside the dictionary (or, with weak, a rare short fragment, or three
    short words in a row: "กา|รถ|กู" is how การถกู falls apart)?"""
    if any(THAI_RUN.fullmatch(t) and (t not in lex.words or weak and lex.weak(t)) for t in toks):
        return True
    return weak and _short_trio(toks)


def _short_trio(toks: list[str]) -> bool:
    run = 0
    for t in toks:
        run = run + 1 if len(t) <= 2 and THAI_RUN.fullmatch(t) else 0
        if run >= 3:
            return True
    return False


def _lands_in_word(toks: list[str], at: int, lex, fixes_stack: bool) -> bool:
    """Does the moved mark end up inside a real word? A dictionary word that is not a rare
    fragment, or any dictionary word when the move also cures an impossible stack."""
    pos = 0
    for k, t in enumerate(toks):
        if pos <= at < pos + len(t):
            if t in lex.words and len(t) > 1 and (fixes_stack or not lex.weak(t)) and \
                    (len(t) > 2 or fixes_stack or word_freq().get(t, 0) >= COMMON
                     or _clean_around(toks, k, lex)):
                return True  # a two-letter landing must be a common word ("ดู", not "สิ" in คาสิซม)
            if t in lex.words and len(t) in (3, 4) and t in lex.doc_parts:
                return True  # a rare word the document also writes inside longer ones (ดุล: ถ่วงดุล)
            # a fragment of a name the document writes elsewhere ("อิล|ซุง")
            return len(t) <= 4 and t in lex.doc_name_parts and _in_doc_word("".join(toks), at, lex)
        pos += len(t)
    return False


def _clean_around(toks: list[str], k: int, lex) -> bool:
    """An uncommon two-letter landing ("ปู" in ได้ปูทางให้) is still a word when dictionary words
    that are not fragments stand on both sides and nothing next to it is broken (no unknown
    token, no three short words in a row as in คา|สิ|ซม)."""
    def solid(j: int) -> bool:
        t = toks[j] if 0 <= j < len(toks) else ""
        return len(t) > 1 and t in lex.words and not lex.weak(t)
    return solid(k - 1) and solid(k + 1) and not _damaged(toks[max(0, k - 2):k + 3], lex)


def _in_doc_word(text: str, at: int, lex) -> bool:
    """Is position `at` inside a name the document writes on its own ("คิม อิลซุง")?"""
    for n in lex.doc_name_lengths:
        for a in range(max(0, at - n + 1), min(at, len(text) - n) + 1):
            if text[a:a + n] in lex.doc_names:
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _broken(token: str) -> bool:
    """Does a Thai token hold a cell no typist could produce?"""
    return not run_valid(token)


def _invalid(cs) -> int:
    return sum(1 for b, m in cs if not cell_valid(b, m))


class _Window:
    def __init__(self, line: int, start: int, end: int, text: str, left: str, right: str):
        self.line, self.start, self.end = line, start, end
        self.cells: Cells = tuple((b, m) for b, m in cells(text))
        self.left, self.right = left, right
        self.moved = 0
        self.clean = False           # its moves left no damage behind
        self.allowed = None          # text ranges where marks may move (near the damage)
        self.inv = _invalid(self.cells)
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


def _tokens(lines: list[str], rows: list[int], lex, cache: dict[str, list[str]]) -> dict[int, list[str]]:
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


def _windows(lines: list[str], lex, memo: dict, across: bool = True, only: set[int] | None = None,
             learn: set[int] = frozenset()) -> list[_Window]:
    """Suspicious stretches of Thai: an unknown token or impossible cell with a token either side,
    starting one cell earlier (the mark may belong there), within one Thai run. With `only`,
    just those lines are looked at (their neighbours still lend context), and the words of the
    `learn` lines (repaired since the document was read) are added to its vocabulary."""
    if only is None:
        rows = list(range(len(lines)))
        per_row = _tokens(lines, rows, lex, {})
        if across:  # kept: a later look at a few lines needs their unchanged neighbours
            memo.clear()
            memo.update({lines[i]: per_row[i] for i in rows})
    else:  # the lines, those to learn from, and (their edge words only) their neighbours
        rows = sorted(only | learn)
        near = {j for i in only for j in range(i - 3, i + 4) if 0 <= j < len(lines)}
        per_row = _tokens(lines, sorted(near | learn), lex, memo)
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
        if t not in lex.words or _broken(t):
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
        w = _Window(li, s, e, line[s:e], left, right)
        w.allowed = [(max(a - NEAR, s) - s, min(b + NEAR, e) - s) for a, b in bad.get(li, ())
                     if a < e and b > s]
        out.append(w)
    return out


SETTLE = 4  # further looks at the lines a look changed (a fixed word can reveal the next one)


def apply(lines: list[str], ctx: State) -> list[str]:
    """Repair every line; a state with `trial = True` repairs independent snippets.

    Moving marks in a long damaged window can leave a word the window's first reading did not
    flag ("กมุพาพนัธ์": once พันธ์ is whole, กมุ stands out). The lines a look changed are looked at
    again until nothing moves, so a second repair finds nothing left to do (idempotence)."""
    lex = ctx.lexicon
    trial = ctx.trial
    if not trial:  # trial repairs of snippets must not relearn it
        lex.learn_document(lines)
    memo = ctx.line_tokens
    windows = _windows(lines, lex, memo, across=not trial)  # snippets: no neighbours
    out = _look(lines, windows, ctx)
    for _ in range(SETTLE):
        # lines where marks moved but damage is left: the moves may have made it readable,
        # with the words repaired anywhere in the document now known as its own
        again = {w.line for w in windows if w.moved and not w.clean}
        if not again:
            break
        changed = {w.line for w in windows if w.moved}
        if not trial:
            lex.learn_document(out, before=lines)
        windows = _windows(out, lex, memo, across=not trial, only=again, learn=changed)
        lines, out = out, _look(out, windows, ctx)
    return out


CONSISTENT = 3   # a well-formed spelling written this often, never as the repair would read it


def _consistent(before: str, after: str, doc: str, lex) -> bool:
    """A name the document writes the same way throughout ("เทอดสถีรศักดิ์") is its spelling,
    unless the document also writes the repaired form somewhere, or the moved mark lands in a
    long dictionary word (a font's damage is consistent too: "การศกึษา" is การศึกษา)."""
    a = 0
    while a < min(len(before), len(after)) and before[a] == after[a]:
        a += 1
    b = 0
    while b < min(len(before), len(after)) - a and before[-1 - b] == after[-1 - b]:
        b += 1
    was, now = before[max(0, a - 3):len(before) - b + 3], after[max(0, a - 3):len(after) - b + 3]
    if " " in was or doc.count(was) < CONSISTENT or doc.count(now):
        return False
    pos = 0
    for t in lex.tokenize(after):
        if pos <= a < pos + len(t) or a <= pos < len(after) - b:
            if len(t) >= 4 and t in lex.words:
                return False
        pos += len(t)
    return True


def _look(lines: list[str], windows: list[_Window], ctx: State) -> list[str]:
    """Rounds of the best gaining moves in each window; the lines with the moves made."""
    lex = ctx.lexicon
    active = list(windows)
    pairs: set[int] = set()   # windows whose single moves all failed: try pairs once
    for rnd in range(ROUNDS):
        texts, cands, owners = [], [], []
        for wi, w in enumerate(active):
            cur, cur_text = w.cells, w.text()
            moves = _moves2(cur, w.inv, cur_text, w.allowed) if wi in pairs else \
                _moves(cur, w.inv, cur_text, allowed=w.allowed)
            for cand in [(cur, w.inv, (), 0, cur_text, "")] + moves:
                texts.append(w.scored(cand[4]))
                cands.append(cand)
                owners.append(wi)
        if not texts:
            break
        segs = lex.segment_many(texts)
        best: dict[int, tuple[int, int]] = {}
        base: dict[int, int] = {}
        base_i: dict[int, int] = {}
        good: dict[int, list] = {}
        for i, (wi, toks) in enumerate(zip(owners, segs)):
            inv, landed = cands[i][1], cands[i][2]
            sc = lex.value_tokens(toks) - INVALID_PENALTY * inv
            if wi not in base:
                base[wi], base_i[wi] = sc, i
                continue
            fixes_stack = inv < active[wi].inv
            w_ = active[wi]
            if not all(_lands_in_word(toks, w_.offset(at), lex, fixes_stack) for at in landed):
                continue
            if wi not in best or sc > best[wi][0]:
                best[wi] = (sc, i)
            if wi not in pairs and sc - base[wi] >= MIN_GAIN:
                good.setdefault(wi, []).append((sc, i))
        nxt, nxt_pairs = [], set()
        for wi, w in enumerate(active):
            if wi in best and best[wi][0] - base[wi] >= MIN_GAIN:
                i = best[wi][1]
                w.cells, w.inv = cands[i][:2]
                w.moved += 1
                # long windows hold several damaged words: also take the other gaining moves
                # far from this one (segmentation is local, so their gains add up)
                taken = [cands[i][3]]
                for sc, i2 in sorted(good.get(wi, []), reverse=True):
                    j2 = cands[i2][3]
                    if all(abs(j2 - t) >= FAR for t in taken):
                        moved = _apply_move(w.cells, j2, cands[i2][5])
                        if moved is not None:
                            w.cells = moved
                            taken.append(j2)
                            w.moved += 1
                w.inv = _invalid(w.cells)
                if w.inv or _damaged(segs[i], lex):  # more to do in this window
                    nxt.append(w)
                else:
                    w.clean = True
            elif wi not in pairs and (w.inv or _damaged(segs[base_i[wi]], lex, weak=False)):
                nxt_pairs.add(len(nxt))  # stuck on single moves: try pairs next round
                nxt.append(w)
        active, pairs = nxt, nxt_pairs
        if not active:
            break
    out = list(lines)
    doc = None
    for w in sorted(windows, key=lambda w: (w.line, -w.start)):
        if w.moved and not w.first_inv and not ctx.trial:
            doc = doc if doc is not None else "\n".join(lines)
            if _consistent(w.first_text, w.text(), doc, lex):
                ctx.report.flag(w.line + 1, NAME, w.first_text,
                                "left as written: the document writes it this way throughout")
                continue
        if not w.moved:
            if _invalid(w.cells):
                ctx.report.flag(w.line + 1, NAME, w.text(), "impossible mark stack left as it is")
            continue
        line = out[w.line]
        out[w.line] = line[:w.start] + w.text() + line[w.end:]
        ctx.report.count("displaced: marks moved back", w.moved)
    return out
