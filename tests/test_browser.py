"""The app in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

A missing browser is a failure, not a skip: scripts/test.sh installs Debian's chromium.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, require_chromium

pytestmark = pytest.mark.slow


def _number(text: str) -> float:
    """A figure as the Dutch page shows it ('1\u2009234,5')."""
    return float(text.replace("\u2009", "").replace(".", "").replace(",", "."))


def test_change_a_lever_in_the_browser_and_see_new_results(app_url):
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2600})
        page.goto(f"{app_url}/?s=no-decentralisation,transition-only&b=no-decentralisation"
                  "&n=2&p=0.1&lang=nl", wait_until="domcontentloaded")
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=180_000)
        cards = page.locator('[data-testid="stMetric"]')
        expect(cards.first).to_be_visible()
        unmet = cards.filter(has_text="Onvervulde hulpvraag")
        assert unmet.count() == 2  # one card per scenario
        value = _number(unmet.nth(1).locator('[data-testid="stMetricValue"]').inner_text())
        assert value > 0

        # The page says it is Dutch (Streamlit's own page says English).
        expect(page.locator("html")).to_have_attribute("lang", "nl")

        # Change a lever in an edited copy of the first scenario and add it.
        page.get_by_text("Kopie van een scenario aanpassen").click()
        name_box = page.get_by_label("Naam van de kopie")
        name_box.fill("meer-burgerkracht")
        name_box.press("Enter")
        expect(name_box).to_have_value("meer-burgerkracht")
        page.get_by_role("tab", name="Burgerkracht").click()  # the levers' sections
        slider = page.get_by_role("slider", name=re.compile(r"Burgerkracht \(schaal 0-1\)"))
        slider.focus()
        before = slider.get_attribute("aria-valuenow")
        for _ in range(10):
            page.keyboard.press("ArrowRight")
        expect(slider).not_to_have_attribute("aria-valuenow", before)
        page.get_by_role("button", name="Toevoegen aan de vergelijking").click()
        expect(page.get_by_text("meer-burgerkracht", exact=False).first).to_be_visible(
            timeout=180_000)
        expect(cards.filter(has_text="Onvervulde hulpvraag")).to_have_count(3, timeout=180_000)
        new = _number(cards.filter(has_text="Onvervulde hulpvraag").nth(2)
                      .locator('[data-testid="stMetricValue"]').inner_text())
        assert new > 0
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
        shot = ARTIFACTS / "app.png"
        page.screenshot(path=str(shot))
        browser.close()
    assert shot.stat().st_size > 20_000


@pytest.mark.parametrize("lang, width, height", [("nl", 390, 844), ("en", 390, 844),
                                                 ("en", 1440, 900)])
def test_the_comparison_reads_on_a_phone_and_a_desktop_in_each_language(app_url, lang, width,
                                                                         height):
    """At phone width (390 px) the headline cards go two to a row inside the screen, every
    result tab is within it (the bar wraps), and the charts' toolbar no longer covers their
    titles; at desktop width the cards stay in one row per scenario. The page says its
    language. Screenshots for the closing note: test-artifacts/app_{lang}_{width}.png."""
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height},
                                is_mobile=width < 640, has_touch=width < 640)
        page.goto(f"{app_url}/?s=no-decentralisation,transition-only&b=no-decentralisation"
                  f"&n=2&p=0.1&lang={lang}", wait_until="domcontentloaded")
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=180_000)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        cards = page.locator('[data-testid="stMetric"]')
        expect(cards.nth(5)).to_be_visible()

        def laid_out(boxes):
            """The cards inside the screen, two to a row on a phone, six on a desktop."""
            if not all(b is not None and b["x"] >= 0 and b["x"] + b["width"] <= width + 1
                       for b in boxes):
                return False
            same_row = abs(boxes[0]["y"] - boxes[1]["y"]) < 2
            if width < 640:
                return same_row and boxes[2]["y"] > boxes[0]["y"] + 10  # two to a row
            return same_row and abs(boxes[2]["y"] - boxes[0]["y"]) < 2  # one row of six

        # The page may still be laying itself out (its columns and their style arrive after
        # the cards show): measure until the layout holds, for at most 15 s, then assert it.
        for _ in range(60):
            boxes = [cards.nth(i).bounding_box() for i in range(3)]
            if laid_out(boxes):
                break
            page.wait_for_timeout(250)
        assert laid_out(boxes), boxes
        if width < 640:
            expect(page.locator(".modebar-container").first).to_be_hidden()
        # a card's label wraps instead of cutting off its unit
        label = cards.first.locator('[data-testid="stMetricLabel"]')
        expect(label).to_contain_text("(")
        text = label.locator('[data-testid="stMarkdownContainer"]').first
        assert text.evaluate("e => e.scrollWidth <= e.clientWidth")
        tabs = page.locator('[data-testid="stMain"] [role="tab"]')
        assert tabs.count() == 7
        for i in range(tabs.count()):
            box = tabs.nth(i).bounding_box()
            assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width + 1
        # The page scrolls inside Streamlit's main block: a tall window of the same width
        # shows cards, tabs and the first chart in one picture.
        page.set_viewport_size({"width": width, "height": 2400})
        expect(tabs.first).to_be_visible()
        page.wait_for_timeout(500)
        shot = ARTIFACTS / f"app_{lang}_{width}.png"
        page.screenshot(path=str(shot))
        browser.close()
    assert shot.stat().st_size > 20_000


def test_the_municipalities_are_a_map_drawn_without_asking_any_other_server(app_url):
    """`netherlands` per municipality is a map of the 393 municipalities of 2015 in Chromium,
    each a filled outline, drawn with nothing requested from any server but the app's own (a
    geo chart would fetch its base map from plotly's CDN). Screenshot for the closing note:
    test-artifacts/app_map.png."""
    require_chromium()
    from urllib.parse import urlparse

    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    own = urlparse(app_url).netloc
    elsewhere: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.on("request", lambda r: elsewhere.append(r.url)
                if urlparse(r.url).netloc not in (own, "") and not r.url.startswith("data:")
                else None)
        page.goto(f"{app_url}/?s=netherlands,no-decentralisation&b=no-decentralisation"
                  "&n=1&p=0.1&lang=nl", wait_until="domcontentloaded")
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=300_000)
        page.get_by_role("tab", name="Per gemeente").click()
        # The map is the chart with a colour bar; its fills are the municipalities.
        shapes = page.locator(".js-plotly-plot:has(.colorbar) .scatterlayer .trace .js-fill")
        expect(shapes).to_have_count(393, timeout=60_000)
        expect(page.get_by_text("Gemeentegrenzen van 2015", exact=False)).to_be_visible()
        page.wait_for_timeout(500)
        shot = ARTIFACTS / "app_map.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert elsewhere == []
    assert shot.stat().st_size > 20_000
