"""Articles per second of `presslint batch` with 1 and 2 local Dask workers over the same input, in one run.

    .venv/bin/python benchmarks/scale.py [--articles 240] [--partition-size 8] [--fixtures tests/fixtures/articles]

Generates distinct article texts by recombining the paragraphs of the fixture articles (headline of one, body
paragraphs drawn from several, in a seeded order), writes them as JSONL, then times `run_batch` on a warmed-up
LocalCluster of 1 worker and of 2 workers (model loading is not timed). Prints the rates, the speed-up ratio, peak
memory per worker, and a paper estimate of what one day of CC-NEWS English would cost in worker-hours. Not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CCNEWS_DAY = (100_000, 1_000_000)  # English articles per day, low and high


def generate(fixtures: Path, count: int, seed: int = 7) -> list[dict]:
    docs = []
    for path in sorted(fixtures.glob("*.txt")):
        lines = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        docs.append((lines[0], lines[1:]))
    rng = random.Random(seed)
    paragraphs = [p for _, body in docs for p in body]
    out, seen = [], set()
    while len(out) < count:
        title, body = rng.choice(docs)
        extra = rng.sample(paragraphs, k=3)
        chosen = body[: rng.randint(3, len(body))] + extra
        rng.shuffle(chosen[1:])
        text = title + "\n\n" + "\n\n".join(chosen)
        if text in seen:
            continue
        seen.add(text)
        out.append(
            {
                "text": text,
                "date": "2024-09-18",
                "outlet": f"Outlet {len(out) % 7}",
                "url": f"https://bench.example/{len(out)}",
            }
        )
    return out


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(workers: int, source: str, out: str, partition_size: int) -> tuple[float, int, float, list[float]]:
    from distributed import Client

    from presslint.config import Settings
    from presslint.scale.batch import local_cluster, run_batch, warm_up

    settings = Settings(store=False)
    with local_cluster(workers) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers)
        warm_up(client, settings)
        started = time.perf_counter()
        summary = run_batch([source], out, settings=settings, client=client, partition_size=partition_size)
        seconds = time.perf_counter() - started
        peaks = sorted(client.run(_peak_rss_mb).values())
    return seconds, summary.articles, summary.failed, peaks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--partition-size", type=int, default=8)
    parser.add_argument("--fixtures", default=str(ROOT / "tests" / "fixtures" / "articles"))
    args = parser.parse_args()
    items = generate(Path(args.fixtures), args.articles)
    words = sum(len(i["text"].split()) for i in items) / len(items)
    with tempfile.TemporaryDirectory() as tmp:
        source = str(Path(tmp) / "bench.jsonl")
        Path(source).write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        print(
            f"input: {len(items)} distinct articles, {words:.0f} words on average, partitions of {args.partition_size}"
        )
        rates = {}
        for workers in (1, 2):
            seconds, n, failed, peaks = measure(
                workers, source, str(Path(tmp) / f"out{workers}.parquet"), args.partition_size
            )
            rates[workers] = n / seconds
            print(
                f"{workers} worker{'s' if workers > 1 else ' '}: {n} articles ({failed} failed) in {seconds:.1f} s = "
                f"{rates[workers]:.2f} articles/s; peak memory per worker: "
                f"{', '.join(f'{p:.0f} MB' for p in peaks)}"
            )
    ratio = rates[2] / rates[1]
    print(f"speed-up 2 vs 1 workers: {ratio:.2f}x (goal >= 1.7 on 2 free cores)")
    per_worker = rates[2] / 2
    low, high = (n / per_worker / 3600 for n in CCNEWS_DAY)
    print(
        f"paper estimate, one day of CC-NEWS English ({CCNEWS_DAY[0]:,}-{CCNEWS_DAY[1]:,} articles) at "
        f"{per_worker:.2f} articles/s per worker: {low:.1f}-{high:.1f} worker-hours "
        f"(e.g. {low / 16:.1f}-{high / 16:.1f} h on 16 workers), plus WARC download and HTML extraction"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
