"""YAML scalars for the files the importers write (thesis.yaml, article.yaml, framework blocks).

One helper, two styles: `scalar` is plain where YAML reads the text back unchanged (also inside a
flow mapping such as `{th: …, en: …}`), `quoted` always double-quoted. A JSON string is a valid
YAML double-quoted scalar, so both read back as the same text.
"""
from __future__ import annotations

import json

import yaml

_FLOW = frozenset(",[]{}")   # would end or open a flow collection


def quoted(value) -> str:
    """A double-quoted YAML scalar of str(value)."""
    return json.dumps(str(value), ensure_ascii=False)


def scalar(value: str) -> str:
    """Plain when YAML reads it back unchanged, else double-quoted."""
    try:
        if value and "\n" not in value and ": " not in value and not _FLOW.intersection(value) \
                and yaml.safe_load(value) == value:
            return value
    except yaml.YAMLError:
        pass
    return quoted(value)
