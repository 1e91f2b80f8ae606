"""Text as `pdftotext -layout` gives it (typeset's own PDFs re-imported, issue 12 item 12):
first-line indents and no trailing spaces, an indented quotation block, Latin words hyphenated
at line ends, centred page numbers."""
from __future__ import annotations

from typeset.structure.folder import build_thesis

BODY = "ความสัมพันธ์ระหว่างรัสเซียและเกาหลีเหนือได้พัฒนาขึ้นอย่างต่อเนื่องในช่วงหลายปีที่ผ่านมา"
RAW = f"""                                      บทที่ 1
                                      บทนำ

1.1 ที่มาและความสำคัญ
          " The comprehensive partnership agreement signed today pro-
          vides, among other things, for mutual assistance " (Smith
          & Park, 2024)
                                     — Vladimir Putin, President of Russia.
         {BODY}
{BODY}อย่างไรก็ตาม (Special Military Operation)
ต่อเนื่องถึงปัจจุบัน
         {BODY}
{BODY} ตามแนวคิดของ Neore-
alism ที่เสนอโดย Ken-
neth Waltz

                                          1
         {BODY}
{BODY}
"""


def chapter() -> str:
    files, _ = build_thesis(RAW, RAW.splitlines(), "own.txt")
    return files[next(k for k in files if k.startswith("chapters/01"))]


def test_indented_first_lines_start_paragraphs():
    paras = [b for b in chapter().split("\n\n") if b.startswith("ความสัมพันธ์")]
    assert len(paras) == 3


def test_quotation_block_is_the_epigraph_with_its_attribution():
    md = chapter()
    assert "> \" The comprehensive partnership agreement signed today provides, among other things, " \
           "for mutual assistance \" (Smith & Park, 2024)" in md
    assert "> — Vladimir Putin, President of Russia." in md


def test_spaces_hyphens_and_page_numbers():
    md = chapter()
    assert "(Special Military Operation) ต่อเนื่อง" in md
    assert "Neorealism" in md and "Kenneth Waltz" in md
    assert "\n1\n" not in md and " 1 " + BODY[:10] not in md
