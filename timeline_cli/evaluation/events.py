"""``timeline eval-events``: dated-event scores on a folder in news-dev's format.

The folder holds ``articles/`` (one article a file), ``index.csv`` (``file`` and
``published``, the date every relative expression is resolved against) and ``gold.json``
(``{file: [{"date", "type", "evidence", "alt_date"?}, ...]}``).

The chronology is built exactly as ``timeline extract`` builds it, with each article's
publication date given as the user would give it. Then, per article:

- an output event *matches* a gold event when one of its mention sentences from that article
  holds at least 60% of the distinct lower-cased alphanumeric words of the gold evidence;
- a gold event is *found* when some output event matches it, *dated right* when a matching
  event's ``date`` equals the gold ``date`` (or ``alt_date``), *typed right* when a matching
  event's ``type`` equals the gold ``type`` (the best match is credited: dated right first);
- *precision* is the share of the article's output events that match some gold event.

A one-to-one figure (each output event credited to at most one gold event, date-equal pairs
first) is reported beside the many-to-one one.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.table import Table

from timeline_cli.core.models import ChronologyEvent
from timeline_cli.ingest.reading import collect_inputs
from timeline_cli.pipeline.run import Settings, run

MATCH_SHARE = 0.6


class GoldError(ValueError):
    """The gold folder is not in news-dev's format."""


@dataclass(frozen=True)
class GoldEvent:
    file: str
    date: str
    type: str
    evidence: str
    alt_date: str | None = None
    date_text: str | None = None

    @property
    def dates(self) -> tuple[str, ...]:
        return (self.date, self.alt_date) if self.alt_date else (self.date,)


@dataclass(frozen=True)
class OutputEvent:
    """An output event as seen from one article: its date, type and that article's sentences."""

    id: str
    date: str | None
    type: str
    summary: str
    sentences: tuple[str, ...]


@dataclass
class ArticleScore:
    file: str
    gold: int = 0
    output: int = 0
    found: int = 0
    dated: int = 0
    typed: int = 0
    precise: int = 0
    one_to_one_dated: int = 0
    misses: list[str] = field(default_factory=list)


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def matches(event: OutputEvent, gold: GoldEvent) -> bool:
    wanted = words(gold.evidence)
    if not wanted:
        return False
    return any(len(wanted & words(s)) >= MATCH_SHARE * len(wanted) for s in event.sentences)


