"""Tables and nesting: uncaptioned tables, wide tables, captions.continued, deep quotes/lists."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from source_helpers import FIXTURES, build_copy
from test_render_latex import META, thesis, without_breaks
from typeset import source
from typeset.errors import UserError
from typeset.render import Renderer, render
from typeset.source import nodes as n

WIDE = FIXTURES / "render" / "wide"
UNCAPTIONED = "# บทที่สอง\n\n| ก | ข |\n|---|---|\n| 1 | 2 |\n\n| ค | ง |\n|---|---|\n| 3 | 4 |\n\nTable: มีคำบรรยาย\n"


def wide_table(cols: int, rows: int = 3) -> str:
    head = "| จังหวัด | " + " | ".join(f"ค่า{i:02d}" for i in range(1, cols)) + " |\n"
    body = "".join("| แถว" + str(r) + " | " + " | ".join(f"{r}x{i}" for i in range(1, cols)) + " |\n"
                   for r in range(1, rows + 1))
    return head + "|" + "---|" * cols + "\n" + body


def depth_profile(tex: str, envs=("tsquote", "itemize", "tsenum")) -> tuple[int, int]:
    """(deepest nesting of list environments, deepest nesting of itemize) in the .tex."""
    depth = bullets = most = most_bullets = 0
    for m in re.finditer(r"\\(begin|end)\{(\w+)\}", tex):
        if m.group(2) not in envs:
            continue
        step = 1 if m.group(1) == "begin" else -1
        depth += step
        bullets += step if m.group(2) == "itemize" else 0
        most, most_bullets = max(most, depth), max(most_bullets, bullets)
    return most, most_bullets


def test_uncaptioned_table_is_neither_numbered_nor_listed(tmp_path):
    root = thesis(tmp_path / "t", UNCAPTIONED)
    doc, cfg = source.load(root)
    first, second = [b for b in n.walk(doc.chapters[1].blocks) if isinstance(b, n.Table)]
    assert (first.number, second.number) == ("", "2.1")   # the captioned one is the chapter's first
    assert any(w.startswith("chapters/02-x.md:3: table without a caption") for w in doc.warnings)
    tex = render(doc, cfg)["ch02.tex"]
    assert tex.count("\\caption[") == 1 and "\\caption[]{}" not in tex
    assert tex.count("\\setcounter{table}") == 1 and "\\setcounter{table}{0}" in tex


def test_only_uncaptioned_tables_give_no_list_of_tables(tmp_path):
    root = thesis(tmp_path / "t", "# บทที่สอง\n\n| ก | ข |\n|---|---|\n| 1 | 2 |\n")
    assert "\\tslistof{lot}" not in render(*source.load(root))["thesis.tex"]
    root = thesis(tmp_path / "u", UNCAPTIONED)
    assert "\\tslistof{lot}" in render(*source.load(root))["thesis.tex"]


def test_continued_text_comes_from_the_setting(tmp_path):
    md = "# บทที่สอง\n\n" + wide_table(3) + "\nTable: ตาราง\n"
    default = render(*source.load(thesis(tmp_path / "a", md)))["ch02.tex"]
    assert "\\tablename~\\thetable{} (ต่อ)" in default
    meta = META + 'settings:\n  captions: {continued: "(continued & more)"}\n'
    custom = render(*source.load(thesis(tmp_path / "b", md, meta=meta)))["ch02.tex"]
    assert "\\tablename~\\thetable{} (continued \\& more)" in custom and "(ต่อ)" not in custom


def layouts(root: Path):
    doc, cfg = source.load(root)
    r = Renderer(doc, cfg)
    return [(b, r.table_layout(b)) for b in n.walk(doc.chapters[1].blocks) if isinstance(b, n.Table)]


def test_narrow_table_stays_portrait_at_body_size(tmp_path):
    [(_, lay)] = layouts(thesis(tmp_path / "t", "# ส\n\n" + wide_table(4) + "\nTable: ตาราง\n"))
    assert not lay.landscape and lay.size is None and [p.env for p in lay.panels] == ["longtable"]
    assert lay.panels[0].columns == [0, 1, 2, 3]


def test_wrapping_columns_get_the_room_their_text_wants(tmp_path):
    md = ("# ส\n\n| ลำดับ | คำอธิบาย |\n|---|---|\n| 1 | "
          + "ข้อความยาวมากที่ต้องตัดบรรทัดในช่องตาราง " * 8 + "|\n\nTable: ตาราง\n")
    [(_, lay)] = layouts(thesis(tmp_path / "t", md))
    assert not lay.landscape and lay.size is None
    [panel] = lay.panels
    assert panel.env == "xltabular" and str(panel.cols).startswith("l>{\\hsize=1.000\\hsize\\raggedright")


def test_forty_columns_fall_into_landscape_column_groups_holding_every_cell(tmp_path):
    root = thesis(tmp_path / "t", "# ส\n\n" + wide_table(40) + "\nTable: ตารางกว้าง\n")
    [(table, lay)] = layouts(root)
    assert lay.landscape and lay.size is not None and len(lay.panels) >= 2
    seen = sorted({i for p in lay.panels for i in p.columns})
    assert seen == list(range(40))
    assert all(p.columns[0] == 0 for p in lay.panels)   # row labels repeat in every group
    tex = without_breaks(render(*source.load(root))["ch02.tex"])
    assert "\\begin{landscape}" in tex and "\\usepackage{pdflscape}" in render(*source.load(root))["thesis.tex"]
    for r in range(1, 4):
        for i in range(1, 40):
            assert re.search(rf"(?<![\dx]){r}x{i}(?!\d)", tex), (r, i)
    assert tex.count("\\caption[") == 1 and tex.count("\\thetable{} (ต่อ)") >= 2 * len(lay.panels) - 1


@pytest.mark.parametrize("depth", [7, 60, 97])
def test_deep_quotes_stop_nesting_at_six_levels(tmp_path, depth):
    md = "# ส\n\n" + ">" * depth + " ข้อความลึก\n\nย่อหน้าหลัง\n"
    tex = without_breaks(render(*source.load(thesis(tmp_path / "t", md)))["ch02.tex"])
    assert depth_profile(tex)[0] == 6
    assert "ข้อความลึก" in tex and "ย่อหน้าหลัง" in tex


def test_deep_lists_stop_nesting_within_latex_limits(tmp_path):
    md = ("# ส\n\n" + "".join("  " * d + f"- ระดับ{d}\n" for d in range(12)) + "\n"
          + "> " * 3 + "".join("   " * d + f"1. ขั้น{d}\n" for d in range(8)) + "\nท้าย\n")
    tex = without_breaks(render(*source.load(thesis(tmp_path / "t", md)))["ch02.tex"])
    most, bullets = depth_profile(tex)
    # bullets are tsenum lists (\list allows 6 levels), not itemize (4)
    assert most == 6 and bullets == 0
    assert all(f"ระดับ{d}" in tex for d in range(12)) and all(f"ขั้น{d}" in tex for d in range(8))


def test_nesting_past_the_parser_limit_is_refused_with_its_line(tmp_path):
    md = "# ส\n\nก่อน\n\n" + ">" * 150 + " ลึกเกิน\n"
    with pytest.raises(UserError) as err:
        source.load(thesis(tmp_path / "t", md))
    assert "chapters/02-x.md:5" in str(err.value) and "nested" in str(err.value)


@pytest.mark.tex
def test_wide_and_deep_fixture_builds_with_every_cell_on_the_page(tmp_path):
    proc, out = build_copy(WIDE, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    said = re.sub(r"\s+", " ", proc.stdout + proc.stderr)   # rich wraps long lines
    assert "table without a caption" in said and ", 0 overfull boxes" in said, said
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / "thesis.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    md = (WIDE / "chapters" / "02-wide.md").read_text(encoding="utf-8")
    cells = {c.strip() for line in md.splitlines() if line.startswith("|") and "---" not in line
             for c in line.strip("|").split("|")}
    missing = [c for c in cells if re.sub(r"\s+", "", c) not in flat]
    assert not missing, missing
    pages = [re.sub(r"\s+", "", p) for p in text.split("\f")]
    lot = [p for p in pages if p.startswith("สารบัญตาราง")]
    assert len(lot) == 1 and "2.1ตารางสี่สิบคอลัมน์" in lot[0] and "2.2ตารางสิบสองคอลัมน์" in lot[0]
    assert "2.0" not in lot[0] and "2.3" not in lot[0]
    assert "ข้อความที่ซ้อนลึกมาก" in flat and "ระดับ11" in flat and "ย่อหน้าสุดท้าย" in flat
