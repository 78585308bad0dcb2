"""Citizens as arrays: one row per person, behaviour per person, no Python object per person.

Every rule here acts on each person separately (their own age, need, network, draws); numpy or
a compiled loop just applies it to all rows at once. A person's monthly draws are a hash of the
month's key and their row (``Citizens.start_month``), so two scenarios run with the same seed
give each person the same draws where their rules agree (common random numbers).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
from scipy.special import ndtri

from . import _kernels, data

HOUSEHOLDS_PER_PERSON = 7.7e6 / 16_968_735  # about 7.7 m households (2016)
MAX_AGE = 104
WORKING_AGE = (18, 66)
INCOME_MEDIAN_EUR = 2500.0  # assumption: monthly household income, median
INCOME_LOG_SD = 0.55  # assumption
INITIAL_WELLBEING = 0.75  # assumption: everyone's well-being at the start and at birth

# --- Demography (ODD 7.2). Counts, not assumptions: every share below is computed from them.
# Within 18-64: persons aged 20-39 and 40-64 on 1 January 2015 (CBS StatLine 37296ned).
AGED_20_40_2015, AGED_40_65_2015 = 4_134_447, 5_930_535
# The shape of the oldest groups: persons aged 65-69, 75-79, 80-84 and 80 or over (CBS
# five-year groups "on 1 January 2020", as quoted by wijzeadviezen.com; used for shape only).
AGED_65_70, AGED_75_80, AGED_80_85, AGED_80_PLUS = 1_003_778, 644_060, 449_123, 838_661
# The flows of 2015 (CBS StatLine 70072ned, Nederland, 2015): live births, deaths,
# immigration, emigration including administrative corrections; and the population on
# 1 January 2015 they act on.
BIRTHS_2015, DEATHS_2015, IMMIGRANTS_2015, EMIGRANTS_2015 = 170_510, 147_134, 204_615, 149_509
INHABITANTS_2015 = 16_900_726
# Immigrants' ages: uniform over young adulthood (assumption: most immigrants are 18-44).
IMMIGRANT_AGES = (18, 44)
# Older people living alone (ODD 5 and 7.2): 655,000 women and 260,000 men aged 65 or over
# lived alone in 2015 (CBS, household forecast 2015-2060, as NRC reported on 17 June 2016;
# data/figures.csv) of 3,025,585 persons 65 or over at the start of 2015 (Monitor Langdurige
# Zorg, November 2014, age as on 31 December). They are alone after a partner died or moved
# into a home, and seldom form a new couple (CBS: older people are left alone when their
# partner dies or moves into an institution).
OLDER_AGE = 65
ALONE_65_PLUS_2015 = (655_000 + 260_000) / 3_025_585
# Informal carers (ODD 7.4): a single adult's carer from the wider network is an adult of
# these ages; one aged CHILD_CARER_MIN_AGE or more may have an adult child as carer, an adult
# GENERATION_GAP years younger (assumption: most children are born to parents aged 20-40),
# picked per CHILD_AGE_BAND years of the parent's age.
NETWORK_CARER_AGES = (30, 75)
CHILD_CARER_MIN_AGE = 55
GENERATION_GAP = (20, 40)
CHILD_AGE_BAND = 5
# Work (ODD 7.4): who has a paid job, by age group, and for how many hours a week. Employed
# persons (any hours) over all persons per age group in 2014 (CBS StatLine 71886ned, yearly
# figures: 15-25, 25-50 and 50-65, taken for 18-24, 25-49 and 50-64; of persons 65 or over
# 7.3% worked, 44% of them under 12 hours a week: none in the model); the employed by hours a
# week in 2015, in thousands (CBS StatLine 82647NED: under 20, 20-28, 28-35, 35 or more),
# each part-time class taken at its middle and full time at FULL_TIME_HOURS (assumption; their
# mean, 30.5 hours, against CBS's 30.9).
WORK_AGE_EDGES = (18, 25, 50, 65)
EMPLOYED_2014 = (1_249 / 2_045, 4_556 / 5_517, 2_306 / 3_418)
WORK_CLASS_COUNTS_2015 = (1_647, 1_173, 1_226, 4_248)
WORK_CLASS_BOUNDS = (0, 20, 28, 35)  # hours a week where each class begins
FULL_TIME_HOURS = 40
WORK_CLASS_HOURS = tuple((a + b) / 2 for a, b in zip(WORK_CLASS_BOUNDS[:-1],
                                                     WORK_CLASS_BOUNDS[1:], strict=True)) \
    + (float(FULL_TIME_HOURS),)
# Generation: per year of age, persons 40-64 relative to persons 20-39; the 65-79 density's
# fall per year (linear, through the mid-points of 65-69 and 75-79); the mean years over 80
# (exponential: the share of 80-84 among the 80-plus).
ADULT_DENSITY_RATIO = (AGED_40_65_2015 / 25) / (AGED_20_40_2015 / 20)
# (A linear density 1 - c t over t = age - 65 has mean 1 - 5c/2 over 65-69 and 1 - 25c/2 over
# 75-79; their ratio R gives c = (1 - R) / (25/2 - 5R/2).)
_R = AGED_75_80 / AGED_65_70
OLD_SLOPE = (1 - _R) / (25 / 2 - _R * 5 / 2)
YEARS_OVER_80 = -5 / np.log(1 - AGED_80_85 / AGED_80_PLUS)


@dataclass(frozen=True)
class AgePath:
    """Observed shares under 18, 65 or over and 80 or over by year (``data/age_path.csv``);
    NaN where the source gives none."""

    years: np.ndarray  # int
    shares: np.ndarray  # (years, 3)

    @classmethod
    def shipped(cls) -> AgePath:
        t = data.load("age_path").sort_values("year")
        counts = t[["under_18", "age_65_plus", "age_80_plus"]].to_numpy(dtype=float)
        return cls(t.year.to_numpy(dtype=np.int64), counts / t.inhabitants.to_numpy()[:, None])

    def at(self, year: int) -> np.ndarray:
        """The shares in ``year``, linear between listed years; NaN outside a share's years."""
        out = np.full(3, np.nan)
        for k in range(3):
            known = ~np.isnan(self.shares[:, k])
            ys = self.years[known]
            if ys.size and ys[0] <= year <= ys[-1]:
                out[k] = np.interp(year, ys, self.shares[known, k])
        return out

    def nearest(self, year: int) -> np.ndarray:
        """The shares in the listed year nearest to ``year`` (for generation)."""
        return self.shares[int(np.argmin(np.abs(self.years - year)))]


