"""Reading a chronology back from its JSON record (schema ``timeline-cli/chronology`` v1).

``timeline show FILE.json`` and the page, TimelineJS and Markdown exports work from a
``Chronology``; this turns the record written by ``export.to_json`` back into one, so that
``chronology_record(chronology_from_record(record)) == record``. Documents come back without
their text (the record does not carry it): ``text`` and ``body`` are empty.

A record is checked against the schema of ``docs/schema.md`` first, and the first problem is
named with its place (``events[3].summary: a string expected, found null``): a file edited by
hand or by another program is refused in one line instead of failing in a renderer. Fields the
schema marks nullable may be null or missing; fields added by a later release are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from timeline_cli.core.models import (
    Actor,
    ArticleRef,
    Chronology,
    ChronologyEvent,
    Correction,
    DateConflict,
    Document,
    KeyDay,
    Mention,
    Notice,
    Publication,
)
from timeline_cli.core.timevalue import PRECISION_RANK, value_interval, value_precision
from timeline_cli.output.export import SCHEMA, SCHEMA_VERSION

UNDATED_PRECISIONS = ("unresolved", "unknown")
PRECISIONS = (*PRECISION_RANK, *UNDATED_PRECISIONS)


class RecordProblem(ValueError):
    """Where a record departs from the schema, and how."""


# --- checking a record against the schema --------------------------------------------------

Check = Callable[[Any, str], None]  # raises RecordProblem naming ``where``


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    names = {str: "a string", int: "a number", float: "a number", list: "an array"}
    return names.get(type(value), "an object")


def _expect(where: str, expected: str, value: Any) -> RecordProblem:
    return RecordProblem(f"{where}: {expected} expected, found {_describe(value)}")


def _text(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise _expect(where, "a string", value)


def _count(value: Any, where: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _expect(where, "a whole number of 0 or more", value)


def _day(value: Any, where: str) -> None:
    _text(value, where)
    try:
        date.fromisoformat(value)
    except ValueError:
        raise RecordProblem(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _nullable(check: Check) -> Check:
    def nullable(value: Any, where: str) -> None:
        if value is not None:
            check(value, where)

    return nullable


def _list_of(check: Check, at_least: int = 0) -> Check:
    def items(value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise _expect(where, "an array", value)
        if len(value) < at_least:
            raise RecordProblem(f"{where}: at least {at_least} item(s) expected, found none")
        for index, item in enumerate(value):
            check(item, f"{where}[{index}]")

    return items


def _object(required: Mapping[str, Check], optional: Mapping[str, Check]) -> Check:
    """An object with ``required`` keys, and ``optional`` ones that may be missing."""

    def fields(value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise _expect(where, "an object", value)
        for key, check in required.items():
            if key not in value:
                raise RecordProblem(f"{where}: no {key!r} field")
            check(value[key], f"{where}.{key}")
        for key, check in optional.items():
            if key in value:
                check(value[key], f"{where}.{key}")

    return fields


_OPTIONAL_TEXT = _nullable(_text)
_DOCUMENT = _object(
    {"id": _text},
    {
        "path": _OPTIONAL_TEXT,
        "title": _OPTIONAL_TEXT,
        "published": _nullable(_day),
        "published_source": _OPTIONAL_TEXT,
        "published_note": _OPTIONAL_TEXT,
        "url": _OPTIONAL_TEXT,
        "outlet": _OPTIONAL_TEXT,
        "credit": _OPTIONAL_TEXT,
        "source": _OPTIONAL_TEXT,
        "copy_of": _OPTIONAL_TEXT,
    },
)
_MENTION = _object(
    {"document": _text, "sentence": _text, "start": _count, "end": _count, "trigger": _text},
    {
        "id": _text,
        "trigger_start": _nullable(_count),
        "date_text": _OPTIONAL_TEXT,
        "date_rule": _OPTIONAL_TEXT,
    },
)
_CONFLICT = _object({"date": _text, "documents": _list_of(_text)}, {})
_ARTICLE = _object(
    {"document": _text},
    {
        "title": _OPTIONAL_TEXT,
        "url": _OPTIONAL_TEXT,
        "outlet": _OPTIONAL_TEXT,
        "copy_of": _OPTIONAL_TEXT,
    },
)


def _score(value: Any, where: str) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
        raise _expect(where, "a number of 0 or more", value)


_KEY_DATE = _object({"rank": _count, "score": _score, "sources": _count}, {})
_EVENT_FIELDS = _object(
    {
        "id": _text,
        "precision": _text,
        "type": _text,
        "summary": _text,
        "mentions": _list_of(_MENTION, at_least=1),
    },
    {
        "date": _OPTIONAL_TEXT,
        "start": _nullable(_day),
        "end": _nullable(_day),
        "actors": _list_of(_text),
        "places": _list_of(_text),
        "conflicts": _list_of(_CONFLICT),
        "headline": _text,
        "outlets": _list_of(_text),
        "articles": _list_of(_ARTICLE),
        "corrections": _list_of(_text),
        "flags": _list_of(_text),
        "key_date": _nullable(_KEY_DATE),
    },
)
_ACTOR = _object(
    {"name": _text, "kind": _text}, {"aliases": _list_of(_text), "roles": _list_of(_text)}
)
_WARNING = _object({"code": _text, "message": _text}, {"document": _OPTIONAL_TEXT})


def _flag(value: Any, where: str) -> None:
    if not isinstance(value, bool):
        raise _expect(where, "a boolean", value)


_CORRECTION = _object(
    {"action": _text, "events": _list_of(_text, at_least=1)},
    {
        "date": _OPTIONAL_TEXT,
        "type": _OPTIONAL_TEXT,
        "mentions": _list_of(_text),
        "documents": _list_of(_text),
        "note": _OPTIONAL_TEXT,
        "file": _OPTIONAL_TEXT,
        "applied": _flag,
        "message": _text,
    },
)


def _event(value: Any, where: str) -> None:
    _EVENT_FIELDS(value, where)
    _dates_agree(value, where)


def _dates_agree(event: Mapping[str, Any], where: str) -> None:
    """The precision is one of the schema's, and date, start and end say the same thing."""
    precision = event["precision"]
    if precision not in PRECISIONS:
        raise RecordProblem(
            f"{where}.precision: {precision!r} is not one of {', '.join(PRECISIONS)}"
        )
    value, start, end = event.get("date"), event.get("start"), event.get("end")
    if precision in UNDATED_PRECISIONS:
        if value is not None or start is not None or end is not None:
            raise RecordProblem(f"{where}: an event of precision {precision!r} has no date")
        return
    expected = "day" if precision == "publication" else precision
    interval = value_interval(value) if isinstance(value, str) else None
    if interval is None or value_precision(value) != expected:
        raise RecordProblem(f"{where}.date: {value!r} is not a date of precision {precision!r}")
    if (start, end) != (interval[0].isoformat(), interval[1].isoformat()):
        raise RecordProblem(f"{where}: start and end are not the first and last day of {value}")


