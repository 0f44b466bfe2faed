"""``timeline eval-tls``: the key dates scored as timeline summarization is scored (date F1).

The folder holds topics in Timeline17's layout as distributed here: one folder a topic, with
``articles.jsonl`` (``{"id", "date", "text", ...}``, ``date`` the publication date) and
``timelines.jsonl`` (a journalist's timeline a line, ``{"name", "dates": {"YYYY-MM-DD":
[summary sentences]}}``); or the folder is one topic itself.

The protocol is news-tls's (Gholipour Ghalandari and Ifrim, ACL 2020, ``experiments/
evaluate.py``):

- one task per gold timeline of k dates;
- the articles are those published from the timeline's first date to its last (inclusive),
  and the candidate days lie within the same span;
- the system's top k days are compared with the k gold days: precision is the share of the
  predicted days that are gold, recall the share of gold days predicted;
- precision and recall are averaged over the tasks, and F1 is computed from the two
  averages (per topic over its tasks, overall over all tasks).

Each task builds the chronology of its articles as ``timeline extract`` does and ranks its
days as ``keydates`` does. Reported beside it, in the same run: the
publication-count baseline (the k days most articles were published on) and the recall
ceiling (the share of gold days among the candidate days: the days the chronology has an
event on, which are all that ranking can choose from).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.table import Table

from timeline_cli.chronology.keydates import rank_days
from timeline_cli.ingest.documents import load_documents
from timeline_cli.pipeline.extraction import Extraction
from timeline_cli.pipeline.run import Settings, build_chronology, extract_documents

ARTICLES = "articles.jsonl"
TIMELINES = "timelines.jsonl"


class TlsDataError(ValueError):
    """The folder is not in the layout described above."""


@dataclass(frozen=True)
class GoldTimeline:
    name: str
    dates: tuple[date, ...]  # sorted


@dataclass(frozen=True)
class Topic:
    name: str
    folder: Path
    timelines: tuple[GoldTimeline, ...]


@dataclass(frozen=True)
class TaskScore:
    topic: str
    timeline: str
    dates: int
    articles: int
    precision: float
    recall: float
    baseline_precision: float
    baseline_recall: float
    ceiling: float
    ranking_seconds: float

    def record(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "timeline": self.timeline,
            "dates": self.dates,
            "articles": self.articles,
            **_figures(self.precision, self.recall),
            "baseline": _figures(self.baseline_precision, self.baseline_recall),
            "ceiling": round(self.ceiling, 4),
        }


def read_topics(folder: Path) -> list[Topic]:
    """The topics of the folder (or the folder as one topic), sorted by name."""
    if not folder.is_dir():
        raise TlsDataError(f"{folder}: not a folder")
    if (folder / TIMELINES).is_file():
        folders = [folder]
    else:
        folders = sorted(path for path in folder.iterdir() if (path / TIMELINES).is_file())
    if not folders:
        raise TlsDataError(f"{folder}: no topic folder holding {ARTICLES} and {TIMELINES}")
    topics = []
    for path in folders:
        if not (path / ARTICLES).is_file():
            raise TlsDataError(f"{path}: no {ARTICLES}")
        topics.append(Topic(path.name, path, tuple(read_timelines(path / TIMELINES))))
    return topics


def read_timelines(path: Path) -> list[GoldTimeline]:
    timelines = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            days = sorted(date.fromisoformat(day) for day in record["dates"])
            name = str(record.get("name") or f"{path.parent.name}-{number}")
        except (ValueError, KeyError, TypeError) as error:
            raise TlsDataError(f"{path}, line {number}: not a timeline ({error})") from None
        if not days:
            raise TlsDataError(f"{path}, line {number}: a timeline without dates")
        timelines.append(GoldTimeline(name, tuple(days)))
    if not timelines:
        raise TlsDataError(f"{path}: no timeline")
    return timelines


def date_scores(predicted: Sequence[date], gold: Sequence[date]) -> tuple[float, float]:
    """Precision and recall of predicted days against gold days (news-tls's ``evaluate_dates``;
    no day predicted is a precision of 0)."""
    shared = len(set(predicted) & set(gold))
    return (shared / len(set(predicted)) if predicted else 0.0), shared / len(set(gold))


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def publication_days(extracted: Sequence[Extraction], count: int) -> list[date]:
    """The baseline: the ``count`` days most articles were published on (earlier first on
    ties)."""
    counts = Counter(x.document.publication.date for x in extracted if x.document.publication.date)
    return sorted(counts, key=lambda day: (-counts[day], day))[:count]


def score_task(topic: str, timeline: GoldTimeline, extracted: Sequence[Extraction]) -> TaskScore:
    """One gold timeline: its articles' chronology, ranked and compared (protocol above)."""
    first, last = timeline.dates[0], timeline.dates[-1]
    within = [
        x
        for x in extracted
        if x.document.publication.date is not None and first <= x.document.publication.date <= last
    ]
    chronology = build_chronology([x.document for x in within], within)
    days = {x.document.id: x.days for x in within}
    started = time.perf_counter()
    ranked = rank_days(chronology, days, window=(first, last))
    seconds = time.perf_counter() - started
    k = len(timeline.dates)
    precision, recall = date_scores([r.day for r in ranked[:k]], timeline.dates)
    base_precision, base_recall = date_scores(publication_days(within, k), timeline.dates)
    candidates = {r.day for r in ranked}
    ceiling = len(candidates & set(timeline.dates)) / len(set(timeline.dates))
    return TaskScore(
        topic, timeline.name, k, len(within), precision, recall, base_precision, base_recall,
        ceiling, seconds,
    )  # fmt: skip


