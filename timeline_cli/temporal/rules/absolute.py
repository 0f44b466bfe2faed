"""Rules for expressions that name their calendar position: "June 3, 2025", "1998",
"the 1990s", "2012-03-09"; a missing year comes from the anchor and the tense."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from timeline_cli.core.timevalue import DATE, TimeValue
from timeline_cli.temporal import dates
from timeline_cli.temporal.calendar_words import MONTH_PATTERN, month_number
from timeline_cli.temporal.rules.base import (
    FUTURE,
    MONTH_STEPS,
    PAST,
    Context,
    century_value,
    in_month,
    in_year,
    month_day,
    on_day,
    pick,
    two_digit_year,
    unresolved,
)
from timeline_cli.temporal.wordlists import alternation


def year_range(text: str, context: Context) -> TimeValue | None:
    """'1999-2003', 'from 1999 to 2003' read as one expression: dated by its first year."""
    match = re.fullmatch(r"(?P<first>\d{4}) ?(?:-|to|through|until|till) ?(?P<last>\d{4})", text)
    if match is None or not 1000 <= int(match.group("first")) < int(match.group("last")) <= 2999:
        return None
    return TimeValue(match.group("first"), DATE, rule="year_range")


def day_range(text: str, context: Context) -> TimeValue | None:
    """'Nov. 15-18', 'March 3-5, 2012': a stretch of days, dated by its first."""
    match = re.fullmatch(
        rf"(?P<m>{MONTH_PATTERN}) (?P<d>\d{{1,2}}) ?- ?(?P<last>\d{{1,2}})(?P<y>,? \d{{4}})?", text
    )
    if match is None or int(match.group("last")) <= int(match.group("d")):
        return None
    first = month_day_year(
        f"{match.group('m')} {match.group('d')}{match.group('y') or ''}", context
    )
    return replace(first, rule="day_range") if first is not None else None


# "last Oct. 23", "next March 9": the words of MONTH_STEPS that look back or ahead.
_SAID_MONTH = re.compile(rf"({alternation(word for word, step in MONTH_STEPS.items() if step)}) ")


def month_day_year(text: str, context: Context) -> TimeValue | None:
    """Absolute forms with a month name: 'June 3, 2025', '3 June', 'June 2025', 'March';
    'last Oct. 23' and 'next March 9' look only back or ahead."""
    said = _SAID_MONTH.match(text)
    if said:
        text = text[said.end() :]
        context = replace(context, tense=PAST if MONTH_STEPS[said.group(1)] < 0 else FUTURE)
    month_first = re.fullmatch(
        rf"(?P<m>{MONTH_PATTERN}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?"
        r"(?: (?P<time>.+))?",
        text,
    )
    day_first = re.fullmatch(
        rf"(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m>{MONTH_PATTERN})"
        r"(?:,? (?P<y>\d{4}))?",
        text,
    )
    month_year = re.fullmatch(
        rf"(?P<m>{MONTH_PATTERN})(?:,? (?:of )?(?P<y>\d{{4}}|'\d{{2}}))?", text
    )
    match = month_first or day_first
    if match and (
        match.groupdict().get("time") is None or re.search(r"\d", match.group("time") or "")
    ):
        month = month_number(match.group("m"))
        day = int(match.group("d"))
        if match.group("y"):  # "February 30, 2012" raises: an impossible date, reported
            return on_day(date(int(match.group("y")), month, day))
        if context.anchor is None:
            return unresolved("month_day")
        return month_day(month, day, context)
    if month_year:
        month = month_number(month_year.group("m"))
        year_text = month_year.group("y")
        if year_text:
            year = (
                int(year_text)
                if len(year_text) == 4
                else two_digit_year(int(year_text[1:]), context)
            )
            return in_month(year, month)
        if context.anchor is None:
            return unresolved("month")
        candidates = [
            date(year, month, 1)
            for year in (context.anchor.year - 1, context.anchor.year, context.anchor.year + 1)
        ]
        first_of_anchor_month = context.anchor.replace(day=1)
        # A month told in the past tense is the last one of that name: "In July, the board
        # approved the merger" in a March story is last July.
        chosen = pick(candidates, first_of_anchor_month, context.tense)
        return in_month(chosen.year, month)
    return None


def year_forms(text: str, context: Context) -> TimeValue | None:
    """'1998', 'fiscal 1998', "'98", 'the 1990s', "the '90s", 'the 20th century'."""
    if match := re.fullmatch(r"(?:the )?(?:year |fiscal (?:year )?|fy ?|post-|pre-)?(\d{4})", text):
        year = int(match.group(1))  # "0735" is a clock time (0735 GMT), not a year
        return in_year(year) if 1000 <= year <= 2999 else None
    if match := re.fullmatch(r"(?:the )?(?:early |mid-?|late )?(\d{3})0'?s", text):
        return TimeValue(match.group(1), DATE)
    if match := re.fullmatch(r"(?:the )?'(\d)0s", text):
        decade = two_digit_year(int(match.group(1)) * 10, context)
        return TimeValue(f"{decade // 10:03d}", DATE)
    if match := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", text):
        return century_value(int(match.group(1)) - 1)
    if match := re.fullmatch(r"'(\d{2})", text):
        return in_year(two_digit_year(int(match.group(1)), context))
    return None


def numeric_date(text: str, context: Context) -> TimeValue | None:
    """'2012-03-09', '2012-03', '03/09/2012' (month first, unless the first number cannot be a
    month: '13/03/2012'). An impossible date ('2024-13-01', '02/30/2012') raises: it is reported,
    never read in another order."""
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return in_month(int(match.group(1)), _month(int(match.group(2))))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return on_day(date.fromisoformat(text))
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", text):
        first, second, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
        year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text), context)
        month, day = (second, first) if first > 12 else (first, second)
        return on_day(date(year, month, day))
    return None


def _month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not a month")
    return month


def before_common_era(text: str, context: Context) -> TimeValue | None:
    """'1274 BCE', 'the 5th century B.C.': before year 1, where no date of the chronology lies.
    Raises, so that it is reported instead of read as the year of the Common Era."""
    if re.search(r"\d.*\b(?:bce?|b\.c\.?(?:e\.?)?)$", text):
        raise ValueError("before the Common Era")
    return None


def with_trailing_year(text: str, context: Context) -> TimeValue | None:
    """Anything else that names a year ('Sept. 11, 2001, at 9 a.m.'): dateparser parses it,
    but only the parts the text names are kept, since dateparser fills the others from today
    ("noon 2012" is 2012, not today's month and day of 2012)."""
    year_match = re.search(r"\b[12]\d{3}\b", text)
    if not year_match:
        return None
    parsed = dates.parse_absolute(text)
    if parsed is None or parsed[0].year != int(year_match.group()):
        return None
    moment, period = parsed
    names_month = re.search(rf"\b{MONTH_PATTERN}(?![a-z])", text) is not None
    names_day = names_month and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text) is not None
    if period == "year" or not names_month:
        return in_year(moment.year)
    if period == "month" or not names_day:
        return in_month(moment.year, moment.month)
    return on_day(moment.date())
