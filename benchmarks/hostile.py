"""Measured figures for the README's "Reliability and limits": hostile inputs and clients, bounded in time.

    .venv/bin/python benchmarks/hostile.py [--only warc,fetch,slowloris] [--gib 10] [--attackers 1000]

- warc: a .warc.gz of one gzip member that inflates to --gib GiB of zeros with no newline (the shape of the 46 MB
  archive that pinned a core for hours), built in seconds by repeating a flushed deflate block; time to refusal.
- fetch: a local server that sends one header byte every 0.5 s; time until ``presslint.ingest.fetch`` gives up, with
  the default 15 s ``fetch_timeout``.
- slowloris: a server with the default limits (256 connections, 10 s header timeout) and --attackers half-open
  connections that send a header byte every second; latency of normal requests (200) under the attack, and of the
  JSON 503 a client gets when every connection is busy being served.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import http.server
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path


def gzip_of_zeros(path: Path, gib: int, head: bytes) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH))
        block = packer.compress(b"\0" * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
        for _ in range(gib * 1024):
            out.write(block)
        out.write(packer.flush() + b"\0" * 8)


def bench_warc(gib: int) -> None:
    from presslint.config import Settings
    from presslint.corpus import warc

    head = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bomb.warc.gz"
        gzip_of_zeros(path, gib, head)
        start = time.perf_counter()
        items = list(warc.iter_warc(path, settings=Settings()))
        seconds = time.perf_counter() - start
        size = path.stat().st_size
    code = items[-1].code if items else "nothing"
    print(
        f"warc bomb: {size / 1e6:.1f} MB .warc.gz inflating to {gib} GiB of zeros, no newline: {code} in {seconds:.2f} s"
    )


class Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 10_000:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def log_message(self, *args):
        pass


def bench_fetch() -> None:
    from presslint import Settings
    from presslint.errors import PresslintError
    from presslint.ingest import fetch

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings = Settings(allow_private=True)
    start = time.perf_counter()
    try:
        fetch(f"http://127.0.0.1:{server.server_address[1]}/story", settings=settings)
        outcome = "fetched (!)"
    except PresslintError as err:
        outcome = err.code
    seconds = time.perf_counter() - start
    server.shutdown()
    print(
        f"fetch deadline: a server sending one header byte every 0.5 s; fetch_timeout {settings.fetch_timeout:g} s: "
        f"{outcome} after {seconds:.2f} s"
    )


def bench_slowloris(attackers: int) -> None:
    import uvicorn

    from presslint.config import Settings
    from presslint.web.app import ServerConfig, create_app
    from presslint.web.server import ServerLimits, uvicorn_config

    def start(limits: ServerLimits | None) -> tuple[uvicorn.Server, threading.Thread, int]:
        app = create_app(ServerConfig(settings=Settings(store=False)), start_workers=False)

        @app.get("/busy")
        async def busy() -> dict:  # stands in for a request being served for a while
            await asyncio.sleep(2.0)
            return {}

        if limits is None:  # the server as `presslint serve` ran it before: uvicorn's own concurrency limit
            config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical", limit_concurrency=64)
        else:
            config = uvicorn_config(app, host="127.0.0.1", port=0, limits=limits, log_level="error")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        return server, thread, server.servers[0].sockets[0].getsockname()[1]

    def get(port: int, path: str) -> tuple[int, float]:
        t0 = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", path, headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            return response.status, time.perf_counter() - t0
        finally:
            conn.close()

    def under_attack(limits: ServerLimits | None, count: int) -> tuple[list[tuple[int, float]], int]:
        server, thread, port = start(limits)
        socks: list[socket.socket] = []
        stop = threading.Event()

        def attack() -> None:  # keep `count` half-open connections, each sending a header byte a second
            while not stop.is_set():
                while len(socks) < count:
                    try:
                        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                        socks.append(sock)
                    except OSError:
                        break
                for sock in list(socks):
                    try:
                        sock.sendall(random.choice(b"abcdef").to_bytes(1, "big"))
                    except OSError:
                        socks.remove(sock)
                        sock.close()
                stop.wait(1.0)

        attacker = threading.Thread(target=attack, daemon=True)
        attacker.start()
        time.sleep(3)
        results = [get(port, "/api/v1/rules") for _ in range(50)]
        held = len(server.server_state.connections)
        stop.set()
        attacker.join()
        for sock in socks:
            sock.close()
        server.should_exit = True
        thread.join(5)
        return results, held

    before, _ = under_attack(None, 100)
    print(
        f"slowloris, before (uvicorn's limit_concurrency=64, no header timeout): 100 half-open connections: "
        f"{sum(status == 503 for status, _ in before)}/50 normal requests get uvicorn's plain-text 503"
    )
    limits = ServerLimits()
    results, held = under_attack(limits, attackers)
    ok = sorted(seconds for status, seconds in results if status == 200)
    print(
        f"slowloris: {attackers} half-open connections (a header byte a second) vs limit {limits.max_connections}, "
        f"header timeout {limits.header_timeout:g} s: {len(ok)}/50 normal requests 200, "
        f"p50 {1000 * statistics.median(ok):.0f} ms p99 {1000 * ok[int(0.99 * (len(ok) - 1))]:.0f} ms; "
        f"server held {held} connections"
    )

    small = ServerLimits(max_connections=16)
    server, thread, port = start(small)
    busy = [threading.Thread(target=get, args=(port, "/busy")) for _ in range(small.max_connections)]
    for worker in busy:
        worker.start()
    time.sleep(0.5)
    refused = [get(port, "/api/v1/rules") for _ in range(20)]
    for worker in busy:
        worker.join()
    server.should_exit = True
    thread.join(5)
    latencies = sorted(seconds for status, seconds in refused if status == 503)
    print(
        f"overload: {small.max_connections} connections all being served: {len(latencies)}/20 new requests get the "
        f"JSON 503 (E712, Retry-After), p50 {1000 * statistics.median(latencies):.1f} ms "
        f"p99 {1000 * latencies[int(0.99 * (len(latencies) - 1))]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="warc,fetch,slowloris")
    parser.add_argument("--gib", type=int, default=10)
    parser.add_argument("--attackers", type=int, default=1000)
    args = parser.parse_args()
    chosen = set(args.only.split(","))
    if "warc" in chosen:
        bench_warc(args.gib)
    if "fetch" in chosen:
        bench_fetch()
    if "slowloris" in chosen:
        bench_slowloris(args.attackers)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
