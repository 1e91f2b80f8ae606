import os
import stat

from typeset.fsutil import atomic_write, write_if_changed


def test_new_file_gets_umask_default_mode(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.md", "ก")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("old")
    p.chmod(0o640)
    atomic_write(p, "new")
    assert p.read_text() == "new"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_write_if_changed_leaves_identical_file(tmp_path):
    p = tmp_path / "a.tex"
    assert write_if_changed(p, "x") is True
    mtime = p.stat().st_mtime_ns
    assert write_if_changed(p, "x") is False
    assert p.stat().st_mtime_ns == mtime
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
