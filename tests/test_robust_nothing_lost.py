"""Nothing lost: atomic writes, a failed or interrupted build keeps the sources and the last PDF,
a LaTeX failure points at the Markdown file and line that caused it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_helpers import copy_fixture, one_line_error, pdftotext, squeeze, tree_digest, typeset
from typeset import fsutil


# --- atomic writes ---------------------------------------------------------------------------

@pytest.mark.parametrize("fail_at", ["fsync", "replace"])
def test_atomic_write_failure_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch, fail_at):
    target = tmp_path / "chapter.md"
    target.write_text("งานเดิมของนักศึกษา\n", encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, fail_at, boom)
    with pytest.raises(OSError):
        fsutil.atomic_write(target, "ข้อความใหม่ที่เขียนไม่สำเร็จ\n")
    assert target.read_text(encoding="utf-8") == "งานเดิมของนักศึกษา\n"
    assert [p.name for p in tmp_path.iterdir()] == ["chapter.md"]


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "x.md"
    fsutil.atomic_write(target, "หนึ่ง")
    fsutil.atomic_write(target, "สอง")
    assert target.read_text(encoding="utf-8") == "สอง"
    assert fsutil.write_if_changed(target, "สอง") is False


# --- failed and interrupted builds -------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small thesis built once; tests copy this state."""
    tmp = tmp_path_factory.mktemp("built")
    src = copy_fixture("small", tmp)
    proc = typeset("build", src, "-o", tmp / "out", cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return tmp


def fresh_copy(built: Path, tmp_path: Path) -> tuple[Path, Path, bytes]:
    import shutil
    shutil.copytree(built / "small", tmp_path / "small")
    shutil.copytree(built / "out", tmp_path / "out")
    return tmp_path / "small", tmp_path / "out", (tmp_path / "out" / "thesis.pdf").read_bytes()


@pytest.mark.tex
def test_tex_failure_is_reported_at_the_markdown_line_and_keeps_the_old_pdf(built, tmp_path):
    src, out, old_pdf = fresh_copy(built, tmp_path)
    (src / "figures").mkdir()
    (src / "figures" / "plan.png").write_text("this is not an image, just text\n", encoding="utf-8")
    (src / "chapters" / "02-method.md").write_text(
        "# วิธีการศึกษา\n\nย่อหน้าก่อนภาพ\n\n![แผนภาพการศึกษา](figures/plan.png)\n\nย่อหน้าหลังภาพ\n",
        encoding="utf-8")
    before = tree_digest(src)
    proc = typeset("build", src, "-o", out, cwd=tmp_path)
    msg = one_line_error(proc)
    assert "chapters/02-method.md:5" in msg, msg
    assert tree_digest(src) == before                       # sources untouched
    assert (out / "thesis.pdf").read_bytes() == old_pdf     # the last good PDF stays


@pytest.mark.tex
def test_deeply_nested_list_builds_or_points_at_its_line(built, tmp_path):
    # LaTeX allows 4 list levels; Markdown allows any depth
    src, out, old_pdf = fresh_copy(built, tmp_path)
    items = "".join("    " * d + f"- ระดับ{d + 1}\n" for d in range(7))
    (src / "chapters" / "02-deep.md").write_text(f"# รายการ\n\n{items}", encoding="utf-8")
    proc = typeset("build", src, "-o", out, cwd=tmp_path)
    if proc.returncode == 0:
        text = squeeze(pdftotext(out / "thesis.pdf"))
        assert all(f"ระดับ{d + 1}" in text for d in range(7))
    else:
        msg = one_line_error(proc)
        assert "chapters/02-deep.md:" in msg, msg
        assert (out / "thesis.pdf").read_bytes() == old_pdf


@pytest.mark.tex
def test_interrupted_build_keeps_sources_and_the_old_pdf(built, tmp_path):
    src, out, old_pdf = fresh_copy(built, tmp_path)
    chapter = src / "chapters" / "01-intro.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nย่อหน้าที่เพิ่มใหม่\n", encoding="utf-8")
    before = tree_digest(src)
    env = {k: v for k, v in os.environ.items() if k != "TYPESET_DEBUG"}
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "typeset.cli", "build", str(src), "-o", str(out)],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    # wait until TeX is running (it writes its log), then press Ctrl-C for the whole job
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        # this run's TeX log (the copied output folder holds the last build's)
        logs = [p for p in out.rglob("*.log") if p.stat().st_mtime >= started]
        if logs:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "build finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err                  # the shell convention, as the README says
    assert err.strip().splitlines()[-1] == "typeset: interrupted; sources untouched", err
    assert tree_digest(src) == before
    assert (out / "thesis.pdf").read_bytes() == old_pdf


# --- user edits are never overwritten ----------------------------------------------------------

def test_reimport_never_overwrites_an_edited_chapter(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_bytes((Path(__file__).parent / "fixtures" / "robust" / "thai-sample.txt").read_bytes())
    out = tmp_path / "thesis"
    first = typeset("import", raw, "-o", out, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    chapters = sorted((out / "chapters").glob("*.md"))
    assert chapters
    edited = chapters[0]
    mine = edited.read_text(encoding="utf-8") + "\nย่อหน้าที่นักศึกษาเขียนเพิ่มเอง\n"
    edited.write_text(mine, encoding="utf-8")
    again = typeset("import", raw, "-o", out, cwd=tmp_path)
    assert again.returncode in (0, 1), again.stderr
    assert edited.read_text(encoding="utf-8") == mine
    assert edited.name in again.stdout + again.stderr     # the user is told which file was kept
