"""The Jinja2 environment: LaTeX-safe delimiters, StrictUndefined, escaping finalize.

Search path: the template folder first (it may override any partial or block), then latex/base.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from typeset.config import REPO_LATEX

BASE = REPO_LATEX / "base"


def make_env(search_path: list[Path], finalize) -> jinja2.Environment:
    """search_path: the template folder, the folders it extends, then latex/base (Config.search_path).

    "base/NAME" always reaches latex/base, so an override can extend the file it replaces.
    """
    paths = [str(p) for p in search_path]
    if str(BASE) not in paths:
        paths.append(str(BASE))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(paths),
                                    jinja2.PrefixLoader({"base": jinja2.FileSystemLoader(str(BASE))})]),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        block_start_string="<%", block_end_string="%>",
        variable_start_string="<<", variable_end_string=">>",
        comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False,
    )
