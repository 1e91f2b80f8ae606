"""typeset import FILE.pdf, layout: running heads and page numbers dropped, ruled tables as GFM,
boxed diagrams as framework blocks, images to figures/, chapters by type size, all from PDFs
built here with XeLaTeX."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FONTS = Path(__import__("fontpkg_sarabun").__file__).parent / "files"
TEXT = "การศึกษาความสำคัญของน้ำที่เกี่ยวข้องกับผู้ใช้ในเมืองใหญ่ทำให้เข้าใจปัญหาได้ดีขึ้น"
HEAD = "รายงานฉบับสมบูรณ์ของโครงการ"
NOTE = "หมายเหตุท้ายหน้าของงานนี้"
PRE = r"""\documentclass[12pt]{article}
\usepackage{fontspec,tikz,graphicx,fancyhdr}
\setmainfont{Sarabun}[Path=%s/, Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold,
  Script=Thai]
\XeTeXlinebreaklocale "th"
\pagestyle{fancy}\fancyhf{}\fancyhead[R]{%s}\fancyfoot[C]{\thepage}
\begin{document}
"""


def _build(tmp: Path, name: str, body: str, pre: str = PRE) -> Path:
    if shutil.which("xelatex") is None:
        pytest.skip("xelatex not installed")
    (tmp / f"{name}.tex").write_text(pre % (FONTS, HEAD) + body + "\n\\end{document}\n",
                                     encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=batchmode", f"{name}.tex"], cwd=tmp, check=True,
                   capture_output=True, timeout=120)
    return tmp / f"{name}.pdf"


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (120, 80), (200, 30, 30)).save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("layout")
    _png(tmp / "pic.png")
    para = " ".join([TEXT] * 5)
    body = (
        "\\noindent{\\Large\\bfseries บทที่ 1}\n\n\\noindent{\\Large\\bfseries บทนำ}\n\n"
        f"{para}\\footnote{{{NOTE}}}\n\n"
        "\\begin{center}ตารางที่ 1.1 จำนวนผู้ใช้\\\\[4pt]\n"
        "\\begin{tabular}{|l|r|}\\hline ปี & จำนวน \\\\\\hline 2566 & 120 \\\\\\hline"
        " 2567 & 340 \\\\\\hline\\end{tabular}\\end{center}\n\n"
        f"{para}\n\n\\newpage\n{para}\n\n"
        "\\begin{center}\\begin{tikzpicture}\n"
        "\\draw (0,0) rectangle (3.5,1.6) node[pos=.5]{ทฤษฎีสัจนิยม};\n"
        "\\draw (4.5,0) rectangle (8,1.6) node[pos=.5]{ความสัมพันธ์};\n"
        "\\draw (9,0) rectangle (12.5,1.6) node[pos=.5]{แนวโน้มโลก};\n"
        "\\end{tikzpicture}\\\\ ภาพที่ 1.1 กรอบแนวคิดในการวิจัย\\end{center}\n\n"
        f"{para}\n\n\\newpage\n{para}\n\n"
        "\\begin{center}\\includegraphics[width=5cm]{pic.png}\\\\ ภาพที่ 1.2 ภาพตัวอย่าง"
        "\\end{center}\n\n"
        f"{para}\n")
    pdf = _build(tmp, "doc", body)
    out = tmp / "out"
    r = subprocess.run([sys.executable, "-m", "typeset.cli", "import", str(pdf), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return out


def _chapter(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((folder / "chapters").glob("*.md")))


def test_running_head_and_page_numbers_dropped_and_reported(folder):
    md = _chapter(folder)
    assert HEAD not in md
    report = (folder / "import-report.md").read_text(encoding="utf-8")
    assert "running header/footer" in report and HEAD in report and "page number" in report


def test_ruled_table_is_gfm_with_caption(folder):
    md = _chapter(folder)
    assert "| ปี | จำนวน |\n|---|---|\n| 2566 | 120 |\n| 2567 | 340 |" in md
    assert "Table: จำนวนผู้ใช้" in md and "ตารางที่ 1.1" not in md


def test_boxed_diagram_is_a_framework_block(folder):
    md = _chapter(folder)
    block = ("```framework\ncaption: กรอบแนวคิดในการวิจัย\ndirection: horizontal\nboxes:\n"
             "  - ทฤษฎีสัจนิยม\n  - ความสัมพันธ์\n  - แนวโน้มโลก\n```")
    assert block in md


def test_image_saved_to_figures_with_caption(folder):
    figs = list((folder / "figures").iterdir())
    assert len(figs) == 1 and figs[0].stat().st_size > 0
    assert f"![ภาพตัวอย่าง](figures/{figs[0].name})" in _chapter(folder)


def test_footnote_becomes_a_markdown_footnote(folder):
    md = _chapter(folder)
    assert "ดีขึ้น[^p1-1]" in md.replace(" ", "") and f"\n\n[^p1-1]: {NOTE}\n" in md


def test_body_text_kept_whole(folder):
    md = _chapter(folder).replace(" ", "").replace("\n", "")
    assert md.count(TEXT) == 5 * 6


def test_report_chapters_from_type_size(tmp_path):
    para = " ".join([TEXT] * 4)
    body = "".join(f"{{\\LARGE\\bfseries ส่วนที่ {t}}}\n\n{{\\large\\bfseries หัวข้อย่อย{t}}}\n\n"
                   f"{para}\n\n\\newpage\n" for t in ("หนึ่ง", "สอง"))
    pdf = _build(tmp_path, "rep", body, PRE.replace("\\pagestyle{fancy}", "\\pagestyle{plain}"))
    from typeset.pdf import import_pdf

    files = import_pdf(pdf, "report")
    chapters = sorted(k for k in files if k.startswith("chapters/"))
    assert len(chapters) == 2
    assert files[chapters[0]].startswith("# ส่วนที่ หนึ่ง\n\n## หัวข้อย่อยหนึ่ง\n\n")
    assert "template: thai-report" in files["thesis.yaml"]


def test_imported_folder_builds(folder, tmp_path):
    r = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "-o",
                        str(tmp_path / "build"), "--tex-only"], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
