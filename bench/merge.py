"""How merging grows with the number of event mentions: synthetic mentions, 2k to 16k by
default, merged by ``chronology.merge_events`` (no NLP).

    python bench/merge.py [--sizes 2000,4000,8000,16000] [--seed 1]

The mentions look like a story's coverage: a few hundred articles, dates over two years
(days, some months and weeks, some only the publication date), a pool of 300 actors, places.
Each size is timed in this process, one after the other; the ratio of time to size shows
whether the cost stays linear.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from timeline_cli.chronology.merge import merge_events
from timeline_cli.core.models import Event, Mention
from timeline_cli.core.timevalue import TimeValue

TYPES = ("meeting", "statement", "visit", "protest", "detention", "repatriation")


def mentions(count: int, seed: int) -> list[Event]:
    chooser = random.Random(seed)
    actors = [f"Person {index}" for index in range(300)]
    places = [f"City {index}" for index in range(40)]
    start = date(2011, 1, 1)
    events = []
    for index in range(count):
        day = start + timedelta(chooser.randrange(730))
        kind = chooser.random()
        if kind < 0.7:
            value, precision = day.isoformat(), "day"
        elif kind < 0.8:
            value, precision = day.isoformat()[:7], "month"
        elif kind < 0.85:
            week = day.isocalendar()
            value, precision = f"{week.year}-W{week.week:02d}", "week"
        else:
            value, precision = day.isoformat(), "publication"
        document = f"article-{chooser.randrange(max(count // 10, 1)):05d}"
        named = tuple(chooser.sample(actors, chooser.randint(1, 3)))
        where = tuple(chooser.sample(places, 1)) if chooser.random() < 0.5 else ()
        mention = Mention(document, f"sentence {index}", index * 100, index * 100 + 80, "met")
        date_value = TimeValue(value)
        kind_of = chooser.choice(TYPES)
        summary = f"summary {index}"
        events.append(
            Event(kind_of, "meet", date_value, precision, named, where, summary, mention, named)
        )
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,4000,8000,16000")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    print(f"{'mentions':>10}{'events':>10}{'seconds':>10}{'µs per mention':>16}")
    for size in map(int, options.sizes.split(",")):
        events = mentions(size, options.seed)
        started = time.perf_counter()
        merged = merge_events(events)
        seconds = time.perf_counter() - started
        print(f"{size:>10}{len(merged):>10}{seconds:>10.2f}{seconds / size * 1e6:>16.1f}")


if __name__ == "__main__":
    main()
