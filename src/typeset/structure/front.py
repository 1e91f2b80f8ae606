"""Front matter: the paragraphs before the first chapter -> thesis.yaml values and frontmatter/*.md.

Shared by the text, .docx and PDF imports. Each reader hands over one `Para` per paragraph (or
per line where it cannot tell), with size/bold/centred/style hints when it knows them. Parts are
found by their headings (บทคัดย่อ, ABSTRACT, กิตติกรรมประกาศ, คำนำ, ประวัติผู้เขียน, สารบัญ…),
compared by skeleton so damaged spellings (คานา, บทคัดยอ) still match; the cover is what comes
before the first of them, read line by line: labelled lines (ชื่อวิทยานิพนธ์ …, ผู้เขียน …),
person lines (นาย/นางสาว …), the university, faculty, programme, degree and year lines; the
title is the largest unlabelled text (with hints) or the run of lines just before the author.
Nothing on the cover is lost: the degree statement is kept as `statement`, every other line
(course, student id, ภาคเรียนที่ …) in `cover_lines`, both printed by the cover template.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from typeset.structure.frontwords import (  # noqa: F401 (heading_part, split_label, CONTENTS_LINE: used by the readers)
    ACADEMIC, APPENDIX_LABEL, BY, GLOSSARY_HEADS, CONTENTS_LINE, DEGREE, DOTS, FACULTY, LINE_KEYS, PAGE_ALONE, PERSON,
    PROGRAM, REPORT, STATEMENT, SUBMISSION, TO, UNIVERSITY, YEAR, label_key, heading_part, split_label)
from typeset.writers.markdown import escape
from typeset.structure.reflist import bibliography_title, references_markdown  # noqa: F401 (readers use both)
from typeset.thai.chars import has_thai, skeleton, thai_to_arabic
from typeset.thai.inword import line_end_gap


@dataclass
class Para:
    text: str
    line: int = 0
    size: float | None = None
    bold: bool = False
    centered: bool = False
    style: str = ""


@dataclass
class Front:
    values: dict = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    dropped: list[tuple[int, str]] = field(default_factory=list)
    contents: set[int] = field(default_factory=set)    # lines of contents pages (dropped)


PART_FILES = {
    "abstract-th": "frontmatter/abstract-th.md", "abstract-en": "frontmatter/abstract-en.md",
    "acknowledgements": "frontmatter/acknowledgements.md", "preface": "frontmatter/preface.md",
    "biography": "frontmatter/biography.md", "references": "references.md",
}

def read_front(paras: list[Para]) -> Front:
    return _Reader([p for p in paras if p.text.strip()]).run()


class _Reader:
    def __init__(self, paras: list[Para]):
        self.paras = paras
        self.front = Front()

    # -- values -------------------------------------------------------------------------------
    def put(self, key: str, value: str, line: int, join: str = "first") -> None:
        """Set a value; `join` appends to one already there ('' = as the script wants), 'first' keeps it."""
        value = " ".join(value.split()).strip(" :")
        if not value:
            return
        v = self.front.values
        if key == "year":
            m = re.search(r"[0-9๐-๙]{4}", value)
            if not m:
                return
            year = int(thai_to_arabic(m.group()))
            if year < 2400:
                year += 543            # a Christian year: the build wants the Buddhist Era
            v.setdefault("year", str(year))
            return
        if key == "keywords":
            lang = "th" if has_thai(value) else "en"
            words = [w.strip() for w in re.split(r"\s*[/,;，、]\s*", value) if w.strip()]
            v.setdefault("keywords", {}).setdefault(lang, words)
            return
        if key == "cover_lines":
            v.setdefault("cover_lines", []).append(value)
            return
        if key == "committee":
            if value not in v.setdefault("committee", []):
                v["committee"].append(value)
            return
        lang = "th" if has_thai(value) else "en"
        pair = v.setdefault(key, {})
        if lang in pair and (value in pair[lang].split(", ") or len(value) > 8 and value in pair[lang]):
            return                 # the same value again (a repeated title page)
        if join is not None and lang in pair and join != "first":
            sep = join or line_end_gap(pair[lang], value)
            pair[lang] = pair[lang] + sep + value
        else:
            pair.setdefault(lang, value)

    # -- the whole front ----------------------------------------------------------------------
    def run(self) -> Front:
        sections: list[tuple[str, int, list[Para]]] = [("cover", 0, [])]
        self.titles: dict[int, str] = {}
        size = None                # the contents heading's size: smaller headings are its entries
        for p in self.paras:
            part = heading_part(p.text)
            if part and sections[-1][0] == "contents" and (
                    part in ("references", "appendix") or size and p.size and p.size < size - 0.5):
                part = None
            if part:
                size = p.size if part == "contents" else None
                sections.append((part, p.line, []))
                self.titles[p.line] = " ".join(p.text.split())
            else:
                sections[-1][2].append(p)
        for part, line, body in sections:
            if part == "cover":
                self.cover(body, main=True)
            elif part == "contents":
                self.contents(line, body)
            elif part == "committee":
                self.cover(body, committee=True)
            elif part == "appendix":
                self.appendix(line, body)
            elif part == "abbreviations":
                self.abbreviations(body)
            elif part == "references":
                self.front.parts[PART_FILES[part]] = references_markdown([p.text for p in body])
                bibliography_title(self.front.values, self.titles.get(line, ""))
            else:
                self.prose(part, body)
        v = self.front.values
        if "degree" not in v and any(REPORT.search(" ".join(p.text.split())) for p in sections[0][2]):
            v["template"] = "thai-report"
        return self.front

    def contents(self, line: int, body: list[Para]) -> None:
        """Contents pages are regenerated by the build: dropped, and listed in the report."""
        rest = list(body)
        kept: list[Para] = []
        n = 0
        while rest:
            p = rest.pop(0)
            t = " ".join(p.text.split())
            if CONTENTS_LINE.search(t) or len(t) < 60 or PAGE_ALONE.match(t):
                n += 1
                self.front.contents.add(p.line)
                continue
            kept = [p] + rest       # prose again: the contents ended
            break
        self.front.dropped.append((line, f"contents page ({n} lines): the build writes its own"))
        if kept:
            self.cover(kept)

    def abbreviations(self, body: list[Para]) -> None:
        """'term<tab>meaning' (a two-column table row, a tab or a wide gap) -> thesis.yaml
        abbreviations, in the order written; a column-heading row (คำย่อ / ความหมาย) is skipped,
        a line without a term continues the last meaning, anything else is reported."""
        glossary = self.front.values.setdefault("abbreviations", {})
        for p in body:
            t = p.text.strip()
            if PAGE_ALONE.match(t):
                continue
            cut = re.split(r"\t+|\s{2,}|\s+[=:–-]\s+", t, maxsplit=1)
            first = t.split(maxsplit=1)
            if len(cut) < 2 and len(first) == 2 and len(first[0]) <= 12 and (
                    not has_thai(first[0]) or first[0].endswith(".")):
                cut = first            # "GDP ผลิตภัณฑ์…" once the reader collapsed the tab: a Latin term
            if len(cut) == 2 and not glossary and label_key(cut[0]) in GLOSSARY_HEADS:
                continue
            if len(cut) == 2 and cut[0].strip() and cut[1].strip() and len(cut[0]) <= 40:
                glossary.setdefault(" ".join(cut[0].split()), " ".join(cut[1].split()))
            elif glossary and not PAGE_ALONE.match(t):
                last = next(reversed(glossary))      # a meaning set over two lines
                glossary[last] += line_end_gap(glossary[last], t) + " ".join(t.split())
            else:
                self.front.dropped.append((p.line, f"abbreviations line without a term and meaning: {t}"))
        if not glossary:
            del self.front.values["abbreviations"]

    def appendix(self, line: int, body: list[Para]) -> None:
        """An appendix: its own file, titled by its heading (ภาคผนวก ก …); a heading alone is the
        separator page before the appendices."""
        texts = [" ".join(p.text.split()) for p in body if not PAGE_ALONE.match(p.text.strip())]
        if not texts:
            return
        n = sum(1 for k in self.front.parts if k.startswith("appendices/")) + 1
        # the build prints "ภาคผนวก ก" itself: the title is what follows the label
        title = APPENDIX_LABEL.sub("", self.titles.get(line, "")).strip()
        if not title and len(texts) > 1 and len(texts[0]) <= 80:
            title = texts.pop(0)
        out = [f"# {escape(title or 'ภาคผนวก')}", ""] + [escape(t) + "\n" for t in texts]
        self.front.parts[f"appendices/{n:02d}-appendix.md"] = "\n".join(out)

    def prose(self, part: str, body: list[Para]) -> None:
        out: list[str] = []
        started = False
        for p in body:
            t = " ".join(p.text.split())
            if PAGE_ALONE.match(t):
                continue
            lab = split_label(t) if not started or t.startswith(("คำสำคัญ", "Keyword", "KEYWORD")) else None
            if lab and len(t) < 200 and (lab[1] or lab[0] == "keywords"):
                self.put(*((lab[0], lab[1]) if lab[0] not in LINE_KEYS else ("cover_lines", t)), p.line)
                continue
            started = True
            out.append(escape(t))
        if out:
            self.front.parts[PART_FILES[part]] = "\n\n".join(out) + "\n"

    def cover(self, body: list[Para], committee: bool = False, main: bool = False) -> None:
        texts = [" ".join(p.text.split()) for p in body]
        used = [False] * len(body)
        last_label = None
        role = ""
        # labelled lines, and lines that continue a labelled value
        for i, (p, t) in enumerate(zip(body, texts)):
            if PAGE_ALONE.match(t):
                used[i] = True
                continue
            lab = split_label(t)
            if lab and lab[1] and len(t) < 200:
                if lab[0] in LINE_KEYS:
                    self.put("cover_lines", t, p.line)
                else:
                    self.put(lab[0], lab[1], p.line)
                used[i], last_label = True, lab[0]
                continue
            if last_label in LINE_KEYS and _same_run(body[i - 1], p) and not has_thai(t) \
                    and not has_thai(texts[i - 1][-1:]) and not self._other_value(t):
                # a course name set over two lines: "รายวิชา 523494 COMPUTER ENGINEERING" / "STUDY PROJECT"
                self.front.values["cover_lines"][-1] += " " + t
                used[i] = True
                continue
            if last_label and self._continues_value(last_label, t, texts[i + 1:i + 2]):
                self.put(last_label, t, p.line, "" if last_label == "title" else ", ")
                used[i] = True
                continue
            last_label = None
            # committee pages: a dotted signature line with the role, then (the name), on one
            # line or two
            signed = re.match(r"^[.…_\s]{8,}(.*?)\s*\(([^()]+)\)$", t)
            if signed:
                role, name = signed.group(1), signed.group(2).strip()
                self.put("advisor" if "ที่ปรึกษา" in role or "advisor" in role.lower() else "committee",
                         name, p.line, ", ")
                used[i], role = True, ""
                continue
            if DOTS.match(t):
                role = DOTS.sub("", t)
                used[i] = True
                continue
            m = re.fullmatch(r"\((.+)\)", t)
            if m and (committee or role):
                name = m.group(1).strip()
                if "ที่ปรึกษา" in role or "advisor" in role.lower():
                    self.put("advisor", name, p.line, ", ")
                else:
                    self.put("committee", name, p.line)
                used[i], role = True, ""
        self._unlabelled(body, texts, used, main)

    def _continues_value(self, label: str, t: str, after: list[str]) -> bool:
        """A line without a label under a labelled title (before the next label), or another
        person under a labelled author or advisor."""
        if self._other_value(t) or DOTS.match(t):
            return False
        if label == "title":
            return len(t) < 90 and bool(after) and split_label(after[0]) is not None
        if label in ("author", "advisor"):
            return bool(PERSON.match(t) or ACADEMIC.match(t))
        return False

    def _other_value(self, t: str) -> bool:
        return bool(split_label(t) or UNIVERSITY.search(t) or FACULTY.match(t) or YEAR.search(t)
                    or STATEMENT.search(t))

    def _unlabelled(self, body: list[Para], texts: list[str], used: list[bool], main: bool) -> None:
        title_end = len(body)          # the title comes before the first person / "by" line
        nxt = None
        stated = None                  # the statement's last line, while it may go on
        for i, (p, t) in enumerate(zip(body, texts)):
            if used[i]:
                stated = None
                continue
            cut = _values_start(t)
            if stated is not None and cut and _same_run(body[stated], p) and not (
                    split_label(t) or PERSON.match(t) or label_key(t) in BY | TO):
                self.put("statement", t[:cut], p.line, " ")    # the statement goes on
                used[i], stated, t = cut == len(t), i, t[cut:].strip()
                title_end = min(title_end, i)
                if not t:
                    continue
            stated = None
            k = label_key(t)
            if k in BY or k in TO:
                used[i] = True
                nxt = "author" if k in BY else "advisor"
                title_end = min(title_end, i)
                continue
            if PERSON.match(t) or (nxt and ACADEMIC.match(t)):
                what = nxt or "author"
                name = re.split(r"\s+(?:รหัส(?:นักศึกษา)?|student id|ID)\b", t, flags=re.I)[0]
                self.put(what, name, p.line, ", ")
                if name != t:          # a student id after the name: printed on the cover as written
                    self.put("cover_lines", t[len(name):], p.line)
                used[i] = True
                title_end = min(title_end, i)
                continue
            nxt = None
            spans: list[tuple[int, int]] = []
            m = SUBMISSION.search(t)
            if m and "statement" not in self.front.values:
                end = _values_start(t, m.end())
                self.put("statement", t[:end], p.line)
                spans.append((0, end))
                stated = i
            for key, rx in (("degree", DEGREE), ("year", YEAR)):
                m = rx.search(t)
                if m:
                    self.put(key, next(g for g in m.groups() if g), p.line)
                    spans.append(m.span())
            for key, rx in (("university", UNIVERSITY), ("faculty", FACULTY), ("program", PROGRAM)):
                m = rx.search(t)
                if m:
                    end = len(t)
                    for stop in (PROGRAM, FACULTY, UNIVERSITY, YEAR):
                        s = stop.search(t, m.start() + 1)
                        if s and stop is not rx:
                            end = min(end, s.start())
                    self.put(key, t[m.start():end], p.line)
                    spans.append((m.start(), end))
            if spans or STATEMENT.search(t):
                # what is left besides the values (ภาคเรียนที่ 3, a copyright line) is printed as written
                left = "".join(ch if not any(a <= k < b for a, b in spans) else " " for k, ch in enumerate(t))
                if len(skeleton(left)) > 2:
                    self.put("cover_lines", left, p.line)
                used[i] = True
                title_end = min(title_end, i)
        self._title(body, texts, used, title_end)
        sizes = sorted(p.size for p in body if p.size)
        small = sizes[len(sizes) // 2] * 0.7 if sizes else 0
        for i, (p, t) in enumerate(zip(body, texts)):
            # text far smaller than the cover's (a printer's mark, hidden text) is only reported
            if not used[i] and main and not (p.size and p.size < small):
                self.put("cover_lines", t, p.line)
            elif not used[i]:
                self.front.dropped.append((p.line, f"cover line not placed in thesis.yaml: {t}"))

    def _title(self, body: list[Para], texts: list[str], used: list[bool], end: int) -> None:
        if "title" in self.front.values:
            return
        cands = [i for i in range(end) if not used[i]]
        sized = [i for i in cands if body[i].size]
        if sized:
            big = max(body[i].size for i in sized)
            cands = [i for i in sized if body[i].size >= big - 0.5]
        # the run of Thai lines closest to the author, and the Latin-only run next to it
        th = [i for i in cands if has_thai(texts[i])]
        if th:
            run = [th[-1]]
            while run[0] - 1 in th:
                run.insert(0, run[0] - 1)
            for i in run:
                self.put("title", texts[i], body[i].line, "")
                used[i] = True
            lat = [i for i in cands if not has_thai(texts[i]) and len(texts[i].split()) >= 2
                   and (i == run[0] - 1 or i == run[-1] + 1 or i + 1 in cands and i + 1 == run[0] - 1)]
            for i in sorted(lat):
                self.put("title", texts[i], body[i].line, " ")
                used[i] = True


def _values_start(t: str, after: int = 0) -> int:
    """Where the programme, faculty, university or year named on a line starts (len(t): none)."""
    starts = [m.start() for rx in (PROGRAM, FACULTY, UNIVERSITY, YEAR) for m in [rx.search(t, after)] if m]
    return min(starts, default=len(t))


def _same_run(a: Para, b: Para) -> bool:
    """Two lines set alike (one value over two lines), as far as the reader knows."""
    return not (a.size and b.size and abs(a.size - b.size) > 0.5)
