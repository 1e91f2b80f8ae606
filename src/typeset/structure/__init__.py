"""Clean lines -> thesis folder: recover chapters, headings, lists, epigraphs and frameworks from
repaired lines plus the raw layout as a source.nodes tree, written by writers.markdown.

    from typeset.structure import build_thesis
    files, doc = build_thesis(raw_text, repaired_lines, source_name="thesis-raw.txt", repair_report=r)
    # files: {"thesis.yaml": …, "chapters/01-….md": …, "import-report.md": …}
    # doc: structure.parse.Recovered (.tree, .chapters, .notices, .counts)
"""
from __future__ import annotations

from typeset.structure.folder import build_thesis
from typeset.structure.lines import Line, make_lines
from typeset.structure.parse import Recovered, parse

__all__ = ["build_thesis", "parse", "make_lines", "Line", "Recovered"]
