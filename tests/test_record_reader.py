"""Reading a chronology back from its JSON record (for `timeline show FILE.json`)."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

from timeline_cli.core.models import Chronology
from timeline_cli.output.export import chronology_record, to_json
from timeline_cli.output.record_reader import (
    NotAChronology,
    RecordProblem,
    as_chronology,
    chronology_from_record,
    load_chronology,
    validate_record,
)


def test_the_seeds_record_reads_back_to_the_same_record(seeds_chronology: Chronology) -> None:
    chronology = seeds_chronology
    record = json.loads(to_json(chronology))
    again = chronology_from_record(record)
    assert chronology_record(again) == record
    assert [e.source_count for e in again.events] == [e.source_count for e in chronology.events]
    assert as_chronology(chronology) is chronology


def test_the_example_file_reads_back() -> None:
    text = (REPO / "examples" / "chronology.json").read_text(encoding="utf-8")
    assert to_json(chronology_from_record(json.loads(text))) == text


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"schema": "something-else", "version": 1},
        {"schema": "timeline-cli/chronology", "events": [{"id": "ev-1"}]},
        {"schema": "timeline-cli/chronology", "documents": [{"id": "a", "published": "May"}]},
        [],
    ],
)
def test_other_data_is_refused(record: object) -> None:
    with pytest.raises(ValueError, match="timeline-cli/chronology"):
        chronology_from_record(record)  # type: ignore[arg-type]


def test_an_empty_chronology() -> None:
    record = chronology_record(Chronology((), ()))
    assert chronology_from_record(record) == Chronology((), ())


def test_the_seeds_record_is_valid_and_every_problem_is_placed(
    seeds_chronology: Chronology,
) -> None:
    record = json.loads(to_json(seeds_chronology))
    validate_record(record)
    record["events"][2]["mentions"][0]["trigger_start"] = "7"
    with pytest.raises(RecordProblem) as problem:
        validate_record(record)
    assert str(problem.value).endswith(
        "chronology.events[2].mentions[0].trigger_start: a whole number of 0 or more expected, "
        "found a string"
    )


def test_unknown_fields_are_ignored_and_nullable_ones_may_be_missing() -> None:
    record = json.loads((REPO / "examples" / "chronology.json").read_text(encoding="utf-8"))
    record["generator"] = "another tool"
    for document in record["documents"]:
        del document["url"]
    validate_record(record)


def test_load_chronology_reads_saved_bytes() -> None:
    raw = (REPO / "examples" / "chronology.json").read_bytes()
    assert load_chronology(raw, "chronology.json", ".json").events


@pytest.mark.parametrize(
    ("raw", "suffix", "kind", "problem"),
    [
        (b"start,date\n2012-03-07,x\n", ".csv", "a CSV file", None),
        (b'{"a": 1}\n{"a": 2}\n', "", "JSON Lines (one object a line)", None),
        (b"PK\x03\x04\xff\xfe", "", "a ZIP file (an Excel workbook?)", None),
        (b"\xff\xfe not text", "", None, "not UTF-8 text (byte 0)"),
        (b'{"schema": 1', "", None, "not valid JSON (Expecting ',' delimiter, line 1, column 13)"),
    ],
)
def test_load_chronology_says_what_a_file_is_instead(
    raw: bytes, suffix: str, kind: str | None, problem: str | None
) -> None:
    with pytest.raises(NotAChronology) as caught:
        load_chronology(raw, "f", suffix)
    assert caught.value.kind == kind
    assert str(caught.value) == (f"f: {kind}, not a saved chronology" if kind else f"f: {problem}")
