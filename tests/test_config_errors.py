"""Every mistake in a settings or metadata file is one line naming the file, line, key and a fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from typeset import config
from typeset.cli import main
from typeset.errors import UserError

CASES = sorted((Path(__file__).parent / "fixtures" / "config" / "errors").iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_message(case):
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(UserError) as e:
        config.load(case)
    msg = str(e.value)
    assert "\n" not in msg
    assert expected in msg


def test_cli_reports_unknown_key_with_exit_2(tmp_path, capsys):
    (tmp_path / "thesis.yaml").write_text("title: ก\nsettings:\n  fonts: {size: 16pt}\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--tex-only", "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "thesis.yaml:3: unknown setting 'fonts' (did you mean 'font'?)" in err
    assert "Traceback" not in err


def test_template_yaml_errors_name_the_template_file(tmp_path):
    t = tmp_path / "mine"
    t.mkdir()
    (t / "template.yaml").write_text("description: x\nextends: thai-thesis\nheadings:\n  chapter:\n"
                                     "    allign: left\n", encoding="utf-8")
    (tmp_path / "thesis.yaml").write_text("template: ./mine\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        config.load(tmp_path)
    assert str(e.value) == (f"{t / 'template.yaml'}:5: unknown setting 'headings.chapter.allign' "
                            "(did you mean 'headings.chapter.align'?)")


def test_extends_loop_is_an_error(tmp_path):
    for a, b in (("a", "../b"), ("b", "../a")):
        (tmp_path / a).mkdir()
        (tmp_path / a / "template.yaml").write_text(f"extends: {b}\n", encoding="utf-8")
    (tmp_path / "thesis.yaml").write_text("template: ./a\n", encoding="utf-8")
    with pytest.raises(UserError, match="loop"):
        config.load(tmp_path)


def test_missing_template_folder_says_how_to_make_one(tmp_path):
    (tmp_path / "thesis.yaml").write_text("template: ./my-uni\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"typeset template copy NAME \./my-uni"):
        config.load(tmp_path)


ARTICLE_CASES = sorted((Path(__file__).parent / "fixtures" / "config" / "article-errors").iterdir())


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[c.name for c in ARTICLE_CASES])
def test_article_yaml_error_message(case):
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(UserError) as e:
        config.load(case, meta_file="article.yaml")
    msg = str(e.value)
    assert "\n" not in msg
    assert expected in msg


def test_article_yaml_as_the_importer_writes_it_is_valid(tmp_path):
    from typeset.article import build_files

    raw = (Path(__file__).parent / "fixtures" / "article" / "article-raw.txt").read_text(encoding="utf-8")
    files, _ = build_files(raw, tmp_path)
    (tmp_path / "article.yaml").write_text(files["article.yaml"], encoding="utf-8")
    meta = config.load(tmp_path, meta_file="article.yaml").meta
    assert set(meta) >= {"template", "title", "date", "lead", "source", "words"}
    # an unquoted date is a YAML date: kept as the ISO text the template prints
    (tmp_path / "article.yaml").write_text("title: ข่าว\ndate: 2022-09-23\nsource: {date: 2022-09-16}\n",
                                           encoding="utf-8")
    meta = config.load(tmp_path, meta_file="article.yaml").meta
    assert meta["date"] == "2022-09-23" and meta["source"] == {"date": "2022-09-16"}
