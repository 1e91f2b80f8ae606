"""The words and patterns front matter is recognised by: part headings, cover labels, person,
university, faculty, programme, degree, year and statement lines (compared by skeleton, so
damaged spellings still match)."""
from __future__ import annotations

import re

from typeset.thai.chars import skeleton


_HEADINGS = {
    "abstract-th": ["บทคัดย่อ", "บทคัดย่อภาษาไทย"],
    "abstract-en": ["abstract", "บทคัดย่อภาษาอังกฤษ"],
    "acknowledgements": ["กิตติกรรมประกาศ", "acknowledgement", "acknowledgements",
                         "acknowledgment", "acknowledgments"],
    "preface": ["คำนำ", "preface", "foreword"],
    "biography": ["ประวัติผู้เขียน", "ประวัติผู้วิจัย", "ประวัติย่อผู้วิจัย", "ประวัติผู้จัดทำ",
                  "ประวัติผู้ทำวิจัย", "ประวัติผู้ศึกษา", "biography", "vita", "curriculum vitae"],
    "contents": ["สารบัญ", "สารบัญเรื่อง", "สารบัญตาราง", "สารบัญภาพ", "สารบัญรูป", "สารบัญรูปภาพ",
                 "สารบัญแผนภาพ", "สารบัญภาพประกอบ", "contents", "table of contents",
                 "list of tables", "list of figures", "list of illustrations"],
    "committee": ["คณะกรรมการสอบวิทยานิพนธ์", "คณะกรรมการสอบ", "ใบรับรองวิทยานิพนธ์",
                  "ใบรับรองโครงงาน", "คณะกรรมการสอบโครงงาน"],
    "abbreviations": ["คำอธิบายสัญลักษณ์และคำย่อ", "คำอธิบายสัญลักษณ์และอักษรย่อ", "คำอธิบายคำย่อ",
                      "คำย่อ", "อักษรย่อ", "สัญลักษณ์และคำย่อ", "คำอธิบายสัญลักษณ์", "list of abbreviations",
                      "abbreviations", "list of symbols and abbreviations", "list of symbols"],
    "references": ["บรรณานุกรม", "เอกสารอ้างอิง", "รายการอ้างอิง", "references", "bibliography"],
}


def label_key(s: str) -> str:
    """A heading or label as compared: its skeleton (damaged spellings match), no colon, lower case."""
    return skeleton(s).rstrip(":").lower()


HEADING_KEYS = {label_key(h): part for part, hs in _HEADINGS.items() for h in hs}

# label -> (value key); compared by skeleton, so damaged labels match too
_LABELS = {
    "title": ["ชื่อวิทยานิพนธ์", "ชื่อเรื่อง", "หัวข้อวิทยานิพนธ์", "ชื่อโครงงาน", "ชื่อการค้นคว้าอิสระ",
              "ชื่อสารนิพนธ์", "หัวข้อ", "thesis title", "title", "project title"],
    "author": ["ผู้เขียน", "ผู้วิจัย", "ชื่อผู้เขียน", "ชื่อผู้วิจัย", "ชื่อนักศึกษา", "ผู้จัดทำ", "จัดทำโดย",
               "author", "student", "researcher", "by"],
    "degree": ["ปริญญา", "หลักสูตร", "degree"],
    "program": ["สาขาวิชา", "สาขา", "ภาควิชา", "major", "program", "programme", "field of study",
                "department"],
    "faculty": ["คณะ", "สำนักวิชา", "faculty", "school"],
    "university": ["มหาวิทยาลัย", "university", "institution"],
    "year": ["ปีการศึกษา", "ปีที่พิมพ์", "ปีที่ศึกษา", "academic year", "year"],
    "advisor": ["อาจารย์ที่ปรึกษา", "อาจารย์ที่ปรึกษาวิทยานิพนธ์", "อาจารย์ที่ปรึกษาวิทยานิพนธ์หลัก",
                "อาจารย์ที่ปรึกษาหลัก", "ที่ปรึกษา", "advisor", "thesis advisor", "major advisor",
                "advisory committee", "supervisor"],
    "keywords": ["คำสำคัญ", "คำสำคัญ", "keywords", "keyword", "key words"],
    "credits": ["หน่วยกิต", "credits"],
    # kept whole in cover_lines: the build prints them on the cover as written
    "course": ["รายวิชา", "วิชา", "course", "course code"],
    "student_id": ["รหัสนักศึกษา", "รหัสประจำตัว", "รหัสประจำตัวนักศึกษา", "student id", "student no."],
}
LINE_KEYS = {"course", "student_id"}
# the column headings of an abbreviations table, not an entry
GLOSSARY_HEADS = {label_key(w) for w in ["คำย่อ", "อักษรย่อ", "ตัวย่อ", "สัญลักษณ์", "abbreviation",
                                    "abbreviations", "symbol", "symbols", "term"]}
