"""``presslint serve``: the web workbench and HTTP API (see presslint.web)."""

from __future__ import annotations

import ipaddress

import click

from .options import config_option, db_option, settings_from


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: tuple[str, ...]) -> list[str]:
    """Host names the server answers for: the loopback names, the address it listens on when that is a specific
    one, and every --allowed-host ("*" for any)."""
    from ..web.app import LOCAL_HOSTS

    names = [*LOCAL_HOSTS, *extra]
    try:
        if not ipaddress.ip_address(host).is_unspecified:
            names.append(host)
    except ValueError:
        names.append(host)  # a host name given to --host
    return list(dict.fromkeys(names))


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes that run checks (each loads the pipeline once).",
)
@click.option(
    "--queue",
    default=8,
    show_default=True,
    type=click.IntRange(0, 10_000),
    help="Checks that may wait for a worker; beyond that the API answers 503 with Retry-After.",
)
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds one check may take (then 504).")
@click.option(
    "--token", envvar="PRESSLINT_TOKEN", help="Bearer token every /api route then needs (env PRESSLINT_TOKEN)."
)
@click.option("--allow-private", is_flag=True, help="Let requests fetch URLs on private or loopback addresses.")
@click.option(
    "--max-body",
    default=5_000_000,
    show_default=True,
    type=click.IntRange(1024),
    help="Largest request body in bytes (then 413).",
)
@click.option(
    "--body-timeout",
    default=15.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a request body may take to arrive (then 408).",
)
@click.option(
    "--allowed-host",
    "allowed_host",
    multiple=True,
    help="A host name (or address) the server answers for, besides localhost and --host; repeat it; '*' for any. "
    "Requests naming another Host get 400 (this stops DNS-rebinding pages).",
)
@click.option(
    "--max-connections",
    default=256,
    show_default=True,
    type=click.IntRange(4, 100_000),
    help="Open connections; past this the oldest one not being served is closed, or, when all are being served, "
    "the new one gets a JSON 503 with Retry-After.",
)
@click.option(
    "--header-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a client has to send its request line and headers (then the connection is closed).",
)
@click.option(
    "--keep-alive",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds an idle keep-alive connection stays open.",
)
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) when an article has none.")
@config_option
@db_option
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    help="uvicorn's log level.",
)
def serve(
    host,
    port,
    workers,
    queue,
    timeout,
    token,
    allow_private,
    max_body,
    body_timeout,
    allowed_host,
    max_connections,
    header_timeout,
    keep_alive,
    date,
    config_path,
    db,
    log_level,
) -> None:
    """Serve the web workbench (GET /) and the HTTP API (/api/v1, OpenAPI at /openapi.json).

    Checks run in worker processes behind a bounded queue. On the default loopback --host no token is needed; on any
    other address the server refuses to start without --token (or PRESSLINT_TOKEN).
    """
    from ..errors import E, PresslintError
    from ..extras import require

    require("web", "The web server", "fastapi", "uvicorn")
    from ..web import server
    from ..web.app import ServerConfig, create_app

    settings = settings_from(config_path, date=date, db=db, allow_private=allow_private or None)
    if not token and not _loopback(host):
        raise PresslintError(E.E309, host=host)
    limits = server.ServerLimits(max_connections=max_connections, header_timeout=header_timeout, keep_alive=keep_alive)
    config = ServerConfig(
        settings=settings,
        workers=workers,
        queue=queue,
        timeout=timeout,
        token=token or None,
        allow_private=allow_private,
        max_body=max_body,
        body_timeout=body_timeout,
        allowed_hosts=allowed_hosts(host, allowed_host),
        limits=limits,
    )
    click.echo(f"presslint: workbench at http://{host}:{port}/ ({workers} workers, queue {queue})", err=True)
    app = create_app(config)
    server.serve(app, host=host, port=port, limits=limits, retry_after=app.state.pool.retry_after, log_level=log_level)
