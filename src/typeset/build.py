"""`typeset build DIR -o OUT`: load, parse, render, write OUT/tex/*.tex, compile to OUT/thesis.pdf."""
from __future__ import annotations

from pathlib import Path

from typeset import figures, source
from typeset.compile import compile_pdf
from typeset.errors import UserError, shown
from typeset.fsutil import CACHE_DIR, write_if_changed
from typeset.render import MAIN, Renderer
from typeset.render.env import use_bytecode_cache

from typeset.source import nodes as n
from typeset.source.required import missing_parts

SHOW = 5   # overfull boxes and TeX warnings listed in the summary


def run(args) -> int:
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    folder = Path(args.source)
    out = Path(args.output)
    _check_output(folder, out)
    doc, cfg = source.load(folder, template=args.template)

    def warn(text: str) -> None:   # soft_wrap: the commands in it stay copyable
        console.print(f"[yellow]warning:[/] {escape(shown(text, folder))}", soft_wrap=True)

    for warning in doc.warnings:
        warn(warning)
    for warning in todo_warnings(doc.meta, cfg.meta_file or "thesis.yaml", where=cfg.meta_where):
        warn(warning)
    for warning in (missing_parts(doc, cfg, folder) if args.only is None else []):
        warn(warning)
    tex_dir = out / "tex"
    renderer = Renderer(doc, cfg, tex_dir)
    use_bytecode_cache(renderer.env, out / CACHE_DIR)   # compiled templates kept between builds
    for warning in renderer.fonts.get("font", {}).get("warnings", []):
        warn(warning)
    files = renderer.render(only=args.only)
    renderer.esc.save_cache()
    changed = write_tex(tex_dir, files)
    copy_assets(doc, tex_dir)
    console.print(f"wrote {len(files)} .tex files to {tex_dir} ({changed} changed)")
    if args.tex_only:
        return 0
    result = compile_pdf(tex_dir, MAIN, out / pdf_name(doc, args.only))
    style = "green" if not result.overfull else "yellow"
    console.print(f"[{style}]{escape(str(result.pdf))}[/]: {result.pages} pages, "
                  f"{len(result.warnings)} warnings, {len(result.overfull)} overfull boxes")
    for text in result.warnings[:SHOW]:
        console.print(f"  warning: {text}", markup=False, highlight=False)
    for box in result.overfull[:SHOW]:
        console.print(f"  overfull: {shown(str(box), folder)}", markup=False, highlight=False)
    more = max(len(result.warnings), len(result.overfull)) - SHOW
    if more > 0:
        console.print(f"  … and more (log: {result.log})", markup=False)
    return 0


def pdf_name(doc: n.Document, only: int | None) -> str:
    """thesis.pdf; a one-chapter draft never replaces it (thesis-draft.pdf, marked DRAFT)."""
    stem = "thesis" if doc.kind == "thesis" else "article"
    return f"{stem}-draft.pdf" if only is not None else f"{stem}.pdf"


def _check_output(folder: Path, out: Path) -> None:
    # The build writes only under OUT; OUT must not be (or contain) the user's sources.
    src, dst = folder.resolve(), out.resolve()
    if dst == src or src.is_relative_to(dst):
        raise UserError(f"output folder {out} would contain the sources in {folder}; choose another -o")


def write_tex(tex_dir: Path, files: dict[str, str]) -> int:
    tex_dir.mkdir(parents=True, exist_ok=True)
    return sum(write_if_changed(tex_dir / name, text) for name, text in sorted(files.items()))


def copy_assets(doc: n.Document, tex_dir: Path) -> None:
    """references.bib and the images the chapters use, next to the .tex files (SVG converted)."""
    root = Path(doc.root).resolve()
    wanted: dict[Path, tuple[str, str]] = {}
    if doc.bibliography:
        wanted[root / doc.bibliography] = ("references.bib", doc.bibliography)
    if doc.meta.get("logo"):   # checked by source.extras.check_logo
        wanted[(root / doc.meta["logo"]).resolve()] = (doc.meta["logo"], "thesis.yaml")
    for part in doc.all_parts():
        for b in n.walk(part.blocks):
            if isinstance(b, n.Figure):
                where = f"{b.file}:{b.line}"
                p = (root / b.path).resolve()
                if not p.is_relative_to(root):
                    raise UserError(f"image '{b.path}' is outside the thesis folder", where)
                if not p.is_file():
                    raise UserError(f"image '{b.path}' not found", where)
                figures.check_format(b.path, where)
                wanted.setdefault(p, (b.path, where))
    for src, (rel, where) in sorted(wanted.items()):
        figures.place(src, tex_dir / rel, where)


def todo_warnings(meta, file: str, where=None) -> list[str]:
    """One warning per thesis.yaml line holding "TODO: …" placeholders the import left."""
    at_line: dict[str, list[tuple[str, str]]] = {}
    for path, value in _placeholders(meta, ()):
        at_line.setdefault(where(path) if where else file, []).append((".".join(map(str, path)), value))
    out = []
    for at, found in at_line.items():
        if len(found) == 1:
            out.append(f"{at}: {found[0][0]} is still a placeholder ({found[0][1]}): write the real value")
        else:
            out.append(f"{at}: {', '.join(k for k, _ in found)} are still placeholders "
                       f"({found[0][1]} …): write the real values")
    return out


def _placeholders(meta, path: tuple):
    if isinstance(meta, dict):
        for k, v in meta.items():
            yield from _placeholders(v, path + (k,))
    elif isinstance(meta, list):
        for i, v in enumerate(meta):
            yield from _placeholders(v, path + (i,))
    elif isinstance(meta, str) and meta.startswith("TODO:"):
        yield path, meta
