"""typeset diff --pdf: a marked-up PDF of the new version, changed words highlighted."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from typeset.cli import main

BASE = Path(__file__).parent / "fixtures" / "diff" / "thesis"

pytestmark = [
    pytest.mark.tex,
    pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk/xelatex"),
]


def test_pdf_marks_inserted_and_deleted_words(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(BASE, old)
    shutil.copytree(BASE, new)
    ch = new / "chapters" / "01-introduction.md"
    ch.write_text(ch.read_text(encoding="utf-8").replace("ขยายตัวอย่างรวดเร็ว", "ขยายตัวอย่างช้า", 1),
                  encoding="utf-8")
    out = tmp_path / "diff.pdf"
    assert main(["diff", str(old), str(new), "--pdf", "-o", str(out)]) == 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    # the new word is in the text; the deleted word is drawn struck out next to it
    assert "ช้า" in text and "รวดเร็ว" in text
    tex = (tmp_path / "diff-tex" / "thesis.tex").read_text(encoding="utf-8")
    preamble = re.split(r"^\\begin\{document\}", tex, flags=re.M)[0]
    assert r"\providecommand{\DIFadd}" in preamble
    body = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "diff-tex").glob("ch*.tex"))
    assert r"\DIFadd{" in body and r"\DIFdel{" in body
