"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Every engine returns the extractions in the order of the articles, so the merged chronology
is the same bytes whatever runs it.

An interrupted run (Ctrl-C, SIGTERM, an error) ends its workers at once: worker processes
ignore Ctrl-C (the terminal sends it to them too; the main process decides) and are terminated,
without waiting for the batches still queued.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the NLP is imported when extraction runs, not to read the options
    from timeline_cli.core.models import Document
    from timeline_cli.pipeline.extraction import Extraction, Limits

ENGINES = ("local", "dask")
_INTERRUPTS = (signal.SIGINT, signal.SIGTERM)


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
    from timeline_cli.pipeline.extraction import Limits, document_batches, extract_all
    from timeline_cli.pipeline.nlp import load_pipeline

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
    from timeline_cli.pipeline.extraction import extract_batch

    # fork: workers share the parent's loaded model pages instead of loading their own copy
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_signals)
    finished = False
    try:
        work = partial(extract_batch, model=model, limits=limits)
        for extracted in pool.map(work, batches):
            yield from extracted
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            _terminate(pool)


def _worker_signals() -> None:
    """In a worker: Ctrl-C is the main process's to handle, SIGTERM ends the worker quietly
    (the fork copied the main process's handler, which would raise in the worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, dropping queued batches; a plain shutdown would wait for them all
    (and a second Ctrl-C during that wait left the process hung on a worker's pipe)."""
    # The executor offers no way to stop running workers before Python 3.14
    # (terminate_workers); its process table is the only handle on them.
    with _interrupts_deferred():  # a second Ctrl-C must not cut this short either
        workers = list((getattr(pool, "_processes", None) or {}).values())
        for worker in workers:
            worker.terminate()
        # The executor's own thread sees its workers gone and ends: waiting for it here
        # leaves nothing for the interpreter's exit to trip over.
        pool.shutdown(wait=True, cancel_futures=True)
        for worker in workers:
            worker.join()


def _on_dask(
    batches: list[Sequence[Document]],
    model: str | None,
    jobs: int,
    scheduler: str | None,
    limits: Limits,
) -> Iterator[Extraction]:
    from timeline_cli.pipeline.extraction import extract_batch

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise EngineUnavailable(
            "the dask engine needs Dask: pip install 'timeline-cli[dask]'"
        ) from error
    client = cluster = None
    try:
        with _interrupts_deferred():  # a cluster half started is closed only at exit, noisily
            if scheduler:
                client = _client(Client, scheduler)
            else:
                # Dask's own log lines (tracebacks of workers cut off by an interrupt, warnings
                # about slow shutdowns) are not the user's: failures reach us as errors.
                cluster = LocalCluster(
                    n_workers=max(jobs, 1),
                    threads_per_worker=1,
                    processes=True,
                    silence_logs=logging.CRITICAL,
                    dashboard_address=":0",  # a free port: none to fight over with others
                )
                client = Client(cluster)
        futures = client.map(extract_batch, batches, model=model, limits=limits, pure=False)
        for future in futures:  # in submission order: the articles' order
            yield from future.result()
    finally:
        with _interrupts_deferred():
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()


def _client(client_class: Any, scheduler: str) -> Any:
    try:
        return client_class(scheduler, timeout="10s")
    except OSError as error:
        raise EngineUnavailable(f"cannot reach the Dask scheduler {scheduler}: {error}") from error


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait for the end of the block, then interrupt as usual: starting or
    stopping a cluster must not be cut in the middle."""
    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    try:
        previous = {number: signal.signal(number, hold) for number in _INTERRUPTS}
    except ValueError:  # not the main thread: the signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if received:
        raise KeyboardInterrupt
