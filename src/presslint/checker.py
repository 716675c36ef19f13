"""The one checker behind every door: the library, the CLI, the web workers, the Dask batch, corpus ingest and the
evaluation commands all check articles through a ``Checker``.

    >>> with Checker(settings, store=open_store(settings)) as checker:
    ...     for item in checker.check_many(inputs, jobs=4):   # Report | Failure, in input order
    ...         ...

A checker owns everything between an input and its report: reading it (``ingest``), language identification, the
publication date, the store (a report for the same text, presslint version, configuration and date is re-used; a
new one is saved at once, so a later failure loses nothing), the spaCy pipeline with the registry's checks, the
knowledge stage, fact-check matching, rule selection, a baseline, line:column, the findings' order and the report's
summary, failure isolation per item (one bad article becomes a ``Failure``; the batch goes on) and parallelism over
processes.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, cast

from . import registry, rules
from ._version import __version__
from .config import Settings, parse_date
from .errors import E, PresslintError, W
from .model import (
    SCHEMA_VERSION,
    Article,
    DateSource,
    Failure,
    Finding,
    Notice,
    Provenance,
    Report,
    Severity,
    Span,
    map_spans,
)
from .summary import finding_order, mark_shown, reads_as_opinion, reads_as_satire, summarise

MIN_WORDS = 30
BATCH = 16  # articles looked up in the store, then analysed together through one nlp.pipe call
# Characters parsed together in one nlp.pipe batch: a batch's docs are alive at once, so memory grows with this and
# not with an article's length (pieces of a long article then go through one or two at a time).
BATCH_CHARS = 60_000
Item = Report | Failure


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def publication_date(article: Article, settings: Settings) -> tuple[dt.date | None, DateSource]:
    """(date, where it came from): the article's own date (its metadata's, or a date line of its text), else the
    settings' date, else unknown."""
    if article.date:
        try:
            return parse_date(article.date), "text" if article.meta.get("date_from") == "text" else "metadata"
        except PresslintError:
            pass
    if settings.date:
        return parse_date(settings.date), "option"
    return None, "unknown"


def pipeline_options(settings: Settings) -> dict[str, dict[str, Any]]:
    """The doc checks' options: ``[analyzers.*]``, with the learned heads switched off in ``[learned]`` passed to the
    encoding check (a head that is off is never run; its consumers fall back to the rules)."""
    options = {name: dict(values) for name, values in settings.analyzers.items()}
    off = {head: False for head, on in settings.learned.items() if not on}
    if off:
        options["encoding"] = {**options.get("encoding", {}), **off}
    return options


