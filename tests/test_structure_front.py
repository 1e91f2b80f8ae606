"""Front matter before the first chapter: cover -> thesis.yaml values, parts -> frontmatter/*.md."""
from __future__ import annotations

import yaml

from typeset.structure.folder import build_thesis, thesis_yaml
from typeset.structure.front import Para, heading_part, read_front, split_label

COVER = """การออกแบบระบบจัดการร้านกาแฟ
ด้วยเว็บแอปพลิเคชัน
Design of a Coffee Shop Management System
โดย
นางสาวสมหญิง ใจดี
วิทยานิพนธ์นี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตรปริญญาวิทยาศาสตรมหาบัณฑิต
สาขาวิชาวิทยาการคอมพิวเตอร์
คณะวิทยาศาสตร์
มหาวิทยาลัยตัวอย่าง
ปีการศึกษา 2567"""


def paras(text: str) -> list[Para]:
    return [Para(t, i + 1) for i, t in enumerate(text.splitlines()) if t.strip()]


def test_cover_lines_become_thesis_values():
    v = read_front(paras(COVER)).values
    assert v["title"] == {"th": "การออกแบบระบบจัดการร้านกาแฟด้วยเว็บแอปพลิเคชัน",
                          "en": "Design of a Coffee Shop Management System"}
    assert v["author"] == {"th": "นางสาวสมหญิง ใจดี"}
    assert v["degree"] == {"th": "วิทยาศาสตรมหาบัณฑิต"}
    assert v["program"] == {"th": "สาขาวิชาวิทยาการคอมพิวเตอร์"}
    assert v["faculty"] == {"th": "คณะวิทยาศาสตร์"}
    assert v["university"] == {"th": "มหาวิทยาลัยตัวอย่าง"}
    assert v["year"] == "2567"


def test_labelled_header_damaged_labels_and_continued_title():
    text = ("ชื่อวิทยานิพนธ์ การลงรหัสดัชนีบิตแมปแบบไฮบริด สำหรับประสิทธิภาพด้าน\n"
            "พื้นที่และเวลา\nผูเ้ ขียน นายณภัทร แก้วภิบาล\nปี การศึกษา 2561\nบทคัดย่อ\n"
            "การพัฒนาของเทคโนโลยีในปัจจุบันได้สร้างข้อมูลจำนวนมหาศาล\nคำสำคัญ: ดัชนี / บิตแมป")
    f = read_front(paras(text))
    assert f.values["title"]["th"].endswith("ประสิทธิภาพด้านพื้นที่และเวลา")
    assert f.values["author"]["th"] == "นายณภัทร แก้วภิบาล"
    assert f.values["year"] == "2561"
    assert f.values["keywords"] == {"th": ["ดัชนี", "บิตแมป"]}
    assert f.parts == {"frontmatter/abstract-th.md": "การพัฒนาของเทคโนโลยีในปัจจุบันได้สร้างข้อมูลจำนวนมหาศาล\n"}


def test_parts_by_heading_even_damaged_and_contents_dropped():
    text = ("คานา\nรายงานเล่มนี้จัดทำขึ้นเพื่อประกอบการเรียน\nสารบัญ\nเรื่อง หน้า\nคำนำ ก\n"
            "บทนำ 1\nABSTRACT\nThis thesis studies bitmap indexes.\nกิตติกรรมประกาศ\nขอขอบคุณอาจารย์")
    f = read_front(paras(text))
    assert f.parts["frontmatter/preface.md"] == "รายงานเล่มนี้จัดทำขึ้นเพื่อประกอบการเรียน\n"
    assert f.parts["frontmatter/abstract-en.md"] == "This thesis studies bitmap indexes.\n"
    assert f.parts["frontmatter/acknowledgements.md"] == "ขอขอบคุณอาจารย์\n"
    assert [line for line, what in f.dropped if what.startswith("contents")] == [3]
    assert not any("บทนำ" in p for p in f.parts.values())


def test_committee_page_and_advisor_role():
    text = ("คณะกรรมการสอบวิทยานิพนธ์\n..................... ประธานกรรมการสอบ\n(ดร.สมชาย ดีมาก)\n"
            "..................... อาจารย์ที่ปรึกษา\n(รศ.ดร.สมศรี ใจงาม)")
    v = read_front(paras(text)).values
    assert v["committee"] == ["ดร.สมชาย ดีมาก"] and v["advisor"] == {"th": "รศ.ดร.สมศรี ใจงาม"}


