"""Recover the document structure from repaired lines plus the raw layout.

Decisions are made from evidence in the document itself, never from its words:
- chapters: a line that is only "บทที่ N", the next line is the title;
- headings: a number continuing the heading sequence (1.4 after 1.3; a digit in a private code is a
  wildcard the sequence fills in); at depth 3 and deeper a group of siblings whose text runs on over
  several lines is a section-numbered list, not headings;
- enumerated lists: "1." … "n." in sequence inside one section;
- paragraphs: a new one starts after a line that ends short of the measure, or after a full line
  ending with a space when the next line is indented (shorter by about the paragraph indent);
- epigraph: a quotation first in a chapter or section, followed by right-aligned attribution lines;
- framework: an empty drawing area (a run of space-only lines) in a section, and short box texts at
  the section's end; the boxes go where the drawing was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from typeset.structure.chapters import back_start, numbered_chapters
from typeset.structure.front import heading_part
from typeset.structure.join import Joiner
from typeset.structure.lines import Line, Measure
from typeset.structure.model import (Chapter, Document, Epigraph, Framework, Heading, Item,
                                     ListBlock, Paragraph)
from typeset.structure.numbers import chapter_number, enum_item, parse_number

SENTENCE_END = re.compile(r"[.)”\"!?:;]$")
QUOTE_START = re.compile(r"^[\"“«‘'„]")
ATTRIBUTION_LEAD = 4      # right-aligned lines start with at least this many spaces
BOX_WIDTH = 0.45          # box text lines are shorter than this fraction of the measure
DIAGRAM_SPACES = 3        # space-only lines that make an empty drawing area


NEARLY_FULL = 0.8         # a last line this full may still run on when its words say so
HALF_INDENTED = 0.3       # a line shorter than the measure by less than this much of the indent
DANGLING = frozenset({"RPRE", "JCRG", "JSBR", "JCMP"})   # ORCHID: preposition, conjunctions


def _dangling(word: str) -> bool:
    """Is `word` a preposition or conjunction (ORCHID tags), which cannot end a paragraph?"""
    from pythainlp.tag import pos_tag

    return pos_tag([word], corpus="orchid")[0][1] in DANGLING


_NOT_SKELETON = re.compile(r"[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]+")


def skeleton(text: str) -> str:
    """Text without spaces and without the marks above and below Thai letters: two spellings of
    one phrase whose marks were displaced differently still compare equal."""
    return _NOT_SKELETON.sub("", text)


@dataclass
class _Role:
    kind: str                      # heading | item | epigraph | skip
    level: int = 0
    number: str = ""
    title: str = ""
    group: object = None           # list identity for items
    section_numbered: bool = False
    block: object = None           # a ready block (epigraph)


@dataclass
class _Chapter:
    number: int
    line: int
    title: str
    start: int                     # first body line index
    end: int                       # one past the last body line index
    roles: dict = field(default_factory=dict)
    inserts: dict = field(default_factory=dict)   # line index -> block placed there


def parse(lines: list[Line], joiner: Joiner | None = None) -> Document:
    joiner = joiner or Joiner("\n".join(ln.text for ln in lines))
    return _Parser(lines, joiner).run()


class _Parser:
    def __init__(self, lines: list[Line], joiner: Joiner):
        self.lines = lines
        self.joiner = joiner
        self.m = Measure(lines)
        self.doc = Document([])
        self._squeezed_text: str | None = None    # the document without spaces
        self.content = [i for i, ln in enumerate(lines) if not ln.blank]
        self.doc.counts["page numbers dropped"] = sum(1 for ln in lines if ln.artefact)

    # -- chapters ---------------------------------------------------------------------------
    def run(self) -> Document:
        chapters = self._chapters()
        for ch in chapters:
            self._headings(ch)
            self._enumerations(ch)
            self._epigraphs(ch)
            self._frameworks(ch)
            self.doc.chapters.append(self._assemble(ch))
        c = self.doc.counts
        for chap in self.doc.chapters:
            for b in chap.blocks:
                if isinstance(b, Heading):
                    c["sections" if b.level == 2 else "subsections"] += 1
        c["chapters"] = len(self.doc.chapters)
        return self.doc

    def _next_content(self, i: int, end: int | None = None) -> int | None:
        end = len(self.lines) if end is None else end
        for j in range(i + 1, end):
            if not self.lines[j].blank:
                return j
        return None

    def _chapters(self) -> list[_Chapter]:
        found: list[tuple[int, int | None, int | None, str]] = []   # (line idx, number, title idx, inline title)
        for i in self.content:
            text = self.lines[i].text
            is_ch, n = chapter_number(text)
            inline = ""
            if not is_ch:
                m = re.match(r"^บทที่\s*(\d{1,2})\s+(\S.*)$", text)
                if m and int(m.group(1)) == len(found) + 1 and self.m.short(self.lines[i], 0.6) \
                        and not parse_number(text):
                    is_ch, n, inline = True, int(m.group(1)), m.group(2)
            if not is_ch:
                continue
            if n == 1 and found:
                # numbering starts again: what came before was a table of contents
                self.doc.note(self.lines[found[0][0]].no, "text before this looked like a table of "
                              "contents (chapter numbers start again); it is not imported")
                found = []
            title_idx = None if inline else self._next_content(i)
            found.append((i, n, title_idx, inline))
        texts = [(i, self.lines[i].text) for i in self.content]
        if not found:
            found = [(i, n, None, title) for i, n, title in
                     numbered_chapters(texts, lambda i: self.m.short(self.lines[i], 0.6)
                                       or self.lines[i].width <= 40)]
            if found:
                self.doc.note(self.lines[found[0][0]].no, "no บทที่ lines: chapters taken from "
                              f"numbered headings ({len(found)} chapters)")
        if not found:
            if any(heading_part(t) for _, t in texts):
                self.doc.front_end = len(self.lines)    # front matter (or a reference list) only
                return []
            self.doc.note(1, "no chapter heading (บทที่ N) found: the whole text is one chapter")
            return [_Chapter(1, 1, "TODO: ชื่อบท", 0, len(self.lines))]
        self.doc.front_end = found[0][0]
        self.doc.back_start = back_start(texts, found[-1][0])
        last = len(self.lines) if self.doc.back_start is None else self.doc.back_start
        out = []
        for k, (i, n, t, inline) in enumerate(found):
            end = found[k + 1][0] if k + 1 < len(found) else last
            if n is None:
                self.doc.note(self.lines[i].no, f"chapter number unreadable ('{self.lines[i].text}'): "
                              f"taken as {k + 1} from the sequence")
            elif n != k + 1:
                self.doc.note(self.lines[i].no, f"chapter number {n} out of sequence: numbered {k + 1}")
            title = inline or (self.lines[t].text if t is not None and t < end else "TODO: ชื่อบท")
            start = i + 1 if inline else (t + 1 if t is not None else i + 1)
            out.append(_Chapter(k + 1, self.lines[i].no, title, start, end))
        return out

    def _body(self, ch: _Chapter) -> list[int]:
        return [i for i in self.content if ch.start <= i < ch.end]

    # -- numbered headings and section-numbered lists -----------------------------------------
    def _headings(self, ch: _Chapter) -> None:
        path = [ch.number]
        groups: dict[tuple, list[tuple[int, str, str]]] = {}
        body = self._body(ch)
        for pos, i in enumerate(body):
            ln = self.lines[i]
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
                self.doc.note(ln.no, f"section number {ch.number}.{num.parts[1]} skips {ch.number}.{nxt}")
                want, ok = parent + [num.parts[1]], True
            if not ok:
                continue
            if None in num.parts:
                self.doc.note(ln.no, f"heading number '{ln.text.split()[0]}' unreadable: taken as "
                              f"{'.'.join(map(str, want))} from the sequence")
            title = num.rest
            if not title:
                t = body[pos + 1] if pos + 1 < len(body) else None
                if t is None:
                    continue
                title = self.lines[t].text
                ch.roles[t] = _Role("skip")
            path = want
            number = ".".join(map(str, want))
            if d == 2:
                ch.roles[i] = _Role("heading", 2, number, title)
            else:
                groups.setdefault(tuple(parent), []).append((i, number, title))
        for parent, members in groups.items():
            runs = [self._runs_on(i, ch) for i, _, _ in members]
            is_list = sum(runs) >= 1 and 2 * sum(runs) >= len(members)
            if is_list != all(runs) and any(runs):
                self.doc.note(self.lines[members[0][0]].no,
                              f"{'.'.join(map(str, parent))}.x taken as a "
                              f"{'numbered list' if is_list else 'run of headings'}: "
                              f"{sum(runs)} of {len(members)} run on over several lines")
            if not is_list:
                members = self._fill_sibling_digits(members)
            for i, number, title in members:
                if is_list:
                    ch.roles[i] = _Role("item", group=("sec", parent), section_numbered=True, title=title)
                else:
                    ch.roles[i] = _Role("heading", len(number.split(".")), number, title)

    def _fill_sibling_digits(self, members: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """Sibling titles numbered in their own text ("บทที่ 1 …", "บทที่ 2 …"): a digit in a private
        code at that place is the sibling's position (reported)."""
        toks = [t.split() for _, _, t in members]
        out = list(members)
        for p in range(3):
            slot = [tk[p] if len(tk) > p else None for tk in toks]
            good = [k for k, x in enumerate(slot) if x == str(k + 1)]
            bad = [k for k, x in enumerate(slot) if x is not None and len(x) == 1
                   and not x.isdigit() and not re.match(r"[\u0e00-\u0e7f]", x)]
            if good and bad and len(bad) <= len(good) and len(good) + len(bad) == len(slot):
                for k in bad:
                    i, number, title = out[k]
                    toks[k][p] = str(k + 1)
                    out[k] = (i, number, " ".join(toks[k]))
                    self.doc.note(self.lines[i].no, f"digit '{slot[k]}' in the title of {number} "
                                  f"unreadable: taken as {k + 1} from its siblings")
        return out

    def _runs_on(self, i: int, ch: _Chapter) -> bool:
        """The numbered line's text continues on the next line (a list item, not a title)."""
        ln = self.lines[i]
        j = self._next_content(i, ch.end)
        if j is None or ln.trail > 0 or ln.width < 0.5 * self.m.full:
            return False
        return parse_number(self.lines[j].text) is None

    # -- enumerated lists "1. … n." -----------------------------------------------------------
    def _enumerations(self, ch: _Chapter) -> None:
        cands: list[tuple[int, int]] = []
        section = 0
        for i in self._body(ch):
            role = ch.roles.get(i)
            if role and role.kind == "heading":
                section += 1
                cands.append((-1, -1))    # a heading ends any list
                continue
            if role:
                continue
            e = enum_item(self.lines[i].text)
            if e:
                cands.append((i, e[0]))
        k = 0
        while k < len(cands):
            i, n = cands[k]
            if n != 1:
                k += 1
                continue
            run = [(i, n)]
            for j, m in cands[k + 1:]:
                if m == run[-1][1] + 1:
                    run.append((j, m))
                elif m == 1 or j == -1:
                    break
            if len(run) >= 2:
                group = ("enum", run[0][0])
                for j, m in run:
                    ch.roles[j] = _Role("item", group=group, title=enum_item(self.lines[j].text)[1],
                                        number=str(m))
                k = cands.index(run[-1]) + 1
            else:
                k += 1

    # -- epigraphs ------------------------------------------------------------------------------
    def _epigraphs(self, ch: _Chapter) -> None:
        body = self._body(ch)
        starts = [body[0]] if body else []
        starts += [body[p + 1] for p, i in enumerate(body[:-1])
                   if ch.roles.get(i) and ch.roles[i].kind == "heading"]
        for s in starts:
            if s in ch.roles or not QUOTE_START.match(self.lines[s].text):
                continue
            pos = body.index(s)
            quote, attrib = [], []
            for i in body[pos:pos + 16]:
                ln = self.lines[i]
                if i in ch.roles:
                    break
                # attribution: set in further than the quotation itself (a quote block may be
                # indented as a whole)
                base = self.lines[quote[0]].lead if quote else 0
                if ln.lead >= base + ATTRIBUTION_LEAD and quote:
                    attrib.append(i)
                elif attrib:
                    break
                elif re.match(r"^[—–-]\s*\S", ln.text) and quote:
                    attrib.append(i)
                else:
                    quote.append(i)
            if not attrib:
                continue
            text = self.joiner.join([(self.lines[i].text, self.lines[i].trail, self.lines[i].no)
                                     for i in quote])
            who = [re.sub(r"^[—–-]+\s*", "", self.lines[i].text) for i in attrib]
            attribution = ""
            for w in who:
                attribution = w if not attribution else (
                    attribution + (" " if attribution.endswith(",") else ", ") + w)
            block = Epigraph(text, attribution, self.lines[s].no)
            ch.roles[s] = _Role("epigraph", block=block)
            for i in quote[1:] + attrib:
                ch.roles[i] = _Role("skip")
            self.doc.counts["epigraphs"] += 1

    # -- conceptual-framework diagrams ----------------------------------------------------------
    def _frameworks(self, ch: _Chapter) -> None:
        body = self._body(ch)
        # sections: ranges of body lines between headings
        bounds, title = [], ch.title
        cur: list[int] = []
        for i in body:
            role = ch.roles.get(i)
            if role and role.kind == "heading":
                bounds.append((title, cur))
                title, cur = role.title, []
            else:
                cur.append(i)
        bounds.append((title, cur))
        for title, sec in bounds:
            if len(sec) >= 2:
                self._framework_in(ch, title, sec)

    def _framework_in(self, ch: _Chapter, title: str, sec: list[int]) -> None:
        area = None
        for a, b in zip(sec, sec[1:]):
            spaces = [k for k in range(a + 1, b) if self.lines[k].spaces_only]
            if len(spaces) >= DIAGRAM_SPACES:
                area = spaces[0]
                break
        if area is None:
            return
        boxes_lines = self._box_tail(ch, sec)
        if not boxes_lines:
            return
        groups: list[list[int]] = [[boxes_lines[0]]]
        for a, b in zip(boxes_lines, boxes_lines[1:]):
            if b == a + 1:
                groups[-1].append(b)
            else:
                groups.append([b])
        skip = set(boxes_lines)
        outside = skeleton("".join(self.lines[i].text for i in self.content if i not in skip))
        merged = [groups[0]]
        for g in groups[1:]:
            last = self.lines[merged[-1][-1]]
            both = skeleton("".join(self.lines[i].text for i in merged[-1] + g))
            if last.trail == 0 or (len(both) >= 12 and both in outside):
                merged[-1] = merged[-1] + g
            else:
                merged.append(g)
        if len(merged) < 2:
            return
        boxes = [self.joiner.join([(self.lines[i].text, self.lines[i].trail, self.lines[i].no)
                                   for i in g]) for g in merged]
        narrow = max(self.lines[i].width for i in boxes_lines) <= 0.4 * self.m.full
        direction = "horizontal" if narrow and len(boxes) <= 4 else "vertical"
        block = Framework(title, direction, boxes, self.lines[area].no)
        ch.inserts[area] = block
        for i in boxes_lines:
            ch.roles[i] = _Role("skip")
        self.doc.counts["frameworks"] += 1
        if len(merged) != len(groups):
            self.doc.note(self.lines[boxes_lines[0]].no,
                          f"framework: {len(groups)} text groups read as {len(merged)} boxes "
                          f"(groups joined where the text continues or the joined phrase occurs "
                          f"in the body); check the boxes")

    def _box_tail(self, ch: _Chapter, sec: list[int]) -> list[int]:
        """Short lines at the end of a section that do not continue a paragraph: box texts."""
        tail: list[int] = []
        for i in reversed(sec):
            ln = self.lines[i]
            if i in ch.roles or ln.width >= BOX_WIDTH * self.m.full:
                break
            tail.insert(0, i)
        # drop the lines that are the end of the paragraph before the boxes
        while tail:
            first = tail[0]
            k = sec.index(first)
            prev = self.lines[sec[k - 1]] if k else None
            if prev is not None and prev.width >= BOX_WIDTH * self.m.full and (
                    prev.trail == 0 or not any(self.lines[x].spaces_only for x in range(sec[k - 1] + 1, first))):
                tail.pop(0)
                continue
            break
        return tail

    # -- paragraphs, lists and blocks ---------------------------------------------------------
    def _boundary(self, prev: Line, cur: Line) -> bool:
        """Does `cur` start a new paragraph after `prev`?"""
        if self.m.indented(prev, cur):
            return True     # a first-line indent (pdftotext -layout keeps it; no trailing spaces)
        if prev.trail == 0:
            return False
        if self.m.short(prev, 0.85):
            # nearly full: the words across the break may still say the sentence runs on
            return self.m.short(prev, NEARLY_FULL) or not self._runs_on_text(prev, cur)
        # a full line ending with a space: a new paragraph only when `cur` is indented
        if cur.trail > 0:
            return False
        end = bool(SENTENCE_END.search(prev.text))
        # after a sentence end (a closing citation) a smaller indent is enough
        limit = self.m.full - (2.0 if end else self.m.indent / 2)
        if abs(cur.width - limit) < 0.75:
            why = self._runs_on_text(prev, cur)
            self.doc.note(cur.no, f"paragraph {'break' if end and not why else 'continued'}: a close "
                          f"call (line width near the indent{'; ' + why if why else ''})")
            return end and not why
        if cur.width < limit <= cur.width + HALF_INDENTED * self.m.indent:
            # only slightly shorter than a full line: the words across the break decide
            why = self._runs_on_text(prev, cur)
            if why:
                self.doc.note(cur.no, f"paragraph continued: the line is barely indented and {why}")
                return False
        return cur.width < limit

    def _runs_on_text(self, prev: Line, cur: Line) -> str:
        """Why the text of `prev` must go on into `cur` ('' if nothing says so): it ends with a
        preposition or conjunction (นำไปสู่ / และ), or the words across the break are pieces of a
        name the document writes elsewhere ("คิม จอง" / "อึน")."""
        from typeset.structure.join import THAI_HEAD, THAI_TAIL
        from typeset.thai.segment import plain_tokens as _tokens
        from typeset.thai.words import plain_words as _dictionary

        tail, head = THAI_TAIL.search(prev.text), THAI_HEAD.match(cur.text)
        if not tail or not head:
            return ""
        lt, rt = _tokens(tail.group()[-30:]), _tokens(head.group()[:30])
        if not lt or not rt:
            return ""
        a, b = lt[-1], rt[0]
        if _dangling(a):
            return f"'{a}' needs what follows"
        # a name across the break: the last two words and the next one, one of them outside the
        # dictionary, written in a row elsewhere (with or without spaces)
        before = _tokens(prev.text[-30:])
        words = list(before[-2:]) + [b]
        phrase = "".join(words)
        if all(THAI_HEAD.fullmatch(w) for w in words) and any(w not in _dictionary() for w in words) and len(phrase) >= 6 and \
                self._squeezed().count(phrase) >= 2:
            return f"'{' '.join(words)}' is a name the document writes elsewhere"
        return ""

    def _squeezed(self) -> str:
        if self._squeezed_text is None:
            self._squeezed_text = self.joiner.text.replace(" ", "")
        return self._squeezed_text

    def _assemble(self, ch: _Chapter) -> Chapter:
        out = Chapter(ch.number, ch.title, ch.line)
        blocks = out.blocks
        para: list[int] = []            # line indices of the open paragraph or item text
        item: Item | None = None
        lst: ListBlock | None = None
        group = None
        pending: list[Paragraph] = []   # paragraphs after an item, before the next one
        gaps: list[int] = []            # paragraphs found between consecutive items

        override: dict[int, str] = {}   # item lines: the text after the number

        def text_of(idx: list[int]) -> str:
            joined = self.joiner.join([(override.get(i, self.lines[i].text), self.lines[i].trail,
                                        self.lines[i].no) for i in idx])
            self.doc.counts["lines joined"] += len(idx) - 1
            self.doc.counts["page breaks joined"] += sum(
                1 for i in idx[1:] if self.lines[i].lead and self.lines[i - 1].text)
            return joined

        def flush_para():
            nonlocal para
            if not para:
                return
            if item is not None and para[0] == item_line[0]:
                item.text = text_of(para)
            else:
                p = Paragraph(text_of(para), self.lines[para[0]].no)
                self.doc.counts["paragraphs"] += 1
                if lst is not None:
                    pending.append(p)
                else:
                    blocks.append(p)
            para = []

        def close_list():
            nonlocal lst, item, group, pending, gaps
            if lst is None:
                return
            # the last item keeps as many following paragraphs as its siblings had
            keep = min(gaps) if gaps and min(gaps) > 0 else 0
            if keep and lst.items:
                lst.items[-1].children.extend(pending[:keep])
                pending = pending[keep:]
            blocks.extend(pending)
            lst, item, group, pending, gaps = None, None, None, [], []

        item_line = [None]
        prev: Line | None = None
        for i in range(ch.start, ch.end):
            if i in ch.inserts:
                flush_para()
                close_list()
                blocks.append(ch.inserts[i])
                prev = None
                continue
            ln = self.lines[i]
            if ln.blank:
                continue
            role = ch.roles.get(i)
            if role and role.kind == "skip":
                continue
            if role and role.kind in ("heading", "epigraph"):
                flush_para()
                close_list()
                blocks.append(Heading(role.level, role.title, ln.no, role.number)
                              if role.kind == "heading" else role.block)
                prev = None
                continue
            if role and role.kind == "item":
                flush_para()
                if lst is None or group != role.group:
                    close_list()
                    lst = ListBlock([], role.section_numbered, ln.no)
                    group = role.group
                    blocks.append(lst)
                    self.doc.counts["lists"] += 1
                elif lst.items:
                    gaps.append(len(pending))
                    lst.items[-1].children.extend(pending)
                    pending = []
                item = Item(role.title, ln.no)
                lst.items.append(item)
                self.doc.counts["list items"] += 1
                para = [i]
                item_line[0] = i
                override[i] = role.title    # continuation lines join the text after the number
                prev = ln
                continue
            if prev is not None and para and not self._boundary(prev, ln):
                para.append(i)
            else:
                flush_para()
                para = [i]
            prev = ln
        flush_para()
        close_list()
        return out
