"""The web page in a real browser: `sitrep serve` over the Aleppo report and the Guardian corpus, driven by Playwright.

Needs Debian's Chromium (/usr/bin/chromium) and the `playwright` Python package (its driver only: the browser is
never downloaded); skipped when either is missing, or when the Guardian corpus is not beside the checkout.
Leaves a screenshot in docs/screenshot.png.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALEPPO = ROOT / "samples" / "aleppo-2016-12-09.txt"
GUARDIAN = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "guardian-syria-2019.csv"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
SITREP = str(Path(sys.executable).with_name("sitrep"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOPMOST_MARKER = """(wanted) => {
  for (const c of document.querySelectorAll('#map circle.marker')) {
    if (wanted && c.getAttribute('data-event-id') !== wanted) continue;
    const b = c.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
    if (document.elementFromPoint(x, y) === c) return {x, y, id: c.getAttribute('data-event-id')};
  }
  return null;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def sync_playwright():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    return playwright.sync_playwright


@pytest.fixture(scope="module")
def store(sync_playwright, tmp_path_factory) -> str:
    if not GUARDIAN.exists():
        pytest.skip("shared/corpus/guardian-syria-2019.csv is not beside the checkout")
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    for args in ([str(ALEPPO), "--published", "2016-12-09", "--source", "Reuters"], [str(GUARDIAN), "--source", "Guardian"]):
        result = subprocess.run([SITREP, "ingest", *args, "--db", str(path)], capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr
    return str(path)


@pytest.fixture(scope="module")
def server(store):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    process = subprocess.Popen([SITREP, "serve", "--db", store, "--port", str(port)], stderr=subprocess.PIPE,
                               text=True, env=env)
    try:
        wait_until_up(process, base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_until_up(process, base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"sitrep serve exited: {process.stderr.read()}")
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    pytest.fail("sitrep serve did not start within 60 s")


@pytest.fixture(scope="module")
def page(sync_playwright, server):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1440, "height": 880})
        tab.problems, tab.requests = [], []
        tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
        tab.on("console", lambda message: tab.problems.append(message.text) if message.type == "error" else None)
        tab.on("request", lambda request: tab.requests.append(request.url))
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready=true]", timeout=60_000)
        yield tab
        browser.close()


