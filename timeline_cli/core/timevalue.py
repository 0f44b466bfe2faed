"""Calendar values in TimeML notation, with their precision and the interval they cover.

A value is what a temporal expression means once resolved: ``2012-03-05`` (a day),
``2012-03`` (a month), ``2012-W10`` (a week), ``2012-Q1``, ``2012-SU`` (a season),
``2012-H1``, ``2012``, ``201`` (a decade), ``19`` (a century), ``2025-06-03T18:45``
(a time of day), ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``; durations (``P3Y``) and
sets (``P1W``) are values too, but never calendar positions.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"

# Coarse to fine: the order in which events of one period sort (a month before its days).
PRECISION_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 4,
    "season": 5,
    "month": 6,
    "week": 7,
    "day": 8,
    "time": 9,
    "publication": 10,  # "as reported on": after the events explicitly dated that day
}

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}|MO|AF|EV|NI|DT)$")


@dataclass(frozen=True)
class TimeValue:
    """A normalized temporal expression: TimeML value, type and modifier, and the rule used."""

    value: str
    type: str = DATE
    mod: str | None = None
    rule: str = ""

    @property
    def is_calendar(self) -> bool:
        """True when the value names a position on the calendar (it can date an event)."""
        return self.type in (DATE, TIME) and self.interval is not None

    @property
    def precision(self) -> str | None:
        return value_precision(self.value) if self.type in (DATE, TIME) else None

    @property
    def interval(self) -> tuple[date, date] | None:
        return value_interval(self.value) if self.type in (DATE, TIME) else None


@lru_cache(maxsize=8192)  # merging asks for the same values many times
def value_precision(value: str) -> str | None:
    """The precision of a TimeML date or time value, or None for references like PAST_REF."""
    if _TIME_OF_DAY.match(value):
        return "time"
    patterns = (
        (r"\d{4}-\d{2}-\d{2}", "day"),
        (r"\d{4}-W\d{2}", "week"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-Q[1-4]", "quarter"),
        (r"\d{4}-H[12]", "half"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{4}", "year"),
        (r"\d{3}", "decade"),
        (r"\d{2}", "century"),
    )
    for pattern, precision in patterns:
        if re.fullmatch(pattern, value):
            return precision
    return None


@lru_cache(maxsize=8192)
def value_interval(value: str) -> tuple[date, date] | None:
    """The first and last calendar day a value covers, or None if it covers no fixed days."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):  # 2012-02-30, or a week that ends after 9999
        return None


def _interval(value: str) -> tuple[date, date] | None:
    time_match = _TIME_OF_DAY.match(value)
    if time_match:
        day = date.fromisoformat(time_match.group(1))
        return day, day
    precision = value_precision(value)
    if precision is None:
        return None
    if precision == "day":
        day = date.fromisoformat(value)
        return day, day
    if precision == "century":
        first = int(value) * 100
        return _years(max(first, 1), first + 99)
    if precision == "decade":
        first = int(value) * 10
        return _years(max(first, 1), first + 9)
    year = int(value[:4])
    if year < 1:
        return None
    if precision == "year":
        return _years(year, year)
    suffix = value[5:]
    if precision == "month":
        return _months(year, int(suffix), int(suffix))
    if precision == "week":
        monday = date.fromisocalendar(year, int(suffix[1:]), 1)
        return monday, monday + timedelta(days=6)
    if precision == "quarter":
        quarter = int(suffix[1])
        return _months(year, 3 * quarter - 2, 3 * quarter)
    if precision == "half":
        half = int(suffix[1])
        return _months(year, 6 * half - 5, 6 * half)
    first_month, last_month = _SEASON_MONTHS[suffix]
    return _months(year, first_month, last_month)


def _years(first: int, last: int) -> tuple[date, date]:
    return date(first, 1, 1), date(min(last, 9999), 12, 31)


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last of year; a last month past 12 runs into the next year (winter)."""
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    last_day = calendar.monthrange(end_year, end_month)[1]
    return date(year, first, 1), date(end_year, end_month, last_day)
