"""`typeset new DIR` (a folder that builds at once) and `typeset build DIR --watch` (bounded runs)."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from robust_helpers import one_line_error, pdftotext, squeeze, typeset

PARTS = ["thesis.yaml", "chapters/01-introduction.md", "frontmatter/abstract-th.md",
         "frontmatter/abstract-en.md", "frontmatter/acknowledgements.md", "frontmatter/preface.md",
         "frontmatter/biography.md"]


@pytest.fixture(scope="module")
def new_thesis(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("new")
    made = typeset("new", "x", cwd=tmp)
    assert made.returncode == 0, made.stderr
    built = typeset("build", "x", "-o", "out", cwd=tmp)
    return tmp, made, built


def test_new_writes_every_part_with_todo_placeholders(new_thesis):
    tmp, _, _ = new_thesis
    for rel in PARTS:
        assert "TODO" in (tmp / "x" / rel).read_text(encoding="utf-8"), rel
    meta = yaml.safe_load((tmp / "x" / "thesis.yaml").read_text(encoding="utf-8"))
    assert meta["template"] == "thai-thesis"
    assert all(str(meta[k]["th"]).startswith("TODO:") for k in ("title", "author", "degree"))


@pytest.mark.tex
def test_new_folder_builds_at_once(new_thesis):
    tmp, _, built = new_thesis
    assert built.returncode == 0, built.stderr[-3000:]
    assert "title.th" in built.stderr and "placeholder" in built.stderr      # the build lists what is left
    text = squeeze(pdftotext(tmp / "out" / "thesis.pdf"))
    for s in ("บทที่1", "บทนำ", "1.1ที่มาและความสำคัญของปัญหา", "หัวข้อ1.2", "บทคัดย่อ", "ABSTRACT", "กิตติกรรมประกาศ", "ประวัติผู้เขียน",
              "TODO:บทคัดย่อภาษาไทย"):
        assert s in text, s


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine", encoding="utf-8")
    err = one_line_error(typeset("new", "x", cwd=tmp_path))
    assert err.startswith("typeset: error: x: folder is not empty")
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["notes.txt"]


def test_new_with_a_template(tmp_path):
    assert typeset("new", "r", "--template", "thai-report", cwd=tmp_path).returncode == 0
    assert yaml.safe_load((tmp_path / "r" / "thesis.yaml").read_text())["template"] == "thai-report"
    err = one_line_error(typeset("new", "q", "--template", "thai-thesys", cwd=tmp_path))
    assert "did you mean 'thai-thesis'" in err and not (tmp_path / "q").exists()
    # a template folder of one's own, named relative to the new thesis folder
    assert typeset("template", "copy", "thai-report", "my-uni", cwd=tmp_path).returncode == 0
    assert typeset("new", "m", "--template", "./my-uni", cwd=tmp_path).returncode == 0
    assert yaml.safe_load((tmp_path / "m" / "thesis.yaml").read_text())["template"] == "../my-uni"
    built = typeset("build", "m", "-o", "out", "--tex-only", cwd=tmp_path)
    assert built.returncode == 0, built.stderr


class Watcher:
    """`typeset build … --watch` in a child process; lines of its output through a queue."""

    def __init__(self, *args, cwd: Path):
        env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="200")
        self.proc = subprocess.Popen([sys.executable, "-m", "typeset.cli", "build", *args, "--watch"],
                                     cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, words: str, timeout: float = 90) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if words in line:
                return line
        raise AssertionError(f"no '{words}' within {timeout}s; output: {self.seen}")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def test_watch_rebuilds_after_an_edit_and_reports_errors(tmp_path):
    assert typeset("new", "x", cwd=tmp_path).returncode == 0
    chapter = tmp_path / "x" / "chapters" / "01-introduction.md"
    tex = tmp_path / "out" / "tex" / "ch01.tex"
    w = Watcher("x", "-o", "out", "--tex-only", cwd=tmp_path)
    try:
        w.wait_for("built in")
        assert "ข้อความใหม่" not in tex.read_text(encoding="utf-8")
        time.sleep(1)   # the watcher is running; edits from here on are changes
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nข้อความใหม่ @sec:nolabel\n",
                           encoding="utf-8")
        w.wait_for("changed: chapters/01-introduction.md")
        error = w.wait_for("error:")
        assert "chapters/01-introduction.md:" in error and "unknown label 'sec:nolabel'" in error
        chapter.write_text(chapter.read_text(encoding="utf-8").replace("@sec:nolabel", "@sec:intro"),
                           encoding="utf-8")
        w.wait_for("built in")
        assert "ข้อความใหม่" in tex.read_text(encoding="utf-8")
    finally:
        code = w.stop()
    assert code == 130            # Ctrl-C: the user stopped it
    w.wait_for("stopped watching", timeout=10)
