"""Turn the dates documents print or store into ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def _iso(year: int, month: int, day: int) -> str:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return ""


def parse_date(value: str) -> str:
    """ISO date (YYYY-MM-DD) for a printed or stored date, or "" when none is recognisable."""
    value = value.strip()
    if not value:
        return ""
    if match := _PDF_DATE.match(value):
        year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
        return _iso(int(year), int(month), int(day))
    if match := _ISO.search(value):
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_DAY_YEAR.search(value):
        return _iso(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    if match := _DAY_MONTH_YEAR.search(value):
        return _iso(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    return ""
