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
  and derives a copy of a Latin-matched font built the way TH Sarabun New is: the same outlines
  in a larger em (`derive`), loaded at the nominal size, so the PDF says 16 pt as a Word PDF
  does. The copies are written into the build's tex folder (`fonts/`); a traditional TH font
  (scale 1.0) and `font.scale: 1` use the installed files as they are.
- Thai marks (vowels above and below, tone marks) are placed by the font's OpenType tables;
  a font without an OpenType layout for the Thai script (fontconfig capability
  "otlayout:thai") would stack them badly, so that is reported as a warning.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from typeset.errors import UserError
from typeset.fsutil import CACHE_DIR, install_stamp
from typeset.memo import Memo
from typeset import fontderive, tools
from typeset.fontderive import (  # noqa: F401 (derive, place_font: the font API)
    _derived, derive, derived_upm, place_font, units_per_em)

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
# derived fonts live in this folder of the tex folder (loaded by relative path: the tex folder
# compiles wherever it is moved)
DERIVED_DIR = "fonts"
# facts about font files kept between builds, beside the tex folder (OUT/.typeset-cache)
FACTS = Path(CACHE_DIR) / "fonts.json"


class Facts:
    """What reading a font file told us (ko height, units per em, fc-scan's capabilities, the
    derived copy's name and hash), kept in a JSON file between builds.

    A cached rebuild then neither imports fontTools nor derives the fonts again: a fact is
    keyed by the file's path, size and mtime, and the whole file by this module's source and
    the installed fontTools, so a changed font or a changed derivation is read again. A
    missing or corrupt file is an empty memo; without a path nothing is kept.
    """

    def __init__(self, path: Path | None = None):
        self.memo = Memo(path, _facts_salt())
        self.path, self.data = self.memo.path, self.memo.data

    @staticmethod
    def key(kind: str, file: str, *extra) -> str | None:
        """The memo key of a fact about `file` (None when the file cannot be read)."""
        try:
            st = os.stat(file)
        except OSError:
            return None
        return json.dumps([kind, str(file), st.st_size, st.st_mtime_ns, *extra])

    def get(self, kind: str, file: str, compute, *extra):
        key = self.key(kind, file, *extra)
        if key is None:
            return compute()          # the computation reports the missing file
        if key not in self.data:
            self.data[key] = compute()
            self.memo.dirty = True
        return self.data[key]

    def save(self) -> None:
        self.memo.save(sort_keys=True)


@lru_cache(maxsize=1)
def _facts_salt() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(Path(fontderive.__file__).read_bytes())
    h.update(install_stamp("fontTools").encode())
    return h.hexdigest()[:16]


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
    return tools.run(args, "fontconfig")


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


def _sarabun(facts: Facts | None = None) -> Font:
    try:
        import fontpkg_sarabun
    except ModuleNotFoundError:
        raise UserError("the Sarabun font package is missing: run `.venv/bin/pip install fontpkg-sarabun`") from None
    path = Path(fontpkg_sarabun.ROOT) / "files"
    files = {s: f"Sarabun-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")}
    if not (path / files["Regular"]).is_file():
        raise UserError(f"Sarabun font files not found in {path}: reinstall fontpkg-sarabun")
    font = Font(DEFAULT, path, files["Regular"], files["Bold"], files["Italic"], files["BoldItalic"])
    regular = str(path / files["Regular"])
    scan = lambda: _fc(["fc-scan", "--format", "%{capability}", regular])  # noqa: E731
    caps = facts.get("caps", regular, scan) if facts else scan()
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


def thai_scale(file: str, scale="auto", facts: Facts | None = None) -> float:
    """How large to draw the font (`font.scale`): a number as given, or (auto) the factor that
    makes the font's ก as tall as in the traditional TH fonts, so 16 pt means the Thai 16 pt."""
    if scale != "auto":
        return float(scale)
    height = facts.get("ko", file, lambda: ko_height(file)) if facts else ko_height(file)
    ratio = TRADITIONAL_KO_HEIGHT / height
    return 1.0 if ratio >= KEEP_WITHIN else round(ratio, 3)


