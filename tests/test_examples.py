"""examples/ holds the seeds' chronology as the current code exports it."""

from __future__ import annotations

import pytest
from conftest import REPO
from typer.testing import CliRunner

from timeline_cli.cli import app


@pytest.mark.parametrize("output_format", ["json", "csv", "jsonl"])
def test_examples_are_up_to_date(output_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["extract", "seeds/", "--quiet", "--format", output_format])
    assert result.exit_code == 0
    expected = (REPO / "examples" / f"chronology.{output_format}").read_text(encoding="utf-8")
    assert result.stdout == expected, "stale examples: run bash examples/regenerate.sh"
