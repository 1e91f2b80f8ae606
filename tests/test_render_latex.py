"""Tree -> LaTeX: golden chapter files, determinism, escaping of hostile text, source markers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from source_helpers import FIXTURES, check_golden
from typeset import source
from typeset.config import TEMPLATES
from typeset.render import render
from typeset.render.escape import Escaper, escape_plain, escape_url
from typeset.render.thai import BREAK

RENDER = FIXTURES / "render"
META = """template: thai-thesis
title: {th: "ชื่อเรื่อง", en: "Title"}
author: {th: "ผู้เขียน", en: "Author"}
year: 2567
"""
THAI = re.compile(r"[\u0e00-\u0e7f]")


def thesis(root: Path, chapter_md: str, number: int = 2, meta: str = META) -> Path:
    (root / "chapters").mkdir(parents=True)
    (root / "figures").mkdir()
    (root / "figures" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "thesis.yaml").write_text(meta, encoding="utf-8")
    (root / "chapters" / "01-intro.md").write_text("# บทนำ\n\n## ที่มา\n\nข้อความ\n", encoding="utf-8")
    (root / "chapters" / f"{number:02d}-x.md").write_text(chapter_md, encoding="utf-8")
    return root


def without_breaks(tex: str) -> str:
    # Break points come from the Thai segmenter (tested on its own); the golden files pin the rest.
    return tex.replace(BREAK, "")


@pytest.mark.parametrize("name", sorted(p.stem for p in RENDER.glob("*.md")))
def test_chapter_tex_matches_golden(tmp_path, name):
    root = thesis(tmp_path / "t", (RENDER / f"{name}.md").read_text(encoding="utf-8"))
    files = render(*source.load(root))
    check_golden(RENDER / f"{name}.tex", without_breaks(files["ch02.tex"]))


def test_two_renders_are_identical(tmp_path):
    root = thesis(tmp_path / "t", (RENDER / "chapter.md").read_text(encoding="utf-8"))
    first = render(*source.load(root))
    second = render(*source.load(root))
    assert first == second
    assert set(first) == {"thesis.tex", "ch01.tex", "ch02.tex"}


def test_every_block_is_preceded_by_its_source_line(tmp_path):
    md = (RENDER / "chapter.md").read_text(encoding="utf-8")
    root = thesis(tmp_path / "t", md)
    tex = render(*source.load(root))["ch02.tex"]
    marks = [int(m) for m in re.findall(r"^% typeset-src: chapters/02-x\.md:(\d+)$", tex, re.M)]
    assert marks == sorted(marks) and len(marks) > 20
    lines = md.splitlines()
    # headings, list items, the framework fence and the table each have their own marker
    for needle in ("## ทฤษฎีสัจนิยมใหม่", "```framework", "| ประเทศ | ปี | มูลค่า |", "2. ข้อสอง"):
        assert lines.index(needle) + 1 in marks, needle
    # each marker is a whole line, directly followed by LaTeX for that block
    assert tex.split("% typeset-src: chapters/02-x.md:1\n", 1)[1].startswith("\\setcounter{chapter}{1}\n\\chapter[")


def test_generated_numbers_reach_the_latex(tmp_path):
    root = thesis(tmp_path / "t", (RENDER / "chapter.md").read_text(encoding="utf-8"))
    tex = without_breaks(render(*source.load(root))["ch02.tex"])
    assert "\\setcounter{chapter}{1}\n\\chapter[" in tex
    assert "\\setcounter{subsubsection}{0}\n\\subsubsection[" in tex
    assert "\\item[2.2.1]" in tex and "\\item[2.2.3]" in tex and "\\item[3.]" in tex
    assert "\\setcounter{figure}{1}\n\\caption[แผนที่ภูมิภาค]{แผนที่ภูมิภาค}" in tex
    before_caption = tex.split("\\caption[มูลค่าการค้า]{มูลค่าการค้า}")[0].rsplit("\\setcounter", 1)[1]
    assert before_caption.startswith("{table}{0}\n")   # a longtable: its own lines come in between


def test_only_renders_one_chapter_with_its_number(tmp_path):
    root = thesis(tmp_path / "t", (RENDER / "chapter.md").read_text(encoding="utf-8"))
    doc, cfg = source.load(root)
    files = render(doc, cfg, only=2)
    assert set(files) == {"thesis.tex", "ch02.tex"}
    assert files["ch02.tex"] == render(doc, cfg)["ch02.tex"]
    assert "\\input{ch02}" in files["thesis.tex"] and "\\input{ch01}" not in files["thesis.tex"]
    assert "\\tslistof{toc}" not in files["thesis.tex"]
    from typeset.errors import UserError
    with pytest.raises(UserError, match="--only 7"):
        render(doc, cfg, only=7)


def test_main_file_has_front_matter_and_contents(tmp_path):
    root = thesis(tmp_path / "t", (RENDER / "chapter.md").read_text(encoding="utf-8"))
    main = render(*source.load(root))["thesis.tex"]
    for needle in ("\\TypesetFrontMatter", "\\tslistof{toc}", "\\tslistof{lof}", "\\tslistof{lot}",
                   "\\TypesetMainMatter", "\\input{ch01}\n\\input{ch02}", "\\begin{titlepage}"):
        assert needle in main, needle
    body = main.rsplit("\\begin{document}\n", 1)[1]
    assert body.index("\\tslistof{toc}") < body.index("\\TypesetMainMatter")


# ---- escaping -------------------------------------------------------------------------------

HOSTILE = [r"\input{/etc/passwd}", r"\write18{touch x}", "{{ 7*7 }}", "<< x >>", "<% raw %>",
           "<# c #>", "$x^2$ 100% & # _ ~ ^ \\ {}", "'q' \"d\" ``t'' ,,l -- --- !` ?`", "\\\\", "%"]
SAFE_COMMANDS = {"textbackslash", "textasciitilde", "textasciicircum", "textquotesingle",
                 "textquotedbl", "textasciigrave", "textless", "textgreater", "thaibreak",
                 "&", "%", "$", "#", "_", "{", "}"}


def commands(tex: str) -> set[str]:
    return set(re.findall(r"\\([A-Za-z]+|.)", tex))


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_holds_only_safe_commands_and_balanced_braces(text):
    out = Escaper().text(text + " ข้อความภาษาไทยยาวพอที่จะมีจุดตัดคำ")
    assert commands(out) <= SAFE_COMMANDS, out
    depth = 0
    for m in re.finditer(r"\\[{}]|[{}]", out):
        depth += {"{": 1, "}": -1}.get(m.group(0), 0)
        assert depth >= 0
    assert depth == 0
    assert "--" not in out and "``" not in out and "''" not in out and ",," not in out


def test_break_points_only_between_thai_letters():
    text = "รัสเซียและเกาหลีเหนือได้ลงนามใน สนธิสัญญา (Comprehensive Strategic Partnership) ปีค.ศ. 2024"
    out = Escaper().text(text)
    # the empty group after a tall consonant's mark (ปี{}) stops the letter glue, it prints nothing
    plain = re.sub(r"(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\{\}", "", out.replace(BREAK, ""))
    assert plain == escape_plain(text)
    pieces = out.split(BREAK)
    assert len(pieces) > 5
    for left, right in zip(pieces, pieces[1:]):
        assert THAI.match(left[-1]) and THAI.match(right[0])


def test_url_escaping():
    assert escape_url("https://x.org/a_b%20c#frag") == r"https://x.org/a_b\%20c\#frag"
    assert escape_url("https://x.org/{a}\\b c") == r"https://x.org/\%7Ba\%7D\%5Cb\%20c"


def test_finalize_escapes_plain_strings_only():
    from markupsafe import Markup

    esc = Escaper()
    assert esc.finalize("50%") == r"50\%"
    assert esc.finalize(Markup(r"\textbf{x}")) == r"\textbf{x}"
    assert esc.finalize(None) == "" and esc.finalize(3) == "3"


def test_hostile_metadata_is_escaped_in_the_main_file(tmp_path):
    meta = META.replace('th: "ชื่อเรื่อง"', r"th: '\input{/etc/passwd} {{ 7*7 }} << x >>'")
    root = thesis(tmp_path / "t", "# บท\n", meta=meta)
    main = render(*source.load(root))["thesis.tex"]
    assert "\\input{/etc/passwd}" not in main and "49" not in main
    assert "\\textbackslash{}input\\{/etc/passwd\\} \\{\\{ 7*7 \\}\\} \\textless{}\\textless{} x" in main


# ---- template partials ----------------------------------------------------------------------

def preamble_with(tmp_path: Path, template: Path) -> str:
    root = thesis(tmp_path / "t", "# ทฤษฎี\n\nข้อความ\n", meta=META.replace("thai-thesis", str(template)))
    return render(*source.load(root))["thesis.tex"]


@pytest.mark.parametrize("name", ["partial-override", "partial-child"])
def test_template_partial_replaces_one_block_of_base(tmp_path, name):
    # partial-child has no partial of its own: it finds partial-override's through cfg.search_path
    main = preamble_with(tmp_path, RENDER / name)
    stock = preamble_with(tmp_path / "stock", TEMPLATES / "thai-report")
    assert "% ---- captions: partial-override fixture" in main
    assert "\\captionsetup{labelsep=period, font=it}" in main
    assert "\\DeclareCaptionLabelSeparator{ts}" not in main and "\\DeclareCaptionLabelSeparator{ts}" in stock
    # every other block still comes from latex/base/settings.tex.j2, with the inherited settings
    for needle in ("% ---- captions", "\\TypesetMainMatter", "\\titleformat{\\chapter}", "\\thaialph"):
        assert needle in stock and needle in main, needle
    strip = re.compile(r"% ---- captions.*?(?=\n% ---- |\n\\makeatother)", re.S)
    assert strip.sub("", main) == strip.sub("", stock)
