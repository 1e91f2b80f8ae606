"""The benchmark's measuring helpers on tiny inputs (no TeX, nothing timed against a limit)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench  # noqa: E402


def test_find_seed_beside_the_repository(tmp_path, monkeypatch):
    monkeypatch.delenv("TYPESET_BENCH_RAW", raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()
    seed = tmp_path / "shared" / "seeds" / "thesis-raw.txt"
    seed.parent.mkdir(parents=True)
    seed.write_text("x", encoding="utf-8")
    assert bench.find_seed(repo) == seed


def test_find_seed_absent_names_the_expected_path(tmp_path, monkeypatch):
    monkeypatch.delenv("TYPESET_BENCH_RAW", raising=False)
    with pytest.raises(bench.BenchError) as e:
        bench.find_seed(tmp_path / "repo")
    msg = str(e.value)
    assert str(tmp_path / "shared" / "seeds" / "thesis-raw.txt") in msg
    assert "TYPESET_BENCH_RAW" in msg and "\n" not in msg


def test_find_seed_override(tmp_path, monkeypatch):
    raw = tmp_path / "mine.txt"
    raw.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TYPESET_BENCH_RAW", str(raw))
    assert bench.find_seed(tmp_path / "repo") == raw


def _fake_tool(bin_dir: Path, name: str, status: int) -> None:
    bin_dir.mkdir(parents=True, exist_ok=True)
    tool = bin_dir / name
    tool.write_text(f"#!/bin/sh\necho \"{name} $*\"\nexit {status}\n")
    tool.chmod(0o755)


def test_shims_trace_each_run_and_keep_the_exit_status(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    _fake_tool(fake, "xelatex", 0)
    _fake_tool(fake, "biber", 3)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    env = bench.make_shims(tmp_path / "shims", names=("xelatex", "biber", "no-such-tool-xyz"))
    assert not (tmp_path / "shims" / "no-such-tool-xyz").exists()
    trace = tmp_path / "trace"
    env[bench.TRACE_ENV] = str(trace)
    script = "xelatex a.tex && xelatex a.tex; biber a; echo rc=$?"
    out = subprocess.run(["sh", "-c", script], env=env, capture_output=True, text=True).stdout
    assert "xelatex a.tex" in out and "rc=3" in out      # arguments passed, status kept
    runs = bench.read_trace(trace)
    assert [n for n, _ in runs] == ["xelatex", "xelatex", "biber"]
    assert all(s >= 0 for _, s in runs)


def test_shims_without_trace_variable_write_nothing(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    _fake_tool(fake, "xelatex", 0)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    env = bench.make_shims(tmp_path / "shims", names=("xelatex",))
    env.pop(bench.TRACE_ENV, None)
    proc = subprocess.run(["xelatex", "x"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip() == "xelatex x"
    assert not list(tmp_path.glob("trace*"))


def test_traced_splits_tex_from_the_rest(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    _fake_tool(fake, "xelatex", 0)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    env = bench.make_shims(tmp_path / "shims", names=("xelatex",))
    figures, proc = bench.traced(["sh", "-c", "xelatex 1; xelatex 2; xelatex 3"], env, tmp_path / "t")
    assert figures["passes"] == 3 and figures["biber"] == 0
    assert figures["python_s"] == pytest.approx(max(0.0, figures["wall_s"] - figures["tex_s"]), abs=0.011)
    assert proc.stdout.count("xelatex") == 3


def test_traced_failure_is_one_line(tmp_path):
    with pytest.raises(bench.BenchError) as e:
        bench.traced(["sh", "-c", "echo boom >&2; exit 1"], dict(os.environ), tmp_path / "t")
    assert "boom" in str(e.value)


def test_tex_summary_prefers_latexmk_time_over_its_passes():
    runs = [("xelatex", 2.0), ("biber", 0.5), ("xelatex", 2.0), ("latexmk", 5.0)]
    s = bench.tex_summary(runs)
    assert s == {"tex_s": 5.0, "passes": 2, "biber": 1, "xelatex_s": 4.0}
    assert bench.tex_summary(runs[:3])["tex_s"] == 4.5       # no latexmk: TeX tools summed
    assert bench.tex_summary([])["passes"] == 0


def test_read_trace_skips_partial_lines(tmp_path):
    t = tmp_path / "trace"
    t.write_text("xelatex 10.0 12.5\ngarbage\nbiber 13.0 13.25\n")
    assert bench.read_trace(t) == [("xelatex", 2.5), ("biber", 0.25)]
    assert bench.read_trace(tmp_path / "absent") == []


def test_split_pandoc_runs_keeps_the_last_log():
    err = ("[makePDF] temp dir:\n/tmp/x\n[makePDF] Run #1\nThis is XeTeX\nOverfull \\hbox (1pt too wide)\n"
           "[makePDF] Run #2\nThis is XeTeX\nOutput written on input.pdf (3 pages).\n")
    runs, last = bench.split_pandoc_runs(err)
    assert runs == 2
    assert "Overfull" not in last and "(3 pages)" in last
    assert bench.split_pandoc_runs("pandoc: error") == (0, "")


def test_largest_chapter_ignores_imported_copies(tmp_path):
    ch = tmp_path / "chapters"
    ch.mkdir()
    (ch / "01-a.md").write_text("# a\n" + "x" * 10)
    (ch / "02-b.md").write_text("# b\n" + "x" * 100)
    (ch / "03-c.imported.md").write_text("# c\n" + "x" * 1000)
    assert bench.largest_chapter(tmp_path) == 2
    with pytest.raises(bench.BenchError):
        bench.largest_chapter(tmp_path / "nothing")


def test_find_log_takes_the_newest(tmp_path):
    assert bench.find_log(tmp_path) is None
    old, new = tmp_path / "tex" / "thesis.log", tmp_path / "thesis.log"
    old.parent.mkdir()
    old.write_text("a")
    new.write_text("b")
    os.utime(old, (1, 1))
    assert bench.find_log(tmp_path) == new


def test_parse_scales():
    assert bench.parse_scales("1,4,16") == [1, 4, 16]
    for bad in ("", "0", "a,b", "-1"):
        with pytest.raises(Exception):
            bench.parse_scales(bad)


def test_pandoc_command_loads_the_font_by_path(tmp_path):
    cmd = bench.pandoc_cmd([tmp_path / "01.md"], tmp_path / "o.pdf", tmp_path / "h.tex", Path("/f"))
    assert cmd[0] == "pandoc" and "--pdf-engine=xelatex" in cmd
    assert "lang=th" in cmd and "mainfont=Sarabun-Regular.ttf" in cmd
    assert any(a.startswith("mainfontoptions=Path=/f/") for a in cmd)
    assert "--pdf-engine-opt=-no-shell-escape" in cmd
    assert cmd[-3:] == [str(tmp_path / "01.md"), "-o", str(tmp_path / "o.pdf")]


def test_markdown_report_sections():
    m = {k: "?" for k in ("cpu", "cores", "ram", "load", "os", "python", "texlive", "pandoc", "commit", "date")}
    m["cpu"] = "Test CPU"
    imp = {"scale": 1, "bytes": 2048, "wall": {"warm-up": 1.0, "decode": 0.1, "repair": 1.0, "structure": 0.5,
                                               "write": 0.1},
           "total_wall": 1.7, "total_cpu": 1.6, "kb_per_s": 1.2, "peak_rss_kb": 204800, "chapters": 5,
           "repair_passes": {"codes": 0.4, "spaces": 0.6}}
    imp4 = dict(imp, scale=4, bytes=8192, total_wall=6.8, total_cpu=12.8)
    q_ours = {"pages": 40, "overfull": 0, "cer": 0.0012}
    q_base = {"pages": 60, "overfull": 3, "cer": 0.013}
    build = {"texgen": {"wall_s": 1.0, "cpu_s": 0.9}, "retexgen": {"wall_s": 0.3, "cpu_s": 0.25},
             "full": {"wall_s": 30.0, "cpu_s": 25.0, "python_s": 1.5, "tex_s": 28.5, "passes": 3, "biber": 0},
             "draft": {"wall_s": 8.0, "cpu_s": 7.0, "python_s": 1.2, "tex_s": 6.8, "passes": 2, "biber": 0,
                       "chapter": 2},
             "quality": q_ours}
    pandoc = {"wall_s": 10.0, "cpu_s": 9.0, "python_s": 0.5, "tex_s": 9.5, "passes": 2, "biber": 0,
              "quality": q_base}
    text = bench.to_markdown(m, [imp, imp4], build, pandoc, ["pandoc baseline: not installed"])
    assert "Machine: Test CPU" in text
    assert "| 1× | 2 |" in text and "| 4× | 8 |" in text
    assert "4×: 1.00 wall, 2.00 CPU" in text                     # per-copy time against 1×
    assert "--only 2" in text and "Python share of the full build: 5.0% of the wall time, 3.6% of the CPU" in text
    assert "| `typeset build --tex-only` again (segmentation, fonts, templates cached) | 0.30 | 0.25 |" in text
    assert "of the draft: 15.0% of its wall time; target: under 10%." in text
    assert "| pdftotext CER vs sources | 0.12% | 1.30% |" in text
    assert "| overfull boxes | 0 | 3 |" in text
    assert "- pandoc baseline: not installed" in text
    # tables are well formed: every row of a table has the same number of cells as its header
    for block in text.split("\n\n"):
        rows = [l for l in block.splitlines() if l.startswith("|")]
        assert len({r.count("|") for r in rows}) <= 1, block


def test_readme_section_quotes_the_tables_and_machine():
    m = {k: "?" for k in ("cpu", "cores", "ram", "load", "os", "python", "texlive", "pandoc", "commit", "date")}
    m["cpu"] = "Test CPU"
    pandoc = {"wall_s": 10.0, "cpu_s": 9.0, "python_s": 0.5, "tex_s": 9.5, "passes": 2, "biber": 0,
              "quality": {"pages": 60, "overfull": 3}}
    md = bench.to_markdown(m, None, None, pandoc, [])
    section = bench.readme_section(md)
    assert section.startswith("## Benchmarks")
    assert "Measured on: Test CPU" in section
    assert "| pandoc + XeLaTeX (same chapters) | 10.00 |" in section
    assert "| overfull boxes | – | 3 |" in section
    assert "Import of the raw thesis" not in section          # no import measured, none quoted