LABEL_KEYS = {label_key(lb): what for what, lbs in _LABELS.items() for lb in lbs}
_MAX_LABEL = max(len(k) for k in LABEL_KEYS)

PERSON = re.compile(r"^(?:นางสาว|นาง|นาย|ว่าที่\s?ร้อยตรี|ว่าที่\s?ร\.ต\.|Mr\.|Mrs\.|Miss|Ms\.)\s*\S")
ACADEMIC = re.compile(r"^(?:ศาสตราจารย์|รองศาสตราจารย์|ผู้ช่วยศาสตราจารย์|อาจารย์|ศ\.|รศ\.|ผศ\.|ดร\.|"
                      r"Prof\.|Assoc\.|Asst\.|Dr\.|Professor|Associate|Assistant)")
BY = {label_key(w) for w in ["โดย", "จัดทำโดย", "ผู้จัดทำ", "by", "เสนอโดย", "prepared by"]}
TO = {label_key(w) for w in ["เสนอ", "เสนอต่อ", "อาจารย์ที่ปรึกษา", "presented to", "submitted to"]}
UNIVERSITY = re.compile(r"(มหาวิทยาลัย\S*|สถาบันเทคโนโลยี\S*|[A-Z][\w ]*University(?: of [A-Z][\w ]*)?|"
                        r"University of [A-Z][\w ]*|[A-Z][\w ]*Institute of Technology[\w ]*)")
FACULTY = re.compile(r"((?:คณะ|สำนักวิชา)\S+|(?:Faculty|School) of [A-Z][\w ]*)")
PROGRAM = re.compile(r"((?:สาขาวิชา|สาขา)\s?\S+|(?:Program|Programme|Department|Major) (?:in|of) [A-Z][\w ]*)")
DEGREE = re.compile(r"(?:หลักสูตร)?ปริญญา\s?(\S+?(?:บัณฑิต|มหาบัณฑิต|ดุษฎีบัณฑิต))|"
                    r"((?:Bachelor|Master|Doctor) of [A-Z][\w]*(?: [A-Z][\w]*)*)")
YEAR = re.compile(r"(?:ปีการศึกษา|ปีการศกษา|ปการศึกษา|Academic Year)\s*([0-9๐-๙]{4})")
SUBMITTED = r"เป็นส่วนหนึ่ง|เปนสวนหนึ่ง|ส่วนหนึ่งของ|in partial fulfil|submitted in"
STATEMENT = re.compile(SUBMITTED + r"|ลิขสิทธิ์|copyright", re.I)
SUBMISSION = re.compile(SUBMITTED, re.I)      # the degree statement, kept as `statement:`
REPORT = re.compile(r"^รายงาน|\breport\b", re.I)  # a report, not a thesis (when no degree is named)
PAGE_TOKEN = r"(?:\d{1,4}|[๐-๙]{1,4}|[ก-ฮ]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})"
CONTENTS_LINE = re.compile(rf"(?:\s|\.{{2,}}|…)\s*{PAGE_TOKEN}$")
PAGE_ALONE = re.compile(rf"^[-–\s]*{PAGE_TOKEN}[-–\s]*$")
DOTS = re.compile(r"^[.…_\s]{8,}")


APPENDIX = re.compile(r"^(?:ภาคผนวก|appendix|appendices)(?:\s*[ก-ฮA-Z0-9]{1,2})?(?:\s.*)?$", re.I)


APPENDIX_LABEL = re.compile(r"^(?:ภาคผนวก|appendix|appendices)(?:\s*(?:[ก-ฮ]|[A-Z0-9]{1,2})(?=\s|$))?", re.I)


def heading_part(text: str) -> str | None:
    """Which part a heading paragraph opens: a front part, 'contents', 'committee', 'references'
    or 'appendix'."""
    t = " ".join(text.split())
    if len(t) > 60:
        return None
    if APPENDIX.match(t) and len(t) <= 40 and not (CONTENTS_LINE.search(t) and len(t.split()) > 2):
        return "appendix"
    return HEADING_KEYS.get(label_key(t))


def split_label(text: str) -> tuple[str, str] | None:
    """'ผู้เขียน นายณภัทร แก้วภิบาล' -> ('author', 'นายณภัทร แก้วภิบาล'); None when unlabelled."""
    best = None
    for m in re.finditer(r"[\s:：]+|$", text[:_MAX_LABEL + 12]):
        head = text[:m.start()]
        k = label_key(head)
        if k in LABEL_KEYS:
            best = (LABEL_KEYS[k], text[m.end():].strip(" :\t"))
        if len(k) > _MAX_LABEL:
            break
    if best and best[0] == "faculty" and not best[1]:
        return None
    return best
