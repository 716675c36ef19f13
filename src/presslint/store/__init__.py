"""SQLite store of checked articles and their reports (WAL mode, foreign keys on, numbered migrations).

    >>> from presslint.store import Store
    >>> with Store(":memory:") as store:
    ...     report_id = store.save(report)
    ...     same = store.find(report.provenance.content_hash, report.provenance.presslint_version,
    ...                       report.provenance.config_hash)

A report is keyed by (article content hash, presslint version, config hash, publication date): re-checking the same
text with the same rules returns the stored report; a rule or config change makes a new one.
"""

from __future__ import annotations

from ..config import Settings
from .faults import StoreFault
from .queries import MEMORY, HistoryRow, Store, severity_counts
from .schema import LATEST, MIGRATIONS, Migration

__all__ = [
    "LATEST",
    "MEMORY",
    "MIGRATIONS",
    "HistoryRow",
    "Migration",
    "Store",
    "StoreFault",
    "open_store",
    "severity_counts",
]


def open_store(settings: Settings | None = None) -> Store:
    """The store at ``settings.db_path()`` (default ``$PRESSLINT_HOME/presslint.db``)."""
    return Store((settings or Settings()).db_path())
