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


# -- extraction at least as good as trafilatura's own: whole-word ad pruning, any script, layout and data tables ----

STORY = [
    "Dock workers at the city's main container port returned to work on Thursday after a ten-day strike over pay.",
    "The union said its members had voted by a large margin to accept an offer of a nine percent rise over two years.",
    "Port managers said the first ships would be unloaded by the weekend and the backlog cleared within a month.",
    "Shipping lines had diverted more than forty vessels to other ports while the strike lasted, the authority said.",
]


def _page(body: str, *, body_attrs: str = "", title: str = "Port strike ends after ten days") -> str:
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body{body_attrs}>{nav}{body}"
        "<footer><p>Contact us</p><p>Terms</p></footer></body></html>"
    )


def _story(wrapper_class: str | None = None, extra: str = "") -> str:
    inner = "<h1>Port strike ends after ten days</h1>" + "".join(f"<p>{p}</p>" for p in STORY) + extra
    article = f"<article>{inner}</article>"
    return f'<div class="{wrapper_class}">{article}</div>' if wrapper_class else article


@pytest.mark.parametrize(
    "wrapper",
    [
        "m-advertisement-off-canvas--pusher",  # a site-wide wrapper named after the ad it makes room for
        "page-promo-wrapper",
        "advertorial-layout",
        "sponsorship-aware-container main",
        "newsletter-page",
    ],
)
def test_ingest_html_wrapper_named_like_an_ad_keeps_the_story(wrapper):
    article = from_html(_page(_story(wrapper)), origin="page")
    assert article.text[article.body_start :].split("\n\n") == STORY


@pytest.mark.parametrize("attrs", [' class="promo-landing"', ' class="advert"', ' id="ad"', ' class="ads-enabled"'])
def test_ingest_html_body_named_like_an_ad_is_never_pruned(attrs):
    article = from_html(_page(_story(), body_attrs=attrs), origin="page")
    assert article.text[article.body_start :].split("\n\n") == STORY


@pytest.mark.parametrize(
    "box",
    [
        '<div class="ad">Buy cheap flights to the sun today</div>',
        '<div class="inline-ad"><p>Buy cheap flights to the sun today, offers end soon</p></div>',
        '<aside class="c-ad__slot">Buy cheap flights to the sun today</aside>',
        '<div class="adSlot">Buy cheap flights to the sun today</div>',
        '<div id="div-gpt-ad-1234567-0"><p>Buy cheap flights to the sun today, offers end soon</p></div>',
        '<div class="sponsored-content"><p>Buy cheap flights to the sun today, offers end soon</p></div>',
        '<div class="newsletter-signup"><p>Buy cheap flights to the sun today, sign up now</p></div>',
        '<section class="promo-box"><p>Buy cheap flights to the sun today, offers end soon</p></section>',
    ],
)
def test_ingest_html_ad_boxes_inside_the_story_are_removed(box):
    body = (
        "<article><h1>Port strike ends after ten days</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY[:2])
        + box
        + "".join(f"<p>{p}</p>" for p in STORY[2:])
        + "</article>"
    )
    article = from_html(_page(body), origin="page")
    assert "cheap flights" not in article.text
    assert article.text[article.body_start :].split("\n\n") == STORY


@pytest.mark.parametrize(
    "token, expected",
    [
        ("ad", True),
        ("inline-ad", True),
        ("ad-slot", True),
        ("c-advert__label", True),
        ("adSlot", True),
        ("div-gpt-ad-1234567-0", True),
        ("sponsored-content", True),
        ("newsletter-signup", True),
        ("m-advertisement-off-canvas--pusher", False),
        ("m-advertisement--skin-container", False),
        ("header", False),
        ("load-more", False),
        ("badge", False),
        ("shadow", False),
        ("promotional-offers-page", False),
        ("newsletter", False),  # a word alone: could be the newsletter archive page itself
    ],
)
def test_ingest_html_ad_class_tokens_match_whole_words(token, expected):
    from presslint.ingest.html import _ad_token

    assert _ad_token(token) is expected


def test_ingest_html_ad_named_wrapper_holding_the_story_is_kept():
    # An "ad-container" that wraps most of the page's text is a wrapper whatever its name says.
    article = from_html(_page(_story("ad-container")), origin="page")
    assert article.text[article.body_start :].split("\n\n") == STORY


