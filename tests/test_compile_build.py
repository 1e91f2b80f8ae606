"""XeLaTeX builds of a small Thai fixture: round trip, PDF/A, errors, atomic replace, reproducible."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from thai_helpers import FIXTURES, write_tex
from typeset.compile import compile_pdf
from typeset.errors import UserError
from typeset.quality import markdown_blocks, pdftotext
from typeset.quality_text import cer, spurious_spaces

pytestmark = pytest.mark.tex
MD = (FIXTURES / "thai" / "roundtrip.md").read_text(encoding="utf-8")
EPOCH = 1700000000


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("thai")
    write_tex(root / "tex", MD, pdfa=True)
    result = compile_pdf(root / "tex", "main.tex", root / "out" / "thesis.pdf", source_date_epoch=EPOCH)
    return root, result


def test_pdftotext_gives_back_the_source(built):
    _, result = built
    text = pdftotext(result.pdf)
    rate, chars, disorder, worst = cer(text, markdown_blocks(MD))
    assert chars > 500
    assert rate <= 0.002, worst
    assert disorder == 0
    # sara am and stacked tone marks come back as written, with no space inside words
    for word in ("น้ำ", "ทำให้", "กี่ปี่", "ผู้ใหญ่", "ฤๅษี", "สำคัญ"):
        assert word in text, word
    assert spurious_spaces(text, MD)[0] == 0


def test_every_font_is_embedded_and_bookmarks_metadata_are_thai(built):
    _, result = built
    fonts = subprocess.run(["pdffonts", str(result.pdf)], capture_output=True, text=True).stdout
    rows = [l.split() for l in fonts.splitlines()[2:] if l.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts   # the "emb" column
    info = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True).stdout
    xmp = subprocess.run(["pdfinfo", "-meta", str(result.pdf)], capture_output=True, text=True).stdout
    assert "Title:           การทดสอบภาษาไทย" in info
    assert "<rdf:li>ผู้ทดสอบ</rdf:li>" in xmp
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with open(result.pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        titles = [t for _, t, *_ in doc.get_outlines()]
    assert any("การทดสอบการคัดลอกข้อความ" in t for t in titles), titles


def test_pdfa_2b_identification_output_intent_and_fonts(built):
    _, result = built
    xmp = subprocess.run(["pdfinfo", "-meta", str(result.pdf)], capture_output=True, text=True).stdout
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp), xmp[:500]
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with open(result.pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        intents = resolve1(doc.catalog["OutputIntents"])
        intent = resolve1(intents[0])
        assert intent["S"].name == "GTS_PDFA1"
        profile = resolve1(intent["DestOutputProfile"])
        assert resolve1(profile.attrs["N"]) == 3 and len(profile.get_data()) > 1000


def test_summary_counts_pages_and_no_overfull_lines(built):
    _, result = built
    assert result.pages == 2 or result.pages == 1
    assert result.overfull == []
    assert result.log.is_file() and result.log.parent == result.pdf.parent


def test_same_sources_give_a_byte_identical_pdf(built, tmp_path):
    root, result = built
    write_tex(tmp_path / "tex", MD, pdfa=True)
    again = compile_pdf(tmp_path / "tex", "main.tex", tmp_path / "thesis.pdf", source_date_epoch=EPOCH)
    assert again.pdf.read_bytes() == result.pdf.read_bytes()


def test_error_is_reported_at_the_markdown_line_and_previous_pdf_kept(built, tmp_path):
    root, result = built
    write_tex(tmp_path / "tex", MD)
    out = tmp_path / "out" / "thesis.pdf"
    out.parent.mkdir()
    shutil.copy(result.pdf, out)
    before = out.read_bytes()
    ch = tmp_path / "tex" / "ch01.tex"
    lines = ch.read_text(encoding="utf-8").splitlines()
    # break the third paragraph (Markdown line 7)
    i = lines.index("% typeset-src: chapters/01-test.md:7")
    lines[i + 1] = r"ข้อความ \nosuchmacro{} " + lines[i + 1]
    ch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        compile_pdf(tmp_path / "tex", "main.tex", out)
    msg = str(e.value)
    assert msg.startswith("chapters/01-test.md:7: Undefined control sequence"), msg
    assert "\n" not in msg and "full log" in msg
    assert out.read_bytes() == before
    assert (tmp_path / "out" / "thesis.log").is_file()


def test_missing_latexmk_names_the_install_command(tmp_path, monkeypatch):
    write_tex(tmp_path / "tex", "# ก\n\nข้อความ\n")
    monkeypatch.setenv("PATH", str(tmp_path))   # no TeX, no latexmk
    with pytest.raises(UserError, match=r"latexmk not found: install it with `sudo apt-get install"):
        compile_pdf(tmp_path / "tex", "main.tex", tmp_path / "thesis.pdf")


# ---- leftovers of a failed or different earlier run ------------------------------------------

def _doc(preamble: str, title: str) -> str:
    return ("\\documentclass{report}\n" + preamble + "\\begin{document}\n\\tableofcontents\n"
            "\\listoftables\n\\chapter{" + title + "}\nText.\n"
            "\\begin{table}\\caption{" + title + "}\\end{table}\n\\end{document}\n")


def test_stale_contents_files_do_not_break_every_later_build(tmp_path):
    tex, out = tmp_path / "tex", tmp_path / "out" / "thesis.pdf"
    tex.mkdir()
    # a first build whose .toc/.lot hold a macro the next preamble no longer defines
    (tex / "main.tex").write_text(_doc("\\DeclareRobustCommand\\tsold[1]{#1}\n", "\\tsold{Old}"), encoding="utf-8")
    compile_pdf(tex, "main.tex", out)
    assert "tsold" in (tex / "main.toc").read_text(encoding="utf-8")
    (tex / "main.tex").write_text(_doc("", "New"), encoding="utf-8")
    result = compile_pdf(tex, "main.tex", out)   # recovers in this very build
    assert result.pages >= 2
    assert "tsold" not in (tex / "main.toc").read_text(encoding="utf-8")
    assert "New" in pdftotext(out)


def test_failed_build_leaves_no_auxiliary_files_behind(tmp_path):
    tex, out = tmp_path / "tex", tmp_path / "out" / "thesis.pdf"
    tex.mkdir()
    (tex / "main.tex").write_text(_doc("", "Good"), encoding="utf-8")
    compile_pdf(tex, "main.tex", out)
    (tex / "main.tex").write_text(_doc("", "Bad \\nosuchmacro"), encoding="utf-8")
    with pytest.raises(UserError, match="Undefined control sequence"):
        compile_pdf(tex, "main.tex", out)
    left = sorted(p.name for p in tex.iterdir())
    assert not [n for n in left if n.endswith((".aux", ".toc", ".lot", ".lof", ".fdb_latexmk"))], left
    assert "main.tex" in left
    (tex / "main.tex").write_text(_doc("", "Fixed"), encoding="utf-8")
    compile_pdf(tex, "main.tex", out)
    assert "Fixed" in pdftotext(out)
