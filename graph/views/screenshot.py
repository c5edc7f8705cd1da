"""Screenshots of the four views from the shipped data, for the README.

``python -m graph.views.screenshot [OUTDIR]`` writes ``view-org.png``,
``view-diff.png``, ``view-process.png`` and ``view-coordination.png`` (default
``docs/img/``). It drives Debian's ``/usr/bin/chromium`` through Playwright
(``pip install playwright``; never ``playwright install``), with every http(s)
request aborted, so a screenshot also proves the page works offline.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

CHROMIUM = os.environ.get("MANDAT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
MD = "https://w3id.org/mandat/id/"
# name -> (builder arguments, viewport); the same views the README shows with their commands
SHOTS = {
    "org": ((MD + "ditjen-imigrasi", date(2025, 6, 1)), (1500, 950)),
    "diff": ((date(2024, 10, 1), date(2025, 1, 1)), (1500, 950)),
    "process": ((MD + "region-tanah-bumbu", date(2025, 6, 1)), (1500, 1050)),
    "coordination": ((MD + "region-tanah-bumbu", date(2025, 6, 1)), (1500, 1050)),
}


def build(cat, name: str, lang: str = "id"):
    """The (network, legend), heading and date of one README view."""
    from graph.views.coordination import coordination_view
    from graph.views.diff import diff_view
    from graph.views.org import org_view
    from graph.views.process import process_view

    args, _ = SHOTS[name]
    if name == "org":
        root, day = args
        return org_view(cat, root, day, None, lang), f"{cat.label(root, lang)} — {day}", day
    if name == "diff":
        d1, d2 = args
        return (diff_view(cat, d1, d2, MD + "presiden", lang), f"{cat.label(MD + 'presiden', lang)}: {d1} → {d2}",
                d2)
    region, day = args
    builder = process_view if name == "process" else coordination_view
    prefix = "TPPO — " if name == "process" else ""
    return builder(cat, region, day, lang), f"{prefix}{cat.label(region, lang)} — {day}", day


def open_view(browser, html_path: Path, viewport: tuple[int, int]):
    """Open a page offline; returns (page, errors, requests) once the network is drawn and still."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def route(r):
        if r.request.url.startswith(("http://", "https://")):
            requests.append(r.request.url)
            r.abort()
        else:
            r.continue_()
    page.route("**/*", route)
    page.goto(html_path.as_uri())
    wait_ready(page)
    return page, errors, requests


def wait_ready(page, timeout_ms: int = 30000) -> None:
    """Wait until the page says its network is laid out (``window.mandatReady``).

    Polls with ``page.evaluate``: the page's Content-Security-Policy forbids the
    eval that ``wait_for_function`` would need once it has to poll.
    """
    for _ in range(timeout_ms // 100):
        if page.evaluate("window.mandatReady === true"):
            page.wait_for_timeout(200)
            return
        page.wait_for_timeout(100)
    raise TimeoutError("the view did not finish drawing (window.mandatReady never became true)")


def main(argv: list[str] | None = None) -> int:
    """Write the four PNGs; exit 2 when Chromium or Playwright is missing."""
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0] if argv else "docs/img")
    if not Path(CHROMIUM).exists():
        print(f"screenshot: {CHROMIUM} not found; apt-get install chromium", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("screenshot: pip install playwright (no browser download needed)", file=sys.stderr)
        return 2
    from graph.queries.lookup import open_lookup
    from graph.views import page_extras
    from graph.views.page import write_page

    cat = open_lookup()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (_, viewport) in SHOTS.items():
            (net, legend), heading, day = build(cat, name)
            html_path = Path(tmp) / f"{name}.html"
            write_page(net, str(html_path), heading, legend, extra=page_extras(cat, net, day, "id"))
            page, errors, requests = open_view(browser, html_path, viewport)
            png = outdir / f"view-{name}.png"
            page.screenshot(path=str(png))
            page.close()
            problems = errors + [f"request to {r}" for r in requests]
            print(f"{png}: {len(net.nodes)} nodes, {len(net.edges)} edges"
                  + (f"; PROBLEMS: {problems}" if problems else ""))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
