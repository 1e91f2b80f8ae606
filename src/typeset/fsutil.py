"""Safe file writes: nothing a user wrote is ever half-written or silently replaced."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

# what a build keeps for the next one (segmentation, font facts, compiled templates), in OUT
CACHE_DIR = ".typeset-cache"


def atomic_write(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write to a temp file in the same folder, fsync, then rename over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes 0600 files; keep the replaced file's mode, or the umask default for new ones
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: Path | str, data: str, encoding: str = "utf-8") -> bool:
    """Atomic write only when the content differs (keeps mtimes, lets latexmk skip work)."""
    path = Path(path)
    try:
        if path.read_bytes() == data.encode(encoding):
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data, encoding)
    return True


def install_stamp(package: str) -> str:
    """Which installation of `package` is there, without importing it (cheaper than
    importlib.metadata, so cache salts can use it): the path, size and mtime of its __init__
    file, which an upgrade replaces. "?" when it is not installed."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.origin:
        return "?"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return "?"
    return f"{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


def read_start(path: Path | str, n: int, expected: str) -> bytes:
    """The first `n` bytes of a file the user named; a missing, unreadable or folder path is a
    one-line error ("x.pdf: is a folder, expected a PDF file")."""
    from typeset.errors import UserError

    try:
        with open(path, "rb") as f:
            return f.read(n)
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, expected {expected}") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied") from None
