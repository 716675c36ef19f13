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
# Texts whose bytes a guess gets wrong (Mac Roman read as cp1252: 'BŠckerei'; KOI8-R read as Shift JIS), so only
# the declared charset decodes them.
BAKERY = "Bäckerei erhöht Preise\n\nDie Bäckerei in Köln erhöht die Preise für Brötchen um fünf Prozent."
PRICES_RU = "Цены растут\n\nКафе сообщило, что цены вырастут на 5 процентов на следующей неделе."
MAC_PAGE = (
    '<html><head><meta charset="macintosh"><title>Bäckerei erhöht Preise</title></head><body><article>'
    "<h1>Bäckerei erhöht Preise</h1><p>Die Bäckerei in Köln erhöht die Preise für Brötchen um fünf Prozent, sagte "
    "der Inhaber am Montag.</p></article></body></html>"
).encode("mac_roman")
DAMAGED = "Café prices rise\n\nThe café said that prices at the café would rise next week.".encode() + b"\xff"
# Declared HTML that sniffing alone would not call HTML (one paragraph, no document opener).
FRAGMENT = b"Ferry timetable changes\n<p>The ferry company said on Monday that winter sailings would start early.</p>"
# Plain text in cp1252 that mentions a <meta> tag: only an HTML page's own <meta> declares a charset.
ABOUT_META = (
    "Caf\u00e9 prices \u201crise\u201d\n\nThe caf\u00e9 said prices would rise by 5 percent next week. Its web page "
    "still carries <meta charset=koi8-r> from an old template."
).encode("cp1252")
EXACT = b"Exact size\n\n" + b"word " * 198 + b"end."
LONG = b"Long read\n\n" + b"".join(
    b"Paragraph %d of a very long report on the harbour works.\n" % i for i in range(4000)
)


class Handler(BaseHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []
    seen: ClassVar[list[tuple[str, dict[str, str]]]] = []  # (request target, headers) of every request

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

    def send_raw(self, status, body, headers):  # exactly these headers, nothing added
        self.send_response_only(status)
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        Handler.seen.append((self.path, dict(self.headers.items())))
        if self.path.startswith("/chain/"):  # /chain/N redirects N times before the article
            hops = int(self.path.rsplit("/", 1)[1])
            return self.send(302, headers=[("Location", f"/chain/{hops - 1}")]) if hops else self.send(200, PAGE)
        if self.path.startswith("/echo"):
            return self.send(200, b"Echo\n\nThe server was asked for " + self.path.encode() + b".", "text/plain")
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
            "/no-location": lambda: self.send(302),
            "/bad-request": lambda: self.send(400, b"no"),
            "/json": lambda: self.send(200, b'{"headline": "Ferry timetable changes"}', "application/json"),
            "/xhtml": lambda: self.send(200, PAGE, "application/xhtml+xml; charset=utf-8; profile=news"),
            "/xml-text": lambda: self.send(200, TEXT, "application/xml"),
            "/html-as-text": lambda: self.send(200, PAGE, "text/plain; charset=utf-8"),
            "/untyped-html": lambda: self.send_raw(200, PAGE, [("Content-Length", str(len(PAGE)))]),
            "/untyped-pdf": lambda: self.send_raw(200, b"%PDF-1.4 ...", [("Content-Length", "12")]),
            "/text-with-nul": lambda: self.send(200, b"Ferry\x00timetable\x00changes" * 4, "text/plain"),
            "/macintosh": lambda: self.send(200, BAKERY.encode("mac_roman"), "text/plain; charset=macintosh"),
            "/meta-macintosh": lambda: self.send(200, MAC_PAGE, "text/html"),
            "/koi8": lambda: self.send(200, PRICES_RU.encode("koi8_r"), "text/plain; charset=KOI8-R"),
            "/koi8-rfc2231": lambda: self.send(
                200, PRICES_RU.encode("koi8_r"), "text/plain; charset*=us-ascii'en'KOI8-R"
            ),
            "/macintosh-rfc2231": lambda: self.send(
                200, BAKERY.encode("mac_roman"), "text/plain; charset*=''macintosh"
            ),
            "/unknown-charset": lambda: self.send(200, TEXT, "text/plain; charset=x-no-such-charset"),
            "/damaged-utf8": lambda: self.send(200, DAMAGED, "text/plain"),
            "/empty-text": lambda: self.send(200, b"", "text/plain"),
            "/moved-text": lambda: self.send(301, headers=[("Location", "/text")]),
            "/exact": lambda: self.send(200, EXACT, "text/plain"),
            "/many-chunks": lambda: self.send(200, LONG, "text/plain"),
            "/html-fragment": lambda: self.send(200, FRAGMENT, "text/html"),
            "/xhtml-fragment": lambda: self.send(200, FRAGMENT, "application/xhtml+xml"),
            "/text-about-meta": lambda: self.send(200, ABOUT_META, "text/plain"),
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
        if self.path == "/trickle":  # headers at once, then a few bytes every 0.1 s for 2 s
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"word ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            return None
        if self.path == "/hang-up":  # close the connection without an answer
            self.close_connection = True
            return None
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
        ("2002:5db8:d822::", False),  # 6to4 wrapping a public address
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", True),  # Teredo whose client is 10.0.0.1
        ("64:ff9b::a00:1", True),  # NAT64 prefix (a reserved range) wrapping 10.0.0.1
        ("fec0::1", True),  # deprecated site-local: Python's ipaddress calls it global
        ("198.18.0.1", True),  # benchmarking range
        ("2001:db8::1", True),  # documentation range
    ],
)
def test_ingest_url_address_classification(address, refused):
    assert url_module.blocked(ipaddress.ip_address(address)) is refused


