"""A Latin-matched font drawn at the Thai size: the same outlines in a larger em.

`derive(file, scale)` gives the bytes of a copy whose head.unitsPerEm grows by 1/scale (the way
the traditional TH fonts are built), renamed so it never passes for the original (OFL 1.1);
`place_font` writes it into the build's tex folder only when its bytes changed. typeset.fonts
decides when a copy is needed and at which scale.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from typeset.errors import UserError
from typeset.fsutil import atomic_write

# tables that describe the original file's bytes or are invalid once the em changes
DROP_TABLES = ("DSIG",)
# name IDs holding the family name, and those holding the PostScript (no spaces) form
FAMILY_NAMES = (1, 3, 4, 16, 18, 21)
PS_NAMES = (6, 20, 25)

def units_per_em(file: str) -> int:
    from fontTools.ttLib import TTFont, TTLibError
    try:
        return TTFont(file, fontNumber=0, lazy=True)["head"].unitsPerEm
    except (OSError, TTLibError, KeyError) as e:
        raise UserError(f"cannot read font file {file}: {e}") from None


def derived_upm(upm: int, scale: float) -> int:
    """The em (font units) in which the same outlines draw at `scale` (1000 at 0.7 -> 1429)."""
    new = round(upm / scale)
    if not 16 <= new <= 16384:     # the OpenType limits of head.unitsPerEm
        raise UserError(f"font.scale {scale:g} gives {new} units per em (16-16384 allowed)")
    return new


def derived_family(family: str, upm: int, new_upm: int) -> str:
    """The derived family's name: OFL 1.1 lets a modified font keep a name without a Reserved
    Font Name (Sarabun declares none) but it must not pass for the original."""
    return f"{family} Scaled {round(100 * upm / new_upm)}"


def derive(file: str, scale: float) -> tuple[str, bytes]:
    """(file name, bytes) of `file` with its glyphs drawn at `scale` of the em.

    Built the way the traditional TH fonts are: every outline, advance and metric stays in font
    units and only head.unitsPerEm grows (Sarabun 1000 -> 1429 at 0.7), so the same drawing sits
    small in a larger em and 16 pt in the PDF is the Thai 16 pt. The family is renamed. Same input,
    same bytes (the head timestamps are kept), so builds stay byte-identical.
    """
    from fontTools.ttLib import TTFont, TTLibError
    try:
        font = TTFont(file, fontNumber=0, recalcTimestamp=False, lazy=False)
        upm = font["head"].unitsPerEm
        new_upm = derived_upm(upm, scale)
        font["head"].unitsPerEm = new_upm
        if "CFF " in font:          # CFF outlines are scaled by their FontMatrix, not by head
            top = font["CFF "].cff.topDictIndex[0]
            m = list(getattr(top, "FontMatrix", [0.001, 0, 0, 0.001, 0, 0]))
            top.FontMatrix = [v * upm / new_upm for v in m[:4]] + m[4:]
        elif "glyf" not in font:
            raise UserError(f"font file {file}: only TrueType and CFF outlines can be rescaled; "
                            f"set font.scale: 1")
        for tag in DROP_TABLES:
            if tag in font:
                del font[tag]
        _rename(font, upm, new_upm)
        buf = io.BytesIO()
        font.save(buf)
    except (OSError, TTLibError, KeyError, AttributeError) as e:
        raise UserError(f"cannot rescale font file {file}: {e}") from None
    suffix = ".otf" if "CFF " in font else ".ttf"
    return f"{Path(file).stem}-upm{new_upm}{suffix}", buf.getvalue()


def _rename(font, upm: int, new_upm: int) -> None:
    name = font["name"]
    family = name.getBestFamilyName() or "Font"
    new = derived_family(family, upm, new_upm)
    ps_old, ps_new = family.replace(" ", ""), new.replace(" ", "")
    for rec in name.names:
        try:
            text = rec.toUnicode()
        except UnicodeDecodeError:
            continue
        if rec.nameID in FAMILY_NAMES and family in text:
            rec.string = text.replace(family, new)
        elif rec.nameID in PS_NAMES and ps_old in text:
            rec.string = text.replace(ps_old, ps_new)
        elif rec.nameID == 5:       # the version says what was changed (OFL: mark modifications)
            rec.string = f"{text}; unitsPerEm {upm} -> {new_upm} by typeset (glyphs unchanged)"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [n.replace(ps_old, ps_new) for n in cff.fontNames]
        top = cff.topDictIndex[0]
        for key in ("FullName", "FamilyName"):
            if getattr(top, key, None):
                setattr(top, key, getattr(top, key).replace(family, new))


@lru_cache(maxsize=16)
def _derived(file: str, scale: float) -> tuple[str, bytes]:
    return derive(file, scale)


def place_font(folder: Path, name: str, data: bytes) -> bool:
    """Write a derived font file only when its bytes changed (mtimes kept for latexmk)."""
    path = folder / name
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True
