"""Recover the document structure from repaired lines plus the raw layout, as a source.nodes tree.

Decisions are made from evidence in the document itself, never from its words:
- chapters (structure.chapters): a line that is only "บทที่ N", the next line is the title;
- headings (structure.headings): a number continuing the heading sequence (1.4 after 1.3; a digit
  in a private code is a wildcard the sequence fills in); at depth 3 and deeper a group of
  siblings whose text runs on over several lines is a section-numbered list, not headings;
- enumerated lists (structure.headings): "1." … "n." in sequence inside one section;
- paragraphs (structure.paragraphs): a new one starts after a line that ends short of the measure,
  or after a full line ending with a space when the next line is indented;
- epigraph (structure.epigraphs): a quotation first in a chapter or section, followed by
  right-aligned attribution lines;
- framework (structure.frameworks): an empty drawing area (a run of space-only lines) in a section,
  and short box texts at the section's end; the boxes go where the drawing was.
structure.assemble turns the roles found into the tree's blocks.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from typeset.notice import Notice
from typeset.source import nodes as n
from typeset.structure.join import Joiner
from typeset.structure.lines import Line, Measure


@dataclass
class Recovered:
    """What parse found: the tree, where the body starts and ends, the spots to check, counts."""
    tree: n.Document
    front_end: int = 0              # line index where the body starts (front matter before it)
    back_start: int | None = None   # line index where the reference list / appendices start
    notices: list[Notice] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    @property
    def chapters(self) -> list[n.Chapter]:
        return self.tree.chapters

    def note(self, line: int, what: str) -> None:
        """An uncertain spot at a raw line of the imported text."""
        self.notices.append(Notice(what, stage="structure", line=line))


@dataclass
class Role:
    kind: str                      # heading | item | epigraph | skip
    level: int = 0
    number: str = ""
    title: str = ""
    group: object = None           # list identity for items
    section_numbered: bool = False
    block: object = None           # a ready block (epigraph)


@dataclass
class Span:
    """One chapter's lines while its roles are found."""
    number: int
    line: int
    title: str
    start: int                     # first body line index
    end: int                       # one past the last body line index
    roles: dict = field(default_factory=dict)
    inserts: dict = field(default_factory=dict)   # line index -> block placed there


def parse(lines: list[Line], joiner: Joiner | None = None, source_name: str = "") -> Recovered:
    joiner = joiner or Joiner("\n".join(ln.text for ln in lines))
    return Parser(lines, joiner, source_name).run()


class Parser:
    """The lines, the measure and what was found so far; the finding is done by the modules above."""

    def __init__(self, lines: list[Line], joiner: Joiner, source_name: str = ""):
        self.lines = lines
        self.joiner = joiner
        self.file = source_name        # the nodes' file: the imported text (lines are its lines)
        self.m = Measure(lines)
        self.doc = Recovered(n.Document(kind="thesis", root=source_name))
        self._squeezed_text: str | None = None    # the document without spaces
        self.content = [i for i, ln in enumerate(lines) if not ln.blank]
        self.doc.counts["page numbers dropped"] = sum(1 for ln in lines if ln.artefact)

    def run(self) -> Recovered:
        from typeset.structure import assemble, epigraphs, frameworks, headings
        from typeset.structure.chapters import find_chapters

        for ch in find_chapters(self):
            headings.find_headings(self, ch)
            headings.find_enumerations(self, ch)
            epigraphs.find_epigraphs(self, ch)
            frameworks.find_frameworks(self, ch)
            self.doc.chapters.append(assemble.chapter(self, ch))
        c = self.doc.counts
        for chap in self.doc.chapters:
            for b in chap.blocks:
                if isinstance(b, n.Section):
                    c["sections" if b.level == 2 else "subsections"] += 1
        c["chapters"] = len(self.doc.chapters)
        return self.doc

    def next_content(self, i: int, end: int | None = None) -> int | None:
        end = len(self.lines) if end is None else end
        for j in range(i + 1, end):
            if not self.lines[j].blank:
                return j
        return None

    def body(self, ch: Span) -> list[int]:
        return [i for i in self.content if ch.start <= i < ch.end]

    def joined(self, idx: list[int]) -> str:
        """The text of these lines as one paragraph (structure.join decides the line ends)."""
        return self.joiner.join([(self.lines[i].text, self.lines[i].trail, self.lines[i].no) for i in idx])

    def squeezed(self) -> str:
        if self._squeezed_text is None:
            self._squeezed_text = self.joiner.text.replace(" ", "")
        return self._squeezed_text
