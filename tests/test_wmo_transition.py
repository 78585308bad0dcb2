"""The Wmo's move to the municipalities (docs/odd.md 7.2, "The transitional law and municipal
hours"): the old system's money before the cut, the transferred caseload re-assessed evenly
through the reform year, and municipal indications with fewer hours of household help and
support than the old system's.

Worked by hand where possible: the money from the two cuts, the hours factor month by month,
the bills of one month with paired seeds, and who still holds an old indication.
"""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, data, load_scenario, run_seeds
from transitiesim.params import NATIONAL_POPULATION_2015, PARAM_BY_NAME
from transitiesim.states import Domain, Service, WmoKind


def small(**changes):
    return load_scenario("calibrated").with_params(scale=0.05, **changes)


def test_the_old_systems_money_less_the_cut_is_the_money_after_both_cuts():
    """EUR 3.5 bn grant after an 11% cut and household help after a 32% (EUR 465 m) cut: the
    old system spent 3.5 / 0.89 + 0.465 / 0.32 = 5.39 bn, and after the cut the Rijk pays
    3.5 + 0.988 = 4.49 bn."""
    grant = data.figure("grant_wmo", 2015)
    cut_hh, share_hh = (data.figure("cut_household_help", 2015),
                        data.figure("cut_household_help_share", 2015))
    before = grant / (1 - 0.11) + cut_hh / share_hh
    after = grant + cut_hh / share_hh - cut_hh
    per_capita = PARAM_BY_NAME["budget_wmo_eur_per_capita"].default
    cut = PARAM_BY_NAME["cut_wmo"].default
    assert per_capita * NATIONAL_POPULATION_2015 == pytest.approx(before, rel=1e-3)
    assert per_capita * NATIONAL_POPULATION_2015 * (1 - cut) == pytest.approx(after, rel=1e-3)
    assert after == pytest.approx(4.488e9, rel=1e-3)


@pytest.mark.parametrize("law", [True, False])
def test_the_hours_factor_month_by_month(law):
    """1 before the reform. Household help (the Wmo 2007's, already municipal): f from
    January of the reform year. Support at home (from the AWBZ): under the transitional law
    1 - k/12 * (1 - f) in month k of the reform year, f after it; without the law f from
    January."""
    f = 0.6
    model = TransitionModel(small(end_year=2016, municipal_hours_factor=f,
                                  transition_law=law), seed=1)
    seen = []
    while (model.year, model.month) < (2016, 2):
        model.step()
        seen.append((model.year, model.month, model.wmo_hours_factor(Service.WMO_HOUSEHOLD),
                     model.wmo_hours_factor(Service.WMO_SUPPORT)))
    for year, month, household, support in seen:
        if year == 2014:
            expected = (1.0, 1.0)
        elif year == 2015 and law:
            expected = (f, 1.0 - month / 12 * (1.0 - f))
        else:
            expected = (f, f)
        assert (household, support) == pytest.approx(expected, abs=1e-12), (year, month)


def _month(result, year, month):
    nat = result.national
    return nat[(nat.year == year) & (nat.month == month)].set_index("seed")


def test_household_help_is_billed_at_the_municipal_hours():
    """Household help holds municipal hours from January of the reform year, under the
    transitional law too. The factor enters nothing before the first bill, so with paired
    seeds January's household help costs exactly f times what it costs at the old system's
    hours; aids are not indicated in hours and support only partly re-assessed, so Wmo
    spending falls by less."""
    runs = {f: run_seeds(small(end_year=2015, municipal_hours_factor=f), [1, 2])
            for f in (1.0, 0.5)}
    full, half = (_month(runs[f], 2015, 1) for f in (1.0, 0.5))
    np.testing.assert_allclose(half.spending_eur_household_help,
                               0.5 * full.spending_eur_household_help, rtol=1e-9)
    assert (full.spending_eur_household_help > 0).all()
    np.testing.assert_array_equal(half.clients_wmo, full.clients_wmo)
    assert ((half.spending_eur_wmo > 0.5 * full.spending_eur_wmo)
            & (half.spending_eur_wmo < full.spending_eur_wmo)).all()


