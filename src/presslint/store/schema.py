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
    # Many articles (presslint.corpus): syndication groups, LSH bands, stories and memberships, ingest errors.
    Migration(
        2,
        "corpus: syndication groups, stories, ingest errors",
        (
            # One row per group of near-identical texts (wire copies); the first member found is the canonical one.
            # Independent sources are counted as distinct (story, canonical outlet) so copies count once.
            """CREATE TABLE syndication_groups (
                id INTEGER PRIMARY KEY,
                canonical_article_id INTEGER NOT NULL,  -- articles.id of the first member (kept if it is forgotten)
                canonical_outlet TEXT NOT NULL,
                members INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL
            )""",
            # Per-article corpus record: what clustering and dedup read, so neither re-parses report JSON.
            """CREATE TABLE corpus_articles (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
                outlet TEXT NOT NULL,  -- normalised outlet key: lower-cased name, or the URL's host without www.
                published TEXT NOT NULL,  -- ISO date: the article's date, else the day it was ingested
                date_known INTEGER NOT NULL,  -- 1 when published came from the article, 0 when from ingest time
                headline TEXT,
                syndication_group_id INTEGER NOT NULL REFERENCES syndication_groups(id),
                similarity REAL NOT NULL DEFAULT 1.0,  -- estimated Jaccard to the group's canonical text
                minhash BLOB NOT NULL,  -- 128 little-endian uint64 (presslint.corpus.dedup)
                embedding BLOB NOT NULL,  -- 256 little-endian float32, L2-normalised (headline + lead)
                entities TEXT NOT NULL,  -- JSON list of entity keys "LABEL:normalised"
                ingested_at TEXT NOT NULL
            )""",
            "CREATE INDEX corpus_articles_group ON corpus_articles(syndication_group_id)",
            "CREATE INDEX corpus_articles_published ON corpus_articles(published)",
            "CREATE INDEX corpus_articles_outlet ON corpus_articles(outlet, published)",
            """CREATE TABLE minhash_bands (
                band INTEGER NOT NULL,
                key INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band, key, article_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX minhash_bands_article ON minhash_bands(article_id)",
            # Story aggregates are kept up to date on every join, so listing stories never scans memberships.
            """CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                first_date TEXT NOT NULL,
                last_date TEXT NOT NULL,
                headline TEXT,  -- headline of the earliest member
                articles INTEGER NOT NULL DEFAULT 0,
                outlets INTEGER NOT NULL DEFAULT 0,  -- independent outlets: syndicated copies counted once
                centroid BLOB NOT NULL,  -- mean member embedding (float32), re-normalised
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX stories_first_date ON stories(first_date)",
            "CREATE INDEX stories_last_date ON stories(last_date)",
            """CREATE TABLE story_members (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                score REAL NOT NULL,  -- membership score when it joined (1.0 for the article that started it)
                joined_at TEXT NOT NULL
            )""",
            "CREATE INDEX story_members_story ON story_members(story_id, article_id)",
            # Inverted index entity -> story, for finding candidate stories without scanning them all.
            """CREATE TABLE story_entities (
                entity TEXT NOT NULL,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                mentions INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (entity, story_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX story_entities_story ON story_entities(story_id)",
            """CREATE TABLE ingest_errors (
                id INTEGER PRIMARY KEY,
                origin TEXT NOT NULL,
                code TEXT NOT NULL,
                message TEXT NOT NULL,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX ingest_errors_created ON ingest_errors(created_at)",
        ),
    ),
    # Known fact-checks (presslint.corpus.claimreview) and article versions (presslint.corpus.versions).
    Migration(
        3,
        "fact-checks (ClaimReview) and article versions",
        (
            """CREATE TABLE factchecks (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,  -- the review's own URL: importing the same review again updates it
                claim_reviewed TEXT NOT NULL,
                rating TEXT,  -- reviewRating.alternateName ("False", "Misleading" ...)
                rating_value REAL,
                best_rating REAL,
                worst_rating REAL,
                author TEXT,  -- the fact-checking organisation
                claimant TEXT,  -- itemReviewed.author: who made the claim
                date_published TEXT,
                language TEXT,
                origin TEXT,  -- file or URL it was imported from
                imported_at TEXT NOT NULL
            )""",
            # Every distinct text seen at a URL, so a changed article keeps both versions (text kept here: the
            # articles table holds only texts whose report was saved).
            """CREATE TABLE article_versions (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                seen_at TEXT NOT NULL,
                title TEXT,
                date TEXT,
                text TEXT NOT NULL,
                UNIQUE (url, content_hash)
            )""",
            "CREATE INDEX article_versions_url ON article_versions(url, seen_at)",
        ),
    ),
    # Cross-outlet claim alignment per story (presslint.corpus.alignments) and outlet profiles. A story's rows are
    # replaced as a whole when a member joins it; nothing else is recomputed.
    Migration(
        4,
        "corpus: aligned claims per story, outlet profiles",
        (
            """CREATE TABLE story_claims (
                id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                alignment_id INTEGER NOT NULL,  -- AlignedClaim.id: 1.. in display order, renumbered on recompute
                status TEXT NOT NULL CHECK (status IN ('corroborated', 'contradicted', 'single-source')),
                independent_outlets INTEGER NOT NULL,  -- syndicated copies and one outlet's articles count once
                about TEXT NOT NULL,  -- JSON list: what ties the members together
                text TEXT NOT NULL,  -- the first member's sentence
                sides TEXT NOT NULL DEFAULT '[]',  -- JSON list of {position, outlets, independent} (contradicted)
                UNIQUE (story_id, alignment_id)
            )""",
            "CREATE INDEX story_claims_status ON story_claims(status, story_id)",
            """CREATE TABLE story_claim_members (
                claim_id INTEGER NOT NULL REFERENCES story_claims(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                outlet TEXT NOT NULL,
                start INTEGER NOT NULL,  -- offsets into the article's text
                end INTEGER NOT NULL,
                text TEXT NOT NULL,
                position TEXT,  -- what this member asserts where the claim is contradicted ("6 worker", "denies")
                PRIMARY KEY (claim_id, article_id, start)
            ) WITHOUT ROWID""",
            "CREATE INDEX story_claim_members_article ON story_claim_members(article_id)",
            "CREATE INDEX story_claim_members_outlet ON story_claim_members(outlet)",
            """CREATE TABLE story_claim_conflicts (
                id INTEGER PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES story_claims(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,  -- number, date, polarity
                what TEXT NOT NULL,
                reason TEXT NOT NULL,
                a_article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                a_outlet TEXT NOT NULL,
                a_start INTEGER NOT NULL,
                a_end INTEGER NOT NULL,
                a_text TEXT NOT NULL,
                a_value TEXT NOT NULL,
                b_article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                b_outlet TEXT NOT NULL,
                b_start INTEGER NOT NULL,
                b_end INTEGER NOT NULL,
                b_text TEXT NOT NULL,
                b_value TEXT NOT NULL
            )""",
            "CREATE INDEX story_claim_conflicts_claim ON story_claim_conflicts(claim_id)",
            # Running totals per outlet (corpus outlet key), added to once per new article; rates derive from them.
            """CREATE TABLE outlet_profiles (
                outlet TEXT PRIMARY KEY,
                articles INTEGER NOT NULL DEFAULT 0,
                words INTEGER NOT NULL DEFAULT 0,
                sources INTEGER NOT NULL DEFAULT 0,
                anonymous_sources INTEGER NOT NULL DEFAULT 0,
                loaded_language INTEGER NOT NULL DEFAULT 0,  -- LNG findings
                findings INTEGER NOT NULL DEFAULT 0,
                anonymous_source_rate REAL,  -- anonymous_sources / sources; NULL without sources
                loaded_language_per_1000_words REAL NOT NULL DEFAULT 0,
                findings_per_1000_words REAL NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX outlet_profiles_articles ON outlet_profiles(articles)",
            # Claim counts kept on the story row, so listing stories never aggregates story_claims.
            "ALTER TABLE stories ADD COLUMN corroborated INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE stories ADD COLUMN contradicted INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE stories ADD COLUMN single_source INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE stories ADD COLUMN claims_updated_at TEXT",
        ),
    ),
    # The fact-check signature index (presslint.store.factchecks), created on first use before this migration: IF NOT
    # EXISTS keeps a store where an older presslint already made the tables as it is (same definitions); rows imported
    # before the index existed are indexed on the first match (factchecks.ensure_index).
    Migration(
        5,
        "fact-check signature index",
        (
            "CREATE TABLE IF NOT EXISTS factcheck_words (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
            """CREATE TABLE IF NOT EXISTS factcheck_terms (
                term TEXT NOT NULL,
                factcheck_id INTEGER NOT NULL REFERENCES factchecks(id) ON DELETE CASCADE,
                PRIMARY KEY (term, factcheck_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX IF NOT EXISTS factcheck_terms_row ON factcheck_terms(factcheck_id)",
            """CREATE TABLE IF NOT EXISTS factcheck_indexed (
                factcheck_id INTEGER PRIMARY KEY REFERENCES factchecks(id) ON DELETE CASCADE,
                words TEXT NOT NULL  -- the reviewed claim's content words, space-separated: coverage without re-parsing
            )""",
        ),
    ),
    # Which stories' aligned claims are out of date: ``revision`` grows with every change to a story's members or to
    # their syndication groups, ``claims_revision`` is the revision the stored claims were computed for. A run killed
    # between storing a chunk and comparing its stories' claims leaves claims_revision < revision, and the next ingest
    # compares those stories again. Stories of an older store count as current when they were compared after their
    # last change.
    Migration(
        6,
        "story revisions: stale claim alignments are found and repaired",
        (
            "ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE stories ADD COLUMN claims_revision INTEGER NOT NULL DEFAULT 0",
            """UPDATE stories SET claims_revision = revision
               WHERE claims_updated_at IS NOT NULL AND claims_updated_at >= updated_at""",
            "CREATE INDEX stories_stale ON stories(id) WHERE claims_revision < revision",
        ),
    ),
)

LATEST = MIGRATIONS[-1].number


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


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
            if conn.in_transaction:  # a full disk may have rolled it back already: keep the first error
                conn.execute("ROLLBACK")
            raise
        done_now.append(migration.number)
    return done_now
