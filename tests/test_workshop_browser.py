"""A workshop in a real browser: three browser contexts (facilitator, municipality, provider)
join one workshop, each decides, the facilitator closes the round and every page shows 2015.

Debian's Chromium via Playwright against `streamlit run`; a missing browser fails the test.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, require_chromium
from transitiesim.workshop import WorkshopStore, create_workshop, load_state

pytestmark = pytest.mark.slow
WAIT = 120_000  # ms; the first page of a fresh server compiles and imports


def _join(browser, url: str, code: str, name: str, role: str):
    from playwright.sync_api import expect

    ctx = browser.new_context(viewport={"width": 1300, "height": 2200})
    page = ctx.new_page()
    page.goto(f"{url}/?join={code}&lang=nl", wait_until="domcontentloaded")
    name_box = page.get_by_label("Uw naam")
    expect(name_box).to_be_visible(timeout=WAIT)
    name_box.fill(name)
    name_box.press("Enter")
    page.get_by_text(role, exact=True).click()
    page.get_by_role("button", name="Meedoen").click()
    return page


def _decide(page, slider_name: str, presses: int) -> None:
    from playwright.sync_api import expect

    slider = page.get_by_role("slider", name=re.compile(slider_name))
    expect(slider).to_be_visible(timeout=WAIT)
    before = slider.get_attribute("aria-valuenow")
    slider.focus()
    for _ in range(presses):
        page.keyboard.press("ArrowRight")
    expect(slider).not_to_have_attribute("aria-valuenow", before)
    page.get_by_role("button", name="Besluit indienen").click()
    expect(page.get_by_text("Besluit ontvangen")).to_be_visible(timeout=WAIT)


def test_three_browsers_play_a_round(app_server):
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    url, db = app_server
    store = WorkshopStore(db)
    ws = create_workshop(store, "calibrated", teams=1, rounds=2, seed=1)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        fac = browser.new_context(viewport={"width": 1300, "height": 2200}).new_page()
        fac.goto(f"{url}/?ws={ws.code}&ft={ws.facilitator_token}&lang=nl",
                 wait_until="domcontentloaded")
        fac.get_by_role("button", name="Ronde 1 openen").click(timeout=WAIT)
        expect(fac.get_by_text("Ronde 1 van 2 (2015): open")).to_be_visible(timeout=WAIT)

        muni = _join(browser, url, ws.code, "Wethouder Jansen", "Gemeente (wethouder en raad)")
        prov = _join(browser, url, ws.code, "Directeur Zorg", "Zorgaanbieder")
        _decide(muni, "Toegangsdrempel", 10)
        _decide(prov, r"Start van experimenten \(schaal 0-1\)", 20)

        # The facilitator sees both decisions come in, plays a card and closes the round.
        who = fac.locator('[data-testid="stTable"]').first
        expect(who).to_contain_text("Wethouder Jansen: besloten", timeout=WAIT)
        expect(who).to_contain_text("Directeur Zorg: besloten", timeout=WAIT)
        fac.get_by_role("combobox", name="Gebeurteniskaart voor deze ronde").click()
        fac.get_by_role("option", name="Extra bezuiniging").click()
        fac.get_by_role("button", name="Kaart spelen").click()
        expect(fac.get_by_text("Gebeurtenis dit jaar: Extra bezuiniging")).to_be_visible(
            timeout=WAIT)
        fac.get_by_role("button", name="Ronde 1 sluiten en het jaar doorrekenen").click()

        for page in (fac, muni, prov):  # participants' pages refresh by themselves
            expect(page.get_by_text("Resultaten tot en met 2015")).to_be_visible(timeout=WAIT)
        expect(fac.get_by_role("button", name="Ronde 2 openen")).to_be_visible()
        fac.screenshot(path=str(ARTIFACTS / "workshop_facilitator.png"))
        muni.screenshot(path=str(ARTIFACTS / "workshop_municipality.png"))
        browser.close()

    state = load_state(store, ws.code)
    assert (state.current_round, state.status, state.cards) == (1, "closed", {1: "budget_cut"})
    decided = dict(zip(state.decisions.lever, state.decisions.role, strict=True))
    assert decided == {"access_strictness": "municipality", "innovation_uptake": "provider"}
    assert [int(v["year"]) for v in state.results[1]] == [2014, 2015]
