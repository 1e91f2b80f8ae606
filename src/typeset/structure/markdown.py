"""Write a recovered chapter in the source format (docs/format.md).

Paragraphs are written on one line each; text is escaped only where CommonMark would otherwise
read it as markup, so the student's words stay as they are.
"""
from __future__ import annotations

import json
import re

import yaml

from typeset.structure.model import (Chapter, Epigraph, Framework, Heading, ListBlock, Paragraph)

# a line start that CommonMark would read as a block marker
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s)|\d{1,9}(?=[.)](?:\s|$))|={3,}|-{3,}|`{3,}|~{3,}|\{)")
_INLINE = re.compile(r"([\\`*_<\[\]])")


def escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    m = _BLOCK_START.match(text)
    if m:
        tok = m.group(1)
        if tok[0].isdigit():
            text = tok + "\\" + text[len(tok):]
        else:
            text = "\\" + text
    return text


def yaml_scalar(value: str) -> str:
    """A YAML scalar: plain when YAML reads it back unchanged, also inside a flow mapping
    ({th: …, en: …}: no , [ ] { }), else a JSON (= YAML) string."""
    try:
        if value and yaml.safe_load(value) == value and "\n" not in value and ": " not in value \
                and not any(c in value for c in ",[]{}"):
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def framework_yaml(fw: Framework) -> str:
    lines = [f"caption: {yaml_scalar(fw.caption)}", f"direction: {fw.direction}", "boxes:"]
    lines += [f"  - {yaml_scalar(b)}" for b in fw.boxes]
    return "\n".join(lines)


def chapter_markdown(ch: Chapter) -> str:
    out = [f"# {escape(ch.title)}"]
    for b in ch.blocks:
        if isinstance(b, Heading):
            out.append(f"{'#' * b.level} {escape(b.title)}")
        elif isinstance(b, Paragraph):
            out.append(escape(b.text))
        elif isinstance(b, Epigraph):
            quote = f"> {escape(b.quote)}"
            out.append(f"{quote}\n>\n> — {escape(b.attribution)}" if b.attribution else quote)
        elif isinstance(b, Framework):
            out.append(f"```framework\n{framework_yaml(b)}\n```")
        elif isinstance(b, ListBlock):
            out.append(_list(b))
    return "\n\n".join(out) + "\n"


def _list(lst: ListBlock) -> str:
    loose = any(it.children for it in lst.items)
    items = []
    for n, it in enumerate(lst.items, 1):
        marker = f"{n}. "
        text = marker + escape(it.text)
        for child in it.children:
            text += "\n\n" + " " * len(marker) + escape(child.text)
        items.append(text)
    body = ("\n\n" if loose else "\n").join(items)
    return ("{.section-numbered}\n" + body) if lst.section_numbered else body
