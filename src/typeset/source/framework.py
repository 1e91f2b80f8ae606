"""The ```framework fenced block: YAML describing a conceptual-framework diagram."""
from __future__ import annotations

import yaml

from typeset.errors import UserError
from typeset.source.nodes import Arrow, Framework

KEYS = {"caption", "direction", "boxes", "arrows"}
ARROW_KEYS = {"from", "to", "label"}
DIRECTIONS = ("horizontal", "vertical")


def _key_line(node: yaml.Node, key: str, first: int) -> int:
    for k, _ in getattr(node, "value", []):
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return first + k.start_mark.line
    return first


def parse_framework(text: str, file: str, line: int) -> Framework:
    """`line` is the 1-based line of the opening fence; YAML line 1 is line + 1."""
    first = line + 1
    try:
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{file}:{first + mark.line}" if mark else f"{file}:{line}"
        raise UserError(f"framework block is not valid YAML: {getattr(e, 'problem', e)}", where) from None
    if not isinstance(data, dict):
        raise UserError("framework block must be a YAML mapping (caption, direction, boxes, arrows)",
                        f"{file}:{line}")
    for key in data:
        if key not in KEYS:
            raise UserError(f"unknown framework key '{key}' (known: {', '.join(sorted(KEYS))})",
                            f"{file}:{_key_line(tree, str(key), first)}")

    def where(key):
        return f"{file}:{_key_line(tree, key, first)}"

    caption = data.get("caption", "")
    if not isinstance(caption, str):
        raise UserError("framework 'caption' must be text", where("caption"))
    direction = data.get("direction", "horizontal")
    if direction not in DIRECTIONS:
        raise UserError(f"framework 'direction' must be horizontal or vertical, not '{direction}'",
                        where("direction"))
    boxes = data.get("boxes")
    if not isinstance(boxes, list) or not boxes:
        raise UserError("framework needs 'boxes': a list of box texts", where("boxes") if "boxes" in data
                        else f"{file}:{line}")
    for b in boxes:
        if not isinstance(b, (str, int, float)) or isinstance(b, bool):
            raise UserError("each framework box must be a line of text", where("boxes"))
    boxes = [str(b) for b in boxes]

    arrows_data = data.get("arrows")
    if arrows_data is None:
        arrows = [Arrow(i, i + 1) for i in range(1, len(boxes))]
    else:
        if not isinstance(arrows_data, list):
            raise UserError("framework 'arrows' must be a list of {from, to, label}", where("arrows"))
        arrows = []
        for a in arrows_data:
            if not isinstance(a, dict):
                raise UserError("each arrow must be a mapping {from: N, to: M}", where("arrows"))
            for key in a:
                if key not in ARROW_KEYS:
                    raise UserError(f"unknown arrow key '{key}' (known: from, label, to)", where("arrows"))
            ends = []
            for key in ("from", "to"):
                v = a.get(key)
                if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= len(boxes):
                    raise UserError(f"arrow '{key}' must be a box number 1..{len(boxes)}, not {v!r}",
                                    where("arrows"))
                ends.append(v)
            label = a.get("label") or ""
            arrows.append(Arrow(ends[0], ends[1], str(label)))
    return Framework(file=file, line=line, caption=caption, direction=direction, boxes=boxes, arrows=arrows)