_CHRONOLOGY = _object(
    {"schema": _text, "version": _count},
    {
        "documents": _list_of(_DOCUMENT),
        "events": _list_of(_event),
        "actors": _list_of(_ACTOR),
        "warnings": _list_of(_WARNING),
        "corrections": _list_of(_CORRECTION),
        "inputs": _list_of(_text),
    },
)


def validate_record(record: Any) -> None:
    """Raise RecordProblem naming the first place where ``record`` is not a chronology."""
    if not isinstance(record, Mapping) or record.get("schema") != SCHEMA:
        raise RecordProblem(f'not a {SCHEMA} record (no "schema": "{SCHEMA}")')
    version = record.get("version")
    if version != SCHEMA_VERSION:
        written = "no version" if version is None else f"version {version!r}"
        raise RecordProblem(
            f"a {SCHEMA} record of {written}: this timeline-cli reads version {SCHEMA_VERSION}"
        )
    try:
        _CHRONOLOGY(record, "chronology")
    except RecordProblem as problem:
        raise RecordProblem(f"not a valid {SCHEMA} record: {problem}") from None


# --- building the Chronology ---------------------------------------------------------------


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
        credit=record.get("credit"),
        copy_of=record.get("copy_of"),
        source=record.get("source"),
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


def _chronology_event(record: Mapping[str, Any]) -> ChronologyEvent:
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
        headline=record.get("headline", ""),
        articles=tuple(
            ArticleRef(
                a["document"], a.get("title"), a.get("url"), a.get("outlet"), a.get("copy_of")
            )
            for a in record.get("articles", ())
        ),
        corrections=tuple(record.get("corrections", ())),
        flags=tuple(record.get("flags", ())),
        key=_key_day(record.get("key_date")),
    )


