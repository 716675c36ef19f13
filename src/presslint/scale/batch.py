"""``presslint batch``: check many articles on a Dask cluster and write one Parquet row per article.

The driver expands the inputs (``presslint.ingest.iter_inputs``: files, folders, JSONL, glob patterns), cuts them into
partitions and submits one task per partition; each task runs ``presslint.check_articles`` with the pipeline loaded
once per worker process. Failures are data: a bad input or an analyzer crash becomes a row with an error code, a task
is never retried (``retries=0``; per-item errors are caught inside the task), and a lost worker costs only its
partition's rows, which are written as failed. Rows reach the Parquet file in input order (``seq``).

Dask and pyarrow are the optional ``scale`` extra; they are imported only here.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..config import Settings
from ..errors import E, PresslintError
from ..model import Article, Report, to_dict

ERROR_CODE_ANALYSIS = E.E502.code
_GLOB_CHARS = frozenset("*?[")

# name -> pyarrow type name; one row per article.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "int64"),  # position in the input stream
    ("origin", "string"),
    ("content_hash", "string"),
    ("title", "string"),
    ("outlet", "string"),
    ("url", "string"),
    ("date", "string"),
    ("language", "string"),
    ("words", "int64"),
    ("errors", "int64"),
    ("warnings", "int64"),
    ("infos", "int64"),
    ("categories", "string"),  # JSON {category: count}
    ("codes", "string"),  # JSON {rule code: count}
    ("findings", "string"),  # JSON list of Finding.to_dict()
    ("error_code", "string"),  # set when the item failed (E1xx input, E502 analysis)
    ("error_message", "string"),
)


@dataclass(slots=True)
class BatchSummary:
    articles: int
    failed: int
    seconds: float
    out: str
    workers: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------- inputs


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Glob patterns expanded (sorted); other inputs kept as given (ingest reports missing ones as failures)."""
    out: list[str] = []
    for item in inputs:
        item = str(item)
        if any(c in _GLOB_CHARS for c in item) and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            out.extend(matches if matches else [item])
        else:
            out.append(item)
    return out


def iter_items(inputs: Iterable[str], settings: Settings) -> Iterator[tuple[int, Any]]:
    from ..ingest import iter_inputs

    return enumerate(iter_inputs(expand_inputs(inputs), settings=settings))


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# ---------------------------------------------------------------- the partition function (runs on workers)


def worker_pipeline(settings: Settings) -> Any:
    """The pipeline of this worker process for ``settings``: the checker's, built once (as every pool does)."""
    from ..checker import worker_checker

    return worker_checker(settings).nlp


def _json_default(obj: Any) -> Any:
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=str)  # stable across processes (string hashing is randomised per process)
    return str(obj)


def report_row(seq: int, report: Report, *, keep_report: bool = False) -> dict[str, Any]:
    article, findings = report.article, report.findings
    severities = Counter(f.severity for f in findings)
    row = {
        "seq": seq,
        "origin": article.origin,
        "content_hash": report.provenance.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "date": article.date,
        "language": article.language,
        "words": len(article.text.split()),
        "errors": severities["error"],
        "warnings": severities["warning"],
        "infos": severities["info"],
        "categories": json.dumps(dict(sorted(Counter(f.category for f in findings).items()))),
        "codes": json.dumps(dict(sorted(Counter(f.code for f in findings).items()))),
        "findings": json.dumps([to_dict(f) for f in findings], ensure_ascii=False, default=_json_default),
        "error_code": None,
        "error_message": None,
    }
    if keep_report:
        row["report_json"] = json.dumps(report.to_dict(), ensure_ascii=False, default=_json_default)
    return row


def failure_row(seq: int, origin: str | None, code: str, message: str, article: Article | None = None) -> dict:
    from ..checker import content_hash

    row: dict[str, Any] = {name: None for name, _ in COLUMNS}
    row.update(seq=seq, origin=origin, error_code=code, error_message=message, errors=0, warnings=0, infos=0)
    if article is not None:
        row.update(
            content_hash=content_hash(article),
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            date=article.date,
            language=article.language,
            words=len(article.text.split()),
        )
    return row


def check_partition(items: list[tuple[int, Any]], settings: Settings, keep_reports: bool = False) -> list[dict]:
    """Rows for one partition of (seq, Article | Failure), through this worker's checker. Never raises for one bad
    item: the checker turns an analysis crash into that item's Failure and goes on."""
    from ..checker import worker_checker

    seqs = [seq for seq, _ in items]
    checked = worker_checker(settings).check_many([item for _, item in items])
    rows = []
    for seq, item in zip(seqs, checked):
        if isinstance(item, Report):
            rows.append(report_row(seq, item, keep_report=keep_reports))
        else:
            rows.append(failure_row(seq, item.origin, item.code, item.message, item.article))
    return rows


# ---------------------------------------------------------------- output