def test_ingest_html_falls_back_to_trafilaturas_own_text_when_pruning_loses_the_story():
    from presslint.ingest.html import ad_boxes, extract

    # Most of the story sits in a box whose class says "promo" (a site's own styling), and a long site map keeps that
    # box under the share the wrapper guard protects: the pruned text is much shorter than trafilatura's own, so
    # trafilatura's own is used.
    site_map = "".join(f"<li><a href='/s{i}'>Section number {i} of the site map</a></li>" for i in range(60))
    body = (
        f"<article><h1>Port strike ends after ten days</h1><p>{STORY[0]}</p>"
        f'<div class="promo-text">{"".join(f"<p>{p}</p>" for p in STORY[1:])}</div></article>'
        f"<ul class='site-map'>{site_map}</ul>"
    )
    from trafilatura.utils import load_html

    assert [box.get("class") for box in ad_boxes(load_html(_page(body)))] == ["promo-text"]
    doc = extract(_page(body))
    assert all(p in doc.text for p in STORY)


CJK_PAGES = {
    "ja": (
        "港湾ストライキが十日ぶりに終結",
        [
            "市の主要なコンテナ港で働く港湾労働者は木曜日、賃金をめぐる十日間のストライキを終えて職場に戻った。",
            "組合によると、組合員は二年間で九パーセントの賃上げ案を大差で受け入れることを決めたという。",
            "港の管理者は、最初の船は週末までに荷揚げされ、滞貨は一か月以内に解消される見通しだと述べた。",
        ],
    ),
    "zh": (
        "港口罢工十天后结束",
        [
            "该市主要集装箱港口的码头工人在持续十天的薪资罢工后于周四恢复工作。",
            "工会表示，会员以压倒性多数投票接受了两年内加薪百分之九的方案。",
            "港口管理人员说，第一批船只将在周末前卸货，积压的货物将在一个月内清理完毕。",
        ],
    ),
    "th": (
        "การนัดหยุดงานที่ท่าเรือยุติลงหลังสิบวัน",
        [
            "คนงานท่าเรือของท่าเรือตู้สินค้าหลักของเมืองกลับมาทำงานในวันพฤหัสบดีหลังการนัดหยุดงานสิบวันเรื่องค่าจ้าง",
            "สหภาพแรงงานระบุว่าสมาชิกลงมติยอมรับข้อเสนอขึ้นค่าจ้างร้อยละเก้าในสองปี",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(CJK_PAGES))
def test_ingest_html_pages_in_scripts_without_spaces_are_read(lang):
    title, paragraphs = CJK_PAGES[lang]
    body = f"<article><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in paragraphs)}</article>"
    article = from_html(_page(body, title=title), origin="page")
    assert article.text[article.body_start :].split("\n\n") == paragraphs


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The minister resigned on Tuesday.", 5, 5),
        ("市の主要なコンテナ港で働く港湾労働者は木曜日に職場に戻った。", 12, 18),
        ("该市主要集装箱港口的码头工人周四恢复工作。", 8, 12),
        ("คนงานท่าเรือกลับมาทำงานในวันพฤหัสบดี", 6, 12),
        ("정부는 화요일 새로운 조치를 발표했다", 5, 5),  # Korean is written with spaces
        ("Apple の iPhone を販売した", 5, 8),
        ("— , ;", 0, 0),
    ],
)
def test_ingest_text_word_count_is_script_aware(text, low, high):
    from presslint.ingest.text import word_count

    assert low <= word_count(text) <= high


def test_ingest_html_layout_table_keeps_paragraphs_apart():
    cell = "<h1>Port strike ends after ten days</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<table width='90%'><tr><td><a href='/'>Home</a><br><a href='/archive'>Archive</a></td><td>{cell}</td></tr></table>"
    article = from_html(_page(body), origin="page")
    assert article.text[article.body_start :].split("\n\n") == STORY


def test_ingest_html_data_table_in_a_story_is_kept_row_by_row():
    table = (
        "<table><thead><tr><th>Port</th><th>Ships diverted</th><th>Days closed</th></tr></thead><tbody>"
        "<tr><td>Northgate</td><td>24</td><td>10</td></tr><tr><td>Eastbay</td><td>17</td><td>8</td></tr></tbody></table>"
    )
    body = (
        "<article><h1>Port strike ends after ten days</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY[:2])
        + table
        + "".join(f"<p>{p}</p>" for p in STORY[2:])
        + "</article>"
    )
    paragraphs = from_html(_page(body), origin="page").text.split("\n\n")
    assert "Port | Ships diverted | Days closed" in paragraphs
    assert "Northgate | 24 | 10" in paragraphs and "Eastbay | 17 | 8" in paragraphs
    assert not any(set(p) <= {"|", "-", " "} for p in paragraphs)