def test_headings_and_labels_are_not_found_in_prose():
    assert heading_part("บทคัดย่อของงานวิจัยนี้กล่าวถึงการพัฒนาระบบ") is None
    assert heading_part("ภาคผนวก ก") == "appendix" and heading_part("References") == "references"
    assert split_label("การศึกษาครั้งนี้มีวัตถุประสงค์") is None


def test_thesis_yaml_keeps_todo_only_for_what_is_missing():
    y = yaml.safe_load(thesis_yaml({"title": {"th": "ชื่อ: เรื่อง"}, "year": "2567",
                                    "committee": ["ดร.ก"]}, "x.txt"))
    assert y["title"] == {"th": "ชื่อ: เรื่อง", "en": "TODO: English title"}
    assert y["year"] == 2567 and y["committee"] == ["ดร.ก"]
    assert y["author"]["th"].startswith("TODO")


def test_text_import_keeps_front_matter_and_reference_list():
    body = ["บทที่ 1", "บทนำ", "", "1.1 ความเป็นมา", "", "ข้อความในบทที่หนึ่ง", ""]
    raw = COVER.splitlines() + ["", "บทคัดย่อ", "", "งานวิจัยนี้ศึกษาระบบจัดการร้านกาแฟ", ""] + body + [
        "บรรณานุกรม", "", "สมชาย ใจดี. (2560). การจัดการร้านกาแฟ. กรุงเทพฯ: สำนักพิมพ์.", ""]
    text = "\n".join(raw)
    files, doc = build_thesis(text, text.splitlines(), "x.txt")
    assert yaml.safe_load(files["thesis.yaml"])["author"]["th"] == "นางสาวสมหญิง ใจดี"
    assert files["frontmatter/abstract-th.md"] == "งานวิจัยนี้ศึกษาระบบจัดการร้านกาแฟ\n"
    assert files["references.md"] == "- สมชาย ใจดี. (2560). การจัดการร้านกาแฟ. กรุงเทพฯ: สำนักพิมพ์.\n"
    ch1 = files[next(k for k in files if k.startswith("chapters/01"))]
    assert "บรรณานุกรม" not in ch1 and "ข้อความในบทที่หนึ่ง" in ch1


def test_numbered_headings_make_chapters_without_bthi_lines():
    raw = ["สารบัญ", "1 บทนำ 1", "1.1 ที่มา 1", "2 ทฤษฎี 3", "", "1 บทนำ", "", "1.1 ที่มา", "",
           "ข้อความบทนำ", "", "2 ทฤษฎี", "", "2.1 แนวคิด", "", "ข้อความทฤษฎี", ""]
    text = "\n".join(raw)
    files, doc = build_thesis(text, text.splitlines(), "x.txt")
    assert [c.plain_title for c in doc.chapters] == ["บทนำ", "ทฤษฎี"]
    assert "ข้อความบทนำ" in files[next(k for k in files if k.startswith("chapters/01"))]


def test_signature_line_and_name_read_as_one_paragraph():
    text = ("คณะกรรมการสอบวิทยานิพนธ์\n"
            "................................ ประธานกรรมการสอบวิทยานิพนธ์ (ดร.สมชาย ดีมาก)\n"
            "................................ อาจารย์ที่ปรึกษาวิทยานิพนธ์ (รศ.ดร.สมศรี ใจงาม)")
    v = read_front(paras(text)).values
    assert v["committee"] == ["ดร.สมชาย ดีมาก"] and v["advisor"] == {"th": "รศ.ดร.สมศรี ใจงาม"}


def test_a_repeated_title_page_gives_each_value_once():
    v = read_front(paras(COVER + "\n" + COVER)).values
    assert v["title"]["th"] == "การออกแบบระบบจัดการร้านกาแฟด้วยเว็บแอปพลิเคชัน"
    assert v["author"] == {"th": "นางสาวสมหญิง ใจดี"}


# a course report cover with the reader's size hints: the course line is the largest text
REPORT_COVER = [("รายวิชา 204321 DATABASE SYSTEMS", 24), ("LABORATORY", 24), ("ระบบยืมคืนหนังสือห้องสมุด", 22),
                ("จัดทำโดย", 22), ("นายสมชาย รักเรียน รหัสนักศึกษา 6401234", 20), ("เสนอ", 22),
                ("อาจารย์ ดร. สมศรี ใจงาม", 20),
                ("รายงานนี้เป็นส่วนหนึ่งของรายวิชา 204321 DATABASE SYSTEMS", 20),
                ("LABORATORY (ภาคปฏิบัติ)", 20), ("คณะวิทยาศาสตร์ สาขาวิชาวิทยาการคอมพิวเตอร์", 20),
                ("มหาวิทยาลัยตัวอย่าง", 20), ("ภาคเรียนที่ 2 ปีการศึกษา 2566", 20)]


