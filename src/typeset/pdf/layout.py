"""Lines -> paragraphs in reading order, by geometry.

Per page: two columns when a gutter separates many lines (then the left column is read before
the right, band by band between full-width lines); fragments of one row joined otherwise.
Across pages: running headers and footers (the same text, digits aside, at the same place on
several pages) and page numbers are dropped and reported. A paragraph ends at a vertical gap
wider than the usual line pitch, a first-line indent, a short line, a change of size or weight,
or a list label.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from typeset.notice import Notice
from typeset.pdf.lines import Line

# placeholder lines of typeset.pdf.diagram, .tables and .figures: a paragraph each
DIAGRAM = ("TSD", "TST", "TSF", "TSN")
MARGIN = 0.2           # the top/bottom share of a page where running heads and page numbers live
_PAGE_NO = re.compile(r"^[-–(\[]?\s*(?:\d{1,4}|[๐-๙]{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3}|[ก-ฮ])\s*[-–)\]]?$",
                      re.I)
_LABEL = re.compile(r"^(?:[-•●○■□◆▪➢✓*]\s?|(?:\(?\d{1,2}[.)]|\(?[ก-ฮ][.)]|[a-z][.)]|\d+(?:\.\d+)+)\s)",
                    re.I)


@dataclass
class Para:
    text: str
    page: int
    size: float
    bold: bool
    x0: float
    indent: bool = False
    centered: bool = False
    lines: list = field(default_factory=list, repr=False)


@dataclass
class Dropped:
    page: int
    what: str
    text: str


def arrange(pages, lines_by_page: dict[int, list[Line]]):
    """-> (paragraphs in reading order, dropped lines, body size, {diagrams, tables, uncertain
    spots as typeset.notice.Notice})."""
    from typeset.pdf.diagram import take_diagrams
    from typeset.pdf.figures import take_figures
    from typeset.pdf.tables import take_tables

    dropped: list[Dropped] = []
    diagrams, tables, figures, uncertain = [], [], [], []
    pg_size = {p.number: (p.width, p.height) for p in pages}
    by_no = {p.number: p for p in pages}
    ordered: dict[int, list[Line]] = {}
    for no, lines in lines_by_page.items():
        lines, found = take_tables(by_no[no], lines, uncertain)
        tables += found
        lines, found = take_diagrams(by_no[no], lines)
        diagrams += found
        lines, found = take_figures(by_no[no], lines)
        figures += found
        ordered[no] = _reading_order(lines, pg_size[no][0])
    _drop_running(ordered, pg_size, dropped)
    body = _body_size([ln for ls in ordered.values() for ln in ls])
    from typeset.pdf import notes as fn

    found_notes = fn.take_footnotes(ordered, body)
    refs, defs, pending = fn.link(ordered, found_notes)
    _drop_private(ordered, uncertain)
    paras: list[Para] = []
    pitch = _pitch(ordered, body)
    indents = _indent_style(ordered, body)
    margin = _margins(ordered, body)
    for no in sorted(ordered):
        _paragraphs(ordered[no], paras, body, pitch, indents, margin)
    paras = fn.place(paras, pending)
    return paras, dropped, body, {"refs": refs, "notes": defs, "diagrams": diagrams, "tables": tables, "figures": figures,
                                   "uncertain": uncertain}


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    lines = sorted(lines, key=lambda ln: (-ln.y, ln.x0))
    gutter = _gutter(lines, width)
    if gutter is None:
        return _join_rows(lines)
    out: list[Line] = []
    band_l, band_r = [], []
    for ln in lines:
        if ln.x0 < gutter < ln.x1:             # full width: closes a band
            out += _join_rows(band_l) + _join_rows(band_r) + [ln]
            band_l, band_r = [], []
        elif ln.x1 <= gutter:
            band_l.append(ln)
        else:
            band_r.append(ln)
    return out + _join_rows(band_l) + _join_rows(band_r)


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of a column gutter: a vertical strip in the middle third no line crosses, with
    enough lines on both sides."""
    if len(lines) < 10:
        return None
    best = None
    for x in [width * (0.35 + 0.01 * i) for i in range(31)]:
        cross = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        left = sum(1 for ln in lines if ln.x1 <= x)
        right = sum(1 for ln in lines if ln.x0 >= x)
        if left >= 5 and right >= 5 and cross <= 0.15 * len(lines) and min(left, right) > 0.25 * len(lines):
            if best is None or cross < best[0] or (cross == best[0] and abs(x - width / 2) < abs(best[1] - width / 2)):
                best = (cross, x)
    return best[1] if best else None


def _join_rows(lines: list[Line]) -> list[Line]:
    """Fragments on one baseline (a tab stop, a table row) become one line, left to right."""
    out: list[Line] = []
    for ln in lines:
        if out and abs(out[-1].y - ln.y) <= 0.3 * max(ln.size, 1) and ln.x0 >= out[-1].x1 - 1 \
                and not ln.text.startswith(DIAGRAM) and not out[-1].text.startswith(DIAGRAM):
            a = out[-1]
            out[-1] = Line(a.page, a.x0, ln.x1, a.y, max(a.top, ln.top), min(a.bottom, ln.bottom),
                           a.size if len(a.text) >= len(ln.text) else ln.size, a.bold and ln.bold,
                           a.text + " " + ln.text, a.glyphs + ln.glyphs, a.fonts + ln.fonts)
        else:
            out.append(ln)
    return out


