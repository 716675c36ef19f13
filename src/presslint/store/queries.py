"""The ``Store``: reports saved by (content hash, presslint version, config hash, publication date).

Every write is its own transaction, so a batch that fails half-way keeps everything stored before the failure.
SQLite errors become coded ``PresslintError``s (E4xx) for the CLI to print.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

from ..errors import E, PresslintError
from ..model import HistoryRow, Report
from .schema import LATEST, applied, migrate, now

MEMORY = ":memory:"
MIN_HASH_PREFIX = 6  # shorter hash prefixes are too easy to mistype into the wrong article


def severity_counts(report: Report) -> Counter:
    return Counter(f.severity for f in report.findings)


class Store:
    """SQLite store of articles and reports. ``Store(":memory:")`` for tests; use as a context manager to close."""

    def __init__(self, path: str | Path = MEMORY) -> None:
        self.path = str(path)
        self.conn: sqlite3.Connection | None = None
        try:
            if self.path != MEMORY:
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we open transactions ourselves (each migration, each save).
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != MEMORY:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._check_version()
            migrate(self.conn)
        except (sqlite3.Error, OSError, PresslintError) as err:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            if isinstance(err, PresslintError):
                raise
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
    def save(self, report: Report) -> int:
        """Store the report (and its article, once); returns the report id and sets ``report.id``.

        Saving a report whose key is already stored keeps the stored one and returns its id (idempotent).
        """
        art, prov = report.article, report.provenance
        data = report.to_dict()
        data.pop("id", None)
        data["article"].pop("text", None)
        counts = severity_counts(report)
        try:
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
        except sqlite3.Error as err:
            raise PresslintError(E.E406, path=self.path, reason=err) from err
        report.id = report_id
        return report_id

    def forget(self, key: int | str) -> int:
        """Delete an article and all its reports; ``key`` is a report id or an article content hash (or prefix).

        Returns how many reports were deleted; raises E403 when nothing matches, E404 when a prefix is ambiguous.
        """
        article_id = self._article_for(key)
        try:
            with self._transaction():
                deleted = self.conn.execute(
                    "SELECT count(*) FROM reports WHERE article_id = ?", (article_id,)
                ).fetchone()[0]
                self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # reports: ON DELETE CASCADE
        except sqlite3.Error as err:
            raise PresslintError(E.E406, path=self.path, reason=err) from err
        return deleted

    def _article_for(self, key: int | str) -> int:
        text = str(key).strip().lower()
        if text.isdigit():
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
    def get(self, report_id: int | str) -> Report:
        try:
            number = int(report_id)
        except (TypeError, ValueError):
            raise PresslintError(E.E401, id=report_id) from None
        row = self.conn.execute(
            "SELECT r.id, r.report_json, a.text FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.id = ?",
            (number,),
        ).fetchone()
        if row is None:
            raise PresslintError(E.E401, id=report_id)
        return self._load(row)

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

    def history(self, limit: int = 20, offset: int = 0) -> list[HistoryRow]:
        """Reports, newest first."""
        rows = self.conn.execute(
            """SELECT r.id, r.created_at, a.title, a.origin, a.content_hash, r.presslint_version, r.config_hash,
                      r.errors, r.warnings, r.infos
               FROM reports r JOIN articles a ON a.id = r.article_id
               ORDER BY r.id DESC LIMIT ? OFFSET ?""",
            (limit, offset),
        ).fetchall()
        return [HistoryRow(**dict(row)) for row in rows]

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

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
