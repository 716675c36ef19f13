"""The web app: the workbench page (GET /), its static assets, the JSON API and the safety rails around them.

    >>> from presslint.web.app import ServerConfig, create_app
    >>> app = create_app(ServerConfig(workers=2))      # serve with uvicorn; `presslint serve` does this

Rails, outermost first: security headers and a Content-Security-Policy on every response (no inline script, nothing
from other origins); a trusted-host check (a DNS-rebinding page reaches the server under its own host name, which is
not in the list: 400 E711); bearer-token auth on /api before any body is read (401 before 422); a request-size
limit (413) and a deadline for the request body (408); JSON errors with codes; checks in worker processes behind a
bounded queue (see ``workers``). Below the app, ``server`` adds the header timeout and the connection limit.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import __version__
from ..config import Settings
from ..errors import E, PresslintError
from .api import ApiError, error_response, router
from .headers import SECURITY_HEADERS
from .server import ServerLimits
from .workers import WorkerPool

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """presslint's HTTP API: check a news article (text, HTML or a URL) and get span-anchored findings.

Errors are JSON `{"error": {"code": "E...", "message": "..."}}`. When the server has a token (`PRESSLINT_TOKEN` or
`presslint serve --token`; required when it listens beyond loopback), every `/api` route needs
`Authorization: Bearer <token>`, checked before the request body is read. Requests must name an allowed host
(`localhost` and loopback addresses by default; `--allowed-host`). When every worker is busy and the queue is full,
`POST /api/v1/check` answers 503 at once with `Retry-After`."""
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(slots=True)
class ServerConfig:
    settings: Settings = field(default_factory=Settings)
    workers: int = 2
    queue: int = 8  # checks that may wait for a worker; one more gets a 503
    timeout: float = 30.0  # seconds one check may take
    token: str | None = None  # bearer token; None: no auth
    allow_private: bool = False  # let requests ask to fetch private/loopback URLs
    max_body: int = 5_000_000  # bytes per request body
    body_timeout: float = 15.0  # seconds a request body may take to arrive (then 408)
    allowed_hosts: list[str] = field(default_factory=lambda: list(LOCAL_HOSTS))  # Host names answered; "*": any
    limits: ServerLimits = field(default_factory=ServerLimits)  # connections and header timeout (web.server)

    @classmethod
    def from_env(cls, **overrides) -> ServerConfig:
        config = cls(**{k: v for k, v in overrides.items() if v is not None})
        if config.token is None:
            config.token = os.environ.get("PRESSLINT_TOKEN") or None
        return config


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with 413 (by Content-Length or while streaming), and bodies
    that take longer than ``timeout`` seconds to arrive with 408, so a slow client cannot hold a connection open."""

    def __init__(self, app, limit: int, timeout: float = 15.0) -> None:
        self.app, self.limit, self.timeout = app, limit, timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await self._refuse(scope, receive, send)
        # Read the body here, stopping past ``limit`` bytes whatever Content-Length said, or at the deadline, then
        # replay it to the app.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        chunks, seen = [], 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                return await self._too_slow(scope, receive, send)
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                return await self._refuse(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(PresslintError(E.E701, limit=self.limit), {"connection": "close"})
        await response(scope, receive, send)

    async def _too_slow(self, scope, receive, send):
        response = error_response(PresslintError(E.E709, seconds=f"{self.timeout:g}"), {"connection": "close"})
        await response(scope, receive, send)


def host_name(header: bytes | str) -> str:
    """The name in a Host header, lower case, without port or IPv6 brackets; an address in canonical form."""
    value = header.decode("latin-1") if isinstance(header, bytes) else header
    value = value.strip().lower().rstrip(".")
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value
    elif value.count(":") == 1:
        value = value.rsplit(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return value


def allowed_host_names(names: list[str]) -> set[str] | None:
    """The set a TrustedHosts check compares with (None: any host)."""
    return None if "*" in names else {host_name(name) for name in names}


class TrustedHosts:
    """ASGI middleware: answer only requests whose Host header names an allowed host (400 E711 otherwise), so a page
    on another site that rebinds its DNS name to this machine cannot read the API through the user's browser."""

    def __init__(self, app, allowed: list[str]) -> None:
        self.app, self.allowed = app, allowed_host_names(allowed)

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.allowed is None:
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or []).get(b"host", b"")
        if host_name(header) in self.allowed:
            return await self.app(scope, receive, send)
        shown = header.decode("latin-1")[:100] or "(none)"
        response = error_response(PresslintError(E.E711, host=shown), {"connection": "close"})
        await response(scope, receive, send)


class ApiAuth:
    """ASGI middleware: the bearer token on every /api route, checked before the body is read or parsed (so a
    client without the token learns nothing from validation errors and cannot make the server read a body)."""

    def __init__(self, app, config: ServerConfig) -> None:
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        token = self.config.token
        if scope["type"] != "http" or not token or not scope.get("path", "").startswith("/api/"):
            return await self.app(scope, receive, send)
        given = b""
        for name, value in scope.get("headers") or []:
            if name == b"authorization":
                scheme, _, credentials = value.partition(b" ")
                given = credentials.strip() if scheme.lower() == b"bearer" else b""
        if hmac.compare_digest(given, token.encode()):
            return await self.app(scope, receive, send)
        headers = {"WWW-Authenticate": "Bearer", "connection": "close"}
        await error_response(PresslintError(E.E703), headers)(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: CSP and friends on every response (a route may set its own, stricter CSP)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(config: ServerConfig | None = None, *, start_workers: bool = True) -> FastAPI:
    config = config or ServerConfig.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if start_workers:
            await app.state.pool.start()
        try:
            yield
        finally:
            app.state.pool.shutdown()

    app = FastAPI(
        title="presslint",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = config
    app.state.pool = WorkerPool(config.settings, workers=config.workers, queue=config.queue, timeout=config.timeout)
    app.include_router(router)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def workbench() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/healthz", include_in_schema=False)
    def health(request: Request) -> dict:
        return {"status": "ok", "version": __version__, **request.app.state.pool.status()}

    # Starlette wraps each added middleware around the ones before: the last added runs first.
    app.add_middleware(BodyLimit, limit=config.max_body, timeout=config.body_timeout)
    app.add_middleware(ApiAuth, config=config)
    app.add_middleware(TrustedHosts, allowed=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PresslintError)
    async def presslint_error(_request, err: PresslintError):
        return error_response(err, err.headers if isinstance(err, ApiError) else None)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request, err: RequestValidationError):
        reasons = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in err.errors()[:5])
        return error_response(PresslintError(E.E702, reason=reasons or "invalid request"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        if err.status_code == 404:
            return error_response(PresslintError(E.E707, path=request.url.path))
        return error_response(PresslintError(E.E702, reason=err.detail), status=err.status_code)

    @app.exception_handler(Exception)
    async def internal(_request, err: Exception):
        return error_response(PresslintError(E.E708, reason=type(err).__name__))


def openapi_text(app: FastAPI | None = None) -> str:
    """The OpenAPI document as committed in docs/openapi.json (stable key order, trailing newline)."""
    app = app or create_app(ServerConfig(), start_workers=False)
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
