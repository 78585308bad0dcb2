"""The Wmo own contribution (ODD 7.4 and 7.6): income-dependent until a flat rate, never more
than the care is worth; what clients pay and how it deters applications."""

from __future__ import annotations

import numpy as np
import pandas as pd

from transitiesim import TransitionModel, load_scenario, load_scenario_text, run_seeds
from transitiesim.states import Domain

FLAT_2019 = """extends = "calibrated"
[parameters]
scale = {scale}
end_year = 2021
[[events]]
date = "2019-01"
kind = "own_contribution"
amount_eur_per_month = 19.0
"""


def test_what_each_client_pays_is_the_rule_worked_out_per_person():
    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.05), seed=2)
    for _ in range(20):
        model.step()
    p, pop = model.p, model.pop
    clients = model.clients_of(Domain.WMO)
    assert clients.size > 50
    paid = model.citizens.own_contributions(clients, 19.0, 0.15)
    for i, amount in zip(clients[:200], paid[:200], strict=False):
        income, sev = float(pop.income_eur[i]), float(pop.severity[Domain.WMO][i])
        by_income = 19.0 + 0.15 * max(income - p["own_contribution_income_threshold_eur"], 0.0)
        worth = sev * (p["care_hours_at_full_need"] * p["tariff_wmo_eur_per_hour"])
        assert amount == min(by_income, worth)
    # The ledger books exactly these amounts, weighted, as the month's contributions.
    model.step()
    clients = model.clients_of(Domain.WMO)
    paid = model.citizens.own_contributions(clients, model.rijk.own_contribution_eur,
                                            model.rijk.contribution_share)
    assert np.isclose(model.ledger.cur["contributions"].sum(),
                      float((paid * pop.weight[clients]).sum()))


def yearly(text: str, seeds=(1, 2, 3)) -> pd.DataFrame:
    nat = run_seeds(load_scenario_text(text), list(seeds)).national
    return nat.groupby(["seed", "year"])[["clients_wmo", "own_contributions_eur"]].mean()


def test_the_flat_rate_of_2019_lowers_contributions_and_raises_wmo_use():
    # The same scenario without the event: the income rule goes on after 2019.
    flat = yearly(FLAT_2019.format(scale=0.25))
    income_rule = yearly(FLAT_2019.format(scale=0.25).split("[[events]]")[0])
    for seed in (1, 2, 3):
        # Identical until the flat rate (common random numbers), different after it.
        assert flat.loc[(seed, 2018)].equals(income_rule.loc[(seed, 2018)])
        for year in (2020, 2021):
            assert flat.loc[(seed, year), "clients_wmo"] > income_rule.loc[(seed, year),
                                                                           "clients_wmo"]
            per_client = (flat.loc[(seed, year)].own_contributions_eur
                          / flat.loc[(seed, year)].clients_wmo)
            before = (income_rule.loc[(seed, year)].own_contributions_eur
                      / income_rule.loc[(seed, year)].clients_wmo)
            # (monthly amounts over monthly client counts, averaged over the year: about 19)
            assert per_client < 19.5 < before
