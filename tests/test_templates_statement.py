"""The degree statement names the kind of work: วิทยานิพนธ์ (thai-thesis) or การค้นคว้าอิสระ
(thai-report, by its own front/statement_*.tex.j2 partials)."""
from __future__ import annotations

import re

import pytest

from typeset.cli import main


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "thesis.yaml").write_text(
        "title: {th: เรื่องทดสอบ, en: A Test}\nauthor: {th: ผู้เขียน, en: Author}\n"
        "degree: {th: รัฐศาสตรมหาบัณฑิต, en: Master of Political Science}\nyear: 2567\n"
        "settings:\n  frontmatter: {order: [cover, title_th, title_en]}\n", encoding="utf-8")
    (src / "chapters" / "01-intro.md").write_text("# บทนำ\n\nข้อความ\n", encoding="utf-8")
    return src


def _main_tex(folder, tmp_path, template):
    out = tmp_path / template
    assert main(["build", str(folder), "-o", str(out), "--tex-only", "--template", template]) == 0
    tex = (out / "tex" / "thesis.tex").read_text(encoding="utf-8").replace(r"\thaibreak{}", "")
    return re.sub(r"(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\{\}", "", tex)   # เป็{}น: the letter-glue stop


def test_thesis_statement_says_thesis(folder, tmp_path):
    tex = _main_tex(folder, tmp_path, "thai-thesis")
    assert "วิทยานิพนธ์นี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตรรัฐศาสตรมหาบัณฑิต" in tex
    assert "A THESIS SUBMITTED" in tex and "การค้นคว้าอิสระ" not in tex


def test_report_statement_says_independent_study(folder, tmp_path):
    tex = _main_tex(folder, tmp_path, "thai-report")
    assert "การค้นคว้าอิสระนี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตรรัฐศาสตรมหาบัณฑิต" in tex
    assert "AN INDEPENDENT STUDY SUBMITTED" in tex and "วิทยานิพนธ์" not in tex
