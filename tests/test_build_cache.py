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


MINI = Path(__file__).parent / "fixtures" / "render" / "mini"
# runs a build (or font_context) in a fresh interpreter and reports which heavy packages it loaded
PROBE = """
import sys
{body}
print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {{'fontTools', 'pythainlp', 'nlpo3'}})) or '-')
"""


def _probe(body: str) -> str:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", PROBE.format(body=body)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def _fonts(tex: Path) -> str:
    return (f"from typeset.fonts import font_context\n"
            f"font_context({{'font': {{'family': 'Sarabun', 'scale': 'auto'}}}}, {{}}, {str(tex)!r})")


def test_derived_fonts_up_to_date_are_neither_read_nor_derived_again(tmp_path):
    tex = tmp_path / "out" / "tex"
    assert "fontTools" in _probe(_fonts(tex))
    files = {p.name: p.read_bytes() for p in (tex / "fonts").iterdir()}
    assert len(files) == 4
    assert _probe(_fonts(tex)) == "-"
    # a damaged copy is noticed (its hash) and derived again, byte for byte the same
    damaged = tex / "fonts" / sorted(files)[0]
    damaged.write_bytes(b"not a font")
    assert "fontTools" in _probe(_fonts(tex))
    assert {p.name: p.read_bytes() for p in (tex / "fonts").iterdir()} == files
    # so is a corrupt memo
    (tmp_path / "out" / ".typeset-cache" / "fonts.json").write_text("{", encoding="utf-8")
    assert "fontTools" in _probe(_fonts(tex))
    assert {p.name: p.read_bytes() for p in (tex / "fonts").iterdir()} == files


def test_a_rebuild_answered_by_the_cache_loads_no_tokenizer(tmp_path):
    import shutil

    src = Path(shutil.copytree(MINI, tmp_path / "mini"))
    out = tmp_path / "out"
    build = f"from typeset.cli import main\nassert main(['build', {str(src)!r}, '-o', {str(out)!r}, '--tex-only']) == 0"
    assert "pythainlp" in _probe(build)
    first = {p.name: p.read_bytes() for p in (out / "tex").glob("*.tex")}
    assert "pythainlp" not in _probe(build)      # (fontTools: the fixture's table is measured)
    assert {p.name: p.read_bytes() for p in (out / "tex").glob("*.tex")} == first
    # an edited paragraph is segmented again: the tokenizer is loaded, the rest still cached
    ch = sorted((src / "chapters").glob("*.md"))[0]
    ch.write_text(ch.read_text(encoding="utf-8") + "\nย่อหน้าใหม่ที่เพิ่งเขียนเพิ่มเติมในบทนี้\n", encoding="utf-8")
    assert "pythainlp" in _probe(build)


def test_first_builds_in_separate_processes_write_the_same_bytes(tmp_path):
    import shutil

    src = Path(shutil.copytree(MINI, tmp_path / "mini"))
    outs = []
    for k in (1, 2):
        out = tmp_path / f"out{k}"
        _probe(f"from typeset.cli import main\nassert main(['build', {str(src)!r}, '-o', {str(out)!r}, '--tex-only']) == 0")
        outs.append({p.name: p.read_bytes() for p in (out / "tex").glob("*.tex")})
    assert outs[0] == outs[1] and len(outs[0]) > 2
