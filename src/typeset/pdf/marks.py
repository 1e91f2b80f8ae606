"""Name the mark glyphs no witness names (the text layer drops them, the font has no cmap):
each such glyph is one mark for all its uses, so try each mark its position allows in every
word it appears in and keep the one that makes the most dictionary words."""
from __future__ import annotations

import re
from functools import lru_cache

from typeset.pdf.charmap import PLACEHOLDER, PLACEHOLDER_END, SARA_AA, NIKHAHIT

_WORD = re.compile(r"[\u0e01-\u0e5b\ue000-\ue7ff]+")
MAX_SAMPLES = 60


def resolve(lines, readings) -> None:
    """Replace each placeholder in lines[i].text by its mark; record the evidence."""
    pending = {}
    for fr in readings:
        for k, r in fr.readings.items():
            if r.candidates and PLACEHOLDER <= r.char < PLACEHOLDER_END:
                pending[r.char] = r
    if not pending:
        return
    from typeset.pdf.lines import tidy

    lex = lexicon()
    samples: dict[str, list[str]] = {p: [] for p in pending}
    for ln in lines:
        if not any(PLACEHOLDER <= c < PLACEHOLDER_END for c in ln.text):
            continue
        for w in _WORD.findall(ln.text):
            for p in set(w) & pending.keys():
                if len(samples[p]) < MAX_SAMPLES:
                    samples[p].append(w)
    table = {}
    for p, r in pending.items():
        words = samples[p]
        others = {q: "" for q in pending if q != p}      # other unknowns: left out meanwhile
        best, best_v = None, None
        texts = []
        for c in r.candidates:
            texts += [tidy(w.replace(p, c)).translate(str.maketrans(others)) for w in words]
        vals = lex.value_many(texts) if texts else []
        n = len(words)
        for i, c in enumerate(r.candidates):
            v = sum(vals[i * n:(i + 1) * n])
            # nikhahit before sara aa is what Word leaves unmapped most: it wins a tie
            if c == NIKHAHIT and any(p + SARA_AA in w for w in words):
                v += 0.5
            if best_v is None or v > best_v:
                best, best_v = c, v
        table[p] = best or ""
        r.char = best or ""
        r.evidence += (f"; the dictionary reads it as U+{ord(best):04X} in {n} words" if best
                       else "; dropped")
    tr = str.maketrans(table)
    for ln in lines:
        if any(PLACEHOLDER <= c < PLACEHOLDER_END for c in ln.text):
            ln.text = tidy(ln.text.translate(tr))
            for g in ln.glyphs:
                if g.char in table:
                    g.char = table[g.char]


@lru_cache(maxsize=1)
def lexicon():
    from typeset.repair.lexicon import Lexicon

    return Lexicon()
