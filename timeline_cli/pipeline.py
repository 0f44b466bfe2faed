"""The library API: from files to a Chronology. The CLI only wires options into this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from timeline_cli.chronology import merge_events
from timeline_cli.documents import load_documents
from timeline_cli.events import extract_events
from timeline_cli.mentions import find_timexes
from timeline_cli.models import Chronology, Document, Event, Notice
from timeline_cli.nlp import load_pipeline
from timeline_cli.normalize import UNRESOLVED

BATCH_SIZE = 32


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    published: Mapping[str, date] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    chronology: Chronology
    skipped: tuple[str, ...]


def run(
    paths: Sequence[Path],
    settings: Settings | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> RunResult:
    """Extract, merge and sort the events of the given article files."""
    settings = settings or Settings()
    loaded = load_documents(paths, settings.published)
    nlp = load_pipeline(settings.model)
    events: list[Event] = []
    notices = list(loaded.notices)
    for document, document_events, unresolved in extract_all(nlp, loaded.documents):
        events.extend(document_events)
        if unresolved:
            notices.append(
                Notice(
                    "unresolved-dates",
                    f"{document.id}: {unresolved} relative date(s) left unresolved "
                    "(no publication date to resolve them against)",
                    document.id,
                )
            )
        if on_document:
            on_document(document)
    chronology = Chronology(loaded.documents, tuple(merge_events(events)), tuple(notices))
    return RunResult(chronology, loaded.skipped)


def extract_all(
    nlp: Language, documents: Iterable[Document]
) -> Iterable[tuple[Document, list[Event], int]]:
    """Each document with its events and its count of unresolved relative dates."""
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        timexes = find_timexes(doc, document.publication.date)
        unresolved = 0
        if document.publication.date is None:
            unresolved = sum(
                1 for t in timexes if t.value is not None and t.value.value == UNRESOLVED
            )
        yield document, extract_events(doc, document, timexes), unresolved
