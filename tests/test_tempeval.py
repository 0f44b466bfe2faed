"""TempEval-3 Task A scoring, and the evaluation of the real extractor on a small fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_cli.core.timevalue import TimeValue
from timeline_cli.evaluation.tempeval import (
    Mismatch,
    Prediction,
    mismatches,
    relaxed_matches,
    score,
    strict_matches,
)
from timeline_cli.evaluation.timeml import GoldTimex, parse_timeml
from timeline_cli.evaluation.timex import as_predictions, evaluate, predict_all
from timeline_cli.temporal.mentions import Timex

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timeml"


def gold(start: int, end: int, value: str = "2012", type_: str = "DATE") -> GoldTimex:
    return GoldTimex(start, end, f"g{start}", type_, value)


def predicted(start: int, end: int, value: str = "2012", type_: str = "DATE") -> Prediction:
    return Prediction(start, end, f"p{start}", type_, value)


def test_strict_needs_both_boundaries_relaxed_any_overlap() -> None:
    golds = [gold(0, 6), gold(10, 19)]
    predictions = [predicted(0, 6), predicted(7, 19)]  # "in last year" for "last year"
    scores = score([(golds, predictions)])
    assert strict_matches(golds, predictions) == 1
    assert scores.strict.f1 == pytest.approx(0.5)
    assert scores.relaxed.precision == scores.relaxed.recall == scores.relaxed.f1 == 1.0


def test_relaxed_matching_is_one_to_one_largest_overlap_first() -> None:
    golds = [gold(0, 10), gold(12, 20)]
    # One prediction covers both gold spans: it takes the larger overlap only.
    assert relaxed_matches(golds, [predicted(0, 20)]) == [(0, 0)]
    # Two predictions on one gold span: only one of them is a match.
    assert relaxed_matches([gold(0, 10)], [predicted(0, 4), predicted(2, 10)]) == [(0, 1)]
    # An exact match wins a tie in overlap over a prediction that merely contains the span.
    assert relaxed_matches([gold(5, 10)], [predicted(0, 10), predicted(5, 10)]) == [(0, 1)]
    scores = score([([gold(0, 10)], [predicted(0, 4), predicted(2, 10)])])
    assert scores.relaxed.precision == pytest.approx(0.5)
    assert scores.relaxed.recall == 1.0


def test_value_and_type_f1_are_agreement_times_relaxed_f1() -> None:
    golds = [
        gold(0, 5, "2012"),
        gold(10, 15, "P1Y", "DURATION"),
        gold(20, 25, "2011"),
        gold(30, 35),
    ]
    predictions = [
        predicted(0, 5, "2012"),  # right value and type
        predicted(10, 15, "P1Y", "DATE"),  # right value, wrong type
        predicted(21, 25, "2010"),  # relaxed match, wrong value
    ]  # gold(30, 35) is missed
    scores = score([(golds, predictions)])
    relaxed_f1 = 2 * 1.0 * 0.75 / 1.75
    assert scores.relaxed.f1 == pytest.approx(relaxed_f1)
    assert scores.value_f1 == pytest.approx(2 / 3 * relaxed_f1)
    assert scores.type_f1 == pytest.approx(2 / 3 * relaxed_f1)
    assert scores.strict.precision == pytest.approx(2 / 3)


def test_counts_are_summed_over_documents() -> None:
    scores = score([([gold(0, 5)], [predicted(0, 5)]), ([gold(0, 5), gold(9, 12)], [])])
    assert (scores.documents, scores.gold, scores.predicted) == (2, 3, 1)
    assert scores.relaxed.recall == pytest.approx(1 / 3)  # micro, not the mean of 1.0 and 0.0
    assert scores.relaxed.precision == 1.0


def test_nothing_to_score_gives_zeros() -> None:
    scores = score([([], [])])
    assert scores.relaxed.f1 == scores.value_f1 == scores.type_f1 == 0.0


def test_to_dict_shape() -> None:
    result = score([([gold(0, 5)], [predicted(0, 5)])]).to_dict()
    assert list(result) == [
        "documents",
        "gold",
        "predicted",
        "strict",
        "relaxed",
        "value_f1",
        "type_f1",
    ]
    assert result["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["relaxed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_mismatches_lists_missed_spurious_and_wrong_values_in_text_order() -> None:
    golds = [
        GoldTimex(0, 6, "Monday", "DATE", "2012-03-05"),
        GoldTimex(10, 19, "last year", "DATE", "2011"),
        GoldTimex(30, 36, "Friday", "DATE", "2012-03-09"),
    ]
    predictions = [
        Prediction(0, 6, "Monday", "DATE", "2012-03-05"),  # right: not listed
        Prediction(10, 19, "last year", "DATE", "2010"),
        Prediction(22, 27, "daily", "SET", "P1D"),
    ]
    rows = mismatches([("doc", golds, predictions)])
    assert rows == [
        Mismatch("doc", '"last year" DATE 2011', '"last year" DATE 2010'),
        Mismatch("doc", None, '"daily" SET P1D'),
        Mismatch("doc", '"Friday" DATE 2012-03-09', None),
    ]


def timex(text: str, start: int, value: TimeValue | None) -> Timex:
    return Timex(0, 1, text, start, start + len(text), None, "past", value)


def test_only_normalized_timexes_are_predictions() -> None:
    timexes = [
        timex("58-year-old", 0, TimeValue("", "NONE", rule="age")),  # a look-alike
        timex("the other day", 20, None),  # not understood
        timex("last week", 40, TimeValue("2012-W09", "DATE")),
    ]
    assert list(as_predictions(timexes)) == [Prediction(40, 49, "last week", "DATE", "2012-W09")]


def test_extractor_predictions_are_anchored_on_the_dct(nlp: object) -> None:
    document = parse_timeml(FIXTURES / "earnings.tml")
    ((_, predictions),) = predict_all([document])
    monday = next(p for p in predictions if p.text == "Monday")
    # Without the DCT as anchor a weekday stays unresolved (XXXX-XX-XX).
    assert (monday.start, monday.end, monday.type, monday.value) == (25, 31, "DATE", "2012-03-05")
    durations = [p for p in predictions if p.type == "DURATION"]
    assert [(p.text, p.value) for p in durations] == [("more than 12 years", "P12Y")]


def test_evaluate_scores_fixture_files_with_the_real_model(nlp: object) -> None:
    scores, rows, flaws = evaluate([FIXTURES], errors=10)
    assert flaws.flaws == []
    assert set(scores) == {
        "documents",
        "gold",
        "predicted",
        "strict",
        "relaxed",
        "value_f1",
        "type_f1",
        "seconds",
        "flaws",
    }
    assert (scores["documents"], scores["gold"]) == (2, 5)
    assert scores["relaxed"]["recall"] >= 0.8
    assert 0.0 < scores["value_f1"] < scores["relaxed"]["f1"]  # the fixture's wrong "Friday"
    assert isinstance(scores["seconds"], float) and scores["seconds"] > 0
    friday = [row for row in rows if row.gold == '"Friday" DATE 2012-03-16']
    assert len(friday) == 1 and friday[0].predicted is not None
    assert friday[0].document == "fixture_earnings"


def test_evaluate_returns_no_rows_unless_asked(nlp: object) -> None:
    _, rows, _ = evaluate([FIXTURES / "earnings.tml"])
    assert rows == []