def default_jobs() -> int:
    """Worker processes for a batch when none are asked for: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Checker:
    """Checks articles one at a time or many in order. ``store``: a ``Store`` for re-use and saving (None: neither);
    ``baseline``: a loaded ``baseline.Baseline`` whose findings are hidden (``hidden`` counts them);
    ``collect_baseline``: keep every report's baseline entries (before hiding) in ``baseline_entries``."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: Any = None,
        nlp: Any = None,
        baseline: Any = None,
        collect_baseline: bool = False,
    ) -> None:
        self.settings = settings or Settings(store=False)
        self.store = store
        self.baseline = baseline
        self.hidden = 0
        self.collect_baseline = collect_baseline
        self.baseline_entries: list[Any] = []
        self._nlp = nlp
        from .knowledge import resolve_kb

        # The knowledge store in use (given, or the default one when it exists) is part of the cache key: a report
        # saved before a store appeared must not be re-used without knowledge findings.
        self.kb = resolve_kb(self.settings)
        self._config_hash = dataclasses.replace(self.settings, kb=self.kb).config_hash()
        # So is the learned model when a head is on: a report saved with other weights (PRESSLINT_MODELS, a rebuilt
        # model) is not re-used.
        from .learned import enabled_heads, fingerprint

        if enabled_heads(self.settings):
            self._config_hash = hashlib.sha256(f"{self._config_hash}:{fingerprint()}".encode()).hexdigest()[:16]
        self._knowledge: Any = None
        self._knowledge_ready = False
        self._factchecks: Any = None
        self._factchecks_ready = False

    # -- resources, built when first needed --------------------------------------------------------------------
    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp import load_pipeline

            self._nlp = load_pipeline(pipeline_options(self.settings))
        return self._nlp

    def _knowledge_stage(self) -> Any:
        if not self._knowledge_ready:
            self._knowledge = _stage_runner("knowledge", self.kb, settings=self.settings)
            self._knowledge_ready = True
        return self._knowledge

    def _factcheck_stage(self) -> Any:
        if not self._factchecks_ready:
            self._factchecks = _stage_runner("report", self.store)
            self._factchecks_ready = True
        return self._factchecks

    def close(self) -> None:
        """Close the store this checker was given (the caller may also close it itself)."""
        if self.store is not None:
            self.store.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public surface -------------------------------------------------------------------------------------
    def check(self, source: str | Path | Article) -> Report:
        """One article: an ``Article``, raw text, or a path / URL / "-". Raises its PresslintError when it fails."""
        item = next(self.check_many([self.read(source)], jobs=1))
        if isinstance(item, Failure):
            raise (
                item.error
                if isinstance(item.error, PresslintError)
                else PresslintError.passed_on(item.code, item.message)
            )
        return item

    def read(self, source: str | Path | Article) -> Article:
        if isinstance(source, Article):
            return source
        from . import ingest

        if isinstance(source, Path) or _looks_like_location(source):
            return ingest.read(str(source), settings=self.settings)
        return ingest.from_text(source)

    def check_many(self, items: Iterable[Article | Failure], *, jobs: int | None = 1) -> Iterator[Item]:
        """A ``Report`` or a ``Failure`` per item, in input order. ``Failure`` items (from ``ingest.iter_inputs``)
        pass through. ``jobs``: worker processes for the analysis (None: every core; 1: this process)."""
        jobs = default_jobs() if jobs is None else max(1, jobs)
        if jobs == 1:
            for chunk in _chunks(items, BATCH):
                slots, todo = self._resolve(chunk)
                yield from self._emit(slots, iter(self._analyse_here(todo) if todo else ()))
            return
        # Several processes: chunk k+1 is analysed while chunk k is finished and handed to the caller.
        pool = _Pool(self, jobs)
        try:
            pending: list[tuple[list[Any], Any]] = []
            for chunk in _chunks(items, BATCH * jobs):
                slots, todo = self._resolve(chunk)
                pending.append((slots, pool.submit(todo)))
                if len(pending) > 1:
                    slots, result = pending.pop(0)
                    yield from self._emit(slots, iter(result.get()))
            for slots, result in pending:
                yield from self._emit(slots, iter(result.get()))
        finally:
            pool.close()

    def _resolve(self, chunk: list[Any]) -> tuple[list[Any], list[_Job]]:
        """Slots in input order (a Failure, a stored Report, or a _Job to analyse) and the jobs to analyse."""
        slots: list[Any] = []
        todo: list[_Job] = []
        for item in chunk:
            if isinstance(item, Failure):
                slots.append(item)
                continue
            job = self._prepare(item)
            if isinstance(job, Failure):
                slots.append(job)
                continue
            stored = self._stored(job)
            slots.append(stored if stored is not None else job)
            if stored is None:
                todo.append(job)
        return slots, todo

    def _emit(self, slots: list[Any], analysed: Iterator[Item]) -> Iterator[Item]:
        for slot in slots:
            if isinstance(slot, _Job):
                slot = self._finish_new(slot, next(analysed))
            yield self._finish(slot) if isinstance(slot, Report) else slot

    # -- steps --------------------------------------------------------------------------------------------------
    def _prepare(self, article: Article) -> _Job | Failure:
        if len(article.text) > self.settings.max_chars:
            origin = article.origin or article.url or "-"
            err = PresslintError(E.E112, path=origin, chars=len(article.text), limit=self.settings.max_chars)
            return Failure.of(origin, err, article)
        if article.language is None:
            from .ingest.language import identify

            article.language = identify(article.text)
        pubdate, source = publication_date(article, self.settings)
        return _Job(article, pubdate, source)

    def _stored(self, job: _Job) -> Report | None:
        if self.store is None:
            return None
        try:
            stored = self.store.find(content_hash(job.article), __version__, self._config_hash, job.pubdate_text)
        except PresslintError as err:  # a store that cannot be read (locked, corrupted): check afresh, say so
            job.errors.append(Notice(err.code, err.message))
            return None
        if stored is not None:
            stored.article = job.article  # same text; show where it was read from this time
        return stored

    def _analyse_here(self, jobs: list[_Job]) -> list[Item]:
        return analyse(self.nlp, jobs, self.settings, self._knowledge_stage())  # no stage: W003, unless turned off

    def _finish_new(self, job: _Job, item: Item) -> Item:
        """Select, locate and save a fresh report (saved at once: a later failure loses nothing). A store that fails
        (full disk, locked, corrupted) does not cost the report: it comes back with the coded error among its
        notices, which the CLI reports as that item's error."""
        if isinstance(item, Failure):
            return item
        report = locate(select(item, self.settings))
        report.provenance.config_hash = self._config_hash
        self._mark_shown(report)
        if self.store is not None:  # saved with it; _finish (every report) sums up again after fact-checks, baseline
            report.summary = summarise(report)
        if self.store is not None and not job.errors:
            try:
                self.store.save(report)
            except PresslintError as err:
                job.errors.append(Notice(err.code, err.message))
        report.notices.extend(job.errors)
        return report

    def _mark_shown(self, report: Report) -> None:
        """Which findings the text and HTML reports show, from the settings and the piece's genre."""
        mark_shown(
            report.findings,
            show_all=self.settings.show_all,
            opinion=reads_as_opinion(report),
            satire=reads_as_satire(report),
        )

    def _finish(self, report: Report) -> Report:
        """What is added on every run, stored report or not: fact-check matches, the baseline, the findings in
        their order (severity, then position) and the summary of what is shown."""
        try:
            factchecks = self._factcheck_stage()
            matches = factchecks(report)["findings"] if factchecks is not None else []
        except PresslintError as err:  # the store's fact-check index cannot be read: the report stands, and says so
            matches = []
            report.notices.append(Notice(err.code, err.message))
        extra = [_located(report, f) for f in select_findings(matches, self.settings)]
        if extra:
            report.findings = report.findings + extra
        if self.collect_baseline:
            from .baseline import entries

            self.baseline_entries.extend(entries(report))
        if self.baseline is not None:
            kept, hidden = self.baseline.split(report)
            self.hidden += hidden
            report = report.replace(findings=kept)
        report.findings = sorted(report.findings, key=finding_order)
        self._mark_shown(report)
        report.summary = summarise(report)
        report.schema_version = SCHEMA_VERSION  # a report stored before the summary existed has one now
        return report


