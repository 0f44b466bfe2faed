"""Throughput of timeline-cli beside the spaCy floor and a naive dateparser pass, in one run.

    python bench/throughput.py PATH [--articles N] [--model NAME]

PATH is a folder of TimeML files (e.g. the TempEval-3 training articles) or of .txt articles;
their texts are repeated to N articles and written as .txt files with their creation dates,
then processed three ways on the same machine, one after the other:

- spaCy alone: ``nlp.pipe`` with the same pipeline over the same cleaned article bodies that
  timeline-cli parses (the floor of the cost: the model's time on that text);
- timeline-cli: reading, cleaning, NLP, normalization, events and merge (``pipeline.run``);
- dateparser's ``search_dates`` over the same texts (the naive alternative, dates only).

Ratios, not absolute speeds, are what carry from one machine to another.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dateparser.search import search_dates

from timeline_cli.cleaning import clean_article
from timeline_cli.nlp import load_pipeline
from timeline_cli.pipeline import BATCH_SIZE, Settings, run
from timeline_cli.timeml import iter_timeml_files, parse_timeml

WARM_UP = 10


def load_corpus(path: Path, count: int) -> list[tuple[str, str]]:
    """(publication date or '', text) pairs, the source articles repeated to ``count``."""
    timeml = iter_timeml_files([path])
    if timeml:
        articles = [(str(doc.dct or ""), doc.text) for doc in map(parse_timeml, timeml)]
    else:
        articles = [("", p.read_text(encoding="utf-8")) for p in sorted(path.rglob("*.txt"))]
    if not articles:
        raise SystemExit(f"no .tml or .txt articles under {path}")
    return [articles[i % len(articles)] for i in range(count)]


def timed(label: str, count: int, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:8.1f} s  {count / seconds:8.1f} articles/s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--model", default=None)
    parser.add_argument("--dateparser-articles", type=int, default=50, help="search_dates is slow")
    options = parser.parse_args()

    corpus = load_corpus(options.path, options.articles)
    nlp = load_pipeline(options.model)
    with tempfile.TemporaryDirectory() as folder:
        paths, published = [], {}
        for index, (dct, text) in enumerate(corpus):
            path = Path(folder) / f"article-{index:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
            if dct:
                published[path.name] = date.fromisoformat(dct)
        texts = [text for _, text in corpus]
        bodies = [clean_article(text).body for text in texts]
        words = sum(len(text.split()) for text in texts)
        print(f"{len(texts)} articles, {words / len(texts):.0f} words on average\n")
        list(nlp.pipe(texts[:WARM_UP]))  # load vectors and caches before any clock starts
        run(paths[:WARM_UP], Settings(model=options.model, published=published))
        spacy_seconds = timed(
            "spaCy nlp.pipe (floor)",
            len(texts),
            lambda: list(nlp.pipe(bodies, batch_size=BATCH_SIZE)),
        )
        settings = Settings(model=options.model, published=published)
        ours = timed("timeline-cli", len(texts), lambda: run(paths, settings))
        sample = texts[: options.dateparser_articles]
        naive = timed(
            f"dateparser search_dates ({len(sample)})",
            len(sample),
            lambda: [search_dates(t, languages=["en"]) for t in sample],
        )
    print(f"\ntimeline-cli / spaCy floor throughput: {spacy_seconds / ours:.2f}")
    naive_rate, our_rate = len(sample) / naive, len(texts) / ours
    print(f"timeline-cli / search_dates throughput: {our_rate / naive_rate:.2f}")


if __name__ == "__main__":
    main()
