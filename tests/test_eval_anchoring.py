"""Anchoring measured on TimeML links: events, links and the agreement score."""

from __future__ import annotations

from pathlib import Path

from timeline_cli.evaluation.anchoring import evaluate_anchoring, implied_dates
from timeline_cli.evaluation.timeml import parse_timeml

LINKED = Path(__file__).parent / "fixtures" / "anchoring" / "linked_events.tml"


def test_timeml_events_and_time_links_are_read() -> None:
    document = parse_timeml(LINKED)
    assert [(e.eid, e.text) for e in document.events] == [
        ("e1", "said"),
        ("e2", "walked"),
        ("e3", "met"),
    ]
    assert document.text[document.events[1].start : document.events[1].end] == "walked"
    assert ("e2", "IS_INCLUDED", "t1") in {(k.eid, k.relation, k.tid) for k in document.links}


def test_a_link_to_a_date_in_the_text_beats_one_to_the_creation_time() -> None:
    implied = implied_dates(parse_timeml(LINKED))
    assert implied["e1"] == ("2012-03-07", True)
    assert implied["e2"] == ("2012-03-05", False)  # BEFORE t0 implies no date
    assert implied["e3"] == ("2012-03-02", False)


def test_the_extractor_dates_the_linked_events_as_the_links_imply() -> None:
    score = evaluate_anchoring([LINKED])
    assert (score.linked, score.read, score.agree) == (2, 2, 2)
    assert (score.linked_to_creation, score.read_to_creation) == (1, 1)
    assert score.agree_to_creation == 1
