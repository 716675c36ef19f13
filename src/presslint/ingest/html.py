"""HTML to Article with trafilatura (Apache-2.0): main text without navigation, ads or comments, plus metadata.

``Article.text`` is the headline, a blank line, then the body with one blank line between paragraphs. trafilatura is
imported lazily: plain-text inputs never pay for it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from ..errors import E, PresslintError
from ..model import Article
from .text import from_text, normalise, word_count

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


# Ad and promo boxes trafilatura keeps when they sit inside the story. A class or id token marks one when it is made
# of an ad word and, around it, only words that place or shape a box ("inline-ad", "ad-slot", "c-advert__label",
# "sponsored-content"): matching whole words, because "advert" inside "m-advertisement-off-canvas--pusher" names a
# page wrapper, and a substring match would delete the story with it.
_AD_WORDS = frozenset(
    [
        "ad",
        "ads",
        "adv",
        "advert",
        "adverts",
        "advertisement",
        "advertisements",
        "advertising",
        "adslot",
        "adunit",
        "adsense",
        "dfp",
        "gpt",
        "promo",
        "promos",
        "promotion",
        "promoted",
        "sponsor",
        "sponsored",
        "sponsorship",
        "outbrain",
        "taboola",
    ]
)
_BOX_WORDS = frozenset(
    [
        "slot",
        "slots",
        "banner",
        "banners",
        "box",
        "unit",
        "units",
        "container",
        "wrapper",
        "wrap",
        "block",
        "label",
        "placeholder",
        "space",
        "zone",
        "area",
        "holder",
        "inline",
        "in",
        "top",
        "bottom",
        "mid",
        "middle",
        "side",
        "sidebar",
        "rail",
        "right",
        "left",
        "header",
        "footer",
        "sticky",
        "native",
        "article",
        "story",
        "body",
        "content",
        "contents",
        "post",
        "posts",
        "link",
        "links",
        "leaderboard",
        "mpu",
        "billboard",
        "skyscraper",
        "widget",
        "module",
        "card",
        "panel",
        "frame",
        "section",
        "element",
        "item",
        "desktop",
        "mobile",
        "tablet",
        "text",
        "teaser",
        "tag",
    ]
)
_SIGNUP = frozenset(["newsletter", "subscribe", "subscription", "signup"])
_SIGNUP_BOX = frozenset(
    ["signup", "sign", "up", "form", "box", "cta", "widget", "promo", "inline", "module", "banner", "block"]
)
_NEVER_PRUNED = frozenset(["html", "body", "main", "article"])
_TOKEN_PARTS = re.compile(r"[-_]+|(?<=[a-z])(?=[A-Z])")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "article")
LAYOUT_CELL_WORDS = 40  # a table cell with more words than this holds prose: the table lays out the page
MAX_PRUNED_SHARE = 0.3  # an "ad box" holding more of the page's text than this is a wrapper, not an ad
FALLBACK_RATIO = 0.5  # pruned text shorter than this share of trafilatura's own: pruning took the story, use that
MIN_PARAGRAPH_WORDS = 6  # a page whose longest "paragraph" is shorter holds menus, not an article


def _ad_token(token: str) -> bool:
    """True for a class/id token that names an ad, promo or sign-up box as a whole word."""
    parts = [p.lower() for p in _TOKEN_PARTS.split(token) if p]
    if not parts:
        return False
    # BEM-style one-letter namespaces ("c-ad", "o-promo"), "js-" hooks, tag names and numbers say nothing.
    parts = [p for p in parts if len(p) > 1 and p not in ("js", "div", "span") and not p.isdigit()] or parts
    if any(p in _AD_WORDS for p in parts):
        return all(p in _AD_WORDS or p in _BOX_WORDS for p in parts)
    if any(p in _SIGNUP for p in parts):
        return len(parts) > 1 and all(p in _SIGNUP or p in _SIGNUP_BOX for p in parts)
    return False


def _is_ad_box(element) -> bool:
    tokens = (element.get("class") or "").split() + (element.get("id") or "").split()
    return any(_ad_token(token) for token in tokens)


def ad_boxes(tree) -> list:
    """Outermost elements of ``tree`` that are ad, promo or sign-up boxes by their class or id.

    Never the page's ``html``/``body``/``main``/``article``, and never an element that holds a large share of the
    page's text: whatever its name says, that is the story's wrapper.
    """
    body = tree.find(".//body")
    total = len((body if body is not None else tree).text_content() or "")
    found: list = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NEVER_PRUNED or not _is_ad_box(element):
            continue
        if any(ancestor in found for ancestor in element.iterancestors()):
            continue
        if total and len(element.text_content() or "") > MAX_PRUNED_SHARE * total:
            continue
        found.append(element)
    return found


def _is_layout_table(table) -> bool:
    """A table used to lay out a page rather than to hold data: one of its cells holds paragraphs, headings or a
    nested table, or runs longer than a sentence or two."""
    for cell in table.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th"):
        blocks = sum(1 for child in cell.iter(*_BLOCKS) if child is not cell)
        if blocks >= 2 or cell.find(".//table") is not None or word_count(cell.text_content()) > LAYOUT_CELL_WORDS:
            return True
    return False


def unwrap_layout_tables(tree) -> int:
    """Turn layout tables into plain blocks, so their paragraphs are read as paragraphs (trafilatura reads a table
    as rows of cells, which joins a whole story into one line or drops it). Data tables stay tables. Returns how
    many tables were unwrapped."""
    layout = [table for table in tree.iter("table") if _is_layout_table(table)]
    own_parts = [  # a nested data table inside a layout cell stays a table
        element
        for table in layout
        for element in table.iter(*_TABLE_PARTS)
        if element is table or element.xpath("ancestor::table[1]")[0] is table
    ]
    for element in own_parts:
        element.tag = "div"
    return len(layout)


def _table_row(line: str) -> str | None:
    """trafilatura draws a table row as ``| a | b |``: keep the cells, drop the separator line under a header."""
    inner = line.strip()
    if not (inner.startswith("|") and inner.endswith("|")):
        return line
    if set(inner) <= {"|", "-", " "}:
        return None
    cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner[1:-1])]
    return " | ".join(c for c in cells if c) or None


def _date_params() -> dict[str, object]:
    # Metadata only: a date guessed from copyright lines or URLs would trigger false "date after publication".
    return {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}


def _extract(tree, url: str | None, *, favor_recall: bool = False, metadata: bool = True):
    import trafilatura

    return trafilatura.bare_extraction(
        tree,  # trafilatura copies a tree it is given, so one parse serves several extractions
        url=url,
        include_comments=False,
        include_tables=True,  # data tables are content; layout tables were unwrapped before
        include_images=False,
        include_links=False,
        with_metadata=metadata,
        favor_recall=favor_recall,
        date_extraction_params=_date_params(),
    )


def _text_of(doc) -> str:
    return (doc.text or "").strip() if doc is not None else ""


# A byline element under the headline: "By Ann Lee", "By Ann Lee, Bo Chan and Cy Diaz", "By Reuters", maybe
# followed by a date or a pipe ("By Ann Lee on Monday, November 18th, 2019").
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|la|le|bin|al-\w+)){0,4}"
_NAME_SEPARATOR = r"\s*(?:,|\band\b|&)\s*"
_BY_LINE = re.compile(rf"^(?i:written\s+|reported\s+)?(?i:by):?\s+({_NAME}(?:{_NAME_SEPARATOR}{_NAME})*)(?:\s|,|\||$)")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
MAX_BYLINE_CHARS = 120
BYLINE_SEARCH_ELEMENTS = 80  # elements after the <h1> to look through: the byline sits right under the headline
_SKIP_TAGS = frozenset({"script", "style", "nav", "footer", "aside", "noscript", "template", "figure", "figcaption"})


def byline_near_title(tree) -> str | None:
    """The names of a "By ..." line among the first elements after the page's <h1>, when trafilatura's metadata found
    no author (PolitiFact's `<p class="article__meta">By <a>...</a>, <a>...</a>`, NBC's `By Reuters`). Only right
    under the headline: a "By ..." further down is a photo credit or a related story's teaser."""
    heading = next(iter(tree.iter("h1")), None)
    if heading is None:
        return None
    skip = " or ".join(f"ancestor-or-self::{tag}" for tag in sorted(_SKIP_TAGS))
    for node in heading.xpath(f"following::*[position() <= {BYLINE_SEARCH_ELEMENTS}][not({skip})]"):
        text = " ".join("".join(node.itertext()).split())
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        match = _BY_LINE.match(text)
        if match:
            names = re.split(_NAME_SEPARATOR, match.group(1))
            kept = [n for n in names if n and not _CREDENTIAL.match(n)]  # "Rachael Link, MS, RD"
            return ", ".join(kept) or None
    return None


