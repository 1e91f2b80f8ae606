"""Build a small Thai Markdown fixture into a PDF without the full renderer.

Only headings (#) and paragraphs; text is escaped with PyLaTeX and Thai break points come
from typeset.render.thai, the preamble is latex/base/fonts.tex.j2 through font_context: the
parts of the pipeline the Thai/compile tests are about.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from pylatex.utils import escape_latex

from typeset.config import LATEX
from typeset.fonts import font_context
from typeset.render.escape import TALL_MARK
from typeset.render.thai import BREAK, Segmenter

FIXTURES = Path(__file__).parent / "fixtures"


def fonts_tex(family: str = "Sarabun", pdfa: bool = False) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(LATEX / "base")), undefined=jinja2.StrictUndefined,
        block_start_string="<%", block_end_string="%>", variable_start_string="<<",
        variable_end_string=">>", comment_start_string="<#", comment_end_string="#>",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    ctx = font_context({"font": {"family": family}}, {"pdfa": pdfa})
    return env.get_template("fonts.tex.j2").render(**ctx)


def chapter_tex(md: str, md_name: str, words=()) -> str:
    seg = Segmenter(words, document=[md])
    out = []
    para: list[str] = []
    start = 0

    def flush():
        if para:
            text = " ".join(para)
            out.append(f"% typeset-src: {md_name}:{start}")
            # as the renderer does (render/escape.py): no letter glue after a tall consonant's mark
            out.append(TALL_MARK.sub(r"\1{}", BREAK.join(escape_latex(c) for c in seg.split(text))) + "\n")
            para.clear()

    for i, line in enumerate(md.splitlines(), 1):
        if line.startswith("# "):
            flush()
            out.append(f"% typeset-src: {md_name}:{i}")
            out.append(r"\chapter{" + BREAK.join(escape_latex(c) for c in seg.split(line[2:])) + "}")
        elif line.strip():
            if not para:
                start = i
            para.append(line.strip())
        else:
            flush()
    flush()
    return "\n".join(out) + "\n"


MAIN = r"""\documentclass[a4paper]{report}
\input{fonts.tex}
\usepackage[a4paper, top=1.5in, bottom=1in, left=1.5in, right=1in]{geometry}
\usepackage[unicode, bookmarksnumbered, pdflang=th]{hyperref}
\hypersetup{pdftitle={การทดสอบภาษาไทย}, pdfauthor={ผู้ทดสอบ}}
\begin{document}
\fontsize{16pt}{24pt}\selectfont
\input{ch01.tex}
\end{document}
"""


def write_tex(tex_dir: Path, md: str, md_name: str = "chapters/01-test.md", pdfa: bool = False,
              family: str = "Sarabun") -> None:
    tex_dir.mkdir(parents=True, exist_ok=True)
    (tex_dir / "fonts.tex").write_text(fonts_tex(family, pdfa), encoding="utf-8")
    (tex_dir / "main.tex").write_text(MAIN, encoding="utf-8")
    (tex_dir / "ch01.tex").write_text(chapter_tex(md, md_name), encoding="utf-8")
