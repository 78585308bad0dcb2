"""Workshop mode through its Python API: rounds, roles, restarts, refusals, debrief."""

from __future__ import annotations

import csv
import io
import json

import pytest

from transitiesim.workshop import (
    CARDS,
    ROLES,
    NotAllowed,
    WorkshopError,
    WorkshopStore,
    close_round,
    create_workshop,
    debrief,
    decide,
    join,
    load_state,
    open_round,
    play_card,
    submit,
)
from transitiesim.workshop.play import RoundInput, play

SCENARIO = "calibrated"


def _round(store, ws, tokens, k, decisions, card=None, restart=None):
    """Open round k, let each role decide, play a card and close; ``restart(store)`` returns
    a new store on the same file at the moment given by its ``at`` attribute."""
    assert open_round(store, ws.code, ws.facilitator_token) == k
    for role, (lever, value) in decisions.items():
        decide(store, tokens[role], lever, value)
    if restart is not None:
        store = WorkshopStore(store.path)  # a new process would open the file like this
    if card:
        play_card(store, ws.code, ws.facilitator_token, card)
    assert close_round(store, ws.code, ws.facilitator_token, k) is True
    return store


PLAN = [  # (decisions per role, card) for rounds 1-3
    ({"municipality": ("access_strictness", 0.45), "provider": ("innovation_uptake", 0.7)},
     None),
    ({"residents": ("citizen_power", 0.8), "municipality": ("prevention_share", 0.06)},
     "budget_cut"),
    ({"provider": ("provider_capacity_change", 0.1)}, "provider_failure"),
]


def _play_workshop(path, restart_in_round: int | None):
    store = WorkshopStore(path)
    ws = create_workshop(store, SCENARIO, teams=1, rounds=3, seed=5)
    tokens = {role: join(store, ws.code, 1, role, f"speler {role}") for role in ROLES}
    for k, (decisions, card) in enumerate(PLAN, start=1):
        store = _round(store, ws, tokens, k, decisions, card,
                       restart=True if k == restart_in_round else None)
    return store, ws


def _final(store, ws):
    state = load_state(store, ws.code)
    return (state.current_round, state.status, state.results,
            state.decisions.to_dict("records"), state.cards)


def test_three_rounds_with_a_restart_end_in_the_same_state(tmp_path):
    plain = _final(*_play_workshop(tmp_path / "plain.db", None))
    restarted = _final(*_play_workshop(tmp_path / "restart.db", 2))
    assert plain == restarted
    current, status, results, decisions, cards = plain
    assert (current, status, cards) == (3, "closed", {2: "budget_cut", 3: "provider_failure"})
    years = [int(r["year"]) for r in results[1]]
    assert years == [2014, 2015, 2016, 2017]  # round 0 is the year before the reform
    assert len(decisions) == 5


def test_results_are_the_replayed_path(tmp_path):
    """What the workshop stored equals the model run with the same inputs, and a card acts:
    the extra 5% cut shows in round 2's Wmo budget, against the path without it."""
    store, ws = _play_workshop(tmp_path / "w.db", None)
    state = load_state(store, ws.code)
    inputs = [RoundInput(dict(dec.values()), card) for dec, card in PLAN]
    assert play(state.scenario, 5, inputs) == state.results[1]
    no_card = [inputs[0], RoundInput(inputs[1].decisions, None), inputs[2]]
    without = play(state.scenario, 5, no_card)
    assert state.results[1][2]["budget_eur_wmo"] == pytest.approx(
        0.95 * without[2]["budget_eur_wmo"], rel=1e-12)
    assert state.results[1][1] == without[1]  # round 1 did not see round 2's card


def test_forged_and_out_of_turn_requests_are_refused(tmp_path):
    store = WorkshopStore(tmp_path / "w.db")
    ws = create_workshop(store, SCENARIO, teams=2, rounds=2, seed=1)
    provider = join(store, ws.code, 2, "provider", "Aanbieder")
    with pytest.raises(WorkshopError, match="round"):  # no round open yet
        decide(store, provider, "innovation_uptake", 0.5)
    open_round(store, ws.code, ws.facilitator_token)
    # a participant's forged request for the municipality's lever
    with pytest.raises(NotAllowed) as err:
        decide(store, provider, "access_strictness", 0.1)
    assert "access_strictness" in str(err.value) and "municipality" in str(err.value)
    # a participant's token is not the facilitator's link, nor is a made-up one
    for token in (provider, "x" * 32):
        with pytest.raises(NotAllowed):
            close_round(store, ws.code, token, 1)
        with pytest.raises(NotAllowed):
            play_card(store, ws.code, token, "budget_cut")
    with pytest.raises(NotAllowed):
        decide(store, "not-a-token", "innovation_uptake", 0.5)
    with pytest.raises(WorkshopError) as err:  # out of the declared range
        decide(store, provider, "innovation_uptake", 1.5)
    assert "innovation_uptake" in str(err.value) and "0 to 1" in str(err.value)
    with pytest.raises(WorkshopError, match="code"):
        join(store, "ZZZZZZZZ", 1, "residents", "X")
    with pytest.raises(WorkshopError, match="team"):
        join(store, ws.code, 3, "residents", "X")
    with pytest.raises(WorkshopError, match="card"):
        play_card(store, ws.code, ws.facilitator_token, "earthquake")
    assert load_state(store, ws.code).decisions.empty  # nothing refused was stored


