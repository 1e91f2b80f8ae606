"""read_text: encodings detected, bad input refused with a one-line UserError naming the file."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from typeset.errors import UserError
from typeset.textio import decode, max_bytes, read_text

FIX = Path(__file__).parent / "fixtures" / "robust"
SAMPLE = (FIX / "thai-sample.txt").read_text(encoding="utf-8")


def write(tmp_path: Path, data: bytes, name: str = "in.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),                         # BOM + native order
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    lambda t: t.encode("cp874"),
    lambda t: t.encode("tis-620", errors="strict") if all(c not in t for c in "“”–") else t.encode("cp874"),
], ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf32le-bom", "cp874", "tis620"])
def test_supported_encodings_decode_to_the_same_text(tmp_path, encode):
    assert read_text(write(tmp_path, encode(SAMPLE))) == SAMPLE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path, codec):
    assert read_text(write(tmp_path, SAMPLE.encode(codec))) == SAMPLE


def test_committed_tis620_fixture_equals_utf8_original():
    assert read_text(FIX / "thai-sample.tis620.txt") == read_text(FIX / "thai-sample.txt")


def test_pure_tis620_without_windows_extras(tmp_path):
    text = "ภาษาไทยเป็นภาษาราชการ น้ำใจ ก๊วยเตี๋ยว ๑๒๓ ฯลฯ\n" * 3
    assert read_text(write(tmp_path, text.encode("tis-620"))) == text


@pytest.mark.parametrize("raw", [b"a\r\nb\r\n", b"a\rb\r", b"a\nb\n"])
def test_line_ends_become_lf(tmp_path, raw):
    assert read_text(write(tmp_path, raw)) == "a\nb\n"


def test_result_is_nfc_and_never_nfkc(tmp_path):
    # e + combining acute -> é (NFC); ำ (U+0E33) and the ligature ﬁ survive (NFKC would change both)
    text = "cafe\u0301 น้ำ \ufb01le ๑"
    out = read_text(write(tmp_path, text.encode("utf-8")))
    assert out == "café น้ำ \ufb01le ๑"
    assert "\u0e33" in out and "\u0e4d" not in out
    assert unicodedata.is_normalized("NFC", out)


def test_thai_decomposed_sara_am_is_kept_as_written(tmp_path):
    # NFC does not compose ํ + า into ำ; read_text must not "fix" it either (that is repair's job)
    out = read_text(write(tmp_path, "น\u0e4d\u0e32".encode("utf-8")))
    assert out == "น\u0e4d\u0e32"


@pytest.mark.parametrize("data, fragment", [
    (b"", "file is empty"),
    (b"  \n\r\n\t", "only blank space"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF, not text: import it with `typeset import FILE.pdf"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "zip/Word (.docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word (.doc)"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "binary, not text (contains NUL bytes"),
    (b"text\x00\x00\x00\x01 more text and more", "contains NUL bytes"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise", "not UTF-8, UTF-16 or TIS-620"),  # Latin-1
    (bytes(range(0x80, 0x100)) * 4, "not UTF-8, UTF-16 or TIS-620"),
    (codecs.BOM_UTF8 + b"ok \xff\xfe broken", "not valid UTF-8"),
    (codecs.BOM_UTF16_LE + "a long line of text\x00".encode("utf-16-le"), "contains NUL characters"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08 text \x0e\x0f\x10\x11\x12\x13", "does not look like text"),
])
def test_bad_input_is_a_one_line_user_error_naming_the_file(tmp_path, data, fragment):
    p = write(tmp_path, data, "ชื่อไฟล์ thesis.txt")
    with pytest.raises(UserError) as e:
        read_text(p)
    msg = str(e.value)
    assert fragment in msg
    assert str(p) in msg
    assert "\n" not in msg


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="file not found"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(UserError, match="is a folder"):
        read_text(tmp_path)


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    p = write(tmp_path, b"x" * 3000)
    with pytest.raises(UserError, match=r"larger than the .* limit .*TYPESET_MAX_INPUT_MB"):
        read_text(p, limit=2048)
    assert read_text(p, limit=4096) == "x" * 3000
    monkeypatch.setenv("TYPESET_MAX_INPUT_MB", "0.002")
    assert max_bytes() == int(0.002 * 2**20)
    with pytest.raises(UserError, match="larger than"):
        read_text(p)
    monkeypatch.setenv("TYPESET_MAX_INPUT_MB", "lots")
    with pytest.raises(UserError, match="not a number"):
        read_text(p)


def test_default_limit_is_10_mb(monkeypatch):
    monkeypatch.delenv("TYPESET_MAX_INPUT_MB", raising=False)
    assert max_bytes() == 10 * 2**20


def test_decode_bytes_directly():
    assert decode("ก\r\n".encode("cp874"), "x") == "ก\n"
    with pytest.raises(UserError, match="^x: file is empty$"):
        decode(b"", "x")
