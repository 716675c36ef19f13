"""Queries over the corpus tables (migrations 2 and 4): syndication groups, LSH bands, stories, memberships, aligned
claims, outlet profiles, ingest errors.

Functions take an open ``Store``; writes that belong together run inside ``transaction(store)``. The clustering
logic lives in ``presslint.corpus``; this module only reads and writes rows, as the records of ``model.corpus``.
Every function turns SQLite errors into coded errors (``store.faults``).

Staleness: ``stories.revision`` grows with every change to a story's members or their syndication groups, and
``stories.claims_revision`` records the revision its aligned claims were computed for (migration 6), so aligned claims
a killed run never recomputed are found (``stale_stories``) and a slow comparison never overwrites a newer one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from ..model import (
    AlignedClaim,
    ClaimSide,
    ClaimText,
    Conflict,
    ConflictSide,
    IngestErrorRow,
    OutletProfile,
    Story,
    StoryMember,
)
from .faults import Transaction, guarded
from .queries import MAX_ID, Store
from .schema import now


def transaction(store: Store) -> Transaction:
    """BEGIN IMMEDIATE ... COMMIT around writes that belong together (ROLLBACK on any error)."""
    return Transaction(store)


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row a plain ``INSERT`` (not ``OR IGNORE``) just wrote. ``Cursor.lastrowid`` is ``None`` only
    before any INSERT on the cursor; an INSERT that wrote no row raised instead."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise RuntimeError("no row was inserted through this cursor")  # a programming error, never a data one
    return rowid


# -- ingest bookkeeping -------------------------------------------------------------------------------------------
@guarded("read")
def in_corpus(store: Store, article_id: int) -> bool:
    """Whether the article is already in the corpus (another process may have added it since it was checked)."""
    return (
        store.conn.execute("SELECT 1 FROM corpus_articles WHERE article_id = ?", (article_id,)).fetchone() is not None
    )


@guarded("read")
def known_hashes(store: Store, hashes: Iterable[str]) -> set[str]:
    """The content hashes among ``hashes`` that are already in the corpus (ingested, deduplicated, clustered)."""
    hashes = list(hashes)
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in store.conn.execute(
                f"""SELECT a.content_hash FROM articles a JOIN corpus_articles c ON c.article_id = a.id
                WHERE a.content_hash IN ({marks})""",
                chunk,
            )
        )
    return found


@guarded("write")
def record_error(store: Store, origin: str, code: str, message: str) -> None:
    with transaction(store):
        store.conn.execute(
            "INSERT INTO ingest_errors (origin, code, message, created_at) VALUES (?, ?, ?, ?)",
            (origin, code, message, now()),
        )


@guarded("read")
def errors(store: Store, since: str | None = None, limit: int = 100) -> list[IngestErrorRow]:
    rows = store.conn.execute(
        "SELECT id, origin, code, message, created_at FROM ingest_errors WHERE created_at >= ? ORDER BY id DESC LIMIT ?",
        (since or "", limit),
    ).fetchall()
    return [IngestErrorRow(**dict(r)) for r in rows]


@guarded("read")
def article_id(store: Store, content_hash: str) -> int | None:
    row = store.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    return row[0] if row else None


# -- syndication ------------------------------------------------------------------------------------------------
@guarded("read")
def band_candidates(store: Store, keys: list[tuple[int, int]]) -> list[tuple[int, bytes, int]]:
    """(article id, minhash blob, syndication group id) of articles sharing at least one LSH band key."""
    if not keys:
        return []
    where = " OR ".join("(b.band = ? AND b.key = ?)" for _ in keys)
    params = [v for pair in keys for v in pair]
    return [
        tuple(r)
        for r in store.conn.execute(
            f"""SELECT DISTINCT c.article_id, c.minhash, c.syndication_group_id
            FROM minhash_bands b JOIN corpus_articles c ON c.article_id = b.article_id WHERE {where}""",
            params,
        )
    ]


@guarded("write")
def create_group(store: Store, canonical_article_id: int, outlet: str) -> int:
    cur = store.conn.execute(
        "INSERT INTO syndication_groups (canonical_article_id, canonical_outlet, members, created_at) VALUES (?, ?, 0, ?)",
        (canonical_article_id, outlet, now()),
    )
    return inserted_id(cur)


@guarded("read")
def group_size(store: Store, group_id: int) -> int:
    row = store.conn.execute("SELECT members FROM syndication_groups WHERE id = ?", (group_id,)).fetchone()
    return row[0] if row else 0


@guarded("write")
def merge_groups(store: Store, keep: int, others: list[int]) -> list[int]:
    """Fold groups ``others`` into ``keep`` (a new copy matched texts of several groups: copies of copies are one
    text). Returns the stories whose independent-outlet counts were refreshed."""
    if not others:
        return []
    conn = store.conn
    marks = ",".join("?" * len(others))
    moved = conn.execute(
        f"SELECT count(*) FROM corpus_articles WHERE syndication_group_id IN ({marks})", others
    ).fetchone()[0]
    conn.execute(
        f"UPDATE corpus_articles SET syndication_group_id = ? WHERE syndication_group_id IN ({marks})", (keep, *others)
    )
    conn.execute("UPDATE syndication_groups SET members = members + ? WHERE id = ?", (moved, keep))
    conn.execute(f"DELETE FROM syndication_groups WHERE id IN ({marks})", others)
    story_ids = [
        r[0]
        for r in conn.execute(
            """SELECT DISTINCT m.story_id FROM corpus_articles c JOIN story_members m ON m.article_id = c.article_id
           WHERE c.syndication_group_id = ?""",
            (keep,),
        )
    ]
    _recount_outlets(store, story_ids)
    return story_ids


def _recount_outlets(store: Store, story_ids: Iterable[int]) -> None:
    """Independent outlets of these stories counted again; their claims become stale (a new revision)."""
    for story_id in story_ids:
        store.conn.execute(
            "UPDATE stories SET outlets = ?, revision = revision + 1 WHERE id = ?",
            (_independent_outlets(store, story_id), story_id),
        )


def _independent_outlets(store: Store, story_id: int) -> int:
    return store.conn.execute(
        """SELECT count(DISTINCT g.canonical_outlet) FROM story_members m
           JOIN corpus_articles c ON c.article_id = m.article_id
           JOIN syndication_groups g ON g.id = c.syndication_group_id WHERE m.story_id = ?""",
        (story_id,),
    ).fetchone()[0]


@guarded("write")
def insert_corpus_article(
    store: Store,
    *,
    article_id: int,
    report_id: int | None,
    outlet: str,
    published: str,
    date_known: bool,
    headline: str | None,
    group_id: int,
    similarity: float,
    minhash: bytes,
    embedding: bytes,
    entities: list[str],
    bands: list[tuple[int, int]],
) -> None:
    store.conn.execute(
        """INSERT INTO corpus_articles (article_id, report_id, outlet, published, date_known, headline,
               syndication_group_id, similarity, minhash, embedding, entities, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article_id,
            report_id,
            outlet,
            published,
            int(date_known),
            headline,
            group_id,
            similarity,
            minhash,
            embedding,
            json.dumps(entities, ensure_ascii=False),
            now(),
        ),
    )
    store.conn.execute("UPDATE syndication_groups SET members = members + 1 WHERE id = ?", (group_id,))
    store.conn.executemany(
        "INSERT OR IGNORE INTO minhash_bands (band, key, article_id) VALUES (?, ?, ?)",
        [(band, key, article_id) for band, key in bands],
    )


