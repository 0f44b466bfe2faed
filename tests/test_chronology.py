"""Merging and ordering, on hand-built events (no NLP needed to test the rules)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from factories import make_read_event

from timeline_cli.chronology.merge import (
    _conflicting,
    _places_conflict,
    chronological_key,
    merge_events,
    merge_group,
    same_event,
)
from timeline_cli.core.models import Event


def event(
    document: str,
    value: str | None,
    precision: str,
    actors: tuple[str, ...],
    event_type: str = "meeting",
    places: tuple[str, ...] = (),
    start: int = 0,
) -> Event:
    return make_read_event(
        document, value, precision, start=start, type=event_type, actors=actors, places=places
    )


def test_same_meeting_from_two_outlets_merges() -> None:
    herald = event("000", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    yonhap = event("002", "2012-03-09", "publication", ("Hillary Clinton", "Kim Sung-hwan"))
    merged = merge_events([herald, yonhap])
    assert len(merged) == 1
    assert merged[0].source_count == 2
    assert merged[0].precision == "day"  # the explicit date wins over the publication date
    assert merged[0].summary == "summary 000"


def test_different_places_same_day_stay_apart() -> None:
    beijing = event("000", "2012-03-07", "day", ("Kim",), places=("Beijing",))
    new_york = event("000", "2012-03-07", "day", ("Kim",), places=("New York",), start=50)
    assert not same_event(beijing, new_york)
    assert len(merge_events([beijing, new_york])) == 2


def test_no_shared_actor_no_merge() -> None:
    first = event("000", "2012-03-07", "day", ("Kim Sung-hwan", "Ban Ki-moon"))
    second = event("001", "2012-03-07", "day", ("Kim Soo-kwon",))
    assert len(merge_events([first, second])) == 2


def test_types_must_agree() -> None:
    meeting = event("000", "2012-03-09", "day", ("Hillary Clinton",))
    statement = event("002", "2012-03-09", "day", ("Hillary Clinton",), event_type="statement")
    assert len(merge_events([meeting, statement])) == 2


def test_undated_mention_joins_the_one_dated_event_of_its_article() -> None:
    talks = event("003", "2024-05-13", "day", ("Cho Tae-yul", "Wang Yi"), start=10)
    during = event("003", "2024-05-14", "publication", ("Cho Tae-yul",), start=200)
    merged = merge_events([talks, during])
    assert len(merged) == 1 and len(merged[0].mentions) == 2
    assert merged[0].date == "2024-05-13"


def test_undated_mention_with_two_candidates_stays_alone() -> None:
    first = event("003", "2024-05-13", "day", ("Cho Tae-yul",), start=10)
    second = event("003", "2024-05-10", "day", ("Cho Tae-yul",), start=100)
    undated = event("003", "2024-05-14", "publication", ("Cho Tae-yul",), start=200)
    assert len(merge_events([first, second, undated])) == 3


def test_no_chaining_through_a_middle_event() -> None:
    # a~b share Kim, b~c share Lee, but a and c share nobody: c must not join a's group.
    a = event("001", "2012-03-09", "day", ("Kim",))
    b = event("002", "2012-03-09", "day", ("Kim", "Lee"))
    c = event("003", "2012-03-09", "day", ("Lee",))
    groups = merge_events([a, b, c])
    assert len(groups) == 2


def test_order_month_before_its_days_and_undated_last() -> None:
    day = event("001", "2012-02-10", "day", ("A",))
    month = event("002", "2012-02", "month", ("B",))
    later = event("003", "2012-03-01", "day", ("C",))
    undated = event("004", None, "unknown", ("D",))
    ordered = merge_events([later, undated, day, month])
    assert [e.date for e in ordered] == ["2012-02", "2012-02-10", "2012-03-01", None]


def test_ids_are_stable() -> None:
    events = [event("001", "2012-02-10", "day", ("A",)), event("002", "2012-02", "month", ("B",))]
    assert [e.id for e in merge_events(events)] == [e.id for e in merge_events(reversed(events))]


def test_a_month_mention_merges_into_a_day_inside_it() -> None:
    day = event("001", "2012-02-12", "day", ("Glyn Davies",))
    month = event("002", "2012-02", "month", ("Glyn Davies",))
    other_month = event("003", "2012-03", "month", ("Glyn Davies",))
    merged = merge_events([day, month, other_month])
    assert [(e.date, e.source_count) for e in merged] == [("2012-02-12", 2), ("2012-03", 1)]


def test_a_year_does_not_swallow_its_days() -> None:
    day = event("001", "2012-02-12", "day", ("Kim",))
    year = event("002", "2012", "year", ("Kim",))
    assert len(merge_events([day, year])) == 2


def test_articles_disagreeing_on_the_date_give_one_event_with_a_conflict() -> None:
    first = event("001", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    second = event("002", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    third = event("003", "2012-03-08", "day", ("Hillary Clinton", "Kim Sung-hwan"))
    (merged,) = merge_events([first, second, third])
    assert merged.date == "2012-03-09"  # two articles against one
    assert [(c.date, c.documents) for c in merged.conflicts] == [("2012-03-08", ("003",))]
    assert merged.source_count == 3


def test_no_conflict_join_on_one_shared_participant_or_far_dates() -> None:
    kim_ban = event("001", "2012-03-07", "day", ("Kim Sung-hwan", "Ban Ki-moon"))
    kim_clinton = event("002", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    assert len(merge_events([kim_ban, kim_clinton])) == 2
    early = event("001", "2012-03-01", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    late = event("002", "2012-03-20", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    assert len(merge_events([early, late])) == 2


def test_one_article_with_two_dates_means_two_events() -> None:
    monday = event("001", "2012-03-05", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    friday = event("001", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"), start=50)
    assert len(merge_events([monday, friday])) == 2


# --- the indexed merge against the plain scan it replaced ------------------------------------

_VALUES = (
    ("2012-03-05", "day"), ("2012-03-09", "day"), ("2012-03-12", "day"), ("2012-03-31", "day"),
    ("2012-04-01", "day"), ("2012-03-09T10:00", "time"), ("2012-03", "month"),
    ("2012-04", "month"), ("2012-W10", "week"), ("2012-W11", "week"), ("2012", "year"),
    ("2012-03-09", "publication"), ("2012-03-12", "publication"), (None, "unknown"),
    ("XXXX-XX-13", "unresolved"),
)  # fmt: skip
_PEOPLE = ("Kim", "Lee", "Park", "Cho", "Wang")


def _scan_merge(events: list[Event]) -> list[list[Event]]:
    """The merge as first written: every mention compared with every group."""
    ordered = sorted(events, key=lambda e: (e.mention.document, e.mention.start, e.type, e.trigger))
    groups: list[list[Event]] = []

    def add(event: Event) -> None:
        group = next((g for g in groups if same_event(g[0], event)), None)
        groups.append([event]) if group is None else group.append(event)

    undated = []
    for event in ordered:
        if event.precision == "publication" and event.type != "statement":
            undated.append(event)
        else:
            add(event)
    for event in undated:
        candidates = [
            g
            for g in groups
            if g[0].precision not in ("unresolved", "unknown", "publication")
            and any(m.mention.document == event.mention.document for m in g)
            and g[0].type == event.type
            and set(g[0].principals) & set(event.principals)
            and not _places_conflict(g[0], event)
        ]
        if len(candidates) == 1:
            candidates[0].append(event)
        else:
            add(event)
    joined: list[list[Event]] = []
    for group in groups:
        target = next((j for j in joined if _conflicting(j, group)), None)
        joined.append(list(group)) if target is None else target.extend(group)
    return joined


@pytest.mark.parametrize("seed", range(40))
def test_indexed_merge_groups_as_the_plain_scan_did(seed: int) -> None:
    chooser = random.Random(seed)
    events = [
        event(
            f"d{chooser.randrange(6)}",
            *chooser.choice(_VALUES),
            tuple(chooser.sample(_PEOPLE, chooser.randint(1, 3))),
            event_type=chooser.choice(("meeting", "meeting", "statement", "visit")),
            places=chooser.choice(((), (), ("Seoul",), ("Beijing",))),
            start=index,
        )
        for index in range(chooser.randint(1, 120))
    ]
    expected = sorted((merge_group(group) for group in _scan_merge(events)), key=chronological_key)
    assert merge_events(events) == expected


def test_a_place_in_two_parts_agrees_with_its_first_part() -> None:
    whole = event("000", "2012-03-07", "day", ("Kim",), places=("Beijing, China",))
    part = event("002", "2012-03-07", "day", ("Kim",), places=("Beijing",))
    elsewhere = event("003", "2012-03-07", "day", ("Kim",), places=("Seoul",))
    assert not _places_conflict(whole, part) and _places_conflict(whole, elsewhere)


# --- no article reports an event before it happened -----------------------------------------


def test_an_article_published_before_a_day_does_not_join_its_event() -> None:
    # "Mubarak resigns" told on Feb 11 by two articles; a Feb 6 article's own resignation
    # event (dated by its report, or days before) cannot be the same event.
    leader = event("a", "2011-02-11", "day", ("Hosni Mubarak", "Omar Suleiman"), "resignation")
    second = event("b", "2011-02-11", "day", ("Hosni Mubarak", "Omar Suleiman"), "resignation")
    early = event("c", "2011-02-06", "day", ("Hosni Mubarak", "Omar Suleiman"), "resignation")
    published = {"a": date(2011, 2, 12), "b": date(2011, 2, 11), "c": date(2011, 2, 6)}
    merged = merge_events([leader, second, early], published)
    assert sorted(e.documents for e in merged) == [("a", "b"), ("c",)]
    # without publication dates, the groups join as a date conflict
    assert len(merge_events([leader, second, early])) == 1


def test_a_month_told_before_the_day_does_not_join_the_day() -> None:
    month = event("c", "2011-02", "month", ("Hosni Mubarak",), "resignation")
    day = event("a", "2011-02-11", "day", ("Hosni Mubarak",), "resignation", start=5)
    published = {"a": date(2011, 2, 12), "c": date(2011, 2, 6)}
    assert len(merge_events([month, day], published)) == 2
    published["c"] = date(2011, 2, 14)  # told after the day: the same resignation
    assert len(merge_events([month, day], published)) == 1


def test_planned_events_are_told_before_they_happen() -> None:
    first = replace(event("c", "2011-02-11", "day", ("Hosni Mubarak",), "meeting"), planned=True)
    second = replace(event("d", "2011-02-11", "day", ("Hosni Mubarak",)), planned=True)
    published = {"c": date(2011, 2, 6), "d": date(2011, 2, 8)}
    assert len(merge_events([first, second], published)) == 1


def test_an_article_telling_the_day_ahead_still_joins_the_event() -> None:
    # "before meeting Clinton on Friday", read on Wednesday: a plan in all but mood
    ahead = event("a", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    reported = event("b", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    again = event("c", "2012-03-09", "day", ("Kim Sung-hwan", "Hillary Clinton"))
    published = {"a": date(2012, 3, 7), "b": date(2012, 3, 9), "c": date(2012, 3, 7)}
    (merged,) = merge_events([ahead, reported, again], published)
    assert merged.source_count == 3
