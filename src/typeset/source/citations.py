"""Citations in chapter text, in pandoc's syntax, and their check against references.bib.

    [@key]  [@a; @b]  [@key, p. 12]  [see @key, p. 12]  [-@key]   parenthetical
    @key                                                        narrative: Author (Year)

A bare `@word` preceded by a letter or digit (an e-mail address) is not a citation, nor are the
cross-reference labels @fig:… @tbl:… @sec:… @eq:… (typeset.source cross-references).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import fields, is_dataclass

from typeset.errors import UserError
from typeset.source import nodes as n

# a key: letters, digits and internal : . - / + _ (trailing punctuation is the sentence's)
KEY = r"[^\W_](?:[\w:.\-/+]*[\w])?"
CROSSREF = r"(?!(?:fig|tbl|sec|eq|lst):)"
BRACKET = re.compile(r"\[([^\[\]]*?-?@" + CROSSREF + KEY + r"[^\[\]]*)\]")
ITEM = re.compile(r"^\s*(?P<pre>[^@;]*?)\s*(?P<sup>-)?@" + CROSSREF + r"(?P<key>" + KEY + r")"
                  r"\s*(?:,\s*(?P<loc>[^;]*?))?\s*$")
BARE = re.compile(r"(?<![\w@.])@" + CROSSREF + r"(?P<key>" + KEY + r")")
# "p. 12", "pp. 12-15", "น. 12", "หน้า 12": a page locator; the style prints its own word for it
# (p./pp. for English entries, น. for Thai ones)
PAGES = re.compile(r"^(?:pp?\.|pages?|น\.|หน้า)\s*(?P<n>[\dxivlc]+(?:\s*[-–—]+\s*[\dxivlc]+)?)$", re.I)


def split_citations(t: n.Text, raw: str | None = None) -> list:
    """A text node -> text and Citation nodes. raw: the text before soft line breaks were
    resolved, to give each citation its own line."""
    out, pos, seen = [], 0, 0
    for start, end, cite in _matches(t.text):
        if start > pos:
            out.append(n.Text(t.file, t.line, t.text[pos:start]))
        cite.file, cite.line = t.file, t.line
        at = raw.find(cite.raw, seen) if raw else -1
        if at >= 0:
            cite.line += raw.count("\n", 0, at)
            seen = at + len(cite.raw)
        out.append(cite)
        pos = end
    if not out:
        return [t]
    if pos < len(t.text):
        out.append(n.Text(t.file, t.line, t.text[pos:]))
    return out


def _matches(text: str):
    found = []
    taken = []
    for m in BRACKET.finditer(text):
        items = [ITEM.match(part) for part in m.group(1).split(";")]
        if not all(items):
            continue   # not all parts are citations: "[ดู @x และ y]" is text around a narrative @x
        parts = [n.CiteItem(i.group("key"), i.group("pre") or "", (i.group("loc") or "").strip(),
                            bool(i.group("sup"))) for i in items]
        cite = n.Citation("", 0, [p.key for p in parts], parts[-1].locator, m.group(0), items=parts)
        found.append((m.start(), m.end(), cite))
        taken.append((m.start(), m.end()))
    for m in BARE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        key = m.group("key")
        cite = n.Citation("", 0, [key], "", m.group(0), narrative=True, items=[n.CiteItem(key)])
        found.append((m.start(), m.end(), cite))
    found.sort(key=lambda x: x[0])
    return found


def page_number(locator: str) -> str | None:
    """"p. 12" -> "12", "pp. 12–15" -> "12-15"; None when the locator is not pages."""
    m = PAGES.match(locator.strip())
    if not m:
        return None
    return re.sub(r"\s*[-–—]+\s*", "-", m.group("n"))


def check_citations(doc: n.Document, keys: dict[str, int]) -> None:
    """Every citation names a references.bib key: an unknown bracketed key is an error with the
    chapter's file:line and the nearest keys; an unknown bare @word without a digit is text
    (an @-mention, not a key), with a digit it is taken for a mistyped key."""
    for part in doc.all_parts():
        for items in _inline_lists(part):
            new, changed = [], False
            for x in items:
                if isinstance(x, n.Citation):
                    unknown = [k for k in x.keys if k not in keys]
                    if unknown and x.narrative and not any(c.isdigit() for c in unknown[0]):
                        new.append(n.Text(x.file, x.line, x.raw))
                        changed = True
                        continue
                    if unknown:
                        raise UserError(_unknown(unknown[0], keys), f"{x.file}:{x.line}")
                new.append(x)
            if changed:
                items[:] = merge_text(new)


def _unknown(key: str, keys) -> str:
    near = difflib.get_close_matches(key, list(keys), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(k) for k in near)}?)" if near else \
        f" (references.bib has {len(keys)} keys)"
    return f"unknown citation key '{key}'{hint}"


def merge_text(items: list) -> list:
    """Adjacent Text nodes as one (the first one's file:line)."""
    out: list = []
    for x in items:
        if isinstance(x, n.Text) and out and isinstance(out[-1], n.Text):
            out[-1] = n.Text(out[-1].file, out[-1].line, out[-1].text + x.text)
        else:
            out.append(x)
    return out


def _inline_lists(value):
    """Every list in the tree that holds a Citation (paragraphs, titles, captions, table cells,
    footnotes), so it can be changed in place."""
    if isinstance(value, list):
        if any(isinstance(x, n.Citation) for x in value):
            yield value
        for x in value:
            yield from _inline_lists(x)
    elif is_dataclass(value) and not isinstance(value, n.Citation):
        for f in fields(value):
            yield from _inline_lists(getattr(value, f.name))
    elif isinstance(value, dict):
        for v in value.values():
            yield from _inline_lists(v)
