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

from timeline_cli.cli import app as cli
from timeline_cli.cli.app import app
from timeline_cli.output import files as output
from timeline_cli.pipeline import run as pipeline

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


def seed_copies(seeds: Path, folder: Path, copies: int = 40) -> Path:
    """Many articles: parsing them takes far longer than delivering a signal. Each copy ends
    with a line of its own, so that the parse cache cannot serve one copy from another and
    end the run before the signal comes."""
    folder.mkdir()
    for copy in range(copies):
        for article in seeds.glob("*.txt"):
            text = article.read_text(encoding="utf-8")
            (folder / f"{copy:02d}-{article.name}").write_text(
                f"{text}\n\nThis is copy number {copy}.\n", encoding="utf-8"
            )
    return folder


def timeline(*arguments: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "timeline_cli", *arguments]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigterm_while_parsing_stops_the_run_cleanly(seeds: Path, tmp_path: Path) -> None:
    corpus = seed_copies(seeds, tmp_path / "corpus")
    process = timeline("extract", str(corpus), "--no-merge", "--format", "jsonl", "--quiet")
    assert process.stdout is not None
    first = process.stdout.readline()  # ready: the first batch is parsed, the others are not
    assert first.startswith("{"), process.communicate()
    process.send_signal(signal.SIGTERM)
    rest, stderr = process.communicate()
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert all(line.endswith("}\n") for line in [first, *rest.splitlines(keepends=True)])


def test_sigterm_leaves_the_previous_output(seeds: Path, tmp_path: Path) -> None:
    corpus = seed_copies(seeds, tmp_path / "corpus")
    (corpus / "notes.xyz").write_text("not an article")
    target = tmp_path / "out.json"
    target.write_text("previous")
    process = timeline("extract", str(corpus), "-o", str(target), "--force")
    assert process.stderr is not None
    # Ready: the SIGTERM handler is set before the inputs are listed, which prints this warning.
    warning = process.stderr.readline()
    assert "1 file(s) of other types ignored" in warning, process.communicate()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate()
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


# --- issue 15: interrupting workers --------------------------------------------------------------

INTERRUPTED = "timeline: interrupted; no output written, any existing file is untouched\n"


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _computing(pid: int) -> bool:
    """A worker process (spawned, not forked) has loaded spaCy: it is running a task."""
    for child in _children(pid):
        try:
            if "/spacy/" in Path(f"/proc/{child}/maps").read_text():
                return True
        except OSError:
            continue
    return False


def _wait_for(condition, what: str, timeout: float = 120) -> None:
    """Poll a condition the run reaches by itself (no fixed sleep stands for it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def _group_is_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def _start(arguments: list[str], tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    """The command in a session of its own (a terminal's foreground group), started with the
    readiness marker: a file created once its signal handlers are installed."""
    ready = tmp_path / "ready"
    env = {**os.environ, cli.READY_FILE_VARIABLE: str(ready)}
    command = [sys.executable, "-m", "timeline_cli", *arguments]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )
    return process, ready


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a test run in the background of a script inherits
    SIGINT ignored (POSIX shells do that to background jobs), and Python keeps it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_twice_with_workers_ends_at_once(seeds: Path, tmp_path: Path) -> None:
    corpus = seed_copies(seeds, tmp_path / "corpus")  # 120 articles: several batches
    target = tmp_path / "out.json"
    target.write_text("previous")
    arguments = ["extract", str(corpus), "-o", str(target), "--force", "--quiet", "--jobs", "2"]
    process, ready = _start(arguments, tmp_path)
    try:
        _wait_for(lambda: ready.exists() and len(_children(process.pid)) >= 2, "the workers")
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)  # the impatient second Ctrl-C
        _, stderr = process.communicate(timeout=60)
        # 130, or ended by the second SIGINT while exiting: a shell shows 130 for both
        assert process.returncode in (130, -signal.SIGINT), stderr
        assert stderr == INTERRUPTED
        _wait_for(lambda: _group_is_gone(process.pid), "the workers to end", timeout=30)
    finally:
        if not _group_is_gone(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.json", "ready"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigterm_under_dask_prints_no_traceback(seeds: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    corpus = seed_copies(seeds, tmp_path / "corpus", 20)
    arguments = ["extract", str(corpus), "--engine", "dask", "--jobs", "2", "-f", "json", "-q"]
    process, ready = _start(arguments, tmp_path)
    try:
        _wait_for(lambda: ready.exists() and _computing(process.pid), "a Dask task to start")
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 130, stderr
        assert stderr == INTERRUPTED
        _wait_for(lambda: _group_is_gone(process.pid), "the Dask workers to end", timeout=60)
    finally:
        if not _group_is_gone(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
