"""typeset diff OLD NEW: word-level changes, chapters paired by heading, moves, exit codes."""
import shutil
from pathlib import Path

import pytest

from typeset.cli import main

FIX = Path(__file__).parent / "fixtures" / "diff"
BASE = FIX / "thesis"


@pytest.fixture(autouse=True)
def plain_output(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def copy(tmp_path, name="new"):
    d = tmp_path / name
    shutil.copytree(BASE, d)
    return d


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_diff(capsys, *args):
    code = main(["diff", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end)]


def test_identical_trees_exit_0_with_no_output(tmp_path, capsys):
    assert run_diff(capsys, BASE, copy(tmp_path)) == (0, "", "")


def test_one_word_change_in_chapter_file_is_that_word(capsys):
    code, out, _ = run_diff(capsys, FIX / "one-word" / "old.md", FIX / "one-word" / "new.md")
    assert code == 1
    assert out == (FIX / "one-word" / "expected.txt").read_text(encoding="utf-8")


def test_thai_only_change_in_a_folder_shows_the_word_and_its_section(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "chapters/03-method.md", "เลือกกลุ่มตัวอย่างแบบเจาะจง", "เลือกกลุ่มตัวอย่างแบบสุ่ม")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "[-เจาะจง-]{+สุ่ม+}" in out
    assert "3.1 ประชากรและกลุ่มตัวอย่าง" in out and "บทที่ 3 วิธีการดำเนินการวิจัย" in out
    assert "chapters/03-method.md:5" in out
    assert out.count("[-") == 1 and out.count("{+") == 1


def test_mixed_thai_english_and_number_changes(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "chapters/02-literature.md", "Chen and Lee (2020)", "Chen and Park (2021)")
    edit(new / "chapters/01-introduction.md", "(Association of Southeast Asian Nations)",
         "(Association of South-East Asian Nations)")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "Chen and [-Lee-]{+Park+} (" in out
    assert "[-2020-]{+2021+}" in out
    assert "[-Southeast-]{+South-East+}" in out
    assert "งานวิจัยของ" in out  # Thai context around the English change


def test_thai_line_reflow_is_not_a_change(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "chapters/01-introduction.md", "การค้าระหว่างประเทศสมาชิก", "การค้าระหว่าง\nประเทศสมาชิก")
    assert run_diff(capsys, BASE, new) == (0, "", "")


def test_section_moved_to_another_chapter_is_a_move(tmp_path, capsys):
    new = copy(tmp_path)
    lit, method = new / "chapters/02-literature.md", new / "chapters/03-method.md"
    sec = section(lit.read_text(encoding="utf-8"), "## ทฤษฎีเสรีนิยมใหม่", "## งานวิจัยที่เกี่ยวข้อง")
    edit(lit, sec, "")
    edit(method, "## การวิเคราะห์ข้อมูล", sec + "## การวิเคราะห์ข้อมูล")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "3.3 ทฤษฎีเสรีนิยมใหม่  moved: from บทที่ 2 แนวคิด ทฤษฎี และงานวิจัยที่เกี่ยวข้อง › 2.2 ทฤษฎีเสรีนิยมใหม่" in out
    assert "removed" not in out and "added" not in out and "[-" not in out


def test_section_moved_within_chapter_with_an_edit_inside(tmp_path, capsys):
    new = copy(tmp_path)
    intro = new / "chapters/01-introduction.md"
    sec = section(intro.read_text(encoding="utf-8"), "## วัตถุประสงค์", "## ขอบเขตของ")
    edit(intro, sec, "")
    intro.write_text(intro.read_text(encoding="utf-8") + "\n" + sec.replace("พัฒนาการ", "วิวัฒนาการ"),
                     encoding="utf-8")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "1.3 วัตถุประสงค์ของการศึกษา  moved: was 1.2 วัตถุประสงค์ของการศึกษา" in out
    assert "[-พัฒนาการ-]{+วิวัฒนาการ+}" in out
    assert "removed" not in out and "added" not in out


def test_renamed_chapter_file_pairs_by_heading(tmp_path, capsys):
    new = copy(tmp_path)
    (new / "chapters/02-literature.md").rename(new / "chapters/02-review.md")
    edit(new / "chapters/02-review.md", "ห้าขั้นตอน", "หกขั้นตอน")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "renamed: chapters/02-literature.md → chapters/02-review.md" in out
    assert "[-ห้า-]{+หก+}" in out
    assert "removed" not in out and "added" not in out


def test_inserted_chapter_renumbers_the_rest_without_false_changes(tmp_path, capsys):
    new = copy(tmp_path)
    ch = new / "chapters"
    (ch / "03-method.md").rename(ch / "04-method.md")
    (ch / "02-literature.md").rename(ch / "03-literature.md")
    (ch / "02-framework.md").write_text("# กรอบแนวคิด\n\nบทนี้อธิบายกรอบแนวคิดของการวิจัย\n", encoding="utf-8")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "บทที่ 2 กรอบแนวคิด" in out and "added" in out
    assert "{+กรอบแนวคิด" in out
    assert "removed" not in out and "[-" not in out


def test_changed_chapter_title_still_pairs(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "chapters/03-method.md", "# วิธีการดำเนินการวิจัย", "# วิธีดำเนินการวิจัย")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "heading" in out and "[-วิธีการ-]{+วิธี+}ดำเนินการวิจัย" in out
    assert "removed" not in out


def test_removed_section_is_reported_with_its_words(tmp_path, capsys):
    new = copy(tmp_path)
    method = new / "chapters/03-method.md"
    edit(method, section(method.read_text(encoding="utf-8"), "## เครื่องมือ", "## การวิเคราะห์"), "")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "3.2 เครื่องมือที่ใช้ในการวิจัย  removed" in out
    assert "ASEANstats" in out


def test_thesis_yaml_change_is_reported(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "thesis.yaml", "year: 2567", "year: 2568")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1 and "[-2567-]{+2568+}" in out and "thesis.yaml" in out


def test_html_side_by_side_is_escaped(tmp_path, capsys):
    new = copy(tmp_path)
    edit(new / "chapters/03-method.md", "จำนวน 8 คน", "จำนวน <script>alert(1)</script> คน")
    page = tmp_path / "d.html"
    code, out, _ = run_diff(capsys, BASE, new, "--format", "html", "-o", page)
    assert code == 1 and out == ""
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<del>8</del>" in html
    assert html.count("<td>") == 2


def test_imported_copies_are_not_chapters(tmp_path, capsys):
    new = copy(tmp_path)
    shutil.copy(new / "chapters/01-introduction.md", new / "chapters/01-introduction.imported.md")
    assert run_diff(capsys, BASE, new)[0] == 0


@pytest.mark.parametrize("args", [("missing-folder",), ("file",)])
def test_errors_exit_2(tmp_path, capsys, args):
    other = tmp_path / "nope" if args[0] == "missing-folder" else FIX / "one-word" / "old.md"
    code, out, err = run_diff(capsys, BASE, other)
    assert code == 2 and out == "" and err.startswith("typeset: error:")


def test_two_renders_give_identical_tex():
    """Regeneration is deterministic, so rebuilt chapters can be compared with git or typeset diff."""
    from typeset.render import render
    from typeset.source import load

    first = render(*load(BASE))
    second = render(*load(BASE))
    assert first == second and "ch01.tex" in first


def test_chapter_split_in_two_reports_a_new_chapter_and_moved_sections(tmp_path, capsys):
    new = copy(tmp_path)
    ch = new / "chapters"
    lit = (ch / "02-literature.md").read_text(encoding="utf-8")
    cut = lit.index("## งานวิจัยที่เกี่ยวข้อง")
    (ch / "02-literature.md").write_text(lit[:cut], encoding="utf-8")
    (ch / "03-method.md").rename(ch / "04-method.md")
    (ch / "03-review.md").write_text("# การทบทวนวรรณกรรม\n\n" + lit[cut:], encoding="utf-8")
    code, out, _ = run_diff(capsys, BASE, new)
    assert code == 1
    assert "บทที่ 3 การทบทวนวรรณกรรม\n  chapters/03-review.md:1  added\n    {+การทบทวนวรรณกรรม+}\n" in out
    assert "3.1 งานวิจัยที่เกี่ยวข้อง  moved: from บทที่ 2 แนวคิด ทฤษฎี และงานวิจัยที่เกี่ยวข้อง › 2.3" in out
    assert "removed" not in out and "[-" not in out


def test_labels_follow_the_template_numerals_as_the_build_prints_them(tmp_path, capsys):
    old, new = copy(tmp_path, "old"), copy(tmp_path)
    for d in (old, new):
        with open(d / "thesis.yaml", "a", encoding="utf-8") as f:
            f.write("settings:\n  numbers: {chapter: thai}\n  headings: {chapter: {label: 'บทที่ {n}'}}\n")
    edit(new / "chapters/03-method.md", "เลือกกลุ่มตัวอย่างแบบเจาะจง", "เลือกกลุ่มตัวอย่างแบบสุ่ม")
    code, out, _ = run_diff(capsys, old, new)
    assert code == 1
    assert "บทที่ ๓ วิธีการดำเนินการวิจัย" in out
    assert "๓.๑ ประชากรและกลุ่มตัวอย่าง" in out
    assert "บทที่ 3" not in out
