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
from collections.abc import Iterable
from typing import Any

from timeline_cli.controls import visible
from timeline_cli.models import Actor, Chronology, ChronologyEvent, Document, Mention, Notice

SCHEMA = "timeline-cli/chronology"
SCHEMA_VERSION = 1
CSV_COLUMNS = (
    "date", "precision", "type", "summary", "actors", "places", "source_count", "documents",
    "evidence", "evidence_document", "id", "start", "end", "conflicts",
)  # fmt: skip
KEY_COLUMNS = ("key_rank", "key_score", "key_sources")  # with --key-dates
LIST_SEPARATOR = "; "
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
    }


def mention_record(mention: Mention) -> dict[str, Any]:
    return {
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
        "summary": event.summary,
        "actors": list(event.actors),
        "places": list(event.places),
        "source_count": event.source_count,
        "documents": list(event.documents),
        "mentions": [mention_record(mention) for mention in event.mentions],
        "conflicts": [
            {"date": conflict.date, "documents": list(conflict.documents)}
            for conflict in event.conflicts
        ],
    }
    if event.key is not None:  # the key-dates view only: other chronologies keep their bytes
        record["key_date"] = {
            "rank": event.key.rank,
            "score": event.key.score,
            "sources": event.key.sources,
        }
    return record


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


def to_csv(events: Iterable[ChronologyEvent]) -> str:
    """One row per event; the key-dates view adds the day's rank, score and sources."""
    events = list(events)
    keyed = any(event.key is not None for event in events)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + KEY_COLUMNS if keyed else CSV_COLUMNS)
    for event in events:
        first = event.mentions[0]
        row = [
            event.date or "",
            event.precision,
            event.type,
            event.summary,
            LIST_SEPARATOR.join(event.actors),
            LIST_SEPARATOR.join(event.places),
            event.source_count,
            LIST_SEPARATOR.join(event.documents),
            first.sentence,
            first.document,
            event.id,
            event.start.isoformat() if event.start else "",
            event.end.isoformat() if event.end else "",
            LIST_SEPARATOR.join(f"{c.date} ({', '.join(c.documents)})" for c in event.conflicts),
        ]
        if keyed:
            key = event.key
            row += [key.rank, key.score, key.sources] if key else ["", "", ""]
        writer.writerow([spreadsheet_cell(c) if isinstance(c, str) else c for c in row])
    return buffer.getvalue()
