"""The normalizer's rules, each on expressions quoted from real news sentences."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_cli.temporal.normalize import FUTURE, PAST, PRESENT, UNKNOWN, UNRESOLVED, normalize

WEDNESDAY = date(2012, 3, 7)  # a Korea Herald article's publication day
MAY_14 = date(2024, 5, 14)


def value_of(text: str, anchor: date | None, tense: str = UNKNOWN) -> str | None:
    result = normalize(text, anchor, tense)
    return result.value if result is not None else None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Monday", PAST, "2012-03-05"),  # "On Monday ... a U.S. congressman urged"
        ("Wednesday", PAST, "2012-03-07"),  # the publication day itself
        ("Friday", FUTURE, "2012-03-09"),  # "will meet ... on Friday"
        ("Friday", PAST, "2012-03-02"),
        ("Friday", UNKNOWN, "2012-03-09"),  # nearest
        ("Thursday", PRESENT, "2012-03-08"),
        ("last Friday", UNKNOWN, "2012-03-02"),
        ("next Wednesday", UNKNOWN, "2012-03-14"),
    ],
)
def test_weekday_direction_follows_tense(text: str, tense: str, expected: str) -> None:
    assert value_of(text, WEDNESDAY, tense) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("the 13th", PAST, "2024-05-13"),
        ("the 8th", PAST, "2024-05-08"),  # dateparser alone reads "the 8th" as August
        ("the 20th", PAST, "2024-04-20"),  # past and after the anchor's day: last month
        ("the 20th", FUTURE, "2024-05-20"),
        ("the 2nd", FUTURE, "2024-06-02"),
        ("the 26th of last month", PAST, "2024-04-26"),
        ("the 3rd of next month", UNKNOWN, "2024-06-03"),
    ],
)
def test_day_of_month(text: str, tense: str, expected: str) -> None:
    assert value_of(text, MAY_14, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected", "mod"),
    [
        ("October last year", "2023-10", None),
        ("last October", "2023-10", None),
        ("the end of this month", "2024-05", "END"),
        ("later this year", "2024", None),
        ("earlier this year", "2024", None),
        ("last month", "2024-04", None),
        ("next year", "2025", None),
        ("last week", "2024-W19", None),
        ("early next year", "2025", "START"),
        ("mid-2023", "2023", "MID"),
        ("yesterday", "2024-05-13", None),
        ("tomorrow", "2024-05-15", None),
        ("three days ago", "2024-05-11", None),
        ("two years ago", "2022", None),
        ("the first quarter", "2024-Q1", None),
        ("the second half of last year", "2023-H2", None),
        ("last summer", "2023-SU", None),
        ("the 1990s", "199", None),
        ("the 20th century", "19", None),
        ("1951", "1951", None),
        ("March 7, 2012", "2012-03-07", None),
        ("7 March 2012", "2012-03-07", None),
        ("October 2023", "2023-10", None),
        ("2012-03-09", "2012-03-09", None),
    ],
)
def test_relative_and_absolute_forms(text: str, expected: str, mod: str | None) -> None:
    result = normalize(text, MAY_14, PAST)
    assert result is not None
    assert (result.value, result.mod) == (expected, mod)


def test_month_without_year_takes_year_from_tense() -> None:
    assert value_of("June", date(2012, 3, 9), FUTURE) == "2012-06"
    assert value_of("November", date(2012, 3, 9), PAST) == "2011-11"
    assert value_of("March 9", date(2012, 3, 9), UNKNOWN) == "2012-03-09"


def test_past_tense_day_reaches_back_at_most_eight_months() -> None:
    # "said the dividend is payable Dec. 7" in late October means this December.
    assert value_of("Dec. 7", date(1989, 10, 27), PAST) == "1989-12-07"
    assert value_of("Oct. 23", date(1999, 5, 6), PAST) == "1998-10-23"


def test_past_tense_month_is_the_last_one_of_that_name() -> None:
    # "In July, the board approved the merger", told in March: last July.
    assert value_of("July", date(2024, 3, 14), PAST) == "2023-07"
    assert value_of("June", date(2012, 3, 9), PAST) == "2011-06"
    assert value_of("February", date(2012, 3, 9), PAST) == "2012-02"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two-day", "P2D"),
        ("nearly three years", "P3Y"),
        ("four-hour", "PT4H"),
        ("the past three years", "P3Y"),
        ("a week", "P1W"),
        ("months", "PXM"),
    ],
)
def test_durations_are_not_dates(text: str, value: str) -> None:
    result = normalize(text, WEDNESDAY, PAST)
    assert result is not None
    assert (result.type, result.value) == ("DURATION", value)
    assert not result.is_calendar


@pytest.mark.parametrize(
    ("text", "value"), [("weekly", "P1W"), ("every Monday", "XXXX-WXX-1"), ("each year", "P1Y")]
)
def test_frequencies_are_sets(text: str, value: str) -> None:
    result = normalize(text, WEDNESDAY)
    assert result is not None
    assert (result.type, result.value) == ("SET", value)


def test_times_of_day() -> None:
    assert value_of("this morning", WEDNESDAY) == "2012-03-07TMO"
    assert value_of("3 p.m.", WEDNESDAY) == "2012-03-07T15:00"


def test_a_24_hour_clock_without_its_colon_is_known_by_its_zone() -> None:
    assert value_of("0400 GMT", WEDNESDAY) == "2012-03-07T04:00"
    assert value_of("1430 hrs", WEDNESDAY) == "2012-03-07T14:30"
    assert value_of("1430", WEDNESDAY) == "1430"  # without a zone, a year


def test_references() -> None:
    assert value_of("recently", WEDNESDAY) == "PAST_REF"
    assert value_of("now", WEDNESDAY) == "PRESENT_REF"
    assert value_of("the future", WEDNESDAY) == "FUTURE_REF"


@pytest.mark.parametrize(
    "text", ["the 13th", "Friday", "last month", "yesterday", "June", "October last year"]
)
def test_relative_expressions_without_anchor_stay_unresolved(text: str) -> None:
    assert value_of(text, None, PAST) == UNRESOLVED


def test_absolute_dates_need_no_anchor() -> None:
    assert value_of("March 7, 2012", None) == "2012-03-07"
    assert value_of("1998", None) == "1998"


def test_narrative_reference_for_that_day() -> None:
    result = normalize("the next day", MAY_14, PAST, reference=date(2024, 5, 8))
    assert result is not None and result.value == "2024-05-09"
    unanchored = normalize("that morning", MAY_14, PAST, reference=None)
    assert unanchored is not None and unanchored.value == UNRESOLVED


@pytest.mark.parametrize("text", ["February 30, 2012", "the 31st of last month", "year 99999"])
def test_impossible_dates_give_no_value(text: str) -> None:
    # 2024-05-14: "last month" is April, which has no 31st.
    result = normalize(text, MAY_14, PAST)
    assert result is None or not result.is_calendar


def test_ages_are_not_times() -> None:
    result = normalize("58-year-old", WEDNESDAY)
    assert result is not None and result.type == "NONE"


def test_rule_name_is_recorded() -> None:
    result = normalize("the 8th", MAY_14, PAST)
    assert result is not None and result.rule == "day_of_month"
