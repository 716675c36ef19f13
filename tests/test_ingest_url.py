"""URL fetching against a local server: address guard, redirects, limits, HTTP errors. No real network."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from presslint import Settings
from presslint.errors import PresslintError
from presslint.ingest import fetch, iter_inputs, read
from presslint.ingest import url as url_module

PAGE = (
    b"<!DOCTYPE html><html><head><title>Library reopens after flood repairs</title>"
    b'<meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2024-02-09">'
    b'<meta property="og:site_name" content="Riverside Gazette"></head><body><nav><a href="/">Home</a></nav>'
    b"<article><h1>Library reopens after flood repairs</h1>"
    b"<p>The central library reopened on Friday, eight months after floodwater damaged its ground floor and much of its "
    b"children's collection.</p><p>The council said the repairs cost about 1.3 million pounds, most of it covered by "
    b"insurance.</p></article></body></html>"
)
TEXT = b"Ferry timetable changes\n\nThe ferry company said on Monday that winter sailings would start early."
CAFE = "Café prices “rise”\n\nThe café said prices would rise by 5 percent next week, blaming energy costs."


class Handler(BaseHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in headers:
            self.send_header(key, value)
        if not any(k == "Content-Length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/article": lambda: self.send(200, PAGE),
            "/text": lambda: self.send(200, TEXT, "text/plain; charset=utf-8"),
            "/cp1252": lambda: self.send(200, CAFE.encode("cp1252"), "text/plain; charset=windows-1252"),
            "/moved": lambda: self.send(301, headers=[("Location", "/article")]),
            "/hop": lambda: self.send(302, headers=[("Location", "/moved")]),
            "/loop": lambda: self.send(302, headers=[("Location", "/loop")]),
            "/missing": lambda: self.send(404, b"not here"),
            "/broken": lambda: self.send(500, b"oops"),
            "/pdf": lambda: self.send(200, b"%PDF-1.4 ...", "application/pdf"),
            "/empty-page": lambda: self.send(200, b"<html><body><nav>Home</nav></body></html>"),
            "/big-declared": lambda: self.send(200, b"x" * 10, headers=[("Content-Length", "999999999")]),
            "/metadata": lambda: self.send(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")]),
            "/private": lambda: self.send(302, headers=[("Location", "http://10.1.2.3/admin")]),
            "/mapped": lambda: self.send(307, headers=[("Location", "http://[::ffff:192.168.0.1]/")]),
            "/ftp": lambda: self.send(302, headers=[("Location", "ftp://files.example/x")]),
        }
        if self.path in routes:
            return routes[self.path]()
        if self.path == "/big":  # no Content-Length: the cap must stop the stream itself
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"word " * 2000)
            except OSError:
                pass
            return None
        if self.path == "/slow":
            time.sleep(2)
            return self.send(200, PAGE)
        if self.path.startswith("/trickle-"):
            return self.trickle(self.path.removeprefix("/trickle-"))
        if self.path.startswith("/slow-hop/"):  # each hop answers in 0.4 s, well inside any socket timeout
            left = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.4)
            if left:
                return self.send(302, headers=[("Location", f"/slow-hop/{left - 1}")])
            return self.send(200, PAGE)
        return self.send(404)

    def trickle(self, what: str) -> None:
        """One byte every 50 ms, forever (until the client hangs up): in the status line and headers, or in the
        body after complete headers. Every single read succeeds long before any socket timeout."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        try:
            if what == "body":
                self.wfile.write(head + b"Content-Length: 1000000\r\n\r\n")
                self.wfile.flush()
                stream = PAGE * 2_000
            else:
                stream = head + b"X-Padding: " + b"a" * 10_000_000
            for byte in stream:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass
        self.close_connection = True


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = Settings(allow_private=True, fetch_timeout=5)


def code_of(url, settings=LOCAL):
    with pytest.raises(PresslintError) as err:
        fetch(url, settings=settings)
    return err.value.code


def test_ingest_url_fetches_html_with_metadata(server):
    article = fetch(server + "/article", settings=LOCAL)
    assert article.title == "Library reopens after flood repairs"
    assert (article.byline, article.date, article.outlet) == ("Ana Ruiz", "2024-02-09", "Riverside Gazette")
    assert article.url == server + "/article" and article.origin == server + "/article"
    assert article.language == "en" and "Home" not in article.text


def test_ingest_url_sends_presslint_user_agent(server):
    Handler.seen_agents.clear()
    fetch(server + "/text", settings=LOCAL)
    agent = Handler.seen_agents[-1]
    assert agent.startswith("presslint/") and agent.endswith("(+https://github.com/presslint/presslint)")


