"""`typeset build DIR --watch`: build, then rebuild whenever a source file changes (watchfiles).

Each build is the ordinary one (typeset.build.run), so a failed or interrupted rebuild leaves the
previous PDF in place (the build writes the PDF by renaming a finished file). A user error is
printed with the time and the watch goes on; Ctrl-C stops it.
"""
from __future__ import annotations

import time
from pathlib import Path

from typeset.errors import UserError

# what never triggers a rebuild: the build's own files, editor and VCS leftovers
IGNORED_DIRS = {".typeset-cache", ".typeset", ".typeset-backup", ".git", "__pycache__"}
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".part")


def run_build(args) -> int:
    from typeset import build

    if not getattr(args, "watch", False):
        return build.run(args)
    return watch(args)


class SourceFilter:
    """watchfiles filter: files under the thesis folder, outside OUT, that are not leftovers."""

    def __init__(self, out: Path):
        self.out = out.resolve()

    def __call__(self, change, path: str) -> bool:
        p = Path(path)
        if p.resolve().is_relative_to(self.out):
            return False
        name = p.name
        if name.startswith((".#", "#")) or name.endswith(IGNORED_SUFFIXES) or ".tmp" in name:
            return False   # editors' and fsutil.atomic_write's temporary files
        return not any(part in IGNORED_DIRS for part in p.parts)


def watched(folder: Path, template: str | None) -> list[Path]:
    """The thesis folder, and the template folders it uses that are not bundled (./my-uni)."""
    from typeset import config

    paths = [folder]
    try:
        cfg = config.load(folder, template=template, meta_file=_meta_file(folder))
    except UserError:
        return paths   # the build prints the error; the folder alone is watched until it is fixed
    for d in cfg.template_dirs:
        if not d.resolve().is_relative_to(config.TEMPLATES.resolve()) and \
                not d.resolve().is_relative_to(folder.resolve()):
            paths.append(d)
    return paths


def _meta_file(folder: Path) -> str:
    from typeset.source import is_article

    return "article.yaml" if is_article(folder) else "thesis.yaml"


def _stamp() -> str:
    return time.strftime("%H:%M:%S")


def build_once(args, console) -> bool:
    from rich.markup import escape

    from typeset import build
    from typeset.cli import one_line

    start = time.monotonic()
    try:
        build.run(args)
    except UserError as e:
        console.print(f"[dim]{_stamp()}[/] [red]error:[/] {escape(one_line(str(e)))}", soft_wrap=True)
        return False
    console.print(f"[dim]{_stamp()}[/] built in {time.monotonic() - start:.1f} s; watching "
                  f"{escape(str(args.source))} (Ctrl-C stops)", soft_wrap=True)
    return True


def watch(args) -> int:
    import watchfiles
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    folder, out = Path(args.source), Path(args.output)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder (expected a thesis folder with thesis.yaml)")
    build_once(args, console)
    try:
        for changes in watchfiles.watch(*watched(folder, args.template), watch_filter=SourceFilter(out),
                                        debounce=400, raise_interrupt=True):
            names = sorted({Path(p).relative_to(folder.resolve()).as_posix()
                            if Path(p).resolve().is_relative_to(folder.resolve()) else p
                            for _, p in changes})
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            console.print(f"[dim]{_stamp()}[/] changed: {escape(shown)}; rebuilding", soft_wrap=True)
            build_once(args, console)
    except KeyboardInterrupt:
        console.print(f"[dim]{_stamp()}[/] stopped watching")
        return 130
    return 0
