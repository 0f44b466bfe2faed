"""Nothing half-written, nothing guessed: interrupted runs, full disks, and the clock."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli import output, pipeline
from timeline_cli.cli import app

runner = CliRunner()


def test_full_disk_leaves_the_previous_output(seeds: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "chronology.json"
    target.write_text("previous")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fsync", full_disk)
    result = runner.invoke(app, ["extract", str(seeds), "-o", str(target), "--force"])
    assert result.exit_code == 3
    assert "No space left on device" in result.stderr and "intact" in result.stderr
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["chronology.json"]  # no temporary left


def test_interrupt_leaves_the_previous_output(seeds: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "chronology.csv"
    target.write_text("previous")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "run", interrupted)  # the command imports it when it runs
    result = runner.invoke(app, ["extract", str(seeds), "-o", str(target), "--force"])
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert target.read_text() == "previous"


def test_sigterm_in_a_real_run(seeds: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(40):
        for article in seeds.glob("*.txt"):
            shutil.copy(article, corpus / f"{copy:02d}-{article.name}")
    target = tmp_path / "out.json"
    target.write_text("previous")
    command = [sys.executable, "-m", "timeline_cli", "extract", str(corpus), "-o", str(target)]
    process = subprocess.Popen([*command, "--force", "--quiet"], stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # loading the model, then parsing: well before the end
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.json"]


FROZEN_RUN = """
import datetime as real, runpy, sys
class Date(real.date):
    @classmethod
    def today(cls):
        return cls({y}, {m}, {d})
class DateTime(real.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls({y}, {m}, {d}, 12, 0, tzinfo=tz)
    @classmethod
    def today(cls):
        return cls({y}, {m}, {d}, 12, 0)
real.date, real.datetime = Date, DateTime
sys.argv = ["timeline", "extract", {folder!r}, "--format", "json", "--quiet"]
runpy.run_module("timeline_cli", run_name="__main__")
"""


@pytest.mark.parametrize("day", [(2031, 7, 1)])
def test_the_clock_changes_nothing(seeds: Path, tmp_path: Path, day: tuple[int, int, int]) -> None:
    """Undated articles and a dateline without a year, run on two different days."""
    (tmp_path / "undated.txt").write_text(
        "Minister Cho Tae-yul held talks with Wang Yi in Beijing on the 13th.\n\n"
        "He said yesterday that the talks would resume next month.\n"
    )
    shutil.copy(seeds / "002_cfee3bea70a924cd.txt", tmp_path / "yonhap.txt")

    def run_on(y: int, m: int, d: int) -> str:
        script = FROZEN_RUN.format(y=y, m=m, d=d, folder=str(tmp_path))
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        return done.stdout

    first, second = run_on(*day), run_on(2026, 11, 25)
    assert first == second
    data = json.loads(first)
    assert all(d["published"] is None for d in data["documents"])  # nothing made up
    assert {e["precision"] for e in data["events"]} <= {"unresolved", "unknown", "day", "month"}
    assert not [e for e in data["events"] if e["date"] and e["date"].startswith(("2026", "2031"))]
