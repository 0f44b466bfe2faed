"""Actors are people, organisations and countries: adjectives, titles, possessives and bare
compass words are not; places written in two parts stay whole. Sentences of our own, parsed
by the real pipeline, through the whole run (names are cleaned across articles there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_cli.core.models import Chronology
from timeline_cli.pipeline.run import run

ARTICLE = """Port talks resume

SEOUL, March 4, 2025 (Yonhap) — North Korean defectors and Chinese officials attended \
inter-Korean talks in Seoul on Monday.

Finance Minister Lee Jun-ho met U.S. Sectary of Energy Mark Olsen in Austin, Texas, on Tuesday.

The North rejected an offer of talks by the South's Kang Min-jun on Wednesday, the South said.
"""


@pytest.fixture(scope="module")
def chronology(tmp_path_factory: pytest.TempPathFactory) -> Chronology:
    folder = tmp_path_factory.mktemp("actors")
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    return run([Path(folder / "talks.txt")]).chronology


def _named(chronology: Chronology) -> set[str]:
    return {name for event in chronology.events for name in (*event.actors, *event.places)}


def test_adjectives_and_compass_words_are_not_actors(chronology: Chronology) -> None:
    named = _named(chronology)
    assert not named & {"North Korean", "Chinese", "inter-Korean", "North", "South"}


def test_titles_are_attributes_not_actors(chronology: Chronology) -> None:
    named = _named(chronology)
    assert "Mark Olsen" in named and "Lee Jun-ho" in named
    assert not any("Sectary" in name or "Minister" in name for name in named)
    roles = {actor.name: actor.roles for actor in chronology.actors}
    assert any("Sectary of Energy" in role for role in roles["Mark Olsen"])


def test_a_possessive_is_no_part_of_the_name(chronology: Chronology) -> None:
    named = _named(chronology)
    assert "Kang Min-jun" in named
    assert not any("South's" in name for name in named)


def test_a_place_in_two_parts_stays_whole(chronology: Chronology) -> None:
    meeting = next(e for e in chronology.events if "Mark Olsen" in e.actors)
    assert meeting.places == ("Austin, Texas",)
