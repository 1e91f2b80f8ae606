"""The bibliography's side of rendering: the .bib biber reads and the citation commands.

Thai text in the bibliography must break between words like body text, but biber copies field
values into the .bbl as they are: so the build gives biber a copy of references.bib
(bibliography.bib) with the renderer's Thai break points (\\thaibreak{}) inserted in the Thai
runs of the printed fields. Only characters are inserted inside lines, so a line in the copy
is the same line of references.bib (biber's messages are mapped back by line). Names, keys,
URLs and other data fields are left as written: names are never broken inside, and sorting
sees them unchanged.
"""
from __future__ import annotations

import re

from typeset.render.escape import Escaper
from typeset.source import nodes as n
from typeset.source.bibfile import BibFile
from typeset.source.citations import page_number
from typeset.thai.chars import THAI_BLOCK_RUN

COPY = "bibliography.bib"
THAI_RUN = THAI_BLOCK_RUN
# fields that are data, not printed prose: never given break points
DATA_FIELDS = {"author", "editor", "translator", "editora", "editorb", "editorc", "bookauthor",
               "with", "holder", "shortauthor", "shorteditor", "sortname", "url", "doi", "eprint",
               "isbn", "issn", "langid", "language", "keywords", "options", "ids", "crossref",
               "xref", "xdata", "related", "presort", "sortkey", "sorttitle", "sortyear", "date",
               "year", "month", "day", "urldate", "file", "entryset", "execute", "pages"}


def bib_with_breaks(bib: BibFile, esc: Escaper) -> str:
    """references.bib with Thai break points in the printed fields, line for line."""
    text = bib.text
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    spans = []
    for entry in bib.entries:
        for f in entry.fields:
            if f.name in DATA_FIELDS or not THAI_RUN.search(f.raw):
                continue
            start = text.find(f.raw, offsets[min(f.line - 1, len(lines) - 1)])
            if start >= 0:
                spans.append((start, start + len(f.raw)))
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(THAI_RUN.sub(lambda m: _broken(m.group(), esc), text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _broken(run: str, esc: Escaper) -> str:
    # a Thai run holds no TeX special characters: the escaped text is the run with break points
    return esc.text(run)


def cite_command(c: n.Citation, esc: Escaper, thai: set[str]) -> str:
    """\\textcite / \\parencite / \\parencites for one citation; thai: the keys of Thai entries,
    whose page locators print as "น. 12" (English ones get the style's p./pp.)."""
    items = c.items or [n.CiteItem(k, locator=c.locator if i == len(c.keys) - 1 else "")
                        for i, k in enumerate(c.keys)]
    if c.narrative:
        item = items[0]
        return r"\textcite" + _notes(item, esc, thai) + "{" + _key(item.key) + "}"
    if len(items) == 1:
        star = "*" if items[0].suppress else ""
        return r"\parencite" + star + _notes(items[0], esc, thai) + "{" + _key(items[0].key) + "}"
    return r"\parencites" + "".join(_notes(i, esc, thai) + "{" + _key(i.key) + "}" for i in items)


def _notes(item: n.CiteItem, esc: Escaper, thai: set[str]) -> str:
    pre = esc.text(item.prefix) if item.prefix else ""
    post = ""
    if item.locator:
        pages = page_number(item.locator)
        if pages is None:
            post = esc.text(item.locator)
        elif item.key in thai:
            post = "น.~" + esc.text(pages)
        else:
            post = esc.text(pages)   # biblatex adds p. or pp.
    return f"[{pre}][{post}]" if pre or post else ""


def _key(key: str) -> str:
    # keys are restricted by the parser's pattern to [\w:.-/+]; keep only those characters
    return "".join(ch for ch in key if ch.isalnum() or ch in ":.-/+_")


def reference_entries(part: n.Chapter) -> list[tuple]:
    """references.md -> (node, inline content) per entry: each list item (its paragraphs joined
    by a space), and each paragraph outside a list (an importer may write those)."""
    out = []
    for b in part.blocks:
        if isinstance(b, (n.BulletList, n.OrderedList)):
            for item in b.items:
                inline: list = []
                for p in item.blocks:
                    if isinstance(p, n.Paragraph):
                        inline += ([n.Text(p.file, p.line, " ")] if inline else []) + p.children
                if inline:
                    out.append((item, inline))
        elif isinstance(b, n.Paragraph) and b.children:
            out.append((b, b.children))
    return out
