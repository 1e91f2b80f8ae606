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
