"""Thai justification (latex/base/justify.tex.j2) measured on a PDF built here: a few dense
paragraphs of Thai with some Latin words, one build for the module (typeset.quality)."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from typeset.quality import measure
from typeset.render.escape import Escaper

SENTENCES = [
    "การศึกษาครั้งนี้มุ่งวิเคราะห์ความสัมพันธ์ระหว่างประเทศในภูมิภาคเอเชียตะวันออก",
    "โดยใช้กรอบแนวคิดสัจนิยมใหม่ (Structural Realism) เป็นเครื่องมือหลักในการอธิบาย",
    "รัฐบาลของทั้งสองประเทศได้ลงนามในข้อตกลงความร่วมมือทางเศรษฐกิจและการทหาร",
    "ซึ่งส่งผลกระทบต่อเสถียรภาพของภูมิภาคและความมั่นคงของประเทศเพื่อนบ้าน",
    "นักวิชาการหลายคนเห็นว่าการเปลี่ยนแปลงโครงสร้างอำนาจของโลกเกิดขึ้นอย่างต่อเนื่อง",
    "ในช่วงปี ค.ศ. 2022 ถึง 2024 การค้าระหว่างสองประเทศเพิ่มขึ้นอย่างมีนัยสำคัญ",
    "ผู้วิจัยได้รวบรวมข้อมูลจากเอกสารทางราชการ บทความวิชาการ และรายงานขององค์การระหว่างประเทศ",
    "เพื่อให้เห็นภาพรวมของนโยบายต่างประเทศที่ปรับเปลี่ยนไปตามสถานการณ์",
    "ประเทศมหาอำนาจต่างพยายามขยายอิทธิพลของตนผ่านความช่วยเหลือด้านการพัฒนา",
    "ทั้งนี้ความร่วมมือดังกล่าวยังเปิดโอกาสให้เกิดการแลกเปลี่ยนทางวัฒนธรรมและการศึกษา",
    "แนวโน้มดังกล่าวสะท้อนให้เห็นถึงการปรับตัวของรัฐขนาดกลางในระบบระหว่างประเทศ",
    "ตามที่ Kenneth Waltz ได้เสนอไว้ในหนังสือ Theory of International Politics",
]


def _paragraphs(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        picks = rnd.sample(SENTENCES, 6)
        out.append(" ".join(picks))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("justify")
    folder = root / "thesis"
    (folder / "chapters").mkdir(parents=True)
    (folder / "thesis.yaml").write_text(
        'template: thai-thesis\ntitle: {th: "การจัดบรรทัด", en: "Justification"}\n'
        'author: {th: "นักศึกษา ทดสอบ", en: "Test Student"}\nyear: 2567\n'
        'settings:\n  frontmatter:\n    order: [abstract_th]\n', encoding="utf-8")
    paras = _paragraphs(12, 7)
    # the same rules in a footnote, a table cell, a caption and a front-matter page
    note = " ".join(_paragraphs(1, 3))
    body = ("# บทนำ\n\n" + paras[0] + "[^1]\n\n" + "\n\n".join(paras[1:10]) + "\n\n"
            "| ด้าน | รายละเอียด |\n|---|---|\n"
            f"| เศรษฐกิจ | {SENTENCES[2]} {SENTENCES[3]} |\n\n"
            f"Table: {SENTENCES[8]} {SENTENCES[9]}\n\n" + f"[^1]: {note}\n")
    (folder / "chapters" / "01-intro.md").write_text(body, encoding="utf-8")
    (folder / "frontmatter").mkdir()
    (folder / "frontmatter" / "abstract-th.md").write_text("\n\n".join(paras[10:]) + "\n", encoding="utf-8")
    out = root / "out"
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "-o", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return measure(out / "thesis.pdf", folder, out / "tex" / "thesis.log")


def test_lines_end_at_the_right_margin(built):
    assert built.continued_lines >= 40
    assert built.flush_share >= 0.97, built.examples["short_lines"]
    assert built.overfull == 0


def test_no_gap_inside_thai_reads_as_a_space(built):
    assert built.gap_points > 300
    assert built.gap_threshold_pt == pytest.approx(1.6, abs=0.05)
    assert built.gap_max_pt < built.gap_threshold_pt - 0.2, built.examples["gaps"]
    assert built.spurious_spaces == 0, built.examples["spurious_spaces"]
    assert built.cer is not None and built.cer <= 0.001


def test_spaces_stay_near_their_natural_width(built):
    assert 2.0 < built.natural_space_pt < 3.5
    assert built.space_p99_ratio <= 1.5
    assert built.space_max_ratio <= 2.5


def test_letter_glue_stops_after_a_tall_consonants_mark():
    esc = Escaper()
    out = esc.text("เป็นปีที่ฟื้นฟู")
    assert "ป็{}น" in out and "ปี{}" in out and "ฟื้{}น" in out
    assert "{}" not in esc.text("การศึกษา")


@pytest.mark.parametrize("mode, present, absent", [
    ("thai", [r"\XeTeXinterchartokenstate=1", r"\penalty9000", "WordSpace={1,0.175,1}"], [r"\rightskip=\z@"]),
    ("thai-distributed", [r"\XeTeXinterchartokenstate=1", "0.03\\thaiem", "WordSpace={1,0.05,1}"], []),
    ("left", [r"\rightskip=\z@\@plus 4\thaiem", r"para/begin", "WordSpace={1,0,0.5}"], [r"\XeTeXinterchartokenstate=1"]),
])
def test_each_setting_writes_its_preamble(tmp_path, mode, present, absent):
    folder = tmp_path / "t"
    (folder / "chapters").mkdir(parents=True)
    (folder / "thesis.yaml").write_text(
        f'template: thai-thesis\ntitle: {{th: "ก", en: "A"}}\nyear: 2567\nsettings:\n  paragraph:\n    justify: {mode}\n',
        encoding="utf-8")
    (folder / "chapters" / "01-a.md").write_text("# ก\n\nการศึกษา\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "-o", str(tmp_path / "o"),
                           "--tex-only"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    tex = (tmp_path / "o" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    for p in present:
        assert p in tex
    for a in absent:
        assert a not in tex


def test_an_unknown_justify_value_is_one_line_naming_thesis_yaml(tmp_path):
    folder = tmp_path / "t"
    (folder / "chapters").mkdir(parents=True)
    (folder / "thesis.yaml").write_text(
        'template: thai-thesis\ntitle: {th: "ก", en: "A"}\nyear: 2567\nsettings:\n  paragraph:\n    justify: right\n',
        encoding="utf-8")
    (folder / "chapters" / "01-a.md").write_text("# ก\n\nก\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "-o", str(tmp_path / "o"),
                           "--tex-only"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "thesis.yaml" in proc.stderr and "paragraph.justify" in proc.stderr and "Traceback" not in proc.stderr
