"""Keeping the corpus right when it shrinks or a run was cut short.

``forget`` removes an article with everything derived from it. Its syndication group and its story are worked out
again from their remaining members, in the order they were ingested, as ingesting only those members would have made
them (``dedup.regroup``, ``stories.replay``): the group's members, canonical copy (its first remaining member) and
similarities; the story's articles, independent outlets, dates, earliest headline, entity counts, centroid and
membership scores. Its outlet's profile loses its counts, and the claims of every story it touched are compared
again. No remaining article moves to another story: where the forgotten one was what tied a story together, a fresh
ingest of the rest could cluster them otherwise. Texts only the forgotten copy tied together become separate groups.

``repair`` compares again the claims of stories whose members changed after their last comparison (a run killed
between storing a chunk and aligning its stories, a ``forget`` stopped before it re-aligned).
"""

from __future__ import annotations

from typing import Any

from ..errors import E, PresslintError
from ..store import Store
from ..store import corpus as db
from . import alignments, dedup, stories


def forget(store: Store, key: int | str, *, nlp: Any = None) -> int:
    """Delete an article and its reports and keep every count derived from it right; returns the reports deleted.

    ``key``: a report id or the article's content hash (or a prefix of at least six characters). An article outside
    the corpus is simply deleted (``Store.forget``). Comparing claims again needs the NLP pipeline (``nlp``, loaded
    when needed) only for stories that still have several independent outlets."""
    article_id = store.article_for(key)
    member = db.corpus_member(store, article_id)
    if member is None:
        return store.forget(key)
    counts = alignments.article_counts(store.get(member.report_id)) if member.report_id else {"articles": 1}
    with db.transaction(store):
        member = db.corpus_member(store, article_id)  # again, under the write lock
        if member is None:
            raise PresslintError(E.E403, key=key)  # another process forgot it meanwhile
        deleted = store.delete_article(article_id)  # reports, corpus row, bands, membership, claim texts: cascade
        rows = db.group_rows(store, member.group_id)
        parts = dedup.regroup([(a, dedup.from_blob(blob)) for a, _, blob in rows])
        groups = db.write_groups(store, member.group_id, parts, {a: outlet for a, outlet, _ in rows})
        touched = db.stories_of_groups(store, groups) | ({member.story_id} if member.story_id is not None else set())
        alive = []
        for story_id in sorted(touched):
            members = db.story_rows(store, story_id)
            if not members:
                db.delete_story(store, story_id)
                continue
            copies: set[int] = set()
            for group in sorted({m.group_id for m in members}):
                copies |= dedup.copies([(a, dedup.from_blob(blob)) for a, _, blob in db.group_rows(store, group)])
            state = stories.replay(members, copies)
            db.rewrite_story(
                store,
                story_id,
                first_date=state.first_date,
                last_date=state.last_date,
                headline=state.headline,
                articles=state.articles,
                centroid=state.centroid,
                entities=state.entities,
                scores=state.scores,
            )
            alive.append(story_id)
        db.recount_outlets(store, alive)  # and marks their claims stale until compared again below
        db.subtract_outlet_counts(store, member.outlet, counts)
    repair(store, nlp=nlp)
    return deleted


def repair(store: Store, *, nlp: Any = None) -> list[int]:
    """Compare again the claims of every stale story; returns their ids."""
    stale = db.stale_stories(store)
    for story_id in stale:
        alignments.refresh_story(store, story_id, nlp=nlp)
    return stale
