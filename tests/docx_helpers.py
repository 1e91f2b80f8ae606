"""Word files the .docx import tests write themselves with python-docx (no third-party document
is copied into the repository). Each builder returns the path it wrote."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def png_bytes(w: int = 4, h: int = 3) -> bytes:
    """A small valid PNG (grey pixels), written without an image library."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * w for _ in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _run(p, text, bold=None, italic=None, size=None):
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if bold:
        r.font.cs_bold = True
    if size:
        r.font.size = Pt(size)
        rpr = r._r.get_or_add_rPr()
        rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{int(size * 2)}"/>'))
    return r


def add_footnotes(document, notes: dict[int, str]) -> None:
    """A footnotes part (python-docx has no API to make one) with the given notes."""
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'
                   f'</w:footnote>' for i, t in notes.items())
    xml = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
           f'{body}</w:footnotes>').encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(p, note_id: int) -> None:
    r = p.add_run()
    r._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{note_id}"/>'))


def add_field(p, instr: str, result: str) -> None:
    """A complex field (begin, instruction, separate, result, end) at the end of paragraph p."""
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', f'<w:r><w:t>{result}</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(parse_xml(xml.replace("<w:r>", f'<w:r {nsdecls("w")}>')))


def line_break(p) -> None:
    p.add_run().add_break()


def styled(path: Path) -> Path:
    """Heading styles, Thai text, bold/italic, lists nested by style, a captioned table with a
    merged cell, a captioned image, a footnote, a hyperlink field, a quote, a TOC field."""
    d = docx.Document()
    add_footnotes(d, {1: "เชิงอรรถที่หนึ่ง"})
    d.add_paragraph("การศึกษาความสัมพันธ์ระหว่างประเทศ", style="Title")
    d.add_paragraph("นายสมชาย ใจดี")
    toc = d.add_paragraph()
    toc._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'))
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>บทนำ 1</w:t></w:r>'))
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    d.add_heading("บทที่ 1 บทนำ", level=1)
    d.add_heading("1.1 ที่มาและความสำคัญ", level=2)
    p = d.add_paragraph("ประเทศไทยมี")
    _run(p, "ความสัมพันธ์", bold=True)
    p.add_run("กับหลายประเทศ ")
    _run(p, "(Relations)", italic=True)
    p.add_run(" มาอย่างยาวนาน")
    footnote_ref(p, 1)
    p = d.add_paragraph("บรรทัดแรกของย่อหน้า")
    line_break(p)
    p.add_run("ต่อกันแบบไทย   มีช่องว่าง\tหลายตัว")
    d.add_heading("1.2 วัตถุประสงค์", level=2)
    d.add_paragraph("เพื่อศึกษาปัจจัย", style="List Number")
    d.add_paragraph("เพื่อวิเคราะห์แนวโน้ม", style="List Number")
    d.add_paragraph("ข้อย่อยแบบจุด", style="List Bullet 2")
    d.add_paragraph("เพื่อเสนอแนะ", style="List Number")
    d.add_paragraph("คำกล่าวที่ยกมาอ้างอิงไว้", style="Quote")
    d.add_heading("1.2.1 ข้อมูล", level=3)
    d.add_paragraph("ตารางที่ 1.1 มูลค่าการค้า")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["ประเทศ", "ปี", "มูลค่า"], ["รัสเซีย", "2566", "1,200"], ["จีน", "", ""]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(2, 1).merge(t.cell(2, 2))
    t.cell(2, 1).paragraphs[0].text = "ไม่มีข้อมูล"
    img = path.parent / "pixel.png"
    img.write_bytes(png_bytes())
    d.add_picture(str(img), width=Inches(1))
    d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("ภาพที่ 1.1 แผนที่ภูมิภาค")
    add_field(d.add_paragraph("ดูเพิ่มเติมที่ "), ' HYPERLINK "https://example.org/th" ', "เว็บไซต์")
    d.add_heading("บทที่ 2 ทฤษฎี", level=1)
    d.add_heading("2.1 แนวคิด", level=2)
    d.add_paragraph("เนื้อหาบทที่สอง")
    d.add_heading("ภาคผนวก ก แบบสอบถาม", level=1)
    d.add_paragraph("คำถามข้อหนึ่ง")
    d.save(path)
    return path


