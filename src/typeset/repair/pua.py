"""Rule `pua`: private-use mark code points (U+F700-U+F71A) read by the standard Thai PUA table,
then checked like any other code: where the document's own words say a code stands for another
mark (a font with its own private layout), the code is left for the `codes` rule to learn.
"""
from __future__ import annotations

import re

from typeset.thai.pua import PUA_CHARS, PUA_TO_THAI

NAME = "pua"
_PUA = re.compile("[" + "".join(sorted(PUA_CHARS)) + "]")
_AROUND = 12
SAMPLE = 40
MIN_GAIN_PER_USE = 0.5     # an alternative must beat the table by this much per context
ALTERNATIVES = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"


def apply(lines: list[str], ctx) -> list[str]:
    found: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        for m in _PUA.finditer(line):
            found.setdefault(m.group(), []).append((i, m.start()))
    if not found:
        return lines
    table = {}
    for code, spots in found.items():
        std = PUA_TO_THAI[ord(code)]
        other = _better(code, std, spots, lines, ctx)
        if other is None:
            table[code] = std
            ctx.report.code_map[code] = std
            ctx.report.code_evidence[code] = f"standard Thai PUA table, {len(spots)} uses"
        else:
            ctx.report.flag(spots[0][0] + 1, NAME, lines[spots[0][0]].strip()[:60],
                            f"U+{ord(code):04X} reads better as {other} than as the table's {std}: "
                            "left for the codes rule")
    if table:
        ctx.report.decide(f"private-use marks read by the Thai PUA table: "
                          f"{sum(len(found[c]) for c in table)} characters")
    tr = str.maketrans(table)
    out = [line.translate(tr) for line in lines]
    ctx.report.count("pua: private-use marks decoded", sum(len(found[c]) for c in table))
    return out


def _better(code: str, std: str, spots, lines, ctx) -> str | None:
    """Another mark the contexts read clearly better with, or None (the table stands)."""
    sample = spots[:: max(1, len(spots) // SAMPLE)][:SAMPLE]
    cands = [std] + [c for c in ALTERNATIVES if c != std]
    texts = []
    for i, j in sample:
        s = lines[i][max(0, j - _AROUND):j + _AROUND]
        texts += [_PUA.sub(lambda m: PUA_TO_THAI[ord(m.group())], s.replace(code, c)) for c in cands]
    vals = ctx.lexicon.value_many(texts)
    n = len(cands)
    totals = [sum(vals[k * n + c] for k in range(len(sample))) for c in range(n)]
    best = max(range(n), key=lambda c: totals[c])
    if best and totals[best] - totals[0] >= MIN_GAIN_PER_USE * len(sample) and len(sample) >= 3:
        return cands[best]
    return None
