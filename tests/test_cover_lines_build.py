"""An imported cover's statement: and cover_lines: reach the cover, escaped (thesis.yaml text is data)."""
from __future__ import annotations

import pytest

from typeset.cli import main

YAML = """template: {template}
title: {th: ระบบยืมคืนหนังสือ, en: A Library System}
author: {th: นายสมชาย รักเรียน, en: Somchai Rakrian}
degree: {th: วิทยาศาสตรบัณฑิต, en: Bachelor of Science}
program: {th: สาขาวิชาวิทยาการคอมพิวเตอร์, en: Computer Science}
faculty: {th: คณะวิทยาศาสตร์, en: Faculty of Science}
university: {th: มหาวิทยาลัยตัวอย่าง, en: Example University}
advisor: {th: อาจารย์ ดร. สมศรี ใจงาม, en: Dr. Somsri Jaingam}
year: 2566
statement: {th: "รายงานนี้เป็นส่วนหนึ่งของรายวิชา CS_101 & LAB {50%}", en: "A REPORT FOR CS_101 #2"}
cover_lines:
  - "รหัสนักศึกษา 64#01 ~ 100%"
  - ภาคเรียนที่ 2
"""


@pytest.mark.parametrize("template", ["thai-report", "thai-thesis"])
def test_statement_and_cover_lines_are_printed_escaped(tmp_path, template):
    src = tmp_path / "report"
    (src / "chapters").mkdir(parents=True)
    (src / "thesis.yaml").write_text(YAML.replace("{template}", template), encoding="utf-8")
    (src / "chapters" / "01-intro.md").write_text("# บทนำ\n\nเนื้อหา\n", encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "--tex-only"]) == 0
    tex = (tmp_path / "out" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    cover = tex[tex.index(r"\begin{titlepage}"):tex.index(r"\end{titlepage}")]
    assert r"CS\_101 \& LAB \{50\%\}" in cover
    assert r"64\#01 \textasciitilde{} 100\%" in cover or r"64\#01 \textasciitilde 100\%" in cover
    assert "ภาคเรียนที่ 2\\par" in cover.replace(r"\thaibreak{}", "")
    # the given statement replaces the generated one
    assert "นี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตร" not in tex.replace(r"\thaibreak{}", "")
    assert "CS_101 &" not in tex
    if template == "thai-thesis":      # its English title page prints the English statement
        assert r"A REPORT FOR CS\_101 \#2\par" in tex and "A THESIS SUBMITTED" not in tex
