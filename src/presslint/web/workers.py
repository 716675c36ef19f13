"""Checks run in worker processes, off the event loop, behind a bounded queue.

Each worker loads the spaCy pipeline once (in the pool initializer) and opens its own store connection; a job is a
small dict (the input and per-request options) and its answer is a tuple, never an exception object, so nothing
unpicklable crosses the process boundary. The pool admits at most ``workers + queue`` jobs at a time: one more gets
``Overloaded`` at once (the API turns it into a fast 503 with Retry-After) instead of waiting for a timeout.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..config import Settings
from ..errors import E, PresslintError

# Set in each worker process by _start_worker.
_SETTINGS: Settings | None = None
_STORE = None
_CHECKERS: dict[str, Any] = {}  # one Checker per distinct request settings, sharing the pipeline and the store


class Overloaded(Exception):
    """Every worker is busy and the queue is full."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"busy, retry after {retry_after}s")
        self.retry_after = retry_after


class TimedOut(Exception):
    """A check took longer than the server's timeout."""


# -- in the worker process ------------------------------------------------------------------------------------------
def _start_worker(settings: Settings) -> None:
    global _SETTINGS, _STORE
    from ..checker import worker_checker

    _SETTINGS = settings
    worker_checker(settings).nlp  # noqa: B018 - the pipeline, loaded once per worker as every pool does
    if settings.store:
        from ..store import open_store

        _STORE = open_store(settings)


def _checker(settings: Settings) -> Any:
    from ..checker import Checker

    key = settings.key()
    checker = _CHECKERS.get(key)
    if checker is None:
        if len(_CHECKERS) >= 16:  # requests with many different options: keep the memory bounded
            _CHECKERS.clear()
        checker = _CHECKERS[key] = Checker(settings, store=_STORE)
    return checker


def _ready() -> int:
    import os

    time.sleep(0.05)  # hold the worker briefly so each warm-up job lands on a different process
    return os.getpid()


def run_check(job: dict[str, Any]) -> tuple:
    """One check in a worker: ("ok", report dict with its store id) or ("error", code, message)."""
    try:
        return ("ok", _check(job))
    except PresslintError as err:
        return ("error", err.code, err.message)
    except Exception as err:  # a bug on one article must not kill the worker
        return (
            "error",
            E.E502.code,
            E.E502.format(name="pipeline", origin=job.get("origin", "api"), reason=f"{type(err).__name__}: {err}"),
        )


def _check(job: dict[str, Any]) -> dict:
    """The same checker as every other door: store re-use, fact-checks and all."""
    from .. import ingest
    from ..report.json import report_json

    assert _SETTINGS is not None, "the worker was not started"
    settings = _SETTINGS.replace(**job.get("settings", {}))
    if "url" in job:
        article = ingest.fetch(job["url"], settings=settings)
    elif "html" in job:
        article = ingest.from_html(job["html"], origin=job.get("origin") or "api:html")
    else:
        article = ingest.from_text(job["text"], origin=job.get("origin") or "api:text")
    return report_json(_checker(settings).check(article))


# -- in the server process ------------------------------------------------------------------------------------------
class WorkerPool:
    """A ProcessPoolExecutor with admission control. Use from the event loop only (the counters are not locked)."""

    def __init__(self, settings: Settings, *, workers: int = 2, queue: int = 8, timeout: float = 30.0) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.timeout = timeout
        self.in_flight = 0  # admitted jobs not yet finished in a worker (running + waiting)
        self.ready = False
        self.rejected = 0
        self._seconds = 0.5  # running mean of one check's time, for Retry-After
        self._executor: ProcessPoolExecutor | None = None

    @property
    def limit(self) -> int:
        return self.workers + self.queue

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server process has threads (event loop, thread pool) that fork would copy mid-flight.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start_worker, initargs=(self.settings,)
        )

    async def start(self) -> None:
        self._executor = self._new_executor()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._executor, _ready) for _ in range(self.workers)))
        self.ready = True

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self.ready = False

    def retry_after(self) -> int:
        return max(1, math.ceil(self._seconds * self.limit / self.workers))

    async def check(self, job: dict[str, Any]) -> tuple:
        """Run ``run_check(job)`` in a worker; raises Overloaded at once when full, TimedOut after the timeout."""
        if self._executor is None:
            raise Overloaded(1)
        if self.in_flight >= self.limit:
            self.rejected += 1
            raise Overloaded(self.retry_after())
        self.in_flight += 1
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        try:
            future = self._executor.submit(run_check, job)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start a fresh pool, ask to retry
            self.in_flight -= 1
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new_executor()
            raise Overloaded(self.retry_after()) from None

        def finished(_future) -> None:  # runs when the worker is really done, even after a timeout
            self._seconds = 0.8 * self._seconds + 0.2 * (time.monotonic() - started)
            loop.call_soon_threadsafe(self._release)

        future.add_done_callback(finished)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            raise TimedOut() from None
        except BrokenProcessPool:  # the worker running this job died; the next submit restarts the pool
            died = E.E502.format(name="pipeline", origin="api", reason="the worker process died")
            return ("error", E.E502.code, died)

    def _release(self) -> None:
        self.in_flight -= 1

    def status(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "workers": self.workers,
            "queue": self.queue,
            "in_flight": self.in_flight,
            "rejected": self.rejected,
        }
