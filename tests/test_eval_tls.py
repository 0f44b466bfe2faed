"""Date F1 under news-tls's protocol, on a small story of our own in Timeline17's layout."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from factories import STORY
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.evaluation.tls import (
    TaskScore,
    TlsDataError,
    _average,
    date_scores,
    evaluate_tls,
    read_topics,
)
from timeline_cli.pipeline.run import Settings

ARTICLES = [
    *STORY,
    ("a5", "2021-03-20", "Rita Costa was elected to parliament on Friday."),
]  # fmt: skip
TIMELINES = [
    {"name": "march", "dates": {"2021-03-01": ["Lisbon march."], "2021-03-08": ["Reis quits."]}},
    {"name": "month", "dates": {"2021-03-01": ["March."], "2021-03-19": ["Costa elected."]}},
]


@pytest.fixture(scope="module")
def topics(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tls")
    topic = folder / "strike"
    topic.mkdir()
    rows = [json.dumps({"id": i, "date": day, "text": text}) for i, day, text in ARTICLES]
    (topic / "articles.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    lines = [json.dumps(timeline) for timeline in TIMELINES]
    (topic / "timelines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes").mkdir()  # a folder that is no topic is passed over
    return folder


def test_date_precision_and_recall() -> None:
    days = [date(2021, 3, day) for day in (1, 2, 3, 4)]
    assert date_scores(days[:3], [days[0], days[3]]) == (pytest.approx(1 / 3), 0.5)
    assert date_scores([], days) == (0.0, 0.0)


def test_f1_comes_from_the_averaged_precision_and_recall() -> None:
    def task(precision: float, recall: float) -> TaskScore:
        return TaskScore("t", "tl", 4, 10, precision, recall, 0.0, 0.0, 1.0, 0.0)

    averaged = _average([task(1.0, 0.25), task(0.2, 1.0)])
    assert (averaged["precision"], averaged["recall"]) == (0.6, 0.625)
    assert averaged["f1"] == pytest.approx(0.6122, abs=1e-4)  # not the mean of F1s (0.367)


def test_each_timeline_is_scored_on_the_articles_of_its_own_span(topics: Path) -> None:
    scores = evaluate_tls(topics, Settings())
    march, month = scores["timelines"]
    # Mar 1 to Mar 8: a1 and a2 only; a3, which tells the resignation, came out on Mar 9
    assert (march["timeline"], march["dates"], march["articles"]) == ("march", 2, 2)
    assert march["ceiling"] == 0.5  # no article of the span tells of Mar 8
    assert (march["precision"], march["recall"]) == (0.5, 0.5)  # Mar 1, and a day without
    # Mar 1 to Mar 19: a1 to a4; the election on Friday Mar 19 is told on Mar 20, too late
    assert (month["articles"], month["ceiling"], month["precision"]) == (4, 0.5, 0.5)
    # the baseline picks the earliest of the days one article each came out on
    assert march["baseline"]["precision"] == 0.0
    assert [topic["topic"] for topic in scores["topics"]] == ["strike"]
    assert scores["overall"]["tasks"] == 2 and scores["overall"]["f1"] == 0.5


def test_the_command_prints_a_table_and_json(topics: Path) -> None:
    result = CliRunner().invoke(app, ["eval-tls", str(topics / "strike")])
    assert result.exit_code == 0, result.output
    assert "Date F1" in result.stdout and "overall" in result.stdout
    result = CliRunner().invoke(app, ["eval-tls", str(topics), "--json", "--no-cache"])
    assert json.loads(result.stdout)["overall"]["tasks"] == 2


def test_a_folder_without_topics_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-tls", str(tmp_path)])
    assert result.exit_code == 2
    assert "no topic folder" in result.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "articles.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "bad" / "timelines.jsonl").write_text('{"name": "x", "dates": 3}\n')
    with pytest.raises(TlsDataError, match=r"timelines\.jsonl, line 1"):
        read_topics(tmp_path)
