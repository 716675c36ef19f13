"""RSS/Atom feeds (feedparser, BSD-2) and OPML subscription lists to Articles.

A feed entry that carries the full text (``content:encoded`` or a long summary) becomes an Article directly; a short
entry is followed to its link through ``presslint.ingest.fetch`` (address guard, size cap, deadline). OPML lists
feeds by ``xmlUrl``; each feed is downloaded through the same guard.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..config import Settings
from ..errors import E, PresslintError
from ..ingest import IngestFailure, from_text
from ..ingest.text import word_count
from ..model import Article

FEED_SUFFIXES = (".xml", ".rss", ".atom")
OPML_SUFFIXES = (".opml",)
MIN_CONTENT_WORDS = 80  # a shorter entry is a teaser: fetch the page it links to


@dataclass(frozen=True, slots=True)
class Entry:
    title: str | None
    link: str | None
    date: str | None
    content_html: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: list[Entry]


def looks_like_opml(data: bytes) -> bool:
    return b"<opml" in data[:2048].lower()


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes, *, origin: str) -> Feed:
    """Entries of an RSS or Atom document; E101 when it is neither."""
    import feedparser

    parsed = feedparser.parse(data)  # bytes: feedparser never touches the network
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "args", None) or ["no feed entries"]
        raise PresslintError(E.E101, path=origin, reason=f"not an RSS/Atom feed ({reason[0]})")
    entries = []
    for item in parsed.entries:
        content = None
        if item.get("content"):
            content = max((c.get("value", "") for c in item.content), key=len)
        if not content or _words(content) < _words(item.get("summary", "")):
            content = item.get("summary") or content
        entries.append(Entry(item.get("title"), item.get("link"), _date(item), content))
    return Feed(parsed.feed.get("title"), entries)


def _date(item) -> str | None:
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    except ValueError:
        return None


def _words(html: str) -> int:
    return word_count(html_paragraphs(html)) if html else 0


def html_paragraphs(html: str) -> str:
    """Text of an HTML fragment, one paragraph per <p> (or the whole text when it has none)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    paragraphs = [" ".join(p.text_content().split()) for p in root.iter("p")]
    paragraphs = [p for p in paragraphs if p]
    return "\n\n".join(paragraphs) if paragraphs else " ".join(root.text_content().split())


def opml_feeds(data: bytes, *, origin: str) -> list[str]:
    """Feed URLs (``xmlUrl``) of an OPML document, in order, without repeats."""
    try:
        root = ET.fromstring(data)  # expat refuses entity-expansion bombs
    except ET.ParseError as err:
        raise PresslintError(E.E101, path=origin, reason=f"not OPML ({err})") from err
    urls: list[str] = []
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    return urls


def feed_articles(
    data: bytes, *, origin: str, settings: Settings, fetch: Callable[[str], Article] | None = None
) -> Iterator[Article | IngestFailure]:
    """One Article (or IngestFailure) per feed entry."""
    from .. import ingest

    fetch = fetch or (lambda url: ingest.fetch(url, settings=settings))
    try:
        feed = parse_feed(data, origin=origin)
    except PresslintError as err:
        yield IngestFailure.of(origin, err)
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = entry.link or f"{origin}#{number}"
        try:
            article = _entry_article(entry, where, fetch)
        except PresslintError as err:
            yield IngestFailure.of(where, err)
            continue
        except Exception as err:  # one odd entry must not sink the feed
            yield IngestFailure.of(where, PresslintError(E.E101, path=where, reason=f"{type(err).__name__}: {err}"))
            continue
        article.outlet = feed.title or article.outlet  # the feed names its outlet better than a page's host
        article.date = article.date or entry.date
        yield article


def _entry_article(entry: Entry, where: str, fetch: Callable[[str], Article]) -> Article:
    text = html_paragraphs(entry.content_html) if entry.content_html else ""
    if word_count(text) >= MIN_CONTENT_WORDS:
        return from_text(text, title=entry.title, origin=where, url=entry.link, date=entry.date)
    if not entry.link:
        raise PresslintError(E.E102, path=where)
    article = fetch(entry.link)
    if entry.date and not article.date:
        article.date = entry.date
    return article
