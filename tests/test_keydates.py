"""The key dates of a story: the weights of the evidence, the candidates, the chosen events."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from factories import STORY, make_event, make_mention
from typer.testing import CliRunner

from timeline_cli.chronology.keydates import (
    DAY_BEFORE,
    EVENT,
    LATER,
    PUBLISHED,
    best_event,
    day_scores,
    key_dates,
    rank_days,
)
from timeline_cli.cli.app import app
from timeline_cli.core.models import (
    Chronology,
    ChronologyEvent,
    DayMention,
    Document,
    Publication,
)

JAN_25, JAN_28, FEB_1, FEB_11 = (
    date(2011, 1, 25),
    date(2011, 1, 28),
    date(2011, 2, 1),
    date(2011, 2, 11),
)


def article(name: str, published: date) -> Document:
    return Document(name, f"{name}.txt", "", "", (), publication=Publication(published))


def happening(
    day: date,
    documents: tuple[str, ...],
    precision: str = "day",
    event_type: str = "protest",
    planned: bool = False,
) -> ChronologyEvent:
    mentions = [make_mention(d, f"{event_type} in {d}", trigger=event_type) for d in documents]
    return make_event(
        day.isoformat(), precision, id=f"ev-{day}-{event_type}-{precision}", type=event_type,
        summary=f"{event_type} on {day}", mentions=mentions, planned=planned,
    )  # fmt: skip


def test_the_weights_of_the_formula() -> None:
    documents = [article("later", FEB_1), article("same", JAN_25)]
    days = {
        "later": (DayMention(JAN_25, event=True), DayMention(JAN_28)),
        "same": (DayMention(JAN_25),),
    }
    scores, naming = day_scores(documents, days)
    # a later article looking back, with an event on the day; the day's own article
    assert scores[JAN_25] == pytest.approx((1 + LATER + EVENT) + 1)
    assert scores[JAN_28] == pytest.approx(1 + LATER)
    assert scores[FEB_1] == pytest.approx(PUBLISHED)  # an article's own date, not stated
    assert scores[date(2011, 1, 31)] == pytest.approx(DAY_BEFORE)  # the day before it
    assert scores[date(2011, 1, 24)] == pytest.approx(DAY_BEFORE)
    assert naming[JAN_25] == {"later", "same"}


def test_an_article_counts_once_for_a_day() -> None:
    # a page repeating a day (a live blog's stamps) weighs what one article naming it does
    once = day_scores([article("a", FEB_1)], {"a": (DayMention(JAN_28),)})[0]
    twice = day_scores([article("a", FEB_1)], {"a": (DayMention(JAN_28), DayMention(JAN_28))})[0]
    assert once == twice


def test_a_day_later_articles_look_back_to_beats_a_day_of_many_reports() -> None:
    # three articles published on Feb 11 that do not state it; three later ones naming Jan 25
    documents = [article(f"p{i}", FEB_11) for i in range(3)]
    documents += [article(f"r{i}", date(2011, 2, 20 + i)) for i in range(3)]
    days = {f"r{i}": (DayMention(JAN_25),) for i in range(3)}
    events = (happening(JAN_25, ("r0",)), happening(FEB_11, ("p0", "p1", "p2"), "publication"))
    chronology = Chronology(tuple(documents), events)
    ranked = rank_days(chronology, days)
    assert [r.day for r in ranked] == [JAN_25, FEB_11]
    assert ranked[0].sources == ("r0", "r1", "r2")
    assert ranked[1].sources == ("p0", "p1", "p2")  # the articles that report its event


def test_only_days_with_an_event_are_candidates_and_a_window_bounds_them() -> None:
    documents = [article("a", FEB_1), article("b", FEB_11)]
    days = {"a": (DayMention(JAN_25), DayMention(JAN_28)), "b": (DayMention(JAN_25),)}
    chronology = Chronology(
        tuple(documents), (happening(JAN_28, ("a",)), happening(FEB_11, ("b",)))
    )
    assert [r.day for r in rank_days(chronology, days)] == [JAN_28, FEB_11]  # no Jan 25 event
    assert [r.day for r in rank_days(chronology, days, window=(FEB_1, FEB_11))] == [FEB_11]


def test_the_best_event_of_a_day() -> None:
    protest = happening(JAN_25, ("a", "b"))
    said = happening(JAN_25, ("a", "b", "c"), "publication", "statement")
    plan = happening(JAN_25, ("a", "b", "c", "d"), event_type="meeting", planned=True)
    assert best_event([plan, said, protest]) == said  # a fact, then the most sources
    assert best_event([plan, protest, replace(said, mentions=said.mentions[:2])]) == protest


def test_key_dates_keep_one_event_a_day_in_chronological_order_with_ranks() -> None:
    documents = [article(name, FEB_11) for name in "abc"]
    days = {"a": (DayMention(JAN_25),), "b": (DayMention(JAN_25),), "c": (DayMention(JAN_28),)}
    events = (
        happening(JAN_25, ("a",)),
        happening(JAN_25, ("a", "b"), event_type="attack"),
        happening(JAN_28, ("c",)),
        happening(FEB_11, ("a", "b", "c"), "publication", "statement"),
    )
    chronology = Chronology(tuple(documents), events)
    view = key_dates(chronology, days, 2)
    assert [(e.start, e.type) for e in view.events] == [(JAN_25, "attack"), (JAN_28, "protest")]
    assert [e.key.rank for e in view.events if e.key] == [1, 2]
    assert view.events[0].key is not None and view.events[0].key.sources == 2
    assert all(e.key is None for e in chronology.events)  # the full chronology is unchanged


# --- end to end: `extract --key-dates N` in every format, on a story of our own ---------------


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.jsonl"
    lines = [json.dumps({"id": name, "date": day, "text": text}) for name, day, text in STORY]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(*arguments: str) -> str:
    result = CliRunner().invoke(app, ["extract", *arguments, "--quiet"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_key_dates_of_the_story(story: Path) -> None:
    record = json.loads(extract(str(story), "--key-dates", "2", "--format", "json"))
    keyed = [(e["date"], e["type"], e["key_date"]["rank"]) for e in record["events"]]
    # the march every later article looks back to, then the resignation: chronological order
    assert keyed == [("2021-03-01", "protest", 1), ("2021-03-08", "resignation", 2)]
    march = record["events"][0]["key_date"]
    assert march["sources"] == 4 and march["score"] > record["events"][1]["key_date"]["score"]
    full = json.loads(extract(str(story), "--format", "json"))
    assert len(full["events"]) > 2 and all("key_date" not in e for e in full["events"])


@pytest.mark.parametrize(
    ("output_format", "shown"),
    [
        ("table", "#1"),
        ("jsonl", '"key_date": {"rank": 1'),
        ("csv", "key_rank,key_score,key_sources"),
        ("markdown", "(key date #1 · 4 sources) — protest"),
        ("html", '<span class="key">key date #1 · 4 sources</span>'),
        ("timelinejs", "Key date #1 · 4 sources"),
    ],
)
def test_key_dates_in_every_format(story: Path, output_format: str, shown: str) -> None:
    text = extract(str(story), "--key-dates", "2", "--format", output_format)
    assert shown in text
    assert "through Porto" not in text  # an event of a day that is not a key date


def test_a_saved_key_dates_view_renders_again(story: Path, tmp_path: Path) -> None:
    saved = tmp_path / "key.json"
    extract(str(story), "--key-dates", "2", "-o", str(saved))
    result = CliRunner().invoke(app, ["show", str(saved), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert [(row["start"], row["key_rank"], row["key_sources"]) for row in rows] == [
        ("2021-03-01", "1", "4"),
        ("2021-03-08", "2", "2"),
    ]
