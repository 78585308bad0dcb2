"""The autonomous growth of the call on youth care (ODD 7.3, ``youth_demand_trend``): the
chance that a minor comes to need youth care grows a share a year from 2015's, apart from
policy and demography (SCP 2013)."""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario, run_seeds


def test_a_minors_onset_chance_is_2015s_grown_by_the_trend():
    # January 2018: onset_jeugd x 1.022^3 a year, a twelfth of it a month, for every minor.
    model = TransitionModel(load_scenario("calibrated").with_params(scale=0.05), seed=1)
    while (model.year, model.month) < (2018, 1):
        model.step()
    c, p = model.citizens, model.p
    assert c.year == 2018
    yearly = p["onset_jeugd"] * 1.022 ** 3
    assert c.youth_onset() == pytest.approx(yearly, rel=1e-12)
    minors = np.flatnonzero(c.minor)
    assert minors.size > 100
    np.testing.assert_allclose(c.onset_month[minors], np.float32(yearly) / np.float32(12),
                               rtol=1e-6)


def test_without_the_trend_the_chance_stays_at_2015s():
    model = TransitionModel(load_scenario("calibrated").with_params(
        scale=0.05, youth_demand_trend=0.0), seed=1)
    while (model.year, model.month) < (2020, 1):
        model.step()
    assert model.citizens.youth_onset() == model.p["onset_jeugd"]


def test_the_trend_raises_youth_care_use_more_the_longer_it_runs():
    # Under the old system (no budget that binds a municipality), where nothing rations
    # the extra demand; after the reform a municipality under pressure can partly ration it
    # (stricter access, re-assessment: ODD 7.8).
    def clients(trend: float):
        s = load_scenario("no-decentralisation").with_params(scale=0.25,
                                                             youth_demand_trend=trend)
        nat = run_seeds(s, [1, 2, 3]).national
        return nat.groupby(["seed", "year"]).clients_jeugd.mean()

    with_, without = clients(0.022), clients(0.0)
    ratio = with_ / without
    for seed in (1, 2, 3):
        # Lower chances before 2015, higher after: fewer clients at first, more later,
        # and the gap widens year on year (about 2% a year in the chance).
        assert ratio[seed, 2014] < 1.0 < ratio[seed, 2025]
        assert ratio[seed, 2025] > ratio[seed, 2020] > ratio[seed, 2016]
