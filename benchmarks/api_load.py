"""Load on POST /api/v1/check over loopback: 1 then 8 concurrent clients, memory over 1,000 requests, overload.

    .venv/bin/python benchmarks/api_load.py [--duration 30] [--workers 2] [--queue 8] [--soak 1000] [ARTICLE ...]

Starts `presslint serve` on a free loopback port with a throw-away store. Every request sends a distinct article
(an example article plus a numbered closing line, so the store never answers from cache). Prints, per phase:
requests/s, p50/p99 latency, errors; the server's RSS (server plus worker processes) at start, end and every 100
requests until --soak requests have been served; the 8-client / 1-client throughput ratio (goal >= 1.6 with 2
workers on 2 cores); and an overload burst (more simultaneous requests than workers + queue) that must get fast
503s with Retry-After rather than timeouts. Not a test.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from presslint.web.localserver import local_server

ROOT = Path(__file__).resolve().parent.parent


def rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (the server and its worker processes)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total


class Articles:
    """Distinct article texts, forever: the examples in turn, each with a numbered closing line."""

    def __init__(self, paths: list[Path]) -> None:
        self.texts = [p.read_text(encoding="utf-8") for p in paths]
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    def next(self) -> str:
        with self.lock:
            n = next(self.counter)
        return f"{self.texts[n % len(self.texts)]}\n\nThis report was updated (revision {n}) with staff reporting."


class Results:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.lock = threading.Lock()

    def add(self, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)


def post_check(conn: http.client.HTTPConnection, text: str) -> tuple[int, dict[str, str]]:
    body = json.dumps({"text": text, "date": "2024-01-15"}).encode()
    conn.request("POST", "/api/v1/check", body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status, {k.lower(): v for k, v in response.getheaders()}


def run_clients(
    url: str,
    clients: int,
    articles: Articles,
    *,
    seconds: float | None = None,
    requests: int | None = None,
    on_request=None,
) -> tuple[Results, float]:
    """``clients`` threads, each with a keep-alive connection, until the time or the request budget is spent."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    results = Results()
    deadline = time.monotonic() + seconds if seconds else None
    budget = itertools.count(1)

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        while True:
            if deadline and time.monotonic() >= deadline:
                break
            if requests is not None and next(budget) > requests:
                break
            started = time.monotonic()
            try:
                status, _ = post_check(conn, articles.next())
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=120)
            results.add(time.monotonic() - started, status)
            if on_request:
                on_request()
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(name: str, results: Results, elapsed: float) -> dict:
    errors = sum(n for status, n in results.statuses.items() if status != 200)
    row = {
        "phase": name,
        "requests": len(results.latencies),
        "ok": results.ok,
        "errors": errors,
        "statuses": results.statuses,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(results.ok / elapsed, 2) if elapsed else 0.0,
        "p50_ms": round(percentile(results.latencies, 0.50) * 1000, 1),
        "p99_ms": round(percentile(results.latencies, 0.99) * 1000, 1),
    }
    print(
        f"{name:>10}: {row['requests_per_s']:6.2f} req/s  p50 {row['p50_ms']:7.1f} ms  p99 {row['p99_ms']:7.1f} ms"
        f"  {row['ok']} ok, {errors} errors {results.statuses}",
        flush=True,
    )
    return row


def overload_burst(url: str, articles: Articles, size: int) -> dict:
    """``size`` simultaneous requests on fresh connections: the ones beyond workers + queue must be fast 503s."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    outcomes: list[tuple[int, float, str | None]] = []
    lock = threading.Lock()
    gate = threading.Barrier(size)

    def one() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        text = articles.next()
        gate.wait()
        started = time.monotonic()
        try:
            status, headers = post_check(conn, text)
        except (OSError, http.client.HTTPException):
            status, headers = 0, {}
        with lock:
            outcomes.append((status, time.monotonic() - started, headers.get("retry-after")))
        conn.close()

    threads = [threading.Thread(target=one) for _ in range(size)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    busy = [o for o in outcomes if o[0] == 503]
    served = [o for o in outcomes if o[0] == 200]
    row = {
        "burst": size,
        "ok": len(served),
        "busy_503": len(busy),
        "other": len(outcomes) - len(busy) - len(served),
        "busy_p99_ms": round(percentile([o[1] for o in busy], 0.99) * 1000, 1),
        "served_p99_ms": round(percentile([o[1] for o in served], 0.99) * 1000, 1),
        "retry_after": sorted({o[2] for o in busy if o[2]}),
    }
    print(
        f"  overload: burst of {size}: {row['ok']} served (p99 {row['served_p99_ms']} ms), {row['busy_503']} got 503 "
        f"(p99 {row['busy_p99_ms']} ms, Retry-After {row['retry_after']}), {row['other']} other",
        flush=True,
    )
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, help="article text files (default: examples/*.txt)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per timed phase")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queue", type=int, default=8)
    parser.add_argument("--soak", type=int, default=1000, help="requests served before the final RSS reading")
    parser.add_argument("--burst", type=int, default=40, help="simultaneous requests in the overload burst")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    paths = args.articles or sorted((ROOT / "examples").glob("*.txt"))
    articles = Articles(paths)
    figures: dict = {"workers": args.workers, "queue": args.queue, "articles": [str(p) for p in paths]}

    with (
        tempfile.TemporaryDirectory() as home,
        local_server(home=home, workers=args.workers, queue=args.queue) as server,
    ):
        pid = server.process.pid
        run_clients(server.url, args.workers, articles, requests=2 * args.workers)  # warm the workers' caches
        served = [2 * args.workers]
        rss = [(served[0], rss_bytes(pid))]
        print(f"server RSS at start: {rss[0][1] / 2**20:.0f} MiB (server + {args.workers} workers)", flush=True)
        lock = threading.Lock()

        def count() -> None:
            with lock:
                served[0] += 1
                if served[0] % 100 == 0:
                    rss.append((served[0], rss_bytes(pid)))

        one, one_s = run_clients(server.url, 1, articles, seconds=args.duration, on_request=count)
        eight, eight_s = run_clients(server.url, 8, articles, seconds=args.duration, on_request=count)
        phases = [summary("1 client", one, one_s), summary("8 clients", eight, eight_s)]
        if served[0] < args.soak:
            soak, soak_s = run_clients(server.url, 8, articles, requests=args.soak - served[0], on_request=count)
            phases.append(summary("soak", soak, soak_s))
        rss.append((served[0], rss_bytes(pid)))
        ratio = phases[1]["requests_per_s"] / phases[0]["requests_per_s"] if phases[0]["requests_per_s"] else 0.0
        print(f"throughput ratio 8 clients / 1 client: {ratio:.2f} (goal >= 1.6 with 2 workers on 2 cores)")
        growth = (rss[-1][1] - rss[1 if len(rss) > 2 else 0][1]) / 2**20
        print("server RSS by requests served: " + ", ".join(f"{n}: {b / 2**20:.0f} MiB" for n, b in rss))
        print(
            f"server RSS at end: {rss[-1][1] / 2**20:.0f} MiB after {served[0]} requests "
            f"({growth:+.0f} MiB since request {rss[1 if len(rss) > 2 else 0][0]})",
            flush=True,
        )
        burst = overload_burst(server.url, articles, args.burst)
        figures.update(
            phases=phases, ratio=round(ratio, 2), burst=burst, rss_mib=[(n, round(b / 2**20, 1)) for n, b in rss]
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
