"""Any text at all: repair never raises, keeps the line count and never decomposes ำ."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from typeset.repair import repair

THAI = [chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable()]
ALPHABET = st.sampled_from(THAI + list("Ei*&Kp ¥¦§\ufffd.-()“”12 \n") + ["ทีE", "ตั iง", "\u0e4d\u0e32"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_repair_total_and_line_preserving(text):
    res = repair(text)
    assert len(res.lines) == len(text.splitlines())
    assert "\u0e4d\u0e32" not in res.text  # sara am is always whole
    for u in res.report.uncertain:
        assert 1 <= u.line <= max(1, len(res.lines))
