"""`typeset import RAW --kind article -o DIR`: the command side of the article import."""
from __future__ import annotations

from pathlib import Path

from typeset.errors import UserError


def run(args, text: str) -> int:
    from rich.console import Console

    from typeset.article import import_article

    console = Console(stderr=True, highlight=False)
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: exists and is not a folder")
    if (out / "thesis.yaml").is_file():
        raise UserError(f"{out}: holds a thesis (thesis.yaml); import the article into another folder")
    with console.status("repairing spaces, reading the dateline and the source…"):
        rep = import_article(text, out, force=bool(getattr(args, "force", False)),
                             source_name=Path(getattr(args, "raw", "") or "").name)
    console.print(rep.summary())
    rep.guard.print(console)
    return 0
