"""Pass `isolated_codes`: a learned code standing alone after a Thai word ("ดงันี i" = ดังนี้).

The code is decoded (and its space dropped) only where that spot alone gains: the text before it,
with and without the decoded mark, is repaired by `displaced` and the two are compared by the
dictionary. A lone letter after Thai text that is not a mark ("วิตามิน K") stays. Runs before
`displaced`, which then repairs the word and its decoded mark together ("เหตนีุ i" = เหตุนี้).
"""
from __future__ import annotations

from . import displaced
from .code_spots import chunk, decoded, find_spots
from .state import State
from .normalize import normalize_line

NAME = "isolated_codes"


def apply(lines: list[str], ctx: State) -> list[str]:
    mapping = ctx.report.code_map
    spots = [s for s in find_spots(lines) if s.kind == "isolated" and s.code in mapping]
    if not spots:
        return lines
    trials = []
    for s in spots:
        left, span, right = chunk(lines[s.line], s)
        new = decoded(span, s.code, mapping[s.code])
        trials += [normalize_line(left + span + right)[0], normalize_line(left + new + right)[0]]
    trials = displaced.apply(trials, ctx.snippets(trials))
    values = ctx.lexicon.value_many(trials)
    out = list(lines)
    changed = set()
    for k, s in sorted(enumerate(spots), key=lambda x: (x[1].line, -x[1].start)):
        if values[2 * k + 1] <= values[2 * k]:
            continue
        line = out[s.line]
        out[s.line] = line[:s.start] + decoded(line[s.start:s.end], s.code, mapping[s.code]) + line[s.end:]
        changed.add(s.line)
        ctx.report.count("codes: isolated code decoded")
    return out
