"""`make bench`: speed, scale and typographic quality of typeset, beside a pandoc + XeLaTeX baseline.

    .venv/bin/python benchmarks/bench.py [--scales 1,4,16] [--no-build] [--no-pandoc] [-o build/bench.md]

Prints the tables and writes them to build/bench.md (work files under build/bench/):
- import throughput on the raw thesis seed at several sizes, each in a fresh process
  (benchmarks/importrun.py), time by stage and peak memory;
- `typeset build` of examples/thesis: .tex generation, TeX, TeX passes; `--only N` beside it;
- the same chapters through pandoc + XeLaTeX (same font, size and page) as the baseline;
- typographic quality of both PDFs, measured by typeset.quality.

A benchmark, not a test: the numbers depend on the machine, which the header records.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
SEED = "thesis-raw.txt"
EXAMPLE = ROOT / "examples" / "thesis"
TRACE_ENV = "TYPESET_BENCH_TRACE"


class BenchError(Exception):
    """A one-line reason the benchmark cannot run."""


# ---------------------------------------------------------------- inputs and machine

def find_seed(root: Path = ROOT, name: str = SEED) -> Path:
    """The raw thesis seed: ../shared/seeds/NAME beside the repository (as in CI and a fresh clone)."""
    override = os.environ.get("TYPESET_BENCH_RAW")
    candidates = [Path(override)] if override else []
    candidates.append(root.parent / "shared" / "seeds" / name)
    for c in candidates:
        if c.is_file():
            return c
    raise BenchError(f"raw thesis seed not found at {candidates[-1]} (the benchmark expects the shared "
                     f"seeds beside the repository, or set TYPESET_BENCH_RAW=path/to/{name})")


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return out.strip().splitlines()[0] if out.strip() else "not found"


def machine() -> dict[str, str]:
    """CPU model, cores, RAM, load, Python, TeX Live and pandoc versions."""
    cpu = platform.processor() or platform.machine()
    ram = ""
    try:
        info = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
        cpu = m.group(1).strip() if m else cpu
        mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        ram = f"{int(mem.group(1)) / 2**20:.1f} GB" if mem else ""
    except OSError:
        pass
    tex = _first_line(["xelatex", "--version"])
    m = re.search(r"TeX Live (\d{4})[^)]*", tex)
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "ram": ram or "?",
        "load": load,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "texlive": m.group(0) if m else tex,
        "pandoc": _first_line(["pandoc", "--version"]),
        "commit": _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


# ---------------------------------------------------------------- import

def bench_import(raw: Path, scales: list[int], work: Path) -> list[dict]:
    rows = []
    for k in scales:
        status(f"import {raw.name} x{k}")
        proc = subprocess.run([sys.executable, str(HERE / "importrun.py"), str(raw), str(k),
                               str(work / f"import-x{k}")], capture_output=True, text=True)
        if proc.returncode != 0:
            raise BenchError(f"import x{k} failed: {last_line(proc.stderr)}")
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return rows


def last_line(text: str) -> str:
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1] if lines else "(no output)"


# ---------------------------------------------------------------- timing TeX from outside

def make_shims(shim_dir: Path, names=("latexmk", "xelatex", "biber")) -> dict[str, str]:
    """Wrappers that run the real tool and append "name start end" to $TYPESET_BENCH_TRACE.

    Put first on PATH they count and time TeX passes whoever starts them (latexmk, pandoc,
    typeset's compile stage), without reading any tool's own output. Returns the env to use.
    """
    shim_dir.mkdir(parents=True, exist_ok=True)
    path = os.environ.get("PATH", "")
    for name in names:
        real = shutil.which(name, path=path)
        if real is None:
            continue
        script = shim_dir / name
        script.write_text(
            "#!/bin/sh\n"
            f"# benchmark shim: time {name}, then exit with its status\n"
            "s=$(date +%s.%N)\n"
            f'"{real}" "$@"\n'
            "rc=$?\n"
            f'[ -n "${TRACE_ENV}" ] && echo "{name} $s $(date +%s.%N)" >> "${TRACE_ENV}"\n'
            "exit $rc\n")
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    env = dict(os.environ)
    env["PATH"] = f"{shim_dir}{os.pathsep}{path}"
    return env


def read_trace(trace: Path) -> list[tuple[str, float]]:
    """(tool, seconds) per run recorded by the shims, in order."""
    runs = []
    if trace.is_file():
        for line in trace.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3:
                runs.append((parts[0], float(parts[2]) - float(parts[1])))
    return runs


def tex_summary(runs: list[tuple[str, float]]) -> dict:
    """TeX seconds (latexmk's runs if latexmk drove TeX, else xelatex + biber), passes, biber runs."""
    by = lambda name: [s for n, s in runs if n == name]  # noqa: E731
    tex = sum(by("latexmk")) if by("latexmk") else sum(by("xelatex")) + sum(by("biber"))
    return {"tex_s": round(tex, 2), "passes": len(by("xelatex")), "biber": len(by("biber")),
            "xelatex_s": round(sum(by("xelatex")), 2)}


def timed(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run cmd; (result, wall seconds, CPU seconds of it and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, errors="replace")
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc, wall, cpu


def traced(cmd: list[str], env: dict, trace: Path) -> tuple[dict, subprocess.CompletedProcess]:
    """Run cmd with the shims tracing TeX; wall/CPU/TeX seconds, passes, and the Python rest."""
    if trace.exists():
        trace.unlink()
    env = dict(env, **{TRACE_ENV: str(trace)})
    proc, wall, cpu = timed(cmd, env)
    if proc.returncode != 0:
        raise BenchError(f"`{' '.join(cmd[:4])} …` failed: {last_line(proc.stderr)}")
    out = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), **tex_summary(read_trace(trace))}
    out["python_s"] = round(max(0.0, wall - out["tex_s"]), 2)
    return out, proc


# ---------------------------------------------------------------- typeset build

def typeset_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "typeset"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "typeset.cli"]


