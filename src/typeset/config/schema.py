"""The type of every template setting (defaults.yaml holds the values, this file the rules).

Settings reach LaTeX code (lengths, names of styles), so each value is checked to be exactly
what its key allows: a length is a TeX length, a choice is one of its words, text is text.
"""
from __future__ import annotations

import re

LENGTH_RE = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(pt|pc|in|bp|cm|mm|dd|cc|sp|em|ex)$")
# size of one unit in TeX points
UNIT_PT = {"pt": 1.0, "pc": 12.0, "in": 72.27, "bp": 72.27 / 72, "cm": 72.27 / 2.54,
           "mm": 72.27 / 25.4, "dd": 1238 / 1157, "cc": 12 * 1238 / 1157, "sp": 1 / 65536}


class Invalid(ValueError):
    """A value of the wrong type; the message says what was expected."""


def _show(value) -> str:
    return repr(value) if not isinstance(value, str) else f"'{value}'"


def length_pt(text: str) -> float:
    """'1.5in' -> 108.405 (TeX points). em/ex depend on the font and are refused here."""
    m = LENGTH_RE.match(text.strip())
    if not m or m.group(2) not in UNIT_PT:
        raise Invalid(f"{_show(text)} is not an absolute TeX length")
    return float(m.group(1)) * UNIT_PT[m.group(2)]


class Length:
    def __init__(self, absolute: bool = True, min_pt: float = 0.0, max_pt: float = 400.0):
        self.absolute, self.min_pt, self.max_pt = absolute, min_pt, max_pt

    @property
    def expected(self) -> str:
        return "a TeX length such as 1in, 2.5cm, 12pt" + ("" if self.absolute else " or 1em")

    def check(self, v):
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        if isinstance(v, (int, float)):
            if v == 0:
                return "0pt"
            raise Invalid(f"a TeX length needs a unit: write {v}in, {v}cm or {v}pt, not {v}")
        text = v.strip()
        m = LENGTH_RE.match(text)
        if not m:
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        if m.group(2) in ("em", "ex"):
            if self.absolute:
                raise Invalid(f"expected an absolute length (in, cm, mm, pt), got {_show(v)}")
            return f"{m.group(1)}{m.group(2)}"
        pt = length_pt(text)
        if not self.min_pt <= pt <= self.max_pt:
            raise Invalid(f"{_show(v)} is out of range ({self.min_pt:g}pt to {self.max_pt:g}pt)")
        return f"{m.group(1)}{m.group(2)}"


class Choice:
    def __init__(self, *words: str):
        self.words = words
        self.expected = "one of " + ", ".join(words)

    def check(self, v):
        if not isinstance(v, str) or v not in self.words:
            import difflib
            near = difflib.get_close_matches(str(v), self.words, n=1, cutoff=0.6)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise Invalid(f"expected {self.expected}, got {_show(v)}{hint}")
        return v


class Text:
    """Free text typeset in the document (escaped for LaTeX by the templates)."""

    def __init__(self, max_len: int = 200, one_line: bool = True):
        self.max_len, self.one_line = max_len, one_line
        self.expected = "text"

    def check(self, v):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            raise Invalid(f"expected text, got {_show(v)}")
        if len(v) > self.max_len or (self.one_line and "\n" in v):
            raise Invalid(f"expected one line of text (at most {self.max_len} characters)")
        return v


class Label(Text):
    """Text with at most one {n} (the number), e.g. "บทที่ {n}"."""

    def check(self, v):
        v = super().check(v)
        if v.count("{n}") > 1 or v.replace("{n}", "").count("{") or v.replace("{n}", "").count("}"):
            raise Invalid(f"expected text with at most one {{n}} for the number, got {_show(v)}")
        return v


class Name:
    """A name that ends up inside LaTeX code (a font family, a biblatex style): a safe charset only."""

    def __init__(self, pattern: str, expected: str, nullable: bool = False):
        self.re = re.compile(pattern)
        self.expected = expected + (" or null" if nullable else "")
        self.nullable = nullable

    def check(self, v):
        if v is None and self.nullable:
            return None
        if not isinstance(v, str) or not self.re.fullmatch(v):
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        return v


