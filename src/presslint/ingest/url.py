"""Fetch one article over http(s) with the standard library, guarded against server-side request forgery.

Every hop (the first request and each redirect) resolves the host once, refuses it when any address is private,
loopback, link-local, multicast, reserved or unspecified (IPv4-mapped IPv6 included), and then connects to exactly
the address it checked, so a DNS answer that changes between check and connect cannot slip through. No proxies from
the environment, no compression (the size cap counts the bytes we decode), a size cap, and one deadline per URL
(``fetch_timeout``) over everything: name lookup, connect, TLS, headers, body and every redirect. Socket timeouts
alone cannot give that (a server that sends a header byte a second never lets one expire), so a watchdog closes the
connection when the deadline passes, whatever it is waiting for.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import threading
import time
from email.message import Message
from email.utils import collapse_rfc2231_value
from urllib.parse import urljoin, urlsplit

from .._version import __version__
from ..config import Settings
from ..errors import E, PresslintError
from ..model import Article

USER_AGENT = f"presslint/{__version__} (+https://github.com/presslint/presslint)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def blocked(address: _Address) -> bool:
    """True for any address that is not plainly on the public internet."""
    if isinstance(address, ipaddress.IPv6Address):
        for embedded in (address.ipv4_mapped, address.sixtofour, (address.teredo or (None, None))[1]):
            if embedded is not None and blocked(embedded):
                return True
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)  # fec0::/10: Python calls it global
        or not address.is_global
    )


def resolve(host: str, port: int) -> list[tuple[int, str]]:
    """(address family, address) for every address ``host`` resolves to."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[tuple[int, str]] = []
    for family, _type, _proto, _name, sockaddr in infos:
        address = sockaddr[0]
        if not isinstance(address, str):
            continue  # not an IP family (an int-addressed one such as AF_CAN): nothing to connect to
        item = (family, address.split("%", 1)[0])
        if item not in seen:
            seen.append(item)
    return seen


class _Deadline:
    """One deadline for a whole fetch: the seconds left for each step, and a watchdog that shuts the current
    connection's socket when time is up, which wakes any read or write blocked on it."""

    def __init__(self, seconds: float, url: str) -> None:
        self.seconds, self.url = seconds, url
        self.end = time.monotonic() + seconds
        self.expired = False
        self._conn: http.client.HTTPConnection | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def left(self) -> float:
        """Seconds left; E202 when none are."""
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise self.error()
        return left

    def error(self) -> PresslintError:
        return PresslintError(E.E202, url=self.url, reason=f"timed out: no complete answer within {self.seconds:g} s")

    def watch(self, conn: http.client.HTTPConnection | None) -> None:
        with self._lock:
            self._conn = conn
            if self.expired and conn is not None:
                _shut(conn)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._conn is not None:
                _shut(self._conn)


def _shut(conn: http.client.HTTPConnection) -> None:
    sock = conn.sock
    if sock is None:
        return
    with contextlib.suppress(OSError):  # already closed by the reader
        sock.shutdown(socket.SHUT_RDWR)


def _resolve_within(host: str, port: int, deadline: _Deadline) -> list[tuple[int, str]]:
    """``resolve`` under the deadline: getaddrinfo takes no timeout, so it runs in a daemon thread we stop
    waiting for."""
    answer: list = []

    def lookup() -> None:
        try:
            answer.append(resolve(host, port))
        except BaseException as err:  # handed to the caller's thread
            answer.append(err)

    worker = threading.Thread(target=lookup, daemon=True, name=f"resolve {host}")
    worker.start()
    worker.join(deadline.left())
    if not answer:
        raise deadline.error()
    if isinstance(answer[0], BaseException):
        raise answer[0]
    return answer[0]


def _vetted_addresses(
    url: str, host: str, port: int, settings: Settings, deadline: _Deadline | None = None
) -> list[tuple[int, str]]:
    try:
        addresses = resolve(host, port) if deadline is None else _resolve_within(host, port, deadline)
    except (socket.gaierror, UnicodeError, OSError) as err:
        raise PresslintError(E.E202, url=url, reason=f"cannot resolve '{host}' ({err})") from err
    if not addresses:
        raise PresslintError(E.E202, url=url, reason=f"'{host}' has no address")
    if not settings.allow_private:
        for _family, address in addresses:
            if blocked(ipaddress.ip_address(address)):
                raise PresslintError(E.E201, url=url, address=address)
    return addresses


