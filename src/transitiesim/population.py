"""Citizens as arrays: one row per person, behaviour per person, no Python object per person.

Every rule here acts on each person separately (their own age, need, network, draws); numpy or
a compiled loop just applies it to all rows at once. A person's monthly draws are a hash of the
month's key and their row (``Citizens.start_month``), so two scenarios run with the same seed
give each person the same draws where their rules agree (common random numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtri

from . import _kernels

# 2015 age structure (Monitor Langdurige Zorg, Nov 2015): under 18, 18-64, 65+.
AGE_SHARES = np.array([3_392_800, 16_968_735 - 3_392_800 - 3_101_735, 3_101_735]) / 16_968_735
HOUSEHOLDS_PER_PERSON = 7.7e6 / 16_968_735  # about 7.7 m households (2016)
MEAN_YEARS_OVER_65 = 11.0  # assumption: shape of the 65+ age pyramid
MAX_AGE = 104
WORKING_AGE = (18, 66)
INCOME_MEDIAN_EUR = 2500.0  # assumption: monthly household income, median
INCOME_LOG_SD = 0.55  # assumption
INITIAL_WELLBEING = 0.75  # assumption: everyone's well-being at the start and at birth




def municipality_sizes(inhabitants: int, count: int, log_sd: float) -> np.ndarray:
    """Sizes of ``count`` municipalities summing to ``inhabitants``.

    Deterministic lognormal quantiles (no random draws), largest first, so a scenario's
    municipalities are the same for every seed.
    """
    if count == 1:
        return np.array([inhabitants], dtype=np.int64)
    q = (np.arange(count) + 0.5) / count
    raw = np.exp(log_sd * ndtri(q))[::-1]
    sizes = np.maximum(1, np.round(raw / raw.sum() * inhabitants)).astype(np.int64)
    sizes[0] += inhabitants - sizes.sum()
    return sizes


@dataclass
class Population:
    """Per-person state. Index ``i`` is one simulated person standing for ``weight[i]`` people."""

    muni: np.ndarray  # int32 municipality index
    nbh: np.ndarray  # int32 neighbourhood index (global)
    household: np.ndarray  # int32 household id
    partner: np.ndarray  # int32 person index or -1
    carer: np.ndarray  # int32 person index of the informal carer, -1 if none
    age: np.ndarray  # int16 years
    income_eur: np.ndarray  # float32 household income per month
    weight: np.ndarray  # float32 people this row stands for
    self_reliance: np.ndarray  # float32 0-1 (zelfredzaamheid)
    base_self_reliance: np.ndarray  # float32 0-1, what self-reliance returns to
    volunteer_propensity: np.ndarray  # float32 uniform 0-1, fixed per person
    wellbeing: np.ndarray  # float32 0-1
    severity: np.ndarray  # float32 (3, N): need severity per domain, 0 = no need
    provider: np.ndarray  # int32 (3, N): serving provider per domain, -1 = none
    wait_months: np.ndarray  # int16 (3, N): months on the waiting list, -1 = not waiting
    on_bijstand: np.ndarray  # bool
    state: np.ndarray  # int8 (3, N) NeedState this month
    carer_load: np.ndarray  # float32 informal care hours given this month / sustainable hours

    @property
    def size(self) -> int:
        return int(self.muni.shape[0])


def generate(sim_sizes: np.ndarray, weights: np.ndarray, nbh_counts: np.ndarray,
             isolated_share: float, rng: np.random.Generator,
             age_shares: np.ndarray | None = None) -> Population:
    """Generate persons for municipalities with ``sim_sizes`` simulated persons each.

    Ages follow the 2015 national structure, or per municipality ``age_shares`` (rows: under
    18, 18-64, 65+); adults are paired into couples so that households per person
    match the 2016 figure; each minor joins the household of an adult aged 25-60; informal
    carers are the partner, the parent, or for single adults (unless isolated) another adult
    aged 30-75 in the same municipality.
    """
    n = int(sim_sizes.sum())
    muni = np.repeat(np.arange(len(sim_sizes), dtype=np.int32), sim_sizes)
    w = np.repeat(weights.astype(np.float32), sim_sizes)
    nbh_offset = np.concatenate([[0], np.cumsum(nbh_counts)[:-1]]).astype(np.int64)
    # A neighbourhood, an age group from the shares (under 18, 18-64, 65+) of the person's
    # municipality and an age in it (the draws in this order: neighbourhood, group, age).
    shares = (np.tile(AGE_SHARES, (len(sim_sizes), 1)) if age_shares is None
              else np.asarray(age_shares, dtype=float))
    bounds = np.concatenate([[0], np.cumsum(sim_sizes)]).astype(np.int64)
    u_nbh = rng.random(n)
    u_group = rng.random(n)
    nbh, age = _kernels.place_and_age(
        bounds=bounds, nbh_offset=nbh_offset, nbh_counts=np.asarray(nbh_counts, np.int64),
        u_nbh=u_nbh, cum_shares=np.cumsum(shares, axis=1), u_group=u_group, u_age=rng.random(n),
        years_over_65=MEAN_YEARS_OVER_65, max_age=float(MAX_AGE))

    adult = age >= 18
    # Couples: shuffle adults within each municipality and pair neighbours in that order,
    # as many couples as make households per person match the figure.
    adults = np.flatnonzero(adult)
    order = adults[_kernels.order_within_groups(muni[adults], rng.random(adults.size))]
    starts = np.searchsorted(adults, bounds)  # each municipality's adults in ``order``
    n_adults = np.diff(starts)
    couples = np.clip(n_adults - np.round(HOUSEHOLDS_PER_PERSON * sim_sizes), 0, n_adults // 2)
    partner, household = _kernels.pair_couples(order, starts, couples.astype(np.int64), n)
    has_partner = partner >= 0

    carer = np.where(has_partner, partner, -1).astype(np.int32)
    minors = np.flatnonzero(~adult)
    parent = pick_in_municipality(muni, (age >= 25) & (age <= 60), minors, rng)
    carer[minors] = parent
    household[minors[parent >= 0]] = household[parent[parent >= 0]]
    singles = np.flatnonzero(adult & ~has_partner)
    networked = singles[rng.random(singles.size) >= isolated_share]
    carer[networked] = pick_in_municipality(muni, (age >= 30) & (age <= 75), networked, rng)
    carer[carer == np.arange(n)] = -1

    hh_income = np.exp(np.log(INCOME_MEDIAN_EUR) + INCOME_LOG_SD * rng.standard_normal(n))
    income = hh_income[household].astype(np.float32)
    base_sr = np.clip(rng.beta(5, 2, n) - 0.1 * (income < 1500), 0.05, 1).astype(np.float32)

    zeros3 = np.zeros((3, n), dtype=np.float32)
    return Population(
        muni=muni, nbh=nbh, household=household, partner=partner, carer=carer, age=age,
        income_eur=income, weight=w, self_reliance=base_sr.copy(), base_self_reliance=base_sr,
        volunteer_propensity=rng.random(n).astype(np.float32),
        wellbeing=np.full(n, INITIAL_WELLBEING, dtype=np.float32), severity=zeros3,
        provider=np.full((3, n), -1, dtype=np.int32),
        wait_months=np.full((3, n), -1, dtype=np.int16),
        on_bijstand=np.zeros(n, dtype=bool), state=np.zeros((3, n), dtype=np.int8),
        carer_load=np.zeros(n, dtype=np.float32),
    )


def pick_in_municipality(muni: np.ndarray, eligible: np.ndarray, who: np.ndarray,
                         rng: np.random.Generator) -> np.ndarray:
    """For each person in ``who``, a random eligible person of the same municipality (-1 if none).

    ``eligible`` is a mask over persons or the sorted rows of the eligible persons. ``muni``
    must be sorted (persons are stored municipality by municipality).
    """
    pool = np.flatnonzero(eligible) if eligible.dtype == bool else eligible
    m_count = int(muni[-1]) + 1 if muni.size else 0  # sorted: the last is the largest
    # Rows are sorted by municipality, and so is the pool: count it off the row bounds. The
    # keys take the arrays' own types (else numpy would convert the whole array to search it).
    bounds = np.searchsorted(muni, np.arange(m_count + 1, dtype=muni.dtype))
    counts = np.diff(np.searchsorted(pool, bounds.astype(pool.dtype)))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    m = muni[who]
    k = counts[m]
    pick = starts[m] + (rng.random(who.size) * np.maximum(k, 1)).astype(np.int64)
    out = np.where(k > 0, pool[np.minimum(pick, max(pool.size - 1, 0))] if pool.size else -1, -1)
    return out.astype(np.int32)


def monthly_probability(yearly: np.ndarray | float) -> np.ndarray | float:
    """Convert a yearly probability into the monthly one with the same yearly total."""
    return 1.0 - np.power(1.0 - np.clip(yearly, 0.0, 0.999), 1.0 / 12.0)
