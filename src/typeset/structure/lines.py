"""Layout facts about each raw line: what the PDF extraction left besides the words.

The content comes from the repaired line (same index); the layout comes from the raw line:
leading spaces (a page start, or right-aligned text), trailing spaces (the end of a text run) and
whitespace-only lines (page ends, empty drawing areas). Widths are counted in display cells
(Thai marks above and below a letter take no room), which is close enough to compare lines of
one document with each other.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

THAI = re.compile(r"[\u0e01-\u0e5b]")
# a page number alone on its line: digits, or a few characters of a private digit code
PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|[^\s\u0e00-\u0e7fA-Za-z]{1,4}|-\s*\d{1,4}\s*-)$")


@dataclass
class Line:
    no: int        # 1-based line number in the raw file
    raw: str       # the raw line as extracted
    text: str      # the repaired line, stripped
    lead: int      # leading spaces of the raw line
    trail: int     # trailing spaces of the raw line
    width: float   # display width of `text`
    artefact: str = ""   # why the line is dropped ("page number"), if it is

    @property
    def blank(self) -> bool:
        return not self.text or bool(self.artefact)

    @property
    def spaces_only(self) -> bool:
        """A line holding only spaces (not an empty line): page ends, drawing areas."""
        return bool(self.raw) and not self.raw.strip()


# marks drawn above or below a letter take no room of their own
_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f\u200b-\u200d]")


def display_width(s: str) -> float:
    """Width in cells: letters 1, a space 0.5 (spaces are narrow), marks 0."""
    spaces = s.count(" ")
    return len(_MARKS.sub("", s)) - spaces * 0.5


def make_lines(raw_lines: list[str], clean_lines: list[str]) -> list[Line]:
    if len(raw_lines) != len(clean_lines):
        raise ValueError(f"repair returned {len(clean_lines)} lines for {len(raw_lines)} raw lines")
    out = []
    for i, (raw, clean) in enumerate(zip(raw_lines, clean_lines)):
        raw = raw.replace("\t", "    ").rstrip("\r")
        text = " ".join(clean.split())
        out.append(Line(i + 1, raw, text, len(raw) - len(raw.lstrip(" ")),
                        len(raw) - len(raw.rstrip(" ")), display_width(text)))
    _mark_page_numbers(out)
    return out


def _mark_page_numbers(lines: list[Line]) -> None:
    """A number alone on a line, with nothing but blank lines around it, is a page number."""
    for i, ln in enumerate(lines):
        if not ln.text or not PAGE_NUMBER.match(ln.text):
            continue
        before = next((x for x in reversed(lines[max(0, i - 4):i]) if x.text), None)
        after = next((x for x in lines[i + 1:i + 5] if x.text), None)
        gap_before = i == 0 or not lines[i - 1].text
        gap_after = i + 1 >= len(lines) or not lines[i + 1].text
        # centred under a blank line: a page number, even when the next page follows at once
        centred = ln.lead >= 20 and gap_before and not (after and PAGE_NUMBER.match(after.text))
        # isolated between blank lines, and not a list of numbers (a table column)
        if centred or gap_before and gap_after and not (before and PAGE_NUMBER.match(before.text)) \
                and not (after and PAGE_NUMBER.match(after.text)):
            ln.artefact = "page number"


INDENT_MIN = 3     # leading spaces that make a first-line indent (a page start has one)


class Measure:
    """The document's line measure (full line width) and paragraph indent, in display cells."""

    def __init__(self, lines: list[Line]):
        content = [ln for ln in lines if not ln.blank]
        # lines that end mid-text (no trailing space) are full lines of a paragraph
        full = [ln.width for ln in content if ln.trail == 0 and ln.width >= 20]
        self.full = statistics.median(full) if len(full) >= 5 else (
            statistics.median([ln.width for ln in content]) if content else 60.0)
        # first lines of paragraphs: after a clearly short last line
        firsts = []
        prev = None
        for ln in content:
            if prev is not None and prev.trail > 0 and prev.width < 0.6 * self.full \
                    and ln.trail == 0 and ln.width > 0.6 * self.full:
                firsts.append(ln.width)
            prev = ln
        indent = self.full - statistics.median(firsts) if len(firsts) >= 3 else 6.0
        self.indent = min(max(indent, 3.0), 15.0)
        # pdftotext -layout writes no trailing spaces at all: a line's end then says nothing
        self.trails = any(ln.trail for ln in content)
        # the lead most body lines have (0 when the text starts at the margin)
        leads = [ln.lead for ln in content]
        self.body_lead = statistics.mode(leads) if leads else 0
        # leading spaces of paragraph first lines, when the extraction kept them (-layout)
        firsts_lead = [b.lead for a, b in zip(content, content[1:])
                       if a.lead <= self.body_lead and b.lead >= self.body_lead + INDENT_MIN]
        self.first_lead = statistics.median(firsts_lead) if len(firsts_lead) >= 3 else None

    def indented(self, prev: Line, cur: Line) -> bool:
        """Is `cur` a paragraph's indented first line after a body line (the layout kept the
        indent as leading spaces)?"""
        return self.first_lead is not None and prev.lead <= self.body_lead and \
            abs(cur.lead - self.first_lead) <= 2

    def short(self, ln: Line, frac: float = 0.8) -> bool:
        return ln.width < frac * self.full
