"""Knowledge store speed: dump import throughput, synthetic store build time and size, candidate-lookup latency.

    .venv/bin/python benchmarks/kb_import.py                          # 50k-entity dump, 1M synthetic store
    .venv/bin/python benchmarks/kb_import.py --synthetic 1000000 3000000 --workers 1 2
    .venv/bin/python benchmarks/kb_import.py --dump-entities 0        # synthetic store only

The dump is tests/fixtures/wikidata/sample.json scaled up: its items repeated with new ids (Q950000000 upwards) and a
number appended to each label, written as .json.bz2 and .json.gz. Extrapolation to the full dump uses both the measured
entity rate and the measured decompressed-byte rate (real entities are several times larger than the fixture's), with
the full dump's size given as options. Not a test: it takes minutes and writes to a temporary folder.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from presslint.knowledge.dump import import_dump
from presslint.knowledge.profile import Profile, get_profile
from presslint.knowledge.store import KnowledgeBase
from presslint.knowledge.synthetic import build_synthetic, sample_names
from presslint.knowledge.wikidata import parse_entity

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "wikidata" / "sample.json"


def scaled_dump(folder: Path, entities: int) -> tuple[dict[str, Path], int]:
    """Write the scaled dump in each compression; returns the paths and the decompressed size."""
    items = [line.rstrip(",") for line in SAMPLE.read_text().splitlines()[1:-1] if '"type":"item"' in line]
    lines = []
    for i in range(entities):
        data = json.loads(items[i % len(items)])
        qid = f"Q{950_000_000 + i}"
        data["id"] = qid
        data["labels"]["en"]["value"] += f" {i // len(items)}"
        for claims in data["claims"].values():
            for claim in claims:
                claim["id"] = qid + claim["id"][claim["id"].index("$") :]
        lines.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    raw = ("[\n" + ",\n".join(lines) + "\n]\n").encode()
    paths = {
        ".json": folder / "scaled.json",
        ".json.gz": folder / "scaled.json.gz",
        ".json.bz2": folder / "scaled.json.bz2",
    }
    paths[".json"].write_bytes(raw)
    paths[".json.gz"].write_bytes(gzip.compress(raw, 6))
    paths[".json.bz2"].write_bytes(bz2.compress(raw, 9))
    return paths, len(raw)


def hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h"


def bench_import(args, folder: Path) -> None:
    paths, raw_bytes = scaled_dump(folder, args.dump_entities)
    print(
        f"scaled dump: {args.dump_entities:,} entities, {raw_bytes / 1e6:.1f} MB decompressed "
        f"({raw_bytes / args.dump_entities:,.0f} B/entity), bz2 {paths['.json.bz2'].stat().st_size / 1e6:.1f} MB, "
        f"gz {paths['.json.gz'].stat().st_size / 1e6:.1f} MB"
    )
    nothing = Profile("nothing", {})  # keeps no entity: the read + decompress + parse rate alone
    parse_rate = {}
    for suffix in args.formats:
        for workers in args.workers:
            kb = KnowledgeBase(folder / f"empty-{suffix.strip('.')}-{workers}.sqlite")
            result = import_dump(paths[suffix], kb, profile=nothing, workers=workers)
            kb.close()
            parse_rate[suffix, workers] = raw_bytes / result.seconds
            print(
                f"read+parse {suffix:<9} workers={workers}: {result.rate:,.0f} entities/s, "
                f"{raw_bytes / result.seconds / 1e6:.1f} MB/s decompressed"
            )
    suffix, workers = args.formats[0], args.workers[-1]
    kb = KnowledgeBase(folder / "full.sqlite")
    result = import_dump(paths[suffix], kb, profile=get_profile(args.profile), workers=workers)
    stats = kb.stats()
    kb.close()
    per_kept = stats["bytes"] / max(stats["entities"], 1)
    print(
        f"import {suffix} --profile {args.profile} workers={workers}: {result.rate:,.0f} entities/s, "
        f"kept {result.state.kept:,} ({result.state.kept / result.state.seen:.0%}), store {stats['bytes'] / 1e6:.1f} MB "
        f"({per_kept:,.0f} B/entity)"
    )
    records = [parse_entity(json.loads(line.rstrip(b",\n"))) for line in paths[".json"].open("rb") if len(line) > 3]
    kb = KnowledgeBase(folder / "write.sqlite")
    start = time.perf_counter()
    for i in range(0, len(records), 2000):
        kb.add(records[i : i + 2000])
    write_rate = len(records) / (time.perf_counter() - start)
    kb.close()
    print(f"writer alone: {write_rate:,.0f} entities/s")
    full_bytes = args.full_entities * args.full_entity_bytes
    for (suffix, workers), rate in parse_rate.items():
        total = full_bytes / rate + args.full_kept / write_rate
        print(
            f"  full dump ({args.full_entities / 1e6:.0f}M entities x {args.full_entity_bytes:,} B, "
            f"{args.full_kept / 1e6:.0f}M kept) from {suffix} with {workers} worker(s): ~{hours(total)} "
            f"(parse {hours(full_bytes / rate)} + write {hours(args.full_kept / write_rate)}); "
            f"store ~{per_kept * args.full_kept / 1e9:.1f} GB at this fixture's bytes per entity"
        )


def bench_synthetic(args, folder: Path) -> None:
    for n in args.synthetic:
        db = folder / f"synthetic-{n}.sqlite"
        built = build_synthetic(db, entities=n, aliases_per_entity=3)
        print(
            f"synthetic {n:,}: built in {built['seconds']:.1f} s ({n / built['seconds']:,.0f} entities/s), "
            f"{built['names']:,} names, {built['bytes'] / 1e6:.0f} MB"
        )
        kb = KnowledgeBase(db, readonly=True)
        names = sample_names(args.lookups, seed=7)
        random.Random(3).shuffle(names)
        kb.candidates(names[0])  # warm the page cache a little, as a running checker would be
        times, found = [], 0
        for name in names:
            start = time.perf_counter()
            found += bool(kb.candidates(name))
            times.append((time.perf_counter() - start) * 1000)
        kb.close()
        q = statistics.quantiles(times, n=100)
        print(
            f"  candidates() on {len(names):,} names: p50 {q[49]:.2f} ms, p99 {q[98]:.2f} ms, "
            f"max {max(times):.1f} ms, {found / len(names):.0%} with candidates"
        )
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump-entities", type=int, default=50_000)
    parser.add_argument("--formats", nargs="+", default=[".json.bz2", ".json.gz"])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--profile", default="news")
    parser.add_argument("--synthetic", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--full-entities", type=float, default=110e6, help="items in the full dump")
    parser.add_argument(
        "--full-entity-bytes",
        type=int,
        default=14_000,
        help="average decompressed bytes per entity in the full dump (~1.5 TB / 110M)",
    )
    parser.add_argument("--full-kept", type=float, default=8e6, help="entities a news profile keeps from the full dump")
    parser.add_argument("--dir", help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic stores")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.dump_entities:
            bench_import(args, folder)
        if args.synthetic:
            bench_synthetic(args, folder)


if __name__ == "__main__":
    main()
