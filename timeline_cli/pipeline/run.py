"""The library API: from files to a Chronology. The CLI only wires options into this."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from timeline_cli.chronology.corrections import apply_corrections, stable_ids, type_parents
from timeline_cli.chronology.merge import chronological_key, group_events, single_events
from timeline_cli.chronology.sources import attribute, join_copies, with_articles
from timeline_cli.chronology.trust import flag_events
from timeline_cli.core.models import (
    Chronology,
    ChronologyEvent,
    Correction,
    DayMention,
    Document,
    Event,
    Notice,
)
from timeline_cli.events.registry import DocumentActors, Registry
from timeline_cli.ingest.documents import DocumentStream, UnknownArticleName, load_documents
from timeline_cli.ingest.language import language_notice
from timeline_cli.ingest.readers import FieldNames, RecordError, SourceArticle
from timeline_cli.pipeline.cache import ParseCache, cache_context, cached
from timeline_cli.pipeline.engines import extractions
from timeline_cli.pipeline.extraction import Extraction, Limits, extract_all
from timeline_cli.pipeline.nlp import load_pipeline

__all__ = [
    "Limits",
    "RunResult",
    "Settings",
    "UnknownArticleName",
    "build_chronology",
    "extract_documents",
    "run",
]


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    published: Mapping[str, date] = field(default_factory=dict)
    fields: FieldNames = field(default_factory=FieldNames)
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    merge: bool = True
    limits: Limits = field(default_factory=Limits)
    cache: Path | None = None  # the parse cache's file (``cache.py``); None: no cache
    corrections: tuple[Correction, ...] = ()  # from corrections files (``corrections.py``)
    kept_ids: frozenset[str] = frozenset()  # event ids in use, kept stable (an update)


@dataclass(frozen=True)
class RunResult:
    chronology: Chronology
    skipped: tuple[str, ...]
    cache_warnings: tuple[str, ...] = ()  # a damaged or busy parse cache (not the articles')
    days: Mapping[str, tuple[DayMention, ...]] = field(default_factory=dict)  # by document id


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
    unknown = [notice.message for notice in loaded.notices if notice.code == "unused-date"]
    if unknown:
        raise UnknownArticleName(unknown)
    extract = _extractor(settings)
    cache = _cache(settings)
    days: dict[str, tuple[DayMention, ...]] = {}
    try:
        documents = loaded.documents
        extracted = cached(documents, extract, cache) if cache else extract(documents)
        chronology = build_chronology(
            documents,
            _reporting(extracted, on_document, days),
            loaded.notices,
            settings.merge,
            settings.corrections,
            settings.kept_ids,
        )
    finally:
        if cache is not None:
            cache.close()
    warnings = tuple(cache.warnings) if cache else ()
    return RunResult(chronology, loaded.skipped, warnings, days)


def extract_documents(
    documents: Sequence[Document], settings: Settings | None = None
) -> tuple[list[Extraction], tuple[str, ...]]:
    """The extraction of every article, through the parse cache when the settings name one;
    and the cache's warnings. For evaluations that build several chronologies of one set."""
    settings = settings or Settings()
    extract = _extractor(settings)
    cache = _cache(settings)
    try:
        extracted = list(cached(documents, extract, cache) if cache else extract(documents))
    finally:
        if cache is not None:
            cache.close()
    return extracted, tuple(cache.warnings) if cache else ()


def _extractor(settings: Settings) -> Callable[[Sequence[Document]], Iterator[Extraction]]:
    return partial(
        extractions,
        model=settings.model,
        jobs=settings.jobs,
        engine=settings.engine,
        scheduler=settings.scheduler,
        limits=settings.limits,
    )


def _cache(settings: Settings) -> ParseCache | None:
    if settings.cache is None:
        return None
    context = cache_context(settings.model, settings.limits.part_chars)
    return ParseCache(settings.cache, context)


def _reporting(
    extracted: Iterable[Extraction],
    on_document: Callable[[Document], None] | None,
    days: dict[str, tuple[DayMention, ...]],
) -> Iterator[Extraction]:
    """The extractions as they come, each reported, and the days each names kept aside."""
    for extraction in extracted:
        if on_document:
            on_document(extraction.document)
        days[extraction.document.id] = extraction.days
        yield extraction


