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
from timeline_cli.mentions import Timex, find_timexes
from timeline_cli.models import Chronology, Document, Event, Notice
from timeline_cli.nlp import load_pipeline
from timeline_cli.normalize import INVALID, UNRESOLVED

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
    for document, document_events, document_notices in extract_all(nlp, loaded.documents):
        events.extend(document_events)
        notices.extend(document_notices)
        if on_document:
            on_document(document)
    # Sorted, so that the order in which files were named changes nothing in the output.
    ordered = sorted(notices, key=lambda n: (n.document or "", n.code, n.message))
    chronology = Chronology(loaded.documents, tuple(merge_events(events)), tuple(ordered))
    return RunResult(chronology, loaded.skipped)


def extract_all(
    nlp: Language, documents: Iterable[Document]
) -> Iterable[tuple[Document, list[Event], list[Notice]]]:
    """Each document with its events and the notices its dates call for."""
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        timexes = find_timexes(doc, document.publication.date)
        yield document, extract_events(doc, document, timexes), date_notices(document, timexes)


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
