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
        unit = model.citizens.care_value_units()[pop.wmo_kind[i]]  # by the kind of care
        assert amount == min(by_income, sev * unit)
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


def test_every_wmo_client_is_counted_once_by_the_service_that_serves_them():
    result = run_seeds(load_scenario("calibrated").with_params(scale=0.1, end_year=2016), [7])
    nat = result.national
    parts = nat.clients_wmo_household_help + nat.clients_wmo_support + nat.clients_wmo_aids
    np.testing.assert_allclose(parts, nat.clients_wmo)
    assert (nat.clients_wmo_aids > 0).all() and (nat.clients_wmo_household_help > 0).all()
    assert (nat.spending_eur_household_help <= nat.spending_eur_wmo + 1e-6).all()
    assert (nat.spending_eur_household_help > 0).all()


def test_a_need_for_aids_asks_no_informal_care_and_the_kind_is_drawn_at_onset():
    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.1), seed=8)
    for _ in range(3):
        model.step()
    pop, c = model.pop, model.citizens
    new = c.new_needs[Domain.WMO]
    assert new.size > 20
    # The kind is the month's keyed draw against the shares (household help, then aids of the
    # rest, then support).
    from transitiesim._kernels import uniforms
    from transitiesim.citizens import wmo_kinds
    u = uniforms(c.keys["kind"], new).astype(np.float64)
    np.testing.assert_array_equal(pop.wmo_kind[new], wmo_kinds(u, model.p))
    # Aids ask a carer for nothing; household help below the residential level asks s x hours.
    from transitiesim import _kernels
    from transitiesim.states import WmoKind
    sev = np.full(3, 0.5, dtype=np.float32)
    kinds = np.array([WmoKind.HOUSEHOLD, WmoKind.SUPPORT, WmoKind.AIDS], dtype=np.uint8)
    hours = _kernels.request_hours(who=np.arange(3), sev=sev, residential_threshold=0.8,
                                   hours_at_full=40.0, kind=kinds,
                                   no_hours_kind=int(WmoKind.AIDS))
    assert hours.tolist() == [20.0, 20.0, 0.0]