def find_log(out: Path, stem: str = "thesis") -> Path | None:
    """The XeLaTeX log of a build under OUT (the compile stage keeps it there), newest first."""
    logs = [p for p in (out / f"{stem}.log", out / "tex" / f"{stem}.log", out / "logs" / f"{stem}.log")
            if p.is_file()]
    logs += [p for p in out.rglob(f"{stem}.log") if p not in logs]
    return max(logs, key=lambda p: p.stat().st_mtime) if logs else None


def largest_chapter(folder: Path) -> int:
    """Number of the chapter file with the most text (the draft worth timing)."""
    files = sorted((folder / "chapters").glob("[0-9]*.md"))
    files = [f for f in files if ".imported." not in f.name]
    if not files:
        raise BenchError(f"{folder}/chapters: no chapter files")
    best = max(files, key=lambda f: f.stat().st_size)
    return int(re.match(r"\d+", best.name).group(0))


def bench_build(folder: Path, work: Path, env: dict) -> dict:
    ts = typeset_cmd()
    res: dict = {}
    for d in ("texonly", "thesis", "draft"):
        shutil.rmtree(work / d, ignore_errors=True)
    status("typeset build --tex-only")
    proc, wall, cpu = timed(ts + ["build", str(folder), "-o", str(work / "texonly"), "--tex-only"], env)
    if proc.returncode != 0:
        raise BenchError(f"typeset build --tex-only failed: {last_line(proc.stderr)}")
    res["texgen"] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}
    status("typeset build --tex-only again (from OUT/.typeset-cache)")
    proc, wall, cpu = timed(ts + ["build", str(folder), "-o", str(work / "texonly"), "--tex-only"], env)
    if proc.returncode != 0:
        raise BenchError(f"typeset build --tex-only (again) failed: {last_line(proc.stderr)}")
    res["retexgen"] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}
    status("typeset build (full, from a clean output folder)")
    res["full"], _ = traced(ts + ["build", str(folder), "-o", str(work / "thesis")], env, work / "trace-full")
    res["full"]["pdf"] = str(work / "thesis" / "thesis.pdf")
    log = find_log(work / "thesis")
    res["full"]["log"] = str(log) if log else None
    status("quality of the typeset PDF")
    res["quality"] = quality(Path(res["full"]["pdf"]), folder, log)
    n = largest_chapter(folder)
    status(f"typeset build --only {n} (draft, after the full build)")
    # in a copy of the full build's folder (its .aux files, as a student's would be), so the
    # full PDF stays in build/bench/thesis for a look
    shutil.copytree(work / "thesis", work / "draft")
    res["draft"], _ = traced(ts + ["build", str(folder), "-o", str(work / "draft"), "--only", str(n)],
                             env, work / "trace-draft")
    res["draft"]["chapter"] = n
    return res


