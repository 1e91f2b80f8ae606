"""`typeset import` with legacy encodings, bad files and huge files, end to end (child processes)."""
from __future__ import annotations

import codecs
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from robust_helpers import FIX, one_line_error, tree_digest, typeset

SAMPLE = (FIX / "thai-sample.txt").read_text(encoding="utf-8")
MB = 2**20


def imported(tmp_path: Path, name: str, data: bytes) -> dict[str, str]:
    """Import `data` saved as thesis.txt (same name each time: thesis.yaml records it)."""
    (tmp_path / name).mkdir()
    raw = tmp_path / name / "thesis.txt"
    raw.write_bytes(data)
    proc = typeset("import", "thesis.txt", "-o", "out", cwd=tmp_path / name)
    assert proc.returncode == 0, proc.stderr
    return tree_digest(tmp_path / name / "out")


def test_tis620_utf16_and_utf8_imports_are_identical(tmp_path):
    utf8 = imported(tmp_path, "utf8", SAMPLE.encode("utf-8"))
    assert any(k.startswith("chapters/") for k in utf8)
    assert imported(tmp_path, "tis620", (FIX / "thai-sample.tis620.txt").read_bytes()) == utf8
    assert imported(tmp_path, "utf16", SAMPLE.replace("\n", "\r\n").encode("utf-16")) == utf8
    assert imported(tmp_path, "bom", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")) == utf8


@pytest.mark.parametrize("data, fragment", [
    (b"", "file is empty"),
    (b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "damaged PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "Word (.docx)"),
    (b"\x00\x01\x02\x03binary\x00\xff", "binary"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e", "not UTF-8, UTF-16 or TIS-620"),
])
def test_bad_raw_file_is_one_line_error_and_writes_nothing(tmp_path, data, fragment):
    raw = tmp_path / "thesis.txt"
    raw.write_bytes(data)
    out = tmp_path / "out"
    msg = one_line_error(typeset("import", raw, "-o", out, cwd=tmp_path))
    assert fragment in msg and "thesis.txt" in msg
    assert not out.exists() or not any(out.iterdir())


def test_missing_raw_file(tmp_path):
    msg = one_line_error(typeset("import", tmp_path / "nope.txt", "-o", tmp_path / "out", cwd=tmp_path))
    assert "nope.txt" in msg and "not found" in msg


# peak memory of the `typeset import` child, measured from a wrapper process (a child started
# straight from pytest would report pytest's own peak: Linux keeps the pre-exec ru_maxrss)
PEAK = textwrap.dedent("""
    import resource, subprocess, sys
    proc = subprocess.run([sys.executable, "-m", "typeset.cli", *sys.argv[1:]], capture_output=True, text=True)
    print(proc.returncode)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
    print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")
""")


def import_peak(tmp_path: Path, raw: Path) -> tuple[int, int, str]:
    out = subprocess.run([sys.executable, "-c", PEAK, "import", str(raw), "-o", str(tmp_path / raw.stem)],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout.splitlines()
    return int(out[0]), int(out[1]), out[2]


def test_50_mb_import_is_refused_in_bounded_memory(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(SAMPLE, encoding="utf-8")
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        chunk = (SAMPLE * 40).encode("utf-8")
        while f.tell() < 50 * MB:
            f.write(chunk)
    code, rss_big, msg = import_peak(tmp_path, big)
    assert code == 2 and "larger than the 10 MB limit" in msg and "big.txt" in msg
    code_small, rss_small, _ = import_peak(tmp_path, small)
    assert code_small == 0
    # refusing 50 MB costs no more memory than importing a 1 kB file (and far less than 50 MB)
    assert rss_big < rss_small + 10 * MB, (rss_big / MB, rss_small / MB)
