"""Headlines of events (subject, verb, object or place), read from sentences of our own with
the real spaCy pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_events import events_of
from timeline_cli.events.evidence import _present


def headlines(nlp: Language, text: str) -> list[str]:
    return [event.headline for event in events_of(nlp, text)]


def test_a_meeting_names_subject_object_and_place(nlp: Language) -> None:
    text = "Foreign Minister Park Ji-won met Prime Minister Olaf Berg in Oslo on Monday."
    assert headlines(nlp, text) == ["Park Ji-won meets Olaf Berg in Oslo"]


def test_a_light_verb_keeps_its_event_noun_and_partner(nlp: Language) -> None:
    text = "On Tuesday, Mayor Han Seo-yeon held talks with union leader Choi Dong-hyun."
    assert headlines(nlp, text) == ["Han Seo-yeon holds talks with Choi Dong-hyun"]


def test_a_plural_subject_and_a_particle(nlp: Language) -> None:
    text = "Dock workers walked off the job on Monday, demanding higher pay."
    assert "Dock workers walk off job" in headlines(nlp, text)


def test_a_planned_event_and_a_passive(nlp: Language) -> None:
    planned = "The prime minister will visit Nairobi on Friday."
    assert headlines(nlp, planned) == ["Prime minister to visit Nairobi"]
    passive = "About 60 refugees were deported on Sunday."
    assert headlines(nlp, passive) == ["About 60 refugees deported"]


def test_a_statement_names_its_speaker_and_what_was_said(nlp: Language) -> None:
    text = "The talks ended without an agreement, the city council said on Wednesday."
    (headline,) = [h for h in headlines(nlp, text) if h.startswith("City council")]
    assert headline == "City council says talks ended without agreement"


def test_a_pronoun_subject_is_named(nlp: Language) -> None:
    text = "Governor Maria Santos arrived in Quito on Monday. She visited a hospital on Tuesday."
    assert "Maria Santos visits hospital" in headlines(nlp, text)


def test_headlines_are_short(nlp: Language) -> None:
    text = (
        "The regional health authority said on Monday that the new hospital wing, which was "
        "built over four years at a cost of nearly two hundred million dollars, would open "
        "to patients from the whole province by the end of the summer."
    )
    for headline in headlines(nlp, text):
        assert len(headline.split()) <= 13  # 12 words and an ellipsis


@pytest.mark.parametrize(
    ("lemma", "plural", "form"),
    [("meet", False, "meets"), ("carry", False, "carries"), ("push", False, "pushes"),
     ("say", False, "says"), ("be", False, "is"), ("have", False, "has"), ("meet", True, "meet")],
)  # fmt: skip
def test_present_tense_of_headlines(lemma: str, plural: bool, form: str) -> None:
    assert _present(lemma, plural) == form
