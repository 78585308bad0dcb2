"""Social assistance (ODD 7.3 and 7.1): entry that lags unemployment (WW first), exits that
follow today's labour market and fall with the distance to work, and a benefits budget (BUIG)
that follows the national caseload."""

from __future__ import annotations

import numpy as np
import pandas as pd

from transitiesim import TransitionModel, load_scenario, load_scenario_text, run_seeds

# A jump in unemployment in 2017 only (the calibrated scenario's other years kept).
JUMP = """extends = "calibrated"
[parameters]
scale = 0.1
end_year = 2018
assistance_entry_lag_years = {lag}
[unemployment]
2017 = 0.12
2018 = 0.12
"""


def recipients(lag: int) -> pd.Series:
    scenario = load_scenario_text(JUMP.format(lag=lag))
    nat = run_seeds(scenario, [1, 2]).national
    return nat.groupby(["seed", "year"]).bijstand_recipients.mean()


def test_entry_follows_unemployment_a_year_later_with_the_lag():
    now, later = recipients(0), recipients(1)
    for seed in (1, 2):
        # In 2017 exits fall in both runs (the same labour market today), but only without a
        # lag do entries jump at once: the stock rises more. With the lag the entries follow
        # in 2018, so its rise is larger in the second year than in the first.
        rise = {lag: [s[seed, year] - s[seed, year - 1] for year in (2017, 2018)]
                for lag, s in ((0, now), (1, later))}
        assert rise[0][0] > rise[1][0]
        assert rise[1][1] > rise[1][0]


def test_the_entry_rate_is_the_scenarios_rate_the_lag_before():
    scenario = load_scenario_text(JUMP.format(lag=2))
    model = TransitionModel(scenario, seed=1)
    while model.year < 2018:
        model.step()
    assert model.entry_unemployment == scenario.unemployment_rate(2016) == 0.0616
    assert model.unemployment == 0.12


def test_the_benefits_budget_follows_last_years_national_benefits():
    scenario = load_scenario_text(JUMP.format(lag=1).replace("scale = 0.1", "scale = 0.05"))
    model = TransitionModel(scenario, seed=3)
    paid = []
    while (model.year, model.month) < (2016, 12):
        model.step()
        if model.year == 2016:
            paid.append(float(model.ledger.cur["to_citizens"].sum()))
    model.step()  # January 2017: the macro budget is 2016's benefits
    assert model.rijk.benefit_macro_eur == sum(paid)
    budgets = model.rijk.monthly_budgets_eur(2017, 1)
    declared = (model.p["budget_participatie_eur_per_capita"]
                * np.array([m.inhabitants for m in model.municipality_list])
                * (1 - model.p["cut_participatie"]) / 12)
    np.testing.assert_allclose((budgets[:, 2] - declared).sum(), sum(paid) / 12)


def test_the_chance_of_leaving_for_work_falls_with_time_on_benefit():
    # Exits to work per recipient among those on assistance less than a year against those
    # on it three years or more (the indicators by duration): with the distance to work
    # growing as calibrated the recent ones leave more than twice as often (CBS 2006: 22% vs
    # 8% of all exits), in every seed and year; without growth only selection is left.
    def ratio(**changes):
        scenario = load_scenario("calibrated").with_params(scale=0.5, end_year=2018,
                                                           **changes)
        y = run_seeds(scenario, [1, 2, 3]).yearly()
        y = y[y.year >= 2016].groupby("seed").sum(numeric_only=True)  # 2016-2018 pooled
        return ((y.exits_to_work_first_year / y.recipients_first_year)
                / (y.exits_to_work_long_term / y.recipients_long_term))

    grown, flat = ratio(), ratio(assistance_distance_growth=0.0)
    assert (grown > 2.0).all(), grown
    assert (flat < grown).all(), (flat, grown)


def test_time_on_benefit_counts_months_and_starts_at_entry():
    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.25), seed=4)
    pop = model.pop
    seen = {"stayed": 0, "entered": 0}
    for _ in range(6):
        months, on = pop.benefit_months.copy(), pop.on_bijstand.copy()
        model.step()
        stayed = on & pop.on_bijstand
        entered = ~on & pop.on_bijstand
        np.testing.assert_array_equal(pop.benefit_months[stayed], months[stayed] + 1)
        assert (pop.benefit_months[entered] == 0).all()
        seen["stayed"] += int(stayed.sum())
        seen["entered"] += int(entered.sum())
    assert seen["stayed"] > 1000 and seen["entered"] > 10, seen


