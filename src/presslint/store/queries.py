"""The ``Store``: reports saved by (content hash, presslint version, config hash, publication date).

Every write is its own transaction, so a batch that fails half-way keeps everything stored before the failure.
SQLite errors from every method become coded errors (``store.faults``: E402 opening, E407 reading, E406 writing,
E408 a damaged file) for the caller to report; none escapes as a ``sqlite3.Error``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

from ..errors import E, PresslintError
from ..model import HistoryRow, Report
from . import faults
from .faults import Transaction, coded, guarded
from .schema import LATEST, applied, migrate, now

MEMORY = ":memory:"
MIN_HASH_PREFIX = 6  # shorter hash prefixes are too easy to mistype into the wrong article
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing (and would overflow the driver)


def severity_counts(report: Report) -> Counter:
    return Counter(f.severity for f in report.findings)


class Store:
    """SQLite store of articles and reports. ``Store(":memory:")`` for tests; use as a context manager to close.

    ``timeout``: seconds to wait for another process's lock before a write fails with E406 (default
    ``faults.BUSY_TIMEOUT``, 10 s).
    """

    conn: sqlite3.Connection

    def __init__(self, path: str | Path = MEMORY, *, timeout: float | None = None) -> None:
        self.path = str(path)
        self.timeout = timeout = faults.BUSY_TIMEOUT if timeout is None else timeout
        conn: sqlite3.Connection | None = None
        try:
            if self.path != MEMORY:
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we open transactions ourselves (each migration, each save).
            conn = self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != MEMORY:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            self._check_version()
            migrate(conn)
        except (sqlite3.Error, OSError, PresslintError) as err:
            if conn is not None:
                conn.close()
            if isinstance(err, PresslintError):
                raise
            if isinstance(err, sqlite3.Error):
                raise coded(err, self.path, "open", timeout) from err
            raise PresslintError(E.E402, path=self.path, reason=err) from err

    def _check_version(self) -> None:
        exists = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone()
        found = max(applied(self.conn), default=0) if exists else 0
        if found > LATEST:
            raise PresslintError(E.E405, path=self.path, found=found, known=LATEST)

    # -- context manager -------------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------------------------------
    @guarded("write")
    def save(self, report: Report) -> int:
        """Store the report (and its article, once); returns the report id and sets ``report.id``.

        Saving a report whose key is already stored keeps the stored one and returns its id (idempotent).
        """
        art, prov = report.article, report.provenance
        data = report.to_dict()
        data.pop("id", None)
        data["article"].pop("text", None)
        counts = severity_counts(report)
        with self._transaction():
            self.conn.execute(
                """INSERT INTO articles (content_hash, title, origin, url, outlet, date, language, text, first_seen)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING""",
                (
                    prov.content_hash,
                    art.title,
                    art.origin,
                    art.url,
                    art.outlet,
                    art.date,
                    art.language,
                    art.text,
                    now(),
                ),
            )
            article_id = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (prov.content_hash,)
            ).fetchone()[0]
            self.conn.execute(
                """INSERT INTO reports (article_id, presslint_version, config_hash, publication_date, created_at,
                                        errors, warnings, infos, report_json)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (article_id, presslint_version, config_hash, publication_date) DO NOTHING""",
                (
                    article_id,
                    prov.presslint_version,
                    prov.config_hash,
                    prov.publication_date,
                    now(),
                    counts["error"],
                    counts["warning"],
                    counts["info"],
                    json.dumps(data, ensure_ascii=False, default=str),
                ),
            )
            report_id = self.conn.execute(
                """SELECT id FROM reports WHERE article_id = ? AND presslint_version = ? AND config_hash = ?
                   AND publication_date = ?""",
                (article_id, prov.presslint_version, prov.config_hash, prov.publication_date),
            ).fetchone()[0]
        report.id = report_id
        return report_id

    @guarded("write")
    def forget(self, key: int | str) -> int:
        """Delete an article and all its reports; ``key`` is a report id or an article content hash (or prefix).

        Returns how many reports were deleted; raises E403 when nothing matches, E404 when a prefix is ambiguous,
        E409 when the article belongs to the ingested corpus (``presslint.corpus.forget`` also updates its story,
        syndication group and outlet profile).
        """
        article_id = self._article_for(key)
        with self._transaction():
            if self.conn.execute("SELECT 1 FROM corpus_articles WHERE article_id = ?", (article_id,)).fetchone():
                raise PresslintError(E.E409, key=key)
            deleted = self.delete_article(article_id)
        return deleted

    def delete_article(self, article_id: int) -> int:
        """Delete one article row (its reports and corpus rows go with it); returns how many reports it had. Call
        inside a transaction."""
        deleted = self.conn.execute("SELECT count(*) FROM reports WHERE article_id = ?", (article_id,)).fetchone()[0]
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # reports: ON DELETE CASCADE
        return deleted

    @guarded("read")
    def article_for(self, key: int | str) -> int:
        """The article id a ``forget`` key names (a report id, a content hash or a prefix of one); E403/E404."""
        return self._article_for(key)

    def _article_for(self, key: int | str) -> int:
        text = str(key).strip().lower()
        if text.isdigit() and int(text) <= MAX_ID:
            row = self.conn.execute("SELECT article_id FROM reports WHERE id = ?", (int(text),)).fetchone()
            if row:
                return row[0]
        if len(text) >= MIN_HASH_PREFIX and all(c in "0123456789abcdef" for c in text):
            rows = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash LIKE ? LIMIT 2", (text + "%",)
            ).fetchall()
            if len(rows) > 1:
                count = self.conn.execute(
                    "SELECT count(*) FROM articles WHERE content_hash LIKE ?", (text + "%",)
                ).fetchone()[0]
                raise PresslintError(E.E404, key=key, count=count)
            if rows:
                return rows[0][0]
        raise PresslintError(E.E403, key=key)

    # -- reads -----------------------------------------------------------------------------------------------------
    @guarded("read")
    def get(self, report_id: int | str) -> Report:
        try:
            number = int(report_id)
        except (TypeError, ValueError):
            raise PresslintError(E.E401, id=report_id) from None
        if not 0 <= number <= MAX_ID:
            raise PresslintError(E.E401, id=report_id)
        row = self.conn.execute(
            "SELECT r.id, r.report_json, a.text FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.id = ?",
            (number,),
        ).fetchone()
        if row is None:
            raise PresslintError(E.E401, id=report_id)
        return self._load(row)

    @guarded("read")
    def find(
        self, content_hash: str, presslint_version: str, config_hash: str, publication_date: str | None = None
    ) -> Report | None:
        """The stored report for this text, version and config (and publication date, when given), or None."""
        sql = """SELECT r.id, r.report_json, a.text FROM reports r JOIN articles a ON a.id = r.article_id
                 WHERE a.content_hash = ? AND r.presslint_version = ? AND r.config_hash = ?"""
        params: list[str] = [content_hash, presslint_version, config_hash]
        if publication_date is not None:
            sql += " AND r.publication_date = ?"
            params.append(publication_date)
        row = self.conn.execute(sql + " ORDER BY r.id DESC LIMIT 1", params).fetchone()
        return self._load(row) if row else None

    @guarded("read")
    def history(self, limit: int = 20, offset: int = 0) -> list[HistoryRow]:
        """Reports, newest first."""
        rows = self.conn.execute(
            """SELECT r.id, r.created_at, a.title, a.origin, a.content_hash, r.presslint_version, r.config_hash,
                      r.errors, r.warnings, r.infos
               FROM reports r JOIN articles a ON a.id = r.article_id
               ORDER BY r.id DESC LIMIT ? OFFSET ?""",
            (min(limit, MAX_ID), min(offset, MAX_ID)),  # past the end: an empty list
        ).fetchall()
        return [HistoryRow(**dict(row)) for row in rows]

    @guarded("read")
    def count(self, table: str = "reports") -> int:
        if table not in ("reports", "articles", "migrations"):
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- helpers ---------------------------------------------------------------------------------------------------
    @staticmethod
    def _load(row: sqlite3.Row) -> Report:
        data = json.loads(row["report_json"])
        data["article"]["text"] = row["text"]
        report = Report.from_dict(data)
        report.id = row["id"]
        return report

    def _transaction(self) -> Transaction:
        return Transaction(self)
