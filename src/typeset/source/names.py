"""The people named in thesis.yaml, as words Thai line breaking must never cut ("ดร.สม|ชาย")."""
from __future__ import annotations

import re

NAME_KEYS = ("author", "advisor", "committee")
THAI_WORD = re.compile(r"^[\u0e01-\u0e4e]{2,}$")


def name_words(meta: dict) -> list[str]:
    """Each Thai part of each name: "รศ.ดร.สมชาย ประเสริฐสุข" -> ["สมชาย", "ประเสริฐสุข"]
    (the title before the last '.' is left to the dictionary)."""
    out: list[str] = []
    for key in NAME_KEYS:
        for text in _texts(meta.get(key)):
            if text.startswith("TODO:"):
                continue
            for token in text.split():
                word = token.rsplit(".", 1)[-1]
                if THAI_WORD.match(word) and word not in out:
                    out.append(word)
    return out


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)
