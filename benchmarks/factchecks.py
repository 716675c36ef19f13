"""Per-check cost of matching imported fact-checks (FCK001) as the store grows to 10^5 and beyond.

    .venv/bin/python benchmarks/factchecks.py [--sizes 0,1000,10000,100000] [--repeat 20]

Imports synthetic ClaimReview records into a temporary store in steps (claims of 6-18 words drawn from a Zipf-like
vocabulary of 20,000 words, some with numbers and names, so common words are as common as in real claims), and at
each size times ``match_factchecks(report, store)`` on the reports of the project's example articles: cold (a fresh
connection, as each ``presslint check`` process has) and warm (median of --repeat calls). For contrast it also times
what matching cost before the signature index: loading every fact-check and building an in-memory index per process.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def synthetic(rng: random.Random, start: int, count: int, vocabulary: list[str], weights: list[float]):
    from presslint.corpus.claimreview import FactCheck

    names = ["Kestria", "Dunford", "Amy Rowe", "Harlow", "Mark Ellery", "Norland", "Vessen", "Tarquin Bale"]
    for i in range(start, start + count):
        words = rng.choices(vocabulary, weights, k=rng.randint(6, 18))
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 2000)))
        if rng.random() < 0.5:
            words.insert(0, rng.choice(names))
        yield FactCheck(
            url=f"https://factcheck.example/{i}", claim_reviewed=" ".join(words) + ".", rating="False", author="Bench"
        )


def reports():
    import presslint

    paths = sorted((ROOT / "examples").glob("*.txt"))
    return [presslint.check(str(p), settings=presslint.Settings(store=False)) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from presslint.corpus.claimreview import FactCheckIndex, match_factchecks
    from presslint.store import Store
    from presslint.store.factchecks import load_factchecks, save_factchecks

    rng = random.Random(1)
    vocabulary = [f"{a}{b}{c}" for a in "bcdfghklmnprstvw" for b in "aeiou" for c in "bdglmnrstxz"][:20_000]
    vocabulary += [f"{w}e" for w in vocabulary][: 20_000 - len(vocabulary)]
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]  # Zipf-like: a few words in many claims
    started = time.perf_counter()
    checked = reports()
    claims = sum(len(r.claims) for r in checked)
    print(f"{len(checked)} example reports, {claims} claims; analysed in {time.perf_counter() - started:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "factchecks.db"
        imported = 0
        base = None
        for size in sizes:
            with Store(db) as store:
                t0 = time.perf_counter()
                save_factchecks(store, list(synthetic(rng, imported, size - imported, vocabulary, weights)))
                import_s = time.perf_counter() - t0
            imported = size
            with Store(db) as store:  # a new process's connection: the first match includes the index check
                t0 = time.perf_counter()
                for report in checked:
                    match_factchecks(report, store)
                cold = (time.perf_counter() - t0) / len(checked)
                timings = []
                for _ in range(args.repeat):
                    for report in checked:
                        t0 = time.perf_counter()
                        match_factchecks(report, store)
                        timings.append(time.perf_counter() - t0)
                warm = statistics.median(timings)
                tracemalloc.start()
                for report in checked:
                    match_factchecks(report, store)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                t0 = time.perf_counter()
                FactCheckIndex(load_factchecks(store))
                old = time.perf_counter() - t0
            base = warm if base is None else base
            print(
                f"factchecks {size:>7}: import {import_s:5.1f} s | per check: cold {1000 * cold:6.1f} ms, "
                f"warm {1000 * warm:5.2f} ms ({warm / base if base else 1:4.1f}x the empty store), "
                f"peak {peak / 1024:.0f} KiB | before the index: load + build {1000 * old:7.0f} ms per process"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