def generation_shares(base: np.ndarray, share_80_of_65: float | np.ndarray) -> np.ndarray:
    """Rows (under 18, 18-64, 65+) to the generation groups (under 18, 18-39, 40-64, 65-79,
    80+): 18-64 split as the 2015 counts per year of age, 65+ by the 80-plus share of it
    (one value, or one per row)."""
    base = np.atleast_2d(np.asarray(base, dtype=float))
    share_80_of_65 = np.broadcast_to(np.asarray(share_80_of_65, dtype=float), base.shape[:1])
    over40 = 25 * ADULT_DENSITY_RATIO / (22 + 25 * ADULT_DENSITY_RATIO)
    adult, old = base[:, 1], base[:, 2]
    return np.column_stack([base[:, 0], adult * (1 - over40), adult * over40,
                            old * (1 - share_80_of_65), old * share_80_of_65])


def newcomer_rates() -> tuple[float, float, float]:
    """(newcomers, emigrants, minors among newcomers) a year per inhabitant, from the 2015
    flows, in a population held at its size: newcomers are births and immigrants divided by
    one plus the growth they and the deaths and emigrants make."""
    growth = (BIRTHS_2015 + IMMIGRANTS_2015 - DEATHS_2015 - EMIGRANTS_2015) / INHABITANTS_2015
    newcomers = (BIRTHS_2015 + IMMIGRANTS_2015) / INHABITANTS_2015 / (1 + growth)
    return (newcomers, EMIGRANTS_2015 / INHABITANTS_2015,
            BIRTHS_2015 / (BIRTHS_2015 + IMMIGRANTS_2015))


