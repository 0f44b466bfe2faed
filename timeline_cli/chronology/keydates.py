"""The key dates of a story: its days ranked by the evidence of the articles, as a timeline
editor would choose them, each shown by its best-supported event.

A day matters when many articles name it, report an event on it, and look back to it later
(in the spirit of Datewise, Gholipour Ghalandari and Ifrim, ACL 2020). Each article gives
each day a weight, and a day's score is the sum over the articles:

    w(a, d) = 1 + LATER + EVENT  if article a names day d, in any words ("on Jan. 25",
                                 "yesterday", "since the Jan. 25 uprising"), where
                                 LATER = 1 when a was published after d (a later article
                                 looking back to it) and EVENT = 0.5 when an event a reports
                                 is dated by that expression
            = PUBLISHED  (0.5)   if a does not name d but was published on d: an article's
                                 own date counts less than a date it states
            = DAY_BEFORE (0.25)  if a does not name d but was published the day after it:
                                 a day's news is printed the next morning
            = 0                  otherwise

Each article counts once for a day however often it names it, so a page repeating a date
(a live blog's timestamps, a comment section) weighs no more than one article. The candidates
are the days the chronology has an event on; ties go to the day with more sources, then to
the earlier day. The weights were chosen on the four development topics of Timeline17 (see
docs/benchmarks.md); within a factor of two of each, the date F1 there moves by less than
0.02.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_cli.core.models import Chronology, ChronologyEvent, DayMention, Document, KeyDay

LATER = 1.0
EVENT = 0.5
PUBLISHED = 0.5
DAY_BEFORE = 0.25
_DAY_PRECISIONS = ("day", "time", "publication")


@dataclass(frozen=True)
class RankedDay:
    """A candidate day: its score, the articles that name it or report an event on it, and
    its events (the chronology's events of that one day)."""

    day: date
    score: float
    sources: tuple[str, ...]
    events: tuple[ChronologyEvent, ...]


def day_scores(
    documents: Iterable[Document], days: Mapping[str, Sequence[DayMention]]
) -> tuple[dict[date, float], dict[date, set[str]]]:
    """Each day's score (the formula above) and the articles that name it."""
    scores: dict[date, float] = {}
    naming: dict[date, set[str]] = {}
    for document in documents:
        published = document.publication.date
        weights: dict[date, float] = {}
        if published is not None:
            weights[published - timedelta(days=1)] = DAY_BEFORE
            weights[published] = PUBLISHED
        for mention in days.get(document.id, ()):
            later = LATER if published is not None and mention.day < published else 0.0
            weights[mention.day] = 1 + later + (EVENT if mention.event else 0.0)
            naming.setdefault(mention.day, set()).add(document.id)
        for day, weight in weights.items():
            scores[day] = scores.get(day, 0.0) + weight
    return scores, naming


def day_events(events: Iterable[ChronologyEvent]) -> dict[date, list[ChronologyEvent]]:
    """The events of one day each (dated to the day, or by their report), by day."""
    found: dict[date, list[ChronologyEvent]] = {}
    for event in events:
        if event.precision in _DAY_PRECISIONS and event.start and event.start == event.end:
            found.setdefault(event.start, []).append(event)
    return found


def rank_days(
    chronology: Chronology,
    days: Mapping[str, Sequence[DayMention]],
    window: tuple[date, date] | None = None,
) -> list[RankedDay]:
    """The days the chronology has events on (within ``window`` if given), most important
    first, scored on the evidence of all its articles."""
    scores, naming = day_scores(chronology.documents, days)
    ranked = []
    for day, events in day_events(chronology.events).items():
        if window is not None and not window[0] <= day <= window[1]:
            continue
        sources = naming.get(day, set()).union(*(event.documents for event in events))
        ranked.append(RankedDay(day, scores.get(day, 0.0), tuple(sorted(sources)), tuple(events)))
    return sorted(ranked, key=lambda ranked_day: _rank_key(ranked_day))


def _rank_key(ranked: RankedDay) -> tuple[float, int, date]:
    return (-ranked.score, -len(ranked.sources), ranked.day)


def best_event(events: Sequence[ChronologyEvent]) -> ChronologyEvent:
    """The event that stands for its day: a fact before a plan, then the one most articles
    report, then one dated by the text over one dated by its report, then a typed event
    over a saying or an untyped happening, then the first in the chronology."""
    return min(
        enumerate(events),
        key=lambda item: (
            item[1].planned,
            -item[1].source_count,
            item[1].precision == "publication",
            item[1].type in ("statement", "other"),
            item[0],
        ),
    )[1]


def key_dates(
    chronology: Chronology, days: Mapping[str, Sequence[DayMention]], count: int
) -> Chronology:
    """The chronology reduced to its ``count`` key dates: for each, its best-supported event,
    marked with the day's rank, score and number of sources; in chronological order."""
    chosen = rank_days(chronology, days)[:count]
    picked = [
        replace(
            best_event(ranked.events),
            key=KeyDay(rank, round(ranked.score, 2), len(ranked.sources)),
        )
        for rank, ranked in enumerate(chosen, start=1)
    ]
    order = {event.id: index for index, event in enumerate(chronology.events)}
    picked.sort(key=lambda event: order[event.id])
    return replace(chronology, events=tuple(picked))


def key_label(key: KeyDay) -> str:
    """How the renderers name a key date: 'key date #1 · 14 sources'."""
    return f"key date #{key.rank} · {key.sources} source{'' if key.sources == 1 else 's'}"