# ---------------------------------------------------------------- pandoc baseline

def font_dir() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


def pandoc_cmd(sources: list[Path], out_pdf: Path, header: Path, fonts: Path) -> list[str]:
    """pandoc + XeLaTeX as a student would call it: lang th, Sarabun by path, A4 with the
    template's margins; 16 pt body via the header (scrextend, as typeset's template does).
    fontfamily=fontspec replaces the default template's lmodern, which XeLaTeX does not use for
    text once mainfont is set (and which Debian ships in a separate package)."""
    opts = f"Path={fonts}/,BoldFont=Sarabun-Bold.ttf,ItalicFont=Sarabun-Italic.ttf,BoldItalicFont=Sarabun-BoldItalic.ttf"
    return ["pandoc", "--verbose", "-s", "--pdf-engine=xelatex", "--pdf-engine-opt=-no-shell-escape",
            "-V", "lang=th", "-V", "fontfamily=fontspec",
            "-V", "mainfont=Sarabun-Regular.ttf", "-V", f"mainfontoptions={opts}",
            "-V", "monofont=Sarabun-Regular.ttf", "-V", f"monofontoptions=Path={fonts}/",
            "-V", "geometry:a4paper,top=1.5in,bottom=1in,left=1.5in,right=1in",
            "-H", str(header), *map(str, sources), "-o", str(out_pdf)]


def split_pandoc_runs(verbose_err: str) -> tuple[int, str]:
    """(number of TeX runs, the last run's terminal output) from `pandoc --verbose` stderr."""
    parts = re.split(r"^\[makePDF\] Run #\d+\s*$", verbose_err, flags=re.M)
    return len(parts) - 1, (parts[-1] if len(parts) > 1 else "")


def bench_pandoc(folder: Path, work: Path, env: dict) -> dict:
    from typeset.quality import source_files

    if shutil.which("pandoc") is None:
        raise BenchError("pandoc not found (Debian: apt-get install pandoc)")
    out = work / "pandoc"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    header = out / "header.tex"
    header.write_text("\\usepackage[fontsize=16pt]{scrextend}\n")
    pdf = out / "thesis.pdf"
    cmd = pandoc_cmd(source_files(folder), pdf, header, font_dir())
    status("pandoc + XeLaTeX baseline")
    res, proc = traced(cmd + [f"--resource-path={folder}"], env, work / "trace-pandoc")
    runs, log_text = split_pandoc_runs(proc.stderr)
    if not res["passes"]:
        res["passes"] = runs          # xelatex started by absolute path: count pandoc's own runs
    log = out / "thesis.log"
    log.write_text(log_text, encoding="utf-8")
    res["pdf"], res["log"] = str(pdf), str(log)
    status("quality of the pandoc PDF")
    res["quality"] = quality(pdf, folder, log)
    return res


def quality(pdf: Path, sources: Path, log: Path | None) -> dict:
    from typeset.quality import measure

    q = measure(pdf, sources, log).as_dict()
    q.pop("examples", None)
    return q


# ---------------------------------------------------------------- output

def status(msg: str) -> None:
    print(f"bench: {msg} …", file=sys.stderr, flush=True)


def _f(v, nd: int = 2) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def md_table(head: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(_f(c) for c in r) + " |" for r in rows]
    return out


STAGES = ["decode", "repair", "structure", "write"]