def build_chronology(
    documents: Sequence[Document],
    extracted: Iterable[Extraction],
    notices: Sequence[Notice] = (),
    merge: bool = True,
    corrections: Sequence[Correction] = (),
    kept_ids: frozenset[str] = frozenset(),
) -> Chronology:
    """The chronology of extracted articles: actors named alike across them, mentions of one
    event merged (or, with ``merge`` off, each mention its own event), the corrections
    applied, ids made stable, each event's articles and independent sources named, all
    sorted. Needs only the extractions' events and actors, never the parses."""
    events: list[Event] = []
    all_notices = list(notices)
    described: list[DocumentActors] = []
    for extraction in extracted:
        events.extend(extraction.events)
        all_notices.extend(extraction.notices)
        described.append(extraction.actors)
    registry = Registry(described)
    canonical = [with_canonical_actors(event, registry) for event in events]
    attributed = attribute(documents)
    published = {document.id: document.publication.date for document in documents}
    if merge:
        groups = join_copies(group_events(canonical, published), attributed)
    else:
        groups = [[event] for event in _in_order(canonical)]
    corrected = apply_corrections(groups, corrections, type_parents())
    all_notices.extend(corrected.notices())
    kept = kept_ids | {identifier for c in corrections for identifier in c.events}
    merged = with_articles(stable_ids(corrected.events(), published, kept), attributed)
    merged = [_without_descriptors(event, registry.descriptors) for event in merged]
    merged = flag_events(merged, documents)
    merged.sort(key=chronological_key)
    # Sorted, so that the order in which files were named changes nothing in the output.
    ordered = sorted(all_notices, key=lambda n: (n.document or "", n.code, n.message))
    named = {name for event in merged for name in (*event.actors, *event.places)}
    actors = tuple(actor for actor in registry.actors if actor.name in named)
    return Chronology(attributed, tuple(merged), tuple(ordered), actors, tuple(corrected.report))


def _without_descriptors(event: ChronologyEvent, descriptors: set[str]) -> ChronologyEvent:
    """The event without the nationalities and groups its articles use only as adjectives
    ("Chilean miners"): they took part in merging, they are no actors."""
    actors = tuple(name for name in event.actors if name not in descriptors)
    return replace(event, actors=actors) if actors != event.actors else event


def _in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))


def with_canonical_actors(event: Event, registry: Registry) -> Event:
    """The event with each actor and place named as across the whole run."""

    def canonical(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(registry.canonical(name) for name in names))

    headline = event.headline
    for name in (*event.actors, *event.places):
        if registry.canonical(name) != name:  # "Cho Hyun-woo visits Chile": one spelling
            headline = re.sub(
                rf"(?<!\w){re.escape(name)}(?!\w)", registry.canonical(name), headline
            )
    return replace(
        event,
        actors=canonical(event.actors),
        places=canonical(event.places),
        principals=canonical(event.principals),
        headline=headline,
    )


def stream_events(
    paths: Sequence[Path],
    settings: Settings | None = None,
    stdin_articles: Iterable[SourceArticle | RecordError] = (),
) -> tuple[DocumentStream, Iterator[ChronologyEvent]]:
    """Each article's events as soon as its batch is parsed, unmerged.

    Nothing waits for the last article: a year-less dateline is dated from the articles read
    before it, and names are made alike within each article only. The stream's notices are
    complete once the events are exhausted.
    """
    settings = settings or Settings()
    stream = DocumentStream(paths, settings.published, settings.fields, stdin_articles)

    def documents() -> Iterator[Document]:
        for document in stream.dated_as_read():
            stream.notices.extend(filter(None, [language_notice(document)]))
            yield document

    def events() -> Iterator[ChronologyEvent]:
        for extraction in extract_all(load_pipeline(settings.model), documents(), settings.limits):
            stream.notices.extend(extraction.notices)
            yield from flag_events(single_events(extraction.events), [extraction.document])

    return stream, events()
