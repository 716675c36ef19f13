"""The one global conftest: shared fixtures for every test module."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SHARED_EXAMPLE = SHARED / "examples" / "ain-al-asad-erbil.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    # Never touch the user's ~/.presslint store from a test.
    home = tmp_path_factory.mktemp("presslint-home")
    monkeypatch.setenv("PRESSLINT_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture(autouse=True, scope="session")
def _quiet_local_servers():
    """Local test servers (URL, feed, Wikidata fakes): a client that hangs up early (a refused download, a size cap,
    a timeout) is the point of many tests, not a server error. The standard library prints its traceback from the
    server's thread, where it lands in whichever test's stderr is being captured at that moment; only real errors
    are printed."""
    import socketserver
    import sys

    original = socketserver.BaseServer.handle_error

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        original(self, request, client_address)

    socketserver.BaseServer.handle_error = handle_error
    yield
    socketserver.BaseServer.handle_error = original


@pytest.fixture(scope="session")
def nlp():
    """The full presslint pipeline, loaded once per test session."""
    from presslint.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def bare_nlp():
    """The model with presslint's sentence splitter but none of its analyzers (for tests of parse-level helpers)."""
    from presslint.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text, date="2021-12-11", title=None) -> Doc run through every presslint component."""
    import datetime as dt

    from presslint.ingest import from_text
    from presslint.nlp import prepare_doc

    def _parse(text: str, date: str | None = "2021-12-11", title: str | None = None):
        article = from_text(text, title=title, date=date)
        pubdate = dt.date.fromisoformat(date) if date else None
        return nlp(prepare_doc(nlp, article, pubdate))

    return _parse


@pytest.fixture(scope="session")
def check_text(nlp):
    """check_text(text, **settings) -> Report, through the public API with the shared pipeline."""
    from presslint import Settings, check
    from presslint.ingest import from_text

    def _check(text: str, date: str | None = "2021-12-11", **settings):
        return check(from_text(text, date=date), settings=Settings(store=False, **settings), nlp=nlp)

    return _check


@pytest.fixture
def shared_example() -> Path:
    if not SHARED_EXAMPLE.is_file():
        pytest.skip(f"{SHARED_EXAMPLE} is not present")
    return SHARED_EXAMPLE


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def pytest_configure(config):
    import skip_guard  # tests/ is on sys.path while pytest imports this conftest

    skip_guard.install(config)


def pytest_report_header(config):
    return f"presslint tests; shared data: {'present' if SHARED.is_dir() else 'absent'}; network: {os.environ.get('CI', 'local')}"


@pytest.fixture
def loopback_only(monkeypatch):
    """Any connection to a non-loopback address fails the test (for clients that must never touch the network)."""
    real = socket.socket.connect

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        assert str(host).startswith("127.") or host in ("::1", "localhost"), f"network use: {address}"
        return real(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
