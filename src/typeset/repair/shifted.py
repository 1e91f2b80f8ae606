"""Rule `shifted`: marks carried one or two letters right, past spaces the extraction put in.

Justified ("Thai Distributed") Word lines come out of pdftotext and pypdf with spaces inside
words and the marks drawn over the next letter: "มีผใู ้ ช้" is มีผู้ใช้, "ให้ผอู ้ ื่น" is ให้ผู้อื่น,
"น้ นั จะ" is นั้นจะ. The letters keep their order; only the marks' places and the spaces are
wrong. So around each broken spot (a mark on a letter that cannot carry it, or a piece of one or
two letters between spaces) the stretch of Thai is read again: every mark may belong on its own
letter or on one of the two before it, the spaces inside the stretch go, and each reading is
scored against the dictionary. A reading replaces the text only when every word in it is a
dictionary word (or one the document writes) and it gains clearly.

Runs only where the raw text shows spaces inside words (see spaces.space_damage) or cells split
across a space (_SPLIT).
"""
from __future__ import annotations

import itertools
import re

from typeset.thai.chars import CONSONANTS, MARKS, TONES

from .spaces import space_damage
from .thaichars import cell_valid, order_marks

NAME = "shifted"
_STRETCH = re.compile(r"[\u0e01-\u0e4e]+(?: {1,2}[\u0e01-\u0e4e]+)*")
MAX_MARKS = 6          # readings grow as 3^marks
SHIFTS = (0, 1, 2)
MIN_GAIN = 3
PIECE = 2              # a piece this short between spaces is part of a word
CARRIERS = CONSONANTS | {"อ"}
OPEN = {"\u0e31", "\u0e47"}
VOWEL_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")


# a tone left on its letter, a space, the vowel on the next letter alone ("ข้ นึ เมื่อ")
_SPLIT = re.compile(r"[\u0e01-\u0e2e][\u0e48-\u0e4b] [\u0e01-\u0e2e][\u0e31\u0e34-\u0e39](?= |$)")
MIN_SPLITS = 2         # spots that show a document's extraction splits cells this way


def apply(lines: list[str], state) -> list[str]:
    if not space_damage(state.raw) and \
            sum(len(_SPLIT.findall(line)) for line in state.raw) < MIN_SPLITS:
        return lines
    lex = state.lexicon
    jobs = []      # (line, start, end, original, readings)
    for i, line in enumerate(lines):
        for m in _STRETCH.finditer(line):
            for a, b in _spots(m.group(), lex):
                seg = m.group()[a:b]
                readings = _readings(seg)
                if readings:
                    jobs.append((i, m.start() + a, m.start() + b, seg, readings))
    if not jobs:
        return lines
    texts = []
    for i, a, b, seg, readings in jobs:
        left, right = _context(lines[i], a, b)
        texts.append(left + seg + right)
        texts += [left + r + right for r in readings]
    uniq = list(dict.fromkeys(texts))
    segs = dict(zip(uniq, lex.segment_many(uniq)))
    val = {t: lex.value_tokens(s) for t, s in segs.items()}
    out = {i: lines[i] for i, *_ in jobs}
    k = 0
    choices = []
    for i, a, b, seg, readings in jobs:
        base_text = texts[k]
        cand = texts[k + 1:k + 1 + len(readings)]
        k += 1 + len(readings)
        base = val[base_text] - 2 * _invalid(seg)
        best, best_v = None, base + MIN_GAIN - 1
        spaced = " " in seg
        for r, t in zip(readings, cand):
            # removing a space must earn its own gain: real spaces between words cost nothing
            v = val[t] - (MIN_GAIN if spaced and " " not in r else 0)
            if v > best_v and all(_known(x, lex) for x in segs[t]):
                best, best_v = r, v
        if best is not None:
            choices.append((i, a, b, seg, best, best_v - base))
    taken: dict[int, list[tuple[int, int]]] = {}
    done = 0
    for i, a, b, seg, best, gain in sorted(choices, key=lambda c: (c[0], -c[1])):
        if any(a < y and x < b for x, y in taken.get(i, [])):
            continue          # overlapping stretches: the first reading stands
        taken.setdefault(i, []).append((a, b))
        out[i] = out[i][:a] + best + out[i][b:]
        done += 1
        if gain < 2 * MIN_GAIN and not state.trial:
            state.report.flag(i + 1, NAME, best, f"read from '{seg}' on thin evidence "
                              f"(gain {gain}): marks carried right, spaces inside the word")
    state.report.count("shifted: marks put back across spaces", done)
    return [out.get(i, line) for i, line in enumerate(lines)]


def _known(tok: str, lex) -> bool:
    return not re.match(r"[\u0e01-\u0e4e]", tok) or tok in lex.words or tok in lex.doc_words


