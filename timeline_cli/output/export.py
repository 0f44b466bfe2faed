"""Serializing a Chronology: JSON (schema ``timeline-cli/chronology`` v1), JSON Lines and CSV.

The schema is documented in ``docs/schema.md``. Output is deterministic: keys in a fixed order,
events in chronological order, documents by id, no timestamps of the run.

JSON keeps the articles' text as it is; control characters are escaped by the encoding (C1
ones too, which ``json`` would write raw), so none reaches a terminal. CSV is made safe for
spreadsheets: control characters are written visibly (``\x1b``), and a cell that starts like a
formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``, as
spreadsheet-safe CSV writers do, so that ``=HYPERLINK(...)`` from an article stays text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from timeline_cli.core.controls import visible
from timeline_cli.core.models import (
    Actor,
    ArticleRef,
    Chronology,
    ChronologyEvent,
    Correction,
    Document,
    Mention,
    Notice,
)
from timeline_cli.output.labels import date_display

SCHEMA = "timeline-cli/chronology"
SCHEMA_VERSION = 1
# One row per event. ``start`` first: a plain ISO day every spreadsheet reads as a date and
# sorts by; then the date as people read it, and how precise it is.
CSV_COLUMNS = (
    "start", "date", "precision", "flags", "type", "subtype", "summary", "actors", "places",
    "source_count", "documents", "outlets", "titles", "urls", "published", "evidence", "end",
    "timeml", "id", "conflicts",
)  # fmt: skip
KEY_COLUMNS = ("key_rank", "key_score", "key_sources")  # with the key dates
LIST_SEPARATOR = "; "
# Columns with a line per article (documents, outlets, titles, urls, published: the lines
# match) or per evidence sentence. A line break inside a quoted CSV cell is one cell.
LINE_SEPARATOR = "\n"
# Excel and LibreOffice's import dialog take a CSV without one for their local encoding.
UTF8_BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# json.dumps(ensure_ascii=False) escapes C0 controls but writes DEL and C1 raw; they can only
# occur inside strings, where an escape means the same character.
_C1_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def document_record(document: Document) -> dict[str, Any]:
    publication = document.publication
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "published": publication.date.isoformat() if publication.date else None,
        "published_source": publication.source,
        "published_note": publication.note,
        "url": document.url,
        "outlet": document.outlet,
        "credit": document.credit,
        "source": document.source,
        "copy_of": document.copy_of,
    }


def mention_record(mention: Mention) -> dict[str, Any]:
    return {
        "id": mention.id,
        "document": mention.document,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "trigger": mention.trigger,
        "trigger_start": mention.trigger_start,
        "date_text": mention.date_text,
        "date_rule": mention.date_rule,
    }


def event_record(event: ChronologyEvent) -> dict[str, Any]:
    record = {
        "id": event.id,
        "date": event.date,
        "precision": event.precision,
        "start": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "end_date": event.end_date,
        "type": event.type,
        "subtype": event.subtype,
        "planned": event.planned,
        "headline": event.headline,
        "flags": list(event.flags),
        "summary": event.summary,
        "actors": list(event.actors),
        "places": list(event.places),
        "source_count": event.source_count,
        "outlets": list(event.outlets),
        "documents": list(event.documents),
        "articles": [article_record(article) for article in event.articles],
        "mentions": [mention_record(mention) for mention in event.mentions],
        "conflicts": [
            {"date": conflict.date, "documents": list(conflict.documents)}
            for conflict in event.conflicts
        ],
        "corrections": list(event.corrections),
    }
    if event.key is not None:  # the key-dates view only: other chronologies keep their bytes
        record["key_date"] = {
            "rank": event.key.rank,
            "score": event.key.score,
            "sources": event.key.sources,
        }
    return record


def article_record(article: ArticleRef) -> dict[str, Any]:
    return {
        "document": article.document,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "copy_of": article.copy_of,
    }


def correction_record(correction: Correction) -> dict[str, Any]:
    return {
        "action": correction.action,
        "events": list(correction.events),
        "date": correction.date,
        "type": correction.type,
        "mentions": list(correction.mentions),
        "documents": list(correction.documents),
        "note": correction.note,
        "file": correction.origin,
        "applied": correction.applied,
        "message": correction.message,
    }


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
    }


def notice_record(notice: Notice) -> dict[str, Any]:
    return {"code": notice.code, "document": notice.document, "message": notice.message}


def chronology_record(chronology: Chronology) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "documents": [document_record(d) for d in sorted(chronology.documents, key=lambda d: d.id)],
        "events": [event_record(event) for event in chronology.events],
        "actors": [actor_record(actor) for actor in chronology.actors],
        "warnings": [notice_record(notice) for notice in chronology.notices],
        "corrections": [correction_record(c) for c in chronology.corrections],
        "inputs": list(chronology.inputs),
    }


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON as this tool writes it: UTF-8 text, every control character escaped."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_C1_ESCAPES)


def to_json(chronology: Chronology) -> str:
    return json_text(chronology_record(chronology), indent=2) + "\n"


def json_line(event: ChronologyEvent) -> str:
    """One event as a line of JSON Lines."""
    return json_text(event_record(event)) + "\n"


def to_jsonl(events: Iterable[ChronologyEvent]) -> str:
    return "".join(json_line(event) for event in events)


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: controls visible, a formula's start quoted."""
    return visible("'" + text if text.startswith(FORMULA_STARTS) else text)


