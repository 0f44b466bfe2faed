"""Who reports an event: the independent outlet each article counts as, copies counted once.

An article's outlet is read from what the text credits (``credit_of``): the agency of a
dateline ("SEOUL, March 9 (Yonhap) -", "(AP)"), a byline naming an outlet ("By Korea
Herald", "By Jane Roe, Associated Press"), a closing credit ("... (AFP)"); else from the
publisher the metadata names (``timeline-metadata.csv``, a page's site name, front matter).
Agencies' spellings are made one ("The Associated Press" is "AP", ``data/outlets.toml``).

Near-copies of one story (``copies``) are one source: the whole group counts as the agency
any of them credits (the most credited), else as the publisher of its original, the copy
published first (then the longest, then by id). An event's ``source_count`` is the number of
distinct outlets among its articles, where an article of unknown outlet counts once with its
copies (``ArticleRef.source_key``).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline_cli.copies import copy_groups
from timeline_cli.models import ArticleRef, ChronologyEvent, Document, Event
from timeline_cli.published import match_dateline

HEAD_LINES = 12  # where datelines and bylines are looked for
_BYLINE_MAX_WORDS = 14
_BYLINE = re.compile(r"(?:^|\s)By\s+(?P<who>\S.{1,80})$")
_BYLINE_PARTS = re.compile(r"\s*(?:[,|;/]|\s[-—–]\s|\sand\s)\s*")
_CLOSING_PAREN = re.compile(r"\((?P<name>[^()]{2,40})\)\s*$")
_CLOSING_LINE = re.compile(
    r"^[\s\-—–©]*(?:copyright\s*)?(?:©\s*)?(?:\d{4}\s*)?(?P<name>[^\d\s][^()]{1,40}?)[\s.]*$",
    re.IGNORECASE,
)
_CLOSING_MAX_WORDS = 6
COPY_SENTENCE_JACCARD = 0.6


@dataclass(frozen=True)
class _Outlets:
    aliases: dict[str, str]  # key of a spelling -> the agency's name
    outlet_words: frozenset[str]
    staff_words: frozenset[str]


@lru_cache(maxsize=1)
def _outlets() -> _Outlets:
    text = resources.files("timeline_cli").joinpath("data/outlets.toml").read_text("utf-8")
    data = tomllib.loads(text)
    aliases = {
        _key(spelling): name
        for name, spellings in data["agencies"].items()
        for spelling in (name, *spellings)
    }
    bylines = data["bylines"]
    return _Outlets(aliases, frozenset(bylines["outlet_words"]), frozenset(bylines["staff_words"]))


def _key(name: str) -> str:
    """How outlet names are compared: no case, no leading "The", no punctuation."""
    words = re.findall(r"\w+", name.casefold())
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def outlet_name(name: str) -> str:
    """One name per outlet: an agency's own ("AP" for "The Associated Press"), else the name
    without a leading "The"."""
    known = _outlets().aliases.get(_key(name))
    if known:
        return known
    stripped = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return stripped or name.strip()


def credit_of(lines: Sequence[str], text: str = "") -> str | None:
    """The agency or outlet an article credits: a dateline's, a byline's (among the first
    ``lines`` kept of it), a closing credit's (on the last lines of its ``text``; known
    agencies only), in that order."""
    head = lines[:HEAD_LINES]
    for line in head:
        match = match_dateline(line)
        agency = match.group("agency") if match else None
        if agency and agency[1:2].isupper():
            return outlet_name(agency.strip("()").strip())
    for line in head:
        found = _byline_outlet(line)
        if found:
            return found
    tail = [line for line in text[-500:].splitlines() if line.strip()]
    for line in reversed(tail[-2:]):
        found = _closing_credit(line)
        if found:
            return found
    return None


def _byline_outlet(line: str) -> str | None:
    """ "By Korea Herald", "March 7 - 21:28 By Korea Herald", "By Jane Roe, Associated Press":
    the outlet of a byline; None for a reporter alone ("By Lee Chi-dong")."""
    if len(line.split()) > _BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.search(line.strip())
    if match is None:
        return None
    outlets = _outlets()
    for part in _BYLINE_PARTS.split(match.group("who")):
        words = part.strip(" .").split()
        while words and words[-1].casefold() in outlets.staff_words:
            words = words[:-1]
        if not words or not words[0][:1].isupper():
            continue
        for start in range(len(words)):  # "JANE ROE Associated Press": the agency at the end
            known = outlets.aliases.get(_key(" ".join(words[start:])))
            if known:
                return known
        if words[-1].casefold() in outlets.outlet_words:
            return outlet_name(" ".join(words))
    return None


def _closing_credit(line: str) -> str | None:
    """ "... the ministry said. (AFP)", "— Reuters", "© 2012 Yonhap": known agencies only."""
    aliases = _outlets().aliases
    match = _CLOSING_PAREN.search(line)
    if match and _key(match.group("name")) in aliases:
        return aliases[_key(match.group("name"))]
    if len(line.split()) <= _CLOSING_MAX_WORDS:
        match = _CLOSING_LINE.match(line.strip())
        if match and _key(match.group("name")) in aliases:
            return aliases[_key(match.group("name"))]
    return None


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
