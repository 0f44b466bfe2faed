from __future__ import annotations

from datetime import date

import pytest

from timeline_cli.core.timevalue import TimeValue, value_interval, value_precision


@pytest.mark.parametrize(
    ("value", "precision", "interval"),
    [
        ("2012-03-05", "day", (date(2012, 3, 5), date(2012, 3, 5))),
        ("2012-02", "month", (date(2012, 2, 1), date(2012, 2, 29))),
        ("2012", "year", (date(2012, 1, 1), date(2012, 12, 31))),
        ("2012-W10", "week", (date(2012, 3, 5), date(2012, 3, 11))),
        ("2012-Q1", "quarter", (date(2012, 1, 1), date(2012, 3, 31))),
        ("2012-H2", "half", (date(2012, 7, 1), date(2012, 12, 31))),
        ("2012-WI", "season", (date(2012, 12, 1), date(2013, 2, 28))),
        ("199", "decade", (date(1990, 1, 1), date(1999, 12, 31))),
        ("19", "century", (date(1900, 1, 1), date(1999, 12, 31))),
        ("2012-03-07T21:28", "time", (date(2012, 3, 7), date(2012, 3, 7))),
    ],
)
def test_precision_and_interval(value: str, precision: str, interval: tuple[date, date]) -> None:
    assert value_precision(value) == precision
    assert value_interval(value) == interval


def test_impossible_values_cover_no_days() -> None:
    assert value_interval("2012-02-30") is None
    assert value_interval("PAST_REF") is None


def test_durations_are_not_calendar_positions() -> None:
    assert not TimeValue("P3Y", "DURATION").is_calendar
    assert TimeValue("2012-03", "DATE").is_calendar