def evaluate_tls(
    folder: Path,
    settings: Settings | None = None,
    on_topic: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Scores per timeline, per topic and overall (see the module's docstring)."""
    settings = settings or Settings()
    tasks: list[TaskScore] = []
    warnings: list[str] = []
    extraction_seconds = 0.0
    for topic in read_topics(folder):
        if on_topic:
            on_topic(topic.name)
        loaded = load_documents([topic.folder / ARTICLES], {})
        started = time.perf_counter()
        extracted, cache_warnings = extract_documents(loaded.documents, settings)
        extraction_seconds += time.perf_counter() - started
        warnings += [
            notice.message for notice in loaded.notices if notice.code in ("skipped", "bad-record")
        ]
        warnings += cache_warnings
        tasks += [score_task(topic.name, timeline, extracted) for timeline in topic.timelines]
    topics = sorted({task.topic for task in tasks})
    return {
        "timelines": [task.record() for task in tasks],
        "topics": [
            {"topic": name, **_average([t for t in tasks if t.topic == name])} for name in topics
        ],
        "overall": _average(tasks),
        "seconds": {
            "extraction": round(extraction_seconds, 2),
            "ranking": round(sum(task.ranking_seconds for task in tasks), 3),
        },
        "warnings": warnings,
    }


def _figures(precision: float, recall: float) -> dict[str, float]:
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
    }


def _average(tasks: Sequence[TaskScore]) -> dict[str, Any]:
    """Precision and recall averaged over the tasks, F1 from the averages."""
    n = len(tasks)

    def mean(values: Sequence[float]) -> float:
        return sum(values) / n

    return {
        "tasks": n,
        **_figures(mean([t.precision for t in tasks]), mean([t.recall for t in tasks])),
        "baseline": _figures(
            mean([t.baseline_precision for t in tasks]), mean([t.baseline_recall for t in tasks])
        ),
        "ceiling": round(mean([t.ceiling for t in tasks]), 4),
    }


def tls_table(scores: dict[str, Any]) -> Table:
    """Per timeline, per topic and overall: date P, R, F1, the baseline's F1, the ceiling."""
    table = Table(
        title="Date F1 of the key dates against journalists' timelines (news-tls protocol)",
        caption="k: the timeline's dates; pub. F1: the k days most articles came out on; "
        "ceiling: the share of its dates among the candidate days",
    )
    table.add_column("topic", no_wrap=True)
    table.add_column("timeline", no_wrap=True, max_width=24)
    for column in ("k", "P", "R", "F1", "pub. F1", "ceiling"):
        table.add_column(column, justify="right", no_wrap=True)

    def add(topic: str, timeline: str, dates: str, row: dict[str, Any]) -> None:
        table.add_row(
            topic, timeline, dates, f"{row['precision']:.3f}", f"{row['recall']:.3f}",
            f"{row['f1']:.3f}", f"{row['baseline']['f1']:.3f}", f"{row['ceiling']:.3f}",
        )  # fmt: skip

    for row in scores["timelines"]:
        # "H1N1_bbc/influenza_A_h1n1_scotland_bbc.txt": the outlet's folder says enough
        add(row["topic"], row["timeline"].split("/")[0], str(row["dates"]), row)
    table.add_section()
    for row in scores["topics"]:
        add(row["topic"], f"all {row['tasks']}", "", row)
    table.add_section()
    add("overall", f"all {scores['overall']['tasks']}", "", scores["overall"])
    return table
