"""Turn inputs (text, HTML, URLs, files, folders, JSONL, stdin) into ``Article`` records. No NLP here.

``read(location)`` gives one Article; ``iter_inputs(locations)`` expands folders and JSONL files and yields an
``Article`` or an ``IngestFailure`` per item, so a batch goes on past a broken file. Articles read here carry their
language (``language.identify``); ``from_text``/``from_html`` leave it to the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import E, PresslintError
from ..model import Article
from .files import JSONL_SUFFIXES, IngestFailure, iter_jsonl, read_path, read_stdin, walk
from .html import from_html
from .language import identify
from .text import from_text, normalise

__all__ = ["IngestFailure", "fetch", "from_html", "from_text", "iter_inputs", "normalise", "read"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def fetch(url: str, *, settings: Settings) -> Article:
    """Download one page (see ``ingest.url`` for the address guard, limits and redirects)."""
    from .url import fetch as _fetch

    return _with_language(_fetch(url, settings=settings))


def read(location: str, *, settings: Settings | None = None) -> Article:
    """One article from a path, "-" (stdin) or an http(s) URL."""
    settings = settings or Settings()
    location = str(location)
    if location == "-":
        return _with_language(read_stdin(settings=settings))
    if _SCHEME.match(location):
        return fetch(location, settings=settings)
    path = Path(location)
    if not path.exists():
        raise PresslintError(E.E108, path=location)
    if path.is_dir():
        raise PresslintError(E.E110, path=location, what="a folder")
    if path.suffix.lower() in JSONL_SUFFIXES:
        items = iter_jsonl(path, settings=settings)
        first = next(items, None)
        if next(items, None) is not None:
            raise PresslintError(E.E110, path=location, what="JSONL records")
        if first is None:
            raise PresslintError(E.E102, path=location)
        if isinstance(first, IngestFailure):
            raise first.error or PresslintError(E.E101, path=location, reason=first.message)
        return _with_language(first)
    return _with_language(read_path(path, settings=settings))


def iter_inputs(locations: Iterable[str], *, settings: Settings | None = None) -> Iterator[Article | IngestFailure]:
    """Every article behind ``locations`` in order; a bad item becomes an ``IngestFailure`` and the rest go on."""
    settings = settings or Settings()
    for location in locations:
        location = str(location)
        path = Path(location)
        if location == "-" or _SCHEME.match(location) or not path.is_dir():
            if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
                yield from _tagged(iter_jsonl(path, settings=settings))
            else:
                yield _guarded(location, lambda loc=location: read(loc, settings=settings))
            continue
        unreadable: list[IngestFailure] = []
        files = walk(path, failures=unreadable)
        yield from unreadable
        if not files and not unreadable:
            yield IngestFailure.of(location, PresslintError(E.E109, path=location))
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from _tagged(iter_jsonl(file, settings=settings))
            else:
                yield _guarded(str(file), lambda f=file: _with_language(read_path(f, settings=settings)))


def _guarded(origin: str, make) -> Article | IngestFailure:
    try:
        return make()
    except PresslintError as err:
        return IngestFailure.of(origin, err)
    except Exception as err:  # an unexpected bug on one input must not sink the batch
        return IngestFailure.of(origin, PresslintError(E.E101, path=origin, reason=f"{type(err).__name__}: {err}"))


def _tagged(items: Iterator[Article | IngestFailure]) -> Iterator[Article | IngestFailure]:
    for item in items:
        yield item if isinstance(item, IngestFailure) else _guarded(item.origin or "", lambda a=item: _with_language(a))


def _with_language(article: Article) -> Article:
    if article.language is None:
        article.language = identify(article.text)
    return article
