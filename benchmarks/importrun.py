"""One measured `typeset import` of a raw thesis repeated SCALE times, in a fresh process.

    python benchmarks/importrun.py RAW SCALE OUT_DIR      -> one JSON object on stdout

Run in its own process so the peak resident memory (ru_maxrss) belongs to this import alone.
A small warm-up import first loads the dictionaries and tokenizers (issue 3 times the import
"after warm-up"); its time is reported separately. Each stage is timed in wall and CPU seconds:
CPU time is the steadier figure on a machine shared with other jobs.
"""
from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path


def scaled(data: bytes, scale: int) -> bytes:
    """SCALE copies of a raw text, one after another, each starting on its own line."""
    if scale < 1:
        raise ValueError(f"scale must be >= 1, not {scale}")
    piece = data if data.endswith(b"\n") else data + b"\n"
    return piece * scale


def warmup_slice(text: str, fraction: float = 0.05) -> str:
    """The first lines of a text (at least 20): enough to load every dictionary once."""
    lines = text.splitlines()
    return "\n".join(lines[:max(20, int(len(lines) * fraction))])


def rss_kb() -> int:
    """Current resident memory of this process in kB (Linux /proc), 0 where unavailable."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Clock:
    """Wall and CPU seconds of named stages."""

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def stage(self, name: str):
        clock = self

        class _Stage:
            def __enter__(self):
                self.w, self.c = time.perf_counter(), time.process_time()

            def __exit__(self, *exc):
                clock.wall[name] = clock.wall.get(name, 0.0) + time.perf_counter() - self.w
                clock.cpu[name] = clock.cpu.get(name, 0.0) + time.process_time() - self.c
                return False

        return _Stage()


def measure(data: bytes, out_dir: Path, warm: bool = True) -> dict:
    """Decode, repair, structure and write `data` as a thesis folder in out_dir; the figures."""
    from typeset.diff.guard import write_import
    from typeset.repair import repair
    from typeset.structure import build_thesis
    from typeset.textio import decode

    clock = Clock()
    if warm:
        with clock.stage("warm-up"):
            sample = warmup_slice(decode(data, "raw"))
            r = repair(sample)
            build_thesis(sample, r.lines, "raw", r.report)
    rss_before = rss_kb()
    with clock.stage("decode"):
        text = decode(data, "raw")
    with clock.stage("repair"):
        result = repair(text)
    with clock.stage("structure"):
        files, doc = build_thesis(text, result.lines, "raw", result.report)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    with clock.stage("write"):
        write_import(out_dir, files, force=True)
    stages = ["decode", "repair", "structure", "write"]
    total_wall = sum(clock.wall[s] for s in stages)
    total_cpu = sum(clock.cpu[s] for s in stages)
    return {
        "bytes": len(data),
        "lines": len(text.splitlines()),
        "chapters": len(doc.chapters),
        "files": len(files),
        "wall": {k: round(v, 3) for k, v in clock.wall.items()},
        "cpu": {k: round(v, 3) for k, v in clock.cpu.items()},
        "total_wall": round(total_wall, 3),
        "total_cpu": round(total_cpu, 3),
        "kb_per_s": round(len(data) / 1024 / total_wall, 1) if total_wall else None,
        "repair_passes": {k: round(v, 3) for k, v in result.report.timings.items()},
        "rss_before_kb": rss_before,
        # ru_maxrss is in kB on Linux
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    raw, scale, out = Path(argv[0]), int(argv[1]), Path(argv[2])
    figures = measure(scaled(raw.read_bytes(), scale), out)
    figures["scale"] = scale
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
