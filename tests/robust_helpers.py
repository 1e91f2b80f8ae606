"""Shared helpers for the robustness tests: run the CLI in a child process, read PDFs back."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

FIX = Path(__file__).parent / "fixtures" / "robust"


def typeset(*args, cwd: Path | None = None, env: dict | None = None, timeout: int = 600):
    """Run `typeset ARGS` as a user would (a child process), return the CompletedProcess."""
    full_env = dict(os.environ)
    full_env.pop("TYPESET_DEBUG", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "typeset.cli", *map(str, args)], cwd=cwd,
                          env=full_env, capture_output=True, text=True, timeout=timeout)


def one_line_error(proc) -> str:
    """Assert the run failed the user-facing way (exit 2, one line, no traceback) and return it."""
    err = proc.stderr.strip()
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-2000:], err[-2000:])
    assert "Traceback" not in err, err
    last = err.splitlines()[-1]
    assert last.startswith("typeset: error: "), err
    return last


def pdftotext(pdf: Path, raw: bool = False) -> str:
    """The PDF's text; raw=True reads in content-stream order (immune to column guessing)."""
    opts = ["-raw"] if raw else []
    return subprocess.run(["pdftotext", *opts, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks in the PDF may fall anywhere."""
    return re.sub(r"\s+", "", text)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_fixture(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(FIX / name, target)
    return target
