"""Pass `digits`: numbers printed in a private code, decoded from context.

Two kinds of damage:

* Body digits in symbol codes ("¥¦¥�" = 2024, "§¨" = 19). Number-shaped tokens made of such
  symbols are collected with their context (after ค.ศ./พ.ศ./ปี, the year of a citation, a day before
  a month name). A code -> digit assignment (one digit per code, codes distinct) is searched that
  makes the most tokens plausible: years in range, days 1-31, and values the document also writes
  in clear digits. U+FFFD is lossy: it is decoded only where the document-wide assignment and the
  spot's own context agree, and every such spot is reported; otherwise it stays as U+FFFD.
* Heading numbers in a heading font's code ("1.=" = 1.4, "บทที่ A" = บทที่ 3): decoded from the
  sequence they sit in (the previous and next heading numbers, chapter order).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .state import State

NAME = "digits"
LOSSY = "\ufffd"
MONTHS = ("มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม "
          "พฤศจิกายน ธันวาคม ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.").split()
YEAR_BEFORE = re.compile(r"(ค\.ศ\.|พ\.ศ\.|ปี|ทศวรรษ|ค\.ศ|พ\.ศ)\s*$")
BEAM = 400


def _is_code(ch: str) -> bool:
    """A character that can stand for a digit in a symbol code (never a letter or Thai)."""
    if ch == LOSSY:
        return True
    if ch.isascii() or "\u0e00" <= ch <= "\u0e7f":
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "SN" or cat == "Po" and ch not in "\u2026\u00b7"


NUMTOK = re.compile(r"[^\s()\[\],;:\-\u2013\u2014\"'“”‘’/.]+")


class _Tok:
    def __init__(self, line: int, start: int, text: str, ctx: str):
        self.line, self.start, self.text, self.ctx = line, start, text, ctx


def _context(line: str, start: int, end: int) -> str:
    before, after = line[:start], line[end:]
    if YEAR_BEFORE.search(before) or re.match(r"\s*\)", after) and re.search(r",\s*$", before):
        return "year"
    if re.search(r"\(\s*[^()]*,\s*$", before) or re.match(r"\s*[-–]\s*\S+\s*\)", after):
        return "year"
    if any(after.lstrip().startswith(m) for m in MONTHS):
        return "day"
    return "number"


def _collect(lines: list[str]) -> list[_Tok]:
    toks = []
    for li, line in enumerate(lines):
        if not any(_is_code(c) for c in line):
            continue
        for m in NUMTOK.finditer(line):
            t = m.group(0)
            if any(_is_code(c) for c in t) and all(_is_code(c) or c.isdigit() for c in t) and len(t) <= 4:
                toks.append(_Tok(li, m.start(), t, _context(line, m.start(), m.end())))
    return toks


def _plausible(value: str, ctx: str, clear: Counter) -> float:
    n = int(value)
    s = 0.0
    if ctx == "year" or (ctx == "number" and len(value) == 4):
        ok = 1800 <= n <= 2035 or 2400 <= n <= 2580
        s += 3.0 if ok else (-4.0 if ctx == "year" else -1.0)
    elif ctx == "day":
        s += 2.0 if 1 <= n <= 31 else -4.0
    if value[0] == "0" and len(value) > 1:
        s -= 3.0
    if clear[value]:
        s += 1.0 + min(clear[value], 20) / 10
    return s


def _order_bonus(code: str, digit: str, amap: dict[str, str]) -> float:
    """Fonts number their digit glyphs in order: codes one apart are usually digits one apart."""
    if code == LOSSY:
        return 0.0
    b = 0.0
    for c, d in amap.items():
        if c != LOSSY and abs(ord(c) - ord(code)) == 1 and ord(d) - ord(digit) == ord(c) - ord(code):
            b += 1.0
    return b


def _search(toks: list[_Tok], clear: Counter) -> tuple[dict[str, str], float, dict[str, list]]:
    """Beam search over code -> digit assignments (distinct digits for distinct codes)."""
    freq = Counter(c for t in toks for c in t.text if _is_code(c))
    codes = sorted(freq, key=lambda c: (c == LOSSY, -freq[c]))
    beam: list[tuple[float, dict[str, str]]] = [(0.0, {})]
    for i, code in enumerate(codes):
        done = set(codes[: i + 1])
        ready = [t for t in toks if code in t.text and all(c in done for c in t.text if _is_code(c))]
        nxt = []
        for score, amap in beam:
            used = set(amap.values())
            for d in "0123456789":
                if d in used:
                    continue
                m = dict(amap, **{code: d})
                s = score + _order_bonus(code, d, amap) + sum(_plausible("".join(m.get(c, c) for c in t.text), t.ctx, clear)
                                for t in ready)
                nxt.append((s, m))
        nxt.sort(key=lambda x: -x[0])
        beam = nxt[:BEAM]
    best_score, best = beam[0] if beam else (0.0, {})
    # how much worse is the best assignment that gives each code another digit
    margins: dict[str, list] = {}
    for code in codes:
        alt = next((s for s, m in beam if m.get(code) != best.get(code)), None)
        margins[code] = [best.get(code), None if alt is None else best_score - alt]
    return best, best_score, margins


def _decode_symbols(lines: list[str], ctx: State) -> list[str]:
    toks = _collect(lines)
    if not toks:
        return lines
    clear = Counter(re.findall(r"(?<![\d.])\d{1,4}(?![\d.])", "\n".join(lines)))
    amap, _, margins = _search(toks, clear)
    if LOSSY in amap and (margins[LOSSY][1] is None or margins[LOSSY][1] < 1):
        del amap[LOSSY]  # no evidence for what the lost digit was
    visible_digits = {d for c, d in amap.items() if c != LOSSY}  # a lost digit is none of these
    # Evidence for a code is a token whose value can be judged: a year or a day by its context,
    # or a number of three or four places. A lone symbol ("©", "•") in running text is no number.
    judged = {c for t in toks if t.ctx != "number" or len(t.text) >= 3 for c in t.text}
    for code, (digit, margin) in margins.items():
        if code != LOSSY and code in judged and digit is not None and (margin is None or margin >= 1):
            ctx.report.digit_map[code] = digit
            if margin is not None and margin < 3:
                first = next(t for t in toks if code in t.text)
                ctx.report.flag(first.line + 1, NAME, first.text,
                                f"digit code {code!r} read as {digit} on thin evidence (margin {margin:.1f})")
    out = list(lines)
    for t in sorted(toks, key=lambda t: (t.line, -t.start)):
        new = []
        for c in t.text:
            if not _is_code(c):
                new.append(c)
            elif c == LOSSY:
                new.append(_lossy(t, amap, visible_digits, clear, ctx))
            elif c in ctx.report.digit_map:
                new.append(ctx.report.digit_map[c])
            else:
                new.append(c)
        val = "".join(new)
        if val != t.text:
            line = out[t.line]
            out[t.line] = line[:t.start] + val + line[t.start + len(t.text):]
            ctx.report.count("digits: coded number decoded")
        if any(_is_code(c) for c in val):
            ctx.report.flag(t.line + 1, NAME, t.text, f"digit code left undecided: {val}")
    return out


def _lossy(t: _Tok, amap: dict[str, str], visible: set[str], clear: Counter, ctx: State) -> str:
    """U+FFFD: the lost digit is one no visible code stands for; take the document-wide choice
    only when this spot's own context prefers it too."""
    glob = amap.get(LOSSY)
    options = [d for d in "0123456789" if d not in visible]
    known = lambda d: "".join(d if c == LOSSY else ctx.report.digit_map.get(c, c) for c in t.text)
    if glob is None or any(_is_code(c) for c in known("0").replace(LOSSY, "")):
        ctx.report.flag(t.line + 1, NAME, t.text, "lost digit (U+FFFD) kept")
        return LOSSY
    local = {d: _plausible(known(d), t.ctx, clear) for d in options}
    top = max(local.values())
    if local.get(glob, -99) < top:
        ctx.report.flag(t.line + 1, NAME, t.text, "lost digit (U+FFFD) kept: context disagrees")
        return LOSSY
    ctx.report.flag(t.line + 1, NAME, t.text,
                    f"lost digit (U+FFFD) read as {glob} (document-wide evidence; "
                    f"possible: {', '.join(options)})")
    return glob


