"""The same chronology whatever runs the extraction: one process, worker processes, Dask."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.ingest.documents import load_documents
from timeline_cli.pipeline.extraction import document_batches

runner = CliRunner()
COPIES = 14  # enough copies of the seeds for several batches of work


@pytest.fixture(scope="module")
def corpus(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles copied under many names: several batches, dates and merges intact."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(COPIES):
        for article in sorted(seeds.glob("*.txt")):
            shutil.copy(article, folder / f"{copy:02d}-{article.name}")
    shutil.copy(seeds / "timeline-metadata.csv", folder / "timeline-metadata.csv")
    rows = (folder / "timeline-metadata.csv").read_text().splitlines()
    header, row = rows[0], rows[1]
    names = [f"{copy:02d}-{row}" for copy in range(COPIES)]
    (folder / "timeline-metadata.csv").write_text("\n".join([header, *names]) + "\n")
    return folder


def extract_json(corpus: Path, *options: str) -> str:
    result = runner.invoke(app, ["extract", str(corpus), "--format", "json", "--quiet", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_worker_processes_give_identical_bytes(corpus: Path) -> None:
    single = extract_json(corpus, "--no-cache")
    assert extract_json(corpus, "--jobs", "2", "--no-cache") == single
    # with the parse cache: filled by the workers, then read back, the same bytes
    assert extract_json(corpus, "--jobs", "2") == single
    assert extract_json(corpus, "--jobs", "2") == single
    data = json.loads(single)
    documents = load_documents(sorted(corpus.glob("*.txt"))).documents
    assert len(data["documents"]) == len(documents)
    assert len(document_batches(documents)) > 2  # several batches went to the workers
    (meeting,) = [e for e in data["events"] if e["date"] == "2012-03-09" and e["type"] == "meeting"]
    assert len(meeting["documents"]) == 2 * COPIES
    assert meeting["source_count"] == 2  # the copies of each article count once


def test_dask_local_cluster_gives_identical_bytes(corpus: Path) -> None:
    pytest.importorskip("dask.distributed")
    single = extract_json(corpus, "--no-cache")
    assert extract_json(corpus, "--engine", "dask", "--jobs", "2", "--no-cache") == single
    assert extract_json(corpus, "--engine", "dask", "--jobs", "2") == single  # cache filled
    assert extract_json(corpus, "--engine", "dask", "--jobs", "2") == single  # cache read


def test_no_merge_streams_every_mention(seeds: Path) -> None:
    merged = json.loads(extract_json(seeds))
    streamed = runner.invoke(app, ["extract", str(seeds), "--no-merge", "--format", "jsonl"])
    assert streamed.exit_code == 0
    lines = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert len(lines) == sum(len(event["mentions"]) for event in merged["events"])
    assert all(len(line["mentions"]) == 1 for line in lines)


def test_unknown_engine_and_unreachable_scheduler(seeds: Path) -> None:
    assert runner.invoke(app, ["extract", str(seeds), "--engine", "spark"]).exit_code == 2