def test_ingest_url_failures_in_a_batch_do_not_stop_it(server):
    items = list(iter_inputs([server + "/missing", server + "/text"], settings=LOCAL))
    assert [getattr(i, "code", "ok") for i in items] == ["E205", "ok"]


# -- what the user reads: each failure's full message names the URL and the reason ---------------------------------
@pytest.mark.parametrize(
    "path, message",
    [
        ("/loop", "E202: Cannot fetch '{server}/loop': more than 5 redirects"),
        ("/chain/6", "E202: Cannot fetch '{server}/chain/6': more than 5 redirects"),
        ("/missing", "E205: '{server}/missing' answered HTTP 404"),
        ("/broken", "E205: '{server}/broken' answered HTTP 500"),
        ("/bad-request", "E205: '{server}/bad-request' answered HTTP 400"),
        ("/no-location", "E205: '{server}/no-location' answered HTTP 302"),
        ("/pdf", "E103: '{server}/pdf' looks binary (not text or HTML): the server sent application/pdf"),
        ("/json", "E103: '{server}/json' looks binary (not text or HTML): the server sent application/json"),
        ("/untyped-pdf", "E103: '{server}/untyped-pdf' looks binary (not text or HTML): it starts like a PDF document"),
        ("/text-with-nul", "E103: '{server}/text-with-nul' looks binary (not text or HTML): it contains NUL bytes"),
        ("/empty-text", "E102: '{server}/empty-text' is empty: there is no text to check"),
        # the server's word decides: declared HTML goes to the HTML extractor, even when it does not look like a page
        ("/html-fragment", "E106: No article text could be extracted from the HTML in '{server}/html-fragment'"),
        ("/xhtml-fragment", "E106: No article text could be extracted from the HTML in '{server}/xhtml-fragment'"),
        ("/big-declared", "E203: '{server}/big-declared' sent more than 10000000 bytes; stopped reading"),
        ("/ftp", "E204: Only http and https URLs can be fetched, not 'ftp://files.example/x'"),
        ("/hang-up", "E202: Cannot fetch '{server}/hang-up': Remote end closed connection without response"),
    ],
)
def test_ingest_url_failure_messages(server, path, message):
    with pytest.raises(PresslintError) as err:
        fetch(server + path, settings=Settings(allow_private=True, fetch_timeout=5, max_bytes=10_000_000))
    assert err.value.message == message.format(server=server)


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://news.example:99999/", "E202: Cannot fetch 'http://news.example:99999/': bad port"),
        ("mailto:desk@news.example", "E204: Only http and https URLs can be fetched, not 'mailto:desk@news.example'"),
    ],
)
def test_ingest_url_bad_urls_are_refused_before_any_lookup(url, message, monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: pytest.fail("looked up a URL it should refuse"))
    with pytest.raises(PresslintError) as err:
        fetch(url, settings=Settings())
    assert err.value.message == message


def test_ingest_url_private_refusal_message_names_url_and_address(server):
    with pytest.raises(PresslintError) as err:
        fetch(server + "/article", settings=Settings())
    assert err.value.message == (
        f"E201: Refusing to fetch '{server}/article': it resolves to a private or loopback address (127.0.0.1)"
    )
    assert err.value.for_interface("cli") == err.value.message + "; pass --allow-private to allow it"


