"""One JSON memo file kept between builds (segmentation results, font facts).

The whole file is keyed by a salt (the versions and source of whatever computed the values), so
a changed algorithm or upgraded package never reuses old results. A missing, unreadable or
corrupt file, or one with another salt, is an empty memo; without a path nothing is kept. The
file is written atomically, and a memo that cannot be written only makes the next build slower.
"""
from __future__ import annotations

import json
from pathlib import Path

from typeset.fsutil import atomic_write


class Memo:
    def __init__(self, path: Path | str | None, salt: str):
        self.path = Path(path) if path else None
        self.salt = salt
        self.data: dict = {}
        self.dirty = False
        if self.path is not None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raw = None
            if isinstance(raw, dict) and raw.get("salt") == salt and isinstance(raw.get("data"), dict):
                self.data = raw["data"]

    def save(self, data: dict | None = None, **dump) -> None:
        """Write `data` (default: self.data) if anything changed."""
        if self.path is None or not self.dirty:
            return
        payload = self.data if data is None else data
        try:
            atomic_write(self.path, json.dumps({"salt": self.salt, "data": payload}, ensure_ascii=False, **dump))
        except OSError:
            return
        self.dirty = False
