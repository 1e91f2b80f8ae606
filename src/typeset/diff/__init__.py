"""`typeset diff OLD NEW`: compare two thesis folders (or two chapter files) word by word.

Exit 0 when identical (and print nothing), 1 when different, 2 on error, like diff(1).
"""
from __future__ import annotations

import sys
from pathlib import Path

from typeset.errors import UserError


def run(args) -> int:
    from rich.console import Console

    from typeset.diff.compare import compare
    from typeset.diff.output import html_page, print_entries
    from typeset.diff.tree import load
    from typeset.fsutil import atomic_write

    old, new = load(args.old), load(args.new)
    if old.single != new.single:
        raise UserError("compare two thesis folders or two chapter files, not one of each")
    entries = compare(old, new)
    out = getattr(args, "output", None)
    if getattr(args, "pdf", False):
        from typeset.diff.pdf import write_pdf

        if not out:
            raise UserError("--pdf needs -o FILE.pdf")
        write_pdf(old, new, Path(out))
        _wrote(out, entries)
    elif getattr(args, "format", "text") == "html":
        page = html_page(entries, str(args.old), str(args.new))
        if out:
            atomic_write(Path(out), page)
            _wrote(out, entries)
        else:
            print(page, end="")
    elif entries:
        if out:
            with open(out, "w", encoding="utf-8") as f:
                print_entries(entries, Console(file=f, highlight=False, no_color=True, width=10_000))
            _wrote(out, entries)
        else:
            print_entries(entries, Console(highlight=False))
    return 1 if entries else 0


def _wrote(out, entries) -> None:
    """A file written on request is named on stderr (stdout stays the diff itself)."""
    what = f"{len(entries)} change{'s' if len(entries) != 1 else ''}" if entries else "no changes"
    print(f"wrote {out} ({what})", file=sys.stderr)