# -- heading numbers -------------------------------------------------------------------------

LABEL = re.compile(r"^(\s*)(\d{1,2}(?:\.[^\s.]{1,2}){1,3})(\.?)(?=\s)")
CHAPTER = re.compile(r"บทที่\s*(\S)(?=\s|$)")


def _label_parts(lines: list[str]) -> list[tuple[int, list[str]]]:
    out = []
    for li, line in enumerate(lines):
        m = LABEL.match(line)
        if m:
            out.append((li, m.group(2).split(".")))
    return out


def _decode_labels(lines: list[str], ctx: State) -> list[str]:
    labels = _label_parts(lines)
    out = list(lines)
    for k, (li, parts) in enumerate(labels):
        bad = [i for i, p in enumerate(parts) if not p.isdigit()]
        if len(bad) != 1 or bad[0] == 0:
            continue
        i = bad[0]
        guesses = set()
        prefix = parts[:i]
        for j in range(k - 1, -1, -1):  # previous label in the same branch
            p = labels[j][1]
            if p == prefix:
                guesses.add(1)          # right after its parent: the first child
                break
            if p[:i] == prefix and len(p) > i and p[i].isdigit():
                guesses.add(int(p[i]) + 1)
                break
            if p[:i] != prefix:
                break
        for j in range(k + 1, len(labels)):  # next label in the same branch
            p = labels[j][1]
            if p[:i] == prefix and len(p) > i and p[i].isdigit():
                guesses.add(int(p[i]) if len(p) > len(parts) else int(p[i]) - 1)
                break
            if p[:i] != prefix:
                break
        code = parts[i]
        if len(guesses) == 1 and min(guesses) > 0:
            digit = str(guesses.pop())
            m = LABEL.match(out[li])
            new = ".".join(parts[:i] + [digit] + parts[i + 1:])
            out[li] = m.group(1) + new + m.group(3) + out[li][m.end():]
            ctx.report.count("digits: heading number decoded")
            ctx.report.flag(li + 1, NAME, ".".join(parts), f"heading number read as {new} from its neighbours")
        else:
            ctx.report.flag(li + 1, NAME, ".".join(parts), "coded heading number left undecided")
    return out


