"""The web worker pool: a check past its deadline is stopped for real (its process replaced at once, the pool back
to full strength), and a queued check whose client has gone never takes a worker."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from presslint import Settings
from presslint.web.app import ServerConfig, create_app
from presslint.web.workers import TimedOut, WorkerPool

TEXT = (
    "Ferry contract delayed\n\nTwo officials at the port authority said on Tuesday that the ferry contract would be "
    "signed next month, but declined to be named because they were not authorised to speak."
)


@pytest.fixture
def trickle():
    """A server that accepts, then sends a header byte every half second: a fetch that never finishes in time."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    def drip(conn: socket.socket) -> None:
        with conn:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                if stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.5)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/story"
    stop.set()
    thread.join(timeout=2)
    server.close()


def _wait_until(client: TestClient, key: str, value: int, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get("/healthz").json()
        if status[key] == value:
            return status
        time.sleep(0.2)
    raise AssertionError(f"{key} never reached {value}: {status}")


def test_web_workers_deadline_replaces_the_worker_and_the_pool_recovers(tmp_path, trickle):
    config = ServerConfig(
        settings=Settings(db=str(tmp_path / "w.db")), workers=1, queue=2, timeout=3.0, allow_private=True
    )
    with TestClient(create_app(config), base_url="http://localhost") as client:
        started = time.monotonic()
        slow = client.post("/api/v1/check", json={"url": trickle, "allow_private": True})
        assert slow.status_code == 504 and slow.json()["error"]["code"] == "E705"
        assert time.monotonic() - started < 10  # the deadline, not the fetch's own 15 s or more
        status = client.get("/healthz").json()
        assert status["restarted"] == 1 and status["in_flight"] == 0
        _wait_until(client, "idle", 1)  # the replacement loaded: full strength again
        ok = client.post("/api/v1/check", json={"text": TEXT})
        assert ok.status_code == 200, ok.text


def test_web_workers_queued_job_of_a_gone_client_never_takes_a_worker(tmp_path, trickle):
    async def scenario() -> tuple[int, int, int]:
        pool = WorkerPool(Settings(db=str(tmp_path / "q.db"), allow_private=True), workers=1, queue=2, timeout=4.0)
        await pool.start()
        try:
            busy = asyncio.create_task(pool.check({"url": trickle, "settings": {"allow_private": True}}))
            await asyncio.sleep(0.5)  # the only worker is now fetching
            waiting = asyncio.create_task(pool.check({"text": TEXT}))
            await asyncio.sleep(0.2)
            assert pool.in_flight == 2
            waiting.cancel()  # the client went away while its job was queued
            await asyncio.gather(waiting, return_exceptions=True)
            after_cancel = pool.in_flight
            with pytest.raises(TimedOut):
                await busy
            return after_cancel, pool.in_flight, pool.restarted
        finally:
            pool.shutdown()

    after_cancel, after_timeout, restarted = asyncio.run(scenario())
    assert after_cancel == 1  # dropped from the queue, the running one still counts
    assert after_timeout == 0 and restarted == 1
