"""One test per normalization rule family, on expressions quoted from news (TimeBank style)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_cli.core.timevalue import TimeValue
from timeline_cli.temporal.normalize import FUTURE, PAST, normalize
from timeline_cli.temporal.rules.base import add_months, nearest_weekdays
from timeline_cli.temporal.wordlists import holidays

OCT_27_1989 = date(1989, 10, 27)  # a Friday: Wall Street Journal earnings season
JAN_14_1998 = date(1998, 1, 14)  # a Wednesday


def value(text: str, anchor: date | None = OCT_27_1989, tense: str = PAST, **context) -> str:
    result = normalize(text, anchor, tense, **context)
    assert result is not None, text
    return result.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("third-quarter", "1989-Q3"),  # "third-quarter profit" in October: this year's
        ("the fourth quarter", "1989-Q4"),  # begun on October 1st
        ("this year's third quarter", "1989-Q3"),
        ("last year's fourth quarter", "1988-Q4"),
        ("the 1988 second quarter", "1988-Q2"),
        ("the first half", "1989-H1"),
        ("Q2 2011", "2011-Q2"),
        ("the quarter", "1989-Q3"),  # the last completed quarter
        ("the latest quarter", "1989-Q3"),
        ("the year-ago quarter", "1988-Q3"),
    ],
)
def test_quarters_and_halves(text: str, expected: str) -> None:
    assert value(text) == expected


def test_quarter_in_january_is_last_years() -> None:
    assert value("the fourth quarter", JAN_14_1998) == "1997-Q4"


def test_a_year_earlier_in_a_story_about_a_quarter() -> None:
    focus = TimeValue("1989-Q3")
    assert value("a year earlier", focus_quarter=focus) == "1988-Q3"
    assert value("a year earlier") == "1988"  # no quarter named: a plain year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanksgiving Day", "1989-11-23"),  # past tense reaches back 8 months at most
        ("last Thanksgiving", "1988-11-24"),
        ("Christmas 1997", "1997-12-25"),
        ("Election Day", "1989-11-07"),
        ("Easter 2000", "2000-04-23"),
        ("Easter week 2000", "2000-W16"),
    ],
)
def test_holidays(text: str, expected: str) -> None:
    assert value(text) == expected


def test_holiday_follows_tense() -> None:
    assert value("Thanksgiving", OCT_27_1989, FUTURE) == "1989-11-23"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Memorial Day 2024", "2024-05-27"),  # the last Monday of May, May 31 a Friday
        ("Memorial Day 2021", "2021-05-31"),  # ... May 31 itself a Monday
        ("Labor Day 2023", "2023-09-04"),  # the first Monday of September
        ("Labor Day 2025", "2025-09-01"),
        ("Thanksgiving 2024", "2024-11-28"),  # the fourth Thursday, not the last (Nov. 28)
        ("Thanksgiving 2018", "2018-11-22"),  # November 1 a Thursday
        ("Election Day 2020", "2020-11-03"),  # the Tuesday after the first Monday
        ("Election Day 2022", "2022-11-08"),  # November 1 a Tuesday: a week later
        ("Good Friday 2024", "2024-03-29"),
        ("Easter Sunday 2019", "2019-04-21"),
        ("Easter Monday 2025", "2025-04-21"),
        ("Christmas Eve 2012", "2012-12-24"),
    ],
)
def test_holidays_computed_from_their_rules(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize("name", sorted(holidays()))
def test_every_holiday_falls_in_the_year_said(name: str) -> None:
    for year in (1999, 2000, 2024, 2031):
        result = normalize(f"{name} {year}", OCT_27_1989, PAST)
        assert result is not None and result.type == "DATE", name
        assert result.value.startswith(f"{year}-"), (name, result.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last year's Christmas", "1988-12-25"),
        ("this year's Halloween", "1989-10-31"),
        ("this year's Christmas", "1989-12-25"),  # ahead of the anchor all the same
    ],
)
def test_a_holiday_of_a_year_named_from_the_anchor(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(1989, 10, 31), 1, (1989, 11)),  # no November 31: the month is what counts
        (date(1989, 1, 15), -1, (1988, 12)),
        (date(1989, 10, 27), 27, (1992, 1)),
        (date(1989, 10, 27), -22, (1987, 12)),
    ],
)
def test_add_months(day: date, months: int, expected: tuple[int, int]) -> None:
    assert add_months(day, months) == expected


def test_nearest_weekdays_around_a_day() -> None:
    friday = OCT_27_1989
    assert nearest_weekdays(friday, 0) == [date(1989, 10, 23), date(1989, 10, 30)]
    assert nearest_weekdays(friday, 4) == [friday, friday]  # the day itself, both ways
    assert nearest_weekdays(friday, 4, strictly=True) == [date(1989, 10, 20), date(1989, 11, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nineteen ninety-six", "1996"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the year two thousand", "2000"),
        ("the nineties", "199"),
        ("the winter of nineteen ninety-four", "1994-WI"),
    ],
)
def test_spoken_years(text: str, expected: str) -> None:
    assert value(text, JAN_14_1998) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("noon Thursday", PAST, "1989-10-26T12:00"),
        ("9 a.m. EST Tuesday", FUTURE, "1989-10-31T09:00"),
        ("5 p.m. EST Nov. 9", PAST, "1989-11-09T17:00"),  # a deadline ahead, see reach
        ("midnight Friday", PAST, "1989-10-27T24:00"),
        ("mid-afternoon yesterday", PAST, "1989-10-26TAF"),
        ("last night", PAST, "1989-10-26TNI"),
        ("4 in the morning", PAST, "1989-10-27T04:00"),
    ],
)
def test_times_on_days(text: str, tense: str, expected: str) -> None:
    result = normalize(text, OCT_27_1989, tense)
    assert result is not None and (result.type, result.value) == ("TIME", expected)


def test_weekday_with_part_of_day_is_dated_by_the_day() -> None:
    result = normalize("Wednesday night", OCT_27_1989, PAST)
    assert result is not None and (result.type, result.value) == ("DATE", "1989-10-25")


def test_clock_time_falls_on_the_narrative_day() -> None:
    assert value("10 p.m.", reference=date(1989, 10, 23)) == "1989-10-23T22:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Monday, Oct. 26", "1998-10-26"), ("this coming Sunday, March eighth", "1998-03-08")],
)
def test_weekday_with_date_takes_the_date(text: str, expected: str) -> None:
    assert value(text, date(1998, 3, 3), FUTURE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("Mondays", "XXXX-WXX-1"),
        ("the past three summers", "XXXX-SU"),
        ("every day", "P1D"),
        ("daily", "P1D"),
    ],
)
def test_recurrences_are_sets(text: str, expected: str) -> None:
    result = normalize(text, OCT_27_1989)
    assert result is not None and (result.type, result.value) == ("SET", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("several years", "PXY"),
        ("a few minutes", "PTXM"),
        ("2 1/2 years", "P2Y6M"),
        ("5 1/2 hours", "PT5H30M"),
        ("a minute and a half", "PT1M30S"),
        ("two decades", "P20Y"),
        ("the next three quarters", "P9M"),
        ("at least 72 hours", "PT72H"),
        ("the first nine months", "P9M"),
        ("16-hour", "PT16H"),
        ("recent years", "PXY"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    result = normalize(text, OCT_27_1989)
    assert result is not None and (result.type, result.value) == ("DURATION", expected)


def test_vague_ago_is_a_reference_not_a_year() -> None:
    assert value("several years ago") == "PAST_REF"
    assert value("a decade ago") == "1979"


@pytest.mark.parametrize(
    ("text", "expected", "mod"),
    [
        ("year-end", "1989", "END"),
        ("the fiscal year", "1989", None),
        ("the end of the month", "1989-10", "END"),
        ("sometime next year", "1990", None),
        ("just last month", "1989-09", None),
        ("last year's", "1988", None),
    ],
)
def test_business_periods_and_hedges(text: str, expected: str, mod: str | None) -> None:
    result = normalize(text, OCT_27_1989, PAST)
    assert result is not None and (result.value, result.mod) == (expected, mod)


def test_weekend_follows_tense() -> None:
    assert value("the weekend", JAN_14_1998, PAST) == "1998-W02-WE"
    assert value("the weekend", JAN_14_1998, FUTURE) == "1998-W03-WE"


def test_that_year_uses_the_narrative() -> None:
    assert value("that year", previous=TimeValue("1988-06")) == "1988"


def test_not_a_year() -> None:
    assert normalize("0735", OCT_27_1989) is None  # "(0735 GMT)"


@pytest.mark.parametrize(
    ("text", "expected", "mod"),
    [
        ("the fiscal first quarter", "1989-Q1", None),
        ("the year-ago third quarter", "1988-Q3", None),
        ("the quarter a year ago", "1988-Q3", None),
        ("the previous Friday", "1989-10-20", None),
        ("the near future", "FUTURE_REF", None),
        ("the early summer", "1989-SU", "START"),
    ],
)
def test_more_business_and_narrative_forms(text: str, expected: str, mod: str | None) -> None:
    result = normalize(text, OCT_27_1989, PAST)
    assert result is not None and (result.value, result.mod) == (expected, mod)


def test_a_doubled_article_and_a_deadline_ahead() -> None:
    # "The offer is scheduled to expire at the the end of November" (a wire typo kept).
    result = normalize("the the end of November", OCT_27_1989, FUTURE)
    assert result is not None and (result.value, result.mod) == ("1989-11", "END")


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("before March 2013", "BEFORE"),
        ("after June 5, 2012", "AFTER"),
        ("about a week", "APPROX"),
        ("some 20 years", "APPROX"),
        ("no later than Friday", "ON_OR_BEFORE"),
        ("the very beginning of the year", "START"),
        ("the very middle of the year", "MID"),
        ("mid-1990", "MID"),
        ("the late-1990s", "END"),
    ],
)
def test_modifiers_in_the_text(text: str, mod: str) -> None:
    result = normalize(text, OCT_27_1989, PAST)
    assert result is not None and result.mod == mod


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last Oct. 23", "1989-10-23"),  # said outright: the latest one
        ("next Oct. 23", "1990-10-23"),
        ("the night of Oct. 23", "1989-10-23"),
        ("the week of March 6", "1989-W10"),
        ("this past spring", "1989-SP"),
    ],
)
def test_said_directions_and_framed_days(text: str, expected: str) -> None:
    assert value(text, OCT_27_1989, PAST) == expected
