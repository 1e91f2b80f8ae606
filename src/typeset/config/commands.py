"""`typeset templates` (list the bundled templates) and `typeset template copy NAME DEST`."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from typeset.config import HERE, bundled, find_template, merge, template_chain
from typeset.config.validate import check_settings
from typeset.config.yamlfile import read_marked
from typeset.errors import UserError

KEY_LINE = re.compile(r"^(?P<indent> *)(?P<key>[a-z_]+):(?P<rest>.*)$")


def list_templates(args) -> int:
    from rich.console import Console
    from rich.table import Table

    # no borders, Thai last: terminals disagree on the width of Thai vowel and tone marks (zero
    # for Unicode and rich, one cell in Kitty, Ghostty …), so nothing may be aligned after Thai text
    table = Table(title="Bundled templates (use one with `template: NAME` in thesis.yaml)",
                  box=None, title_justify="left", pad_edge=False)
    table.add_column("name", style="bold")
    table.add_column("extends")
    table.add_column("description")
    for tdir in bundled():
        marked = read_marked(tdir / "template.yaml")
        table.add_row(tdir.name, str(marked.data.get("extends") or ""),
                      str(marked.data.get("description", "")))
    console = Console()
    console.print(table)
    console.print("Copy one to change it: typeset template copy NAME ./my-template")
    return 0


def template_command(args) -> int:
    if args.template_command == "copy":
        dest = copy_template(args.name, Path(args.dest))
        print(f"copied template '{args.name}' to {dest}")
        print(f"use it: add `template: ./{Path(args.dest).name}` to thesis.yaml "
              f"(a path relative to the thesis folder), then edit {dest / 'template.yaml'}")
        return 0
    raise UserError(f"unknown template action '{args.template_command}'")


def _scalar(value) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip()
    return text[:-4].strip() if text.endswith("\n...") else text.removesuffix("...").strip()


def _value_and_comment(rest: str) -> tuple[str, str]:
    """' a4   # a4 | a5' -> ('a4', '# a4 | a5'); a '#' inside quotes is not a comment."""
    quote = None
    for i, c in enumerate(rest):
        if c in "\"'" and quote in (None, c):
            quote = None if quote else c
        elif c == "#" and quote is None and (i == 0 or rest[i - 1] == " "):
            return rest[:i].strip(), rest[i:]
    return rest.strip(), ""


def annotated_yaml(settings: dict, header: str) -> str:
    """Every setting with its value from `settings`, laid out and commented like defaults.yaml."""
    out = [header.rstrip(), ""]
    path: list[tuple[int, str]] = []
    for line in (HERE / "defaults.yaml").read_text(encoding="utf-8").splitlines():
        m = KEY_LINE.match(line)
        if not m:
            if path:  # (the lines before the first key are the defaults file's own header)
                out.append(line)
            continue
        indent = len(m.group("indent"))
        while path and path[-1][0] >= indent:
            path.pop()
        path.append((indent, m.group("key")))
        value, comment = _value_and_comment(m.group("rest"))
        if not value:  # a group: its keys follow
            out.append(line)
            continue
        node = settings
        for _, k in path:
            node = node[k]
        text = f"{m.group('indent')}{m.group('key')}: {_scalar(node)}"
        if comment:
            text = text.ljust(max(len(text) + 1, len(line) - len(comment.rstrip()))) + comment
        out.append(text)
    return "\n".join(out).rstrip() + "\n"


def copy_template(name: str, dest: Path) -> Path:
    """Write a standalone copy of template `name` (every setting, with comments, + its partials)."""
    src = find_template(name, Path.cwd())
    dest = dest.resolve()
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UserError(f"{dest} already exists and is not empty; choose a new folder "
                        f"(nothing was changed)")
    chain = template_chain(src)
    settings = check_settings(read_marked(HERE / "defaults.yaml"))
    for _, _, layer in chain:
        settings = merge(settings, layer)
    description = read_marked(src / "template.yaml").data.get("description") or src.name
    header = (
        f"description: {_scalar('My university (copied from ' + src.name + ')')}\n"
        f"# Copied from the '{src.name}' template: {description}\n"
        "# Every setting is listed with its current value: change what your university's thesis\n"
        "# manual asks for and delete the rest if you like (a deleted key falls back to the built-in\n"
        "# default). For a small change you can instead keep only the changed keys and add\n"
        f"#   extends: {src.name}\n"
        "# Lengths take a TeX unit (in, cm, mm, pt). Reference: docs/templates.md.\n"
        "# Any partial in typeset's latex/base/ (e.g. settings.tex.j2) can be overridden by a file\n"
        "# of the same name here; to replace one block only, start it with\n"
        '#   <% extends "base/settings.tex.j2" %>  and redefine that <% block %>.\n')
    text = annotated_yaml(settings, header)
    dest.mkdir(parents=True, exist_ok=True)
    copied = set()
    for tdir, _, _ in reversed(chain):  # the most specific partial of each name wins
        for f in sorted(tdir.rglob("*")):
            rel = f.relative_to(tdir)
            if f.is_file() and f.name != "template.yaml" and rel not in copied:
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, dest / rel)
                copied.add(rel)
    (dest / "template.yaml").write_text(text, encoding="utf-8")
    return dest
