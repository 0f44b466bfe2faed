"""Rules for times of day: "3 p.m.", "18:45", "noon", and a time on a named day
("noon Thursday", "9 a.m. EST Tuesday", "Friday night", "last night")."""

from __future__ import annotations

import re
from datetime import timedelta

from timeline_cli.core.timevalue import TIME, TimeValue
from timeline_cli.temporal.rules.absolute import month_day_year
from timeline_cli.temporal.rules.anchored import deictic_day, weekday
from timeline_cli.temporal.rules.base import PARTS_OF_DAY, Context, unresolved
from timeline_cli.temporal.wordlists import alternation, codes, numbers, words

# The words are in temporal/data/calendar.toml (and relative.toml for "last night").
_NAMED_HOURS = numbers("calendar", "named_hours")  # "noon"; TimeML: midnight ends its day
_HOURS_IN_THE = numbers("calendar", "hours_in_the")  # "4 in the afternoon" is 16:00
_CLOCK = (
    r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}"
    rf"|{alternation(_NAMED_HOURS)}"
)
_PART = rf"(?:mid-?(?!night))?(?:{alternation(PARTS_OF_DAY)})"
_IN_THE = (
    r"(?P<hour>\d{1,2}) (?:o'clock )?in the"
    rf" (?P<in_part>{alternation(_HOURS_IN_THE)})"
)
_PREVIOUS_NIGHT = words("relative", "previous_night")  # "overnight", "last night"


def clock_time(text: str, context: Context) -> TimeValue | None:
    """A time of day on the anchor day: '3 p.m.', '18:45', 'noon', '4 in the morning'."""
    if re.fullmatch(_IN_THE, text) is None and re.fullmatch(_CLOCK, text) is None:
        return None
    day = context.reference or context.anchor  # "10 p.m." is on the day the story is telling
    if day is None:
        return unresolved("clock_time")
    return _at(day.isoformat(), text)


def part_of_day(text: str, context: Context) -> TimeValue | None:
    """'mid-afternoon', 'overnight', 'last night' relative to the anchor day."""
    match = re.fullmatch(rf"(?:the )?({_PART})", text)
    if not match and text not in _PREVIOUS_NIGHT:
        return None
    if context.anchor is None:
        return unresolved("part_of_day")
    if text in _PREVIOUS_NIGHT:
        return TimeValue(f"{(context.anchor - timedelta(days=1)).isoformat()}TNI", TIME)
    day = context.reference or context.anchor  # "in the morning": the story's day
    return TimeValue(f"{day.isoformat()}T{_part_code(match.group(1))}", TIME)


_DAYLIGHT = codes("calendar", "daylight")  # "at dawn"
_SUN_MOVES = codes("calendar", "sun_moves")  # "as the sun set"
_SUN = re.compile(rf"as the sun ({alternation(_SUN_MOVES)})")


def daylight(text: str, context: Context) -> TimeValue | None:
    """'as the sun set', 'at dawn': a part of the day the story is telling."""
    sun = _SUN.fullmatch(text)
    if sun is None and text not in _DAYLIGHT:
        return None
    day = context.reference or context.anchor
    if day is None:
        return unresolved("daylight")
    part = _SUN_MOVES[sun.group(1)] if sun else _DAYLIGHT[text]
    return TimeValue(f"{day.isoformat()}T{part}", TIME)


def time_on_day(text: str, context: Context) -> TimeValue | None:
    """A clock time or part of day with the day it falls on, in either order."""
    match = re.fullmatch(rf"(?P<time>{_CLOCK}|{_IN_THE}|{_PART}),? (?:on )?(?P<day>.+)", text)
    match = match or re.fullmatch(rf"(?P<day>.+?),? (?:at )?(?P<time>{_CLOCK}|{_PART})", text)
    if not match:
        return None
    day = _day_of(match.group("day"), context)
    if day is None:
        return None
    if day.value.startswith("X"):
        return day
    return _at(day.value, match.group("time"))


def _day_of(text: str, context: Context) -> TimeValue | None:
    for rule in (deictic_day, weekday, month_day_year):
        value = rule(text, context)
        if value is not None and (value.precision == "day" or value.value.startswith("X")):
            return value
    return None


def _at(day: str, time: str) -> TimeValue | None:
    """The TIME value of a clock time or part of day on a day given as YYYY-MM-DD."""
    if re.fullmatch(_PART, time):
        return TimeValue(f"{day}T{_part_code(time)}", TIME)
    in_the = re.fullmatch(_IN_THE, time)
    if in_the:
        hour = int(in_the.group("hour")) + _HOURS_IN_THE[in_the.group("in_part")]
        return TimeValue(f"{day}T{hour % 24:02d}:00", TIME)
    if time in _NAMED_HOURS:
        return TimeValue(f"{day}T{_NAMED_HOURS[time]:02d}:00", TIME)
    clock = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", time)
    if clock is None:
        return None
    hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
    meridiem = clock.group(3) or ""
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return TimeValue(f"{day}T{hour:02d}:{minute:02d}", TIME)


def _part_code(part: str) -> str:
    return PARTS_OF_DAY[re.sub(r"^mid-?", "", part)]
