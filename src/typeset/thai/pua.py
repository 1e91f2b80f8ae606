"""The private-use code points older Thai fonts draw shifted marks with (U+F700-U+F71A).

Windows fonts (Tahoma, the UPC/PSL families, Angsana) carry their marks a second time in the
private-use area, moved down, left or down-left to clear a tall consonant, and ฐ/ญ without
their descender. A PDF text layer that maps those glyphs to their own code points gives text
with U+F70A for ่ and so on. The table is the one HarfBuzz's Thai shaper uses (Windows column).
"""
from __future__ import annotations

PUA_TO_THAI = {
    0xF700: "\u0e10",   # ฐ without its descender
    0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",   # ิ ี ึ ื, left
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",  # down-left
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",  # down
    0xF70F: "\u0e0d",   # ญ without its descender
    0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47",                      # ั ํ ็, left
    0xF713: "\u0e48", 0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c",  # left
    0xF718: "\u0e38", 0xF719: "\u0e39", 0xF71A: "\u0e3a",                      # ุ ู ฺ, down
}
PUA_CHARS = frozenset(chr(c) for c in PUA_TO_THAI)


def is_thai_pua(ch: str) -> bool:
    return ch in PUA_CHARS


_TABLE = dict(PUA_TO_THAI)


def from_pua(s: str) -> str:
    """`s` with every Thai private-use code point replaced by the character it draws."""
    return s.translate(_TABLE)
