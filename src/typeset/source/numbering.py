"""Generated numbers: chapter N, sections N.M(.K…), figures/tables/equations N.M, list labels 1.4.1."""
from __future__ import annotations

from typeset.source import nodes as n
from typeset.thai.numerals import to_thai

THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def thai_letter(i: int) -> str:
    """1 -> ก, 2 -> ข …; past ฮ: กก, กข (rare, but never an IndexError)."""
    out, i = "", i
    while i > 0:
        i, r = divmod(i - 1, len(THAI_LETTERS))
        out = THAI_LETTERS[r] + out
    return out


def format_number(i: int, style: str) -> str:
    if style == "thai":
        return to_thai(str(i))
    if style == "thai_letters":
        return thai_letter(i)
    if style == "latin_letters":
        out = ""
        while i > 0:
            i, r = divmod(i - 1, 26)
            out = chr(65 + r) + out
        return out
    return str(i)


def in_numerals(number: str, style: str) -> str:
    """A generated number as the template prints it: numbers.chapter thai -> ๒.๑ (TeX does the
    same for headings and captions from its counters)."""
    return to_thai(number) if style == "thai" else number


MAX_NUMBERED = 4   # ####: 1.1.1.1; deeper headings are unnumbered (LaTeX \\paragraph)


def number_part(part: n.Chapter, prefix: str, sections: bool, style: str = "arabic") -> None:
    """Number the sections, floats and section-numbered lists of one chapter/appendix/body.

    prefix: "1" for chapter 1, "ก" for appendix ก, "" for an article body.
    sections: False leaves headings unnumbered (appendices, articles by default).
    """
    counters: list[int] = []          # counters[0] = level 2, counters[1] = level 3, ...
    floats = {"figure": 0, "table": 0, "equation": 0}
    list_count: dict[str, int] = {}
    current = prefix

    def join(*parts) -> str:
        return ".".join(p for p in parts if p)

    for b in n.walk(part.blocks):
        if isinstance(b, n.Section) and b.level >= 2:
            depth = b.level - 2
            counters = counters[:depth + 1]
            while len(counters) < depth + 1:
                counters.append(0)
            counters[depth] += 1
            b.index = counters[depth]
            if sections and b.level <= MAX_NUMBERED:
                b.number = join(prefix, *(format_number(c, style) for c in counters))
                current = b.number
            else:
                b.number = ""
        elif isinstance(b, (n.Figure, n.Framework)):
            floats["figure"] += 1
            b.index = floats["figure"]
            b.number = join(prefix, format_number(floats["figure"], style))
        elif isinstance(b, n.Table) and b.caption:
            # an uncaptioned table is neither numbered nor listed (source.uncaptioned_tables warns)
            floats["table"] += 1
            b.index = floats["table"]
            b.number = join(prefix, format_number(floats["table"], style))
        elif isinstance(b, n.Equation) and b.label:
            # only labelled equations are numbered (as pandoc-crossref does)
            floats["equation"] += 1
            b.index = floats["equation"]
            b.number = join(prefix, format_number(floats["equation"], style))
        elif isinstance(b, n.OrderedList):
            if b.section_numbered and current:
                start = list_count.get(current, 0) + 1 if b.start == 1 else b.start
                for k, item in enumerate(b.items):
                    item.label = f"{current}.{format_number(start + k, style)}"
                list_count[current] = start + len(b.items) - 1
            else:
                for k, item in enumerate(b.items):
                    item.label = f"{format_number(b.start + k, style)}."
