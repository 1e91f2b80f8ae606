"""Read a thesis (or article) folder into a document tree.

`load(folder, template=None) -> (Document, Config)`. Node types live in typeset.source.nodes.
"""
from __future__ import annotations

import re
from pathlib import Path

from typeset import config as configmod
from typeset.errors import UserError
from typeset.source import crossref, extras, nodes
from typeset.source.bibfile import read_bib
from typeset.source.citations import check_citations
from typeset.source.markdown import parse_file, read_text
from typeset.source.names import name_words
from typeset.source.numbering import format_number, number_part
from typeset.source.unsupported import check_part
from typeset.source.nodes import *  # noqa: F401,F403  (the node types are this package's API)

CHAPTER_FILE = re.compile(r"^(\d+)-.*\.md$")
IMPORTED = ".imported.md"   # written by `typeset import` beside a chapter the student edited
FRONT_FILES = {"abstract_th": "abstract-th.md", "abstract_en": "abstract-en.md",
               "preface": "preface.md", "acknowledgements": "acknowledgements.md"}
BIB, REFERENCES = "references.bib", "references.md"


def is_article(folder: Path) -> bool:
    return (folder / "article.yaml").is_file() and not (folder / "thesis.yaml").is_file()


def load(folder: Path | str, template: str | None = None):
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder (expected a thesis folder with thesis.yaml)")
    if is_article(folder):
        return _load_article(folder, template)
    if not (folder / "thesis.yaml").is_file():
        raise UserError(f"{folder}: no thesis.yaml (or article.yaml) here; is this a thesis folder?")
    cfg = configmod.load(folder, template=template)
    # names from thesis.yaml are words too: a line never breaks inside the advisor's name
    words = _words(cfg) + [w for w in name_words(cfg.meta) if w not in _words(cfg)]
    doc = nodes.Document(kind="thesis", root=str(folder), meta=cfg.meta, words=words)
    style = cfg.settings.get("numbers", {}).get("chapter", "arabic")
    sec_style = style   # numbers.chapter numbers sections, floats and list labels too, as in TeX
    files = _chapter_files(folder)
    doc.warnings += _waiting_imports(folder)
    if not files:
        raise UserError(f"{folder / 'chapters'}: no chapter files (expected chapters/01-name.md)")
    # The NN- prefix only orders the files; chapters are numbered 1, 2, 3 … in that order.
    for num, (_, path) in enumerate(files, 1):
        doc.chapters.append(_part(folder, path, "chapter", format_number(num, style), sec_style,
                                  sections=_numbered(cfg), index=num))
    front = folder / "frontmatter"
    for key, name in FRONT_FILES.items():
        if (front / name).is_file():
            doc.front[key] = _part(folder, front / name, key, "", style, sections=False, need_title=False)
    if (front / "biography.md").is_file():
        doc.biography = _part(folder, front / "biography.md", "biography", "", style, sections=False,
                              need_title=False)
    apps = sorted((folder / "appendices").glob("*.md")) if (folder / "appendices").is_dir() else []
    appendix_style = cfg.settings.get("numbers", {}).get("appendix", "thai_letters")
    for i, path in enumerate(apps, 1):
        label = format_number(i, appendix_style)
        doc.appendices.append(_part(folder, path, "appendix", label, sec_style, sections=False,
                                    need_title=False, index=i))
    _references(folder, doc, style)
    check_figures(doc)
    extras.check_logo(folder, cfg)
    doc.warnings += uncaptioned_tables(doc) + extras.unplaced_front(cfg)
    doc.warnings += [w for part in doc.all_parts() for w in check_part(part, read_text(folder / part.file))]
    crossref.resolve(doc, cfg)
    return doc, cfg


def _references(folder: Path, doc: nodes.Document, style: str) -> None:
    """references.bib (citations checked against its keys), else references.md: a plain list."""
    if (folder / BIB).is_file():
        doc.bibliography = BIB
        doc.bib = read_bib(folder / BIB, BIB)
        check_citations(doc, doc.bib.keys)
        if (folder / REFERENCES).is_file():
            doc.warnings.append(f"{REFERENCES}: not printed, because references.bib is there "
                                "(the bibliography comes from references.bib)")
    elif (folder / REFERENCES).is_file():
        doc.references = _part(folder, folder / REFERENCES, "references", "", style, sections=False,
                               need_title=False)


def uncaptioned_tables(doc: nodes.Document) -> list[str]:
    """Thai graduate schools expect every table captioned; one without stays unnumbered, unlisted."""
    return [f"{b.file}:{b.line}: table without a caption: not numbered and not in สารบัญตาราง "
            f"(add a paragraph 'Table: caption' right after it)"
            for part in doc.all_parts() for b in nodes.walk(part.blocks)
            if isinstance(b, nodes.Table) and not b.caption]


