"""The Jinja2 environment: LaTeX-safe delimiters, StrictUndefined, escaping finalize.

Search path: the template folder first (it may override any partial or block), then latex/base.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

from typeset.config import LATEX

BASE = LATEX / "base"


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


def use_bytecode_cache(env: jinja2.Environment, folder: Path | str) -> None:
    """Keep compiled templates in `folder` (the build's OUT/.typeset-cache/jinja-*).

    Compiling the templates is most of a cached rebuild's rendering time. Jinja checks each
    template's source checksum (an edited template is compiled again); the folder name hashes
    Jinja's version and the environment's syntax options, which the compiled code depends on.
    A folder that cannot be created just means no cache.
    """
    opts = (jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string, env.trim_blocks,
            env.lstrip_blocks, env.keep_trailing_newline, env.autoescape, getattr(env.undefined, "__name__", ""),
            env.finalize is not None)
    tag = hashlib.sha256(repr(opts).encode()).hexdigest()[:12]
    target = Path(folder) / f"jinja-{tag}"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(target))
