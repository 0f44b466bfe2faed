from __future__ import annotations

from dataclasses import replace

import pytest
from factories import make_chronology, make_event, make_mention
from rich.console import Console

from timeline_cli.core.models import ChronologyEvent, DateConflict
from timeline_cli.output.table import format_date, render


def chronology_event(value: str | None, precision: str) -> ChronologyEvent:
    return make_event(
        value, precision, summary="Kim met Clinton", actors=("Kim Sung-hwan", "Hillary Clinton"),
        places=("Washington",), mentions=[make_mention("a", "Kim met Clinton.")],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "precision", "label"),
    [
        ("2012-03-09", "day", "9 Mar 2012"),
        ("2012-03-09", "publication", "9 Mar 2012\nas reported"),
        ("2012-02", "month", "Feb 2012"),
        ("2012", "year", "2012"),
        ("2012-W10", "week", "week of 5 Mar 2012"),
        ("2012-Q1", "quarter", "Q1 2012"),
        ("2012-SU", "season", "Summer 2012"),
        ("199", "decade", "1990s"),
        (None, "unresolved", "undated"),
    ],
)
def test_dates_are_shown_at_their_precision(value: str | None, precision: str, label: str) -> None:
    assert format_date(chronology_event(value, precision)) == label


def test_conflicts_are_flagged() -> None:
    event = replace(
        chronology_event("2012-03-09", "day"), conflicts=(DateConflict("2012-03-08", ("c",)),)
    )
    console = Console(record=True, width=120, color_system=None)
    render(console, make_chronology(event))
    assert "2012-03-08 according to c" in console.export_text()


def test_table_shows_event_actors_place_and_summary_line() -> None:
    console = Console(record=True, width=120, color_system=None)
    chronology = make_chronology(chronology_event("2012-03-09", "day"))
    render(console, chronology, skipped=2)
    text = console.export_text()
    for expected in ("9 Mar 2012", "Kim met Clinton", "Hillary Clinton", "in Washington"):
        assert expected in text
    assert "1 event(s)" in text and "2 file(s) skipped" in text


def test_the_table_shows_the_headline_and_notes_corrections() -> None:
    event = replace(
        chronology_event("2012-03-09", "day"),
        headline="Clinton meets Kim Sung-hwan in Washington",
        corrections=("date set to 2012-03-09 (was 2012-03-08)",),
    )
    console = Console(record=True, width=120, color_system=None)
    render(console, make_chronology(event))
    text = console.export_text()
    assert "Clinton meets Kim Sung-hwan in Washington" in text
    assert "✎ date set to 2012-03-09 (was 2012-03-08)" in text


def test_at_80_columns_names_stay_whole_and_every_line_fits() -> None:
    actors = ("Kim Sung-hwan", "Hillary Clinton", "United Nations Security Council", "Ri Yong-ho")
    event = replace(
        chronology_event("2012-03-09", "day"),
        headline="Kim Sung-hwan meets Hillary Clinton at the State Department in Washington",
        actors=actors,
        places=("Washington, D.C.",),
    )
    console = Console(record=True, width=80, color_system=None)
    render(console, make_chronology(event))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Type" not in lines[1] and "Actors" not in lines[1]  # fewer columns
    text = "\n".join(lines)
    for name in (*actors, "in Washington, D.C.", "meeting"):
        assert name in text  # on one line each
