"""Where a document may print Thai marks as codes: candidate spots and their contexts.

A candidate code is a non-Thai, non-digit character glued to Thai: right after a Thai character
("ทีE"), after a Thai character and one space when a Thai character follows ("ตั iง"), or alone
after a Thai word ("นี i"). A code stays as it is inside Latin words, numbers, abbreviations
("ค.ศ.") and between spaces ("Smith & Park").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .thaichars import LEADING, MARKS, SARA_AM, is_thai

# Thai characters a code may stand for: combining marks, sara am, the leading vowels and the
# following vowels that also go missing in broken font maps.
CANDIDATES = sorted(MARKS - {"\u0e4e"}) + [SARA_AM, "\u0e32", "\u0e30"] + sorted(LEADING)
COMBINING = MARKS | {SARA_AM, "\u0e32", "\u0e30"}

# one bare Thai consonant between non-Thai characters: a part of an abbreviation
_ONE_LETTER = re.compile(r"^[\u0e01-\u0e2e]$")
ABBREV_DOT = re.compile(r"(?<![\u0e01-\u0e5b])[\u0e01-\u0e2e](\.)")


def is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def abbreviation(line: str, i: int) -> bool:
    """Is the dot at i part of an abbreviation: a single Thai consonant on either side, bounded
    by a non-Thai character or the line's edge ("ค.ศ.", "ก.ย.", "อ.เมือง")? Only '.': other
    symbols after a lone consonant are codes as often as not ("ร¶ฐบาล" at a line start)."""
    if line[i] != ".":
        return False
    a = i
    while a > 0 and is_thai(line[a - 1]):
        a -= 1
    b = i + 1
    while b < len(line) and is_thai(line[b]):
        b += 1
    return bool(_ONE_LETTER.match(line[a:i]) or _ONE_LETTER.match(line[i + 1:b]))


def _is_code_char(ch: str) -> bool:
    return not (is_thai(ch) or ch.isspace() or ch.isdigit() or ch in "\ufffd")


@dataclass(frozen=True)
class Spot:
    line: int     # 0-based line index
    start: int    # start of the replaced span (the stray space for spaced spots)
    end: int      # end of the replaced span (after the code)
    code: str
    kind: str     # "glued": Thai+code; "spaced": Thai+space+code+Thai; "isolated": Thai+space+code


def _right_ok(line: str, j: int) -> bool:
    """The character after a code must not make it part of a Latin word or number."""
    return j >= len(line) or not (line[j].isalnum() and not is_thai(line[j]))


_NOT_CODE = r"\u0e01-\u0e5b\s\d\ufffd"
# a code candidate right after Thai, or after Thai and one space (chains are followed by hand)
_CODE_CHAR = re.compile(rf"(?<=[\u0e01-\u0e5b]) ?[^{_NOT_CODE}]")


def _chain_to_thai(line: str, j: int, open_end: bool = False, limit: int = 3) -> bool:
    """Do more codes (each maybe after one space) follow from j and end glued to Thai (or, with
    open_end, at a space, punctuation or the line end: "ท#q มา" is ที่ with two codes; "หมtQ Sci"
    is หมู่ before a Latin word)?"""
    return _chain(line, j, open_end, True, limit) or (open_end and _chain(line, j, True, False, limit))


def _chain(line: str, j: int, open_end: bool, across: bool, limit: int = 3) -> bool:
    n, k, seen = len(line), j, 0
    while k < n:
        if across and line[k] == " " and k + 1 < n and _is_code_char(line[k + 1]):
            k += 2
        elif _is_code_char(line[k]):
            k += 1
        else:
            break
        seen += 1
        if seen > limit:  # longer runs are words ("Unipolar System (ระบบ"), not stacked marks
            return False
    if seen == 0:
        return False
    if k < n and is_thai(line[k]):
        return True
    return open_end and _right_ok(line, k) and (k >= n or not _is_code_char(line[k]))


def find_spots(lines: list[str]) -> list[Spot]:
    """Codes glued to Thai ("ทีE"), after Thai and one space ("ตั iง"), or alone after a Thai word
    ("นี i"). A code right after another spot counts as glued to Thai ("ทั i iง": two marks)."""
    spots = []
    for li, line in enumerate(lines):
        n = len(line)
        for mm in _CODE_CHAR.finditer(line):
            i = mm.end() - 1
            if spots and spots[-1].line == li and spots[-1].end > i:
                continue  # already taken as part of a chain
            if abbreviation(line, i):
                continue  # "ค.ศ.", "ก.ย.": punctuation, never a mark code
            spaced = i - mm.start() == 1
            while i < n and _is_code_char(line[i]):
                j = i + 1
                nxt_thai = j < n and is_thai(line[j])
                if not spaced:
                    # "ทีE" or "ทีGสุด"; not the start of a glued Latin word ("ภาษาEnglish").
                    if not (nxt_thai or _right_ok(line, j) or _chain_to_thai(line, j, open_end=True)):
                        break
                    spots.append(Spot(li, i, j, line[i], "glued"))
                elif nxt_thai or _chain_to_thai(line, j, limit=1):
                    # after a space, one more code at most: "ค่า Sig.เท่ากับ" is a Latin word
                    spots.append(Spot(li, i - 1, j, line[i], "spaced"))
                else:
                    if _right_ok(line, j) and (j >= n or not _is_code_char(line[j])):
                        spots.append(Spot(li, i - 1, j, line[i], "isolated"))
                    break
                # a chain: the next code glued on, or after one space
                if j < n and _is_code_char(line[j]):
                    i, spaced = j, False
                elif j + 1 < n and line[j] == " " and _is_code_char(line[j + 1]) and _chain_to_thai(line, j):
                    i, spaced = j + 1, True
                else:
                    break
    return spots


def chunk(line: str, spot: Spot, width: int = 24) -> tuple[str, str, str]:
    """(left context, original span, right context) around a spot, bounded by spaces."""
    a = spot.start
    while a > 0 and line[a - 1] != " " and spot.start - a < width:
        a -= 1
    b = spot.end
    while b < len(line) and line[b] != " " and b - spot.end < width:
        b += 1
    return line[a:spot.start], line[spot.start:spot.end], line[spot.end:b]


def decoded(span: str, code: str, thai: str) -> str:
    if thai in COMBINING:
        return thai  # a mark belongs to the preceding cell: the stray space goes too
    return span.replace(code, thai)  # a leading vowel may follow a real space
