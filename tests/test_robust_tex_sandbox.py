"""The TeX run itself is sandboxed: even a .tex that tries cannot read outside the build folder,
write outside it, or run a shell command (compile stage: openin_any=p, openout_any=p, no shell escape).
Escaping keeps user text from ever producing such a .tex; this is the second line of defence
(e.g. for a customised template partial copied from somewhere)."""
from __future__ import annotations

from pathlib import Path

import pytest

from robust_helpers import pdftotext
from typeset.compile import compile_pdf
from typeset.errors import UserError

READ_AND_RUN = r"""\documentclass{article}
\begin{document}
\newread\secret
\openin\secret=/etc/passwd
\ifeof\secret NOREAD-ABS\else\read\secret to\leak LEAKED:\leak\fi
\closein\secret
\openin\secret=../outside-secret.txt
\ifeof\secret NOREAD-PARENT\else\read\secret to\leak LEAKED:\leak\fi
\closein\secret
\IfFileExists{/etc/passwd}{EXISTS-ABS}{NOEXISTS-ABS}
\immediate\write18{touch pwned-by-tex}
\ifnum\shellescape=0 SHELL-OFF\else SHELL-ON\fi
DONE
\end{document}
"""

WRITE_OUTSIDE = r"""\documentclass{article}
\begin{document}
\newwrite\out
\immediate\openout\out=../escaped.txt
\immediate\write\out{written outside}
\immediate\closeout\out
DONE
\end{document}
"""


def tex_job(tmp_path: Path, body: str) -> Path:
    tex_dir = tmp_path / "build" / "tex"
    tex_dir.mkdir(parents=True)
    (tex_dir / "main.tex").write_text(body, encoding="utf-8")
    (tmp_path / "build" / "outside-secret.txt").write_text("root:x:0:0:secret\n", encoding="utf-8")
    return tex_dir


@pytest.mark.tex
def test_tex_cannot_read_outside_or_run_commands(tmp_path):
    tex_dir = tex_job(tmp_path, READ_AND_RUN)
    result = compile_pdf(tex_dir, "main.tex", tmp_path / "build" / "main.pdf")
    text = pdftotext(result.pdf)
    assert "NOREAD-ABS" in text and "NOREAD-PARENT" in text and "DONE" in text
    assert "LEAKED" not in text and "root:" not in text
    assert "SHELL-OFF" in text
    assert not list(tmp_path.rglob("pwned-by-tex"))


@pytest.mark.tex
def test_tex_cannot_write_outside_the_build_folder(tmp_path):
    tex_dir = tex_job(tmp_path, WRITE_OUTSIDE)
    try:
        compile_pdf(tex_dir, "main.tex", tmp_path / "build" / "main.pdf")
    except UserError as e:
        assert "\n" not in str(e)
    assert not (tmp_path / "build" / "escaped.txt").exists()
