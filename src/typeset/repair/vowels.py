"""Rule `vowels`: sara aa (า) and sara am (ำ) extracted one for the other, learned per document.

Some Word fonts put า and ำ on glyphs whose text map is the other one: "กำร", "ควำม" for การ,
ความ, or "ลาดับ", "สาหรับ" for ลำดับ, สำหรับ; pypdf and pdftotext also leave a space before
a real ำ ("บทน ำ"). No Thai syllable starts with ะ า ำ ๅ, so that space is dropped first.

Then every า and ำ is tried as the other letter in its Thai run and the two readings are scored
against the dictionary and the document's own words. A direction (ำ read for า, or า for ำ) is
taken on for this document only when a clear share of its letters gain from the change
(DIRECTION_SHARE, at least MIN_FIXES of them); clean text has next to none, so it is never
touched. Inside a direction taken on, each letter is read as the likelier word (thai.likely:
corpus word counts, in the context of its neighbours' reading) weighed by how often this
document misreads the other letter; runs the document also writes as they are elsewhere (a
name written consistently) stay as written.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from typeset.thai.chars import SARA_AA, SARA_AM, THAI_RUN

from typeset.thai import likely

NAME = "vowels"

# a space a following vowel cannot start a syllable after
_SPACE_BEFORE_FOLLOWING = re.compile(r"(?<=[\u0e01-\u0e2e\u0e31-\u0e3a\u0e47-\u0e4e]) +(?=[\u0e30\u0e32\u0e33\u0e45])")
_RUN = THAI_RUN
CONTEXT = 12            # Thai letters each side scored with the letter
MIN_GAIN = 2            # value a change must win by (Lexicon.value_tokens units)
DIRECTION_SHARE = 0.05  # share of one letter's uses that must gain (clean text: under 1 %)
MIN_FIXES = 5
SWAP = {SARA_AA: SARA_AM, SARA_AM: SARA_AA}
# each letter is read in the context of the others as last read: the first pass reads them
# against the text as printed, the second against the first's reading ("ที่นำควำมมำ": นำ is
# only clear once ความ and มา are read)
PASSES = 2


def apply_clear(lines: list[str], ctx) -> list[str]:
    """Early run (before the mark rules): taken on only where most decided letters gain, so
    text still full of displaced marks (which makes some flips look good) is left for `apply`."""
    return apply(lines, ctx, strict=True)


def apply(lines: list[str], ctx, strict: bool = False) -> list[str]:
    lines, spaced = _drop_spaces(lines, ctx)
    lex = ctx.lexicon
    # runs the document writes standing alone: kept as written unless the change gains clearly
    alone = Counter(w for line in lines for w in line.split() if _RUN.fullmatch(w))
    spots = [(i, m.start() + k) for i, line in enumerate(lines) for m in _RUN.finditer(line)
             for k, ch in enumerate(m.group()) if ch in SWAP]
    if not spots:
        return lines
    gains = _gains(lines, spots, lex)
    # a second run (after the spaces rule) keeps what the first learned
    prior = ctx.learned.get(NAME)
    if prior is None:
        prior = _learn(lines, spots, gains, spaced, ctx, strict)
        if prior or not strict:
            ctx.learned[NAME] = prior
    if not prior:
        return lines
    reading = lines
    for _ in range(PASSES):
        odds = _likelier(lines, reading, spots, prior, spaced)
        rows = [list(line) for line in lines]
        changed = 0
        for (i, j), g, lg in zip(spots, gains, odds):
            if lg is None or lg <= 0:
                continue      # not likelier than as printed
            word = _word_at(lines[i], j)
            if alone.get(word, 0) >= 3 and g < 2 * MIN_GAIN and \
                    _word_at(lines[i][:j] + SWAP[lines[i][j]] + lines[i][j + 1:], j) not in ctx.lexicon.words:
                continue          # written this way on its own often: a name, or the right reading
            rows[i][j] = SWAP[lines[i][j]]
            changed += 1
        changed += _pairs(lines, reading, rows, spots, odds, prior, spaced)
        reading = ["".join(r) for r in rows]
    ctx.report.count("vowels: sara aa / sara am corrected", changed)
    return reading


def _drop_spaces(lines: list[str], ctx) -> tuple[list[str], set[tuple[int, int]]]:
    """Remove the space before a following vowel; remember where a vowel had one (a form of
    its own: in some extractions the real ำ comes spaced and the misread one glued)."""
    out, spaced = [], set()
    for i, line in enumerate(lines):
        pos, parts, last = 0, [], 0
        for m in _SPACE_BEFORE_FOLLOWING.finditer(line):
            parts.append(line[last:m.start()])
            pos += m.start() - last
            spaced.add((i, pos))
            last = m.end()
        parts.append(line[last:])
        ctx.report.count("vowels: space before a following vowel removed", len(parts) - 1)
        out.append("".join(parts))
    return out, spaced


def _learn(lines, spots, gains, spaced, ctx, strict=False) -> dict[tuple[str, bool], float]:
    """Per form (letter, spaced or not): is it read for the other letter in this document?
    Returns, for the forms taken on, how often the other letter is misread as this one."""
    stats: dict[tuple[str, bool], list[int]] = {}
    for (i, j), g in zip(spots, gains):
        st = stats.setdefault((lines[i][j], (i, j) in spaced), [0, 0, 0])   # fix, keep, all
        st[0] += g >= MIN_GAIN
        st[1] += g <= -MIN_GAIN
        st[2] += 1
    prior = {}
    for (letter, sp), (fix, keep, n) in sorted(stats.items()):
        if fix >= MIN_FIXES and fix >= DIRECTION_SHARE * n and (not strict or fix > keep):
            # how often the other letter comes out as this one: its misread uses against the
            # uses it kept its own form in (the word model already knows which letter is common)
            kept_own = stats.get((SWAP[letter], sp), [0, 0, 0])[2]
            rate = fix / (fix + kept_own)
            prior[(letter, sp)] = rate
            name = {SARA_AM: "sara am", SARA_AA: "sara aa"}
            ctx.report.decide(f"{name[letter]}{' after a space' if sp else ''} extracted for "
                              f"{name[SWAP[letter]]}: {fix} of {n} gain from the change, {keep} lose "
                              f"({rate:.0%} of {name[SWAP[letter]]} misread; each letter read as "
                              f"the likelier word)")
    return prior


def _word_at(line: str, j: int) -> str:
    a = line.rfind(" ", 0, j) + 1
    b = line.find(" ", j)
    return line[a:] if b < 0 else line[a:b]


def _window(line: str, j: int) -> tuple[int, int]:
    m = None
    for m in _RUN.finditer(line):
        if m.start() <= j < m.end():
            break
    a, b = m.start(), m.end()
    return max(a, j - CONTEXT), min(b, j + CONTEXT + 1)


def _gains(lines: list[str], spots: list[tuple[int, int]], lex) -> list[int]:
    texts = []
    for i, j in spots:
        a, b = _window(lines[i], j)
        s = lines[i][a:b]
        k = j - a
        texts.append(s)
        texts.append(s[:k] + SWAP[s[k]] + s[k + 1:])
    vals = _values(texts, lex)
    return [vals[2 * n + 1] - vals[2 * n] for n in range(len(spots))]


def _pairs(lines, reading, rows, spots, odds, prior, spaced) -> int:
    """Two letters close together that only read as a word changed both ("นำนำชาติ" is
    นานาชาติ, but neither นานำ nor นำนา is anything): flipped together where that is likelier
    than the text as printed and than either letter changed alone."""
    done = 0
    for n in range(len(spots) - 1):
        (i, j), (i2, j2) = spots[n], spots[n + 1]
        if i != i2 or j2 - j > 3 or lines[i][j] != lines[i][j2] or rows[i][j] != lines[i][j] \
                or rows[i][j2] != lines[i][j2] or " " in lines[i][j:j2]:
            continue
        rate = prior.get((lines[i][j], (i, j) in spaced))
        if rate is None or odds[n] is None or odds[n + 1] is None:
            continue
        left, _ = _letters_around(reading[i], j)
        _, right = _letters_around(reading[i], j2)
        s = left + lines[i][j] + reading[i][j + 1:j2] + lines[i][j2] + right
        k, k2 = len(left), len(left) + j2 - j
        both = s[:k] + SWAP[s[k]] + s[k + 1:k2] + SWAP[s[k2]] + s[k2 + 1:]
        lg = likely.gain(s, both) + 2 * math.log(rate)
        if lg > 0 and lg > max(odds[n], odds[n + 1]) + 1:
            rows[i][j], rows[i][j2] = SWAP[lines[i][j]], SWAP[lines[i][j2]]
            done += 2
    return done


def _likelier(lines, reading, spots, prior, spaced) -> list[float | None]:
    """Per spot, for a form taken on: log of (the other letter's reading is the likelier) odds,
    the word model's preference plus how often this document misreads the other letter; the
    letters around it as `reading` has them."""
    out: list[float | None] = []
    for i, j in spots:
        rate = prior.get((lines[i][j], (i, j) in spaced))
        if rate is None:
            out.append(None)
            continue
        left, right = _letters_around(reading[i], j)
        s = left + lines[i][j] + right
        k = len(left)
        out.append(likely.gain(s, s[:k] + SWAP[s[k]] + s[k + 1:]) + math.log(rate))
    return out


def _letters_around(line: str, j: int) -> tuple[str, str]:
    """CONTEXT Thai letters each side of j, read across single spaces between Thai letters
    (a letter-spaced line, "ส ำหรั บ", is one word to the word model)."""
    def walk(k: int, step: int) -> str:
        got = []
        while 0 <= k < len(line) and len(got) < CONTEXT:
            c = line[k]
            if c == " " and 0 <= k + step < len(line) and _RUN.match(line[k + step]) \
                    and _RUN.match(line[k - step]) and line[k + step] != " ":
                k += step
                continue
            if not _RUN.match(c):
                break
            got.append(c)
            k += step
        return "".join(got if step > 0 else reversed(got))
    return walk(j - 1, -1), walk(j + 1, 1)


def _values(texts: list[str], lex) -> list[int]:
    uniq = list(dict.fromkeys(texts))
    v = dict(zip(uniq, lex.value_many(uniq)))
    return [v[t] for t in texts]
