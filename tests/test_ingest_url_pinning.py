"""The URL guard vets every address a name resolves to and then connects to exactly the vetted address (no DNS
rebinding), keeping the name for the Host header and for TLS (SNI and certificate check).

A fake resolver stands in for DNS: it answers for the made-up host ``news.example`` and can answer differently the
second time it is asked, as a rebinding attacker's DNS server does. Local servers listen on 127.0.0.1 (treated as a
public address by these tests) and 127.0.0.2 (still refused, playing the internal host an attacker wants to reach).
No test touches the network: any connection to an address outside 127.0.0.0/8 fails the test at once.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from presslint import Settings
from presslint.errors import PresslintError
from presslint.ingest import url as url_module
from presslint.ingest.url import download

TLS = Path(__file__).resolve().parent / "fixtures" / "tls"
HOST = "news.example"
PUBLIC = "127.0.0.1"  # where the vetted answer points
INTERNAL = "127.0.0.2"  # where a rebound answer points
SILENT = "127.0.0.3"  # a vetted address with nothing listening

_REAL_GETADDRINFO = socket.getaddrinfo
_REAL_CREATE_CONNECTION = socket.create_connection


class Resolver:
    """Answers for HOST from a script: the n-th question gets the n-th answer (the last one repeats)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = answers
        self.questions = 0

    def __call__(self, host, port, family=0, type=0, proto=0, flags=0):
        if host != HOST:
            return _REAL_GETADDRINFO(host, port, family, type, proto, flags)
        answer = self.answers[min(self.questions, len(self.answers) - 1)]
        self.questions += 1
        infos = []
        for address in answer:
            ip = ipaddress.ip_address(address)
            if ip.version == 6:
                infos.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
            else:
                infos.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
        return infos


def _loopback_only(address, *args, **kwargs):
    host = address[0]
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False  # a name reaching here would be resolved again: that is the rebinding hole itself
    if not local:
        pytest.fail(f"the fetch tried to connect to {host!r}; tests never leave the machine")
    return _REAL_CREATE_CONNECTION(address, *args, **kwargs)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = f"served by {self.server.label}; Host: {self.headers.get('Host')}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _server_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "news.example.pem", TLS / "news.example.key")
    return context


def _start(address: str, port: int, label: str, tls: bool, names_seen: list):
    httpd = ThreadingHTTPServer((address, port), Handler)
    httpd.label = label
    httpd.daemon_threads = True
    if tls:
        context = _server_context()
        context.sni_callback = lambda sock, name, ctx: names_seen.append(name)
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return httpd


@pytest.fixture(scope="module", params=["http", "https"])
def _listening(request):
    tls = request.param == "https"
    names: list[str] = []
    vetted = _start(PUBLIC, 0, "vetted", tls, names)
    port = vetted.server_address[1]
    rebound = _start(INTERNAL, port, "rebound", tls, names)
    yield request.param, port, names
    for httpd in (vetted, rebound):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def servers(_listening, monkeypatch):
    """(scheme, port, SNI names seen): a 'vetted' server on PUBLIC and a 'rebound' one on INTERNAL, same port."""
    scheme, port, names = _listening
    names.clear()
    if scheme == "https":  # the client trusts exactly the test certificate, and still checks it against the name
        client = ssl.create_default_context(cafile=str(TLS / "news.example.pem"))
        monkeypatch.setattr(ssl, "_create_default_https_context", lambda *a, **k: client)
    return scheme, port, names


@pytest.fixture(autouse=True)
def guard(monkeypatch):
    """127.0.0.1 and 127.0.0.3 count as public; every other address keeps the real policy; loopback-only sockets."""
    real = url_module.blocked
    public = {ipaddress.ip_address(PUBLIC), ipaddress.ip_address(SILENT)}
    monkeypatch.setattr(url_module, "blocked", lambda a: a not in public and real(a))
    monkeypatch.setattr(socket, "create_connection", _loopback_only)


def _fetch(resolver: Resolver, url: str, monkeypatch) -> str:
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    body, _type, _final = download(url, settings=Settings(fetch_timeout=5))
    return body.decode()


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param([[PUBLIC], [INTERNAL]], id="second-answer-internal"),
        pytest.param([[PUBLIC], [INTERNAL, PUBLIC]], id="second-answer-internal-first"),
        pytest.param([[PUBLIC], ["10.0.0.7"]], id="second-answer-private"),
    ],
)
def test_ingest_url_connects_to_the_vetted_address_not_a_rebound_one(servers, answers, monkeypatch):
    scheme, port, _ = servers
    body = _fetch(Resolver(*answers), f"{scheme}://{HOST}:{port}/story", monkeypatch)
    assert body.startswith("served by vetted")


def test_ingest_url_pinned_connection_keeps_the_name_for_host_and_tls(servers, monkeypatch):
    scheme, port, sni = servers
    body = _fetch(Resolver([PUBLIC], [INTERNAL]), f"{scheme}://{HOST}:{port}/story", monkeypatch)
    assert body == f"served by vetted; Host: {HOST}:{port}"
    if scheme == "https":  # the certificate for news.example was checked against the name, and SNI named it
        assert sni == [HOST]


