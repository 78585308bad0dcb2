"""Youth care referral routes (ODD 7.4, "Referral routes"): legal referrers the municipality
must honour, and agreements with GPs that bring their referrals under its own rules."""

from __future__ import annotations

import numpy as np
import pandas as pd

from transitiesim import load_scenario, run_seeds

COLS = ["clients_jeugd", "clients_wmo", "spending_eur_jeugd", "waiting_list"]


def national(**changes) -> pd.DataFrame:
    scenario = load_scenario("calibrated").with_params(scale=0.05, end_year=2017, **changes)
    return run_seeds(scenario, [4]).national.set_index(["year", "month"])[COLS]


def test_full_gp_agreements_are_the_same_run_as_no_legal_routes():
    # gp_agreements = 1 brings every legal referral under the municipality's rules: the
    # chance of the legal route is 0, as without referral routes; the draws are the same.
    pd.testing.assert_frame_equal(national(gp_agreements=1.0), national(referral_routes=False))


def test_routes_change_nothing_before_the_reform_and_something_after():
    on, off = national(), national(referral_routes=False)
    pd.testing.assert_frame_equal(on.loc[2014], off.loc[2014])
    assert not np.allclose(on.loc[2016].clients_jeugd, off.loc[2016].clients_jeugd)
    # The calibrated municipality's threshold is above the old one: the legal route lets in
    # more children than the municipal one would (the same persons apply in both runs).
    assert on.loc[2016].clients_jeugd.mean() > off.loc[2016].clients_jeugd.mean()
