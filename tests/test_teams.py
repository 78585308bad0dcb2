"""Prevention by staffed neighbourhood teams (ODD 7.12): the staff follows the budget with a
hiring delay, takes on new needs up to its caseload, and its work lowers the onset of needs
only after a delay; the team costs what its staff costs. Hand cases and patterns on paired
seeds, with the delays switched on and off."""

from __future__ import annotations

import math

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario, run_seeds
from transitiesim.indicators import INDICATOR_BY_NAME
from transitiesim.params import TEAM_FLOW_MONTHS
from transitiesim.states import Domain, NeedState, Service, WmoKind

SCEN = load_scenario("calibrated").with_params(end_year=2022, scale=0.25)


def step_to(model: TransitionModel, year: int, month: int = 12) -> None:
    while (model.year, model.month) < (year, month):
        model.step()


def target_fte(model: TransitionModel) -> np.ndarray:
    """What this month's prevention budget pays for, in FTE, by hand."""
    p = model.p
    return np.array([m.prevention() * (m.budget_eur[0] + m.budget_eur[1]) * 12
                     / p["team_cost_eur_per_fte"] for m in model.municipality_list])


def flow_of_last_month(model: TransitionModel) -> float:
    w, j = model.citizens.new_needs
    return float((w.size + j.size) * model.weights[0])


@pytest.mark.parametrize("delays", [True, False])
def test_the_staff_follows_the_budget_and_the_reach_is_the_share_of_new_needs_taken_on(delays):
    """At the reform the prevention share doubles (1% to 2% of the Wmo and youth budgets):
    with the delays the staff closes 1 - exp(-1/6) = 15.4% of the gap to what the budget pays
    in January; without them all of it. The flow of new needs moves 1/12 of the way to last
    month's, and the reach is 1 - exp(-FTE x cases per FTE / flow)."""
    model = TransitionModel(SCEN.with_params(team_delays=delays), seed=1)
    step_to(model, 2014)
    fte, flow = model.team_fte.copy(), model.team_flow.copy()
    new = flow_of_last_month(model)  # December's new needs: what January's teams plan on
    model.step()  # January 2015, the reform
    target = target_fte(model)
    assert target[0] > 1.5 * fte[0]  # the share doubled, the budgets were cut
    closed = 1 - math.exp(-1 / model.p["team_hiring_months"]) if delays else 1.0
    assert model.team_fte[0] == pytest.approx(fte[0] + (target[0] - fte[0]) * closed)
    assert model.team_flow[0] == pytest.approx(flow[0] + (new - flow[0]) / TEAM_FLOW_MONTHS)
    cases = model.team_fte[0] * model.p["team_cases_per_fte_month"]
    assert model.team_reach[0] == pytest.approx(1 - math.exp(-cases / model.team_flow[0]))


def test_the_team_is_paid_what_its_staff_costs_under_wmo_and_youth():
    """The wijkteam's revenue each month is its staff x the cost per FTE / 12 (from the
    second month, when the teams start, through the reform), and the carer support it
    gives (ODD 7.13)."""
    model = TransitionModel(SCEN, seed=2)
    t = model.prov
    team = np.flatnonzero(t.service == int(Service.WIJKTEAM))
    for _ in range(30):
        model.step()
        cost = model.team_fte * model.p["team_cost_eur_per_fte"] / 12
        assert t.revenue_eur[team].sum() == pytest.approx(cost.sum()
                                                          + model.carer_support_eur.sum())
        assert cost.sum() > 0 or model.steps == 1


def onsets(model: TransitionModel, months: int) -> float:
    """New Wmo and youth needs over the next ``months`` months."""
    total = 0.0
    for _ in range(months):
        model.step()
        total += flow_of_last_month(model)
    return total


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_prevention_lowers_onset_only_after_hiring_and_a_delay(seed):
    """Two twins, one of which quadruples its prevention share (2% to 8%) in January 2017.
    With the delays the new needs hardly fall in the first six months (staff is still being
    hired, and what the team does has not yet worked: at seed 1 and 2 0.0% and 0.5% fewer),
    and fall by more than 5% two to four years on (8.2% and 7.7%); without the delays they
    fall by more than 7% at once (10.9% and 13.7%)."""
    falls = {}
    for delays in (True, False):
        a = TransitionModel(SCEN.with_params(team_delays=delays), seed=seed)
        step_to(a, 2016)
        b = TransitionModel(SCEN.with_params(team_delays=delays), seed=seed)
        step_to(b, 2016)
        b.set_levers({"prevention_share": 0.08})
        first = 1 - onsets(b, 6) / onsets(a, 6)
        falls[delays] = first
        if delays:
            onsets(a, 18), onsets(b, 18)
            later = 1 - onsets(b, 24) / onsets(a, 24)
            assert first < 0.02
            assert later > 0.05
    assert falls[False] > 0.07
    assert falls[False] > falls[True] + 0.05