def leave_chances(counts: np.ndarray, death: np.ndarray, targets: np.ndarray,
                  ) -> tuple[np.ndarray, float, float]:
    """Each age's chance to leave the population this January (death, emigration, or making
    room for the growth newcomers stand for), given the persons by their new age ``counts``
    (weighted), the death chance by age and the target shares (under 18, 65+, 80+; NaN = not
    aligned). Emigration falls on ages 18-64; the population-wide room share makes the rows
    freed equal the newcomers of the 2015 flows. Alignment (ODD 7.2): the death chances over
    80 and over 65-79 are scaled, each by one factor, so that the expected shares after the
    deaths equal the targets. Returns (chance by age, the 65-79 factor, the 80+ factor)."""
    ages = np.arange(counts.size)
    total = counts.sum()
    newcomers, emigrants, _ = newcomer_rates()
    adult = (ages >= WORKING_AGE[0]) & (ages < 65)
    emig = np.where(adult, emigrants * total / max(counts[adult].sum(), 1e-12), 0.0)
    room = max(newcomers - float((counts * death).sum()) / max(total, 1e-12) - emigrants, 0.0)
    base = emig + room
    k_old = k_mid = 1.0
    over80, mid = ages >= 80, (ages >= 65) & (ages < 80)
    if not np.isnan(targets[2]):
        k_old = _scale(counts[over80], death[over80], base[over80], targets[2] * total)
    left80 = (counts[over80] * (1 - np.minimum(k_old * death[over80] + base[over80], 1))).sum()
    if not np.isnan(targets[1]):
        k_mid = _scale(counts[mid], death[mid], base[mid], targets[1] * total - left80)
    factor = np.where(over80, k_old, np.where(mid, k_mid, 1.0))
    chance = np.minimum(factor * death + base, 1.0).astype(np.float32)
    return chance, k_mid, k_old


def _scale(counts: np.ndarray, death: np.ndarray, base: np.ndarray, wanted: float) -> float:
    """The factor k >= 0 on ``death`` with sum(counts (1 - k death - base)) = ``wanted``."""
    dying = float((counts * death).sum())
    if dying <= 0:
        return 1.0
    return max(float((counts * (1 - base)).sum() - wanted) / dying, 0.0)


def name_quantiles(names: list[str]) -> np.ndarray:
    """A number in (0, 1) per name, fixed by the name alone (CRC-32): a municipality's place
    in a spread that is the same in every replication and on every machine."""
    return np.array([(zlib.crc32(n.encode("utf-8")) + 1 / 2) / 2 ** 32 for n in names])


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
    child_carer: np.ndarray  # bool: the carer is the person's adult child (kin, ODD 7.4)
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
    benefit_months: np.ndarray  # int16: months on social assistance (kept after leaving)
    state: np.ndarray  # int8 (3, N) NeedState this month
    carer_load: np.ndarray  # float32 informal care hours given this month / sustainable hours
    legal_referral: np.ndarray  # bool: on the youth care list through a legal referrer (GP, ...)
    wmo_kind: np.ndarray  # uint8 WmoKind: what the person's Wmo need calls for
    income_index: np.ndarray  # float64 per municipality: household income relative to the mean

    @property
    def size(self) -> int:
        return int(self.muni.shape[0])


