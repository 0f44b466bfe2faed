"""What each piece of evidence adds to the key dates: rankings of the same days side by side,
scored as ``timeline eval-tls`` scores them (date F1 under news-tls's protocol).

    python bench/tls_rankers.py TIMELINE17_DIR [--cache FILE]

The articles are extracted once per topic (through the parse cache: a second run takes
seconds), then every ranking below is scored on the same chronologies:

- the publication count, the articles naming a day, the articles with an event on it;
- the formula of ``timeline_cli/keydates.py`` over every day an article names, and over the
  days with an event (what ``--key-dates`` shows), then with each of its weights set to 0 or
  doubled;
- a logistic regression on the same counts, fitted on all topics, then on all but one and
  scored on the one left out: what a learned ranker would add.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from timeline_cli.chronology import keydates
from timeline_cli.chronology.keydates import day_events, day_scores, rank_days
from timeline_cli.evaluation.tls import date_scores, f1, read_topics
from timeline_cli.ingest.documents import load_documents
from timeline_cli.pipeline.cache import default_cache_path
from timeline_cli.pipeline.extraction import Extraction
from timeline_cli.pipeline.run import Settings, build_chronology, extract_documents


class Task:
    """One gold timeline with its span's articles, chronology and candidate days."""

    def __init__(self, topic: str, gold: Sequence[date], extracted: Sequence[Extraction]) -> None:
        self.topic, self.gold = topic, list(gold)
        first, last = gold[0], gold[-1]
        self.within = [
            x
            for x in extracted
            if x.document.publication.date and first <= x.document.publication.date <= last
        ]
        self.documents = [x.document for x in self.within]
        self.days = {x.document.id: x.days for x in self.within}
        self.chronology = build_chronology(self.documents, self.within)
        self.window = (first, last)
        self.event_days = set(day_events(self.chronology.events))

    def inside(self, days: set[date]) -> set[date]:
        return {day for day in days if self.window[0] <= day <= self.window[1]}


Ranking = Callable[[Task], list[date]]  # the candidate days, the most important first


def by_score(task: Task, scores: Mapping[date, float]) -> list[date]:
    """The days of the task's span, highest score first, the earlier first on ties."""
    return sorted(task.inside(set(scores)), key=lambda day: (-scores[day], day))


def publication_count(task: Task) -> list[date]:
    return by_score(task, Counter(d.publication.date for d in task.documents))


def naming_articles(task: Task) -> list[date]:
    return by_score(task, Counter(m.day for mentions in task.days.values() for m in mentions))


def event_articles(task: Task) -> list[date]:
    events = day_events(task.chronology.events)
    return by_score(
        task, {day: len({d for e in evs for d in e.documents}) for day, evs in events.items()}
    )


def formula(on_events: bool, **weights: float) -> Ranking:
    """The ranking of ``keydates`` (``rank_days``, ties and all) with some weights changed;
    or its scores over every day an article names."""

    def rank(task: Task) -> list[date]:
        saved = {name: getattr(keydates, name) for name in weights}
        try:
            for name, value in weights.items():
                setattr(keydates, name, value)
            if on_events:
                return [r.day for r in rank_days(task.chronology, task.days, task.window)]
            return by_score(task, day_scores(task.documents, task.days)[0])
        finally:
            for name, value in saved.items():
                setattr(keydates, name, value)

    return rank


def score(tasks: Sequence[Task], rank: Ranking) -> tuple[float, float, list[float]]:
    """Date F1 from the averaged precision and recall, the mean recall ceiling, and each
    task's F1."""
    precisions, recalls, ceilings, each = [], [], [], []
    for task in tasks:
        ranked = rank(task)
        candidates = set(ranked)
        top = ranked[: len(task.gold)]
        precision, recall = date_scores(top, task.gold)
        precisions.append(precision)
        recalls.append(recall)
        ceilings.append(len(candidates & set(task.gold)) / len(set(task.gold)))
        each.append(f1(precision, recall))
    n = len(tasks)
    return f1(sum(precisions) / n, sum(recalls) / n), sum(ceilings) / n, each


# --- a learned ranker, for comparison -------------------------------------------------------

