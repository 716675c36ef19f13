"""The server's rails against hostile clients: trusted hosts, auth before the body, ids, bounded Retry-After (through
TestClient), and, on a real uvicorn server in a thread, slowloris, header and idle timeouts and the JSON 503 of the
connection limit. Every test ends in seconds."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
import threading
import time

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from presslint.config import Settings
from presslint.web.app import ServerConfig, create_app
from presslint.web.server import MAX_RETRY_AFTER, ServerLimits, bounded_retry_after, uvicorn_config
from presslint.web.workers import Overloaded

HUGE = "99999999999999999999999"


def _app(tmp_path, **options):
    return create_app(ServerConfig(settings=Settings(db=str(tmp_path / "w.db")), **options), start_workers=False)


def _code(response) -> str:
    return response.json()["error"]["code"]


# -- trusted hosts --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host, allowed, status",
    [
        ("localhost", None, 200),
        ("localhost:8000", None, 200),
        ("127.0.0.1:8000", None, 200),
        ("[::1]:8000", None, 200),
        ("LOCALHOST.", None, 200),
        ("evil.example", None, 400),  # a DNS-rebinding page reaches us under its own name
        ("evil.example:8000", None, 400),
        ("127.0.0.1.evil.example", None, 400),
        ("", None, 400),
        ("news.example:8000", ["news.example"], 200),
        ("anything.example", ["*"], 200),
    ],
)
def test_web_server_trusted_hosts(tmp_path, host, allowed, status):
    options = {"allowed_hosts": ["localhost", "127.0.0.1", "::1", *allowed]} if allowed else {}
    with TestClient(_app(tmp_path, **options)) as client:
        response = client.get("/api/v1/rules", headers={"host": host})
    assert response.status_code == status
    if status == 400:
        assert _code(response) == "E711" and "content-security-policy" in response.headers


# -- auth before body -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "authorization, status, code",
    [
        (None, 401, "E703"),
        ("Bearer wrong", 401, "E703"),
        ("Basic czNjcmV0", 401, "E703"),
        ("Bearer s3cret", 422, "E702"),  # the right token: now the body is read and found malformed
    ],
)
def test_web_server_auth_comes_before_body_parsing(tmp_path, authorization, status, code):
    headers = {"content-type": "application/json", "host": "localhost"}
    if authorization:
        headers["authorization"] = authorization
    with TestClient(_app(tmp_path, token="s3cret")) as client:
        response = client.post("/api/v1/check", content=b"{not json", headers=headers)
    assert response.status_code == status and _code(response) == code


def test_web_server_auth_refuses_before_reading_a_large_body(tmp_path):
    with TestClient(_app(tmp_path, token="s3cret", max_body=1000)) as client:
        response = client.post("/api/v1/check", content=b"x" * 5000, headers={"host": "localhost"})
    assert response.status_code == 401  # not 413: an unauthenticated body is never looked at


# -- ids ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path, code",
    [
        (f"/api/v1/reports/{HUGE}", "E401"),
        (f"/api/v1/reports/{HUGE}/html", "E401"),
        (f"/api/v1/reports/{HUGE}/claimreview", "E401"),
        ("/api/v1/reports/-5", "E401"),
        ("/api/v1/reports/0", "E401"),
        (f"/api/v1/stories/{HUGE}", "E710"),
        ("/api/v1/stories/-1", "E710"),
    ],
)
def test_web_server_out_of_range_ids_are_404(tmp_path, path, code):
    with TestClient(_app(tmp_path), base_url="http://localhost") as client:
        response = client.get(path)
    assert response.status_code == 404 and _code(response) == code


def test_web_server_history_offset_past_any_end_is_empty(tmp_path):
    with TestClient(_app(tmp_path), base_url="http://localhost") as client:
        response = client.get(f"/api/v1/history?offset={HUGE}")
    assert response.status_code == 200 and response.json() == []


# -- Retry-After ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "estimate, ceiling, expected",
    [(0.2, 30, 1), (4.1, 30, 5), (128, 30, 30), (128, 10, 10), (float("inf"), 30, 30), (None, 30, 30), (5, 0.5, 1)],
)
def test_web_server_retry_after_is_bounded(estimate, ceiling, expected):
    assert bounded_retry_after(estimate, ceiling) == expected


def test_web_server_one_giant_job_does_not_poison_retry_after(tmp_path):
    app = _app(tmp_path, timeout=20.0)

    async def busy(job):
        raise Overloaded(128)  # what the pool's running mean said after one 10-minute job

    app.state.pool.check = busy
    with TestClient(app, base_url="http://localhost") as client:
        response = client.post("/api/v1/check", json={"text": "Headline\n\nSome text here for the check."})
    assert response.status_code == 503 and _code(response) == "E704"
    assert response.headers["retry-after"] == "20" and "retry after 20 s" in response.json()["error"]["message"]


# -- serve: token beyond loopback, allowed hosts ---------------------------------------------------------------------
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "news-box.example"])
def test_web_server_serving_beyond_loopback_needs_a_token(monkeypatch, host):
    from presslint.cli import main

    monkeypatch.delenv("PRESSLINT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--host", host])
    assert result.exit_code == 2 and "E309" in result.output


@pytest.mark.parametrize(
    "host, extra, expected",
    [
        ("127.0.0.1", (), ["localhost", "127.0.0.1", "::1"]),
        ("0.0.0.0", ("news.example",), ["localhost", "127.0.0.1", "::1", "news.example"]),
        ("192.0.2.10", (), ["localhost", "127.0.0.1", "::1", "192.0.2.10"]),
    ],
)
def test_web_server_allowed_hosts_follow_the_bound_address(host, extra, expected):
    from presslint.cli.web import allowed_hosts

    assert allowed_hosts(host, extra) == expected


# -- a real server --------------------------------------------------------------------------------------------------
@pytest.fixture
def serve(tmp_path):
    """serve(limits) -> port of a uvicorn server in a thread, with /slow (1.5 s) added to the app."""
    import uvicorn

    servers = []

    def start(limits: ServerLimits) -> int:
        app = _app(tmp_path)

        @app.get("/slow")
        async def slow() -> dict:
            await asyncio.sleep(1.5)
            return {"ok": True}

        server = uvicorn.Server(
            uvicorn_config(app, host="127.0.0.1", port=0, limits=limits, retry_after=lambda: 7.2, log_level="error")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        servers.append((server, thread))
        return server.servers[0].sockets[0].getsockname()[1]

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(5)


def _half_open(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: a")  # headers never finish
    return sock


def _get(port: int, path: str = "/healthz") -> tuple[int, dict, bytes, float]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body, time.perf_counter() - start
    finally:
        conn.close()


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """True when the server closes the connection within ``within`` seconds (whatever it still sends first)."""
    end = time.monotonic() + within
    try:
        while (left := end - time.monotonic()) > 0:
            sock.settimeout(left)
            if sock.recv(65536) == b"":
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        pass
    return False


def test_web_server_slowloris_does_not_deny_service(serve):
    port = serve(ServerLimits(max_connections=32, header_timeout=5.0))
    attackers = [_half_open(port) for _ in range(120)]  # nearly four times the connection limit
    try:
        latencies = []
        for _ in range(10):
            status, _, _, seconds = _get(port)
            assert status == 200
            latencies.append(seconds)
        assert max(latencies) < 1.0
        assert sum(_closed_by_server(sock, 0.01) for sock in attackers[:40]) >= 30  # the oldest were evicted
    finally:
        for sock in attackers:
            sock.close()


def test_web_server_headers_must_arrive_in_time_however_they_trickle(serve):
    port = serve(ServerLimits(header_timeout=0.6))
    sock = _half_open(port)
    start = time.perf_counter()
    closed = False
    try:
        while time.perf_counter() - start < 3:
            try:
                sock.sendall(b"a")  # a header byte every 100 ms: each one alone would reset a read timeout
            except OSError:
                closed = True
                break
            if _closed_by_server(sock, 0.1):
                closed = True
                break
    finally:
        sock.close()
    assert closed and time.perf_counter() - start < 1.5


def test_web_server_idle_keep_alive_connection_is_closed(serve):
    port = serve(ServerLimits(keep_alive=0.4))
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert b"200 OK" in sock.recv(65536)
        start = time.perf_counter()
        assert _closed_by_server(sock, 2.0) and time.perf_counter() - start < 1.5
    finally:
        sock.close()


def test_web_server_overload_is_a_fast_json_503_with_retry_after_and_security_headers(serve):
    port = serve(ServerLimits(max_connections=4, header_timeout=5.0))
    busy = [threading.Thread(target=_get, args=(port, "/slow")) for _ in range(4)]
    for thread in busy:
        thread.start()
    time.sleep(0.4)  # all four are in the app now
    try:
        status, headers, body, seconds = _get(port)
    finally:
        for thread in busy:
            thread.join()
    headers = {k.lower(): v for k, v in headers.items()}
    assert status == 503 and seconds < 0.5
    assert headers["content-type"] == "application/json" and json.loads(body)["error"]["code"] == "E712"
    assert headers["retry-after"] == "8" and 1 <= int(headers["retry-after"]) <= MAX_RETRY_AFTER
    assert "content-security-policy" in headers and headers["x-content-type-options"] == "nosniff"
    assert _get(port)[0] == 200  # and service resumes once they are done
