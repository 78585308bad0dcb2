"""Levers changed while the model runs (TransitionModel.set_levers) and the event-card actions."""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario
from transitiesim.scenario import ScenarioError

SCEN = load_scenario("calibrated").with_params(end_year=2017, scale=0.25)


def model_at(year: int, seed: int = 3, **params) -> TransitionModel:
    """A model stepped through December of ``year - 1`` (``params`` change the scenario)."""
    model = TransitionModel(SCEN.with_params(**params) if params else SCEN, seed=seed)
    while (model.year, model.month) < (year - 1, 12):
        model.step()
    return model


def run_to(model: TransitionModel, year: int) -> dict[str, float]:
    """Step through December of ``year``; that year's national indicators (monthly means)."""
    while (model.year, model.month) < (year, 12):
        model.step()
    data = model.datacollector.model_vars
    return {name: float(np.mean([v[-1] for v in values[-12:]])) for name, values in data.items()}


def test_bad_lever_names_field_value_and_allowed_and_changes_nothing():
    model = model_at(2016)
    before = dict(model.p)
    with pytest.raises(ScenarioError) as err:
        model.set_levers({"access_strictness": 0.95, "cut_wmo": 0.2, "tariff_factor": 1.2})
    text = str(err.value)
    assert "levers.access_strictness" in text and "0.95" in text and "from 0 to 0.7" in text
    assert "levers.cut_wmo" in text and "citizen_power" in text  # names what is allowed
    assert dict(model.p) == before  # the good tariff was not applied either
    assert model.municipality_list[0].tariff_factor != 1.2


def test_no_change_is_the_same_run_and_a_change_acts_from_then_on():
    """Setting levers draws no random numbers: setting a lever to the value in use leaves the run
    identical; a stricter access threshold from January 2016 lowers 2016's Wmo clients."""
    base = run_to(model_at(2016), 2016)
    same = model_at(2016)
    same.set_levers({"innovation_uptake": SCEN["innovation_uptake"],
                     "citizen_power": SCEN["citizen_power"]})
    assert run_to(same, 2016) == base
    strict = model_at(2016)
    strict.set_levers({"access_strictness": 0.7})
    assert strict.municipality_list[0].access_threshold() == 0.7
    # existing clients keep their place; fewer new ones get in
    assert run_to(strict, 2016)["clients_wmo"] < 0.97 * base["clients_wmo"]


def test_extra_cut_lowers_that_years_grant_by_the_share():
    base = run_to(model_at(2016), 2016)
    cut = model_at(2016)
    cut.cut_budget(2016, [0.1, 0.0, 0.0])
    after = run_to(cut, 2016)
    assert after["budget_eur_wmo"] == pytest.approx(0.9 * base["budget_eur_wmo"], rel=1e-12)
    assert after["budget_eur_jeugd"] == pytest.approx(base["budget_eur_jeugd"], rel=1e-12)
    nxt = run_to(cut, 2017)
    assert nxt["budget_eur_wmo"] == pytest.approx(run_to(model_at(2016), 2017)["budget_eur_wmo"],
                                                  rel=1e-12)  # one year only


def test_a_failing_provider_s_clients_wait_again_without_continuity_of_care():
    model = model_at(2016, care_continuity=False)
    failed = model.fail_largest_provider()
    assert failed is not None and not failed.active
    d = int(failed.domain)
    assert (model.pop.provider[d] == failed.index).sum() == 0  # clients left
    assert (model.pop.wait_months[d] == 0).sum() > 0  # and wait again


def test_failing_provider_and_initiative_wave():
    model = model_at(2016)
    bankrupt = model.datacollector.model_vars["providers_bankrupt"][-1][-1]
    providers = len(model.providers_list)
    failed = model.fail_largest_provider()
    assert failed is not None and not failed.active
    d = int(failed.domain)
    assert (model.pop.provider[d] == failed.index).sum() == 0  # clients left the bankrupt one
    # Continuity of care: one successor of the same service and municipality has them all.
    successor = model.providers_list[-1]
    assert len(model.providers_list) == providers + 1 and successor.active
    assert (successor.service, successor.municipality) == (failed.service, failed.municipality)
    served = model.pop.provider[d] == successor.index
    assert successor.capacity == pytest.approx(float(model.pop.weight[served].sum()))
    assert served.sum() > 0
    model.step()
    assert model.datacollector.model_vars["providers_bankrupt"][-1][-1] >= bankrupt + 1
    before = len(model.initiatives)
    started = model.start_initiatives(0.5)
    assert started > 0 and len(model.initiatives) == before + started