def report_paras(lines=REPORT_COVER) -> list[Para]:
    return [Para(t, i + 1, size=float(s), centered=True) for i, (t, s) in enumerate(lines)]


def test_no_cover_line_vanishes():
    fr = read_front(report_paras())
    assert fr.dropped == []
    v = fr.values
    assert v["cover_lines"] == ["รายวิชา 204321 DATABASE SYSTEMS LABORATORY", "รหัสนักศึกษา 6401234",
                                "ภาคเรียนที่ 2"]
    assert v["statement"] == {"th": "รายงานนี้เป็นส่วนหนึ่งของรายวิชา 204321 DATABASE SYSTEMS "
                                    "LABORATORY (ภาคปฏิบัติ)"}
    assert v["author"] == {"th": "นายสมชาย รักเรียน"}
    assert v["program"] == {"th": "สาขาวิชาวิทยาการคอมพิวเตอร์"}
    assert v["year"] == "2566"
    data = yaml.safe_load(thesis_yaml(v, "cover.docx"))
    assert data["cover_lines"] == v["cover_lines"] and data["statement"] == v["statement"]


def test_statement_stops_where_the_values_start():
    text = ("ระบบทดลอง\nโดย\nนายเอ บี\nวิทยานิพนธ์นี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตรปริญญาวิศวกรรมศาสตรมหาบัณฑิต "
            "สาขาวิชาวิศวกรรมไฟฟ้า\nมหาวิทยาลัยตัวอย่าง")
    v = read_front(paras(text)).values
    assert v["statement"] == {"th": "วิทยานิพนธ์นี้เป็นส่วนหนึ่งของการศึกษาตามหลักสูตรปริญญาวิศวกรรมศาสตรมหาบัณฑิต"}
    assert v["program"] == {"th": "สาขาวิชาวิศวกรรมไฟฟ้า"} and "cover_lines" not in v


def test_title_is_not_a_labelled_line_nor_its_continuation():
    v = read_front(report_paras()).values
    assert v["title"] == {"th": "ระบบยืมคืนหนังสือห้องสมุด"}
    # without size hints too
    v = read_front([Para(t, i) for i, (t, _) in enumerate(REPORT_COVER)]).values
    assert v["title"] == {"th": "ระบบยืมคืนหนังสือห้องสมุด"}


def test_a_report_without_a_degree_gets_the_report_template():
    v = read_front(report_paras()).values
    assert v["template"] == "thai-report"
    assert thesis_yaml(v, "x").splitlines()[2] == "template: thai-report"
    v = read_front(paras(COVER)).values          # a thesis: it names its degree
    assert "template" not in v
    assert thesis_yaml(v, "x").splitlines()[2] == "template: thai-thesis"


def test_reference_heading_kept_when_it_differs_from_the_default():
    refs = "\nสมชาย ใจดี. (2560). หนังสือตัวอย่าง. กรุงเทพฯ: สำนักพิมพ์."
    v = read_front(paras("คำนำ\nรายงานฉบับนี้จัดทำขึ้น\nเอกสารอ้างอิง" + refs)).values
    assert v["settings"] == {"bibliography": {"title": "เอกสารอ้างอิง"}}
    assert yaml.safe_load(thesis_yaml(v, "x"))["settings"] == {"bibliography": {"title": "เอกสารอ้างอิง"}}
    v = read_front(paras("คำนำ\nรายงานฉบับนี้จัดทำขึ้น\nบรรณานุกรม" + refs)).values
    assert "settings" not in v and "settings" not in yaml.safe_load(thesis_yaml(v, "x"))


def test_contents_entries_set_smaller_than_the_contents_heading_open_no_part():
    body = [("สารบัญ", 22), ("คำนำ", 18), ("บทนำ", 18), ("เอกสารอ้างอิง", 18), ("หน้า", 22), ("ก", 18)]
    fr = read_front([Para(t, 2000 + i, size=float(s)) for i, (t, s) in enumerate(body)])
    assert fr.parts == {} and "settings" not in fr.values


def test_tiny_cover_text_is_reported_not_printed():
    fr = read_front(report_paras([("XKZb0028dd3", 12)] + REPORT_COVER + [("หน้าปกสำรอง", 20)]))
    assert "XKZb0028dd3" not in fr.values["cover_lines"] and "หน้าปกสำรอง" in fr.values["cover_lines"]
    assert [what for _, what in fr.dropped] == ["cover line not placed in thesis.yaml: XKZb0028dd3"]
