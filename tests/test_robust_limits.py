"""Very large input is refused before it is read: peak memory stays far below the input size.

Peak RSS is measured with resource.getrusage in a child process (a behaviour, not a timing).
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

MB = 2**20

PROBE = textwrap.dedent("""
    import sys
    from typeset.errors import UserError
    from typeset.textio import read_text
    try:
        read_text(sys.argv[1])
        print("read")
    except UserError as e:
        print("refused: " + str(e))
""")

# Linux folds the pre-exec memory image into ru_maxrss, so a child started straight from pytest
# would report pytest's own peak. A small wrapper starts the probe and reads RUSAGE_CHILDREN.
WRAP = textwrap.dedent("""
    import resource, subprocess, sys
    out = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True,
                         text=True, check=True).stdout
    print(out.strip())
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
""")


def probe(path: str, env_mb: str | None = None) -> tuple[str, int]:
    import os
    env = dict(os.environ)
    env.pop("TYPESET_MAX_INPUT_MB", None)
    if env_mb:
        env["TYPESET_MAX_INPUT_MB"] = env_mb
    out = subprocess.run([sys.executable, "-c", WRAP, PROBE, path], capture_output=True, text=True,
                         env=env, check=True).stdout.splitlines()
    return out[0], int(out[1])


def write_big_text(path: Path, size: int) -> None:
    line = ("การศึกษาความสัมพันธ์ระหว่างประเทศ Balance of Power 2567\n").encode("utf-8")
    with path.open("wb") as f:
        for _ in range(size // len(line) + 1):
            f.write(line)


def test_50_mb_text_is_refused_in_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    write_big_text(big, 50 * MB)
    outcome, rss = probe(str(big))
    assert outcome.startswith("refused: ") and "larger than the 10 MB limit" in outcome
    assert str(big) in outcome
    assert rss < 40 * MB, f"peak RSS {rss / MB:.0f} MB while refusing a 50 MB file"


def test_endless_stream_is_cut_at_the_limit(tmp_path):
    # /dev/urandom reports size 0: the limit must bound the read itself, not only the stat
    outcome, rss = probe("/dev/urandom", env_mb="2")
    assert outcome.startswith("refused: ") and "larger than the 2 MB limit" in outcome
    assert rss < 40 * MB


def test_input_under_a_raised_limit_is_read(tmp_path):
    big = tmp_path / "big.txt"
    write_big_text(big, 3 * MB)
    assert probe(str(big), env_mb="1")[0].startswith("refused")
    assert probe(str(big), env_mb="4")[0] == "read"
