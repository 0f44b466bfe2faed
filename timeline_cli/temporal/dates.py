"""The one dateparser parser of the process, for absolute date forms only.

dateparser fills missing parts from today's date and reads "the 8th" as August, so it only sees
text whose year the caller has checked or supplied. It is built once (building is slow) with
English only: automatic language detection misreads short English strings. A numeric date that
starts with its year is read year-month-day or not at all: dateparser would swap an impossible
"2024-13-01" into 13 January.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use: reading the command line needs no dateparser
    from dateparser.date import DateDataParser

_SETTINGS = {
    # Whatever the text leaves out is filled from this fixed day, never from today; callers
    # keep only the parts the text names.
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "MDY",
    "PARSERS": ["absolute-time"],
}


_YEAR_FIRST_RE = re.compile(
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?P<time>[T ].*)?"
)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_SETTINGS)


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> tuple[datetime, str] | None:
    """Parse an absolute form ("June 3, 2025", "3 June 2025 18:45", "2012-03") with its period.

    The period is dateparser's granularity: 'day', 'month', 'year' or 'time'.
    """
    year_first = _YEAR_FIRST_RE.fullmatch(text.strip())
    if year_first:
        try:
            day = date(*(int(year_first.group(part)) for part in ("year", "month", "day")))
        except ValueError:
            return None
        if not year_first.group("time"):
            return datetime(day.year, day.month, day.day), "day"
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def parse_absolute_date(text: str) -> date | None:
    parsed = parse_absolute(text)
    return parsed[0].date() if parsed else None
