"""The files of an imported thesis folder: thesis.yaml, chapters/NN-*.md, import-report.md."""
from __future__ import annotations

import re
from collections import Counter

from typeset.structure.join import Joiner
from typeset.structure.lines import make_lines
from typeset.structure.markdown import yaml_scalar, chapter_markdown
from typeset.structure.model import Document, Framework, ListBlock
from typeset.structure.parse import parse


def build_thesis(raw_text: str, repaired: list[str], source_name: str = "raw text",
                 repair_report=None) -> tuple[dict[str, str], Document]:
    """raw_text and its repaired lines (same count as raw_text.splitlines()) -> {path: content}."""
    raw_lines = raw_text.splitlines()
    lines = make_lines(raw_lines, repaired)
    joiner = Joiner("\n".join(ln.text for ln in lines))
    doc = parse(lines, joiner)
    doc.counts["spaces removed at line ends"] = len(joiner.decisions)
    files: dict[str, str] = {"thesis.yaml": thesis_yaml(doc, source_name)}
    for ch in doc.chapters:
        files[f"chapters/{ch.number:02d}-{slug(ch.title)}.md"] = chapter_markdown(ch)
    files["import-report.md"] = import_report(doc, joiner, source_name, repair_report)
    return files, doc


def slug(title: str) -> str:
    """ASCII file-name part: Latin words of the title, else "chapter"."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    s = "-".join(words).lower()[:40].strip("-")
    return s or "chapter"


def thesis_yaml(doc: Document, source_name: str) -> str:
    todo = {
        "title": ("TODO: ชื่อเรื่องภาษาไทย", "TODO: English title"),
        "author": ("TODO: ชื่อผู้เขียน", "TODO: Author"),
        "degree": ("TODO: ชื่อปริญญา", "TODO: Degree"),
        "program": ("TODO: สาขาวิชา", "TODO: Program"),
        "faculty": ("TODO: คณะ", "TODO: Faculty"),
        "university": ("TODO: มหาวิทยาลัย", "TODO: University"),
        "advisor": ("TODO: อาจารย์ที่ปรึกษา", "TODO: Advisor"),
    }
    out = [f"# Written by `typeset import` from {source_name}. Values starting with TODO: were not",
           "# found in the text: fill them in (the build warns about each one left).",
           "template: thai-thesis"]
    for key, (th, en) in todo.items():
        out.append(f"{key}: {{th: {yaml_scalar(th)}, en: {yaml_scalar(en)}}}")
    out.append(f"year: {yaml_scalar('TODO: ปีการศึกษา (พ.ศ.) เช่น 2567')}")
    out.append("committee: []")
    return "\n".join(out) + "\n"


def import_report(doc: Document, joiner: Joiner, source_name: str, repair_report=None) -> str:
    out = [f"# Import report: {source_name}", "",
           "What `typeset import` did, and every spot a person should check (raw line numbers refer "
           f"to {source_name}).", ""]
    out += ["## Structure", "", "| found | count |", "|---|---|"]
    counts = Counter(doc.counts)
    for ch in doc.chapters:
        for b in ch.blocks:
            if isinstance(b, ListBlock) and b.section_numbered:
                counts["section-numbered lists"] += 1
    out += [f"| {k} | {v} |" for k, v in sorted(counts.items()) if v]
    out.append("")
    out += ["Chapters:", ""]
    for ch in doc.chapters:
        frames = sum(1 for b in ch.blocks if isinstance(b, Framework))
        extra = f", {frames} framework diagram" if frames else ""
        out.append(f"- บทที่ {ch.number} {ch.title} (line {ch.line}{extra})")
    out.append("")
    if doc.front:
        out += ["Text before the first chapter (not imported; copy what you need into thesis.yaml "
                "or frontmatter/):", ""]
        out += [f"    {t}" for t in doc.front]
        out.append("")
    uncertain = sorted(doc.uncertain)
    out += [f"Uncertain structure ({len(uncertain)}):", ""]
    out += [f"- line {n}: {what}" for n, what in uncertain] or ["- none"]
    out.append("")
    if joiner.decisions:
        out += [f"Spaces removed where a line ended inside a word ({len(joiner.decisions)}):", ""]
        out += [f"- line {n}: `{a}` + `{b}`: {why}" for n, a, b, why in joiner.decisions]
        out.append("")
    if repair_report is not None:
        out.append(repair_report.to_markdown())
    return "\n".join(out).rstrip() + "\n"
