"""Builders for the chronology values tests need: one mention, one event, one chronology.

Each builder takes the fields a test cares about and fills the rest with plain defaults:
a meeting in article "a" on 9 March 2012, dated at the precision its TimeML value writes.
``make_read_event`` is an event as read from one sentence; ``make_event`` one of the
chronology, after merging.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from timeline_cli.core.models import Chronology, ChronologyEvent, Document, Event, Mention
from timeline_cli.core.timevalue import TimeValue, value_interval, value_precision


def make_mention(
    document: str = "a",
    sentence: str = "They met.",
    *,
    start: int = 0,
    trigger: str = "met",
    date_text: str | None = None,
    date_rule: str | None = None,
    trigger_start: int | None = None,
) -> Mention:
    """The evidence of an event: ``sentence`` read at ``start`` of ``document``."""
    end = start + len(sentence)
    return Mention(document, sentence, start, end, trigger, date_text, date_rule, trigger_start)


def make_read_event(
    document: str = "a",
    value: str | None = "2012-03-09",
    precision: str = "day",
    *,
    start: int = 0,
    trigger_start: int | None = None,
    **fields: Any,
) -> Event:
    """An event as read from one sentence (at ``start`` of ``document``), before merging;
    its principals are its actors unless given."""
    sentence = f"sentence {document} {start}"
    mention = make_mention(document, sentence, start=start, trigger_start=trigger_start)
    values: dict[str, Any] = {
        "type": "meeting",
        "trigger": "meet",
        "date": TimeValue(value) if value else None,
        "precision": precision,
        "actors": (),
        "places": (),
        "summary": f"summary {document}",
        "mention": mention,
    }
    values = {**values, **fields}
    values.setdefault("principals", values["actors"])
    return Event(**values)


def make_event(
    value: str | None = "2012-03-09",
    precision: str | None = None,
    *,
    mentions: Sequence[Mention] | None = None,
    **fields: Any,
) -> ChronologyEvent:
    """An event dated ``value`` (TimeML), its interval and precision read from the value
    unless given; ``fields`` set any other field of ``ChronologyEvent``."""
    interval = value_interval(value) if value else None
    values: dict[str, Any] = {
        "id": "ev-1",
        "date": value,
        "precision": precision or (value and value_precision(value)) or "unresolved",
        "start": interval[0] if interval else None,
        "end": interval[1] if interval else None,
        "type": "meeting",
        "summary": "They met",
        "actors": (),
        "places": (),
        "mentions": tuple(mentions) if mentions is not None else (make_mention(),),
    }
    return ChronologyEvent(**{**values, **fields})


def make_document(document_id: str = "a", **fields: Any) -> Document:
    """An article of no text named ``<id>.txt``; ``fields`` set any other field."""
    values: dict[str, Any] = {
        "id": document_id,
        "path": f"{document_id}.txt",
        "text": "",
        "body": "",
        "segments": (),
    }
    return Document(**{**values, **fields})


def make_chronology(
    *events: ChronologyEvent, documents: Sequence[Document] = (), **fields: Any
) -> Chronology:
    """A chronology of these events and documents; ``fields`` set notices, actors and so on."""
    return Chronology(tuple(documents), tuple(events), **fields)


# A short story of our own over four articles: a march, its anniversary told later, a
# resignation and its reporting (key dates, eval-tls).
STORY = [
    ("a1", "2021-03-02", "Thousands of workers marched through Lisbon on Monday, demanding "
     "higher wages. Union leader Rita Costa said the strike would go on."),
    ("a2", "2021-03-05", "Workers marched through Porto on Thursday. Since the March 1 march in "
     "Lisbon, the union has doubled in size, Rita Costa said on Thursday."),
    ("a3", "2021-03-09", "Prime Minister Paulo Reis resigned on Monday after the protests that "
     "began in Lisbon on March 1."),
    ("a4", "2021-03-12", "The March 1 march and the resignation of Paulo Reis on March 8 changed "
     "the country, Rita Costa told reporters on Thursday."),
]  # fmt: skip
