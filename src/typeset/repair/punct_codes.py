"""Pass `punct_codes`: a punctuation character that a diagram's font used as a mark code,
decided spot by spot ("แนวโน้มการเปลี.ยนแปลง" = เปลี่ยนแปลง).

'.' (or '-', ':') is mostly real punctuation ("ค.ศ.", "รัสเซีย-เกาหลีเหนือ"), so the document-wide
cipher in `codes` rightly refuses it. Here each spot where such a character sits between two Thai
letters is tried alone: it is decoded only where that spot clearly gains (a word outside the
dictionary and the document's vocabulary becomes a dictionary or document word) and the spot is
not an abbreviation (a single Thai letter before or after the dot: ค.ศ., พ.ศ., ก.ย.). Every
decision is reported as an uncertain spot.
"""
from __future__ import annotations

import re

from .code_spots import CANDIDATES, COMBINING, Spot, chunk, abbreviation, is_punct
from .state import State
from .normalize import normalize_line
from .thaichars import THAI_RUN

NAME = "punct_codes"
MIN_GAIN = 4     # segmentation value the spot must gain
MARGIN = 3       # over the next best candidate
MIN_WORD = 3     # the word made at the spot: at least this many characters

# a punctuation character between two Thai letters (not ๆ / ฯ, which are Thai punctuation)
_SPOT = re.compile(r"(?<=[\u0e01-\u0e4e])([^\u0e01-\u0e5b\s\w])(?=[\u0e01-\u0e4e])")
def _word_at(toks: list[str], at: int) -> str:
    pos = 0
    for t in toks:
        if pos <= at < pos + len(t):
            return t
        pos += len(t)
    return ""


def apply(lines: list[str], ctx: State) -> list[str]:
    learned = ctx.report.code_map
    # a code the codes rule found too thinly used in this document is not decided here either
    thin = ctx.learned.get("codes: too few uses", set())
    spots: list[Spot] = []
    for li, line in enumerate(lines):
        for m in _SPOT.finditer(line):
            ch = m.group(1)
            if ch in learned or ch in thin or not is_punct(ch) or abbreviation(line, m.start()):
                continue
            spots.append(Spot(li, m.start(), m.end(), ch, "glued"))
    if not spots:
        return lines
    lex = ctx.lexicon
    vocab = ctx.document_vocabulary(lines)
    known = lambda w: w in lex.words or vocab.get(w, 0) >= 2  # noqa: E731
    texts, where = [], []
    for s in spots:
        left, span, right = chunk(lines[s.line], s)
        texts.append(left + span + right)
        where.append(len(left))
        for thai in CANDIDATES:
            texts.append(normalize_line(left + thai + right)[0])
    segs = lex.segment_many(texts)
    vals = [lex.value_tokens(t) for t in segs]
    k = len(CANDIDATES) + 1
    out = list(lines)
    for n, s in sorted(enumerate(spots), key=lambda x: (x[1].line, -x[1].start)):
        base, at = vals[n * k], where[n]
        # the spot must sit in damaged text: a Thai token next to it is outside the vocabulary
        before = [t for t in segs[n * k] if THAI_RUN.fullmatch(t)]
        if all(known(t) for t in before):
            continue
        ranked = sorted(range(len(CANDIDATES)), key=lambda c: -vals[n * k + 1 + c])
        best, second = ranked[0], ranked[1]
        gain = vals[n * k + 1 + best] - base
        if gain < MIN_GAIN or vals[n * k + 1 + best] - vals[n * k + 1 + second] < MARGIN:
            continue
        word = _word_at(segs[n * k + 1 + best], at)
        if len(word) < MIN_WORD or not known(word):
            continue
        thai = CANDIDATES[best]
        if thai not in COMBINING:
            continue  # a leading vowel for '.' is too bold a guess
        line = out[s.line]
        out[s.line] = line[:s.start] + thai + line[s.end:]
        ctx.report.count("codes: punctuation decoded at one spot")
        ctx.report.spot_codes.add(s.code)
        ctx.report.flag(s.line + 1, NAME, out[s.line].strip()[:60],
                        f"{s.code!r} read as the mark {thai} here only (makes '{word}'; "
                        f"score {gain:+d}, next best {CANDIDATES[second]})")
    return out
