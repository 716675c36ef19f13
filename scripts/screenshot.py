"""Screenshots of the workbench: docs/workbench.png (an article checked) and docs/workbench-story.png (a story).

    .venv/bin/python scripts/screenshot.py [--only workbench|story] [--width 1440 --height 900]

Starts `presslint serve` on a free loopback port with a throw-away store. The article shot pastes
examples/kirkuk-airbase.txt into the workbench, clicks the first warning and takes the page from the summary down to
the check-worthy claims and who is quoted. The story shot first ingests a folder of
outlet articles (tests/fixtures/outlets, five invented outlets on one fire) into that store with the library, opens
the Stories tab and the story, lined up claim by claim. Needs Debian's Chromium (install it with
`bash .ci/browser-deps`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from presslint.web.localserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    INSTALL_HINT,
    local_server,
)

ROOT = Path(__file__).resolve().parent.parent


def shoot_article(page, url: str, text: str, date: str, output: str) -> None:
    """From the summary down to the claims list and who is quoted, with the first warning selected."""
    page.goto(url + "/")
    page.fill("#text", text)
    page.fill("#date", date)
    page.click("#check-btn")
    page.wait_for_selector("#findings li.finding")
    page.locator("#findings li.finding.sev-warning").first.click()
    page.wait_for_selector("#article .hl.active")
    page.wait_for_timeout(400)  # the smooth scroll inside the article
    page.evaluate("window.scrollTo(0, 0)")
    top = page.locator("#summary").bounding_box()
    claims = page.locator("#claims-list").bounding_box()
    sources = page.locator("#sources").bounding_box()
    width = page.viewport_size["width"]
    bottom = max(claims["y"] + claims["height"], sources["y"] + sources["height"]) + 12
    page.screenshot(
        path=output, full_page=True, clip={"x": 0, "y": top["y"] - 8, "width": width, "height": bottom - top["y"] + 8}
    )


def shoot_story(page, url: str, output: str) -> None:
    page.goto(url + "/#stories")
    page.locator("#stories-table button[data-story]").first.click()
    page.wait_for_selector("#claims-grid tbody tr.claim")
    page.uncheck("#show-single")  # the rows that compare outlets; single-source claims follow them on screen
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    page.screenshot(path=output)


def ingest_outlets(folder: str, home: str) -> Path:
    from presslint.config import Settings
    from presslint.corpus.batch import ingest
    from presslint.store import Store

    db = Path(home) / "presslint.db"
    with Store(db) as store:
        summary = ingest([folder], store=store, settings=Settings(db=str(db)), progress=False)
    print(summary.line())
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["workbench", "story"], help="take one of the two shots")
    parser.add_argument("--article", default=str(ROOT / "examples" / "kirkuk-airbase.txt"))
    parser.add_argument("--date", default="2020-04-02", help="publication date to assume")
    parser.add_argument("--output", default=str(ROOT / "docs" / "workbench.png"))
    parser.add_argument(
        "--outlets",
        default=str(ROOT / "tests" / "fixtures" / "outlets"),
        help="folder of articles about one story, ingested for the story shot",
    )
    parser.add_argument("--story-output", default=str(ROOT / "docs" / "workbench-story.png"))
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as home:
        extra = []
        if args.only != "workbench":
            extra = ["--db", str(ingest_outlets(args.outlets, home))]
        with local_server(home=home, extra=extra) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            if args.only != "story":
                shoot_article(page, server.url, Path(args.article).read_text(encoding="utf-8"), args.date, args.output)
                print(f"wrote {args.output}")
            if args.only != "workbench":
                shoot_story(page, server.url, args.story_output)
                print(f"wrote {args.story_output}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
