"""Flat .docx blocks -> the thesis tree: chapters, appendices, headings, lists, quotes, captions,
the reference list and biography; what stands before the first chapter is front matter.

Evidence, strongest first: the paragraph style (Heading 1-4, Title, custom styles based on
them, which carry an outline level), Word's automatic numbering (a "บทที่ %1" level, multilevel
"%1.%2" levels), then the look of the paragraph where everything is "Normal": a line that is
only "บทที่ N" set bold, bigger or centred; a bold short line led by a heading number.
Numbers are dropped from titles (the build generates them); where Word's number and the build's
would differ, a warning says so.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from typeset.docx.read import Block
from typeset.source import nodes as n
from typeset.structure.front import heading_part
from typeset.structure.numbers import THAI_DIGITS, chapter_number, enum_item, parse_number

APPENDIX = re.compile(r"^ภาคผนวก\s*(?P<n>[ก-ฮ]|[A-Z]|\d+)?\s*(?P<rest>.*)$")
CHAPTER_LINE = re.compile(r"^บทที่\s*(?P<n>[\d๐-๙]{1,2})\s*[:.\-]?\s*(?P<rest>.*)$")
FIG_CAPTION = re.compile(r"^(?:ภาพที่|รูปที่|แผนภาพที่|แผนภูมิที่|Figure|Fig\.)\s*[\d๐-๙]+(?:[.\-][\d๐-๙]+)*\s*[:.]?\s*")
TABLE_CAPTION = re.compile(r"^(?:ตารางที่|Table)\s*[\d๐-๙]+(?:[.\-][\d๐-๙]+)*\s*[:.]?\s*")
REFERENCES = re.compile(r"^(บรรณานุกรม|เอกสารอ้างอิง|รายการอ้างอิง|References|Bibliography)$", re.I)
BIOGRAPHY = re.compile(r"^(ประวัติผู้เขียน|ประวัติผู้วิจัย|ประวัติผู้ศึกษา|ประวัติผู้ทำวิทยานิพนธ์|"
                       r"Biography|Vita|Curriculum Vitae)$", re.I)
HEADING_STYLE = re.compile(r"(?:heading|หัวเรื่อง|หัวข้อ)\s*(\d)", re.I)
TYPED_BULLET = re.compile(r"^[•●○▪■◆◦\-–\u2022\uf0b7\uf0a7\uf0d8]\s+")
SENTENCE_END = re.compile(r"[.:;]$")
# a contents line typed by hand: "บทที่ 1 บทนำ ........ 1" (a dot leader, or a page number after a tab)
CONTENTS_ENTRY = re.compile(r"(\.{3,}|…{2,}|\t)\s*[\dก-ฮ๐-๙ivxlc]{1,4}$")
TOC_STYLE = re.compile(r"^(toc \d|table of figures|สารบัญ)", re.I)
MAX_HEADING = 160            # characters: a longer bold line is a paragraph


@dataclass
class Result:
    front: list = field(default_factory=list)         # Blocks before the first chapter
    chapters: list = field(default_factory=list)      # n.Chapter (kind chapter)
    appendices: list = field(default_factory=list)    # n.Chapter (kind appendix)
    references: list = field(default_factory=list)    # inline lists, one per entry
    references_title: str = ""                        # the list's own heading (เอกสารอ้างอิง …)
    biography: list = field(default_factory=list)     # blocks


class Builder:
    def __init__(self, blocks: list[Block], report):
        self.blocks = [b for b in blocks if b.kind != "para" or b.text or b.inlines]
        self.report = report
        empty = len(blocks) - len(self.blocks)
        if empty:
            report.count("empty paragraphs dropped", empty)
        toc = [b for b in self.blocks if b.kind == "para" and TOC_STYLE.match(b.style)]
        if toc:
            report.count("contents entries (TOC styles) dropped", len(toc))
            self.blocks = [b for b in self.blocks if b not in toc]
        self.result = Result()
        sizes = Counter()
        for b in blocks:
            if b.kind == "para" and b.size:
                sizes[b.size] += len(b.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else None
        self.part = None         # the current n.Chapter, or "references"/"biography"
        self.last_level = 1
        self.word_chapter = 0
        self.enum_level = 0
        self.counters: list[int] = []

    # -- roles ----------------------------------------------------------------
    def _looks_heading(self, b: Block) -> bool:
        return (b.bold or (self.body_size and b.size and b.size > self.body_size) or b.align == "center") \
            and len(b.text) <= MAX_HEADING

    def _style_level(self, b: Block) -> int | None:
        """1 = chapter level, 2 = section … from the style name or the outline level."""
        if b.style.lower() == "title":
            return 1
        m = HEADING_STYLE.search(b.style)
        if m and 1 <= int(m.group(1)) <= 9:
            return int(m.group(1))
        if b.outline is not None and len(b.text) <= MAX_HEADING:
            return b.outline + 1
        return None

    def _part_start(self, b: Block, k: int):
        """('chapter'|'appendix'|'references'|'biography', Word's number, title, lines used) or None."""
        text = b.text.strip()
        level = self._style_level(b)
        strong = level == 1 or self._looks_heading(b)
        if not strong or CONTENTS_ENTRY.search(text):
            return None
        if REFERENCES.match(text):
            return "references", "", text, 1
        if BIOGRAPHY.match(text):
            return "biography", "", text, 1
        is_ch, num = chapter_number(text)
        m = CHAPTER_LINE.match(text)
        a = APPENDIX.match(text)
        kind = "chapter" if (is_ch or m) else "appendix" if a else None
        if kind is None and level == 1:
            if b.label and re.match(r"^(บทที่|ภาคผนวก)", b.label):
                kind = "appendix" if b.label.startswith("ภาคผนวก") else "chapter"
                return kind, b.label.split()[-1], text, 1
            if not self.result.chapters and (b.style.lower() == "title" or heading_part(text)):
                return None     # a front-matter heading (บทคัดย่อ, สารบัญ …) set as Heading 1
            return "chapter", "", text, 1
        if kind is None:
            return None
        word_number = (str(num) if num else "") if is_ch else (m.group("n") if m else (a.group("n") or ""))
        rest = "" if is_ch else (m.group("rest") if m else a.group("rest"))
        if rest.strip():
            return kind, word_number, rest.strip(), 1
        nxt = self._next_text(k)
        if nxt is not None and self._looks_heading(self.blocks[nxt]) and not self._part_word(self.blocks[nxt]):
            return kind, word_number, self.blocks[nxt].text.strip(), nxt - k + 1
        if kind == "appendix" and not word_number and nxt is not None and self._part_word(self.blocks[nxt]):
            return "separator", "", text, 1      # the ภาคผนวก page before ภาคผนวก ก, ข …
        return kind, word_number, "", 1

    def _part_word(self, b: Block) -> bool:
        return bool(chapter_number(b.text)[0] or CHAPTER_LINE.match(b.text) or APPENDIX.match(b.text))

    def _next_text(self, k: int) -> int | None:
        for j in range(k + 1, min(k + 3, len(self.blocks))):
            if self.blocks[j].kind == "para" and self.blocks[j].text:
                return j
            if self.blocks[j].kind != "para":
                return None
        return None

    def _heading(self, b: Block) -> tuple[int, str, str] | None:
        """(level 2-6, title without its number, Word's number) or None."""
        if not isinstance(self.part, n.Chapter) or len(b.text) > MAX_HEADING or b.kind != "para":
            return None
        text = b.text.strip()
        level = self._style_level(b)
        if level is not None and level >= 2:
            return min(level, 6), _drop_number(text)[0], b.label or _drop_number(text)[1]
        if b.num and b.num_fmt != "bullet" and b.num_text.count("%") >= 2 and b.bold \
                and not SENTENCE_END.search(text):
            return min(b.num_text.count("%"), 6), text, b.label
        bigger = bool(self.body_size and b.size and b.size > self.body_size)
        if not (b.bold or bigger) or b.num:
            return None
        num = parse_number(text)
        if num is not None and num.depth >= 2 and num.rest:
            chapter_first = self.part.kind == "chapter" and num.parts[0] in (self.part.index, self.word_chapter)
            return min(num.depth + (0 if chapter_first else 1), 6), num.rest, text[:len(text) - len(num.rest)].strip()
        item = enum_item(text)
        if item is not None and not SENTENCE_END.search(text) and len(text) <= 100:
            # "1. …" set bold on its own line: a heading one below the last numbered one; its
            # siblings ("2.", "3.") keep that level until a higher heading comes
            if not self.enum_level:
                self.enum_level = min(self.last_level + 1, 4) if self.last_level >= 2 else 2
            return self.enum_level, item[1].strip(), f"{item[0]}."
        if bigger and not SENTENCE_END.search(text):
            return 2, text, ""
        return None

    # -- build ------------------------------------------------------------------
    def run(self) -> Result:
        k = 0
        while k < len(self.blocks):
            b = self.blocks[k]
            start = self._part_start(b, k) if b.kind == "para" else None
            if start is not None:
                self._open(start, b)
                k += start[3]
                continue
            if self.part is None:
                self.result.front.append(b)
            elif self.part == "references":
                if b.kind == "para":
                    self.result.references.append(_without_bullet(b))
                else:
                    self.report.lost.append((f"table {b.index}", "a table inside the reference list"))
            elif self.part == "biography":
                self.result.biography.append(self._body_block(b))
            else:
                h = self._heading(b) if b.kind == "para" else None
                if h is not None:
                    self._section(b, *h)
                else:
                    self.part.blocks.append(self._body_block(b))
            k += 1
        for part in self.result.chapters + self.result.appendices:
            part.blocks = _captions(_lists(part.blocks, self.report), self.report)
        self.result.biography = _captions(_lists(self.result.biography, self.report), self.report)
        return self.result

    def _open(self, start, b: Block) -> None:
        kind, word_number, title, _ = start
        where = f"paragraph {b.index}"
        if kind == "separator":
            self.report.dropped.append((where, f"'{title}': the separator page before the appendices "
                                               "(the build makes its own)"))
            return
        if kind in ("references", "biography"):
            self.part = kind
            if kind == "references":
                self.result.references_title = title
            self.report.styles_seen(b.style, f"{kind} heading")
            return
        group = self.result.chapters if kind == "chapter" else self.result.appendices
        index = len(group) + 1
        ch = n.Chapter(title=[n.Text(text=title)] if title else [], kind=kind, index=index)
        if not title:
            self.report.warnings.append((where, f"{kind} {word_number or index} has no title"))
        if kind == "chapter" and _digits(word_number).isdigit() and int(_digits(word_number)) != index:
            self.report.warnings.append((where, f"Word numbers this chapter {word_number}; the build "
                                                f"numbers it {index}"))
        group.append(ch)
        digits = _digits(word_number)
        self.word_chapter = int(digits) if digits.isdigit() else index
        self.part, self.last_level, self.enum_level, self.counters = ch, 1, 0, []
        self.report.styles_seen(b.style, f"{kind} title")
        self.report.count("chapters" if kind == "chapter" else "appendices")

    def _section(self, b: Block, level: int, title: str, word_number: str) -> None:
        ch = self.part
        if ch.kind == "chapter" and level <= 4:
            depth = level - 2
            self.counters = (self.counters[:depth + 1] + [0] * (depth + 1))[:depth + 1]
            self.counters[depth] += 1
            built = ".".join([str(ch.index)] + [str(c) for c in self.counters])
            if word_number and _digits(word_number) and _digits(word_number) != built:
                self.report.warnings.append((f"paragraph {b.index}", f"heading '{word_number} {title[:40]}':"
                                                                      f" Word numbers it {word_number}, "
                                                                      f"the build numbers it {built}"))
        if ch.kind == "appendix" and word_number:
            title = f"{word_number} {title}"   # the build leaves appendix headings unnumbered
        if level < self.enum_level or (self.enum_level and level == self.enum_level and not
                                       re.fullmatch(r"\d+\.", word_number)):
            self.enum_level = 0
        self.last_level = level
        ch.blocks.append(n.Section(level=level, title=[n.Text(text=title)]))
        self.report.styles_seen(b.style, f"heading level {level}")
        self.report.count("headings")

    def _body_block(self, b: Block):
        if b.kind in ("table", "figure"):
            return b.node
        return b


def _digits(s: str) -> str:
    return s.translate(THAI_DIGITS).strip().rstrip(".")


def _drop_number(text: str) -> tuple[str, str]:
    num = parse_number(text)
    if num is not None and num.rest:
        return num.rest, text[:len(text) - len(num.rest)].strip()
    return text, ""


def _without_bullet(b: Block) -> list:
    nodes = list(b.inlines)
    if nodes and isinstance(nodes[0], n.Text):
        nodes[0] = n.Text(text=TYPED_BULLET.sub("", nodes[0].text))
    return nodes


# ---- lists, quotes, paragraphs -----------------------------------------------

def _lists(blocks: list, report) -> list:
    """Blocks (paragraph Blocks among tree nodes) -> tree nodes with nested lists."""
    from typeset.docx.lists import build_lists

    return build_lists(blocks, report)


def _captions(blocks: list, report) -> list:
    """'ตารางที่ N.M …' beside a table, 'ภาพที่ N.M …' beside a figure become their captions."""
    out = list(blocks)
    used = set()
    # which side this document puts captions on (Thai manuals: tables above, figures below),
    # from the captions with a table or figure on one side only; a caption below its table must
    # not take the next table when the two touch
    below = {n.Table: 0, n.Figure: 0}
    for k, b in enumerate(out):
        if isinstance(b, n.Paragraph) and b.children:
            text = n.plain_text(b.children)
            for pattern, typ in ((TABLE_CAPTION, n.Table), (FIG_CAPTION, n.Figure)):
                if pattern.match(text):
                    before = k > 0 and isinstance(out[k - 1], typ)
                    after = k + 1 < len(out) and isinstance(out[k + 1], typ)
                    below[typ] += (before and not after) - (after and not before)
    for k, b in enumerate(out):
        if not isinstance(b, n.Paragraph) or not b.children:
            continue
        text = n.plain_text(b.children)
        for pattern, typ in ((TABLE_CAPTION, n.Table), (FIG_CAPTION, n.Figure)):
            if not pattern.match(text):
                continue
            above = below[typ] < 0 or (below[typ] == 0 and typ is n.Table)
            order = (k + 1, k - 1) if above else (k - 1, k + 1)
            for j in order:
                if 0 <= j < len(out) and isinstance(out[j], typ) and j not in used:
                    kids = _plain_caption(b.children)
                    if kids and isinstance(kids[0], n.Text):
                        rest = pattern.sub("", kids[0].text, count=1)
                        kids = ([n.Text(text=rest)] if rest else []) + kids[1:]
                    out[j].caption = kids
                    used.add(j)
                    out[k] = None
                    report.count("captions")
                    break
            else:
                report.lost.append(("caption", f"'{text[:50]}': no {'table' if typ is n.Table else 'image'} "
                                               "next to it; kept as a paragraph"))
            break
    return [b for b in out if b is not None]


def _plain_caption(nodes: list) -> list:
    """A caption set bold in Word is a caption, not bold text."""
    out = []
    for x in nodes:
        if isinstance(x, (n.Strong, n.Emph)) and all(isinstance(c, n.Text) for c in x.children):
            out.append(n.Text(text=n.plain_text(x.children)))
        else:
            out.append(x)
    merged = []
    for x in out:
        if merged and isinstance(x, n.Text) and isinstance(merged[-1], n.Text):
            merged[-1] = n.Text(text=merged[-1].text + x.text)
        else:
            merged.append(x)
    return merged