@pytest.mark.parametrize("law", [True, False])
def test_the_transferred_caseload_is_reassessed_once_in_the_reform_year(law):
    """Clients of 31 December 2014 below the municipality's threshold. Household help and
    aids (the Wmo 2007's) are re-assessed in January: none below it after January. Support
    at home (the AWBZ's): under the transitional law each month re-assesses 1/(13 - k) of
    those not yet seen, so about 11/12 still hold the old indication after January and none
    whose need is still below the threshold after December; without the law none after
    January."""
    model = TransitionModel(load_scenario("calibrated").with_params(
        scale=0.2, end_year=2016, access_strictness=0.5, transition_law=law), seed=3)
    while (model.year, model.month) < (2014, 12):
        model.step()
    pop = model.pop
    thr = 0.5  # the municipality's threshold from January 2015 (no review has moved it yet)
    below = (pop.provider[Domain.WMO] >= 0) & (pop.severity[Domain.WMO] < thr)
    support = np.flatnonzero(below & (pop.wmo_kind == WmoKind.SUPPORT))
    other = np.flatnonzero(below & (pop.wmo_kind != WmoKind.SUPPORT))
    assert support.size >= 30 and other.size >= 30

    def still_below(old):
        held = pop.provider[Domain.WMO][old] >= 0
        return int(np.count_nonzero(held & (pop.severity[Domain.WMO][old] < thr)))

    model.step()  # January 2015
    assert model.municipality_list[0].access_threshold() == thr
    assert still_below(other) == 0
    january = still_below(support)
    if law:
        assert january >= 0.75 * support.size
        while model.month < 12:
            model.step()
        assert still_below(support) == 0
    else:
        assert january == 0


def test_the_transitional_law_keeps_the_old_hours_for_part_of_the_reform_year():
    """Pattern, paired seeds: with the law the reform year's support at home (with aids: Wmo
    spending less household help) costs more than with the new rules for everyone from
    January (half a year of old hours and old indications on average)."""
    yearly = {}
    for law in (True, False):
        nat = run_seeds(small(end_year=2015, transition_law=law), [1, 2, 3]).national
        nat = nat[nat.year == 2015]
        yearly[law] = (nat.spending_eur_wmo - nat.spending_eur_household_help).groupby(
            nat.seed).sum()
    assert (yearly[True] > yearly[False]).all()


@pytest.mark.slow
def test_a_reassessment_that_counts_the_network_first_moves_clients_to_their_carers():
    """Pattern, paired seeds (calibrated municipality, scale 0.25): the municipality counts
    the network first (its threshold 0.3 is at network_first_threshold), so with
    ``network_at_reassessment`` the re-assessments of 2015 (the transferred caseload) also
    end indications whose care a carer can take over: fewer Wmo clients and more hours of
    informal care in 2015 in every seed (7.4-8.6% more hours), lower Wmo spending in total;
    the same 2014 (the rule acts from the reform). The carers are as many: each of those
    carers already gave beside the provider (``formal_complement_share``) and now gives
    the whole."""
    yearly = {}
    for on in (True, False):
        nat = run_seeds(load_scenario("calibrated").with_params(
            scale=0.25, end_year=2015, network_at_reassessment=on), [1, 2, 3]).national
        yearly[on] = nat.groupby(["year", "seed"])[
            ["clients_wmo", "informal_care_hours", "spending_eur_wmo"]].mean()
    on, off = yearly[True], yearly[False]
    assert on.loc[2014].equals(off.loc[2014])
    assert (on.loc[2015, "clients_wmo"] < off.loc[2015, "clients_wmo"]).all()
    assert (on.loc[2015, "informal_care_hours"] > off.loc[2015, "informal_care_hours"]).all()
    assert on.loc[2015, "spending_eur_wmo"].sum() < off.loc[2015, "spending_eur_wmo"].sum()
