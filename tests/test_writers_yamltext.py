"""writers.yamltext: every scalar reads back as the text it was given, also inside a flow mapping."""
from __future__ import annotations

import pytest
import yaml

from typeset.writers.yamltext import quoted, scalar

AWKWARD = ["ชื่อเรื่อง", "TODO: ชื่อผู้เขียน", "a, b", "[x]", "{y}", "#แท็ก", "2567", "yes", "null",
           "- ก", "ก: ข", "\"คำพูด\"", "line\nbreak", "", "  lead", "'x'", "@key", "%x", "*a"]


@pytest.mark.parametrize("text", AWKWARD)
def test_scalar_reads_back_unchanged_in_a_flow_mapping(text):
    assert yaml.safe_load(f"k: {{th: {scalar(text)}, en: x}}")["k"]["th"] == text
    assert yaml.safe_load(f"- {quoted(text)}") == [text]


def test_plain_where_yaml_keeps_the_text_quoted_where_it_would_not():
    assert scalar("ชื่อเรื่อง ภาษาไทย") == "ชื่อเรื่อง ภาษาไทย"
    assert scalar("2567") == '"2567"' and scalar("a, b") == '"a, b"'
    assert quoted("ชื่อ") == '"ชื่อ"'
