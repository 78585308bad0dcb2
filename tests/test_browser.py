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
