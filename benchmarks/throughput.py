"""Throughput of presslint against spaCy alone, on distinct generated articles.

    .venv/bin/python benchmarks/throughput.py [--n 200] [--batch-size 16]   # presslint vs bare nlp.pipe + per component
    .venv/bin/python benchmarks/throughput.py --cold                        # cold `presslint check FILE --no-store`
    .venv/bin/python benchmarks/throughput.py --rss [--rss-n 1000]          # peak RSS over many texts in one process

Texts are recombined from the article fixtures and examples (paragraphs shuffled, places, weekdays and numbers
substituted, deterministic per index), so every text is distinct and no cache can help. Goals: presslint/spaCy
ratio >= 0.8, cold start <= 2.5 s, RSS <= 500 MB and flat.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH_SOURCES = [ROOT / "tests" / "fixtures" / "articles", ROOT / "examples"]
PUBDATE = "2024-06-30"

PLACES = ["Harrow Bay", "Dunmore", "Millbrook", "Eastmere", "Port Halvard", "Lowmouth", "Ashford", "Amarante"]
NEW_PLACES = [
    "Kelby",
    "Stanmoor",
    "Riverton",
    "Ashcombe",
    "Northfleet",
    "Calder Bridge",
    "Wexley",
    "Thornbury",
    "Greywick",
    "Holloway Cross",
    "Marden",
    "Pellham",
    "Brackenford",
    "Saltcote",
    "Elmstead",
    "Fairhaven",
    "Oakridge",
    "Linwood",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d{2,4}(?![\d,])")
_YEAR = re.compile(r"^(19|20)\d\d$")


def _pool() -> tuple[list[str], list[str]]:
    titles, paragraphs = [], []
    for folder in PARAGRAPH_SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lines = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            titles.append(lines[0].strip())
            paragraphs.extend(p.strip() for p in lines[1:])
    if not paragraphs:
        sys.exit("no fixture paragraphs found under tests/fixtures/articles or examples/")
    return titles, paragraphs


def _shift_number(match: re.Match, rng: random.Random) -> str:
    raw = match.group(0)
    if _YEAR.match(raw):  # keep years plausible: move them a little
        return str(int(raw) + rng.randint(-3, 2))
    value = int(raw.replace(",", ""))
    new = max(2, round(value * rng.uniform(0.6, 1.6)))
    return f"{new:,}" if "," in raw or new >= 10_000 else str(new)


def generate(n: int, *, seed: int = 0) -> list[str]:
    """n distinct article texts (title, blank line, paragraphs), deterministic for (n, seed)."""
    titles, paragraphs = _pool()
    seen: set[str] = set()
    texts: list[str] = []
    index = 0
    while len(texts) < n:
        rng = random.Random(f"{seed}:{index}")
        index += 1
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 10)))
        text = "\n\n".join([rng.choice(titles), *body])
        for place in PLACES:
            text = text.replace(place, rng.choice(NEW_PLACES))
        for day in WEEKDAYS:
            text = re.sub(rf"\b{day}\b", rng.choice(WEEKDAYS), text)
        text = _NUMBER.sub(lambda m, rng=rng: _shift_number(m, rng), text)
        digest = hashlib.sha1(text.encode()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            texts.append(text)
    return texts


def _articles(texts: list[str]):
    from presslint.ingest import from_text

    return [from_text(t, origin=f"bench-{i}", date=PUBDATE) for i, t in enumerate(texts)]


def bench_throughput(n: int, batch_size: int) -> str:
    import presslint
    from presslint import Settings
    from presslint.nlp import load_model, load_pipeline, prepare_doc

    texts = generate(n)
    words = sum(len(t.split()) for t in texts)
    settings = Settings(store=False)
    full, bare = load_pipeline(), load_model()
    warm = generate(8, seed=99)  # load lazy resources outside the timed runs
    list(presslint.check_articles(_articles(warm), settings=settings, nlp=full, batch_size=batch_size))
    list(bare.pipe(warm, batch_size=batch_size))

    start = time.perf_counter()
    reports = list(presslint.check_articles(_articles(texts), settings=settings, nlp=full, batch_size=batch_size))
    t_full = time.perf_counter() - start
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size, n_process=1):
        pass
    t_bare = time.perf_counter() - start

    # The full pipeline alone (no ingest, no report building), to split the gap between the two numbers above.
    import datetime as dt

    pubdate = dt.date.fromisoformat(PUBDATE)
    prepared = (prepare_doc(full, a, pubdate) for a in _articles(texts))
    start = time.perf_counter()
    for _ in full.pipe(prepared, batch_size=batch_size):
        pass
    t_pipe = time.perf_counter() - start

    findings = sum(len(r.findings) for r in reports)
    rate_full, rate_bare = n / t_full, n / t_bare
    ratio = rate_full / rate_bare
    print(f"{n} distinct articles, {words / n:.0f} words each on average, batch size {batch_size}")
    print(
        f"presslint check_articles (text -> Report): {rate_full:7.1f} articles/s  ({t_full:.2f} s, {findings} findings)"
    )
    print(f"bare spaCy nlp.pipe (same model):           {rate_bare:7.1f} articles/s  ({t_bare:.2f} s)")
    print(f"presslint pipeline only (nlp.pipe, no report): {n / t_pipe:7.1f} articles/s  ({t_pipe:.2f} s)")
    print(f"ratio presslint/spaCy: {ratio:.2f}  (goal >= 0.80)  {'OK' if ratio >= 0.8 else 'BELOW GOAL'}")

    # Per component, on the same docs: run the pipeline one component at a time.
    articles = _articles(texts)
    start = time.perf_counter()
    docs = [prepare_doc(full, a, None) for a in articles]
    timings = [("tokenizer+prepare_doc", time.perf_counter() - start)]
    for doc in docs:
        doc._.pl_pubdate = pubdate
    for name, proc in full.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        timings.append((name, time.perf_counter() - start))
    spacy_time = sum(t for name, t in timings if not name.startswith("presslint_") or name == "presslint_newline_sents")
    ours = sum(t for name, t in timings if name.startswith("presslint_") and name != "presslint_newline_sents")
    print("\nper component (ms per article):")
    for name, t in sorted(timings, key=lambda x: -x[1]):
        print(f"  {name:28s} {1000 * t / n:8.2f}")
    share = ours / spacy_time if spacy_time else float("nan")
    print(f"presslint analyzers: {1000 * ours / n:.2f} ms/article = {share:.0%} of spaCy's own time (budget 25%)")
    slowest = max(
        ((name, t) for name, t in timings if name.startswith("presslint_")), key=lambda x: x[1], default=("-", 0)
    )
    return (
        f"SUMMARY throughput n={n} presslint={rate_full:.1f}/s spacy={rate_bare:.1f}/s ratio={ratio:.2f} "
        f"analyzers={share:.0%} slowest={slowest[0]}"
    )


def bench_cold(runs: int = 3) -> str:
    exe = ROOT / ".venv" / "bin" / "presslint"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "presslint.cli"]
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "article.txt"
        path.write_text(generate(1, seed=7)[0], encoding="utf-8")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                [*command, "check", str(path), "--no-store", "--date", PUBDATE],
                capture_output=True,
                text=True,
                env={**os.environ, "PRESSLINT_HOME": home},
            )
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                print(f"presslint check exited {done.returncode}: {done.stderr.strip()[:300]}")
                break
    best, median = min(times), statistics.median(times)
    print(
        f"cold `presslint check FILE --no-store`: best {best:.2f} s, median {median:.2f} s over {len(times)} runs "
        f"(goal <= 2.5 s) {'OK' if median <= 2.5 else 'ABOVE GOAL'}"
    )
    return f"SUMMARY cold best={best:.2f}s median={median:.2f}s"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_rss(n: int, batch_size: int) -> str:
    import presslint
    from presslint import Settings

    checkpoints = sorted({c for c in (100, 500, 1000, n) if c <= n})
    texts = generate(n, seed=1)
    marks: dict[int, float] = {}
    settings = Settings(store=False)
    reports = presslint.check_articles(_articles(texts), settings=settings, batch_size=batch_size)
    for done, _report in enumerate(reports, start=1):
        if done in checkpoints:
            marks[done] = _rss_mb()
            print(f"after {done:5d} articles: RSS {marks[done]:7.1f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first, last = marks[checkpoints[0]], marks[checkpoints[-1]]
    growth = last - first
    flat = growth <= max(25.0, 0.1 * first)
    print(
        f"peak RSS {peak:.1f} MB (goal <= 500 MB) {'OK' if peak <= 500 else 'ABOVE GOAL'}; "
        f"growth {checkpoints[0]}->{checkpoints[-1]}: {growth:+.1f} MB {'flat' if flat else 'GROWING'}"
    )
    return f"SUMMARY rss n={n} peak={peak:.0f}MB growth={growth:+.0f}MB {'flat' if flat else 'growing'}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles for the throughput run (default 200)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--cold", action="store_true", help="time a cold `presslint check FILE --no-store` instead")
    parser.add_argument("--rss", action="store_true", help="measure peak RSS over many texts instead")
    parser.add_argument("--rss-n", type=int, default=1000, help="texts for --rss (default 1000)")
    args = parser.parse_args(argv)
    if args.cold:
        summary = bench_cold()
    elif args.rss:
        summary = bench_rss(args.rss_n, args.batch_size)
    else:
        summary = bench_throughput(args.n, args.batch_size)
    print(summary)


if __name__ == "__main__":
    main()
