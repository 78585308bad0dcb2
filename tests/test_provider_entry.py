"""Entry under open-house contracting (docs/odd.md 7.7, "Entry"; switch ``provider_entry``):
where it cannot act the switch changes nothing, and where it can, paired seeds show more
providers and shorter waiting lists with it than without."""

from __future__ import annotations

import pandas as pd
import pytest

from transitiesim import load_scenario
from transitiesim.run import run_seeds


def national(scale: float, end_year: int, seeds: list[int], **params) -> pd.DataFrame:
    sc = load_scenario("netherlands").with_params(end_year=end_year, **params)
    return run_seeds(sc, seeds, scale=scale).national


@pytest.mark.parametrize("where", [{"contracting": "tender"}, {"decentralisation": False}])
def test_no_entrant_under_tendering_nor_in_the_old_system(where):
    # Under a tender the contracted providers are chosen at the tender; without the reform the
    # old system's providers only follow their lists: the switch must not change one number.
    on = national(0.01, 2017, [1], provider_entry=True, **where)
    off = national(0.01, 2017, [1], provider_entry=False, **where)
    pd.testing.assert_frame_equal(on, off)


def test_nothing_enters_before_the_first_december_after_the_reform():
    on = national(0.01, 2015, [1], provider_entry=True)
    off = national(0.01, 2015, [1], provider_entry=False)
    before = on.date < "2015-12"
    pd.testing.assert_frame_equal(on[before], off[before])


@pytest.mark.slow
def test_under_open_house_entrants_raise_the_providers_and_shorten_the_lists():
    """Netherlands at scale 0.02, 2018, each of two seeds: entrants take up what incumbents
    do not grow into, so there are more active providers and fewer persons waiting."""
    on = national(0.02, 2018, [1, 2], provider_entry=True)
    off = national(0.02, 2018, [1, 2], provider_entry=False)
    a, b = (t[t.year == 2018].groupby("seed")[["providers_active", "waiting"]].mean()
            for t in (on, off))
    assert (a.providers_active > 1.2 * b.providers_active).all(), (a, b)
    assert (a.waiting < b.waiting).all(), (a, b)
