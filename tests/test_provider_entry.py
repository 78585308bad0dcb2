"""Entry under open-house contracting (docs/odd.md 7.7, "Entry"; switch ``provider_entry``):
where it cannot act the switch changes nothing, and where it can, paired seeds show more
providers and shorter waiting lists with it than without."""

from __future__ import annotations

import pandas as pd
import pytest

from transitiesim import load_scenario
from transitiesim.model import TransitionModel
from transitiesim.run import run_seeds
from transitiesim.states import ProviderStatus, Service


def national(scale: float, end_year: int, seeds: list[int], **params) -> pd.DataFrame:
    sc = load_scenario("netherlands").with_params(end_year=end_year, **params)
    return run_seeds(sc, seeds, scale=scale).national


# (incumbent's capacity, clients, margin, persons waiting, entry open, service,
#  incumbent's capacity after, entrant's capacity or None), in persons of the municipality's
#  weight w; the incumbent's rule is ODD 7.7 "Capacity" (tests/test_capacity.py).
ENTRY_CASES = [
    # Half empty and losing money, it shrinks to 0.75 x 10 = 7.5; the 2.5 places it gives
    # up stood empty and do not count: the entrant takes the 3 waiting, not 5.5.
    (10, 5, -1, 3, True, Service.JEUGD_AMBULANT, 7.5, 3),
    # Full and paying: it grows by 15% + one person = 2.5 of the 5 waiting; 2.5 are left.
    (10, 10, 1, 5, True, Service.JEUGD_AMBULANT, 12.5, 2.5),
    # It grows into all but half a person of the 3 waiting: less than a person, no entrant.
    (10, 10, 1, 3, True, Service.WMO_HOUSEHOLD, 12.5, None),
    # Entry closed (tender, supervision, a tariff under the bid, before the reform).
    (10, 5, -1, 3, False, Service.JEUGD_AMBULANT, 7.5, None),
    # Reintegration is not contracted open house.
    (10, 5, -1, 3, True, Service.REINTEGRATION, 7.5, None),
]


@pytest.mark.parametrize("capacity, clients, margin, queue, entry, service, after, entrant",
                         ENTRY_CASES)
def test_the_entrant_takes_what_the_incumbents_did_not_grow_into(
        capacity, clients, margin, queue, entry, service, after, entrant):
    model = TransitionModel(load_scenario("default").with_params(scale=0.01, end_year=2014),
                            seed=0)
    m = model.municipality_list[0]
    w = float(model.muni_weight[m.index])
    same = [pr for pr in m.providers if pr.service is service]
    for pr in same[1:]:
        pr.status, pr.capacity = ProviderStatus.EXITED, 0.0
    pr = same[0]
    pr.status, pr.capacity, pr.clients = ProviderStatus.ACTIVE, capacity * w, clients * w
    model.prov.margins[pr.index, :] = margin
    model.prov.margin_months[pr.index] = 12
    known = len(m.providers)
    model._plan_service(m, service, queue * w, entry)
    assert pr.capacity == pytest.approx(after * w)
    new = m.providers[known:]
    if entrant is None:
        assert new == []
    else:
        assert [p.service for p in new] == [service]
        assert new[0].capacity == pytest.approx(entrant * w)


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
    do not grow into, so there are more active providers and fewer persons waiting (seeds 1
    and 2: 3,085 and 3,106 providers against 2,887 and 2,855; 31,692 and 27,024 waiting
    against 36,003 and 34,141). Before the entrant was sized on the list alone (it also got
    the places shrinking incumbents gave up) the providers were over 1.2 times as many; the
    pattern is the direction, not that size."""
    on = national(0.02, 2018, [1, 2], provider_entry=True)
    off = national(0.02, 2018, [1, 2], provider_entry=False)
    a, b = (t[t.year == 2018].groupby("seed")[["providers_active", "waiting"]].mean()
            for t in (on, off))
    assert (a.providers_active > b.providers_active).all(), (a, b)
    assert (a.waiting < b.waiting).all(), (a, b)
