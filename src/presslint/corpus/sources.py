"""Every corpus input to Articles: feeds, OPML, URL lists, WARC, and whatever ``presslint.ingest`` reads.

``iter_corpus_inputs(locations, settings=...)`` yields an ``Article`` or an ``IngestFailure`` per item, never
raising for a bad item. Each network fetch goes through ``presslint.ingest`` (address guard, size cap, deadline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .. import ingest
from ..config import Settings
from ..errors import E, PresslintError
from ..ingest import IngestFailure
from ..ingest.files import SUFFIXES as ARTICLE_SUFFIXES
from ..ingest.files import walk
from . import feeds, warc

_URL = re.compile(r"^https?://\S+$", re.I)
_FEED_PATH = re.compile(r"(?:^|/)(?:feeds?|rss|atom)(?:/|\.|$)|\.(?:xml|rss|atom|opml)$", re.I)
URL_LIST_PROBE = 64 * 1024  # bytes read to decide whether a .txt file is a list of URLs


def iter_corpus_inputs(locations: Iterable[str], *, settings: Settings | None = None) -> Iterator:
    settings = settings or Settings()
    for location in locations:
        location = str(location)
        if _URL.match(location):
            yield from _from_url(location, settings)
            continue
        path = Path(location)
        if path.is_dir():
            unreadable: list[IngestFailure] = []
            files = walk(path, accept=lambda p: _kind(p) is not None, failures=unreadable)
            yield from unreadable
            if not files and not unreadable:
                yield IngestFailure.of(location, PresslintError(E.E109, path=location))
            for file in files:
                yield from _from_file(file, settings)
        elif path.exists() or location == "-":
            yield from _from_file(path, settings) if location != "-" else ingest.iter_inputs(["-"], settings=settings)
        else:
            yield IngestFailure.of(location, PresslintError(E.E108, path=location))


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".meta.json"):
        return None
    if warc.is_warc(path):
        return "warc"
    if name.endswith(feeds.OPML_SUFFIXES):
        return "opml"
    if name.endswith(feeds.FEED_SUFFIXES):
        return "feed"
    if name.endswith(ARTICLE_SUFFIXES):
        return "article"
    return None


def _from_file(path: Path, settings: Settings) -> Iterator:
    kind = _kind(path)
    if kind == "warc":
        yield from warc.iter_warc(path, settings=settings)
    elif kind in ("feed", "opml"):
        try:
            data = _read(path, settings.max_bytes)
        except PresslintError as err:
            yield IngestFailure.of(str(path), err)
            return
        yield from _from_feed_bytes(data, str(path), settings)
    elif path.suffix.lower() == ".txt" and (urls := url_list(path)) is not None:
        for url in urls:
            yield from _from_url(url, settings)
    else:
        yield from ingest.iter_inputs([str(path)], settings=settings)


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise PresslintError(E.E104, path=path, size=size, limit=limit)
        return path.read_bytes()
    except OSError as err:
        raise PresslintError(E.E101, path=path, reason=err.strerror or err) from err


def url_list(path: Path) -> list[str] | None:
    """The URLs of a .txt file whose every non-blank, non-# line is one http(s) URL; None for any other file."""
    try:
        with path.open("rb") as stream:
            head = stream.read(URL_LIST_PROBE)
            rest = stream.read() if len(head) == URL_LIST_PROBE and _all_urls(head.rsplit(b"\n", 1)[0]) else b""
    except OSError:
        return None
    data = head + rest
    if not _all_urls(data):
        return None
    return [
        line.strip()
        for line in data.decode("utf-8", "replace").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def _all_urls(data: bytes) -> bool:
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(_URL.match(line) for line in lines)


def _from_url(url: str, settings: Settings, *, feed: bool = False) -> Iterator:
    """A feed or OPML URL (listed in OPML, or by its path) is parsed; any other URL is one article page."""
    if feed or _FEED_PATH.search(urlsplit(url).path or ""):
        from ..ingest.url import download

        try:
            data, _type, _final = download(url, settings=settings)
        except PresslintError as err:
            yield IngestFailure.of(url, err)
            return
        if feeds.looks_like_feed(data) or feeds.looks_like_opml(data) or feed:
            yield from _from_feed_bytes(data, url, settings)
            return
    try:
        yield ingest.fetch(url, settings=settings)
    except PresslintError as err:
        yield IngestFailure.of(url, err)
    except Exception as err:  # an unexpected bug on one page must not sink the batch
        yield IngestFailure.of(url, PresslintError(E.E202, url=url, reason=f"{type(err).__name__}: {err}"))


def _from_feed_bytes(data: bytes, origin: str, settings: Settings) -> Iterator:
    if feeds.looks_like_opml(data):
        try:
            urls = feeds.opml_feeds(data, origin=origin)
        except PresslintError as err:
            yield IngestFailure.of(origin, err)
            return
        for url in urls:
            if _URL.match(url):
                yield from _from_url(url, settings, feed=True)
            else:
                yield IngestFailure.of(url, PresslintError(E.E204, url=url))
        return
    yield from feeds.feed_articles(data, origin=origin, settings=settings)
