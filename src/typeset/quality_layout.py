"""Justification measures from glyph positions (pdfminer.six): right edges, spaces, Thai gaps.

One pass over the PDF's pages gives every text line with its glyph boxes. From them:
- continued lines: a line followed on the page by the next line of the same paragraph; a
  justified paragraph ends each of them within 0.5 pt of the right margin (`flush`);
- real interword spaces (where the source has whitespace) and their natural width, read from
  the lines that end a paragraph (set at their natural spacing);
- gaps at non-space Thai break points (two Thai words the source writes without a space).

A glyph's box is its advance (pdfminer, as pdftotext), so a gap is exactly the glue TeX put
there. pdftotext reads a gap as a space from 0.1 x the font size (1.6 pt at 16 pt; measured in
docs/templates.md): GAP_THRESHOLD.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

THAI = re.compile(r"[\u0e01-\u0e4f]")
MARK = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")
WS = re.compile(r"\s+")
GAP_THRESHOLD = 0.1     # x font size: pdftotext (poppler's minWordBreakSpace) starts a new word
FLUSH_PT = 0.5          # a line ends at the margin within this
LEADERS = re.compile(r"[.\u2026]{5,}")   # a contents line: its gaps are leaders, not spacing
HANG_PT = 20.0
# a list label or heading number at the start of a line ("1.", "2.3.1", "(ก)", "•"): the gap after
# it is the template's label gap, not interword spacing
LABEL = re.compile(r"\(?[\d\u0e50-\u0e59\u0e01-\u0e2e.]{1,8}[.)]?|[\u2022\u25cf\u2013\-]")          # a continuation line may start this far right of the line above (list label)


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    y0: float
    height: float
    size: float                       # font size of most of its glyphs (pt)
    text: str = ""
    gaps: dict = field(default_factory=dict)   # index in text -> gap (pt) before that character


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s.replace("\u0e4d\u0e32", "\u0e33"))


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """The text lines of each page, top to bottom."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextLineHorizontal

    params = LAParams(char_margin=200.0, line_margin=0.05, word_margin=0.5)
    pages = []
    for n, page in enumerate(extract_pages(str(pdf), laparams=params)):
        # pdfminer cuts a Thai line into pieces at marks placed left of their base (ที่):
        # the pieces on one baseline are one line again, in order of their left edges
        rows: dict[int, list] = {}
        stack = [page]
        while stack:
            obj = stack.pop()
            if isinstance(obj, LTTextLineHorizontal):
                chars = [c for c in obj if isinstance(c, LTChar) and c.get_text().strip()]
                if chars:
                    key = round(min(c.y0 for c in chars) * 2)
                    for k in (key, key - 1, key + 1):
                        if k in rows:
                            key = k
                            break
                    rows.setdefault(key, []).append(chars)
                continue
            try:
                stack.extend(obj)
            except TypeError:
                pass
        # a piece of marks alone (a raised tone mark over an upper vowel) belongs to the line
        # nearest below or above it
        for key in [k for k, ps in rows.items() if all(MARK.fullmatch(c.get_text()) for cs in ps for c in cs)]:
            others = [k for k in rows if k != key and not all(MARK.fullmatch(c.get_text()) for cs in rows[k] for c in cs)]
            size = rows[key][0][0].size
            near = min(others, key=lambda k: abs(k - key), default=None)
            if near is not None and abs(near - key) / 2 < 0.6 * size:
                rows[near].extend(rows.pop(key))
        out = []
        for pieces in rows.values():
            pieces.sort(key=lambda cs: cs[0].x0)
            out.append(_line(n, [c for cs in pieces for c in cs]))
        out.sort(key=lambda l: (-l.y0, l.x0))
        pages.append(out)
    return pages


def _line(page: int, chars) -> Line:
    text, gap_at, right = "", {}, None
    for c in chars:
        adv = c.width > 0.05 * c.size           # combining marks have (almost) no advance
        if adv and right is not None and text:
            gap_at[len(text)] = c.x0 - right
        if adv:
            right = c.x1 if right is None else max(right, c.x1)
        text += c.get_text()
    size = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
    x1 = max(c.x1 for c in chars if c.width > 0.05 * c.size) if right is not None else chars[-1].x1
    # normalising may merge characters (nikhahit + aa): keep the gap indices in step
    norm = _norm(text)
    if len(norm) != len(text):
        gap_at = _reindex(text, gap_at)
    return Line(page, min(c.x0 for c in chars), x1, min(c.y0 for c in chars),
                max(c.y1 for c in chars) - min(c.y0 for c in chars), size, norm, gap_at)


def _reindex(text: str, gap_at: dict) -> dict:
    out = {}
    for k, g in gap_at.items():
        out[len(_norm(text[:k]))] = g
    return out


