"""The one Notice type and its report section."""
from typeset.notice import Notice, at_line, at_page, notice_line, notices_markdown


def test_line_has_place_kind_text_and_note():
    n = at_line(12, "read as ำ", "vowels", "กำร")
    assert notice_line(n) == "- line 12 [vowels] `กำร`: read as ำ"


def test_text_with_backticks_stays_one_code_span():
    assert notice_line(Notice("kept", page=3, text="a`b")) == "- page 3 ``a`b``: kept"


def test_section_sorts_by_number_not_as_strings_and_counts():
    out = notices_markdown("Spots", [at_page(10, "b"), at_page(9, "a"), at_line(2, "c")])
    assert out[0] == "Spots (3):"
    assert out[2:5] == ["- line 2: c", "- page 9: a", "- page 10: b"]
    assert out[-1] == ""


def test_empty_section_says_none():
    assert notices_markdown("Spots", []) == ["Spots (0):", "", "- none", ""]


def test_file_and_line_read_as_an_editor_path_and_confidence_is_shown():
    n = Notice("kept the space", stage="structure", file="chapters/01.md", line=7, confidence=0.4)
    assert notice_line(n) == "- chapters/01.md:7: kept the space (confidence 0.40)"
