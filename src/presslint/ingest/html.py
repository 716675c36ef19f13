"""HTML to Article with trafilatura (Apache-2.0): main text without navigation, ads or comments, plus metadata.

``Article.text`` is the headline, a blank line, then the body with one blank line between paragraphs. trafilatura is
imported lazily: plain-text inputs never pay for it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import E, PresslintError
from ..model import Article
from .text import from_text, normalise

_HTML_HINT = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])|<(?:p|div|article|meta|title)[\s>]",
    re.I | re.S,
)


def looks_like_html(head: bytes | str) -> bool:
    """True when the first few kilobytes look like an HTML document rather than text that mentions a tag."""
    sample = head[:4096]
    if isinstance(sample, str):
        sample = sample.encode("utf-8", "ignore")
    match = _HTML_HINT.search(sample)
    if not match:
        return False
    # A document opener at the very top is enough; stray tags deeper in need company.
    return match.start() == 0 or len(re.findall(rb"</?(?:p|div|span|a|br|meta|title|h[1-6])[\s>/]", sample, re.I)) >= 3


# Ad and promo boxes trafilatura keeps when they sit inside the story (class tokens such as "ad", "inline-ad").
_PRUNE = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' ad ')"
    " or contains(@class, 'inline-ad') or contains(@class, 'ad-slot') or contains(@class, 'ad-banner')"
    " or contains(@class, 'advert') or contains(@id, 'advert') or contains(@class, 'sponsored')"
    " or contains(@class, 'promo') or contains(@class, 'newsletter-signup')]"
)
MIN_PARAGRAPH_WORDS = 6  # a page whose longest "paragraph" is shorter holds menus, not an article


def _date_params() -> dict[str, object]:
    # Metadata only: a date guessed from copyright lines or URLs would trigger false "date after publication".
    return {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}


def _extract(html: str, url: str | None, *, favor_recall: bool = False):
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        favor_recall=favor_recall,
        date_extraction_params=_date_params(),
        prune_xpath=_PRUNE,
    )


def from_html(html: str, *, url: str | None = None, origin: str | None = None) -> Article:
    """Main text and metadata of an HTML page; E106 when the page holds no article text."""
    where = origin or url or "<html>"
    try:
        doc = _extract(html, url)
        if doc is None or not (doc.text or "").strip():
            doc = _extract(html, url, favor_recall=True)
    except Exception as err:  # trafilatura/lxml on hostile input: report, never crash a batch
        raise PresslintError(E.E106, path=where) from err
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise PresslintError(E.E106, path=where)
    title = " ".join(normalise(doc.title).split()) if doc.title else None
    paragraphs = [p for p in (normalise(line) for line in body.split("\n")) if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the page's <h1> repeats the headline we put on top
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise PresslintError(E.E106, path=where)
    meta = {k: v for k, v in (("description", doc.description), ("hostname", doc.hostname)) if v}
    if doc.categories:
        meta["categories"] = list(doc.categories)
    return from_text(
        "\n\n".join(paragraphs),
        origin=origin or url,
        title=title,
        byline=doc.author or None,
        date=_iso_date(doc.date),
        outlet=doc.sitename or None,
        url=doc.url or url,
        **meta,
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
