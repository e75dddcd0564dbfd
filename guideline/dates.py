"""Dates as staff expect them: 和暦 with 西暦, e.g. 令和8年(2026年)4月1日."""

from __future__ import annotations

from datetime import date

# (first day, era name); newest first.
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"))
NOT_STATED = {"ja": "未記載", "en": "not stated"}


def wareki(day: date | None, lang: str = "ja") -> str:
    """Format a date for display; ``None`` is shown as not stated rather than invented."""
    if day is None:
        return NOT_STATED[lang]
    if lang != "ja":
        return f"{day:%B} {day.day}, {day.year}"
    for start, era in _ERAS:
        if day >= start:
            year = day.year - start.year + 1
            shown = "元" if year == 1 else str(year)
            return f"{era}{shown}年({day.year}年){day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"
