"""Punctuation that a diagram's font used as a mark code is decided spot by spot (punct_codes)."""
from pathlib import Path

from typeset.repair import repair
from typeset.repair.code_spots import abbreviation

FIX = Path(__file__).parent / "fixtures" / "repair"


def test_dot_decoded_only_where_the_spot_gains_and_abbreviations_stay():
    raw = (FIX / "punct-codes.raw.txt").read_text(encoding="utf-8")
    want = (FIX / "punct-codes.expected.txt").read_text(encoding="utf-8").splitlines()
    res = repair(raw)
    assert res.lines == want
    assert "." not in res.report.code_map  # never a document-wide decision
    spots = [u for u in res.report.uncertain if u.kind == "punct_codes"]
    assert [u.line for u in spots] == [2]  # the one decision is reported with its raw line
    assert "เปลี่ยนแปลง" in spots[0].note
    assert res.report.counts["codes: punctuation decoded at one spot"] == 1


def test_abbreviation_pattern():
    line = "ค.ศ. 2022 และ อ.เมือง ที่การเปลี.ยน"
    assert abbreviation(line, 1) and abbreviation(line, 3) and abbreviation(line, line.index(".เ"))
    assert not abbreviation(line, line.index(".ย"))
    assert not abbreviation("ร¶ฐบาล", 1)  # only dots: other symbols after one letter may be codes


def test_abbreviation_dots_are_never_learned_as_codes_in_a_small_document():
    for text in ["ที่ อ.เมือง จ.เชียงใหม่", "บริษัท ก.ข.ค. จำกัด", "น้ำหนัก 5 ก.ก. และ ค.ศ. 2022"]:
        res = repair(text)
        assert res.lines == [text], res.lines
        assert "." not in res.report.code_map
