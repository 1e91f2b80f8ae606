"""The .docx import's front and back matter and captions: .docx files the tests write with
python-docx, read back through import_docx."""
from __future__ import annotations

import docx
import yaml

from typeset.docx import import_docx
from typeset.source.markdown import _md


def _table(d, cell: str) -> None:
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "ปี", "มูลค่า"
    t.cell(1, 0).text, t.cell(1, 1).text = "2566", cell



def _imported(d, path):
    """Save the document, import it: (the folder's files, thesis.yaml read back)."""
    d.save(path)
    files, _ = import_docx(path)
    return files, yaml.safe_load(files["thesis.yaml"])

def test_captions_below_tables_stay_with_their_own_table(tmp_path):
    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", level=1)
    _table(d, "หนึ่ง")
    d.add_paragraph("ตารางที่ 1.1 ตารางแรก")
    _table(d, "สอง")
    d.add_paragraph("ตารางที่ 1.2 ตารางที่สอง")
    d.save(tmp_path / "t.docx")
    files, _ = import_docx(tmp_path / "t.docx")
    md = files["chapters/01-chapter.md"]
    first, second = md.index("หนึ่ง"), md.index("สอง")
    assert md.index("Table: ตารางแรก") > first and md.index("Table: ตารางแรก") < second
    assert md.index("Table: ตารางที่สอง") > second
    assert "no table next to it" not in files["import-report.md"]


def test_abstract_header_and_reference_list(tmp_path):
    d = docx.Document()
    for line in ("ชื่อวิทยานิพนธ์\tการจัดเก็บข้อมูลแบบบิตแมป", "ผู้เขียน\tนายสมชาย ใจดี",
                 "สาขาวิชา\tวิทยาการคอมพิวเตอร์", "ปีการศึกษา\t2561"):
        d.add_paragraph(line)
    d.add_paragraph("บทคัดย่อ")
    d.add_paragraph("งานวิจัยนี้ศึกษาการจัดเก็บข้อมูลจำนวนมาก")
    d.add_heading("บทที่ 1 บทนำ", level=1)
    d.add_paragraph("เนื้อหา")
    d.add_heading("เอกสารอ้างอิง", level=1)
    d.add_paragraph("สมชาย ใจดี. (2561). การจัดเก็บข้อมูล. กรุงเทพฯ.")
    files, meta = _imported(d, tmp_path / "a.docx")
    assert meta["title"]["th"] == "การจัดเก็บข้อมูลแบบบิตแมป" and meta["author"]["th"] == "นายสมชาย ใจดี"
    assert meta["program"]["th"] == "วิทยาการคอมพิวเตอร์" and str(meta["year"]) == "2561"
    assert meta["settings"]["bibliography"]["title"] == "เอกสารอ้างอิง"
    assert files["frontmatter/abstract-th.md"].strip() == "งานวิจัยนี้ศึกษาการจัดเก็บข้อมูลจำนวนมาก"
    # the labelled header lines are placed: not reported as lost
    assert "front matter not placed" not in files["import-report.md"]
    refs = files["references.md"]
    assert not refs.lstrip().startswith("#")      # the build prints the title
    tokens = _md().parse(refs)
    assert [t.type for t in tokens][:2] == ["bullet_list_open", "list_item_open"]
    assert "สมชาย ใจดี. (2561)" in refs


def test_abbreviations_page_becomes_thesis_yaml_abbreviations(tmp_path):
    d = docx.Document()
    d.add_paragraph("คำอธิบายสัญลักษณ์และคำย่อ")
    t = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("คำย่อ", "ความหมาย"), ("ARM", "กฎความสัมพันธ์"),
                                ("MF", "Matrix Factorization")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    d.add_paragraph("GDP\tผลิตภัณฑ์มวลรวมภายในประเทศ")
    d.add_heading("บทที่ 1 บทนำ", level=1)
    d.add_paragraph("เนื้อหา")
    files, meta = _imported(d, tmp_path / "g.docx")
    assert list(meta["abbreviations"].items()) == [("ARM", "กฎความสัมพันธ์"), ("MF", "Matrix Factorization"),
                                                   ("GDP", "ผลิตภัณฑ์มวลรวมภายในประเทศ")]
    assert "a table before the first chapter" not in files["import-report.md"]
