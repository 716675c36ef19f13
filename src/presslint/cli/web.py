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
    host, port, workers, queue, timeout, token, allow_private, max_body, body_timeout, date, config_path, db, log_level
) -> None:
    """Serve the web workbench (GET /) and the HTTP API (/api/v1, OpenAPI at /openapi.json).

    Checks run in worker processes behind a bounded queue. Without --token anyone who can reach the port can use
    the API: keep the default loopback --host, or set a token.
    """
    from ..extras import require

    require("web", "The web server", "fastapi", "uvicorn")
    import uvicorn

    from ..web.app import ServerConfig, create_app

    settings = settings_from(config_path, date=date, db=db, allow_private=allow_private or None)
    if not token and not _loopback(host):
        click.echo(
            f"presslint: warning: serving on {host} without --token: anyone who reaches it can use the API", err=True
        )
    config = ServerConfig(
        settings=settings,
        workers=workers,
        queue=queue,
        timeout=timeout,
        token=token or None,
        allow_private=allow_private,
        max_body=max_body,
        body_timeout=body_timeout,
    )
    click.echo(f"presslint: workbench at http://{host}:{port}/ ({workers} workers, queue {queue})", err=True)
    uvicorn.run(
        create_app(config),
        host=host,
        port=port,
        log_level=log_level,
        timeout_keep_alive=5,
        limit_concurrency=max(64, 4 * (workers + queue)),
    )
