"""Every table a corpus store derives from its articles, keyed by content so two stores can be compared: row ids,
timestamps and the order rows were written in differ between runs, the values must not.

Articles are named by content hash; a syndication group and a story by the set of their members' hashes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    return conn.execute(sql, params).fetchall()


def snapshot(path: str | Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return _snapshot(conn)
    finally:
        conn.close()


def _snapshot(conn: sqlite3.Connection) -> dict:
    hashes = {r["id"]: r["content_hash"] for r in _rows(conn, "SELECT id, content_hash FROM articles")}
    group_members: dict[int, set[str]] = {}
    for r in _rows(conn, "SELECT article_id, syndication_group_id FROM corpus_articles"):
        group_members.setdefault(r["syndication_group_id"], set()).add(hashes[r["article_id"]])
    group_key = {g: frozenset(m) for g, m in group_members.items()}
    story_members: dict[int, set[str]] = {}
    for r in _rows(conn, "SELECT article_id, story_id FROM story_members"):
        story_members.setdefault(r["story_id"], set()).add(hashes[r["article_id"]])
    story_key = {s: frozenset(m) for s, m in story_members.items()}
    out: dict = {
        "articles": sorted(hashes.values()),
        "reports": sorted(
            (
                hashes[r["article_id"]],
                r["presslint_version"],
                r["config_hash"],
                r["publication_date"],
                r["errors"],
                r["warnings"],
                r["infos"],
            )
            for r in _rows(conn, "SELECT * FROM reports")
        ),
        "corpus_articles": {
            hashes[r["article_id"]]: (
                r["outlet"],
                r["published"],
                r["date_known"],
                r["headline"],
                group_key[r["syndication_group_id"]],
                r["similarity"],
                r["minhash"],
                r["embedding"],
                r["entities"],
                r["report_id"] is not None,
            )
            for r in _rows(conn, "SELECT * FROM corpus_articles")
        },
        "minhash_bands": sorted(
            (r["band"], r["key"], hashes[r["article_id"]]) for r in _rows(conn, "SELECT * FROM minhash_bands")
        ),
        "syndication_groups": {
            group_key.get(r["id"], frozenset()): (
                hashes.get(r["canonical_article_id"], "forgotten"),
                r["canonical_outlet"],
                r["members"],
            )
            for r in _rows(conn, "SELECT * FROM syndication_groups")
        },
        "stories": {
            story_key.get(r["id"], frozenset()): (
                r["first_date"],
                r["last_date"],
                r["headline"],
                r["articles"],
                r["outlets"],
                r["centroid"],
                r["corroborated"],
                r["contradicted"],
                r["single_source"],
                r["claims_revision"] >= r["revision"],  # claims are current
            )
            for r in _rows(conn, "SELECT * FROM stories")
        },
        "story_members": {
            hashes[r["article_id"]]: r["score"] for r in _rows(conn, "SELECT article_id, score FROM story_members")
        },
        "story_entities": sorted(
            (story_key.get(r["story_id"], frozenset()), r["entity"], r["mentions"])
            for r in _rows(conn, "SELECT * FROM story_entities")
        ),
        "outlet_profiles": {
            r["outlet"]: tuple(r[k] for k in r.keys() if k not in ("outlet", "updated_at"))  # noqa: SIM118 (a Row)
            for r in _rows(conn, "SELECT * FROM outlet_profiles")
        },
        "ingest_errors": sorted((r["origin"], r["code"]) for r in _rows(conn, "SELECT * FROM ingest_errors")),
    }
    claims: dict = {}
    for c in _rows(conn, "SELECT * FROM story_claims ORDER BY story_id, alignment_id"):
        members = sorted(
            (hashes[m["article_id"]], m["outlet"], m["start"], m["end"], m["text"], m["position"] or "")
            for m in _rows(conn, "SELECT * FROM story_claim_members WHERE claim_id = ?", (c["id"],))
        )
        conflicts = sorted(
            (
                x["kind"],
                x["what"],
                x["reason"],
                hashes[x["a_article_id"]],
                x["a_start"],
                x["a_value"],
                hashes[x["b_article_id"]],
                x["b_start"],
                x["b_value"],
            )
            for x in _rows(conn, "SELECT * FROM story_claim_conflicts WHERE claim_id = ?", (c["id"],))
        )
        claims.setdefault(story_key.get(c["story_id"], frozenset()), []).append(
            (
                c["alignment_id"],
                c["status"],
                c["independent_outlets"],
                json.loads(c["about"]),
                c["text"],
                json.loads(c["sides"]),
                members,
                conflicts,
            )
        )
    out["story_claims"] = claims
    return out


def differences(a: dict, b: dict) -> list[str]:
    """What differs between two snapshots, table by table (empty when they are equal)."""
    found = []
    for table in a:
        if a[table] == b[table]:
            continue
        if isinstance(a[table], dict):
            for key in sorted(set(a[table]) | set(b[table]), key=str):
                if a[table].get(key) != b[table].get(key):
                    found.append(f"{table}[{_short(key)}]: {_short(a[table].get(key))} != {_short(b[table].get(key))}")
        else:
            found.append(f"{table}: {_short(sorted(set(a[table]) ^ set(b[table]), key=str))}")
    return found


def _short(value: object, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."
