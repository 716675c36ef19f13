"""Ingest many articles: read, check, store, deduplicate, cluster — one item at a time, never stopping on a bad one.

Resumable: an article whose content hash is already in the corpus is skipped before any analysis, a report stored
before a run was killed is re-used, and stories whose claims a killed run never compared are compared first
(``maintenance.repair``). A failure (an unreadable input, a check or store error) becomes a row in ``ingest_errors``
and the batch goes on; when the store itself cannot take the row (a full disk, a lock held too long) the failure is
kept in the summary instead. A store fault that every later write would hit too (a full disk, a damaged or read-only
store) stops the run after the item it hit: what was stored stays, and running it again resumes.

Idempotent under concurrency: two processes ingesting the same inputs into one store both check an article neither
has stored yet, but only the first adds it to the corpus (the check and the insert happen under one write lock); the
other counts it as already stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import E, PresslintError
from ..ingest import IngestFailure
from ..model import Article, Failure, Report
from ..store import Store, StoreFault
from ..store import corpus as db
from . import alignments, dedup, embed, stories
from .sources import iter_corpus_inputs

CHUNK = 16  # articles checked together through one nlp.pipe call


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # articles read from the inputs
    stored: int = 0  # new articles checked and added to the corpus
    skipped: int = 0  # already in the corpus (resumed runs, or another process ingesting the same inputs)
    failed: int = 0  # items recorded in ingest_errors (or in ``unrecorded``)
    syndicated: int = 0  # new articles that are copies of a text already stored
    new_stories: int = 0
    joined_stories: int = 0
    aligned_stories: int = 0  # stories whose claims were compared again because a member joined
    repaired_stories: int = 0  # stories left stale by an interrupted run, compared again first
    stopped: str | None = None  # the store error that stopped the run early (run it again to resume)
    unrecorded: list[dict] = field(default_factory=list)  # failures the store could not record: origin, code, message

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        text = (
            f"{self.stored} stored, {self.skipped} already stored, {self.failed} failed "
            f"(see ingest_errors); {self.syndicated} syndicated copies (each counts as one source with its "
            f"original); {self.new_stories} new stories, {self.joined_stories} joined existing stories; "
            f"claims compared again in {self.aligned_stories} stories"
        )
        if self.repaired_stories:
            text += f"; {self.repaired_stories} stories an interrupted run left stale compared again"
        if self.stopped:
            text += "; stopped early on a store error (run the same command again to resume)"
        return text


def outlet_key(article: Article) -> str:
    """The outlet an article counts for: its outlet name, else its URL's host, else 'unknown'."""
    if article.outlet and article.outlet.strip():
        return " ".join(article.outlet.lower().split())
    for url in (article.url, article.origin):
        host = urlsplit(url or "").hostname
        if host:
            return host.removeprefix("www.")
    return "unknown"


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    inputs: Iterable[str],
    *,
    store: Store,
    settings: Settings | None = None,
    nlp=None,
    progress: bool = True,
    thresholds: stories.Thresholds = stories.Thresholds(),
) -> IngestSummary:
    """Read every input, check each new article, store it with its report, its syndication group and its story."""
    from tqdm import tqdm

    from ..checker import content_hash

    settings = settings or Settings()
    summary = IngestSummary()
    stale = db.stale_stories(store)
    _align(store, stale, summary, nlp)
    summary.repaired_stories, summary.aligned_stories = summary.aligned_stories, 0
    bar = tqdm(desc="ingest", unit=" articles", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    try:
        for chunk in _chunks(iter_corpus_inputs(inputs, settings=settings), CHUNK):
            fresh: list[tuple[Article, str]] = []
            hashes = {}
            for item in chunk:
                if isinstance(item, IngestFailure):
                    _fail(store, summary, item.origin, item.code, item.message)
                    continue
                summary.read += 1
                hashes[id(item)] = content_hash(item)
            try:
                known = db.known_hashes(store, hashes.values())
            except StoreFault as err:
                _fail_all(store, summary, [a for a in chunk if not isinstance(a, IngestFailure)], err)
                if _stop(summary, err):
                    break
                continue
            seen_now: set[str] = set()
            for item in chunk:
                if isinstance(item, IngestFailure):
                    continue
                digest = hashes[id(item)]
                if digest in known or digest in seen_now:
                    summary.skipped += 1
                    continue
                seen_now.add(digest)
                fresh.append((item, digest))
            changed: list[int] = []  # stories a member joined in this chunk: compared once, after the chunk
            for article, item in _check(fresh, settings, nlp, store, summary):
                if isinstance(item, Failure):
                    _fail(store, summary, item.origin, item.code, item.message)
                    if _stop(summary, item.error):
                        break
                    continue
                try:
                    placement = add_report(store, item, summary, thresholds, align=False)
                except PresslintError as err:
                    _fail(store, summary, _origin(article), err.code, err.message)
                    if _stop(summary, err):
                        break
                    continue
                except Exception as err:  # a bug on one article must not stop the batch
                    failure = PresslintError(E.E406, path=store.path, reason=f"{type(err).__name__}: {err}")
                    _fail(store, summary, _origin(article), failure.code, failure.message)
                    continue
                if placement is not None:
                    changed.extend(s for s in (placement.story_id, *placement.also_changed) if s not in changed)
            if not summary.stopped:  # else they stay stale: the next run compares them (maintenance.repair)
                _align(store, changed, summary, nlp)
            bar.update(len(chunk))
            bar.set_postfix(stored=summary.stored, skipped=summary.skipped, failed=summary.failed, refresh=False)
            if summary.stopped:
                break
    finally:
        bar.close()
    return summary


def _stop(summary: IngestSummary, err: object) -> bool:
    """Stop the run on a store fault every later write would hit too (a full disk, a damaged store)."""
    if isinstance(err, StoreFault) and err.lasting:
        summary.stopped = err.message
    return summary.stopped is not None


def _align(store: Store, story_ids: list[int], summary: IngestSummary, nlp) -> None:
    for story_id in story_ids:
        try:
            alignments.refresh_story(store, story_id, nlp=nlp)
            summary.aligned_stories += 1
        except PresslintError as err:
            # The story stays stale: the next run compares it again (maintenance.repair).
            _fail(store, summary, f"story {story_id}", err.code, err.message)
            if _stop(summary, err):
                return
        except Exception as err:  # the story keeps its previous alignment; the batch goes on
            reason = f"claim alignment of story {story_id}: {type(err).__name__}: {err}"
            failure = PresslintError(E.E406, path=store.path, reason=reason)
            _fail(store, summary, f"story {story_id}", failure.code, failure.message)


def _origin(article: Article) -> str:
    return article.origin or article.url or "-"


def _fail(store: Store, summary: IngestSummary, origin: str, code: str, message: str) -> None:
    summary.failed += 1
    try:
        db.record_error(store, origin, code, message)
    except PresslintError:  # the store cannot take it either: keep it for the caller to print
        summary.unrecorded.append({"origin": origin, "code": code, "message": message})


def _fail_all(store: Store, summary: IngestSummary, articles: list[Article], err: PresslintError) -> None:
    for article in articles:
        _fail(store, summary, _origin(article), err.code, err.message)


def _check(
    fresh: list[tuple[Article, str]], settings: Settings, nlp, store: Store, summary: IngestSummary
) -> Iterator[tuple[Article, Report | Failure]]:
    """Reports (or failures) of the fresh articles through the one checker (store re-use and saving included); an
    article whose check fails costs only itself. A store error that breaks off the whole check (the checker looks
    each article up in the store) fails the articles not yet done with that error."""
    from ..checker import Checker

    if not fresh:
        return
    articles = [a for a, _ in fresh]
    done = 0
    try:
        for article, item in zip(articles, Checker(settings, store=store, nlp=nlp).check_many(articles)):
            done += 1
            yield article, item
    except StoreFault as err:
        for article in articles[done:]:
            yield article, Failure.of(_origin(article), err, article)


def add_report(
    store: Store,
    report: Report,
    summary: IngestSummary | None = None,
    thresholds: stories.Thresholds = stories.Thresholds(),
    *,
    align: bool = True,
    nlp=None,
) -> stories.Placement | None:
    """Save a checked article with its report, find its syndication group, place it in a story and add it to its
    outlet's profile. ``align``: compare the story's claims again now (``ingest`` does it once per chunk instead).
    None when the article was already in the corpus (counted as skipped)."""
    summary = summary if summary is not None else IngestSummary()
    article = report.article
    report_id = store.save(report)
    article_id = db.article_id(store, report.provenance.content_hash)
    if article_id is None:  # forgotten by another process since it was saved
        raise PresslintError(E.E406, path=store.path, reason="the article was deleted while it was being stored")
    body = article.text[article.body_start :] or article.text
    sig = dedup.signature(body)
    keys = dedup.band_keys(sig)
    vector = embed.embed([embed.headline_lead(article.title, body)])[0]
    entities = stories.entity_keys(report)
    published, known = _published(article, report)
    outlet = outlet_key(article)
    with db.transaction(store):
        if db.in_corpus(store, article_id):  # another process ingesting the same inputs got there first
            summary.skipped += 1
            return None
        matches = _groups(store, sig, keys)
        if not matches:
            group_id, similarity = db.create_group(store, article_id, outlet), 1.0
        else:
            summary.syndicated += 1
            group_id, similarity = min(matches), max(matches.values())
            merged = db.merge_groups(store, group_id, sorted(set(matches) - {group_id}))
        db.insert_corpus_article(
            store,
            article_id=article_id,
            report_id=report_id,
            outlet=outlet,
            published=published,
            date_known=known,
            headline=article.title,
            group_id=group_id,
            similarity=similarity,
            minhash=dedup.to_blob(sig),
            embedding=embed.to_blob(vector),
            entities=entities,
            bands=keys,
        )
        placement = stories.place(
            store,
            article_id=article_id,
            group_id=group_id,
            vector=vector,
            entities=entities,
            date=published,
            headline=article.title,
            t=thresholds,
        )
        alignments.record_outlet(store, outlet, report)
    if matches:
        placement = dataclasses.replace(placement, also_changed=tuple(s for s in merged if s != placement.story_id))
    if align:
        for story_id in (placement.story_id, *placement.also_changed):
            alignments.refresh_story(store, story_id, nlp=nlp)
    summary.stored += 1
    if placement.new:
        summary.new_stories += 1
    else:
        summary.joined_stories += 1
    return placement


def _groups(store: Store, sig, keys) -> dict[int, float]:
    """Syndication groups holding a text this close to ``sig`` -> best estimated Jaccard; the oldest group wins."""
    found: dict[int, float] = {}
    for _article_id, blob, group_id in db.band_candidates(store, keys):
        sim = dedup.similarity(sig, dedup.from_blob(blob))
        if sim >= dedup.SYNDICATION_THRESHOLD:
            found[group_id] = max(sim, found.get(group_id, 0.0))
    return found


def _published(article: Article, report: Report) -> tuple[str, bool]:
    date = report.provenance.publication_date
    if date and date != "unknown":
        return date, True
    return dt.date.today().isoformat(), False