def _key_day(record: Mapping[str, Any] | None) -> KeyDay | None:
    if record is None:
        return None
    return KeyDay(record["rank"], record["score"], record["sources"])


def _actor(record: Mapping[str, Any]) -> Actor:
    return Actor(
        name=record["name"],
        kind=record["kind"],
        aliases=tuple(record.get("aliases", ())),
        roles=tuple(record.get("roles", ())),
    )


def _correction(record: Mapping[str, Any]) -> Correction:
    return Correction(
        action=record["action"],
        events=tuple(record["events"]),
        date=record.get("date"),
        type=record.get("type"),
        mentions=tuple(record.get("mentions", ())),
        documents=tuple(record.get("documents", ())),
        note=record.get("note"),
        origin=record.get("file"),
        applied=bool(record.get("applied", False)),
        message=record.get("message", ""),
    )


def chronology_from_record(record: Mapping[str, Any]) -> Chronology:
    """The Chronology a JSON record describes; RecordProblem (a ValueError) when it is not one."""
    validate_record(record)
    return Chronology(
        documents=tuple(_document(d) for d in record.get("documents", ())),
        events=tuple(_chronology_event(e) for e in record.get("events", ())),
        notices=tuple(
            Notice(w["code"], w["message"], w.get("document")) for w in record.get("warnings", ())
        ),
        actors=tuple(_actor(a) for a in record.get("actors", ())),
        corrections=tuple(_correction(c) for c in record.get("corrections", ())),
        inputs=tuple(record.get("inputs", ())),
    )


def as_chronology(value: Chronology | Mapping[str, Any]) -> Chronology:
    """A Chronology as is, or one read from its JSON record."""
    return value if isinstance(value, Chronology) else chronology_from_record(value)


class NotAChronology(ValueError):
    """Bytes that hold no saved chronology; ``kind`` says what they most likely are instead
    ("a CSV file"), when that can be told."""

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind


def load_chronology(raw: bytes, name: str, suffix: str = "") -> Chronology:
    """The chronology saved as JSON in ``raw`` (read from the file ``name``, whose extension
    is ``suffix``); NotAChronology naming the file and its first problem."""
    try:
        return chronology_from_record(json.loads(raw.decode("utf-8-sig")))
    except UnicodeDecodeError as error:
        kind = _other_kind(suffix, raw)
        if kind:
            raise NotAChronology(f"{name}: {kind}, not a saved chronology", kind) from None
        raise NotAChronology(f"{name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        kind = _other_kind(suffix, raw)
        if kind:
            raise NotAChronology(f"{name}: {kind}, not a saved chronology", kind) from None
        place = f"line {error.lineno}, column {error.colno}"
        raise NotAChronology(f"{name}: not valid JSON ({error.msg}, {place})") from None
    except RecursionError:
        raise NotAChronology(f"{name}: not usable JSON (nested too deeply)") from None
    except RecordProblem as error:
        raise NotAChronology(f"{name}: {error}") from None
    except ValueError as error:  # json's refusal of a number of thousands of digits
        reason = str(error).split(":")[0]
        raise NotAChronology(f"{name}: not usable JSON ({reason})") from None


# What a file that is no chronology most likely is, by its extension or its first bytes.
_OTHER_KINDS = {
    ".csv": "a CSV file", ".tsv": "a TSV file", ".jsonl": "a JSON Lines file",
    ".ndjson": "a JSON Lines file", ".xlsx": "an Excel workbook", ".html": "an HTML page",
    ".htm": "an HTML page", ".md": "a Markdown file", ".txt": "a text file",
}  # fmt: skip


def _other_kind(suffix: str, raw: bytes) -> str | None:
    """What a file that holds no chronology is instead ("a CSV file"), if that can be told."""
    kind = _OTHER_KINDS.get(suffix.lower())
    if kind:
        return kind
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP file (an Excel workbook?)"
    if head[:1] == b"<":
        return "an HTML or XML document"
    first_line, _, rest = head.partition(b"\n")
    if head[:1] == b"{" and rest.strip() and _json_object(first_line):
        return "JSON Lines (one object a line)"
    return None


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # not JSON, or not UTF-8
        return False
