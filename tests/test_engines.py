"""The same chronology whatever runs the extraction: one process, worker processes, Dask."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli import app
from timeline_cli.extraction import BATCH_SIZE

runner = CliRunner()


COPIES = BATCH_SIZE // 3 + 1  # of the three seeds: just over one batch, so two batches


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


@pytest.fixture(scope="module")
def single(corpus: Path) -> str:
    """The corpus's chronology extracted in this process: what every engine must give."""
    return extract_json(corpus)


def extract_json(corpus: Path, *options: str) -> str:
    result = runner.invoke(app, ["extract", str(corpus), "--format", "json", "--quiet", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_corpus_spans_batches_and_merges_its_copies(single: str) -> None:
    data = json.loads(single)
    assert len(data["documents"]) > BATCH_SIZE  # more than one batch goes to the workers
    (meeting,) = [e for e in data["events"] if e["date"] == "2012-03-09" and e["type"] == "meeting"]
    assert meeting["source_count"] == 2 * COPIES


def test_worker_processes_give_identical_bytes(corpus: Path, single: str) -> None:
    assert extract_json(corpus, "--jobs", "2") == single


def test_dask_local_cluster_gives_identical_bytes(corpus: Path, single: str) -> None:
    pytest.importorskip("dask.distributed")
    assert extract_json(corpus, "--engine", "dask", "--jobs", "2") == single


def test_no_merge_streams_every_mention(seeds: Path) -> None:
    merged = json.loads(extract_json(seeds))
    streamed = runner.invoke(app, ["extract", str(seeds), "--no-merge", "--format", "jsonl"])
    assert streamed.exit_code == 0
    lines = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert len(lines) == sum(len(event["mentions"]) for event in merged["events"])
    assert all(len(line["mentions"]) == 1 for line in lines)


def test_unknown_engine_and_unreachable_scheduler(seeds: Path) -> None:
    assert runner.invoke(app, ["extract", str(seeds), "--engine", "spark"]).exit_code == 2
