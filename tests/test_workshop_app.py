"""The workshop screens, driven with Streamlit's AppTest against a fresh SQLite store."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import new_app, ok, shown
from transitiesim.workshop import (
    WorkshopStore,
    close_round,
    create_workshop,
    join,
    load_state,
    open_round,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "workshops.db"
    monkeypatch.setenv("TRANSITIESIM_WORKSHOP_DB", str(path))
    return WorkshopStore(path)


def app(**query) -> AppTest:
    return new_app(timeout=120, **query)


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.value for kind in ("info", "success", "warning", "error") for e in at.get(kind)]
    parts += [h.value for h in at.title] + [h.value for h in at.subheader]
    return shown("\n".join(parts))


def test_facilitator_starts_a_workshop_in_the_app(db):
    at = app()
    at.session_state["view"] = "workshop"
    ok(at.run())
    at.number_input(key="ws_teams").set_value(2)
    at.number_input(key="ws_rounds").set_value(3)
    ok(at.button(key="ws_create").click().run())
    code = at.query_params["ws"]
    state = load_state(db, code)
    assert len(at.query_params["ft"]) >= 32  # the facilitator's link carries the token
    assert (state.teams, state.rounds, state.scenario.name) == (2, 3, "calibrated")
    assert f"Workshop {code[:4]}-{code[4:]}" in texts(at)
    assert f"?join={code}" in texts(at)
    assert at.query_params["ft"] not in texts(at)  # only inside the closed expander
    ok(at.button(key="ws_open").click().run())
    assert load_state(db, code).status == "open"
    assert "Ronde 1 van 3 (2015): open" in texts(at)


def test_participant_joins_decides_and_sees_the_new_year(db):
    ws = create_workshop(db, "calibrated", teams=2, rounds=2, seed=1)
    at = ok(app(join=ws.code).run())
    at.text_input(key="ws_name").set_value("Fatima")
    at.selectbox(key="ws_team").set_value(2)
    at.radio(key="ws_role").set_value("municipality")
    ok(at.button(key="ws_join").click().run())
    token = at.query_params["pt"]
    assert "Gemeente (wethouder en raad)" in texts(at)
    assert "Nog geen ronde geopend" in texts(at)
    assert not at.slider  # no levers before a round opens

    open_round(db, ws.code, ws.facilitator_token)
    at = ok(app(ws=ws.code, pt=token).run())  # a refresh (or a new browser) with the link
    keys = {s.key for s in at.slider}
    assert keys == {f"ws_lever_{lever}_1" for lever in (
        "access_strictness", "tariff_factor", "prevention_share", "experiment_fund_share",
        "initiative_support_eur_per_capita", "carer_support_eur_per_capita")}
    at.slider(key="ws_lever_access_strictness_1").set_value(0.5)
    ok(at.button[0].click().run())  # the form's submit button
    assert "Besluit ontvangen" in texts(at)
    state = load_state(db, ws.code)
    assert state.decided(2, "municipality") and not state.decided(1, "municipality")
    assert state.current_levers(2, "municipality")["access_strictness"] == 0.5

    close_round(db, ws.code, ws.facilitator_token, 1)
    at = ok(app(ws=ws.code, pt=token).run())
    assert "Resultaten tot en met 2015" in texts(at)


def test_links_that_are_not_yours_are_refused(db):
    ws = create_workshop(db, "calibrated", teams=1, rounds=1, seed=1)
    token = join(db, ws.code, 1, "provider", "P")
    at = ok(app(ws=ws.code, ft=token).run())  # a participant's token as facilitator
    assert "niet de facilitatorlink" in texts(at)
    assert not at.button
    at = ok(app(ws=ws.code, pt="made-up").run())
    assert "hoort bij geen deelnemer" in texts(at)
    at = ok(app(join="NOPE1234", lang="en").run())
    assert "code: got 'NOPE1234'" in texts(at)


def test_debrief_shows_charts_effects_and_exports_in_english(db):
    ws = create_workshop(db, "calibrated", teams=2, rounds=1, seed=1)
    token = join(db, ws.code, 1, "residents", "R")
    open_round(db, ws.code, ws.facilitator_token)
    from transitiesim.workshop import decide

    decide(db, token, "citizen_power", 0.9)
    close_round(db, ws.code, ws.facilitator_token, 1)
    at = ok(app(ws=ws.code, ft=ws.facilitator_token, lang="en").run())
    assert "All rounds have been played." in texts(at)
    at.radio(key="ws_view").set_value("debrief")
    ok(at.run())
    charts = [c for c in at.get("plotly_chart")]
    assert len(charts) == 6
    assert "What each round's decisions changed (team 1" in texts(at)
    assert at.get("download_button")


def test_a_stale_facilitator_screen_cannot_play_into_a_closed_round(db):
    """Two facilitator screens: the second clicks 'play' after the first closed the round."""
    ws = create_workshop(db, "calibrated", teams=1, rounds=2, seed=1)
    open_round(db, ws.code, ws.facilitator_token)
    at = ok(app(ws=ws.code, ft=ws.facilitator_token).run())
    at.selectbox(key="ws_card_1").set_value("budget_cut")
    close_round(db, ws.code, ws.facilitator_token, 1)  # the other screen
    ok(at.button(key="ws_play").click().run())
    assert "Ronde 1 van 2 (2015): gesloten" in texts(at)
    assert load_state(db, ws.code).cards == {}
    assert "None?" not in texts(at)
