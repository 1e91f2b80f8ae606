"""Glyphs -> text lines by geometry: rows by baseline, fragments split at wide gaps, each mark
attached to the base glyph its ink sits on (whatever the content-stream order), spaces from
space glyphs (and from gaps in producers that draw none). Letter-spaced Thai Distributed lines
close up by themselves: a gap between clusters is not a space glyph.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
import statistics
from collections import Counter
from dataclasses import dataclass, field

from typeset.pdf.charmap import CONSONANTS, MARKS, PLACEHOLDER, PLACEHOLDER_END, SARA_AA
from typeset.thai.chars import THANTHAKHAT, TONES, UPPER_VOWELS

# Typing order of the marks on one letter: vowel above/below, tone, thanthakhat, nikhahit
_ORDER = {c: 0 for c in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47"}
_ORDER.update({c: 1 for c in "\u0e48\u0e49\u0e4a\u0e4b"})
_ORDER.update({"\u0e4c": 2, "\u0e4e": 2, "\u0e4d": 3})
SUP, SUP_END = "\ue900", "\ue901"   # around a superscript digit (typeset.pdf.notes reads them)
SPLIT_EM = 1.6      # a horizontal gap this wide (in font sizes) separates two text fragments


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    y: float            # baseline
    top: float
    bottom: float
    size: float         # the size most of its letters are set in
    bold: bool
    text: str
    glyphs: list = field(default_factory=list, repr=False)
    fonts: tuple = ()
    space_after: bool = False   # the producer drew a space glyph at its end (a word ended)


def is_mark(g) -> bool:
    """A mark's glyph: a Thai mark, or a placeholder for a mark the dictionary will name."""
    c = g.char
    return bool(c) and all(x in MARKS or PLACEHOLDER <= x < PLACEHOLDER_END for x in c)


def page_lines(page, fonts, space_gap: float) -> list[Line]:
    """The text lines of one page (not yet in reading order across columns)."""
    bases, marks = [], []
    for g in page.glyphs:
        if not g.char:
            continue
        (marks if is_mark(g) else bases).append(g)
    rows = _rows(bases)
    walls = [r for r in page.rules if r[2] - r[0] <= 2.5]      # vertical rules: cell walls
    gutter = _gutter_x(rows, page.width)
    if gutter is not None:       # columns set closer than SPLIT_EM still split their rows
        walls.append((gutter, min(g.y for g in bases) - 1, gutter, max(g.y for g in bases) + 1))
    frags = [f for r in rows for f in _split(r, walls)]
    _attach(frags, marks, _stream_base(page.glyphs))
    return [_line(f, fonts, space_gap, page.number) for f in frags if f["bases"]]


def _gutter_x(rows, width: float) -> float | None:
    """The x in the middle of the page that nearly every row with letters on both sides of it
    crosses through a gap between letters (not a word space), with a quarter page of text on
    either side: two columns set close together."""
    if len(rows) < 10:
        return None
    spans = []                    # per row: (left end, right end, [gaps])
    for r in rows:
        letters = [g for g in r if not g.char.isspace()]
        if letters:
            gaps = [(a.x + a.adv, b.x) for a, b in zip(letters, letters[1:])
                    if b.x - (a.x + a.adv) > 0.6 * max(a.size, 1)]
            spans.append((letters[0].x, letters[-1].x + letters[-1].adv, gaps))
    best, best_n = None, 0
    for i in range(31):
        x = width * (0.35 + 0.01 * i)
        across = [gs for x0, x1, gs in spans if x - x0 > 0.25 * width and x1 - x > 0.25 * width]
        n = sum(1 for gs in across if any(a <= x <= b for a, b in gs))
        if n >= 5 and n >= 0.8 * len(across) and n > best_n:
            best, best_n = x, n
    return best


def _rows(bases) -> list[list]:
    bases = sorted(bases, key=lambda g: (-g.y, g.x))
    rows: list[list] = []
    cur: list = []
    ref = None
    for g in bases:
        tol = 0.3 * max(g.size, 1)
        if cur and abs(g.y - ref) <= tol:
            cur.append(g)
            continue
        if cur:
            rows.append(cur)
        cur, ref = [g], g.y
    if cur:
        rows.append(cur)
    return [sorted(r, key=lambda g: (g.x, g.seq)) for r in _scripts(rows)]


