"""Fuzz: random paragraphs of Thai words, Latin text and every LaTeX special always build, and the
PDF reads back as the text written. Few examples (each is a TeX run) and no shrinking (each shrink
step would be another TeX run); the pure-Python properties live in test_robust_props_*.py.
"""
from __future__ import annotations

import re
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings, strategies as st

from robust_helpers import pdftotext, squeeze, typeset

_WORDS: list[str] = []


def words() -> list[str]:
    if not _WORDS:
        from pythainlp.corpus import thai_words
        _WORDS.extend(sorted(w for w in thai_words() if w.isprintable() and " " not in w))
    return _WORDS


# Characters the bundled font (Sarabun) has glyphs for: printable ASCII, some Latin-1, punctuation.
ALPHABET = string.ascii_letters + string.digits + string.punctuation + "éüßçñ“”‘’–—…°×๑๒๓ๆฯ"
thai_word = st.integers(min_value=0, max_value=30000).map(lambda i: words()[i * 7 % len(words())])
other = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
token = st.one_of(thai_word, thai_word, other)
paragraph = st.lists(st.tuples(token, st.sampled_from(["", " "])), min_size=2, max_size=25).map(
    lambda parts: re.sub(r"\s+", " ", "".join(t + s for t, s in parts)).strip()).filter(bool)

MD_PUNCT = re.compile("([" + re.escape(string.punctuation) + "])")


def canon(text: str) -> str:
    """Whitespace removed, and TeX's hyphenation of Latin words undone ("VL-\nWunK" -> "VLWunK");
    a '-' between two Latin letters is dropped on both sides of the comparison."""
    return re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "", squeeze(text))


def visible(text: str) -> str:
    return "".join(c for c in text if c.isprintable() or c.isspace())


def as_markdown(text: str) -> str:
    """CommonMark: a backslash before any ASCII punctuation makes it literal."""
    return MD_PUNCT.sub(r"\\\1", text)


META = """template: thai-thesis
title: {th: "ทดสอบ", en: "Fuzz"}
author: {th: "ผู้ทดสอบ", en: "Tester"}
year: 2567
"""


@pytest.mark.tex
@settings(max_examples=3, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(paragraph, min_size=2, max_size=4))
# invisible control characters (DEL is an invalid character to TeX) must not stop a build
@example(["ก่อน\x7fหลัง ตัว\x1bอักษร\x0bจบ", "form\x0cfeed line\u2028separator ท้าย\u0085สุด"])
def test_random_paragraphs_compile_and_read_back(paras):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "thesis"
        (src / "chapters").mkdir(parents=True)
        (src / "thesis.yaml").write_text(META, encoding="utf-8")
        body = "\n\n".join(as_markdown(p) for p in paras)
        (src / "chapters" / "01-fuzz.md").write_text(f"# ทดสอบ\n\n{body}\n", encoding="utf-8")
        proc = typeset("build", src, "-o", tmp / "out", cwd=tmp)
        assert proc.returncode == 0, proc.stderr[-3000:]
        # -raw: content order; very loose lines (long unbreakable tokens) confuse column guessing
        text = canon(pdftotext(tmp / "out" / "thesis.pdf", raw=True))
        for p in paras:
            assert canon(visible(p)) in text, p
