"""External programs (fontconfig, poppler): run one, or say in one line what to install."""
from __future__ import annotations

import subprocess

from typeset.errors import UserError


def run(cmd: list[str], package: str) -> str:
    """stdout of `cmd`; a missing program names the Debian package that brings it."""
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise UserError(f"{cmd[0]} not found: install it with `apt-get install {package}`") from None
    except subprocess.CalledProcessError as e:
        raise UserError(f"{cmd[0]} failed on {cmd[-1]}: {e.stderr.strip()[:200]}") from None