def _scripts(rows: list[list]) -> list[list]:
    """Sub- and superscripts (smaller letters a little off the baseline, inside the x range of
    a line) belong to that line."""
    def size(r):
        return statistics.median(g.size for g in r)

    out = list(rows)
    for r in rows:
        s = size(r)
        x0, x1 = min(g.x for g in r), max(g.x + g.adv for g in r)
        best = None
        for o in out:
            if o is r or not o:
                continue
            so = size(o)
            dy = r[0].y - o[0].y
            if s < 0.85 * so and -0.45 * so <= dy <= 0.6 * so \
                    and min(g.x for g in o) - so <= x0 and x1 <= max(g.x + g.adv for g in o) + so:
                if best is None or abs(dy) < abs(r[0].y - best[0].y):
                    best = o
        if best is not None:
            best.extend(r)
            r.clear()
    return [r for r in out if r]


def _split(row, walls=()) -> list[dict]:
    """A row -> fragments: split at wide gaps and at table cell walls (vertical rules)."""
    out = [[row[0]]]
    y = row[0].y
    walls = [w for w in walls if w[1] <= y + 2 and y <= w[3]]
    for a, b in zip(row, row[1:]):
        gap = b.x - (a.x + max(a.adv, 0))
        em = max(a.size, b.size, 1)
        wall = any(a.x + max(a.adv, 0) * 0.5 <= (w[0] + w[2]) / 2 <= b.x + max(b.adv, 0) * 0.5
                   for w in walls)
        if wall or (gap > SPLIT_EM * em and not (a.char.isspace() or b.char.isspace())):
            out.append([b])
        else:
            out[-1].append(b)
    res = []
    for gs in out:
        space_after = bool(gs) and gs[-1].char.isspace()
        while gs and gs[-1].char.isspace():
            gs.pop()
        while gs and gs[0].char.isspace():
            gs.pop(0)
        if gs:
            res.append({"bases": gs, "marks": {}, "x0": min(g.x0 for g in gs),
                        "x1": max(g.x1 for g in gs), "y": statistics.median(g.y for g in gs),
                        "space_after": space_after})
    return res


def _stream_base(glyphs) -> dict[int, int]:
    """mark seq -> seq of the letter drawn just before it in the content stream."""
    out, last = {}, -1
    for g in glyphs:
        if is_mark(g):
            out[g.seq] = last
        elif g.char and not g.char.isspace():
            last = g.seq
    return out


def _attach(frags, marks, before: dict[int, int]) -> None:
    """Give each mark to the letter its ink sits over, preferring a consonant; where its ink
    touches two letters about as much, the one the stream drew it after (the producer's
    cluster). A tone mark stacked on an upper vowel goes to that vowel's letter (Word draws it
    at the letter's right edge, where its ink can touch the next letter)."""
    vowels = []                          # (upper vowel glyph, frag, index) already placed
    for m in sorted(marks, key=lambda m: m.char not in _STACK_BELOW):
        stacked = _stacked_on(m, vowels)
        if stacked is not None:
            stacked[0]["marks"].setdefault(stacked[1], []).append(m)
            continue
        cx = (m.x0 + m.x1) / 2
        em = max(m.size, 1)
        cands = []                       # (overlap - distance, frag, index, letter)
        for f in frags:
            if abs(f["y"] - m.y) > 0.6 * em or cx < f["x0"] - em or cx > f["x1"] + em:
                continue
            gs = f["bases"]
            i = bisect.bisect_right([g.x0 for g in gs], cx)
            for j in range(max(0, i - 3), min(len(gs), i + 2)):
                g = gs[j]
                if g.char.isspace():
                    continue
                over = min(m.x1, g.x1) - max(m.x0, g.x0)
                dist = 0.0 if g.x0 <= cx <= g.x1 else min(abs(cx - g.x0), abs(cx - g.x1))
                if over > 0 or dist < 0.15 * em:
                    cands.append((over - dist, f, j, g))
        if not cands:      # no letter under it: keep it where the stream drew it
            continue
        top = max(c[0] for c in cands)
        close = [c for c in cands if c[0] >= top - 0.3 * max(m.x1 - m.x0, 0.05 * em)]
        _, f, j, _ = max(close, key=lambda c: (_carrier(c[3], m), c[3].seq == before.get(m.seq),
                                               c[0]))
        f["marks"].setdefault(j, []).append(m)
        if m.char in _STACK_BELOW:
            vowels.append((m, f, j))


