"""`typeset build` and `typeset outline` from the command line; one end-to-end PDF build."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from source_helpers import FIXTURES

MINI = FIXTURES / "render" / "mini"


def typeset(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "typeset.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def mini(tmp_path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "mini"))


def test_outline_json(mini):
    proc = typeset("outline", mini, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [
        {"level": 0, "number": "1", "title": "บทนำ"},
        {"level": 1, "number": "1.1", "title": "ที่มาและความสำคัญ"},
        {"level": 1, "number": "1.2", "title": "วัตถุประสงค์ของการศึกษา"},
        {"level": 0, "number": "2", "title": "แนวคิดและทฤษฎี"},
        {"level": 1, "number": "2.1", "title": "กรอบแนวคิด"},
    ]


def test_outline_text(mini):
    proc = typeset("outline", mini)
    assert proc.returncode == 0, proc.stderr
    assert "บทที่ 1 บทนำ" in proc.stdout and "  1.2 วัตถุประสงค์ของการศึกษา" in proc.stdout


def test_tex_only_writes_files_once(mini, tmp_path):
    out = tmp_path / "out"
    proc = typeset("build", mini, "-o", out, "--tex-only")
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in (out / "tex").glob("*.tex"))
    assert names == ["ch01.tex", "ch02.tex", "front-abstract-th.tex", "thesis.tex"]
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "tex").glob("*.tex")}
    proc = typeset("build", mini, "-o", out, "--tex-only")
    assert proc.returncode == 0 and "(0 changed)" in " ".join(proc.stderr.split())
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "tex").glob("*.tex")}
    assert before == after
    assert not (out / "thesis.pdf").exists()


def test_only_keeps_the_chapter_number(mini, tmp_path):
    proc = typeset("build", mini, "-o", tmp_path / "out", "--tex-only", "--only", "2")
    assert proc.returncode == 0, proc.stderr
    tex = (tmp_path / "out" / "tex" / "ch02.tex").read_text(encoding="utf-8")
    assert "\\setcounter{chapter}{1}" in tex


@pytest.mark.parametrize("args, words", [
    (["build", "{tmp}/nowhere", "-o", "{tmp}/out"], ["no such folder"]),
    (["build", "{mini}", "-o", "{mini}", "--tex-only"], ["would contain the sources"]),
    (["build", "{mini}", "-o", "{tmp}/out", "--only", "9"], ["--only 9", "chapters: 1, 2"]),
    (["build", "{mini}", "-o", "{tmp}/out", "--template", "no-such-template"], ["no-such-template"]),
])
def test_user_errors_are_one_line_exit_2(mini, tmp_path, args, words):
    args = [a.format(tmp=tmp_path, mini=mini) for a in args]
    proc = typeset(*args)
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.strip().splitlines()
    assert err[-1].startswith("typeset: error:") and "Traceback" not in proc.stderr
    for w in words:
        assert w in err[-1]


def test_article_folder_builds_tex(tmp_path):
    root = tmp_path / "art"
    root.mkdir()
    (root / "article.yaml").write_text('title: "ข่าวต่างประเทศ"\n', encoding="utf-8")
    (root / "body.md").write_text("ย่อหน้าแรกของบทความ\n\n## หัวข้อ\n\nย่อหน้าที่สอง\n", encoding="utf-8")
    proc = typeset("build", root, "-o", tmp_path / "out", "--tex-only")
    assert proc.returncode == 0, proc.stderr
    tex = tmp_path / "out" / "tex"
    assert (tex / "body.tex").is_file() and "\\input{body}" in (tex / "thesis.tex").read_text(encoding="utf-8")


# ---- end to end ------------------------------------------------------------------------------

def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.tex
def test_pdf_reads_back_the_thai_source(mini, tmp_path):
    out = tmp_path / "out"
    proc = typeset("build", mini, "-o", out)
    assert proc.returncode == 0, proc.stderr
    pdf = out / "thesis.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = squeeze(text)
    for needle in [
        "ปัจจุบันความสัมพันธ์ระหว่างรัสเซียและเกาหลีเหนือได้แน่นแฟ้นขึ้นมากในปีที่ผ่านมา",
        "ลงนามร่วมกับคิมจองอึนในกรุงเปียงยาง",
        "—VladimirPutin,PresidentofRussia.",
        "1.2.1เพื่อศึกษาปัจจัยที่ส่งผลต่อความสัมพันธ์ทางการเมือง",
        "ภาพที่2.1กรอบแนวคิดในการวิจัย",
        "ตารางที่2.1ตัวอย่างข้อมูล",
        "สารบัญ", "สารบัญภาพ", "สารบัญตาราง", "บทคัดย่อ",
        "ทฤษฎีสัจนิยมใหม่และแนวคิดการถ่วงดุลอำนาจ",
    ]:
        assert squeeze(needle) in flat, needle
    assert "-" not in re.sub(r"[^\u0e00-\u0e7f-]", "", text.replace("รัสเซีย-เกาหลีเหนือ", "")), \
        "a hyphen inside Thai text"
    # the rows of the abstract's heading table are stacked, not printed over each other
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    assert "ชื่อเรื่อง ความสัมพันธ์ระหว่างรัสเซียกับเกาหลีเหนือ" in rows
    assert "ผู้เขียน นักศึกษา ทดสอบ" in rows
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # embedded


def test_template_option_overrides_the_folder_choice(mini, tmp_path):
    for name in ("thai-thesis", "thai-report"):
        proc = typeset("build", mini, "-o", tmp_path / name, "--tex-only", "--template", name)
        assert proc.returncode == 0, proc.stderr
    thesis = (tmp_path / "thai-thesis" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    report = (tmp_path / "thai-report" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    assert thesis != report
    # the chapter files do not depend on the template's look
    assert (tmp_path / "thai-thesis" / "tex" / "ch01.tex").read_bytes() == \
        (tmp_path / "thai-report" / "tex" / "ch01.tex").read_bytes()


def test_imported_chapter_beside_an_edited_one_is_skipped_with_one_warning(mini, tmp_path):
    # `typeset import` leaves chapters/NN-x.imported.md beside a chapter the student edited
    ch = sorted((mini / "chapters").glob("*.md"))[0]
    waiting = ch.with_name(ch.stem + ".imported.md")
    waiting.write_text(ch.read_text(encoding="utf-8").replace("บทนำ", "บทนำใหม่", 1), encoding="utf-8")
    proc = typeset("build", mini, "-o", tmp_path / "out", "--tex-only")
    assert proc.returncode == 0, proc.stderr
    err = " ".join(proc.stderr.split())
    assert err.count("waiting to be reviewed") == 1 and f"{waiting.parent.name}/{waiting.name}:" in err
    assert f"typeset diff {ch} {waiting}" in err
    tex = tmp_path / "out" / "tex"
    assert sorted(p.name for p in tex.glob("ch*.tex")) == ["ch01.tex", "ch02.tex"]
    assert "บทนำใหม่" not in (tex / "ch01.tex").read_text(encoding="utf-8")
