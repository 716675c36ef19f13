"""Many articles: ingest at volume, near-duplicate (syndication) detection and incremental story clustering.

    >>> from presslint.corpus.batch import ingest
    >>> with Store(path) as store:
    ...     summary = ingest(["feeds.opml", "crawl.warc.gz"], store=store, settings=settings)

Readers (``feeds``, ``warc``, ``sources``) turn inputs into ``Article``s or ``IngestFailure``s; ``dedup`` finds wire
copies with MinHash/LSH; ``stories`` places each new article in an existing story or starts one; the tables live in
``store.corpus``. When a member joins a story, ``alignments.refresh_story`` lines up that story's claims across outlets
(``compare.compare_story`` with the store's syndication groups) and stores them; ``alignments.record_outlet`` keeps
outlet profiles. ``story_view`` and ``list_stories`` (``views``) are the read side the CLI and the web app share.
``forget`` (``maintenance``) removes an article with every count derived from it; ``maintenance.repair`` compares
again the claims of stories a killed run left stale (``ingest`` runs it first).
Optional dependencies: ``pip install presslint[corpus]``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["forget", "list_stories", "story_view"]

# Imported on first use: every `presslint check` imports ``corpus.claimreview`` for the FCK rules, and importing
# ``maintenance`` here pulled in the store's corpus tables, story clustering, claim alignment and numpy-based dedup
# (~85 ms of a cold check) that a check with no corpus never runs.
_LAZY = {"forget": "maintenance", "list_stories": "views", "story_view": "views"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
