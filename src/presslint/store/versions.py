"""Queries over ``article_versions``: every distinct text seen at one URL (see ``presslint.corpus.versions``)."""

from __future__ import annotations

import hashlib

from ..model import Article, ArticleVersion
from .faults import guarded
from .queries import Store
from .schema import now


@guarded("write")
def record_version(store: Store, article: Article, *, seen_at: str | None = None) -> bool:
    """Keep this text as a version of ``article.url``; True when it is a new text for that URL.

    Articles without a URL have no identity across fetches and are not recorded.
    """
    if not article.url:
        return False
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    with store._transaction():
        cursor = store.conn.execute(
            """INSERT INTO article_versions (url, content_hash, seen_at, title, date, text)
               VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url, content_hash) DO NOTHING""",
            (article.url, digest, seen_at or now(), article.title, article.date, article.text),
        )
    return cursor.rowcount == 1


@guarded("read")
def versions(store: Store, url: str) -> list[ArticleVersion]:
    """Versions of one URL, oldest first."""
    rows = store.conn.execute(
        """SELECT url, content_hash, seen_at, title, date, text FROM article_versions WHERE url = ?
           ORDER BY seen_at, id""",
        (url,),
    ).fetchall()
    return [ArticleVersion(**dict(row)) for row in rows]


@guarded("read")
def changed_urls(store: Store, limit: int = 50) -> list[tuple[str, int]]:
    """URLs seen with more than one text, most versions first."""
    rows = store.conn.execute(
        """SELECT url, count(*) AS n FROM article_versions GROUP BY url HAVING n > 1 ORDER BY n DESC, url LIMIT ?""",
        (limit,),
    ).fetchall()
    return [(row["url"], row["n"]) for row in rows]
