"""How a GFM table fits the page: column specs, font size, orientation, column groups.

Widths are estimated from the font's own advance widths (fontTools), in points, against the
text width the page settings give. The first layout that fits wins:
  body size, then smaller sizes, on the portrait page; then the smallest size on a landscape
  page (pdflscape); each first with natural columns (l/c/r), then with wrapping X columns
  (xltabular) no narrower than the longest word of the column.
A table that fits none of these is set in column groups on landscape pages, one after another,
each repeating the first column when it is narrow (row labels). No cell is ever cut off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from typeset.config.schema import PAPER_PT, length_pt
from typeset.source import nodes as n

# (landscape, size factor of the body size, \tabcolsep in pt), tried in this order
TRIALS = [(False, 1.0, 6.0), (False, 0.875, 4.0), (False, 0.75, 3.0), (True, 0.75, 3.0)]
GROUP_TRIAL = TRIALS[-1]          # the layout of column groups
SAFETY = 1.08                     # estimates run a little short of what TeX sets (bold header, kerning)
UNKNOWN_EM = 0.6                  # a character the font file has no width for
SPACE = re.compile(r"\s+")


@dataclass
class Panel:
    columns: list[int]            # indices into the table's columns
    env: str                      # longtable | xltabular
    cols: Markup                  # the column spec


@dataclass
class Layout:
    landscape: bool = False
    size: Markup | None = None    # \fontsize{…}{…}\selectfont when smaller than the body
    tabcolsep: Markup | None = None
    panels: list[Panel] = field(default_factory=list)


@lru_cache(maxsize=8)
def _advances(font_file: str) -> tuple[dict[int, float], float]:
    """Advance width in em of every mapped character of the font file, and its space width."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(font_file, lazy=True)
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        widths = {cp: hmtx[g][0] / upm for cp, g in font.getBestCmap().items()}
        font.close()
    except Exception:   # no file or unreadable: fall back to a flat estimate
        widths = {}
    return widths, widths.get(32, 0.25)


class Measure:
    """Text width in points at a given size for the document's body font."""

    def __init__(self, font_file: str | None, scale: float, split=None):
        self.widths, self.space = _advances(font_file) if font_file else ({}, 0.25)
        self.scale = scale
        self.split = split or (lambda text: [text])   # Thai break points (Segmenter.split)

    def em(self, text: str) -> float:
        w = self.widths
        return sum(w.get(ord(c), 0.0 if _is_mark(c) else UNKNOWN_EM) for c in text) * self.scale

    def cell(self, text: str) -> tuple[float, float]:
        """(natural width, widest unbreakable piece) of one cell, in em."""
        words = [w for w in SPACE.split(text.strip()) if w]
        if not words:
            return 0.0, 0.0
        natural = sum(self.em(w) for w in words) + self.space * self.scale * (len(words) - 1)
        widest = max(self.em(piece) for w in words for piece in self.split(w))
        return natural * SAFETY, widest * SAFETY


def _is_mark(c: str) -> bool:
    import unicodedata
    return unicodedata.category(c) in ("Mn", "Me", "Cf")


def page_widths(settings: dict) -> tuple[float, float]:
    """(text width, text height) in points from paper and margins."""
    paper, m = PAPER_PT.get(settings.get("paper"), PAPER_PT["a4"]), settings.get("margins", {})
    try:
        width = paper[0] - length_pt(m["left"]) - length_pt(m["right"]) - length_pt(m.get("binding", "0pt"))
        height = paper[1] - length_pt(m["top"]) - length_pt(m["bottom"])
    except Exception:   # validated settings always parse; stay safe for hand-made configs
        width, height = 6 * 72.27, 9 * 72.27
    return width, height


def column_widths(t: n.Table, measure: Measure) -> tuple[list[float], list[float]]:
    """Per column: natural width and minimum (longest unbreakable piece), in em of the table font."""
    k = len(t.align)
    nat, low = [0.0] * k, [0.0] * k
    for row in ([t.header] if t.header else []) + list(t.rows):
        for i, cell in enumerate(row[:k]):
            a, b = measure.cell(n.plain_text(cell))
            nat[i], low[i] = max(nat[i], a), max(low[i], b)
    return nat, low


def _spec(t: n.Table, columns: list[int], nat, low, avail: float) -> Panel | None:
    """A panel for `columns` within `avail` points of content width (seps taken off), or None."""
    nw, lw = [nat[i] for i in columns], [low[i] for i in columns]
    if sum(nw) <= avail:
        return Panel(columns, "longtable", Markup("".join(t.align[i] for i in columns)))
    if sum(lw) > avail:
        return None
    # share the room beyond each column's longest word in proportion to what it would like
    extra, want = avail - sum(lw), sum(a - b for a, b in zip(nw, lw))
    widths = [b + extra * (a - b) / want if want else b for a, b in zip(nw, lw)]
    fixed = [w >= a - 0.5 for w, a in zip(widths, nw)]   # already natural: keep l/c/r
    xs = [w for w, f in zip(widths, fixed) if not f]
    mean = sum(xs) / len(xs) if xs else 1.0
    cols = []
    for i, w, f in zip(columns, widths, fixed):
        if f:
            cols.append(t.align[i])
        else:
            ragged = {"l": r"\raggedright", "c": r"\centering", "r": r"\raggedleft"}[t.align[i]]
            cols.append(r">{\hsize=" + f"{w / mean:.3f}" + r"\hsize" + ragged + r"\arraybackslash}X")
    return Panel(columns, "xltabular", Markup("".join(cols)))


def layout(t: n.Table, measure: Measure, settings: dict) -> Layout:
    body = length_pt(settings["font"]["size"])
    width, height = page_widths(settings)
    nat_em, low_em = column_widths(t, measure)
    k = len(t.align)

    def attempt(trial, columns):
        landscape, factor, sep = trial
        size = body * factor
        avail = (height if landscape else width) - 2 * sep * len(columns)
        return _spec(t, columns, [w * size for w in nat_em], [w * size for w in low_em], avail)

    def make(trial, panels) -> Layout:
        landscape, factor, sep = trial
        out = Layout(landscape=landscape, panels=panels)
        if factor != 1.0:
            size = body * factor
            out.size = Markup(rf"\fontsize{{{size:.1f}pt}}{{{size * 1.2:.1f}pt}}\selectfont")
        if sep != 6.0:
            out.tabcolsep = Markup(f"{sep:g}pt")
        return out

    everything = list(range(k))
    for trial in TRIALS:
        panel = attempt(trial, everything)
        if panel:
            return make(trial, [panel])
    # row labels: a first column up to a fifth of the landscape width repeats in every group
    repeat = k > 2 and nat_em[0] * body * GROUP_TRIAL[1] <= height / 5
    return make(GROUP_TRIAL, _groups(k, repeat, lambda cols: attempt(GROUP_TRIAL, cols)))


def _groups(k: int, repeat: bool, fits) -> list[Panel]:
    """Columns in groups left to right, each as wide as fits."""
    panels, start = [], 0
    while start < k:
        lead = [0] if (repeat and start > 0) else []
        end = start + 1
        best = fits(lead + [start]) or _forced(lead + [start])
        while end < k:
            p = fits(lead + list(range(start, end + 1)))
            if p is None:
                break
            best, end = p, end + 1
        panels.append(best)
        start = end
    return panels


def _forced(columns: list[int]) -> Panel:
    """One column wider than a landscape page (a single huge word): wrap it anyway."""
    return Panel(columns, "xltabular",
                 Markup("".join(r">{\raggedright\arraybackslash}X" for _ in columns)))
