"""Command line: argument parsing and dispatch only; the work lives in the stage modules."""
from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from typeset.errors import UserError, shown

INTERRUPTED = 130   # exit code after Ctrl-C (128 + SIGINT, the shell convention)

# command -> "module:function"; each function takes the argparse Namespace and returns an exit code.
COMMANDS = {
    "build": "typeset.watch:run_build",
    "new": "typeset.scaffold:run",
    "import": "typeset.importer:run",
    "outline": "typeset.outline:run",
    "diff": "typeset.diff:run",
    "templates": "typeset.config.commands:list_templates",
    "template": "typeset.config.commands:template_command",
}


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="typeset", description="Typeset a Thai thesis into a submission-ready PDF.")
    p.add_argument("--debug", action="store_true", help="show Python tracebacks on internal errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build a thesis folder into a PDF")
    b.add_argument("source", help="thesis folder (holds thesis.yaml and chapters/)")
    b.add_argument("-o", "--output", default="build", help="output folder (default: build)")
    b.add_argument("--tex-only", action="store_true", help="stop after writing the .tex files")
    b.add_argument("--template", help="use this template for this build only")
    b.add_argument("--only", type=int, metavar="N", help="draft: build chapter N only (numbering kept)")
    b.add_argument("--watch", action="store_true",
                   help="rebuild whenever a source file changes (Ctrl-C stops)")

    w = sub.add_parser("new", help="start a thesis folder: every part a TODO placeholder")
    w.add_argument("folder", help="a new or empty folder")
    w.add_argument("--template", help="template name (see `typeset templates`) or folder")

    i = sub.add_parser("import", help="import a Word file, a PDF or text copied from a PDF into a thesis folder")
    i.add_argument("raw", help="a PDF, or a raw text file")
    i.add_argument("-o", "--output", required=True, help="folder to write")
    i.add_argument("--kind", choices=["thesis", "report", "article"],
                   help="what the document is (default: detect)")
    i.add_argument("--pages", metavar="A-B", help="PDF only: import pages A to B")
    i.add_argument("--force", action="store_true", help="overwrite edited files (a backup is kept)")

    o = sub.add_parser("outline", help="print the heading tree with generated numbers")
    o.add_argument("source", help="thesis folder")
    o.add_argument("--json", action="store_true", help="print JSON")

    d = sub.add_parser("diff", help="compare two thesis folders or chapter files word by word")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("--format", choices=["text", "html"], default="text")
    d.add_argument("-o", "--output", help="where to write the html/pdf output")
    d.add_argument("--pdf", action="store_true", help="typeset a marked-up PDF of the new version")

    sub.add_parser("templates", help="list the bundled templates")

    t = sub.add_parser("template", help="work with templates")
    tsub = t.add_subparsers(dest="template_command", required=True, metavar="ACTION")
    c = tsub.add_parser("copy", help="copy a bundled template to a folder you can edit")
    c.add_argument("name")
    c.add_argument("dest")
    return p


# import name -> PyPI name, so the hint is a command that works as typed
PIP_NAMES = {"yaml": "PyYAML", "markdown_it": "markdown-it-py", "mdit_py_plugins": "mdit-py-plugins",
             "jinja2": "Jinja2", "markupsafe": "MarkupSafe", "pylatex": "PyLaTeX",
             "fontpkg_sarabun": "fontpkg-sarabun"}


def _missing_package(module: str) -> str:
    top = module.split(".")[0]
    if top == "typeset":
        return (f"typeset is incompletely installed (module '{module}' missing): "
                f"run `.venv/bin/pip install -e .`")
    pip = PIP_NAMES.get(top, top)
    return (f"missing Python package '{pip}': run `.venv/bin/pip install {pip}` "
            f"(or `make venv` to install everything)")


def one_line(message: str) -> str:
    """A user error is one line even when it quotes a file name holding a newline."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def _load(target: str):
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("TYPESET_DEBUG"))
    try:
        return int(_load(COMMANDS[args.command])(args) or 0)
    except UserError as e:
        # a file inside the thesis folder is named as the user can open it from here
        msg = shown(str(e), args.source) if getattr(args, "source", None) else str(e)
        print(f"typeset: error: {one_line(msg)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:   # Ctrl-C, in Python or in TeX (typeset.compile): 130, as shells do
        # the same Ctrl-C can still be pending for Python when TeX reported it first: ignore it
        # (and a second one), or it cuts this short and the shell sees a death by SIGINT
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("typeset: interrupted; sources untouched", file=sys.stderr)
        return INTERRUPTED
    except ModuleNotFoundError as e:
        if debug:
            raise
        print(f"typeset: error: {_missing_package(e.name or '')}", file=sys.stderr)
        return 2
    except Exception as e:  # last resort: never a traceback for users
        if debug:
            raise
        print(f"typeset: internal error: {type(e).__name__}: {one_line(str(e))} (run with --debug for details)",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