def noisy_age_keys(age: np.ndarray, sd: float, rng: np.random.Generator) -> np.ndarray:
    """Sort keys on [0, 1) for pairing partners: age plus normal noise of sd ``sd`` years,
    shifted and shrunk into [0, 1) (the order is unchanged). Neighbours in this order differ
    in age by about the difference of two noises, normal with sd ``sd`` x sqrt(2)."""
    keys = sd * rng.standard_normal(age.size)
    keys += age  # float64: the age plus its noise
    if keys.size == 0:
        return keys
    low, span = keys.min(), np.ptp(keys) + 1
    keys -= low
    keys /= span
    # 53-bit: order_within_groups's keys (in place: no temporary arrays).
    np.ldexp(keys, 53, out=keys)
    np.floor(keys, out=keys)
    np.ldexp(keys, -53, out=keys)
    return keys


def couple_order(order: np.ndarray, starts: np.ndarray, couples: np.ndarray, muni: np.ndarray,
                 age: np.ndarray, sd: float, rng: np.random.Generator) -> np.ndarray:
    """Who is partnered with whom: of each municipality's adults in their shuffled ``order``
    (municipality m's at ``order[starts[m]:starts[m + 1]]``), the first ``2 x couples[m]``
    (chosen at random) are put in the order of their age plus noise (``noisy_age_keys``), so
    that ``_kernels.pair_couples`` pairs neighbours of about the same age. ``sd`` is
    ``partner_age_sd``: 3.6 years gives a third of couples 5 or more years apart, as CBS
    counts for marriages (a new ``order``; the rest unchanged)."""
    order = order.copy()
    taken = np.minimum(2 * couples, np.diff(starts))  # the first of each municipality's
    chosen = leading(starts, taken, order.size)
    sel = order[chosen]
    groups = np.repeat(np.arange(couples.size, dtype=muni.dtype), taken)  # muni[sel]
    order[chosen] = sel[_kernels.order_within_groups(groups, noisy_age_keys(age[sel], sd, rng))]
    return order


def leading(starts: np.ndarray, counts: np.ndarray, size: int) -> np.ndarray:
    """A mask over ``size`` positions grouped at ``starts`` (group m at
    ``starts[m]:starts[m + 1]``): the first ``counts[m]`` of each group (at most all)."""
    mask = np.zeros(size, dtype=bool)
    for start, end, count in zip(starts[:-1].tolist(), starts[1:].tolist(), counts.tolist(),
                                 strict=True):
        mask[start:min(start + count, end)] = True
    return mask


