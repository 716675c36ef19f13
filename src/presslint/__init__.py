"""presslint: reads news articles and tells an editor what to trust and why.

>>> import presslint
>>> report = presslint.check("Headline\\n\\nTwo officials said ...")
>>> [f.code for f in report.findings]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings
from .errors import PresslintError
from .model import Article, Finding, Report, Span


def check(source, *, settings: Settings | None = None, nlp=None) -> Report:
    """Check one article (an ``Article``, text, a path, a URL or "-")."""
    from .pipeline import check as _check

    return _check(source, settings=settings, nlp=nlp)


def check_articles(articles, *, settings: Settings | None = None, nlp=None, batch_size: int = 16):
    from .pipeline import check_articles as _check_articles

    return _check_articles(articles, settings=settings, nlp=nlp, batch_size=batch_size)


def load_pipeline(analyzer_options=None):
    from .nlp import load_pipeline as _load

    return _load(analyzer_options)


__all__ = [
    "Article",
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
