"""Recovered paragraphs -> the thesis folder: front matter (typeset.structure.front), chapters
(typeset.structure, fed the PDF's visual lines with the paragraph ends geometry found), the
reference list (references.md) and import-report.md with what the glyph reading corrected."""
from __future__ import annotations

import re

from typeset.pdf.report import pdf_report
from typeset.structure.front import Para, read_front
from typeset.structure.frontwords import heading_part

CHAPTER = re.compile(r"^บทที่\s*[0-9๐-๙]{1,2}(?:\s|$)")
CONTENTS = re.compile(r"(?:\.{3,}|…)\s*\S{0,4}$|\s[0-9๐-๙ก-ฮ]{1,3}$")
APPENDIX = re.compile(r"^(?:ภาคผนวก|appendix|appendices)\b", re.I)


def pdf_folder(paras, facts, source_name: str, kind: str) -> dict[str, str]:
    start = _first_chapter(paras, facts["body"])
    if start is not None:
        front, rest = paras[:start], paras[start:]
    else:
        from typeset.pdf.headings import by_size

        front, rest = by_size(paras, facts["body"]) or (paras, [])
    body, refs, after = _split_references(rest)
    files: dict[str, str] = {}
    values, parts, dropped = _front(_plain_notes(front + refs, facts), facts)
    files.update(parts)
    notes = []
    doc = None
    if body or after:
        from typeset.structure import build_thesis

        flow, blocks = _blocks(body + after, facts, files)
        text = _visual_text(flow)
        built, doc = build_thesis(text, text.splitlines(), source_name)
        for k, v in built.items():
            if k not in ("thesis.yaml", "import-report.md"):
                files.setdefault(k, _place(v, blocks, facts.get("refs", {})))
        notes.append(built.get("import-report.md", ""))
    files["thesis.yaml"] = _thesis_yaml(values, source_name, kind, doc)
    files["import-report.md"] = pdf_report(source_name, facts, dropped, files, notes)
    return files


_FIGURE = re.compile(r"^(?:ภาพที่|รูปที่|แผนภาพที่|Figure)\s*[0-9๐-๙]+(?:[.-][0-9๐-๙]+)*\s*(.*)$")


def _plain_notes(paras, facts):
    """Front and back matter keep a note as a paragraph of its own, without the reference."""
    from typeset.pdf.headings import Made

    notes = facts.get("notes", {})
    out = []
    for p in paras:
        t = p.text.strip()
        if t in notes:
            out.append(Made(notes[t][1], p.page))
            continue
        for tok in facts.get("refs", {}):
            if tok in p.text:
                p.text = p.text.replace(tok, "")
        out.append(p)
    return out


def _place(md: str, blocks: dict[str, str], inline: dict[str, str]) -> str:
    """Each placeholder -> its block, as a paragraph of its own even where the structure code
    ran it into a neighbouring line; inline ones (note references) in place."""
    for token, ref in inline.items():
        md = md.replace(token, ref)
    for token, block in blocks.items():
        if token in md:
            md = re.sub(rf"[ \t]*{token}[ \t]*", lambda m: f"\n\n{block}\n\n" if block else "", md)
    return re.sub(r"\n{3,}", "\n\n", md).strip("\n") + "\n"


_TABLE = re.compile(r"^(?:ตารางที่|Table)\s*[0-9๐-๙]+(?:[.-][0-9๐-๙]+)*\s*(.*)$")


def _blocks(paras, facts, files):
    """Diagram, table and figure placeholders keep their place; a figure caption right after
    (or before) a diagram or image, a table caption right before (or after) a table, becomes
    its caption. Images go to files (figures/). -> (paragraphs, {placeholder: Markdown})."""
    from typeset.pdf.diagram import framework_block
    from typeset.pdf.figures import Figure, export
    from typeset.pdf.tables import Table, gfm
    from typeset.writers.markdown import escape

    blocks: dict[str, str] = {}
    figures = [f for f in facts.get("figures", []) if any(p.text.strip() == f.token for p in paras)]
    paths, data, problems = export(figures)
    files.update(data)
    facts.setdefault("uncertain", []).extend(problems)
    from typeset.pdf.notes import definition

    for tok, (label, text) in facts.get("notes", {}).items():
        blocks[tok] = definition(label, text)
    by_token = {d.token: d for d in facts.get("diagrams", [])} | \
        {t.token: t for t in facts.get("tables", [])} | {f.token: f for f in figures}
    skip = set()
    for i, p in enumerate(paras):
        item = by_token.get(p.text.strip())
        if item is None:
            continue
        is_table = isinstance(item, Table)
        pattern, order = (_TABLE, (i - 1, i + 1)) if is_table else (_FIGURE, (i + 1, i - 1))
        caption = ""
        for j in order:
            m = pattern.match(paras[j].text.strip()) if 0 <= j < len(paras) else None
            if m and j not in skip:
                caption, _ = m.group(1).strip(" :.-–"), skip.add(j)
                break
        if is_table:
            blocks[item.token] = gfm(item, caption)
        elif isinstance(item, Figure):
            path = paths.get(item.token)
            blocks[item.token] = f"![{escape(caption)}]({path})" if path else ""
        else:
            blocks[item.token] = framework_block(item, caption)
    return [p for i, p in enumerate(paras) if i not in skip], blocks