class Bool:
    expected = "true or false"

    def check(self, v):
        if not isinstance(v, bool):
            raise Invalid(f"expected true or false, got {_show(v)}")
        return v


class Number:
    def __init__(self, lo: float, hi: float, integer: bool = False):
        self.lo, self.hi, self.integer = lo, hi, integer
        self.expected = f"{'a whole number' if integer else 'a number'} from {lo:g} to {hi:g}"

    def check(self, v):
        ok = isinstance(v, int) if self.integer else isinstance(v, (int, float))
        if isinstance(v, bool) or not ok or not self.lo <= v <= self.hi:
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        return v


class AutoOr(Number):
    """`auto` or a number (font.scale)."""

    def __init__(self, lo: float, hi: float):
        super().__init__(lo, hi)
        self.expected = f"auto or {self.expected}"

    def check(self, v):
        if v == "auto":
            return v
        try:
            return super().check(v)
        except Invalid:
            raise Invalid(f"expected {self.expected}, got {_show(v)}") from None


class ChoiceList:
    def __init__(self, *words: str):
        self.words = words
        self.expected = "a list of: " + ", ".join(words)

    def check(self, v):
        if not isinstance(v, list):
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        for item in v:
            if item not in self.words:
                import difflib
                near = difflib.get_close_matches(str(item), self.words, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                raise Invalid(f"unknown entry {_show(item)}{hint}; expected {self.expected}")
        if len(set(v)) != len(v):
            raise Invalid("an entry is listed twice")
        return v


FONT_NAME = Name(r"[A-Za-z0-9][A-Za-z0-9 ._+-]{0,60}", "a font family name (letters, digits, spaces, - _ .)")
POSITION = Choice("top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right", "none")
ALIGN = Choice("center", "left", "right")
FRONTMATTER_PAGES = ("cover", "title_th", "title_en", "approval", "abstract_th", "abstract_en",
                     "preface", "acknowledgements", "toc", "lot", "lof", "abbreviations")
# front-matter parts written by the student (frontmatter/*.md) that a template can require
REQUIRABLE = ("abstract_th", "abstract_en", "acknowledgements")
FONT_SIZE = Length(min_pt=6, max_pt=72)
SPACE = Length(max_pt=200)


PAPER_PT = {"a4": (595.0 * 72.27 / 72, 842.0 * 72.27 / 72), "a5": (420 * 72.27 / 72, 595 * 72.27 / 72),
            "b5": (499 * 72.27 / 72, 709 * 72.27 / 72), "letter": (8.5 * 72.27, 11 * 72.27)}


def layout_problems(s: dict) -> list[tuple[str, str]]:
    """(dotted key, message) for settings that are valid one by one but not together."""
    out = []
    m, pn = s["margins"], s["page_numbers"]
    w, h = PAPER_PT[s["paper"]]
    if length_pt(m["left"]) + length_pt(m["right"]) + length_pt(m["binding"]) > w - 144:
        out.append(("margins.left", "left + right margins + binding leave less than 2in of text width"))
    if length_pt(m["top"]) + length_pt(m["bottom"]) > h - 144:
        out.append(("margins.top", "top + bottom margins leave less than 2in of text height"))
    tops = [k for k in ("frontmatter", "body", "chapter_first_page", "frontmatter_first_page")
            if pn[k].startswith("top")]
    if tops and length_pt(pn["top_distance"]) >= length_pt(m["top"]):
        out.append(("page_numbers.top_distance", f"page numbers at the top must sit inside the top margin: "
                    f"top_distance {pn['top_distance']} is not less than margins.top {m['top']}"))
    bottoms = [k for k in ("frontmatter", "body", "chapter_first_page", "frontmatter_first_page")
               if pn[k].startswith("bottom")]
    if bottoms and length_pt(pn["bottom_distance"]) >= length_pt(m["bottom"]):
        out.append(("page_numbers.bottom_distance", f"page numbers at the bottom must sit inside the bottom "
                    f"margin: bottom_distance {pn['bottom_distance']} is not less than margins.bottom {m['bottom']}"))
    return out


def _heading(with_newpage: bool = False) -> dict:
    h = {"align": ALIGN, "bold": Bool(), "space_before": SPACE, "space_after": SPACE}
    if with_newpage:
        h.update(label=Label(), newpage=Bool())
    else:
        h["indent"] = Length(max_pt=200)
    return h


SCHEMA: dict = {
    "paper": Choice("a4", "a5", "b5", "letter"),
    "margins": {k: Length(min_pt=0 if k == "binding" else 7, max_pt=300)
                for k in ("top", "bottom", "left", "right", "binding")},
    "font": {
        "family": FONT_NAME,
        "latin": Name(FONT_NAME.re.pattern, "a font family name", nullable=True),
        "math": Name(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}\.otf",
                     "an OpenType math font file from TeX Live, such as latinmodern-math.otf"),
        "scale": AutoOr(0.3, 2.0),
        "size": FONT_SIZE,
        "heading_size": {k: FONT_SIZE for k in ("chapter", "section", "subsection", "paragraph")},
        "caption_size": FONT_SIZE,
        "footnote_size": FONT_SIZE,
    },
    "line_spacing": Number(0.8, 3.0),
    "paragraph": {"indent": Length(absolute=False, max_pt=200), "skip": SPACE,
                  "justify": Choice("thai", "thai-distributed", "left")},
    "headings": {
        "chapter": _heading(with_newpage=True),
        "section": {**_heading(), "numbered": Bool()},
        "subsection": _heading(),
        "paragraph": _heading(),
        "appendix": {"label": Label()},
    },
    "numbers": {
        "chapter": Choice("arabic", "thai"),
        "frontmatter_pages": Choice("thai_letters", "thai", "roman", "arabic"),
        "body_pages": Choice("arabic", "thai"),
        "appendix": Choice("thai_letters", "thai", "arabic"),
    },
    "page_numbers": {
        "frontmatter": POSITION,
        "body": POSITION,
        "chapter_first_page": POSITION,
        "frontmatter_first_page": POSITION,
        "top_distance": Length(min_pt=7, max_pt=300),
        "bottom_distance": Length(min_pt=7, max_pt=300),
    },
    "frontmatter": {"order": ChoiceList(*FRONTMATTER_PAGES),
                    "required": ChoiceList(*REQUIRABLE)},
    "toc": {
        "title": Text(), "lof_title": Text(), "lot_title": Text(), "page_word": Text(),
        "leaders": Choice("dots", "none"),
        "chapter_label": Label(),
        "depth": Number(0, 3, integer=True),
        "bold_chapters": Bool(),
    },
    "captions": {"figure": Text(), "table": Text(), "separator": Text(max_len=10), "bold_label": Bool(),
                 "continued": Text(max_len=40)},
    "bibliography": {"title": Text(),
                     "style": Name(r"[a-z][a-z0-9-]{0,40}", "a biblatex style name such as apa or numeric"),
                     "order": Choice("thai-first", "english-first", "mixed")},
    "crossref": {"section": Label(), "equation": Label()},
    "abbreviations": {"title": Text(), "symbols_heading": Text(), "abbreviations_heading": Text(),
                      "term_width": Length(max_pt=300)},
    "cover": {"logo_height": Length(min_pt=7, max_pt=400)},
    "appendix": {"title": Text()},
    "biography": {"title": Text()},
}


def leaf_paths(schema: dict = SCHEMA, prefix: str = "") -> list[str]:
    out = []
    for k, v in schema.items():
        if isinstance(v, dict):
            out += leaf_paths(v, f"{prefix}{k}.")
        else:
            out.append(prefix + k)
    return out


def all_paths(schema: dict = SCHEMA, prefix: str = "") -> list[str]:
    out = []
    for k, v in schema.items():
        out.append(prefix + k)
        if isinstance(v, dict):
            out += all_paths(v, f"{prefix}{k}.")
    return out