class _ParquetSink:
    """Writes rows to Parquet in ``seq`` order (partitions may finish out of order); saves to the store if asked."""

    def __init__(self, out: str, store=None) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])
        self.writer = pq.ParquetWriter(out, self.schema)
        self.pending: dict[int, list[dict]] = {}
        self.next_chunk = 0
        self.store = store
        self.articles = self.failed = 0

    def add(self, chunk_index: int, rows: list[dict]) -> None:
        self.pending[chunk_index] = rows
        while self.next_chunk in self.pending:
            self._write(self.pending.pop(self.next_chunk))
            self.next_chunk += 1

    def _write(self, rows: list[dict]) -> None:
        import pyarrow as pa

        if not rows:
            return
        for row in rows:
            self.articles += 1
            self.failed += row["error_code"] is not None
            payload = row.pop("report_json", None)
            if self.store is not None and payload is not None:
                self._save(payload)
        table = pa.Table.from_pylist(rows, schema=self.schema)
        self.writer.write_table(table)

    def _save(self, payload: str) -> None:
        from ..store.versions import record_version

        report = Report.from_dict(json.loads(payload))
        self.store.save(report)
        record_version(self.store, report.article)

    def close(self) -> None:
        for index in sorted(self.pending):
            self._write(self.pending.pop(index))
        self.writer.close()


# ---------------------------------------------------------------- drivers


def run_local(
    inputs: Iterable[str], *, settings: Settings | None = None, partition_size: int = 32, keep_reports: bool = False
) -> Iterator[dict]:
    """The single-process run of the same partition function (no Dask): rows in input order."""
    settings = settings or Settings(store=False)
    for chunk in chunked(iter_items(inputs, settings), partition_size):
        yield from check_partition(chunk, settings, keep_reports)


def local_cluster(workers: int):
    """A LocalCluster of ``workers`` single-threaded processes, with lost tasks never re-run elsewhere."""
    import dask
    from distributed import LocalCluster

    dask.config.set({"distributed.scheduler.allowed-failures": 0})
    return LocalCluster(
        n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    )


def run_batch(
    inputs: Iterable[str],
    out: str,
    *,
    settings: Settings | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    client=None,
    partition_size: int = 32,
    store=None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchSummary:
    """Check ``inputs`` on Dask and write the Parquet file ``out``; ``store`` (a ``Store``) also keeps the reports.

    ``client``: an existing ``distributed.Client``; else ``scheduler`` (tcp://host:8786); else a LocalCluster of
    ``workers`` processes, closed at the end. At most two partitions per worker are in flight, so memory stays flat
    however many inputs there are.
    """
    from distributed import Client, as_completed

    settings = settings or Settings(store=False)
    started = time.perf_counter()
    cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            cluster = local_cluster(workers)
            client = own_client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        sink = _ParquetSink(out, store)
        settings_future = client.scatter(settings, broadcast=True)
        chunks = enumerate(chunked(iter_items(inputs, settings), partition_size))
        futures = {}
        window = as_completed()

        def submit_next() -> bool:
            entry = next(chunks, None)
            if entry is None:
                return False
            index, chunk = entry
            future = client.submit(check_partition, chunk, settings_future, store is not None, retries=0, pure=False)
            futures[future.key] = (index, chunk)
            window.add(future)
            return True

        for _ in range(2 * n_workers):
            if not submit_next():
                break
        for future in window:
            index, chunk = futures.pop(future.key)
            try:
                rows = future.result()
            except Exception as err:
                rows = [_lost_row(seq, item, err) for seq, item in chunk]
            future.release()
            sink.add(index, rows)
            if progress:
                progress(sink.articles, sink.failed)
            submit_next()
        sink.close()
    finally:
        if own_client is not None:
            own_client.close()
        if cluster is not None:
            cluster.close()
    return BatchSummary(sink.articles, sink.failed, time.perf_counter() - started, str(out), n_workers)


def _lost_row(seq: int, item: Any, err: BaseException) -> dict:
    if isinstance(item, Article):  # the worker was lost: the item failed with it
        origin = item.origin or "-"
        failure = PresslintError(E.E502, name="pipeline", origin=origin, reason=f"{type(err).__name__}: {err}")
        return failure_row(seq, item.origin, failure.code, failure.message, item)
    return failure_row(seq, item.origin, item.code, item.message)


def write_parquet(rows: Iterable[dict], out: str) -> int:
    """Rows from ``run_local`` to Parquet (same schema as ``run_batch``)."""
    sink = _ParquetSink(out)
    sink.add(0, list(rows))
    sink.close()
    return sink.articles


def print_progress(done: int, failed: int) -> None:
    print(f"\rpresslint batch: {done} articles, {failed} failed", end="", file=sys.stderr, flush=True)


def _warm(settings: Settings) -> bool:
    worker_pipeline(settings)
    return True


def warm_up(client, settings: Settings | None = None) -> None:
    """Load the pipeline on every worker now (so timing a run does not count model loading)."""
    client.run(_warm, settings or Settings(store=False))
