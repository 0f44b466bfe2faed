"""Why a date is what it is (``chronology.explain``), with the real spaCy pipeline."""

from __future__ import annotations

from datetime import date

from factories import make_document
from spacy.language import Language

from timeline_cli.chronology.explain import explain_documents, explanation_text
from timeline_cli.core.models import Document, Publication

TEXT = "The harbor council approved the budget on Friday. Dockers marched in March 2024."


def article(text: str, published: date | None = None) -> Document:
    publication = Publication(published, "header") if published else Publication()
    return make_document("a", text=text, body=text, publication=publication)


def test_each_date_with_its_anchor_rule_and_value(nlp: Language) -> None:
    friday, march = explain_documents(nlp, [article(TEXT, date(2025, 6, 10))])
    assert (friday.expression, friday.value, friday.rule) == ("Friday", "2025-06-06", "weekday")
    assert friday.anchor == "2025-06-10 (publication date, from header)"
    assert friday.tense == "past"
    assert friday.sentence == "The harbor council approved the budget on Friday."
    assert (march.expression, march.value, march.precision) == ("March 2024", "2024-03", "month")


def test_only_the_expression_asked_about(nlp: Language) -> None:
    (only,) = explain_documents(nlp, [article(TEXT, date(2025, 6, 10))], "friday")
    assert only.expression == "Friday"


def test_without_a_publication_date_the_anchor_says_what_was_used(nlp: Language) -> None:
    (friday, _) = explain_documents(nlp, [article(TEXT)])
    assert friday.anchor == "none (no publication date, no full date before it)"
    assert friday.value == "XXXX-XX-XX"  # a weekday of no known week
    text = "The port opened on June 2, 2025. Two days later, dockers marched."
    later = explain_documents(nlp, [article(text)], "two days later")[0]
    assert later.anchor.startswith("2025-06-02 (no publication date: the last full date")
    assert later.value == "2025-06-04"


def test_the_text_shows_control_characters_instead_of_obeying_them(nlp: Language) -> None:
    explanations = explain_documents(nlp, [article("Officials met on Friday in\x1b[2J Portvale.")])
    shown = explanation_text(explanations).plain
    assert "\x1b" not in shown
    assert "in: Officials met on Friday in\\x1b[2J Portvale." in shown