def generate(sim_sizes: np.ndarray, weights: np.ndarray, nbh_counts: np.ndarray,
             isolated_share: float, rng: np.random.Generator, age_shares: np.ndarray,
             share_80_of_65: float | np.ndarray,
             income_index: np.ndarray | None = None, *,
             partner_age_sd: float, child_carer_share: float = 0.0,
             older_alone: bool = False) -> Population:
    """Generate persons for municipalities with ``sim_sizes`` simulated persons each.

    Ages follow per municipality ``age_shares`` (rows: under 18, 18-64, 65+; the 80-plus
    are ``share_80_of_65`` of the 65-plus; within groups as ``generation_shares`` and
    ``_kernels.place_and_age`` say); household income is lognormal around the median times the
    municipality's ``income_index`` (1 if not given); adults are paired into couples so that
    households per person match the 2016 figure, partners of about the same age
    (``couple_order``), and with ``older_alone`` a share ``ALONE_65_PLUS_2015`` of the
    persons ``OLDER_AGE`` or over alone (``alone_counts``); each minor joins the household
    of an adult aged 25-60; informal carers are the partner, the parent, or for single
    adults (unless isolated) an adult child or another adult aged 30-75 in the same
    municipality (``network_carers``).
    """
    n = int(sim_sizes.sum())
    muni = np.repeat(np.arange(len(sim_sizes), dtype=np.int32), sim_sizes)
    w = np.repeat(weights.astype(np.float32), sim_sizes)
    nbh_offset = np.concatenate([[0], np.cumsum(nbh_counts)[:-1]]).astype(np.int64)
    # A neighbourhood, an age group from the shares of the person's municipality and an age
    # in it (the draws in this order: neighbourhood, group, age).
    shares = generation_shares(np.broadcast_to(age_shares, (len(sim_sizes), 3)),
                               share_80_of_65)
    bounds = np.concatenate([[0], np.cumsum(sim_sizes)]).astype(np.int64)
    u_nbh = rng.random(n)
    u_group = rng.random(n)
    nbh, age = _kernels.place_and_age(
        bounds=bounds, nbh_offset=nbh_offset, nbh_counts=np.asarray(nbh_counts, np.int64),
        u_nbh=u_nbh, cum_shares=np.cumsum(shares, axis=1)[:, :-1], u_group=u_group,
        u_age=rng.random(n), old_slope=OLD_SLOPE, years_over_80=YEARS_OVER_80,
        max_age=float(MAX_AGE))

    adult = age >= 18
    # Couples: shuffle adults within each municipality and pair neighbours in that order,
    # as many couples as make households per person match the figure. With ``older_alone``
    # some persons 65 or over are kept out first, as many as leave the figure's share of
    # them single once the rest are paired (the draws are made either way).
    adults = np.flatnonzero(adult)
    u_pair = rng.random(adults.size)
    n_adults = np.diff(np.searchsorted(adults, bounds))
    couples = np.clip(n_adults - np.round(HOUSEHOLDS_PER_PERSON * sim_sizes), 0, n_adults // 2)
    older = adults[age[adults] >= OLDER_AGE]
    u_alone = rng.random(older.size)
    if older_alone:
        older_starts = np.searchsorted(older, bounds)
        alone = alone_counts(n_adults, np.diff(older_starts), n_adults - 2 * couples,
                             ALONE_65_PLUS_2015)
        kept = older[_kernels.order_within_groups(muni[older], u_alone)]
        kept = kept[leading(older_starts, alone, kept.size)]
        pairable = np.ones(n, dtype=bool)
        pairable[kept] = False
    else:
        pairable = adult
    order = adults[_kernels.order_within_groups(muni[adults], u_pair)]
    order = order[pairable[order]]
    starts = np.concatenate([[0], np.cumsum(np.bincount(muni[order],  # each municipality's
                                                        minlength=len(sim_sizes)))])
    couples = np.minimum(couples, np.diff(starts) // 2)
    order = couple_order(order, starts, couples.astype(np.int64), muni, age, partner_age_sd, rng)
    partner, household = _kernels.pair_couples(order, starts, couples.astype(np.int64), n)
    has_partner = partner >= 0

    carer = np.where(has_partner, partner, -1).astype(np.int32)
    minors = np.flatnonzero(~adult)
    parent = pick_in_municipality(muni, (age >= 25) & (age <= 60), minors, rng)
    carer[minors] = parent
    household[minors[parent >= 0]] = household[parent[parent >= 0]]
    singles = np.flatnonzero(adult & ~has_partner)
    networked = singles[rng.random(singles.size) >= isolated_share]
    child_carer = np.zeros(n, dtype=bool)
    carer[networked], child_carer[networked] = network_carers(muni, age, networked,
                                                              child_carer_share, rng)
    carer[carer == np.arange(n)] = -1

    hh_income = np.exp(np.log(INCOME_MEDIAN_EUR) + INCOME_LOG_SD * rng.standard_normal(n))
    if income_index is not None:  # a municipality's income relative to the mean
        hh_income *= np.asarray(income_index, dtype=float)[muni]
    income = hh_income[household].astype(np.float32)
    base_sr = np.clip(rng.beta(5, 2, n) - 0.1 * (income < 1500), 0.05, 1).astype(np.float32)

    zeros3 = np.zeros((3, n), dtype=np.float32)
    return Population(
        muni=muni, nbh=nbh, household=household, partner=partner, carer=carer,
        child_carer=child_carer, age=age,
        income_eur=income, weight=w, self_reliance=base_sr.copy(), base_self_reliance=base_sr,
        volunteer_propensity=rng.random(n).astype(np.float32),
        wellbeing=np.full(n, INITIAL_WELLBEING, dtype=np.float32), severity=zeros3,
        provider=np.full((3, n), -1, dtype=np.int32),
        wait_months=np.full((3, n), -1, dtype=np.int16),
        on_bijstand=np.zeros(n, dtype=bool), benefit_months=np.zeros(n, dtype=np.int16),
        state=np.zeros((3, n), dtype=np.int8),
        carer_load=np.zeros(n, dtype=np.float32), legal_referral=np.zeros(n, dtype=bool),
        wmo_kind=np.zeros(n, dtype=np.uint8),
        income_index=(np.ones(len(sim_sizes)) if income_index is None
                      else np.asarray(income_index, dtype=float)),
    )


def alone_counts(adults: np.ndarray, older: np.ndarray, singles: np.ndarray,
                 share: float) -> np.ndarray:
    """Per municipality, how many of its ``older`` persons (of ``adults``) to keep single
    so that, with ``singles`` adults single in all and the others' singles falling at random
    (as shuffled adults are paired), ``share`` of the older are single: the x in [0,
    min(older, singles)] with x + (older - x) (singles - x) / (adults - x) = share x older
    (the left side rises with x; by bisection, then rounded). Where even x at its bound
    leaves fewer, the bound."""
    a, e, s = (np.asarray(v, dtype=np.float64) for v in (adults, older, singles))
    lo, hi = np.zeros_like(e), np.minimum(e, s)
    target = share * e
    for _ in range(60):
        x = (lo + hi) / 2
        rest = np.maximum(a - x, 1.0)
        below = x + (e - x) * (s - x) / rest < target
        lo, hi = np.where(below, x, lo), np.where(below, hi, x)
    return np.round((lo + hi) / 2).astype(np.int64)


def network_carers(muni: np.ndarray, age: np.ndarray, who: np.ndarray, child_share: float,
                   rng: np.random.Generator, pool: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The carers of ``who`` (sorted rows of single adults with a network; ODD 7.4) and
    whether each is the person's adult child.

    Each gets a random adult aged ``NETWORK_CARER_AGES`` of their municipality (``pool``, its
    sorted rows, if given: a friend, a neighbour, a relative elsewhere). With probability
    ``child_share``, a person aged ``CHILD_CARER_MIN_AGE`` or more has instead an adult child
    there: an adult (18 or over) of the municipality ``GENERATION_GAP`` years younger than the
    lower end of their ``CHILD_AGE_BAND``-year band to that much younger than its upper end;
    if the municipality has nobody that age, the network's pick stays. Draws, in this order
    and whatever ``child_share`` (so runs that differ in it keep the same draws after): the
    network's picks, whether each has a child, and a pick among children, one uniform per
    person each."""
    if pool is None:
        pool = _kernels.rows_in_age_range(age, *NETWORK_CARER_AGES)
    carer = pick_in_municipality(muni, pool, who, rng)
    child = (rng.random(who.size) < child_share) & (age[who] >= CHILD_CARER_MIN_AGE)
    u_child = rng.random(who.size)
    is_child = np.zeros(who.size, dtype=bool)
    k = np.flatnonzero(child)
    if k.size:
        band_lo, band_hi, first, last = child_bands(int(age.max()))
        bounds = np.searchsorted(muni, np.arange(int(muni[-1]) + 2, dtype=muni.dtype))
        kids = _kernels.pick_in_age_bands(
            age=age, bounds=bounds.astype(np.int64), who=np.asarray(who[k], dtype=np.int64),
            band=(age[who[k]] // CHILD_AGE_BAND).astype(np.int64), u=u_child[k],
            band_lo=band_lo, band_hi=band_hi, first_band=first, last_band=last)
        found = kids >= 0
        carer[k[found]] = kids[found]
        is_child[k[found]] = True
    return carer, is_child


def child_bands(max_age: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The ages of an adult child of a parent in each ``CHILD_AGE_BAND``-year band b (parents
    aged 5b to 5b + 4 for a band of 5): from ``GENERATION_GAP`` years younger than the
    band's lower end (at least 18) to that much younger than its upper end; bands from 0 to
    ``max_age``'s. Returns (lowest, highest child age per band; per age 0 to ``max_age``
    the first and last band whose children's ages include it, last < first where none)."""
    young, old = GENERATION_GAP
    b = np.arange(max_age // CHILD_AGE_BAND + 1, dtype=np.int64)
    lo = np.maximum(b * CHILD_AGE_BAND - old, 18)
    hi = (b + 1) * CHILD_AGE_BAND - 1 - young
    ages = np.arange(max_age + 1)
    inside = (lo[None, :] <= ages[:, None]) & (ages[:, None] <= hi[None, :])
    first = np.where(inside.any(axis=1), inside.argmax(axis=1), 0).astype(np.int64)
    last = np.where(inside.any(axis=1), b.size - 1 - inside[:, ::-1].argmax(axis=1),
                    -1).astype(np.int64)
    return lo, hi, first, last


def pick_in_municipality(muni: np.ndarray, eligible: np.ndarray, who: np.ndarray,
                         rng: np.random.Generator | None, u: np.ndarray | None = None
                         ) -> np.ndarray:
    """For each person in ``who``, a random eligible person of the same municipality (-1 if none).

    ``eligible`` is a mask over persons or the sorted rows of the eligible persons. ``muni``
    must be sorted (persons are stored municipality by municipality). The picks use ``u``
    (one uniform per person) if given, else draws from ``rng``.
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
    if u is None:
        assert rng is not None
        u = rng.random(who.size)
    pick = starts[m] + (u * np.maximum(k, 1)).astype(np.int64)
    out = np.where(k > 0, pool[np.minimum(pick, max(pool.size - 1, 0))] if pool.size else -1, -1)
    return out.astype(np.int32)


def work_hours(u: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Hours a week of a paid job for persons with draw ``u`` (uniform, fixed per person) and
    age ``age`` (0: none): a job while u is below the employment share of their age group
    (``EMPLOYED_2014``), in the hours class where u / that share falls on the classes'
    cumulative shares (``WORK_CLASS_COUNTS_2015``). The numpy statement of what
    ``_kernels.work_hours`` computes from a person's hashed draw."""
    u, age = np.asarray(u, dtype=np.float32), np.asarray(age)
    group = np.searchsorted(np.asarray(WORK_AGE_EDGES), age, side="right") - 1
    inside = (group >= 0) & (group < len(EMPLOYED_2014))
    share = np.asarray(EMPLOYED_2014, dtype=np.float32)[np.clip(group, 0, len(EMPLOYED_2014) - 1)]
    employed = inside & (u < share)
    cls = np.searchsorted(work_class_cumulative(), u / share, side="right")
    hours = np.asarray(WORK_CLASS_HOURS, dtype=np.float32)[np.minimum(cls, 3)]
    return np.where(employed, hours, np.float32(0.0)).astype(np.float32)


def work_class_cumulative() -> np.ndarray:
    """The hours classes' cumulative shares of the employed (float32, the last 1)."""
    counts = np.asarray(WORK_CLASS_COUNTS_2015, dtype=np.float64)
    cum = (np.cumsum(counts) / counts.sum()).astype(np.float32)
    cum[-1] = 1.0
    return cum


def monthly_probability(yearly: np.ndarray | float) -> np.ndarray | float:
    """Convert a yearly probability into the monthly one with the same yearly total."""
    cap = 0.999
    if isinstance(yearly, float):  # a parameter each month: np.clip costs more than the rest
        return 1.0 - np.power(1.0 - min(max(yearly, 0.0), cap), 1.0 / 12.0)
    return 1.0 - np.power(1.0 - np.clip(yearly, 0.0, cap), 1.0 / 12.0)