def test_ingest_url_plain_text_and_declared_charset(server):
    assert fetch(server + "/text", settings=LOCAL).title == "Ferry timetable changes"
    article = fetch(server + "/cp1252", settings=LOCAL)
    assert article.title == "Café prices “rise”" and article.encoding == "cp1252"


def test_ingest_url_follows_redirects_and_records_final_url(server):
    article = read(server + "/hop", settings=LOCAL)
    assert article.url == server + "/article" and article.origin == server + "/hop"


@pytest.mark.parametrize(
    "path, code",
    [
        ("/loop", "E202"),  # more than five redirects
        ("/missing", "E205"),
        ("/broken", "E205"),
        ("/pdf", "E103"),
        ("/empty-page", "E106"),
        ("/big-declared", "E203"),
        ("/ftp", "E204"),
    ],
)
def test_ingest_url_failures_are_coded(server, path, code):
    assert code_of(server + path) == code


def test_ingest_url_size_cap_stops_a_stream_without_length(server):
    assert code_of(server + "/big", Settings(allow_private=True, max_bytes=100_000)) == "E203"


def test_ingest_url_timeout_is_e202(server):
    start = time.perf_counter()
    assert code_of(server + "/slow", Settings(allow_private=True, fetch_timeout=0.3)) == "E202"
    assert time.perf_counter() - start < 1.5


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body", "/slow-hop/5"])
def test_ingest_url_one_deadline_covers_headers_body_and_redirects(server, path):
    # Socket timeouts never fire here (each byte or hop arrives in well under a second); the deadline does.
    start = time.perf_counter()
    with pytest.raises(PresslintError) as err:
        fetch(server + path, settings=Settings(allow_private=True, fetch_timeout=1.0))
    elapsed = time.perf_counter() - start
    assert err.value.code == "E202" and "timed out" in err.value.message
    assert 0.9 < elapsed < 1.6


def test_ingest_url_deadline_covers_the_name_lookup(monkeypatch):
    def hanging_lookup(host, port):
        time.sleep(5)
        return [(socket.AF_INET, "93.184.216.34")]

    monkeypatch.setattr(url_module, "resolve", hanging_lookup)
    start = time.perf_counter()
    with pytest.raises(PresslintError) as err:
        fetch("http://slow-dns.example/story", settings=Settings(fetch_timeout=0.5))
    assert err.value.code == "E202" and time.perf_counter() - start < 1.0


def test_ingest_url_closed_port_is_unreachable():
    with socket.socket() as sock:  # a port that was free a moment ago and has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert code_of(f"http://127.0.0.1:{port}/") == "E202"


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "gopher://x", "http:///nohost"])
def test_ingest_url_only_http_and_https(url):
    assert code_of(url, Settings()) == "E204"


def test_ingest_url_private_address_refused_without_allow_private(server):
    with pytest.raises(PresslintError) as err:
        fetch(server + "/article", settings=Settings())
    assert err.value.code == "E201" and "127.0.0.1" in err.value.message


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://127.1/",
        "http://2130706433/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/",
    ],
)
def test_ingest_url_private_hosts_refused_before_connecting(url):
    assert code_of(url, Settings()) == "E201"


@pytest.mark.parametrize("path", ["/metadata", "/private", "/mapped"])
def test_ingest_url_redirect_to_private_address_refused(server, monkeypatch, path):
    # Treat the test server as if it were public, so only the redirect hop meets the guard.
    real = url_module.blocked
    monkeypatch.setattr(url_module, "blocked", lambda a: a != ipaddress.ip_address("127.0.0.1") and real(a))
    assert fetch(server + "/article", settings=Settings()).title  # the first hop alone passes
    assert code_of(server + path, Settings()) == "E201"


@pytest.mark.parametrize(
    "address, refused",
    [
        ("8.8.8.8", False),
        ("93.184.216.34", False),
        ("2606:4700:4700::1111", False),
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.0.10", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("255.255.255.255", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("ff02::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("2002:7f00:1::", True),  # 6to4 wrapping 127.0.0.1
    ],
)
def test_ingest_url_address_classification(address, refused):
    assert url_module.blocked(ipaddress.ip_address(address)) is refused


def test_ingest_url_failures_in_a_batch_do_not_stop_it(server):
    items = list(iter_inputs([server + "/missing", server + "/text"], settings=LOCAL))
    assert [getattr(i, "code", "ok") for i in items] == ["E205", "ok"]
