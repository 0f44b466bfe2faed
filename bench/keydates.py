"""What ranking the key dates adds to a run: one `extract` run, and within it the cost of the
evidence (the days each article names, ``extraction.day_mentions``) and of the ranking
(``keydates.key_dates``), measured in this process.

    python bench/keydates.py ARTICLES... [--key-dates 20] [--repeat 5]

ARTICLES are JSON Lines files of articles (``{"id", "date", "text"}``, e.g. Timeline17's
``articles.jsonl``) or folders of them. The run parses every article (no cache, one process);
the ranking is timed ``--repeat`` times on the run's chronology (the fastest is kept, as the
others only add the machine's noise). CPU seconds throughout.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import timeline_cli.pipeline.extraction as extraction
from timeline_cli.chronology.keydates import key_dates
from timeline_cli.pipeline.run import Settings, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--key-dates", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    files = [
        path
        for given in options.paths
        for path in (sorted(given.rglob("*.jsonl")) if given.is_dir() else [given])
    ]
    evidence = [0.0]
    day_mentions = extraction.day_mentions

    def timed_day_mentions(*arguments):  # type: ignore[no-untyped-def]
        started = time.process_time()
        found = day_mentions(*arguments)
        evidence[0] += time.process_time() - started
        return found

    extraction.day_mentions = timed_day_mentions  # counted, not changed
    started = time.process_time()
    result = run(files, Settings(cache=None))
    whole = time.process_time() - started
    ranking = []
    for _ in range(options.repeat):
        started = time.process_time()
        view = key_dates(result.chronology, result.days, options.key_dates)
        ranking.append(time.process_time() - started)
    chronology = result.chronology
    print(f"articles: {len(chronology.documents)}, events: {len(chronology.events)}, "
          f"key dates: {len(view.events)}")  # fmt: skip
    print(f"{'run (extract, no cache)':<40}{whole:>10.2f} s")
    share = evidence[0] / whole * 100
    print(f"{'  of which: days the articles name':<40}{evidence[0]:>10.3f} s{share:>8.2f} %")
    best = min(ranking)
    print(f"{'ranking the key dates':<40}{best:>10.3f} s{best / whole * 100:>8.2f} %")
    total = (evidence[0] + best) / whole * 100
    print(f"{'evidence and ranking together':<40}{evidence[0] + best:>10.3f} s{total:>8.2f} %")


if __name__ == "__main__":
    main()
