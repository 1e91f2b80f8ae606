"""Text in drawn boxes: two or more boxes side by side or stacked, each holding a few lines,
are a diagram (a conceptual framework), read box by box instead of row by row across them."""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from typeset.pdf.lines import Line

MAX_LINES = 6        # a box holding more is a frame around text, not a diagram's box


@dataclass
class Diagram:
    token: str               # the placeholder line standing for it in the text flow
    direction: str           # horizontal | vertical
    boxes: list              # the text of each box, in reading order
    page: int


def take_diagrams(page, lines: list[Line]) -> tuple[list[Line], list[Diagram]]:
    """Lines outside diagrams (a placeholder line where each diagram was) and the diagrams."""
    inside: dict[int, list[Line]] = {}
    for ln in lines:
        cx, cy = (ln.x0 + ln.x1) / 2, ln.y + 0.3 * ln.size
        for i, (x0, y0, x1, y1) in enumerate(page.boxes):
            if x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and y0 <= cy <= y1 and x0 <= cx <= x1:
                inside.setdefault(i, []).append(ln)
                break
    boxes = {i: ls for i, ls in inside.items() if len(ls) <= MAX_LINES
             and page.boxes[i][2] - page.boxes[i][0] < 0.8 * page.width}
    if len(boxes) < 2:
        return lines, []
    keys = list(boxes)
    ys = [(page.boxes[i][1] + page.boxes[i][3]) / 2 for i in keys]
    horizontal = max(ys) - min(ys) < 0.5 * min(page.boxes[i][3] - page.boxes[i][1] for i in keys)
    keys.sort(key=(lambda i: page.boxes[i][0]) if horizontal else (lambda i: -page.boxes[i][3]))
    from typeset.pdf.layout import join_line

    texts = []
    for i in keys:
        ls = sorted(boxes[i], key=lambda ln: (-ln.y, ln.x0))
        t = ls[0].text
        for a, b in zip(ls, ls[1:]):
            t = join_line(t, b.text, a)
        texts.append(t)
    used = {id(ln) for ls in boxes.values() for ln in ls}
    top = max(page.boxes[i][3] for i in keys)
    x0 = min(page.boxes[i][0] for i in keys)
    x1 = max(page.boxes[i][2] for i in keys)
    token = "TSD" + secrets.token_hex(4)
    size = boxes[keys[0]][0].size
    placeholder = Line(page.number, x0, x1, top - size, top, top - size, size, False, token)
    rest = [ln for ln in lines if id(ln) not in used] + [placeholder]
    return rest, [Diagram(token, "horizontal" if horizontal else "vertical", texts, page.number)]


def framework_block(d: Diagram, caption: str) -> str:
    from typeset.source import nodes as n
    from typeset.writers.markdown import framework_yaml

    fw = n.Framework("", 0, caption or "TODO: ชื่อภาพ", d.direction, list(d.boxes))
    return "```framework\n" + framework_yaml(fw) + "\n```"
