"""biber's errors (THESIS.blg) as one line against references.bib.

biber reads bibliography.bib, the renderer's line-for-line copy of references.bib (see
typeset.render.bibliography), through a temporary file, so its "FILE, line N" is line N of
references.bib. A "possible runaway string started at line M" warning names where an unclosed
value began, which is usually the line to fix.
"""
from __future__ import annotations

import re
from pathlib import Path

SOURCE = "references.bib"
ERROR = re.compile(r"\bERROR - (?:BibTeX subsystem: )?(?:(?P<file>\S+?), line (?P<line>\d+), )?(?P<msg>.*)$")
RUNAWAY = re.compile(r"possible runaway string started at line (?P<line>\d+)")


def biber_failure(tex_dir: Path, stem: str = "thesis") -> str | None:
    """`references.bib:LINE: message` for the first biber error in the log, else None."""
    blg = Path(tex_dir) / f"{stem}.blg"
    try:
        text = blg.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return map_biber_log(text)


def map_biber_log(text: str) -> str | None:
    errors = [m for m in map(ERROR.search, text.splitlines()) if m]
    if not errors:
        return None
    first = errors[0]
    msg = first.group("msg").strip()
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    if first.group("line") is None:
        return f"biber: {msg}{more}"
    runaway = RUNAWAY.search(text)
    hint = ""
    if runaway and int(runaway.group("line")) < int(first.group("line")):
        hint = f"; a value opened at line {runaway.group('line')} may not be closed"
    return f"{SOURCE}:{first.group('line')}: {msg}{hint}{more}"
