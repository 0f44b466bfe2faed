"""Finding an article's publication date in its own text: a header timestamp or a wire dateline.

A dateline often carries no year ("LIMA, June 3 (Reuters)"). Its year is inferred from
evidence, never from today's date: a weekday the lead sentence states for that day, narrowed by
the publication dates of the other articles of the same run. The reason is kept with the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline_cli.core.models import Publication
from timeline_cli.temporal.calendar_words import (
    MONTH_PATTERN,
    WEEKDAY_RE,
    month_number,
    weekday_number,
)
from timeline_cli.temporal.dates import parse_absolute_date

HEADER_LINES = 12
_MAX_HEADER_WORDS = 14
_DAY_FIRST = rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})\s*,?\s+(?P<y1>\d{{4}})"
_MONTH_FIRST = (
    rf"(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})"
)
_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2})"
HEADER_DATE_RE = re.compile(rf"\b(?:{_MONTH_FIRST}|{_DAY_FIRST}|{_ISO})\b", re.IGNORECASE)

# "LIMA, June 3 (Reuters) — ", "OSLO, June 3, 2025 (AP) -", "NAIROBI, Kenya (AP) _"
_LETTER = r"[^\W\d_]"  # any script's letters: BOGOTÁ, ZÜRICH, SÃO PAULO
_PLACE = (
    rf"{_LETTER}[{_LETTER[1:-1]}.'\-]+(?:\s+{_LETTER}[{_LETTER[1:-1]}.'\-]+)*"
    rf"(?:,\s*{_LETTER}[{_LETTER[1:-1]}.]+(?:\s+{_LETTER}[{_LETTER[1:-1]}.]+)*)?"
)
DATELINE_RE = re.compile(
    rf"^[\s\u200b-\u200f\u2060\ufeff]*(?P<place>{_PLACE}),?\s+"
    rf"(?:(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*)?"
    r"(?P<agency>\([^)\n]{1,40}\))?\s*[-—–_:]+\s*",
    re.IGNORECASE,
)
_EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class Dateline:
    """A dateline's month and day (and year when given) and the weekday the lead sentence names."""

    month: int
    day: int
    year: int | None
    lead_weekday: int | None


def find_header_date(lines: Sequence[str]) -> date | None:
    """A full date on a short line near the top, as news sites print their timestamps."""
    for line in lines[:HEADER_LINES]:
        if len(line.split()) > _MAX_HEADER_WORDS:
            continue
        match = HEADER_DATE_RE.search(line)
        if match:
            parsed = parse_absolute_date(match.group(0))
            if parsed is not None:
                return parsed
    return None


def match_dateline(paragraph: str) -> re.Match[str] | None:
    """The dateline at the start of a paragraph; only uppercase places count, as wires print."""
    match = DATELINE_RE.match(paragraph)
    if match is None or not match.group("place").split(",")[0].isupper():
        return None
    if match.group("month") is None and match.group("agency") is None:
        return None
    return match


def read_dateline(paragraph: str) -> Dateline | None:
    match = match_dateline(paragraph)
    if match is None or match.group("month") is None:
        return None
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    # The whole lead paragraph: splitting it at full stops would stop at "U.S.".
    weekday_match = WEEKDAY_RE.search(paragraph[match.end() :])
    weekday = weekday_number(weekday_match.group(1)) if weekday_match else None
    if month is None or not 1 <= day <= 31:
        return None
    return Dateline(month, day, year, weekday)


def dateline_publication(dateline: Dateline, other_dates: Sequence[date] = ()) -> Publication:
    """Resolve a dateline to a publication date, inferring a missing year from the evidence.

    Years run up to one after the latest other article's, never up to today's: the result
    must not depend on the day the command runs.
    """
    if dateline.year is not None:
        return Publication(_safe_date(dateline.year, dateline.month, dateline.day), "dateline")
    label = f"{_month_name(dateline.month)} {dateline.day}"
    if not other_dates:
        weekday = dateline.lead_weekday
        stated = f"the lead names {_weekday_name(weekday)}; " if weekday is not None else ""
        note = f"{stated}no other dated article to choose a year by"
        return Publication(None, None, f"dateline {label} has no year: {note}")
    latest_year = max(day.year for day in other_dates) + 1
    candidates = [
        year
        for year in range(_EARLIEST_YEAR, latest_year + 1)
        if _safe_date(year, dateline.month, dateline.day) is not None
    ]
    reasons = []
    if dateline.lead_weekday is not None:
        weekday_name = _weekday_name(dateline.lead_weekday)
        candidates = [
            year
            for year in candidates
            if date(year, dateline.month, dateline.day).weekday() == dateline.lead_weekday
        ]
        recent = ", ".join(str(year) for year in candidates[-4:])
        reasons.append(f"the lead names {weekday_name}; {label} was a {weekday_name} in {recent}")
    if not candidates:
        return Publication(None, None, f"dateline {label}: no year fits the stated weekday")

    def distance(year: int) -> tuple[int, int]:
        day = date(year, dateline.month, dateline.day)
        return min(abs((day - other).days) for other in other_dates), year

    year = min(candidates, key=distance)
    nearest = min(
        other_dates, key=lambda other: abs((date(year, dateline.month, dateline.day) - other).days)
    )
    reasons.append(f"{year} puts it nearest another article of this run (published {nearest})")
    chosen = date(year, dateline.month, dateline.day)
    return Publication(chosen, "dateline", f"year inferred: {'; '.join(reasons)}")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def _weekday_name(weekday: int) -> str:
    return date(2024, 1, 1 + weekday).strftime("%A")  # 2024-01-01 was a Monday
