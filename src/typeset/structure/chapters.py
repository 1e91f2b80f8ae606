"""Where chapters start when the text has no "บทที่ N" lines, and where the body ends.

A report often numbers its chapters "1 บทนำ" / "2. ทฤษฎี…": a short line opening with a bare
number n counts as chapter n when the sections under it are numbered n.1, n.2… (so a numbered
list is not taken for chapters). A contents page lists the same lines first: as with บทที่, the
sequence starting again at 1 means what came before was the contents.
"""
from __future__ import annotations

import re

from typeset.structure.front import heading_part
from typeset.structure.numbers import THAI_DIGITS, parse_number

CHAPTER_LINE = re.compile(r"^(?P<n>\d{1,2})\.?\s*(?P<title>[^\d\s.].{0,80})$")
BACK_PARTS = ("references", "appendix", "biography")


def numbered_chapters(texts: list[tuple[int, str]], short) -> list[tuple[int, int, str]]:
    """texts: (line index, text) of the content lines; short(index) says a line is short.
    Returns (line index, number, title) of each chapter line."""
    cands = []
    for k, (i, t) in enumerate(texts):
        m = CHAPTER_LINE.match(t.translate(THAI_DIGITS))
        if m and short(i) and not parse_number(t):
            cands.append((k, int(m.group("n")), m.group("title").strip()))
    found: list[tuple[int, int, str]] = []
    for pos, (k, n, title) in enumerate(cands):
        if n == 1:
            found = []
        if n != len(found) + 1:
            continue
        end = next((c[0] for c in cands[pos + 1:] if c[1] == n + 1), len(texts))
        sections = [parse_number(t) for _, t in texts[k + 1:end]]
        if any(s and s.depth >= 2 and s.parts[0] == n for s in sections):
            found.append((texts[k][0], n, title))
    return found


def back_start(texts: list[tuple[int, str]], after: int) -> int | None:
    """The line index of the first reference-list, appendix or biography heading after `after`."""
    for i, t in texts:
        if i > after and heading_part(t) in BACK_PARTS:
            return i
    return None
