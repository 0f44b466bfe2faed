"""Re-rendering a saved chronology, and explaining dates, through the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chronology.json"


@pytest.mark.parametrize(
    ("output_format", "marker"),
    [
        ("html", "<!DOCTYPE html>"),
        ("markdown", "## March 2012"),
        ("timelinejs", '"events"'),
        ("csv", "\ufeffstart,date,precision,flags,type"),
        ("table", "March 2012"),
    ],
)
def test_show_renders_a_saved_chronology_in_any_format(output_format: str, marker: str) -> None:
    result = runner.invoke(app, ["show", str(EXAMPLE), "--format", output_format, "--no-color"])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout


def test_show_filters_without_the_nlp() -> None:
    result = runner.invoke(app, ["show", str(EXAMPLE), "--format", "json", "--type", "meeting"])
    events = json.loads(result.stdout)["events"]
    assert events and {event["type"] for event in events} == {"meeting"}


def test_show_json_round_trips() -> None:
    result = runner.invoke(app, ["show", str(EXAMPLE), "--format", "json"])
    assert result.stdout == EXAMPLE.read_text(encoding="utf-8")


def test_show_refuses_what_is_not_a_chronology(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something else"}')
    result = runner.invoke(app, ["show", str(bad)])
    assert result.exit_code == 2 and "bad.json" in result.output


def test_format_from_extension(seeds: Path, tmp_path: Path) -> None:
    for name, marker in (("c.html", "<!DOCTYPE html>"), ("c.md", "# Chronology")):
        assert (
            runner.invoke(app, ["extract", str(seeds), "-q", "-o", str(tmp_path / name)]).exit_code
            == 0
        )
        assert marker in (tmp_path / name).read_text(encoding="utf-8")


def test_explain_names_anchor_rule_and_value(seeds: Path) -> None:
    article = seeds / "003_1313ecc6bbfa66b3.txt"
    result = runner.invoke(app, ["explain", str(article), "--date", "the 26th", "--json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["value"] == "2024-04-26" and item["rule"] == "day_of_month"
    assert "2024-05-14" in item["anchor"] and "metadata" in item["anchor"]
    assert item["tense"] == "past"


def test_extract_explain_on_stderr(seeds: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(seeds), "-q", "--explain", "--type", "meeting", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    assert "“Friday”" in result.stderr and "rule weekday" in result.stderr
