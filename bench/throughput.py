"""Throughput and peak memory of timeline-cli beside the spaCy floor and a naive dateparser
pass, measured one after the other in one run, each in its own process.

    python bench/throughput.py PATH [--articles 2000] [--model NAME]

PATH is a folder of TimeML files (e.g. the TempEval-3 training articles) or of .txt articles;
their texts are repeated to N articles and written as .txt files with their creation dates in
a metadata file. Then, on the same files:

- spaCy alone: ``nlp.pipe`` with the same pipeline over the same cleaned article bodies that
  timeline-cli parses (the floor of the cost: the model's time on that text);
- timeline-cli, one process: ``timeline extract DIR --format jsonl`` (read, clean, parse,
  normalize, events, merge, write);
- timeline-cli with ``--jobs 2``;
- dateparser's ``search_dates`` over the raw texts (the naive alternative; dates only; on a
  sample, as it is slow on long texts).

Each runs in a fresh process, so its peak resident memory (``ru_maxrss`` from ``wait4``) is
its own. Ratios, not absolute speeds, are what carry from one machine to another.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline_cli.eval_timex import read_documents
from timeline_cli.flaws import FlawLog
from timeline_cli.timeml import iter_timeml_files

WARM_UP = 10


def write_corpus(source: Path, count: int, folder: Path) -> int:
    """The source articles repeated to ``count`` .txt files, dated by a metadata file."""
    timeml = iter_timeml_files([source])
    if timeml:
        flaws = FlawLog()
        articles = [(str(doc.dct or ""), doc.text) for doc in read_documents(timeml, flaws)]
        for flaw in flaws.flaws:
            print(f"warning: {flaw}", file=sys.stderr)
    else:
        articles = [("", p.read_text(encoding="utf-8")) for p in sorted(source.rglob("*.txt"))]
    if not articles:
        raise SystemExit(f"no .tml or .txt articles under {source}")
    words = 0
    with (folder / "timeline-metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "published"])
        for index in range(count):
            published, text = articles[index % len(articles)]
            name = f"article-{index:05d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            writer.writerow([name, published])
            words += len(text.split())
    return words // count


def measure(command: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (MiB) of a command run in its own process; for a run
    with worker processes, the peak of the largest one."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:4]} failed with exit code {process.returncode}")
    return seconds, usage.ru_maxrss // 1024


def spacy_floor(folder: str, model: str | None) -> None:
    """Worker: nlp.pipe over the cleaned bodies, as timeline-cli would parse them."""
    from timeline_cli.cleaning import clean_article
    from timeline_cli.extraction import BATCH_SIZE
    from timeline_cli.nlp import load_pipeline

    paths = sorted(Path(folder).glob("*.txt"))
    nlp = load_pipeline(model)
    bodies = (clean_article(p.read_text(encoding="utf-8")).body for p in paths)
    for _ in nlp.pipe(bodies, batch_size=BATCH_SIZE):
        pass


def naive_dates(folder: str, sample: int) -> None:
    """Worker: dateparser's search_dates over raw texts, as a script would do it."""
    from dateparser.search import search_dates

    for path in sorted(Path(folder).glob("*.txt"))[:sample]:
        search_dates(path.read_text(encoding="utf-8"), languages=["en"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--dateparser-articles", type=int, default=200)
    parser.add_argument("--worker", choices=["spacy", "dateparser"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker == "spacy":
        return spacy_floor(options.folder, options.model)
    if options.worker == "dateparser":
        return naive_dates(options.folder, options.dateparser_articles)

    with tempfile.TemporaryDirectory() as folder:
        words = write_corpus(options.path, options.articles, Path(folder))
        print(f"{options.articles} articles, {words} words on average\n")
        model = ["--model", options.model] if options.model else []
        me = [sys.executable, __file__, options.path.as_posix(), *model, "--folder", folder]
        extract = [sys.executable, "-m", "timeline_cli", "extract", folder, "--quiet"]
        extract += ["--format", "jsonl", *model]
        runs = {
            "spaCy nlp.pipe (floor)": ([*me, "--worker", "spacy"], options.articles),
            "timeline-cli": (extract, options.articles),
            "timeline-cli --jobs 2": ([*extract, "--jobs", "2"], options.articles),
            f"dateparser search_dates ({options.dateparser_articles})": (
                [*me, "--worker", "dateparser", "--dateparser-articles",
                      str(options.dateparser_articles)],
                min(options.dateparser_articles, options.articles),
            ),
        }  # fmt: skip
        results = {}
        print(f"{'run':<34}{'seconds':>9}{'articles/s':>12}{'peak MiB':>10}")
        for name, (command, count) in runs.items():
            seconds, peak = measure(command)
            results[name] = count / seconds
            print(f"{name:<34}{seconds:>9.1f}{count / seconds:>12.1f}{peak:>10}")
        floor = results["spaCy nlp.pipe (floor)"]
        print()
        for name, rate in results.items():
            print(f"{name:<34} ratio to the spaCy floor {rate / floor:5.2f}")
        print(json.dumps({name: round(rate, 2) for name, rate in results.items()}))


if __name__ == "__main__":
    main()
