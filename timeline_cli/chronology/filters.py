"""Narrowing a chronology: by type, actor, dates, number of sources and document.

Criteria combine with AND; the values of one criterion with OR (types meeting or visit).
An actor matches by its canonical name or any alias, as a whole word, ignoring case, so
Lund finds "Ada Lund". Date bounds keep events whose interval
overlaps them; undated events never pass a date bound. Accents and case are ignored alike
here and in the HTML page's actor box (``fold``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.core.timevalue import value_interval
from timeline_cli.events.lexicon import load_lexicon

_ACCENTS = re.compile("[\u0300-\u036f]")  # combining marks, once NFKD has split them off


@dataclass(frozen=True)
class EventFilter:
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_sources: int = 1
    documents: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()


class UnknownEventType(ValueError):
    """A type to filter by that the lexicon has neither as an event type nor as a parent."""


def check_types(names: tuple[str, ...]) -> None:
    """Raise UnknownEventType, listing the known types, if a name is none of them."""
    lexicon = load_lexicon()
    known = (*lexicon.event_types, *lexicon.parents)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownEventType(f"unknown event type {unknown[0]!r}; choose from {', '.join(known)}")


def parse_bound(text: str, *, end: bool) -> date:
    """'2012', '2012-03' or '2012-03-09' as the first (or, for ``end``, last) day it covers."""
    interval = (
        value_interval(text.strip()) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text.strip()) else None
    )
    if interval is None:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return interval[1] if end else interval[0]


def apply_filter(chronology: Chronology, event_filter: EventFilter) -> Chronology:
    if event_filter.is_empty:
        return chronology
    names = {actor.name: (actor.name, *actor.aliases) for actor in chronology.actors}
    kept = tuple(e for e in chronology.events if keeps(event_filter, e, names))
    return replace(chronology, events=kept)


def keeps(
    event_filter: EventFilter,
    event: ChronologyEvent,
    names: dict[str, tuple[str, ...]] | None = None,
) -> bool:
    """Whether an event passes; ``names`` gives each actor's aliases (from the chronology)."""
    names = names or {}
    if event_filter.types and not {event.type, event.subtype} & set(event_filter.types):
        return False
    if event.source_count < event_filter.min_sources:
        return False
    if event_filter.documents and not set(event.documents) & set(event_filter.documents):
        return False
    if event_filter.actors and not any(
        _names_match(query, names.get(actor, (actor,)))
        for query in event_filter.actors
        for actor in (*event.actors, *event.places)
    ):
        return False
    return _within(event, event_filter.since, event_filter.until)


def _names_match(query: str, names: tuple[str, ...]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(fold(query).strip())}(?!\w)")
    return any(pattern.search(fold(name)) for name in names)


def fold(text: str) -> str:
    """Lower case without accents ("Zürich" as "zurich"), as the HTML page's filter folds."""
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text)).lower()


def _within(event: ChronologyEvent, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if event.start is None or event.end is None:
        return False
    return (since is None or event.end >= since) and (until is None or event.start <= until)
