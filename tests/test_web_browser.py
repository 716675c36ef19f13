"""The workbench in a real browser: Debian's Chromium, headless, driven by Playwright, against `presslint serve`
started on a free loopback port. Skips when /usr/bin/chromium is missing (install it with `bash .ci/browser-deps`).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright")

from presslint.web.localserver import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, local_server  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.network]
if not Path(CHROMIUM).exists():
    pytest.skip(INSTALL_HINT, allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "kirkuk-airbase.txt").read_text(encoding="utf-8")

# Every payload would set window.__pwned or open a dialog if the page ever treated article text as markup.
XSS_ARTICLE = """<img src=x onerror="window.__pwned=1;alert(1)"> Officials deny <b>report</b>

Two security officials said on Monday, without giving their names, that <script>window.__pwned=2;alert(2)</script> the council had approved the "><svg onload=window.__pwned=3> budget of 40 million dollars.

A spokesman said the plan was "final" and that <a href="javascript:window.__pwned=4">residents</a> would be told. Sources close to the mayor said the vote was '><img src=x onerror=window.__pwned=5> a disaster, and the the decision was taken in secret " onmouseover="window.__pwned=6" x=".

The council said 30 of the 20 members voted for the plan <iframe src="javascript:window.__pwned=7"></iframe>, officials said.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with local_server(home=tmp_path_factory.mktemp("browser-home"), workers=1) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 850}, accept_downloads=True)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.url + "/")
    yield page
    context.close()


def check_pasted(page, text: str, date: str | None = None) -> None:
    page.fill("#text", text)
    if date:
        page.fill("#date", date)
    page.click("#check-btn")
    page.wait_for_selector("#findings li.finding", timeout=30_000)


def test_web_browser_paste_highlight_filter_export(page, tmp_path):
    check_pasted(page, ARTICLE, "2020-04-02")
    findings = page.locator("#findings li.finding")
    total = findings.count()
    assert total >= 3
    assert page.locator("#article .hl.mark").count() >= 3

    # Click the anonymous-source finding: its span is highlighted and the detail panel explains it.
    source = page.locator("#findings li.finding", has_text="SRC001").first
    source.click()
    active = page.locator("#article .hl.active")
    assert active.count() >= 1
    assert "Three military officials" in "".join(active.all_text_contents())
    assert "SRC001" in page.locator("#finding-detail").inner_text()

    # Keyboard: focus another finding and press Enter.
    other = findings.nth(total - 1)
    other.focus()
    page.keyboard.press("Enter")
    assert other.get_attribute("aria-pressed") == "true"
    assert source.get_attribute("aria-pressed") == "false"

    # Filter by severity: hide info findings.
    infos = page.locator("#findings li.finding.sev-info").count()
    assert infos >= 1
    page.uncheck("#filter-info")
    assert page.locator("#findings li.finding.sev-info").count() == 0
    assert page.locator("#findings li.finding").count() == total - infos
    page.check("#filter-info")

    # The sources table names the anonymous source.
    assert "anonymous" in page.locator("#sources tbody").inner_text()

    # Export JSON: the download is the stored report.
    with page.expect_download() as download_info:
        page.click("#export-json")
    saved = tmp_path / "report.json"
    download_info.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["article"]["text"].startswith("Are foreign troops")
    assert len(data["findings"]) == total

    # The history lists it.
    page.click("#history-refresh")
    page.wait_for_selector("#history li button")
    assert "Are foreign troops" in page.locator("#history").inner_text()


def test_web_browser_article_markup_never_executes(page):
    check_pasted(page, XSS_ARTICLE, "2024-03-05")
    # Touch every highlight and finding: mouse events would fire any injected handler.
    for mark in page.locator("#article .hl").all()[:20]:
        mark.hover()
    for item in page.locator("#findings li.finding").all():
        item.click()
    page.click("#history-refresh")
    page.wait_for_selector("#history li button")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    article = page.locator("#article")
    assert article.locator("img, script, svg, iframe, a, b").count() == 0
    assert page.locator("#history img, #history script").count() == 0
    shown = article.inner_text()
    assert "<script>window.__pwned=2;alert(2)</script>" in shown
    assert '<img src=x onerror="window.__pwned=1;alert(1)">' in shown