# -- stories ----------------------------------------------------------------------------------------------------
@guarded("read")
def story_of_group(store: Store, group_id: int) -> int | None:
    """The story an earlier copy of this text joined (copies follow their original)."""
    row = store.conn.execute(
        """SELECT m.story_id FROM corpus_articles c JOIN story_members m ON m.article_id = c.article_id
           WHERE c.syndication_group_id = ? ORDER BY c.article_id LIMIT 1""",
        (group_id,),
    ).fetchone()
    return row[0] if row else None


@guarded("read")
def candidate_stories(
    store: Store, entities: list[str], lo: str, hi: str, *, limit: int = 500
) -> list[tuple[int, bytes, int]]:
    """(story id, centroid blob, shared entities) for stories overlapping [lo, hi] that share an entity, most shared
    first; without entities, the stories of the window (most recent first)."""
    if entities:
        marks = ",".join("?" * len(entities))
        rows = store.conn.execute(
            f"""SELECT s.id, s.centroid, count(*) AS shared FROM story_entities e JOIN stories s ON s.id = e.story_id
                WHERE e.entity IN ({marks}) AND s.last_date >= ? AND s.first_date <= ?
                GROUP BY s.id ORDER BY shared DESC, s.last_date DESC LIMIT ?""",
            (*entities, lo, hi, limit),
        )
    else:
        rows = store.conn.execute(
            """SELECT id, centroid, 0 FROM stories WHERE last_date >= ? AND first_date <= ?
               ORDER BY last_date DESC LIMIT ?""",
            (lo, hi, limit),
        )
    return [tuple(r) for r in rows]


