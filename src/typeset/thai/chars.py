"""Thai character classes, defined once."""
from __future__ import annotations

import re

CONSONANTS = frozenset("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ")
LEADING = frozenset("เแโใไ")                                   # written before their consonant
FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45")              # ะ า ำ ๅ
UPPER_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47")   # ั ิ ี ึ ื ็
LOWER_VOWELS = frozenset("\u0e38\u0e39\u0e3a")                      # ุ ู ฺ
TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")                        # ่ ้ ๊ ๋
OTHER_MARKS = frozenset("\u0e4c\u0e4d\u0e4e")                        # ์ ํ ๎
MARKS = UPPER_VOWELS | LOWER_VOWELS | TONES | OTHER_MARKS            # drawn above/below a letter
SARA_AA, SARA_AM, NIKHAHIT, THANTHAKHAT = "\u0e32", "\u0e33", "\u0e4d", "\u0e4c"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

# letters and marks (not Thai digits or ฯ ๆ ๏ ๚ ๛)
LETTER_CLASS = "\u0e01-\u0e4e"
# the whole Thai block, and the block less the Thai digits (what newmm keeps inside a word)
BLOCK_CLASS = "\u0e00-\u0e7f"
WORD_CLASS = "\u0e00-\u0e4f\u0e5a-\u0e7f"
THAI_BLOCK = re.compile(f"[{BLOCK_CLASS}]")
THAI_BLOCK_RUN = re.compile(f"[{BLOCK_CLASS}]+")
THAI_LETTER = re.compile(f"[{LETTER_CLASS}]")
THAI_RUN = re.compile(f"[{LETTER_CLASS}]+")
_MARK_CLASS = "".join(sorted(MARKS))
MARK_RE = re.compile(f"[{_MARK_CLASS}]")


def is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def has_thai(s: str) -> bool:
    return THAI_LETTER.search(s) is not None


def skeleton(s: str) -> str:
    """The letters of `s` without spaces, marks above/below and the sara aa/am difference: two
    damaged spellings of one word compare equal (คำนำ, คานา, ค ำน ำ -> คานา)."""
    s = s.replace("\u0e4d\u0e32", SARA_AA).replace(SARA_AM, SARA_AA)
    return re.sub(rf"[\s{_MARK_CLASS}]+", "", s)


def thai_to_arabic(s: str) -> str:
    return s.translate({ord(t): str(i) for i, t in enumerate(THAI_DIGITS)})
