"""Schema of the SQLite store as numbered migrations, recorded in a ``migrations`` table (as sqlite-utils does).

A migration is a list of statements applied in one transaction together with its row in ``migrations``, so a store
is never left half-migrated. Append new migrations; never edit one that has shipped.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles and reports",
        (
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,  -- sha256 of Article.text
                title TEXT,
                origin TEXT,
                url TEXT,
                outlet TEXT,
                date TEXT,
                language TEXT,
                text TEXT NOT NULL,
                first_seen TEXT NOT NULL
            )""",
            # publication_date is part of the key: the same text checked as of another date can give other
            # findings (dates after publication), so it must not be served from a report made for another date.
            """CREATE TABLE reports (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                presslint_version TEXT NOT NULL,
                config_hash TEXT NOT NULL,
                publication_date TEXT NOT NULL,
                created_at TEXT NOT NULL,
                errors INTEGER NOT NULL DEFAULT 0,
                warnings INTEGER NOT NULL DEFAULT 0,
                infos INTEGER NOT NULL DEFAULT 0,
                report_json TEXT NOT NULL,  -- Report.to_dict() without article.text (kept once, in articles)
                UNIQUE (article_id, presslint_version, config_hash, publication_date)
            )""",
            "CREATE INDEX reports_article ON reports(article_id)",
            "CREATE INDEX reports_created ON reports(created_at)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].number


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def applied(conn: sqlite3.Connection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT number FROM migrations ORDER BY number")]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations not yet recorded; returns the numbers applied now. ``conn`` must be in autocommit mode."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done_now: list[int] = []
    for migration in MIGRATIONS:
        if migration.number in applied(conn):
            continue
        # IMMEDIATE takes the write lock first, so two processes opening a new store do not both migrate.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM migrations WHERE number = ?", (migration.number,)).fetchone():
                conn.execute("ROLLBACK")
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                (migration.number, migration.name, now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done_now.append(migration.number)
    return done_now
