"""Queries over the ``factchecks`` table: imported ClaimReview verdicts (see ``presslint.corpus.claimreview``)."""

from __future__ import annotations

import sqlite3

from ..errors import E, PresslintError
from ..model import FactCheck
from .queries import Store
from .schema import now

_COLUMNS = (
    "url",
    "claim_reviewed",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "author",
    "claimant",
    "date_published",
    "language",
    "origin",
)


def save_factchecks(store: Store, factchecks) -> tuple[int, int]:
    """Insert or update fact-checks by their URL, in one transaction; returns (new, updated)."""
    new = updated = 0
    placeholders = ", ".join("?" for _ in _COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "url")
    try:
        with store._transaction():
            for fc in factchecks:
                exists = store.conn.execute("SELECT 1 FROM factchecks WHERE url = ?", (fc.url,)).fetchone()
                store.conn.execute(
                    f"""INSERT INTO factchecks ({", ".join(_COLUMNS)}, imported_at) VALUES ({placeholders}, ?)
                        ON CONFLICT (url) DO UPDATE SET {updates}, imported_at = excluded.imported_at""",
                    (*(getattr(fc, c) for c in _COLUMNS), now()),
                )
                updated += bool(exists)
                new += not exists
    except sqlite3.Error as err:
        raise PresslintError(E.E406, path=store.path, reason=err) from err
    return new, updated


def load_factchecks(store: Store, *, limit: int | None = None, offset: int = 0) -> list[FactCheck]:
    """Stored fact-checks, newest import first."""
    sql = f"SELECT id, {', '.join(_COLUMNS)} FROM factchecks ORDER BY imported_at DESC, id DESC"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (limit, offset)
    return [FactCheck(**dict(row)) for row in store.conn.execute(sql, params)]


def count_factchecks(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM factchecks").fetchone()[0]
