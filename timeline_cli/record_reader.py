"""Reading a chronology back from its JSON record (schema ``timeline-cli/chronology`` v1).

``timeline show FILE.json`` and the page, TimelineJS and Markdown exports work from a
``Chronology``; this turns the record written by ``export.to_json`` back into one, so that
``chronology_record(chronology_from_record(record)) == record``. Documents come back without
their text (the record does not carry it): ``text`` and ``body`` are empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from timeline_cli.export import SCHEMA
from timeline_cli.models import (
    Actor,
    Chronology,
    ChronologyEvent,
    DateConflict,
    Document,
    Mention,
    Notice,
    Publication,
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _document(record: Mapping[str, Any]) -> Document:
    publication = Publication(
        date=_day(record.get("published")),
        source=record.get("published_source"),
        note=record.get("published_note"),
    )
    return Document(
        id=record["id"],
        path=record.get("path") or record["id"],
        text="",
        body="",
        segments=(),
        title=record.get("title"),
        publication=publication,
        url=record.get("url"),
        outlet=record.get("outlet"),
    )


def _mention(record: Mapping[str, Any]) -> Mention:
    return Mention(
        document=record["document"],
        sentence=record["sentence"],
        start=record["start"],
        end=record["end"],
        trigger=record["trigger"],
        date_text=record.get("date_text"),
        date_rule=record.get("date_rule"),
        trigger_start=record.get("trigger_start"),
    )


def _event(record: Mapping[str, Any]) -> ChronologyEvent:
    return ChronologyEvent(
        id=record["id"],
        date=record.get("date"),
        precision=record["precision"],
        start=_day(record.get("start")),
        end=_day(record.get("end")),
        type=record["type"],
        summary=record["summary"],
        actors=tuple(record.get("actors", ())),
        places=tuple(record.get("places", ())),
        mentions=tuple(_mention(m) for m in record.get("mentions", ())),
        conflicts=tuple(
            DateConflict(c["date"], tuple(c["documents"])) for c in record.get("conflicts", ())
        ),
        subtype=record.get("subtype"),
        planned=bool(record.get("planned", False)),
        end_date=record.get("end_date"),
    )


def _actor(record: Mapping[str, Any]) -> Actor:
    return Actor(
        name=record["name"],
        kind=record["kind"],
        aliases=tuple(record.get("aliases", ())),
        roles=tuple(record.get("roles", ())),
    )


def chronology_from_record(record: Mapping[str, Any]) -> Chronology:
    """The Chronology a JSON record describes; ValueError when it is not one."""
    if not isinstance(record, Mapping) or record.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record")
    try:
        return Chronology(
            documents=tuple(_document(d) for d in record.get("documents", ())),
            events=tuple(_event(e) for e in record.get("events", ())),
            notices=tuple(
                Notice(w["code"], w["message"], w.get("document"))
                for w in record.get("warnings", ())
            ),
            actors=tuple(_actor(a) for a in record.get("actors", ())),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a valid {SCHEMA} record: {error!r}") from error


def as_chronology(value: Chronology | Mapping[str, Any]) -> Chronology:
    """A Chronology as is, or one read from its JSON record."""
    return value if isinstance(value, Chronology) else chronology_from_record(value)
