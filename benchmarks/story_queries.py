"""Time the story queries at corpus scale: `python benchmarks/story_queries.py [--articles 100000] [--db PATH]`.

Builds a store with that many synthetic corpus rows (articles, syndication groups, stories of 1-20 members over a
year, memberships, entity index) and times `stories --since`, a story's members, and its outlet counts. Prints the
timings; not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from presslint.store import Store
from presslint.store import corpus as db
from presslint.store.schema import now

OUTLETS = [f"outlet-{i:03d}" for i in range(300)]


def build(store: Store, n: int, seed: int = 0) -> list[int]:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    blob_sig = np.zeros(128, dtype="<u8").tobytes()
    blob_vec = np.zeros(256, dtype="<f4").tobytes()
    conn = store.conn
    story_ids: list[int] = []
    made = 0
    conn.execute("BEGIN")
    while made < n:
        size = min(n - made, rng.randint(1, 20))
        day = start + dt.timedelta(days=rng.randint(0, 364))
        stamp = now()
        story_id = conn.execute(
            "INSERT INTO stories (first_date, last_date, headline, articles, outlets, centroid, created_at, updated_at)"
            " VALUES (?, ?, ?, 0, 0, ?, ?, ?)",
            (day.isoformat(), day.isoformat(), f"story {made}", blob_vec, stamp, stamp),
        ).lastrowid
        story_ids.append(story_id)
        group = None
        last = day
        for _k in range(size):
            made += 1
            date = (day + dt.timedelta(days=rng.randint(0, 6))).isoformat()
            last = max(last, dt.date.fromisoformat(date))
            outlet = rng.choice(OUTLETS)
            article_id = conn.execute(
                "INSERT INTO articles (content_hash, title, outlet, date, text, first_seen) VALUES (?, ?, ?, ?, ?, ?)",
                (f"{made:064x}", f"headline {made}", outlet, date, "text", stamp),
            ).lastrowid
            report_id = conn.execute(
                "INSERT INTO reports (article_id, presslint_version, config_hash, publication_date, created_at, "
                "errors, warnings, infos, report_json) VALUES (?, 'bench', 'bench', ?, ?, 0, 1, 2, '{}')",
                (article_id, date, stamp),
            ).lastrowid
            if group is None or rng.random() > 0.3:  # ~30% of members are wire copies of the story's first text
                group = conn.execute(
                    "INSERT INTO syndication_groups (canonical_article_id, canonical_outlet, members,"
                    " created_at) VALUES (?, ?, 1, ?)",
                    (article_id, outlet, stamp),
                ).lastrowid
            else:
                conn.execute("UPDATE syndication_groups SET members = members + 1 WHERE id = ?", (group,))
            conn.execute(
                "INSERT INTO corpus_articles (article_id, report_id, outlet, published, date_known, headline, "
                "syndication_group_id, similarity, minhash, embedding, entities, ingested_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?, 1.0, ?, ?, '[]', ?)",
                (article_id, report_id, outlet, date, f"headline {made}", group, blob_sig, blob_vec, stamp),
            )
            conn.execute(
                "INSERT INTO story_members (article_id, story_id, score, joined_at) VALUES (?, ?, 0.9, ?)",
                (article_id, story_id, stamp),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO story_entities (entity, story_id) VALUES (?, ?)",
                [(f"entity-{rng.randint(0, 20000)}", story_id) for _ in range(3)],
            )
        outlets = db._independent_outlets(store, story_id)
        conn.execute(
            "UPDATE stories SET articles = ?, outlets = ?, last_date = ? WHERE id = ?",
            (size, outlets, last.isoformat(), story_id),
        )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    return story_ids


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", help="store to build (default: a temporary file)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.db"
    with Store(path) as store:
        t = time.perf_counter()
        story_ids = build(store, args.articles)
        print(f"built {args.articles} articles in {len(story_ids)} stories in {time.perf_counter() - t:.1f} s ({path})")
        rng = random.Random(1)
        big = max(story_ids, key=lambda s: db.story(store, s).articles)
        picks = [rng.choice(story_ids) for _ in range(args.repeat)]
        it = iter(picks * 3)
        for name, fn in [
            ("stories --since 2024-12-01 --limit 50", lambda: db.stories_since(store, "2024-12-01", 50)),
            ("stories --since 2024-01-01 --limit 1000", lambda: db.stories_since(store, "2024-01-01", 1000)),
            ("story members (random story)", lambda: db.story_members(store, next(it))),
            ("story members (largest story)", lambda: db.story_members(store, big)),
            ("outlet counts (random story)", lambda: db.outlet_counts(store, next(it))),
            (
                "candidate stories (3 entities, 15-day window)",
                lambda: db.candidate_stories(store, ["entity-1", "entity-2", "entity-3"], "2024-06-01", "2024-06-15"),
            ),
        ]:
            median, worst = timed(fn, args.repeat)
            print(f"{name}: median {median:.2f} ms, max {worst:.2f} ms")


if __name__ == "__main__":
    main()
