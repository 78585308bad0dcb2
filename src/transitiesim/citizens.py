"""The citizens' submodels, applied to every person at once (see docs/odd.md, section 7).

``Citizens`` owns the person arrays and the random streams they draw from. Municipality-level
inputs (access threshold, prevention effect, own contribution, ...) come in as arrays with one
entry per municipality and are looked up per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from . import _kernels
from .params import (
    ASSISTANCE_NORM_COUPLE_EUR,
    ASSISTANCE_NORM_SINGLE_EUR,
    NETWORK_HOUSEHOLD_ONLY,
    SCP_INTENSIVE_HOURS_PER_MONTH,
    SCP_LONG_MONTHS,
    UNEMPLOYMENT_2015,
    YOUTH_TREND_BASE_YEAR,
    citizen_power_factor,
)
from .population import (
    EMPLOYED_2014,
    FULL_TIME_HOURS,
    IMMIGRANT_AGES,
    INCOME_LOG_SD,
    INCOME_MEDIAN_EUR,
    INITIAL_WELLBEING,
    MAX_AGE,
    NETWORK_CARER_AGES,
    OLDER_AGE,
    WORK_AGE_EDGES,
    WORK_CLASS_HOURS,
    WORKING_AGE,
    AgePath,
    Population,
    couple_order,
    leading,
    leave_chances,
    network_carers,
    newcomer_rates,
    pick_in_municipality,
    work_class_cumulative,
)
from .states import Domain, NeedState, WmoKind

# The social assistance norms a month, alone and as a couple (the kernels' ``norms``).
ASSISTANCE_NORMS = np.array([ASSISTANCE_NORM_SINGLE_EUR, ASSISTANCE_NORM_COUPLE_EUR])

WMO, JEUGD, PART = Domain.WMO, Domain.JEUGD, Domain.PARTICIPATIE
# needs: onset and jobs, one hash; kind: what a new Wmo need calls for (drawn last, so the
# others keep their keys).
MONTHLY_DRAWS = ("needs", "recovery", "apply", "queue", "kind")
# ``onset_wmo`` is declared as the yearly chance at this age (part of its unit).
ONSET_WMO_AGE = 80


@dataclass
class MunicipalInputs:
    """Per-municipality inputs to the citizens' rules this month (arrays of length M)."""

    threshold: np.ndarray  # access threshold (severity)
    network_first: np.ndarray  # bool: informal network counted before formal support
    prevention: np.ndarray  # fall in onset from prevention (0-1)
    own_contribution_eur: float  # the lowest Wmo own contribution (or the flat rate)
    contribution_share: float  # share of income above the threshold on top (0: flat)
    unemployment: float  # this year's rate: exits to work
    entry_unemployment: float  # the rate entry follows (lagged: WW first)
    # Youth care: the chance an application comes through a legal referrer (0 without
    # referral routes) and the old system's threshold such a referral is judged by.
    legal_share: np.ndarray
    threshold_before: float
    # Factor (at least 1) on the chance to apply: needs the neighbourhood teams find.
    outreach: np.ndarray
    # Hours of light youth care the neighbourhood teams give themselves this month.
    team_help_hours: np.ndarray


class NationalMeans(NamedTuple):
    """What a municipality is measured against: the mean chances per inhabitant of a new Wmo
    need, a new youth need and entering social assistance (``Citizens.need_index``), and the
    income rule's mean entry chance with the observed share of recipients
    (``Citizens.set_local_assistance``)."""

    rates: tuple[float, float, float]
    entry: tuple[float, float]


def work_rule(key: np.uint64, factor: float, burden_only: bool) -> tuple:
    """What the kernels take of paid work (``_kernels.informal_care``, ``work_hours``): the
    run's key, the employment shares by age group and the hours classes (population), the
    share of what they can sustain a carer in full-time work keeps (``carer_work_factor``; a
    job of h hours a week takes h / ``FULL_TIME_HOURS`` of the rest), and whether the job
    weighs only on what they can sustain, not on what they give (``carer_work_burden``)."""
    return (np.uint64(key), np.asarray(WORK_AGE_EDGES, dtype=np.int64),
            np.asarray(EMPLOYED_2014, dtype=np.float32), work_class_cumulative(),
            np.asarray(WORK_CLASS_HOURS, dtype=np.float32), np.float32(factor),
            np.float32(FULL_TIME_HOURS), bool(burden_only))


