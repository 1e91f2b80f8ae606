"""Thai dates: parse a dateline ("23 ก.ย. 2565", "16 กันยายน 2022", "16-09-2022") to ISO, print Thai style.

Buddhist Era years (2400 and up, or two digits read as 25xx) are converted: B.E. 2565 = 2022.
"""
from __future__ import annotations

import datetime as dt
import re

from typeset.thai.numerals import to_arabic

MONTHS = [
    ("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค."),
]
_MONTH_NO = {name: i for i, pair in enumerate(MONTHS, 1) for name in pair}
_MONTH_NO.update({name.replace(".", ""): i for i, (_, name) in enumerate(MONTHS, 1)})
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTH_NO), key=len, reverse=True))
# day, Thai month (full or abbreviated, with or without dots), year (B.E. or C.E.)
THAI_DATE = re.compile(rf"(?P<d>[0-9๐-๙]{{1,2}})\s*(?P<m>{_MONTH_ALT})\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>[0-9๐-๙]{{4}}|[0-9๐-๙]{{2}})(?![0-9๐-๙])")
NUMERIC_DATE = re.compile(r"(?<![\d-])(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})|"
                          r"(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?![\d-])")


def _year(text: str) -> int:
    y = int(to_arabic(text))
    if y < 100:          # "65" in a Thai dateline is B.E. 2565
        y += 2500
    return y - 543 if y >= 2400 else y


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_thai_date(text: str) -> tuple[dt.date, re.Match] | None:
    """The first Thai-style date in `text` and its match, or None."""
    for m in THAI_DATE.finditer(text):
        date = _make(_year(m["y"]), _MONTH_NO[m["m"]], int(to_arabic(m["d"])))
        if date:
            return date, m
    return None


def parse_any_date(text: str) -> tuple[dt.date, re.Match] | None:
    """A Thai-style date or a numeric one (16-09-2022 is day-month-year; 2022-09-16 is ISO)."""
    found = parse_thai_date(text)
    if found:
        return found
    for m in NUMERIC_DATE.finditer(text):
        if m["y"]:
            date = _make(_year(m["y"]), int(m["m"]), int(m["d"]))
        else:
            date = _make(int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if date:
            return date, m
    return None


def thai_date(value: str | dt.date, era: str = "be") -> str:
    """'2022-09-23' -> '23 กันยายน 2565' (era 'be') or '23 กันยายน 2022' (era 'ce')."""
    date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    year = date.year + 543 if era == "be" else date.year
    return f"{date.day} {MONTHS[date.month - 1][0]} {year}"