def plain(path: Path) -> Path:
    """Everything 'Normal': chapters and headings only from bold, bigger, centred type."""
    d = docx.Document()
    for text, bold, size, center in [
            ("บทที่ ๑", True, 20, True), ("บทนำ", True, 20, True),
            ("1.1 ความเป็นมา", True, 16, False),
            ("ย่อหน้าแรกของบทที่หนึ่งเป็นเนื้อหาทั่วไป ไม่ใช่หัวข้อ", None, 16, False),
            ("1.3 ขอบเขต", True, 16, False),
            ("1. ขั้นตอนแรก", True, 16, False),
            ("รายละเอียดของขั้นตอนแรก", None, 16, False),
            ("2. ขั้นตอนที่สอง", True, 16, False),
            ("• รายการแบบพิมพ์จุดเอง", None, 16, False),
            ("บทที่ 2", True, 20, True), ("ทฤษฎีที่เกี่ยวข้อง", True, 20, True),
            ("2.1 ทฤษฎีแรก", True, 16, False), ("เนื้อหาของทฤษฎีแรก", None, 16, False),
            ("บรรณานุกรม", True, 20, True),
            ("สมชาย ใจดี. (2560). ความสัมพันธ์ระหว่างประเทศ. กรุงเทพฯ: สำนักพิมพ์.", None, 16, False),
            ("Waltz, K. (1979). Theory of International Politics. Addison-Wesley.", None, 16, False)]:
        p = d.add_paragraph()
        _run(p, text, bold=bold, size=size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.save(path)
    return path


def _numbering(document, levels: list[tuple[str, str, str]], num_id: int) -> None:
    """An abstractNum with levels (numFmt, lvlText, pStyle) and its num, added to numbering.xml."""
    root = document.part.numbering_part.element
    lv = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                 + (f'<w:pStyle w:val="{style}"/>' if style else "")
                 + f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, style) in enumerate(levels))
    root.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lv}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _num(p, num_id: int, ilvl: int) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def numbered(path: Path) -> Path:
    """Word's automatic numbering: 'บทที่ %1' on Heading 1, '%1.%2' on Heading 2 (the numbers are
    not in the text), a bullet list nested by numPr levels, a w:hyperlink, a text box, a table
    with a vertically merged cell."""
    d = docx.Document()
    _numbering(d, [("decimal", "บทที่ %1", "Heading1"), ("decimal", "%1.%2", "Heading2")], 50)
    _numbering(d, [("bullet", "•", ""), ("bullet", "○", ""), ("decimal", "%3)", "")], 51)
    d.add_paragraph("บทคัดย่อ", style="Heading 1")       # a front heading set as Heading 1
    d.add_paragraph("งานวิจัยนี้ศึกษาการจัดหน้าวิทยานิพนธ์ภาษาไทย")
    from docx.enum.style import WD_STYLE_TYPE
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("บทนำ 1", style="toc 1")            # a contents line typed, not a field
    for text, style, lvl in [("บทนำ", "Heading 1", 0), ("ที่มา", "Heading 2", 1), ("ขอบเขต", "Heading 2", 1)]:
        _num(d.add_paragraph(text, style=style), 50, lvl)
    for text, lvl in [("ระดับแรก", 0), ("ระดับสอง", 1), ("ลำดับหนึ่ง", 2), ("ลำดับสอง", 2), ("กลับระดับแรก", 0)]:
        _num(d.add_paragraph(text), 51, lvl)
    q = d.add_paragraph("ข้อความที่ยกมาโดยย่อหน้าเข้าทั้งสองข้าง")
    q.paragraph_format.left_indent = Inches(0.75)
    q.paragraph_format.right_indent = Inches(0.75)
    p = d.add_paragraph("อ่านที่ ")
    rid = d.part.relate_to("https://example.org/thai", RT.HYPERLINK, is_external=True)
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>เว็บไซต์ไทย</w:t></w:r>'
                          '</w:hyperlink>'))
    p = d.add_paragraph("มีกล่องข้อความ")
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
        '<w:t>ข้อความในกล่อง</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    _num(d.add_paragraph("บทที่สอง", style="Heading 1"), 50, 0)
    d.add_paragraph("ตารางที่ 2.1 ข้อมูลรวม")
    t = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["กลุ่ม", "ค่า"], ["ก", "1"], ["", "2"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(2, 0))
    d.save(path)
    return path


def wmf_bytes() -> bytes:
    """A small valid Windows metafile (a rectangle), written by hand."""
    key, bbox, inch = 0x9AC6CDD7, (0, 0, 100, 50), 96
    check = 0
    for w in struct.unpack("<10H", struct.pack("<IHhhhhHI", key, 0, *bbox, inch, 0)):
        check ^= w
    placeable = struct.pack("<IHhhhhHIH", key, 0, *bbox, inch, 0, check)
    records = (struct.pack("<IHhh", 5, 0x020C, 50, 100) + struct.pack("<IHhhhh", 7, 0x041B, 40, 90, 10, 10)
               + struct.pack("<IH", 3, 0))
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, (18 + len(records)) // 2, 0, 7, 0)
    return placeable + header + records


def with_image(path: Path, blob: bytes, content_type: str) -> Path:
    """A chapter with one captioned picture whose data is `blob` (python-docx only inserts
    PNG/JPEG/GIF/BMP/TIFF: a PNG is inserted, then its part's data and type replaced)."""
    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", level=1)
    img = path.with_suffix(".png")
    img.write_bytes(png_bytes())
    d.add_picture(str(img))
    d.add_paragraph("ภาพที่ 1.1 แผนภาพ")
    for rel in d.part.rels.values():
        if rel.reltype == RT.IMAGE:
            rel.target_part._blob = blob
            rel.target_part._content_type = content_type
    d.save(path)
    return path