def test_the_wajong_closing_brings_young_people_able_to_work_into_social_assistance():
    # From the reform on, each month a twelfth of the young people who used to enter the
    # Wajong, times the share that enters social assistance, does so instead: aged 18-19,
    # with a distance to work in the upper half of a new recipient's range. Per 100,000
    # inhabitants that is 13,050 x 0.5 / 16,968,735 x 100,000 = 38.5 a year.
    from transitiesim.params import NATIONAL_POPULATION_2015

    model = TransitionModel(load_scenario("calibrated").with_params(scale=1.0), seed=6)
    while model.year < 2016:
        model.step()
    pop, p = model.pop, model.p
    rows = np.concatenate([model.wajong_entries() for _ in range(24)])  # two years' worth
    per_year = float(pop.weight[rows].sum()) / 2
    expected = 13050 * 0.5 * model.inhabitants.sum() / NATIONAL_POPULATION_2015
    assert 0.7 * expected < per_year < 1.3 * expected, (per_year, expected)
    assert ((pop.age[rows] >= 18) & (pop.age[rows] <= 19)).all()
    assert pop.on_bijstand[rows].all() and (pop.benefit_months[rows] == 0).all()
    half = p["new_need_severity_low"] + p["new_need_severity_span"] / 2
    assert (pop.severity[2][rows] >= np.float32(half) - 1e-6).all()


def test_without_the_wajong_closing_fewer_young_people_are_on_assistance():
    def recipients(**changes):
        s = load_scenario("calibrated").with_params(scale=0.5, end_year=2019, **changes)
        return run_seeds(s, [1, 2]).national.groupby(["seed", "year"]).bijstand_recipients.mean()

    closed, open_ = recipients(), recipients(wajong_to_assistance_share=0.0)
    for seed in (1, 2):
        assert closed[seed, 2014] == open_[seed, 2014]
        assert closed[seed, 2019] > open_[seed, 2019]


def test_status_holders_are_housed_in_proportion_to_inhabitants_and_enter_assistance():
    # 2016: 37,000 permits x 0.65 adults x 0.85 on assistance, per 100,000 inhabitants
    # 37,000 x 0.65 x 0.85 / 16,968,735 x 100,000 = 120.5 a year, housed over the twelve
    # months; each enters social assistance in the month they are housed, with a distance to
    # work in the upper half of a new recipient's range.
    from transitiesim.params import NATIONAL_POPULATION_2015

    model = TransitionModel(load_scenario("calibrated").with_params(scale=1.0), seed=3)
    while (model.year, model.month) < (2016, 1):
        model.step()
    pop, p = model.pop, model.p
    chosen, months = model._status_holders
    expected = 37000 * 0.65 * 0.85 * model.inhabitants.sum() / NATIONAL_POPULATION_2015
    assert 0.7 * expected < float(pop.weight[chosen].sum()) < 1.3 * expected, expected
    assert (pop.age[chosen] >= 18).all()
    assert set(np.unique(months)) <= set(range(1, 13))
    # Each month's step has taken that month's entrants: calling again finds none left.
    assert model.status_holder_entries().size == 0
    for _ in range(11):
        model.step()
        assert model.status_holder_entries().size == 0
    # By December all were housed; most are still on assistance (few leave within a year).
    assert pop.on_bijstand[chosen].mean() > 0.8
    half = p["new_need_severity_low"] + p["new_need_severity_span"] / 2
    new = chosen[(months == 12) & (pop.benefit_months[chosen] == 0)]
    assert new.size > 0 and (pop.severity[2][new] >= np.float32(half) - 1e-6).all()


def test_status_holders_raise_the_caseload_while_permits_are_high():
    def recipients(**changes):
        s = load_scenario("calibrated").with_params(scale=0.5, end_year=2019, **changes)
        return run_seeds(s, [1, 2]).national.groupby(["seed", "year"]).bijstand_recipients.mean()

    with_, without = recipients(), recipients(status_holder_assistance_share=0.0)
    gap = with_ - without
    for seed in (1, 2):
        assert (gap[seed].loc[2015:2019] > 0).all(), gap[seed]
        # Permits peak in 2016 and fall after 2017: the gap grows to 2017, then exits to
        # work outweigh the fewer newcomers.
        assert gap[seed, 2017] > gap[seed, 2015]
