"""Helpers for the template tests: render a small hand-made document through settings.tex.j2
(the same Jinja2 delimiters and escaping as the renderer), compile it, measure the PDF."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from typeset import config
from typeset.render.escape import Escaper

FIXTURES = Path(__file__).parent / "fixtures" / "config"
BODY = ("ความสัมพันธ์ระหว่างรัสเซียและเกาหลีเหนือได้แน่นแฟ้นขึ้นมากในปีที่ผ่านมา "
        "จะเห็นได้จากการเยือนของผู้นำทั้งสองประเทศ และการลงนามในสนธิสัญญายุทธศาสตร์แบบรอบด้าน "
        "ซึ่งสะท้อนการเปลี่ยนแปลงของโครงสร้างอำนาจโลกเข้าสู่สภาวะหลายขั้วอำนาจ")


def environment(cfg: config.Config) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([FIXTURES, *cfg.search_path]),
        jinja2.PrefixLoader({"base": jinja2.FileSystemLoader(config.BASE)}),
    ])
    return jinja2.Environment(
        loader=loader, undefined=jinja2.StrictUndefined, finalize=Escaper().finalize,
        block_start_string="<%", block_end_string="%>", variable_start_string="<<",
        variable_end_string=">>", comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, keep_trailing_newline=True, autoescape=False)


def render_fixture(source: Path | str, out: Path | str, template: str | None = None) -> Path:
    import fontpkg_sarabun

    cfg = config.load(source, template=template)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tex = environment(cfg).get_template("main.tex.j2").render(
        settings=cfg.settings, body=BODY, font_path=Markup(str(fontpkg_sarabun.ROOT / "files")))
    (out / "main.tex").write_text(tex, encoding="utf-8")
    return out / "main.tex"


def compile_tex(tex: Path) -> Path:
    subprocess.run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "-quiet",
                    tex.name], cwd=tex.parent, check=True, capture_output=True, timeout=300)
    return tex.with_suffix(".pdf")


@dataclass
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]


WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE_RE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def words(pdf: Path) -> list[Page]:
    """Every word with its box, in PostScript points from the top-left corner (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = []
    for n, m in enumerate(PAGE_RE.finditer(html), 1):
        ws = [Word(n, w[4], *map(float, w[:4])) for w in WORD_RE.findall(m.group(3))]
        pages.append(Page(float(m.group(1)), float(m.group(2)), ws))
    return pages


def have_tex() -> bool:
    return all(shutil.which(t) for t in ("xelatex", "latexmk", "pdftotext"))
