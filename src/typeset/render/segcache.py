"""A persistent cache of Thai segmentation results, one JSON file in the build's output folder.

Segmenting is most of the Python time of a build; an unchanged paragraph (or document) gives
the same result, so the next build (a `--only N` draft, a rebuild after editing one chapter)
reads it back instead. Keys hash everything a result depends on: the text, the user and learned
words that occur in it, typeset's and PyThaiNLP's versions and the segmenter's own source (a
changed algorithm never reuses old results). The file is a typeset.memo.Memo.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from typeset.fsutil import install_stamp
from typeset.memo import Memo

FORMAT = 1
MAX_ENTRIES = 200_000   # per kind; entries this build did not use are dropped first


def _salt() -> str:
    import typeset
    from typeset import thai as thai_core
    from typeset.render import thai

    # the break points' code and all Thai knowledge they rest on
    h = hashlib.sha256(Path(thai.__file__).read_bytes())
    for path in sorted(Path(thai_core.__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    code = h.hexdigest()[:16]
    return f"{FORMAT}|{typeset.__version__}|{install_stamp('pythainlp')}|{install_stamp('nlpo3')}|{code}"


class SegmentCache:
    """kind -> {key: value}; `key(...)` hashes its parts with the version salt."""

    def __init__(self, path: Path | str | None = None):
        self.memo = Memo(path, _salt())
        self.path, self.salt = self.memo.path, self.memo.salt
        self.data: dict[str, dict] = {k: v for k, v in self.memo.data.items() if isinstance(v, dict)}
        self.used: dict[str, set] = {}

    def key(self, *parts) -> str:
        h = hashlib.sha256(self.salt.encode())
        for p in parts:
            h.update(b"\0" + json.dumps(p, ensure_ascii=False, sort_keys=True).encode())
        return h.hexdigest()[:32]

    def get(self, kind: str, key: str):
        value = self.data.get(kind, {}).get(key)
        if value is not None:
            self.used.setdefault(kind, set()).add(key)
        return value

    def put(self, kind: str, key: str, value) -> None:
        self.data.setdefault(kind, {})[key] = value
        self.used.setdefault(kind, set()).add(key)
        self.memo.dirty = True

    @property
    def dirty(self) -> bool:
        return self.memo.dirty

    def save(self) -> None:
        """Write the file if anything was added (no-op without a path)."""
        data = {}
        for kind, entries in self.data.items():
            used = self.used.get(kind, set())
            if len(entries) > MAX_ENTRIES:
                keep = [k for k in entries if k in used] + [k for k in entries if k not in used]
                entries = {k: entries[k] for k in keep[:MAX_ENTRIES]}
            data[kind] = entries
        self.memo.save(data)
