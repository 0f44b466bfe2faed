"""Merging event mentions from all articles into one sorted chronology.

Two mentions are one event when their types agree, their dates agree (a publication-dated
mention matches an explicit day with the same value), their principal actors overlap, and their
places, where both have some, overlap. Each mention is compared with the first mention of a
group, not with every member, so no chain of near-matches joins unrelated events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from timeline_cli.lexicon import OTHER
from timeline_cli.models import ChronologyEvent, DateConflict, Event
from timeline_cli.timevalue import PRECISION_RANK

_UNDATED = ("unresolved", "unknown")
# What is said is dated by the report itself: an undated statement is not an earlier one's echo.
_OWN_DAY_TYPES = ("statement",)
# Precisions that a day may merge into: a day is inside "last month" or "this week", but a
# year holds too many events of one type for "this year" to name any one of them.
_CONTAINERS = ("month", "week")
# Outlets that disagree on a date disagree by days, not weeks.
CONFLICT_DAYS = 7


# Types one event may be told as: a meeting is where talks are held.
_KINDRED_TYPES = ({"meeting", "talks"},)


def _same_type(first: Event, second: Event) -> bool:
    return first.type == second.type or any(
        {first.type, second.type} <= kindred for kindred in _KINDRED_TYPES
    )


def same_event(first: Event, second: Event) -> bool:
    if not _same_type(first, second) or first.planned != second.planned:
        return False  # what happened is not what is planned: "held talks", "will resume talks"
    if first.precision in _UNDATED or second.precision in _UNDATED:
        return False
    if not _same_date(first, second):
        return False
    return _participants_agree(first, second) and not _places_conflict(first, second)


def _participants_agree(first: Event, second: Event) -> bool:
    """Across articles, a shared participant. Within one article, an event told again on the
    same day ("The rocket took off at 7:18 p.m." after "the Falcon 9 went up Sunday") is the
    same event unless both name participants and none in common; what is said is the same
    statement only from the same speaker."""
    if _actors_overlap(first, second):
        return True
    if first.mention.document != second.mention.document or first.type in _OWN_DAY_TYPES:
        return False
    if first.type == OTHER or "publication" in (first.precision, second.precision):
        return False  # "other" says too little, and the report's day is no event's own day
    return not (first.principals and second.principals)


def _same_date(first: Event, second: Event) -> bool:
    """Equal values, one day written two ways, or a month or week with a day inside it
    ("last month" and "on February 12")."""
    if first.date is None or second.date is None:
        return False
    if first.date.value == second.date.value:
        return True
    day_like = ("day", "publication", "time")
    if first.precision in day_like and second.precision in day_like:
        return first.interval == second.interval
    return _contains(first, second) or _contains(second, first)


def _contains(coarse: Event, fine: Event) -> bool:
    if coarse.precision not in _CONTAINERS or fine.precision not in ("day", "time"):
        return False
    outer, inner = coarse.interval, fine.interval
    return outer is not None and inner is not None and outer[0] <= inner[0] <= inner[1] <= outer[1]


def merge_events(events: Iterable[Event]) -> list[ChronologyEvent]:
    """Group mentions of the same event and return the groups in chronological order."""
    ordered = sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))
    groups: list[list[Event]] = []
    undated: list[Event] = []
    for event in ordered:
        if event.precision == "publication" and event.type not in _OWN_DAY_TYPES:
            undated.append(event)
            continue
        _add_to_groups(groups, event)
    for event in undated:
        group = _dated_group_in_document(groups, event)
        if group is None:
            _add_to_groups(groups, event)
        else:
            group.append(event)
    merged = [_merge(group) for group in _join_conflicting(groups)]
    return sorted(merged, key=chronological_key)


def _join_conflicting(groups: list[list[Event]]) -> list[list[Event]]:
    """Join groups that other articles date differently: the same type, two or more named
    participants in common, days less than a week apart, and no article in both."""
    joined: list[list[Event]] = []
    for group in groups:
        target = next((j for j in joined if _conflicting(j, group)), None)
        if target is None:
            joined.append(list(group))
        else:
            target.extend(group)
    return joined


def _conflicting(first: list[Event], second: list[Event]) -> bool:
    a, b = first[0], second[0]
    if (
        not _same_type(a, b)
        or a.precision not in ("day", "time")
        or b.precision not in ("day", "time")
    ):
        return False
    if {e.mention.document for e in first} & {e.mention.document for e in second}:
        return False
    if len(set(a.principals) & set(b.principals)) < 2 or _places_conflict(a, b):
        return False
    assert a.interval is not None and b.interval is not None
    return abs((a.interval[0] - b.interval[0]).days) <= CONFLICT_DAYS


def single_events(events: Iterable[Event]) -> list[ChronologyEvent]:
    """Every mention as an event of its own (``--no-merge``), in chronological order."""
    ordered = sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))
    return sorted((_merge([event]) for event in ordered), key=chronological_key)


def _add_to_groups(groups: list[list[Event]], event: Event) -> None:
    group = next((g for g in groups if same_event(g[0], event)), None)
    if group is None:
        groups.append([event])
    else:
        group.append(event)


def _dated_group_in_document(groups: list[list[Event]], event: Event) -> list[Event] | None:
    """The one dated event of the same article that an undated mention points back to.

    "During the four-hour meeting" after "held talks on the 13th" is that meeting; with two
    or more candidates the mention stays on its own rather than guess. Only named persons and
    organisations count as shared participants here: "North Korean" is in half the events.
    """
    candidates = [
        group
        for group in groups
        if group[0].precision not in (*_UNDATED, "publication")
        and any(member.mention.document == event.mention.document for member in group)
        and _same_type(group[0], event)
        and set(group[0].principals) & set(event.principals)
        and not _places_conflict(group[0], event)
    ]
    return candidates[0] if len(candidates) == 1 else None


def _actors_overlap(first: Event, second: Event) -> bool:
    return bool(set(first.principals or first.actors) & set(second.principals or second.actors))


def _places_conflict(first: Event, second: Event) -> bool:
    return bool(first.places and second.places and not set(first.places) & set(second.places))


def _merge(group: list[Event]) -> ChronologyEvent:
    dated, conflicts = _best_supported(group)
    actors = tuple(dict.fromkeys(name for event in group for name in event.actors))
    places = tuple(dict.fromkeys(name for event in group for name in event.places))
    mentions = tuple(
        sorted({e.mention for e in group}, key=lambda m: (m.document, m.start, m.trigger))
    )
    interval = dated.interval
    value = dated.date.value if dated.date is not None else None
    first = mentions[0]
    identity = f"{value}|{dated.type}|{first.document}|{first.start}|{first.trigger}"
    return ChronologyEvent(
        id="ev-" + hashlib.sha1(identity.encode()).hexdigest()[:10],
        date=value if dated.precision not in _UNDATED else None,
        precision=dated.precision,
        start=interval[0] if interval else None,
        end=interval[1] if interval else None,
        type=dated.type,
        summary=dated.summary,
        actors=actors,
        places=places,
        mentions=mentions,
        conflicts=conflicts,
        subtype=dated.subtype,
        planned=all(event.planned for event in group),
        end_date=dated.end.value if dated.end is not None else None,
    )


def _best_supported(group: list[Event]) -> tuple[Event, tuple[DateConflict, ...]]:
    """The mention whose date most articles give (then the most precise, then the first),
    and the other explicit dates with the articles that give them."""
    sources: dict[str, set[str]] = {}
    for event in group:
        if event.date is not None and event.precision in ("day", "time"):
            sources.setdefault(event.date.value, set()).add(event.mention.document)

    def support(event: Event) -> tuple[int, int, int]:
        votes = len(sources.get(event.date.value, ())) if event.date else 0
        return (-votes, -_date_quality(event), group.index(event))

    dated = min(group, key=support)
    chosen = dated.date.value if dated.date else None
    conflicts = tuple(
        DateConflict(value, tuple(sorted(documents)))
        for value, documents in sorted(sources.items())
        if value != chosen and dated.precision in ("day", "time")
    )
    return dated, conflicts


def _date_quality(event: Event) -> int:
    """How well a mention dates its event: any explicit date beats the publication date."""
    if event.precision in (*_UNDATED, "publication"):
        return -1
    return PRECISION_RANK.get(event.precision, -1)


def chronological_key(event: ChronologyEvent) -> tuple:
    """Dated events by first day, coarser precision first (a month before its days), undated
    last."""
    start = event.start or date.max
    return (
        event.start is None,
        start,
        PRECISION_RANK.get(event.precision, 99),
        event.type,
        event.summary,
        event.id,
    )
