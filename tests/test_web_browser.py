"""The workbench in a real browser: Debian's Chromium, headless, driven by Playwright, against `presslint serve`
started on a free loopback port. Skips when /usr/bin/chromium is missing (install it with `bash .ci/browser-deps`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright")

from presslint.web.localserver import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, local_server

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


OUTLETS = ROOT / "tests" / "fixtures" / "outlets"


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    """The server's store already holds one story: five outlets' articles on a fire, ingested with the library."""
    from presslint.config import Settings
    from presslint.corpus.batch import ingest
    from presslint.store import Store

    home = tmp_path_factory.mktemp("browser-home")
    db = home / "presslint.db"
    with Store(db) as store:
        summary = ingest([str(OUTLETS)], store=store, settings=Settings(db=str(db)), nlp=nlp, progress=False)
    assert summary.stored == 5
    with local_server(home=home, workers=1, extra=["--db", str(db)]) as running:
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
    assert len([f for f in data["findings"] if f["shown"]]) == total  # the JSON also has the hidden ones

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
    # The summary, the claims list and who is quoted show the same text as text.
    for region in ("#summary", "#claims-list", "#sources", "#notes", "#other-attributions"):
        assert page.locator(region).locator("img, script, svg, iframe, a, b").count() == 0, region
    for button in page.locator("#most-serious button").all():
        button.click()
    claims = page.locator("#claims-list tbody").inner_text()
    assert "<script>window.__pwned=2;alert(2)</script>" in claims
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []


def test_web_browser_story_lines_outlets_up_claim_by_claim(page):
    page.click("#view-tab-stories")
    opener = page.locator("#stories-table button[data-story]").first
    opener.wait_for(timeout=10_000)
    listed = page.locator("#stories-table tbody tr").first.inner_text()
    assert "Caldmoor" in listed and "2025-03-12" in listed

    # Keyboard: focus the headline and press Enter to open the story.
    opener.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#claims-grid tbody tr.claim", timeout=10_000)
    assert "#story=" in page.url
    heads = page.locator("#claims-grid thead th .outlet-name").all_text_contents()
    assert len(heads) == 4  # independent outlets: the wire copy shares its original's column
    assert "2 copies" in page.locator("#claims-grid thead").inner_text()

    # The death toll is contradicted: both sides are highlighted, each in its outlet's column.
    row = page.locator("#claims-grid tbody tr.st-contradicted", has_text="killed six workers")
    assert row.locator(".status").inner_text().lower() == "contradicted"
    six = row.locator("td.side-1", has_text="killed six workers")
    four = row.locator("td.side-0", has_text="killed four workers")
    assert six.count() == 1 and four.count() >= 1
    column_of = {name.lower(): i for i, name in enumerate(heads)}
    cells = row.locator("td")
    assert "six" in cells.nth(column_of["daily ledger"]).inner_text()
    assert "four" in cells.nth(column_of["caldmoor gazette"]).inner_text()
    assert "6 worker" in row.inner_text() and "4 worker" in row.inner_text()

    # Filter: only contradicted claims.
    page.uncheck("#show-corroborated")
    page.uncheck("#show-single")
    statuses = set(page.locator("#claims-grid tbody tr.claim").evaluate_all("rows => rows.map(r => r.dataset.status)"))
    assert statuses == {"contradicted"}

    # Escape goes back to the list with focus on the story's button; the single-article view still works.
    page.keyboard.press("Escape")
    assert page.locator("#stories-list").is_visible()
    assert page.evaluate("document.activeElement.dataset.story") is not None
    page.click("#view-tab-check")
    check_pasted(page, ARTICLE, "2020-04-02")
    assert page.locator("#article .hl.mark").count() >= 3


def test_web_browser_summary_claims_and_who_is_quoted(page):
    check_pasted(page, ARTICLE, "2020-04-02")
    summary = page.locator("#summary")
    assert summary.is_visible()
    facts = page.locator("#summary-facts").inner_text()
    for label in ("Findings", "Check-worthy claims", "Sources", "Loaded language"):
        assert label.lower() in facts.lower()
    assert "attributed to a source" in facts and "anonymous" in facts and "per 1,000 words" in facts

    # The findings list runs from the most severe down.
    severities = page.locator("#findings li.finding .badge").all_text_contents()
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[s.lower()] for s in severities] == sorted(order[s.lower()] for s in severities)

    # The three most serious findings; choosing one selects it in the list and in the text, even when filtered out.
    serious = page.locator("#most-serious li button")
    assert serious.count() == 3
    first_code = serious.first.locator(".code").inner_text().strip()
    page.uncheck("#filter-error")
    serious.first.click()
    active = page.locator("#findings li.finding.active")
    assert active.count() == 1 and first_code in active.inner_text()
    assert page.locator("#filter-error").is_checked()
    assert page.locator("#article .hl.active").count() >= 1

    # The check-worthy claims, most check-worthy first, each sourced (by whom) or not.
    rows = page.locator("#claims-list tbody tr")
    assert rows.count() >= 5
    scores = [float(s) for s in page.locator("#claims-list tbody td.num").all_text_contents()]
    assert scores == sorted(scores, reverse=True)
    listed = page.locator("#claims-list tbody").inner_text()
    assert "unsourced" in listed and "Three military officials" in listed and "anonymous" in listed
    assert "attributed" in page.locator("#claims-count").inner_text()

    # Who is quoted: real sources, one row each; the notes on one line; the date said once.
    sources = page.locator("#sources tbody tr")
    assert sources.count() == 3
    assert "anonymous" in page.locator("#sources tbody").inner_text()
    notes = page.locator("#notes")
    assert notes.is_visible() and "W003" in notes.inner_text() and "\n" not in notes.inner_text()
    assert "Published" in page.locator("#meta").inner_text()


def test_web_browser_hidden_findings_only_when_asked(page):
    # The critics' words are theirs: the text report leaves them out, and so does the workbench until asked.
    check_pasted(
        page,
        "Council approves new bus lanes\n\nThe council voted 7 to 2 on Tuesday to add bus lanes, the clerk said.\n\n"
        'Opponents called the plan "a sham" and "a disgraceful land grab".\n',
        "2024-03-06",
    )
    findings = page.locator("#findings li.finding")
    before = findings.count()
    assert "LNG002" not in page.locator("#findings").inner_text()
    page.check("#filter-all")
    assert findings.count() == before + 2
    assert "source's wording" in page.locator("#findings").inner_text()
    page.uncheck("#filter-all")
    assert findings.count() == before
