"""`typeset import thesis.docx`: a Word thesis -> the thesis folder, with its structure.

    files, summary = import_docx(path)     # {relative path: str | bytes}, one-line summary

python-docx reads the file (typeset.docx.opening); typeset.docx.read walks the body into
blocks, typeset.docx.structure makes the document tree (typeset.source.nodes), and
typeset.writers.markdown writes its chapters. Front matter goes through the shared
typeset.structure.front; the report lists every style mapped, everything dropped and
everything not carried over.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from typeset.docx.opening import open_document
from typeset.docx.read import Reader
from typeset.docx.report import import_report
from typeset.docx.structure import Builder
from typeset.errors import UserError
from typeset.source import nodes as n
from typeset.structure.folder import slug, thesis_yaml
from typeset.structure.frontwords import BY, LABEL_KEYS, TO, label_key
from typeset.structure.front import Para, bibliography_title, heading_part, read_front, split_label
from typeset.writers.markdown import blocks_markdown, chapter_markdown


def import_docx(path: Path | str) -> tuple[dict, str]:
    path = Path(path)
    document = open_document(path)
    try:
        reader = Reader(document, path.name)
        blocks = reader.read()
        report = reader.report
        result = Builder(blocks, report).run()
    except (etree.XMLSyntaxError, KeyError, ValueError, IndexError) as e:
        # a part inside the package is broken (Word itself would offer to repair it)
        raise UserError(f"{path}: the Word file is damaged inside ({type(e).__name__}: {str(e)[:80]}); "
                        "open it in Word and save it again") from None
    files: dict = {}

    paras = []
    for b in result.front:
        if b.kind == "para":
            paras.append(Para(b.text, b.index, b.size, b.bold, b.align == "center", b.style))
        elif b.kind == "table":      # a table's rows as tab-separated lines (abbreviation lists)
            for row in [b.node.header] + list(b.node.rows):
                cells = [" ".join(n.plain_text(c).split()) for c in row]
                if any(cells):
                    paras.append(Para("\t".join(cells), b.index))
    front = read_front(paras)
    in_abbreviations = _abbreviation_tables(front, result.front)
    for b in result.front:
        if b.kind == "figure":
            report.dropped.append((f"paragraph {b.index}", f"image before the first chapter "
                                                           f"({b.node.path}; a logo or cover picture)"))
        elif b.kind == "table" and b.index not in in_abbreviations:
            report.lost.append((f"table {b.index}", "a table before the first chapter"))
    _unplaced_front(result.front, front, report)
    if result.references:
        bibliography_title(front.values, result.references_title or "")
    files["thesis.yaml"] = thesis_yaml(front.values, path.name)
    for rel, text in front.parts.items():
        files[rel] = text
    for k, ch in enumerate(result.chapters, 1):
        files[f"chapters/{k:02d}-{slug(ch.plain_title)}.md"] = chapter_markdown(ch)
    for k, ap in enumerate(result.appendices, 1):
        files[f"appendices/{k:02d}-{slug(ap.plain_title) if slug(ap.plain_title) != 'chapter' else 'appendix'}.md"] = \
            chapter_markdown(ap)
    if result.references:
        files["references.md"] = references_file(result.references)
    if result.biography:
        files["frontmatter/biography.md"] = blocks_markdown(_front_blocks(result.biography))
    if reader.sources:
        files["references.bib"] = bibtex(reader.sources, reader.cited)
    used = {b.path for part in result.chapters + result.appendices for b in n.walk(part.blocks)
            if isinstance(b, n.Figure)}
    files.update({p: data for p, data in reader.media.files.items() if p in used})
    files["import-report.md"] = import_report(path.name, result, front, report, files)
    c = report.counts
    summary = (f"{len(result.chapters)} chapters, {len(result.appendices)} appendices, {c.get('headings', 0)} "
               f"headings, {c.get('tables', 0)} tables, {len(used)} figures, {c.get('footnotes', 0)} "
               f"footnotes; {len(report.lost)} things not carried over, {len(report.warnings)} warnings "
               f"(see import-report.md)")
    return files, summary


def _abbreviation_tables(front, blocks: list) -> set[int]:
    """The front tables whose rows became thesis.yaml abbreviations (a heading row aside)."""
    terms = front.values.get("abbreviations") or {}
    out = set()
    for b in blocks:
        if b.kind == "table" and terms:
            rows = [b.node.header] + list(b.node.rows)
            firsts = [" ".join(n.plain_text(r[0]).split()) for r in rows if r]
            if firsts and all(f in terms or not f or k == 0 for k, f in enumerate(firsts)):
                out.add(b.index)
    return out


def _unplaced_front(blocks: list, front, report) -> None:
    """Front-matter paragraphs that reached neither thesis.yaml nor a front-matter file."""
    def squeeze(s: str) -> str:
        return "".join(s.split())

    placed = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            placed.append(squeeze(v))
    walk(front.values)
    placed += [squeeze(t.replace("\\", "")) for t in front.parts.values()]
    everything = "\n".join(placed)
    dropped_lines = {line for line, _ in front.dropped} | front.contents
    for b in blocks:
        t = squeeze(b.text) if b.kind == "para" else ""
        label = split_label(b.text) if t else None
        value = squeeze(label[1]) if label and label[1] else t     # the label is the build's word
        if not t or value in everything or b.index in dropped_lines or heading_part(b.text):
            continue
        if label_key(b.text) in BY | TO:
            report.dropped.append((f"paragraph {b.index}", f"cover label '{b.text}' (the template prints "
                                                           "its own words)"))
            continue
        rest = t
        for v in sorted(placed, key=len, reverse=True):
            if v and len(v) >= 4:
                rest = rest.replace(v, "")
        if rest != t and (not rest or label_key(rest) in LABEL_KEYS):
            continue              # one line split into several thesis.yaml values
        report.lost.append((f"paragraph {b.index}", f"front matter not placed in thesis.yaml or "
                                                    f"frontmatter/: {b.text[:70]}"))


def references_file(entries: list) -> str:
    """references.md: one bullet per Word paragraph, italics kept. No heading: the build prints
    the title (the list's own heading is kept as settings.bibliography.title when it differs)."""
    items = [n.ListItem(blocks=[n.Paragraph(children=e)]) for e in entries if n.plain_text(e).strip()]
    return blocks_markdown([n.BulletList(items=items)])


def _front_blocks(blocks: list) -> list:
    return [n.Paragraph(children=b.inlines) if hasattr(b, "inlines") else b for b in blocks]


def bibtex(sources: list[dict], cited: list[str]) -> str:
    """Word's citation sources as biblatex entries; the cited ones first, in citing order."""
    from typeset.docx.read import bib_key

    order = {tag: k for k, tag in enumerate(cited)}
    out = []
    for s in sorted(sources, key=lambda s: order.get(s["tag"], len(order))):
        fields = [f"  {k} = {{{_bib_value(v)}}}" for k, v in s.items() if k not in ("tag", "type")]
        out.append(f"@{s['type']}{{{bib_key(s['tag'])},\n" + ",\n".join(fields) + "\n}\n")
    return "\n".join(out)


def _bib_value(v: str) -> str:
    """Braces balanced, backslashes dropped: a value is text, never TeX."""
    v = v.replace("\\", "")
    depth = 0
    out = []
    for ch in v:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + "}" * depth
