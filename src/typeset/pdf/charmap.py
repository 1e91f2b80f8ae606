"""Which character each glyph is: learned per font and glyph id from the witnesses a PDF holds.

Witnesses, strongest first:
- the embedded font program's own cmap (the type designer's, kept in Word's subsets): a glyph it
  maps to one character is that character, whatever the ToUnicode map says;
- the glyph's shape: a glyph with no advance is a mark; a sara aa box with ink above the letter
  height is sara am (its nikhahit circle), one without is sara aa;
- the PDF's ToUnicode map (Word writes the first character it drew a glyph for, so า/ำ are
  confused either way and the nikhahit glyph maps to nothing or to a space), private-use code
  points read through typeset.thai.pua;
- the dictionary, for a mark glyph nothing above names (typeset.pdf.marks decides those).

A glyph is never changed when the witnesses agree.
"""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from typeset.pdf.symbol import from_symbol, is_symbol_code
from typeset.thai.chars import (  # noqa: F401 (CONSONANTS, MARKS, SARA_*: the pdf modules read them here)
    CONSONANTS, LOWER_VOWELS, MARKS, NIKHAHIT, OTHER_MARKS, SARA_AA, SARA_AM, TONES, UPPER_VOWELS)
from typeset.thai.pua import from_pua

# consonants with neither ascender nor descender: their tops give the letter height of a font
_FLAT = set("กขคฆงจฉชซฌดตถทธนบผพภมยรลวษสหอฮ")
UPPER = UPPER_VOWELS | TONES | OTHER_MARKS        # drawn above the letter (ํ ๎ too)
LOWER = LOWER_VOWELS
PLACEHOLDER, PLACEHOLDER_END = "\ue000", "\ue800"   # marks waiting for the dictionary


@dataclass
class Reading:
    char: str                  # the decided text of the glyph ("" draws nothing)
    said: str                  # what the ToUnicode map said
    evidence: str = ""         # why it differs from `said` (empty when it does not)
    candidates: str = ""       # for a mark nothing names: the marks its position allows
    count: int = 0
    pages: tuple = ()          # the pages it is drawn on


@dataclass
class FontReadings:
    name: str
    readings: dict = field(default_factory=dict)    # gid (or -1-code) -> Reading

    def corrected(self) -> list[tuple[int, Reading]]:
        return sorted((k, r) for k, r in self.readings.items() if r.evidence)


def key(g) -> int:
    return g.gid if g.gid >= 0 else -1 - g.code


def learn(pages, fonts) -> list[FontReadings]:
    """Decide every (font, glyph) of the document; set g.char on every glyph."""
    by_font: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for p in pages:
        for g in p.glyphs:
            by_font[g.font][key(g)].append(g)
    out = []
    unknown: list[Reading] = []
    for fi, glyphs in by_font.items():
        facts = fonts[fi] if 0 <= fi < len(fonts) else None
        fr = FontReadings(facts.name if facts else "?")
        said = {k: Counter(g.text for g in gs).most_common(1)[0][0] for k, gs in glyphs.items()}
        top = _letter_top(facts, said)
        for k, gs in glyphs.items():
            r = _decide(facts, k, said[k], gs[0], top)
            r.count = len(gs)
            r.pages = tuple(sorted({g.page for g in gs}))
            fr.readings[k] = r
            if r.candidates:
                r.char = chr(ord(PLACEHOLDER) + len(unknown))
                unknown.append(r)
            for g in gs:
                g.char = r.char
        out.append(fr)
    return out


def _letter_top(facts, said: dict) -> float | None:
    """The top of the flat consonants of a font, per 1 pt of size."""
    if facts is None or facts.program is None:
        return None
    tops = []
    for k, text in said.items():
        ch = _cmap_char(facts, k) or from_pua(text)
        if len(ch) == 1 and ch in _FLAT and k >= 0:
            s = facts.shape(k)
            if s is not None and not s.empty:
                tops.append(s.y1)
    return statistics.median(tops) if tops else None


def _cmap_char(facts, k: int) -> str:
    if facts is None or k < 0:
        return ""
    chars = facts.cmap_chars.get(k, [])
    thai = [c for c in chars if "\u0e00" <= c <= "\u0e7f"]
    if thai:
        return thai[0]
    return chars[0] if chars else ""


def _decide(facts, k: int, said: str, g, top: float | None) -> Reading:
    text = from_pua(said)
    if is_symbol_code(text) and from_symbol(text) != text:
        return Reading(from_symbol(text), said, "Symbol-font code (Adobe Symbol encoding)")
    shape = facts.shape(k) if facts is not None and k >= 0 else None
    zero = abs(g.adv) < 0.02 * max(g.size, 1)          # draws no advance: a mark's glyph
    chars = facts.cmap_chars.get(k, []) if facts is not None and k >= 0 else []
    if chars:
        if text in chars or (len(text) > 1 and text[:1] in chars and not _thai(text)):
            return Reading(text, said, "" if text == said else "private-use code point")
        if len(text) > 1 and not _thai(text) and not _thai("".join(chars)):
            return Reading(text, said)             # a ligature (fi) the cmap lists by a part
        c = _cmap_char(facts, k)
        if c.isspace() and zero and shape is not None and not shape.empty:
            c = ""                                   # an inked zero-width "space" is not one
        else:
            return Reading(c, said, f"embedded font's cmap says U+{ord(c):04X}")
    if text in (SARA_AA, SARA_AM) and shape is not None and top is not None and not shape.empty:
        circle = shape.y1 > top + 0.1
        c = SARA_AM if circle else SARA_AA
        if c != text:
            why = "ink above the letter height (nikhahit circle)" if circle else \
                "no nikhahit circle above the letter height"
            return Reading(c, said, f"glyph shape: {why}")
        return Reading(c, said)
    if zero and (not text.strip() or (len(text) == 1 and text not in MARKS and _thai(text))):
        # a mark's glyph the text layer names wrong or not at all: its position says which kind
        if shape is not None and not shape.empty:
            if top is not None and shape.y1 < 0.05:
                cands = "".join(sorted(LOWER))
            elif top is not None and shape.y0 > top * 0.9:
                cands = "".join(sorted(UPPER))
            else:
                cands = "".join(sorted(MARKS))
        elif not text.strip() and not shape:
            return Reading(text, said)
        else:
            cands = "".join(sorted(MARKS))
        return Reading("", said, "no advance, drawn as a mark; text layer says "
                       f"{_show(said)}", cands)
    if text != said:
        return Reading(text, said, "private-use code point")
    return Reading(text, said)


def _thai(s: str) -> bool:
    return any("\u0e01" <= c <= "\u0e5b" for c in s)


def _show(s: str) -> str:
    if not s:
        return "nothing"
    return " ".join(f"U+{ord(c):04X}" for c in s)