def _invalid(s: str) -> int:
    n, base = 0, ""
    marks = ""
    for ch in s + " ":
        if ch in MARKS:
            marks += ch
            continue
        if marks and not cell_valid(base, marks):
            n += 1
        base, marks = ch, ""
    return n


def _spots(stretch: str, lex=None) -> list[tuple[int, int]]:
    """Windows of a few letters around each broken cell (a mark its letter cannot carry, ั / ็
    ending a piece before a space, or a marked piece of one or two letters that is no word, as
    "นึ" in "ข้ นึ"): three letters before it, four after (more across further short pieces)."""
    letters = [k for k, c in enumerate(stretch) if c != " " and c not in MARKS]
    if not letters:
        return []
    piece_of, pieces = {}, []
    for m in re.finditer(r"\S+", stretch):
        pieces.append((m.start(), m.end()))
        for k in range(m.start(), m.end()):
            piece_of[k] = len(pieces) - 1
    size = [sum(1 for c in stretch[a:b] if c not in MARKS) for a, b in pieces]
    broken = set()
    for n, k in enumerate(letters):
        end = letters[n + 1] if n + 1 < len(letters) else len(stretch)
        cell = stretch[k:end]
        marks = "".join(c for c in cell if c in MARKS)
        last = end == len(stretch) or stretch[end - 1] == " " or stretch[end] == " "
        edge = (last and end < len(stretch)) or (k > 0 and stretch[k - 1] == " ")
        if marks and not cell_valid(stretch[k], marks) and edge:
            broken.add(n)     # only next to a space: marks displaced inside a word are `displaced`'s
        elif last and len(pieces) > 1 and set(marks) & OPEN and not (stretch[k] == "ก" and marks == "\u0e47"):
            broken.add(n)     # ั / ็ close a syllable only with a consonant after them ("น้ นั จะ")
    if lex is not None and len(pieces) > 1:
        # a vowel carried right past the space, its tone left behind: "ข้ นึ" is ขึ้น
        first_letter = {piece_of[k]: n for n, k in reversed(list(enumerate(letters)))}
        for p in range(1, len(pieces)):
            a, b = pieces[p]
            piece, before = stretch[a:b], stretch[pieces[p - 1][0]:pieces[p - 1][1]]
            if size[p] == 1 and p in first_letter and set(piece) & VOWEL_MARKS \
                    and before[-1] in TONES and before[-2] not in MARKS and not _known(piece, lex):
                broken.add(first_letter[p])
    if stretch[0] in MARKS:
        broken.add(0)
    out: list[tuple[int, int]] = []
    for n in sorted(broken):
        lo, hi = max(0, n - 3), min(len(letters) - 1, n + 4)
        while hi + 1 < len(letters) and size[piece_of[letters[hi]]] <= PIECE:
            hi += 1
        start = letters[lo]
        end = letters[hi + 1] if hi + 1 < len(letters) else len(stretch)
        end = len(stretch[:end].rstrip(" "))
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return [(a, b) for a, b in out if " " in stretch[a:b]]


def _readings(seg: str) -> list[str]:
    """Every placement of the stretch's marks on their letter or one or two before it, once with
    the stretch's spaces where they are and once without them."""
    letters, marks, space_before = [], [], set()   # marks: (index of the letter it follows, mark)
    for ch in seg:
        if ch == " ":
            space_before.add(len(letters))
            continue
        if ch in MARKS:
            marks.append((max(len(letters) - 1, 0), ch))
        else:
            letters.append(ch)
    if not marks or len(marks) > MAX_MARKS or len(letters) > 14:
        return []
    out = set()
    for shifts in itertools.product(SHIFTS, repeat=len(marks)):
        on: dict[int, str] = {}
        ok = True
        for (at, mk), s in zip(marks, shifts):
            j = at - s
            if j < 0 or letters[j] not in CARRIERS:
                ok = False
                break
            on[j] = on.get(j, "") + mk
        if not ok or not all(cell_valid(letters[j], order_marks(m)) for j, m in on.items()):
            continue
        cells = [c + order_marks(on.get(j, "")) for j, c in enumerate(letters)]
        out.add("".join(cells))
        out.add("".join((" " if j in space_before and j else "") + c for j, c in enumerate(cells)))
    out.discard(seg)
    return sorted(out)


def _context(line: str, a: int, b: int, n: int = 12) -> tuple[str, str]:
    left = re.search(r"[\u0e01-\u0e4e]{0,%d}$" % n, line[:a]).group()
    right = re.match(r"[\u0e01-\u0e4e]{0,%d}" % n, line[b:]).group()
    return left, right
