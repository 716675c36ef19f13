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

from ..model import Report
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
    union = compare._Union()
    for i, (_, _, outlet, group) in enumerate(members):
        union.union(("m", i), ("g", group))
        union.union(("m", i), ("o", outlet))
    return [union.find(("m", i)) for i in range(len(members))]


def _ref(ref: compare.ClaimRef, article_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "article_id": article_ids[ref.content_hash],
        "outlet": ref.outlet,
        "start": ref.span.start,
        "end": ref.span.end,
        "text": ref.span.text,
    }


def claim_rows(comparison: compare.StoryComparison, article_ids: dict[str, int]) -> list[dict]:
    """``compare_story``'s aligned claims as the dicts ``store.corpus.replace_story_claims`` writes."""
    out = []
    for c in comparison.claims:
        out.append(
            {
                "alignment_id": c.id,
                "status": c.status,
                "independent_outlets": c.independent_outlets,
                "about": list(c.about),
                "text": c.text,
                "sides": [
                    {"position": s.position, "outlets": sorted(set(s.outlets)), "independent": s.independent}
                    for s in c.sides
                ],
                "members": [{**_ref(m, article_ids), "position": m.position} for m in c.members],
                "conflicts": [
                    {
                        "kind": x.kind,
                        "what": x.what,
                        "reason": x.reason,
                        "a": {**_ref(x.a, article_ids), "value": x.a_value},
                        "b": {**_ref(x.b, article_ids), "value": x.b_value},
                    }
                    for x in c.conflicts
                ],
            }
        )
    return out


def _single_source_rows(reports: list[Report], outlets: list[str], article_ids: dict[str, int]) -> list[dict]:
    """One independent outlet: every claim is single-source; copies' identical sentences are one claim."""
    by_text: dict[str, dict] = {}
    for report, outlet in zip(reports, outlets):
        for claim in report.claims:
            key = " ".join(claim.span.text.split()).lower()
            row = by_text.setdefault(
                key,
                {
                    "status": compare.SINGLE,
                    "independent_outlets": 1,
                    "about": [],
                    "text": claim.span.text,
                    "sides": [],
                    "members": [],
                    "conflicts": [],
                },
            )
            article_id = article_ids[report.provenance.content_hash]
            if all(m["article_id"] != article_id for m in row["members"]):
                row["members"].append(
                    {
                        "article_id": article_id,
                        "outlet": outlet,
                        "start": claim.span.start,
                        "end": claim.span.end,
                        "text": claim.span.text,
                        "position": None,
                    }
                )
    rows = sorted(by_text.values(), key=lambda r: (r["members"][0]["outlet"], r["members"][0]["start"]))
    for number, row in enumerate(rows, 1):
        row["alignment_id"] = number
    return rows


def refresh_story(store: Store, story_id: int, *, nlp: Any = None) -> dict[str, int]:
    """Recompute and store one story's aligned claims; returns its counts by status."""
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
        rows = _single_source_rows(reports, outlets, article_ids)
    else:
        rows = claim_rows(compare.compare_story(reports, syndication=syndication, nlp=nlp), article_ids)
    with db.transaction(store):
        db.replace_story_claims(store, story_id, rows)
    tally = {compare.CORROBORATED: 0, compare.CONTRADICTED: 0, compare.SINGLE: 0}
    for row in rows:
        tally[row["status"]] += 1
    return tally
