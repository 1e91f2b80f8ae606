"""Where chapters start ("บทที่ N" lines, or numbered lines without them), and where the body ends.

A report often numbers its chapters "1 บทนำ" / "2. ทฤษฎี…": a short line opening with a bare
number n counts as chapter n when the sections under it are numbered n.1, n.2… (so a numbered
list is not taken for chapters). A contents page lists the same lines first: as with บทที่, the
sequence starting again at 1 means what came before was the contents.
"""
from __future__ import annotations

import re

from typeset.structure.front import heading_part
from typeset.structure.numbers import THAI_DIGITS, chapter_number, parse_number

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


def find_chapters(p) -> list:
    """The chapters of the parser's lines as Spans (structure.parse); sets front_end/back_start."""
    from typeset.structure.parse import Span

    found: list[tuple[int, int | None, int | None, str]] = []   # (line idx, number, title idx, inline title)
    for i in p.content:
        text = p.lines[i].text
        is_ch, n = chapter_number(text)
        inline = ""
        if not is_ch:
            m = re.match(r"^บทที่\s*(\d{1,2})\s+(\S.*)$", text)
            if m and int(m.group(1)) == len(found) + 1 and p.m.short(p.lines[i], 0.6) \
                    and not parse_number(text):
                is_ch, n, inline = True, int(m.group(1)), m.group(2)
        if not is_ch:
            continue
        if n == 1 and found:
            # numbering starts again: what came before was a table of contents
            p.doc.note(p.lines[found[0][0]].no, "text before this looked like a table of "
                       "contents (chapter numbers start again); it is not imported")
            found = []
        title_idx = None if inline else p.next_content(i)
        found.append((i, n, title_idx, inline))
    texts = [(i, p.lines[i].text) for i in p.content]
    if not found:
        found = [(i, n, None, title) for i, n, title in
                 numbered_chapters(texts, lambda i: p.m.short(p.lines[i], 0.6) or p.lines[i].width <= 40)]
        if found:
            p.doc.note(p.lines[found[0][0]].no, "no บทที่ lines: chapters taken from "
                       f"numbered headings ({len(found)} chapters)")
    if not found:
        if any(heading_part(t) for _, t in texts):
            p.doc.front_end = len(p.lines)    # front matter (or a reference list) only
            return []
        p.doc.note(1, "no chapter heading (บทที่ N) found: the whole text is one chapter")
        return [Span(1, 1, "TODO: ชื่อบท", 0, len(p.lines))]
    p.doc.front_end = found[0][0]
    p.doc.back_start = back_start(texts, found[-1][0])
    last = len(p.lines) if p.doc.back_start is None else p.doc.back_start
    out = []
    for k, (i, n, t, inline) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else last
        if n is None:
            p.doc.note(p.lines[i].no, f"chapter number unreadable ('{p.lines[i].text}'): "
                       f"taken as {k + 1} from the sequence")
        elif n != k + 1:
            p.doc.note(p.lines[i].no, f"chapter number {n} out of sequence: numbered {k + 1}")
        title = inline or (p.lines[t].text if t is not None and t < end else "TODO: ชื่อบท")
        start = i + 1 if inline else (t + 1 if t is not None else i + 1)
        out.append(Span(k + 1, p.lines[i].no, title, start, end))
    return out
