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

from .maintenance import forget
from .views import list_stories, story_view

__all__ = ["forget", "list_stories", "story_view"]
