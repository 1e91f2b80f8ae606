"""Ruled tables: where a page's ruling lines form a grid of at least two rows and two
columns and every line of text inside falls in one cell, the table is kept as a GFM table;
a grid some text crosses stays text in reading order, and is reported."""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from typeset.notice import Notice
from typeset.pdf.lines import Line

SNAP = 2.5      # rules closer than this (points) are one boundary


@dataclass
class Table:
    token: str
    rows: list            # list of rows, each a list of cell texts
    page: int


def _groups(rules) -> list[list]:
    """Rules touching each other (within SNAP) form one grid."""
    groups: list[list] = []
    for r in sorted(rules, key=lambda r: (-r[3], r[0])):
        hit = [g for g in groups if any(_touch(r, q) for q in g)]
        merged = [r] + [q for g in hit for q in g]
        groups = [g for g in groups if g not in hit] + [merged]
    return groups


def _touch(a, b) -> bool:
    return a[0] - SNAP <= b[2] and b[0] - SNAP <= a[2] and a[1] - SNAP <= b[3] and b[1] - SNAP <= a[3]


def _bounds(values) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def take_tables(page, lines: list[Line], uncertain: list) -> tuple[list[Line], list[Table]]:
    """Lines outside ruled tables (a placeholder line where each table was) and the tables."""
    tables, rest = [], list(lines)
    for g in _groups(page.rules):
        hs = [r for r in g if r[3] - r[1] <= SNAP]
        vs = [r for r in g if r[2] - r[0] <= SNAP]
        ys = _bounds([(r[1] + r[3]) / 2 for r in hs])
        xs = _bounds([(r[0] + r[2]) / 2 for r in vs])
        # two rows at least; one column is a table too (a card: a head cell over a body cell)
        if len(ys) < 3 or len(xs) < 2:
            continue
        x0, x1, y0, y1 = xs[0], xs[-1], ys[0], ys[-1]
        inside = [ln for ln in rest if x0 - 1 <= (ln.x0 + ln.x1) / 2 <= x1 + 1
                  and y0 <= ln.y + 0.3 * ln.size <= y1]
        if not inside:
            continue
        cells: dict[tuple[int, int], list[Line]] = {}
        clear = True
        for ln in inside:
            c = next((i for i in range(len(xs) - 1) if xs[i] - 1 <= ln.x0 and ln.x1 <= xs[i + 1] + 1), None)
            r = next((i for i in range(len(ys) - 1) if ys[i] <= ln.y + 0.3 * ln.size <= ys[i + 1]), None)
            if c is None or r is None:
                clear = False
                break
            cells.setdefault((len(ys) - 2 - r, c), []).append(ln)
        if not clear:
            uncertain.append(Notice("a ruled table whose text crosses its cells: kept as text",
                                    stage="pdf", kind="table", page=page.number,
                                    text=inside[0].text[:60]))
            continue
        rows = []
        for r in range(len(ys) - 1):
            row = [_cell_text(cells.get((r, c), [])) for c in range(len(xs) - 1)]
            if any(row):
                rows.append(row)
        if len(rows) < 2:
            continue
        used = {id(ln) for ln in inside}
        size = inside[0].size
        token = "TST" + secrets.token_hex(4)
        rest = [ln for ln in rest if id(ln) not in used]
        rest.append(Line(page.number, x0, x1, y1 - size, y1, y1 - size, size, False, token))
        tables.append(Table(token, rows, page.number))
    return rest, tables


def _cell_text(lines: list[Line]) -> str:
    from typeset.pdf.layout import join_line

    lines = sorted(lines, key=lambda ln: (-ln.y, ln.x0))
    if not lines:
        return ""
    t = lines[0].text
    for a, b in zip(lines, lines[1:]):
        t = join_line(t, b.text, a)
    return t


def gfm(t: Table, caption: str) -> str:
    from typeset.writers.markdown import escape

    def row(cells):
        return "| " + " | ".join(escape(c).replace("|", "\\|") for c in cells) + " |"

    out = [row(t.rows[0]), "|" + "---|" * len(t.rows[0])] + [row(r) for r in t.rows[1:]]
    if caption:
        out += ["", f"Table: {escape(caption)}"]
    return "\n".join(out)
