"""The optional metadata file of a folder: what the articles' text does not say about them.

``timeline-metadata.csv`` beside the articles, with a header row and the columns
``file,published,url,outlet,title`` (only ``file`` is required; ``published`` is an ISO date,
YYYY-MM-DD). ``file`` is the article's file name relative to the folder.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_cli.core.models import Notice
from timeline_cli.ingest.reading import METADATA_FILE_NAME


@dataclass(frozen=True)
class ArticleMetadata:
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


def load_metadata(folder: Path) -> tuple[dict[str, ArticleMetadata], list[Notice]]:
    """The rows of the folder's metadata file by file name; a missing file is no error."""
    path = folder / METADATA_FILE_NAME
    if not path.is_file():
        return {}, []
    notices: list[Notice] = []
    rows: dict[str, ArticleMetadata] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                return {}, [Notice("metadata", f"{path}: no 'file' column; file ignored")]
            for line, row in enumerate(reader, start=2):
                entry, problem = _parse_row(row)
                if problem:
                    notices.append(Notice("metadata", f"{path}, line {line}: {problem}"))
                if entry is not None:
                    rows[row["file"].strip()] = entry
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return {}, [Notice("metadata", f"{path}: unreadable ({error}); file ignored")]
    return rows, notices


def _parse_row(row: dict[str, str | None]) -> tuple[ArticleMetadata | None, str | None]:
    if not (row.get("file") or "").strip():
        return None, "empty 'file' cell; row ignored"
    published_text = (row.get("published") or "").strip()
    published, problem = None, None
    if published_text:
        try:
            published = date.fromisoformat(published_text)
        except ValueError:
            problem = f"'published' is not a YYYY-MM-DD date: {published_text!r}"
    entry = ArticleMetadata(
        published,
        (row.get("url") or "").strip() or None,
        (row.get("outlet") or "").strip() or None,
        (row.get("title") or "").strip() or None,
    )
    return entry, problem
