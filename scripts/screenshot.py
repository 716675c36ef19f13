"""Screenshot of the workbench with examples/kirkuk-airbase.txt checked: writes docs/workbench.png.

    .venv/bin/python scripts/screenshot.py [--output docs/workbench.png] [--width 1440 --height 900]

Starts `presslint serve` on a free loopback port with a throw-away store, pastes the example into the workbench,
clicks the first warning, and takes the shot with Debian's Chromium (install it with `bash .ci/browser-deps`).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from presslint.web.localserver import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT, local_server

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", default=str(ROOT / "examples" / "kirkuk-airbase.txt"))
    parser.add_argument("--date", default="2020-04-02", help="publication date to assume")
    parser.add_argument("--output", default=str(ROOT / "docs" / "workbench.png"))
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    text = Path(args.article).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as home, local_server(home=home) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(server.url + "/")
        page.fill("#text", text)
        page.fill("#date", args.date)
        page.click("#check-btn")
        page.wait_for_selector("#findings li.finding")
        page.locator("#findings li.finding.sev-warning").first.click()
        page.wait_for_selector("#article .hl.active")
        page.evaluate("window.scrollTo(0, 0)")
        page.locator("#article .hl.active").first.scroll_into_view_if_needed()
        page.wait_for_timeout(400)  # the smooth scroll
        page.screenshot(path=args.output)
        browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
