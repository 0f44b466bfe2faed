"""Serializing a Chronology: JSON (schema ``timeline-cli/chronology`` v1), JSON Lines and CSV.

The schema is documented in ``docs/schema.md``. Output is deterministic: keys in a fixed order,
events in chronological order, documents by id, no timestamps of the run.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from timeline_cli.models import Actor, Chronology, ChronologyEvent, Document, Mention, Notice

SCHEMA = "timeline-cli/chronology"
SCHEMA_VERSION = 1
CSV_COLUMNS = (
    "date", "precision", "type", "summary", "actors", "places", "source_count", "documents",
    "evidence", "evidence_document", "id", "start", "end", "conflicts",
)  # fmt: skip
LIST_SEPARATOR = "; "


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
    return {
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


def to_json(chronology: Chronology) -> str:
    return json.dumps(chronology_record(chronology), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(events: Iterable[ChronologyEvent]) -> str:
    return "".join(json.dumps(event_record(e), ensure_ascii=False) + "\n" for e in events)


def to_csv(events: Iterable[ChronologyEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        first = event.mentions[0]
        writer.writerow(
            [
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
                LIST_SEPARATOR.join(
                    f"{c.date} ({', '.join(c.documents)})" for c in event.conflicts
                ),
            ]
        )
    return buffer.getvalue()
