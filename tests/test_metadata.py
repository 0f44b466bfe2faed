from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline_cli.ingest.metadata import load_metadata


def test_metadata_rows(tmp_path: Path) -> None:
    (tmp_path / "timeline-metadata.csv").write_text(
        "file,published,url,outlet,title\n"
        "a.txt,2024-05-14,https://example.org/a,Example,A title\n"
        "b.txt,14/05/2024,,,\n"
    )
    rows, notices = load_metadata(tmp_path)
    assert rows["a.txt"].published == date(2024, 5, 14)
    assert rows["a.txt"].outlet == "Example"
    assert rows["b.txt"].published is None
    assert len(notices) == 1 and "line 3" in notices[0].message


def test_missing_file_is_no_error(tmp_path: Path) -> None:
    assert load_metadata(tmp_path) == ({}, [])


def test_file_without_file_column_is_ignored_with_notice(tmp_path: Path) -> None:
    (tmp_path / "timeline-metadata.csv").write_text("name,date\na.txt,2024-05-14\n")
    rows, notices = load_metadata(tmp_path)
    assert rows == {} and "'file' column" in notices[0].message
