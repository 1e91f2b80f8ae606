"""The edit-build loop (issue 12) with TeX: a clean build says nothing it need not, PDF/A keeps its
metadata, drafts never replace the thesis, a failed build does not poison the next, Ctrl-C in
TeX is an interruption (exit 130), not an error at a source line."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from robust_helpers import FIX, one_line_error, pdftotext, squeeze, typeset
from typeset.compile import compile_pdf

pytestmark = pytest.mark.tex

YAML = ('template: thai-thesis\n'
        'title: {th: "การทดสอบวงจรแก้ไข", en: "Edit loop"}\n'
        'author: {th: "นักศึกษา ทดสอบ", en: "Student Test"}\n'
        'advisor: {th: "ดร.สมชาย ประเสริฐสุข", en: "Somchai"}\n'
        'year: 2567\n'
        'keywords: [การทดสอบ, วงจร]\n'
        'pdfa: true\n')
BIB = "@book{smith2020,\n  author = {Smith, John},\n  title = {A Book},\n  year = {2020},\n  publisher = {Pub}\n}\n"


def make_thesis(root: Path) -> Path:
    folder = shutil.copytree(FIX / "small", root / "loop")
    (folder / "thesis.yaml").write_text(YAML, encoding="utf-8")
    (folder / "references.bib").write_text(BIB, encoding="utf-8")
    ch = folder / "chapters" / "01-intro.md"
    ch.write_text(ch.read_text(encoding="utf-8") + "\nตามที่กล่าวไว้ [@smith2020]\n", encoding="utf-8")
    (folder / "frontmatter").mkdir()
    (folder / "frontmatter" / "abstract-th.md").write_text("บทคัดย่อสั้น ๆ\n", encoding="utf-8")
    (folder / "frontmatter" / "abstract-en.md").write_text("A short abstract.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("loop")
    make_thesis(root)
    proc = typeset("build", "loop", "-o", "out", cwd=root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root, proc


def test_clean_build_prints_no_warning(built):
    _, proc = built
    assert "warning" not in proc.stderr.replace("0 warnings", ""), proc.stderr
    assert " pages, 0 warnings, 0 overfull boxes" in proc.stderr, proc.stderr


def test_pdfa_info_dictionary_keeps_author_and_keywords(built):
    root, _ = built
    info = subprocess.run(["pdfinfo", str(root / "out" / "thesis.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "Author:          นักศึกษา ทดสอบ" in info, info
    assert "Keywords:        การทดสอบ, วงจร" in info, info
    xmp = subprocess.run(["pdfinfo", "-meta", str(root / "out" / "thesis.pdf")], capture_output=True,
                         text=True, check=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in xmp


def test_only_writes_a_marked_draft_and_keeps_the_thesis(built, tmp_path):
    root, _ = built
    shutil.copytree(root / "loop", tmp_path / "loop")
    shutil.copytree(root / "out", tmp_path / "out")
    full = (tmp_path / "out" / "thesis.pdf").read_bytes()
    proc = typeset("build", "loop", "-o", "out", "--only", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "thesis.pdf").read_bytes() == full
    draft = tmp_path / "out" / "thesis-draft.pdf"
    assert "out/thesis-draft.pdf" in proc.stderr
    text = pdftotext(draft)
    assert "DRAFT: chapter 1 only" in " ".join(text.split())
    assert "ที่มาและความสำคัญ" in squeeze(text)
    assert text.count("DRAFT") == int(subprocess.run(["pdfinfo", str(draft)], capture_output=True,
                                                     text=True).stdout.split("Pages:")[1].split()[0])


def test_a_failed_build_does_not_poison_the_output_folder(tmp_path):
    # a first build that fails (biber in play) must not make every later build fail with its error
    folder = make_thesis(tmp_path)
    ch = folder / "chapters" / "01-intro.md"
    good = ch.read_text(encoding="utf-8")
    (folder / "figures").mkdir()
    (folder / "figures" / "x.png").write_text("not an image\n", encoding="utf-8")
    ch.write_text(good + "\n![ภาพ](figures/x.png)\n", encoding="utf-8")
    line = len(good.splitlines()) + 2
    msg = one_line_error(typeset("build", "loop", "-o", "rb", cwd=tmp_path))
    assert msg.startswith(f"typeset: error: loop/chapters/01-intro.md:{line}: "), msg
    ch.write_text(good, encoding="utf-8")
    for _ in range(2):
        proc = typeset("build", "loop", "-o", "rb", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Smith" in pdftotext(tmp_path / "rb" / "thesis.pdf")


def test_broken_bib_entry_is_named_at_its_line(built, tmp_path):
    root, _ = built
    shutil.copytree(root / "loop", tmp_path / "loop")
    bib = tmp_path / "loop" / "references.bib"
    bib.write_text(BIB + "@book{broken,\n  author = {X\n  title = {Y},\n}\n", encoding="utf-8")
    msg = one_line_error(typeset("build", "loop", "-o", "out", cwd=tmp_path))
    # checked before TeX runs: the entry whose brace is never closed, at its first line
    assert msg.startswith("typeset: error: loop/references.bib:7: malformed entry '@book{broken,'"), msg


# --- Ctrl-C that reaches TeX first ---------------------------------------------------------------

def fake_latexmk(tmp_path: Path, script: str) -> Path:
    """tex/ with a main.tex and a PATH whose latexmk runs `script` (xelatex etc. stay real)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "latexmk"
    fake.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    fake.chmod(0o755)
    tex = tmp_path / "tex"
    tex.mkdir()
    (tex / "main.tex").write_text("% typeset-src: chapters/03-big.md:449\n\\documentclass{report}\n",
                                  encoding="utf-8")
    return bin_dir


@pytest.mark.parametrize("script", [
    # TeX in nonstopmode stops with "! Interruption." and exit 1
    "printf '(./main.tex\\n! Interruption.\\nl.2 \\\\documentclass\\n' > main.log\nexit 1\n",
    # latexmk itself killed by the signal
    "kill -INT $$\n",
])
def test_interrupted_tex_is_an_interruption_not_a_source_error(tmp_path, monkeypatch, script):
    bin_dir = fake_latexmk(tmp_path, script)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "out" / "thesis.pdf"
    with pytest.raises(KeyboardInterrupt):
        compile_pdf(tmp_path / "tex", "main.tex", out)
    assert not (tmp_path / "tex" / "main.log").exists()   # the next build starts clean
    assert not out.exists()
