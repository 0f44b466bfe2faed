from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from timeline_cli.output import files as output
from timeline_cli.output.files import OutputExists, OutputRefused, write_atomically


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


# --- issue 15: special files, links, and runs that race for one name ---------------------------


def _special_files(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a link to a file, a dangling link, a folder and (as root) a character device."""
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("not ours")
    paths = {
        "fifo": tmp_path / "fifo.json",
        "link": tmp_path / "link.json",
        "dangling": tmp_path / "dangling.json",
        "folder": tmp_path / "folder.json",
    }
    os.mkfifo(paths["fifo"])
    paths["link"].symlink_to(elsewhere)
    paths["dangling"].symlink_to(tmp_path / "deleted.json")
    paths["folder"].mkdir()
    try:
        os.mknod(tmp_path / "device.json", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        paths["device"] = tmp_path / "device.json"
    except PermissionError:
        pass  # not root: the FIFO stands for special files
    return paths


@pytest.mark.parametrize("overwrite", [False, True])
def test_links_and_special_files_are_never_replaced(tmp_path: Path, overwrite: bool) -> None:
    paths = _special_files(tmp_path)
    before = {name: os.lstat(path) for name, path in paths.items()}
    for name, path in paths.items():
        with pytest.raises(OutputRefused, match=r"link|not a regular file"):
            write_atomically(path, "new", overwrite=overwrite)
        after = os.lstat(path)
        assert (after.st_ino, after.st_mode) == (before[name].st_ino, before[name].st_mode), name
    assert (tmp_path / "elsewhere.json").read_text() == "not ours"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_file_created_meanwhile_by_another_run_is_kept(tmp_path: Path, monkeypatch) -> None:
    """The other run wins the race between the existence check and the rename: refused."""
    target = tmp_path / "out.json"
    real_fsync = os.fsync

    def other_run_finishes_first(fd: int) -> None:
        real_fsync(fd)
        target.write_text("other run")

    monkeypatch.setattr(output.os, "fsync", other_run_finishes_first)
    with pytest.raises(OutputExists):
        write_atomically(target, "this run")
    assert target.read_text() == "other run"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_without_hard_links_the_name_is_still_claimed_exclusively(
    tmp_path: Path, monkeypatch
) -> None:
    def no_hard_links(source: object, destination: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(output.os, "link", no_hard_links)
    target = tmp_path / "out.json"
    write_atomically(target, "first")
    assert target.read_text() == "first"
    with pytest.raises(OutputExists):
        write_atomically(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_overwriting_keeps_the_mode_of_the_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new", overwrite=True)
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640
