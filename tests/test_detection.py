"""Finding temporal expressions in a parsed Doc (``temporal.detection``), with the real spaCy
pipeline: what the statistical model finds, repaired by the rules."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.language import Language

from timeline_cli.temporal.detection import temporal_candidates


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    """Each expression as reported (its span) and as the normalizer reads it."""
    return [(candidate.span.text, candidate.text) for candidate in temporal_candidates(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # joined: a weekday and its part of the day are one expression
        ("The council met on Tuesday morning.", [("Tuesday morning", "Tuesday morning")]),
        # split: a range and a list hold two expressions each; the list's day keeps its month
        ("The plant ran from 1991 to 1997.", [("1991", "1991"), ("1997", "1997")]),
        ("Shares fell on April 24 and 25.", [("April 24", "April 24"), ("25", "April 25")]),
        # added by the Matcher: a bare weekday, a day of the month, "yesterday"
        (
            "She left Monday and returned on the 13th.",
            [("Monday", "Monday"), ("the 13th", "the 13th")],
        ),
        ("Talks resumed yesterday.", [("yesterday", "yesterday")]),
        # trimmed: a hedge is outside the span, the normalizer still reads it
        ("Prices rose just last month.", [("last month", "just last month")]),
        ("Early March was cold.", [("March", "Early March")]),
        # an era belongs to its year
        ("The temple was built in 1274 BCE.", [("1274 BCE", "1274 BCE")]),
        # look-alikes are no dates
        ("The ruling of the 11th Circuit stands.", []),
        ("The quarterly dividend was cut.", []),
    ],
)
def test_expressions_found(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(nlp, text) == expected


def test_candidates_come_in_text_order_and_never_overlap(nlp: Language) -> None:
    doc = nlp("On Monday the board met; by March 3, 2025, and again in June, it had voted twice.")
    spans = [candidate.span for candidate in temporal_candidates(doc)]
    assert [span.text for span in spans] == ["Monday", "March 3, 2025", "June"]
    assert all(a.end <= b.start for a, b in pairwise(spans))
