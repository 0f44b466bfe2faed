"""Exporters: the conflict flag in every format."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from factories import make_chronology, make_event, make_mention

from timeline_cli.core.models import (
    DateConflict,
    Document,
    Publication,
)
from timeline_cli.output.export import CSV_COLUMNS, spreadsheet_cell, to_csv, to_json, to_jsonl

ON_FRIDAY = make_mention("a", "Kim met Clinton on Friday.", date_text="Friday", date_rule="weekday")
EVENT = make_event(
    "2012-03-09",
    summary="Kim met Clinton",
    actors=("Kim Sung-hwan", "Hillary Clinton"),
    places=("Washington",),
    mentions=[ON_FRIDAY],
    conflicts=(DateConflict("2012-03-08", ("c",)),),
)
CHRONOLOGY = make_chronology(EVENT)


def test_json_and_jsonl_carry_conflicts() -> None:
    record = json.loads(to_json(CHRONOLOGY))["events"][0]
    assert record["conflicts"] == [{"date": "2012-03-08", "documents": ["c"]}]
    assert json.loads(to_jsonl(CHRONOLOGY.events))["conflicts"] == record["conflicts"]


def test_csv_row() -> None:
    (row,) = list(csv.DictReader(io.StringIO(to_csv(CHRONOLOGY.events))))
    assert row["actors"] == "Kim Sung-hwan; Hillary Clinton"
    assert row["source_count"] == "1" and row["evidence"] == "Kim met Clinton on Friday. (a)"
    assert row["conflicts"] == "2012-03-08 (c)"


def test_spreadsheet_cells_quote_formulas_and_show_controls() -> None:
    assert spreadsheet_cell("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheet_cell("\t=1") == "'\\x09=1"
    assert spreadsheet_cell("Kim met Clinton - twice") == "Kim met Clinton - twice"
    assert spreadsheet_cell("2012-03-09") == "2012-03-09"


# --- the CSV a spreadsheet reads ---------------------------------------------------------------

WIRE = Document(
    "a", "a.txt", "", "", (), "Kim “meets” Clinton",
    Publication(date(2012, 3, 9), "header"), "https://example.org/a", "AP",
)  # fmt: skip
LOCAL = Document("b", "b.txt", "", "", (), None, Publication(date(2012, 3, 10), "option"))
TOLD_TWICE = replace(
    EVENT,
    conflicts=(),
    mentions=(
        ON_FRIDAY,
        make_mention("b", "=Kim and Clinton met, officials said."),
    ),
)
MONTH = make_event(
    "2012-02", id="ev-2", summary=EVENT.summary, actors=EVENT.actors, places=EVENT.places,
    mentions=EVENT.mentions,
)  # fmt: skip
UNDATED = replace(MONTH, id="ev-3", date=None, precision="unresolved", start=None, end=None)


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # a UTF-8 byte order mark: spreadsheets read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_starts_with_an_iso_day_then_the_date_as_read_and_its_precision() -> None:
    text = to_csv([MONTH, EVENT, UNDATED])
    assert text.removeprefix("\ufeff").split("\n", 1)[0].split(",")[:3] == [
        "start", "date", "precision",
    ]  # fmt: skip
    rows = csv_rows(text)
    assert [(r["start"], r["date"], r["precision"]) for r in rows] == [
        ("2012-02-01", "Feb 2012", "month"),  # a day, whatever the precision: sortable
        ("2012-03-09", "9 Mar 2012", "day"),
        ("", "undated", "unresolved"),
    ]
    assert [(r["end"], r["timeml"]) for r in rows] == [
        ("2012-02-29", "2012-02"), ("2012-03-09", "2012-03-09"), ("", ""),
    ]  # fmt: skip


def test_csv_has_every_evidence_sentence_and_a_line_per_article() -> None:
    (row,) = csv_rows(to_csv([TOLD_TWICE], [WIRE, LOCAL]))
    assert row["documents"] == "a\nb" and row["source_count"] == "2"
    assert row["outlets"] == "AP\n"  # the lines match the documents'
    assert row["titles"] == "Kim “meets” Clinton\n"
    assert row["urls"] == "https://example.org/a\n"
    assert row["published"] == "2012-03-09\n2012-03-10"
    # every sentence, with its document; only a cell's first line can start a formula
    assert (
        row["evidence"]
        == "Kim met Clinton on Friday. (a)\n=Kim and Clinton met, officials said. (b)"
    )


def test_csv_without_byte_order_mark_on_request() -> None:
    assert to_csv([EVENT], bom=False).startswith("start,")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice (Debian: libreoffice-calc-nogui)")
def test_libreoffice_reads_start_as_dates_and_the_quotes_as_written(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    source = tmp_path / "chronology.csv"
    source.write_text(to_csv([MONTH, TOLD_TWICE, UNDATED], [WIRE, LOCAL]), encoding="utf-8")

    def converted(*options: str) -> list[list[object]]:
        out = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
        profile = (tmp_path / "lo-profile").as_uri()
        command = [
            SOFFICE, f"-env:UserInstallation={profile}", "--headless", *options,
            "--convert-to", "xlsx", "--outdir", str(out), str(source),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=300, check=True)
        sheet = openpyxl.load_workbook(out / "chronology.xlsx").active
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    # LibreOffice's default import: every start is a date cell, whatever the encoding
    header, *rows = converted()
    assert [row[0] for row in rows] == [datetime(2012, 2, 1), datetime(2012, 3, 9), None]
    # told UTF-8, as its import dialog is by the byte order mark: the quotes as written
    header, *rows = converted("--infilter=CSV:44,34,76")
    assert header[:3] == ["start", "date", "precision"]
    assert [row[0] for row in rows] == [datetime(2012, 2, 1), datetime(2012, 3, 9), None]
    titles = rows[1][header.index("titles")]
    assert titles == "Kim “meets” Clinton\n"


# --- docs/schema.md lists what the code writes ---------------------------------------------------

SCHEMA_PAGE = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def documented(start: str, end: str, name: str = r"`([a-z-]+)`") -> set[str]:
    """The names between two markers of docs/schema.md."""
    text = SCHEMA_PAGE.read_text(encoding="utf-8")
    section = re.search(f"{re.escape(start)}(.*?){re.escape(end)}", text, re.S)
    assert section is not None, start
    return set(re.findall(name, section.group(1), re.M))


def test_schema_documents_every_flag() -> None:
    from timeline_cli.chronology.trust import FLAGS

    rows = documented("<!-- flags -->", "<!-- /flags -->", r"^\| `([a-z-]+)` \|")
    assert rows == set(FLAGS)


def test_schema_documents_every_warning_code() -> None:
    """Every code a Notice is made with in the source, and no other."""
    source = Path(__file__).resolve().parent.parent / "timeline_cli"
    codes = {
        code
        for path in source.rglob("*.py")
        for code in re.findall(r'Notice\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8"))
    }
    assert documented("<!-- codes -->", "<!-- /codes -->") == codes


def test_schema_documents_every_precision() -> None:
    from timeline_cli.output.record_reader import PRECISIONS

    lines = SCHEMA_PAGE.read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("| `precision`"))
    assert set(PRECISIONS) <= set(re.findall(r"`([a-z]+)`", row))


def test_readme_names_every_csv_column_in_order() -> None:
    readme = (SCHEMA_PAGE.parent.parent / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("- **CSV**: ", 1)[1].split("\n- **", 1)[0]
    named = [name for name in re.findall(r"`([a-z_]+)`", paragraph) if name in CSV_COLUMNS]
    assert list(dict.fromkeys(named)) == list(CSV_COLUMNS)
