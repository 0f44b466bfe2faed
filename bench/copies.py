"""How finding near-copies grows with the number of articles: synthetic articles, 1k to 8k by
default, grouped by ``copies.copy_groups`` (MinHash LSH, then exact checks), side by side with
the all-pairs comparison it avoids (on the smaller sizes only: it grows with the square).

    python bench/copies.py [--sizes 1000,2000,4000,8000] [--words 600] [--seed 1]
    python bench/copies.py --folder ARTICLES/   # real articles (.txt, or .jsonl rows' text)

A tenth of the synthetic articles are copies of another one with light edits (a changed
headline, a few words replaced, the last sentence cut). Each size is timed in this process,
one after the other; the ratio of time to articles shows whether the cost stays linear.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from itertools import combinations
from pathlib import Path

from timeline_cli.chronology.copies import are_copies, copy_groups, shingles

ALL_PAIRS_UP_TO = 2000


def articles(count: int, words: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    vocabulary = [f"w{index}" for index in range(20_000)]
    texts: list[str] = []
    for _ in range(count):
        if texts and chooser.random() < 0.1:
            copied = texts[chooser.randrange(len(texts))].split()
            for _ in range(5):
                copied[chooser.randrange(len(copied))] = chooser.choice(vocabulary)
            texts.append("New headline " + " ".join(copied[: -chooser.randrange(1, 20)]))
        else:
            texts.append(" ".join(chooser.choices(vocabulary, k=words)))
    return texts


def all_pairs(texts: list[str]) -> int:
    sets = [shingles(text) for text in texts]
    return sum(1 for a, b in combinations(range(len(sets)), 2) if are_copies(sets[a], sets[b]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, help="real articles (.txt) instead")
    options = parser.parse_args()
    if options.folder:
        texts = [p.read_text(errors="replace") for p in sorted(options.folder.rglob("*.txt"))]
        for dataset in sorted(options.folder.rglob("*.jsonl")):
            rows = (json.loads(line) for line in dataset.read_text().splitlines() if line)
            texts += [row["text"] for row in rows if isinstance(row.get("text"), str)]
        began = time.perf_counter()
        groups = copy_groups(texts)
        elapsed = time.perf_counter() - began
        copied = sum(len(group) - 1 for group in groups)
        print(f"{len(texts)} articles, {copied} copies in {elapsed:.2f} s")
        return
    print("| articles | copies found | seconds, LSH | ms per article | seconds, all pairs |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in (int(value) for value in options.sizes.split(",")):
        texts = articles(size, options.words, options.seed)
        began = time.perf_counter()
        groups = copy_groups(texts)
        elapsed = time.perf_counter() - began
        copied = sum(len(group) - 1 for group in groups)
        pairs = "-"
        if size <= ALL_PAIRS_UP_TO:
            began = time.perf_counter()
            all_pairs(texts)
            pairs = f"{time.perf_counter() - began:.1f}"
        print(f"| {size:,} | {copied} | {elapsed:.2f} | {1000 * elapsed / size:.2f} | {pairs} |")


if __name__ == "__main__":
    main()