def import_section(rows: list[dict]) -> list[str]:
    out = ["## Import: `typeset import` of the raw thesis seed, repeated", "",
           "Each size in a fresh process after a small warm-up (dictionaries loaded); seconds wall "
           "(CPU in the total column). Peak memory is the process's maximum resident set.", ""]
    head = ["size", "kB", "warm-up s"] + [f"{s} s" for s in STAGES] + ["total s (CPU)", "kB/s", "peak MB", "chapters"]
    table = []
    for r in rows:
        table.append([f"{r['scale']}×", round(r["bytes"] / 1024), r["wall"].get("warm-up")]
                     + [r["wall"][s] for s in STAGES]
                     + [f"{r['total_wall']:.2f} ({r['total_cpu']:.2f})", r["kb_per_s"],
                        round(r["peak_rss_kb"] / 1024), r["chapters"]])
    out += md_table(head, table)
    if rows and rows[0].get("repair_passes"):
        out += ["", "Repair passes, seconds wall:", ""]
        passes = list(rows[0]["repair_passes"])
        out += md_table(["pass"] + [f"{r['scale']}×" for r in rows],
                        [[p] + [r["repair_passes"].get(p) for r in rows] for p in passes])
    if len(rows) > 1:
        base = rows[0]
        per = [f"{r['scale']}×: {scaling(base, r, 'total_wall'):.2f} wall, {scaling(base, r, 'total_cpu'):.2f} CPU"
               for r in rows[1:]]
        out += ["", "Time per copy relative to the smallest size (1.00 = linear): " + "; ".join(per) + "."]
    return out


def scaling(base: dict, row: dict, key: str) -> float:
    """Seconds per copy of `row` over seconds per copy of `base` (1.0 = linear in size)."""
    if not base[key]:
        return float("nan")
    return row[key] / base[key] / (row["scale"] / base["scale"])


def build_section(build: dict | None, pandoc: dict | None) -> list[str]:
    out = ["## Build: examples/thesis", "",
           "Seconds wall (CPU of the process and everything it ran). TeX = time inside latexmk/xelatex/"
           "biber, timed by wrappers on PATH; Python = the rest.", ""]
    head = ["run", "wall s", "CPU s", "Python s", "TeX s", "TeX passes", "biber runs"]
    rows = []
    if build:
        t = build["texgen"]
        rows.append(["`typeset build --tex-only` (.tex generation)", t["wall_s"], t["cpu_s"], t["wall_s"], 0, 0, 0])
        if build.get("retexgen"):
            t = build["retexgen"]
            rows.append(["`typeset build --tex-only` again (segmentation, fonts, templates cached)",
                         t["wall_s"], t["cpu_s"], t["wall_s"], 0, 0, 0])
        for key, label in (("full", "`typeset build` (full, clean output folder)"),
                           ("draft", f"`typeset build --only {build['draft']['chapter']}` (draft, after the full build)")):
            b = build[key]
            rows.append([label, b["wall_s"], b["cpu_s"], b["python_s"], b["tex_s"], b["passes"], b["biber"]])
    if pandoc:
        rows.append(["pandoc + XeLaTeX (same chapters)", pandoc["wall_s"], pandoc["cpu_s"], pandoc["python_s"],
                     pandoc["tex_s"], pandoc["passes"], pandoc["biber"]])
    out += md_table(head, rows)
    if build and build["full"]["wall_s"]:
        share = build["full"]["python_s"] / build["full"]["wall_s"]
        line = f"Python share of the full build: {share:.1%} of the wall time"
        if build["full"]["cpu_s"]:
            line += f", {build['texgen']['cpu_s'] / build['full']['cpu_s']:.1%} of the CPU time (`--tex-only` CPU / full build CPU)"
        draft = build.get("draft") or {}
        if draft.get("wall_s"):
            line += f"; of the draft: {draft['python_s'] / draft['wall_s']:.1%} of its wall time"
        out += ["", line + "; target: under 10%."]
    if pandoc:
        out += ["", "(pandoc's \"Python s\" column is pandoc's own time outside XeLaTeX.)"]
    return out