def check_figures(doc: nodes.Document) -> None:
    """Every image exists inside the thesis folder (a path is data, never a way out)."""
    root = Path(doc.root).resolve()
    for part in doc.all_parts():
        for b in nodes.walk(part.blocks):
            if isinstance(b, nodes.Figure):
                where = f"{b.file}:{b.line}"
                if ":" in b.path or b.path.startswith(("/", "\\")) or "\\" in b.path:
                    raise UserError(f"image '{b.path}' must be a path inside the thesis folder, "
                                    "e.g. figures/x.png", where)
                p = (root / b.path).resolve()
                if not p.is_relative_to(root):
                    raise UserError(f"image '{b.path}' is outside the thesis folder", where)
                if not p.is_file():
                    raise UserError(f"image '{b.path}' not found", where)


def _load_article(folder: Path, template: str | None):
    meta = configmod.read_yaml(folder / "article.yaml")
    cfg = configmod.load(folder, template=template or meta.get("template") or "article",
                         meta_file="article.yaml")
    body = folder / "body.md"
    if not body.is_file():
        raise UserError(f"{folder}: article.yaml found but no body.md")
    doc = nodes.Document(kind="article", root=str(folder), meta=cfg.meta, words=_words(cfg))
    # `##` headings numbered 1, 2 … (no chapter prefix) when headings.section.numbered
    part = _part(folder, body, "body", "", "arabic", sections=_numbered(cfg), need_title=False)
    doc.chapters.append(part)
    _references(folder, doc, "arabic")
    check_figures(doc)
    doc.warnings += uncaptioned_tables(doc)
    crossref.resolve(doc, cfg)
    doc.warnings += [w for part in doc.all_parts() for w in check_part(part, read_text(folder / part.file))]
    return doc, cfg


def _numbered(cfg) -> bool:
    return bool(cfg.settings.get("headings", {}).get("section", {}).get("numbered", True))


def _words(cfg) -> list[str]:
    words = cfg.meta.get("words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise UserError("'words' must be a list of words, e.g. words: [\"ปูติน\"]",
                        str(cfg.source_dir / "thesis.yaml"))
    return words


def _chapter_files(folder: Path) -> list[tuple[int, Path]]:
    d = folder / "chapters"
    if not d.is_dir():
        return []
    found: dict[int, Path] = {}
    for p in sorted(d.glob("*.md")):
        if p.name.endswith(IMPORTED):
            continue   # a re-import waiting beside the student's edited chapter (typeset.diff.guard)
        m = CHAPTER_FILE.match(p.name)
        if not m:
            raise UserError(f"{p}: chapter files are named NN-name.md (e.g. 01-introduction.md)")
        num = int(m.group(1))
        if num in found:
            raise UserError(f"{p}: chapter number {num} is used twice (also {found[num].name})")
        found[num] = p
    return sorted(found.items())


def _waiting_imports(folder: Path) -> list[str]:
    """One warning naming the chapters/*.imported.md files a guarded re-import left to review."""
    d = folder / "chapters"
    waiting = sorted(p for p in d.glob("*" + IMPORTED)) if d.is_dir() else []
    if not waiting:
        return []
    first = waiting[0]
    chapter = first.with_name(first.name[:-len(IMPORTED)] + ".md")
    names = ", ".join(p.relative_to(folder).as_posix() for p in waiting)
    return [f"{names}: a new import is waiting to be reviewed (not built); see the changes with "
            f"`typeset diff {chapter} {first}`, copy what you want, then delete the .imported.md file"]


def _part(folder: Path, path: Path, kind: str, number: str, style: str, sections: bool,
          need_title: bool = True, index: int = 0) -> nodes.Chapter:
    rel = path.relative_to(folder).as_posix()
    title, line, blocks = parse_file(path, rel)
    if title is None and need_title:
        raise UserError("a chapter starts with its title as a '#' heading, e.g. '# บทนำ'", f"{rel}:1")
    ch = nodes.Chapter(rel, line or 1, title or [], number, blocks, kind, path.stem, index)
    ch.label = crossref.title_label(ch.title, f"{rel}:{ch.line}")
    # sections and floats: "1.4" (chapter number in the section style: ๑.๔ when Thai digits)
    prefix = format_number(index, style) if kind == "chapter" else number if kind == "appendix" else ""
    number_part(ch, prefix, sections, style)
    return ch
