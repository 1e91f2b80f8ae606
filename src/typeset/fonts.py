"""The Thai font: found, checked, and handed to latex/base/fonts.tex.j2.

The renderer calls `font_context(settings)` and adds the returned mapping to the Jinja
globals; fonts.tex.j2 reads `font.*` (file names and folder, loaded by path) and `pdfa`.

- "Sarabun" (the default) comes from the fontpkg-sarabun package, loaded by path: no
  system installation needed.
- Any other `settings.font.family` ("TH Sarabun New", "Laksaman", ...) is looked up with
  fontconfig (fc-list); it must cover Thai (`fc-list :lang=th`), otherwise the error lists
  the Thai fonts that are installed.
- Thai point sizes follow the Thai convention: "16 pt" is TH Sarabun New at 16 pt, whose Thai
  letters are drawn about 0.7 of the size of fonts whose Thai is matched to Latin (Sarabun from
  Google/Cadson Demak, the TLWG fonts). `font.scale: auto` measures the height of ก (fontTools)
  and scales a Latin-matched font down to the traditional size; a traditional TH font stays 1.0.
- Thai marks (vowels above and below, tone marks) are placed by the font's OpenType tables;
  a font without an OpenType layout for the Thai script (fontconfig capability
  "otlayout:thai") would stack them badly, so that is reported as a warning.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from typeset.errors import UserError

DEFAULT = "Sarabun"
# Height of ก in em in the traditional Thai fonts (TH Sarabun New, TH SarabunPSK): what a Thai
# graduate school's "16 pt" was measured with. Sarabun's ก is 0.586 em, the TLWG fonts' ~0.6.
TRADITIONAL_KO_HEIGHT = 0.41
# fonts within 10% of the traditional height (or smaller) are used as they are: never enlarged
KEEP_WITHIN = 0.9
# fontconfig weights and slants: regular 80, bold 200; roman 0, italic 100, oblique 110
REGULAR, BOLD = 80, 200
# characters a font path may hold and still be written into \setmainfont[Path=...]
SAFE_PATH = re.compile(r"^[\w./ +@-]+$")


@dataclass
class Font:
    family: str
    path: Path                       # folder holding the files
    regular: str                     # file names inside `path`
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None
    warnings: list[str] = field(default_factory=list)


def _fc(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise UserError(f"{args[0]} not found: install fontconfig (`apt-get install fontconfig`)") from None
    except subprocess.CalledProcessError as e:
        raise UserError(f"{' '.join(args[:2])} failed: {e.stderr.strip()[:200]}") from None


@lru_cache(maxsize=1)
def _thai_faces() -> tuple[tuple[str, ...], ...]:
    """(families, weight, slant, file, capability) for every installed face covering Thai."""
    out = _fc(["fc-list", ":lang=th", "--format", "%{family}\t%{weight}\t%{slant}\t%{file}\t%{capability}\n"])
    faces = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 5:
            faces.append(tuple(parts))
    return tuple(faces)


def thai_families() -> list[str]:
    """Installed font families that cover Thai, plus the bundled Sarabun."""
    names = {fams.split(",")[0] for fams, *_ in _thai_faces()}
    return sorted(names | {DEFAULT})


def _num(s: str, default: int) -> int:
    try:
        return int(float(s.strip("[]").split()[0]))
    except (ValueError, IndexError):
        return default


def _sarabun() -> Font:
    try:
        import fontpkg_sarabun
    except ModuleNotFoundError:
        raise UserError("the Sarabun font package is missing: run `.venv/bin/pip install fontpkg-sarabun`") from None
    path = Path(fontpkg_sarabun.ROOT) / "files"
    files = {s: f"Sarabun-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")}
    if not (path / files["Regular"]).is_file():
        raise UserError(f"Sarabun font files not found in {path}: reinstall fontpkg-sarabun")
    font = Font(DEFAULT, path, files["Regular"], files["Bold"], files["Italic"], files["BoldItalic"])
    caps = _fc(["fc-scan", "--format", "%{capability}", str(path / files["Regular"])])
    if "otlayout:thai" not in caps:
        font.warnings.append("Sarabun has no OpenType Thai layout: Thai marks may be misplaced")
    return font


@lru_cache(maxsize=16)
def ko_height(file: str) -> float:
    """Height of ก (U+0E01) in em, from the font's outlines; UserError if the font has none."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont, TTLibError
    try:
        font = TTFont(file, fontNumber=0, lazy=True)
        glyph = font.getBestCmap().get(0x0E01)
        if glyph is None:
            raise UserError(f"font file {file} has no glyph for ก: it cannot set Thai")
        glyphs = font.getGlyphSet()
        pen = BoundsPen(glyphs)
        glyphs[glyph].draw(pen)
        upm = font["head"].unitsPerEm
    except (OSError, TTLibError, KeyError, AttributeError) as e:
        raise UserError(f"cannot read font file {file}: {e}") from None
    if not pen.bounds or not upm:
        raise UserError(f"font file {file}: ก has no outline")
    return pen.bounds[3] / upm


