"""Per-article cost of the knowledge checks against the core pipeline, on a store the size of a real import.

    .venv/bin/python benchmarks/kb_overhead.py [--store STORE.sqlite] [--entities 1000000] [--aliases 3] [--n 50]

Builds the store (synthetic entities via ``presslint.knowledge.synthetic.build_synthetic``; by default in the
temporary folder, kept for the next run) unless it exists, adds the test entities of ``tests/kb_factory.py`` so the
checks have something to find, then times ``nlp(doc)`` (core) and the knowledge stage (KB) per article over N
distinct articles (the knowledge fixtures, then texts recombined from the article fixtures as
``benchmarks/throughput.py`` makes them, each with its own date). Two runs: warm (one checker for all articles, its
caches filling as a real batch does) and cold (for every article a new checker on a new store connection, and every
cache in presslint's knowledge code cleared: the linker's records, the store's key buckets, the skeleton cache), the
worst case. Each prints the median and range of the per-article overhead and the total. Goal: KB <= 20% of core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def minimal_build(path: Path, entities: int, aliases: int) -> None:
    """Random syllable names straight into the store's tables (only used when synthetic.py is missing)."""
    from presslint.knowledge.keys import name_key, token_keys
    from presslint.knowledge.store import SCHEMA

    rng = random.Random(0)
    syl = [
        "ka",
        "lo",
        "mi",
        "ren",
        "dar",
        "sol",
        "vet",
        "ana",
        "bur",
        "tes",
        "hal",
        "qui",
        "zor",
        "pen",
        "lim",
        "ash",
        "ter",
        "gor",
        "nel",
        "sam",
    ]

    def word() -> str:
        return "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()

    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    name_id = 0
    with db:
        for eid in range(1, entities + 1):
            label = f"{word()} {word()}"
            db.execute("INSERT INTO entities VALUES (?,?,?,?,?)", (eid, label, None, rng.randint(0, 40), "Q5"))
            for n, text in enumerate([label] + [f"{word()} {label.split()[-1]}" for _ in range(aliases)]):
                name_id += 1
                db.execute(
                    "INSERT INTO names VALUES (?,?,?,?,?,?)",
                    (name_id, eid, text, "en", "label" if n == 0 else "alias", name_key(text)),
                )
                db.executemany("INSERT OR IGNORE INTO name_keys VALUES (?,?)", [(k, name_id) for k in token_keys(text)])
    db.close()


def ensure_store(path: Path, entities: int, aliases: int, rebuild: bool) -> None:
    if path.exists() and not rebuild:
        return
    started = time.perf_counter()
    try:
        from presslint.knowledge.synthetic import build_synthetic
    except ImportError:
        path.unlink(missing_ok=True)
        minimal_build(path, entities, aliases)
    else:
        build_synthetic(path, entities, aliases)
    print(f"built {path} in {time.perf_counter() - started:.0f} s")


def articles(n: int) -> list[tuple[str, str]]:
    """n distinct (text, date) pairs: the knowledge fixtures first (they name entities the store holds)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import generate

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/kb_articles").glob("*.txt"))]
    texts += generate(max(0, n - len(texts)), seed=5)
    dates = [(dt.date(2021, 1, 1) + dt.timedelta(days=37 * i)).isoformat() for i in range(n)]
    return list(zip(texts[:n], dates))


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.1f}% (min {min(values):.1f}%, max {max(values):.1f}%)"


def run(path: Path, items: list[tuple[str, str]], *, cold: bool) -> tuple[list[float], list[float], int]:
    from presslint.ingest import from_text
    from presslint.knowledge import linker
    from presslint.knowledge.checks import KnowledgeChecker
    from presslint.nlp import load_pipeline, prepare_doc

    nlp = load_pipeline()
    checker = KnowledgeChecker.open(str(path))
    checker.check(nlp(prepare_doc(nlp, from_text("Warm-up text for the pipeline."), None)))
    core_times, kb_times, findings = [], [], 0
    for text, date in items:
        article = from_text(text, date=date)
        t0 = time.perf_counter()
        doc = nlp(prepare_doc(nlp, article, dt.date.fromisoformat(date)))
        t1 = time.perf_counter()
        if cold:  # nothing carried over from the article before: a new connection, every cache empty
            checker.kb.close()
            linker.skeleton.cache_clear()
            checker = KnowledgeChecker.open(str(path))
        findings += len(checker.check(doc))
        t2 = time.perf_counter()
        core_times.append(t1 - t0)
        kb_times.append(t2 - t1)
    checker.kb.close()
    return core_times, kb_times, findings


def main() -> None:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="the store to build or use (default: in the temporary folder)")
    ap.add_argument("--entities", type=int, default=1_000_000)
    ap.add_argument("--aliases", type=int, default=3)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    path = Path(args.store or Path(tempfile.gettempdir()) / f"presslint-kb-bench-{args.entities}.sqlite")
    ensure_store(path, args.entities, args.aliases, args.rebuild)

    from kb_factory import all_items

    from presslint.knowledge.store import KnowledgeBase
    from presslint.knowledge.wikidata import parse_entity

    kb = KnowledgeBase(path)
    kb.add(parse_entity(x) for x in all_items())
    print("store:", kb.stats())
    kb.close()
    items = articles(args.n)
    print(f"{len(items)} distinct articles ({len({t for t, _ in items})} distinct texts)")
    for cold in (False, True):
        core, kb_t, findings = run(path, items, cold=cold)
        ratios = [100 * k / c for k, c in zip(kb_t, core)]
        total = 100 * sum(kb_t) / sum(core)
        print(
            f"{'cold' if cold else 'warm'}: core {1000 * statistics.median(core):.1f} ms/article, "
            f"KB {1000 * statistics.median(kb_t):.1f} ms/article (max {1000 * max(kb_t):.1f}); "
            f"overhead per article {_spread(ratios)}, total {total:.1f}% (goal <= 20%) "
            f"{'OK' if total <= 20 else 'ABOVE GOAL'}; {findings} KB findings"
        )


if __name__ == "__main__":
    main()
