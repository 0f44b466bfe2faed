"""The whole run on short articles of our own, with the real spaCy pipeline: events merged
across articles, one name per person, skipped files, the stream without merging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from timeline_cli.pipeline.run import Settings, UnknownArticleName, run, stream_events

MONDAY_MEETING = (
    "Ministers meet\n\nJune 10, 2025\n\n"
    "Foreign Minister Cho Hyeon-woo met Finance Minister Ada Lund in Portvale on Monday.\n"
)
SAME_MEETING = (
    "Talks in Portvale\n\nJune 11, 2025\n\n"
    "Foreign Minister Cho Hyun-woo met Finance Minister Ada Lund in Portvale on June 9.\n"
)
YEAR_LESS = (
    "Harbor vote\n\n"
    "PORTVALE, June 3 (Coastwire) - The harbor council approved the budget on Tuesday.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(MONDAY_MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SAME_MEETING, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    return tmp_path


def meetings(result_events: tuple) -> list:
    return [event for event in result_events if event.type == "meeting"]


def test_one_meeting_told_by_two_articles_is_one_event_under_one_name(
    nlp: Language, folder: Path
) -> None:
    result = run(sorted(folder.glob("*.txt")))
    (meeting,) = meetings(result.chronology.events)
    assert meeting.date == "2025-06-09" and meeting.documents == ("a", "b")
    # the two romanizations of the minister's name are one actor, named as written first
    (cho,) = [actor for actor in result.chronology.actors if actor.name.startswith("Cho")]
    assert cho.name in meeting.actors and len(cho.aliases) == 1
    assert "Ada Lund" in meeting.actors
    assert result.skipped == (str(folder / "c.txt"),)


def test_without_merging_each_article_keeps_its_event(nlp: Language, folder: Path) -> None:
    result = run(sorted(folder.glob("*.txt")), Settings(merge=False))
    assert [event.documents for event in meetings(result.chronology.events)] == [("a",), ("b",)]


def test_an_unknown_published_name_stops_the_run_before_parsing(folder: Path) -> None:
    settings = Settings(published={"nosuch.txt": date(2025, 1, 1)})
    with pytest.raises(UnknownArticleName, match=r"nosuch\.txt"):
        run(sorted(folder.glob("*.txt")), settings)


def test_the_stream_dates_a_year_less_dateline_by_the_articles_read_before_it(
    nlp: Language, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(MONDAY_MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(YEAR_LESS, encoding="utf-8")
    (tmp_path / "c.txt").write_text(YEAR_LESS, encoding="utf-8")
    paths = [tmp_path / "b.txt", tmp_path / "a.txt", tmp_path / "c.txt"]
    stream, events = stream_events(paths)
    dates = {event.documents[0]: event.date for event in events if event.type != "meeting"}
    assert dates["b"] is None  # nothing dated had been read yet
    assert dates["c"] == "2025-06-03"  # 3 June 2025 was a Tuesday, nearest a's 10 June 2025
    assert stream.skipped == []
