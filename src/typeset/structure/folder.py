"""The files of an imported thesis folder: thesis.yaml, chapters/NN-*.md, import-report.md."""
from __future__ import annotations

import re
from collections import Counter

from typeset.structure.front import (CONTENTS_LINE, Front, Para, heading_part, read_front,
                                     split_label)
from typeset.notice import notices_markdown
from typeset.source import nodes as n
from typeset.structure.join import Joiner
from typeset.structure.lines import Line, Measure, make_lines
from typeset.structure.parse import Recovered, parse
from typeset.writers.markdown import chapter_markdown
from typeset.writers.yamltext import scalar as yaml_scalar


def build_thesis(raw_text: str, repaired: list[str], source_name: str = "raw text",
                 repair_report=None) -> tuple[dict[str, str], Recovered]:
    """raw_text and its repaired lines (same count as raw_text.splitlines()) -> {path: content},
    and what was recovered (the source.nodes tree, the spots to check, counts)."""
    raw_lines = raw_text.splitlines()
    lines = make_lines(raw_lines, repaired)
    joiner = Joiner("\n".join(ln.text for ln in lines))
    doc = parse(lines, joiner, source_name)
    measure = Measure(lines)
    front = read_front(paragraphs(lines[:doc.front_end], joiner, measure))
    back = read_front(paragraphs(lines[doc.back_start:], joiner, measure)) \
        if doc.back_start is not None else Front()
    if "settings" in back.values:     # the reference list's heading, found after the chapters
        front.values.setdefault("settings", back.values["settings"])
    doc.counts["spaces removed at line ends"] = len(joiner.decisions)
    files: dict[str, str] = {"thesis.yaml": thesis_yaml(front.values, source_name)}
    files.update(front.parts)
    for key, text in back.parts.items():
        files.setdefault(key, text)
    for ch in doc.chapters:
        files[f"chapters/{ch.name}.md"] = chapter_markdown(ch)
    files["import-report.md"] = import_report(doc, joiner, source_name, repair_report,
                                              front.dropped + back.dropped, sorted(files))
    return files, doc


def paragraphs(lines: list[Line], joiner: Joiner, measure: Measure) -> list[Para]:
    """Front-matter lines -> paragraphs: a new one after an empty line, a short line, a contents
    line or a heading, or where the next line is set further in (centred cover lines)."""
    out: list[list[Line]] = []
    prev = None
    for ln in lines:
        if ln.blank:
            prev = None
            continue
        # an indent starts a paragraph; centred lines (both set in, by different amounts) stand alone
        centred = prev is not None and prev.lead > 1 and ln.lead > 1 and abs(ln.lead - prev.lead) > 1
        if prev is None or measure.short(prev) or ln.lead > prev.lead + 1 or centred \
                or CONTENTS_LINE.search(prev.text) or heading_part(prev.text) \
                or heading_part(ln.text) or split_label(ln.text):
            out.append([ln])
        else:
            out[-1].append(ln)
        prev = ln
    return [Para(joiner.join([(x.text, x.trail, x.no) for x in g]), g[0].no) for g in out]


