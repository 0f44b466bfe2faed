"""Dates, headings and links shown the same way by every renderer (output/labels.py)."""

from __future__ import annotations

import locale
from dataclasses import replace
from datetime import date

import pytest
from factories import make_event

from timeline_cli.core.models import ChronologyEvent, KeyDay
from timeline_cli.output.labels import (
    date_display,
    date_label,
    day_label,
    event_date_label,
    events_from_articles,
    period_heading,
    value_label,
    web_url,
)


def dated(value: str | None) -> ChronologyEvent:
    """An event on a TimeML value, at that value's precision (undated without one)."""
    return make_event(value, summary="The council met.", mentions=[])


@pytest.mark.parametrize(
    ("value", "label", "heading"),
    [
        ("2012-03-09", "9 Mar 2012", "March 2012"),
        ("2012-03-09T14:30", "9 Mar 2012, 14:30", "March 2012"),
        ("2012-02", "Feb 2012", "February 2012"),
        ("2012-W10", "week of 5 Mar 2012", "March 2012"),
        ("2012-Q1", "Q1 2012", "Q1 2012"),
        ("2012-H2", "H2 2012", "H2 2012"),
        ("2012-SU", "Summer 2012", "Summer 2012"),
        ("2012", "2012", "2012, month unknown"),
        ("199", "1990s", "1990s"),
        ("19", "20th century", "20th century"),
        (None, "undated", "Undated"),
    ],
)
def test_a_date_and_its_heading_at_its_precision(
    value: str | None, label: str, heading: str
) -> None:
    event = dated(value)
    assert event_date_label(event) == (label, None)
    assert period_heading(event) == heading
    if value:
        assert value_label(value) == label


def test_notes_go_beside_the_date() -> None:
    reported = replace(dated("2012-03-09"), precision="publication")
    assert event_date_label(reported) == ("9 Mar 2012", "as reported")
    assert date_display(reported) == "9 Mar 2012 (as reported)"
    assert period_heading(reported) == "March 2012"


def test_a_stretch_shows_its_end_at_the_end_s_precision() -> None:
    assert date_label(replace(dated("2010"), end_date="2014-01")) == "2010 to Jan 2014"
    assert date_label(replace(dated("2010"), end_date="2014-Q1")) == "2010 to Q1 2014"
    assert date_label(replace(dated("2010"), end_date="FUTURE_REF")) == "2010 to FUTURE_REF"


def test_a_value_with_no_fixed_days_is_shown_as_it_is() -> None:
    assert value_label("PAST_REF") == "PAST_REF"


def test_month_names_do_not_follow_the_locale() -> None:
    saved = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip("no German, French or Spanish locale installed")
    try:
        assert day_label(date(2012, 5, 3)) == "3 May 2012"
        assert period_heading(dated("2012-05-03")) == "May 2012"
    finally:
        locale.setlocale(locale.LC_TIME, saved)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        (" https://example.org/a?b=1 ", "https://example.org/a?b=1"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ('https://example.org/"onmouseover=x', None),
        ("/home/reporter/article.html", None),
        (None, None),
    ],
)
def test_only_web_addresses_are_linked(url: str | None, linked: str | None) -> None:
    assert web_url(url) == linked


def test_the_count_of_events_says_what_an_event_stands_for() -> None:
    one = dated("2012-03-09")
    assert events_from_articles([one], 1) == "1 event from 1 article"
    assert events_from_articles([one, one], 3) == "2 events from 3 articles"
    keyed = replace(one, key=KeyDay(rank=1, score=2.0, sources=2))
    assert events_from_articles([keyed], 2) == (
        "1 key date from 2 articles, each by its best-supported event"
    )
