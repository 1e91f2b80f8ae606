"""Images for \\includegraphics: which formats XeLaTeX reads, and SVG converted to PDF.

XeLaTeX (xdvipdfmx) reads PDF, PNG and JPEG; SVG is converted with rsvg-convert (librsvg), the
maintained converter Debian ships, into `figures/x.svg.pdf` beside the copy in the build folder.
Any other format is refused at the figure's line with what to do, instead of a TeX message.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from typeset.errors import UserError
from typeset.fsutil import atomic_write

READ_BY_TEX = {".pdf", ".png", ".jpg", ".jpeg"}
CONVERTED = {".svg"}
INSTALL_RSVG = "sudo apt-get install librsvg2-bin"
TIMEOUT = 120   # seconds for one SVG


def tex_name(path: str) -> str:
    """The file name the .tex includes for an image the student wrote as `path`."""
    return path + ".pdf" if Path(path).suffix.lower() in CONVERTED else path


def check_format(path: str, where: str) -> None:
    ext = Path(path).suffix.lower()
    if ext in READ_BY_TEX or ext in CONVERTED:
        return
    what = ext[1:].upper() if ext else "a file without an extension"
    raise UserError(f"image '{path}': {what} is not supported: convert it to PDF, PNG or JPEG", where)


def place(src: Path, dst: Path, where: str) -> None:
    """Copy `src` to `dst` in the build folder (only when it changed); an SVG also to dst.pdf."""
    data = src.read_bytes()
    fresh = dst.is_file() and dst.read_bytes() == data
    if Path(dst).suffix.lower() in CONVERTED:
        pdf = dst.with_name(dst.name + ".pdf")
        if fresh and pdf.is_file():
            return
        _svg_to_pdf(src, pdf, where)
    elif fresh:
        return
    atomic_write(dst, data)   # after the conversion: a failed one is retried next build


def _svg_to_pdf(src: Path, pdf: Path, where: str) -> None:
    name = src.name
    if shutil.which("rsvg-convert") is None:
        raise UserError(f"SVG image '{name}' needs rsvg-convert: install it with `{INSTALL_RSVG}`, "
                        "or convert the image to PDF or PNG", where)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp = pdf.with_name(f".{pdf.name}.tmp")
    try:
        proc = subprocess.run(["rsvg-convert", "--format=pdf", f"--output={tmp}", str(src)],
                              capture_output=True, text=True, errors="replace", timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        tmp.unlink(missing_ok=True)
        raise UserError(f"SVG image '{name}' took over {TIMEOUT} s to convert; convert it to PDF "
                        "or PNG yourself", where) from None
    if proc.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        why = " ".join(proc.stderr.split())[:200] or f"exit code {proc.returncode}"
        raise UserError(f"SVG image '{name}' could not be converted ({why}); check that it opens "
                        "in a browser, or convert it to PDF or PNG", where)
    tmp.replace(pdf)
