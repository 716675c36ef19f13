"""Checks run in worker processes, off the event loop, behind a bounded queue.

Each worker loads the pipeline once (``checker.worker_checker``, as every pool does) and opens its own store
connection; a job is a small dict (the input and per-request options) and its answer is a tuple, never an exception
object, so nothing unpicklable crosses the process boundary. The pool admits at most ``workers + queue`` jobs at a
time: one more gets ``Overloaded`` at once (the API turns it into a fast 503 with Retry-After) instead of waiting
for a timeout. A check past the deadline is stopped by replacing its worker process.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import time
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


def _serve(conn: Any, settings: Settings) -> None:
    """A worker process's main loop: load once, then answer one job at a time until the pipe closes."""
    _start_worker(settings)
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server went away
            return
        conn.send(run_check(job))


# -- in the server process ------------------------------------------------------------------------------------------
class _Worker:
    """One worker process and the pipe to it; ``loaded`` resolves when its pipeline is ready."""

    def __init__(self, context: Any, settings: Settings) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.started = time.monotonic()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """Worker processes behind a bounded queue, used from the event loop only (the counters are not locked).

    A job goes to an idle worker; when none is idle it waits in the queue, and a waiting job whose client has gone
    (its request was cancelled) is dropped without using a worker. A check that outlives ``timeout`` is stopped for
    real: its worker process is killed and a new one is started at once, so the pool is back to full strength as
    soon as the new worker has loaded its pipeline. A worker that dies (killed, out of memory) is replaced the same
    way. Past ``workers + queue`` admitted jobs, ``check`` raises Overloaded at once (a fast 503).
    """

    def __init__(self, settings: Settings, *, workers: int = 2, queue: int = 8, timeout: float = 30.0) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.timeout = timeout
        self.in_flight = 0  # admitted jobs not yet answered (running + waiting)
        self.ready = False
        self.rejected = 0
        self.restarted = 0  # workers replaced after a timeout or a crash
        self._seconds = 0.5  # running mean of one check's time, for Retry-After
        self._context = multiprocessing.get_context("spawn")  # the server has threads: fork would copy them
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    @property
    def limit(self) -> int:
        return self.workers + self.queue

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        await asyncio.gather(*(self._add_worker() for _ in range(self.workers)))
        self.ready = True

    async def _add_worker(self) -> None:
        """Start a worker and put it in the idle queue once it has loaded (a failed start is retried later)."""
        worker = _Worker(self._context, self.settings)
        self._all.append(worker)
        try:
            answer = await self._receive(worker, timeout=None)
        except (EOFError, OSError):
            self._drop(worker)
            return
        if answer == ("ready",) and self._idle is not None:
            self._idle.put_nowait(worker)

    async def _receive(self, worker: _Worker, timeout: float | None) -> Any:
        """The next message from ``worker``, awaited without blocking the loop (the pipe's fd in the selector)."""
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        fd = worker.conn.fileno()

        def ready() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(fd, ready)
        try:
            await asyncio.wait_for(readable, timeout)
        finally:
            loop.remove_reader(fd)
        return worker.conn.recv()

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        if worker in self._all:
            self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        self._drop(worker)
        self.restarted += 1
        if self.ready:
            asyncio.get_running_loop().create_task(self._add_worker())

    def shutdown(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
        self._idle = None
        self.ready = False

    def retry_after(self) -> int:
        return max(1, math.ceil(self._seconds * self.limit / self.workers))

    async def check(self, job: dict[str, Any]) -> tuple:
        """Run ``run_check(job)`` in a worker; Overloaded at once when full, TimedOut after ``timeout`` seconds."""
        if self._idle is None:
            raise Overloaded(1)
        if self.in_flight >= self.limit:
            self.rejected += 1
            raise Overloaded(self.retry_after())
        self.in_flight += 1
        started = time.monotonic()
        try:
            # Waiting for a worker counts against the deadline too; a cancelled request leaves the queue here.
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            self.in_flight -= 1
            raise TimedOut() from None
        except BaseException:
            self.in_flight -= 1
            raise
        try:
            worker.conn.send(job)
            left = max(0.0, self.timeout - (time.monotonic() - started))
            answer = await self._receive(worker, timeout=left)
        except TimeoutError:
            self._replace(worker)  # stop the work for real: the process goes, a fresh one comes
            raise TimedOut() from None
        except (EOFError, OSError, BrokenPipeError):  # the worker died under this job
            self._replace(worker)
            died = E.E502.format(name="pipeline", origin=job.get("origin", "api"), reason="the worker process died")
            return ("error", E.E502.code, died)
        except BaseException:  # the request was cancelled while the worker ran: its answer would be unread
            self._replace(worker)
            raise
        finally:
            self.in_flight -= 1
        self._seconds = 0.8 * self._seconds + 0.2 * (time.monotonic() - started)
        if self._idle is not None:
            self._idle.put_nowait(worker)
        return answer

    def status(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "workers": self.workers,
            "alive": sum(w.process.is_alive() for w in self._all),
            "idle": self._idle.qsize() if self._idle is not None else 0,
            "queue": self.queue,
            "in_flight": self.in_flight,
            "rejected": self.rejected,
            "restarted": self.restarted,
        }
