"""Rules for lengths and frequencies of time, which date nothing: "two-day", "weekly",
and for look-alikes that are not times at all ("58-year-old")."""

from __future__ import annotations

import re

from timeline_cli.core.timevalue import DURATION, SET, TimeValue
from timeline_cli.temporal.calendar_words import (
    MONTH_PATTERN,
    VAGUE_NUMBERS,
    WEEKDAY_PATTERN,
    month_number,
    number_value,
    weekday_number,
)
from timeline_cli.temporal.rules.base import (
    NUMBER,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    UNIT_CODES,
    Context,
)
from timeline_cli.temporal.wordlists import alternation, codes, phrases, words


def age(text: str, context: Context) -> TimeValue | None:
    """'58-year-old' describes a person, not a time."""
    if re.search(r"\byears?[- ]old\b|-year-old|-month-old", text):
        return TimeValue("", "NONE", rule="age")
    return None


# The words are in temporal/data/calendar.toml.
_OPENERS = alternation(phrases("calendar", "duration_openers"))  # "the past 18 months"
_STRETCH = re.compile(rf"the (?:{alternation(phrases('calendar', 'stretch_openers'))}) ")
_DAY_KINDS = alternation(phrases("calendar", "day_kinds"))  # "five trading days"
_SHORT_UNITS = words("calendar", "short_units")  # "every hour" is PT1H
_FREQUENCY_ADVERBS = codes("calendar", "frequency_adverbs")  # "weekly"
_PART = alternation(PARTS_OF_DAY)
_SEASON = alternation(SEASONS)

_IN_SMALLER_UNITS = {"DE": (10, "Y"), "Q": (3, "M")}
# Half of each unit, in TimeML's smaller units: "2 1/2 years" is P2Y6M.
_HALVES = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "H": "30M", "MIN": "30S"}


def duration(text: str, context: Context) -> TimeValue | None:
    """'three years', 'two-day', 'the past 18 months', 'several weeks', '2 1/2 hours'."""
    match = re.fullmatch(
        rf"(?:the |a |an |each of the )?(?:(?:{_OPENERS}) )?"
        rf"(?:(?P<n>{NUMBER})(?P<half1> 1/2| and a half)?(?: more)?[- ]|a |an )?"
        rf"(?:(?:{_DAY_KINDS}) )?(?P<unit>{UNIT})s?"
        r"(?P<half2> and a half)?(?:[- ]long)?(?: period| term)?",
        text,
    )
    if not match:
        return None
    number = match.group("n")
    if number and re.fullmatch(r"[12]\d{3}", number) and not text.endswith("s"):
        return None  # "the 1988 quarter" names a year's quarter, not 1,988 of them
    plural = not number and bool(re.search(r"s(?: and a half)?(?:[- ]long)?$", text))
    with_article = re.match(r"(?:a|an) ", text) is not None
    stretch = _STRETCH.match(text) is not None
    if not (number or plural or with_article or stretch):
        return None  # "year", "the year": a reference to a period, not a length of time
    unit = match.group("unit")
    code = "MIN" if unit == "minute" else UNIT_CODES[unit]
    vague = (number is None and plural) or (number or "").lower() in VAGUE_NUMBERS
    amount = "X" if vague else str(number_value(number or "a") or "X")
    if unit == "fortnight":
        return TimeValue("P2W", DURATION)
    if code in _IN_SMALLER_UNITS:  # TimeBank writes decades in years, quarters in months
        factor, code = _IN_SMALLER_UNITS[code]
        amount = amount if amount == "X" else str(int(amount) * factor)
    half = _HALVES.get(code, "") if (match.group("half1") or match.group("half2")) else ""
    return TimeValue(_period(amount, code, half), DURATION)


def _period(amount: str, code: str, half: str) -> str:
    """A TimeML period: P2Y6M, P2DT12H, PT5H30M, PT1M30S, P1DE (decade), P1CE (century)."""
    if code in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if code == 'MIN' else code}{half}"
    return f"P{amount}{code}{half}"


def frequency(text: str, context: Context) -> TimeValue | None:
    if text in _FREQUENCY_ADVERBS:
        return TimeValue(_FREQUENCY_ADVERBS[text], SET)
    match = re.fullmatch(
        rf"(?:every|each|per) (?:(?P<n>{NUMBER}) )?"
        rf"(?P<unit>{UNIT}|{WEEKDAY_PATTERN}|{MONTH_PATTERN})s?",
        text,
    )
    if not match:
        return None
    unit = match.group("unit")
    if unit in UNIT_CODES:
        code = UNIT_CODES[unit]
        prefix = "PT" if unit in _SHORT_UNITS else "P"
        amount = number_value(match.group("n") or "a") or match.group("n")  # "every 1.5 days"
        return TimeValue(f"{prefix}{amount}{code}", SET)
    if weekday_number(unit) is not None:
        return TimeValue(f"XXXX-WXX-{weekday_number(unit) + 1}", SET)
    return TimeValue(f"XXXX-{month_number(unit):02d}", SET)


def recurring_days(text: str, context: Context) -> TimeValue | None:
    """Plural weekdays and seasons recur: 'Tuesday nights', 'on Mondays', 'the past three
    summers' are SETs."""
    match = re.fullmatch(
        rf"(?P<day>{WEEKDAY_PATTERN})s(?: (?P<part>{_PART})s)?"
        rf"|(?P<day2>{WEEKDAY_PATTERN}) (?P<part2>{_PART})s",
        text,
    )
    if match:
        day = weekday_number(match.group("day") or match.group("day2"))
        part = match.group("part") or match.group("part2")
        suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
        return TimeValue(f"XXXX-WXX-{(day or 0) + 1}{suffix}", SET)
    seasons = re.fullmatch(rf"(?:the )?(?:(?:past|last|next) )?(?:{NUMBER} )?({_SEASON})s", text)
    if seasons:
        return TimeValue(f"XXXX-{SEASONS[seasons.group(1)]}", SET)
    return None
