"""eval-events: the scoring rule on hand-built events, and the command on a gold folder of ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.evaluation.events import (
    GoldError,
    GoldEvent,
    OutputEvent,
    load_gold,
    matches,
    score_article,
    words,
)

GOLD_FOLDER = Path(__file__).parent / "fixtures" / "events_gold"
STRIKE = GoldEvent(
    "a.txt", "2024-03-11", "strike", "Dock workers walked off the job at Port Avery on Monday"
)


def output(date: str | None, event_type: str, *sentences: str) -> OutputEvent:
    return OutputEvent(f"ev-{date}-{event_type}", date, event_type, "summary", sentences)


def test_words_are_distinct_lowercase_alphanumerics() -> None:
    assert words("Port Avery's 2 ports, PORT!") == {"port", "avery", "s", "2", "ports"}


def test_a_mention_matches_with_60_percent_of_the_evidence_words() -> None:
    sentence = "On Monday, dock workers walked off the job at Port Avery."
    assert matches(output("2024-03-11", "strike", sentence), STRIKE)
    assert not matches(output("2024-03-11", "strike", "Dock workers met on Monday."), STRIKE)


def test_found_dated_typed_and_precision_credit_the_best_match() -> None:
    sentence = "Dock workers walked off the job at Port Avery on Monday."
    score = score_article(
        "a.txt",
        [STRIKE],
        [
            output("2024-03-12", "strike", sentence),  # misdated
            output("2024-03-11", "other", sentence),  # dated right, mistyped
            output("2024-03-13", "statement", "The mayor said the port was quiet."),
        ],
    )
    assert (score.found, score.dated, score.typed) == (1, 1, 0)
    assert (score.precise, score.output) == (2, 3)
    assert any("\tmistyped\t" in line for line in score.misses)
    assert any("\tspurious\t" in line for line in score.misses)


def test_alt_date_counts_as_dated_right() -> None:
    uncertain = GoldEvent("a.txt", "2024-03-10", "strike", STRIKE.evidence, alt_date="2024-03-11")
    score = score_article("a.txt", [uncertain], [output("2024-03-11", "strike", STRIKE.evidence)])
    assert score.dated == 1


def test_one_output_event_is_credited_once_in_the_one_to_one_figure() -> None:
    sentence = "Honda and Mazda said on Monday they expand recalls, after Toyota this month."
    first = GoldEvent("a.txt", "2024-03-11", "announcement", "Honda and Mazda said on Monday")
    second = GoldEvent("a.txt", "2024-03-11", "announcement", "Mazda said on Monday they expand")
    score = score_article("a.txt", [first, second], [output("2024-03-11", "statement", sentence)])
    assert score.dated == 2 and score.one_to_one_dated == 1


def test_a_folder_without_gold_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"no index\.csv"):
        load_gold(tmp_path)


def test_publication_dates_come_from_the_index() -> None:
    published, gold = load_gold(GOLD_FOLDER)
    assert published["01_harbour.txt"].isoformat() == "2024-03-13"
    assert len(gold["01_harbour.txt"]) == 5


def test_the_command_scores_a_gold_folder_with_the_real_pipeline() -> None:
    result = CliRunner().invoke(app, ["eval-events", str(GOLD_FOLDER), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # The walk-out, the authority's statement, the planned meeting and the 2019 storm are
    # found and dated; the fifth gold event is in no sentence of the article.
    assert (scores["gold"], scores["found"], scores["dated"]) == (5, 4, 4)
    assert scores["errors"] == [
        "01_harbour.txt\tmissed\t2024-02\tvote\tThe union voted to strike in February after "
        "talks failed"
    ]


def test_the_command_names_a_folder_that_is_not_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-events", str(tmp_path)])
    assert result.exit_code == 2 and "index.csv" in result.output
