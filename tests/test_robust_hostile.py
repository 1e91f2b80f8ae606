"""User text is data, never code: every hostile string prints literally; TeX cannot run or read.

The fixture tests/fixtures/robust/hostile holds LaTeX commands, Jinja2 delimiters (both the
standard ones and the project's << >> <% %> <# #>) and every LaTeX special character in chapter
text, headings, footnotes, tables, captions, lists and thesis.yaml values.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from robust_helpers import copy_fixture, one_line_error, pdftotext, squeeze, typeset

# Hostile sequences (with enough context to be unique) that would act if they reached TeX unescaped.
RAW_COMMANDS = [r"\input{/etc/passwd}", r"\write18{touch", r"\csname end\endcsname", r"\def\x{",
                r"\catcode`\@", r"\immediate\write18{id}", r"\fi \iffalse", r"คำสำคัญ \ifx",
                r"\begin{verbatim} ไม่ปิด", r"\makeatletter \end{document}", r"\verb|x|",
                r"\item ซ้อน", r"คอลัมน์ \hline"]

# What the PDF must show (whitespace removed; Markdown's own escapes applied: `\\` prints `\`).
LITERAL = [
    r"\input{/etc/passwd}", r"\write18{touchpwned}", "{{7*7}}", "{%raw%}", "<<x>>", "<%x%>", "<#c#>",
    r"$%&#_^~\และ\และ{}และ^^5cกับ\verb|x|\makeatletter\end{document}ท้าย",
    r"C:\temp\newใน~/home", "$x^2$และ50%ของ#hashtag_name",
    r"\def\x{1}", "100%a_b_c", r"$5&6", r"\item",
    r"{%iftrue%}ถ้า{%endif%}", r"\begin{verbatim}",
    r"เชิงอรรถ\input{/etc/passwd}{{7*7}}$%&#_^~\ท้ายเชิงอรรถ",
    r"ตาราง\input{/etc/passwd}{{7*7}}$%&#",
]
LITERAL_META = [r"\write18{touchpwned-title}", r"$x$100%&#1_a^b~c\end", r"{{7*7}}<<6*7>>"]


def tex_body(out: Path) -> str:
    """All generated .tex, without comment lines (`% typeset-src:` markers are comments)."""
    texts = []
    for p in sorted((out / "tex").rglob("*.tex")):
        for line in p.read_text(encoding="utf-8").splitlines():
            texts.append(re.sub(r"(?<!\\)%.*", "", line))
    return "\n".join(texts)


def test_generated_tex_holds_no_user_command(tmp_path):
    src = copy_fixture("hostile", tmp_path)
    proc = typeset("build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    body = tex_body(tmp_path / "out")
    for cmd in RAW_COMMANDS:
        assert cmd not in body, cmd
    assert body.count(r"\end{document}") == 1
    assert "7*7" in body            # the Jinja2-looking text reached the .tex as text


@pytest.mark.parametrize("name", ["01-a&b_$c%#~^{x}.md", "01-x\n\\input{secret}\n%.md"])
def test_hostile_file_names_stay_data(tmp_path, name):
    src = copy_fixture("hostile", tmp_path)
    (src / "chapters" / "01-hostile.md").rename(src / "chapters" / name)
    proc = typeset("build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    if proc.returncode != 0:        # refusing the name is fine, as one line that shows it
        assert "\\n" in one_line_error(proc) if "\n" in name else one_line_error(proc)
        return
    body = tex_body(tmp_path / "out")
    assert r"\input{/etc/passwd}" not in body and r"\input{secret}" not in body
    # a newline in a file name must not end a `%` comment and let the rest reach TeX
    for p in (tmp_path / "out" / "tex").rglob("*.tex"):
        for line in p.read_text(encoding="utf-8").splitlines():
            assert not line.lstrip().startswith(r"\input{secret}"), line


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = copy_fixture("hostile", tmp)
    proc = typeset("build", src, "-o", tmp / "out", cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return tmp, tmp / "out" / "thesis.pdf"


@pytest.mark.tex
def test_hostile_text_prints_literally_in_the_pdf(hostile_pdf):
    tmp, pdf = hostile_pdf
    text = squeeze(pdftotext(pdf))
    missing = [s for s in LITERAL if squeeze(s) not in text]
    assert not missing, missing
    assert "49" not in text                      # {{ 7*7 }} was never evaluated
    assert "root:" not in text                   # /etc/passwd was never read


@pytest.mark.tex
def test_hostile_metadata_prints_literally_in_the_pdf(hostile_pdf):
    tmp, pdf = hostile_pdf
    text = squeeze(pdftotext(pdf))
    missing = [s for s in LITERAL_META if squeeze(s) not in text]
    assert not missing, missing


@pytest.mark.tex
def test_no_shell_command_ran(hostile_pdf):
    tmp, _ = hostile_pdf
    assert not list(tmp.rglob("pwned*"))
    assert not list(Path.cwd().glob("pwned*"))


IMAGE_ESCAPES = [
    "../../etc/passwd",
    "/etc/passwd",
    "figures/../../outside.png",
    "figures/link.png",          # a symlink pointing outside the thesis folder
]


@pytest.mark.parametrize("target", IMAGE_ESCAPES)
def test_image_paths_are_confined_to_the_thesis_folder(tmp_path, target):
    src = copy_fixture("hostile", tmp_path)
    (tmp_path / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (src / "figures").mkdir()
    (src / "figures" / "link.png").symlink_to(tmp_path / "outside.png")
    (src / "chapters" / "02-figure.md").write_text(
        f"# ภาพ\n\nย่อหน้า\n\n![แผนภาพ]({target})\n", encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    msg = one_line_error(proc)
    assert "02-figure.md:5" in msg, msg


def test_file_url_image_is_never_included(tmp_path):
    # markdown-it refuses file: links, so this stays text; either way nothing outside is read
    src = copy_fixture("hostile", tmp_path)
    (src / "chapters" / "02-figure.md").write_text("# ภาพ\n\n![x](file:///etc/passwd)\n", encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    if proc.returncode == 0:
        body = tex_body(tmp_path / "out")
        assert "includegraphics" not in body and "file:///etc/passwd" in body
        assert not list((tmp_path / "out").rglob("passwd"))
    else:
        assert "02-figure.md:3" in one_line_error(proc)


@pytest.mark.parametrize("key, setting", [
    ("margins.top", "margins: {top: '1in]{geometry}\\input{/etc/passwd}%'}"),
    ("paper", "paper: 'a4]{geometry}\\input{/etc/passwd}\\iffalse'"),
    ("font.family", "font: {family: 'Sarabun}\\input{/etc/passwd}'}"),
    ("font.size", "font: {size: '16pt\\input{/etc/passwd}'}"),
    ("line_spacing", "line_spacing: '1\\input{/etc/passwd}'"),
    ("headings.chapter.label", "headings: {chapter: {label: 'บทที่ {n} \\input{/etc/passwd}'}}"),
])
def test_hostile_settings_values_are_refused(tmp_path, key, setting):
    # settings reach LaTeX as lengths, names and options: each is validated, never passed raw
    src = copy_fixture("small", tmp_path)
    with (src / "thesis.yaml").open("a", encoding="utf-8") as f:
        f.write("settings:\n  " + setting + "\n")
    out = tmp_path / "out"
    msg = one_line_error(typeset("build", src, "-o", out, "--tex-only", cwd=tmp_path))
    assert "thesis.yaml:" in msg and f"'{key}'" in msg
    assert not any(r"\input{/etc/passwd}" in p.read_text(encoding="utf-8") for p in out.rglob("*.tex"))
