"""Reading user text files: detect the encoding, refuse what is not text, normalise.

`read_text(path)` accepts UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM and TIS-620 /
Windows-874 (the legacy Thai code page, still common for files saved by older Windows tools),
and returns NFC text with LF line ends. NFC only: NFKC would decompose ำ (U+0E33).

Anything else -- empty, binary (a PDF, a Word file), undecodable, or larger than the limit -- is a
UserError naming the file and what is wrong. The size limit (default 10 MB, override with the
environment variable TYPESET_MAX_INPUT_MB) is checked before the file is read, so refusing a huge
file costs no memory. Why 10 MB: a 300-page thesis is about 1 MB of text, and importing costs
roughly 150 MB of memory per MB of text (make bench: 3.6 MB -> 700 MB peak), so 10 MB stays
near 1.5 GB on a student's laptop.
"""
from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from typeset.errors import UserError
from typeset.fsutil import read_start
from typeset.thai.pua import is_thai_pua

DEFAULT_MAX_MB = 10

# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Thai marks written above/below a base letter (TIS-620 0xD1, 0xD4-0xDA, 0xE7-0xEE).
_THAI_MARKS = {0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)}
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def max_bytes() -> int:
    """The input size limit in bytes (TYPESET_MAX_INPUT_MB, default 10)."""
    raw = os.environ.get("TYPESET_MAX_INPUT_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        raise UserError(f"TYPESET_MAX_INPUT_MB={raw!r} is not a number of megabytes") from None
    return int(mb * 1024 * 1024)


def read_text(path: Path | str, limit: int | None = None) -> str:
    """Read a user text file, whatever its (supported) encoding; see the module docstring."""
    path = Path(path)
    limit = max_bytes() if limit is None else limit
    read_start(path, 0, "a text file")              # a missing/unreadable path: its one-line error
    size = path.stat().st_size
    if size > limit:                                 # refused before reading
        raise UserError(_too_big(path, size, limit))
    data = read_start(path, limit + 1, "a text file")   # bounded even when stat lies (pipes, /proc)
    if len(data) > limit:
        raise UserError(_too_big(path, len(data), limit))
    return decode(data, str(path))


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode bytes of a text file named `name` (used in error messages) to NFC text with LF ends."""
    text = _decode(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _check_printable(text, name)
    return unicodedata.normalize("NFC", text)


def _too_big(path: Path, size: int, limit: int) -> str:
    return (f"{path}: file is {size / 2**20:.1f} MB, larger than the {limit / 2**20:.0f} MB limit "
            f"for a text file (split it, or set TYPESET_MAX_INPUT_MB)")


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise UserError(f"{name}: file is empty" if not data else f"{name}: file holds only blank space")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise UserError(f"{name}: starts with a {label} byte-order mark but is not valid "
                                f"{label} (bad bytes at offset {e.start})") from None
    kind = _magic_kind(data)
    if kind:
        raise UserError(f"{name}: {kind}")
    guessed = _as_utf16_without_bom(data)
    if guessed is not None:
        return guessed
    if b"\x00" in data[:65536]:
        raise UserError(f"{name}: is binary, not text (contains NUL bytes): save it as plain text (UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    thai = _as_thai_legacy(data)
    if thai is not None:
        return thai
    raise UserError(f"{name}: not UTF-8, UTF-16 or TIS-620/Windows-874 text (undecodable byte "
                    f"0x{data[utf8_error.start]:02X} at offset {utf8_error.start}); "
                    f"save it as UTF-8 and try again")


def _magic_kind(data: bytes) -> str | None:
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return "is a PDF, not text: import it with `typeset import FILE.pdf -o DIR`"
    if head.startswith(b"PK\x03\x04"):
        return ("is a zip/Word (.docx) file, not text: `typeset import` reads Word files named "
                ".docx; rename it, or save it as plain text (UTF-8)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("is an old Word (.doc) file, not text: `typeset import` reads it named .doc (through "
                "LibreOffice), or save it as .docx")
    return None


def _as_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: Thai/Latin text has 0x00 or 0x0E in every other byte."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:65536]
    for offset, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        highs = sample[offset::2]
        lows = sample[1 - offset::2]
        if 0 not in lows and sum(1 for b in highs if b in (0x00, 0x0E, 0x20)) / len(highs) >= 0.95:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _as_thai_legacy(data: bytes) -> str | None:
    """Decode as Windows-874 (a superset of TIS-620) if the bytes look like Thai text.

    Evidence: every byte is defined in the code page, most high bytes are Thai letters
    (0xA1-0xFB), and the above/below marks sit on Thai letters, as they must in real Thai.
    Latin-1 or random bytes fail the last test (e.g. 'é' = 0xE9 would be a tone mark after 'f').
    """
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    high = [b for b in data if b >= 0x80]
    thai_bytes = sum(1 for b in high if 0xA1 <= b <= 0xFB)
    if not high or thai_bytes / len(high) < 0.9:
        return None
    marks = misplaced = 0
    for prev, ch in zip(" " + text, text):
        if ord(ch) in _THAI_MARKS:
            marks += 1
            if not ("\u0e01" <= prev <= "\u0e4e"):
                misplaced += 1
    if marks and misplaced / marks > 0.05:
        return None
    return text


def _check_printable(text: str, name: str) -> None:
    if "\x00" in text:
        raise UserError(f"{name}: is binary, not text (contains NUL characters): save it as plain text (UTF-8)")
    sample = text[:200_000]
    # private-use Thai marks (U+F700-U+F71A, older fonts' shifted marks) are text: repair reads them
    bad = sum(1 for ch in sample
              if ch not in _ALLOWED_CONTROLS and not is_thai_pua(ch)
              and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    # a few stray control characters are harmless (the LaTeX escaping drops them); many mean binary
    if bad > max(8, 0.02 * len(sample)):
        raise UserError(f"{name}: does not look like text ({bad} control or unassigned characters "
                        f"in the first {len(sample)}); save it as plain text (UTF-8)")
