"""Dates as staff expect them: 和暦 with 西暦, e.g. 令和8年(2026年)4月1日."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

from guideline import labels
from guideline.messages import Day, MessageError, msg

# (first day, era name); newest first.
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"))


def wareki(day: date | None, lang: str = "ja") -> str:
    """Format a date for display; ``None`` is shown as not stated rather than invented."""
    if day is None:
        return labels.text(lang, "not_stated")
    if lang != "ja":
        return f"{day:%B} {day.day}, {day.year}"
    for start, era in _ERAS:
        if day >= start:
            year = day.year - start.year + 1
            shown = "元" if year == 1 else str(year)
            return f"{era}{shown}年({day.year}年){day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


# Japan has kept UTC+9 without daylight saving since 1951: a fixed offset needs no time-zone database.
JST = timezone(timedelta(hours=9), "Asia/Tokyo")
_WAREKI = re.compile(r"(?P<era>令和|平成|昭和)(?P<year>元|\d{1,2})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateError(MessageError, ValueError):
    """A date the division wrote that cannot be read; the message says what and how to write it."""


def today_in_japan() -> date:
    """The date in Japan now: the guideline comes into force at midnight in Honjō, not in UTC."""
    return datetime.now(JST).date()


def parse_date(value: str) -> date:
    """Read a date as a 決裁 is dated: 2027-01-01, 令和9年1月1日 or 令和９年１月１日 (full-width digits)."""
    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
    era_match = _WAREKI.fullmatch(text)
    try:
        if _ISO.fullmatch(text):
            return date.fromisoformat(text)
        if era_match:
            start = next(s for s, era in _ERAS if era == era_match["era"])
            year = 1 if era_match["year"] == "元" else int(era_match["year"])
            day = date(start.year + year - 1, int(era_match["month"]), int(era_match["day"]))
            if day < start:
                raise DateError(
                    msg("dates.before_era", value=value, era=era_match["era"], start=Day(start), hint=msg("dates.hint"))
                )
            return day
    except ValueError as error:
        if isinstance(error, DateError):
            raise
        raise DateError(msg("dates.no_such_day", value=value, hint=msg("dates.hint"))) from None
    raise DateError(msg("dates.unreadable", value=value, hint=msg("dates.hint")))


def build_date(value: str | None) -> date:
    """The date the site is built for (``GUIDELINE_BUILD_DATE``): status by 施行日 is computed on it."""
    if not value:
        return today_in_japan()
    try:
        return parse_date(value)
    except DateError as error:
        raise DateError(msg("dates.build_date", problem=error.message)) from None