def test_provider_capacity_change_grows_capacity_each_january():
    def jan_over_dec(change: float) -> float:
        model = model_at(2016)
        model.set_levers({"provider_capacity_change": change})
        dec = sum(pr.capacity for pr in model.providers_list if pr.active and not pr.block)
        model.step()  # January 2016
        jan = sum(pr.capacity for pr in model.providers_list if pr.active and not pr.block)
        return jan / dec

    assert jan_over_dec(0.0) == pytest.approx(1.0, abs=1e-9)
    assert jan_over_dec(0.2) == pytest.approx(1.2, rel=0.02)


def test_providers_take_no_new_clients_below_their_bid():
    """A bid above the tariff the municipality pays (1.0) stops new placements: waiting lists
    grow and clients fall against the same run without a bid; a bid at the tariff changes
    nothing while the tariff holds (January to November: December's review may cut it, and
    then the bid is above it)."""
    same, at_tariff = model_at(2016), model_at(2016)
    at_tariff.set_levers({"provider_tariff_bid": at_tariff.municipality_list[0].tariff()})
    for _ in range(11):
        same.step()
        at_tariff.step()
        for name, values in same.datacollector.model_vars.items():
            np.testing.assert_array_equal(at_tariff.datacollector.model_vars[name][-1],
                                          values[-1], err_msg=name)
    base = run_to(model_at(2016), 2016)
    high = model_at(2016)
    high.set_levers({"provider_tariff_bid": 1.3})
    after = run_to(high, 2016)
    assert after["waiting_list"] > 1.5 * base["waiting_list"]
    assert after["clients_wmo"] < base["clients_wmo"]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_municipality_pays_what_providers_ask_rather_than_leave_people_without_care(seed):
    """fair_price (ODD 7.8): providers bid 1.3 times the reference tariff from January 2016,
    above the 1.0 the municipality pays, so nobody is placed during 2016 either way. At the
    December review the municipality raises its tariff factor to the bid (by hand: the
    tariff is then exactly 1.3), and in 2017 fewer people wait and more are served than in
    the same run without the rule, where the tariff stays below the bid and the lists grow;
    Wmo spending per client is higher with it, as the higher tariff is paid."""
    runs = {}
    for on in (True, False):
        model = model_at(2016, seed=seed, fair_price=on)
        model.set_levers({"provider_tariff_bid": 1.3})
        run_to(model, 2016)
        runs[on] = (model.municipality_list[0].tariff(), run_to(model, 2017))
    (tariff_on, on), (tariff_off, off) = runs[True], runs[False]
    assert tariff_on == pytest.approx(1.3, abs=1e-12)
    assert tariff_off < 1.3
    assert on["waiting_list"] < 0.5 * off["waiting_list"]
    assert on["clients_wmo"] > off["clients_wmo"]
    assert on["spending_eur_wmo"] / on["clients_wmo"] > off["spending_eur_wmo"] / off["clients_wmo"]


def test_every_role_sets_only_live_levers_and_every_live_lever_has_a_role():
    from transitiesim.params import LIVE_LEVERS, PARAM_BY_NAME
    from transitiesim.workshop.roles import ROLES

    role_levers = [lever for role in ROLES.values() for lever in role.levers]
    assert sorted(role_levers) == sorted(LIVE_LEVERS)  # each live lever belongs to one role
    assert all(PARAM_BY_NAME[lever].live for lever in role_levers)


def test_a_municipal_lever_is_held_under_its_parameter_name_and_set_live():
    from transitiesim.params import MUNICIPAL_LEVERS

    model = TransitionModel(SCEN, seed=1)
    m = model.municipality_list[0]
    for name in MUNICIPAL_LEVERS:
        assert getattr(m, name) == model.p[name], name
    model.set_levers({"access_strictness": 0.55, "prevention_share": 0.1})
    assert (m.access_strictness, m.prevention_share) == (0.55, 0.1)
    assert model.p["access_strictness"] == 0.55


def test_the_municipal_levers_are_declared_on_municipality_and_the_provider_columns_on_the_table():
    from transitiesim.agents import Municipality, ProviderTable
    from transitiesim.params import MUNICIPAL_LEVERS, PARAM_BY_NAME

    levers = {n: a for n, a in Municipality.__annotations__.items() if n in PARAM_BY_NAME}
    assert set(levers) == set(MUNICIPAL_LEVERS)
    assert all(a == PARAM_BY_NAME[n].type.__name__ for n, a in levers.items())
    assert set(ProviderTable.COLUMNS) | {"margins"} == set(ProviderTable.__annotations__)
