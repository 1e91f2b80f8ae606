"""Cross-references (@fig/@tbl/@sec/@eq), formulas ($…$, $$…$$), abbreviations and the cover logo.

The PDF tests read pdftotext of one build per numeral style (module-scoped fixtures)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from robust_helpers import one_line_error, pdftotext, squeeze, typeset
from typeset import source
from typeset.errors import UserError
from typeset.render.math import math_tex
from typeset.source import nodes as n

FIXTURE = Path(__file__).parent / "fixtures" / "crossref" / "thesis"
REF_LINE = ("ตามที่กล่าวใน หัวข้อ {s} ของ บทที่ {c} และสมการ {e1} ข้อมูลแสดงใน ตารางที่ {t} และ "
            "ภาพที่ {f1} รวมทั้ง ภาพที่ {f2} และ {e2}")


def copy(tmp: Path, settings: str = "") -> Path:
    folder = Path(shutil.copytree(FIXTURE, tmp / "thesis"))
    if settings:
        with open(folder / "thesis.yaml", "a", encoding="utf-8") as f:
            f.write(settings)
    return folder


def refs(doc) -> dict[str, str]:
    out = {}
    for part in doc.all_parts():
        for b in n.walk(part.blocks):
            for x in getattr(b, "children", None) or []:
                if isinstance(x, n.CrossRef):
                    out[x.label] = x.text
    return out


# ---- the tree: labels, numbers, resolution (no TeX) -----------------------------------------

def test_every_kind_of_reference_gets_its_generated_number(tmp_path):
    doc, _ = source.load(copy(tmp_path))
    assert refs(doc) == {"sec:scope": "หัวข้อ 1.2", "sec:intro": "บทที่ 1", "eq:newton": "(1.1)",
                         "tbl:data": "ตารางที่ 2.1", "fig:setup": "ภาพที่ 1.1",
                         "fig:flow": "ภาพที่ 2.1", "eq:energy": "(2.1)"}
    eqs = [b for ch in doc.chapters for b in ch.blocks if isinstance(b, n.Equation)]
    # only labelled equations are numbered; the unlabelled one is not counted
    assert [(e.label, e.number) for e in eqs] == [("eq:newton", "1.1"), ("", ""), ("eq:energy", "2.1")]


def test_thai_numerals_follow_the_template(tmp_path):
    doc, _ = source.load(copy(tmp_path, "settings:\n  numbers: {chapter: thai}\n"))
    r = refs(doc)
    assert r["sec:scope"] == "หัวข้อ ๑.๒" and r["eq:energy"] == "(๒.๑)"
    assert r["tbl:data"] == "ตารางที่ ๒.๑" and r["fig:setup"] == "ภาพที่ ๑.๑"


def test_reference_words_are_settings(tmp_path):
    doc, _ = source.load(copy(tmp_path, "settings:\n  crossref: {section: 'ข้อ {n}', equation: 'สมการที่ {n}'}\n"))
    assert refs(doc)["sec:scope"] == "ข้อ 1.2" and refs(doc)["eq:newton"] == "สมการที่ 1.1"


def write_chapter(folder: Path, text: str) -> None:
    (folder / "chapters" / "02-method.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text, line, message", [
    ("# วิธี\n\nดังใน @fig:nosuch\n", 3, "unknown label 'fig:nosuch'"),
    ("# วิธี\n\nดัง @sec:scop ข้างต้น\n", 3, "did you mean 'sec:scope'"),
    ("# วิธี\n\n## ซ้ำ {#sec:scope}\n", 3, "defined twice (also at chapters/01-intro.md:7)"),
    ("# วิธี\n\nข้อความ {#eq:lost} ตรงกลาง\n", 3, "not where a label can go"),
    ("# วิธี\n\n## หัวข้อ {#tbl:wrong}\n", 3, "must start with 'sec:'"),
])
def test_label_errors_name_the_file_and_line(tmp_path, text, line, message):
    folder = copy(tmp_path)
    write_chapter(folder, text)
    with pytest.raises(UserError) as e:
        source.load(folder)
    assert str(e.value).startswith(f"chapters/02-method.md:{line}: "), str(e.value)
    assert message in str(e.value)


def test_unknown_label_fails_the_build_with_exit_2(tmp_path):
    folder = copy(tmp_path)
    write_chapter(folder, "# วิธี\n\nบรรทัดแรก\nดังใน @fig:missing\n")
    err = one_line_error(typeset("build", "thesis", "-o", "out", "--tex-only", cwd=tmp_path))
    assert err == ("typeset: error: thesis/chapters/02-method.md:4: unknown label 'fig:missing' in "
                   "'@fig:missing' (did you mean 'fig:setup'?)")


def test_other_at_words_stay_citations_and_text(tmp_path):
    folder = copy(tmp_path)
    write_chapter(folder, "# วิธี\n\nตาม [@smith2020] และ me@fig:x.org ราคา $5 และ $10\n")
    doc, _ = source.load(folder)
    para = doc.chapters[1].blocks[0].children
    assert [type(x).__name__ for x in para] == ["Text", "Citation", "Text"]
    assert para[1].keys == ["smith2020"]
    assert "me@fig:x.org ราคา $5 และ $10" in para[2].text


def test_bracketed_references_print_without_brackets(tmp_path):
    folder = copy(tmp_path)
    write_chapter(folder, "# วิธี\n\nดู [@fig:setup; @tbl:data]\n\n| ก |\n|---|\n| ข |\n\nTable: ต {#tbl:data}\n")
    doc, _ = source.load(folder)
    assert n.plain_text(doc.chapters[1].blocks[0].children) == "ดู ภาพที่ 1.1, ตารางที่ 2.1"


# ---- formulas are data: checked, escaped ---------------------------------------------------

def text(s: str) -> str:
    return "<" + s + ">"


@pytest.mark.parametrize("tex", [
    r"\input{/etc/passwd}", r"\write18{touch x}", r"\immediate\openout1=x", r"\def\x{1}",
    r"\catcode`\@=11", r"^^5cinput{x}", r"\csname input\endcsname", r"x \) \text{a} \( y",
    r"\begin{document}", r"\end{equation*} x", r"{x", r"x}", r"\text{\input{x}}", r"\usepackage{x}",
    r"\directlua{os.exit()}", r"a & b", r"\begin{aligned} x", r"\text x",
])
def test_dangerous_or_broken_tex_in_a_formula_is_refused(tex):
    with pytest.raises(UserError) as e:
        math_tex(tex, "chapters/01-intro.md:9", text)
    assert str(e.value).startswith("chapters/01-intro.md:9: ")


def test_formula_specials_are_escaped_and_thai_goes_to_text():
    assert math_tex("50% + #1", "x:1", text) == r"50\% + \#1"
    assert math_tex(r"v = \frac{ระยะทาง}{t}", "x:1", text) == r"v = \frac{\text{<ระยะทาง>}}{t}"
    assert math_tex(r"\text{ค่า x_1 & 50%}", "x:1", text) == r"\text{<ค่า x_1 & 50%>}"
    assert math_tex(r"\begin{aligned} a &= b \\ c &= d \end{aligned}", "x:1", text).count("&") == 2
    assert math_tex(r"\alpha + \mupBeta \leq \sum_i x_i", "x:1", text)   # unicode-math's own names


def test_a_formula_error_fails_the_build_with_its_line(tmp_path):
    folder = copy(tmp_path)
    write_chapter(folder, "# วิธี\n\nสูตร $x \\input{/etc/passwd}$\n")
    err = one_line_error(typeset("build", "thesis", "-o", "out", "--tex-only", cwd=tmp_path))
    assert err.startswith("typeset: error: thesis/chapters/02-method.md:3: '\\input' is not allowed in a formula")


# ---- thesis.yaml: abbreviations, symbols, logo ----------------------------------------------

def test_missing_logo_is_an_error_at_its_thesis_yaml_line(tmp_path):
    folder = copy(tmp_path)
    (folder / "figures" / "logo.png").unlink()
    err = one_line_error(typeset("build", "thesis", "-o", "out", "--tex-only", cwd=tmp_path))
    line = next(i for i, s in enumerate((folder / "thesis.yaml").read_text().splitlines(), 1)
                if s.startswith("logo:"))
    assert err.startswith(f"typeset: error: thesis/thesis.yaml:{line}: logo 'figures/logo.png' not found")


@pytest.mark.parametrize("value, message", [
    ("[ASEAN, GDP]", "expected a mapping of term: meaning"),
    ("{ASEAN: }", "'ASEAN' has no meaning"),
])
def test_abbreviations_are_checked_like_other_keys(tmp_path, value, message):
    folder = copy(tmp_path)
    text = (folder / "thesis.yaml").read_text(encoding="utf-8")
    text = text.replace("abbreviations:\n  ASEAN: สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้\n  GDP: "
                        "ผลิตภัณฑ์มวลรวมภายในประเทศ (Gross Domestic Product)\n", f"abbreviations: {value}\n")
    (folder / "thesis.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("abbreviations:"))
    err = one_line_error(typeset("build", "thesis", "-o", "out", "--tex-only", cwd=tmp_path))
    assert err.startswith(f"typeset: error: thesis/thesis.yaml:{line}: ") and message in err, err


# ---- the PDF --------------------------------------------------------------------------------

def build(tmp: Path, settings: str = "") -> str:
    copy(tmp, settings)
    proc = typeset("build", "thesis", "-o", "out", cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return pdftotext(tmp / "out" / "thesis.pdf")


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crossref")
    return tmp, build(tmp)


@pytest.fixture(scope="module")
def pdf_text_thai(tmp_path_factory):
    return build(tmp_path_factory.mktemp("crossref-thai"), "settings:\n  numbers: {chapter: thai}\n")


@pytest.mark.tex
def test_pdf_prints_the_references_with_their_numbers(pdf_text):
    _, text = pdf_text
    want = REF_LINE.format(s="1.2", c="1", e1="(1.1)", t="2.1", f1="1.1", f2="2.1", e2="(2.1)")
    assert squeeze(want) in squeeze(text)
    # the captions and equation numbers they point at
    for s in ("ภาพที่ 1.1 แผนภาพการทดลอง", "ตารางที่ 2.1 ข้อมูลการทดลอง", "ภาพที่ 2.1 ขั้นตอนการศึกษา",
              "1.2 ขอบเขตการศึกษา"):
        assert squeeze(s) in squeeze(text), s
    assert "@fig" not in text and "{#" not in text and "$" not in text


@pytest.mark.tex
def test_pdf_prints_thai_numerals(pdf_text_thai):
    want = REF_LINE.format(s="๑.๒", c="๑", e1="(๑.๑)", t="๒.๑", f1="๑.๑", f2="๒.๑", e2="(๒.๑)")
    assert squeeze(want) in squeeze(pdf_text_thai)
    assert squeeze("ตารางที่ ๒.๑ ข้อมูลการทดลอง") in squeeze(pdf_text_thai)


@pytest.mark.tex
def test_pdf_sets_formulas_in_the_math_font_and_thai_in_the_text_font(pdf_text):
    tmp, text = pdf_text
    # unicode-math's italic letters (U+1D434 …), not the $ signs and backslashes typed
    assert "𝐸 = 𝑚𝑐2" in text and "𝐹 = 𝑚𝑎" in text and "ระยะทาง = 𝑑" in text
    assert "= ผลรวม" in text                       # \text{ผลรวม} inside a display formula
    fonts = subprocess.run(["pdffonts", str(tmp / "out" / "thesis.pdf")], capture_output=True,
                           text=True, check=True).stdout
    assert "LatinModernMath" in fonts
    lines = text.splitlines()
    assert "(1.1)" in [s.strip() for s in lines] and "(2.1)" in [s.strip() for s in lines]


@pytest.mark.tex
def test_pdf_has_the_abbreviations_page_and_the_logo(pdf_text):
    tmp, text = pdf_text
    page = text[text.rindex("คำอธิบายสัญลักษณ์และคำย่อ"):]
    for s in ("สัญลักษณ์", "𝛼", "ระดับนัยสำคัญทางสถิติ", "คำย่อ", "ASEAN",
              "สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้", "GDP"):
        assert s in page, s
    assert page.index("ASEAN") < page.index("GDP")          # the order written
    images = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(tmp / "out" / "thesis.pdf")],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(images) == 3                                  # header, rule, the logo on the cover


def link_targets(pdf: Path) -> list[list[str]]:
    """Per page, the named destinations of its link annotations, in order."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    pages = []
    with open(pdf, "rb") as f:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(f))):
            dests = []
            for a in resolve1(page.annots) or []:
                a = resolve1(a)
                if resolve1(a.get("Subtype")).name == "Link" and a.get("A"):
                    d = resolve1(resolve1(a["A"]).get("D"))
                    dests.append(d.decode() if isinstance(d, bytes) else str(d))
            pages.append(dests)
    return pages


