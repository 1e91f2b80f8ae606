"""The whole character repair: line-for-line output, the report, a real damaged chapter."""
from pathlib import Path

import pytest

from typeset.repair import RULES, State, UnknownRule, chain, repair

FIX = Path(__file__).parent / "fixtures" / "repair"


def test_damaged_thesis_chapter_repairs_to_the_checked_text():
    raw = (FIX / "thesis-ch1.raw.txt").read_text(encoding="utf-8")
    want = (FIX / "thesis-ch1.expected.txt").read_text(encoding="utf-8").splitlines()
    res = repair(raw, skip=("spaces",))
    assert res.lines == want
    rep = res.report
    assert rep.code_map["E"] == "\u0e48" and rep.code_map["i"] == "\u0e49"
    assert rep.coverage_before < 0.85 < 0.97 < rep.coverage_after
    assert "(Smith & Park, 2024)" in res.lines[10]
    assert res.lines[186].startswith("1.7.5 บทที่ 5 ")


def test_line_numbers_survive():
    raw = "บทที* 1\n\n  \nทีEมา\r\nEnglish only\n"
    res = repair(raw)
    assert len(res.lines) == len(raw.splitlines()) == 5
    assert res.lines[1:3] == ["", "  "] and res.lines[4] == "English only"
    assert res.text == "\n".join(res.lines)


def test_report_lists_map_counts_and_uncertain_spots_with_raw_lines():
    raw = (FIX / "thesis-ch1.raw.txt").read_text(encoding="utf-8")
    res = repair(raw, skip=("spaces",))
    md = res.report.to_markdown()
    assert "Learned code → character map" in md and "`E` (U+0045)" in md
    assert "Thai dictionary coverage" in md
    lines = {u.line for u in res.report.uncertain}
    assert 102 in lines  # "1.=" decoded from its neighbours: reported, not silent
    assert all(1 <= n <= 195 for n in lines)
    assert set(res.report.timings) <= {name for name, _ in RULES}


def test_empty_and_plain_text():
    assert repair("").lines == []
    res = repair("Plain English text, nothing Thai.")
    assert res.lines == ["Plain English text, nothing Thai."]
    assert not res.report.code_map and not res.report.uncertain


def test_rules_are_a_named_chain_and_a_missing_rule_is_an_error():
    c = chain()
    assert c.names[:3] == ["pua", "normalize", "codes"] and len(set(c.names)) == len(c.names)
    with pytest.raises(UnknownRule):
        repair("ทีEมา", skip=("no-such-rule",))
    with pytest.raises(UnknownRule):
        c.before("no-such-rule", "x", lambda lines, state: lines)


def test_each_rule_runs_alone_on_an_explicit_state():
    c = chain()
    c.rules = [r for r in c.rules if r.name == "vowels"]
    text = ["กำรศึกษำควำมสำคัญ " * 3] * 4
    state = c.run(State(list(text), raw=list(text)))
    assert state.lines[0].startswith("การศึกษาความสำคัญ")
    assert any("sara am" in d for d in state.report.decisions)


def test_a_rule_that_changes_the_line_count_is_refused():
    c = chain()
    c.rules = []
    c.push("bad", lambda lines, state: lines + ["x"])
    with pytest.raises(RuntimeError, match="bad"):
        c.run(State(["a"], raw=["a"]))