@guarded("write")
def create_story(store: Store, *, date: str, headline: str | None, centroid: bytes) -> int:
    stamp = now()
    cur = store.conn.execute(
        """INSERT INTO stories (first_date, last_date, headline, articles, outlets, centroid, created_at, updated_at)
           VALUES (?, ?, ?, 0, 0, ?, ?, ?)""",
        (date, date, headline, centroid, stamp, stamp),
    )
    return inserted_id(cur)


@guarded("read")
def story_centroid(store: Store, story_id: int) -> tuple[bytes, int]:
    row = store.conn.execute("SELECT centroid, articles FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0], row[1]


@guarded("write")
def add_member(
    store: Store,
    *,
    story_id: int,
    article_id: int,
    score: float,
    date: str,
    headline: str | None,
    centroid: bytes,
    entities: list[str],
) -> None:
    """Record the membership and bring the story's aggregates up to date (dates, earliest headline, counts)."""
    conn = store.conn
    conn.execute(
        "INSERT INTO story_members (article_id, story_id, score, joined_at) VALUES (?, ?, ?, ?)",
        (article_id, story_id, score, now()),
    )
    conn.executemany(
        """INSERT INTO story_entities (entity, story_id, mentions) VALUES (?, ?, 1)
           ON CONFLICT (entity, story_id) DO UPDATE SET mentions = mentions + 1""",
        [(e, story_id) for e in entities],
    )
    outlets = _independent_outlets(store, story_id)
    conn.execute(
        """UPDATE stories SET
               headline = CASE WHEN ? < first_date OR articles = 0 THEN ? ELSE headline END,
               first_date = min(first_date, ?), last_date = max(last_date, ?),
               articles = articles + 1, outlets = ?, centroid = ?, updated_at = ?, revision = revision + 1
           WHERE id = ?""",
        (date, headline, date, date, outlets, centroid, now(), story_id),
    )


_STORY_COLUMNS = """id, first_date, last_date, headline, articles, outlets AS independent_outlets, corroborated,
    contradicted, single_source"""  # the column ``outlets`` has always counted independent outlets


@guarded("read")
def stories_since(store: Store, since: str | None = None, limit: int = 50) -> list[Story]:
    """Stories active on or after ``since`` (their last date), latest first."""
    rows = store.conn.execute(
        f"""SELECT {_STORY_COLUMNS} FROM stories
           WHERE last_date >= ? ORDER BY last_date DESC, id DESC LIMIT ?""",
        (since or "", limit),
    ).fetchall()
    return [Story(**dict(r)) for r in rows]


@guarded("read")
def story(store: Store, story_id: int) -> Story | None:
    if not 0 <= story_id <= MAX_ID:
        return None
    row = store.conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
    return Story(**dict(row)) if row else None


@guarded("read")
def story_members(store: Store, story_id: int) -> list[StoryMember]:
    """Members of a story by outlet, then date, with their syndication group and finding counts."""
    rows = store.conn.execute(
        """SELECT c.article_id, c.report_id, c.outlet, c.published, c.headline, a.url, a.origin,
                  c.syndication_group_id, g.members AS group_members,
                  (g.canonical_article_id = c.article_id) AS canonical, c.similarity, m.score, m.joined_at,
                  coalesce(r.errors, 0) AS errors, coalesce(r.warnings, 0) AS warnings, coalesce(r.infos, 0) AS infos
           FROM story_members m
           JOIN corpus_articles c ON c.article_id = m.article_id
           JOIN articles a ON a.id = c.article_id
           JOIN syndication_groups g ON g.id = c.syndication_group_id
           LEFT JOIN reports r ON r.id = c.report_id
           WHERE m.story_id = ? ORDER BY c.outlet, c.published, c.article_id""",
        (story_id,),
    ).fetchall()
    return [StoryMember(**{**dict(r), "canonical": bool(r["canonical"])}) for r in rows]


@guarded("read")
def outlet_counts(store: Store, story_id: int) -> list[tuple[str, int, int]]:
    """(outlet, articles, distinct texts) per outlet of a story."""
    return [
        tuple(r)
        for r in store.conn.execute(
            """SELECT c.outlet, count(*), count(DISTINCT c.syndication_group_id) FROM story_members m
           JOIN corpus_articles c ON c.article_id = m.article_id WHERE m.story_id = ?
           GROUP BY c.outlet ORDER BY count(*) DESC, c.outlet""",
            (story_id,),
        )
    ]


@guarded("read")
def counts(store: Store) -> dict[str, int]:
    tables = (
        "corpus_articles",
        "syndication_groups",
        "stories",
        "story_members",
        "ingest_errors",
        "story_claims",
        "outlet_profiles",
    )
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


# -- aligned claims (migration 4) --------------------------------------------------------------------------------
@guarded("read")
def member_reports(store: Store, story_id: int) -> list[tuple[int, int, str, int]]:
    """(article id, report id, outlet, syndication group id) of a story's members with a report, oldest first."""
    return [
        tuple(r)
        for r in store.conn.execute(
            """SELECT c.article_id, c.report_id, c.outlet, c.syndication_group_id FROM story_members m
           JOIN corpus_articles c ON c.article_id = m.article_id
           WHERE m.story_id = ? AND c.report_id IS NOT NULL ORDER BY c.published, c.article_id""",
            (story_id,),
        )
    ]


_SIDE_COLUMNS = ("article_id", "outlet", "start", "end", "text", "value")  # a_* and b_* of story_claim_conflicts


def _side_values(side: ConflictSide) -> tuple:
    return tuple(getattr(side, k) for k in _SIDE_COLUMNS)


@guarded("write")
def replace_story_claims(store: Store, story_id: int, claims: list[AlignedClaim], revision: int | None = None) -> bool:
    """Replace a story's aligned claims and its claim counts. Call inside a transaction.

    ``revision``: the story revision the claims were computed from (``story_revision``, read before the members).
    They are written only when the stored claims are older, and the story is current again when no member changed
    since; returns False when nothing was written (the story is gone or holds a newer comparison).
    """
    conn = store.conn
    if revision is not None:
        row = conn.execute("SELECT claims_revision FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None or row[0] >= revision:
            return False
    conn.execute("DELETE FROM story_claims WHERE story_id = ?", (story_id,))  # members, conflicts: cascade
    tally = {"corroborated": 0, "contradicted": 0, "single-source": 0}
    for c in claims:
        tally[c.status] += 1
        claim_id = conn.execute(
            """INSERT INTO story_claims (story_id, alignment_id, status, independent_outlets, about, text, sides)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                story_id,
                c.alignment_id,
                c.status,
                c.independent_outlets,
                json.dumps(c.about, ensure_ascii=False),
                c.text,
                json.dumps([asdict(side) for side in c.sides], ensure_ascii=False),
            ),
        ).lastrowid
        conn.executemany(
            """INSERT OR IGNORE INTO story_claim_members (claim_id, article_id, outlet, start, end, text, position)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [(claim_id, m.article_id, m.outlet, m.start, m.end, m.text, m.position) for m in c.members],
        )
        conn.executemany(
            """INSERT INTO story_claim_conflicts (claim_id, kind, what, reason,
                   a_article_id, a_outlet, a_start, a_end, a_text, a_value,
                   b_article_id, b_outlet, b_start, b_end, b_text, b_value)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(claim_id, x.kind, x.what, x.reason, *_side_values(x.a), *_side_values(x.b)) for x in c.conflicts],
        )
    conn.execute(
        """UPDATE stories SET corroborated = ?, contradicted = ?, single_source = ?, claims_updated_at = ?,
                              claims_revision = coalesce(?, claims_revision)
           WHERE id = ?""",
        (tally["corroborated"], tally["contradicted"], tally["single-source"], now(), revision, story_id),
    )
    return True


@guarded("read")
def story_revision(store: Store, story_id: int) -> int | None:
    """The story's revision (None when it is gone): read it before its members, so that claims computed from
    members that changed meanwhile are recorded as older than they are, never newer."""
    row = store.conn.execute("SELECT revision FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0] if row else None


@guarded("read")
def stale_stories(store: Store) -> list[int]:
    """Stories whose aligned claims are older than their members (a run stopped before comparing them)."""
    return [r[0] for r in store.conn.execute("SELECT id FROM stories WHERE claims_revision < revision ORDER BY id")]


@guarded("read")
def story_claims(store: Store, story_id: int) -> list[AlignedClaim]:
    """A story's aligned claims in display order (contradicted, corroborated, single-source), each with its
    members and conflicts."""
    conn = store.conn
    rows = conn.execute(
        """SELECT id, alignment_id, status, independent_outlets, about, text, sides FROM story_claims
           WHERE story_id = ? ORDER BY alignment_id""",
        (story_id,),
    ).fetchall()
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    members: dict[int, list[ClaimText]] = {i: [] for i in ids}
    conflicts: dict[int, list[Conflict]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for m in conn.execute(
            f"""SELECT claim_id, article_id, outlet, start, end, text, position FROM story_claim_members
                    WHERE claim_id IN ({marks}) ORDER BY claim_id, outlet, article_id, start""",
            chunk,
        ):
            members[m["claim_id"]].append(
                ClaimText(m["article_id"], m["outlet"], m["start"], m["end"], m["text"], m["position"])
            )
        for x in conn.execute(f"SELECT * FROM story_claim_conflicts WHERE claim_id IN ({marks}) ORDER BY id", chunk):
            a, b = (ConflictSide(**{k: x[f"{side}_{k}"] for k in _SIDE_COLUMNS}) for side in ("a", "b"))
            conflicts[x["claim_id"]].append(Conflict(x["kind"], x["what"], x["reason"], a, b))
    return [
        AlignedClaim(
            alignment_id=r["alignment_id"],
            status=r["status"],
            independent_outlets=r["independent_outlets"],
            outlets=sorted({m.outlet for m in members[r["id"]]}),
            about=json.loads(r["about"]),
            text=r["text"],
            members=members[r["id"]],
            sides=[ClaimSide(**side) for side in json.loads(r["sides"])],
            conflicts=conflicts[r["id"]],
        )
        for r in rows
    ]


PROFILE_COUNTS = ("articles", "words", "sources", "anonymous_sources", "loaded_language", "findings")


@guarded("write")
def add_outlet_counts(store: Store, outlet: str, counts: dict[str, int]) -> None:
    """Add one article's counts (``PROFILE_COUNTS``) to its outlet's running totals and refresh the rates."""
    values = [int(counts.get(k, 0)) for k in PROFILE_COUNTS]
    store.conn.execute(
        f"""INSERT INTO outlet_profiles (outlet, {", ".join(PROFILE_COUNTS)}, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (outlet) DO UPDATE SET
                {", ".join(f"{k} = {k} + excluded.{k}" for k in PROFILE_COUNTS)}, updated_at = excluded.updated_at""",
        (outlet, *values, now()),
    )
    _refresh_rates(store, outlet)


def _refresh_rates(store: Store, outlet: str) -> None:
    store.conn.execute(
        """UPDATE outlet_profiles SET
               anonymous_source_rate = CASE WHEN sources > 0 THEN round(1.0 * anonymous_sources / sources, 3) END,
               loaded_language_per_1000_words = CASE WHEN words > 0 THEN round(1000.0 * loaded_language / words, 2)
                                                     ELSE 0 END,
               findings_per_1000_words = CASE WHEN words > 0 THEN round(1000.0 * findings / words, 2) ELSE 0 END
           WHERE outlet = ?""",
        (outlet,),
    )


@guarded("read")
def outlet_profiles(
    store: Store, outlets: Iterable[str] | None = None, *, limit: int | None = None
) -> list[OutletProfile]:
    """Outlet profiles (all, or those of ``outlets``), most articles first."""
    columns = ", ".join(f.name for f in fields(OutletProfile))
    sql = f"SELECT {columns} FROM outlet_profiles"
    params: list[str | int] = []
    if outlets is not None:
        wanted = sorted(set(outlets))
        if not wanted:
            return []
        sql += f" WHERE outlet IN ({','.join('?' * len(wanted))})"
        params.extend(wanted)
    sql += " ORDER BY articles DESC, outlet"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [OutletProfile(**dict(r)) for r in store.conn.execute(sql, params)]


@guarded("write")
def subtract_outlet_counts(store: Store, outlet: str, counts: dict[str, int]) -> None:
    """Take one forgotten article's counts off its outlet's totals; an outlet left with no article has no profile."""
    values = [int(counts.get(k, 0)) for k in PROFILE_COUNTS]
    store.conn.execute(
        f"""UPDATE outlet_profiles SET {", ".join(f"{k} = max(0, {k} - ?)" for k in PROFILE_COUNTS)}, updated_at = ?
            WHERE outlet = ?""",
        (*values, now(), outlet),
    )
    store.conn.execute("DELETE FROM outlet_profiles WHERE outlet = ? AND articles = 0", (outlet,))
    _refresh_rates(store, outlet)


# -- forgetting an article (presslint.corpus.forget decides; these read and write the rows) ----------------------
@dataclass(frozen=True, slots=True)
class CorpusMember:
    article_id: int
    report_id: int | None
    outlet: str
    group_id: int
    story_id: int | None


@guarded("read")
def corpus_member(store: Store, article_id: int) -> CorpusMember | None:
    """The corpus row of an article (None when it was never ingested, or another process got there first)."""
    row = store.conn.execute(
        """SELECT c.article_id, c.report_id, c.outlet, c.syndication_group_id, m.story_id FROM corpus_articles c
           LEFT JOIN story_members m ON m.article_id = c.article_id WHERE c.article_id = ?""",
        (article_id,),
    ).fetchone()
    return CorpusMember(*row) if row else None


@guarded("read")
def group_rows(store: Store, group_id: int) -> list[tuple[int, str, bytes]]:
    """(article id, outlet, minhash blob) of a syndication group's members, in the order they were ingested."""
    return [
        tuple(r)
        for r in store.conn.execute(
            """SELECT article_id, outlet, minhash FROM corpus_articles WHERE syndication_group_id = ?
               ORDER BY article_id""",
            (group_id,),
        )
    ]


@guarded("write")
def write_groups(
    store: Store, group_id: int, parts: list[list[tuple[int, float]]], outlets: dict[int, str]
) -> list[int]:
    """Store a syndication group worked out again: ``parts`` are its members' (article id, similarity) per group, in
    order; the first part keeps ``group_id``, later ones (texts only a forgotten copy tied together) get new groups,
    none deletes it. Each group's canonical article is its first member. Returns the group ids written."""
    conn = store.conn
    if not parts:
        conn.execute("DELETE FROM syndication_groups WHERE id = ?", (group_id,))
        return []
    ids = [group_id]
    for part in parts[1:]:
        ids.append(create_group(store, part[0][0], outlets[part[0][0]]))
    for gid, part in zip(ids, parts):
        canonical = part[0][0]
        conn.execute(
            "UPDATE syndication_groups SET canonical_article_id = ?, canonical_outlet = ?, members = ? WHERE id = ?",
            (canonical, outlets[canonical], len(part), gid),
        )
        conn.executemany(
            "UPDATE corpus_articles SET syndication_group_id = ?, similarity = ? WHERE article_id = ?",
            [(gid, similarity, article_id) for article_id, similarity in part],
        )
    return ids


@guarded("read")
def stories_of_groups(store: Store, group_ids: list[int]) -> set[int]:
    if not group_ids:
        return set()
    marks = ",".join("?" * len(group_ids))
    return {
        r[0]
        for r in store.conn.execute(
            f"""SELECT DISTINCT m.story_id FROM corpus_articles c JOIN story_members m ON m.article_id = c.article_id
                WHERE c.syndication_group_id IN ({marks})""",
            group_ids,
        )
    }


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What placing one member in its story used: the story is worked out again from these, in ingest order."""

    article_id: int
    group_id: int
    published: str
    headline: str | None
    embedding: bytes
    entities: list[str]


@guarded("read")
def story_rows(store: Store, story_id: int) -> list[StoryRow]:
    return [
        StoryRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
        for r in store.conn.execute(
            """SELECT c.article_id, c.syndication_group_id, c.published, c.headline, c.embedding, c.entities
               FROM story_members m JOIN corpus_articles c ON c.article_id = m.article_id
               WHERE m.story_id = ? ORDER BY c.article_id""",
            (story_id,),
        )
    ]


@guarded("write")
def rewrite_story(
    store: Store,
    story_id: int,
    *,
    first_date: str,
    last_date: str,
    headline: str | None,
    articles: int,
    centroid: bytes,
    entities: dict[str, int],
    scores: dict[int, float],
) -> None:
    """Replace a story's aggregates, entity counts and member scores (worked out again from its members)."""
    conn = store.conn
    conn.execute(
        """UPDATE stories SET first_date = ?, last_date = ?, headline = ?, articles = ?, centroid = ?, updated_at = ?
           WHERE id = ?""",
        (first_date, last_date, headline, articles, centroid, now(), story_id),
    )
    conn.execute("DELETE FROM story_entities WHERE story_id = ?", (story_id,))
    conn.executemany(
        "INSERT INTO story_entities (entity, story_id, mentions) VALUES (?, ?, ?)",
        [(entity, story_id, mentions) for entity, mentions in entities.items()],
    )
    conn.executemany("UPDATE story_members SET score = ? WHERE article_id = ?", [(s, a) for a, s in scores.items()])


@guarded("write")
def delete_story(store: Store, story_id: int) -> None:
    store.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))  # entities, claims: ON DELETE CASCADE


@guarded("write")
def recount_outlets(store: Store, story_ids: Iterable[int]) -> None:
    """Count the independent outlets of these stories again and mark their claims stale."""
    _recount_outlets(store, story_ids)
