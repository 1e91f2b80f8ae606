"""`typeset import` end to end: the raw seed thesis -> folder, outline and gold score; CLI behaviour."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from typeset.cli import main

from shared_helpers import SHARED, need

SEED = SHARED / "seeds" / "thesis-raw.txt"
GOLD = SHARED / "gold" / "thesis-chapter-01.md"
SCORER = SHARED / "eval" / "score_chapter.py"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    need(SEED)
    out = tmp_path_factory.mktemp("imp") / "thesis"
    assert main(["import", str(SEED), "-o", str(out)]) == 0
    return out


def test_seed_outline_has_five_chapters_and_every_heading(imported, capsys):
    capsys.readouterr()
    assert main(["outline", str(imported), "--json"]) == 0
    tree = json.loads(capsys.readouterr().out)
    chapters = [e for e in tree if e["level"] == 0]
    sections = [e for e in tree if e["level"] == 1]
    subsections = [e for e in tree if e["level"] == 2]
    assert [c["number"] for c in chapters] == ["1", "2", "3", "4", "5"]
    assert len(sections) == 19 and len(subsections) == 25
    numbers = [e["number"] for e in tree]
    assert numbers[:16] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.5.1", "1.5.2", "1.6", "1.7",
                            "1.7.1", "1.7.2", "1.7.3", "1.7.4", "1.7.5", "2"]
    titles = {e["number"]: e["title"] for e in tree}
    assert titles["1.4"] == "วัตถุประสงค์ของการศึกษา"          # coded digit "1.=" in the raw
    assert titles["1.7.5"].startswith("บทที่ 5 ")                # coded "Z" filled from siblings
    assert titles["3"] and titles["2.3"] == "กรอบแนวคิดในการวิจัย"


def test_seed_framework_and_lists(imported):
    import yaml

    ch2 = next((imported / "chapters").glob("02-*.md")).read_text(encoding="utf-8")
    fw = yaml.safe_load(ch2.split("```framework\n")[1].split("```")[0])
    assert len(fw["boxes"]) == 3
    assert fw["boxes"][1] == "ความสัมพันธ์ระหว่างรัสเซีย-เกาหลีเหนือ ช่วงปีค.ศ. 2022-2024"
    ch1 = next((imported / "chapters").glob("01-*.md")).read_text(encoding="utf-8")
    assert ch1.count("{.section-numbered}") == 2
    assert "> — Vladimir Putin, President of Russia." in ch1
    report = (imported / "import-report.md").read_text(encoding="utf-8")
    assert "line 102" in report and "coverage" in report


def test_seed_chapter_one_scores_against_gold(imported):
    need(GOLD, SCORER)
    ch1 = next((imported / "chapters").glob("01-*.md"))
    out = subprocess.run([sys.executable, str(SCORER), str(ch1), str(GOLD)],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    cer = float(out.split()[0].split("=")[1])
    found, total = map(int, out.split()[1].split("=")[1].split("/"))
    assert found == total == 15
    assert cer <= 0.003, out


def test_import_of_a_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("typeset: error:") and len(err.strip().splitlines()) == 1


def test_import_says_which_kind_it_chose(tmp_path, capsys):
    raw = Path(__file__).parent / "fixtures" / "structure" / "two-chapters.raw.txt"
    assert main(["import", str(raw), "-o", str(tmp_path / "t")]) == 0
    err = capsys.readouterr().err
    assert "importing as a thesis" in err
    assert sorted(p.name for p in (tmp_path / "t" / "chapters").iterdir()) == ["01-chapter.md", "02-chapter.md"]
    assert (tmp_path / "t" / "thesis.yaml").exists() and (tmp_path / "t" / "import-report.md").exists()
