"""`typeset import FILE -o DIR [--kind thesis|report|article] [--pages A-B] [--force]`: a PDF
(typeset.pdf), a Word file (typeset.docx) or raw extracted text -> source folder.

Thesis: character repair (typeset.repair) -> structure (typeset.structure) -> guarded write
(typeset.diff.guard: an edited file is never overwritten; the new version goes beside it).
Article: handed to typeset.article. Without --kind the text's shape decides, and we say which.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from typeset.errors import UserError


def run(args) -> int:
    from rich.console import Console

    from typeset.textio import read_text

    console = Console(stderr=True, highlight=False)
    raw_path = Path(args.raw)
    if _is_pdf(raw_path):
        from typeset.pdf import import_pdf, read_document

        if args.kind == "article":      # the article engine reads text: the glyphs' text
            paras, _ = read_document(raw_path, getattr(args, "pages", None))
            return _article(args, "\n".join(p.text for p in paras) + "\n")
        files = import_pdf(raw_path, args.kind, getattr(args, "pages", None), console)
        return _write(Path(args.output), files, args.force, console)
    if getattr(args, "pages", None):
        raise UserError(f"{raw_path}: --pages applies to a PDF, and this is not one")
    if is_word(raw_path):
        return _word(args, raw_path, console)
    text = read_text(raw_path)
    kind = args.kind
    if kind is None:
        from typeset.article.detect import looks_like_article

        is_article, why = looks_like_article(text)
        kind = "article" if is_article else "thesis"
        console.print(f"{raw_path.name}: looks like {_a(why)}; importing as {_a(kind)} "
                      f"(use --kind to choose)")
    if kind == "article":
        return _article(args, text)
    if kind == "report":
        kind = "thesis"
    files = import_thesis(text, raw_path.name, console)
    return _write(Path(args.output), files, args.force, console)


WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc")


def is_word(path: Path) -> bool:
    """A Word file by its name, or a zip package holding word/document.xml whatever its name."""
    if path.suffix.lower() in WORD_SUFFIXES:
        return True
    try:
        with path.open("rb") as f:
            if f.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as z:
            return "word/document.xml" in z.namelist()
    except (OSError, ValueError, zipfile.BadZipFile):   # not readable as a zip: textio says what it is
        return False


def _word(args, path: Path, console) -> int:
    """.docx (or .doc through LibreOffice) -> thesis folder (typeset.docx)."""
    if args.kind == "article":
        raise UserError(f"{path}: article import reads text; a Word file imports as a thesis "
                        "(drop --kind article)")
    from typeset.docx import import_docx

    from typeset.docx.media import write_figures

    with console.status("reading the Word file…"):
        files, summary = import_docx(path)
    console.print(f"{path.name}: {summary}")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: exists and is not a folder")
    images = {k: v for k, v in files.items() if isinstance(v, bytes)}
    for note in write_figures(out, images, args.force):   # the text guard compares text only
        console.print(note)
    return _write(out, {k: v for k, v in files.items() if isinstance(v, str)}, args.force, console)


def _is_pdf(path: Path) -> bool:
    """A PDF by its first bytes (a PDF may start with junk before %PDF-), or by its name."""
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError:
        return path.suffix.lower() == ".pdf"
    return b"%PDF-" in head or path.suffix.lower() == ".pdf"


def _a(phrase: str) -> str:
    """'an article', 'a thesis'."""
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def import_thesis(text: str, source_name: str, console=None) -> dict[str, str]:
    """Raw thesis text -> {relative path: content} of the thesis folder."""
    from typeset.repair import repair
    from typeset.structure import build_thesis

    if console is not None:
        with console.status("repairing characters…"):
            result = repair(text)
        with console.status("recovering chapters, headings and paragraphs…"):
            files, doc = build_thesis(text, result.lines, source_name, result.report)
        c = doc.counts
        console.print(f"{c['chapters']} chapters, {c['sections']} sections, {c['subsections']} "
                      f"subsections, {c['paragraphs']} paragraphs, {c['list items']} list items; "
                      f"{len(doc.notices) + len(result.report.uncertain)} spots to check "
                      f"(see import-report.md)")
        return files
    result = repair(text)
    return build_thesis(text, result.lines, source_name, result.report)[0]


def _write(out: Path, files: dict[str, str], force: bool, console) -> int:
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: exists and is not a folder")
    from typeset.diff.guard import write_import

    report = write_import(out, files, force=force)
    report.print(console)
    return 0


def _article(args, text: str) -> int:
    from typeset.article.importer import run as run_article

    return int(run_article(args, text) or 0)
