"""The shared seeds and real documents beside the repository (../shared), as in CI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def need(*paths: Path) -> None:
    """Skip when a shared file is absent; fail instead when CI=true (CI must run these tests)."""
    missing = [p for p in paths if not p.exists()]
    if not missing:
        return
    msg = f"shared file not available: {missing[0]}"
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)
