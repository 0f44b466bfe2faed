"""examples/ holds the seeds' chronology as the current code exports it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from timeline_cli.cli.app import app

EXAMPLES = {
    "json": "chronology.json",
    "csv": "chronology.csv",
    "jsonl": "chronology.jsonl",
    "html": "chronology.html",
    "markdown": "chronology.md",
    "table": "chronology.txt",
    "timelinejs": "chronology.timelinejs.json",
    "timelinejs-sheet": "chronology.timelinejs-sheet.csv",
}


@pytest.mark.parametrize(("output_format", "name"), EXAMPLES.items())
def test_examples_are_up_to_date(
    output_format: str, name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / name
    arguments = ["extract", "seeds/", "--quiet", "--format", output_format, "-o", str(target)]
    assert CliRunner().invoke(app, arguments).exit_code == 0
    expected = (REPO / "examples" / name).read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == expected, "stale: bash examples/regenerate.sh"
