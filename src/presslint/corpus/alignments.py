"""Keep each story's aligned claims and each outlet's profile in the store, incrementally.

``refresh_story`` re-runs ``compare.compare_story`` over one story's members (their stored reports) with the
syndication groups from the store, so syndicated copies count once, and replaces that story's rows; no other story
is touched. ``record_outlet`` adds one new article's counts to its outlet's running totals.

Cost: comparing a story re-parses its members' claim sentences (cached per text within a process) and compares
claims pairwise, so a story is compared on at most ``MAX_ALIGN_TEXTS`` distinct texts (the earliest ones); copies of
those texts still join as members. A story with a single independent outlet needs no comparison: its claims are all
single-source and are recorded without parsing.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..model import CONTRADICTED, CORROBORATED, SINGLE, AlignedClaim, ClaimStatus, ClaimText, Report
from ..store import Store
from ..store import corpus as db
from . import compare

MAX_ALIGN_TEXTS = 40  # distinct texts (syndication groups) compared per story


def article_counts(report: Report) -> dict[str, int]:
    """The counts an article adds to its outlet's profile (``store.corpus.PROFILE_COUNTS``)."""
    p = compare.profiles([report], ["-"])[0]
    return {
        "articles": 1,
        "words": p.words,
        "sources": p.sources,
        "anonymous_sources": p.anonymous_sources,
        "loaded_language": p.loaded_language,
        "findings": p.findings,
    }


def record_outlet(store: Store, outlet: str, report: Report) -> None:
    """Add a new article to its outlet's profile. Call once per article, inside the transaction that stores it."""
    db.add_outlet_counts(store, outlet, article_counts(report))


def _labels(members: list[tuple[int, int, str, int]]) -> list[Hashable]:
    """Independence label per member: syndication group and outlet joined (copies and one outlet count once)."""
    union = compare.UnionFind()
    for i, (_, _, outlet, group) in enumerate(members):
        union.union(("m", i), ("g", group))
        union.union(("m", i), ("o", outlet))
    return [union.find(("m", i)) for i in range(len(members))]


def _single_source_claims(reports: list[Report], outlets: list[str], article_ids: dict[str, int]) -> list[AlignedClaim]:
    """One independent outlet: every claim is single-source; copies' identical sentences are one claim."""
    by_text: dict[str, list[ClaimText]] = {}
    for report, outlet in zip(reports, outlets):
        article_id = article_ids[report.provenance.content_hash]
        for claim in report.claims:
            key = " ".join(claim.span.text.split()).lower()
            members = by_text.setdefault(key, [])
            if all(m.article_id != article_id for m in members):
                members.append(ClaimText(article_id, outlet, claim.span.start, claim.span.end, claim.span.text))
    ordered = sorted(by_text.values(), key=lambda ms: (ms[0].outlet, ms[0].start))
    return [
        AlignedClaim(
            alignment_id=number,
            status=SINGLE,
            independent_outlets=1,
            outlets=sorted({m.outlet for m in members}),
            about=[],
            text=members[0].text,
            members=members,
        )
        for number, members in enumerate(ordered, 1)
    ]


def refresh_story(store: Store, story_id: int, *, nlp: Any = None) -> dict[ClaimStatus, int]:
    """Recompute and store one story's aligned claims; returns its counts by status.

    The comparison runs outside any lock; its result is written only if no other run stored a newer one meanwhile,
    and the story stays stale (``store.corpus.stale_stories``) if a member joined or left while it ran."""
    revision = db.story_revision(store, story_id)  # before the members: see story_revision
    if revision is None:
        return {CORROBORATED: 0, CONTRADICTED: 0, SINGLE: 0}  # forgotten meanwhile
    members = db.member_reports(store, story_id)
    # The earliest MAX_ALIGN_TEXTS distinct texts, with every copy of them.
    groups: list[int] = []
    for _, _, _, group in members:
        if group not in groups:
            groups.append(group)
    kept_groups = set(groups[:MAX_ALIGN_TEXTS])
    members = [m for m in members if m[3] in kept_groups]
    reports, article_ids, syndication = [], {}, {}
    for article_id, report_id, outlet, group in members:
        report = store.get(report_id)
        report.article.outlet = outlet  # count and show outlets by the corpus key, as story members are
        reports.append(report)
        article_ids[report.provenance.content_hash] = article_id
        syndication[report.provenance.content_hash] = group
    outlets = [m[2] for m in members]
    if len(set(_labels(members))) <= 1:
        claims = _single_source_claims(reports, outlets, article_ids)
    else:
        claims = compare.compare_story(reports, syndication=syndication, nlp=nlp).aligned_claims(article_ids)
    with db.transaction(store):
        db.replace_story_claims(store, story_id, claims, revision)
    tally: dict[ClaimStatus, int] = {CORROBORATED: 0, CONTRADICTED: 0, SINGLE: 0}
    for claim in claims:
        tally[claim.status] += 1
    return tally
