"""Exporters: the conflict flag in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from timeline_cli.export import spreadsheet_cell, to_csv, to_json, to_jsonl
from timeline_cli.models import Chronology, ChronologyEvent, DateConflict, Mention

EVENT = ChronologyEvent(
    id="ev-1",
    date="2012-03-09",
    precision="day",
    start=date(2012, 3, 9),
    end=date(2012, 3, 9),
    type="meeting",
    summary="Kim met Clinton",
    actors=("Kim Sung-hwan", "Hillary Clinton"),
    places=("Washington",),
    mentions=(Mention("a", "Kim met Clinton on Friday.", 0, 26, "met", "Friday", "weekday"),),
    conflicts=(DateConflict("2012-03-08", ("c",)),),
)
CHRONOLOGY = Chronology((), (EVENT,))


def test_json_and_jsonl_carry_conflicts() -> None:
    record = json.loads(to_json(CHRONOLOGY))["events"][0]
    assert record["conflicts"] == [{"date": "2012-03-08", "documents": ["c"]}]
    assert json.loads(to_jsonl(CHRONOLOGY.events))["conflicts"] == record["conflicts"]


def test_csv_row() -> None:
    (row,) = list(csv.DictReader(io.StringIO(to_csv(CHRONOLOGY.events))))
    assert row["actors"] == "Kim Sung-hwan; Hillary Clinton"
    assert row["source_count"] == "1" and row["evidence"] == "Kim met Clinton on Friday."
    assert row["conflicts"] == "2012-03-08 (c)"


def test_spreadsheet_cells_quote_formulas_and_show_controls() -> None:
    assert spreadsheet_cell("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheet_cell("\t=1") == "'\\x09=1"
    assert spreadsheet_cell("Kim met Clinton - twice") == "Kim met Clinton - twice"
    assert spreadsheet_cell("2012-03-09") == "2012-03-09"