def _first_chapter(paras, body: float):
    for i, p in enumerate(paras):
        t = p.text.strip()
        if CHAPTER.match(t) and len(t) <= 80 and not CONTENTS.search(t[8:] if len(t) > 8 else ""):
            # a contents page lists every chapter: the real one opens a page or stands alone
            nxt = paras[i + 1].text if i + 1 < len(paras) else ""
            if not CHAPTER.match(nxt.strip()):
                return i
    return None


def _split_references(rest):
    for i, p in enumerate(rest):
        if heading_part(p.text) == "references":
            j = next((k for k in range(i + 1, len(rest)) if APPENDIX.match(rest[k].text.strip())
                      and len(rest[k].text) < 60), len(rest))
            return rest[:i], rest[i:j], rest[j:]
    return rest, [], []


def _front(paras, facts):
    """thesis.yaml values, {path: markdown} and dropped spots from the front paragraphs."""
    from typeset.pdf.layout import DIAGRAM

    # a logo or a table on a cover or abstract page: not front-matter text
    blocks = [p for p in paras if p.text.strip().startswith(DIAGRAM)]
    paras = [p for p in paras if not p.text.strip().startswith(DIAGRAM)]
    fps = [Para(p.text, p.page * 1000 + i, p.size, p.bold, p.centered) for i, p in enumerate(paras)]
    fr = read_front(fps)
    dropped = [(n // 1000, what) for n, what in fr.dropped]
    dropped += [(p.page, "an image, table or diagram on a front-matter page (not imported)")
                for p in blocks]
    return fr.values, dict(fr.parts), dropped


def _visual_text(paras) -> str:
    """One PDF line a text line, in the form typeset.structure reads paragraph ends from: the
    last line of a paragraph ends with a space and is short (a long one has its last word put
    on a line of its own), lines inside a paragraph end without one."""
    widths = sorted(ln.x1 - ln.x0 for p in paras for ln in p.lines)
    measure = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    out = []
    for p in paras:
        texts = _dehyphenate([ln.text for ln in p.lines])
        last = p.lines[-1]
        if len(texts) > 1 and last.x1 - last.x0 > 0.5 * measure:
            head, tail = _cut_last_word(texts[-1])
            if head and tail:
                texts[-1:] = [head, tail]
        for i, t in enumerate(texts):
            out.append(t + (" " if i == len(texts) - 1 else ""))
    # no blank lines: a number alone between blank lines would read as a page number, and the
    # PDF's page numbers are gone already (typeset.pdf.layout)
    return "\n".join(out) + "\n"


def _cut_last_word(text: str) -> tuple[str, str]:
    head, sep, tail = text.rpartition(" ")
    if sep and head and not re.search(r"[^\W\d_]", tail):
        # a number alone on a line reads as a page or heading number: keep the word before
        head2, sep2, tail2 = head.rpartition(" ")
        head, tail = (head2, tail2 + " " + tail) if sep2 and head2 else ("", "")
    if sep and head and len(tail) <= 25:
        return head, tail
    from typeset.pdf.marks import lexicon

    toks = lexicon().tokenize(text)
    if len(toks) > 1 and len(toks[-1]) <= 25:
        return text[:-len(toks[-1])], toks[-1]
    return "", ""


_HYPHENATED = re.compile(r"[a-z]-$")
_LOWER_START = re.compile(r"^([a-z]+)(\S*)\s*(.*)$")


def _dehyphenate(texts: list[str]) -> list[str]:
    """TeX's hyphenation of Latin words ("pro-" + "vides"): the word is moved up whole."""
    out = list(texts)
    for i in range(len(out) - 1):
        m = _LOWER_START.match(out[i + 1])
        if _HYPHENATED.search(out[i]) and m:
            out[i] = out[i][:-1] + m.group(1) + m.group(2)
            out[i + 1] = m.group(3)
    return [t for t in out if t]


def _thesis_yaml(values, source_name, kind, doc) -> str:
    from typeset.structure import folder

    try:
        text = folder.thesis_yaml(values, source_name)
    except (AttributeError, TypeError):
        text = folder.thesis_yaml(doc, source_name)
    if kind == "report":
        text = text.replace("template: thai-thesis", "template: thai-report", 1)
    return text