def _place_derived(folder: Path, file: str, scale: float, facts: Facts | None) -> str:
    """Derive `file` at `scale` into `folder` unless the copy there is already the one this
    source and scale give (its hash, from the memo): then fontTools is not even loaded."""
    key = facts.key("derived", file, scale) if facts is not None else None
    if key is not None:
        known = facts.data.get(key)
        if isinstance(known, list) and len(known) == 2:
            name, digest = known
            try:
                if hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest:
                    return name
            except OSError:
                pass
    name, data = _derived(file, scale)
    place_font(folder, name, data)
    if key is not None:
        facts.data[key] = [name, hashlib.sha256(data).hexdigest()]
        facts.memo.dirty = True
    return name


def _cache_dir() -> Path:
    """Where derived fonts go when no tex folder is given (tests, tools that write their own)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "typeset" / DERIVED_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / f"typeset-{os.getuid()}" / DERIVED_DIR


def find_font(family: str, facts: Facts | None = None) -> Font:
    """The font files of `family` (case-insensitive); UserError listing Thai fonts if absent."""
    family = str(family).strip()
    if family.lower() == DEFAULT.lower():
        return _sarabun(facts)
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


def font_context(settings: dict, meta: dict | None = None, tex_dir: Path | str | None = None) -> dict:
    """Jinja context for latex/base/fonts.tex.j2: {"font": {...}, "pdfa": bool}.

    `settings` are the merged template settings (settings["font"]["family"]); `meta` is
    thesis.yaml (for `pdfa: true`). When the font is scaled (`font.scale`), the derived files are
    written into `tex_dir`/fonts (loaded by the relative path "fonts"), or without a tex folder
    into a cache folder (absolute path). Values are Markup: they are file names we checked, not
    user text to escape.
    """
    fam = (settings.get("font") or {}).get("family") or DEFAULT
    facts = Facts(Path(tex_dir).parent / FACTS) if tex_dir is not None else None
    font = find_font(fam, facts)
    source = font.path / font.regular
    scale = thai_scale(str(source), (settings.get("font") or {}).get("scale", "auto"), facts)
    files = [font.regular, font.bold, font.italic, font.bold_italic]
    folder = font.path.as_posix()
    if scale != 1.0:
        src = str(source)
        upm = facts.get("upm", src, lambda: units_per_em(src)) if facts else units_per_em(src)
        new_upm = derived_upm(upm, scale)
        scale = upm / new_upm            # what the em change draws (1000/1429 = 0.6998)
        dest = Path(tex_dir) / DERIVED_DIR if tex_dir is not None else _cache_dir()
        files = [_place_derived(dest, str(font.path / f), scale, facts) if f else None for f in files]
        folder = DERIVED_DIR if tex_dir is not None else dest.as_posix()
    if facts is not None:
        facts.save()
    for name in [folder] + [f for f in files if f]:
        if not SAFE_PATH.match(name):
            raise UserError(f"font path '{name}' has characters TeX cannot take in a file name; "
                            f"install the font under a plain path")

    def m(v):
        return Markup(v) if v else None

    regular, bold, italic, bold_italic = files
    return {
        "font": {
            "family": Markup(font.family),
            "path": Markup(folder),
            "regular": m(regular),
            "bold": m(bold),
            "italic": m(italic),
            "bold_italic": m(bold_italic),
            "warnings": font.warnings,
            # how large the files draw Thai against the installed font (already in the files,
            # never a fontspec Scale): for measuring text, with `source`, the installed file
            "scale": None if scale == 1.0 else Markup(f"{scale:.6g}"),
            "source": Markup(source.as_posix()),
        },
        "pdfa": bool((meta or {}).get("pdfa")),
    }