FEATURES = ("published", "naming", "naming later", "naming earlier", "with event", "day before")


def features(task: Task) -> dict[date, list[float]]:
    """Per candidate day: articles published on it, naming it (all, later, earlier), naming
    it in an event's sentence, published the day after it."""
    found: dict[date, Counter[str]] = {}
    for document in task.documents:
        published = document.publication.date
        assert published is not None
        found.setdefault(published, Counter())["published"] += 1
        found.setdefault(published - timedelta(days=1), Counter())["day before"] += 1
        for mention in task.days[document.id]:
            counts = found.setdefault(mention.day, Counter())
            counts["naming"] += 1
            counts["naming later"] += mention.day < published
            counts["naming earlier"] += mention.day > published
            counts["with event"] += mention.event
    days = task.inside(set(found)) & task.event_days
    raw = np.array([[found[d][name] for name in FEATURES] for d in sorted(days)], float)
    raw = np.log1p(raw)
    raw /= np.linalg.norm(raw, axis=0) + 1e-9  # per task, as Datewise scales its features
    return {day: list(row) for day, row in zip(sorted(days), raw, strict=True)}


def fitted(tasks: Sequence[Task]) -> np.ndarray:
    """Logistic regression weights (and a bias) telling gold days, by gradient descent."""
    rows, labels = [], []
    for task in tasks:
        for day, row in features(task).items():
            rows.append(row)
            labels.append(float(day in task.gold))
    x, y = np.array(rows), np.array(labels)
    x = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(x.shape[1])
    for _ in range(3000):
        weights -= 5.0 * x.T @ (1 / (1 + np.exp(-x @ weights)) - y) / len(y)
    return weights


def learned(weights: np.ndarray) -> Ranking:
    def rank(task: Task) -> list[date]:
        found = features(task)
        return by_score(task, {day: float(np.dot(row, weights[:-1])) for day, row in found.items()})

    return rank


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    options = parser.parse_args()
    settings = Settings(cache=options.cache or default_cache_path())
    tasks = []
    for topic in read_topics(options.folder):
        documents = load_documents([topic.folder / "articles.jsonl"], {}).documents
        extracted, _ = extract_documents(documents, settings)
        tasks += [Task(topic.name, timeline.dates, extracted) for timeline in topic.timelines]
    rankings: dict[str, Ranking] = {
        "publication count (the baseline)": publication_count,
        "articles naming the day": naming_articles,
        "articles with an event on the day": event_articles,
        "the formula, every day named": formula(False),
        "the formula, days with an event (--key-dates)": formula(True),
        "  EVENT = 0": formula(True, EVENT=0.0),
        "  LATER = 0": formula(True, LATER=0.0),
        "  PUBLISHED = 0": formula(True, PUBLISHED=0.0),
        "  DAY_BEFORE = 0": formula(True, DAY_BEFORE=0.0),
        "  EVENT doubled": formula(True, EVENT=2 * keydates.EVENT),
        "  LATER doubled": formula(True, LATER=2 * keydates.LATER),
        "  PUBLISHED doubled": formula(True, PUBLISHED=2 * keydates.PUBLISHED),
        "  DAY_BEFORE doubled": formula(True, DAY_BEFORE=2 * keydates.DAY_BEFORE),
        "logistic regression, fitted on all topics": learned(fitted(tasks)),
    }
    print(f"{'ranking':<48}{'date F1':>9}{'ceiling':>9}   per timeline")
    for name, rank in rankings.items():
        value, ceiling, each = score(tasks, rank)
        print(f"{name:<48}{value:>9.3f}{ceiling:>9.3f}   {' '.join(f'{v:.2f}' for v in each)}")
    topics = sorted({task.topic for task in tasks})
    for left_out in topics:
        rest = [task for task in tasks if task.topic != left_out]
        held = [task for task in tasks if task.topic == left_out]
        value, _, _ = score(held, learned(fitted(rest)))
        ours, _, _ = score(held, formula(True))
        print(f"  logistic regression fitted without {left_out:<10} on {left_out}: {value:.3f}"
              f" (the formula: {ours:.3f})")  # fmt: skip


if __name__ == "__main__":
    main()
