"""typeset import FILE.docx: .docx files written by the tests (docx_helpers) -> the expected
thesis folder (tests/fixtures/docx/<case>/), errors, the re-import guard, the real documents."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import docx_helpers
from shared_helpers import SHARED, need
from typeset.docx import import_docx
from typeset.errors import UserError
from typeset.source import load, nodes as n

FIXTURES = Path(__file__).parent / "fixtures" / "docx"


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "typeset.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("case", ["styled", "plain", "numbered"])
def test_docx_gives_expected_markdown(tmp_path, case):
    src = getattr(docx_helpers, case)(tmp_path / f"{case}.docx")
    files, _ = import_docx(src)
    expected = sorted(p for p in (FIXTURES / case).rglob("*.md"))
    assert expected
    for p in expected:
        rel = p.relative_to(FIXTURES / case).as_posix()
        assert files.get(rel) == p.read_text(encoding="utf-8"), rel
    written = {k for k in files if k.endswith(".md") and k != "import-report.md"}
    assert written == {p.relative_to(FIXTURES / case).as_posix() for p in expected}


def test_styled_import_builds_the_tree_and_reports(tmp_path):
    files, summary = import_docx(docx_helpers.styled(tmp_path / "s.docx"))
    assert files["figures/image1.png"] == docx_helpers.png_bytes()
    assert "title: {th: การศึกษาความสัมพันธ์ระหว่างประเทศ" in files["thesis.yaml"]
    report = files["import-report.md"]
    assert "| Heading 2 | 3 | heading level 2 |" in report
    assert "merged cell" in report and "table-of-contents" in report
    out = tmp_path / "out"
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    doc, _ = load(out)
    ch1 = doc.chapters[0]
    table = next(b for b in ch1.blocks if isinstance(b, n.Table))
    figure = next(b for b in ch1.blocks if isinstance(b, n.Figure))
    assert table.number == "1.1" and n.plain_text(table.caption) == "มูลค่าการค้า"
    assert figure.number == "1.1" and n.plain_text(figure.caption) == "แผนที่ภูมิภาค"
    notes = [x for b in n.walk(ch1.blocks) if isinstance(b, n.Paragraph) for x in b.children
             if isinstance(x, n.FootnoteRef)]
    assert n.plain_text(notes[0].children) == "เชิงอรรถที่หนึ่ง"
    assert [s.number for s in n.walk(ch1.blocks) if isinstance(s, n.Section)] == ["1.1", "1.2", "1.2.1"]


def test_numbering_differences_are_warned(tmp_path):
    files, _ = import_docx(docx_helpers.plain(tmp_path / "p.docx"))
    assert "Word numbers it 1.3, the build numbers it 1.2" in files["import-report.md"]


def _omml_docx(path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", level=1)
    p = d.add_paragraph("ค่า ")
    p._p.append(parse_xml('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                          '<m:r><m:t>x+1</m:t></m:r></m:oMath>'))
    p.add_run(" คือผลรวม")
    d.save(path)
    return path


def test_omml_equation_without_pandoc_keeps_its_characters_and_is_reported(tmp_path, monkeypatch):
    import typeset.docx.math as docx_math

    monkeypatch.setattr(docx_math.shutil, "which", lambda name: None)
    files, _ = import_docx(_omml_docx(tmp_path / "m.docx"))
    assert "ค่า x+1 คือผลรวม" in files["chapters/01-chapter.md"]
    assert "equation (Word math) kept as its plain characters" in files["import-report.md"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc converts OMML (make deps installs it)")
def test_omml_equation_becomes_latex_math(tmp_path):
    files, _ = import_docx(_omml_docx(tmp_path / "m.docx"))
    assert "ค่า $x + 1$ คือผลรวม" in files["chapters/01-chapter.md"]
    assert "equations (Word math) converted to LaTeX" in files["import-report.md"]


@pytest.mark.parametrize("content, name, message", [
    (b"just text, not a zip", "x.docx", r"not a Word \(.docx\) file"),
    (b"PK\x03\x04broken", "x.docx", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "x.docx",
     "password-protected"),
])
def test_bad_files_are_one_line_errors(tmp_path, content, name, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(UserError, match=message):
        import_docx(p)


def test_zip_without_document_is_refused(tmp_path):
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(UserError, match="not a Word document"):
        import_docx(p)


def test_cli_dispatches_docx_and_guards_edits(tmp_path):
    src = docx_helpers.plain(tmp_path / "p.docx")
    out = tmp_path / "out"
    r = cli("import", src, "-o", out)
    assert r.returncode == 0, r.stderr
    ch = out / "chapters" / "01-chapter.md"
    ch.write_text(ch.read_text(encoding="utf-8") + "\nข้อความที่นักศึกษาเพิ่มเอง\n", encoding="utf-8")
    r = cli("import", src, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "ข้อความที่นักศึกษาเพิ่มเอง" in ch.read_text(encoding="utf-8")
    assert (out / "chapters" / "01-chapter.imported.md").is_file()
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    r = cli("import", bad, "-o", tmp_path / "o2")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "old.doc" in r.stderr
    assert "Traceback" not in r.stderr


REAL = [("thesis-proposal/source.docx", "thesis-proposal/gold.txt"),
        ("thesis-abstract/source.docx", "thesis-abstract/gold.txt"),
        ("course-report/preface.docx", "course-report/preface.gold.txt")]


@pytest.mark.parametrize("docx_rel, gold_rel", REAL, ids=[r[0] for r in REAL])
def test_real_documents_lose_no_paragraph(tmp_path, docx_rel, gold_rel):
    """Every gold paragraph is found in the import (headings' and captions' numbers are dropped
    by design, so only 'missing' is held to the target here)."""
    src, gold = SHARED / "realworld" / docx_rel, SHARED / "realworld" / gold_rel
    scorer = SHARED / "eval" / "score_doc.py"
    need(src, gold, scorer)
    files, _ = import_docx(src)
    out = tmp_path / "out"
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    r = subprocess.run([sys.executable, str(scorer), str(out), str(gold)], capture_output=True, text=True,
                       timeout=300)
    last = r.stdout.strip().splitlines()[-1]
    missing = float(last.split("missing=")[1].split()[0])
    assert missing <= 0.01, r.stdout


def test_word_citation_sources_become_references_bib(tmp_path):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    d = docx.Document()
    b = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
    sources = (f'<b:Sources xmlns:b="{b}"><b:Source><b:Tag>Wal79</b:Tag><b:SourceType>Book</b:SourceType>'
               '<b:Author><b:Author><b:NameList><b:Person><b:Last>Waltz</b:Last><b:First>Kenneth</b:First>'
               '</b:Person></b:NameList></b:Author></b:Author><b:Title>Theory of International Politics'
               '</b:Title><b:Year>1979</b:Year></b:Source></b:Sources>').encode("utf-8")
    part = Part(PackURI("/customXml/item90.xml"), "application/xml", sources, d.part.package)
    d.part.relate_to(part, RT.CUSTOM_XML)
    d.add_heading("บทที่ 1 บทนำ", level=1)
    docx_helpers.add_field(d.add_paragraph("ทฤษฎีสัจนิยมใหม่ "), " CITATION Wal79 \\p 12 \\l 1054 ",
                           "(Waltz, 1979)")
    d.save(tmp_path / "c.docx")
    files, _ = import_docx(tmp_path / "c.docx")
    assert "ทฤษฎีสัจนิยมใหม่ [@Wal79, p. 12]" in files["chapters/01-chapter.md"]
    bib = files["references.bib"]
    assert bib.startswith("@book{Wal79,") and "author = {Waltz, Kenneth}" in bib and "year = {1979}" in bib


def test_word_numbering_that_matches_the_build_is_not_warned(tmp_path):
    files, _ = import_docx(docx_helpers.numbered(tmp_path / "n.docx"))
    report = files["import-report.md"]
    assert "## Warnings: Word's numbering and the build's (0)" in report
    assert "| text box paragraphs | 1 |" in report


def test_broken_xml_inside_is_a_one_line_error(tmp_path):
    good = docx_helpers.plain(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]      # cut off mid-element
            zout.writestr(item, data)
    with pytest.raises(UserError, match="damaged"):
        import_docx(bad)


def test_a_figure_the_student_replaced_is_never_overwritten(tmp_path):
    from typeset.docx.media import write_figures

    out = tmp_path / "out"
    assert write_figures(out, {"figures/a.png": b"one"}) == []
    assert write_figures(out, {"figures/a.png": b"two"}) == []          # ours, unedited: updated
    assert (out / "figures" / "a.png").read_bytes() == b"two"
    (out / "figures" / "a.png").write_bytes(b"student's")
    notes = write_figures(out, {"figures/a.png": b"three"})
    assert (out / "figures" / "a.png").read_bytes() == b"student's"
    assert (out / "figures" / "a.imported.png").read_bytes() == b"three" and "kept" in notes[0]
    write_figures(out, {"figures/a.png": b"four"}, force=True)
    assert (out / "figures" / "a.png").read_bytes() == b"four"
    assert list((out / ".typeset-backup").rglob("a.png"))[0].read_bytes() == b"student's"


def test_symbol_font_characters_and_anchor_links(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", level=1)
    p = d.add_paragraph("ค่า ")
    for font, char in (("Symbol", "F061"), ("Symbol", "F0A3"), ("Wingdings", "F0FC"), ("Weird", "F0FF")):
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="{font}" w:char="{char}"/></w:r>'))
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="_Toc1"><w:r><w:t> หัวข้อ</w:t></w:r>'
                          '</w:hyperlink>'))
    d.save(tmp_path / "s.docx")
    files, _ = import_docx(tmp_path / "s.docx")
    assert "ค่า α≤✓ หัวข้อ" in files["chapters/01-chapter.md"]
    assert "1 symbol-font character(s)" in files["import-report.md"]


def test_wmf_is_converted_or_reported_and_emf_reported(tmp_path):
    import shutil

    files, _ = import_docx(docx_helpers.with_image(tmp_path / "w.docx", docx_helpers.wmf_bytes(), "image/x-wmf"))
    png = [v for k, v in files.items() if k.startswith("figures/")]
    if png:
        assert shutil.which("wmf2gd") and len(png) == 1 and png[0].startswith(b"\x89PNG")
        assert "![แผนภาพ](figures/" in files["chapters/01-chapter.md"]
    elif shutil.which("wmf2gd"):       # installed but failing (libwmf without its fonts): said why
        assert "wmf2gd could not convert it (" in files["import-report.md"]
    else:
        assert "install libwmf-bin" in files["import-report.md"]
    files, _ = import_docx(docx_helpers.with_image(tmp_path / "e.docx", b"\x01\x00\x00\x00EMF", "image/x-emf"))
    assert not any(k.startswith("figures/") for k in files)
    assert "image/x-emf" in files["import-report.md"]


def test_omml_to_latex_with_pandoc():
    import shutil

    from docx.oxml import parse_xml

    from typeset.docx import math

    if shutil.which("pandoc") is None:
        pytest.skip("pandoc not installed: equations keep their characters (tested above)")
    m = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    frac = parse_xml(f'<m:oMath {m}><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t>'
                     '</m:r></m:den></m:f></m:oMath>')
    sup = parse_xml(f'<m:oMathPara {m}><m:oMath><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r>'
                    '<m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></m:oMathPara>')
    tex = math.to_tex([frac, sup])
    assert tex[0].replace(" ", "") == "\\frac{a}{b}"
    assert tex[1].replace(" ", "") == "x^{2}"


def test_equations_become_dollar_math_where_the_format_has_formulas(tmp_path):
    """Where typeset.source has a Math node (the `$…$` syntax), Word math is written as `$…$`.
    Run in a child process that gives the tree a Math node when it has none yet."""
    import shutil

    if shutil.which("pandoc") is None:
        pytest.skip("pandoc not installed")
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", level=1)
    p = d.add_paragraph("อัตราส่วน ")
    p._p.append(parse_xml('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                          '<m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r>'
                          '</m:den></m:f></m:oMath>'))
    p.add_run(" ของกลุ่ม")
    d.save(tmp_path / "m.docx")
    code = f"""
