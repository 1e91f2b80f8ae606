"""thesis.yaml is data: Python tags are an error (never executed), broken YAML is one line with file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from typeset import config
from typeset.errors import UserError

HOSTILE_TAGS = [
    '!!python/object/apply:os.system ["touch {canary}"]',
    '!!python/object/new:subprocess.Popen [["touch", "{canary}"]]',
    '!!python/name:os.system',
    '!!python/object:builtins.dict {{}}',
]


@pytest.mark.parametrize("tag", HOSTILE_TAGS)
def test_python_tags_are_refused_and_never_run(tmp_path, tag):
    canary = tmp_path / "pwned"
    (tmp_path / "thesis.yaml").write_text(
        "title: ชื่อเรื่อง\nauthor: " + tag.format(canary=canary) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        config.load(tmp_path)
    msg = str(e.value)
    assert "thesis.yaml:2" in msg and "\n" not in msg
    assert not canary.exists()


def test_broken_yaml_names_file_and_line(tmp_path):
    (tmp_path / "thesis.yaml").write_text("title: ok\nauthor: [unclosed\nyear: 2567\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        config.load(tmp_path)
    assert "thesis.yaml:" in str(e.value) and "not valid YAML" in str(e.value)


def test_yaml_that_is_not_a_mapping(tmp_path):
    (tmp_path / "thesis.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(UserError, match="expected a mapping"):
        config.load(tmp_path)


def test_missing_thesis_yaml(tmp_path):
    with pytest.raises(UserError, match="thesis.yaml: file not found"):
        config.load(tmp_path)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "cp874"])
def test_thesis_yaml_in_other_encodings_loads_the_same(tmp_path, codec):
    text = "title: {th: 'ความสัมพันธ์ระหว่างประเทศ', en: 'Relations'}\r\nyear: 2567\r\n"
    (tmp_path / "thesis.yaml").write_bytes(text.encode(codec))
    assert config.load(tmp_path).meta["title"] == {"th": "ความสัมพันธ์ระหว่างประเทศ", "en": "Relations"}


def test_binary_thesis_yaml_is_a_one_line_error(tmp_path):
    (tmp_path / "thesis.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UserError, match="thesis.yaml: is binary"):
        config.load(tmp_path)