_PRIVATE = re.compile("[\ue000-\uf8ff]")


def _drop_private(ordered, uncertain) -> None:
    """Private-use characters no witness explained (a symbol font's own codes) say nothing a
    reader can use and stop the build: dropped, and reported by page."""
    found = {}
    for no, lines in ordered.items():
        for ln in lines:
            if _PRIVATE.search(ln.text):
                found[no] = found.get(no, 0) + len(_PRIVATE.findall(ln.text))
                ln.text = " ".join(_PRIVATE.sub("", ln.text).split())
    if found:
        pages = ", ".join(map(str, sorted(found)))
        uncertain.append(Notice(f"{sum(found.values())} private-use characters with no known "
                                f"meaning dropped (pages {pages})", stage="pdf",
                                kind="private-use", page=min(found)))


def _shape(text: str) -> str:
    return re.sub(r"[\d๐-๙]+", "#", text.strip())


def _drop_running(ordered, pg_size, dropped) -> None:
    """Page numbers (a number alone, first or last on its page, in the top or bottom margin
    zone) and running heads (the same text, digits aside, at the same height on several
    pages, in the margin zones) are dropped and reported."""
    n = len(ordered)
    seen: dict[tuple, set] = defaultdict(set)
    for no, lines in ordered.items():
        h = pg_size[no][1]
        for ln in lines:
            if ln.y > h * (1 - MARGIN) or ln.y < h * MARGIN:
                seen[(_shape(ln.text), round(ln.y / 6))].add(no)
    for no, lines in ordered.items():
        h = pg_size[no][1]
        real = [ln for ln in lines if not ln.text.startswith(DIAGRAM)]
        top = max((ln.y for ln in real), default=0)
        bottom = min((ln.y for ln in real), default=0)
        keep = []
        for ln in lines:
            margin = ln.y > h * (1 - MARGIN) or ln.y < h * MARGIN
            key = (_shape(ln.text), round(ln.y / 6))
            pages = seen.get(key, set())
            if margin and ln.y in (top, bottom) and _PAGE_NO.match(ln.text.strip()):
                dropped.append(Dropped(no, "page number", ln.text))
            elif margin and n >= 3 and len(pages) >= max(3, n // 4) and not ln.text.startswith(DIAGRAM):
                dropped.append(Dropped(no, f"running header/footer (on {len(pages)} pages)", ln.text))
            else:
                keep.append(ln)
        ordered[no] = keep


def _body_size(lines: list[Line]) -> float:
    c = Counter()
    for ln in lines:
        c[round(ln.size * 2) / 2] += len(ln.text)
    return c.most_common(1)[0][0] if c else 12.0


def _pitch(ordered, body: float) -> float:
    gaps = []
    for lines in ordered.values():
        for a, b in zip(lines, lines[1:]):
            d = a.y - b.y
            if abs(a.size - body) < 1 and abs(b.size - body) < 1 and 0.8 * body < d < 2.5 * body:
                gaps.append(d)
    return statistics.median(gaps) if gaps else 1.4 * body


def _margins(ordered, body: float) -> float | None:
    """The document's left margin: the leftmost start many body lines share. A page whose
    every line is indented (a list) still has the document's margin."""
    starts: Counter = Counter()
    for lines in ordered.values():
        for ln in lines:
            if abs(ln.size - body) < 1 and not ln.text.startswith(DIAGRAM):
                starts[round(ln.x0)] += 1
    many = max(3, 0.05 * sum(starts.values()))
    return min((float(x) for x, n in starts.items() if n >= many), default=None)


def _indent_style(ordered, body: float) -> float | None:
    """The first-line indent the document opens its paragraphs with (points from the left
    margin), or None when it does not indent them. With one, a short line does not end a
    paragraph by itself (ragged-right Thai lines end short inside paragraphs)."""
    offsets = []
    n = 0
    for lines in ordered.values():
        body_lines = [ln for ln in lines if abs(ln.size - body) < 1]
        if not body_lines:
            continue
        left = min(ln.x0 for ln in body_lines)
        prev = None
        for ln in body_lines:
            n += 1
            if prev is not None and ln.x0 > left + 0.7 * body and prev.x0 <= left + 0.7 * body \
                    and not _LABEL.match(ln.text):
                offsets.append(ln.x0 - left)
            prev = ln
    if n < 20 or len(offsets) < max(3, 0.04 * n):
        return None
    return statistics.median(offsets)


def _first_word(text: str) -> str:
    """The first unit a line breaker could have moved up: a Latin word, or a Thai word."""
    m = re.match(r"[^\s\u0e01-\u0e5b]+|[\u0e01-\u0e5b]+", text)
    if not m:
        return text.split(" ")[0] if text else ""
    w = m.group(0)
    if "\u0e01" <= w[0] <= "\u0e5b" and len(w) > 2:
        from typeset.pdf.marks import lexicon

        toks = lexicon().tokenize(w)
        return toks[0] if toks else w
    return w


_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _fits(prev: Line, ln: Line, right: float) -> bool:
    """Had the line before room for this line's first word? Then it ended a paragraph."""
    return _word_width(ln) < right - prev.x1 - 0.3 * ln.size


def _word_width(ln: Line) -> float:
    """The width of a line's first word, from its letters' glyphs where the line has them (an
    average letter width misjudges words of narrow or wide letters)."""
    k = len(_MARKS.sub("", _first_word(ln.text)).replace(" ", ""))
    from typeset.pdf.lines import is_mark

    bases = sorted((g for g in ln.glyphs if g.char and not g.char.isspace() and not is_mark(g)),
                   key=lambda g: g.x)
    if 0 < k <= len(bases) and len("".join(g.char for g in bases[:k])) == k:
        return bases[k - 1].x + bases[k - 1].adv - bases[0].x
    cells = len(_MARKS.sub("", ln.text)) or 1
    return (ln.x1 - ln.x0) * k / cells


def _paragraphs(lines: list[Line], paras: list[Para], body: float, pitch: float,
                indents: float | None, margin: float | None = None) -> None:
    if not lines:
        return
    # the text measure: body lines, not a table's or figure's placeholder (it can be wider)
    body_lines = [ln for ln in lines if abs(ln.size - body) < 1 and not ln.text.startswith(DIAGRAM)]
    left = min((ln.x0 for ln in body_lines), default=min(ln.x0 for ln in lines))
    right = max((ln.x1 for ln in body_lines), default=max(ln.x1 for ln in lines))
    if margin is not None and margin < left - 1:
        left = margin
    prev = None
    for ln in lines:
        em = max(ln.size, 1)
        # centred: equal margins, clearly narrower than the measure (an indented ragged line
        # can have nearly equal margins too)
        centered = (abs((ln.x0 - left) - (right - ln.x1)) < 1.5 * em and ln.x0 > left + 2 * em
                    and ln.x1 - ln.x0 < 0.7 * (right - left))
        indent = ln.x0 > left + 0.7 * em
        new = True
        last = paras[-1] if paras else None
        # a list item's text running on at its hanging indent
        hanging = last is not None and bool(_LABEL.match(last.text)) \
            and ln.x0 > last.lines[0].x0 + 0.5 * em
        if indents is not None:
            opens = abs(ln.x0 - left - indents) < 0.4 * em and not hanging
        else:
            opens = indent and prev is not None and ln.x0 > prev.x0 + 0.7 * em and not hanging
        if last is not None and prev is None:            # first line of a page
            pl = last.lines[-1]
            new = not (pl.page == ln.page - 1 and not opens
                       and (indents is not None or hanging or not _fits(pl, ln, right))
                       and abs(pl.size - ln.size) < 0.6 and pl.bold == ln.bold
                       and not _LABEL.match(ln.text) and not last.centered
                       and not ln.text.startswith(DIAGRAM) and not pl.text.startswith(DIAGRAM))
        elif last is not None:
            gap = prev.y - ln.y
            # with indented paragraphs a short line ends one only where the paragraph did not
            # open with the indent itself (list items, quotes)
            # a list item's label line ending short: what follows at the hanging indent is
            # a child paragraph of the item, not its text running on
            # a block set narrower than the page (a quote) ends its lines at its own edge
            edge = min(right, max([ln.x1] + [x.x1 for x in last.lines]))
            short_end = ((not hanging or len(last.lines) == 1)
                         and (indents is None or abs(last.x0 - left - indents) >= 0.4 * em
                              or _LABEL.match(last.text))
                         and prev.x1 < edge - em and _fits(prev, ln, edge))
            new = (gap > 1.35 * pitch * max(ln.size, prev.size) / body or gap < 0
                   or abs(prev.size - ln.size) >= 0.6 or prev.bold != ln.bold
                   or opens or short_end
                   or bool(_LABEL.match(ln.text)) or centered or last.centered
                   or ln.text.startswith(DIAGRAM) or prev.text.startswith(DIAGRAM))
        if new:
            paras.append(Para(ln.text, ln.page, ln.size, ln.bold, ln.x0, indent, centered, [ln]))
        else:
            last.text = join_line(last.text, ln.text, last.lines[-1])
            last.lines.append(ln)
        prev = ln


def join_line(a: str, b: str, prev_line: Line) -> str:
    """A line break inside a paragraph: Thai meets Thai without a space unless the line ended
    with a space glyph; anything else meets with one."""
    if not a or not b:
        return a + b
    thai = "\u0e01" <= a[-1] <= "\u0e5b" and "\u0e01" <= b[0] <= "\u0e5b"
    if thai and not getattr(prev_line, "space_after", False):
        return a + b
    return a + " " + b
