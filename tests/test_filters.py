"""Filters on hand-built chronologies, and through the command on the seeds."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from factories import make_event, make_mention
from typer.testing import CliRunner

from timeline_cli.chronology.filters import EventFilter, apply_filter, parse_bound
from timeline_cli.cli.app import app
from timeline_cli.core.models import Actor, Chronology, ChronologyEvent


def chronology_event(
    value: str | None, event_type: str, actors: tuple[str, ...], docs: int
) -> ChronologyEvent:
    mentions = [make_mention(f"doc{i}", "A sentence.") for i in range(docs)]
    return make_event(
        value, id=f"ev-{value}-{event_type}", type=event_type, summary="summary", actors=actors,
        mentions=mentions,
    )  # fmt: skip


CHRONOLOGY = Chronology(
    documents=(),
    events=(
        chronology_event("2012-02", "visit", ("Glyn Davies",), 1),
        chronology_event("2012-03-09", "meeting", ("Kim Sung-hwan", "Hillary Clinton"), 2),
        chronology_event("2024-05-13", "meeting", ("Cho Tae-yul", "Wang Yi"), 1),
        chronology_event(None, "statement", ("Cho Tae-yul",), 1),
    ),
    actors=(Actor("Cho Tae-yul", "PERSON", aliases=("Cho Tae-yeol",)),),
)


def dates(event_filter: EventFilter) -> list[str | None]:
    return [event.date for event in apply_filter(CHRONOLOGY, event_filter).events]


def test_each_filter() -> None:
    assert dates(EventFilter(types=("meeting",))) == ["2012-03-09", "2024-05-13"]
    assert dates(EventFilter(actors=("clinton",))) == ["2012-03-09"]  # a word of the name
    assert dates(EventFilter(actors=("Cho Tae-yeol",))) == ["2024-05-13", None]  # an alias
    assert dates(EventFilter(min_sources=2)) == ["2012-03-09"]
    assert dates(EventFilter(documents=("doc1",))) == ["2012-03-09"]


def test_date_bounds_overlap_and_drop_undated_events() -> None:
    since = parse_bound("2012-02-15", end=False)
    assert dates(EventFilter(since=since, until=parse_bound("2012", end=True))) == [
        "2012-02",  # February overlaps a bound inside it
        "2012-03-09",
    ]


def test_filters_combine_with_and() -> None:
    combined = EventFilter(types=("meeting",), actors=("Cho",), since=date(2020, 1, 1))
    assert dates(combined) == ["2024-05-13"]


@pytest.mark.parametrize("text", ["yesterday", "2012-13", "12/03/2012"])
def test_bad_bounds_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_bound(text, end=False)


def test_filters_apply_to_every_format(seeds: Path) -> None:
    runner = CliRunner()
    arguments = ["extract", str(seeds), "--type", "meeting", "--actor", "Clinton", "--quiet"]
    as_json = json.loads(runner.invoke(app, [*arguments, "--format", "json"]).stdout)
    assert [e["date"] for e in as_json["events"]] == ["2012-03-09"]
    lines = runner.invoke(app, [*arguments, "--format", "jsonl"]).stdout.splitlines()
    assert len(lines) == 1
    text = runner.invoke(app, [*arguments, "--format", "csv"]).stdout
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 2 and rows[1][:3] == ["2012-03-09", "9 Mar 2012", "day"]
    table = runner.invoke(app, [*arguments, "--no-color"]).stdout
    assert "9 Mar 2012" in table and "13 May 2024" not in table


def test_bad_filter_values_are_usage_errors(seeds: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(seeds), "--type", "party"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(seeds), "--since", "last week"]).exit_code == 2


def test_type_filter_takes_a_subtype() -> None:
    from dataclasses import replace

    from timeline_cli.chronology.filters import keeps

    other = chronology_event("2012-03-05", "other", ("Kim",), 1)
    charge = replace(other, id="ev-charge", subtype="charge")
    only_charges = EventFilter(types=("charge",))
    assert [e.id for e in (charge, other) if keeps(only_charges, e)] == ["ev-charge"]