def slug(title: str) -> str:
    """ASCII file-name part: Latin words of the title, else "chapter"."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    s = "-".join(words).lower()[:40].strip("-")
    return s or "chapter"


TODO = {
    "title": ("TODO: ชื่อเรื่องภาษาไทย", "TODO: English title"),
    "author": ("TODO: ชื่อผู้เขียน", "TODO: Author"),
    "degree": ("TODO: ชื่อปริญญา", "TODO: Degree"),
    "program": ("TODO: สาขาวิชา", "TODO: Program"),
    "faculty": ("TODO: คณะ", "TODO: Faculty"),
    "university": ("TODO: มหาวิทยาลัย", "TODO: University"),
    "advisor": ("TODO: อาจารย์ที่ปรึกษา", "TODO: Advisor"),
}


def thesis_yaml(values: dict, source_name: str) -> str:
    """thesis.yaml from the values front matter gave (structure.front.Front.values); a TODO
    placeholder for each one not found."""
    out = [f"# Written by `typeset import` from {source_name}. Values starting with TODO: were not",
           "# found in the text: fill them in (the build warns about each one left).",
           f"template: {values.get('template') or 'thai-thesis'}"]
    for key, (th, en) in TODO.items():
        pair = values.get(key) or {}
        if isinstance(pair, str):
            pair = {"th": pair}
        out.append(f"{key}: {{th: {yaml_scalar(pair.get('th') or th)}, "
                   f"en: {yaml_scalar(pair.get('en') or en)}}}")
    year = values.get("year")
    year = str(year) if year else ""
    out.append(f"year: {year if year.isdigit() else yaml_scalar(year or 'TODO: ปีการศึกษา (พ.ศ.) เช่น 2567')}")
    committee = values.get("committee") or []
    if committee:
        out.append("committee:")
        for c in committee:
            if isinstance(c, dict):
                inner = ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in c.items())
                out.append(f"  - {{{inner}}}")
            else:
                out.append(f"  - {yaml_scalar(c)}")
    else:
        out.append("committee: []")
    statement = values.get("statement")
    if statement:          # the degree statement as the document words it (the cover prints it)
        out.append("statement: {" + ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in statement.items()) + "}")
    if values.get("cover_lines"):     # other cover lines (course, student id …), printed as written
        out.append("cover_lines:")
        out += [f"  - {yaml_scalar(t)}" for t in values["cover_lines"]]
    title = ((values.get("settings") or {}).get("bibliography") or {}).get("title")
    if title:              # the reference list's own heading
        out.append(f"settings: {{bibliography: {{title: {yaml_scalar(title)}}}}}")
    if values.get("abbreviations"):   # คำอธิบายสัญลักษณ์และคำย่อ, in the order written
        out.append("abbreviations:")
        out += [f"  {yaml_scalar(k)}: {yaml_scalar(v)}" for k, v in values["abbreviations"].items()]
    kw = values.get("keywords")
    if kw:
        inner = ", ".join(f"{lang}: [{', '.join(yaml_scalar(w) for w in ws)}]" for lang, ws in kw.items())
        out.append(f"keywords: {{{inner}}}")
    return "\n".join(out) + "\n"


def import_report(doc: Recovered, joiner: Joiner, source_name: str, repair_report=None,
                  dropped: list[tuple[int, str]] = (), written: list[str] = ()) -> str:
    out = [f"# Import report: {source_name}", "",
           "What `typeset import` did, and every spot a person should check (raw line numbers refer "
           f"to {source_name}).", ""]
    out += ["## Structure", "", "| found | count |", "|---|---|"]
    counts = Counter(doc.counts)
    for ch in doc.chapters:
        for b in n.walk(ch.blocks):
            if isinstance(b, n.OrderedList) and b.section_numbered:
                counts["section-numbered lists"] += 1
    out += [f"| {k} | {v} |" for k, v in sorted(counts.items()) if v]
    out.append("")
    out += ["Chapters:", ""]
    for ch in doc.chapters:
        frames = sum(1 for b in n.walk(ch.blocks) if isinstance(b, n.Framework))
        extra = f", {frames} framework diagram" if frames else ""
        out.append(f"- บทที่ {ch.number} {ch.plain_title} (line {ch.line}{extra})")
    out.append("")
    other = [w for w in written if w.startswith(("frontmatter/", "appendices/", "references"))]
    if other:
        out += ["Front and back matter written: " + ", ".join(f"`{w}`" for w in other), ""]
    if dropped:
        out += [f"Front-matter lines not imported ({len(dropped)}; contents pages are regenerated "
                "by the build, cover lines may belong in thesis.yaml):", ""]
        out += [f"- line {k}: {what}" for k, what in dropped]
        out.append("")
    out += notices_markdown("Uncertain structure", doc.notices)
    if joiner.decisions:
        out += [f"Spaces removed where a line ended inside a word ({len(joiner.decisions)}):", ""]
        out += [f"- line {k}: `{a}` + `{b}`: {why}" for k, a, b, why in joiner.decisions]
        out.append("")
    if repair_report is not None:
        out.append(repair_report.to_markdown())
    return "\n".join(out).rstrip() + "\n"
