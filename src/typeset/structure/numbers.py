"""Heading numbers as extracted: "1.5.1", but also "1.=" or "บทที่ A" when a heading font's digits
came out in a private code. A component that is not a digit is a wildcard that the numbering
sequence decides (the parser knows which number must come next); a number needs at least one
real digit, so "U.S." or "ค.ศ." never look like headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# one component: 1-2 digits, or a single non-Thai, non-space symbol (a digit in a private code)
_COMP = r"(?:\d{1,2}|[^\s\d\u0e00-\u0e7f.,;:()\"'“”‘’\[\]-])"
NUMBERED = re.compile(rf"^(?P<num>{_COMP}(?:\.{_COMP})+)\.?(?=\s|$)\s*(?P<rest>.*)$")
# enumerated item: "1. text", "1.text", "1) text"
ENUM = re.compile(r"^(?P<n>\d{1,2})(?:\.(?!\d)|\))\s*(?P<rest>\S.*)$")
CHAPTER = re.compile(r"^บทที(?:่|\S)?\s*(?P<n>\S{1,3})$")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass
class Number:
    parts: list[int | None]   # None: a component that is not a readable digit
    rest: str

    @property
    def depth(self) -> int:
        return len(self.parts)

    def matches(self, want: list[int]) -> bool:
        return len(want) == len(self.parts) and all(p is None or p == w for p, w in zip(self.parts, want))


def parse_number(text: str) -> Number | None:
    m = NUMBERED.match(text.translate(THAI_DIGITS))  # 1:1 translation: offsets still hold
    if not m:
        return None
    parts = [int(c) if c.isdigit() else None for c in m.group("num").split(".")]
    if all(p is None for p in parts):
        return None
    return Number(parts, text[m.start("rest"):].strip())


def chapter_number(text: str) -> tuple[bool, int | None]:
    """(is a chapter line, its number if readable) for "บทที่ 3", "บทที่ ๓" or "บทที* A"."""
    m = CHAPTER.match(text.translate(THAI_DIGITS))
    if not m:
        return False, None
    n = m.group("n")
    if n.isdigit():
        return True, int(n)
    if len(n) == 1 and not re.match(r"[\u0e00-\u0e7f]", n):
        return True, None
    return False, None


def enum_item(text: str) -> tuple[int, str] | None:
    m = ENUM.match(text.translate(THAI_DIGITS))
    if not m:
        return None
    return int(m.group("n")), text[m.start("rest"):]
