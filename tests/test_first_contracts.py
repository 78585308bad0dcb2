"""The first contracts' discount on the AWBZ tariff of support at home (docs/odd.md 7.1,
"First contracts"; Telgen and Uenk 2015): by hand month by month, with paired seeds on the
first bill, and as a pattern over the reform year.
"""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario, run_seeds
from transitiesim.states import Service


def small(**changes):
    return load_scenario("calibrated").with_params(scale=0.05, **changes)


def test_support_alone_is_discounted_and_only_from_the_reform():
    """1 for every service before the reform; from January of the reform year 1 - d for
    support at home and 1 for the rest."""
    d = 0.2
    model = TransitionModel(small(end_year=2015, support_tariff_discount=d), seed=1)
    while (model.year, model.month) < (2014, 12):
        model.step()
    assert model.contract_factors().tolist() == [1.0] * (max(Service) + 1)
    model.step()  # January 2015
    expected = [1.0 - d if s is Service.WMO_SUPPORT else 1.0 for s in Service]
    assert model.contract_factors().tolist() == pytest.approx(expected, abs=1e-15)


def _january_bills(discount: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    model = TransitionModel(small(end_year=2015, support_tariff_discount=discount), seed=2)
    while (model.year, model.month) < (2015, 1):
        model.step()
    t = model.prov
    # Its running costs: an experiment's month is added to them (7.7), and it is not billed.
    return t.revenue_eur.copy(), t.cost_eur - t.experiment_spent_eur, t.service.copy()


def test_the_first_bill_of_support_and_its_cost_are_the_discount_times_the_old_ones():
    """Nothing before the first bill of the reform year reads the discount, so with paired
    seeds every support provider's January revenue, and its running cost (the providers
    organised the product at the contract's price; experiments apart), is exactly (1 - d)
    times what it is without the discount, and every other provider's is the same."""
    base, base_cost, service = _january_bills(0.0)
    cut, cut_cost, service_cut = _january_bills(0.3)
    np.testing.assert_array_equal(service, service_cut)
    support = service == int(Service.WMO_SUPPORT)
    assert support.any() and (base[support] > 0).any()
    np.testing.assert_allclose(cut[support], 0.7 * base[support], rtol=1e-12)
    np.testing.assert_allclose(cut_cost[support], 0.7 * base_cost[support], rtol=1e-12)
    np.testing.assert_array_equal(cut[~support], base[~support])
    np.testing.assert_array_equal(cut_cost[~support], base_cost[~support])


def test_the_discount_lowers_the_reform_years_wmo_spending():
    """Pattern, paired seeds: in the reform year, when the transitional law still holds most
    support clients at their old hours, the discount lowers Wmo spending in every seed, and
    by more than it lowers household help's (which it does not touch: any change there comes
    through the municipality's budget)."""
    rows = {}
    for d in (0.0, 0.17):
        nat = run_seeds(small(end_year=2015, support_tariff_discount=d), [1, 2, 3]).national
        rows[d] = nat[nat.year == 2015].groupby("seed")[
            ["spending_eur_wmo", "spending_eur_household_help"]].sum()
    saved = rows[0.0] - rows[0.17]
    assert (saved.spending_eur_wmo > 0).all()
    assert (saved.spending_eur_wmo > saved.spending_eur_household_help.abs()).all()
