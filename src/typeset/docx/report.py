"""import-report.md for a .docx import: every style mapped and how, what was dropped, what
could not be carried over, and where Word's numbering and the build's differ."""
from __future__ import annotations

import re

from typeset.notice import Notice, notices_markdown
from typeset.writers.markdown import escape_text


def import_report(source: str, result, front, report, files: dict) -> str:
    out = [f"# Import report: {source}", "",
           "What `typeset import` did with the Word file, and every spot a person should check "
           "(paragraph and table numbers count from the start of the document).", ""]
    out += ["## Files written", ""]
    out += [f"- {p}" for p in sorted(files) if p != "import-report.md"] + [""]
    out += ["## Structure", ""]
    for ch in result.chapters:
        out.append(f"- บทที่ {ch.index} {escape_text(ch.plain_title)}")
    for ap in result.appendices:
        out.append(f"- ภาคผนวก {ap.index}: {escape_text(ap.plain_title)}")
    if not result.chapters:
        out.append("- no chapter found (no 'บทที่ N' line and no Heading 1 style): the text is in "
                   "the front-matter files; a thesis needs chapters/NN-name.md to build")
    out.append("")
    out += ["| found | count |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in sorted(report.counts.items())] + [""]
    out += ["## Styles mapped", "", "| Word style | paragraphs | became |", "|---|---|---|"]
    for style, hows in sorted(report.styles.items()):
        for how, k in sorted(hows.items()):
            out.append(f"| {escape_text(style or '(none)', cell=True)} | {k} | {how} |")
    out += ["", "Captions are counted above; front-matter paragraphs went to thesis.yaml and "
            "frontmatter/ (structure.front).", ""]
    out += _section("Warnings: Word's numbering and the build's", report.warnings, "numbering")
    dropped = list(report.dropped) + [(f"paragraph {line}", what) for line, what in front.dropped]
    out += _section("Dropped (the build regenerates these, or they carry no content)", dropped, "dropped")
    out += _section("Not carried over (copy or redo these by hand)", report.lost, "not carried over")
    return "\n".join(out).rstrip() + "\n"


def notice(where: str, what: str, kind: str) -> Notice:
    """A reader's (where, what) as a Notice: "paragraph 12" / "table 3" count blocks from the start
    of the document (one count for both), so a table keeps its word in the kind."""
    m = re.fullmatch(r"(paragraph|table) (\d+)", where)
    if m is None:
        return Notice(escape_text(what), stage="docx", kind=kind)
    kind = f"{kind}, table" if m.group(1) == "table" else kind
    return Notice(escape_text(what), stage="docx", kind=kind, para=int(m.group(2)))


def _section(title: str, rows: list, kind: str) -> list:
    items = [notice(where, what, kind) for where, what in rows]
    lines = notices_markdown(f"## {title}", items, sort=False)
    lines[0] = lines[0].rstrip(":")
    return lines
