"""LaTeX escaping, in one place. Every piece of user text reaches the .tex through here.

Contexts:
  text     body text: special characters escaped, TeX ligatures defused (the PDF must copy back
           exactly what the student wrote), Thai word-boundary break points inserted
  plain    the same without break points (PDF metadata, bookmarks)
  url      the target of \\href / \\url: percent-encoded, then \\% \\# escaped
  code     monospaced text: spaces kept
PyLaTeX's escape_latex is the base; the table below adds what XeLaTeX with fontspec's
TeX ligatures (Ligatures=TeX) would otherwise change: ' " ` < > ,, and --.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup
from pylatex.utils import _latex_special_chars, escape_latex

from typeset.render.segcache import SegmentCache
from typeset.render.thai import BREAK, Segmenter
from typeset.thai.chars import THAI_BLOCK

THAI = THAI_BLOCK
# ไม้ยมก (ๆ) repeats the word before it and never starts a line: the space before it (or a break
# point) becomes a tie. The tie still prints and extracts as a space.
YAMOK = re.compile(r"(?: +|" + re.escape(BREAK) + r")(?=\u0e46)")
# A tall consonant's upper mark is drawn shifted left (ปี, ฟื้): pdftotext ends a word at that
# mark, so glue between the letters after it (latex/base/justify.tex.j2) would copy out as a
# space. An empty group there stops the letter glue.
TALL_MARK = re.compile(r"([\u0e1b\u0e1d\u0e1f\u0e2c][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+)(?=[\u0e01-\u0e30\u0e32-\u0e46\u0e4f-\u0e5b])")

# Beyond PyLaTeX: characters XeLaTeX's TeX ligature mapping would turn into other characters.
EXTRA = {
    "'": r"\textquotesingle{}",
    '"': r"\textquotedbl{}",
    "`": r"\textasciigrave{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "^": r"\textasciicircum{}",
    "\n": " ",
    "\t": " ",
    "\r": "",
    "\u00ad": "",     # soft hyphen: never print a hyphen inside a word
}
# Control characters (invisible; DEL is an invalid character to TeX and stops the build): dropped,
# form feed / vertical tab / line separators become spaces (TeX's ^^L would end the paragraph).
CONTROLS = {chr(c): "" for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
CONTROLS.update({"\x0b": " ", "\x0c": " ", "\u2028": " ", "\u2029": " "})
TABLE = {**_latex_special_chars, **EXTRA, **CONTROLS}
_CHARS = re.compile("[" + re.escape("".join(TABLE)) + ",]")


def escape_plain(text: str) -> str:
    """Escape without break points. ',,' would become a low quote: keep the commas apart."""
    text = str(text)
    if not _CHARS.search(text):
        return text
    out = "".join(TABLE.get(c, c) for c in text)
    return out.replace(",,", ",{},").replace(",,", ",{},")


assert escape_latex("&") == r"\&"  # PyLaTeX is the base table; fail loudly if it changes shape


def escape_url(url: str) -> str:
    url = quote(str(url), safe=":/?#[]@!$&'()*+,;=%~-._")
    return url.replace("\\", "").replace("%", r"\%").replace("#", r"\#")


def escape_code(text: str) -> str:
    return escape_plain(text).replace(" ", r"\ ")


# XeTeX fails on one unbroken run of ~1000 characters ("This can't happen (flushing)", or a
# segfault): a long run without spaces or Thai (a pasted hash, a URL, a row of dots) gets a
# break point every 100 characters. Thai runs are cut by the segmenter at word boundaries.
LONG_RUN = re.compile(r"[^\s\u0e00-\u0e7f]{200,}")
CUT = r"\allowbreak{}"


class Escaper:
    """Body-text escaping with Thai break points; one per document (it holds the segmenter)."""

    def __init__(self, words=(), document=(), cache_file=None):
        """cache_file: where segmentation results are kept between builds (None: not kept)."""
        self.cache = SegmentCache(cache_file) if cache_file else None
        self.segmenter = Segmenter(words, document=document, cache=self.cache)
        self._cache: dict[str, str] = {}

    def save_cache(self) -> None:
        if self.cache is not None:
            self.cache.save()

    def text(self, text: str) -> str:
        text = str(text)
        if LONG_RUN.search(text):
            return self._long_runs(text)
        if not THAI.search(text):
            return escape_plain(text)
        hit = self._cache.get(text)
        if hit is None:
            hit = BREAK.join(escape_plain(chunk) for chunk in self.segmenter.split(text))
            if "\u0e46" in hit:
                hit = YAMOK.sub(lambda m: "~" if m.group().startswith(" ") else "", hit)
            hit = TALL_MARK.sub(r"\1{}", hit)
            self._cache[text] = hit
        return hit

    def _long_runs(self, text: str) -> str:
        out, pos = [], 0
        for m in LONG_RUN.finditer(text):
            out.append(self.text(text[pos:m.start()]))
            run = m.group()
            out.append(CUT.join(escape_plain(run[i:i + 100]) for i in range(0, len(run), 100)))
            pos = m.end()
        out.append(self.text(text[pos:]))
        return "".join(out)

    def finalize(self, value):
        """Jinja finalize: Markup passes through, every other str is escaped, None prints nothing."""
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        if isinstance(value, str):
            return Markup(self.text(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Markup(str(value))
        return Markup(self.text(str(value)))
