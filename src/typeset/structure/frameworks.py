"""Conceptual-framework diagrams: an empty drawing area (a run of space-only lines) in a section,
and short box texts at the section's end; the boxes go where the drawing was."""
from __future__ import annotations

import re

from typeset.source import nodes as n
from typeset.structure.parse import Role, Span

BOX_WIDTH = 0.45          # box text lines are shorter than this fraction of the measure
DIAGRAM_SPACES = 3        # space-only lines that make an empty drawing area

_NOT_SKELETON = re.compile(r"[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]+")


def skeleton(text: str) -> str:
    """Text without spaces and without the marks above and below Thai letters: two spellings of
    one phrase whose marks were displaced differently still compare equal."""
    return _NOT_SKELETON.sub("", text)


def find_frameworks(p, ch: Span) -> None:
    # sections: ranges of body lines between headings
    bounds, title = [], ch.title
    cur: list[int] = []
    for i in p.body(ch):
        role = ch.roles.get(i)
        if role and role.kind == "heading":
            bounds.append((title, cur))
            title, cur = role.title, []
        else:
            cur.append(i)
    bounds.append((title, cur))
    for title, sec in bounds:
        if len(sec) >= 2:
            _framework_in(p, ch, title, sec)


def _framework_in(p, ch: Span, title: str, sec: list[int]) -> None:
    area = None
    for a, b in zip(sec, sec[1:]):
        spaces = [k for k in range(a + 1, b) if p.lines[k].spaces_only]
        if len(spaces) >= DIAGRAM_SPACES:
            area = spaces[0]
            break
    if area is None:
        return
    boxes_lines = _box_tail(p, ch, sec)
    if not boxes_lines:
        return
    groups: list[list[int]] = [[boxes_lines[0]]]
    for a, b in zip(boxes_lines, boxes_lines[1:]):
        if b == a + 1:
            groups[-1].append(b)
        else:
            groups.append([b])
    skip = set(boxes_lines)
    outside = skeleton("".join(p.lines[i].text for i in p.content if i not in skip))
    merged = [groups[0]]
    for g in groups[1:]:
        last = p.lines[merged[-1][-1]]
        both = skeleton("".join(p.lines[i].text for i in merged[-1] + g))
        if last.trail == 0 or (len(both) >= 12 and both in outside):
            merged[-1] = merged[-1] + g
        else:
            merged.append(g)
    if len(merged) < 2:
        return
    boxes = [p.joined(g) for g in merged]
    narrow = max(p.lines[i].width for i in boxes_lines) <= 0.4 * p.m.full
    direction = "horizontal" if narrow and len(boxes) <= 4 else "vertical"
    ch.inserts[area] = n.Framework(p.file, p.lines[area].no, caption=title, direction=direction,
                                   boxes=boxes)
    for i in boxes_lines:
        ch.roles[i] = Role("skip")
    p.doc.counts["frameworks"] += 1
    if len(merged) != len(groups):
        p.doc.note(p.lines[boxes_lines[0]].no,
                   f"framework: {len(groups)} text groups read as {len(merged)} boxes "
                   f"(groups joined where the text continues or the joined phrase occurs "
                   f"in the body); check the boxes")


def _box_tail(p, ch: Span, sec: list[int]) -> list[int]:
    """Short lines at the end of a section that do not continue a paragraph: box texts."""
    tail: list[int] = []
    for i in reversed(sec):
        ln = p.lines[i]
        if i in ch.roles or ln.width >= BOX_WIDTH * p.m.full:
            break
        tail.insert(0, i)
    # drop the lines that are the end of the paragraph before the boxes
    while tail:
        first = tail[0]
        k = sec.index(first)
        prev = p.lines[sec[k - 1]] if k else None
        if prev is not None and prev.width >= BOX_WIDTH * p.m.full and (
                prev.trail == 0 or not any(p.lines[x].spaces_only for x in range(sec[k - 1] + 1, first))):
            tail.pop(0)
            continue
        break
    return tail