@pytest.mark.tex
def test_references_link_to_their_targets(pdf_text):
    tmp, _ = pdf_text
    aux = (tmp / "out" / "tex" / "thesis.aux").read_text(encoding="utf-8")
    anchor = dict(re.findall(r"\\newlabel\{([^}]+)\}\{\{.*\}\{([\w.*]+)\}\{\}\}$", aux, re.M))
    order = ["sec:scope", "sec:intro", "eq:newton", "tbl:data", "fig:setup", "fig:flow", "eq:energy"]
    want = [anchor[k] for k in order]
    assert want[2].startswith("AMS") and want[3] == "table.2.1"   # the equation and the table themselves
    assert want in link_targets(tmp / "out" / "thesis.pdf")


@pytest.mark.parametrize("logo, message", [("../logo.png", "must be a path inside the thesis folder"),
                                           ("figures/chart.txt", "not found")])
def test_logo_must_be_a_picture_inside_the_folder(tmp_path, logo, message):
    folder = copy(tmp_path)
    text = (folder / "thesis.yaml").read_text(encoding="utf-8").replace("logo: figures/logo.png", f"logo: {logo}")
    (folder / "thesis.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as e:
        source.load(folder)
    assert f"thesis.yaml:{text.splitlines().index(f'logo: {logo}') + 1}: logo" in str(e.value)
    assert message in str(e.value)


def test_a_template_without_the_abbreviations_page_warns(tmp_path):
    order = "[cover, title_th, abstract_th, toc]"
    doc, _ = source.load(copy(tmp_path, f"settings:\n  frontmatter: {{order: {order}}}\n"))
    assert any("abbreviations are not printed" in w and "frontmatter.order" in w for w in doc.warnings)
