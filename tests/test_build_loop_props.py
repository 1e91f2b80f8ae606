"""Property: the edit-build loop never lies (issue 12, item 1 and its kin).

A copy of examples/thesis (with a references.bib, so biber runs) is broken in seeded random
ways, one at a time, in one output folder: a bad image, bad YAML, bad Markdown, a bad .bib entry,
a missing file, a build interrupted at a random moment. After each break the failed build must
name the file and line just edited (never an earlier break's), and after each revert the first
build must succeed and give the same PDF text as a clean build of the same sources.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_helpers import one_line_error, pdftotext, typeset

pytestmark = pytest.mark.tex
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "thesis"
SEED = 12
BIB = "@book{waltz1979,\n  author = {Waltz, Kenneth N.},\n  title = {Theory of International Politics},\n" \
      "  year = {1979},\n  publisher = {Addison-Wesley}\n}\n"
BROKEN_BIB = "@book{broken,\n  author = {Nobody\n  title = {Unclosed},\n}\n"
THAI_START = re.compile(r"^[\u0e01-\u0e2e]")
ERROR_AT = re.compile(r"^typeset: error: (?P<file>[^:]+):(?P<line>\d+): ")


def plain_gaps(lines: list[str]) -> list[int]:
    """Indexes of blank lines between two plain Thai paragraphs (safe places for a new block)."""
    return [i for i in range(1, len(lines) - 1)
            if not lines[i].strip() and THAI_START.match(lines[i - 1]) and THAI_START.match(lines[i + 1])]


def insert_block(path: Path, block: str, rng: random.Random) -> int:
    """Put `block` as its own paragraph at a random safe spot; return its 1-based line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = rng.choice(plain_gaps(lines))
    path.write_text("\n".join(lines[:i + 1] + [block, ""] + lines[i + 1:]), encoding="utf-8")
    return i + 2


def break_it(kind: str, folder: Path, rng: random.Random) -> tuple[str, int]:
    """Apply one breaking edit; return the (file relative to the folder, line) it should be named at."""
    chapters = sorted(p for p in (folder / "chapters").glob("*.md") if plain_gaps(
        p.read_text(encoding="utf-8").split("\n")))
    chapter = rng.choice(chapters)
    rel = chapter.relative_to(folder).as_posix()
    if kind == "image":     # a file TeX cannot read as an image
        (folder / "figures").mkdir(exist_ok=True)
        (folder / "figures" / "broken.png").write_text("not a picture\n", encoding="utf-8")
        return rel, insert_block(chapter, "![ภาพที่เสีย](figures/broken.png)", rng)
    if kind == "missing":   # an image that is not there
        return rel, insert_block(chapter, "![ภาพที่หายไป](figures/nowhere.png)", rng)
    if kind == "markdown":  # a second chapter title in one file
        return rel, insert_block(chapter, "# หัวเรื่องบทที่สอง", rng)
    if kind == "yaml":      # a list item inside the mapping
        yaml = folder / "thesis.yaml"
        lines = yaml.read_text(encoding="utf-8").split("\n")
        keys = [i for i, l in enumerate(lines) if re.match(r"^[a-z]+:", l)]
        i = rng.choice(keys[1:])
        yaml.write_text("\n".join(lines[:i] + ["- ค่าที่ผิดที่"] + lines[i:]), encoding="utf-8")
        return "thesis.yaml", i + 1
    if kind == "bib":       # an unclosed brace: named at the entry's first line (checked before TeX)
        bib = folder / "references.bib"
        text = bib.read_text(encoding="utf-8")
        bib.write_text(text + BROKEN_BIB, encoding="utf-8")
        return "references.bib", len(text.splitlines()) + 1
    raise AssertionError(kind)


def interrupt(root: Path, rng: random.Random) -> None:
    """An edit, then Ctrl-C for the whole job at a random moment of its build (Python or TeX)."""
    chapter = rng.choice(sorted((root / "thesis" / "chapters").glob("*.md")))
    insert_block(chapter, "ย่อหน้าที่เพิ่งเขียนแล้วกดหยุดกลางคัน", rng)   # so TeX has work to do
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "typeset.cli", "build", "thesis", "-o", "out"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    # Python loads and renders for about a second (less with its caches), TeX runs for several
    deadline = started + rng.uniform(0.5, 1.5)
    while proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "typeset: interrupted; sources untouched", err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def restore(folder: Path, files: dict[str, bytes]) -> None:
    for p in sorted(folder.rglob("*"), reverse=True):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and rel not in files:
            p.unlink()
        elif p.is_dir() and not any(p.iterdir()):
            p.rmdir()
    for rel, data in files.items():
        if (folder / rel).read_bytes() != data:
            (folder / rel).write_bytes(data)


def test_random_breaks_are_named_where_they_are_and_reverts_build_clean(tmp_path):
    folder = shutil.copytree(EXAMPLE, tmp_path / "thesis")
    (folder / "references.bib").write_text(BIB, encoding="utf-8")
    first = sorted((folder / "chapters").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").rstrip("\n") + "\n\nดังที่ Waltz อธิบายไว้ [@waltz1979]\n",
                     encoding="utf-8")
    clean = typeset("build", "thesis", "-o", "out", cwd=tmp_path)   # a fresh folder: the clean build
    assert clean.returncode == 0, clean.stderr[-2000:]
    expected = pdftotext(tmp_path / "out" / "thesis.pdf")
    assert "Waltz" in expected
    good = snapshot(folder)

    rng = random.Random(SEED)
    kinds = ["image", "yaml", "markdown", "bib", "missing", "interrupt"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "interrupt":
            interrupt(tmp_path, rng)
        else:
            rel, line = break_it(kind, folder, rng)
            msg = one_line_error(typeset("build", "thesis", "-o", "out", cwd=tmp_path))
            m = ERROR_AT.match(msg)
            assert m, (kind, msg)
            assert (m.group("file"), int(m.group("line"))) == (f"thesis/{rel}", line), (kind, msg)
            assert int(m.group("line")) <= len((folder / rel).read_text(encoding="utf-8").splitlines())
        restore(folder, good)
        after = typeset("build", "thesis", "-o", "out", cwd=tmp_path)
        assert after.returncode == 0, (kind, after.stderr[-2000:])
        assert pdftotext(tmp_path / "out" / "thesis.pdf") == expected, kind