def spreadsheet_lines(lines: tuple[str, ...]) -> str:
    """A CSV cell of several lines: controls visible in each, the first quoted if it starts
    like a formula (a spreadsheet reads a formula only from the start of a cell)."""
    return LINE_SEPARATOR.join(
        spreadsheet_cell(line) if index == 0 else visible(line) for index, line in enumerate(lines)
    )


Cell = str | int | float | date | tuple[str, ...] | None  # a tuple is a cell of several lines


def spreadsheet_rows(
    events: Iterable[ChronologyEvent], documents: Iterable[Document] = ()
) -> Iterator[list[Cell]]:
    """The CSV and xlsx rows of the events, under ``CSV_COLUMNS``; raw values, not yet made
    safe (see ``spreadsheet_cell``)."""
    by_id = {document.id: document for document in documents}
    for event in events:
        cited = [by_id.get(document_id) for document_id in event.documents]
        yield [
            event.start,
            date_display(event),
            event.precision,
            LIST_SEPARATOR.join(event.flags),
            event.type,
            event.subtype or "",
            event.summary,
            LIST_SEPARATOR.join(event.actors),
            LIST_SEPARATOR.join(event.places),
            event.source_count,
            event.documents,
            tuple((d.outlet or "") if d else "" for d in cited),
            tuple((d.title or "") if d else "" for d in cited),
            tuple((d.url or "") if d else "" for d in cited),
            tuple(_published(d) for d in cited),
            tuple(f"{m.sentence} ({m.document})" for m in event.mentions),
            event.end,
            event.date or "",
            event.id,
            LIST_SEPARATOR.join(f"{c.date} ({', '.join(c.documents)})" for c in event.conflicts),
        ]


def _published(document: Document | None) -> str:
    if document is None or document.publication.date is None:
        return ""
    day = document.publication.date.isoformat()
    return f"{day} (year inferred)" if document.publication.inferred else day


def csv_value(cell: Cell) -> str | int | float:
    """A cell as CSV text: dates as ISO days, lines joined, controls visible, formulas quoted."""
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, tuple):
        return spreadsheet_lines(cell)
    return spreadsheet_cell(cell) if isinstance(cell, str) else cell


def to_csv(
    events: Iterable[ChronologyEvent], documents: Iterable[Document] = (), bom: bool = True
) -> str:
    """The events as CSV text, one row per event; the key-dates view adds the day's rank,
    score and sources. With a UTF-8 byte order mark first unless ``bom`` is off."""
    events = list(events)
    keyed = any(event.key is not None for event in events)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + KEY_COLUMNS if keyed else CSV_COLUMNS)
    for event, row in zip(events, spreadsheet_rows(events, documents), strict=True):
        if keyed:
            key = event.key
            row += [key.rank, key.score, key.sources] if key else [None, None, None]
        writer.writerow([csv_value(cell) for cell in row])
    return (UTF8_BOM if bom else "") + buffer.getvalue()
