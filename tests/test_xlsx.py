"""The Excel workbook, read back with openpyxl: real date cells, text that stays text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
from factories import make_event, make_mention
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.core.models import ChronologyEvent, Document, Publication
from timeline_cli.output.export import CSV_COLUMNS
from timeline_cli.output.xlsx import MAX_CELL_CHARS, to_xlsx

EVENT = make_event(
    "2012-03-09",
    summary='=HYPERLINK("https://evil.example","click")',
    actors=("Kim Sung-hwan", "Hillary Clinton"),
    places=("Washington",),
    mentions=(
        make_mention("a", "Kim met Clinton on Friday.", date_text="Friday", date_rule="weekday"),
        make_mention("b", "They met\x1b[2J again."),
    ),
)
MONTH = replace(
    EVENT, id="ev-2", date="2012-02", precision="month", start=date(2012, 2, 1),
    end=date(2012, 2, 29), summary="Talks in February",
)  # fmt: skip
UNDATED = replace(
    EVENT, id="ev-3", date=None, precision="unknown", start=None, end=None, summary="Undated"
)
DOCUMENTS = (
    Document("a", "a.txt", "", "", (), "Kim “meets” Clinton", Publication(date(2012, 3, 9))),
    Document("b", "b.txt", "", "", ()),
)


def sheet(*events: ChronologyEvent) -> openpyxl.worksheet.worksheet.Worksheet:
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(events, DOCUMENTS)))
    return workbook.active


def column(worksheet: openpyxl.worksheet.worksheet.Worksheet, name: str) -> list[object]:
    index = CSV_COLUMNS.index(name) + 1
    return [row[0].value for row in worksheet.iter_rows(min_row=2, min_col=index, max_col=index)]


def test_start_and_end_are_date_cells() -> None:
    worksheet = sheet(MONTH, EVENT, UNDATED)
    assert [cell.value for cell in worksheet[1]] == list(CSV_COLUMNS)
    starts = [row[0] for row in worksheet.iter_rows(min_row=2, max_col=1)]
    assert [cell.value for cell in starts] == [datetime(2012, 2, 1), datetime(2012, 3, 9), None]
    assert all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in starts[:2])
    assert column(worksheet, "end")[:2] == [datetime(2012, 2, 29), datetime(2012, 3, 9)]
    assert column(worksheet, "date") == ["Feb 2012", "9 Mar 2012", "undated"]
    assert column(worksheet, "source_count") == [2, 2, 2]  # a number, not text
    assert worksheet.freeze_panes == "A2" and worksheet.auto_filter.ref


def test_text_stays_text_and_controls_are_visible() -> None:
    worksheet = sheet(EVENT)
    summary = worksheet.cell(row=2, column=CSV_COLUMNS.index("summary") + 1)
    assert summary.data_type == "s" and summary.value == EVENT.summary  # never a formula
    assert column(worksheet, "evidence") == [
        "Kim met Clinton on Friday. (a)\nThey met\\x1b[2J again. (b)"
    ]
    assert column(worksheet, "titles") == ["Kim “meets” Clinton\n"]
    assert column(worksheet, "published") == ["2012-03-09\n"]


def test_a_cell_longer_than_excel_holds_is_cut_with_a_note() -> None:
    long = replace(EVENT, summary="word " * 10_000)
    (value,) = column(sheet(long), "summary")
    assert isinstance(value, str) and len(value) <= MAX_CELL_CHARS
    assert value.endswith("characters in all: the JSON has every one)")


def test_extract_writes_a_workbook_from_the_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Talks\n\nMarch 9, 2012\n\nKim Sung-hwan met Hillary Clinton in Washington on Friday, "
        "officials said.\n",
        encoding="utf-8",
    )
    output = tmp_path / "out" / "chronology.xlsx"
    output.parent.mkdir()
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(output)])
    assert result.exit_code == 0, result.output
    worksheet = openpyxl.load_workbook(output).active
    assert worksheet["A2"].is_date and worksheet["A2"].value == datetime(2012, 3, 9)
