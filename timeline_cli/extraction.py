"""Extraction of one batch of articles: parse, find dates, read events, describe actors.

A pure function of the articles and the model name, so that it can run in this process, in
worker processes or on a Dask cluster with the same results.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from timeline_cli.actors import ActorIndex
from timeline_cli.events import extract_events
from timeline_cli.mentions import Timex, find_timexes
from timeline_cli.models import Document, Event, Notice
from timeline_cli.nlp import load_pipeline
from timeline_cli.normalize import INVALID, UNRESOLVED
from timeline_cli.registry import DocumentActors

BATCH_SIZE = 32


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its events, the notices its dates call for, its actors."""

    document: Document
    events: list[Event]
    notices: list[Notice]
    actors: DocumentActors


def extract_all(
    nlp: Language, documents: Iterable[Document], as_reported: bool = False
) -> Iterable[Extraction]:
    """Parse every article in one ``nlp.pipe`` pass and extract what each holds (with
    ``as_reported``, undated events too: see ``extract_events``)."""
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        yield extract_parsed(doc, document, as_reported)


def extract_parsed(doc: Doc, document: Document, as_reported: bool = False) -> Extraction:
    """What one parsed article holds (for callers that keep the parse, as eval-timeline)."""
    timexes = find_timexes(doc, document.publication.date)
    index = ActorIndex(doc)
    events = extract_events(doc, document, timexes, actors=index, as_reported=as_reported)
    actors = DocumentActors(
        id=document.id,
        counts=dict(index.counts),
        kinds=dict(index.kinds),
        aliases=dict(index.aliases),
        roles={name: frozenset(titles) for name, titles in index.roles.items()},
    )
    return Extraction(document, events, date_notices(document, timexes), actors)


def extract_batch(documents: Sequence[Document], model: str | None = None) -> list[Extraction]:
    """Extract a batch of articles with the named pipeline (loaded once per process)."""
    return list(extract_all(load_pipeline(model), documents))


def date_notices(document: Document, timexes: Sequence[Timex]) -> list[Notice]:
    """Impossible dates ("February 30", "1274 BCE"), and relative dates an undated article
    leaves open."""
    notices = [
        Notice("impossible-date", _impossible(document, timex), document.id)
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


def _impossible(document: Document, timex: Timex) -> str:
    assert timex.value is not None
    if timex.value.rule == "before_common_era":
        reason = "is before the Common Era, where the chronology places nothing"
    else:
        reason = "is not a calendar date"
    return f"{_where(document)}: {timex.text!r} {reason}; it dates nothing"


def _where(document: Document) -> str:
    """The file, and the row's id for an article that is one row of a dataset."""
    if Path(document.path).stem == document.id:
        return document.path
    return f"{document.path} (id {document.id})"
