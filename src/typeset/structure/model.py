"""The recovered document: chapters of headings, paragraphs, lists, epigraphs and frameworks."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Heading:
    level: int          # 2 = section (##), 3 = subsection (###), ...
    title: str
    line: int
    number: str = ""    # as recovered, e.g. "1.4" (numbers are generated on output)


@dataclass
class Paragraph:
    text: str
    line: int


@dataclass
class Item:
    text: str
    line: int
    children: list[Paragraph] = field(default_factory=list)


@dataclass
class ListBlock:
    items: list[Item]
    section_numbered: bool   # labels continue the section number (1.4.1, 1.4.2)
    line: int = 0


@dataclass
class Epigraph:
    quote: str
    attribution: str
    line: int


@dataclass
class Framework:
    caption: str
    direction: str
    boxes: list[str]
    line: int


Block = Heading | Paragraph | ListBlock | Epigraph | Framework


@dataclass
class Chapter:
    number: int
    title: str
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class Document:
    chapters: list[Chapter]
    front_end: int = 0              # line index where the body starts (front matter before it)
    back_start: int | None = None   # line index where the reference list / appendices start
    uncertain: list[tuple[int, str]] = field(default_factory=list)   # (raw line, what)
    counts: Counter = field(default_factory=Counter)

    def note(self, line: int, what: str) -> None:
        self.uncertain.append((line, what))
