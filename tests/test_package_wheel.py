"""An installed wheel (not the source checkout) builds the example: templates are package data.

The wheel goes into a fresh venv with no pip and no typeset of its own; the dependencies are
borrowed from the test's environment through a .pth line (a path line, so that environment's
editable install of typeset is not picked up). The build runs outside the checkout.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.tex


@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk")
def test_installed_wheel_builds_example(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    wheels = tmp_path / "wheels"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                           str(ROOT)], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(wheels.glob("typeset-*.whl"))

    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                           str(wheel)], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")

    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples" / "thesis", work / "thesis")
    where = subprocess.run([str(py), "-c", "import typeset; print(typeset.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True)
    assert where.stdout.startswith(str(site)), where.stderr     # the wheel, not the checkout
    out = subprocess.run([str(py), "-m", "typeset.cli", "build", "thesis", "-o", "out"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert (work / "out" / "thesis.pdf").stat().st_size > 50_000
