"""Document tree -> LaTeX files through the Jinja2 templates in latex/base (and a template folder).

`render(doc, cfg, only=None) -> dict[name, text]`: "thesis.tex" (main) plus one file per chapter
("ch01.tex" …), front-matter part, appendix and biography. Deterministic: same input, same bytes.
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from typeset.errors import UserError
from typeset.figures import tex_name
from typeset.fsutil import CACHE_DIR
from typeset.render.env import make_env
from typeset.render.escape import Escaper, escape_code, escape_plain
from typeset.render.bibliography import COPY, bib_with_breaks, reference_entries
from typeset.render.inline import Inline
from typeset.render.math import math_tex
from typeset.render import tables
from typeset.source import nodes as n

MAIN = "thesis.tex"
BIB = COPY   # references.bib with Thai break points (render.bibliography), beside the .tex files
CACHE = f"{CACHE_DIR}/thai-segments.json"   # under the output folder, beside tex/
SAFE_PATH = re.compile(r"^[\w./-]+$")
# LaTeX allows 6 nested list environments (tsquote, tsenum: bullets too, so itemize's own limit
# of 4 does not apply); deeper quotes and lists are set at the deepest level's indentation instead.
MAX_NESTING = 6
NESTED = (n.BlockQuote, n.BulletList, n.OrderedList)


def pick(value, lang: str = "th") -> str:
    """A th/en metadata value: a string, or a mapping {th: …, en: …}."""
    if isinstance(value, dict):
        v = value.get(lang)
        if v is None:
            v = value.get("th" if lang == "en" else "en", "")
        return "" if v is None else str(v)
    return "" if value is None else str(value)


class Renderer:
    def __init__(self, doc: n.Document, cfg, tex_dir=None):
        self.doc, self.cfg = doc, cfg
        self.tex_dir = tex_dir                # a derived (rescaled) font is written to tex_dir/fonts
        # break points know the thesis.yaml words and the words this document uses; the
        # segmentation is kept in OUT/.typeset-cache for the next build
        cache = Path(tex_dir).parent / CACHE if tex_dir else None
        self.esc = Escaper(doc.words, document=list(document_texts(doc)), cache_file=cache)
        thai_keys = {e.key for e in doc.bib.entries if e.thai} if doc.bib else set()
        self.inline = Inline(self.esc, cite=bool(doc.bibliography), thai_keys=thai_keys)
        self.env = make_env(cfg.search_path, self.esc.finalize)
        self.env.globals.update(
            block=self.block, blocks=self.blocks, inline=self.inline, src=self.src,
            th=lambda v: pick(v, "th"), en=lambda v: pick(v, "en"), plain=escape_plain_markup,
            kind=lambda b: type(b).__name__.lower(), settings=cfg.settings,
            meta=cfg.meta, doc=doc, table_layout=self.table_layout, caption_label=self.caption_label,
            code=lambda t: Markup(escape_code(t)), keywords=self.keywords,
            appendix_label=self.appendix_label, reference_entries=reference_entries,
            math=self.math, equation_tag=self.equation_tag,
            has_math=_has_math(doc), glossary_term=self.glossary_term,
        )
        self.env.filters.update(trusted=trusted, trusted_path=trusted_path,
                                graphic=lambda p: trusted_path(tex_name(p)))
        self.fonts = self.font_context()
        self.env.globals.update(self.fonts)   # font.*, pdfa for fonts.tex.j2
        self.nesting = 0                      # open list environments (tsenum, tsquote)
        self._measure = None

    # -- helpers exposed to templates -------------------------------------------
    def font_context(self) -> dict:
        from typeset.fonts import font_context

        return font_context(self.cfg.settings, self.cfg.meta, self.tex_dir)

    def src(self, node) -> Markup:
        return Markup(f"% typeset-src: {trusted(node.file)}:{node.line}\n")

    def caption_label(self, what: str, number: str) -> str:
        """"ภาพที่ 2.1": the caption word from the settings and the generated number."""
        return f"{self.cfg.settings['captions'][what]} {number}"

    def math(self, b: n.Equation) -> Markup:
        return Markup(math_tex(b.tex, f"{b.file}:{b.line}", self.esc.text))

    def glossary_term(self, term: str) -> Markup:
        """A symbols:/abbreviations: term; '$\\alpha$' is a formula."""
        if len(term) > 2 and term.startswith("$") and term.endswith("$"):
            where = self.cfg.meta_where(("symbols",))
            return Markup("\\(" + math_tex(term[1:-1], where, self.esc.text) + "\\)")
        return Markup(self.esc.text(term))

    def equation_tag(self, number: str) -> Markup:
        """"(2.1)" beside a labelled equation: the same words as @eq:x prints."""
        from typeset.source.numbering import in_numerals

        s = self.cfg.settings
        number = in_numerals(number, s["numbers"]["chapter"])
        return Markup(self.esc.text(s["crossref"]["equation"].replace("{n}", number)))

    def keywords(self, lang: str) -> str:
        kw = self.cfg.meta.get("keywords") or []
        if isinstance(kw, dict):
            kw = kw.get(lang) or []
        elif lang != "th":
            kw = []
        return ", ".join(str(k) for k in kw) if isinstance(kw, list) else str(kw)

    def appendix_label(self, part: n.Chapter) -> str:
        label = self.cfg.settings["headings"].get("appendix", {}).get("label", "ภาคผนวก {n}")
        return label.replace("{n}", part.number)

    def table_layout(self, t: n.Table) -> tables.Layout:
        if self._measure is None:
            font = self.fonts.get("font", {})
            # the installed file and how large the (derived) font draws it
            file = font.get("source") or Path(str(font.get("path", ""))) / str(font.get("regular") or "Sarabun-Regular.ttf")
            scale = float(font["scale"]) if font.get("scale") else 1.0
            self._measure = tables.Measure(str(file), scale, self.esc.segmenter.split)
        return tables.layout(t, self._measure, self.cfg.settings)

    def block(self, b) -> Markup:
        name = type(b).__name__.lower()
        template = self.env.get_template(f"blocks/{name}.tex.j2")
        if not isinstance(b, NESTED):
            return Markup(template.render(b=b))
        nest = self.nesting < MAX_NESTING
        if nest:
            self.nesting += 1
        try:
            return Markup(template.render(b=b, nest=nest))
        finally:
            if nest:
                self.nesting -= 1

    def blocks(self, items) -> Markup:
        return Markup("".join(self.src(b) + self.block(b) for b in items))

    # -- files ------------------------------------------------------------------
    def part_file(self, part: n.Chapter, template: str, **extra) -> str:
        return self.env.get_template(template).render(part=part, **extra)

    def render(self, only: int | None = None) -> dict[str, str]:
        doc, out = self.doc, {}
        chapters = []
        for ch in doc.chapters:
            # ch03.tex holds chapter 3 whatever else is built, so drafts and full builds agree
            name = f"ch{ch.index:02d}" if doc.kind == "thesis" else "body"
            if only is None or (doc.kind == "thesis" and ch.index == only):
                template = "chapter.tex.j2" if doc.kind == "thesis" else "body.tex.j2"
                out[name + ".tex"] = self.part_file(ch, template, label=self.chapter_label(ch),
                                                    toc_label=self.chapter_label(ch, "toc"))
                chapters.append(Markup(name))
        if only is not None and not chapters:
            known = ", ".join(str(ch.index) for ch in doc.chapters)
            raise UserError(f"--only {only}: no such chapter (chapters: {known})")
        front = {}
        if only is None:
            for key, part in doc.front.items():
                name = "front-" + key.replace("_", "-")
                out[name + ".tex"] = self.part_file(part, "frontpart.tex.j2", key=key)
                front[key] = Markup(name)
        appendices = []
        if only is None:
            for i, app in enumerate(doc.appendices, 1):
                name = f"app{i:02d}"
                out[name + ".tex"] = self.part_file(app, "appendix.tex.j2")
                appendices.append(Markup(name))
            if doc.biography:
                out["biography.tex"] = self.part_file(doc.biography, "biography.tex.j2")
            if doc.references:
                out["references.tex"] = self.part_file(doc.references, "references.tex.j2")

        if doc.bib is not None:   # drafts cite too: biblatex is loaded, only the list is left out
            out[COPY] = bib_with_breaks(doc.bib, self.esc)
        main = "article.tex.j2" if doc.kind == "article" else "thesis.tex.j2"
        out[MAIN] = self.env.get_template(main).render(
            chapters=chapters, front=front, appendices=appendices,
            biography=Markup("biography") if (doc.biography and only is None) else "",
            references=Markup("references") if (doc.references and only is None) else "",
            bibliography=(Markup(BIB) if doc.bibliography else None), draft=only,
            has_figures=_has(doc, (n.Figure, n.Framework)), has_tables=_has(doc, (n.Table,), captioned=True),
            pdf_title=escape_plain_markup(pick(doc.meta.get("title"), "th")),
            pdf_author=escape_plain_markup(pick(doc.meta.get("author"), "th")),
            pdf_keywords=escape_plain_markup(", ".join(_keywords(doc.meta))),
        )
        return out

    def chapter_label(self, ch: n.Chapter, where: str = "headings") -> str:
        """"บทที่ 1" above the title (headings.chapter.label) or before it in สารบัญ (toc.chapter_label)."""
        s = self.cfg.settings
        label = s["headings"]["chapter"]["label"] if where == "headings" else s["toc"]["chapter_label"]
        return label.replace("{n}", ch.number) if ch.kind == "chapter" and label else ""


def document_texts(doc: n.Document):
    """Every piece of text in the document (for the segmenter to learn its vocabulary)."""
    for part in doc.all_parts():
        yield n.plain_text(part.title)
        for b in n.walk(part.blocks):
            for attr in ("children", "title", "caption", "attribution"):
                v = getattr(b, attr, None)
                if isinstance(v, list):
                    yield n.plain_text(v)
                elif isinstance(v, str) and v:
                    yield v
            if isinstance(b, n.Framework):
                yield from b.boxes
            if isinstance(b, n.Table):
                for row in [b.header, *b.rows]:
                    yield from (n.plain_text(c) for c in row)


def _has(doc, types, captioned: bool = False) -> bool:
    """Any block of these types (with a caption: uncaptioned tables are not listed)."""
    return any(isinstance(b, types) and (b.caption or not captioned)
               for part in doc.all_parts() for b in n.walk(part.blocks))


def _has_math(doc) -> bool:
    def inline_math(items) -> bool:
        return any(isinstance(x, n.Math) or inline_math(getattr(x, "children", None) or [])
                   for x in items)
    from typeset.source.crossref import inline_lists

    glossary = {**(doc.meta.get("symbols") or {}), **(doc.meta.get("abbreviations") or {})}
    if any(len(t) > 2 and t.startswith("$") and t.endswith("$") for t in glossary):
        return True
    for part in doc.all_parts():
        for b in [part, *n.walk(part.blocks)]:
            if isinstance(b, n.Equation) or any(inline_math(i) for i in inline_lists(b)):
                return True
    return False


def _keywords(meta) -> list[str]:
    kw = meta.get("keywords") or []
    if isinstance(kw, dict):
        kw = kw.get("th") or kw.get("en") or []
    return [str(k) for k in kw] if isinstance(kw, list) else [str(kw)]


def escape_plain_markup(text) -> Markup:
    return Markup(escape_plain("" if text is None else str(text)))


def render(doc: n.Document, cfg, only: int | None = None) -> dict[str, str]:
    return Renderer(doc, cfg).render(only)


def trusted(value) -> Markup:
    """Text we generated ourselves (file names, column specs): printed as is, one line."""
    return Markup(str(value).replace("\n", " ").replace("\r", " "))


def trusted_path(path: str) -> Markup:
    """An image path for \\includegraphics: letters, digits, - _ . / only (checked by the source)."""
    if not SAFE_PATH.match(path) or ".." in path.split("/"):
        raise UserError(f"image path '{path}' must use only letters, digits, '-', '_', '.', '/' "
                        "and stay inside the thesis folder")
    return Markup(path)
