"""The 393 municipalities of 2015: names and codes, data that make them differ, and an identity
(orientation, stance) that is the same in every replication."""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pytest
from scipy.stats import spearmanr

from transitiesim import data
from transitiesim.model import TransitionModel
from transitiesim.run import run_seeds
from transitiesim.scenario import load_shipped


@functools.lru_cache(maxsize=1)
def netherlands_2015():
    """One seed of the netherlands scenario through 2015 at scale 0.05 (845,000 persons)."""
    result = run_seeds(load_shipped("netherlands").with_params(end_year=2015), [1], scale=0.05)
    yearly = result.yearly(national=False)
    return yearly[yearly.year == 2015].set_index("municipality_code")


def test_the_table_is_the_393_municipalities_of_2015():
    table = data.municipalities_2015()
    assert len(table) == 393 and table.code.is_unique and table.name.is_unique
    assert table.inhabitants.sum() == 16_900_726
    amsterdam = table.set_index("code").loc["GM0363"]
    assert amsterdam["name"] == "Amsterdam" and amsterdam.inhabitants == 821_752
    # Shares from the age groups: under 18 as 0-14 plus three fifths of 15-19.
    assert amsterdam.share_under_18 == pytest.approx(
        (amsterdam.aged_0_5 + amsterdam.aged_5_10 + amsterdam.aged_10_15
         + amsterdam.aged_15_20 * 3 / 5) / 821_752)
    weighted = (table.income_index * table.inhabitants).sum() / table.inhabitants.sum()
    assert weighted == pytest.approx(1.0)


def test_results_name_every_municipality_by_name_and_code():
    yearly = netherlands_2015()
    table = data.municipalities_2015().set_index("code")
    assert len(yearly) == 393
    assert (yearly.municipality == table.name.reindex(yearly.index)).all()
    assert not yearly.municipality.str.startswith("Gemeente ").any()


def test_a_municipality_is_the_same_in_every_replication():
    """Its learning orientation comes from the municipality's name, not the seed."""
    scenario = load_shipped("netherlands").with_params(scale=0.002)
    a, b = (TransitionModel(scenario, seed=s) for s in (1, 2))
    for ma, mb in zip(a.municipality_list, b.municipality_list, strict=True):
        assert (ma.name, ma.code, ma.learning) == (mb.name, mb.code, mb.learning)
    learning = np.array([m.learning for m in a.municipality_list])
    assert learning.std() == pytest.approx(0.15, rel=0.2)  # municipal_heterogeneity


def test_differences_come_from_the_municipalities_data():
    """2015, one seed at scale 0.05: social assistance per inhabitant follows the observed
    recipients (the local labour market); Wmo clients rise with the share of old people and
    fall with income (the own contribution rises with income and deters applications).
    The income correlation is a weak one of a few hundred municipalities: seeds 1-3 gave
    -0.29, -0.30 and -0.36 on 5 December 2026 (with older people alone as CBS counts them;
    -0.34, -0.28 and -0.40 with the same calibration and the rule off), so the bound is
    -0.25, not a value one seed passes by chance."""
    yearly = netherlands_2015()
    table = data.municipalities_2015().set_index("code").reindex(yearly.index)
    per_inhabitant = yearly[["bijstand_recipients", "clients_wmo"]].div(table.inhabitants,
                                                                         axis=0)
    observed = table.assistance_under_aow_age / table.inhabitants
    assert spearmanr(per_inhabitant.bijstand_recipients, observed).statistic > 0.85
    assert spearmanr(per_inhabitant.clients_wmo, table.share_80_plus).statistic > 0.3
    assert spearmanr(per_inhabitant.clients_wmo, table.income_index).statistic < -0.25


def test_the_local_labour_market_reproduces_observed_recipients_at_the_start():
    """The entry factors make each municipality's mean entry chance, relative to the national,
    equal its observed share of recipients relative to the national (both weighted by the
    working-age), and leave the national mean entry chance as the income rule gives it."""
    model = TransitionModel(load_shipped("netherlands").with_params(scale=0.02), seed=1)
    c, pop = model.citizens, model.pop
    w = np.where(c.working, pop.weight, 0).astype(float)
    m = pop.muni
    unfactored = np.divide(c.entry_month, c.entry_factor[m], out=np.zeros(pop.size),
                           where=c.entry_factor[m] > 0)
    c.set_local_assistance(model.assistance_share)  # on today's population (after burn-in)
    working = np.bincount(m, w, 393)
    entry = np.bincount(m, c.entry_month * w, 393) / working
    national = (c.entry_month * w).sum() / w.sum()
    observed = model.assistance_share
    seen = (observed * working).sum() / working.sum()
    np.testing.assert_allclose(entry / national, observed / seen, rtol=1e-4, atol=1e-6)
    assert national == pytest.approx((unfactored * w).sum() / w.sum(), rel=1e-3)


def test_persistence_of_the_same_seed_is_perfect_and_of_data_driven_spending_high():
    """municipal_persistence: the same seed twice gives rank correlation 1 and no seed noise;
    two seeds keep the municipalities' order in social assistance spending (data-driven: the
    observed recipients) at scale 0.05: 0.79 on 5 December 2026 (0.82 with the same
    calibration and older people as often single as other adults), against 0.13-0.31 for
    the Wmo and youth care, which follow each municipality's simulated persons."""
    from transitiesim.validation import municipal_persistence

    scenario = load_shipped("netherlands").with_params(end_year=2016)
    same = municipal_persistence(scenario, scale=0.005, seeds=(1, 1)).set_index("spending")
    assert np.allclose(same.rank_correlation, 1.0) and (same.seed_noise_sd_eur == 0).all()
    two = municipal_persistence(scenario, scale=0.05, seeds=(1, 2)).set_index("spending")
    assert list(two.index) == ["wmo", "jeugd", "participatie", "total"]
    assert two.loc["participatie", "rank_correlation"] > 0.75
    total = two.loc[["wmo", "jeugd", "participatie"], "mean_eur"].sum()
    assert two.loc["total", "mean_eur"] == pytest.approx(total)


def test_the_local_labour_market_with_nobody_able_to_enter_social_assistance_stays_finite():
    """With ``job_loss_rate`` at 0 (the low end of its declared range) nobody can enter, so
    there is nothing to scale: every entry factor is a finite number and every entry chance
    0, where a division by the national mean chance of 0 once made them NaN."""
    scenario = load_shipped("netherlands").with_params(scale=0.005, job_loss_rate=0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        model = TransitionModel(scenario, seed=1)
    assert np.isfinite(model.citizens.entry_factor).all()
    assert (model.citizens.entry_month == 0).all()
