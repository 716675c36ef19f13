"""Queries over the ``factchecks`` table: imported ClaimReview verdicts (see ``presslint.corpus.claimreview``).

Matching reads the signature index, not the table: ``factcheck_terms`` maps each reviewed claim's signature words
(``claimreview.signature``) to its row, ``factcheck_words`` counts in how many reviewed claims a word occurs (which
words are rare), and ``factcheck_indexed`` records which rows are indexed and their content words. The
three tables (migration 5) are derived data, filled on import (and for rows an older presslint imported, on the first
match), so a row without them is never wrong, only indexed once. SQLite errors become coded errors (``faults``).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from ..model import FactCheck
from ..nlp.claimwords import MIN_CONTENT_WORDS, MIN_COVERAGE, content_words, signature
from .faults import guarded
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


_BATCH = 500  # variables per IN (...) query, under SQLite's limit


@guarded("write")
def save_factchecks(store: Store, factchecks) -> tuple[int, int]:
    """Insert or update fact-checks by their URL and index them, in one transaction; returns (new, updated)."""
    new = updated = 0
    placeholders = ", ".join("?" for _ in _COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "url")
    with store._transaction():
        saved = []
        for fc in factchecks:
            exists = store.conn.execute("SELECT 1 FROM factchecks WHERE url = ?", (fc.url,)).fetchone()
            (row_id,) = store.conn.execute(
                f"""INSERT INTO factchecks ({", ".join(_COLUMNS)}, imported_at) VALUES ({placeholders}, ?)
                    ON CONFLICT (url) DO UPDATE SET {updates}, imported_at = excluded.imported_at RETURNING id""",
                (*(getattr(fc, c) for c in _COLUMNS), now()),
            ).fetchone()
            saved.append((row_id, fc.claim_reviewed))
            updated += bool(exists)
            new += not exists
        _index(store, saved)
    return new, updated


def _index(store: Store, rows: list[tuple[int, str]]) -> None:
    """Signatures of (row id, reviewed claim) pairs, replacing any a row had (inside the caller's transaction)."""
    conn = store.conn
    words = {row_id: content_words(claim) for row_id, claim in rows}
    ids = list(words)
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM factcheck_terms WHERE factcheck_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM factcheck_indexed WHERE factcheck_id IN ({marks})", chunk)
    conn.executemany(
        "INSERT INTO factcheck_words (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
        ((term,) for terms in words.values() for term in terms),
    )
    vocabulary = sorted({term for terms in words.values() for term in terms})
    df: dict[str, int] = {}
    for chunk in _chunks(vocabulary):
        marks = ", ".join("?" * len(chunk))
        df.update(conn.execute(f"SELECT term, df FROM factcheck_words WHERE term IN ({marks})", chunk).fetchall())
    conn.executemany(
        "INSERT INTO factcheck_terms (term, factcheck_id) VALUES (?, ?)",
        (
            (term, row_id)
            for row_id, terms in words.items()
            if len(terms) >= MIN_CONTENT_WORDS
            for term in signature(terms, df.__getitem__)
        ),
    )
    conn.executemany(
        "INSERT INTO factcheck_indexed (factcheck_id, words) VALUES (?, ?)",
        ((i, " ".join(sorted(t))) for i, t in words.items()),
    )


def _chunks(items: list, size: int = _BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_CHECKED: weakref.WeakSet = weakref.WeakSet()  # stores whose every row was seen indexed in this process


@guarded("write")
def ensure_index(store: Store) -> int:
    """Index the rows that have no signature yet (imported by an older presslint); returns how many. The first call
    per store compares counts; later ones only the largest ids (two index lookups), so a check stays cheap."""
    (latest,) = store.conn.execute("SELECT coalesce(max(id), 0) FROM factchecks").fetchone()
    (indexed,) = store.conn.execute("SELECT coalesce(max(factcheck_id), 0) FROM factcheck_indexed").fetchone()
    if latest == indexed and (store in _CHECKED or count_indexed(store) == count_factchecks(store)):
        _CHECKED.add(store)
        return 0
    with store._transaction():
        rows = store.conn.execute(
            """SELECT f.id, f.claim_reviewed FROM factchecks f
               LEFT JOIN factcheck_indexed i ON i.factcheck_id = f.id WHERE i.factcheck_id IS NULL"""
        ).fetchall()
        _index(store, [(row[0], row[1]) for row in rows])
    _CHECKED.add(store)
    return len(rows)


@guarded("read")
def any_indexed(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM factcheck_indexed LIMIT 1").fetchone() is not None


@guarded("read")
def count_indexed(store: Store) -> int:
    """Indexed fact-checks (every imported one once ``ensure_index`` ran)."""
    return store.conn.execute("SELECT count(*) FROM factcheck_indexed").fetchone()[0]


@guarded("read")
def candidates(store: Store, words: set[str]) -> list[tuple]:
    """(FactCheck, its content words) for every reviewed claim whose signature shares a word with ``words`` and
    that ``words`` cover enough of (MIN_COVERAGE): the only ones a sentence with these content words can match.
    Coverage is checked on the stored word lists, so only the survivors' rows are read."""
    ids: set[int] = set()
    for chunk in _chunks(sorted(words)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT DISTINCT factcheck_id FROM factcheck_terms WHERE term IN ({marks})"
        ids.update(row[0] for row in store.conn.execute(sql, chunk))
    covered: dict[int, set[str]] = {}
    for chunk in _chunks(sorted(ids)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT factcheck_id, words FROM factcheck_indexed WHERE factcheck_id IN ({marks})"
        for row_id, text in store.conn.execute(sql, chunk):
            fc_words = set(text.split())
            if fc_words and len(fc_words & words) >= MIN_COVERAGE * len(fc_words):
                covered[row_id] = fc_words
    found: list[tuple] = []
    for chunk in _chunks(sorted(covered)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, {', '.join(_COLUMNS)} FROM factchecks WHERE id IN ({marks})"
        found.extend((FactCheck(**dict(row)), covered[row["id"]]) for row in store.conn.execute(sql, chunk))
    return found


@guarded("read")
def load_factchecks(store: Store, *, limit: int | None = None, offset: int = 0) -> list[FactCheck]:
    """Stored fact-checks, newest import first."""
    sql = f"SELECT id, {', '.join(_COLUMNS)} FROM factchecks ORDER BY imported_at DESC, id DESC"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (limit, offset)
    return [FactCheck(**dict(row)) for row in store.conn.execute(sql, params)]


@guarded("read")
def count_factchecks(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM factchecks").fetchone()[0]
