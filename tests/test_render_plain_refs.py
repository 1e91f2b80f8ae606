"""references.md (a plain reference list, no .bib) and frontmatter/preface.md, read from the PDF."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from source_helpers import FIXTURES, build_copy
from templates_helpers import words
from typeset.compile.log import parse_log

PLAIN = FIXTURES / "render" / "plain-refs"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    proc, out = build_copy(PLAIN, tmp_path_factory.mktemp("plain"))
    assert proc.returncode == 0, proc.stderr
    pdf = out / "thesis.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return {"out": out, "pdf": pdf, "text": text}


def _entries(text: str) -> list[str]:
    refs = text[[m.end() for m in re.finditer(r"(?m)^\f?บรรณานุกรม$", text)][-1]:]
    return [line for line in refs.splitlines() if re.match(r"^(\w+, [A-Z]\.|[\u0e00-\u0e7f]+ [\u0e00-\u0e7f]+\.? )", line)]


@pytest.mark.tex
def test_entries_print_in_the_order_written_with_a_half_inch_hang(built):
    written = [line[2:] for line in (PLAIN / "references.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("- ")]
    firsts = [e.split(" (")[0].split(".")[0] for e in _entries(built["text"])]
    assert firsts == [w.split(" (")[0].split(".")[0] for w in written]
    assert "*" not in built["text"]   # the Markdown emphasis is italics, not asterisks
    log = (built["out"] / "tex" / "thesis.log").read_text(encoding="utf-8", errors="replace")
    assert parse_log(log).overfull == []
    page = words(built["pdf"])[-1]
    lines: dict[int, list] = {}
    for w in page.words:
        lines.setdefault(round(w.y1), []).append(w)
    starts = [min(w.x0 for w in ws) for ws in lines.values()
              if " ".join(w.text for w in ws) not in ("บรรณานุกรม",) and not ws[0].text.isdigit()]
    left = min(starts)
    assert sorted({round(x - left) for x in starts}) == [0, 36]
    assert sum(1 for x in starts if round(x - left) == 0) == len(written)


@pytest.mark.tex
def test_preface_is_printed_in_the_front_matter_and_listed(built):
    text = built["text"]
    toc_at = re.search(r"(?m)^\f?สารบัญ$", text).start()
    toc = text[toc_at:]
    assert re.search(r"(?m)^คำนำ \. \. \.", toc) and re.search(r"(?m)^บรรณานุกรม \. \. \.", toc)
    preface = re.search(r"(?m)^\f?คำนำ$", text).start()   # its heading, before สารบัญ
    assert preface < toc_at < text.index("บทที่ 1\nบทนำ")
    assert "รายงานฉบับนี้จัดทำขึ้นเพื่อศึกษา" in text[preface:toc_at]


def test_references_md_is_not_printed_beside_a_bib(tmp_path):
    folder = shutil.copytree(PLAIN, tmp_path / "t")
    shutil.copy(FIXTURES / "render" / "thai-apa" / "references.bib", folder / "references.bib")
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "--tex-only",
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "references.md: not printed, because references.bib is there" in proc.stderr
    assert not (tmp_path / "out" / "tex" / "references.tex").exists()
