"""Volunteering as behaviour and citizen initiatives with a life cycle (ODD 7.9): patterns on
the model, each with its mechanism switched on and off, on paired seeds."""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario
from transitiesim.params import INITIATIVE_POOL_SHARE

SCEN = load_scenario("calibrated").with_params(end_year=2022, scale=0.25)
SEEDS = (1, 2, 3)


def model_at(year: int, seed: int, **params) -> TransitionModel:
    """A model stepped through December of ``year - 1``."""
    model = TransitionModel(SCEN.with_params(**params) if params else SCEN, seed=seed)
    step_to(model, year - 1)
    return model


def step_to(model: TransitionModel, year: int) -> None:
    """Step through December of ``year``."""
    while (model.year, model.month) < (year, 12):
        model.step()


def share(model: TransitionModel, rows: np.ndarray) -> float:
    """The weighted share of volunteers among the persons in the mask ``rows``."""
    w = model.pop.weight
    return float(w[rows & model.citizens.volunteer].sum() / w[rows].sum())


def test_the_start_matches_cbs_and_health_lowers_volunteering_with_age():
    """At the start (after the burn-in) 49% of people 15+ volunteer, as CBS counts; nothing
    in the rules looks at age above 15, yet the 75-plus volunteer less than the 15-64s and
    the persons with a Wmo need less than the others, because a need lowers the chance to
    start and to go on."""
    for seed in SEEDS:
        model = TransitionModel(SCEN, seed=seed)
        age, sev = model.pop.age, model.pop.severity[0]
        assert share(model, age >= 15) == pytest.approx(0.49, abs=0.01)  # 3 sd of sampling
        assert share(model, age >= 75) < share(model, (age >= 15) & (age < 65)) - 0.1
        assert share(model, (age >= 15) & (sev > 0)) < share(model, (age >= 15) & (sev == 0))
        assert not model.citizens.volunteer[age < 15].any()


@pytest.mark.parametrize("turnover", [True, False])
def test_more_citizen_power_raises_volunteering_at_once_only_without_a_past(turnover):
    """Citizen power is willingness, not a level: with turnover (people start and stop each
    January) more of it raises the share year by year: doubling the chance to start (a
    healthy person's 0.23 to 0.46, stopping 0.2) leaves 1 - (0.46 + 0.2) = 34% of the gap to
    the new level each year, so about two thirds of the rise come in the first January and
    the rest over the next ones; with the switch off the share jumps to its new level at once."""
    for seed in SEEDS[:2]:
        base = model_at(2017, seed, volunteer_turnover=turnover)
        more = model_at(2017, seed, volunteer_turnover=turnover)
        more.set_levers({"citizen_power": 1.0})
        adults = base.pop.age >= 15
        jump = share(more, adults) - share(base, adults)
        rise = []
        for year in (2017, 2018, 2019, 2020):
            step_to(base, year)
            step_to(more, year)
            rise.append(share(more, more.pop.age >= 15) - share(base, base.pop.age >= 15))
        if turnover:
            assert jump == 0.0  # people decide in January
            assert 0.03 < rise[0] < rise[1] < rise[3]  # and the share climbs for years
            assert 0.5 * rise[3] < rise[0] < 0.85 * rise[3]
        else:
            assert jump > 0.1  # the fixed propensities meet a higher chance at once
            assert abs(rise[3] - rise[0]) < 0.3 * jump  # and there it stays


def test_being_asked_by_an_initiative_raises_volunteering_in_its_neighbourhood():
    """Where an initiative recruits, more people start: after three Januaries the share in
    those neighbourhoods exceeds the rest by more than with `volunteer_ask_effect` 0 (paired
    seeds, the same wave of initiatives)."""
    gaps = {}
    for ask in (1.0, 0.0):
        gap = []
        for seed in SEEDS:
            model = model_at(2016, seed, volunteer_ask_effect=ask)
            model.start_initiatives(0.5)
            step_to(model, 2018)
            recruiting = model.recruiting_neighbourhoods()[model.pop.nbh] > 0
            adults = model.pop.age >= 15
            gap.append(share(model, adults & recruiting) - share(model, adults & ~recruiting))
        gaps[ask] = float(np.mean(gap))
    assert gaps[1.0] > gaps[0.0] + 0.05
    assert abs(gaps[0.0]) < 0.02  # without the effect the neighbourhoods are alike


