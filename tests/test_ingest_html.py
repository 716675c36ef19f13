"""HTML pages built for the tests: main text without menus, ads or comments, and metadata from the page."""

from __future__ import annotations

import pytest

from presslint.errors import PresslintError
from presslint.ingest import from_html, read
from presslint.ingest.html import looks_like_html

PAGES = {
    "harbour-strike.html": {
        "title": "Port strike ends after ten days as dock workers accept pay deal",
        "byline": "Maria Lopez",
        "date": "2023-05-04",
        "outlet": "The Coastal Herald",
        "url": "https://herald.example/news/port-strike-ends",
        "encoding": "utf-8",
        "first": "Dock workers at the city's main container port returned to work on Thursday",
        "paragraphs": 4,
    },
    "council-budget.html": {
        "title": "Council approves budget with cuts to library hours",
        "byline": "Tom Becker",
        "date": "2022-02-17",
        "outlet": "Valley Post",
        "url": None,
        "encoding": "cp1252",
        "first": "Councillors voted 27 to 14 on Wednesday evening",
        "paragraphs": 4,
    },
    "broken-markup.html": {
        "title": "Storm closes coastal road for second night",
        "byline": "Priya Natarajan",
        "date": None,
        "outlet": None,
        "url": None,
        "encoding": "utf-8",
        "first": "Police closed the coastal road between the two villages",
        "paragraphs": None,
    },
}
JUNK = (
    "Home",
    "Subscribe today",
    "ADVERTISEMENT",
    "Sponsored",
    "cookies",
    "About time",
    "Shameful decision",
    "Related stories",
    "All rights reserved",
    "Log in",
    "docker_dan",
)


@pytest.fixture
def page(fixtures_dir):
    return lambda name: read(str(fixtures_dir / "html" / name))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_ingest_html_metadata_from_page(page, name):
    want, article = PAGES[name], page(name)
    for key in ("title", "byline", "date", "outlet", "url", "encoding"):
        assert getattr(article, key) == want[key], key
    assert article.language == "en"
    assert article.text[slice(*article.title_span)] == want["title"]
    assert article.text[article.body_start :].startswith(want["first"])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_ingest_html_drops_navigation_ads_and_comments(page, name):
    text = page(name).text
    for junk in JUNK:
        assert junk not in text, junk


@pytest.mark.parametrize("name", sorted(PAGES))
def test_ingest_html_paragraphs_are_separated_by_blank_lines(page, name):
    article = page(name)
    body = article.text[article.body_start :]
    paragraphs = body.split("\n\n")
    assert all(p and "\n" not in p for p in paragraphs)
    assert article.text == f"{article.title}\n\n{body}"
    if PAGES[name]["paragraphs"]:
        assert len(paragraphs) == PAGES[name]["paragraphs"]


def test_ingest_html_headline_is_not_repeated(page):
    article = page("harbour-strike.html")
    assert article.text.count(article.title) == 1


def test_ingest_html_page_without_article_is_e106(fixtures_dir):
    with pytest.raises(PresslintError) as err:
        read(str(fixtures_dir / "html" / "no-article.html"))
    assert err.value.code == "E106"


@pytest.mark.parametrize(
    "html",
    ["", "<html></html>", "<html><body><p>Hi</p></body></html>", "<<<>>>&&&", "<div>" * 5000, "\x00<p>"],
)
def test_ingest_html_degenerate_markup_is_e106_not_a_crash(html):
    with pytest.raises(PresslintError) as err:
        from_html(html, origin="page")
    assert err.value.code == "E106"


def test_ingest_html_from_html_uses_given_url():
    html = (
        "<html><head><title>Tram line opens</title></head><body><article><h1>Tram line opens</h1>"
        "<p>The first passengers boarded the new tram line on Saturday morning, three years after work began.</p>"
        "<p>The city said services would run every eight minutes at peak times.</p></article></body></html>"
    )
    article = from_html(html, url="https://news.example/tram")
    assert article.url == "https://news.example/tram" and article.origin == "https://news.example/tram"
    assert article.title == "Tram line opens"
    assert article.text.endswith("every eight minutes at peak times.")


@pytest.mark.parametrize(
    "head, expected",
    [
        ("<!DOCTYPE html><html><body>", True),
        ("  <html lang='en'><head>", True),
        ("<!-- saved --> <html>", True),
        ("<div><p>One</p><p>Two</p><a href='x'>x</a></div>", True),
        ("Plain text that mentions a <p> tag once.", False),
        ("Headline\n\nBody text about <html> in passing.", False),
    ],
)
def test_ingest_html_sniffing(head, expected):
    assert looks_like_html(head) is expected