class SpaceIndex:
    """Where the source has whitespace, addressed by the surrounding non-space characters."""

    def __init__(self, source: str):
        flat, space_before = [], []
        pending = False
        for ch in _norm(source):
            if ch.isspace():
                pending = True
                continue
            flat.append(ch)
            space_before.append(pending)
            pending = False
        self.flat = "".join(flat)
        self.space_before = space_before

    def is_space(self, left: str, right: str) -> bool | None:
        """True/False if left+right occurs in the source with/without a space between (at every
        occurrence); None if not found or written both ways."""
        seen = set()
        k = self.flat.find(left + right)
        while k != -1 and len(seen) < 2:
            seen.add(self.space_before[k + len(left)])
            k = self.flat.find(left + right, k + 1)
        return seen.pop() if len(seen) == 1 else None


def block_ends(blocks: list[str], n: int = 8) -> set[str]:
    """The last n non-space characters of each source block: a line ending so ends a paragraph."""
    return {WS.sub("", _norm(b))[-n:] for b in blocks if WS.sub("", b)}


@dataclass
class Layout:
    continued: list[float] = field(default_factory=list)   # shortfall (pt) of each continued line
    spaces: list[float] = field(default_factory=list)      # real interword spaces (pt)
    final_spaces: list[float] = field(default_factory=list)  # ... on paragraph-final lines
    thai_gaps: list[float] = field(default_factory=list)   # gaps at non-space Thai breaks (pt)
    size: float = 0.0                                        # body font size (most common)
    examples: list = field(default_factory=list)
    short_examples: list = field(default_factory=list)


def measure_layout(pages: list[list[Line]], source: str, blocks: list[str], segmenter) -> Layout:
    index = SpaceIndex(source)
    ends = block_ends(blocks)
    out = Layout()
    sizes = Counter(l.size for p in pages for l in p for _ in range(len(l.text)))
    out.size = sizes.most_common(1)[0][0] if sizes else 0.0
    for lines in pages:
        if len(lines) < 3:
            continue
        left, right = _margins(lines)
        final = set()
        for i, a in enumerate(lines):
            flat = WS.sub("", a.text)
            if flat[-8:] in ends or any(flat.endswith(e) for e in ends if len(e) < 8):
                final.add(i)
                continue
            b = lines[i + 1] if i + 1 < len(lines) else None
            if b is None or LEADERS.search(a.text):
                continue
            if max(a.gaps.values(), default=0.0) > 0.7 * a.size:
                continue   # columns on one baseline (a table, a diagram's boxes, label and value)
            close = 0 < a.y0 - b.y0 < 1.6 * a.height and abs(a.size - b.size) < 0.2
            heading = a.size > out.size + 0.5
            centred = heading or a.x0 > left + 5 and abs((a.x0 - left) - (right - a.x1)) < 2
            if close and not centred and left - 1 <= b.x0 <= a.x0 + HANG_PT \
                    and a.x1 > left + 0.2 * (right - left):
                out.continued.append(round(right - a.x1, 2))
                if abs(right - a.x1) > FLUSH_PT and len(out.short_examples) < 10:
                    out.short_examples.append(f"p{a.page + 1} {right - a.x1:.1f}pt …{a.text[-20:]}")
        for i, a in enumerate(lines):
            if not LEADERS.search(a.text):
                _gaps(a, index, segmenter, out, i in final)
    out.examples.sort(reverse=True)
    return out


def _margins(lines: list[Line]) -> tuple[float, float]:
    """The text block's left and right edges: the outermost line edges that at least two lines
    share (a page of ragged lines still has a few at the margin; a quotation's narrower edge,
    however common, is inside it; one overfull line is not the margin)."""
    lefts, rights = Counter(round(l.x0, 1) for l in lines), Counter(round(l.x1, 1) for l in lines)
    left = min((v for v, c in lefts.items() if c >= 2), default=lefts.most_common(1)[0][0])
    right = max((v for v, c in rights.items() if c >= 2), default=rights.most_common(1)[0][0])
    return left, right


def _gaps(line: Line, index: SpaceIndex, segmenter, out: Layout, final: bool) -> None:
    text = line.text
    breaks = set()
    if THAI.search(text):
        pos = 0
        for chunk in segmenter.split(text)[:-1]:
            pos += len(chunk)
            if THAI.match(text[pos - 1]) and THAI.match(text[pos:pos + 1]):
                breaks.add(pos)
    for k, g in line.gaps.items():
        left, rgt = text[max(0, k - 10):k], text[k:k + 10]
        if k <= 9 and LABEL.fullmatch(text[:k]) and g > 0.5:
            continue
        space = index.is_space(left, rgt) if (g > 0.5 or k in breaks) else False
        if space:
            out.spaces.append(g)
            if final:
                out.final_spaces.append(g)
        elif k in breaks and space is False:
            out.thai_gaps.append(max(g, 0.0))
            if g > 1.0:
                out.examples.append((round(g, 2), f"p{line.page + 1} {left}|{rgt} {g:.1f}pt"))


def natural_space(layout: Layout) -> float:
    """The natural interword space: the median space on paragraph-final lines (not stretched),
    else the 10th percentile of all spaces."""
    vals = sorted(layout.final_spaces if len(layout.final_spaces) >= 20 else layout.spaces)
    if not vals:
        return 0.0
    k = len(vals) // 2 if len(layout.final_spaces) >= 20 else len(vals) // 10
    return vals[k]