@dataclasses.dataclass(slots=True)
class _Job:
    article: Article
    pubdate: dt.date | None
    date_source: DateSource
    errors: list[Notice] = dataclasses.field(default_factory=list)  # store errors met on the way (E4xx)

    @property
    def pubdate_text(self) -> str:
        return self.pubdate.isoformat() if self.pubdate else "unknown"

    @property
    def origin(self) -> str:
        return self.article.origin or self.article.url or "-"


def _stage_runner(stage: str, resource: Any, **options: Any) -> Any:
    """The runner of the registry's check for ``stage`` (knowledge: a store path; report: the Store), or None."""
    if not resource:
        return None
    import importlib

    check = registry.ordered(stage)[0]
    return getattr(importlib.import_module(check.module), check.factory)(resource, **options)


# -- analysis: the part that runs in worker processes ------------------------------------------------------------
def analyse(nlp: Any, jobs: list[_Job], settings: Settings, knowledge: Any = None) -> list[Item]:
    """Raw reports (every finding, no selection) for ``jobs`` through one ``nlp.pipe``; when the stream fails, each
    article alone, so one bad article costs only itself."""
    try:
        return list(_analyse_stream(nlp, jobs, settings, knowledge))
    except Exception:  # find the culprit one by one
        out: list[Item] = []
        for job in jobs:
            try:
                out.extend(_analyse_stream(nlp, [job], settings, knowledge))
            except PresslintError as err:
                out.append(Failure.of(job.origin, err, job.article))
            except Exception as err:  # recorded, the batch goes on
                reason = f"{type(err).__name__}: {err}"
                failure = PresslintError(E.E502, name="pipeline", origin=job.origin, reason=reason)
                out.append(Failure.of(job.origin, failure, job.article))
        return out


