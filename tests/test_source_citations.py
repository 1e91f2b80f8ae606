"""Citation syntax, the references.bib check and biber's messages: no TeX runs here."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from source_helpers import FIXTURES
from typeset.compile.biber import map_biber_log
from typeset.render.bibliography import bib_with_breaks, cite_command
from typeset.render.escape import Escaper
from typeset.source import nodes as n
from typeset.source.bibfile import read_bib
from typeset.source.citations import page_number, split_citations

APA = FIXTURES / "render" / "thai-apa"


def cites(text: str) -> list:
    return [x for x in split_citations(n.Text("chapters/01-a.md", 3, text)) if isinstance(x, n.Citation)]


def test_pandoc_citation_forms():
    [c] = cites("ตามที่ @chanwit2563 เสนอ")
    assert (c.keys, c.narrative) == (["chanwit2563"], True)
    [c] = cites("text [see @a, p. 12; -@b] more")
    assert not c.narrative and [(i.key, i.prefix, i.locator, i.suppress) for i in c.items] == \
        [("a", "see", "p. 12", False), ("b", "", "", True)]
    [c] = cites("end of a sentence @waltz1979.")
    assert c.keys == ["waltz1979"]   # the full stop is the sentence's
    # not citations: an e-mail address, cross-reference labels
    assert cites("write to a.b@example.com or see @fig:trade and @eq:one") == []
    # a bracket that is not all citations stays text; the @key inside it is narrative
    [c] = cites("[ดู @x2020 และ y]")
    assert c.narrative and c.raw == "@x2020"


def test_citation_lines_follow_the_source_lines():
    t = n.Text("chapters/01-a.md", 3, "first line [@a]second line @b")
    out = split_citations(t, raw="first line [@a]\nsecond line @b")
    assert [(x.keys, x.line) for x in out if isinstance(x, n.Citation)] == [(["a"], 3), (["b"], 4)]


def test_page_locators_become_the_entrys_own_word():
    assert [page_number(s) for s in ["p. 12", "pp. 12–15", "น. 7", "หน้า 3", "chap. 2"]] == \
        ["12", "12-15", "7", "3", None]
    esc = Escaper()
    thai = n.Citation("f", 1, ["t"], "p. 12", "[@t, p. 12]", items=[n.CiteItem("t", locator="p. 12")])
    eng = n.Citation("f", 1, ["e"], "p. 12", "[@e, p. 12]", items=[n.CiteItem("e", locator="p. 12")])
    assert cite_command(thai, esc, {"t"}) == r"\parencite[][น.~12]{t}"
    assert cite_command(eng, esc, {"t"}) == r"\parencite[][12]{e}"   # biblatex-apa adds p.


def test_thai_entries_are_recognised_by_script_or_language():
    bib = read_bib(APA / "references.bib")
    thai = {e.key for e in bib.entries if e.thai}
    assert thai == {"chanwit2563", "kasem2564", "somsri2565", "kaewta2561", "kosol2562", "nso", "pairoj2560"}


def test_break_points_only_in_printed_fields_and_lines_kept():
    bib = read_bib(APA / "references.bib")
    copy = bib_with_breaks(bib, Escaper())
    assert copy.count("\n") == bib.text.count("\n")
    lines = dict(zip(bib.text.splitlines(), copy.splitlines()))
    title = next(v for k, v in lines.items() if "นโยบายต่างประเทศไทย" in k)
    assert r"\thaibreak{}" in title
    assert all(r"\thaibreak" not in v for k, v in lines.items() if k.strip().startswith(("author", "editor", "url")))
    # break points, and the empty group that stops letter glue after a tall consonant's mark
    assert copy.replace(r"\thaibreak{}", "").replace("{}", "") == bib.text


def _build(folder, *args):
    return subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(folder), "--tex-only", *args],
                          capture_output=True, text=True, timeout=300)


def test_unknown_key_is_one_line_with_the_chapter_line(tmp_path):
    folder = shutil.copytree(APA, tmp_path / "t")
    chapter = folder / "chapters" / "01-intro.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nตามที่กล่าวไว้ [@nokey2020] และ [@waltz1997]\n",
                       encoding="utf-8")
    line = chapter.read_text(encoding="utf-8").splitlines().index("ตามที่กล่าวไว้ [@nokey2020] และ [@waltz1997]") + 1
    proc = _build(folder, "-o", str(tmp_path / "out"))
    assert proc.returncode == 2
    [msg] = proc.stderr.strip().splitlines()
    assert msg.startswith(f"typeset: error: {folder}/chapters/01-intro.md:{line}: unknown citation key 'nokey2020'")
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("[@nokey2020] ", ""), encoding="utf-8")
    proc = _build(folder, "-o", str(tmp_path / "out"))
    assert proc.returncode == 2 and "did you mean 'waltz1979'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_malformed_entry_is_one_line_with_the_bib_line(tmp_path):
    folder = shutil.copytree(APA, tmp_path / "t")
    bib = folder / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bad = text.replace("  title     = {Theory of International Politics},", "  title     = {Theory of International Politics")
    bib.write_text(bad, encoding="utf-8")
    entry = bad.splitlines().index("@book{waltz1979,") + 1
    proc = _build(folder, "-o", str(tmp_path / "out"))
    assert proc.returncode == 2
    [msg] = proc.stderr.strip().splitlines()
    assert msg.startswith(f"typeset: error: {folder}/references.bib:{entry}: malformed entry '@book{{waltz1979,'")
    # a missing comma between two fields, which the parser would take for one value
    bib.write_text(text.replace("  publisher = {Addison-Wesley},", "  publisher = {Addison-Wesley}"), encoding="utf-8")
    proc = _build(folder, "-o", str(tmp_path / "out"))
    year = text.splitlines().index("  publisher = {Addison-Wesley},") + 2
    assert proc.returncode == 2
    assert f"references.bib:{year}: entry 'waltz1979': text after the value of 'publisher'" in proc.stderr


# biber 2.18's .blg for a value left open at line 55 (the renderer's copy has references.bib's lines)
BLG = """[489] Utils.pm:399> ERROR - BibTeX subsystem: /tmp/biber_tmp_uo7e/f4d088b3f9f145b5c3058da33afd57d4_21630.utf8, line 59, syntax error: found "@article", expected end of entry ("}" or ")") (skipping to next "@")
[489] Biber.pm:130> WARN - BibTeX subsystem: /tmp/biber_tmp_uo7e/f4d088b3f9f145b5c3058da33afd57d4_21630.utf8, line 56, warning: possible runaway string started at line 55
[490] Biber.pm:132> INFO - WARNINGS: 1
[490] Biber.pm:135> INFO - ERRORS: 1
"""


def test_biber_errors_name_the_references_bib_line():
    assert map_biber_log(BLG) == ('references.bib:59: syntax error: found "@article", expected end of entry '
                                  '("}" or ")") (skipping to next "@"); a value opened at line 55 may not be closed')
    assert map_biber_log("[1] Biber.pm:130> WARN - nothing wrong\n") is None
    assert map_biber_log("[1] Biber.pm:1> ERROR - Cannot find 'bibliography.bib'!\n") == \
        "biber: Cannot find 'bibliography.bib'!"


@pytest.mark.parametrize("order, thai, other", [("thai-first", "1", "2"), ("english-first", "2", "1"), ("mixed", None, None)])
def test_order_setting_reaches_the_source_map(tmp_path, order, thai, other):
    folder = shutil.copytree(APA, tmp_path / "t")
    yaml = folder / "thesis.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("settings:\n", f"settings:\n  bibliography: {{order: {order}}}\n"),
                    encoding="utf-8")
    proc = _build(folder, "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    tex = (tmp_path / "out" / "tex" / "thesis.tex").read_text(encoding="utf-8")
    if thai is None:
        assert "presort" not in tex
    else:
        assert f"fieldset=presort, fieldvalue={thai}]\n    }}\n    \\map[overwrite=false]{{\n      \\step[fieldset=presort, fieldvalue={other}]" in tex
