"""Many articles: ingest at volume, near-duplicate (syndication) detection and incremental story clustering.

    >>> from presslint.corpus.batch import ingest
    >>> with Store(path) as store:
    ...     summary = ingest(["feeds.opml", "crawl.warc.gz"], store=store, settings=settings)

Readers (``feeds``, ``warc``, ``sources``) turn inputs into ``Article``s or ``IngestFailure``s; ``dedup`` finds wire
copies with MinHash/LSH; ``stories`` places each new article in an existing story or starts one; the tables live in
``store.corpus``. Optional dependencies: ``pip install presslint[corpus]``.
"""
from __future__ import annotations

from .views import list_stories, story_view

__all__ = ["list_stories", "story_view"]
