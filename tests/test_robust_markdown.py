"""Pathological but legal Markdown: the build either succeeds or says what is wrong in one line
with the file and line; never an internal error, never a traceback."""
from __future__ import annotations

import pytest

from robust_helpers import FIX, copy_fixture, one_line_error, pdftotext, squeeze, typeset

CASES = {
    "nested-quotes": "# ก\n\n" + ">" * 60 + " ลึกมาก\n",
    "nested-lists": "# ก\n\n" + "".join("  " * d + f"- ระดับ{d}\n" for d in range(40)),
    "nested-emphasis": "# ก\n\n" + "*_" * 40 + "เน้น" + "_*" * 40 + "\n",
    "long-word": "# ก\n\n" + "ก" * 3000 + " " + "x" * 3000 + "\n",
    "wide-table": "# ก\n\n" + "|" + "|".join(f"คอลัมน์{i}" for i in range(40)) + "|\n|"
                  + "---|" * 40 + "\n|" + "|".join(str(i) for i in range(40)) + "|\n",
    "no-heading": "ย่อหน้าที่ไม่มีหัวข้อบท\n",
    "empty-heading": "#\n\nข้อความ\n",
    "skipped-levels": "# ก\n\n#### ลึกเลย\n\nข้อความ\n",
    "two-chapter-titles": "# หนึ่ง\n\nข้อความ\n\n# สอง\n\nข้อความ\n",
    "footnote-trouble": "# ก\n\nอ้าง[^x] และ[^missing]\n\n[^x]: หนึ่ง\n[^x]: ซ้ำ\n",
    "html-and-refs": "# ก\n\n<script>alert(1)</script> <b>หนา</b>\n\n[ลิงก์][r]\n\n[r]: javascript:alert(1)\n",
    "setext-and-rules": "ชื่อบท\n===\n\n---\n\n***\n\nข้อความ\n",
    "empty-image": "# ก\n\n![]()\n",
    "code-fence": "# ก\n\n```python\nimport os\nos.system('touch pwned')\n```\n\n```\n\\input{/etc/passwd}\n```\n",
    "unknown-fence-yaml": "# ก\n\n```framework\n!!python/object/apply:os.system [\"touch pwned\"]\n```\n",
    "bad-framework": "# ก\n\n```framework\ncaption: x\nboxes: 5\nunknown: 1\n```\n",
    "huge-paragraph": "# ก\n\n" + ("คำไทยยาวต่อเนื่อง " * 20000) + "\n",
    "only-whitespace": "   \n\n\t\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_markdown_never_crashes(tmp_path, name):
    src = copy_fixture("small", tmp_path)
    (src / "chapters" / "02-case.md").write_text(CASES[name], encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", "--tex-only", cwd=tmp_path)
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    if proc.returncode != 0:
        assert "02-case.md" in one_line_error(proc)
    assert not list(tmp_path.rglob("pwned"))


TEX_CASES = {"nested-quotes": "ลึกมาก", "nested-lists": "ระดับ39", "wide-table": "คอลัมน์39",
             "long-word": "x" * 50}


@pytest.mark.tex
@pytest.mark.parametrize("name", sorted(TEX_CASES))
def test_pathological_markdown_builds_or_points_at_its_line(tmp_path, name):
    src = copy_fixture("small", tmp_path)
    (src / "chapters" / f"02-{name}.md").write_text(CASES[name], encoding="utf-8")
    proc = typeset("build", src, "-o", tmp_path / "out", cwd=tmp_path)
    if proc.returncode != 0:
        assert f"chapters/02-{name}.md:" in one_line_error(proc)
    else:
        assert TEX_CASES[name] in squeeze(pdftotext(tmp_path / "out" / "thesis.pdf", raw=True))
