"""Helpers for the source/render tests: tree -> JSON-able data, golden-file comparison."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE = os.environ.get("TYPESET_UPDATE_GOLDEN") == "1"   # regenerate golden files, then review the diff


def tree_data(node):
    """A node as plain data: {"type": "Paragraph", "file": …, "line": …, …} (recursively)."""
    if dataclasses.is_dataclass(node):
        out = {"type": type(node).__name__}
        for f in dataclasses.fields(node):
            out[f.name] = tree_data(getattr(node, f.name))
        return out
    if isinstance(node, list):
        return [tree_data(x) for x in node]
    if isinstance(node, dict):
        return {k: tree_data(v) for k, v in node.items()}
    return node


def check_golden(path: Path, actual: str) -> None:
    """Compare with the golden file; with TYPESET_UPDATE_GOLDEN=1 rewrite it instead."""
    if UPDATE or not path.exists():
        if not UPDATE:
            raise AssertionError(f"{path} missing: run with TYPESET_UPDATE_GOLDEN=1 and review it")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} changed (TYPESET_UPDATE_GOLDEN=1 to accept, then review)"


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build_copy(fixture: Path, tmp: Path):
    """Copy a fixture thesis to TMP/thesis and build it as a user would (a child process) into
    TMP/out; return (CompletedProcess, out folder)."""
    folder = shutil.copytree(fixture, tmp / "thesis")
    out = tmp / "out"
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "-o", str(out)],
                          capture_output=True, text=True, timeout=600)
    return proc, out
