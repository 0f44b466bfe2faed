"""Every output format by name (``serialize``, ``FORMATS``): each carries the event."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from factories import make_chronology, make_document, make_event, make_mention

from timeline_cli.output.writers import FORMATS, serialize

SUMMARY = "Harbor council approved the budget"
CHRONOLOGY = make_chronology(
    make_event(
        "2025-06-03",
        type="agreement",
        summary=SUMMARY,
        mentions=[make_mention("a", "The harbor council approved the budget on Tuesday.")],
    ),
    make_event(None, id="ev-2", summary="Dockers marched", mentions=[make_mention("a")]),
    documents=[make_document("a")],
)


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_holds_the_event(output_format: str) -> None:
    written = serialize(CHRONOLOGY, output_format)
    if output_format == "xlsx":  # its properties hold the time it was written
        assert isinstance(written, bytes)
        sheet = openpyxl.load_workbook(io.BytesIO(written)).active
        assert SUMMARY in {cell.value for row in sheet.iter_rows() for cell in row}
    else:
        assert isinstance(written, str)
        assert "Harbor council" in written
        assert written == serialize(CHRONOLOGY, output_format)  # deterministic


def test_json_and_jsonl_hold_every_event_in_order() -> None:
    record = json.loads(serialize(CHRONOLOGY, "json"))
    assert [event["id"] for event in record["events"]] == ["ev-1", "ev-2"]
    lines = str(serialize(CHRONOLOGY, "jsonl")).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["ev-1", "ev-2"]


def test_csv_has_one_row_an_event() -> None:
    text = str(serialize(CHRONOLOGY, "csv")).removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["summary"] for row in rows] == [SUMMARY, "Dockers marched"]


def test_the_table_is_plain_text_wide_enough_for_a_file() -> None:
    table = str(serialize(CHRONOLOGY, "table"))
    assert "\x1b[" not in table  # no terminal colours in a file
    assert any(SUMMARY in line for line in table.splitlines())  # not wrapped at 80 columns


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="not a format: yaml"):
        serialize(CHRONOLOGY, "yaml")
