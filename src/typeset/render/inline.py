"""Inline nodes -> LaTeX (markupsafe.Markup). Text goes through the Escaper, nothing else does."""
from __future__ import annotations

import re

from markupsafe import Markup

from typeset.render.bibliography import cite_command
from typeset.render.escape import Escaper, escape_code, escape_url
from typeset.render.math import math_tex
from typeset.source import nodes as n


LINKABLE = re.compile(r"^(https?://|mailto:|ftp://)", re.I)


class Inline:
    def __init__(self, esc: Escaper, cite: bool, thai_keys=frozenset()):
        self.esc = esc
        self.cite = cite   # True when references.bib exists: [@key] -> \parencite
        self.thai = set(thai_keys)   # keys of Thai entries (their page locators print น.)

    def __call__(self, items, notes: bool = True) -> Markup:
        """notes=False drops footnotes and \\cite (TOC entries, bookmarks, running heads)."""
        return Markup("".join(self.one(x, notes) for x in items))

    def one(self, x, notes: bool) -> str:
        if isinstance(x, n.Text):
            return self.esc.text(x.text)
        if isinstance(x, n.Emph):
            return r"\emph{" + self(x.children, notes) + "}"
        if isinstance(x, n.Strong):
            return r"\textbf{" + self(x.children, notes) + "}"
        if isinstance(x, n.Code):
            return r"\texttt{" + escape_code(x.text) + "}"
        if isinstance(x, n.Link):
            if not LINKABLE.match(x.url):
                return self(x.children, notes)   # not a web address: its text only
            url = escape_url(x.url)
            if x.auto or n.plain_text(x.children) == x.url:
                return r"\url{" + url + "}"
            return r"\href{" + url + "}{" + self(x.children, notes) + "}"
        if isinstance(x, n.Math):
            tex = math_tex(x.tex, f"{x.file}:{x.line}", self.esc.text)
            return ("\\[" + tex + "\\]") if x.display else ("\\(" + tex + "\\)")
        if isinstance(x, n.CrossRef):
            # a link to the \label the templates put at the target (not in สารบัญ lines/bookmarks)
            text = self.crossref(x.text)
            return r"\hyperref[" + x.label + "]{" + text + "}" if notes else text
        if isinstance(x, n.LineBreak):
            return r"\newline{}"
        if isinstance(x, n.FootnoteRef):
            return r"\footnote{" + self(x.children, notes) + "}" if notes else ""
        if isinstance(x, n.Citation):
            if not notes and self.cite:
                return ""   # no \parencite in สารบัญ lines and bookmarks (fragile, and unusual)
            if not self.cite:
                return self.esc.text(x.raw)
            return cite_command(x, self.esc, self.thai)
        raise TypeError(f"unknown inline node {type(x).__name__}")

    def crossref(self, text: str) -> str:
        """"ภาพที่ 2.1": never broken between the word and the number."""
        words = text.split(" ")
        return "~".join(self.esc.text(w) for w in words)

