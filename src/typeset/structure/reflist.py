"""The reference list before the first chapter, or at the end: one Markdown bullet per entry
(references.md, which the build prints as บรรณานุกรม), and its own heading as
settings.bibliography.title when it differs from the template's. Used by structure.front and
the readers."""
from __future__ import annotations

import re

from typeset.structure.frontwords import PAGE_ALONE, label_key
from typeset.writers.markdown import escape
from typeset.thai.inword import line_end_gap


def bibliography_title(values: dict, title: str) -> None:
    """The reference list's own heading, as settings.bibliography.title when the build's differs."""
    from typeset.config import HERE, read_yaml
    title = " ".join(title.split())
    default = read_yaml(HERE / "defaults.yaml")["bibliography"]["title"]
    if title and label_key(title) != label_key(default):
        values.setdefault("settings", {}).setdefault("bibliography", {})["title"] = title


def references_markdown(texts: list[str]) -> str:
    """One bullet per reference; a line that does not start an entry continues the last one."""
    items: list[str] = []
    for t in texts:
        t = " ".join(t.split())
        if not t or PAGE_ALONE.match(t):
            continue
        bullet = re.match(r"^(?:[•●▪◦\-*–]|\[\d+\]|\d+\.)\s*", t)
        if bullet:
            t = t[bullet.end():]
        if items and not bullet and (re.match(r"^[a-z(]", t) or _continues(items[-1])):
            items[-1] += line_end_gap(items[-1], t) + t
        else:
            items.append(t)
    return "".join(f"- {escape(t)}\n" for t in items)


def _continues(prev: str) -> bool:
    """An entry not yet ended: no final full stop, URL or year."""
    return not re.search(r"[.)]$|\d{4}\)?\.?$|https?://\S+$", prev)