_STACK_BELOW = UPPER_VOWELS                  # upper vowels a tone sits on
_STACK_ABOVE = TONES | {THANTHAKHAT}


def _stacked_on(m, vowels):
    """(frag, index) of the letter whose upper vowel m's ink sits right on top of, or None."""
    if m.char not in _STACK_ABOVE:
        return None
    em = max(m.size, 1)
    cx = (m.x0 + m.x1) / 2
    for v, f, j in vowels:
        if v.x0 <= cx <= v.x1 and -0.05 * em <= m.y0 - v.y1 <= 0.25 * em and abs(v.y - m.y) < 0.3 * em:
            return f, j
    return None


def _carrier(g, m) -> bool:
    c = g.char
    if m.char == "\u0e4d":
        return c in CONSONANTS or c == SARA_AA
    return c in CONSONANTS or c in "ฤฦ"


def _line(f, fonts, space_gap: float, page: int) -> Line:
    gs = f["bases"]
    sizes = Counter(round(g.size, 1) for g in gs if not g.char.isspace())
    size = sizes.most_common(1)[0][0] if sizes else gs[0].size
    out = []
    prev = None
    base_y = statistics.median(g.y for g in gs)
    for j, g in enumerate(gs):
        if prev is not None and not g.char.isspace() and not prev.char.isspace() \
                and g.x - (prev.x + prev.adv) > space_gap * max(g.size, 1):
            out.append(" ")
        if g.char.isdigit() and g.size < 0.8 * size and g.y - base_y > 0.2 * size:
            out.append(SUP + g.char + SUP_END)     # a raised small digit: a note reference
        else:
            out.append(g.char)
        ms = f["marks"].get(j)
        if ms:
            chars = "".join(m.char for m in sorted(ms, key=lambda m: m.seq))
            out.append("".join(sorted(chars, key=lambda c: _ORDER.get(c, 1))))
        prev = g
    text = tidy("".join(out))
    chars = [g for g in gs if not g.char.isspace()]
    bold_n = sum(1 for g in chars if 0 <= g.font < len(fonts) and fonts[g.font].bold)
    allg = gs + [m for ms in f["marks"].values() for m in ms]
    return Line(page, f["x0"], f["x1"], f["y"], max(g.y1 for g in allg),
                min(g.y0 for g in allg), float(size), bold_n > len(chars) / 2, text, allg,
                tuple(sorted({g.font for g in chars})), f["space_after"])


def _plain_math(m) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


# Word's equations draw mathematical italic letters (U+1D400-U+1D7FF, ℎ): the letters they are
_MATH = re.compile("[\U0001d400-\U0001d7ff\u210e]")


def tidy(s: str) -> str:
    s = _MATH.sub(_plain_math, s).replace(SUP_END + SUP, "")
    s = s.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e32\u0e4d", "\u0e33")
    s = s.replace("\u00a0", " ")
    return " ".join(s.split())


def space_gap(pages) -> float:
    """The gap (in font sizes) above which two letters are two words. Word draws its spaces as
    glyphs, so only a wide gap (a tab) counts; TeX leaves gaps, whose width this document's
    own gaps tell: the emptiest stretch between letter gaps and shrunk word spaces."""
    n = sp = 0
    hist = [0] * 31
    for p in pages:
        prev = None
        for g in p.glyphs:
            n += 1
            if g.char == " " and g.adv > 0:
                sp += 1
            if g.adv <= 0 or not g.char or g.char.isspace():
                continue
            if prev is not None and abs(prev.y - g.y) < 0.1 * g.size and g.size > 0:
                d = (g.x - (prev.x + prev.adv)) / g.size
                if 0 <= d < 0.31:
                    hist[int(d * 100)] += 1
            prev = g
    if n and sp / n > 0.02:
        return 0.8
    best = min(range(5, 19), key=lambda i: (sum(hist[i:i + 3]), i))
    valley = (best + 1.5) / 100
    # stretched justification glue between Thai words can reach into the valley: a space is
    # at least 0.7 of the narrowest common word space
    above = [i for i in range(best + 2, 31) for _ in range(hist[i])]
    if len(above) >= 10:
        valley = max(valley, 0.7 * above[len(above) // 10] / 100)
    return valley
