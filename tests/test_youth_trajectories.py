"""Youth care as a trajectory (ODD 7.3, "Youth care as a trajectory") and youth care counted
over the year as CBS counts it (ODD, Indicators; ``model.YouthYear``)."""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import load_scenario, run_seeds
from transitiesim.model import TransitionModel
from transitiesim.states import Domain, NeedState

J = Domain.JEUGD


def test_a_youth_need_resolves_factor_times_as_fast_as_a_wmo_need():
    m = TransitionModel(load_scenario("default").with_params(
        scale=0.002, recovery_rate=0.03, youth_recovery_factor=4.0), seed=1)
    assert m.citizens.recovery_rate(Domain.WMO) == pytest.approx(0.03)
    assert m.citizens.recovery_rate(J) == pytest.approx(0.12)


def in_care(m: TransitionModel) -> np.ndarray:
    """The rows in youth care this month, as ``youth_care_users`` counts them."""
    need = m.citizens.in_need[J]
    team = need[m.pop.state[J][need] == int(NeedState.INITIATIVE)]
    return np.union1d(m.clients_of(J), team)


def test_the_year_counts_each_young_person_once_and_the_spells_by_hand():
    """Month by month the rows in youth care, recounted by hand: a year's users are the
    distinct rows in care in that year (per municipality; residential and team help as
    subsets), and a spell ends in the first month out of care, or in January when its row
    is renewed, after running since its first month in care."""
    m = TransitionModel(load_scenario("default").with_params(scale=0.02), seed=3)
    renewed: list[np.ndarray] = []
    renew = m.citizens.age_and_renew

    def capture(*args, **kwargs):
        rows = renew(*args, **kwargs)
        renewed.append(rows)
        return rows

    m.citizens.age_and_renew = capture
    n_muni = len(m.municipality_list)
    # The burn-in years have run in the constructor: the spells running now carry on.
    since = {int(r): int(m.youth_year.since[r]) for r in m.youth_year.in_care}
    assert since and m.month == 12  # the first step below is a January
    seen: set[int] = set()
    year, checked = m.year, 0
    for _ in range(40):
        renewed.clear()
        m.step()
        if m.year != year:
            seen, year = set(), m.year
        rows = in_care(m)
        now = set(rows.tolist())
        left = set(np.concatenate(renewed).tolist()) if renewed else set()
        ended = short = 0
        for r in list(since):
            if r in left or r not in now:
                months = m.steps - since.pop(r)
                ended, short = ended + 1, short + (months < 6)
        for r in rows.tolist():
            since.setdefault(r, m.steps)
        seen |= now
        want = np.bincount(m.pop.muni[sorted(seen)], minlength=n_muni)
        np.testing.assert_array_equal(m.youth_year.counts[0], want)
        assert (m.youth_year.counts[1] <= want).all() and (m.youth_year.counts[2] <= want).all()
        assert m.youth_year.ended.sum() == ended
        assert m.youth_year.ended_short.sum() == short
        checked += ended
    assert checked > 20  # spells did end


@pytest.mark.slow
def test_youth_care_turns_over_as_a_trajectory():
    """Pattern (calibrated, scale 0.25, seeds 1-3, 2016). With youth needs resolving
    ``youth_recovery_factor`` times as fast as Wmo needs, about half the spells of youth
    care that end have lasted less than half a year (CBS: most trajectories, first half of
    2016; measured 0.47-0.49) and the young people with youth care during the year are about
    twice those in a month (2.18-2.22); with the factor at 1 (a youth need as lasting as an
    older person's), the spells last years: 0.15-0.22 end within half a year, and a year's
    users are a third more than a month's (1.30-1.32). In every seed."""
    base = load_scenario("calibrated").with_params(scale=0.25, end_year=2016)
    for factor, short_range, ratio_range in ((None, (0.38, 0.65), (1.7, 3.0)),
                                             (1.0, (0.0, 0.25), (1.0, 1.45))):
        scenario = base if factor is None else base.with_params(youth_recovery_factor=factor)
        y = run_seeds(scenario, [1, 2, 3]).yearly()
        y = y[y.year == 2016].set_index("seed")
        short = y.youth_spells_ended_short / y.youth_spells_ended
        ratio = y.youth_care_users_year / y.youth_care_users
        assert short.between(*short_range).all(), (factor, short.round(3).to_dict())
        assert ratio.between(*ratio_range).all(), (factor, ratio.round(3).to_dict())
