"""Patterns the model must produce from its mechanisms (docs/odd.md, "Purpose and patterns").

Each comparison is paired by seed (common random numbers) and must hold in every seed, not just
on average. Runs cover 2014-2021 for the default municipality of 100,000 inhabitants.
"""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario, run_seeds
from transitiesim.population import NeedState, Service

SEEDS = (1, 2, 3)
pytestmark = pytest.mark.slow


def yearly_means(name: str, cols: list[str], years=(2016, 2021), **params):
    scenario = load_scenario(name).with_params(end_year=max(years[1], 2016), **params)
    nat = run_seeds(scenario, SEEDS).national
    nat = nat[(nat.year >= years[0]) & (nat.year <= years[1])]
    return nat.groupby("seed")[cols].mean()


def test_a_deeper_cut_raises_unmet_need():
    """Cut -> deficit -> a traditional municipality raises its access threshold -> unmet need."""
    cols = ["unmet_need", "access_threshold"]
    mild = yearly_means("default", cols, learning_orientation=0.0)
    deep = yearly_means("default", cols, learning_orientation=0.0, cut_wmo=0.4, cut_jeugd=0.4,
                        cut_jeugd_first=0.4)
    assert (deep.access_threshold > mild.access_threshold).all()
    assert (deep.unmet_need > mild.unmet_need).all()


def test_cheaper_access_raises_demand():
    cheap = yearly_means("default", ["clients_wmo"], own_contribution_eur_per_month=0.0)
    dear = yearly_means("default", ["clients_wmo"], own_contribution_eur_per_month=100.0)
    assert (cheap.clients_wmo > dear.clients_wmo).all()
    lenient = yearly_means("default", ["clients_wmo", "clients_jeugd"], access_strictness=0.2)
    strict = yearly_means("default", ["clients_wmo", "clients_jeugd"], access_strictness=0.5)
    assert (lenient > strict).all().all()


def test_more_citizen_power_lowers_formal_demand_and_raises_carer_burden():
    cols = ["clients_wmo", "carers_overburdened", "informal_carers"]
    low = yearly_means("default", cols, citizen_power=0.2)
    high = yearly_means("default", cols, citizen_power=0.8)
    assert (high.clients_wmo < low.clients_wmo).all()
    assert (high.carers_overburdened > low.carers_overburdened).all()
    assert (high.informal_carers > low.informal_carers).all()


def test_innovation_costs_first_and_lowers_cost_per_client_later():
    cols = ["experiment_spending_eur", "cost_per_client_eur"]
    none_early = yearly_means("default", cols, years=(2015, 2016), innovation_uptake=0.0)
    much_early = yearly_means("default", cols, years=(2015, 2016), innovation_uptake=1.0)
    none_late = yearly_means("default", cols, years=(2022, 2025), innovation_uptake=0.0)
    much_late = yearly_means("default", cols, years=(2022, 2025), innovation_uptake=1.0)
    assert (none_early.experiment_spending_eur == 0).all()
    assert (much_early.experiment_spending_eur > 0).all()
    saving_early = none_early.cost_per_client_eur - much_early.cost_per_client_eur
    saving_late = none_late.cost_per_client_eur - much_late.cost_per_client_eur
    assert (saving_late > 0).all()
    assert (saving_late > saving_early).all()


def test_not_every_experiment_works():
    model = TransitionModel(load_scenario("innovation").with_params(end_year=2019), seed=4)
    model.run_model()
    worked = sum(pr.innovations for pr in model.providers_list)
    failed = sum(pr.experiments_failed for pr in model.providers_list)
    assert worked > 0 and failed > 0


def test_unmet_need_escalates_and_costs_more_later():
    cols = ["cost_per_client_eur"]
    calm = yearly_means("transition-only", cols, escalation_rate=0.0)
    steep = yearly_means("transition-only", cols, escalation_rate=0.06)
    assert (steep.cost_per_client_eur > calm.cost_per_client_eur).all()


def test_an_unmet_need_grows_by_the_escalation_rate_and_its_care_costs_more():
    """The mechanism behind the pattern, person by person."""
    model = TransitionModel(load_scenario("default").with_params(end_year=2016), seed=2)
    pop = model.pop
    left = (pop.state[1] == NeedState.UNMET) | (pop.state[1] == NeedState.WAITING)
    unmet = np.flatnonzero(left & (pop.severity[1] < 0.9))
    assert unmet.size > 0
    before = pop.severity[1, unmet].copy()
    model.citizens.develop_needs(model.municipal_inputs(), model.provider_effects())
    still = pop.severity[1, unmet] > 0  # the rest recovered this month
    np.testing.assert_allclose(pop.severity[1, unmet][still],
                               before[still] + model.p["escalation_rate"], rtol=1e-6)
    ambulant = np.full(3, int(Service.JEUGD_AMBULANT))
    unit = model._unit_ref(ambulant, np.array([0.2, 0.4, 0.6]))
    assert unit[0] < unit[1] < unit[2]
    residential = model._unit_ref(np.array([int(Service.JEUGD_RESIDENTIAL)]), np.array([0.8]))
    assert residential[0] > unit[2]


def test_transformation_beats_transition_only_on_unmet_need_at_equal_budget():
    cols = ["unmet_need", "budget_eur_wmo", "budget_eur_jeugd", "budget_eur_participatie"]
    only = yearly_means("transition-only", cols)
    trans = yearly_means("transformation", cols)
    budgets = ["budget_eur_wmo", "budget_eur_jeugd", "budget_eur_participatie"]
    assert np.allclose(only[budgets], trans[budgets])
    assert (trans.unmet_need < only.unmet_need).all()


def test_the_reform_cuts_budgets_from_the_reform_year_only():
    nat = run_seeds(load_scenario("default").with_params(end_year=2018), (1,)).national
    yearly = nat.groupby("year")[["budget_eur_wmo", "budget_eur_jeugd"]].sum()
    assert np.isclose(yearly.loc[2015, "budget_eur_wmo"] / yearly.loc[2014, "budget_eur_wmo"],
                      1 - 0.11)
    # Youth: 3% in the first year, phased in to the full cut by the third.
    ratio = yearly.budget_eur_jeugd / yearly.loc[2014, "budget_eur_jeugd"]
    assert np.isclose(ratio[2015], 0.97)
    assert np.isclose(ratio[2017], 1 - 0.115) and np.isclose(ratio[2018], 1 - 0.115)
    assert ratio[2015] > ratio[2016] > ratio[2017]


def test_municipalities_differ():
    scenario = load_scenario("netherlands").with_params(end_year=2017, municipalities=20,
                                                        inhabitants=1_000_000, scale=0.05)
    r = run_seeds(scenario, (1,))
    late = r.indicators[r.indicators.year == 2017]
    per_capita = late.groupby("municipality_id").apply(
        lambda t: t.unmet_need.mean() / t.population.mean(), include_groups=False)
    assert per_capita.std() > 0
    thresholds = late.groupby("municipality_id").access_threshold.mean()
    assert thresholds.nunique() > 1
