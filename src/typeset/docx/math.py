"""Word's equations (OMML) -> LaTeX math, with pandoc (its texmath reader is the maintained
OMML converter). All equations of a document go to pandoc at once, in a small .docx holding
only them, one per paragraph: one process, about 0.1 s for a thesis's 200 equations.

Used only where the source format has math (a `Math` node in typeset.source.nodes, the `$…$`
syntax); without it, or without pandoc, an equation keeps its characters and is reported.
"""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from typeset.source import nodes as n

TIMEOUT = 120
MathNode = getattr(n, "Math", None)     # the formula node, where the source format has one


def available() -> bool:
    return MathNode is not None and shutil.which("pandoc") is not None


def to_tex(elements: list) -> list[str | None]:
    """LaTeX for each m:oMath / m:oMathPara element (None where pandoc gave none)."""
    if not elements:
        return []
    tool = shutil.which("pandoc")
    if tool is None:
        return [None] * len(elements)
    import docx

    holder = docx.Document()
    for el in elements:
        holder.add_paragraph()._p.append(copy.deepcopy(el))
    with tempfile.TemporaryDirectory(prefix="typeset-math-") as d:
        src = Path(d) / "math.docx"
        holder.save(str(src))
        try:
            r = subprocess.run([tool, "-f", "docx", "-t", "json", str(src)], capture_output=True,
                               text=True, timeout=TIMEOUT, check=False)
            blocks = json.loads(r.stdout)["blocks"] if r.returncode == 0 else []
        except (OSError, subprocess.TimeoutExpired, ValueError, KeyError):
            blocks = []
    if len(blocks) != len(elements):      # cannot pair them up: keep every equation's characters
        return [None] * len(elements)
    return [_tex(b) for b in blocks]


def _tex(block) -> str | None:
    """The TeX of a pandoc paragraph that holds math (several pieces joined), else None."""
    if not isinstance(block, dict) or block.get("t") not in ("Para", "Plain"):
        return None
    parts = [x["c"][1] for x in block.get("c", []) if isinstance(x, dict) and x.get("t") == "Math"]
    tex = " ".join(p.strip() for p in parts if p.strip())
    return tex or None
