"""This machine: the units of :mod:`kcheck.engine` in this process, or in ``jobs`` worker
processes fed chunks of files, the results taken back in listing order as they come (so
only the claims of files not yet gathered are held twice, never the whole run's texts)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from kcheck.engine import Job, Result, Worker
from kcheck.load import Source

# files per task sent to a worker: large enough that a task's overhead (pickling the
# sources, waking the worker) is small against extracting them
CHUNK = 32

_worker: Worker | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _start(job: Job) -> None:
    global _worker
    # a forked worker inherits the parent's paused cycle collector (pipeline.collect): its
    # own work (parse trees full of cycles) needs it running
    gc.enable()
    _worker = Worker(job, readonly=True)
    # what the worker starts with (the parent's pages, the rules, the extractor) lives as
    # long as it does: frozen, the collector never walks it again, and never writes to the
    # parent's pages while walking. Measured on 1,000 files under a parent of 100,000
    # listed sources: the collector took 396 ms of a worker's 5.3 s, 184 ms frozen (one
    # full collection over the inherited heap cost 208 ms)
    gc.freeze()


def _chunk(sources: list[Source]) -> list[Result]:
    assert _worker is not None, "worker process not initialised"
    return _worker.process_many(sources)


def _context() -> multiprocessing.context.BaseContext:
    """fork when this process runs one thread (the CLI): workers start at once and a
    script calling kcheck.check needs no ``if __name__ == "__main__"`` guard. With other
    threads alive (a Dask client, a test runner) a forked copy could inherit a held lock:
    forkserver then, or spawn where there is none. A forked worker never touches the
    parent's SQLite connection: it opens its own, and leaves through ``os._exit`` (the
    parent's connection is never closed from the child)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def pooled(files: int, jobs: int) -> bool:
    """Whether :func:`results` runs ``files`` in worker processes: fewer files than two
    chunks per worker are not worth starting processes for, they run here."""
    return jobs > 1 and files >= 2 * CHUNK * jobs


def results(sources: list[Source], job: Job, local: Worker, jobs: int) -> Iterator[tuple[int, Result]]:
    """(index, result) for every source, in order (in worker processes when :func:`pooled`)."""
    if not pooled(len(sources), jobs):
        for i, source in enumerate(sources):
            yield i, local.process(source)
        return
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_start, initargs=(job,)
    ) as pool:
        index = 0
        for done in pool.map(_chunk, chunks):
            for result in done:
                yield index, result
                index += 1
