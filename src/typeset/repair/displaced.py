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

from .state import State
from .lexicon import word_freq
from .thaichars import CONSONANTS, THAI_RUN, cell_valid, order_marks
from .windows import Cells, Window, find_windows, invalid_cells

NAME = "displaced"
INVALID_PENALTY = 6   # an impossible cell costs as much as six Thai characters outside words
MIN_GAIN = 2          # a move must raise the segmentation value this much
ROUNDS = 8            # rounds of moves (a window may hold several damaged words)
FAR = 6               # cells apart for two moves to be taken in the same round
COMMON = 20000        # corpus count of a common two-letter word



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
    windows = find_windows(lines, lex, memo, across=not trial)  # snippets: no neighbours
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
        windows = find_windows(out, lex, memo, across=not trial, only=again, learn=changed)
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


def _look(lines: list[str], windows: list[Window], ctx: State) -> list[str]:
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
                w.inv = invalid_cells(w.cells)
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
            if invalid_cells(w.cells):
                ctx.report.flag(w.line + 1, NAME, w.text(), "impossible mark stack left as it is")
            continue
        line = out[w.line]
        out[w.line] = line[:w.start] + w.text() + line[w.end:]
        ctx.report.count("displaced: marks moved back", w.moved)
    return out