def wait_for(page, condition, timeout_s: float = 20) -> None:
    """Poll `condition()` (the page's CSP forbids the eval that page.wait_for_function would need)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the page did not get there in time")
        page.wait_for_timeout(100)


def click_marker(page, event_id: str | None = None) -> str | None:
    spot = page.evaluate(TOPMOST_MARKER, event_id)
    if spot is None:
        return None
    page.mouse.click(spot["x"], spot["y"])
    return spot["id"]


def test_map_timeline_and_outlines_are_drawn(page, server):
    events = get_json(server + "/api/events?view=summary&limit=10000")["events"]
    mapped = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    assert len(mapped) > 100
    assert page.locator("#map circle.marker").count() == len(mapped)
    assert page.locator("#base path.land").count() > 150  # country outlines, shipped with sitrep
    assert page.locator("#admin1-labels text").count() >= 3
    assert page.locator("#timeline g.day").count() > 50
    fills = page.locator("#map circle.marker").evaluate_all("nodes => nodes.map(n => n.getAttribute('fill'))")
    assert len(set(fills)) >= 4  # coloured by type
    radii = page.locator("#map circle.marker").evaluate_all("nodes => nodes.map(n => parseFloat(n.getAttribute('r')))")
    assert max(radii) > min(radii)  # sized by fatalities
    assert page.locator("#legend .row").count() >= 4
    assert all(url.startswith(server) for url in page.requests), [u for u in page.requests if not u.startswith(server)]
    assert page.problems == []


def test_click_a_marker_shows_its_evidence_highlighted(page, server):
    event_id = click_marker(page)
    assert event_id, "no marker could be clicked"
    page.wait_for_selector("#article mark.evidence", timeout=20_000)
    event = get_json(f"{server}/api/events/{event_id}")
    assert page.locator("#panel h2").first.inner_text().strip()
    assert page.locator("#map circle.marker.selected").get_attribute("data-event-id") == event_id
    shown = page.locator("#article .article-meta").inner_text()
    article_id = page.locator("#panel .tabs button.active").get_attribute("data-article-id")
    article = get_json(f"{server}/api/articles/{article_id}")
    assert article["published"] in shown
    marks = page.locator("#article mark.evidence")
    for i in range(marks.count()):
        text = marks.nth(i).inner_text()
        assert text and text in article["text"]
    sentences = [ev["sentence"] for ev in event["evidence"] if ev["article_id"] == article_id]
    assert any(marks.nth(0).inner_text() in s or s in marks.nth(0).inner_text() for s in sentences)
    assert page.problems == []


def test_aleppo_event_with_claims_and_screenshot(page, server):
    events = get_json(server + "/api/events?since=2016-12-09&until=2016-12-09&limit=1000")["events"]
    showcase = sorted((e for e in events if e["claims"] and e["latitude"] is not None and e["admin1"] == "Aleppo"),
                      key=lambda e: (-len(e["claims"]), e["event_id"]))
    assert showcase, "the Aleppo report gives events with claims in Aleppo"
    event = showcase[0]
    if click_marker(page, event["event_id"]) is None:  # covered by another marker: the list is clicked instead
        page.locator("#panel button.back").click()
        page.locator(f"#panel li[data-event-id='{event['event_id']}']").click()
    page.wait_for_selector("#article mark.evidence", timeout=20_000)
    assert page.locator("#panel .claim").count() == len(event["claims"])
    assert event["claims"][0]["claimant"] in page.locator("#panel").inner_text()
    article = get_json(f"{server}/api/articles/{event['evidence'][0]['article_id']}")
    mark = page.locator("#article mark.evidence").first.inner_text()
    assert mark in article["text"] and "Aleppo" in article["text"]
    assert page.locator("#article .field").count() >= 1  # field spans (trigger, actor, place, ...) inside the evidence
    page.wait_for_timeout(300)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000


def test_filters_redraw_map_and_timeline(page, server):
    page.locator("#panel button.back").click()
    page.select_option("#f-country", "TUR")
    page.locator("#filters button[type=submit]").click()
    expected = get_json(server + "/api/events?country=TUR&view=summary&limit=10000")
    mapped = sum(e["latitude"] is not None for e in expected["events"])
    wait_for(page, lambda: page.locator("#map circle.marker").count() == mapped)
    labels = page.locator("#map circle.marker").evaluate_all("nodes => nodes.map(n => n.getAttribute('aria-label'))")
    assert labels and all(", TUR" in label for label in labels)
    assert page.locator("#status").inner_text().startswith(f"{expected['total']} events")
    page.fill("#f-since", "2016-12-01")
    page.fill("#f-until", "2016-12-31")
    page.select_option("#f-country", "")
    page.locator("#filters button[type=submit]").click()
    wait_for(page, lambda: "loading" not in page.locator("#status").inner_text())
    dated = get_json(server + "/api/events?since=2016-12-01&until=2016-12-31&limit=10000")["total"]
    assert page.locator("#status").inner_text().startswith(f"{dated} events")
    days = page.locator("#timeline g.day").evaluate_all("nodes => nodes.map(n => n.getAttribute('data-day'))")
    assert days and all(day.startswith("2016-12") for day in days)
    page.locator("#f-reset").click()
    assert page.problems == []


def test_page_asks_for_the_token_and_uses_it(page, store):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([SITREP, "serve", "--db", store, "--port", str(port), "--token", "web-token"],
                               stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(process, base)
        asking = page.context.browser.new_page()
        asking.goto(base + "/")
        asking.wait_for_selector(".token-form", timeout=20_000)
        asking.fill(".token-form input", "web-token")
        asking.locator(".token-form button").click()
        asking.wait_for_selector("body[data-ready=true]", timeout=60_000)
        assert asking.locator("#map circle.marker").count() > 100
        linked = page.context.browser.new_page()
        linked.goto(base + "/?token=web-token")
        linked.wait_for_selector("body[data-ready=true]", timeout=60_000)
        assert linked.locator("#map circle.marker").count() > 100 and "token" not in linked.url
        asking.close()
        linked.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