def load_gold(folder: Path) -> tuple[dict[str, date], dict[str, list[GoldEvent]]]:
    """The publication date of each article and its gold events, by file name."""
    index_path, gold_path = folder / "index.csv", folder / "gold.json"
    for path in (index_path, gold_path, folder / "articles"):
        if not path.exists():
            raise GoldError(f"{folder}: no {path.name} (expected articles/, index.csv, gold.json)")
    published: dict[str, date] = {}
    with index_path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                published[row["file"]] = date.fromisoformat(row["published"][:10])
            except (KeyError, TypeError, ValueError):
                raise GoldError(f"{index_path}:{line}: needs file and published") from None
    try:
        raw = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = {
            file: [
                GoldEvent(
                    file,
                    item["date"],
                    item["type"],
                    item["evidence"],
                    item.get("alt_date"),
                    item.get("date_text"),
                )
                for item in items
            ]
            for file, items in raw.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GoldError(f"{gold_path}: not news-dev gold ({error})") from None
    return published, gold


def output_events(events: Sequence[ChronologyEvent], document: str) -> list[OutputEvent]:
    """The chronology's events that one article reports, with that article's sentences."""
    seen = []
    for event in events:
        sentences = tuple(m.sentence for m in event.mentions if m.document == document)
        if sentences:
            seen.append(OutputEvent(event.id, event.date, event.type, event.summary, sentences))
    return seen


def score_article(
    file: str, gold: Sequence[GoldEvent], output: Sequence[OutputEvent]
) -> ArticleScore:
    score = ArticleScore(file, gold=len(gold), output=len(output))
    pairs = {
        (g, o) for g in range(len(gold)) for o in range(len(output)) if matches(output[o], gold[g])
    }
    score.precise = len({o for _, o in pairs})
    for g, item in enumerate(gold):
        candidates = [output[o] for gg, o in pairs if gg == g]
        best = max(
            candidates, key=lambda e: (e.date in item.dates, e.type == item.type), default=None
        )
        score.found += best is not None
        score.dated += best is not None and best.date in item.dates
        score.typed += best is not None and best.type == item.type
        if best is None:
            score.misses.append(f"{file}\tmissed\t{item.date}\t{item.type}\t{item.evidence}")
        elif best.date not in item.dates:
            got = ", ".join(sorted({str(e.date) for e in candidates}))
            score.misses.append(
                f"{file}\tmisdated\t{item.date} ({item.date_text}) got {got}\t{item.evidence}"
            )
        elif best.type != item.type:
            got = ", ".join(sorted({e.type for e in candidates}))
            score.misses.append(f"{file}\tmistyped\t{item.type} got {got}\t{item.evidence}")
    score.one_to_one_dated = _one_to_one_dated(gold, output, pairs)
    for o, event in enumerate(output):
        if not any(oo == o for _, oo in pairs):
            score.misses.append(f"{file}\tspurious\t{event.date}\t{event.type}\t{event.summary}")
    return score


def _one_to_one_dated(
    gold: Sequence[GoldEvent], output: Sequence[OutputEvent], pairs: set[tuple[int, int]]
) -> int:
    """Gold events dated right when each output event may be credited once (augmenting paths
    over the date-equal pairs: a maximum matching)."""
    edges: dict[int, list[int]] = {}
    for g, o in sorted(pairs):
        if output[o].date in gold[g].dates:
            edges.setdefault(g, []).append(o)
    owner: dict[int, int] = {}

    def assign(g: int, visited: set[int]) -> bool:
        for o in edges.get(g, []):
            if o in visited:
                continue
            visited.add(o)
            if o not in owner or assign(owner[o], visited):
                owner[o] = g
                return True
        return False

    return sum(assign(g, set()) for g in sorted(edges))


def evaluate_events(folder: Path, model: str | None = None, jobs: int = 1) -> dict[str, object]:
    """Scores of the chronology built from ``folder/articles`` against ``folder/gold.json``."""
    published, gold = load_gold(folder)
    articles = folder / "articles"
    files = collect_inputs([str(articles)]).files
    result = run(files, Settings(model=model, published=published, jobs=jobs))
    by_id = {document.path: document.id for document in result.chronology.documents}
    ids = {Path(path).name: doc_id for path, doc_id in by_id.items()}
    articles_scores = []
    for file in sorted(gold):
        document = ids.get(file)
        output = output_events(result.chronology.events, document) if document else []
        articles_scores.append(score_article(file, gold[file], output))
    return summarize(articles_scores)


def summarize(scores: Sequence[ArticleScore]) -> dict[str, object]:
    totals = {
        key: sum(getattr(s, key) for s in scores)
        for key in ("gold", "output", "found", "dated", "typed", "precise", "one_to_one_dated")
    }
    gold, output = totals["gold"] or 1, totals["output"] or 1
    return {
        **totals,
        "found_share": totals["found"] / gold,
        "dated_share": totals["dated"] / gold,
        "typed_share": totals["typed"] / gold,
        "precision": totals["precise"] / output,
        "one_to_one_dated_share": totals["one_to_one_dated"] / gold,
        "articles": [{k: v for k, v in vars(s).items() if k != "misses"} for s in scores],
        "errors": [line for s in scores for line in s.misses],
    }


def events_table(scores: Mapping[str, Any]) -> Table:
    """Per-article counts, then the totals with their shares."""
    table = Table(title=f"Dated events: {scores['gold']} gold, {scores['output']} output")
    for column in ("article", "gold", "found", "dated", "typed", "output", "precise"):
        table.add_column(column, justify="left" if column == "article" else "right")
    for row in scores["articles"]:
        table.add_row(
            row["file"],
            *(str(row[k]) for k in ("gold", "found", "dated", "typed", "output", "precise")),
        )
    table.add_section()
    table.add_row(
        "all",
        str(scores["gold"]),
        f"{scores['found']} ({scores['found_share']:.1%})",
        f"{scores['dated']} ({scores['dated_share']:.1%})",
        f"{scores['typed']} ({scores['typed_share']:.1%})",
        str(scores["output"]),
        f"{scores['precise']} ({scores['precision']:.1%})",
    )
    table.caption = (
        f"one-to-one dated right: {scores['one_to_one_dated']} "
        f"({scores['one_to_one_dated_share']:.1%})"
    )
    return table


def scores_line(scores: Mapping[str, object]) -> str:
    return (
        f"found {scores['found']}/{scores['gold']} ({scores['found_share']:.1%})  "
        f"dated right {scores['dated']} ({scores['dated_share']:.1%})  "
        f"typed right {scores['typed']} ({scores['typed_share']:.1%})  "
        f"precision {scores['precise']}/{scores['output']} ({scores['precision']:.1%})  "
        f"one-to-one dated {scores['one_to_one_dated']} ({scores['one_to_one_dated_share']:.1%})"
    )