def _analyse_stream(nlp: Any, jobs: list[_Job], settings: Settings, knowledge: Any) -> Iterator[Report]:
    """One report per job, in order, through one nlp.pipe stream of every piece of every job."""
    from . import pieces
    from .knowledge import kb_off
    from .nlp import prepare_doc
    from .nlp.docview import view

    plan = [
        (job, offset, piece)
        for job in jobs
        for offset, piece in pieces.split(
            _skipped_text(job.article) if _skip(job.article) else job.article, settings.piece_chars
        )
    ]
    docs = (prepare_doc(nlp, piece, job.pubdate) for job, _, piece in plan)
    batch = pipe_batch([len(piece.text) for _, _, piece in plan])
    parts: list[pieces.Part] = []
    for k, ((job, offset, _), doc) in enumerate(zip(plan, nlp.pipe(docs, batch_size=batch))):
        if knowledge is not None and not _skip(job.article):
            doc._.pl_findings.extend(knowledge(doc)["findings"])
        parts.append(pieces.Part(offset, *_records(doc), sentences=len(view(doc).sents)))
        # The records are copied out: drop the doc's own (its view and Spans refer back to it), so the doc is freed
        # now instead of waiting, with all it holds, for the cyclic collector (~5 ms an article less collecting).
        doc.user_data.clear()
        if k + 1 < len(plan) and plan[k + 1][0] is job:
            continue  # more pieces of this article to come
        notices = _notices(job)
        if knowledge is None and not kb_off(settings):
            notices.append(Notice(W.W003.code, W.W003.format()))
        if len(parts) > 1:
            notice = W.W009.format(chars=len(job.article.text), pieces=len(parts), size=settings.piece_chars)
            notices.append(Notice(W.W009.code, notice))
        findings, records = pieces.merge(parts)
        parts = []
        yield build_report(job, notices, findings, records)


