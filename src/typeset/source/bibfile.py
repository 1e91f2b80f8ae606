"""references.bib read with bibtexparser: the entry keys and where each entry and field starts.

The build checks the file before TeX sees it, so a malformed entry is one line
`references.bib:LINE: …` (exit 2) instead of a biber failure, and every citation key is checked
against the keys found here (typeset.source.citations).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from typeset.errors import UserError
from typeset.thai.chars import THAI_BLOCK

THAI = THAI_BLOCK


@dataclass
class BibField:
    name: str
    raw: str          # the value as written, delimiters included: {…}, "…", a number or a @string name
    line: int         # 1-based line where the field starts


@dataclass
class BibEntry:
    key: str
    type: str
    line: int
    fields: list[BibField] = field(default_factory=list)

    def value(self, name: str) -> str:
        return next((f.raw for f in self.fields if f.name == name), "")

    @property
    def thai(self) -> bool:
        """The rule latex/base/bibliography.tex.j2 gives biber: an explicit langid decides, then
        language = {thai}, then Thai script in the author, editor or title."""
        langid = self.value("langid").strip("{}\" ").lower()
        if langid:
            return langid == "thai"
        if self.value("language").strip("{}\" ").lower() == "thai":
            return True
        return any(THAI.search(self.value(f)) for f in ("author", "editor", "title"))


@dataclass
class BibFile:
    rel: str                      # "references.bib", as the messages name it
    text: str
    entries: list[BibEntry] = field(default_factory=list)

    @property
    def keys(self) -> dict[str, int]:
        return {e.key: e.line for e in self.entries}


def read_bib(path: Path, rel: str = "references.bib") -> BibFile:
    try:
        import bibtexparser
    except ImportError:
        raise UserError("missing Python package 'bibtexparser': run `.venv/bin/pip install bibtexparser`") from None
    from typeset.textio import read_text

    text = read_text(path)
    # no middleware: values stay as written (no @string expansion, delimiters kept), so the
    # renderer can find each one in the text again
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)   # its failures become our errors
    lib = bibtexparser.parse_string(text, parse_stack=[])
    for block in sorted(lib.failed_blocks, key=lambda b: b.start_line):
        raise UserError(_failure(block), f"{rel}:{block.start_line + 1}")
    out = BibFile(rel, text)
    for e in lib.entries:
        where = f"{rel}:{e.start_line + 1}"
        if not e.key.strip():
            raise UserError(f"@{e.entry_type} entry without a key", where)
        fields = [BibField(f.key.lower(), str(f.value), f.start_line + 1) for f in e.fields]
        for f in fields:
            junk = _junk_after_value(f.raw)
            if junk is not None:
                line = f.line + f.raw[:junk].count("\n")
                raise UserError(f"entry '{e.key}': text after the value of '{f.name}' "
                                f"(a missing comma before '{_word(f.raw[junk:])}'?)", f"{rel}:{line}")
        out.entries.append(BibEntry(e.key, e.entry_type.lower(), e.start_line + 1, fields))
    return out


def _word(text: str) -> str:
    return text.split()[0][:30] if text.split() else text[:30]


def _junk_after_value(raw: str) -> int | None:
    """Where a field value stops being one value (`{x} # "y" # name`), e.g. the next field after
    a missing comma, which bibtexparser reads as part of the value; None when it is one."""
    i, n = 0, len(raw)
    while True:
        while i < n and raw[i].isspace():
            i += 1
        start = i
        if i < n and raw[i] in "{\"":
            close, depth = ("}" if raw[i] == "{" else '"'), 0
            i += 1
            while i < n and not (raw[i] == close and depth == 0):
                depth += {"{": 1, "}": -1}.get(raw[i], 0)
                i += 1
            i += 1
        else:
            while i < n and not raw[i].isspace() and raw[i] != "#":
                i += 1
        while i < n and raw[i].isspace():
            i += 1
        if i >= n:
            return None
        if raw[i] != "#" or i == start:
            return i
        i += 1


def _failure(block) -> str:
    name = type(block).__name__
    if name == "DuplicateBlockKeyBlock":
        prev = getattr(block, "previous_block", None)
        also = f" (also at line {prev.start_line + 1})" if prev is not None else ""
        return f"duplicate entry key '{block.key}'{also}"
    if name == "DuplicateFieldKeyBlock":
        dups = ", ".join(sorted(getattr(block, "duplicate_keys", []) or [])) or "?"
        return f"field written twice in one entry: {dups}"
    head = block.raw.strip().splitlines()[0][:60] if block.raw.strip() else ""
    err = getattr(block, "error", None)
    reason = " ".join(str(getattr(err, "abort_reason", "") or err or "").split())
    end = getattr(err, "end_index", None)
    at = ""
    if isinstance(end, int) and 0 < end <= len(block.raw):
        at = f" (stopped at line {block.start_line + 1 + block.raw[:end].count(chr(10))})"
    return f"malformed entry '{head}': {reason or 'not valid BibTeX'}{at}"
