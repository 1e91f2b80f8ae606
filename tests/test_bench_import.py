"""The import benchmark worker (benchmarks/importrun.py) on a tiny raw thesis."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import importrun  # noqa: E402

TINY = ROOT / "tests" / "fixtures" / "bench" / "tiny-raw.txt"


def test_scaled_repeats_whole_lines():
    assert importrun.scaled(b"a\nb", 3) == b"a\nb\n" * 3
    assert importrun.scaled(b"a\n", 2) == b"a\na\n"
    with pytest.raises(ValueError):
        importrun.scaled(b"a", 0)


def test_warmup_slice_is_a_prefix_of_at_least_twenty_lines():
    text = "\n".join(f"line {i}" for i in range(1000))
    part = importrun.warmup_slice(text)
    assert text.startswith(part)
    assert len(part.splitlines()) == 50
    assert importrun.warmup_slice("a\nb") == "a\nb"


def test_clock_accumulates_wall_and_cpu():
    clock = importrun.Clock()
    for _ in range(2):
        with clock.stage("spin"):
            end = time.process_time() + 0.02
            while time.process_time() < end:
                pass
    assert clock.cpu["spin"] >= 0.04
    assert clock.wall["spin"] >= clock.cpu["spin"] * 0.5


def test_rss_is_reported_on_linux():
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc")
    assert importrun.rss_kb() > 1000


def test_worker_imports_a_tiny_thesis_in_its_own_process(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "importrun.py"), str(TINY), "2", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    fig = json.loads(proc.stdout)
    assert fig["scale"] == 2
    assert fig["bytes"] == 2 * TINY.stat().st_size
    assert fig["chapters"] >= 2                     # the two copies' chapters were found
    assert set(fig["wall"]) == {"warm-up", "decode", "repair", "structure", "write"}
    assert fig["total_wall"] == pytest.approx(sum(fig["wall"][s] for s in importrun_stages()), abs=0.01)
    assert fig["kb_per_s"] > 0
    assert fig["peak_rss_kb"] >= fig["rss_before_kb"] > 0
    assert "codes" in fig["repair_passes"]
    assert (out / "thesis.yaml").is_file() and list((out / "chapters").glob("*.md"))


def test_worker_usage_error():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "importrun.py")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "RAW SCALE OUT_DIR" in proc.stderr


def importrun_stages():
    return ["decode", "repair", "structure", "write"]
