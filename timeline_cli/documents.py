"""Building Documents from files: decoded, cleaned, and given their publication date.

The publication date comes, in this order, from ``--published``, from the article's own
header timestamp or full dateline, from the folder's metadata file, and last from a dateline
without a year, whose year is inferred once every other article of the run is dated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline_cli.cleaning import clean_article
from timeline_cli.metadata import ArticleMetadata, load_metadata
from timeline_cli.models import Document, Notice, Publication
from timeline_cli.published import Dateline, dateline_publication, find_header_date, read_dateline
from timeline_cli.reading import UnreadableFile, read_article_text


@dataclass(frozen=True)
class LoadedDocuments:
    documents: tuple[Document, ...]
    notices: tuple[Notice, ...]
    skipped: tuple[str, ...]  # paths of files that could not be used


def load_documents(
    paths: Sequence[Path], published: Mapping[str, date] | None = None, today: date | None = None
) -> LoadedDocuments:
    """Read, clean and date every file; unusable files are skipped with a notice naming them."""
    published = published or {}
    metadata_cache: dict[Path, dict[str, ArticleMetadata]] = {}
    notices: list[Notice] = []
    skipped: list[str] = []
    documents: list[Document] = []
    datelines: dict[str, Dateline] = {}
    for path in paths:
        try:
            text, notice = read_article_text(path)
        except UnreadableFile as error:
            notices.append(Notice("skipped", f"{path}: {error}", path.stem))
            skipped.append(str(path))
            continue
        if notice:
            notices.append(notice)
        cleaned = clean_article(text)
        if not cleaned.body.strip():
            notices.append(
                Notice(
                    "skipped", f"{path}: no article text left after removing page debris", path.stem
                )
            )
            skipped.append(str(path))
            continue
        if path.parent not in metadata_cache:
            rows, metadata_notices = load_metadata(path.parent)
            metadata_cache[path.parent] = rows
            notices.extend(metadata_notices)
        metadata = metadata_cache[path.parent].get(path.name, ArticleMetadata())
        dateline = read_dateline(cleaned.body_source_head) if cleaned.body_source_head else None
        publication = _publication(path, cleaned.lines, dateline, metadata, published)
        if publication.date is None and dateline is not None:
            datelines[path.stem] = dateline
        documents.append(
            Document(
                id=path.stem,
                path=str(path),
                text=text,
                body=cleaned.body,
                segments=cleaned.segments,
                title=metadata.title or cleaned.title,
                publication=publication,
                url=metadata.url,
                outlet=metadata.outlet,
            )
        )
    documents = _infer_dateline_years(documents, datelines, today or date.today())
    notices.extend(_undated_notices(documents))
    notices.extend(_unused_dates(published, paths))
    return LoadedDocuments(tuple(documents), tuple(notices), tuple(skipped))


def _publication(
    path: Path,
    lines: Sequence[str],
    dateline: Dateline | None,
    metadata: ArticleMetadata,
    published: Mapping[str, date],
) -> Publication:
    for key in (path.name, path.stem, str(path)):
        if key in published:
            return Publication(published[key], "option")
    header = find_header_date(lines)
    if header is not None:
        return Publication(header, "header")
    if dateline is not None and dateline.year is not None:
        return dateline_publication(dateline, [], 0)
    if metadata.published is not None:
        return Publication(metadata.published, "metadata")
    return Publication()


def _infer_dateline_years(
    documents: list[Document], datelines: Mapping[str, Dateline], today: date
) -> list[Document]:
    """Give year-less datelines a year, from their weekday and the run's other dated articles.

    ``today`` only bounds the years considered (no article is from the future); it never
    supplies a date.
    """
    known = [doc.publication.date for doc in documents if doc.publication.date is not None]
    latest_year = max([today.year, *(day.year for day in known)])
    result = []
    for document in documents:
        dateline = datelines.get(document.id)
        if dateline is not None:
            document = replace(
                document, publication=dateline_publication(dateline, known, latest_year)
            )
        result.append(document)
    return result


def _unused_dates(published: Mapping[str, date], paths: Sequence[Path]) -> list[Notice]:
    """A --published name that matches no article is most likely a typo: say so."""
    known = {key for path in paths for key in (path.name, path.stem, str(path))}
    return [
        Notice("unused-date", f"--published {name}: no article of that name")
        for name in published
        if name not in known
    ]


def _undated_notices(documents: Sequence[Document]) -> list[Notice]:
    notices = []
    for document in documents:
        publication = document.publication
        if publication.date is None:
            reason = f" ({publication.note})" if publication.note else ""
            notices.append(
                Notice(
                    "no-publication-date",
                    f"{document.id}: publication date unknown{reason}; relative dates stay "
                    "unresolved (give one with --published or timeline-metadata.csv)",
                    document.id,
                )
            )
        elif publication.note:
            notices.append(
                Notice("inferred-year", f"{document.id}: {publication.note}", document.id)
            )
    return notices
