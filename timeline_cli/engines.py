"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Every engine returns the extractions in the order of the articles, so the merged chronology
is the same bytes whatever runs it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from timeline_cli.extraction import BATCH_SIZE, Extraction, extract_all, extract_batch
from timeline_cli.models import Document
from timeline_cli.nlp import load_pipeline

ENGINES = ("local", "dask")


class EngineUnavailable(Exception):
    """The engine asked for cannot run here (Dask not installed, scheduler unreachable)."""


def extractions(
    documents: Sequence[Document],
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Extraction]:
    """The extraction of every article, in article order."""
    if engine == "dask":
        yield from _on_dask(documents, model, jobs, scheduler)
    elif jobs > 1 and len(documents) > BATCH_SIZE:
        yield from _in_processes(documents, model, jobs)
    else:
        yield from extract_all(load_pipeline(model), documents)


def batches(documents: Sequence[Document], size: int = BATCH_SIZE) -> list[Sequence[Document]]:
    return [documents[start : start + size] for start in range(0, len(documents), size)]


def _in_processes(
    documents: Sequence[Document], model: str | None, jobs: int
) -> Iterator[Extraction]:
    # fork: workers share the parent's loaded model pages instead of loading their own copy
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for extracted in pool.map(partial(extract_batch, model=model), batches(documents)):
            yield from extracted


def _on_dask(
    documents: Sequence[Document], model: str | None, jobs: int, scheduler: str | None
) -> Iterator[Extraction]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise EngineUnavailable(
            "the dask engine needs Dask: pip install 'timeline-cli[dask]'"
        ) from error
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True)
            client = Client(cluster)
    except OSError as error:
        raise EngineUnavailable(f"cannot reach the Dask scheduler {scheduler}: {error}") from error
    try:
        futures = client.map(extract_batch, batches(documents), model=model, pure=False)
        for future in futures:  # in submission order: the articles' order
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
