"""Property tests for read_text: encodings round-trip, output is always NFC with LF line ends."""
from __future__ import annotations

import codecs
import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from typeset.errors import UserError
from typeset.textio import decode

_WORDS: list[str] = []


def thai_words() -> list[str]:
    if not _WORDS:
        from pythainlp.corpus import thai_words as tw
        _WORDS.extend(sorted(w for w in tw() if w.isprintable() and " " not in w)[:40000])
    return _WORDS


word = st.integers(min_value=0, max_value=39999).map(lambda i: thai_words()[i])
latin = st.from_regex(r"[A-Za-z0-9(),.%-]{1,10}", fullmatch=True)
sep = st.sampled_from(["", "", "", " ", "\n", "\r\n"])
thai_text = st.lists(st.tuples(st.one_of(word, word, word, latin), sep), min_size=6, max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts))

cfg = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expected(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


@cfg
@given(thai_text)
def test_thai_text_in_tis620_decodes_like_utf8(text):
    assert decode(text.encode("cp874"), "t") == expected(text)
    assert decode(text.encode("utf-8"), "t") == expected(text)


@cfg
@given(thai_text, st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_unicode_encodings_with_bom_round_trip(text, codec):
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode(data, "t") == expected(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=400))
def test_any_bytes_give_text_or_a_one_line_user_error(data):
    try:
        out = decode(data, "f.txt")
    except UserError as e:
        assert str(e).startswith("f.txt: ") and "\n" not in str(e)
    else:
        assert unicodedata.is_normalized("NFC", out)
        assert "\r" not in out and "\x00" not in out


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_utf8_text_is_nfc_with_lf(text):
    try:
        out = decode(text.encode("utf-8", "surrogatepass"), "f.txt")
    except UserError as e:
        assert "\n" not in str(e)
        return
    assert out == unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