class Citizens:
    def __init__(self, pop: Population, params, streams: dict[str, np.random.Generator],
                 n_nbh: int):
        self.pop = pop
        self.n_nbh = n_nbh
        self.p = params
        self.streams = streams
        self.n = pop.size
        self.exited = np.zeros(0, dtype=np.int64)  # left social assistance for work, this month
        # Persons are stored municipality by municipality: rows muni_bounds[m]:muni_bounds[m+1].
        self.muni_bounds = np.concatenate([[0], np.cumsum(np.bincount(pop.muni))])
        # Each municipality's share of adults with a partner at the start (of adults under
        # 65 with ``older_alone``, as older people form no new couples): what the new
        # couples of each January hold it at (form_couples).
        self.couple_below = OLDER_AGE if params["older_alone"] else MAX_AGE + 1
        adults, partnered = _kernels.adults_and_partnered(pop.age, pop.partner,
                                                          self.muni_bounds, self.couple_below)
        self.couple_share = partnered / np.maximum(adults, 1)
        # Yearly death chance by age (Gompertz), and this January's chance to leave by age
        # (death, emigration, room for growth; aligned: population.leave_chances).
        a, b = params["mortality_gompertz_intercept"], params["mortality_gompertz_slope"]
        self.death_chance = np.exp(a + b * np.arange(MAX_AGE + 2, dtype=np.float64))
        self.leave_chance = self.death_chance.astype(np.float32)
        # The observed age path the shares follow (its changes since the start year), and
        # the shares this population started with (under 18, 65+, 80+, weighted).
        self.age_path = AgePath.shipped() if params["age_path"] == "cbs" else None
        self.hold_shares = params["age_path"] == "fixed"  # the start year's, every year
        self.initial_shares = self.age_shares()
        self.alignment = (1.0, 1.0)  # last January's death-chance factors: 65-79, 80+
        empty = np.zeros(0, dtype=np.int64)
        self.in_need = [empty, empty]
        self.team_wmo = empty  # adults the teams helped this month (team_help)
        self.new_needs = [empty, empty]  # this month's onsets per domain
        # Per domain, between escalation and this month's look: (last month's needs still
        # open, those among them no provider serves).
        self.still_open = [(empty, empty), (empty, empty)]
        self.look_up_needs()
        self.recipients = empty  # social assistance recipients at the last look
        self.carers = empty  # persons who gave informal care at the last look (sorted)
        self.overburdened = empty  # carers among them over what they can sustain long enough
        # Each person's informal care given: hours this month, and their spell of caring (the
        # month it began, the last month they gave) and of overload within it (-1: none);
        # months counted by ``month_index`` (seek_support).
        self.month_index = 0
        self.care_given = np.zeros(self.n, dtype=np.float32)
        self.care_start = np.full(self.n, -1, dtype=np.int32)
        self.over_start = np.full(self.n, -1, dtype=np.int32)
        self.last_care = np.full(self.n, -2, dtype=np.int32)
        # Carer support (choose_supported): who has it this month (sorted) and, per person,
        # the share more they can sustain (0 without it).
        self.supported = empty
        self.relief = np.zeros(self.n, dtype=np.float32)
        self.knows_support = np.zeros(self.n, dtype=bool)
        self.learn_of_support(np.arange(self.n))
        # For each carer in ``carers``: 1 long-term, + 2 intensive (SCP; the kernel's kinds).
        self.carer_kinds = np.zeros(0, dtype=np.uint8)
        # Paid work (ODD 7.4): each row's draw is the hash of one key for the run, so a person
        # keeps their place in the employment and hours shares as they age (work_hours).
        self.work_key = np.uint64(streams["work"].bit_generator.random_raw())
        self.power = citizen_power_factor(params["citizen_power"])  # 1.0 = the 2015 level
        # Fixed for a run (not live), so taken from the declaration once.
        self.wellbeing_rules = _kernels.WellbeingRules.from_params(params)
        self.need_rules = _kernels.NeedRules.from_params(params, INCOME_MEDIAN_EUR)
        self.update_income_term()
        self._marks = np.zeros(self.n, dtype=np.uint8)  # scratch: ageing
        self._flags = np.zeros(self.n, dtype=np.uint8)  # scratch: onset pass
        self._u: np.ndarray | None = None  # scratch: January's draws (made at the first)
        # The yearly terms (refresh_age_terms): onset and entry chances a month, minor, of
        # working age, volunteer, the well-being a person returns to.
        self.onset_month = np.empty(self.n, dtype=np.float32)
        self.entry_month = np.empty(self.n, dtype=np.float32)
        self.minor = np.empty(self.n, dtype=bool)
        self.working = np.empty(self.n, dtype=bool)
        self.volunteer = np.zeros(self.n, dtype=bool)  # from ``start_volunteering``
        self.base_wellbeing = np.empty(self.n, dtype=np.float32)
        # Entry into social assistance per municipality relative to the income rule's (1 =
        # none; set from observed recipients by ``set_local_assistance``).
        self.entry_factor = np.ones(self.muni_bounds.size - 1, dtype=np.float32)
        self.no_legal_route = np.zeros(self.muni_bounds.size - 1)  # Wmo: the municipal route
        # The national mean entry chance (income rule) and observed share of recipients that
        # set_local_assistance measured against (set there).
        self.national_entry: tuple[float, float] = (0.0, 0.0)
        # The calendar year the yearly terms are for (set each January by age_and_renew).
        self.year = int(params["start_year"]) - int(params["burn_in_years"])
        # Being asked (per neighbourhood: an initiative recruits there), as of last January,
        # and the chance to start volunteering at the 2015 level (``volunteer_start_chance``).
        self.recruiting = np.zeros(self.n_nbh)
        self.start_chance = 0.0
        # Set by ``start_volunteering``: (health, asked, weight) of groups of people 15+.
        self.health_profile = (np.ones(1), np.zeros(1), np.zeros(1))
        self.refresh_age_terms()

    @property
    def work(self) -> tuple:
        """The kernels' work rule (``work_rule``) under the present parameters."""
        return work_rule(self.work_key, self.p["carer_work_factor"],
                         self.p["carer_work_burden"])

    def work_hours(self, rows: np.ndarray) -> np.ndarray:
        """Hours a week of a paid job of persons ``rows`` (float32; 0: none, or on social
        assistance)."""
        pop = self.pop
        rows = np.asarray(rows, dtype=np.int64)
        key, edges, employed, cum, hours = self.work[:5]
        out = _kernels.work_hours(key=key, rows=rows, age=pop.age, edges=edges,
                                  employed=employed, cum_classes=cum, class_hours=hours)
        out[pop.on_bijstand[rows]] = 0.0
        return out

    def need_index(self, national: NationalMeans | None = None) -> np.ndarray:
        """Each municipality's expected need per inhabitant relative to the mean of all
        (M, 3): new Wmo needs a month among adults, new youth needs among minors, entries into
        social assistance among the working-age (from everyone's own chances: age, income,
        local labour market). 1 everywhere for a single municipality, unless ``national``
        means are given: then relative to those (a municipality of CBS's table simulated
        without the rest of the country, ``TransitionModel._national_reference``)."""
        M = self.muni_bounds.size - 1
        out = np.empty((M, 3))
        amounts, sums, w_sums = self._need_amounts()
        if national is None:
            w_total = self.pop.weight.astype(float).sum()
            means = [a.sum() / w_total for a in amounts]
        else:
            means = list(national.rates)
        for k in range(3):
            per_person = sums[k] / w_sums
            out[:, k] = per_person / means[k] if means[k] > 0 else 1.0
        return out

    def _need_amounts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per person, weighted: the chance of a new Wmo need (adults), of a new youth need
        (minors) and of entering social assistance (working age); 0 for the others (rows
        0-2); these summed per municipality, and the weights summed per municipality
        (``_kernels.need_amounts``)."""
        return _kernels.need_amounts(minor=self.minor, working=self.working,
                                     onset_month=self.onset_month, entry_month=self.entry_month,
                                     weight=self.pop.weight, bounds=self.muni_bounds)

    def national_means(self) -> NationalMeans:
        """This population as the nation: the three chances of ``_need_amounts`` per
        inhabitant, and the entry ``set_local_assistance`` measured against."""
        w_total = self.pop.weight.astype(float).sum()
        wmo, youth, entry = (float(a.sum() / w_total) for a in self._need_amounts()[0])
        return NationalMeans((wmo, youth, entry), self.national_entry)

    def set_local_assistance(self, observed_share: np.ndarray,
                             national: NationalMeans | None = None) -> np.ndarray:
        """The local labour market: scale each municipality's entry chance into social
        assistance so that, relative to the national level, its mean entry chance among the
        working-age equals its observed share of recipients (``observed_share`` per
        municipality; the income rule's own differences are divided out), the national mean
        entry chance unchanged. The national level is that of the simulated municipalities
        together, or the ``national`` means given. Returns the factors."""
        working, rule, (entry, w) = self._entry_by_municipality()
        if national is None:  # the national mean entry chance stays the calibrated one
            national_rule = entry / max(w, 1e-12)
            national_seen = float((observed_share * working).sum() / max(working.sum(), 1e-12))
        else:
            national_rule, national_seen = national.entry
        # Nobody can enter (an entry chance of 0) or nobody was seen to: nothing to scale.
        seen = observed_share / national_seen if national_seen > 0 else np.ones_like(rule)
        relative = rule / national_rule if national_rule > 0 else np.ones_like(rule)
        factor = seen / np.maximum(relative, 1e-12)
        self.entry_factor = factor.astype(np.float32)
        self.national_entry = (national_rule, national_seen)
        self.refresh_age_terms()
        return self.entry_factor

    def _entry_by_municipality(self) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
        """Per municipality: the working-age (weighted) and the income rule's mean entry
        chance among them (today's, without the local factor it may already carry); and
        over everyone the sums of both."""
        w, entry, working, entry_sums = _kernels.entry_by_row(
            self.entry_month, self.working, self.pop.weight, self.entry_factor,
            self.muni_bounds)
        rule = entry_sums / np.maximum(working, 1e-12)
        return working, rule, (float(entry.sum()), float(w.sum()))

    # --- yearly -----------------------------------------------------------------------------
    def refresh_age_terms(self) -> None:
        """Terms that change only when people age (yearly): onset hazards, entry hazard,
        volunteering and the well-being a person returns to when nothing is wrong.

        One onset hazard per person: youth care for minors (`onset_jeugd`, grown by
        `youth_demand_trend` a year from 2015: ``youth_onset``), Wmo for adults
        (`onset_wmo` at 80, doubling every `onset_wmo_doubling_years` of age, at most
        `onset_wmo_max`); yearly rates become monthly ones by dividing by 12. Entry into
        social assistance for working ages scales with income vulnerability (median income /
        income, between `income_vulnerability_min` and `_max`). Base well-being is
        `wellbeing_base` + `wellbeing_income_effect` tanh(log(income / median)) +
        `wellbeing_volunteer_bonus` for volunteers.
        """
        pop = self.pop
        self.minors_by_muni, self.volunteers_by_muni = self.take_age_terms(
            self.wmo_onset_by_age())
        self.volunteers_by_nbh = _kernels.weighted_count_by_group(
            self.volunteer, pop.nbh, pop.weight, self.n_nbh, self.muni_bounds)

    def start_volunteering(self) -> None:
        """Who volunteers at the start, once the starting needs are in place, and again when
        the burn-in has settled them: the chance to start is solved for
        (``solve_start_chance``) and everyone takes their stationary state."""
        self.health_profile = self.take_health_profile()
        self.start_chance = self.solve_start_chance()
        self.update_volunteering(transition=False)
        self.refresh_age_terms()

    def take_health_profile(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Everyone aged 15+ by health (1 - Wmo severity: the healthy at 1, the persons with
        a Wmo need in 1/1024 steps of severity) and by whether an initiative recruits in
        their neighbourhood; (health, asked 0 or 1, weight) per group."""
        pop = self.pop
        adult = pop.age >= 15
        w = pop.weight[adult].astype(float)
        sev = pop.severity[WMO][adult].astype(float)
        asked = (self.recruiting > 0)[pop.nbh[adult]]
        well: list[np.ndarray] = []
        ask: list[np.ndarray] = []
        weight: list[np.ndarray] = []
        for k in (False, True):
            ill, healthy = (sev > 0) & (asked == k), (sev == 0) & (asked == k)
            ill_w, edges = np.histogram(sev[ill], bins=1024, range=(0.0, 1.0),
                                        weights=w[ill])
            well += [np.ones(1), 1.0 - (edges[:-1] + edges[1:]) / 2]
            ask += [np.full(ill_w.size + 1, float(k))]
            weight += [np.array([w[healthy].sum()]), ill_w]
        return np.concatenate(well), np.concatenate(ask), np.concatenate(weight)

    def solve_start_chance(self) -> float:
        """The yearly chance to start volunteering of a person in good health and not asked,
        at the 2015 level of citizen power: the one that makes the stationary share start /
        (start + stop) (``_kernels.volunteering``), averaged over everyone aged 15+ with the
        health they had at the start and being asked where an initiative recruited
        (``health_profile``), equal ``volunteering_rate`` (CBS's share). Bisection."""
        p = self.p
        r, q = float(p["volunteering_rate"]), float(p["volunteer_quit_rate"])
        well, asked, weight = self.health_profile
        factor = 1.0 + float(p["volunteer_ask_effect"]) * asked
        total = max(float(weight.sum()), 1e-12)

        def share(start: float) -> float:
            ps = np.minimum(start * well * factor, 1.0)
            both = ps + 1.0 - (1.0 - q) * well
            return float((weight * np.divide(ps, both, out=np.zeros_like(ps),
                                             where=both > 0)).sum()) / total
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if share(mid) < r else (lo, mid)
        return (lo + hi) / 2

    def volunteer_start_chance(self) -> float:
        """This year's chance to start for a person in good health, not asked: the 2015
        level (``solve_start_chance``) times citizen power as a factor on 2015
        (willingness), at most 1."""
        return min(self.start_chance * self.power, 1.0)

    def update_volunteering(self, transition: bool, asked: np.ndarray | None = None,
                            key: np.uint64 | None = None) -> None:
        """Who volunteers this year (ODD 7.9); ``asked`` (per neighbourhood, 0-1) replaces
        last January's when given. With ``transition`` (January, ``volunteer_turnover`` on)
        each person aged 15+ starts or stops by their draw for ``key``; otherwise they
        volunteer if their fixed propensity lies below the stationary chance (at the start,
        and every year with the switch off)."""
        if asked is not None:
            self.recruiting = np.asarray(asked, dtype=float)
        self.take_volunteering(bool(transition), np.uint64(0 if key is None else key))

    def take_volunteering(self, transition: bool, key: np.uint64) -> None:
        """``update_volunteering``'s pass over everyone (the kernel)."""
        pop, p = self.pop, self.p
        _kernels.volunteering(
            age=pop.age, sev_wmo=pop.severity[WMO], nbh=pop.nbh,
            propensity=pop.volunteer_propensity, volunteer=self.volunteer, asked=self.recruiting,
            bounds=self.muni_bounds,
            start=self.volunteer_start_chance(), quit_rate=float(p["volunteer_quit_rate"]),
            ask_effect=float(p["volunteer_ask_effect"]), key=key, transition=transition)

    def wmo_onset_by_age(self) -> np.ndarray:
        """The yearly chance of a new Wmo need at each whole age 0..MAX_AGE + 1 (float32):
        ``onset_wmo`` at ONSET_WMO_AGE, doubling every ``onset_wmo_doubling_years``, at most
        ``onset_wmo_max``."""
        p = self.p
        ages = np.arange(MAX_AGE + 2, dtype=np.float32)
        return np.minimum(p["onset_wmo"] * np.exp2((ages - ONSET_WMO_AGE)
                                                   / p["onset_wmo_doubling_years"]),
                          p["onset_wmo_max"]).astype(np.float32)

    def youth_onset(self) -> float:
        """This year's yearly chance of a youth care need per minor: ``onset_jeugd`` (the
        calibrated 2015 chance) grown by ``youth_demand_trend`` a year from 2015 (less
        before it)."""
        p = self.p
        return float(p["onset_jeugd"]) * (1.0 + float(p["youth_demand_trend"])) ** (
            self.year - YOUTH_TREND_BASE_YEAR)

    def take_age_terms(self, wmo_by_age: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Fill the yearly terms (``refresh_age_terms``) from the Wmo onset chance by age;
        returns the minors and the volunteers per municipality."""
        pop, p = self.pop, self.p
        return _kernels.age_terms(
            age=pop.age, income=pop.income_eur, income_term=self.income_term,
            wmo_by_age=wmo_by_age, onset_jeugd=self.youth_onset(),
            job_loss_rate=p["job_loss_rate"], working_age=np.array(WORKING_AGE),
            bounds=self.muni_bounds,
            onset_month=self.onset_month, entry_month=self.entry_month, minor=self.minor,
            working=self.working, volunteer=self.volunteer, base_wellbeing=self.base_wellbeing,
            rules=self.wellbeing_rules, needs=self.need_rules, entry_factor=self.entry_factor)

    def update_income_term(self, idx: np.ndarray | None = None) -> None:
        """tanh(log(income / 2500)) for persons ``idx`` (everyone if None): changes only when
        a row's income does (newborns), so it is kept between years."""
        inc = self.pop.income_eur if idx is None else self.pop.income_eur[idx]
        term = np.tanh(np.log(inc / INCOME_MEDIAN_EUR))
        if idx is None:
            self.income_term = term
        else:
            self.income_term[idx] = term

    def look_up_needs(self) -> None:
        """Find everyone with a need by a full pass (at the start, after needs were seeded)."""
        self.in_need = [np.flatnonzero(self.pop.severity[d] > 0) for d in (WMO, JEUGD)]

    def with_need(self, d: int) -> np.ndarray:
        """Sorted indices of persons with a need in domain ``d`` at this month's look (after
        ``seek_support``). Everyone served by, or waiting for, a provider is among them."""
        return self.recipients if d == PART else self.in_need[d]

    def age_shares(self) -> np.ndarray:
        """The shares under 18, 65 or over and 80 or over (weighted)."""
        pop = self.pop
        total = float(pop.weight.sum())
        return np.array([float(pop.weight[pop.age < lo].sum()) if lo == 18 else
                         float(pop.weight[pop.age >= lo].sum()) for lo in (18, 65, 80)]) / total

    def age_targets(self, year: int) -> np.ndarray:
        """This year's target shares (under 18, 65+, 80+): the starting shares moved by the
        observed path's change since the start year; NaN where the path says nothing. Held
        (``age_path = "fixed"``): the starting shares every year."""
        if self.hold_shares:
            return self.initial_shares.copy()
        if self.age_path is None:
            return np.full(3, np.nan)
        change = self.age_path.at(year) - self.age_path.at(self.p["start_year"])
        return self.initial_shares + np.where(year < self.p["start_year"], 0.0, change)

    def age_and_renew(self, year: int, asked: np.ndarray | None = None) -> np.ndarray:
        """January: everyone ages a year; some leave (death, emigration, room for growth);
        newcomers take the freed rows: newborns with a parent aged 25-45 in the municipality,
        or immigrants aged 18-44 on their own. With the age path on, the death chances over
        65 and the newborns' share are aligned so that the shares follow the path's changes
        (ODD 7.2). Then who volunteers this year (``update_volunteering``: ``asked`` per
        neighbourhood; newcomers start as non-volunteers). Returns the renewed rows."""
        pop, rng = self.pop, self.streams["mortality"]
        self.year = int(year)
        if self._u is None:  # kept between years: 8 bytes a person
            self._u = np.empty(self.n)
        targets = self.age_targets(year)
        counts = _kernels.next_age_counts(pop.age, pop.weight, MAX_AGE + 2)
        self.leave_chance, *factors = leave_chances(counts, self.death_chance, targets)
        self.alignment = (factors[0], factors[1])
        left, adult_now = self.age_one_year(rng.random(out=self._u))
        # Turning 18: youth care ends; a severe need carries on as a Wmo need.
        carry = pop.severity[JEUGD][adult_now]
        severe = carry >= self.p["youth_carry_over_severity"]
        pop.severity[WMO][adult_now] = np.maximum(
            pop.severity[WMO][adult_now],
            np.where(severe, carry * self.p["youth_carry_over_factor"], 0))
        self.in_need[WMO] = _kernels.union_sorted(self.in_need[WMO], adult_now[severe])
        pop.wmo_kind[adult_now[severe]] = int(WmoKind.SUPPORT)  # support at home goes on
        for idx in (adult_now, left):
            self._clear(JEUGD, idx)
        for d in (WMO, PART):
            self._clear(d, left)
        pop.on_bijstand[left] = False
        # Newcomers: a minor (newborn) with chance ``born``, else an immigrant. (Counted off
        # the ages reached this January and the rows that left: no pass over everyone.)
        left_weight, left_age = pop.weight[left].astype(np.float64), pop.age[left]
        freed = float(left_weight.sum())
        _, _, born_share = newcomer_rates()
        if not np.isnan(targets[0]) and freed > 0:
            minors_staying = float(counts[:18].sum() - left_weight[left_age < 18].sum())
            born_share = min(max((targets[0] * float(counts.sum()) - minors_staying)
                                 / freed, 0.0), 1.0)
        u_kind = rng.random(left.size)
        born, immigrants = left[u_kind < born_share], left[u_kind >= born_share]
        lo, hi = IMMIGRANT_AGES
        pop.age[born] = 0
        pop.age[immigrants] = lo + (rng.random(immigrants.size) * (hi - lo + 1)).astype(
            np.int16)
        parent = pick_in_municipality(pop.muni, _kernels.rows_in_age_range(pop.age, 25, 45),
                                      born, rng)
        widowed = pop.partner[left]
        pop.partner[widowed[widowed >= 0]] = -1
        pop.partner[left] = -1
        lost = _kernels.cared_for_by(pop.carer, left, self._marks)
        lost = lost[~np.isin(lost, left, assume_unique=True)]  # newcomers: carers below
        pop.carer[born] = parent
        with_parent = parent >= 0
        pop.household[born[with_parent]] = pop.household[parent[with_parent]]
        pop.income_eur[born[with_parent]] = pop.income_eur[parent[with_parent]]
        pop.household[immigrants] = immigrants
        pop.income_eur[immigrants] = pop.income_index[pop.muni[immigrants]] * np.exp(
            np.log(INCOME_MEDIAN_EUR) + INCOME_LOG_SD * rng.standard_normal(immigrants.size))
        self.update_income_term(left)
        rejoin = lost[rng.random(lost.size) >= self.p["isolated_share"]]
        pop.carer[lost] = -1
        pop.carer[immigrants] = -1
        pop.child_carer[left] = False  # newborns' carer is a parent, immigrants' below
        pop.child_carer[lost] = False
        networked = immigrants[rng.random(immigrants.size) >= self.p["isolated_share"]]
        carers_age = _kernels.rows_in_age_range(pop.age, *NETWORK_CARER_AGES)
        for rows in (rejoin, networked):  # (immigrants are too young to have adult children)
            pop.carer[rows], pop.child_carer[rows] = network_carers(
                pop.muni, pop.age, rows, self.p["child_carer_share"], rng, carers_age)
        for rows in (left, rejoin):  # only changed carers can be the person themselves
            pop.carer[rows[pop.carer[rows] == rows]] = -1
        if self.p["couples_renewed"]:
            self.form_couples(rng)
        pop.self_reliance[left] = pop.base_self_reliance[left]
        pop.wellbeing[left] = INITIAL_WELLBEING
        self.volunteer[left] = False
        self.care_start[left], self.over_start[left], self.last_care[left] = -1, -1, -2
        self.learn_of_support(left)
        key = np.uint64(rng.bit_generator.random_raw())  # drawn with the switch off too
        self.update_volunteering(bool(self.p["volunteer_turnover"]), asked, key)
        self.refresh_age_terms()
        return left

    def form_couples(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """New couples (January, after the renewal): in each municipality as many pairs of
        single adults, chosen at random, as bring the partnered share of its adults back to
        its start value (``couple_share``; at most all singles); with ``older_alone`` adults
        under 65 only, of whom the share is counted too; partners are neighbours in
        the order of age plus noise (``population.couple_order``), each other's carer, one
        household with one household income (a's, a at random). Returns the pairs (rows a,
        rows b)."""
        pop = self.pop
        adults, partnered = _kernels.adults_and_partnered(pop.age, pop.partner,
                                                          self.muni_bounds, self.couple_below)
        single = np.flatnonzero((pop.age >= 18) & (pop.age < self.couple_below)
                                & (pop.partner < 0))
        starts = np.searchsorted(single, self.muni_bounds).astype(np.int64)
        singles = np.diff(starts)
        form = np.clip(np.round(self.couple_share * adults / 2) - partnered // 2, 0,
                       singles // 2).astype(np.int64)
        order = single[_kernels.order_within_groups(pop.muni[single], rng.random(single.size))]
        order = couple_order(order, starts, form, pop.muni, pop.age,
                             float(self.p["partner_age_sd"]), rng)
        chosen = order[leading(starts, 2 * form, order.size)]
        a, b = chosen[0::2], chosen[1::2]
        pop.partner[a], pop.partner[b] = b, a
        pop.carer[a], pop.carer[b] = b, a
        pop.child_carer[a] = pop.child_carer[b] = False
        pop.household[a] = pop.household[b] = np.minimum(a, b)
        pop.income_eur[b] = pop.income_eur[a]  # one household income, the first's
        self.update_income_term(b)
        return a, b

    def age_one_year(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Everyone a year older; a person leaves if their draw ``u`` falls below this
        January's leave chance at their new age, or past ``MAX_AGE``. Returns (who left, who
        turned 18)."""
        return _kernels.age_one_year(self.pop.age, u, self.leave_chance, MAX_AGE, self._marks)

    def start_month(self) -> None:
        """This month's draw keys: one 64-bit key per process from the "persons" stream.

        Always the same number of keys in the same order, whatever happens in the model; a
        person's draw is a hash of the key and their row (``_kernels._hash``), computed only
        where a rule needs it. So two scenarios run with the same seed give each person the
        same draws wherever their rules agree (common random numbers).
        """
        raw = self.streams["persons"].bit_generator.random_raw(len(MONTHLY_DRAWS))
        self.keys = dict(zip(MONTHLY_DRAWS, (np.uint64(k) for k in raw), strict=True))

    def _clear(self, d: int, idx: np.ndarray) -> None:
        self.pop.severity[d][idx] = 0.0
        self.pop.provider[d][idx] = -1
        self.pop.wait_months[d][idx] = -1

    # --- monthly ----------------------------------------------------------------------------
    def recovery_rate(self, d: int) -> float:
        """The monthly recovery chance with help before its factors (ODD 7.3):
        ``recovery_rate`` for a Wmo need, ``youth_recovery_factor`` times it for a youth
        need (a trajectory with an end)."""
        p = self.p
        return float(p["recovery_rate"] * (p["youth_recovery_factor"] if d == JEUGD else 1.0))

    def develop_needs(self, inputs: MunicipalInputs, provider_effect: np.ndarray) -> None:
        """Onset of new needs, recovery, and escalation of needs left unmet last month."""
        pop, p = self.pop, self.p
        self.start_month()

        # Escalation and recovery act on last month's situation (recovery: the rate halves
        # without help, rises with a provider's effectiveness and self-reliance, falls with
        # severity; an unmet or waiting need escalates, less where the teams' prevention has
        # been built up; Wmo needs progress with age).
        keep_esc = self.escalation_kept(inputs)
        for d in (WMO, JEUGD):
            self.still_open[d] = _kernels.escalate_recover(
                idx=self.in_need[d], sev=pop.severity[d], state=pop.state[d], prov=pop.provider[d],
                wait=pop.wait_months[d], self_reliance=pop.self_reliance,
                key_rec=self.keys["recovery"], provider_effect=provider_effect,
                rate_helped=self.recovery_rate(d),
                rate_unaided=self.recovery_rate(d) * p["unaided_recovery_share"],
                escalation=p["escalation_rate"],
                progression=p["progression_rate"] if d == WMO else 0.0, rules=self.need_rules,
                muni=pop.muni, keep_escalation=keep_esc)

        # Onset: a person without a need may develop one this month (youth care for minors,
        # Wmo for adults), more often with low self-reliance or an overburdened carer role;
        # the same draw, rescaled, sets the new need's severity (0.1-0.9, uniform).
        # Participation: entry into and exit from social assistance follow the labour market.
        # Entry and exit concern different people, so they share one draw per person.
        u = inputs.unemployment
        new_w, new_j, self.exited, self.month_recipients = _kernels.onset_and_participation(
            onset_month=self.onset_month, entry_month=self.entry_month,
            self_reliance=pop.self_reliance, minor=self.minor, age=pop.age, bounds=self.muni_bounds,
            keep=(1.0 - inputs.prevention).astype(np.float32), overburdened=self.overburdened,
            burdened_factor=p["burdened_onset_factor"], key_needs=self.keys["needs"],
            sev_wmo=pop.severity[WMO], sev_jeugd=pop.severity[JEUGD], sev_part=pop.severity[PART],
            prov_part=pop.provider[PART], wait_part=pop.wait_months[PART],
            on_bijstand=pop.on_bijstand, unemployment_x100=inputs.entry_unemployment * 100.0,
            exit_base=self.exit_base(u), benefit_months=pop.benefit_months,
            reintegration_effect=p["reintegration_effect"], max_working_age=WORKING_AGE[1],
            flags=self._flags, rules=self.need_rules)
        self.new_needs[WMO], self.new_needs[JEUGD] = new_w, new_j

    def escalation_kept(self, inputs: MunicipalInputs) -> np.ndarray:
        """Per municipality, the share of the escalation of unmet and waiting needs that
        remains: 1 - the teams' prevention (ODD 7.12; ``prevention_effect`` 0: 1)."""
        return np.asarray(1.0 - inputs.prevention, dtype=np.float64)

    def add_recipients(self, idx: np.ndarray) -> None:
        """Persons ``idx`` (sorted) came on social assistance this month outside the entry
        rule (the Wajong's closing): they join this month's recipients."""
        self.month_recipients = _kernels.union_sorted(self.month_recipients, idx)

    def exit_base(self, unemployment: float) -> float:
        """The exit-to-work chance a month before the distance to work: a recipient leaves
        with this x (1 - distance) (more with reintegration). ``exit_to_work_rate`` is the
        chance at 2015 unemployment at the mean distance of a new recipient, so this divides
        it by (1 - that mean) and scales it with 2015 unemployment over ``unemployment``."""
        p = self.p
        mean_distance = p["new_need_severity_low"] + p["new_need_severity_span"] / 2
        return (p["exit_to_work_rate"] * (UNEMPLOYMENT_2015 / max(unemployment, 1e-3))
                / (1.0 - mean_distance))

    def choose_supported(self, slots: np.ndarray, relief: float) -> np.ndarray:
        """Carer support this month (ODD 7.13): per municipality, up to ``slots[m]`` persons
        (by weight) among the carers who gave last month more than they could sustain
        without support (their load times 1 + their relief then, above 1) and know that
        support exists (``knows_support``), the most loaded first (ties in row order), get
        ``relief``; everyone else none. Returns who has it (sorted)."""
        pop = self.pop
        self.supported = _kernels.choose_supported(
            carers=self.carers, last_care=self.last_care, month=self.month_index,
            load=pop.carer_load, relief=self.relief, knows=self.knows_support,
            weight=pop.weight[self.muni_bounds[:-1]], slots=np.asarray(slots, dtype=np.float64),
            value=np.float32(relief), bounds=self.muni_bounds, supported=self.supported)
        return self.supported

    def learn_of_support(self, rows: np.ndarray) -> None:
        """Whether persons ``rows`` know that carer support exists: a chance of
        ``carer_support_awareness``, drawn with a fresh key from the "carer_support" stream
        (at the start for everyone, each January for the newcomers)."""
        key = np.uint64(self.streams["carer_support"].bit_generator.random_raw())
        self.knows_support[rows] = (_kernels.uniforms(key, rows)
                                    < np.float32(self.p["carer_support_awareness"]))

    def seek_support(self, inputs: MunicipalInputs, initiative_hours_by_nbh: np.ndarray,
                     reformed: bool) -> np.ndarray:
        """Light support, informal care and applications. Returns hours used per neighbourhood.

        Order per person: formal care already in place; otherwise an initiative's light support
        (Wmo, light needs, neighbourhood by neighbourhood in row order while its hours last);
        otherwise the informal network; otherwise apply for formal support. A client of
        household help or support asks their carer for ``formal_complement_share`` of their
        hours beside the provider's (ODD 7.4).
        """
        pop, p = self.pop, self.p
        hours_full = (p["care_hours_at_full_need"], p["youth_hours_at_full_need"])
        used = np.zeros_like(initiative_hours_by_nbh)
        requests = []
        # A light need is one below the municipality's access threshold: general provisions
        # (here an initiative's light support) come before tailored ones (Wmo 2015, 2.3.5).
        self.light_threshold = np.asarray(inputs.threshold, dtype=np.float32)
        for d in (WMO, JEUGD):
            self.in_need[d], who = _kernels.open_needs(*self.still_open[d], self.new_needs[d],
                                                       pop.provider[d], pop.state[d])
            if d == WMO:
                who, used = _kernels.light_support(
                    rest=who, sev=pop.severity[d], weight=pop.weight, nbh=pop.nbh,
                    supply=initiative_hours_by_nbh, light_threshold=self.light_threshold,
                    muni=pop.muni, hours_at_full=hours_full[d], state=pop.state[d],
                    bounds=self.muni_bounds)
            # Residential-level needs are beyond what a network can carry.
            requests.append((d, who, _kernels.request_hours(
                who=who, sev=pop.severity[d], residential_threshold=p["residential_threshold"],
                hours_at_full=hours_full[d], kind=pop.wmo_kind,
                no_hours_kind=int(WmoKind.AIDS) if d == WMO else -1)))

        # Informal care: each carer spreads what they can give over everyone who asks them.
        # What a carer can sustain depends on their own health; how far they stretch beyond it
        # depends on citizen power (at the 2015 level, to 1.5 times what is sustainable).
        (_, who_w, hours_w), (_, who_j, hours_j) = requests
        self.month_index += 1
        stretch_network = p["carer_stretch_base"] + self.power
        # Beside formal help, a client of household help or support still asks their carer
        # for part of their hours (``formal_complement_share``; 0: not at all).
        ask_w, ask_hours_w, alongside = who_w, hours_w, None
        if p["formal_complement_share"] > 0:
            ask_w, ask_hours_w, alongside = _kernels.with_alongside(
                who=who_w, hours=hours_w, in_need=self.in_need[WMO], prov=pop.provider[WMO],
                sev=pop.severity[WMO], kind=pop.wmo_kind, carer=pop.carer,
                residential_threshold=p["residential_threshold"],
                hours_at_full=hours_full[WMO], share=p["formal_complement_share"],
                no_hours_kind=int(WmoKind.AIDS))
        got_w, got_j, self.carers, self.overburdened, self.carer_kinds = _kernels.informal_care(
            who_w=ask_w, hours_w=ask_hours_w, who_j=who_j, hours_j=hours_j, carer=pop.carer,
            partner=pop.partner, child_carer=pop.child_carer, sev_wmo=pop.severity[WMO],
            age=pop.age, on_bijstand=pop.on_bijstand, relief=self.relief,
            carer_load=pop.carer_load, care_given=self.care_given,
            care_start=self.care_start, over_start=self.over_start, last_care=self.last_care,
            old_carers=self.carers, carer_hours=p["carer_hours_per_month"],
            stretch_kin=(p["carer_stretch_kin"] if p["carer_kinship"] else stretch_network),
            stretch_network=stretch_network, work=self.work,
            month=self.month_index, overburden_months=p["carer_overburden_months"],
            long_months=SCP_LONG_MONTHS, intensive_hours=SCP_INTENSIVE_HOURS_PER_MONTH,
            bounds=self.muni_bounds)
        if alongside is not None:
            got_w = got_w[~alongside]  # what the formal clients' carers gave is theirs alone
        for (d, who, hours), got in zip(requests, (got_w, got_j), strict=True):
            _kernels.apply_for_support(
                who=who, hours=hours, got=got, sev=pop.severity[d], wait=pop.wait_months[d],
                state=pop.state[d], muni=pop.muni, threshold=inputs.threshold,
                network_first=inputs.network_first, key_apply=self.keys["apply"],
                application_rate=p["application_rate"],
                network_factor=p["network_application_factor"],
                severity_weight=1.0 if p["network_severity"] else 0.0, reformed=bool(reformed),
                network_margin=p["network_first_margin"],
                cover_share=p["informal_cover_share"],
                legal_share=(inputs.legal_share if d == JEUGD else self.no_legal_route),
                threshold_before=float(inputs.threshold_before), legal=pop.legal_referral,
                record_route=bool(d == JEUGD), outreach=inputs.outreach, income=pop.income_eur,
                kind=pop.wmo_kind, substitutes=self.substitutes(d),
                **self.contribution_rule(inputs, d))
        self.team_help(inputs, requests[0][1], requests[1][1])

        # Participation: the benefit meets the income need; reintegration has a queue.
        _kernels.participation_support(
            old=self.recipients, recipients=self.month_recipients, prov=pop.provider[PART],
            wait=pop.wait_months[PART], sev=pop.severity[PART], state=pop.state[PART],
            max_severity=p["reintegration_max_severity"])
        self.recipients = self.month_recipients
        return used

    def team_help(self, inputs: MunicipalInputs, asked_w: np.ndarray,
                  asked_j: np.ndarray) -> None:
        """The neighbourhood teams' own light help (ODD 7.12), from one pool of hours per
        municipality (``inputs.team_help_hours``). Among this month's needs that no provider
        serves and that are not on a waiting list (``asked_w``, ``asked_j``), first those the
        network could not cover (unmet), then those it covers; within each, below the
        residential threshold, youth needs, then, with ``team_wmo_help``, Wmo needs for
        support at home. The team's light help takes s x ``youth_hours_at_full_need`` x
        weight hours whatever the age (the same work: guidance, not a provider's care).
        Each goes municipality by municipality in row order while the hours last. Marked
        INITIATIVE (light help outside the providers); CBS counts the young people as youth
        care; the adults helped are kept in ``team_wmo`` (indicator ``clients_wmo_team``)."""
        pop, p = self.pop, self.p
        M = self.muni_bounds.size - 1
        supply = np.asarray(inputs.team_help_hours, dtype=np.float64)
        below = np.full(M, p["residential_threshold"], dtype=np.float32)
        # Who may be helped, with their state before any pass (a pass changes only those it
        # helps, from unmet to INITIATIVE, so the later pass selects the same persons).
        domains = [(JEUGD, asked_j[pop.wait_months[JEUGD][asked_j] < 0])]  # may be listed
        if p["team_wmo_help"]:
            domains.append((WMO, asked_w[(pop.wait_months[WMO][asked_w] < 0)
                                         & (pop.wmo_kind[asked_w] == int(WmoKind.SUPPORT))]))
        before = [(d, free, pop.state[d][free]) for d, free in domains]
        helped = [np.empty(0, dtype=np.int64)]
        for state in (NeedState.UNMET, NeedState.INFORMAL):
            for d, free, was in before:
                rest = free[was == int(state)]
                _, used = _kernels.light_support(
                    rest=rest, sev=pop.severity[d], weight=pop.weight, nbh=pop.muni,
                    supply=supply, light_threshold=below, muni=pop.muni,
                    hours_at_full=p["youth_hours_at_full_need"], state=pop.state[d],
                    bounds=self.muni_bounds)
                supply = supply - used
                if d == WMO:
                    helped.append(rest[pop.state[WMO][rest] == int(NeedState.INITIATIVE)])
        self.team_wmo = np.sort(np.concatenate(helped))

    def network_can_take_over(self, rows: np.ndarray, d: int) -> np.ndarray:
        """For clients ``rows`` of domain ``d``, whether their informal network could take
        over their care, as a re-assessment that counts the network first asks it (ODD 7.8):
        the person has a carer, the need asks a carer's hours (``_kernels.request_hours``:
        not residential, not aids) and the carer can give ``informal_cover_share`` of what all
        of ``rows`` who have them as carer ask, on top of what they gave at the last look,
        within what they can sustain (their own need, work and support as in
        ``_kernels.informal_care``; no stretch: a carer who would be overburdened is not
        counted on)."""
        pop, p = self.pop, self.p
        rows = np.asarray(rows, dtype=np.int64)
        out = np.zeros(rows.size, dtype=bool)
        hours_full = p["care_hours_at_full_need"] if d == WMO else p["youth_hours_at_full_need"]
        asks = _kernels.request_hours(
            who=rows, sev=pop.severity[d], residential_threshold=p["residential_threshold"],
            hours_at_full=hours_full, kind=pop.wmo_kind,
            no_hours_kind=int(WmoKind.AIDS) if d == WMO else -1).astype(np.float64)
        carer = pop.carer[rows].astype(np.int64)
        ok = (carer >= 0) & (asks > 0)
        if not ok.any():
            return out
        carers, which = np.unique(carer[ok], return_inverse=True)
        asked = np.bincount(which, weights=p["informal_cover_share"] * asks[ok],
                            minlength=carers.size)
        sustainable = _kernels.sustainable_hours(
            carers=carers, carer_hours=p["carer_hours_per_month"], sev_wmo=pop.severity[WMO],
            age=pop.age, on_bijstand=pop.on_bijstand, work=self.work, relief=self.relief)
        spare = sustainable.astype(np.float64) - self.care_given[carers].astype(np.float64)
        out[ok] = (spare >= asked)[which]
        return out

    def substitutes(self, d: int) -> np.ndarray:
        """Per kind of Wmo need (WmoKind order), whether a carer's help makes its need
        applied for less (``_kernels.apply_for_support``): with ``NETWORK_HOUSEHOLD_ONLY``
        (params) only household help, the low-skilled help informal care replaces (Bonsang
        2009); youth care, and every Wmo kind without it, always."""
        out = np.ones(len(WmoKind), dtype=np.bool_)
        if d == WMO and NETWORK_HOUSEHOLD_ONLY:
            out[:] = False
            out[WmoKind.HOUSEHOLD] = True
        return out

    def contribution_rule(self, inputs: MunicipalInputs, d: int) -> dict[str, Any]:
        """The own contribution's terms for the application kernel (``_kernels._price``):
        for the Wmo the lowest amount, the share of income above the threshold and what care
        is worth per unit of severity, and with ``contribution_per_household`` the partner
        whose contribution an application adds to; the income is the household's, or its
        social assistance norm while it is on assistance (``contribution_income``); youth care
        has no own contribution (sensitivity 0)."""
        p, pop = self.p, self.pop
        return {"sensitivity": float(p["price_sensitivity"]) if d == WMO else 0.0,
                "c_min": float(inputs.own_contribution_eur),
                "c_share": float(inputs.contribution_share),
                "c_threshold": float(p["own_contribution_income_threshold_eur"]),
                "cap_units": self.care_value_units(), "partner": pop.partner,
                "assisted": pop.on_bijstand, "norms": ASSISTANCE_NORMS,
                "prov": pop.provider[WMO],
                "per_household": bool(d == WMO and p["contribution_per_household"])}

    def care_value_units(self) -> np.ndarray:
        """What each kind of Wmo care is worth a month at full need (WmoKind order): the
        hours times the tariff for household help and support, the monthly cost of aids."""
        p = self.p
        hours = p["care_hours_at_full_need"]
        return np.array([hours * p["tariff_wmo_eur_per_hour"],
                         hours * p["tariff_support_eur_per_hour"],
                         float(p["tariff_aids_eur_per_month"])])

    def contribution_income(self, idx: np.ndarray) -> np.ndarray:
        """The household income a month of persons ``idx`` as the Wmo own contribution sees
        it (``_kernels.household_income``): where they or their partner are on social
        assistance the household lives on its norm (``params.ASSISTANCE_NORM_*``: a couple's
        where there is a partner), otherwise its drawn income."""
        pop = self.pop
        q = pop.partner[idx]
        has = q >= 0
        assisted = pop.on_bijstand[idx] | (has & pop.on_bijstand[np.where(has, q, 0)])
        norm = ASSISTANCE_NORMS[has.astype(np.intp)]
        return np.where(assisted, norm, pop.income_eur[idx].astype(np.float64))

    def own_contributions(self, idx: np.ndarray, inputs_floor: float, share: float
                          ) -> np.ndarray:
        """What Wmo clients ``idx`` (sorted) pay a month: the lowest amount plus ``share`` of
        income above the threshold, at most what their kind of care is worth (as
        ``_kernels._price``). With ``contribution_per_household`` a couple of clients pays
        this once, at most what both their care is worth, booked on the first of their rows
        (0 on the other)."""
        p, pop = self.p, self.pop
        c = inputs_floor + share * np.maximum(
            self.contribution_income(idx) - p["own_contribution_income_threshold_eur"], 0.0)
        cap = pop.severity[WMO][idx].astype(np.float64) * self.care_value_units()[
            pop.wmo_kind[idx]]
        if p["contribution_per_household"]:
            q = pop.partner[idx].astype(np.int64)
            pos = np.searchsorted(idx, q)
            pos = np.minimum(pos, idx.size - 1)
            couple = (q >= 0) & (idx[pos] == q)  # the partner is a client too
            first = couple & (idx < q)
            cap[first] += cap[pos[first]]
            c[couple & ~first] = 0.0
        return np.minimum(c, cap)

    def assign_wmo_kinds(self, idx: np.ndarray) -> None:
        """What each new Wmo need (rows ``idx``) calls for: household help, aids or support
        at home, by the person's keyed draw of this month ("kind") against the shares."""
        u = _kernels.uniforms(self.keys["kind"], idx).astype(np.float64)
        self.pop.wmo_kind[idx] = wmo_kinds(u, self.p)

    def update_wellbeing(self) -> tuple[np.ndarray, ...] | None:
        """Well-being moves a fifth of the way to what this month's situation supports; self-
        reliance erodes under unmet need or an overburdened carer role, and otherwise recovers.

        Returns, for the indicators, what the same pass takes per municipality: the new
        well-being's sum and histogram, the persons in need, served, waiting, unmet and
        on a waiting list (``_kernels.status_counts``), and the histogram of the persons in
        need (``_kernels.in_need_histogram``)."""
        pop = self.pop
        return _kernels.wellbeing_step(
            base=self.base_wellbeing, wellbeing=pop.wellbeing, self_reliance=pop.self_reliance,
            base_self_reliance=pop.base_self_reliance, carer_load=pop.carer_load,
            overburdened=self.overburdened, recipients=self.recipients,
            need_w=self.in_need[WMO], sev_w=pop.severity[WMO], state_w=pop.state[WMO],
            need_j=self.in_need[JEUGD], sev_j=pop.severity[JEUGD], state_j=pop.state[JEUGD],
            state_p=pop.state[PART], wait_w=pop.wait_months[WMO],
            wait_j=pop.wait_months[JEUGD], wait_p=pop.wait_months[PART],
            bounds=self.muni_bounds, bins=WELLBEING_BINS, rules=self.wellbeing_rules)


def wmo_kinds(u: np.ndarray, p) -> np.ndarray:
    """The kind of Wmo need for uniform draws ``u``: household help with chance
    ``wmo_share_household_help``; of the rest aids with chance ``wmo_share_aids``, else support
    at home."""
    household = p["wmo_share_household_help"]
    aids = household + p["wmo_share_aids"] * (1.0 - household)
    return np.where(u < household, int(WmoKind.HOUSEHOLD),
                    np.where(u < aids, int(WmoKind.AIDS), int(WmoKind.SUPPORT))).astype(np.uint8)


WELLBEING_BINS = 200  # bins of the well-being histogram (10th percentile to 0.005)
