"""Read a YAML file safely and remember the line of every key, for errors that point at it."""
from __future__ import annotations

from pathlib import Path

import yaml

from typeset.errors import UserError


class Marked:
    """A YAML mapping read from `path`, plus the 1-based line of each key path."""

    def __init__(self, path: Path, data: dict, lines: dict[tuple, int]):
        self.path, self.data, self.lines = path, data, lines

    def where(self, keys: tuple | list = ()) -> str:
        keys = tuple(keys)
        while keys and keys not in self.lines:
            keys = keys[:-1]
        line = self.lines.get(keys)
        return f"{self.path}:{line}" if line else str(self.path)


def _walk(node, prefix: tuple, lines: dict, path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else None
            if key is None:
                continue
            if key in seen:
                raise UserError(f"key '{'.'.join(prefix + (key,))}' is given twice",
                                where=f"{path}:{knode.start_mark.line + 1}")
            seen.add(key)
            lines[prefix + (key,)] = knode.start_mark.line + 1
            _walk(vnode, prefix + (key,), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[prefix + (i,)] = item.start_mark.line + 1
            _walk(item, prefix + (i,), lines, path)


def read_marked(path: Path | str) -> Marked:
    """safe_load `path` (a mapping at the top level, or empty) with key line numbers."""
    path = Path(path)
    from typeset.textio import read_text

    text = read_text(path)   # UTF-8/UTF-16/TIS-620 detected; missing, binary, huge -> UserError
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise UserError(f"not valid YAML: {getattr(e, 'problem', None) or e}", where=where) from None
    if data is None:
        return Marked(path, {}, {})
    if not isinstance(data, dict):
        raise UserError("expected a mapping of keys to values at the top level", where=str(path))
    for k in data:
        if not isinstance(k, str):
            raise UserError(f"key {k!r} is not a name", where=str(path))
    lines: dict[tuple, int] = {}
    _walk(node, (), lines, path)
    return Marked(path, data, lines)