def members(model: TransitionModel) -> float:
    return float(sum(ini.members for ini in model.initiatives))


def test_initiatives_survive_with_room_and_fade_when_support_is_withdrawn():
    """A wave of initiatives at steady support grows toward the pool its neighbourhoods
    offer and survives; withdrawing all support two years on discourages the members, so
    fewer stay, the more so the stronger discouragement acts (`initiative_discouragement` 0
    leaves only the smaller room to recruit)."""
    result = {}
    for label, disc, withdraw in (("steady", 1.0, False), ("withdrawn", 1.0, True),
                                  ("withdrawn, no discouragement", 0.0, True)):
        kept, size = [], []
        for seed in SEEDS:
            model = model_at(2016, seed, initiative_support_eur_per_capita=4.0,
                             initiative_discouragement=disc, review_squeeze=False)
            model.start_initiatives(0.5)
            wave = {ini.unique_id for ini in model.initiatives}
            step_to(model, 2017)
            if withdraw:
                model.set_levers({"initiative_support_eur_per_capita": 0.0})
            step_to(model, 2021)
            alive = [ini for ini in model.initiatives if ini.unique_id in wave]
            kept.append(len(alive) / len(wave))
            size.append(members(model))
        result[label] = (float(np.mean(kept)), float(np.mean(size)))
    steady, withdrawn, calm = (result[k] for k in ("steady", "withdrawn",
                                                   "withdrawn, no discouragement"))
    assert steady[0] > 0.9  # with room the wave survives
    assert withdrawn[1] < 0.8 * steady[1]
    assert calm[1] > withdrawn[1]


def test_an_initiative_grows_toward_its_pool_by_hand():
    """One month of ``evolve`` by hand: with full support (room 1), no discouragement and 1,000
    volunteers in the neighbourhood the pool is 50; 10 members recruit 0.05 x (50 - 10) = 2 and
    lose 10 x the monthly quit chance."""
    model = model_at(2015, 1, initiative_support_eur_per_capita=4.0)
    model.start_initiatives(1.0)
    ini = next(iter(model.initiatives))
    model.citizens.volunteers_by_nbh[ini.neighbourhood] = 1000.0
    ini.members, ini.discouragement = 10.0, 0.0
    ini.municipality.squeeze = 0.0
    ini.evolve()
    monthly_quit = 1 - (1 - 0.2) ** (1 / 12)
    pool = INITIATIVE_POOL_SHARE * 1000.0
    assert ini.members == pytest.approx(10 + 0.05 * (pool - 10) - 10 * monthly_quit, rel=1e-12)
    # Below three members it ends, and leaves the model.
    ini.members = 3.05
    model.citizens.volunteers_by_nbh[ini.neighbourhood] = 0.0
    ini.evolve()
    assert ini not in set(model.initiatives)


def test_more_volunteers_form_more_initiatives():
    """Formation needs engaged citizens: the chance is per 1,000 volunteers, so more citizen
    power (more volunteers, after some Januaries) forms more initiatives nationally, and none
    form where nobody volunteers (`volunteering_rate` 0)."""
    scen = load_scenario("netherlands").with_params(scale=0.005, end_year=2020)
    counts = {}
    for label, params in (("low", {"citizen_power": 0.3}), ("high", {"citizen_power": 0.9}),
                          ("none", {"volunteering_rate": 0.0})):
        formed = []
        for seed in SEEDS[:2]:
            model = TransitionModel(scen.with_params(**params), seed=seed)
            step_to(model, 2020)
            formed.append(model.datacollector.model_vars["citizen_initiatives"][-1][-1])
        counts[label] = float(np.mean(formed))
    assert counts["none"] == 0
    assert counts["high"] > 1.3 * counts["low"] > 0
