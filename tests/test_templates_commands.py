"""`typeset templates`, `typeset template copy`, and builds of the example with every template."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from typeset import config
from typeset.cli import main

from templates_helpers import have_tex, words

EXAMPLE = Path(__file__).parents[1] / "examples" / "thesis"


def test_templates_lists_every_bundled_template(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for tdir in config.bundled():
        assert tdir.name in out


@pytest.mark.parametrize("name", [d.name for d in config.bundled()])
def test_copy_is_standalone_commented_and_equivalent(tmp_path, name):
    assert main(["template", "copy", name, str(tmp_path / "mine")]) == 0
    text = (tmp_path / "mine" / "template.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert "extends" not in data and data["description"]
    assert "# a4 | a5 | b5 | letter" in text               # every key keeps its explanation
    (tmp_path / "thesis.yaml").write_text("template: ./mine\n", encoding="utf-8")
    copied = config.load(tmp_path).settings
    original = config.load(tmp_path, template=name).settings
    assert copied == original


def test_copy_never_overwrites(tmp_path, capsys):
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "template.yaml").write_text("description: my work\n", encoding="utf-8")
    assert main(["template", "copy", "thai-thesis", str(dest)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (dest / "template.yaml").read_text(encoding="utf-8") == "description: my work\n"


def test_copy_brings_the_template_partials(tmp_path):
    t = tmp_path / "uni"
    (t / "front").mkdir(parents=True)
    (t / "template.yaml").write_text("description: x\nextends: thai-thesis\n", encoding="utf-8")
    (t / "front" / "cover.tex.j2").write_text("% my cover\n", encoding="utf-8")
    assert main(["template", "copy", str(t), str(tmp_path / "copy")]) == 0
    assert (tmp_path / "copy" / "front" / "cover.tex.j2").read_text() == "% my cover\n"


def _pzdr() -> bool:
    # hyperref's XeTeX driver needs it (Debian: texlive-fonts-recommended)
    return subprocess.run(["kpsewhich", "pzdr.tfm"], capture_output=True, text=True).stdout.strip() != ""


needs_build = pytest.mark.skipif(not (have_tex() and _pzdr()),
                                 reason="needs xelatex, latexmk and texlive-fonts-recommended")


@pytest.mark.parametrize("name", [d.name for d in config.bundled()])
def test_every_bundled_template_renders_the_example(tmp_path, name):
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--tex-only", "--template", name]) == 0
    tex = (tmp_path / "out" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    assert "paper, top=" in tex


@pytest.mark.tex
@needs_build
@pytest.mark.parametrize("name", [d.name for d in config.bundled()])
def test_bundled_template_builds_the_example(tmp_path, name):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE), "-o", str(out), "--template", name]) == 0
    assert (out / "thesis.pdf").stat().st_size > 10_000


@pytest.mark.tex
@needs_build
def test_copied_template_with_one_change_builds_and_shows_it(tmp_path):
    thesis = tmp_path / "thesis"
    shutil.copytree(EXAMPLE, thesis)
    assert main(["template", "copy", "thai-thesis", str(thesis / "my-uni")]) == 0
    t = thesis / "my-uni" / "template.yaml"
    t.write_text(t.read_text(encoding="utf-8").replace("  left: 1.5in", "  left: 2in", 1), encoding="utf-8")
    meta = (thesis / "thesis.yaml").read_text(encoding="utf-8")
    (thesis / "thesis.yaml").write_text("template: ./my-uni\n" + "\n".join(
        line for line in meta.splitlines() if not line.startswith("template:")) + "\n", encoding="utf-8")
    assert main(["build", str(thesis), "-o", str(tmp_path / "out")]) == 0
    pages = words(tmp_path / "out" / "thesis.pdf")
    assert min(w.x0 for p in pages[3:] for w in p.words) == pytest.approx(2 * 72, abs=1)
