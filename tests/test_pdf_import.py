"""typeset import FILE.pdf: a Thai PDF built here with XeLaTeX, then its text layer damaged with
pikepdf the way Word and old fonts damage it; the import must read the glyphs, not the damage."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")

FONTS = Path(__import__("fontpkg_sarabun").__file__).parent / "files"
P1 = "การศึกษาความสำคัญของน้ำที่เกี่ยวข้องกับผู้ใช้ในเมืองใหญ่ทำให้เข้าใจปัญหาได้ดีขึ้น"
P2 = "ข้อมูลที่นำมาใช้ในงานนี้มาจากการสำรวจผู้ใช้จำนวนมากและนำไปวิเคราะห์ต่อ"
TEX = r"""\documentclass[12pt%(cls)s]{article}
\usepackage{fontspec,graphicx}
\setmainfont{Sarabun}[Path=%(fonts)s/, Extension=.ttf, UprightFont=*-Regular,
  BoldFont=*-Bold, Script=Thai]
\XeTeXlinebreaklocale "th"
\pagestyle{empty}
\begin{document}
%(body)s
\end{document}
"""


def _xelatex(tmp: Path, name: str, body: str, cls: str = "") -> Path:
    if shutil.which("xelatex") is None:
        pytest.skip("xelatex not installed")
    tex = tmp / f"{name}.tex"
    tex.write_text(TEX % {"cls": cls, "fonts": FONTS, "body": body}, encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=batchmode", tex.name], cwd=tmp, check=True,
                   capture_output=True, timeout=120)
    return tmp / f"{name}.pdf"


def _para(text: str, n: int = 4) -> str:
    return " ".join([text] * n)


@pytest.fixture(scope="module")
def thesis_pdf(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("pdf")
    body = ("\\noindent{\\Large\\bfseries บทที่ 1}\n\n\\noindent{\\Large\\bfseries บทนำ}\n\n"
            f"{_para(P1)}\n\n{_para(P2)}\n")
    return _xelatex(tmp, "thesis", body)


def typeset(*args, cwd):
    return subprocess.run([sys.executable, "-m", "typeset.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def imported(pdf: Path, tmp: Path) -> tuple[str, str]:
    out = tmp / "out"
    r = typeset("import", pdf, "-o", out, cwd=tmp)
    assert r.returncode == 0, r.stderr
    chapters = sorted((out / "chapters").glob("*.md"))
    return "".join(c.read_text(encoding="utf-8") for c in chapters), \
        (out / "import-report.md").read_text(encoding="utf-8")


def damage(src: Path, dst: Path, edit) -> None:
    """Rewrite every font's ToUnicode map: edit(code, text) -> new text, or None to drop it."""
    pdf = pikepdf.open(src)
    changed = 0
    for page in pdf.pages:
        for _, font in page.Resources.Font.items():
            if "/ToUnicode" not in font:
                continue
            cmap = font.ToUnicode.read_bytes().decode("latin-1")

            def one(m):
                nonlocal changed
                new = edit(m.group(1), bytes.fromhex(m.group(2)).decode("utf-16-be"))
                old = bytes.fromhex(m.group(2)).decode("utf-16-be")
                if new == old:
                    return m.group(0)
                changed += 1
                return "" if new is None else f"<{m.group(1)}> <{new.encode('utf-16-be').hex().upper()}>"
            cmap = re.sub(r"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,})>(?=\s*\n(?:<[0-9A-Fa-f]{4}> <|endbfchar))",
                          one, cmap)
            font.ToUnicode.write(cmap.encode("latin-1"))
    assert changed, "nothing to damage"
    pdf.save(dst)


def expected_chapter() -> str:
    return f"# บทนำ\n\n{_para(P1)}\n\n{_para(P2)}\n"


