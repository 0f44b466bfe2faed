"""The library API: from files to a Chronology. The CLI only wires options into this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language

from timeline_cli.actors import ActorIndex
from timeline_cli.chronology import merge_events
from timeline_cli.documents import load_documents
from timeline_cli.events import extract_events
from timeline_cli.formats import FieldNames, RecordError, SourceArticle
from timeline_cli.mentions import Timex, find_timexes
from timeline_cli.models import Chronology, Document, Event, Notice
from timeline_cli.nlp import load_pipeline
from timeline_cli.normalize import INVALID, UNRESOLVED
from timeline_cli.registry import DocumentActors, Registry

BATCH_SIZE = 32


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    published: Mapping[str, date] = field(default_factory=dict)
    fields: FieldNames = field(default_factory=FieldNames)


@dataclass(frozen=True)
class RunResult:
    chronology: Chronology
    skipped: tuple[str, ...]


def run(
    paths: Sequence[Path],
    settings: Settings | None = None,
    on_document: Callable[[Document], None] | None = None,
    stdin_articles: Iterable[SourceArticle | RecordError] = (),
) -> RunResult:
    """Extract, merge and sort the events of the given article files (and records)."""
    settings = settings or Settings()
    loaded = load_documents(
        paths, settings.published, fields=settings.fields, stdin_articles=stdin_articles
    )
    nlp = load_pipeline(settings.model)
    events: list[Event] = []
    notices = list(loaded.notices)
    described: list[DocumentActors] = []
    for extraction in extract_all(nlp, loaded.documents):
        events.extend(extraction.events)
        notices.extend(extraction.notices)
        described.append(extraction.actors)
        if on_document:
            on_document(extraction.document)
    registry = Registry(described)
    merged = merge_events(with_canonical_actors(event, registry) for event in events)
    # Sorted, so that the order in which files were named changes nothing in the output.
    ordered = sorted(notices, key=lambda n: (n.document or "", n.code, n.message))
    named = {name for event in merged for name in (*event.actors, *event.places)}
    actors = tuple(actor for actor in registry.actors if actor.name in named)
    chronology = Chronology(loaded.documents, tuple(merged), tuple(ordered), actors)
    return RunResult(chronology, loaded.skipped)


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its events, the notices its dates call for, its actors."""

    document: Document
    events: list[Event]
    notices: list[Notice]
    actors: DocumentActors


def extract_all(nlp: Language, documents: Iterable[Document]) -> Iterable[Extraction]:
    """Parse every article in one ``nlp.pipe`` pass and extract what each holds."""
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        timexes = find_timexes(doc, document.publication.date)
        index = ActorIndex(doc)
        events = extract_events(doc, document, timexes, actors=index)
        actors = DocumentActors(
            id=document.id,
            counts=dict(index.counts),
            kinds=dict(index.kinds),
            aliases=dict(index.aliases),
            roles={name: frozenset(titles) for name, titles in index.roles.items()},
        )
        yield Extraction(document, events, date_notices(document, timexes), actors)


def with_canonical_actors(event: Event, registry: Registry) -> Event:
    """The event with each actor and place named as across the whole run."""

    def canonical(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(registry.canonical(name) for name in names))

    return replace(
        event,
        actors=canonical(event.actors),
        places=canonical(event.places),
        principals=canonical(event.principals),
    )


def date_notices(document: Document, timexes: Sequence[Timex]) -> list[Notice]:
    """Impossible dates ("February 30"), and relative dates an undated article leaves open."""
    notices = [
        Notice(
            "impossible-date",
            f"{document.id}: {timex.text!r} is not a calendar date; it dates nothing",
            document.id,
        )
        for timex in timexes
        if timex.value is not None and timex.value.type == INVALID
    ]
    unresolved = sum(1 for t in timexes if t.value is not None and t.value.value == UNRESOLVED)
    if document.publication.date is None and unresolved:
        message = (
            f"{document.id}: {unresolved} relative date(s) left unresolved "
            "(no publication date to resolve them against)"
        )
        notices.append(Notice("unresolved-dates", message, document.id))
    return notices
