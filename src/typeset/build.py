"""`typeset build DIR -o OUT`: load, parse, render, write OUT/tex/*.tex, compile to OUT/thesis.pdf."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from typeset import source
from typeset.errors import UserError
from typeset.fsutil import CACHE_DIR, atomic_write, write_if_changed
from typeset.render import MAIN, Renderer
from typeset.render.env import use_bytecode_cache

SHOW = 5   # overfull boxes listed in the summary
from typeset.source import nodes as n


def run(args) -> int:
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    folder = Path(args.source)
    out = Path(args.output)
    _check_output(folder, out)
    doc, cfg = source.load(folder, template=args.template)
    for warning in doc.warnings:   # soft_wrap: the commands in it stay copyable
        console.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    for warning in todo_warnings(doc.meta, "article.yaml" if doc.kind == "article" else "thesis.yaml"):
        console.print(f"[yellow]warning:[/] {warning}")
    tex_dir = out / "tex"
    renderer = Renderer(doc, cfg, tex_dir)
    use_bytecode_cache(renderer.env, out / CACHE_DIR)   # compiled templates kept between builds
    for warning in renderer.fonts.get("font", {}).get("warnings", []):
        console.print(f"[yellow]warning:[/] {warning}")
    files = renderer.render(only=args.only)
    renderer.esc.save_cache()
    changed = write_tex(tex_dir, files)
    copy_assets(doc, tex_dir)
    console.print(f"wrote {len(files)} .tex files to {tex_dir} ({changed} changed)")
    if args.tex_only:
        return 0
    pdf_name = "thesis.pdf" if doc.kind == "thesis" else "article.pdf"
    result = compile_pdf(tex_dir, MAIN, out / pdf_name)
    warnings = list(getattr(result, "warnings", []) or [])
    overfull = list(getattr(result, "overfull", []) or [])
    style = "green" if not overfull else "yellow"
    console.print(f"[{style}]{out / pdf_name}[/]: {getattr(result, 'pages', '?')} pages, "
                  f"{len(warnings)} warnings, {len(overfull)} overfull boxes")
    for box in overfull[:SHOW]:
        console.print(f"  overfull: {box}", markup=False, highlight=False)
    if len(overfull) > SHOW:
        console.print(f"  … and {len(overfull) - SHOW} more (log: {tex_dir / 'thesis.log'})", markup=False)
    return 0


def _check_output(folder: Path, out: Path) -> None:
    # The build writes only under OUT; OUT must not be (or contain) the user's sources.
    src, dst = folder.resolve(), out.resolve()
    if dst == src or src.is_relative_to(dst):
        raise UserError(f"output folder {out} would contain the sources in {folder}; choose another -o")


def write_tex(tex_dir: Path, files: dict[str, str]) -> int:
    tex_dir.mkdir(parents=True, exist_ok=True)
    return sum(write_if_changed(tex_dir / name, text) for name, text in sorted(files.items()))


def copy_assets(doc: n.Document, tex_dir: Path) -> None:
    """references.bib and the images the chapters use, next to the .tex files."""
    root = Path(doc.root).resolve()
    wanted: dict[Path, str] = {}
    if doc.bibliography:
        wanted[root / doc.bibliography] = "references.bib"
    if doc.meta.get("logo"):   # checked by source.extras.check_logo
        wanted[(root / doc.meta["logo"]).resolve()] = doc.meta["logo"]
    for part in doc.all_parts():
        for b in n.walk(part.blocks):
            if isinstance(b, n.Figure):
                p = (root / b.path).resolve()
                if not p.is_relative_to(root):
                    raise UserError(f"image '{b.path}' is outside the thesis folder", f"{b.file}:{b.line}")
                if not p.is_file():
                    raise UserError(f"image '{b.path}' not found", f"{b.file}:{b.line}")
                wanted[p] = b.path
    for src, rel in sorted(wanted.items()):
        dst = tex_dir / rel
        data = src.read_bytes()
        if not dst.is_file() or dst.read_bytes() != data:
            atomic_write(dst, data)


def todo_warnings(meta, file: str, path: str = "") -> list[str]:
    out = []
    if isinstance(meta, dict):
        for k, v in meta.items():
            out += todo_warnings(v, file, f"{path}.{k}" if path else str(k))
    elif isinstance(meta, list):
        for i, v in enumerate(meta):
            out += todo_warnings(v, file, f"{path}[{i}]")
    elif isinstance(meta, str) and meta.startswith("TODO:"):
        out.append(f"{file}: {path} is still a placeholder ({meta})")
    return out


def compile_pdf(tex_dir: Path, main: str, out_pdf: Path):
    try:
        from typeset.compile import compile_pdf as stage   # the compile stage, when present
    except ImportError:
        stage = _latexmk
    return stage(tex_dir, main, out_pdf)


# ---- a minimal latexmk run, used until typeset.compile lands ---------------------------

@dataclass
class _Result:
    pages: int = 0
    warnings: list = field(default_factory=list)
    overfull: list = field(default_factory=list)


def _latexmk(tex_dir: Path, main: str, out_pdf: Path) -> _Result:
    if not shutil.which("latexmk"):
        raise UserError("latexmk not found: run `make deps` (installs TeX Live)")
    cmd = ["latexmk", "-norc", "-xelatex", "-interaction=nonstopmode", "-halt-on-error",
           "-file-line-error", "-latexoption=-no-shell-escape", main]
    proc = subprocess.run(cmd, cwd=tex_dir, capture_output=True, text=True, errors="replace")
    log_path = tex_dir / (Path(main).stem + ".log")
    log = log_path.read_text(errors="replace") if log_path.is_file() else ""
    if proc.returncode != 0:
        raise UserError(*_first_error(log, tex_dir))
    pdf = tex_dir / (Path(main).stem + ".pdf")
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out_pdf, pdf.read_bytes())
    m = re.findall(r"Output written on .*?\((\d+) pages?", log)
    return _Result(pages=int(m[-1]) if m else 0,
                   warnings=re.findall(r"^(?:LaTeX|Package \w+) Warning: (.*)$", log, re.M),
                   overfull=re.findall(r"^Overfull \\hbox.*$", log, re.M))


def _first_error(log: str, tex_dir: Path) -> tuple[str, str | None]:
    m = re.search(r"^(?:\./)?([\w.-]+\.tex):(\d+): (.*)$", log, re.M)
    if not m:
        m2 = re.search(r"^! (.*)$", log, re.M)
        return (f"LaTeX failed: {m2.group(1) if m2 else 'see ' + str(tex_dir / 'thesis.log')}", None)
    name, line, msg = m.group(1), int(m.group(2)), m.group(3)
    return (f"LaTeX: {msg}", src_line(tex_dir / name, line))


def src_line(tex_file: Path, line: int) -> str | None:
    """The Markdown file:line of the nearest `% typeset-src:` comment at or above `line`."""
    try:
        lines = tex_file.read_text(encoding="utf-8").splitlines()[:line]
    except OSError:
        return None
    for text in reversed(lines):
        if text.startswith("% typeset-src: "):
            return text[len("% typeset-src: "):].strip()
    return None
