"""Social assistance (ODD 7.3 and 7.1): entry that lags unemployment (WW first), exits that
follow today's labour market and fall with the distance to work, and a benefits budget (BUIG)
that follows the national caseload."""

from __future__ import annotations

import numpy as np
import pandas as pd

from transitiesim import TransitionModel, load_scenario_text, run_seeds

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
    # Recipients in January 2016 who were not on assistance in January 2015 (less than a
    # year) against those on it in January 2014 and 2015 too (two years or more): over 2016 a
    # larger share of the first leave for work (selection and a growing distance to work).
    from transitiesim import load_scenario

    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.25), seed=5)
    seen = {}
    left = np.zeros(model.pop.size, dtype=bool)
    while (model.year, model.month) < (2016, 12):
        model.step()
        if model.month == 1:
            seen[model.year] = model.pop.on_bijstand.copy()
        if model.year == 2016:
            left[model.citizens.exited] = True
    new = seen[2016] & ~seen[2015]
    old = seen[2016] & seen[2015] & seen[2014]
    assert new.sum() > 100 and old.sum() > 100
    assert left[new].mean() > 1.3 * left[old].mean()