# (<title>, og:site_name or None, page URL, the headline presslint keeps)
SITE_TITLES = [
    (
        "Ferry fares rise for the third year | Harbour Times",
        "Harbour Times",
        "https://harbourtimes.example/a",
        "Ferry fares rise for the third year",
    ),
    (
        "Ferry fares rise for the third year - Harbour Times",
        None,
        "https://www.harbourtimes.example/a",
        "Ferry fares rise for the third year",
    ),
    (
        "Ferry fares rise — and commuters pay - Live updates - The Ledger",
        "The Ledger",
        "https://ledger.example/a",
        "Ferry fares rise — and commuters pay - Live updates",
    ),
    (
        "Storm warning: what the mayor said | City Post",
        "City Post",
        "https://citypost.example/b",
        "Storm warning: what the mayor said",
    ),
]


@pytest.mark.parametrize(("title", "site", "url", "expected"), SITE_TITLES)
def test_ingest_html_title_without_the_site_name(title, site, url, expected):
    body = "".join(
        f"<p>Fares on the island ferry will rise by {i + 3} percent from May, the operator said in a statement.</p>"
        for i in range(5)
    )
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    html = f"<html><head><title>{title}</title>{meta}</head><body><article>{body}</article></body></html>"
    assert from_html(html, url=url).title == expected


KEPT_TITLES = [
    # a dash inside the headline, not before the site's name
    ("Budget vote: what the mayor said – ‘We are out of money’", "City Post", "citypost.example"),
    ("Jobs - Ledger", "Ledger", "ledger.example"),  # too short a headline left: keep the title as it is
]


@pytest.mark.parametrize(("title", "site", "host"), KEPT_TITLES)
def test_ingest_html_site_name_rule_keeps(title, site, host):
    from presslint.ingest.html import _without_site_name

    assert _without_site_name(title, site, host) == title


@pytest.mark.parametrize(("title", "site", "url", "expected"), SITE_TITLES)
def test_ingest_html_site_name_rule(title, site, url, expected):
    # The rule alone: trafilatura may already shorten a <title> (it keeps the longest part of some), so the page test
    # above shows the end result and this one each case of the rule.
    from presslint.ingest.html import _without_site_name

    host = url.split("/")[2]
    assert _without_site_name(title, site, host) == expected


# --- bylines ------------------------------------------------------------------------------------------------------
BYLINE_PARAGRAPHS = "".join(
    f"<p>The harbour board voted on Tuesday to extend the night shift at the container terminal, paragraph {i}, "
    "after months of complaints from hauliers about queues at the gate.</p>"
    for i in range(6)
)


def _byline_page(header: str, before_body: str = "") -> str:
    return (
        f"<html><head><title>Night shift extended at the port</title></head><body>{before_body}"
        f"<article><header><h1>Night shift extended at the port</h1>{header}</header>{BYLINE_PARAGRAPHS}</article>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "header, byline",
    [
        (
            '<p class="article__meta">By <a href="/staff/ann-lee">Ann Lee</a>, <a href="/staff/bo-chan">Bo Chan</a>'
            " <span>on Monday, November 18th, 2019</span></p>",
            "Ann Lee, Bo Chan",
        ),
        ('<div data-test="byline">By <!-- --> Reuters</div>', "Reuters"),
        ("<section><div><span>Written by Rachel Moss, MS, RD on May 7, 2019</span></div></section>", "Rachel Moss"),
        ("<p>BY DANA WHITE and JOSE DIAZ | Harbour Times</p>", "DANA WHITE, JOSE DIAZ"),
    ],
)
def test_ingest_html_byline_under_the_headline(header, byline):
    assert from_html(_byline_page(header)).byline == byline


@pytest.mark.parametrize(
    "header, before_body",
    [
        ("", ""),  # no byline at all: HYG001 is right to say so
        ("<p>Photo by Sam Ortiz</p>", ""),  # a photo credit is not the author
        ("", "<nav><p>By Ann Lee</p></nav>"),  # before the headline: a menu or another story
        ("<aside><p>By Ann Lee</p></aside>", ""),  # a related story's teaser
        ("<p>By the time the board met, the queue had reached the motorway.</p>", ""),  # prose, not a name
    ],
)
def test_ingest_html_no_byline_is_invented(header, before_body):
    assert from_html(_byline_page(header, before_body)).byline is None


@pytest.mark.parametrize(
    "author, cleaned",
    [
        ("Mike Lowe; Malcolm Owen Monday; November", "Mike Lowe; Malcolm Owen"),
        ("Jeff Ford Monday; November 18, 2019", "Jeff Ford"),
        ("Phil Hale is a reporter for the national desk", "Phil Hale"),
        ("Analysis by Chris Cole", "Chris Cole"),
        ("Troy Smith; Troy Smith", "Troy Smith"),
        ("June Carter", "June Carter"),  # a month as a first name stays
        ("May Ito; Ann Lee", "May Ito; Ann Lee"),
        ("", None),
    ],
)
def test_ingest_html_author_is_cleaned(author, cleaned):
    from presslint.ingest.html import clean_author

    assert clean_author(author) == cleaned
