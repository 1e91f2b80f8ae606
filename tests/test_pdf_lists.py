"""typeset import FILE.pdf: numbered list items with a child paragraph at the hanging indent, a
paragraph ending in a number, and the report's spots to check as Notices, from PDFs built here."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

FONTS = Path(__import__("fontpkg_sarabun").__file__).parent / "files"
TEXT = "การศึกษาความสำคัญของน้ำที่เกี่ยวข้องกับผู้ใช้ในเมืองใหญ่ทำให้เข้าใจปัญหาได้ดีขึ้น"
TEX = r"""\documentclass[12pt]{article}
\usepackage{fontspec,enumitem}
\setmainfont{Sarabun}[Path=%s/, Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold,
  Script=Thai]
\XeTeXlinebreaklocale "th"
\pagestyle{empty}
\setlength{\parindent}{0pt}
\begin{document}
{\Large\bfseries บทที่ 1}

{\Large\bfseries บทนำ}

%s
\end{document}
"""


def _import(tmp: Path, body: str) -> dict:
    if shutil.which("xelatex") is None:
        pytest.skip("xelatex not installed")
    (tmp / "doc.tex").write_text(TEX % (FONTS, body), encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=batchmode", "doc.tex"], cwd=tmp, check=True,
                   capture_output=True, timeout=120)
    from typeset.pdf import import_pdf

    return import_pdf(tmp / "doc.pdf")


def _chapter(files: dict) -> str:
    return "".join(v for k, v in sorted(files.items()) if k.startswith("chapters/"))


def test_list_item_label_line_then_child_paragraph(tmp_path):
    # the label line ends past the middle of the measure, with room left for the next word
    title = "การเปลี่ยนแปลงทางเศรษฐกิจโลก (Global Economy)"
    child = " ".join([TEXT] * 3)
    body = ("\\begin{enumerate}[leftmargin=1.2cm]\n"
            f"\\item {title}\n\n{child}\n\n\\item การพัฒนาเทคโนโลยี\n\n{child}\n"
            "\\end{enumerate}\n")
    md = _chapter(_import(tmp_path, body))
    lines = [re.sub(r"\s+", "", ln) for ln in md.splitlines()]
    assert re.sub(r"\s+", "", f"1. {title}") in lines
    assert lines.count(re.sub(r"\s+", "", child)) == 2


def test_paragraph_ending_in_a_number_keeps_it(tmp_path):
    # last lines of several lengths: a long one has its last word set on a line of its own
    paras = [" ".join([TEXT] * n + [TEXT[:k]]) + " ตามสมการที่ 1.2" 
             for n in (1, 2) for k in (20, 40, 60)]
    files = _import(tmp_path, "\n\n".join(paras) + "\n")
    md = re.sub(r"\s+", "", _chapter(files))
    assert md.count("ตามสมการที่1.2") == len(paras)


def test_spots_to_check_are_notices_with_pages():
    from typeset.notice import Notice
    from typeset.pdf.report import pdf_report

    facts = {"pages": [1, 3], "readings": [], "dropped": [], "scanned": [2], "images": [],
             "figures": [], "uncertain": [Notice("a ruled table whose text crosses its cells: "
                                                 "kept as text", stage="pdf", kind="table", page=3)]}
    report = pdf_report("x.pdf", facts, [], {}, [])
    assert "## Spots to check (2):" in report
    assert "- page 3 [table]: a ruled table whose text crosses its cells: kept as text" in report
    assert "- page 2 [scanned]: scanned pages (no text layer, not imported): 2" in report


def test_tone_mark_stacked_on_an_upper_vowel_stays_with_its_letter():
    # Word (Browallia New) draws the tone of สั่ง at ส's right edge, its ink over ง's left edge,
    # right on top of the sara a above ส: the numbers are a real Word PDF's glyph boxes
    from types import SimpleNamespace

    from typeset.pdf.glyphs import Glyph
    from typeset.pdf.lines import page_lines

    def g(seq, ch, x, adv, x0, x1, y0, y1):
        return Glyph(1, -1, seq, seq, ch, x, 498.0, 16.0, adv, x0, x1, y0, y1, seq, ch)

    glyphs = [g(0, "ส", 200.9, 6.34, 201.6, 207.2, 498.1, 504.5),
              g(1, "\u0e31", 207.9, 0.0, 204.2, 209.1, 506.0, 508.4),
              g(2, "\u0e48", 209.4, 0.0, 207.6, 208.4, 509.1, 511.0),
              g(3, "ง", 207.3, 5.16, 207.7, 211.4, 498.0, 504.5),
              g(4, "ซ", 212.4, 7.12, 212.8, 219.3, 498.1, 504.9)]
    page = SimpleNamespace(number=1, width=612.0, height=792.0, glyphs=glyphs, rules=[], boxes=[])
    (line,) = page_lines(page, [], 0.8)
    assert line.text == "สั่งซ"


CARDS = r"""\begin{tabular}{|p{12cm}|}\hline \textbf{ระบบจัดการร้านกาแฟ} \\ \hline
ในบทบาทของ พนักงาน \newline เพื่อ ความสะดวก \\ \hline\end{tabular}
"""


def test_one_column_ruled_table_is_a_table(tmp_path):
    files = _import(tmp_path, f"{TEXT}\n\n{CARDS}\n\n{TEXT}\n")
    md = _chapter(files)
    assert "| ระบบจัดการร้านกาแฟ |\n|---|\n| ในบทบาทของ พนักงาน" in md


def test_list_page_children_under_indented_paragraphs(tmp_path):
    # paragraphs open with a first-line indent; a page of list items whose children sit at the
    # hanging indent (every line of that page indented): each child is a paragraph of its own
    paras = "\n\n".join("\\hspace*{36pt}" + " ".join([TEXT] * 3) for _ in range(4))
    items = "".join(f"\\item \\textbf{{ระบบ{n}}}\n\nฟีเจอร์ : พนักงานสามารถสั่งซื้อเครื่องดื่ม\n\n"
                    f"ฟังก์ชั่น : {TEXT}\n\n" for n in ("สั่งซื้อ", "ชำระเงิน", "จัดการ"))
    body = f"{paras}\n\n\\newpage\n\\begin{{enumerate}}[leftmargin=2cm]\n{items}\\end{{enumerate}}\n"
    md = _chapter(_import(tmp_path, body))
    lines = [ln.strip() for ln in md.splitlines()]
    assert lines.count("ฟีเจอร์ : พนักงานสามารถสั่งซื้อเครื่องดื่ม") == 3
    assert sum(1 for ln in lines if ln.startswith("ฟังก์ชั่น :")) == 3