QUALITY_ROWS = [
    ("pages", "pages"),
    ("overfull", "overfull boxes"),
    ("underfull", "underfull boxes"),
    ("thai_hyphens", "visible hyphens in Thai text"),
    ("breaks_thai", "line breaks between two Thai letters"),
    ("bad_breaks_dict", "… inside a dictionary word"),
    ("bad_breaks_doc", "… inside a document/user word"),
    ("continued_lines", "continued lines (next line of the same paragraph follows)"),
    ("flush_share", "… ending within 0.5 pt of the right margin"),
    ("natural_space_pt", "natural interword space (pt)"),
    ("space_p99_ratio", "99th-percentile interword space (× natural)"),
    ("space_max_ratio", "widest interword space (× natural)"),
    ("gap_points", "non-space Thai break points measured"),
    ("gap_p99_pt", "99th-percentile gap there (pt)"),
    ("gap_max_pt", "widest gap there (pt)"),
    ("gap_threshold_pt", "pdftotext space threshold (0.1 × size, pt)"),
    ("gaps_over_threshold", "gaps there at or over the threshold"),
    ("spurious_spaces", "spaces inside words in pdftotext output"),
    ("cer", "pdftotext CER vs sources"),
    ("blocks_out_of_order", "source blocks read out of order"),
]
PERCENT = {"cer", "flush_share"}
# What students hand in today: a Word-made Thai Distributed thesis proposal (../shared/realworld)
WORD_REFERENCE = ROOT.parent / "shared" / "realworld" / "thesis-proposal"


def quality_section(ours: dict | None, base: dict | None, word: dict | None = None) -> list[str]:
    out = ["## Typographic quality of the PDF (typeset.quality)", ""]
    cols = [("typeset", ours), ("pandoc + XeLaTeX", base)] + ([("Word, Thai Distributed (reference)", word)] if word else [])
    rows = []
    for key, label in QUALITY_ROWS:
        cell = []
        for _, q in cols:
            v = q.get(key) if q else None
            cell.append(f"{v:.2%}" if key in PERCENT and v is not None else v)
        rows.append([label] + cell)
    out += md_table(["measure"] + [c for c, _ in cols], rows)
    return out


def bench_word(folder: Path = WORD_REFERENCE) -> dict:
    """typeset.quality of the Word-made PDF against its gold text (another document than
    examples/thesis: the reference of what Word gives, not a like-for-like comparison)."""
    pdf, gold = folder / "source.pdf", folder / "gold.txt"
    if not (pdf.is_file() and gold.is_file()):
        raise BenchError(f"{pdf} or {gold.name} not found (the shared real documents beside the repository)")
    status("quality of the Word reference PDF")
    return {"quality": quality(pdf, gold, None)}


