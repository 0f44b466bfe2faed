"""What every normalization rule shares: the context it resolves in and calendar helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta, weekdays

from timeline_cli.core.timevalue import DATE, TimeValue
from timeline_cli.temporal.calendar_words import NUMBER_WORDS
from timeline_cli.temporal.wordlists import alternation, codes, numbers

PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"
# The past beyond doubt, however far back: "since his death on 25 June" cannot lie ahead, so
# PAST_REACH does not apply to it.
BEHIND = "behind"
UNRESOLVED = "XXXX-XX-XX"

NUMBER = rf"(?:\d+(?:\.\d+)?|{alternation(NUMBER_WORDS)})"

# Units of time (temporal/data/calendar.toml) and their TimeML codes: "three weeks" is P3W.
UNIT_CODES = codes("calendar", "units")
UNIT = rf"(?:{alternation(UNIT_CODES)})"

SEASONS = codes("calendar", "seasons")

# "Last October", "this coming May", "next March 9" (temporal/data/relative.toml): -1 the one
# before the anchor, 1 the one after it, 0 this year's.
MONTH_STEPS = numbers("relative", "month_steps")

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


PARTS_OF_DAY = codes("calendar", "parts_of_day")


@dataclass(frozen=True)
class Context:
    """What an expression resolves against: the anchor (publication date), the narrative's last
    day (``reference``) and last calendar value of any precision (``previous``), the tense of
    the governing verb, the modifier already peeled off the text, and the quarter a business
    story is about (the last one it named)."""

    anchor: date | None
    reference: date | None
    tense: str
    mod: str | None
    previous: TimeValue | None = None
    focus_quarter: TimeValue | None = None  # the last quarter the article named


Rule = Callable[[str, Context], TimeValue | None]


def unresolved(rule: str) -> TimeValue:
    return TimeValue(UNRESOLVED, DATE, rule=rule)


def on_day(day: date, rule: str = "") -> TimeValue:
    return TimeValue(day.isoformat(), DATE, rule=rule)


def in_month(year: int, month: int, rule: str = "") -> TimeValue:
    return TimeValue(f"{calendar_year(year):04d}-{month:02d}", DATE, rule=rule)


def in_year(year: int, rule: str = "") -> TimeValue:
    return TimeValue(f"{calendar_year(year):04d}", DATE, rule=rule)


def calendar_year(year: int) -> int:
    """A year a TimeML value can hold; "99999 years ago" is no date (normalize reports it)."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is off the calendar")
    return year


def decade_value(index: int) -> TimeValue:
    if not 0 <= index <= 999:  # one digit more would read as a year
        raise ValueError(f"decade {index} is off the calendar")
    return TimeValue(f"{index:03d}", DATE)


def century_value(index: int) -> TimeValue:
    if not 0 <= index <= 99:
        raise ValueError(f"century {index} is off the calendar")
    return TimeValue(f"{index:02d}", DATE)


def in_week(day: date, rule: str = "") -> TimeValue:
    iso = day.isocalendar()
    return TimeValue(f"{iso.year:04d}-W{iso.week:02d}", DATE, rule=rule)


def add_months(day: date, months: int) -> tuple[int, int]:
    """The year and month ``months`` after (or before) the month of ``day``."""
    shifted = day + relativedelta(months=months)
    return shifted.year, shifted.month


def nearest_weekdays(day: date, weekday: int, strictly: bool = False) -> list[date]:
    """The last ``weekday`` (0 = Monday) on or before ``day`` and the first on or after it;
    strictly before and after it when ``strictly``."""
    nudge = timedelta(days=1 if strictly else 0)
    return [
        day - nudge + relativedelta(weekday=weekdays[weekday](-1)),
        day + nudge + relativedelta(weekday=weekdays[weekday](+1)),
    ]


def direction_of(tense: str) -> int:
    """-1 looks back from the anchor, +1 forward, 0 takes the nearest."""
    return {PAST: -1, BEHIND: -1, FUTURE: 1}.get(tense, 0)


def pick(candidates: list[date], anchor: date, tense: str) -> date:
    """Of dates around the anchor, the one the tense points to (the nearest when unclear)."""
    direction = direction_of(tense)
    if direction < 0:
        return max(day for day in candidates if day <= anchor)
    if direction > 0:
        return min(day for day in candidates if day >= anchor)
    return min(candidates, key=lambda day: (abs((day - anchor).days), day > anchor))


def shift_unit(day: date, unit: str, step: int) -> TimeValue:
    if unit == "day":
        return on_day(day + timedelta(days=step))
    if unit == "week":
        return in_week(day + timedelta(weeks=step))
    if unit == "month":
        return in_month(*add_months(day, step))
    return in_year(day.year + step)


# How far back a past-tense "Dec. 7" or "September" may reach before the nearest occurrence is
# taken instead: "the dividend is payable Dec. 7" in October is this December, not the last one.
PAST_REACH = timedelta(days=240)


def month_day(month: int, day: int, context: Context) -> TimeValue:
    anchor = context.anchor
    assert anchor is not None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return on_day(pick_within_reach(candidates, anchor, context.tense))


def pick_within_reach(candidates: list[date], anchor: date, tense: str) -> date:
    """``pick``, except that the past reaches back at most PAST_REACH: a past verb often tells
    of a date ahead ("said the dividend is payable Dec. 7")."""
    chosen = pick(candidates, anchor, tense)
    if tense == PAST and anchor - chosen > PAST_REACH:
        return pick(candidates, anchor, UNKNOWN)
    return chosen


def two_digit_year(two_digits: int, context: Context) -> int:
    century = (context.anchor.year // 100 * 100) if context.anchor else 1900
    year = century + two_digits
    if context.anchor and year > context.anchor.year + 10:
        year -= 100
    return year
