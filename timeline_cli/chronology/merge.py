"""Merging event mentions from all articles into one sorted chronology.

Two mentions are one event when their types agree, their dates agree (a publication-dated
mention matches an explicit day with the same value), their principal actors overlap, and their
places, where both have some, overlap. Each mention is compared with the first mention of a
group, not with every member, so no chain of near-matches joins unrelated events.

An event cannot be reported by an article published before it happened: given the articles'
publication dates, no mention joins a group dated (to the day) after the mention's article was
published, nor a group holding an article published before the mention's day. What is planned
is exempt, being told before it happens, and so is a mention that itself gives a day after its
article's publication (a plan, whatever its mood says).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from timeline_cli.core.models import EVENT_PREFIX, ChronologyEvent, DateConflict, Event
from timeline_cli.core.timevalue import PRECISION_RANK
from timeline_cli.events.lexicon import OTHER

_UNDATED = ("unresolved", "unknown")
# What is said is dated by the report itself: an undated statement is not an earlier one's echo.
_OWN_DAY_TYPES = ("statement",)
# Precisions that a day may merge into: a day is inside "last month" or "this week", but a
# year holds too many events of one type for "this year" to name any one of them.
_CONTAINERS = ("month", "week")
_DAY_LIKE = ("day", "publication", "time")
_FINE = ("day", "time")
# Outlets that disagree on a date disagree by days, not weeks.
CONFLICT_DAYS = 7


# Types one event may be told as: a meeting is where talks are held.
_KINDRED_TYPES = {"talks": "meeting"}


def type_family(event_type: str) -> str:
    """The type under which kindred types meet: talks are merged with the meeting they are."""
    return _KINDRED_TYPES.get(event_type, event_type)


def same_event(first: Event, second: Event) -> bool:
    if type_family(first.type) != type_family(second.type) or first.planned != second.planned:
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
    if not _may_retell(first, second):
        return False
    return not (first.principals and second.principals)


def _may_retell(first: Event, second: Event) -> bool:
    """Two mentions one article may give of one event without a shared participant: not
    statements (each speaker's own), not "other" (it says too little), not dated only by the
    report (the report's day is no event's own day)."""
    return (
        first.mention.document == second.mention.document
        and first.type not in (*_OWN_DAY_TYPES, OTHER)
        and "publication" not in (first.precision, second.precision)
    )


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


def merge_events(
    events: Iterable[Event], published: Mapping[str, date | None] | None = None
) -> list[ChronologyEvent]:
    """Group mentions of the same event and return the groups in chronological order;
    ``published`` gives the articles' publication dates by id (see the module's docstring)."""
    return chronological(group_events(events, published))


def chronological(groups: Iterable[list[Event]]) -> list[ChronologyEvent]:
    """Each group of mentions as one event, in chronological order."""
    return sorted((merge_group(group) for group in groups), key=chronological_key)


def group_events(
    events: Iterable[Event], published: Mapping[str, date | None] | None = None
) -> list[list[Event]]:
    """The mentions of each event, grouped (see the module's docstring); ``published`` gives
    the articles' publication dates by id."""
    ordered = sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))
    groups = _Groups(_Reports(published or {}))
    undated: list[Event] = []
    for event in ordered:
        if event.precision == "publication" and event.type not in _OWN_DAY_TYPES:
            undated.append(event)
            continue
        groups.add(event)
    for event in undated:
        group = groups.dated_group_in_document(event)
        if group is None:
            groups.add(event)
        else:
            groups.append(group, event)
    return _join_conflicting(groups.groups, groups.bounds)


class _Reports:
    """What the articles' publication dates allow: that no article of an event was published
    before the event's day (planned events aside)."""

    def __init__(self, published: Mapping[str, date | None]) -> None:
        self.published = published

    def published_on(self, event: Event) -> date | None:
        return self.published.get(event.mention.document)

    @staticmethod
    def day(event: Event) -> date | None:
        """The day a fact is dated to, if it is dated to one (a plan has none here)."""
        if event.planned or event.precision not in _FINE or event.interval is None:
            return None
        return event.interval[0]

    def bounds(self, events: Iterable[Event]) -> _Bounds:
        """The earliest publication and the latest day of some mentions; a mention whose
        article tells its day ahead ("before meeting Lund on Friday", read on Wednesday)
        is a plan whatever its mood says, and bounds nothing."""
        published, days = [], []
        for event in events:
            on, day = self.published_on(event), self.day(event)
            if on is not None and day is not None and day > on:
                continue
            published += [on] if on is not None else []
            days += [day] if day is not None else []
        return min(published, default=None), max(days, default=None)


