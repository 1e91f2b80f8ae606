"""Markdown typeset does not support, found in a parsed chapter: one warning each, at its line.

What is not CommonMark + tables/footnotes/attributes would otherwise print as typed with no word:
raw HTML tags, ~~strikethrough~~, a table whose separator row does not match its header (read as
a paragraph of | characters), a heading typed with its number (printed "3.1 3.1 …"). A typed
heading number equal to the generated one is dropped, so the PDF reads as intended.
"""
from __future__ import annotations

import re

from typeset.source import nodes as n

# element names only (not any <word …>): "a<b and c>d" in running text is not HTML
HTML_TAG = re.compile(
    r"<!--.*?-->|</?(?:a|abbr|b|big|blockquote|br|center|code|del|div|em|figcaption|figure|font|"
    r"h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|s|section|small|span|strike|strong|sub|sup|table|"
    r"tbody|td|th|thead|tr|u|ul)\b(?:\s[^<>]*)?/?>", re.I | re.S)
STRIKE = re.compile(r"~~[^~\n]+~~")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
TYPED_NUMBER = re.compile(r"^\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)+)\.?\s+")
DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def check_part(part: n.Chapter, source: str) -> list[str]:
    """Warnings for one chapter, appendix or front-matter part (after numbering); `source` is
    its Markdown text (the tree joins a paragraph's lines, the warning names the exact one)."""
    lines = source.splitlines()
    out: list[str] = []
    for b in n.walk(part.blocks):
        if isinstance(b, n.Section):
            out += _typed_number(b)
            out += _inline(b.title, lines)
        elif isinstance(b, n.Paragraph):
            out += _inline(b.children, lines)
            out += _table_like(b, lines)
        for attr in ("caption", "attribution"):
            v = getattr(b, attr, None)
            if isinstance(v, list):
                out += _inline(v, lines)
    return out


def _line_of(text: str, start: int, lines: list[str]) -> int:
    """The first source line at or after `start` (1-based) holding `text`."""
    for i in range(max(start, 1) - 1, len(lines)):
        if text in lines[i]:
            return i + 1
    return start


def _texts(nodes):
    for x in nodes:
        if isinstance(x, n.Text):
            yield x
        elif isinstance(x, (n.Emph, n.Strong, n.Link, n.FootnoteRef)):
            yield from _texts(x.children)


def _inline(nodes, lines: list[str]) -> list[str]:
    out = []
    for t in _texts(nodes):
        at = t.line
        for m in sorted([*HTML_TAG.finditer(t.text), *STRIKE.finditer(t.text)], key=lambda m: m.start()):
            found = m.group(0)
            at = _line_of(found.split("\n")[0], at, lines)
            if found.startswith("~~"):
                out.append(f"{t.file}:{at}: ~~strikethrough~~ is not supported and prints with the "
                           f"tildes ({found!r}): delete the struck text or the ~~")
            else:
                out.append(f"{t.file}:{at}: raw HTML {' '.join(found.split())!r} is printed as typed "
                           "(typeset reads Markdown, not HTML): delete the tag")
    return out


def _cells(line: str) -> int:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return len(line.split("|"))


def _table_like(p: n.Paragraph, source: list[str]) -> list[str]:
    """A paragraph holding a header row and a separator row: markdown-it did not take it as a table."""
    lines = []
    for line in source[p.line - 1:]:
        if not line.strip():
            break
        lines.append(line)
    for k in range(1, len(lines)):
        if "|" in lines[k - 1] and "-" in lines[k] and SEPARATOR.match(lines[k]):
            head, sep = _cells(lines[k - 1]), _cells(lines[k])
            why = (f"its separator row has {sep} column{'s' if sep != 1 else ''}, the header row {head}"
                   if head != sep else "it is not separated from the text above by a blank line")
            return [f"{p.file}:{p.line + k - 1}: this table is printed as text: {why}; "
                    "give every row the same number of | cells, after a blank line"]
    return []


def _typed_number(s: n.Section) -> list[str]:
    """`## 3.1 ก`: the build numbers headings itself."""
    if not s.number or not s.title or not isinstance(s.title[0], n.Text):
        return []
    m = TYPED_NUMBER.match(s.title[0].text)
    if not m:
        return []
    typed = m.group(1)
    if typed.translate(DIGITS) == s.number.translate(DIGITS):
        s.title[0].text = s.title[0].text[m.end():]   # the same number: print it once
        return [f"{s.file}:{s.line}: heading typed with its number '{typed}': typeset numbers "
                "headings itself, so it was dropped; delete it from the heading"]
    return [f"{s.file}:{s.line}: heading typed with a number '{typed}' but numbered {s.number} "
            f"by typeset (it would print '{s.number} {typed} …'): delete the typed number"]
