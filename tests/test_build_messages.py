"""What the build says before TeX runs (issue 12): every message names its file as the user can
open it from where they ran the command, with the line; placeholders, missing required front
matter, unsupported Markdown, Thai numerals everywhere, names never broken, SVG and other images."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from robust_helpers import FIX, one_line_error, typeset
from typeset import source
from typeset.render.escape import Escaper
from typeset.render import document_texts

YAML = ('template: thai-thesis\n'
        'title: {th: "การทดสอบ", en: "Test"}\n'
        'author: {th: "TODO: ชื่อผู้เขียน", en: "Student"}\n'
        'advisor: {th: "รศ.ดร.สมชาย ประเสริฐสุข", en: "Somchai"}\n'
        'year: 2567\n')


def thesis(tmp: Path, chapter: str, yaml: str = YAML, abstracts: bool = True) -> Path:
    folder = tmp / "bad"
    (folder / "chapters").mkdir(parents=True)
    (folder / "thesis.yaml").write_text(yaml, encoding="utf-8")
    (folder / "chapters" / "01-intro.md").write_text(chapter, encoding="utf-8")
    if abstracts:
        (folder / "frontmatter").mkdir()
        (folder / "frontmatter" / "abstract-th.md").write_text("บทคัดย่อสั้น ๆ\n", encoding="utf-8")
        (folder / "frontmatter" / "abstract-en.md").write_text("A short abstract.\n", encoding="utf-8")
    return folder


def warnings(proc) -> list[str]:
    return [l[len("warning: "):] for l in proc.stderr.splitlines() if l.startswith("warning: ")]


# --- item 8: paths as the user opens them ------------------------------------------------------

def test_source_error_names_the_file_from_where_the_command_ran(tmp_path):
    thesis(tmp_path, "ข้อความก่อนชื่อบท\n\n# บทนำ\n")
    msg = one_line_error(typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path))
    assert msg.startswith("typeset: error: bad/chapters/01-intro.md:1: "), msg


def test_error_inside_thesis_yaml_is_not_prefixed_twice(tmp_path):
    thesis(tmp_path, "# บทนำ\n", yaml=YAML + "margins: [\n")
    msg = one_line_error(typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path))
    assert msg.startswith("typeset: error: bad/thesis.yaml:"), msg
    assert "bad/bad/" not in msg


def test_from_inside_the_thesis_folder_paths_stay_relative(tmp_path):
    folder = thesis(tmp_path, "ก่อน\n\n# บทนำ\n")
    msg = one_line_error(typeset("build", ".", "-o", "../out", "--tex-only", cwd=folder))
    assert msg.startswith("typeset: error: chapters/01-intro.md:1: "), msg


def test_placeholder_warnings_give_the_thesis_yaml_line(tmp_path):
    thesis(tmp_path, "# บทนำ\n\nข้อความ\n")
    proc = typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert warnings(proc) == ["bad/thesis.yaml:3: author.th is still a placeholder "
                              "(TODO: ชื่อผู้เขียน): write the real value"]


# --- item 10: required front matter -------------------------------------------------------------

def test_missing_abstracts_are_named_each(tmp_path):
    thesis(tmp_path, "# บทนำ\n\nข้อความ\n", yaml=YAML.replace("TODO: ", ""), abstracts=False)
    proc = typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = warnings(proc)
    assert len(got) == 2, got
    assert got[0].startswith("bad/frontmatter/abstract-th.md: missing: บทคัดย่อ is required")
    assert got[1].startswith("bad/frontmatter/abstract-en.md: missing: ABSTRACT is required")


def test_a_template_that_requires_nothing_does_not_warn(tmp_path):
    yaml = YAML.replace("TODO: ", "") + "settings:\n  frontmatter:\n    required: []\n"
    thesis(tmp_path, "# บทนำ\n\nข้อความ\n", yaml=yaml, abstracts=False)
    proc = typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path)
    assert proc.returncode == 0 and warnings(proc) == [], proc.stderr


# --- item 5: unsupported Markdown ----------------------------------------------------------------

CHAPTER = """# บทนำ

## 1.1 ที่มา

<div align="right">
ข้อความ ~~ที่ลบ~~ และ <br> ต่อ `<b>โค้ด</b>`
</div>

| ก | ข |
|---|
| 1 | 2 |

