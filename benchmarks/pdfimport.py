"""`typeset import FILE.pdf` speed and peak memory, each PDF in a fresh process.

    python benchmarks/pdfimport.py [PDF ...]

Default: the 55-page Word-made thesis proposal of ../shared/realworld (not in the repository;
skipped when absent). Prints one Markdown row per PDF: pages, wall and CPU seconds, peak MB.
Target (issue 14): a 55-page PDF in <= 10 s on 2 cores, peak <= 1 GB.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "realworld" / "thesis-proposal" / "source.pdf"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0, c0 = time.perf_counter(), time.process_time()
from typeset.pdf import import_pdf
files = import_pdf(Path(sys.argv[1]))
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak, "files": len(files)}))
"""


def pages(pdf: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with pdf.open("rb") as f:
        return sum(1 for _ in PDFPage.get_pages(f))


def main(argv: list[str]) -> int:
    pdfs = [Path(a) for a in argv] or ([DEFAULT] if DEFAULT.exists() else [])
    if not pdfs:
        print("pdfimport: no PDF given and ../shared/realworld is absent: skipped")
        return 0
    print("| PDF | pages | wall s | CPU s | peak MB |\n|---|---|---|---|---|")
    for pdf in pdfs:
        with tempfile.TemporaryDirectory():
            r = subprocess.run([sys.executable, "-c", CHILD, str(pdf)], capture_output=True,
                               text=True, cwd=ROOT)
        if r.returncode:
            print(f"| {pdf.name} | failed: {r.stderr.strip().splitlines()[-1:]} |")
            continue
        m = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"| {pdf.name} | {pages(pdf)} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['peak_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
