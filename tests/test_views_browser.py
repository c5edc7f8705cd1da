"""Each view in a real headless Chromium: no JS error, the network holds the nodes, no request leaves."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.test_views import HOSTILE, VIEWS, hostile_world, page_data

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="Debian chromium is not installed (.ci/run installs it in CI)")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    errors, requests, dialogs = [], [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("http://", "https://")):
            requests.append(r.request.url)
            r.abort()
        else:
            r.continue_()
    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.mandatNetwork !== undefined", timeout=20000)
    return page, errors, requests, dialogs


@pytest.mark.parametrize("name", VIEWS)
def test_view_opens_in_chromium(browser, pages, name):
    page, errors, requests, _ = open_page(browser, pages[name])
    count = page.evaluate("window.mandatData.nodes.length")
    assert count == len(page_data(pages[name])["nodes"])
    page.fill("#search", "Batulicin" if name != "org" else "Imigrasi")
    page.wait_for_timeout(300)
    assert page.evaluate("window.mandatNetwork.getSelectedNodes().length") >= 1
    shots = ROOT / "out" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{name}.png"))
    assert (shots / f"{name}.png").stat().st_size > 10000
    assert errors == [] and requests == []
    page.close()


def test_hostile_labels_run_nothing(browser, run, tmp_path):
    folder = hostile_world(tmp_path)
    out = tmp_path / "h.html"
    assert run("--data", str(folder), "view", "org", "md:pres", "--as-of", "2025-06-01", "-o", str(out)).exit_code == 0
    page, errors, requests, dialogs = open_page(browser, out)
    page.fill("#search", "<img")
    page.mouse.move(750, 500)
    page.wait_for_timeout(500)
    assert dialogs == [] and errors == [] and requests == []
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    page.close()
