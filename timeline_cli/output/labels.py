"""Dates, headings and links as every renderer shows them, defined once.

A date is shown as precise as it is known: '9 Mar 2012', 'Mar 2012', '2012', 'Q1 2012',
'week of 5 Mar 2012', '1990s', or 'undated'; what it rests on ('as reported', 'year inferred',
'planned'; ``trust.date_notes``) goes beside it. Events are listed under the month they fall
in ('March 2012'); a date known only to a part of a year, or to a decade, heads its own group.
Month names are English whatever the locale: the same input gives the same bytes everywhere.
An article's address is linked only if it is a web address (``web_url``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from timeline_cli.chronology.trust import date_notes
from timeline_cli.core.models import ChronologyEvent
from timeline_cli.core.timevalue import value_interval, value_precision

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
DAY_LIKE = ("day", "time", "publication")  # a date that names its day
UNDER_MONTH = (*DAY_LIKE, "month", "week")  # listed under the month they fall in
COARSE_WITHIN_YEAR = ("year", "half", "quarter", "season")  # a part of a year, no month
OVER_YEARS = ("decade", "century")  # listed under their own period, not a year
_HOUR_MINUTE = re.compile(r"T(\d{2}:\d{2})$")
_WEB_URL = re.compile(r"^https?://[^\s\"'<>\x00-\x1f\x7f-\x9f]+$", re.IGNORECASE)


def day_label(day: date) -> str:
    """'9 Mar 2012'."""
    return f"{day.day} {month_label(day)}"


def month_label(day: date) -> str:
    """'Mar 2012'."""
    return f"{MONTHS[day.month - 1][:3]} {day.year}"


def _label(value: str, precision: str | None, start: date) -> str:
    """A TimeML value whose first day is ``start`` as a label at its precision."""
    if precision in DAY_LIKE:
        return day_label(start)
    if precision == "month":
        return month_label(start)
    if precision == "year":
        return str(start.year)
    if precision == "week":
        return f"week of {day_label(start)}"
    if precision in ("quarter", "half"):
        return f"{value[5:]} {start.year}"  # "Q1 2012", "H2 2012"
    if precision == "season":
        return f"{SEASONS.get(value[5:], value[5:])} {start.year}"
    if precision == "decade":
        return f"{start.year}s"
    if precision == "century":
        return f"{start.year // 100 + 1}th century"
    return value


def hour_minute(value: str | None, precision: str | None) -> str | None:
    """The time of day of a value at the precision of a time ('14:30'), else None."""
    match = _HOUR_MINUTE.search(value or "")
    return match.group(1) if precision == "time" and match else None


def _with_time(label: str, value: str | None, precision: str | None) -> str:
    """'9 Mar 2012, 14:30' for a date with a time of day."""
    time = hour_minute(value, precision)
    return f"{label}, {time}" if time else label


def value_label(value: str) -> str:
    """A TimeML value ('2012-03-08', '2012-03') as a date label ('8 Mar 2012', 'Mar 2012');
    a value that covers no fixed days (PAST_REF) as it is."""
    interval = value_interval(value)
    precision = value_precision(value)
    if interval is None or precision is None:
        return value
    return _with_time(_label(value, precision, interval[0]), value, precision)


def date_label(event: ChronologyEvent) -> str:
    """The event's date alone, stretched to its end if it has one ('2010 to Jan 2014')."""
    if event.start is None or event.date is None:
        return "undated"
    label = _label(event.date, event.precision, event.start)
    if event.end_date:
        label += " to " + _end_label(event.end_date)
    return label


def _end_label(value: str) -> str:
    interval = value_interval(value)
    if interval is None:
        return value
    return _label(value, value_precision(value), interval[0])


def format_date(event: ChronologyEvent) -> str:
    """The date and, on a second line, its notes ('as reported, year inferred'), if any."""
    label = date_label(event)
    notes = date_notes(event)
    return f"{label}\n{', '.join(notes)}" if notes else label


def event_date_label(event: ChronologyEvent) -> tuple[str, str | None]:
    """The date as shown ('9 Mar 2012', '9 Mar 2012, 14:30', 'undated') and its notes."""
    notes = date_notes(event)
    label = _with_time(date_label(event), event.date, event.precision)
    return label, ", ".join(notes) or None


def date_display(event: ChronologyEvent) -> str:
    """The date and its notes on one line: '9 Mar 2012 (as reported, year inferred)'."""
    label, note = event_date_label(event)
    return f"{label} ({note})" if note else label


def period_heading(event: ChronologyEvent) -> str:
    """The heading an event is listed under: its month ('March 2012'), its coarser period
    ('Q1 2012', '2012, month unknown', '1990s'), or 'Undated'."""
    if event.start is None or event.date is None:
        return "Undated"
    if event.precision in UNDER_MONTH:
        return f"{MONTHS[event.start.month - 1]} {event.start.year}"
    label = date_label(event)
    return f"{label}, month unknown" if event.precision == "year" else label


def plural(count: int, word: str) -> str:
    """'1 event', '3 events'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def events_from_articles(events: Sequence[ChronologyEvent], articles: int) -> str:
    """'20 events from 3 articles'; in the key-dates view, what each event stands for."""
    if any(event.key is not None for event in events):
        return (
            f"{plural(len(events), 'key date')} from {plural(articles, 'article')}"
            ", each by its best-supported event"
        )
    return f"{plural(len(events), 'event')} from {plural(articles, 'article')}"


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address safe to link to, else None."""
    url = url.strip() if url else None
    return url if url and _WEB_URL.match(url) else None
