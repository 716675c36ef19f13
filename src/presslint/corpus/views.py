"""JSON-ready views of stories for the CLI and the web app. Read-only: they format rows of ``store.corpus``.

``list_stories(store, since=None, limit=50) -> list[dict]``, latest first, one dict per story::

    {"id": 7, "first_date": "2024-03-04", "last_date": "2024-03-05", "headline": "...",
     "articles": 5,                 # member articles, syndicated copies included
     "outlets": 3,                  # independent outlets: syndicated copies and one outlet's articles count once
     "independent_outlets": 3,      # same number, the name story_view uses
     "corroborated": 4, "contradicted": 1, "single_source": 12}   # aligned claims, as of the last join

``story_view(store, story_id) -> dict | None`` (None when there is no such story)::

    {"id", "first_date", "last_date", "headline", "articles", "independent_outlets",
     "corroborated", "contradicted", "single_source",      # as in list_stories
     "syndication": [{"group": 3, "copies": 3, "outlets": ["a", "b", "c"],
                      "note": "3 syndicated copies count as one source"}],     # groups with more than one copy
     "outlets": [{"outlet": "daily ledger", "articles": [member, ...]}],      # outlet by outlet
         # member: {"article_id", "report_id", "outlet", "published", "headline", "url", "origin",
         #          "syndication_group_id", "group_members", "canonical", "similarity", "score", "joined_at",
         #          "errors", "warnings", "infos"}
     "claims": [claim, ...],        # contradicted first, then corroborated, then single-source
         # claim: {"alignment_id", "status": "corroborated"|"contradicted"|"single-source",
         #         "independent_outlets", "outlets": [...], "about": [...], "text",
         #         "members": [{"article_id", "outlet", "start", "end", "text", "position"}],
         #         "sides": [{"position", "outlets": [...], "independent"}],          # contradicted only
         #         "conflicts": [{"kind": "number"|"date"|"polarity", "what", "reason",
         #                        "a": {"article_id", "outlet", "start", "end", "text", "value"}, "b": {...}}]}
     "profiles": [{"outlet", "articles", "words", "sources", "anonymous_sources", "anonymous_source_rate",
                   "loaded_language", "loaded_language_per_1000_words", "findings", "findings_per_1000_words",
                   "updated_at"}]}  # store-wide profiles of the story's outlets

Outlets are corpus outlet keys (lower-cased outlet name, else the URL's host). Offsets (``start``/``end``) index the
member article's text. ``outlets`` is a list in ``story_view`` and a number in ``list_stories`` (kept for the
``stories --format json`` output); use ``independent_outlets`` for the number in both.
"""

from __future__ import annotations

from ..report.story import story_data
from ..store import Store
from ..store import corpus as db


def list_stories(store: Store, since: str | None = None, limit: int = 50) -> list[dict]:
    """Stories whose last article is on or after ``since`` (ISO date), latest first, at most ``limit``."""
    return [{**row.to_dict(), "independent_outlets": row.outlets} for row in db.stories_since(store, since, limit)]


def story_view(store: Store, story_id: int) -> dict | None:
    """One story outlet by outlet and claim by claim, with its outlets' profiles; None when it does not exist."""
    row = db.story(store, story_id)
    if row is None:
        return None
    data = story_data(row, db.story_members(store, story_id))
    data["claims"] = db.story_claims(store, story_id)
    data["profiles"] = db.outlet_profiles(store, [o["outlet"] for o in data["outlets"]])
    return data