_Bounds = tuple[date | None, date | None]  # the earliest publication, the latest day


def _compatible(first: _Bounds, second: _Bounds) -> bool:
    """Whether two sets of mentions may be one event: neither holds an article published
    before a day the other gives."""
    return _not_before(second[0], first[1]) and _not_before(first[0], second[1])


def _joined_bounds(first: _Bounds, second: _Bounds) -> _Bounds:
    published = [day for day in (first[0], second[0]) if day is not None]
    days = [day for day in (first[1], second[1]) if day is not None]
    return min(published, default=None), max(days, default=None)


def _not_before(published: date | None, day: date | None) -> bool:
    return published is None or day is None or published >= day


def _days(interval: tuple[date, date]) -> list[date]:
    """Every day of an interval (of a month or a week: a few dozen at most)."""
    return [interval[0] + timedelta(days) for days in range((interval[1] - interval[0]).days + 1)]


class _Groups:
    """The groups of mentions formed so far, in the order they were formed, with an index that
    finds the groups a mention may join without comparing it with every group (a run can have
    hundreds of thousands). The index only narrows the search: ``same_event`` still decides,
    and the first matching group in formation order wins, as with a scan.

    A group is indexed by its first mention's type, each of its participants (same events
    share one) and its date: the value, the day or days it covers.
    """

    def __init__(self, reports: _Reports | None = None) -> None:
        self.reports = reports or _Reports({})
        self.groups: list[list[Event]] = []
        self._index: dict[tuple[object, ...], list[int]] = {}
        self._by_document: dict[tuple[str, str], set[int]] = {}  # (document, type) -> groups
        self._position: dict[int, int] = {}  # id of a group -> its index
        self.bounds: list[_Bounds] = []  # of each group, by index

    def add(self, event: Event) -> None:
        """Put the mention in the first group of the same event, or start a group."""
        candidates = self._candidates(event)
        index = next(
            (
                i
                for i in candidates
                if same_event(self.groups[i][0], event) and self._may_join(i, event)
            ),
            None,
        )
        if index is None:
            self._start(event)
        else:
            self.append(self.groups[index], event)

    def append(self, group: list[Event], event: Event) -> None:
        group.append(event)
        index = self._position[id(group)]
        self._note_document(index, event)
        self.bounds[index] = _joined_bounds(self.bounds[index], self.reports.bounds([event]))

    def _may_join(self, index: int, event: Event) -> bool:
        return _compatible(self.bounds[index], self.reports.bounds([event]))

    def dated_group_in_document(self, event: Event) -> list[Event] | None:
        """The one dated event of the same article that an undated mention points back to.

        "During the two-hour session" after "the board met on the 4th" is that meeting; with
        two or more candidates the mention stays on its own rather than guess. Only named
        persons and organisations count as shared participants here: a nationality ("French")
        is in half the events.
        """
        family = type_family(event.type)
        candidates = [
            self.groups[index]
            for index in sorted(self._by_document.get((event.mention.document, family), ()))
            if self.groups[index][0].precision not in (*_UNDATED, "publication")
            and set(self.groups[index][0].principals) & set(event.principals)
            and not _places_conflict(self.groups[index][0], event)
            and self._may_join(index, event)
        ]
        return candidates[0] if len(candidates) == 1 else None

    def _start(self, event: Event) -> None:
        index = len(self.groups)
        group = [event]
        self.groups.append(group)
        self._position[id(group)] = index
        self.bounds.append(self.reports.bounds([event]))
        self._note_document(index, event)
        for key in self._keys(event, _date_keys(event, as_leader=True)):
            self._index.setdefault(key, []).append(index)

    def _note_document(self, index: int, event: Event) -> None:
        key = (event.mention.document, type_family(event.type))
        self._by_document.setdefault(key, set()).add(index)

    def _candidates(self, event: Event) -> list[int]:
        """Indexes of the groups whose first mention may be the same event, in order."""
        found: set[int] = set()
        for key in self._keys(event, _date_keys(event, as_leader=False)):
            found.update(self._index.get(key, ()))
        return sorted(found)

    @staticmethod
    def _keys(event: Event, date_keys: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        """By participant (as ``_actors_overlap`` compares them), and by article for the
        events one article may tell twice without naming anyone in common."""
        family = type_family(event.type)
        names = event.principals or event.actors
        keys = [(family, "name", name, *key) for name in names for key in date_keys]
        if _may_retell(event, event):
            keys += [(family, "document", event.mention.document, *key) for key in date_keys]
        return keys


def _date_keys(event: Event, as_leader: bool) -> list[tuple[object, ...]]:
    """Where a group's first mention is filed (``as_leader``), or where a mention looks for
    it: equal values; day-like intervals; days inside a month or week, both ways."""
    if event.date is None or event.precision in _UNDATED:
        return []  # never the same event as another (``same_event``)
    keys: list[tuple[object, ...]] = [("value", event.date.value)]
    interval = event.interval
    if interval is None:
        return keys
    if event.precision in _DAY_LIKE:
        keys.append(("interval", interval))
    if event.precision in _FINE:
        # a leader is found by the months and weeks around it; a mention finds them by its day
        keys.append(("day", interval[0]) if as_leader else ("covering", interval[0]))
    if event.precision in _CONTAINERS:
        tag = "covering" if as_leader else "day"
        keys += [(tag, day) for day in _days(interval)]
    return keys


def _join_conflicting(groups: list[list[Event]], bounds: list[_Bounds]) -> list[list[Event]]:
    """Join groups that other articles date differently: the same type, two or more named
    participants in common, days less than a week apart, no article in both, and none
    published before the other's day."""
    joined: list[list[Event]] = []
    joined_bounds: list[_Bounds] = []
    # (type, participant, first day) -> joined groups: candidates share a participant
    by_day: dict[tuple[str, str, date], list[int]] = {}
    for group, group_bounds in zip(groups, bounds, strict=True):
        leader = group[0]
        dated = leader.precision in _FINE and leader.interval is not None
        first = leader.interval[0] if leader.interval is not None else date.min
        window = range(-CONFLICT_DAYS, CONFLICT_DAYS + 1) if dated else range(0)
        nearby = {
            index
            for name in leader.principals
            for offset in window
            for index in by_day.get((type_family(leader.type), name, first + timedelta(offset)), ())
        }
        target = next(
            (
                i
                for i in sorted(nearby)
                if _conflicting(joined[i], group) and _compatible(joined_bounds[i], group_bounds)
            ),
            None,
        )
        if target is not None:
            joined[target].extend(group)
            joined_bounds[target] = _joined_bounds(joined_bounds[target], group_bounds)
            continue
        for name in leader.principals if dated else ():
            by_day.setdefault((type_family(leader.type), name, first), []).append(len(joined))
        joined.append(list(group))
        joined_bounds.append(group_bounds)
    return joined


def _conflicting(first: list[Event], second: list[Event]) -> bool:
    a, b = first[0], second[0]
    if type_family(a.type) != type_family(b.type) or a.planned != b.planned:
        return False
    if a.precision not in ("day", "time") or b.precision not in ("day", "time"):
        return False
    if {e.mention.document for e in first} & {e.mention.document for e in second}:
        return False
    if len(set(a.principals) & set(b.principals)) < 2 or _places_conflict(a, b):
        return False
    assert a.interval is not None and b.interval is not None
    return abs((a.interval[0] - b.interval[0]).days) <= CONFLICT_DAYS


def single_events(events: Iterable[Event]) -> list[ChronologyEvent]:
    """Every mention as an event of its own (when merging is turned off), in chronological order."""
    ordered = sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))
    return chronological([event] for event in ordered)


