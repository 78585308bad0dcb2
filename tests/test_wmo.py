"""The Wmo own contribution (ODD 7.4 and 7.6): income-dependent until a flat rate, never more
than the care is worth; what clients pay and how it deters applications."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transitiesim import TransitionModel, _kernels, load_scenario, load_scenario_text, run_seeds
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


@pytest.mark.parametrize("per_household", [True, False])
def test_what_each_client_pays_is_the_rule_worked_out_by_hand(per_household):
    """Each client pays the lowest amount plus the share of income above the threshold, at
    most what their kind of care is worth. Per household (the CAK's rule), a couple of
    clients pays this once, at most what both their care is worth, on the first of their
    rows; apart, each partner pays their own. The ledger books exactly these amounts."""
    model = TransitionModel(load_scenario("calibrated").with_params(
        scale=0.25, contribution_per_household=per_household), seed=2)
    for _ in range(20):
        model.step()
    p, pop = model.p, model.pop
    clients = model.clients_of(Domain.WMO)
    assert clients.size > 500
    paid = model.citizens.own_contributions(clients, 19.0, 0.15)
    units = model.citizens.care_value_units()  # by the kind of care
    members = set(clients.tolist())
    couples = assisted = 0
    for i, amount in zip(clients, paid, strict=True):
        q = int(pop.partner[i])
        income = float(pop.income_eur[i])
        if pop.on_bijstand[i] or (q >= 0 and pop.on_bijstand[q]):
            # A household on social assistance lives on its norm (2015, net a month).
            income = 1372.62 if q >= 0 else 960.83
            assisted += 1
        by_income = 19.0 + 0.15 * max(income - p["own_contribution_income_threshold_eur"], 0.0)
        cap = float(pop.severity[Domain.WMO][i]) * units[pop.wmo_kind[i]]
        if per_household and q in members:
            couples += 1
            assert pop.income_eur[q] == pop.income_eur[i]  # one household income
            if q < i:
                assert amount == 0.0
                continue
            cap += float(pop.severity[Domain.WMO][q]) * units[pop.wmo_kind[q]]
        assert amount == pytest.approx(min(by_income, cap), rel=1e-12)
    assert couples >= 10 or not per_household
    assert assisted >= 10
    model.step()
    clients = model.clients_of(Domain.WMO)
    paid = model.citizens.own_contributions(clients, model.rijk.own_contribution_eur,
                                            model.rijk.contribution_share)
    assert np.isclose(model.ledger.cur["contributions"].sum(),
                      float((paid * pop.weight[clients]).sum()))


def test_an_application_is_priced_at_what_it_adds_to_the_household():
    """The factor on the chance to apply is exp(-sensitivity x contribution / 100): alone,
    the contribution capped at what the care is worth; beside a partner who pays already,
    what the household's contribution rises by (EUR 50 by income, care worth 40 and 30:
    alone min(50, 40) = 40; beside the partner min(50, 70) - min(50, 30) = 20; beside a
    partner whose care is worth 60 nothing)."""
    price = _kernels.support._price
    # income 1,200 above a threshold of 1,000 at 15% on EUR 20: 20 + 30 = 50
    args = (1200.0, 0.5, 2.0, 20.0, 0.15, 1000.0, 80.0)
    assert price(*args, -1.0) == pytest.approx(math.exp(-2.0 * 40.0 / 100.0))
    assert price(*args, 30.0) == pytest.approx(math.exp(-2.0 * 20.0 / 100.0))
    assert price(*args, 60.0) == pytest.approx(1.0)


def test_a_household_on_social_assistance_is_priced_on_its_norm():
    """The own contribution sees a household's income, or its social assistance norm while
    the person or their partner is on assistance (EUR 960.83 alone, 1,372.62 as a couple,
    2015): drawn incomes of 3,000 (rows 0, 1: a couple, 1 on assistance), 5,000 (row 2,
    alone on assistance) and 2,000 (row 3, alone, not)."""
    income = np.array([3000.0, 3000.0, 5000.0, 2000.0], dtype=np.float32)
    partner = np.array([1, 0, -1, -1], dtype=np.int32)
    assisted = np.array([False, True, True, False])
    norms = np.array([960.83, 1372.62])
    seen = [_kernels.support.household_income(i, income, partner, assisted, norms)
            for i in range(4)]
    assert seen == [1372.62, 1372.62, 960.83, 2000.0]
    # The payments' sum per municipality sees the same: with the lowest amount 19, 15% above
    # a threshold of 1,000 and care worth 1,000 each, one municipality, weight 2, priced
    # apart: 2 x (2 x (19 + 0.15 x 372.62) + 19 + 19 + 0.15 x 1,000).
    paid = _kernels.contributions_by_municipality(
        idx=np.arange(4), weight=np.array([2.0], dtype=np.float32), income=income,
        assisted=assisted, norms=norms, sev=np.ones(4, dtype=np.float32),
        kind=np.zeros(4, dtype=np.uint8), floor=19.0, share=0.15, threshold=1000.0,
        units=np.array([1000.0, 1000.0, 1000.0]), bounds=np.array([0, 4]), partner=partner,
        prov=np.zeros(4, dtype=np.int32), per_household=False)
    by_hand = 2 * (2 * (19 + 0.15 * 372.62) + 19 + (19 + 0.15 * 1000.0))
    assert paid[0] == pytest.approx(by_hand, rel=1e-12)


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
    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.2), seed=8)
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


@pytest.mark.slow
def test_one_contribution_per_household_draws_in_partners_of_clients():
    """Calibrated municipality, scale 0.25, 2015-2018, seeds 1-3, with and without
    `contribution_per_household`. Per household a couple of clients pays once and a partner
    of a client applies at what they add to it, often nothing: the contributions received
    are lower, more persons are Wmo clients and fewer needs go unmet, in every seed (figures
    before informal care beside formal help: contributions 1.2-1.7% lower, Wmo clients
    0.34-0.57% more, unmet needs 2.5-3.8% fewer). Fewer carers (often the partner) were
    overburdened too (3.3-4.2%) until a formal client's carer kept giving beside the
    provider (``formal_complement_share``): then -1.3% to +0.5%, so no longer asserted."""
    cols = ["own_contributions_eur", "clients_wmo", "unmet_need"]
    means = {}
    for on in (True, False):
        scenario = load_scenario("calibrated").with_params(
            scale=0.25, end_year=2018, contribution_per_household=on)
        nat = run_seeds(scenario, (1, 2, 3)).national
        means[on] = nat[nat.year >= 2015].groupby("seed")[cols].mean()
    on, off = means[True], means[False]
    assert (on.own_contributions_eur < off.own_contributions_eur).all()
    assert (on.clients_wmo > off.clients_wmo).all()
    assert (on.unmet_need < off.unmet_need).all()
