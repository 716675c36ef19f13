"""SQLite failures as coded errors, and the store's transactions.

Every entry point of the store (opening it, reads, writes, the corpus and fact-check queries) turns a
``sqlite3.Error`` into a ``StoreFault`` (a ``PresslintError``) through ``guard``/``guarded``, so a caller never sees a
traceback and can tell the item it was working on failed:

* a damaged file ("database disk image is malformed", "file is not a database") is E408 whatever was being done;
* otherwise opening is E402, reading E407, writing E406, each with the reason in words: the disk is full, another
  process held the lock longer than the busy timeout, an I/O error, a read-only file.

``StoreFault.lasting`` says whether retrying the next item is pointless (a full disk, a damaged or read-only file):
a batch stops there instead of checking articles it cannot store.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal, TypeVar

from ..errors import E, PresslintError

Doing = Literal["open", "read", "write"]
_ENTRY = {"open": E.E402, "read": E.E407, "write": E.E406}

# Primary SQLite result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

BUSY_TIMEOUT = 10.0  # seconds a connection waits for another writer's lock before giving up


class StoreFault(PresslintError):
    """A store error caused by SQLite; ``kind`` is what went wrong ("full", "busy", "damaged", "io", ...)."""

    kind: str = "other"

    @property
    def lasting(self) -> bool:
        """True when every later write would fail the same way until someone acts (frees space, restores a file)."""
        return self.kind in ("full", "damaged", "readonly", "io")


def kind_of(err: sqlite3.Error) -> str:
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return "damaged"
    return {
        SQLITE_FULL: "full",
        SQLITE_BUSY: "busy",
        SQLITE_LOCKED: "busy",
        SQLITE_READONLY: "readonly",
        SQLITE_IOERR: "io",
        SQLITE_CANTOPEN: "cantopen",
    }.get(primary or -1, "other")


def reason_of(err: sqlite3.Error, kind: str, timeout: float = BUSY_TIMEOUT) -> str:
    name = getattr(err, "sqlite_errorname", None) or type(err).__name__
    detail = f"{name}: {err}"
    return {
        "full": f"the disk is full ({detail})",
        "busy": f"another process held the store locked for more than {timeout:g} s ({detail})",
        "readonly": f"the store is read-only ({detail})",
        "io": f"an input/output error ({detail})",
    }.get(kind, detail)


def coded(err: sqlite3.Error, path: str, doing: Doing, timeout: float = BUSY_TIMEOUT) -> StoreFault:
    kind = kind_of(err)
    entry = E.E408 if kind == "damaged" else _ENTRY[doing]
    fault = StoreFault(entry, path=path, reason=reason_of(err, kind, timeout))
    fault.kind = kind
    return fault


def _timeout(owner: Any) -> float:
    return getattr(owner, "timeout", BUSY_TIMEOUT)


@contextmanager
def guard(owner: Any, doing: Doing) -> Iterator[None]:
    """Run a block against ``owner`` (a Store: ``.path``, ``.timeout``), turning SQLite errors into StoreFaults."""
    try:
        yield
    except sqlite3.Error as err:
        raise coded(err, owner.path, doing, _timeout(owner)) from err


F = TypeVar("F", bound=Callable[..., Any])


def guarded(doing: Doing) -> Callable[[F], F]:
    """Decorate a method or a function whose first argument is the Store."""

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def run(owner: Any, *args: Any, **kwargs: Any) -> Any:
            with guard(owner, doing):
                return function(owner, *args, **kwargs)

        return run  # type: ignore[return-value]

    return wrap


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception; SQLite errors at either end become StoreFaults.

    IMMEDIATE takes the write lock at the start, so what a transaction reads cannot change before it writes (two
    processes ingesting the same folder serialise here). After a failed statement SQLite may already have rolled
    back (a full disk does), so ROLLBACK is sent only while a transaction is open, and its own failure never hides
    the first error.
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn

    def __enter__(self) -> None:
        with guard(self.store, "write"):
            self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as err:
                self._rollback()
                raise coded(err, self.store.path, "write", _timeout(self.store)) from err
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            raise coded(exc, self.store.path, "write", _timeout(self.store)) from exc

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # a broken connection: the first error is the one to report
                self.conn.execute("ROLLBACK")
