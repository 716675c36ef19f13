"""The HTTP server's own rails, below the app: connection limits and timeouts that uvicorn does not give.

    >>> from presslint.web.server import ServerLimits, serve
    >>> serve(app, host="127.0.0.1", port=8000, limits=ServerLimits())     # `presslint serve` does this

uvicorn closes an idle keep-alive connection, but it waits for request headers forever, and its connection limit
counts every open connection: a few dozen clients that send a header byte now and then (slowloris) make it answer
everyone with a plain-text 503. Here, per connection:

- the request line and headers must arrive within ``header_timeout`` seconds of connecting (or of the previous
  response), however they trickle in; then the connection is closed;
- at most ``max_connections`` are open. A new one past the limit closes the oldest connection that is not being
  served (still sending its request, or idle between requests), so half-open connections cannot crowd out a
  client that sends a whole request; only when every connection is being served does the new one get a fast JSON
  503 (E712) with Retry-After and the security headers, without reaching the app;
- idle keep-alive connections close after ``keep_alive`` seconds (uvicorn's own timer).

Retry-After is always a bounded estimate (``bounded_retry_after``): at least 1 s and at most MAX_RETRY_AFTER, so one
slow job cannot tell clients to stay away for minutes.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import E

MAX_RETRY_AFTER = 30  # seconds: the longest wait a 503 asks for


@dataclass(slots=True)
class ServerLimits:
    max_connections: int = 256
    header_timeout: float = 10.0  # seconds for the request line and headers to arrive
    keep_alive: float = 5.0  # seconds an idle keep-alive connection stays open


def bounded_retry_after(estimate: float | None, ceiling: float = MAX_RETRY_AFTER) -> int:
    """Whole seconds to ask a client to wait: the estimate, rounded up, within [1, min(ceiling, MAX_RETRY_AFTER)]."""
    top = max(1, min(int(ceiling), MAX_RETRY_AFTER))
    if estimate is None or not math.isfinite(estimate):
        return top
    return max(1, min(top, math.ceil(estimate)))


def overload_app(open_connections: int, retry_after: int, headers: dict[str, str]):
    """An ASGI app answering one request with the JSON 503 (E712) and closing the connection."""
    message = E.E712.format(open=open_connections, seconds=retry_after)
    body = json.dumps({"error": {"code": E.E712.code, "message": message}}).encode()
    response_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
        (b"connection", b"close"),
        *((k.encode(), v.encode()) for k, v in headers.items()),
    ]

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 503, "headers": response_headers})
        await send({"type": "http.response.body", "body": body})

    return app


def protocol_class(limits: ServerLimits, *, retry_after: Callable[[], float | None] = lambda: None):
    """uvicorn's h11 protocol with the header timeout and the connection limit of ``limits``."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    from .headers import SECURITY_HEADERS

    class GuardedH11Protocol(H11Protocol):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.opened_at = time.monotonic()
            self.serving = False  # a complete request is in the app; not to be evicted
            self.evicted = False  # closed to make room (its connection_lost comes a moment later)
            self.header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm_header_timer()
            live = sum(1 for c in self.connections if not getattr(c, "evicted", False))
            if live > limits.max_connections:
                victim = self._oldest_unserved()
                if victim is not None:
                    victim.evicted = True
                    victim.transport.abort()  # connection_lost removes it from the set
                else:  # every connection is being served: answer this one's request with the JSON 503
                    wait = bounded_retry_after(retry_after())
                    self.app = overload_app(len(self.connections), wait, SECURITY_HEADERS)

        def _oldest_unserved(self):
            candidates = [
                c
                for c in self.connections
                if c is not self and not getattr(c, "serving", True) and not getattr(c, "evicted", True)
            ]
            return min(candidates, key=lambda c: c.opened_at, default=None)

        def _arm_header_timer(self) -> None:
            self._disarm_header_timer()
            self.header_timer = self.loop.call_later(limits.header_timeout, self._headers_too_slow)

        def _disarm_header_timer(self) -> None:
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def _headers_too_slow(self) -> None:
            self.header_timer = None
            if not self.serving and not self.transport.is_closing():
                self.transport.abort()

        def handle_events(self) -> None:
            # h11 hands the request over only once its headers are complete: that is when the header clock stops
            # (the body has its own deadline, BodyLimit's). A request is being served once its body is complete.
            before = self.cycle
            super().handle_events()
            cycle = self.cycle
            if cycle is not None and cycle is not before:
                self._disarm_header_timer()
            self.serving = cycle is not None and not cycle.more_body and not cycle.response_complete

        def on_response_complete(self) -> None:
            self.serving = False
            self.opened_at = time.monotonic()  # idle from now: evictable, and the next request is timed again
            if not self.transport.is_closing():
                self._arm_header_timer()
            super().on_response_complete()

        def connection_lost(self, exc) -> None:
            self._disarm_header_timer()
            super().connection_lost(exc)

    return GuardedH11Protocol


def uvicorn_config(app, *, host: str, port: int, limits: ServerLimits, retry_after=None, log_level: str = "info"):
    """A uvicorn Config that serves ``app`` with these limits (uvicorn's own concurrency limit is off: ours
    replaces it)."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        http=protocol_class(limits, retry_after=retry_after or (lambda: None)),
        timeout_keep_alive=limits.keep_alive,  # type: ignore[arg-type]  # a float works: it goes to call_later
        limit_concurrency=None,
        server_header=False,
    )


def serve(app, *, host: str, port: int, limits: ServerLimits, retry_after=None, log_level: str = "info") -> None:
    import uvicorn

    config = uvicorn_config(app, host=host, port=port, limits=limits, retry_after=retry_after, log_level=log_level)
    uvicorn.Server(config).run()