def _thai(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_clean_pdf_reads_back_exactly(thesis_pdf, tmp_path):
    md, _ = imported(thesis_pdf, tmp_path)
    assert _thai(md) == _thai(expected_chapter())


def test_sara_aa_mapped_as_sara_am_and_nikhahit_unmapped(thesis_pdf, tmp_path):
    # Word's damage: the sara aa glyph says ำ, the nikhahit glyph says nothing
    bad = tmp_path / "bad.pdf"
    damage(thesis_pdf, bad, lambda code, t: "\u0e33" if t == "\u0e32" else None if t == "\u0e4d" else t)
    raw = subprocess.run(["pdftotext", bad, "-"], capture_output=True, text=True).stdout
    assert "กำรศึกษำ" in raw                     # the damage is really there
    md, report = imported(bad, tmp_path)
    assert _thai(md) == _thai(expected_chapter())
    assert "glyph shape" in report and "dictionary" in report


def test_private_use_marks_read_as_marks(thesis_pdf, tmp_path):
    bad = tmp_path / "pua.pdf"
    pua = {"\u0e48": "\uf70a", "\u0e49": "\uf70b", "\u0e31": "\uf710"}
    damage(thesis_pdf, bad, lambda code, t: pua.get(t, t))
    md, report = imported(bad, tmp_path)
    assert _thai(md) == _thai(expected_chapter())
    assert "private-use" in report


def test_dropped_tone_mark_named_by_dictionary(thesis_pdf, tmp_path):
    # the text layer drops the tone mark glyphs entirely (as XeLaTeX's shifted marks)
    bad = tmp_path / "tone.pdf"
    damage(thesis_pdf, bad, lambda code, t: None if t in ("\u0e48", "\u0e49") else t)
    md, _ = imported(bad, tmp_path)
    assert _thai(md) == _thai(expected_chapter())


# Thai justified to both edges, columns 0.3 cm apart: no gap wide enough to split rows alone
@pytest.mark.parametrize("gutter", ["", "\\XeTeXlinebreakskip=0pt plus 3pt\\setlength{\\columnsep}{0.3cm}"])
def test_two_columns_read_left_then_right(tmp_path, gutter):
    left = "ฝั่งซ้ายเล่าเรื่องการเดินทางไปต่างจังหวัดของนักเรียน"
    right = "ฝั่งขวาอธิบายผลการทดลองทางวิทยาศาสตร์ในห้องเรียน"
    # \newpage in two-column mode ends the left column: the right one starts at the same height
    body = f"{gutter}{_para(left, 12)}\n\n\\newpage\n\n{_para(right, 12)}\n"
    pdf = _xelatex(tmp_path, "cols", body, ",twocolumn")
    from typeset.pdf import read_document

    paras, _ = read_document(pdf)
    text = _thai(" ".join(p.text for p in paras))
    assert text.find(_thai(left)) < text.find(_thai(right)) and _thai(left) * 2 in text
    assert _thai(right) * 2 in text


@pytest.mark.parametrize("make, fragment", [
    (lambda p, src: p.write_bytes(b"hello, not a pdf"), "not a PDF"),
    (lambda p, src: p.write_bytes(src.read_bytes()[:700]), "damaged PDF"),
    (lambda p, src: pikepdf.open(src).save(p, encryption=pikepdf.Encryption(user="u", owner="o")),
     "encrypted"),
    (lambda p, src: _blank(p), "no text layer"),
])
def test_bad_pdf_is_one_line_error(thesis_pdf, tmp_path, make, fragment):
    bad = tmp_path / "bad.pdf"
    make(bad, thesis_pdf)
    r = typeset("import", bad, "-o", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 2
    assert fragment in r.stderr and "bad.pdf" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _blank(p: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(p)


def test_page_range(thesis_pdf):
    from typeset.errors import UserError
    from typeset.pdf import parse_pages

    assert parse_pages("2-5") == (2, 5) and parse_pages("3") == (3, 3) and parse_pages("4-") == (4, None)
    with pytest.raises(UserError):
        parse_pages("5-2")


def test_scanned_page_named_in_report(tmp_path):
    from PIL import Image

    Image.new("L", (300, 400), 128).save(tmp_path / "scan.png")
    body = (f"{_para(P1)}\n\n\\newpage\n\\noindent\\includegraphics[width=\\textwidth]{{scan.png}}\n"
            f"\\newpage\n{_para(P2)}\n")
    pdf = _xelatex(tmp_path, "scanned", body)
    from typeset.pdf import import_pdf

    report = import_pdf(pdf)["import-report.md"]
    assert "scanned pages (no text layer, not imported): 2" in report


def test_marks_drawn_after_the_next_letter_attach_by_position(thesis_pdf, tmp_path):
    # redraw every glyph at its own place, each mark after the letter that follows its own
    # (the stream order old producers write), then read it back
    from typeset.pdf.glyphs import read_pdf
    from typeset.pdf.lines import is_mark
    from typeset.pdf import charmap

    doc = read_pdf(thesis_pdf)
    charmap.learn(doc.pages, doc.fonts)
    pdf = pikepdf.open(thesis_pdf)
    page = pdf.pages[0]
    names = {str(f.BaseFont).lstrip("/"): str(n) for n, f in page.Resources.Font.items()}
    glyphs = list(doc.pages[0].glyphs)
    for i in range(len(glyphs) - 1):
        if is_mark(glyphs[i]) and not is_mark(glyphs[i + 1]):
            glyphs[i], glyphs[i + 1] = glyphs[i + 1], glyphs[i]
    moved = sum(1 for a, b in zip(glyphs, doc.pages[0].glyphs) if a is not b)
    assert moved > 20
    ops = ["BT"]
    for g in glyphs:
        res = names[doc.fonts[g.font].name]
        ops.append(f"{res} {g.size:.3f} Tf 1 0 0 1 {g.x:.3f} {g.y:.3f} Tm <{g.code:04X}> Tj")
    ops.append("ET")
    page.Contents = pdf.make_stream("\n".join(ops).encode("latin-1"))
    bad = tmp_path / "order.pdf"
    pdf.save(bad)
    md, _ = imported(bad, tmp_path)
    assert _thai(md) == _thai(expected_chapter())


def test_pages_option_and_range_past_the_end(thesis_pdf, tmp_path):
    r = typeset("import", thesis_pdf, "-o", tmp_path / "a", "--pages", "1-1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = typeset("import", thesis_pdf, "-o", tmp_path / "b", "--pages", "5-9", cwd=tmp_path)
    assert r.returncode == 2 and "no pages in the range" in r.stderr
