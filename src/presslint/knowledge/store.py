"""The local knowledge store: Wikidata entities in SQLite, with a blocking-key index for candidate lookup.

Tables: ``entities`` (numeric QID, English label, description, sitelink count, P31 types), ``names`` (every label,
alias and short name with its language and match key), ``name_keys`` (blocking key -> name row; the index candidates
come from), ``statements`` (property, value, qualifiers as JSON, rank), ``meta`` (import state). Numeric ids keep it
compact: ~60 bytes per name row plus indexes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, PresslintError
from .keys import name_key, token_keys
from .wikidata import EntityRecord, Statement

TABLES = """
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,          -- numeric part of the QID
    label TEXT, description TEXT, sitelinks INTEGER NOT NULL DEFAULT 0,
    types TEXT NOT NULL DEFAULT ''   -- space-separated P31 values, e.g. "Q5"
);
CREATE TABLE IF NOT EXISTS names (
    rowid INTEGER PRIMARY KEY, entity INTEGER NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL,
    kind TEXT NOT NULL, key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS name_keys (key TEXT NOT NULL, name INTEGER NOT NULL, PRIMARY KEY (key, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
    entity INTEGER NOT NULL, pid TEXT NOT NULL, value TEXT NOT NULL, qualifiers TEXT, rank TEXT NOT NULL DEFAULT 'normal'
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS redirects (id INTEGER PRIMARY KEY, target INTEGER NOT NULL);  -- merged id -> kept id
"""
# Created after the tables; a bulk loader (synthetic.py) creates them only once the rows are in.
INDEXES = """
CREATE INDEX IF NOT EXISTS names_entity ON names(entity);
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS statements_entity ON statements(entity, pid);
CREATE INDEX IF NOT EXISTS statements_value ON statements(pid, value);
"""
SCHEMA = TABLES + INDEXES

# One row of each table as ``executemany`` writes it (column order of the INSERTs below).
EntityRow = tuple[int, str | None, str | None, int, str]  # id, label, description, sitelinks, types
NameRow = tuple[int, int, str, str, str, str]  # rowid, entity, text, lang, kind, key
KeyRow = tuple[str, int]  # key, name rowid
StatementRow = tuple[int, str, str, str | None, str]  # entity, pid, value JSON, qualifiers JSON, rank


def qid_num(qid: str) -> int:
    return int(qid.lstrip("QqPp"))


@dataclass(slots=True)
class Candidate:
    qid: str
    label: str | None
    matched: str  # the label/alias that matched
    kind: str  # label | alias | short
    sitelinks: int
    types: tuple[str, ...]


class KnowledgeBase:
    """A Wikidata subset in SQLite. ``KnowledgeBase(":memory:")`` for tests."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly and self.path != ":memory:":
            try:
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                self.db.execute("SELECT 1 FROM entities LIMIT 1")
            except sqlite3.DatabaseError as err:
                raise PresslintError(E.E605, path=self.path, reason=err) from err
        else:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            try:
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript(SCHEMA)
            except sqlite3.DatabaseError as err:
                raise PresslintError(E.E605, path=self.path, reason=err) from err
        self.db.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------------------------
    def add(self, records: Iterable[EntityRecord], *, meta: dict[str, Any] | None = None) -> int:
        """Insert or replace entities (one transaction for the batch). Returns how many were written.

        Rows go in with one ``executemany`` per table (name rowids assigned here, so blocking keys need no
        per-name round trip). ``meta`` entries are written in the same transaction, so an importer's checkpoint never
        runs ahead of (or behind) the rows it describes.
        """
        batch = list({qid_num(r.qid): r for r in records}.items())  # the last record of a QID wins
        with self.db:
            for i in range(0, len(batch), 500):
                ids = [eid for eid, _ in batch[i : i + 500]]
                marks = ",".join("?" * len(ids))
                for (eid,) in self.db.execute(f"SELECT id FROM entities WHERE id IN ({marks})", ids).fetchall():
                    self.delete(f"Q{eid}", commit=False)
            next_row = (self.db.execute("SELECT MAX(rowid) FROM names").fetchone()[0] or 0) + 1
            entities: list[EntityRow] = []
            names: list[NameRow] = []
            keys: list[KeyRow] = []
            statements: list[StatementRow] = []
            redirects = [(qid_num(old), eid) for eid, rec in batch for old in rec.redirected_from]
            for eid, rec in batch:
                types = " ".join(str(v) for v in rec.values("P31") if isinstance(v, str))
                entities.append((eid, rec.label, rec.description, rec.sitelinks, types))
                for text, lang, kind in rec.names:
                    names.append((next_row, eid, text, lang, kind, name_key(text)))
                    keys.extend((k, next_row) for k in token_keys(text))
                    next_row += 1
                statements.extend(
                    (
                        eid,
                        s.pid,
                        json.dumps(s.value, ensure_ascii=False),
                        json.dumps(s.qualifiers) if s.qualifiers else None,
                        s.rank,
                    )
                    for s in rec.statements
                )
            self.db.executemany(
                "INSERT INTO entities(id, label, description, sitelinks, types) VALUES (?,?,?,?,?)", entities
            )
            self.db.executemany("INSERT INTO names(rowid, entity, text, lang, kind, key) VALUES (?,?,?,?,?,?)", names)
            self.db.executemany("INSERT OR IGNORE INTO name_keys(key, name) VALUES (?,?)", keys)
            self.db.executemany(
                "INSERT INTO statements(entity, pid, value, qualifiers, rank) VALUES (?,?,?,?,?)", statements
            )
            self.db.executemany("INSERT OR REPLACE INTO redirects(id, target) VALUES (?,?)", redirects)
            for key, value in (meta or {}).items():
                self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, json.dumps(value)))
        return len(batch)

    def delete(self, qid: str, *, commit: bool = True) -> None:
        eid = qid_num(qid)
        self.db.execute("DELETE FROM name_keys WHERE name IN (SELECT rowid FROM names WHERE entity=?)", (eid,))
        for table, col in (("names", "entity"), ("statements", "entity"), ("entities", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {col}=?", (eid,))
        if commit:
            self.db.commit()

    def set_meta(self, key: str, value: Any) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, json.dumps(value)))

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    # -- reading ---------------------------------------------------------------------------------------------
    def has(self, qid: str) -> bool:
        found = self.db.execute("SELECT 1 FROM entities WHERE id=?", (qid_num(qid),)).fetchone() is not None
        return found or self.resolve(qid) != qid

    MAX_BUCKET = 5000  # a blocking key shared by more names than this is too common to drive a lookup

    def key_bucket(self, key: str) -> int:
        """How many names share a blocking key, counted up to ``MAX_BUCKET + 1`` (cached: keys recur)."""
        buckets = self.__dict__.setdefault("_buckets", {})
        size = buckets.get(key)
        if size is None:
            size = self.db.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM name_keys WHERE key=? LIMIT ?)", (key, self.MAX_BUCKET + 1)
            ).fetchone()[0]
            buckets[key] = size
        return size

    def fuzzy_names(self, text: str, *, limit: int = 200) -> list[tuple[str, str]]:
        """(qid, name) of names sharing every blocking key of ``text``, read from the key index.

        The rarest key drives the lookup and the other keys are probed by primary key, so the cost follows the
        rarest key's bucket; a name whose rarest key is shared by more than ``MAX_BUCKET`` names is too common to
        fuzzy-match and gets nothing here (exact matches still work through ``exact``).
        """
        keys = sorted(token_keys(text), key=self.key_bucket)
        if not keys or self.key_bucket(keys[0]) > self.MAX_BUCKET:
            return []
        probes = " ".join(
            f"AND EXISTS (SELECT 1 FROM name_keys b{i} WHERE b{i}.key=? AND b{i}.name=a.name)"
            for i in range(1, len(keys))
        )
        rows = self.db.execute(
            f"SELECT n.entity, n.text FROM name_keys a JOIN names n ON n.rowid=a.name WHERE a.key=? {probes} LIMIT ?",
            (*keys, limit),
        ).fetchall()
        return [(f"Q{e}", t) for e, t in rows]

    def candidates(self, mention: str, *, limit: int = 50) -> list[Candidate]:
        """Entities with a name sharing a blocking key with ``mention``, most keys shared first, then most sitelinks.

        The rarest key that has names (and is not too common) drives the lookup, so the cost follows one bucket.
        """
        keys = sorted(token_keys(mention), key=self.key_bucket)
        usable = [k for k in keys if 0 < self.key_bucket(k) <= self.MAX_BUCKET]
        if not usable:
            return []
        driver, others = usable[0], [k for k in keys if k != usable[0]]
        shared = (
            f"(SELECT COUNT(*) FROM name_keys b WHERE b.name=a.name AND b.key IN ({','.join('?' * len(others))}))"
            if others
            else "0"
        )
        rows = self.db.execute(
            f"""SELECT n.entity, e.label, n.text, n.kind, e.sitelinks, e.types, {shared} AS hits
                FROM name_keys a JOIN names n ON n.rowid = a.name JOIN entities e ON e.id = n.entity
                WHERE a.key = ? ORDER BY hits DESC, e.sitelinks DESC LIMIT ?""",
            (*others, driver, limit * 4),
        ).fetchall()
        out: dict[int, Candidate] = {}
        for eid, label, text, kind, sitelinks, types, _hits in rows:
            out.setdefault(eid, Candidate(f"Q{eid}", label, text, kind, sitelinks, tuple(types.split())))
        return list(out.values())[:limit]

    def exact(self, name: str) -> list[Candidate]:
        """Entities with a name whose match key equals ``name``'s (e.g. acronyms, exact labels)."""
        rows = self.db.execute(
            """SELECT n.entity, e.label, n.text, n.kind, e.sitelinks, e.types FROM names n JOIN entities e ON e.id=n.entity
               WHERE n.key=? ORDER BY e.sitelinks DESC""",
            (name_key(name),),
        ).fetchall()
        out: dict[int, Candidate] = {}
        for eid, label, text, kind, sitelinks, types in rows:
            out.setdefault(eid, Candidate(f"Q{eid}", label, text, kind, sitelinks, tuple(types.split())))
        return list(out.values())

    def resolve(self, qid: str) -> str:
        """The id an entity is stored under: ``qid`` itself, or the item it was merged into (a redirect)."""
        try:
            row = self.db.execute("SELECT target FROM redirects WHERE id=?", (qid_num(qid),)).fetchone()
        except sqlite3.OperationalError:  # a store written before redirects were kept, opened read-only
            return qid
        return f"Q{row[0]}" if row else qid

    def entity(self, qid: str) -> EntityRecord | None:
        eid = qid_num(qid)
        row = self.db.execute("SELECT label, description, sitelinks FROM entities WHERE id=?", (eid,)).fetchone()
        if row is None:
            target = self.resolve(qid)
            return self.entity(target) if target != qid else None
        names = [tuple(r) for r in self.db.execute("SELECT text, lang, kind FROM names WHERE entity=?", (eid,))]
        statements = [
            Statement(pid, json.loads(value), json.loads(quals) if quals else {}, rank)
            for pid, value, quals, rank in self.db.execute(
                "SELECT pid, value, qualifiers, rank FROM statements WHERE entity=?", (eid,)
            )
        ]
        return EntityRecord(
            qid=f"Q{eid}", label=row[0], description=row[1], names=names, statements=statements, sitelinks=row[2]
        )

    def holders(self, position_qid: str) -> list[tuple[str, Statement]]:
        """Who held a position (P39 statements whose value is ``position_qid``), with the statement."""
        rows = self.db.execute(
            "SELECT entity, value, qualifiers, rank FROM statements WHERE pid='P39' AND value=?",
            (json.dumps(position_qid),),
        ).fetchall()
        return [(f"Q{e}", Statement("P39", json.loads(v), json.loads(q) if q else {}, r)) for e, v, q, r in rows]

    def stats(self) -> dict[str, int]:
        """Row counts, and ``bytes``: the database's size (pages in use, WAL not included)."""
        page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
        page_count = self.db.execute("PRAGMA page_count").fetchone()[0]
        return {
            "entities": self.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
            "names": self.db.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "statements": self.db.execute("SELECT COUNT(*) FROM statements").fetchone()[0],
            "bytes": page_size * page_count,
        }