from dataclasses import dataclass
from typeset.source import nodes as n
if not hasattr(n, "Math"):
    @dataclass
    class Math(n.Node):
        tex: str = ""
        display: bool = False
    n.Math = Math
from typeset.docx import import_docx
files, _ = import_docx({str(tmp_path / 'm.docx')!r})
print(files["chapters/01-chapter.md"])
print(files["import-report.md"])
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "อัตราส่วน $\\frac{a}{b}$ ของกลุ่ม" in r.stdout
    assert "| equations (Word math) converted to LaTeX | 1 |" in r.stdout


def test_appendix_separator_page_and_titles(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("บทที่ 1 บทนำ", 1)
    d.add_paragraph("เนื้อหา")
    d.add_heading("ภาคผนวก", 1)             # the separator page
    d.add_heading("ภาคผนวก ก", 1)
    d.add_heading("แบบสอบถาม", 1)           # its title on the next line
    d.add_paragraph("ข้อ 1")
    d.add_heading("ภาคผนวก ข ตัวอย่าง", 1)   # title on the same line
    d.add_paragraph("ข้อ 2")
    d.save(tmp_path / "a.docx")
    files, _ = import_docx(tmp_path / "a.docx")
    assert files["chapters/01-chapter.md"] == "# บทนำ\n\nเนื้อหา\n"
    assert files["appendices/01-appendix.md"] == "# แบบสอบถาม\n\nข้อ 1\n"
    assert files["appendices/02-appendix.md"] == "# ตัวอย่าง\n\nข้อ 2\n"
    assert "separator page" in files["import-report.md"]
