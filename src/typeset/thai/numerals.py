"""Thai and Arabic digits, both ways."""
from __future__ import annotations

THAI = "๐๑๒๓๔๕๖๗๘๙"
ARABIC = "0123456789"
TO_ARABIC = str.maketrans(THAI, ARABIC)
TO_THAI = str.maketrans(ARABIC, THAI)


def to_arabic(text: str) -> str:
    return text.translate(TO_ARABIC)


def to_thai(text: str) -> str:
    return text.translate(TO_THAI)
