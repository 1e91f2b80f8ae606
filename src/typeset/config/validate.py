"""Check one settings layer against the schema: unknown keys get the nearest valid key."""
from __future__ import annotations

import difflib

from typeset.config.schema import SCHEMA, Invalid, all_paths
from typeset.config.yamlfile import Marked
from typeset.errors import UserError


def suggest(key, siblings, prefix: str = "", everywhere: list[str] | None = None) -> str:
    """" (did you mean 'margins.top'?)": the nearest key at the same level, else at any level."""
    key = str(key)
    siblings = [str(s) for s in siblings]
    if everywhere:
        # the right key at the wrong level: `top:` at the root means margins.top
        exact = [p for p in everywhere if p.rsplit(".", 1)[-1] == key]
        if exact:
            return f" (did you mean '{exact[0]}'?)"
    for probe in (key, key.lower().replace("-", "_").replace(" ", "_")):
        near = difflib.get_close_matches(probe, siblings, n=1, cutoff=0.6)
        if near:
            return f" (did you mean '{prefix}{near[0]}'?)"
    if everywhere:
        last = {}
        for p in everywhere:
            last.setdefault(p.rsplit(".", 1)[-1], p)
        close = difflib.get_close_matches(key, list(last), n=1, cutoff=0.75)
        if close:
            return f" (did you mean '{last[close[0]]}'?)"
    return f" (valid keys here: {', '.join(sorted(siblings))})"


def check_tree(data: dict, schema: dict, marked: Marked, keys: tuple = (), shown: tuple = (),
               what: str = "setting", everywhere: list[str] | None = None) -> dict:
    """Validate `data` (at key path `keys` in `marked`; named `shown` in messages) against `schema`."""
    out = {}
    for key, value in data.items():
        k_keys, k_shown = keys + (key,), shown + (str(key),)
        dotted = ".".join(k_shown)
        rule = schema.get(key) if isinstance(key, str) else None
        if rule is None:
            prefix = ".".join(shown) + "." if shown else ""
            raise UserError(f"unknown {what} '{dotted}'{suggest(key, schema, prefix, everywhere)}",
                            where=marked.where(k_keys))
        if isinstance(rule, dict):
            if value is None:
                continue  # `margins:` with nothing under it changes nothing
            if not isinstance(value, dict):
                raise UserError(f"{what} '{dotted}' is a group: expected keys under it "
                                f"({', '.join(rule)}), got {value!r}", where=marked.where(k_keys))
            out[key] = check_tree(value, rule, marked, k_keys, k_shown, what, everywhere)
        else:
            try:
                out[key] = rule.check(value)
            except Invalid as e:
                raise UserError(f"{what} '{dotted}': {e}", where=marked.where(k_keys)) from None
    return out


def check_settings(marked: Marked, data=None, root: tuple = ()) -> dict:
    """Validate a settings layer: a template.yaml's settings, or thesis.yaml's `settings:` (root)."""
    if data is None:
        data = marked.data
    if not isinstance(data, dict):
        raise UserError(f"'{'.'.join(root) or 'settings'}' must be a mapping of setting keys "
                        f"(such as margins, font, headings)", where=marked.where(root))
    return check_tree(data, SCHEMA, marked, root, (), "setting", all_paths())
