"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Every engine returns the extractions in the order of the articles, so the merged chronology
is the same bytes whatever runs it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the NLP is imported when extraction runs, not to read the options
    from timeline_cli.extraction import Extraction, Limits
    from timeline_cli.models import Document

ENGINES = ("local", "dask")


class EngineUnavailable(Exception):
    """The engine asked for cannot run here (Dask not installed, scheduler unreachable)."""


def extractions(
    documents: Sequence[Document],
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    limits: Limits | None = None,
) -> Iterator[Extraction]:
    """The extraction of every article, in article order."""
    from timeline_cli.extraction import Limits, document_batches, extract_all
    from timeline_cli.nlp import load_pipeline

    limits = limits or Limits()
    batches = document_batches(documents, limits.batch_chars)
    if engine == "dask":
        yield from _on_dask(batches, model, jobs, scheduler, limits)
    elif jobs > 1 and len(batches) > 1:
        yield from _in_processes(batches, model, jobs, limits)
    else:
        yield from extract_all(load_pipeline(model), documents, limits)


def _in_processes(
    batches: list[Sequence[Document]], model: str | None, jobs: int, limits: Limits
) -> Iterator[Extraction]:
    from timeline_cli.extraction import extract_batch

    # fork: workers share the parent's loaded model pages instead of loading their own copy
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        work = partial(extract_batch, model=model, limits=limits)
        for extracted in pool.map(work, batches):
            yield from extracted


def _on_dask(
    batches: list[Sequence[Document]],
    model: str | None,
    jobs: int,
    scheduler: str | None,
    limits: Limits,
) -> Iterator[Extraction]:
    from timeline_cli.extraction import extract_batch

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
        futures = client.map(extract_batch, batches, model=model, limits=limits, pure=False)
        for future in futures:  # in submission order: the articles' order
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