## 4.2 หัวข้อที่พิมพ์เลขผิด
"""


def test_unsupported_markdown_is_named_at_its_line(tmp_path):
    folder = thesis(tmp_path, CHAPTER)
    doc, _ = source.load(folder)
    got = sorted(w for w in doc.warnings)
    f = "chapters/01-intro.md"
    assert any(w.startswith(f"{f}:3: heading typed with its number '1.1'") for w in got), got
    assert any(w.startswith(f"{f}:5: raw HTML '<div align=\"right\">'") for w in got), got
    assert any(w.startswith(f"{f}:6: ~~strikethrough~~") for w in got), got
    assert any(w.startswith(f"{f}:6: raw HTML '<br>'") for w in got), got
    assert any(w.startswith(f"{f}:7: raw HTML '</div>'") for w in got), got
    assert any(w.startswith(f"{f}:9: this table is printed as text: its separator row has 1 column, "
                            "the header row 2") for w in got), got
    assert any(w.startswith(f"{f}:13: heading typed with a number '4.2' but numbered 1.2") for w in got), got
    assert not any("<b>" in w for w in got), got   # code is code
    # the typed number equal to the generated one prints once
    first = doc.chapters[0].blocks[0]
    assert first.number == "1.1" and first.plain_title == "ที่มา"


def test_supported_markdown_gives_no_such_warning(tmp_path):
    folder = thesis(tmp_path, "# บทนำ\n\n## ที่มา\n\nก < ข และ ค > ง\n\n| ก | ข |\n|---|---|\n| 1 | 2 |\n\n"
                              "Table: ตาราง\n")
    doc, _ = source.load(folder)
    assert doc.warnings == []


# --- item 4: Thai numerals everywhere -------------------------------------------------------------

def test_thai_numerals_reach_list_labels_and_outline(tmp_path):
    yaml = YAML + "settings:\n  numbers: {chapter: thai}\n"
    folder = thesis(tmp_path, "# บทนำ\n\n## ที่มา\n\n{.section-numbered}\n1. ข้อแรก\n2. ข้อสอง\n", yaml=yaml)
    doc, _ = source.load(folder)
    section, lst = doc.chapters[0].blocks[0], doc.chapters[0].blocks[1]
    assert section.number == "๑.๑"
    assert [i.label for i in lst.items] == ["๑.๑.๑", "๑.๑.๒"]
    proc = typeset("outline", "bad", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [r["number"] for r in json.loads(proc.stdout)] == ["๑", "๑.๑"]


# --- item 3: names from thesis.yaml are never broken ----------------------------------------------

def test_names_in_thesis_yaml_are_unbreakable_words(tmp_path):
    folder = thesis(tmp_path, "# กิตติกรรมประกาศ\n\nขอขอบพระคุณ รศ.ดร.สมชาย ประเสริฐสุข อาจารย์ที่ปรึกษา\n")
    doc, _ = source.load(folder)
    assert {"สมชาย", "ประเสริฐสุข"} <= set(doc.words)
    esc = Escaper(doc.words, document=list(document_texts(doc)))
    tex = esc.text("ขอขอบพระคุณ รศ.ดร.สมชาย ประเสริฐสุข อาจารย์ที่ปรึกษา")
    assert "สมชาย" in tex and "ประเสริฐสุข" in tex, tex


# --- item 6: images TeX cannot read ----------------------------------------------------------------

def with_image(tmp_path, name: str, data: bytes) -> Path:
    folder = thesis(tmp_path, f"# บทนำ\n\nข้อความ\n\n![ภาพ](figures/{name})\n")
    (folder / "figures").mkdir()
    (folder / "figures" / name).write_bytes(data)
    return folder


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg2-bin not installed")
def test_svg_is_converted_to_pdf_for_tex(tmp_path):
    with_image(tmp_path, "plan.svg", SVG)
    proc = typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "out" / "tex" / "figures" / "plan.svg.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "{figures/plan.svg.pdf}" in (tmp_path / "out" / "tex" / "ch01.tex").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg2-bin not installed")
def test_broken_svg_is_named_at_its_line(tmp_path):
    with_image(tmp_path, "plan.svg", b"<svg><rect")
    msg = one_line_error(typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path))
    assert msg.startswith("typeset: error: bad/chapters/01-intro.md:5: SVG image 'plan.svg' could not be converted")


def test_svg_without_the_converter_says_what_to_do(tmp_path, monkeypatch):
    from typeset import figures
    from typeset.errors import UserError

    src = tmp_path / "plan.svg"
    src.write_bytes(SVG)
    monkeypatch.setattr(figures.shutil, "which", lambda name: None)
    with pytest.raises(UserError) as e:
        figures.place(src, tmp_path / "tex" / "figures" / "plan.svg", "chapters/01-intro.md:5")
    msg = str(e.value)
    assert msg.startswith("chapters/01-intro.md:5: SVG image 'plan.svg' needs rsvg-convert: "
                          "install it with `sudo apt-get install librsvg2-bin`"), msg
    assert "convert the image to PDF or PNG" in msg


def test_unsupported_image_format_is_named(tmp_path):
    with_image(tmp_path, "plan.gif", b"GIF89a")
    msg = one_line_error(typeset("build", "bad", "-o", "out", "--tex-only", cwd=tmp_path))
    assert msg.endswith("bad/chapters/01-intro.md:5: image 'figures/plan.gif': GIF is not supported: "
                        "convert it to PDF, PNG or JPEG")


# --- item 9: noise ------------------------------------------------------------------------------

def test_templates_table_aligns_nothing_after_thai_text():
    # terminals disagree on the width of Thai marks: no border or column may follow Thai text
    import re
    proc = typeset("templates", env={"COLUMNS": "100"})
    assert proc.returncode == 0, proc.stderr
    lines = [l for l in proc.stdout.splitlines() if re.search(r"[\u0e00-\u0e7f]", l)]
    assert lines, proc.stdout
    for line in lines:
        tail = line[max(i for i, c in enumerate(line) if "\u0e00" <= c <= "\u0e7f"):]
        assert not re.search(r"[│┃|]|\S\s{2,}\S", tail), line


@pytest.mark.parametrize("flags", [["--format", "html", "-o", "diff.html"]])
def test_diff_to_a_file_says_what_it_wrote(tmp_path, flags):
    old = thesis(tmp_path, "# บทนำ\n\nข้อความเดิม\n")
    new = shutil.copytree(old, tmp_path / "new")
    (new / "chapters" / "01-intro.md").write_text("# บทนำ\n\nข้อความใหม่\n", encoding="utf-8")
    proc = typeset("diff", "bad", "new", *flags, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert f"wrote {flags[-1]} (1 change)" in proc.stderr
    assert (tmp_path / flags[-1]).is_file()


def test_pyproject_license_is_an_spdx_string():
    # a {text = …} table makes every `pip install` (and `make pdf`) print a deprecation banner
    import tomllib
    data = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(data["project"]["license"], str)
    assert any(r.replace(" ", "").startswith("setuptools>=77") for r in data["build-system"]["requires"])
