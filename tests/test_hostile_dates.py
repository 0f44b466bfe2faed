"""Hostile input, second round (issue 15): no wrong date without a word. Items 6-8: a page's
date that depends on the clock, impossible dates re-read in another order, UTF-32 text."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.ingest.published import find_header_date
from timeline_cli.ingest.readers import parse_published, read_records
from timeline_cli.ingest.reading import UnreadableFile, read_article_text
from timeline_cli.temporal.dates import parse_absolute_date
from timeline_cli.temporal.normalize import INVALID, normalize

runner = CliRunner()
LEAD = "Kim Sung-hwan met Hillary Clinton in Washington on Friday, officials said."


def _extract(*arguments: str) -> tuple[dict[str, Any], str]:
    result = runner.invoke(app, ["extract", *arguments, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return json.loads(result.stdout), result.stderr


# --- 6. a page's publication date does not depend on the clock ---------------------------------

READ_PAGE_IN = """
import datetime as real, sys
class Date(real.date):
    @classmethod
    def today(cls):
        return cls({y}, 6, 1)
class DateTime(real.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls({y}, 6, 1, 12, 0, tzinfo=tz)
    @classmethod
    def today(cls):
        return cls({y}, 6, 1, 12, 0)
    @classmethod
    def utcnow(cls):
        return cls({y}, 6, 1, 12, 0)
real.date, real.datetime = Date, DateTime  # before htmldate imports its datetime
from timeline_cli.ingest.readers import read_html
print(read_html(sys.argv[1]).published)
"""


@pytest.mark.parametrize("year", [2010, 2046])
def test_a_page_keeps_its_date_whatever_the_clock(tmp_path: Path, year: int) -> None:
    """A 2012 page read on a machine whose clock says 2010 (htmldate's default upper bound is
    today) or 2046: the same date."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2012-03-09T10:00:00">'
        f"</head><body><article><p>{LEAD}</p><p>Clinton said the talks went well, and "
        "that they would meet again.</p></article></body></html>"
    )
    script = READ_PAGE_IN.format(y=year)
    done = subprocess.run(
        [sys.executable, "-c", script, str(page)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2012-03-09"


# --- 7. impossible dates: a warning naming the file and the text, never another order ----------


@pytest.mark.parametrize(
    "text", ["2024-13-01", "2024-31-12", "2024/13/01", "2024-02-30", "2024-02-30T10:00"]
)
def test_impossible_numeric_dates_are_never_read_in_another_order(text: str) -> None:
    assert parse_published(text) is None
    assert parse_absolute_date(text) is None
    assert find_header_date([text]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-12-31", date(2024, 12, 31)),
        ("2024/05/14", date(2024, 5, 14)),
        ("2024-05-14 09:30", date(2024, 5, 14)),
        ("2024-05-14T09:30:00+02:00", date(2024, 5, 14)),
    ],
)
def test_valid_year_first_dates_still_read(text: str, expected: date) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    "text",
    ["February 30, 2012", "30 February 2012", "2024-13-01", "2024-31-12", "02/30/2012", "2012-13"],
)
def test_impossible_dates_in_text_are_invalid_not_absent(text: str) -> None:
    value = normalize(text, date(2012, 3, 9), "past")
    assert value is not None and value.type == INVALID


@pytest.mark.parametrize("text", ["1274 bce", "1274 b.c.e.", "1274 bc", "the 5th century b.c."])
def test_years_before_the_common_era_are_not_read_as_ours(text: str) -> None:
    value = normalize(text, date(2012, 3, 9), "past")
    assert value is not None and value.type == INVALID and value.rule == "before_common_era"


def test_dataset_and_front_matter_dates_that_cannot_be_are_warned(tmp_path: Path) -> None:
    rows = [
        {"id": "month-13", "date": "2024-13-01", "text": LEAD},
        {"id": "day-first", "date": "2024-31-12", "text": LEAD},
    ]
    dataset = tmp_path / "rows.jsonl"
    dataset.write_text("".join(json.dumps(row) + "\n" for row in rows))
    (tmp_path / "front.md").write_text(f"---\ndate: 2024-13-01\n---\n\n{LEAD}\n")
    data, stderr = _extract(str(tmp_path))
    assert {d["id"]: d["published"] for d in data["documents"]} == {
        "front": None,
        "month-13": None,
        "day-first": None,
    }
    assert f"{dataset}, line 1: 'date' is not a full, unambiguous date: '2024-13-01'" in stderr
    assert f"{dataset}, line 2: 'date' is not a full, unambiguous date: '2024-31-12'" in stderr
    assert "front.md: front-matter date is not a full, unambiguous date: '2024-13-01'" in stderr


def test_impossible_and_ancient_dates_in_text_are_warned_and_date_nothing(tmp_path: Path) -> None:
    article = tmp_path / "impossible.txt"
    article.write_text(
        "March 31, 2012\n\n"
        "Foreign Minister Kim Sung-hwan met Hillary Clinton in Seoul on February 30, 2012, "
        "officials said.\n\n"
        "The kingdoms signed a treaty in 1274 BCE, historians said.\n"
    )
    data, stderr = _extract(str(article))
    warnings = [w["message"] for w in data["warnings"] if w["code"] == "impossible-date"]
    # the saved warnings name the file relative to its folder; stderr as it was given
    assert "impossible.txt: 'February 30, 2012' is not a calendar date; it dates nothing" in (
        warnings
    )
    assert any("impossible.txt: '1274 BCE' is before the Common Era" in w for w in warnings)
    assert all(f"{article.parent}/{w}" in stderr for w in warnings)
    (meeting,) = [e for e in data["events"] if e["type"] == "meeting"]
    assert (meeting["precision"], meeting["date"]) == ("unknown", None)  # not "as reported"
    assert not [e for e in data["events"] if (e["date"] or "").startswith("1274")]


# --- 8. UTF-32 ---------------------------------------------------------------------------------

TEXT = f"Talks in Washington\n\nMarch 9, 2012\n\n{LEAD}\n"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    text, notice = read_article_text(path)
    assert text == TEXT and notice is not None and "UTF-32" in notice.message
    dataset = tmp_path / "wide.jsonl"
    dataset.write_bytes(bom + (json.dumps({"text": LEAD}) + "\n").encode(codec))
    (row,) = list(read_records(dataset))
    assert row.text == LEAD


def test_utf32_article_gives_its_events(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"))
    data, stderr = _extract(str(tmp_path))
    (document,) = data["documents"]
    assert document["title"] == "Talks in Washington" and document["published"] == "2012-03-09"
    assert data["events"] and "read as UTF-32" in stderr


def test_broken_utf32_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")[:-2])
    with pytest.raises(UnreadableFile, match="UTF-32 byte order mark, but not valid UTF-32"):
        read_article_text(path)
