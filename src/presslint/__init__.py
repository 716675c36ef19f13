"""presslint: reads news articles and tells an editor what to trust and why.

    >>> import presslint
    >>> report = presslint.check("Headline\\n\\nTwo officials said ...")
    >>> [f.code for f in report.findings]

Every door (this API, the CLI, the web server, the Dask batch, corpus ingest, the evaluation commands) checks
through one ``presslint.Checker``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import Settings, load_settings
from .errors import PresslintError
from .model import Article, Failure, Finding, Report, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from .checker import Checker


def check(source: str | Path | Article, *, settings: Settings | None = None, nlp: Any = None) -> Report:
    """Check one article (an ``Article``, text, a path, a URL or "-"); nothing is stored."""
    from .checker import check as _check

    return _check(source, settings=settings, nlp=nlp)


def check_articles(
    articles: Iterable[Article], *, settings: Settings | None = None, nlp: Any = None, jobs: int | None = 1
) -> Iterator[Report]:
    """Reports for many articles, in order (``jobs`` worker processes; None: one per core); nothing is stored."""
    from .checker import check_articles as _check_articles

    return _check_articles(articles, settings=settings, nlp=nlp, jobs=jobs)


def load_pipeline(analyzer_options: dict[str, dict[str, Any]] | None = None) -> Any:
    """The spaCy pipeline with presslint's checks: ``nlp(text)`` gives a doc with every record on ``doc._``."""
    from .nlp import load_pipeline as _load

    return _load(analyzer_options)


def __getattr__(name: str) -> Any:
    if name == "Checker":  # imported on first use: `import presslint` stays light
        from .checker import Checker

        return Checker
    raise AttributeError(name)


__all__ = [
    "Article",
    "Checker",
    "Failure",
    "Finding",
    "PresslintError",
    "Report",
    "Settings",
    "Span",
    "__version__",
    "check",
    "check_articles",
    "load_pipeline",
    "load_settings",
]
