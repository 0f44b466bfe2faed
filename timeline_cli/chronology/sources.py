"""Who reports an event: the independent outlet each article counts as, copies counted once.

An article's outlet is read from what the text credits (``ingest.credits``): the agency of a
dateline ("LIMA, June 3 (Reuters) -", "(AP)"), a byline naming an outlet ("By Harbor
Gazette", "By Jane Roe, Associated Press"), a closing credit ("... (AFP)"); else from the
publisher the metadata names (``timeline-metadata.csv``, a page's site name, front matter).
Agencies' spellings are made one ("The Associated Press" is "AP", ``ingest.credits``).

Near-copies of one story (``copies``) are one source: the whole group counts as the agency
any of them credits (the most credited), else as the publisher of its original, the copy
published first (then the longest, then by id). An event's ``source_count`` is the number of
distinct outlets among its articles, where an article of unknown outlet counts once with its
copies (``ArticleRef.source_key``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from timeline_cli.chronology.copies import copy_groups
from timeline_cli.core.models import ArticleRef, ChronologyEvent, Document, Event
from timeline_cli.ingest.credits import outlet_name

COPY_SENTENCE_JACCARD = 0.6


def attribute(documents: Sequence[Document]) -> tuple[Document, ...]:
    """The documents with ``copy_of`` (the original of their copy group) and ``source`` (the
    independent outlet they count as, None when unknown) filled in."""
    attributed = list(documents)
    for group in copy_groups([document.body for document in documents]):
        members = [documents[index] for index in group]
        original = min(members, key=_original_order)
        source = _group_source(members, original)
        for index in group:
            document = documents[index]
            copy_of = None if document is original else original.id
            attributed[index] = replace(document, copy_of=copy_of, source=source)
    return tuple(attributed)


def _original_order(document: Document) -> tuple[bool, date, bool, int, str]:
    """The original of a copy group: the first published, then one that credits an agency
    or outlet (the wire's own text), then the longest, then by id."""
    published = document.publication.date
    return (
        published is None,
        published or date.max,
        document.credit is None,
        -len(document.body),
        document.id,
    )


def _group_source(members: list[Document], original: Document) -> str | None:
    credits = Counter(outlet_name(m.credit) for m in members if m.credit)
    if credits:
        preferred = outlet_name(original.credit) if original.credit else None
        return min(credits, key=lambda name: (-credits[name], name != preferred, name))
    publisher = original.credit or original.outlet
    return outlet_name(publisher) if publisher else None


def join_copies(groups: Iterable[list[Event]], documents: Sequence[Document]) -> list[list[Event]]:
    """The groups of mentions with one event told by copies of one story made one: the same
    type and date, from articles of one copy group, in sentences with at least
    ``COPY_SENTENCE_JACCARD`` of their words in common (a sentence lightly edited). Copies
    name no participant alike more often than they tell one event twice."""
    original = {document.id: document.copy_of or document.id for document in documents}
    joined: list[list[Event]] = []
    buckets: dict[tuple[str, str, str | None], list[int]] = {}
    for group in groups:
        leader = group[0]
        story = original.get(leader.mention.document, leader.mention.document)
        key = (story, leader.type, leader.date.value if leader.date else None)
        words = _words(leader.mention.sentence)
        target = next(
            (
                index
                for index in buckets.get(key, ())
                if _documents(joined[index]).isdisjoint(_documents(group))
                and _jaccard(_words(joined[index][0].mention.sentence), words)
                >= COPY_SENTENCE_JACCARD
            ),
            None,
        )
        if target is None:
            buckets.setdefault(key, []).append(len(joined))
            joined.append(list(group))
        else:
            joined[target].extend(group)
    return joined


def _documents(group: list[Event]) -> set[str]:
    return {event.mention.document for event in group}


def _words(sentence: str) -> set[str]:
    return set(re.findall(r"\w+", sentence.casefold()))


def _jaccard(first: set[str], second: set[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def with_articles(
    events: Iterable[ChronologyEvent], documents: Sequence[Document]
) -> list[ChronologyEvent]:
    """Each event with the articles that report it, for honest source counts."""
    by_id = {document.id: document for document in documents}
    return [
        replace(event, articles=tuple(_article(by_id, name) for name in event.documents))
        for event in events
    ]


def _article(documents: dict[str, Document], name: str) -> ArticleRef:
    document = documents.get(name)
    if document is None:
        return ArticleRef(name)
    return ArticleRef(name, document.title, document.url, document.source, document.copy_of)