def to_markdown(m: dict, imports: list[dict] | None, build: dict | None, pandoc: dict | None,
                notes: list[str], word: dict | None = None) -> str:
    out = ["# typeset benchmark (`make bench`)", "",
           f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram']} RAM, load average {m['load']} at start; "
           f"{m['os']}; Python {m['python']}; {m['texlive']}; {m['pandoc']}. "
           f"Commit {m['commit']}, {m['date']}.", "",
           "Wall seconds grow when other jobs share the cores; CPU seconds are the steadier figure.", ""]
    if imports:
        out += import_section(imports) + [""]
    if build or pandoc:
        out += build_section(build, pandoc) + [""]
        out += quality_section(build["quality"] if build else None, pandoc["quality"] if pandoc else None,
                               word["quality"] if word else None) + [""]
        out += ["Baseline: `pandoc -s --pdf-engine=xelatex -V lang=th` (babel Thai, XeTeX's ICU line "
                "breaking) with Sarabun loaded by path for main and mono text, A4 with the same margins "
                "and a 16 pt body (scrextend), on the same chapter files; pandoc's Markdown shows "
                "typeset's conventions (framework blocks, attribute lines) as plain text.", ""]
        if word:
            out += ["Reference: ../shared/realworld/thesis-proposal/source.pdf, a 55-page thesis proposal "
                    "Word made with Thai Distributed paragraphs (TH Sarabun New), measured against its "
                    "gold text: another document, so read its column as what students see today. Its "
                    "text layer is damaged (า read as ำ), which also confuses the break-point measures.", ""]
    if notes:
        out += ["## Not measured", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(out)


def readme_section(bench_md: str) -> str:
    """The README's "Benchmarks" section quoting a bench.md: machine, import, build, quality."""
    def block(title: str) -> str:
        i = bench_md.find(title)
        if i == -1:
            return ""
        j = bench_md.find("\n## ", i + 1)
        return bench_md[i:j if j != -1 else None]

    def tables(text: str) -> str:
        return "\n".join(l for l in text.splitlines() if l.startswith("|"))

    def line(text: str, start: str) -> str:
        m = re.search(rf"^{re.escape(start)}.*$", text, re.M)
        return m.group(0) if m else ""

    m = line(bench_md, "Machine: ")
    imp, build, qual = block("## Import"), block("## Build"), block("## Typographic quality")
    out = ["## Benchmarks", "",
           "`make bench` (after `make pdf`) times the import and the build, builds the same chapters "
           "with pandoc + XeLaTeX (Debian's pandoc, `lang=th`, Sarabun by path, the same page and "
           "16 pt body) as the mainstream baseline, measures both PDFs with `typeset.quality`, prints "
           "the tables and writes them to `build/bench.md` (about 3 minutes on 2 cores). The raw "
           "thesis is read from `../shared/seeds/thesis-raw.txt` beside the repository (or "
           "`TYPESET_BENCH_RAW`).", "",
           f"Measured on: {m[len('Machine: '):]}",
           "The cores were shared with other jobs, so wall times are inflated; CPU seconds are steadier.", ""]
    if imp:
        out += ["Import of the raw thesis repeated, each size in a fresh process after a warm-up "
                "that loads the dictionaries; seconds wall per stage:", "",
                tables(imp.split("Repair passes")[0]), "", line(imp, "Time per copy"), ""]
    if build:
        out += ["Build of `examples/thesis` (TeX timed by wrappers around latexmk/xelatex/biber on PATH):",
                "", tables(build), "", line(build, "Python share"), ""]
    if qual:
        out += ["Typographic quality of the two PDFs:", "", tables(qual), ""]
    return "\n".join(out)


def parse_scales(text: str) -> list[int]:
    try:
        scales = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scales: expected numbers like 1,4,16, not {text!r}") from None
    if not scales or min(scales) < 1:
        raise argparse.ArgumentTypeError("--scales: sizes must be whole numbers >= 1")
    return scales


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.py", description=__doc__.splitlines()[0])
    p.add_argument("--scales", type=parse_scales, default=[1, 4, 16], help="import sizes (default 1,4,16)")
    p.add_argument("--no-import", action="store_true")
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--no-pandoc", action="store_true")
    p.add_argument("--example", type=Path, default=EXAMPLE, help="thesis folder to build")
    p.add_argument("-o", "--output", type=Path, default=ROOT / "build" / "bench.md")
    p.add_argument("--readme", type=Path, metavar="BENCH_MD",
                   help="print the README's Benchmarks section quoting BENCH_MD, and stop")
    args = p.parse_args(argv)
    if args.readme:
        print(readme_section(args.readme.read_text(encoding="utf-8")))
        return 0
    work = args.output.parent / "bench"
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    m = machine()
    notes: list[str] = []
    imports = build = pandoc = None
    env = make_shims(work / "shims")

    def attempt(what: str, fn):
        try:
            return fn()
        except BenchError as e:
            notes.append(f"{what}: {e}")
            print(f"bench: {what} skipped: {e}", file=sys.stderr)
            return None

    if not args.no_import:
        imports = attempt("import", lambda: bench_import(find_seed(), args.scales, work))
    if not args.no_build:
        build = attempt("build", lambda: bench_build(args.example, work, env))
    if not args.no_pandoc:
        pandoc = attempt("pandoc baseline", lambda: bench_pandoc(args.example, work, env))
    word = None if args.no_pandoc else attempt("Word reference", bench_word)
    text = to_markdown(m, imports, build, pandoc, notes, word)
    text += f"\nBenchmark run time: {time.perf_counter() - t0:.0f} s.\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(text))
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main())
