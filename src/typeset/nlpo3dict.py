"""Word lists for nlpO3 (Rust newmm), shared by the repair passes and the Thai break points.

nlpO3 loads a dictionary from a file under a name and keeps it for the life of the process (it
cannot unload one), so each distinct list is loaded once, named by the hash of its words.
"""
from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Iterable

_LOADED: set[str] = set()


def load(words: Iterable[str]) -> str:
    """The nlpO3 dictionary name for `words`, loading them on first use. A word holding a line
    break cannot be written to the one-word-a-line file (nor be one token to newmm): left out."""
    import nlpo3

    text = "\n".join(sorted({w for w in words if "\n" not in w and "\r" not in w}))
    name = "typeset-" + hashlib.sha256(text.encode()).hexdigest()[:32]
    if name not in _LOADED:
        with tempfile.TemporaryDirectory(prefix="typeset-dict-") as tmp:
            path = Path(tmp) / "words.txt"
            path.write_text(text + "\n", encoding="utf-8")
            msg, ok = nlpo3.load_dict(str(path), name)
        if not ok and "already exists" not in msg:
            raise RuntimeError(f"nlpO3 could not load the word list: {msg}")
        _LOADED.add(name)
    return name
