"""Missing or broken tools: one line naming the tool and the exact install command, exit 2."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from robust_helpers import copy_fixture, one_line_error, typeset

# Run the CLI with one import made impossible, as if the package were not installed.
BLOCKED = textwrap.dedent("""
    import sys
    from importlib.abc import MetaPathFinder
    BLOCK = sys.argv[1]
    class Block(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == BLOCK or name.startswith(BLOCK + "."):
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)
    sys.meta_path.insert(0, Block())
    from typeset.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def run_blocked(module: str, *args, cwd: Path):
    env = {k: v for k, v in os.environ.items() if k != "TYPESET_DEBUG"}
    return subprocess.run([sys.executable, "-c", BLOCKED, module, *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("module, pip", [("pythainlp", "pythainlp"), ("yaml", "PyYAML"),
                                         ("markdown_it", "markdown-it-py"), ("jinja2", "Jinja2")])
def test_missing_python_package_names_the_install_command(tmp_path, module, pip):
    src = copy_fixture("hostile", tmp_path)
    proc = run_blocked(module, "build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    msg = one_line_error(proc)
    assert f"missing Python package '{pip}'" in msg
    assert f"`.venv/bin/pip install {pip}`" in msg


def test_missing_package_on_import_too(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text("บทที่ 1\nบทนำ\n\nข้อความ\n", encoding="utf-8")
    proc = run_blocked("pythainlp", "import", raw, "-o", tmp_path / "out", cwd=tmp_path)
    assert "missing Python package 'pythainlp'" in one_line_error(proc)


# the external programs a build may call; each test removes some of them from PATH
TOOLS = ["latexmk", "perl", "xelatex", "xdvipdfmx", "kpsewhich", "biber", "fc-scan", "fc-list",
         "fc-match", "fc-query", "pdfinfo", "pdftotext", "pdffonts"]


def path_without(tmp_path: Path, *missing: str) -> str:
    """A PATH holding every tool but the missing ones (symlinked), as on a machine without them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in TOOLS:
        found = shutil.which(tool)
        if found and tool not in missing:
            (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


@pytest.mark.parametrize("missing, named", [
    (("latexmk",), "latexmk"),
    (("xelatex",), "xelatex"),
    (("latexmk", "xelatex", "xdvipdfmx", "kpsewhich", "biber"), "latexmk"),   # no TeX Live at all
    (("fc-scan", "fc-list", "fc-match", "fc-query"), "fontconfig"),
])
def test_missing_tools_are_named_with_the_install_command(tmp_path, missing, named):
    src = copy_fixture("hostile", tmp_path)
    out = tmp_path / "out"
    proc = typeset("build", src, "-o", out, cwd=tmp_path, env={"PATH": path_without(tmp_path, *missing)})
    msg = one_line_error(proc)
    assert named in msg
    assert "apt-get install" in msg or "make deps" in msg
    assert not (out / "thesis.pdf").exists()


def test_missing_font_names_the_font_and_lists_thai_fonts(tmp_path):
    src = copy_fixture("hostile", tmp_path)
    meta = src / "thesis.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "settings:\n  font: {family: No Such Thai Font}\n",
                    encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", cwd=tmp_path)
    msg = one_line_error(proc)
    assert "No Such Thai Font" in msg
    assert "Sarabun" in msg or "Laksaman" in msg       # the Thai fonts that are available


def test_font_without_thai_glyphs_is_refused(tmp_path):
    if not shutil.which("fc-list") or "DejaVu Sans Mono" not in subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True).stdout:
        pytest.skip("needs fontconfig and DejaVu Sans Mono (a font with no Thai glyphs)")
    src = copy_fixture("hostile", tmp_path)
    meta = src / "thesis.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "settings:\n  font: {family: DejaVu Sans Mono}\n",
                    encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", cwd=tmp_path)
    msg = one_line_error(proc)
    assert "DejaVu Sans Mono" in msg and "Thai" in msg
