"""How the cost of one article grows with its length: spaCy alone and the whole extraction
on single articles of increasing length, side by side in this process.

    python bench/length.py ARTICLES... [--words 500,1000,2000,5000,10000,20000]

ARTICLES as for ``bench/throughput.py``. The script picks the article nearest each length in
``--words`` and the longest, and for each times ``nlp.pipe`` alone on its cleaned body,
then ``extract_all`` (parse in parts, dates, events, actors). Seconds per 1,000 words that
stay flat as articles grow mean a cost linear in length.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import read_articles

from timeline_cli.core.models import Document, Segment
from timeline_cli.ingest.cleaning import clean_article
from timeline_cli.pipeline.extraction import extract_all
from timeline_cli.pipeline.nlp import load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--words", default="500,1000,2000,5000,10000,20000")
    options = parser.parse_args()
    articles = sorted(read_articles(options.paths), key=lambda article: len(article["text"]))
    lengths = [len(article["text"].split()) for article in articles]
    nearest = {
        min(range(len(articles)), key=lambda index: abs(lengths[index] - int(target)))
        for target in options.words.split(",")
    }
    chosen = [articles[index] for index in sorted(nearest | {len(articles) - 1})]
    nlp = load_pipeline()
    print(f"{'words':>8}{'spaCy s':>10}{'extract s':>11}{'ratio':>7}{'extract s / 1k words':>22}")
    for article in chosen:
        body = clean_article(article["text"]).body
        document = Document("a", "a", body, body, (Segment(0, 0, len(body)),))
        started = time.process_time()
        for _ in nlp.pipe([body]):
            pass
        floor = time.process_time() - started
        started = time.process_time()
        list(extract_all(nlp, [document]))
        seconds = time.process_time() - started
        words = len(body.split())
        print(f"{words:>8}{floor:>10.2f}{seconds:>11.2f}{floor / seconds:>7.2f}"
              f"{seconds / words * 1000:>22.3f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
