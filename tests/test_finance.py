"""Money that binds (docs/odd.md, "Municipal finance"): the budget after the reform is what the
old system spent less the cut; a deficit is covered from reserves, other tasks and local tax,
and otherwise the province supervises; every euro of it is booked.

Worked by hand from the ledger where possible; the mechanisms on against off with paired
seeds otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transitiesim import TransitionModel, agents, load_scenario, run_seeds

SEEDS = (1, 2, 3)


def small(**changes):
    return load_scenario("calibrated").with_params(scale=0.05, **changes)


def run(seed=1, **changes) -> TransitionModel:
    model = TransitionModel(small(**changes), seed=seed)
    model.run_model()
    return model


def months(model, year):
    """The ledger's books of ``year`` (recording starts in January of the start year)."""
    start = model.p["start_year"]
    return model.ledger.history[12 * (year - start):12 * (year - start + 1)]


def test_the_budget_after_the_reform_is_what_the_old_system_cost_less_the_cut():
    model = run(end_year=2015)
    p = model.p
    spent_2014 = sum(b["budget"] for b in months(model, 2014))  # (3, M): the Rijk paid costs
    for d, cut in ((0, p["cut_wmo"]), (1, p["cut_jeugd_first"])):
        for book in months(model, 2015):
            np.testing.assert_allclose(book["budget"][d], spent_2014[d] * (1 - cut) / 12,
                                       rtol=1e-12)


def test_before_the_reform_the_budget_is_the_spending_domain_by_domain():
    """Without decentralisation every month balances exactly: Wmo budget plus own
    contributions, youth and participation budgets equal what was spent."""
    model = run(end_year=2016, decentralisation=False)
    for book in model.ledger.history:
        np.testing.assert_allclose(book["budget"][0] + book["contributions"],
                                   book["spending"][0], rtol=1e-12)
        np.testing.assert_allclose(book["budget"][1:], book["spending"][1:], rtol=1e-12)


