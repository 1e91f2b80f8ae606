"""Effective run formatting: direct formatting, then the character style chain, then the
paragraph style chain, then the document defaults. Thai text takes Word's complex-script
properties (w:bCs, w:iCs, w:szCs), which is what Word shows for it.
"""
from __future__ import annotations

from docx.oxml.ns import qn

_OFF = {"0", "false", "off", "none"}


def _flag(rpr, name: str) -> bool | None:
    if rpr is None:
        return None
    el = rpr.find(qn(f"w:{name}"))
    if el is None:
        return None
    v = el.get(qn("w:val"))
    if name == "u":
        return v not in _OFF if v is not None else True
    return v is None or v.lower() not in _OFF


def _size(rpr, thai: bool) -> float | None:
    if rpr is None:
        return None
    for name in (("szCs", "sz") if thai else ("sz",)):
        el = rpr.find(qn(f"w:{name}"))
        if el is not None and el.get(qn("w:val"), "").isdigit():
            return int(el.get(qn("w:val"))) / 2
    return None


class Styles:
    def __init__(self, document):
        self.doc = document
        self._cache: dict = {}
        self._styles: dict = {}
        root = document.styles.element
        dflt = root.find(qn("w:docDefaults"))
        rpr_default = dflt.find(qn("w:rPrDefault")) if dflt is not None else None
        self.default_rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None

    def _chain(self, style):
        while style is not None:
            yield style.element.rPr
            style = style.base_style

    def _style_value(self, style, key, get):
        ck = (id(style), key)
        if ck not in self._cache:
            found = None
            for rpr in self._chain(style):
                found = get(rpr)
                if found is not None:
                    break
            self._cache[ck] = found
        return self._cache[ck]

    def style(self, style_id: str | None, kind: str = "paragraph"):
        """A style by id (python-docx looks it up again on every call; this is once per id)."""
        key = (kind, style_id)
        if key not in self._styles:
            from docx.enum.style import WD_STYLE_TYPE

            wtype = WD_STYLE_TYPE.PARAGRAPH if kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
            found = None
            if style_id:
                for st in self.doc.styles:
                    if st.style_id == style_id and st.type == wtype:
                        found = st
                        break
            self._styles[key] = found if found is not None else (
                self.doc.styles.default(wtype) if kind == "paragraph" else None)
        return self._styles[key]

    def paragraph_style(self, p_el):
        ppr = p_el.pPr
        return self.style(ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None)

    def run_flag(self, r, pstyle, name: str) -> bool:
        """Is w:<name> (b, bCs, i, iCs, u, vanish) in effect for run element r?"""
        return bool(self._run_value(r, pstyle, name, lambda x: _flag(x, name)))

    def run_size(self, r, pstyle, thai: bool) -> float | None:
        return self._run_value(r, pstyle, "szCs" if thai else "sz", lambda x: _size(x, thai))

    def _run_value(self, r, pstyle, key: str, read):
        """A run property where Word looks for it: the run, its character style, the paragraph
        style, the document defaults."""
        rpr = r.rPr
        v = read(rpr)
        if v is None and rpr is not None and rpr.rStyle is not None:
            v = self._style_value(self.style(rpr.rStyle.val, "character"), key, read)
        if v is None:
            v = self._style_value(pstyle, key, read)
        if v is None:
            v = read(self.default_rpr)
        return v