# trafilatura's author field sometimes runs on into the date or a bio: "Ann Lee Monday; November", "Ann Lee is a
# reporter"; and prefixes the genre: "Analysis by Ann Lee".
_AUTHOR_RUN_ON = re.compile(
    r"(?:^|\s+)(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b(?:[\s,]*\d.*)?|is an? \w.*)$"
)  # a weekday or month only as the last word or before a number: "June Carter" stays
_AUTHOR_PREFIX = re.compile(r"^(?:analysis|opinion|commentary|review|story|text|words|photos?)\s+by\s+", re.I)


def clean_author(author: str | None) -> str | None:
    """The author names without a run-on date, bio or genre prefix, each name once (None when nothing is left)."""
    if not author:
        return None
    names: list[str] = []
    for part in author.split(";"):
        name = _AUTHOR_RUN_ON.sub("", _AUTHOR_PREFIX.sub("", part.strip())).strip(" ,;")
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return "; ".join(names) or None


def extract(html: str, url: str | None = None):
    """trafilatura's document for ``html`` with in-story ad boxes removed, or trafilatura's own result when removing
    them lost the story (empty, or under FALLBACK_RATIO of trafilatura's length). None when there is no text. The
    author is cleaned, or read from a byline under the headline when trafilatura found none."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    doc = _extract_article(tree, url)
    if doc is not None:
        doc.author = clean_author(doc.author) or byline_near_title(tree)
    return doc


def _extract_article(tree, url: str | None):
    unwrap_layout_tables(tree)
    own = _extract(tree, url)
    if not _text_of(own):
        own = _extract(tree, url, favor_recall=True)
    boxes = ad_boxes(tree)
    if not boxes:
        return own
    pruned_tree = copy.deepcopy(tree)
    for element in ad_boxes(pruned_tree):
        element.drop_tree()  # keeps the tail text that follows the box
    metadata = own is None  # otherwise the page's metadata is already in ``own``: read it once
    pruned = _extract(pruned_tree, url, metadata=metadata)
    if not _text_of(pruned):
        pruned = _extract(pruned_tree, url, favor_recall=True, metadata=metadata)
    if own is None or pruned is None:
        return pruned if own is None else own
    if len(_text_of(pruned)) < FALLBACK_RATIO * len(_text_of(own)):
        return own
    own.text = pruned.text
    return own


def from_html(html: str, *, url: str | None = None, origin: str | None = None) -> Article:
    """Main text and metadata of an HTML page; E106 when the page holds no article text."""
    where = origin or url or "<html>"
    try:
        doc = extract(html, url)
    except Exception as err:  # trafilatura/lxml on hostile input: report, never crash a batch
        raise PresslintError(E.E106, path=where) from err
    body = _text_of(doc)
    if not body:
        raise PresslintError(E.E106, path=where)
    title = (
        _without_site_name(" ".join(normalise(doc.title).split()), doc.sitename, doc.hostname) if doc.title else None
    )
    paragraphs = [p for p in (normalise(_table_row(line) or "") for line in body.split("\n")) if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the page's <h1> repeats the headline we put on top
    if not any(word_count(p) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise PresslintError(E.E106, path=where)
    meta = {k: v for k, v in (("description", doc.description), ("hostname", doc.hostname)) if v}
    if doc.categories:
        meta["categories"] = list(doc.categories)
    meta.update(page_genre(html))
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


# What the page says its piece is (the genre check reads them): schema.org types in JSON-LD ('OpinionNewsArticle',
# 'ReviewNewsArticle', 'AnalysisNewsArticle') and the Open Graph section ('<meta property="article:section"
# content="Opinion">'). Read from the markup, as trafilatura keeps neither.
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,60}")')
_SECTION = re.compile(
    r"<meta\s+[^>]*?(?:property|name)\s*=\s*[\"']article:section[\"'][^>]*?content\s*=\s*[\"']([^\"']{1,60})[\"']"
    r"|<meta\s+[^>]*?content\s*=\s*[\"']([^\"']{1,60})[\"'][^>]*?(?:property|name)\s*=\s*[\"']article:section[\"']",
    re.IGNORECASE,
)
MAX_GENRE_SCAN = 400_000  # characters of markup read for them


def page_genre(html: str) -> dict[str, object]:
    """``page_types`` (the JSON-LD @type values ending in 'Article' or 'Review') and ``section`` (article:section),
    when the page has them."""
    head = html[:MAX_GENRE_SCAN]
    types: list[str] = []
    for m in _LD_TYPE.finditer(head):
        for name in re.findall(r'"([^"]{1,60})"', m.group(1)) if m.group(1).startswith("[") else [m.group(1)[1:-1]]:
            if name.endswith(("Article", "Review")) and name not in types:
                types.append(name)
    out: dict[str, object] = {"page_types": types} if types else {}
    if section := _SECTION.search(head):
        out["section"] = (section.group(1) or section.group(2)).strip()
    return out


# "Headline | Outlet", "Headline - Outlet", "Headline — Outlet": the <title> convention of most sites.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def _squeezed(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _without_site_name(title: str, sitename: str | None, hostname: str | None) -> str:
    """The headline without the site's name that the page's <title> appends: the last segment after a separator when
    it is the page's site name or its host's name ("Clymer manual review | MoreBikes" on morebikes.co.uk). The site's
    name is not part of the headline, and left on, the headline checks read it as something the headline claims."""
    seps = list(_TITLE_SEPARATOR.finditer(title))
    if not seps:
        return title
    names = {_squeezed(sitename or "")}
    host = (hostname or "").removeprefix("www.")
    names |= {_squeezed(host), _squeezed(host.split(".")[0])} if host else set()
    names.discard("")
    ends = [m.start() for m in seps[1:]] + [len(title)]
    for sep, end in reversed(list(zip(seps, ends))):  # "Headline - Section - Outlet": drop the outlet and what follows
        if _squeezed(title[sep.end() : end]) in names or _squeezed(title[sep.end() :]) in names:
            head = title[: sep.start()].strip()
            return head if len(head.split()) >= 2 or len(head) >= 8 else title
    return title


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
