"""Layers: defaults -> template (and what it extends) -> thesis.yaml settings, each validated."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from typeset import config
from typeset.config.schema import SCHEMA, LENGTH_RE, Length, Invalid, leaf_paths, length_pt


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def flat(d: dict, prefix="") -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flat(v, f"{prefix}{k}."))
        else:
            out[prefix + k] = v
    return out


def test_defaults_and_schema_have_the_same_keys():
    defaults = yaml.safe_load((config.HERE / "defaults.yaml").read_text(encoding="utf-8"))
    assert sorted(flat(defaults)) == sorted(leaf_paths(SCHEMA))


def test_thesis_settings_override_template_which_overrides_defaults(tmp_path):
    write(tmp_path / "thesis.yaml", "template: thai-report\nsettings:\n  margins: {top: 1.25in}\n")
    cfg = config.load(tmp_path)
    s = cfg.settings
    assert s["margins"]["top"] == "1.25in"              # thesis.yaml
    assert s["margins"]["binding"] == "0.5in"           # thai-report
    assert s["headings"]["chapter"]["label"] == "บทที่ {n}"  # thai-thesis (extended)
    assert s["captions"]["figure"] == "ภาพที่"            # defaults
    assert cfg.template_dir.name == "thai-report"
    assert [d.name for d in cfg.template_dirs] == ["thai-report", "thai-thesis"]
    assert cfg.search_path[-1] == config.BASE
    assert cfg.where("margins.top") == f"{tmp_path / 'thesis.yaml'}:3"
    assert cfg.where("margins.binding").endswith("thai-report/template.yaml:11")
    assert cfg.where("captions.figure") == "built-in defaults"
    assert len(cfg.layers) == 4
    assert "settings" not in cfg.meta


def test_command_line_template_wins_over_thesis_yaml(tmp_path):
    write(tmp_path / "thesis.yaml", "template: thai-report\n")
    assert config.load(tmp_path, template="thai-thesis").template_dir.name == "thai-thesis"


def test_template_path_relative_to_thesis_folder(tmp_path):
    write(tmp_path / "uni" / "template.yaml", "extends: thai-thesis\nfont: {size: 15pt}\n")
    write(tmp_path / "thesis" / "thesis.yaml", "template: ../uni\n")
    cfg = config.load(tmp_path / "thesis")
    assert cfg.settings["font"]["size"] == "15pt"
    assert cfg.settings["margins"]["left"] == "1.5in"
    assert cfg.template_dir == (tmp_path / "uni").resolve()


def test_no_template_named_uses_thai_thesis(tmp_path):
    write(tmp_path / "thesis.yaml", "title: ก\n")
    assert config.load(tmp_path).template_dir.name == config.DEFAULT_TEMPLATE


@pytest.mark.parametrize("tdir", config.bundled(), ids=lambda p: p.name)
def test_every_bundled_template_validates_and_has_a_description(tdir, tmp_path):
    write(tmp_path / "thesis.yaml", "title: ก\n")
    cfg = config.load(tmp_path, template=tdir.name)
    assert sorted(flat(cfg.settings)) == sorted(leaf_paths(SCHEMA))
    assert yaml.safe_load((tdir / "template.yaml").read_text(encoding="utf-8"))["description"]


def test_bundled_thesis_templates_differ_visibly(tmp_path):
    write(tmp_path / "thesis.yaml", "title: ก\n")
    a = flat(config.load(tmp_path, template="thai-thesis").settings)
    b = flat(config.load(tmp_path, template="thai-report").settings)
    differ = {k for k in a if a[k] != b[k]}
    assert {"margins.top", "font.heading_size.chapter", "page_numbers.body"} <= differ


def test_thai_thesis_matches_the_common_graduate_school_rules(tmp_path):
    write(tmp_path / "thesis.yaml", "title: ก\n")
    s = config.load(tmp_path, template="thai-thesis").settings
    assert s["paper"] == "a4"
    assert [length_pt(s["margins"][k]) for k in ("top", "left", "bottom", "right")] == \
        pytest.approx([1.5 * 72.27, 1.5 * 72.27, 72.27, 72.27])
    assert s["font"]["size"] == "16pt" and s["headings"]["chapter"]["align"] == "center"
    assert s["numbers"]["frontmatter_pages"] == "thai_letters"
    assert s["page_numbers"]["body"] == "top-right"


@pytest.mark.parametrize("text,ok", [("1in", True), ("2.5cm", True), ("-3mm", True), (".5in", True),
                                     ("12 pt", True), ("1inch", False), ("1", False), ("in", False),
                                     ("1in+2pt", False), ("\\hsize", False), ("3em", False)])
def test_lengths(text, ok):
    assert bool(LENGTH_RE.match(text)) == (ok or text == "3em")
    if ok:
        Length(min_pt=-50).check(text)
    else:
        with pytest.raises(Invalid):
            Length().check(text)


def test_relative_length_allowed_where_declared():
    assert Length(absolute=False).check("2em") == "2em"


def test_empty_group_changes_nothing(tmp_path):
    write(tmp_path / "thesis.yaml", "settings:\n  margins:\n")
    assert config.load(tmp_path).settings["margins"]["top"] == "1.5in"


def test_metadata_values_normalised(tmp_path):
    write(tmp_path / "thesis.yaml", "title: {th: ชื่อ, en: Title}\nyear: '2567'\ncommittee: ผู้หนึ่ง\n"
                                    "keywords: [ก, ข]\nauthor: 'TODO: ชื่อผู้เขียน'\n")
    meta = config.load(tmp_path).meta
    assert meta["year"] == 2567 and meta["committee"] == ["ผู้หนึ่ง"]
    assert meta["title"] == {"th": "ชื่อ", "en": "Title"} and meta["keywords"] == ["ก", "ข"]
    assert meta["author"] == "TODO: ชื่อผู้เขียน"
