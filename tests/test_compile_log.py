"""Reading the XeLaTeX log: errors, bad boxes and pages, placed at Markdown lines."""
from __future__ import annotations

import shutil
from pathlib import Path

from typeset.compile import locate, tex_env
from typeset.compile.log import parse_log

FIX = Path(__file__).parent / "fixtures" / "compile"


def test_parse_log_finds_errors_boxes_warnings_and_pages():
    rep = parse_log((FIX / "error.log").read_text(encoding="utf-8"))
    assert rep.pages == 3
    assert [(e.file, e.line) for e in rep.errors] == [("./ch01.tex", 12)]
    assert rep.errors[0].message.startswith("Undefined control sequence")
    assert rep.errors[0].context.endswith(r"\foo")
    assert [(b.kind, b.file, b.line) for b in rep.boxes] == [
        ("overfull", "./ch01.tex", 5), ("underfull", "./ch01.tex", 9)]
    assert rep.overfull[0].points == 12.5
    assert any("Reference `fig:x'" in w for w in rep.warnings)


def test_tex_lines_map_to_the_markdown_marker_above(tmp_path):
    shutil.copy(FIX / "ch01.tex", tmp_path / "ch01.tex")
    assert locate(tmp_path, "./ch01.tex", 12) == "chapters/01-intro.md:10"
    assert locate(tmp_path, "./ch01.tex", 5) == "chapters/01-intro.md:3"
    assert locate(tmp_path, "./ch01.tex", 1) == f"{tmp_path.name}/ch01.tex:1"   # before any marker
    # package files have no Markdown behind them
    assert locate(tmp_path, "/usr/share/texlive/texmf-dist/tex/latex/base/report.cls", 3) is None


def test_tex_runs_confined_and_dated(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = tex_env()
    assert env["openin_any"] == "p" and env["openout_any"] == "p" and env["shell_escape"] == "f"
    assert "FORCE_SOURCE_DATE" not in env
    env = tex_env(1700000000)
    assert env["SOURCE_DATE_EPOCH"] == "1700000000" and env["FORCE_SOURCE_DATE"] == "1"


def test_parentheses_in_a_bad_box_are_text_not_files():
    # the box contents are the student's words: "Operation)ต่อ" closed no file, and every later
    # box was put in the file around it (issue 12: 132 boxes "at tex/thesis.toc:61")
    log = ("(./thesis.tex\n(./ch01.tex [1]\n"
           "Overfull \\hbox (3.0pt too wide) in paragraph at lines 5--6\n"
           "[]\\TU/Sarabun(0)/m/n/16 (Special Military Operation)ต่อเนื่อง) ก\n []\n\n"
           "Overfull \\hbox (2.0pt too wide) in paragraph at lines 9--9\n"
           "[]\\TU/Sarabun(0)/m/n/16 สั้น\n []\n\n) )\n")
    rep = parse_log(log)
    assert [(b.file, b.line) for b in rep.boxes] == [("./ch01.tex", 5), ("./ch01.tex", 9)]


def test_invisible_overfull_lines_are_not_reported():
    from typeset.compile import visible
    from typeset.compile.log import BoxIssue

    boxes = [BoxIssue("overfull", "./ch01.tex", 5, "0.26pt too wide", 0.26),
             BoxIssue("overfull", "./ch01.tex", 9, "3.1pt too wide", 3.1)]
    assert [b.line for b in visible(boxes)] == [9]
