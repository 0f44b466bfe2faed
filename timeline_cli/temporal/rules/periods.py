"""Rules for named parts of a year: quarters, halves, seasons, the fiscal year, the weekend.

A quarter without a year is the latest such quarter that has begun by the anchor ("third-
quarter profit" in October 1989 is 1989-Q3; "the fourth quarter" in January 1998 is 1997-Q4),
the next one when the tense is future and this year's has ended. "The quarter", "the latest
quarter" and "the year-ago quarter" are the reporting quarter of business news: the last one
completed before the anchor, or that quarter a year earlier. "A year earlier" right after a
quarter is that quarter a year before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_cli.core.timevalue import DATE, TimeValue
from timeline_cli.temporal.rules.absolute import month_day_year
from timeline_cli.temporal.rules.anchored import relative_unit
from timeline_cli.temporal.rules.base import (
    FUTURE,
    PAST,
    SEASONS,
    Context,
    in_week,
    in_year,
    nearest_weekdays,
    pick,
    unresolved,
)
from timeline_cli.temporal.wordlists import alternation, numbers

# Which quarter or half: "third", "3rd"; -1 is the last one (temporal/data/numbers.toml).
_PART_NUMBERS = numbers("numbers", "part_ordinals")
_ORDINAL = rf"(?P<ord>{alternation(_PART_NUMBERS)})"
_OWNER = (
    r"(?:(?:the|its|their|this|a)(?: (?P<year1>\d{4}))?(?: (?P<ago>year-ago|year-earlier))?"
    r"|(?P<rel1>last|this|next) year's|(?P<year2>\d{4})(?:'s)?)(?: fiscal)?"
)
_OF_YEAR = (
    r"(?: of (?:(?:fiscal )?(?P<year3>\d{4})|(?:the )?(?P<rel2>last|this|next) year|the year))?"
)


def quarter_or_half(text: str, context: Context) -> TimeValue | None:
    """'the third quarter', 'third-quarter', 'last year's fourth quarter', 'Q3 2011'."""
    match = re.fullmatch(
        rf"(?:{_OWNER}[- ])?{_ORDINAL}[- ](?:fiscal |calendar )?(?P<unit>quarter|half)"
        rf"(?P<ago2> a year ago)?{_OF_YEAR}",
        text,
    )
    if match is None:
        return _quarter_code(text, context) or _reporting_quarter(text, context)
    unit = match.group("unit")
    count = 4 if unit == "quarter" else 2
    number = _PART_NUMBERS[match.group("ord")]
    number = number if number > 0 else count + 1 + number  # "the final quarter" is the 4th
    if number > count:
        return None
    explicit = match.group("year1") or match.group("year2") or match.group("year3")
    relative = match.group("rel1") or match.group("rel2")
    if explicit:
        year = int(explicit)
    elif context.anchor is None:
        return unresolved("quarter_or_half")
    elif relative:
        year = context.anchor.year + {"last": -1, "next": 1}.get(relative, 0)
    else:
        year = _latest_year_of_part(number, 12 // count, context)
    if match.group("ago") or match.group("ago2"):  # "the year-ago third quarter"
        year -= 1
    return TimeValue(f"{year:04d}-{'Q' if unit == 'quarter' else 'H'}{number}", DATE)


def _quarter_code(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(r"q([1-4])(?: (\d{4}))?", text)
    if match is None:
        return None
    if match.group(2):
        return TimeValue(f"{match.group(2)}-Q{match.group(1)}", DATE)
    if context.anchor is None:
        return unresolved("quarter_or_half")
    year = _latest_year_of_part(int(match.group(1)), 3, context)
    return TimeValue(f"{year:04d}-Q{match.group(1)}", DATE)


def _reporting_quarter(text: str, context: Context) -> TimeValue | None:
    """'the quarter', 'the latest quarter', 'the year-ago quarter', 'the 1988 quarter': the
    quarter the story is about (the last one it named, else the last completed one), or that
    quarter in the year given or a year before."""
    latest = re.fullmatch(
        r"(?:the|its) (?:latest |most recent |just-ended |recent |fiscal )?(?:quarter|period)",
        text,
    )
    year_ago = re.fullmatch(
        r"(?:the )?(?:comparable |same |corresponding )?(?:year-ago|year-earlier|year ago"
        r"|year earlier|last year's|previous year's)(?: quarter| period)?"
        r"|the (?:quarter|period) a year (?:ago|earlier)",
        text,
    )
    given_year = re.fullmatch(r"the (\d{4}) (?:quarter|period)", text)
    if latest and text.endswith("period") and "latest" not in text:
        latest = None  # "the period" alone is too vague to name a quarter
    if not (latest or year_ago or given_year):
        if text in ("this quarter", "the current quarter", "this fiscal quarter"):
            return relative_unit("this quarter", context)
        return None
    if context.anchor is None:
        return unresolved("reporting_quarter")
    if latest and latest.group(0) not in ("the quarter", "its quarter", "the period"):
        year, quarter = last_completed_quarter(context.anchor)  # "the latest quarter"
    else:
        year, quarter = _quarter_in_focus(context)
    if given_year:
        year = int(given_year.group(1))
    return TimeValue(f"{year - (1 if year_ago else 0):04d}-Q{quarter}", DATE)


def _quarter_in_focus(context: Context) -> tuple[int, int]:
    if context.focus_quarter is not None:
        year, number = context.focus_quarter.value.split("-Q")
        return int(year), int(number)
    assert context.anchor is not None
    return last_completed_quarter(context.anchor)


def last_completed_quarter(day: date) -> tuple[int, int]:
    current = (day.month - 1) // 3 + 1
    return (day.year, current - 1) if current > 1 else (day.year - 1, 4)


def _latest_year_of_part(number: int, months: int, context: Context) -> int:
    """The year of the latest quarter/half ``number`` begun by the anchor: companies report
    on quarters that have happened, so "expects third-quarter losses" in October is this Q3."""
    assert context.anchor is not None
    anchor = context.anchor
    begun = date(anchor.year, (number - 1) * months + 1, 1) <= anchor
    return anchor.year if begun else anchor.year - 1


def season(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(rf"(?:the )?({alternation(SEASONS)})(?: of)?(?: (\d{{4}}))?", text)
    if not match:
        return None
    code = SEASONS[match.group(1)]
    if match.group(2):
        return TimeValue(f"{match.group(2)}-{code}", DATE)
    if context.anchor is None:
        return unresolved("season")
    return TimeValue(f"{context.anchor.year:04d}-{code}", DATE)


def business_year(text: str, context: Context) -> TimeValue | None:
    """'the year', 'the fiscal year', 'the full year' (results "for the year") are the anchor's
    year; 'year-end' is its end."""
    end = re.fullmatch(r"(?:the )?(?:year[- ]end|year's end|end of the year)", text)
    current = re.fullmatch(
        r"(?:this|the)(?: current| full| entire| whole)?(?: fiscal| calendar)? year", text
    )
    if not (end or current):
        return None
    if context.anchor is None:
        return unresolved("business_year")
    value = in_year(context.anchor.year)
    return TimeValue(value.value, DATE, mod="END") if end else value


_WEEKEND_STEPS = numbers("relative", "weekend_steps")  # "the past weekend"


def weekend(text: str, context: Context) -> TimeValue | None:
    """'the weekend': the one before the anchor in past tense, else the coming one."""
    if text not in _WEEKEND_STEPS:
        return None
    if context.anchor is None:
        return unresolved("weekend")
    anchor = context.anchor
    step = _WEEKEND_STEPS[text]
    tense = PAST if step < 0 else FUTURE if step > 0 else context.tense
    day = anchor - timedelta(days=1) if anchor.weekday() == 6 else anchor  # a Sunday's weekend
    chosen = pick(nearest_weekdays(day, 5), day, tense)  # its Saturday
    iso = chosen.isocalendar()
    return TimeValue(f"{iso.year:04d}-W{iso.week:02d}-WE", DATE)


def year_before_quarter(text: str, context: Context) -> TimeValue | None:
    """'a year earlier', 'a year ago' in a story about a quarter: that quarter a year before
    ("third-quarter profit fell from $2 million a year earlier")."""
    quarter = context.focus_quarter
    if quarter is None or not re.fullmatch(r"a year (?:earlier|ago|before)", text):
        return None
    year, number = quarter.value.split("-Q")
    return TimeValue(f"{int(year) - 1:04d}-Q{number}", DATE)


def week_of(text: str, context: Context) -> TimeValue | None:
    """'the week of March 6': the ISO week holding that day."""
    match = re.fullmatch(r"the week of (.+)", text)
    if match is None:
        return None
    day = month_day_year(match.group(1), context)
    if day is None or day.precision != "day" or day.interval is None:
        return day if day is not None and day.value.startswith("X") else None
    return in_week(day.interval[0])