def _connection(scheme: str, host: str, port: int, addresses: list[tuple[int, str]], deadline: _Deadline):
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    conn = cls(host, port, timeout=deadline.left())  # Host header and TLS SNI/verification use the name ...

    def connect_to_vetted(  # ... the socket only the checked addresses
        _addr: tuple[str, int], timeout: float | None = None, source_address: tuple[str, int] | None = None
    ) -> socket.socket:
        last: OSError = OSError("no address")
        for _family, address in addresses:
            try:
                return socket.create_connection((address, port), deadline.left(), source_address)
            except OSError as err:
                last = err
        raise last

    conn._create_connection = connect_to_vetted  # type: ignore[attr-defined]
    return conn


def _split(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise PresslintError(E.E204, url=url)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as err:
        raise PresslintError(E.E202, url=url, reason="bad port") from err
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return scheme, parts.hostname, port, target


def download(url: str, *, settings: Settings) -> tuple[bytes, str, str]:
    """(body, content type header, final URL), following up to MAX_REDIRECTS redirects, all within one deadline of
    ``settings.fetch_timeout`` seconds."""
    with _Deadline(settings.fetch_timeout, url) as deadline:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            scheme, host, port, target = _split(current)
            addresses = _vetted_addresses(current, host, port, settings, deadline)
            conn = _connection(scheme, host, port, addresses, deadline)
            deadline.watch(conn)
            try:
                conn.request(
                    "GET",
                    target,
                    headers={
                        "User-Agent": USER_AGENT,
                        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                        "Accept-Encoding": "identity",
                    },
                )
                deadline.watch(conn)  # the socket exists now: let the watchdog reach it
                response = conn.getresponse()
                if response.status in _REDIRECTS:
                    location = response.getheader("Location")
                    if not location:
                        raise PresslintError(E.E205, url=current, status=response.status)
                    current = urljoin(current, location.strip())
                    continue
                if response.status >= 400:
                    raise PresslintError(E.E205, url=current, status=response.status)
                body = _read_capped(response, current, settings.max_bytes, deadline)
                return body, response.getheader("Content-Type") or "", current
            except PresslintError:
                raise
            except (OSError, ValueError, http.client.HTTPException) as err:
                if deadline.expired:
                    raise deadline.error() from err
                raise PresslintError(E.E202, url=current, reason=_reason(err)) from err
            finally:
                deadline.watch(None)
                conn.close()
        raise PresslintError(E.E202, url=url, reason=f"more than {MAX_REDIRECTS} redirects")


def _read_capped(response, url: str, limit: int, deadline: _Deadline) -> bytes:
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise PresslintError(E.E203, url=url, limit=limit)
    chunks: list[bytes] = []
    size = 0
    while True:
        deadline.left()
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            if deadline.expired:  # the watchdog's shutdown reads as the end of the body
                raise deadline.error()
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise PresslintError(E.E203, url=url, limit=limit)
        chunks.append(chunk)


def _reason(err: BaseException) -> str:
    if isinstance(err, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    return str(err) or type(err).__name__


def _charset(content_type: str) -> str | None:
    msg = Message()
    msg["Content-Type"] = content_type
    value = msg.get_param("charset")
    if isinstance(value, tuple):  # the RFC 2231 form, charset*=us-ascii'en'KOI8-R: (its own charset, language, value)
        return collapse_rfc2231_value(value)
    return value


def fetch(url: str, *, settings: Settings) -> Article:
    """Download ``url`` and turn it into an Article (HTML through trafilatura, text/plain as text)."""
    from .decode import declared_charset, decode
    from .html import from_html, looks_like_html
    from .text import from_text

    body, content_type, final = download(url, settings=settings)
    media = content_type.split(";", 1)[0].strip().lower()
    if media and not (media.startswith("text/") or media in ("application/xhtml+xml", "application/xml")):
        raise PresslintError(E.E103, path=url, reason=f"the server sent {media}")
    is_html = media in ("text/html", "application/xhtml+xml") or (media != "text/plain" and looks_like_html(body))
    declared = _charset(content_type) or (declared_charset(body) if is_html else None)
    decoded = decode(body, origin=url, declared=_lookup(declared))
    extra = {"notices": decoded.notices} if decoded.notices else {}
    if is_html:
        article = from_html(decoded.text, url=final, origin=url)
    else:
        article = from_text(decoded.text, origin=url, url=final)
    if not article.text.strip():
        raise PresslintError(E.E102, path=url)
    article.encoding = decoded.encoding
    article.meta.update(extra)
    return article


def _lookup(name: str | None) -> str | None:
    import codecs

    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
