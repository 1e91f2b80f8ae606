"""Headings by type size, for a document without บทที่ lines (a report, an article-like
thesis): the largest heading size that recurs opens chapters, the next one (or bold lines of
body size) opens sections. They are handed to typeset.structure as the numbered headings it
reads ("บทที่ N" + title, "N.M title"); the numbers are dropped again in the Markdown."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_LABEL = re.compile(r"^(?:[-•●○■□◆▪➢✓*]\s*|\d+(?:\.\d+)*[.)]?\s+)")
MAX_HEADING = 90


@dataclass
class _Line:
    text: str
    x0: float = 0.0
    x1: float = 0.0


@dataclass
class Made:
    """A paragraph made here: a heading the structure code will read, a note, a placeholder."""
    text: str
    page: int
    lines: list = field(default_factory=list)

    def __post_init__(self):
        self.lines = [_Line(self.text)]


def _part(text: str) -> str | None:
    from typeset.structure.frontwords import heading_part

    return heading_part(text)


def by_size(paras, body: float):
    """-> (front paragraphs, body paragraphs with headings made explicit), or None when the
    sizes show no chapter headings."""
    def short(p):
        return len(p.text) <= MAX_HEADING and not p.text.rstrip().endswith((".", ",", ":"))

    big = Counter(round(p.size) for p in paras if short(p) and p.size >= body + 1.5)
    tops = [s for s, n in big.items() if n >= 2]
    if not tops:
        return None
    top = max(tops)
    heads = [i for i, p in enumerate(paras) if round(p.size) == top and short(p)
             and _part(p.text) is None]
    # chapter heads stand on different pages, most followed by smaller text (a cover's big
    # lines stand on one page)
    if len(heads) < 2 or len({paras[i].page for i in heads}) < 2:
        return None
    filled = sum(1 for a, b in zip(heads, heads[1:] + [len(paras)])
                 if any(round(p.size) < top for p in paras[a + 1:b]))
    if filled < 0.6 * len(heads):
        return None
    first = heads[0]
    # sections: the sizes between body and chapter heads, else bold lines of body size
    mid = any(short(p) and body + 1 <= p.size and round(p.size) < top for p in paras[first:])

    def section(p) -> bool:
        return (body + 1 <= p.size if mid else p.bold) and round(p.size) < top

    out, ch, sec = [], 0, 0
    for p in paras[first:]:
        title = _LABEL.sub("", p.text).strip()
        if short(p) and round(p.size) == top and _part(p.text) is None and title:
            ch, sec = ch + 1, 0
            out += [Made(f"บทที่ {ch}", p.page), Made(title, p.page)]
        elif short(p) and ch and title and section(p) and _part(p.text) is None:
            sec += 1
            out.append(Made(f"{ch}.{sec} {title}", p.page))
        else:
            out.append(p)
    return paras[:first], out
