"""Per-article cost of the knowledge checks against the core pipeline, on a store the size of a real import.

    .venv/bin/python benchmarks/kb_overhead.py STORE.sqlite [--entities 1000000] [--aliases 3] [--n 50] [--rebuild]

Builds STORE (synthetic entities via ``presslint.knowledge.synthetic.build_synthetic``, or a minimal builder here
when that module is absent) unless it exists, adds the test entities of ``tests/kb_factory.py`` so the checks have
something to find, then times ``nlp(doc)`` (core) and ``KnowledgeChecker.check(doc)`` (KB) per article over ~N
articles (the project's fixtures and examples, cycled with a different date each pass), with the record cache
cleared before every article (worst case). Goal: KB time <= 20% of the core time.
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
    texts = [
        p.read_text(encoding="utf-8")
        for folder in ("tests/fixtures/articles", "tests/fixtures/kb_articles", "examples")
        for p in sorted((ROOT / folder).glob("*.txt"))
    ]
    dates = ["2021-06-01", "2021-12-11", "2023-03-15"]
    return [(texts[i % len(texts)], dates[(i // len(texts)) % len(dates)]) for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--entities", type=int, default=1_000_000)
    ap.add_argument("--aliases", type=int, default=3)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    path = Path(args.store)
    ensure_store(path, args.entities, args.aliases, args.rebuild)

    from kb_factory import all_items

    from presslint.ingest import from_text
    from presslint.knowledge.checks import KnowledgeChecker
    from presslint.knowledge.store import KnowledgeBase
    from presslint.knowledge.wikidata import parse_entity
    from presslint.nlp import load_pipeline, prepare_doc

    kb = KnowledgeBase(path)
    kb.add(parse_entity(x) for x in all_items())
    print("store:", kb.stats())
    kb.close()
    checker = KnowledgeChecker.open(str(path))
    nlp = load_pipeline()
    nlp(prepare_doc(nlp, from_text("Warm-up text for the pipeline."), None))
    core_times, kb_times, findings = [], [], 0
    for text, date in articles(args.n):
        article = from_text(text, date=date)
        t0 = time.perf_counter()
        doc = nlp(prepare_doc(nlp, article, dt.date.fromisoformat(date)))
        t1 = time.perf_counter()
        checker.linker._records.clear()
        findings += len(checker.check(doc))
        t2 = time.perf_counter()
        core_times.append(t1 - t0)
        kb_times.append(t2 - t1)
    core, kbt = sum(core_times), sum(kb_times)
    print(f"articles: {len(core_times)}  KB findings: {findings}")
    print(f"core: {1000 * core / len(core_times):.1f} ms/article (median {1000 * statistics.median(core_times):.1f})")
    print(
        f"kb:   {1000 * kbt / len(kb_times):.1f} ms/article (median {1000 * statistics.median(kb_times):.1f}, max {1000 * max(kb_times):.1f})"
    )
    print(f"overhead: {100 * kbt / core:.1f}% of the core pipeline (goal <= 20%)")


if __name__ == "__main__":
    main()
