"""Article import (typeset.article): detection, dateline, source note, title placeholder, files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from typeset.article import build_files, import_article, looks_like_article
from typeset.article.dates import parse_any_date, parse_thai_date, thai_date
from typeset.article.parse import parse_article, parse_source
from typeset.cli import main

FIX = Path(__file__).parent / "fixtures" / "article"
RAW = FIX / "article-raw.txt"

THESIS_LIKE = "\n\n".join([
    "บทที่ 1", "บทนำ", "1.1 ที่มาและความสำคัญของปัญหา",
    *["ความสัมพันธ์ระหว่างรัสเซียและเกาหลีเหนือได้เปลี่ยนแปลงไปอย่างมาก"] * 30,
    "1.2 วัตถุประสงค์ของการศึกษา", "บทที่ 2", "แนวคิดและทฤษฎี", "2.1 ทฤษฎีสัจนิยมใหม่",
])


@pytest.fixture(scope="module")
def raw():
    return RAW.read_text(encoding="utf-8")


def test_detects_article_and_thesis(raw):
    ok, why = looks_like_article(raw)
    assert ok and why.startswith("news article") and "dateline" in why and "source" in why
    ok, why = looks_like_article(THESIS_LIKE)
    assert not ok and why.startswith("thesis") and "chapter headings" in why


@pytest.mark.parametrize("text, iso", [
    ("23 ก.ย. 2565 การที่", "2022-09-23"),
    ("1 มกราคม 2567", "2024-01-01"),
    ("๕ ธ.ค. ๒๕๖๖", "2023-12-05"),
    ("9 พ.ค. 2022", "2022-05-09"),
    ("16 กย 65", "2022-09-16"),
])
def test_thai_dates(text, iso):
    date, _ = parse_thai_date(text)
    assert date.isoformat() == iso


def test_numeric_and_printed_dates():
    assert parse_any_date("Foreign Policy, 16-09-2022")[0] == dt.date(2022, 9, 16)
    assert parse_any_date("2022-09-16")[0] == dt.date(2022, 9, 16)
    assert parse_any_date("31-02-2022") is None
    assert thai_date("2022-09-23") == "23 กันยายน 2565"
    assert thai_date(dt.date(2022, 9, 23), era="ce") == "23 กันยายน 2022"


def test_parse_seed_article(raw):
    art = parse_article(raw)
    assert art.title == ""                       # no title line: never invented
    assert art.date == dt.date(2022, 9, 23) and art.dateline == "23 ก.ย. 2565"
    assert art.lead                               # the paragraph before the dateline
    assert len(art.paragraphs) == 23
    assert art.paragraphs[1].startswith("การที่รัสเซีย")    # dateline taken off its paragraph
    s = art.source
    assert s.intro == "เรียบเรียงจาก"
    assert s.title == "Kazakhstan Is Breaking Out of Russia’s Grip"
    assert s.publication == "Foreign Policy" and s.date == dt.date(2022, 9, 16)
    assert s.url == "https://foreignpolicy.com/2022/09/16/kazakhstan-russia-ukraine-war/"
    assert not any("เรียบเรียงจาก" in p or "foreignpolicy" in p for p in art.paragraphs)
    # each body paragraph is a tree node at its line of the raw text
    first = art.body.blocks[0]
    assert raw.splitlines()[first.line - 1].strip().startswith(art.paragraphs[0][:10])


def test_title_line_and_inline_source():
    text = ("รัสเซียกับคาซัคสถาน\n\n12 มีนาคม 2567 - ข่าวในวันนี้มีเนื้อหายาวพอสมควร.\n\n"
            "ย่อหน้าที่สอง.\n\nที่มา: Some Title, Some Paper, 2024-03-12 https://example.org/a_b?x=1#y")
    art = parse_article(text)
    assert art.title == "รัสเซียกับคาซัคสถาน" and not art.lead
    assert art.date == dt.date(2024, 3, 12) and art.paragraphs[0].startswith("ข่าวในวันนี้")
    assert art.source.title == "Some Title" and art.source.publication == "Some Paper"
    assert art.source.url == "https://example.org/a_b?x=1#y"
    assert parse_source(["https://example.org/x"]).url == "https://example.org/x"


def test_files_in_memory(raw, tmp_path):
    files, rep = build_files(raw, tmp_path)
    meta = yaml.safe_load(files["article.yaml"])
    assert meta["template"] == "article"
    assert meta["title"].startswith("TODO:")
    assert meta["date"] == "2022-09-23" and meta["lead"] is True
    assert meta["source"]["url"].startswith("https://foreignpolicy.com/")
    assert any("no title line" in x.note and x.stage == "article" for x in rep.notices)
    assert "Notes (1):\n\n- document: the text has no title line" in files["import-report.md"]
    body = files["body.md"]
    assert body.count("\n\n") == 22                      # 23 paragraphs kept
    assert "คาซั คสถาน" not in body and "คาซัคสถาน" in body
    assert "23 ก.ย. 2565" not in body
    assert rep.removed > 150 and "Unsure space decisions" in files["import-report.md"]


def test_markdown_stays_text(tmp_path):
    paras = ["1. ไม่ใช่รายการ *ไม่เอียง* [ไม่ใช่ลิงก์](x) <b> & a_b", "# ไม่ใช่หัวข้อ", "- ไม่ใช่ `code`"]
    files, _ = build_files("ข่าวสั้น\n\n" + "\n\n".join(paras), tmp_path)
    tokens = MarkdownIt("commonmark").parse(files["body.md"])
    assert [t.type for t in tokens if t.type.endswith("_open")] == ["paragraph_open"] * 3
    texts = ["".join(c.content for c in t.children) for t in tokens if t.type == "inline"]
    assert texts == paras


def test_import_writes_and_keeps_edits(raw, tmp_path):
    out = tmp_path / "art"
    rep = import_article(raw, out)
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["article.yaml", "body.md",
                                                                   "import-report.md"]
    assert set(rep.guard.written) >= {"article.yaml", "body.md"}
    (out / "body.md").write_text("my edit\n", encoding="utf-8")
    rep = import_article(raw, out)
    assert (out / "body.md").read_text(encoding="utf-8") == "my edit\n"
    assert (out / "body.imported.md").is_file()


def test_cli_detects_and_says_so(tmp_path, capsys):
    raw_file = tmp_path / "raw.txt"
    raw_file.write_text(RAW.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["import", str(raw_file), "-o", str(tmp_path / "a")]) == 0
    err = capsys.readouterr().err
    assert "news article" in err and "title" in err
    assert "importing as an article" in " ".join(err.split())
    assert (tmp_path / "a" / "article.yaml").is_file()
    assert main(["import", str(raw_file), "--kind", "article", "-o", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "body.md").read_text(encoding="utf-8") == \
        (tmp_path / "a" / "body.md").read_text(encoding="utf-8")


@pytest.mark.tex
def test_article_pdf_from_the_raw_seed(tmp_path):
    """typeset import then typeset build: the date, the source note and the URL are in the PDF."""
    import shutil
    import subprocess

    if not (shutil.which("latexmk") and shutil.which("pdftotext")):
        pytest.skip("needs latexmk and pdftotext")
    src, out = tmp_path / "article", tmp_path / "out"
    assert main(["import", str(RAW), "--kind", "article", "-o", str(src)]) == 0
    assert main(["build", str(src), "-o", str(out)]) == 0
    pdf = out / "article.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "https://foreignpolicy.com/2022/09/16/kazakhstan-russia-ukraine-war/" in text
    assert "เรียบเรียงจาก" in text and "Foreign Policy" in text
    assert "23 กันยายน 2565" in text
    assert "Kazakhstan Is Breaking Out of Russia" in text
    links = subprocess.run(["pdfinfo", "-url", str(pdf)], capture_output=True, text=True).stdout
    assert "https://foreignpolicy.com/2022/09/16/kazakhstan-russia-ukraine-war/" in links  # clickable


def test_article_template_keeps_metadata_as_data(tmp_path):
    """Hostile article.yaml values reach the .tex escaped; the URL cannot close \\url{…}."""
    src = tmp_path / "a"
    src.mkdir()
    (src / "article.yaml").write_text(
        'template: article\ntitle: "\\\\input{/etc/passwd} 100% #1"\ndate: "\\\\def\\\\x{1}"\n'
        'lead: true\nsource:\n  intro: "ที่มา"\n  title: "A } B"\n  publication: "P"\n'
        '  date: "2022-09-16"\n  url: "https://e.org/a%20b#f}\\\\input{/etc/passwd}{ c"\n',
        encoding="utf-8")
    (src / "body.md").write_text("ย่อหน้าแรก\n\nย่อหน้าสอง\n", encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "--tex-only"]) == 0
    tex = next((tmp_path / "out").rglob("thesis.tex")).read_text(encoding="utf-8")
    body = tex[tex.index("\\begin{document}"):]
    assert "\\input{/etc" not in body and "\\def\\x" not in body
    assert "\\url{https://e.org/a%20b#f%7D%5Cinput%7B/etc/passwd%7D%7B%20c}" in body
    assert "16~กันยายน~2565" in body