def _decode_chapters(lines: list[str], ctx: State) -> list[str]:
    """บทที่ X with X a non-digit: the chapter sequence (headings, or a list of chapters) decides."""
    refs = []  # (line, start, end, char, is_heading)
    for li, line in enumerate(lines):
        for m in CHAPTER.finditer(line):
            heading = not line[: m.start()].strip() and not line[m.end():].strip()
            refs.append((li, m.start(1), m.end(1), m.group(1), heading))
    out = list(lines)
    learned: dict[str, set] = {}
    undecided = []
    for k, (li, a, b, ch, heading) in enumerate(refs):
        if ch.isdigit():
            continue
        same = [r for r in refs if r[4] == heading]
        pos = same.index(refs[k])
        guesses = set()
        prev = next((r for r in reversed(same[:pos]) if r[3].isdigit()), None)
        nxt = next((r for r in same[pos + 1:] if r[3].isdigit()), None)
        near = (lambda r: True) if heading else (lambda r: abs(r[0] - li) <= 40)
        if prev and near(prev):
            guesses.add(int(prev[3]) + sum(1 for r in same[same.index(prev) + 1: pos + 1]))
        if nxt and near(nxt):
            guesses.add(int(nxt[3]) - sum(1 for r in same[pos: same.index(nxt)]))
        learned.setdefault(ch, set()).update(guesses)
        undecided.append((li, a, b, ch, guesses))
    for li, a, b, ch, guesses in sorted(undecided, key=lambda x: (x[0], -x[1])):
        g = guesses if len(guesses) == 1 else learned.get(ch, set())
        if len(g) == 1 and min(g) > 0:
            d = str(min(g))
            out[li] = out[li][:a] + d + out[li][b:]
            ctx.report.count("digits: chapter number decoded")
            ctx.report.flag(li + 1, NAME, f"บทที่ {ch}", f"chapter number read as {d} from the chapter sequence")
        else:
            ctx.report.flag(li + 1, NAME, f"บทที่ {ch}", "coded chapter number left undecided")
    return out


def apply(lines: list[str], ctx: State) -> list[str]:
    lines = _decode_symbols(lines, ctx)
    lines = _decode_labels(lines, ctx)
    return _decode_chapters(lines, ctx)
