"""The parts of a .docx python-docx has no API for, read from their XML: numbering definitions,
footnotes/endnotes, outline levels, Word's citation sources (customXml) and OMML detection.
Everything else goes through python-docx.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
BIB = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"


def val(el, tag: str, default: str | None = None) -> str | None:
    """w:val of the child `tag` of el (e.g. 'w:numFmt'), or default."""
    if el is None:
        return default
    child = el.find(qn(tag))
    if child is None:
        return default
    return child.get(qn("w:val"), default)


# ---- numbering ------------------------------------------------------------

@dataclass
class Level:
    fmt: str = "decimal"        # decimal | bullet | thaiNumbers | thaiLetters | lowerLetter | …
    text: str = "%1."           # lvlText: "%1.%2", "บทที่ %1", "•"
    start: int = 1
    style: str = ""             # pStyle id this level is tied to (heading numbering)


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)   # numId -> ilvl -> Level
    abstract: dict[str, str] = field(default_factory=dict)              # numId -> abstractNumId
    counters: dict[str, list[int]] = field(default_factory=dict)        # abstractNumId -> counts

    def level(self, num_id: str, ilvl: int) -> Level | None:
        return self.levels.get(num_id, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter and return Word's label ("1.2", "บทที่ ๓", "•")."""
        lv = self.level(num_id, ilvl)
        if lv is None:
            return ""
        key = self.abstract.get(num_id, num_id)
        counts = self.counters.setdefault(key, [0] * 9)
        levels = self.levels[num_id]
        if counts[ilvl] == 0:
            counts[ilvl] = lv.start - 1
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if lv.fmt == "bullet":
            return "•"

        def one(m):
            k = int(m.group(1)) - 1
            n = counts[k] or (levels.get(k, Level()).start if k in levels else 1)
            return format_count(n, (levels.get(k) or lv).fmt)
        return re.sub(r"%(\d)", one, lv.text).strip()


THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def format_count(n: int, fmt: str) -> str:
    if fmt in ("thaiNumbers", "thaiCounting"):
        return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    if fmt == "thaiLetters":
        return THAI_LETTERS[(n - 1) % len(THAI_LETTERS)]
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(96 + (n - 1) % 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def read_numbering(document) -> Numbering:
    out = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return out
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in an.findall(qn("w:lvl")):
            ilvl = _int(lvl.get(qn("w:ilvl")), 0)
            levels[ilvl] = Level(val(lvl, "w:numFmt", "decimal"), val(lvl, "w:lvlText", "") or "",
                                 _int(val(lvl, "w:start"), 1), val(lvl, "w:pStyle", "") or "")
        abstract[an.get(qn("w:abstractNumId"))] = levels
    for num in root.findall(qn("w:num")):
        nid, aid = num.get(qn("w:numId")), val(num, "w:abstractNumId")
        levels = {k: Level(**vars(v)) for k, v in abstract.get(aid, {}).items()}
        for ov in num.findall(qn("w:lvlOverride")):
            ilvl = _int(ov.get(qn("w:ilvl")), 0)
            start = val(ov, "w:startOverride")
            if start is not None and ilvl in levels:
                levels[ilvl].start = _int(start, 1)
        out.levels[nid], out.abstract[nid] = levels, aid or nid
    return out


def num_pr(p_el, style) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own numPr, else its style chain's. numId 0 = none."""
    ppr = p_el.pPr
    nid = ilvl = None
    if ppr is not None and ppr.numPr is not None:
        nid, ilvl = val(ppr.numPr, "w:numId"), val(ppr.numPr, "w:ilvl")
    s = style
    while nid is None and s is not None:
        spp = s.element.pPr
        if spp is not None and spp.numPr is not None:
            nid = val(spp.numPr, "w:numId")
            ilvl = ilvl or val(spp.numPr, "w:ilvl")
        s = s.base_style
    if not nid or nid == "0":
        return None
    return nid, min(_int(ilvl, 0), 8)


def outline_level(p_el, style) -> int | None:
    """w:outlineLvl (0 = level 1) of the paragraph or its style chain; 9 means body text."""
    ppr = p_el.pPr
    v = val(ppr, "w:outlineLvl") if ppr is not None else None
    s = style
    while v is None and s is not None:
        v = val(s.element.pPr, "w:outlineLvl")
        s = s.base_style
    level = _int(v, 9)
    return None if level >= 9 or level < 0 else level


def _int(v, default: int) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


# ---- footnotes ------------------------------------------------------------

def read_notes(document) -> dict[str, tuple[list, object]]:
    """('footnote'|'endnote', id) -> (paragraph elements, the part for relationship lookups)."""
    out = {}
    for kind, rel in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        try:
            part = document.part.part_related_by(rel)
        except KeyError:
            continue
        root = parse_xml(part.blob)
        for note in root.findall(qn(f"w:{kind}")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            out[(kind, note.get(qn("w:id")))] = (note.findall(qn("w:p")), part)
    return out


# ---- citation sources (customXml) -----------------------------------------

BIB_TYPES = {"Book": "book", "BookSection": "incollection", "JournalArticle": "article",
             "ArticleInAPeriodical": "article", "ConferenceProceedings": "inproceedings",
             "Report": "report", "InternetSite": "online", "DocumentFromInternetSite": "online",
             "Misc": "misc", "ElectronicSource": "misc", "Patent": "patent", "Case": "misc",
             "Film": "misc", "Interview": "misc", "Performance": "misc", "SoundRecording": "misc",
             "Art": "misc"}
BIB_FIELDS = {"Title": "title", "Year": "year", "Publisher": "publisher", "City": "location",
              "JournalName": "journal", "Volume": "volume", "Issue": "number", "Pages": "pages",
              "URL": "url", "BookTitle": "booktitle", "ConferenceName": "booktitle",
              "Edition": "edition", "Institution": "institution", "DOI": "doi",
              "PeriodicalTitle": "journal", "InternetSiteTitle": "journal"}


def read_sources(document) -> list[dict]:
    """Word's own citation sources: [{'tag', 'type', 'author', 'title', …}] (may be empty)."""
    out = []
    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith("/customXml/") or b"bibliography" not in part.blob[:2000]:
            continue
        try:
            root = parse_xml(part.blob)
        except Exception:   # a damaged customXml item is skipped, the rest still imports
            continue
        for src in root.iter(f"{{{BIB}}}Source"):
            entry = {"tag": _bib_text(src, "Tag"),
                     "type": BIB_TYPES.get(_bib_text(src, "SourceType"), "misc")}
            for xml_name, name in BIB_FIELDS.items():
                v = _bib_text(src, xml_name)
                if v and name not in entry:
                    entry[name] = v
            people = []
            for person in src.iter(f"{{{BIB}}}Person"):
                last, first = _bib_text(person, "Last"), _bib_text(person, "First")
                people.append(f"{last}, {first}" if first else last)
            corporate = next((c.text for c in src.iter(f"{{{BIB}}}Corporate") if c.text), "")
            if people or corporate:
                entry["author"] = " and ".join(people) if people else "{" + corporate + "}"
            if entry["tag"]:
                out.append(entry)
    return out


def _bib_text(el, name: str) -> str:
    child = el.find(f"{{{BIB}}}{name}")
    return (child.text or "").strip() if child is not None else ""


# ---- math ----------------------------------------------------------------

OMATH = (f"{{{M}}}oMath", f"{{{M}}}oMathPara")


def math_text(el) -> str:
    """The characters of an OMML equation (m:t), for the report."""
    return "".join(t.text or "" for t in el.iter(f"{{{M}}}t"))


# ---- w:sym ---------------------------------------------------------------------------------

# The Symbol font's code points (Adobe Symbol encoding) that theses use: Greek letters, math
# operators, bullets. Word stores them as F0xx private-use codes in w:sym.
_GREEK = dict(zip("abgdezhqiklmnxoprstufcywGDQLXPSFYW", "αβγδεζηθικλμνξοπρστυφχψωΓΔΘΛΞΠΣΦΨΩ"))
SYMBOL = {**{ord(k): v for k, v in _GREEK.items()},
          0xA3: "≤", 0xA5: "∞", 0xAE: "→", 0xAC: "←", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×",
          0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xCE: "∈",
          0xC7: "∩", 0xC8: "∪", 0xD6: "√", 0xE5: "∑", 0xF2: "∫", 0xD0: "∇", 0xC6: "∅", 0xDE: "⇒"}
# Wingdings and friends: only their bullets and check marks have a meaning worth keeping
DINGBATS = {0xA7: "▪", 0xA8: "□", 0xD8: "➢", 0xFC: "✓", 0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖"}


def symbol_char(font: str, code: int) -> str | None:
    """The Unicode character of a w:sym (font name, hex code), or None when unknown."""
    low = code - 0xF000 if code >= 0xF000 else code
    if font.lower() == "symbol":
        if low in SYMBOL:
            return SYMBOL[low]
        return chr(low) if 0x20 <= low < 0x7F else None
    if font.lower().startswith("wingdings"):
        return DINGBATS.get(low)
    return chr(low) if 0x20 <= low < 0x7F or code < 0xF000 else None