def _actors_overlap(first: Event, second: Event) -> bool:
    return bool(set(first.principals or first.actors) & set(second.principals or second.actors))


def _places_conflict(first: Event, second: Event) -> bool:
    return bool(first.places and second.places and not _place_names(first) & _place_names(second))


def _place_names(event: Event) -> set[str]:
    """A place and its parts: "Lyon, France" is also "Lyon" (``actors._joined_places``)."""
    return {part.strip() for place in event.places for part in (place, *place.split(","))}


def merge_group(group: list[Event]) -> ChronologyEvent:
    """One event of its mentions: the date most articles give, everyone named, every
    sentence. Its id is its first mention's (``Mention.key``), until ``corrections``
    chooses a more stable one."""
    dated, conflicts = _best_supported(group)
    actors = tuple(dict.fromkeys(name for event in group for name in event.actors))
    places = tuple(dict.fromkeys(name for event in group for name in event.places))
    mentions = tuple(
        sorted({e.mention for e in group}, key=lambda m: (m.document, m.start, m.trigger))
    )
    interval = dated.interval
    value = dated.date.value if dated.date is not None else None
    return ChronologyEvent(
        id=EVENT_PREFIX + mentions[0].key,
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
        headline=dated.headline or _short(dated.summary),
    )


HEADLINE_WORDS = 12  # as ``evidence.HEADLINE_WORDS``


def _short(summary: str) -> str:
    """A headline where the parse gave none: the start of the summary."""
    words = summary.split()
    text = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
    return text[:1].upper() + text[1:]


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
