"""Character-level repair of PDF-extracted Thai text (issue 3, part A).

Interface for the importer (structure stage) and the report:

    from typeset.repair import repair
    result = repair(raw_text)          # -> RepairResult
    result.lines    # list[str], SAME length as raw_text.splitlines(): line i repairs raw line i
    result.text     # "\\n".join(result.lines)
    result.report   # RepairReport: .counts (Counter "pass: kind" -> n), .code_map (code -> Thai),
                    # .digit_map (code -> digit), .uncertain (list of Uncertain(line, kind, text,
                    # note), line is 1-based raw line), .coverage_before/.coverage_after (0..1),
                    # .to_markdown() for import-report.md

Only characters are repaired here: lines are never joined or split, so raw line numbers survive.
repair(text, skip=("spaces",)) leaves passes out (tests, or callers that handle spaces).
Each pass is a small module with NAME and apply(lines, ctx) -> lines, run in PIPELINE order:

    normalize  NFC, broken sara am (ํา, าํ) -> ำ, marks in typing order, no space before a mark
    codes      learn the document's code -> Thai mark map (a substitution cipher scored by
               dictionary coverage) and decode it, dropping the stray space some codes carry
    isolated_codes  a learned code alone after a Thai word ("ดังนี i"), decoded where it gains
    punct_codes  punctuation used as a mark code at one spot ("เปลี.ยน"), decided spot by spot
    displaced  marks drawn one cell too far right moved back where the dictionary agrees
    legality   ั / ็ ending a run after a bare consonant ("คงั" = คัง): moved back by spelling rule
    digits     private digit codes (¥¦ -> 20) and coded heading/chapter numbers from context
    spaces     (typeset.repair.spaces, owned by the article engineer) spurious spaces in words

Thai is never NFKC-normalised (it decomposes ำ).
"""
from __future__ import annotations

import importlib
import time
from types import ModuleType

from .context import Context
from .report import RepairReport, RepairResult, Uncertain

__all__ = ["repair", "RepairResult", "RepairReport", "Uncertain", "PIPELINE"]

PIPELINE = ["normalize", "codes", "isolated_codes", "punct_codes", "normalize", "displaced", "normalize", "legality",
            "digits",
            "spaces"]


def _pass(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as e:
        if e.name == f"{__name__}.{name}":
            return None  # optional pass not present (e.g. spaces before its owner lands it)
        raise


def _run_spaces(mod: ModuleType, lines: list[str], ctx: Context) -> list[str]:
    """Adapter for typeset.repair.spaces (its owner defines remove_spurious_spaces)."""
    new, changes = mod.remove_spurious_spaces(lines)
    if len(new) != len(lines):
        raise RuntimeError("spaces pass changed the number of lines")
    for ch in changes:
        if getattr(ch, "applied", False):
            ctx.report.count("spaces: space inside a word removed")
        if getattr(ch, "unsure", False):
            verb = "removed" if ch.applied else "kept"
            ctx.report.flag(ch.line, "spaces", f"{ch.left} {ch.right}",
                            f"space {verb}, unsure ({getattr(ch, 'reason', '')})")
    return list(new)


def repair(text: str, skip: tuple[str, ...] = ()) -> RepairResult:
    """Repair raw text line by line; `skip` names passes to leave out (e.g. ("spaces",))."""
    lines = text.splitlines()
    ctx = Context(raw=list(lines))
    ctx.report.coverage_before = ctx.lexicon.coverage(lines)
    for name in PIPELINE:
        if name in skip:
            continue
        mod = _pass(name)
        if mod is None:
            continue
        t0 = time.perf_counter()
        new = _run_spaces(mod, lines, ctx) if name == "spaces" else mod.apply(lines, ctx)
        assert len(new) == len(lines), f"pass {name} changed the number of lines"
        lines = new
        ctx.report.timings[name] = ctx.report.timings.get(name, 0.0) + time.perf_counter() - t0
    ctx.report.coverage_after = ctx.lexicon.coverage(lines)
    return RepairResult(lines=lines, report=ctx.report)
