"""XeLaTeX through latexmk: never shell escape, errors reported against the Markdown.

`compile_pdf(tex_dir, main, out_pdf)` runs

    latexmk -xelatex -interaction=nonstopmode -halt-on-error -file-line-error -no-shell-escape

in `tex_dir` (latexmk runs biber when biblatex asks for it), with TeX confined to reading and
writing inside the build folder (openin_any=p, openout_any=p). The PDF is moved to `out_pdf`
only when the run succeeded, by rename, so a failed or interrupted build leaves the previous
PDF in place. The log is kept next to it (`out_pdf` with .log). A failed, timed-out or
interrupted run removes everything it wrote in `tex_dir` (.aux, .toc, .bbl … and the log itself:
latexmk reads an old log to decide what to run, and would report its error again), and only a
log written by this run is read, so a message always comes from the current sources. A failure
inside files an earlier run left is retried once without them. Ctrl-C (SIGINT to TeX or to us)
raises KeyboardInterrupt, never a located error.

Errors are reported as `chapters/03-….md:LINE: message`: the renderer writes a marker line
`% typeset-src: FILE:LINE` before each block of a chapter .tex, and the error's .tex line is
traced upward to the nearest marker. With SOURCE_DATE_EPOCH set (argument or environment),
two builds of the same sources give a byte-identical PDF.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from typeset.compile.biber import biber_failure
from typeset.compile.log import BoxIssue, LogError, LogReport, parse_log
from typeset.errors import UserError
from typeset.fsutil import atomic_write

MARKER = re.compile(r"^% typeset-src: (?P<file>.+):(?P<line>\d+)\s*$")
INSTALL = "sudo apt-get install texlive-xetex texlive-latex-extra texlive-fonts-recommended latexmk biber"
TOOLS = {
    "latexmk": "sudo apt-get install latexmk",
    "xelatex": INSTALL,
    "xdvipdfmx": "sudo apt-get install texlive-xetex",
}
# written beside the .tex by XeLaTeX, biber and latexmk; removed after a failed run (see compile_pdf)
AUXILIARY = (".aux", ".toc", ".lof", ".lot", ".out", ".bbl", ".bcf", ".blg", ".run.xml",
             ".fdb_latexmk", ".fls", ".xdv", ".log")
TIMEOUT = 900  # seconds for the whole latexmk run; a thesis takes well under a minute
# an overfull line narrower than this is invisible in print (0.5 pt = 0.18 mm; TeX's own \hfuzz is
# 0.1 pt): not reported, the student could neither see it nor be helped by it
HFUZZ_PT = 0.5


@dataclass
class Located:
    """A message placed at a Markdown (or .tex) file and line."""
    where: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class CompileResult:
    pdf: Path
    log: Path
    pages: int
    runs: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    overfull: list[Located] = field(default_factory=list)
    underfull: list[Located] = field(default_factory=list)
    missing_chars: list[str] = field(default_factory=list)


def check_tools(bibliography: bool = False) -> None:
    """UserError naming the missing tool and the command that installs it."""
    tools = dict(TOOLS)
    if bibliography:
        tools["biber"] = "sudo apt-get install biber"
    for tool, cmd in tools.items():
        if shutil.which(tool) is None:
            raise UserError(f"{tool} not found: install it with `{cmd}` (or run `make deps`)")


def tex_env(source_date_epoch: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "openin_any": "p",        # TeX may read only below the current folder (and TEXMF trees)
        "openout_any": "p",       # ... and write only below it
        "shell_escape": "f",
        "max_print_line": "10000",  # one message per log line: parseable
        "error_line": "254",
        "half_error_line": "238",
    })
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(int(source_date_epoch))
    if env.get("SOURCE_DATE_EPOCH"):
        env["FORCE_SOURCE_DATE"] = "1"   # \today and PDF dates from the epoch as well
    return env


def locate(tex_dir: Path, file: str | None, line: int | None) -> str | None:
    """Map a .tex file:line to the Markdown file:line of the nearest marker above it."""
    if not file:
        return None
    path = (tex_dir / file).resolve() if not os.path.isabs(file) else Path(file)
    try:
        path.relative_to(tex_dir.resolve())
    except ValueError:
        return None   # a package or class file: no Markdown behind it
    if line is None or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for i in range(min(line, len(lines)) - 1, -1, -1):
        m = MARKER.match(lines[i])
        if m:
            return f"{m.group('file')}:{m.group('line')}"
    rel = path.relative_to(tex_dir.resolve()).as_posix()
    return f"{tex_dir.name}/{rel}:{line}"


def _clean_message(err: LogError) -> str:
    msg = err.message.rstrip(".")
    msg = re.sub(r"^(LaTeX|Package \w+) Error: ", "", msg)
    if err.context and msg.startswith("Undefined control sequence"):
        cs = re.findall(r"\\[A-Za-z@]+", err.context)
        if cs:
            msg += f" {cs[-1]}"
    return msg


def visible(boxes: list[BoxIssue]) -> list[BoxIssue]:
    return [b for b in boxes if b.points >= HFUZZ_PT or not b.points]


def _box(tex_dir: Path, b: BoxIssue) -> Located:
    return Located(locate(tex_dir, b.file, b.line), f"{b.kind} line ({b.amount})")


def compile_pdf(tex_dir: Path, main: str, out_pdf: Path, *, source_date_epoch: int | None = None,
                bibliography: bool | None = None) -> CompileResult:
    tex_dir, out_pdf = Path(tex_dir), Path(out_pdf)
    main_tex = tex_dir / main
    if not main_tex.is_file():
        raise UserError(f"{main_tex}: no such file (write the .tex first)")
    if bibliography is None:
        bibliography = "biblatex" in main_tex.read_text(encoding="utf-8", errors="replace")
    check_tools(bibliography)
    stem = Path(main).stem
    cmd = ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
           "-no-shell-escape", "-norc", main]
    t0 = time.monotonic()
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    log_out = out_pdf.with_suffix(".log")
    built = tex_dir / f"{stem}.pdf"
    had_aux = bool(auxiliary_files(tex_dir))
    proc, rep = _run(cmd, tex_dir, stem, source_date_epoch, log_out)
    failed = proc.returncode != 0 or rep.errors or not built.is_file()
    if failed and had_aux and _maybe_stale(rep):
        # files an earlier run left (other macros in the .toc, a half-written .aux or .bbl) can fail
        # every build until they are deleted: start over once without them
        clean_auxiliary(tex_dir)
        proc, rep = _run(cmd, tex_dir, stem, source_date_epoch, log_out)
        failed = proc.returncode != 0 or rep.errors or not built.is_file()
    seconds = time.monotonic() - t0
    if failed:
        message = _failure(tex_dir, rep, proc, log_out, stem)   # before the cleaning: biber's .blg
        clean_auxiliary(tex_dir)   # the next build starts clean, whatever this run half-wrote
        raise UserError(message)
    _replace(built, out_pdf)
    runs = len(re.findall(r"Run number \d+ of rule '(?:xe)?latex", proc.stdout + proc.stderr))
    return CompileResult(
        pdf=out_pdf, log=log_out, pages=rep.pages or _pdf_pages(out_pdf), runs=runs, seconds=seconds,
        warnings=rep.warnings,
        overfull=[_box(tex_dir, b) for b in visible(rep.overfull)],
        underfull=[_box(tex_dir, b) for b in rep.underfull],
        missing_chars=rep.missing_chars,
    )


def auxiliary_files(tex_dir: Path) -> list[Path]:
    """What XeLaTeX, biber and latexmk wrote in tex_dir (never the .tex, .bib or images the build copies)."""
    return sorted(p for p in tex_dir.iterdir() if p.is_file() and p.name.endswith(AUXILIARY))


def clean_auxiliary(tex_dir: Path) -> None:
    for p in auxiliary_files(tex_dir):
        p.unlink(missing_ok=True)


def _maybe_stale(rep: LogReport) -> bool:
    """The failure may come from an earlier run's files: the error is in one, or TeX logged none
    (biber or latexmk failed on a stale .bcf/.bbl/.fdb_latexmk)."""
    if not rep.errors:
        return True
    return (rep.errors[0].file or "").endswith(AUXILIARY)


def _run(cmd: list[str], tex_dir: Path, stem: str, source_date_epoch: int | None,
         log_out: Path) -> tuple[subprocess.CompletedProcess, LogReport]:
    log_src = tex_dir / f"{stem}.log"
    if log_src.is_file() and not (tex_dir / f"{stem}.fdb_latexmk").is_file():
        log_src.unlink()   # a log without latexmk's database was left by a run that did not finish
    started = time.time()
    try:
        proc = subprocess.run(cmd, cwd=tex_dir, env=tex_env(source_date_epoch), capture_output=True,
                              text=True, errors="replace", timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        clean_auxiliary(tex_dir)   # killed mid-write: half-written files would break the next build
        raise UserError(f"XeLaTeX did not finish in {TIMEOUT} s; the previous PDF is unchanged") from None
    except KeyboardInterrupt:
        clean_auxiliary(tex_dir)
        raise
    # a log older than this run is an earlier run's: its errors are not about these sources
    fresh = log_src.is_file() and log_src.stat().st_mtime >= started - 1
    log_text = log_src.read_text(encoding="utf-8", errors="replace") if fresh else ""
    if log_text:
        atomic_write(log_out, log_text)
    rep = parse_log(log_text)
    if _interrupted(proc, rep):
        clean_auxiliary(tex_dir)
        raise KeyboardInterrupt
    return proc, rep


def _interrupted(proc: subprocess.CompletedProcess, rep: LogReport) -> bool:
    """TeX (or latexmk) stopped by SIGINT: Ctrl-C reached the TeX process group before us."""
    if proc.returncode in (-signal.SIGINT, 128 + signal.SIGINT):
        return True
    return bool(rep.errors) and rep.errors[0].message.strip().rstrip(".") == "Interruption"


def _failure(tex_dir: Path, rep: LogReport, proc: subprocess.CompletedProcess, log_out: Path,
             stem: str) -> str:
    if not rep.errors:
        bib = biber_failure(tex_dir, stem)
        if bib:
            return bib
    if rep.errors:
        first = rep.errors[0]
        where = locate(tex_dir, first.file, first.line)
        more = f" (and {len(rep.errors) - 1} more)" if len(rep.errors) > 1 else ""
        msg = f"{_clean_message(first)}{more}; full log: {log_out}"
        return f"{where}: {msg}" if where else msg
    tail = " ".join((proc.stderr or proc.stdout).strip().splitlines()[-2:])[:300]
    return f"XeLaTeX failed without an error in the log ({tail}); full log: {log_out}"


def _replace(built: Path, out_pdf: Path) -> None:
    """Move the new PDF over the old one in one step (copy to a temp file first across file systems)."""
    try:
        os.replace(built, out_pdf)
    except OSError:
        tmp = out_pdf.with_name(f".{out_pdf.name}.tmp")
        shutil.copyfile(built, tmp)
        os.replace(tmp, out_pdf)


def _pdf_pages(pdf: Path) -> int:
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return 0
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def summary(result: CompileResult, console=None) -> None:
    """A short rich summary: pages, passes, time, warnings and bad boxes with their Markdown lines."""
    from rich.console import Console

    con = console or Console(stderr=True)
    over = len(result.overfull)
    style = "red" if over else "green"
    con.print(f"[bold]{result.pdf}[/bold]: {result.pages} pages, {result.runs} XeLaTeX passes, "
              f"{result.seconds:.1f} s; {len(result.warnings)} warnings, "
              f"[{style}]{over} overfull[/{style}], {len(result.underfull)} underfull lines")
    for item in result.overfull[:10]:
        con.print(f"  {item}")
    for msg in result.missing_chars[:5]:
        con.print(f"  [yellow]{msg}[/yellow]")