def pipe_batch(lengths: list[int]) -> int:
    """Docs per nlp.pipe batch: up to BATCH, as many of the longest text as fit in BATCH_CHARS, at least one."""
    return max(1, min(BATCH, BATCH_CHARS // max([1, *lengths])))


def _records(doc: Any) -> tuple[list[Finding], dict[str, list[Any]]]:
    from .nlp import extension

    records = {r.name: list(getattr(doc._, extension(r.name)) or []) for r in registry.report_records()}
    return list(doc._.pl_findings or []), records


def _skip(article: Article) -> bool:
    return bool(article.language and article.language != "en")


def _skipped_text(article: Article) -> Article:
    # Non-English text is not analysed: run the pipeline on nothing so the stream stays in step.
    return dataclasses.replace(article, text="", title_span=None)


def _notices(job: _Job) -> list[Notice]:
    article = job.article
    notices = [Notice(n["code"], n["message"]) for n in article.meta.get("notices", [])]
    if _skip(article):
        from .ingest.language import language_name

        notices.append(Notice(W.W001.code, W.W001.format(language=language_name(article.language))))
        return notices
    if job.pubdate is None:
        notices.append(Notice(W.W002.code, W.W002.format()))
    words = len(article.text.split())
    if words < MIN_WORDS:
        notices.append(Notice(W.W004.code, W.W004.format(words=words)))
    return notices


def build_report(job: _Job, notices: list[Notice], findings: list[Finding], records: dict[str, list[Any]]) -> Report:
    """The report of one article: provenance, every finding and every report record the registry declares."""
    from .nlp import model_identity

    model_name, model_version, model_sha = model_identity()
    provenance = Provenance(
        presslint_version=__version__,
        model_name=model_name,
        model_version=model_version,
        model_sha256=model_sha,
        config_hash="",  # the checker's, filled in when the report is finished
        publication_date=job.pubdate_text,
        publication_date_source=job.date_source,
        content_hash=content_hash(job.article),
        checked_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    )
    if _skip(job.article):
        return Report(article=job.article, provenance=provenance, notices=notices)
    report = Report(article=job.article, provenance=provenance, findings=findings, notices=notices)
    report.records.update(records)
    return report


# -- selection and line:column ------------------------------------------------------------------------------------
def select_findings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Apply select/ignore, severity overrides and the confidence floor; fill name/category from the catalogue."""
    catalogue = rules.catalogue()
    enabled = rules.enabled_codes(settings.select, settings.ignore)
    kept: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for finding in findings:
        if finding.code not in catalogue:
            raise RuntimeError(f"analyzer emitted uncatalogued rule code {finding.code}")
        key = (finding.code, finding.span.start, finding.span.end)
        if finding.code not in enabled or finding.confidence < settings.min_confidence or key in seen:
            continue
        seen.add(key)
        rule = catalogue[finding.code]
        finding.name, finding.category = rule.name, rule.category
        finding.severity = cast(Severity, settings.severity.get(finding.code, finding.severity or rule.severity))
        kept.append(finding)
    kept.sort(key=finding_order)
    return kept


def select(report: Report, settings: Settings) -> Report:
    report.findings = select_findings(report.findings, settings)
    return report


_NEWLINE = re.compile("\n")


class _Locator:
    """Offset -> (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def __call__(self, span: Span) -> Span:
        line = bisect.bisect_right(self.starts, span.start)
        column = span.start - self.starts[line - 1] + 1
        if type(span) is Span:  # dataclasses.replace, without its per-call field walk
            return Span(span.start, span.end, span.text, line, column)
        return dataclasses.replace(span, line=line, column=column)


def locate(report: Report) -> Report:
    """Fill line:column into every span of the report (renderers never compute)."""
    where = _Locator(report.article.text)
    report.findings = map_spans(report.findings, where)
    for name, items in report.records.items():
        report.records[name] = map_spans(items, where)
    return report


def _located(report: Report, finding: Finding) -> Finding:
    return map_spans(finding, _Locator(report.article.text))


# -- helpers ------------------------------------------------------------------------------------------------------
def _looks_like_location(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    if value == "-" or value.startswith(("http://", "https://")):
        return True
    try:
        return Path(value).exists()
    except OSError:  # a one-line text longer than a file name can be
        return False


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# -- processes ----------------------------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}  # per worker process: the settings' pipeline and knowledge stage


def worker_checker(settings: Settings) -> Checker:
    """The checker of this process for ``settings`` (no store), built once: what every worker pool uses (the CLI's
    ``--jobs``, the web server's workers, the Dask batch), so a worker loads its pipeline one time."""
    key = f"{os.getpid()}:{settings.key()}"
    checker = _WORKER.get(key)
    if checker is None:
        if len(_WORKER) >= 16:  # a long-lived worker asked with many different settings: keep memory bounded
            _WORKER.clear()
        checker = _WORKER[key] = Checker(settings)
    return checker


def _pool_start(settings: Settings, threads: int) -> None:
    # Each worker gets its share of the cores for the encoder's threads (unless the user set them): two workers
    # with two threads each on two cores fight over them instead of running side by side.
    os.environ.setdefault("PRESSLINT_THREADS", str(threads))
    worker_checker(settings).nlp  # noqa: B018 - load the pipeline now, not on the first task


def _pool_task(settings: Settings, jobs: list[_Job]) -> list[Item]:
    return worker_checker(settings)._analyse_here(jobs)


class _Result:
    """The analysis of one chunk, in order: its slices' results joined."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    def get(self) -> list[Item]:
        return [item for part in self.parts for item in part.get()]


class _Pool:
    """Analysis in worker processes. On Linux the workers are forked from this process after it has loaded the
    pipeline, so they start at once and share its memory until they write to it; elsewhere they are spawned and
    each loads its own."""

    def __init__(self, checker: Checker, jobs: int) -> None:
        self.checker, self.jobs = checker, jobs
        self._pool: Any = None

    def submit(self, todo: list[_Job]) -> _Result:
        if not todo:
            return _Result([])
        if self._pool is None:
            self._pool = self._start()
        # Small slices keep both workers busy to the end of a chunk; each slice is one nlp.pipe stream.
        size = max(1, -(-len(todo) // (self.jobs * 4)))
        settings = self.checker.settings
        slices = [todo[i : i + size] for i in range(0, len(todo), size)]
        return _Result([self._pool.apply_async(_pool_task, (settings, part)) for part in slices])

    def _start(self) -> Any:
        import multiprocessing

        settings = self.checker.settings
        context: Any
        if "fork" in multiprocessing.get_all_start_methods():
            # Load here: the pipeline cache (nlp.load_pipeline) is inherited, so each worker's checker finds it.
            self.checker.nlp  # noqa: B018
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        threads = max(1, (os.cpu_count() or 1) // self.jobs)
        return context.Pool(self.jobs, initializer=_pool_start, initargs=(settings, threads))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def check(source: str | Path | Article, *, settings: Settings | None = None, nlp: Any = None) -> Report:
    """Check one article (an ``Article``, text, a path, a URL or "-") with no store."""
    return Checker(settings, nlp=nlp).check(source)


def check_articles(
    articles: Iterable[Article], *, settings: Settings | None = None, nlp: Any = None, jobs: int | None = 1
) -> Iterator[Report]:
    """Reports for many articles, in order, with no store; raises the first failure's error."""
    for item in Checker(settings, nlp=nlp).check_many(articles, jobs=jobs):
        if isinstance(item, Failure):
            raise (
                item.error
                if isinstance(item.error, PresslintError)
                else PresslintError.passed_on(item.code, item.message)
            )
        yield item
