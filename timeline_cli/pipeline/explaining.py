"""Explanations of dates read from files: the articles are parsed again to show how each
date expression was resolved (``chronology.explain`` says what an explanation holds)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from timeline_cli.chronology.explain import Explanation, explain_documents
from timeline_cli.core.models import Chronology
from timeline_cli.ingest.documents import LoadedDocuments, load_documents
from timeline_cli.pipeline.nlp import load_pipeline


def explain_files(
    files: Sequence[Path],
    published: Mapping[str, date],
    model: str | None,
    expression: str | None = None,
) -> tuple[LoadedDocuments, list[Explanation]]:
    """The articles read (with their notices and skipped files), and the explanation of
    each of their dates, or of those containing ``expression``."""
    loaded = load_documents(files, published)
    explanations = explain_documents(load_pipeline(model), loaded.documents, expression)
    return loaded, explanations


def explain_used_dates(chronology: Chronology, model: str | None) -> list[Explanation]:
    """The explanations of the date expressions the chronology's events were dated by."""
    used = {(m.document, m.date_text) for e in chronology.events for m in e.mentions if m.date_text}
    documents = [d for d in chronology.documents if any(doc == d.id for doc, _ in used)]
    explained = explain_documents(load_pipeline(model), documents)
    return [item for item in explained if (item.document, item.expression) in used]