@pytest.mark.parametrize(
    "answer, refused",
    [
        ([PUBLIC, "127.0.0.2"], "127.0.0.2"),
        ([PUBLIC, "10.0.0.5"], "10.0.0.5"),
        ([PUBLIC, "169.254.169.254"], "169.254.169.254"),
        ([PUBLIC, SILENT, "192.168.1.20"], "192.168.1.20"),
        ([PUBLIC, "::1"], "::1"),
        ([PUBLIC, "::ffff:192.168.0.1"], "::ffff:192.168.0.1"),
        (["172.16.0.9", PUBLIC], "172.16.0.9"),
    ],
)
def test_ingest_url_every_resolved_address_is_vetted(servers, answer, refused, monkeypatch):
    scheme, port, _ = servers
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(answer))
    with pytest.raises(PresslintError) as err:
        download(f"{scheme}://{HOST}:{port}/story", settings=Settings(fetch_timeout=5))
    assert err.value.code == "E201" and refused in err.value.message


@pytest.mark.parametrize(
    "answer, served",
    [
        ([SILENT, PUBLIC], "vetted"),  # the first vetted address refuses: the next vetted one is tried
        ([PUBLIC, SILENT], "vetted"),
    ],
)
def test_ingest_url_tries_the_vetted_addresses_in_order(servers, answer, served, monkeypatch):
    scheme, port, _ = servers
    assert _fetch(Resolver(answer), f"{scheme}://{HOST}:{port}/", monkeypatch).startswith(f"served by {served}")


def test_ingest_url_no_vetted_address_answers_is_e202(servers, monkeypatch):
    scheme, port, _ = servers
    monkeypatch.setattr(socket, "getaddrinfo", Resolver([SILENT]))
    with pytest.raises(PresslintError) as err:
        download(f"{scheme}://{HOST}:{port}/", settings=Settings(fetch_timeout=5))
    assert err.value.code == "E202" and "refused" in err.value.message


def test_ingest_url_allow_private_still_connects_to_the_resolved_address(servers, monkeypatch):
    scheme, port, _ = servers
    monkeypatch.setattr(socket, "getaddrinfo", Resolver([INTERNAL], [PUBLIC]))
    body, _type, _final = download(f"{scheme}://{HOST}:{port}/", settings=Settings(allow_private=True, fetch_timeout=5))
    assert body.decode().startswith("served by rebound")


# -- what the lookup and the connection can go wrong with ----------------------------------------------------------
class Failing:
    """A resolver that fails for HOST."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __call__(self, host, *args, **kwargs):
        if host == HOST:
            raise self.error
        return _REAL_GETADDRINFO(host, *args, **kwargs)


@pytest.mark.parametrize(
    "resolver, reason",
    [
        (Resolver([]), "'news.example' has no address"),
        (
            Failing(socket.gaierror(-2, "Name or service not known")),
            "cannot resolve 'news.example' ([Errno -2] Name or service not known)",
        ),
        (Failing(UnicodeError("label too long")), "cannot resolve 'news.example' (label too long)"),
    ],
)
def test_ingest_url_lookup_failures_are_e202(resolver, reason, monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(PresslintError) as err:
        download(f"http://{HOST}/story", settings=Settings())
    assert err.value.message == f"E202: Cannot fetch 'http://{HOST}/story': {reason}"


def test_ingest_url_scoped_address_is_reported_without_its_zone(monkeypatch):
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fe80::1%eth0", 80, 0, 2))],
    )
    with pytest.raises(PresslintError) as err:
        download(f"http://{HOST}/", settings=Settings())
    assert err.value.message.endswith("private or loopback address (fe80::1)")


@pytest.mark.parametrize(
    "url, port",
    [
        (f"http://{HOST}/story", 80),
        (f"https://{HOST}/story", 443),
        (f"http://{HOST}:8080/story", 8080),
        (f"https://{HOST}:8443/story", 8443),
    ],
)
def test_ingest_url_connects_to_the_vetted_address_on_the_url_port(url, port, monkeypatch):
    tried = []

    def refuse(address, *args, **kwargs):
        tried.append(address)
        raise ConnectionRefusedError

    monkeypatch.setattr(socket, "getaddrinfo", Resolver([PUBLIC]))
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(PresslintError) as err:
        download(url, settings=Settings())
    assert tried == [(PUBLIC, port)] and err.value.message.endswith(": connection refused")


@pytest.mark.parametrize(
    "error, reason",
    [
        (ConnectionRefusedError(111, "Connection refused"), "connection refused"),
        (TimeoutError(), "timed out"),
        (TimeoutError("read timed out"), "timed out"),
        (OSError(101, "Network is unreachable"), "[Errno 101] Network is unreachable"),
        (OSError(), "OSError"),  # no text of its own: the error's name
    ],
)
def test_ingest_url_connection_errors_are_e202_with_a_reason(error, reason, monkeypatch):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(socket, "getaddrinfo", Resolver([PUBLIC]))
    monkeypatch.setattr(socket, "create_connection", fail)
    with pytest.raises(PresslintError) as err:
        download(f"http://{HOST}/story", settings=Settings())
    assert err.value.message == f"E202: Cannot fetch 'http://{HOST}/story': {reason}"
