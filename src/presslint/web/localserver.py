"""Start ``presslint serve`` in a subprocess on a free loopback port (for the browser tests, screenshot and load
benchmark), wait until its workers are ready, and stop it afterwards.

    >>> with local_server(home=tmp_path) as server:
    ...     print(server.url)            # http://127.0.0.1:PORT
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "Debian Chromium is not installed at /usr/bin/chromium; install it with: bash .ci/browser-deps"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(slots=True)
class LocalServer:
    url: str
    process: subprocess.Popen
    log: Path

    def health(self) -> dict:
        with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
            return json.loads(response.read())


@contextlib.contextmanager
def local_server(
    *,
    home: str | Path,
    workers: int = 1,
    queue: int = 8,
    extra: list[str] | None = None,
    env: dict[str, str] | None = None,
    ready_timeout: float = 90.0,
) -> Iterator[LocalServer]:
    """A server with its store under ``home`` (PRESSLINT_HOME); yields once every worker has loaded the pipeline."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = home / "server.log"
    command = [
        sys.executable,
        "-m",
        "presslint.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--queue",
        str(queue),
        "--log-level",
        "warning",
        *(extra or []),
    ]
    environment = {**os.environ, "PRESSLINT_HOME": str(home), **(env or {})}
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=environment, start_new_session=True
        )
    server = LocalServer(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + ready_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"presslint serve exited with {process.returncode}:\n{log.read_text()[-2000:]}")
            try:
                if server.health().get("ready"):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"presslint serve was not ready after {ready_timeout} s:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the server's process group (it and its workers), then SIGKILL what is left after 10 s."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
