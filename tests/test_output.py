from __future__ import annotations

from pathlib import Path

import pytest

from timeline_cli.output import OutputExists, write_atomically


def test_writes_and_refuses_to_clobber(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomically(target, "first")
    with pytest.raises(OutputExists):
        write_atomically(target, "second")
    assert target.read_text() == "first"
    write_atomically(target, "second", overwrite=True)
    assert target.read_text() == "second"


def test_failed_write_leaves_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous")

    with pytest.raises(TypeError):
        write_atomically(target, 123, overwrite=True)  # type: ignore[arg-type]
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_atomically(target, "x")
    assert target.stat().st_mode & 0o044 == 0o044  # readable by group and others (umask 022)