def thai_scale(file: str, scale="auto") -> float:
    """The fontspec Scale for `font.scale`: a number as given, or (auto) the factor that makes
    the font's ก as tall as in the traditional TH fonts, so that 16 pt means the Thai 16 pt."""
    if scale != "auto":
        return float(scale)
    ratio = TRADITIONAL_KO_HEIGHT / ko_height(file)
    return 1.0 if ratio >= KEEP_WITHIN else round(ratio, 3)


def find_font(family: str) -> Font:
    """The font files of `family` (case-insensitive); UserError listing Thai fonts if absent."""
    family = str(family).strip()
    if family.lower() == DEFAULT.lower():
        return _sarabun()
    faces = [f for f in _thai_faces()
             if family.lower() in (name.strip().lower() for name in f[0].split(","))]
    if not faces:
        installed = _fc(["fc-list", family, "family"]).strip()
        why = "has no Thai glyphs" if installed else "is not installed"
        raise UserError(f"font '{family}' {why}; Thai fonts found: {', '.join(thai_families())}"
                        f" (see fonts/README.md to install TH Sarabun New)")

    def pick(weight: int, italic: bool) -> str | None:
        best = None
        for fams, w, s, file, caps in faces:
            w_, s_ = _num(w, REGULAR), _num(s, 0)
            if (s_ > 0) != italic:
                continue
            score = abs(w_ - weight)
            if best is None or score < best[0]:
                best = (score, file)
        return best[1] if best and best[0] <= 40 else None

    regular = pick(REGULAR, False) or faces[0][3]
    files = [regular, pick(BOLD, False), pick(REGULAR, True), pick(BOLD, True)]
    folder = Path(regular).parent
    # fontspec takes one Path: styles living elsewhere are left to fake bold/slant
    names = [Path(f).name if f and Path(f).parent == folder else None for f in files]
    font = Font(faces[0][0].split(",")[0], folder, *names)
    if not any("otlayout:thai" in caps for *_, caps in faces):
        font.warnings.append(f"font '{family}' has no OpenType Thai layout: vowels and tone marks "
                             f"may overlap; prefer Sarabun or a TLWG font")
    return font


def font_context(settings: dict, meta: dict | None = None) -> dict:
    """Jinja context for latex/base/fonts.tex.j2: {"font": {...}, "pdfa": bool}.

    `settings` are the merged template settings (settings["font"]["family"]); `meta` is
    thesis.yaml (for `pdfa: true`). Values are Markup: they are file names we checked, not
    user text to escape.
    """
    fam = (settings.get("font") or {}).get("family") or DEFAULT
    font = find_font(fam)
    folder = font.path.as_posix()
    for name in [folder] + [f for f in (font.regular, font.bold, font.italic, font.bold_italic) if f]:
        if not SAFE_PATH.match(name):
            raise UserError(f"font path '{name}' has characters TeX cannot take in a file name; "
                            f"install the font under a plain path")

    def m(v):
        return Markup(v) if v else None

    scale = thai_scale(str(font.path / font.regular), (settings.get("font") or {}).get("scale", "auto"))

    return {
        "font": {
            "family": Markup(font.family),
            "path": Markup(folder),
            "regular": m(font.regular),
            "bold": m(font.bold),
            "italic": m(font.italic),
            "bold_italic": m(font.bold_italic),
            "warnings": font.warnings,
            # fontspec Scale= (None: as the font is drawn); the nominal size stays font.size
            "scale": None if scale == 1.0 else Markup(f"{scale:g}"),
        },
        "pdfa": bool((meta or {}).get("pdfa")),
    }
