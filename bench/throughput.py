"""Throughput and peak memory of `timeline extract` beside the spaCy floor, on real articles,
each run in its own process, one after the other in one run of this script.

    python bench/throughput.py ARTICLES... [--articles N] [--jobs-runs 1,2] [--growth 100,2000]

ARTICLES are JSON Lines files of articles (``{"id", "date", "text"}``, e.g. Timeline17's
``articles.jsonl``), folders of them, or folders of .txt articles. The first N articles (all
by default; repeated under new ids when N is larger) are written to one JSON Lines file, the
input of every run:

- spaCy alone: ``nlp.pipe`` (batches of 16) over the cleaned bodies timeline-cli parses,
  the floor of the cost;
- ``timeline extract FILE --format json`` with ``--jobs 1`` and ``--jobs 2``, without cache;
- the parse cache: a run over all but 1% of the articles that fills an empty cache, then a
  run over all of them (1% new) that reads it;
- with ``--growth``, ``extract --jobs 1`` on the first 100, ..., N articles, for how the cost
  grows with the number of articles.

Peak memory is each process's own high-water mark (``VmHWM`` from /proc, read while it runs):
the main process, and the largest worker for ``--jobs 2``. Ratios, not absolute speeds, carry
from one machine to another.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_BATCH = 16


def read_articles(paths: list[Path]) -> list[dict[str, str]]:
    """Every article of the JSON Lines files and .txt files under the paths, in path order."""
    articles: list[dict[str, str]] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".jsonl", ".ndjson"):
                rows = map(json.loads, file.read_text(encoding="utf-8").splitlines())
                articles += [
                    {"id": str(row.get("id")), "date": row.get("date") or "", "text": row["text"]}
                    for row in rows
                    if isinstance(row.get("text"), str)  # not a timeline's or another record
                ]
            elif file.suffix == ".txt":
                articles.append({"id": file.stem, "date": "", "text": file.read_text("utf-8")})
    if not articles:
        raise SystemExit(f"no articles under {', '.join(map(str, paths))}")
    return articles


def write_corpus(
    articles: list[dict[str, str]], count: int, path: Path, skip_every: int = 0
) -> tuple[int, int]:
    """The first ``count`` articles (repeated under new ids if need be) as JSON Lines, less
    every ``skip_every``-th one if given; their number of words and characters."""
    words = characters = 0
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            if skip_every and index % skip_every == skip_every - 1:
                continue
            article = dict(articles[index % len(articles)])
            article["id"] = f"{index:05d}-{article['id']}"
            handle.write(json.dumps(article) + "\n")
            words += len(article["text"].split())
            characters += len(article["text"])
    return words, characters


def measure(command: list[str]) -> tuple[float, float, int, int]:
    """Seconds, CPU seconds (all its processes), and the peak resident memory (MiB) of the
    main process and of its largest child, of a command run in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    while process.poll() is None:
        for pid in [process.pid, *_descendants(process.pid)]:
            peaks[pid] = max(peaks.get(pid, 0), _high_water_mark(pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if process.returncode not in (0, 1):  # 1: some article skipped, still a full run
        raise SystemExit(f"{command[:5]} failed with exit code {process.returncode}")
    main = peaks.pop(process.pid, 0)
    return seconds, cpu, main // 1024, max(peaks.values(), default=0) // 1024


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = [int(child) for child in children]
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def _high_water_mark(pid: int) -> int:
    """VmHWM of a process in KiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def spacy_floor(corpus: str, model: str | None) -> None:
    """Worker: nlp.pipe over the cleaned bodies, as timeline-cli would parse them."""
    from timeline_cli.ingest.documents import load_documents
    from timeline_cli.pipeline.nlp import load_pipeline

    documents = load_documents([Path(corpus)]).documents
    nlp = load_pipeline(model)
    for _ in nlp.pipe((document.body for document in documents), batch_size=FLOOR_BATCH):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--articles", type=int, default=None, help="default: all of them")
    parser.add_argument("--model", default=None)
    parser.add_argument("--jobs-runs", default="1,2", help="worker counts to time")
    parser.add_argument("--no-cache-runs", action="store_true", help="skip the cache runs")
    parser.add_argument("--growth", default="", help="article counts, e.g. 100,500,2000")
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.floor:
        return spacy_floor(options.floor, options.model)

    articles = read_articles(options.paths)
    count = options.articles or len(articles)
    model = ["--model", options.model] if options.model else []
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        words, characters = write_corpus(articles, count, corpus)
        print(f"{count} articles, {words:,} words, {characters:,} characters "
              f"({words // count:,} words on average)\n")  # fmt: skip
        extract = [sys.executable, "-m", "timeline_cli", "extract", "--quiet",
                   "--format", "json", *model]  # fmt: skip
        floor = [sys.executable, __file__, *map(str, options.paths), *model, "--floor"]
        runs: dict[str, tuple[list[str], int]] = {
            "spaCy nlp.pipe alone (floor)": ([*floor, str(corpus)], count),
        }
        for jobs in options.jobs_runs.split(","):
            runs[f"extract --jobs {jobs}"] = (
                [*extract, str(corpus), "--jobs", jobs, "--no-cache"], count,
            )  # fmt: skip
        if not options.no_cache_runs:
            cache = Path(folder) / "cache.sqlite3"
            older = Path(folder) / "older.jsonl"
            known = count - count // 100  # every 100th article is new to the cache
            write_corpus(articles, count, older, skip_every=100)
            with_cache = [*extract, "--cache", str(cache)]
            runs[f"extract, empty cache ({known})"] = ([*with_cache, str(older)], known)
            runs[f"extract, cache, {count - known} new"] = ([*with_cache, str(corpus)], count)
        results = report(runs)
        growth = [int(n) for n in options.growth.split(",") if n]
        for size in growth:
            part = Path(folder) / f"growth-{size}.jsonl"
            write_corpus(articles, size, part)
            name = f"extract --jobs 1, {size} articles"
            command = [*extract, str(part), "--no-cache"]
            results |= report({name: (command, size)}, header=False)
    print()
    rate = {name: articles_count / seconds for name, (seconds, articles_count) in results.items()}
    floor_rate = rate["spaCy nlp.pipe alone (floor)"]
    for name in rate:
        print(f"{name:<40} ratio to the spaCy floor {rate[name] / floor_rate:5.2f}")
    jobs = [name for name in rate if name.startswith("extract --jobs") and "articles" not in name]
    if len(jobs) == 2:
        print(f"--jobs {jobs[1][-1]} / --jobs {jobs[0][-1]} speed-up: "
              f"{rate[jobs[1]] / rate[jobs[0]]:.2f}")  # fmt: skip
    cached = [name for name in results if "cache" in name]
    if len(cached) == 2:
        full, rerun = results[cached[0]][0], results[cached[1]][0]
        print(f"re-run with 1% new / full run: {rerun / full:.3f}")
    print(json.dumps({name: round(value, 3) for name, value in rate.items()}))


def report(
    runs: dict[str, tuple[list[str], int]], header: bool = True
) -> dict[str, tuple[float, int]]:
    if header:
        print(f"{'run':<40}{'seconds':>9}{'CPU s':>9}{'articles/s':>12}{'peak MiB':>10}"
              f"{'worker MiB':>12}")  # fmt: skip
    results = {}
    for name, (command, count) in runs.items():
        seconds, cpu, main_peak, worker_peak = measure(command)
        results[name] = (seconds, count)
        worker = str(worker_peak) if worker_peak else "-"
        print(f"{name:<40}{seconds:>9.1f}{cpu:>9.1f}{count / seconds:>12.2f}{main_peak:>10}"
              f"{worker:>12}", flush=True)  # fmt: skip
    return results


if __name__ == "__main__":
    main()
