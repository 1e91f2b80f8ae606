"""`make bench` (docx part): `typeset import FILE.docx` time on the 55-page thesis proposal.

    .venv/bin/python benchmarks/docx_bench.py [--runs 3] [--docx FILE.docx] [-o build/bench-docx.md]

Each run is a fresh process (`python -m typeset.cli import`, startup included) into a new
folder; prints wall and CPU seconds per run and the median, and the scorer's line when the
document's gold text is beside it. A benchmark, not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT = SHARED / "realworld" / "thesis-proposal" / "source.docx"


def run_once(src: Path, out: Path) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "typeset.cli", "import", str(src), "-o", str(out)],
                       capture_output=True, text=True, env=env, timeout=600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"import failed: {r.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--docx", type=Path, default=Path(os.environ.get("TYPESET_BENCH_DOCX", DEFAULT)))
    p.add_argument("-o", "--output", type=Path, default=ROOT / "build" / "bench-docx.md")
    a = p.parse_args(argv)
    if not a.docx.is_file():
        print(f"docx benchmark skipped: {a.docx} not found (set TYPESET_BENCH_DOCX=FILE.docx)")
        return 0
    work = ROOT / "build" / "bench" / "docx"
    rows = [run_once(a.docx, work / f"run{k}") for k in range(a.runs)]
    walls, cpus = [w for w, _ in rows], [c for _, c in rows]
    lines = [f"## .docx import: {a.docx.name} ({a.docx.stat().st_size // 1024} KB)", "",
             f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}", "",
             "| run | wall s | CPU s |", "|---|---|---|"]
    lines += [f"| {k + 1} | {w:.2f} | {c:.2f} |" for k, (w, c) in enumerate(rows)]
    lines += [f"| median | {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} |", ""]
    gold = a.docx.with_name("gold.txt")
    scorer = SHARED / "eval" / "score_doc.py"
    if gold.is_file() and scorer.is_file():
        r = subprocess.run([sys.executable, str(scorer), str(work / "run0"), str(gold)],
                           capture_output=True, text=True, timeout=600)
        lines += [f"score against gold.txt: `{r.stdout.strip().splitlines()[-1]}`", ""]
    text = "\n".join(lines)
    print(text)
    a.output.parent.mkdir(parents=True, exist_ok=True)
    a.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
