"""Incremental story clustering: a new article joins the best existing story or starts its own.

A story is a running centroid of its members' headline+lead embeddings, the set of named entities they mention and a
date range. A new article is compared only with stories whose range lies within ``window_days`` of its date and that
share a named entity with it (an indexed lookup), never with the whole corpus, so nothing is ever re-clustered.
It joins the best-scoring candidate when the embedding cosine, the shared entities and the date window all clear
their thresholds; a syndicated copy follows the story its original joined.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..model import Report
from ..store import Store
from ..store import corpus as db
from . import embed

# Entity labels that identify what a story is about (dates and numbers do not).
STORY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
MAX_ENTITIES = 30


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_cosine: float = 0.45  # headline+lead embedding vs story centroid
    min_shared: int = 1  # named entities shared with the story
    alone_cosine: float = 0.75  # cosine needed when the article names no entity at all
    window_days: int = 7  # the story's date range must come within this many days of the article's date
    entity_weight: float = 0.25
    entity_saturation: int = 3  # this many shared entities give the full entity part of the score


@dataclass(frozen=True, slots=True)
class Placement:
    story_id: int
    score: float
    new: bool
    also_changed: tuple[int, ...] = ()  # other stories whose independent outlets changed (merged copy groups)


def entity_keys(report: Report) -> list[str]:
    """Distinct lower-cased normalised names of the report's story-relevant entities, most mentioned first."""
    counts: dict[str, int] = {}
    for ent in report.entities:
        if ent.label not in STORY_LABELS or ent.origin == "role":
            continue
        key = " ".join((ent.normalized or ent.span.text).lower().split())
        if len(key) > 1:
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])[:MAX_ENTITIES]


def membership_score(cosine: float, shared: int, t: Thresholds = Thresholds()) -> float:
    """One number in [0, 1] per (article, story): mostly cosine, partly shared entities."""
    ent = min(1.0, shared / t.entity_saturation)
    return (1 - t.entity_weight) * max(0.0, cosine) + t.entity_weight * ent


def qualifies(cosine: float, shared: int, has_entities: bool, t: Thresholds = Thresholds()) -> bool:
    if not has_entities:
        return cosine >= t.alone_cosine
    return cosine >= t.min_cosine and shared >= t.min_shared


def window(date: str, days: int) -> tuple[str, str]:
    day = dt.date.fromisoformat(date)
    return (day - dt.timedelta(days=days)).isoformat(), (day + dt.timedelta(days=days)).isoformat()


def best_story(
    store: Store, vector: np.ndarray, entities: list[str], date: str, t: Thresholds = Thresholds()
) -> tuple[int, float] | None:
    """(story id, score) of the best qualifying story, or None."""
    lo, hi = window(date, t.window_days)
    candidates = db.candidate_stories(store, entities, lo, hi)
    if not candidates:
        return None
    ids = [c[0] for c in candidates]
    centroids = np.stack([embed.from_blob(c[1]) for c in candidates])
    cosines = centroids @ vector
    best: tuple[int, float] | None = None
    for story_id, cosine, (_, _, shared) in zip(ids, cosines, candidates):
        if not qualifies(float(cosine), shared, bool(entities), t):
            continue
        score = membership_score(float(cosine), shared, t)
        if best is None or score > best[1]:
            best = (story_id, score)
    return best


def _updated_centroid(blob: bytes, count: int, vector: np.ndarray) -> np.ndarray:
    mean = (embed.from_blob(blob) * count + vector) / (count + 1)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def place(
    store: Store,
    *,
    article_id: int,
    group_id: int,
    vector: np.ndarray,
    entities: list[str],
    date: str,
    headline: str | None,
    t: Thresholds = Thresholds(),
) -> Placement:
    """Put one article (already in corpus_articles) into a story. Call inside a transaction."""
    followed = db.story_of_group(store, group_id)
    if followed is not None:
        choice: tuple[int, float] | None = (followed, 1.0)
    else:
        choice = best_story(store, vector, entities, date, t)
    if choice is None:
        story_id = db.create_story(store, date=date, headline=headline, centroid=embed.to_blob(vector))
        db.add_member(
            store,
            story_id=story_id,
            article_id=article_id,
            score=1.0,
            date=date,
            headline=headline,
            centroid=embed.to_blob(vector),
            entities=entities,
        )
        return Placement(story_id, 1.0, True)
    story_id, score = choice
    blob, count = db.story_centroid(store, story_id)
    centroid = _updated_centroid(blob, count, vector)
    db.add_member(
        store,
        story_id=story_id,
        article_id=article_id,
        score=round(score, 4),
        date=date,
        headline=headline,
        centroid=embed.to_blob(centroid),
        entities=entities,
    )
    return Placement(story_id, score, False)


@dataclass(frozen=True, slots=True)
class Replayed:
    """A story's aggregates worked out again from its members (``replay``)."""

    first_date: str
    last_date: str
    headline: str | None
    articles: int
    centroid: bytes
    entities: dict[str, int]  # entity -> members mentioning it
    scores: dict[int, float]  # article id -> membership score


def replay(rows: list[db.StoryRow], copies: set[int], t: Thresholds = Thresholds()) -> Replayed:
    """The story as placing ``rows`` (its members, in ingest order) one by one makes it: the first starts it (score
    1.0), a copy of an earlier text (``copies``: article ids, ``dedup.copies``) follows it (1.0), every other member
    scores against the centroid and entities of the members before it; dates, the earliest member's headline and
    the running centroid as ``place`` keeps them. ``forget`` uses it so that a story that lost a member reads as if
    that member had never been ingested."""
    centroid = b""
    headline: str | None = None
    first = last = ""
    mentions: Counter[str] = Counter()
    scores: dict[int, float] = {}
    for count, row in enumerate(rows):
        vector = embed.from_blob(row.embedding)
        if count == 0:
            score, centroid = 1.0, embed.to_blob(vector)
        else:
            if row.article_id in copies:
                score = 1.0
            else:
                cosine = float((np.stack([embed.from_blob(centroid)]) @ vector)[0])
                score = round(membership_score(cosine, len(set(row.entities) & set(mentions)), t), 4)
            centroid = embed.to_blob(_updated_centroid(centroid, count, vector))
        if count == 0 or row.published < first:
            headline = row.headline
        first = min(first, row.published) if count else row.published
        last = max(last, row.published)
        mentions.update(row.entities)
        scores[row.article_id] = score
    return Replayed(first, last, headline, len(rows), centroid, dict(mentions), scores)