def test_a_smaller_caseload_reaches_a_smaller_share_of_new_needs():
    """With fewer new cases per FTE (6 to 2 a month) the same staff reaches less of the flow,
    so less prevention is built up; the staff is about the same (to 3%: the same prevention
    share of budgets that start from what the old system cost in 2014, which the teams'
    reach changes a little; 1.5% apart when this was written)."""
    base = TransitionModel(SCEN, seed=3)
    small = TransitionModel(SCEN.with_params(team_cases_per_fte_month=2.0), seed=3)
    step_to(base, 2016)
    step_to(small, 2016)
    assert small.team_fte[0] == pytest.approx(base.team_fte[0], rel=0.03)
    assert small.team_reach[0] < 0.5 * base.team_reach[0]
    assert small.prevention_built[0] < 0.5 * base.prevention_built[0]


@pytest.mark.parametrize("on", [True, False])
def test_built_up_prevention_slows_the_escalation_of_unmet_needs(on):
    """A Wmo need left unmet or waiting in May 2016 that neither recovers nor ends in June
    grows by `escalation_rate` x (1 - `prevention_effect` x the prevention its municipality's
    team has built up) + `progression_rate`, in float32 as the person table holds it; with
    `prevention_effect` 0 by the whole `escalation_rate` (nothing else moves a severity in
    June). The escalation part has no switch of its own: the screening found it moving no
    headline beyond seed noise, so it is part of the teams' prevention (ODD 7.12)."""
    model = TransitionModel(SCEN if on else SCEN.with_params(prevention_effect=0.0), seed=1)
    step_to(model, 2016, 5)
    pop, d = model.pop, int(Domain.WMO)
    sev, state = pop.severity[d].copy(), pop.state[d].copy()
    model.step()
    left = (sev > 0) & np.isin(state, [NeedState.UNMET, NeedState.WAITING]) \
        & (pop.severity[d] > 0)
    assert left.sum() > 100
    keep = 1.0 - model.p["prevention_effect"] * model.prevention_built
    assert (keep < 1).all() == on
    assert (keep == 1).all() == (not on)
    rise = model.p["escalation_rate"] * keep[pop.muni[left]] + model.p["progression_rate"]
    want = np.minimum(sev[left].astype(np.float64) + rise, 1.0).astype(np.float32)
    np.testing.assert_array_equal(pop.severity[d][left], want)


def _watching(team_help, pop, seen):
    """``Citizens.team_help`` that first keeps what it is given and the states and waits it
    sees (in ``seen``), per domain."""
    def watch(inputs, asked_w, asked_j):
        seen.update(state=[a.copy() for a in pop.state], wait=[a.copy() for a in pop.wait_months],
                    asked=(asked_w.copy(), asked_j.copy()),
                    supply=np.asarray(inputs.team_help_hours, dtype=float).copy())
        team_help(inputs, asked_w, asked_j)
    return watch


@pytest.mark.parametrize("hours,wmo", [(60.0, True), (60.0, False), (0.0, True)])
def test_the_team_helps_in_row_order_while_its_hours_last(hours, wmo):
    """June 2016, watched at the moment the team helps. From one pool of FTE x
    `team_help_hours_per_fte`: first the needs the network could not cover (unmet), then
    those it covers; within each, below the residential threshold, young people, then
    (with `team_wmo_help`) adults with a need for support at home; each no provider serves
    and not waiting, in row order while the running hours (s x youth hours at full need x
    weight, whatever the age) fit. Each is marked helped; the young people are counted once
    in `youth_care_users` beside the providers' clients, the adults in `clients_wmo_team`.
    With no hours nobody is helped."""
    model = TransitionModel(SCEN.with_params(team_help_hours_per_fte=hours,
                                             team_wmo_help=wmo), seed=2)
    step_to(model, 2016, 5)
    c, pop, p = model.citizens, model.pop, model.p
    seen: dict = {}
    c.team_help = _watching(c.team_help, pop, seen)
    model.step()
    W, J = int(Domain.WMO), int(Domain.JEUGD)
    helped_j = c.in_need[J][pop.state[J][c.in_need[J]] == NeedState.INITIATIVE]
    if hours == 0:
        assert helped_j.size == 0 and c.team_wmo.size == 0
        return
    assert seen["supply"][0] == pytest.approx(model.team_fte[0] * hours)
    asked_w, asked_j = seen["asked"]
    light_j = asked_j[(pop.severity[J][asked_j] < np.float32(p["residential_threshold"]))
                      & (seen["wait"][J][asked_j] < 0)]
    light_w = asked_w[(pop.severity[W][asked_w] < np.float32(p["residential_threshold"]))
                      & (seen["wait"][W][asked_w] < 0)
                      & (pop.wmo_kind[asked_w] == int(WmoKind.SUPPORT))]
    full = np.float32(p["youth_hours_at_full_need"])  # the same light help at any age
    passes = [(J, light_j)] + ([(W, light_w)] if wmo else [])
    want = {J: [], W: []}
    left = seen["supply"][0]  # one municipality in the calibrated scenario
    ran_out = False
    for state in (NeedState.UNMET, NeedState.INFORMAL):
        for d, light in passes:
            used = fitted = 0.0
            for i in light[seen["state"][d][light] == state]:
                used += float(pop.severity[d][i] * full * pop.weight[i])
                if used > left + 1e-9:
                    ran_out = True
                    break
                want[d].append(i)
                fitted = used
            left -= fitted
    # Premises: the hours run out before every light need is helped, young people are
    # helped (a young person's light help is about 30 hours a month at full need, so 60
    # hours an FTE help a handful where adults come first).
    assert ran_out and len(want[J]) >= 3
    np.testing.assert_array_equal(helped_j, np.sort(want[J]))
    np.testing.assert_array_equal(c.team_wmo, np.sort(want[W]))
    assert (pop.state[W][c.team_wmo] == NeedState.INITIATIVE).all()
    if wmo:
        assert len(want[W]) >= 5
    # The indicators: the providers' clients plus those helped, each counted once.
    got = INDICATOR_BY_NAME["youth_care_users"].fn(model)[-1]
    clients = INDICATOR_BY_NAME["clients_jeugd"].fn(model)[-1]
    assert got == pytest.approx(clients + len(want[J]) * pop.weight[0])
    assert INDICATOR_BY_NAME["clients_wmo_team"].fn(model)[-1] == pytest.approx(
        len(want[W]) * pop.weight[0])


