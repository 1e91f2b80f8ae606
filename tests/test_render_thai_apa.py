"""Thai APA references, read back from the PDF (pdftotext), not from the .tex.

One build of tests/fixtures/render/thai-apa (7 Thai and 6 English entries: book, article, thesis,
web page, edited book, no date) is shared by the module's tests.
"""
from __future__ import annotations

import re
import subprocess

import pytest

from source_helpers import FIXTURES, build_copy
from templates_helpers import words
from typeset.compile.log import parse_log

APA = FIXTURES / "render" / "thai-apa"
# the Thai-script entries by their first words, and the English ones
THAI_NAMES = ["ชาญวิทย์ สุขสวัสดิ์.", "เกษม ศรีสวัสดิ์ และ วันดี ทองดี.", "สมศรี ใจดี, ปิยะ รักไทย, และ อรุณ แสงทอง.",
              "แก้วตา มณีรัตน์.", "โกศล วงศ์ไทย (บรรณาธิการ).", "สำนักงานสถิติแห่งชาติ."]
ENGLISH_NAMES = ["Waltz, K. N.", "Walt, S. M.", "Brown, A., Lee, D., & Kim, S.-j.", "Anderson, M.",
                 "Smith, J., & Park, L. (Eds.).", "United Nations."]


def _flex(s: str) -> str:
    """A regex for s as pdftotext prints it: a space may be any white space, and a line may
    break between two characters anywhere (a Thai line break leaves no space)."""
    return "".join(r"\s+" if c == " " else re.escape(c) + r"\n?" for c in s)


def find(text: str, s: str) -> int:
    m = re.search(_flex(s), text)
    return m.start() if m else -1


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    proc, out = build_copy(APA, tmp_path_factory.mktemp("apa"))
    assert proc.returncode == 0, proc.stderr
    pdf = out / "thesis.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # the list's heading: the last line that is only the title (สารบัญ's line has leaders)
    heading = [m.start() for m in re.finditer(r"(?m)^\f?บรรณานุกรม$", text)][-1]
    return {"out": out, "pdf": pdf, "body": text[:heading], "refs": text[heading:], "stderr": proc.stderr}


@pytest.mark.tex
def test_thai_entries_first_in_thai_dictionary_order_then_english_a_to_z(built):
    from pythainlp.util import collate

    refs = built["refs"]
    thai = {name: find(refs, name) for name in THAI_NAMES}
    english = {name: find(refs, name) for name in ENGLISH_NAMES}
    assert all(pos >= 0 for pos in [*thai.values(), *english.values()]), (thai, english, refs)
    assert max(thai.values()) < min(english.values())
    printed = sorted(thai, key=thai.get)
    # PyThaiNLP's collation is the independent measure: leading vowels เ แ โ ใ ไ sort after
    # their consonant (เกษม, แก้วตา, โกศล under ก), which code-point order would put last
    assert printed == collate(THAI_NAMES)
    assert printed[:3] == ["เกษม ศรีสวัสดิ์ และ วันดี ทองดี.", "แก้วตา มณีรัตน์.", "โกศล วงศ์ไทย (บรรณาธิการ)."]
    assert sorted(english, key=english.get) == sorted(ENGLISH_NAMES, key=str.lower)
    # language = {thai} marks a Latin-script entry Thai: in the Thai group, name not inverted
    assert 0 <= find(refs, "Pairoj Jaidee. (2560).") < min(english.values())


@pytest.mark.tex
def test_thai_names_in_full_and_thai_apa_words(built):
    refs = built["refs"]
    for s in ["ชาญวิทย์ สุขสวัสดิ์. (2563).", "(พิมพ์ครั้งที่ 2)", "(ม.ป.ป.)", "สืบค้นจาก https://www.nso.go.th",
              "[วิทยานิพนธ์ปริญญามหาบัณฑิต, จุฬาลงกรณ์มหาวิทยาลัย]", "(บรรณาธิการ). (2562).",
              "วารสารรัฐศาสตร์และรัฐประศาสนศาสตร์, 42(2), 15–38.",
              # English entries per APA 7
              "Waltz, K. N. (1979). Theory of international politics. Addison-Wesley.",
              "Smith, J., & Park, L. (Eds.). (2020).", "United Nations. (n.d.).",
              "[Doctoral dissertation, University of Oxford]"]:
        assert find(refs, s) >= 0, s
    for inverted in ["สุขสวัสดิ์, ช", "ศรีสวัสดิ์, เ", "ใจดี, ส", "มณีรัตน์, แ", "วงศ์ไทย, โ", "Jaidee, P"]:
        assert find(refs, inverted) < 0 and find(built["body"], inverted) < 0, inverted
    assert "&" not in "".join(line for line in refs.splitlines() if re.search(r"[\u0e00-\u0e7f]", line))


@pytest.mark.tex
def test_citations_print_the_thai_forms(built):
    body = built["body"]
    for s in ["(ชาญวิทย์ สุขสวัสดิ์, 2563)",                       # [@key]
              "เกษม ศรีสวัสดิ์ และ วันดี ทองดี (2564)",            # @key
              "(เกษม ศรีสวัสดิ์ และ วันดี ทองดี, 2564, น. 20)",     # [@key, p. 20]
              "(สมศรี ใจดี และคณะ, 2565; แก้วตา มณีรัตน์, 2561)",  # [@a; @b], 3 authors
              "โกศล วงศ์ไทย (2562)", "(สำนักงานสถิติแห่งชาติ, ม.ป.ป.)", "Pairoj Jaidee (2560)",
              "(Waltz, 1979, p. 102; Walt, 1985)", "Brown et al. (2019)", "Smith and Park (2020)",
              "(see also United Nations, n.d.)"]:
        assert find(body, s) >= 0, s
    assert "@" not in body


@pytest.mark.tex
def test_reference_list_has_no_overfull_lines_and_hangs_half_an_inch(built):
    log = (built["out"] / "tex" / "thesis.log").read_text(encoding="utf-8", errors="replace")
    assert parse_log(log).overfull == []
    pages = words(built["pdf"])
    first = max(i for i, p in enumerate(pages) if any(w.text == "บรรณานุกรม" for w in p.words))
    starts = []
    for page in pages[first:]:
        lines: dict[int, list] = {}
        for w in page.words:
            lines.setdefault(round(w.y1), []).append(w)
        for ws in lines.values():
            text = " ".join(w.text for w in sorted(ws, key=lambda w: w.x0))
            if text != "บรรณานุกรม" and not text.isdigit():
                starts.append(min(w.x0 for w in ws))
    left = min(starts)
    indents = sorted({round(x - left) for x in starts})
    assert indents == [0, 36], indents          # entry starts, continuation lines 0.5 in = 36 pt in
    assert sum(1 for x in starts if round(x - left) == 0) == 13   # one start per entry