def test_a_round_closed_twice_is_applied_once(tmp_path):
    store = WorkshopStore(tmp_path / "w.db")
    ws = create_workshop(store, SCENARIO, teams=1, rounds=2, seed=1)
    token = join(store, ws.code, 1, "municipality", "W")
    open_round(store, ws.code, ws.facilitator_token)
    decide(store, token, "tariff_factor", 0.9)
    assert close_round(store, ws.code, ws.facilitator_token, 1) is True
    first = load_state(store, ws.code).results
    assert close_round(store, ws.code, ws.facilitator_token, 1) is False
    assert open_round(store, ws.code, ws.facilitator_token) == 2
    assert close_round(store, ws.code, ws.facilitator_token, 1) is False  # a stale click
    decide(store, token, "tariff_factor", 0.8)  # goes to round 2, round 1 stays as it was
    state = load_state(store, ws.code)
    assert state.results == first and state.status == "open"
    assert list(state.decisions["round"]) == [1, 2]


def test_bad_workshop_settings_name_the_field(tmp_path):
    store = WorkshopStore(tmp_path / "w.db")
    for kwargs, field in (({"teams": 0}, "teams"), ({"rounds": 40}, "rounds"),
                          ({"seed": -1}, "seed")):
        with pytest.raises(WorkshopError) as err:
            create_workshop(store, SCENARIO, **kwargs)
        assert err.value.field == field
    with pytest.raises(WorkshopError, match="scenario"):
        create_workshop(store, "no-decentralisation")


def test_teams_in_parallel_and_the_debrief(tmp_path):
    store = WorkshopStore(tmp_path / "w.db")
    ws = create_workshop(store, SCENARIO, teams=2, rounds=2, seed=2)
    strict = join(store, ws.code, 1, "municipality", "Streng")
    open_hand = join(store, ws.code, 2, "municipality", "Ruim")
    open_round(store, ws.code, ws.facilitator_token)
    decide(store, strict, "access_strictness", 0.6)
    decide(store, open_hand, "access_strictness", 0.1)
    close_round(store, ws.code, ws.facilitator_token, 1)
    state = load_state(store, ws.code)
    paths = debrief.team_paths(state)
    y2015 = paths[paths["round"] == 1].set_index("team")
    assert y2015.loc[1, "clients_wmo"] < y2015.loc[2, "clients_wmo"]
    assert state.results[1][0] == state.results[2][0]  # one starting point
    effects = debrief.decision_effects(store, state, 1)
    assert list(effects["round"]) == [1]
    assert effects.loc[0, "care_spending_eur"] < 0  # stricter access spends less that year
    html = debrief.report_html(store, state, "nl")
    assert "<img" in html and "access_strictness = 0.6" in html
    pdf = debrief.report_pdf(store, state, "en")
    assert pdf[:5] == b"%PDF-" and len(pdf) > 10_000
    rows = list(csv.DictReader(io.StringIO(debrief.log_csv(store, ws.code).decode())))
    assert [r["action"] for r in rows] == ["create", "join", "join", "open_round", "decide",
                                           "decide", "close_round", "year_simulated"]
    assert json.loads(rows[4]["detail"]) == {"round": 1, "access_strictness": 0.6}


def test_every_card_and_role_is_declared():
    for role in ROLES.values():
        assert role.levers and role.sees and role.title("nl") and role.title("en")
    for card in CARDS.values():
        assert card.text("nl") and card.text("en")


def test_submit_stores_changes_only_and_all_or_nothing(tmp_path):
    store = WorkshopStore(tmp_path / "w.db")
    ws = create_workshop(store, SCENARIO, teams=1, rounds=2, seed=1)
    token = join(store, ws.code, 1, "residents", "Buurt")
    open_round(store, ws.code, ws.facilitator_token)
    state = load_state(store, ws.code)
    assert not state.decided(1, "residents")
    keep = state.current_levers(1, "residents")
    with pytest.raises(WorkshopError) as err:  # one bad value: nothing stored
        submit(store, token, {**keep, "citizen_power": 0.9, "volunteering_rate": 2.0})
    assert err.value.field == "volunteering_rate"
    assert load_state(store, ws.code).decisions.empty
    assert submit(store, token, keep) == []  # keeping everything is a decision too
    state = load_state(store, ws.code)
    assert state.decided(1, "residents") and state.decisions.empty
    assert submit(store, token, {**keep, "citizen_power": 0.9}) == ["citizen_power"]
    assert load_state(store, ws.code).current_levers(1, "residents")["citizen_power"] == 0.9
