"""What a rebuild reuses from OUT/.typeset-cache: compiled templates, derived-font facts; and
what it then does not load at all (PyThaiNLP when every segmentation is cached)."""
from __future__ import annotations

from pathlib import Path

from typeset.render.env import make_env, use_bytecode_cache


def _render(folder: Path, cache: Path, **ctx) -> str:
    env = make_env([folder], finalize=None)
    use_bytecode_cache(env, cache)
    return env.get_template("t.tex.j2").render(**ctx)


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(tmp_path):
    tpl, cache = tmp_path / "tpl", tmp_path / "cache"
    tpl.mkdir()
    (tpl / "t.tex.j2").write_text("A << x >>\n", encoding="utf-8")
    assert _render(tpl, cache, x=1) == "A 1\n"
    stored = list(cache.glob("jinja-*/*.cache"))
    assert len(stored) == 1
    before = stored[0].read_bytes()
    assert _render(tpl, cache, x=2) == "A 2\n"          # read back from the cache
    (tpl / "t.tex.j2").write_text("B << x >>\n", encoding="utf-8")
    assert _render(tpl, cache, x=3) == "B 3\n"          # the edit is seen
    assert stored[0].read_bytes() != before


def test_an_unwritable_cache_folder_means_no_cache(tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "t.tex.j2").write_text("A << x >>\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _render(tpl, blocker / "cache", x=1) == "A 1\n"