@pytest.mark.slow
def test_team_youth_help_grows_with_the_teams_after_the_reform():
    """Calibrated municipality, scale 0.25, seeds 1-3: the young people the teams help grow
    from 2014 to 2016 as the teams are staffed up to the reform's prevention share (2% of the
    budgets after 1%), and youth care users are more than the providers' clients by them;
    without the teams' hours nobody is helped and fewer needs are met."""
    data = {}
    for hours in (None, 0.0):
        scenario = SCEN if hours is None else SCEN.with_params(team_help_hours_per_fte=hours)
        nat = run_seeds(scenario, (1, 2, 3)).national
        data[hours] = nat.groupby(["seed", "year"])[
            ["clients_jeugd_team", "youth_care_users", "clients_jeugd", "unmet_need"]].mean()
    on, off = data[None], data[0.0]
    team = on.clients_jeugd_team.unstack("year")
    assert (team[2016] > team[2014]).all()
    np.testing.assert_allclose(on.youth_care_users, on.clients_jeugd + on.clients_jeugd_team)
    assert (off.clients_jeugd_team == 0).all()
    unmet = {k: v.unmet_need.unstack("year").loc[:, 2016:2020].mean(axis=1)
             for k, v in data.items()}
    assert (unmet[None] < unmet[0.0]).all()


@pytest.mark.slow
def test_the_teams_light_help_for_adults_keeps_needs_lighter_and_out_of_the_wmo():
    """Calibrated municipality, scale 0.25, 2016-2020, seeds 1-3, with and without
    `team_wmo_help`. With it the teams help tens of adults a month (about a hundred when
    this was written, 43-58 since the start is at rest, 4 December 2026; none without),
    so fewer needs go unmet, and the young people they help are fewer, as the adults share
    their hours, in every seed; fewer adults become Wmo clients and Wmo spending is lower on
    average over the seeds (a few tenths of a percent for the clients, within one seed's
    luck). More carers were overburdened with it (4.5-6.1%), as those helped still ask their
    network, until a formal client's carer kept giving beside the provider
    (``formal_complement_share``): then -2.4% to +5.8% over the seeds, so no longer asserted.

    Budget discipline is off, so that the teams have the same money in both runs: with it,
    seed 3 without the adults' help fell under the province's supervision in 2017-2018 once
    the staff room (ODD 7.7) had changed the paths, and supervision postponed prevention (the
    teams fell from 13.6 to 1.9 FTE), which is not the sharing of hours this test is about.
    Figures when this was written: unmet needs 8.1-12.5% fewer, young people helped
    26.5-28.1% fewer, overburdened carers 4.5-6.1% more, Wmo clients 0.4-0.7% fewer, Wmo
    spending 2.2-4.5% lower."""
    cols = ["unmet_need", "clients_wmo", "spending_eur_wmo", "clients_wmo_team",
            "clients_jeugd_team"]
    means = {}
    for on in (True, False):
        nat = run_seeds(SCEN.with_params(team_wmo_help=on, end_year=2020,
                                         budget_discipline=False), (1, 2, 3)).national
        means[on] = nat[nat.year >= 2016].groupby("seed")[cols].mean()
    on, off = means[True], means[False]
    assert (on.clients_wmo_team > 25).all() and (off.clients_wmo_team == 0).all()
    for col in ("unmet_need", "clients_jeugd_team"):
        assert (on[col] < off[col]).all(), col
    for col in ("clients_wmo", "spending_eur_wmo"):
        assert on[col].mean() < off[col].mean(), col
