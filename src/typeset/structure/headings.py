"""Numbered headings, section-numbered lists and enumerated lists inside one chapter.

A number continuing the heading sequence is a heading (1.4 after 1.3; a digit in a private code is
a wildcard the sequence fills in). At depth 3 and deeper a group of siblings whose text runs on
over several lines is a section-numbered list, not headings. "1." … "n." in sequence inside one
section is an enumerated list.
"""
from __future__ import annotations

import re

from typeset.structure.numbers import enum_item, parse_number
from typeset.structure.parse import Role, Span


def find_headings(p, ch: Span) -> None:
    path = [ch.number]
    groups: dict[tuple, list[tuple[int, str, str]]] = {}
    body = p.body(ch)
    for pos, i in enumerate(body):
        ln = p.lines[i]
        num = parse_number(ln.text)
        if not num or num.depth < 2 or i in ch.roles:
            continue
        d = num.depth
        if len(path) < d - 1:
            continue      # a subsection without its section
        parent = path[:d - 1]
        nxt = path[d - 1] + 1 if len(path) >= d else 1
        want = parent + [nxt]
        ok = num.matches(want)
        if not ok and d == 2 and num.parts[0] in (ch.number, None) and num.parts[1] is not None \
                and nxt < num.parts[1] <= nxt + 2:
            p.doc.note(ln.no, f"section number {ch.number}.{num.parts[1]} skips {ch.number}.{nxt}")
            want, ok = parent + [num.parts[1]], True
        if not ok:
            continue
        if None in num.parts:
            p.doc.note(ln.no, f"heading number '{ln.text.split()[0]}' unreadable: taken as "
                       f"{'.'.join(map(str, want))} from the sequence")
        title = num.rest
        if not title:
            t = body[pos + 1] if pos + 1 < len(body) else None
            if t is None:
                continue
            title = p.lines[t].text
            ch.roles[t] = Role("skip")
        path = want
        number = ".".join(map(str, want))
        if d == 2:
            ch.roles[i] = Role("heading", 2, number, title)
        else:
            groups.setdefault(tuple(parent), []).append((i, number, title))
    for parent, members in groups.items():
        runs = [_runs_on(p, i, ch) for i, _, _ in members]
        is_list = sum(runs) >= 1 and 2 * sum(runs) >= len(members)
        if is_list != all(runs) and any(runs):
            p.doc.note(p.lines[members[0][0]].no,
                       f"{'.'.join(map(str, parent))}.x taken as a "
                       f"{'numbered list' if is_list else 'run of headings'}: "
                       f"{sum(runs)} of {len(members)} run on over several lines")
        if not is_list:
            members = _fill_sibling_digits(p, members)
        for i, number, title in members:
            if is_list:
                ch.roles[i] = Role("item", group=("sec", parent), section_numbered=True, title=title)
            else:
                ch.roles[i] = Role("heading", len(number.split(".")), number, title)


def _fill_sibling_digits(p, members: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Sibling titles numbered in their own text ("บทที่ 1 …", "บทที่ 2 …"): a digit in a private
    code at that place is the sibling's position (reported)."""
    toks = [t.split() for _, _, t in members]
    out = list(members)
    for pos in range(3):
        slot = [tk[pos] if len(tk) > pos else None for tk in toks]
        good = [k for k, x in enumerate(slot) if x == str(k + 1)]
        bad = [k for k, x in enumerate(slot) if x is not None and len(x) == 1
               and not x.isdigit() and not re.match(r"[\u0e00-\u0e7f]", x)]
        if good and bad and len(bad) <= len(good) and len(good) + len(bad) == len(slot):
            for k in bad:
                i, number, title = out[k]
                toks[k][pos] = str(k + 1)
                out[k] = (i, number, " ".join(toks[k]))
                p.doc.note(p.lines[i].no, f"digit '{slot[k]}' in the title of {number} "
                           f"unreadable: taken as {k + 1} from its siblings")
    return out


def _runs_on(p, i: int, ch: Span) -> bool:
    """The numbered line's text continues on the next line (a list item, not a title)."""
    ln = p.lines[i]
    j = p.next_content(i, ch.end)
    if j is None or ln.trail > 0 or ln.width < 0.5 * p.m.full:
        return False
    return parse_number(p.lines[j].text) is None


def find_enumerations(p, ch: Span) -> None:
    cands: list[tuple[int, int]] = []
    for i in p.body(ch):
        role = ch.roles.get(i)
        if role and role.kind == "heading":
            cands.append((-1, -1))    # a heading ends any list
            continue
        if role:
            continue
        e = enum_item(p.lines[i].text)
        if e:
            cands.append((i, e[0]))
    k = 0
    while k < len(cands):
        i, num = cands[k]
        if num != 1:
            k += 1
            continue
        run = [(i, num)]
        for j, m in cands[k + 1:]:
            if m == run[-1][1] + 1:
                run.append((j, m))
            elif m == 1 or j == -1:
                break
        if len(run) >= 2:
            group = ("enum", run[0][0])
            for j, m in run:
                ch.roles[j] = Role("item", group=group, title=enum_item(p.lines[j].text)[1],
                                   number=str(m))
            k = cands.index(run[-1]) + 1
        else:
            k += 1