def _year_ends(model, from_year):
    return [b for k, b in enumerate(model.ledger.history)
            if k % 12 == 11 and model.p["start_year"] + k // 12 >= from_year]


@pytest.mark.parametrize("seed", SEEDS)
def test_reserves_end_every_year_at_or_above_the_floor_and_every_euro_is_booked(seed):
    # A Wmo cut of 30%: a deficit to finance whatever the calibration (the calibrated cuts
    # left seed 2 without one after the calibration with network_at_reassessment).
    model = run(seed, end_year=2019, reserve_floor_share=0.02, cut_wmo=0.3)
    floor = model.p["reserve_floor_share"]
    history = model.ledger.history
    for book in _year_ends(model, model.p["reform_year"]):
        k = next(i for i, b in enumerate(history) if b is book)
        # The year's income as the review takes it: budget and own contributions.
        year_income = sum(model.ledger.income(b) for b in history[k - 11:k + 1])
        covered = book["from_other_tasks"] + book["local_tax"]
        assert (book["reserves_end"] >= floor * 0.5 * year_income).all()
        # What was added is exactly what brought reserves up (the identity of test_invariants
        # per month; here: nothing was added where reserves stayed above the floor), and what
        # went back to the other tasks (negative) left the buffer exactly full.
        added = covered > 0
        above = book["reserves_end"] - covered >= floor * year_income
        assert not covered[above & added].any()
        buffer = model.p["municipal_reserve_share"] * year_income
        returned = covered < 0
        np.testing.assert_allclose(book["reserves_end"][returned], buffer[returned], rtol=1e-6)
    assert sum(b["from_other_tasks"].clip(min=0).sum() + b["local_tax"].sum()
               for b in model.ledger.history) > 0, "the cut does need financing"


def test_without_budget_discipline_reserves_fall_without_limit_and_nothing_is_added():
    """Without the budget cycle nothing comes from other tasks or local tax, and reserves go
    below zero further than with it. A Wmo cut of 30% makes sure there is a deficit to
    finance whatever the calibration (the calibrated cuts alone left seed 1 without one
    after the calibration of 3 Dec 2026): seed 1, lowest EUR -11.6 m against -3.9 m with the
    cycle, whose deficits are financed from outside at each review. Their end is no test of
    the cycle alone: it also gives a surplus above the buffer back to the general budget."""
    deep = {"cut_wmo": 0.3}
    on, off = run(1, end_year=2019, **deep), run(1, end_year=2019, budget_discipline=False,
                                                 **deep)
    assert not any(b["from_other_tasks"].any() or b["local_tax"].any()
                   for b in off.ledger.history)
    lowest = [min(b["reserves_end"].sum() for b in m.ledger.history) for m in (on, off)]
    assert lowest[1] < min(lowest[0], 0.0)


def test_local_tax_comes_after_other_tasks_and_stops_at_its_maximum():
    # A Wmo cut of 30%: a deficit to finance whatever the calibration (as above).
    model = run(1, end_year=2018, other_tasks_max_share=0.0, local_tax_max_eur_per_capita=5.0,
                cut_wmo=0.3)
    pop = np.array([m.inhabitants for m in model.municipality_list], dtype=float)
    taxed = [b["local_tax"] for b in model.ledger.history]
    assert max(t.max() for t in taxed) > 0
    assert all((t <= 5.0 * pop + 1e-6).all() for t in taxed)


def _yearly(scenario, seeds=SEEDS):
    y = run_seeds(scenario, seeds).yearly()
    return y.set_index(["seed", "year"])


def test_a_deeper_cut_is_financed_from_outside_and_brings_supervision_in_every_seed():
    base = small(end_year=2018)
    deep = base.with_params(cut_wmo=0.4, cut_jeugd=0.4, cut_jeugd_first=0.4)
    a, b = _yearly(base), _yearly(deep)
    for seed in SEEDS:
        outside = [y.loc[seed].loc[2015:2018, ["from_other_tasks_eur", "local_tax_eur"]]
                   .to_numpy().sum() for y in (a, b)]
        assert outside[1] > outside[0]
        assert (b.loc[seed].loc[2016:2018, "under_supervision"].mean()
                >= a.loc[seed].loc[2016:2018, "under_supervision"].mean())
        assert b.loc[seed].loc[2018, "access_threshold"] >= a.loc[seed].loc[2018,
                                                                              "access_threshold"]


def _with_reassessment_share(monkeypatch, share, scenario, seeds=SEEDS):
    """A run with ``REASSESSMENT_SHARE`` (declared in ``params``, read by ``agents``; a fixed
    value since the screening found it moving no headline beyond seed noise) set to
    ``share``."""
    monkeypatch.setattr(agents, "REASSESSMENT_SHARE", share)
    return _yearly(scenario, seeds)


def test_under_full_pressure_every_indication_is_re_assessed_whatever_ends(monkeypatch):
    # A traditional municipality in deep deficit squeezes fully (s = 1): each client is
    # re-assessed with chance r + (1 - r) x 1 = 1, so the share of indications that end in a
    # year (r) makes no difference at all (same seeds, same draws).
    deep = dict(end_year=2017, cut_wmo=0.4, cut_jeugd=0.4, cut_jeugd_first=0.4,
                learning_orientation=0.0)
    none, full = (_with_reassessment_share(monkeypatch, s, small(**deep)) for s in (0.0, 1.0))
    pd.testing.assert_frame_equal(none, full)
    # (and it did squeeze: the threshold rose above the scenario's 0.3 in every seed)
    assert (none.xs(2017, level="year").access_threshold > 0.3).all()


def test_indications_that_end_meet_the_new_threshold_without_any_pressure(monkeypatch):
    # No cut and no deficit: still, indications that end are re-assessed against today's
    # stricter threshold, so clients admitted under the old one lose care (Wmo and youth care
    # by the municipal route); with no indication ending, they keep it.
    free = dict(scale=0.25, end_year=2016, cut_wmo=0.0, cut_jeugd=0.0, cut_jeugd_first=0.0,
                cut_participatie=0.0)
    base = load_scenario("calibrated")
    none, all_ = (_with_reassessment_share(monkeypatch, s, base.with_params(**free))
                  for s in (0.0, 1.0))
    for seed in SEEDS:
        assert all_.loc[(seed, 2016), "clients_jeugd"] < none.loc[(seed, 2016), "clients_jeugd"]


def test_reassessment_at_full_share_ends_exactly_the_indications_below_the_threshold():
    # (without the network-first rule at re-assessment; with it, the next test)
    model = TransitionModel(small(end_year=2016, network_at_reassessment=False), seed=2)
    model.run_model()
    m = model.municipality_list[0]
    pop, lo, hi = model.pop, model.muni_bounds[0], model.muni_bounds[1]
    # A stricter threshold than the run reached, so that some clients are surely below it.
    m.access_strictness = min(m.access_strictness + 0.2, 0.7)
    thr = m.access_threshold()
    before = [pop.provider[d][lo:hi].copy() for d in range(2)]
    # Youth care clients a legal referrer (GP, doctor, court) sent are not re-assessed.
    own = [np.ones(hi - lo, dtype=bool), ~pop.legal_referral[lo:hi]]
    below = [(before[d] >= 0) & (pop.severity[d][lo:hi] < thr) & own[d] for d in range(2)]
    legal_below = (before[1] >= 0) & (pop.severity[1][lo:hi] < thr) & ~own[1]
    assert legal_below.any()  # there are some, and they keep their care
    assert model.reassess(m, 1.0) == sum(int(b.sum()) for b in below) > 0
    for d in range(2):
        after = pop.provider[d][lo:hi]
        assert (after[below[d]] < 0).all()
        np.testing.assert_array_equal(after[~below[d]], before[d][~below[d]])


def test_a_network_first_reassessment_ends_the_care_a_free_carer_can_take_over():
    # The calibrated threshold (0.3) is at network_first_threshold, so the municipality counts
    # the network first: at a re-assessment, a client with need in [thr, thr + margin) loses
    # the indication where their carer can give what they ask within sustainable hours.
    # Made by hand: of two household-help clients in that band whose carers care for nobody
    # else there, one carer is free (healthy, not working, giving nothing yet: they sustain
    # carer_hours_per_month, more than s x care_hours_at_full_need <= 0.5 x 41 hours), the
    # other gives all they can sustain already; every other carer is made busy too. (The run
    # goes without the rule, which would have ended most such indications already.)
    from transitiesim.states import WmoKind

    model = TransitionModel(small(end_year=2016, network_at_reassessment=False), seed=2)
    model.run_model()
    model.p = {**model.p, "network_at_reassessment": True}
    m, p, pop, cz = model.municipality_list[0], model.p, model.pop, model.citizens
    lo, hi = model.muni_bounds[0], model.muni_bounds[1]
    thr, margin = m.access_threshold(), p["network_first_margin"]
    assert thr >= p["network_first_threshold"] and margin > 0
    sev, carer = pop.severity[0], pop.carer.astype(np.int64)
    rows = lo + np.flatnonzero(pop.provider[0][lo:hi] >= 0)
    band = rows[(sev[rows] >= thr) & (sev[rows] < thr + margin)]
    c_band = carer[band]
    alone = np.isin(c_band, np.unique(c_band)[np.bincount(np.unique(
        c_band, return_inverse=True)[1]) == 1])
    pick = band[(pop.wmo_kind[band] == int(WmoKind.HOUSEHOLD)) & (c_band >= 0) & alone]
    free, busy = pick[:2]
    cz.care_given[:] = 1e6  # nobody can take more over ...
    c = carer[free]  # ... but this carer
    cz.care_given[c], sev[c], cz.working[c], cz.relief[c] = 0.0, 0.0, False, 0.0
    assert p["carer_hours_per_month"] >= p["informal_cover_share"] * sev[free] * p[
        "care_hours_at_full_need"]
    before = pop.provider[0].copy()
    below = int(((before[lo:hi] >= 0) & (sev[lo:hi] < thr)).sum())
    ended = model.reassess(m, 1.0, domains=(0,))
    assert ended == below + 1
    assert pop.provider[0][free] < 0 and pop.provider[0][busy] == before[busy] >= 0
    kept = band[band != free]
    np.testing.assert_array_equal(pop.provider[0][kept], before[kept])


def test_without_the_review_squeeze_a_deficit_leaves_access_and_tariffs_alone():
    """Switch ``review_squeeze`` (ODD 7.8): a traditional municipality in deep deficit
    raises its threshold and cuts its tariff with it; without it both stay at the scenario's
    values (0.3 and 1) every year and more Wmo clients are served in 2017, each seed; the
    deficit is still financed (budget discipline stays on). Youth care is not asked: the
    threshold meets only the third of its applications that come without a legal referrer,
    and at this scale the seeds go either way (2017, seed 2: 1,825 without the squeeze
    against 1,832 with it, after applications for covered needs came to depend on
    severity)."""
    deep = dict(end_year=2017, cut_wmo=0.4, cut_jeugd=0.4, cut_jeugd_first=0.4,
                learning_orientation=0.0)
    on, off = (_yearly(small(review_squeeze=s, **deep)) for s in (True, False))
    after = off.xs(2017, level="year")
    np.testing.assert_allclose(after.access_threshold, 0.3)
    np.testing.assert_allclose(after.tariff_factor, 1.0)
    for seed in SEEDS:
        assert on.loc[(seed, 2017), "access_threshold"] > 0.3
        assert on.loc[(seed, 2017), "tariff_factor"] < 1
        assert off.loc[(seed, 2017), "clients_wmo"] > on.loc[(seed, 2017), "clients_wmo"]
        assert off.loc[seed].loc[2016:2017, ["from_other_tasks_eur", "local_tax_eur"]
                              ].to_numpy().sum() > 0