def test_ingest_url_timeout_and_refusal_messages(server):
    with pytest.raises(PresslintError) as err:
        fetch(server + "/slow", settings=Settings(allow_private=True, fetch_timeout=0.3))
    # The socket's timeout or the overall deadline, whichever fires first: both are the same length here.
    assert err.value.message in (
        f"E202: Cannot fetch '{server}/slow': timed out",
        f"E202: Cannot fetch '{server}/slow': timed out: no complete answer within 0.3 s",
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(PresslintError) as err:
        fetch(f"http://127.0.0.1:{port}/", settings=LOCAL)
    assert err.value.message == f"E202: Cannot fetch 'http://127.0.0.1:{port}/': connection refused"


def test_ingest_url_total_deadline_covers_a_trickling_body(server):
    # Each read returns within the socket timeout, but the whole body takes 2 s: the total deadline stops it.
    start = time.perf_counter()
    with pytest.raises(PresslintError) as err:
        fetch(server + "/trickle", settings=Settings(allow_private=True, fetch_timeout=0.5))
    assert err.value.message == f"E202: Cannot fetch '{server}/trickle': timed out: no complete answer within 0.5 s"
    assert time.perf_counter() - start < 1.5


# -- redirects, request line and headers ------------------------------------------------------------------------
@pytest.mark.parametrize("hops", [0, 1, 5])
def test_ingest_url_follows_up_to_five_redirects(server, hops):
    article = fetch(f"{server}/chain/{hops}", settings=LOCAL)
    assert article.title == "Library reopens after flood repairs" and article.url == f"{server}/chain/0"


@pytest.mark.parametrize(
    "suffix, target",
    [
        ("/echo/story?page=2&lang=en", "/echo/story?page=2&lang=en"),
        ("/echo", "/echo"),
        ("/echo?", "/echo"),
        ("/echo/a%20b/", "/echo/a%20b/"),
    ],
)
def test_ingest_url_requests_path_and_query(server, suffix, target):
    Handler.seen.clear()
    fetch(server + suffix, settings=LOCAL)
    assert Handler.seen[-1][0] == target


def test_ingest_url_empty_path_requests_root(server):
    Handler.seen.clear()
    with pytest.raises(PresslintError):  # the root answers 404; what matters is what was asked for
        fetch(server + "?id=7", settings=LOCAL)
    assert [target for target, _ in Handler.seen] == ["/?id=7"]


def test_ingest_url_request_headers(server):
    Handler.seen.clear()
    fetch(server + "/text", settings=LOCAL)
    headers = Handler.seen[-1][1]
    assert headers["Accept"] == "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
    assert headers["Accept-Encoding"] == "identity"  # the size cap counts bytes as they arrive


# -- media types and charsets -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path, title, html",
    [
        ("/article", "Library reopens after flood repairs", True),
        ("/xhtml", "Library reopens after flood repairs", True),  # parameters after the media type
        ("/untyped-html", "Library reopens after flood repairs", True),  # no Content-Type: sniffed
        ("/xml-text", "Ferry timetable changes", False),
        ("/html-as-text", None, False),  # text/plain is text even when it holds markup
    ],
)
def test_ingest_url_media_types(server, path, title, html):
    article = fetch(server + path, settings=LOCAL)
    if html:
        assert article.title == title and "Home" not in article.text and "<" not in article.text
    else:
        assert (article.title == title) if title else article.text.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "path, text, encoding",
    [
        ("/macintosh", "Bäckerei erhöht Preise", "mac-roman"),  # charset from the Content-Type header
        ("/koi8", "Цены растут", "koi8-r"),
        ("/koi8-rfc2231", "Цены растут", "koi8-r"),  # the header's RFC 2231 form (charset*=...) used to crash
        ("/macintosh-rfc2231", "Bäckerei erhöht Preise", "mac-roman"),
        ("/meta-macintosh", "Bäckerei erhöht Preise", "mac-roman"),  # charset from the page's <meta>
        ("/unknown-charset", "Ferry timetable changes", "utf-8"),  # a charset Python does not know is ignored
        ("/text-about-meta", "Café prices “rise”", "cp1252"),  # a <meta> quoted in plain text declares nothing
    ],
)
def test_ingest_url_declared_charset(server, path, text, encoding):
    article = fetch(server + path, settings=LOCAL)
    assert article.text.startswith(text) and article.encoding == encoding


def test_ingest_url_damaged_utf8_is_noted_clean_text_is_not(server):
    damaged = fetch(server + "/damaged-utf8", settings=LOCAL)
    assert [n["code"] for n in damaged.meta["notices"]] == ["W005"]
    assert "notices" not in fetch(server + "/text", settings=LOCAL).meta


def test_ingest_url_plain_text_keeps_origin_and_final_url(server):
    article = fetch(server + "/moved-text", settings=LOCAL)
    assert (article.origin, article.url) == (server + "/moved-text", server + "/text")


# -- the size cap, exactly ------------------------------------------------------------------------------------------
def test_ingest_url_body_of_exactly_the_limit_is_read_whole(server):
    exact = Settings(allow_private=True, max_bytes=len(EXACT))
    assert fetch(server + "/exact", settings=exact).text.endswith("end.")  # Content-Length == limit, size == limit
    with pytest.raises(PresslintError) as err:
        fetch(server + "/exact", settings=Settings(allow_private=True, max_bytes=len(EXACT) - 1))
    assert err.value.message == f"E203: '{server}/exact' sent more than {len(EXACT) - 1} bytes; stopped reading"


def test_ingest_url_streamed_cap_message(server):
    with pytest.raises(PresslintError) as err:
        fetch(server + "/big", settings=Settings(allow_private=True, max_bytes=100_000))
    assert err.value.message == f"E203: '{server}/big' sent more than 100000 bytes; stopped reading"


def test_ingest_url_long_body_arrives_intact(server):
    body, content_type, final = url_module.download(server + "/many-chunks", settings=LOCAL)
    assert body == LONG and len(body) > 3 * 64 * 1024
    assert content_type == "text/plain" and final == server + "/many-chunks"
