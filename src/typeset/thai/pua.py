"""The private-use code points U+F700-U+F71A of older Thai fonts (the Microsoft/Adobe Thai set):
positional variants of marks and descender-less letters, each standing for one Thai character."""
from __future__ import annotations

# shifted left, lowered, or lowered-and-left variants of the marks; ฐ ญ without their descender
PUA = {
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",
    0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47", 0xF713: "\u0e48",
    0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c", 0xF718: "\u0e38",
    0xF719: "\u0e39", 0xF71A: "\u0e3a",
}
_TABLE = {k: v for k, v in PUA.items()}


def from_pua(s: str) -> str:
    """`s` with every Thai private-use code point replaced by the character it draws."""
    return s.translate(_TABLE)
