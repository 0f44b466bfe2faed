"""output/targets.py: the format is decided in one place, the output checked before any work,
and any format rendered to a file or to standard output."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from rich.console import Console

from timeline_cli.core.models import Chronology, Document
from timeline_cli.output import files
from timeline_cli.output.files import OutputExists, OutputRefused
from timeline_cli.output.targets import (
    FormatNotImplied,
    NotWritten,
    Target,
    TargetError,
    UnknownFormat,
    check_target,
    choose_target,
    write_chronology,
)

EMPTY = Chronology((Document("a", "a.txt", "", "", ()),), [])


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        (None, None, Target("table")),
        (None, "-", Target("table")),  # -o - is standard output
        ("jsonl", "-", Target("jsonl")),
        (None, "out.CSV", Target("csv", Path("out.CSV"))),
        (None, "page.htm", Target("html", Path("page.htm"))),
        ("json", "out.txt", Target("json", Path("out.txt"))),  # a named format wins
    ],
)
def test_the_format_comes_from_its_name_else_the_extension(
    name: str | None, path: str | None, expected: Target
) -> None:
    assert choose_target(name, Path(path) if path else None, False) == expected


def test_a_format_that_cannot_be_told_is_an_error() -> None:
    with pytest.raises(UnknownFormat, match="unknown format 'yaml'; choose one of table, json"):
        choose_target("yaml", None, False)
    with pytest.raises(FormatNotImplied, match=r"cannot tell the format of out\.dat"):
        choose_target(None, Path("out.dat"), False)


def test_streaming_is_json_lines_on_standard_output() -> None:
    assert Target("jsonl").streams
    assert not Target("jsonl", Path("out.jsonl")).streams and not Target("json").streams


def test_the_output_is_checked_before_any_work(tmp_path: Path) -> None:
    existing = tmp_path / "out.json"
    existing.write_text("{}")
    with pytest.raises(OutputExists):
        check_target(Target("json", existing))
    check_target(Target("json", existing, overwrite=True))
    with pytest.raises(OutputRefused):
        check_target(Target("json", tmp_path, overwrite=True))  # a folder
    with pytest.raises(TargetError, match="no folder"):
        check_target(Target("json", tmp_path / "missing" / "out.json"))


def test_a_file_target_is_written_atomically_and_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_chronology(EMPTY, Target("json", path), Console())
    assert json.loads(path.read_text())["documents"][0]["id"] == "a"
    with pytest.raises(OutputExists):
        write_chronology(EMPTY, Target("json", path), Console())
    write_chronology(EMPTY, Target("csv", path, overwrite=True), Console())
    assert path.read_text().lstrip("\ufeff").startswith("start,")


def test_a_write_that_fails_is_blamed_on_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    path = tmp_path / "out.json"
    with pytest.raises(NotWritten, match=r"out\.json: No space left on device; any previous"):
        write_chronology(EMPTY, Target("json", path), Console())
    assert not path.exists()


def test_standard_output_gets_the_text_or_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    write_chronology(EMPTY, Target("json"), Console())
    assert json.loads(capsys.readouterr().out)["events"] == []
    terminal = Console(record=True, width=80)
    write_chronology(EMPTY, Target("table"), terminal, skipped=2)
    assert terminal.export_text()
