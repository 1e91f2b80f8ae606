"""The bibliography copies out of the PDF as written: a hyphen at a line end is not dropped."""
from __future__ import annotations

import subprocess

import pytest

from source_helpers import FIXTURES, build_copy

BIB = FIXTURES / "render" / "bibliography"


@pytest.mark.tex
def test_hyphenated_publisher_survives_text_extraction(tmp_path):
    # pdftotext joins a line ending in "-" to the next one without the hyphen (it takes it for a
    # word hyphenated by TeX), so "Addison-" + "Wesley" came back as "AddisonWesley".
    proc, out = build_copy(BIB, tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / "thesis.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    entries = (BIB / "references.bib").read_text(encoding="utf-8").count("@book")
    assert "AddisonWesley" not in text
    assert text.count("Addison-Wesley") == entries == 24
