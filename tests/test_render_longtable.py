"""A GFM table longer than a page breaks across pages with its header repeated (one XeLaTeX build)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from source_helpers import FIXTURES, build_copy

LONG = FIXTURES / "render" / "longtable"


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")]


@pytest.mark.tex
def test_sixty_row_table_breaks_across_pages_with_header_and_lot_entry(tmp_path):
    proc, out = build_copy(LONG, tmp_path)
    assert proc.returncode == 0, proc.stderr
    log = (out / "tex" / "thesis.log").read_text(encoding="utf-8", errors="replace")
    assert "Float too large" not in log
    pages = page_texts(out / "thesis.pdf")
    rows = {i: [k for k, p in enumerate(pages) if re.search(rf"แถวที่{i}(?!\d)", p)] for i in range(1, 61)}
    assert all(len(found) == 1 for found in rows.values()), rows   # every row printed, once
    table_pages = sorted({found[0] for found in rows.values()})
    assert len(table_pages) >= 2 and table_pages == list(range(table_pages[0], table_pages[-1] + 1))
    for k in table_pages:   # the header row on every page of the table (caption only on the first)
        assert all(word in pages[k] for word in ("ลำดับ", "รายการ", "จำนวน")), k
    first, *rest = table_pages
    assert "ตารางที่1.1จำนวนตัวอย่างจำแนกตามจังหวัด" in pages[first]
    for k in rest:
        assert "ตารางที่1.1(ต่อ)" in pages[k] and "จำนวนตัวอย่างจำแนก" not in pages[k], k
    # one entry in สารบัญตาราง, and the text after the table follows it
    lot = [p for p in pages if p.startswith("สารบัญตาราง")]
    assert len(lot) == 1 and lot[0].count("1.1") == 1 and "จำนวนตัวอย่างจำแนกตามจังหวัด" in lot[0]
    # a table with a wrapping column (xltabular) is numbered and listed the same way
    assert "1.2คำอธิบายจังหวัดตัวอย่าง" in lot[0]
    assert sum("ตารางที่1.2คำอธิบายจังหวัดตัวอย่าง" in p for p in pages) == 1
    assert any("มีท่าเรือและเมืองการค้าสำคัญคือหาดใหญ่" in p for p in pages)
    assert "ย่อหน้าหลังตาราง" in pages[table_pages[-1]] or "ย่อหน้าหลังตาราง" in pages[table_pages[-1] + 1]
