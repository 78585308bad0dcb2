"""TransitionModel: the Mesa model of the 2015 decentralisation. ``step()`` is the ODD schedule."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import mesa
import numpy as np
from scipy.special import ndtri

from . import _kernels, _org, data
from ._memory import small_pages
from .agents import (
    CitizenInitiative,
    Municipality,
    Provider,
    ProviderTable,
    Rijk,
)
from .citizens import ASSISTANCE_NORMS, Citizens, MunicipalInputs, NationalMeans, wmo_kinds
from .ledger import Ledger
from .params import (
    INITIATIVE_START_MEMBERS,
    LIVE_LEVERS,
    MUNICIPAL_LEVERS,
    NATIONAL_POPULATION_2015,
    NATIONAL_REFERENCE_SCALE,
    NATIONAL_REFERENCE_SEED,
    NEED_HISTORY_YEARS_WMO,
    NEED_HISTORY_YEARS_YOUTH,
    PARAM_BY_NAME,
    SEEDED_NEED_MAX,
    SEEDED_NEED_MONTHS,
    TEAM_FLOW_MONTHS,
    UNEMPLOYMENT_2015,
    VOLUNTEERS_PER_FORMATION_UNIT,
    citizen_power_factor,
)
from .population import (
    MAX_AGE,
    AgePath,
    generate,
    monthly_probability,
    municipality_sizes,
    name_quantiles,
)
from .reporters import Tally, build_datacollector
from .scenario import Problem, Scenario, ScenarioError, check_value
from .states import (
    CLIENT_SERVICES,
    KIND_SERVICE,
    TASKED,
    Domain,
    NeedState,
    Service,
    WmoKind,
)

# The service a waiting person needs, per domain (-2: the Wmo, by the kind of the person's need;
# -1: youth care, residential at or above residential_threshold, ambulant below it; see
# waiting_service).
WAITING_SERVICE = (-2, -1, int(Service.REINTEGRATION))
KIND_SERVICES = np.array([int(s) for s in KIND_SERVICE], dtype=np.int64)
# Spawned in this order; a new stream goes last, so the others keep their numbers.
STREAMS = ("population", "persons", "mortality", "providers", "initiatives", "municipalities",
           "reviews", "wajong", "status_holders", "carer_support", "work")
# The ages at which young people with a work disability came into the Wajong (and, once it
# closed to those able to work, come under the Participatiewet).
WAJONG_AGES = (18, 19)
# Recipients at the start have been on assistance for a uniform 0 to 59 months (assumption).
SEEDED_BENEFIT_MONTHS = 60
# Share of providers per service when a municipality's providers are created (assumption).
# The Wmo's share is split over its three services in proportion to their demand.
WMO_PROVIDER_SHARE = 0.4
SERVICE_SHARES = {Service.JEUGD_AMBULANT: 0.3, Service.JEUGD_RESIDENTIAL: 0.1,
                  Service.REINTEGRATION: 0.2}
# A provider's unit value is the tariff of a client-month at half the top need.
TYPICAL_NEED = 0.5


@functools.lru_cache(maxsize=8)
def national_means(params: tuple[tuple[str, Any], ...]) -> NationalMeans:
    """The whole country of 2015 at ``NATIONAL_REFERENCE_SCALE``, built as ``netherlands``
    builds it from its own fixed seed and given its local labour markets, as the nation: its
    mean chances of a need and of entering social assistance (ODD 5.1). The same for every
    seed of a scenario, so kept for the process (a few numbers per set of ``params``)."""
    p = dict(params)
    table = data.municipalities_2015()
    sizes = table.inhabitants.to_numpy()
    sim = np.maximum(1, np.round(sizes * NATIONAL_REFERENCE_SCALE)).astype(np.int64)
    nbh = np.maximum(1, np.round(sizes / p["neighbourhood_size"])).astype(np.int64)
    rng = np.random.default_rng(NATIONAL_REFERENCE_SEED)
    pop = generate(sim, sizes / sim, nbh, p["isolated_share"], rng, np.column_stack([
        table.share_under_18, 1 - table.share_under_18 - table.share_65_plus,
        table.share_65_plus]), share_80_of_65=(table.share_80_plus
                                               / table.share_65_plus).to_numpy(),
        income_index=table.income_index.to_numpy(), partner_age_sd=p["partner_age_sd"],
        child_carer_share=p["child_carer_share"], older_alone=p["older_alone"])
    streams = dict(zip(STREAMS, rng.spawn(len(STREAMS)), strict=True))
    reference = Citizens(pop, p, streams, int(nbh.sum()))
    reference.set_local_assistance(
        (table.assistance_under_aow_age / table.inhabitants).to_numpy())
    return reference.national_means()


def _in_sorted(rows: np.ndarray, sorted_rows: np.ndarray) -> np.ndarray:
    """Whether each of ``rows`` is in ``sorted_rows`` (sorted, unique)."""
    at = np.searchsorted(sorted_rows, rows)
    found = at < sorted_rows.size
    found[found] = sorted_rows[at[found]] == rows[found]
    return found


class YouthYear:
    """Youth care as CBS counts it over a year, and its spells (ODD, Indicators).

    CBS counts the young people who had youth care at any time in a year, each once, and the
    trajectories that ended and how long they lasted. Each month, after the month's last
    change (placements, the teams' help, December's review), the young people in youth care
    (a provider's clients and those the team helps: ``youth_care_users``) are marked; the
    first mark of a calendar year counts the person, per municipality, as a user that year,
    once in all and once more as a residential client or as helped by the team
    (``counts``: rows any, residential, team). The counts start again each January. A
    person's spell of youth care runs from the first month in care through the last month
    in care before a month out of it (or leaving the population, ``close``); ``ended``
    counts the month's ended spells per municipality, and ``ended_short`` those of less
    than ``SHORT_MONTHS`` months."""

    SHORT_MONTHS = 6  # CBS: "korter dan een half jaar"

    def __init__(self, n: int, n_muni: int, bounds: np.ndarray):
        self.bounds = bounds
        self.seen = np.zeros(n, dtype=np.uint8)  # bits: 1 any, 2 residential, 4 team
        self.marked: list[np.ndarray] = []  # rows with a bit set this year
        self.year = -1
        self.counts = np.zeros((3, n_muni))
        self.since = np.full(n, -1, dtype=np.int32)  # first month of the running spell
        self.in_care = np.zeros(0, dtype=np.int64)  # sorted rows in care last month
        self.ended = np.zeros(n_muni)
        self.ended_short = np.zeros(n_muni)

    def start_month(self) -> None:
        """The month's ended spells start from none."""
        self.ended[:] = 0
        self.ended_short[:] = 0

    def _per_muni(self, rows: np.ndarray) -> np.ndarray:
        return np.diff(np.searchsorted(rows, self.bounds)).astype(np.float64)

    def close(self, rows: np.ndarray, step: int) -> None:
        """The spells of ``rows`` (sorted or not) end now: they left the population."""
        rows = np.sort(rows[self.since[rows] >= 0])
        self._end(rows, step)
        self.in_care = np.setdiff1d(self.in_care, rows, assume_unique=True)

    def _end(self, rows: np.ndarray, step: int) -> None:
        months = step - self.since[rows]
        self.ended += self._per_muni(rows)
        self.ended_short += self._per_muni(rows[months < self.SHORT_MONTHS])
        self.since[rows] = -1

    def count(self, year: int, step: int, clients: np.ndarray, residential: np.ndarray,
              team: np.ndarray) -> None:
        """Mark this month's young people in youth care (see the class): a provider's
        ``clients``, of whom ``residential``, and those the ``team`` helps (sorted rows)."""
        if year != self.year:  # a new calendar year: count afresh
            for rows in self.marked:
                self.seen[rows] = 0
            self.marked, self.year = [], year
            self.counts[:] = 0
        now = _kernels.union_sorted(clients, team)  # sorted rows, each once
        for k, rows in enumerate((now, residential, team)):
            bit = np.uint8(1 << k)
            new = rows[(self.seen[rows] & bit) == 0]
            self.seen[new] |= bit
            self.counts[k] += self._per_muni(new)
            self.marked.append(new)
        # Spells: begun this month where not in care last month; ended where in care last
        # month and not now.
        started = now[self.since[now] < 0]
        self.since[started] = step
        self._end(self.in_care[~_in_sorted(self.in_care, now)], step)
        self.in_care = now


class TransitionModel(mesa.Model):
    """Citizens (arrays), providers, municipalities, initiatives and the Rijk, month by month.

    Args:
        scenario: a validated scenario (``load_scenario``).
        seed: the one seed; every random stream is spawned from Mesa's ``rng`` seeded with it.
    """

    @small_pages()  # building is mostly first touches of new memory (_memory)
    def __init__(self, scenario: Scenario, seed: int = 0,
                 indicators: Iterable[str] | None = None):
        """``indicators``: the declared indicators to collect each month (every one when
        None; fewer make a run faster and change nothing else)."""
        if not isinstance(scenario, Scenario):
            raise TypeError("scenario must be a transitiesim Scenario (use load_scenario)")
        super().__init__(rng=int(seed))
        self.seed = int(seed)
        self.scenario = scenario
        self.p = p = scenario.params
        self.streams = dict(zip(STREAMS, self.rng.spawn(len(STREAMS)), strict=True))
        self.year = p["start_year"] - p["burn_in_years"]
        self.month = 0  # advanced to January by the first step
        self.recording = False
        self.reformed = False

        self._create_municipalities()
        self.ledger = Ledger(len(self.municipality_list))
        self.rijk = Rijk(self)
        self.citizens = self.make_citizens()
        self.youth_year: YouthYear = YouthYear(self.pop.size, len(self.municipality_list),
                                               self.muni_bounds)
        reference = self._national_reference()
        if self.assistance_share is not None:
            self.citizens.set_local_assistance(self.assistance_share, reference)
        # Expected need per inhabitant relative to the mean, per municipality and domain: what
        # the objective allocation of the budgets (Rijk) goes by.
        self.need_index = self.citizens.need_index(reference)
        self._seed_needs()
        self.citizens.start_volunteering()
        self.providers_list: list[Provider] = []
        # The providers' changing numbers (Provider reads them).
        self.prov: ProviderTable = ProviderTable()
        self._clients_cache: dict[int, np.ndarray] = {}
        self.tally: Tally = Tally()  # what this step's indicators share (indicators.Tally)
        self._by_muni_size = -1  # providers ordered by municipality, for this many providers
        self._unit_values = self._unit_value_table()
        self._unit_value_array = np.zeros(max(Service) + 1)  # by service number
        for s, value in self._unit_values.items():
            self._unit_value_array[s] = value
        self._create_providers()
        # Active care providers per municipality and domain, counted each month before the
        # payments, and the experiment fund per such provider (_pay_out, operate_providers).
        self.care_providers = np.zeros((len(self.municipality_list), 3))
        self.experiment_fund = np.zeros((len(self.municipality_list), 3))
        # Paid per task (ODD 7.7, "Payment"): what the old system paid each service in its
        # last year and what it spent per domain (settle_payments), and each service's task as
        # a share of its domain's budget, fixed at the reform (set_tasks).
        self._old_pay = np.zeros(max(Service) + 1)
        self._old_spending = np.zeros(3)
        self.task_share: np.ndarray | None = None
        self.tasks = np.zeros((len(self.municipality_list), len(Service)))
        self.initiative_hours_nbh = np.zeros(self.n_nbh)
        # The neighbourhood teams per municipality (staff_teams, ODD 7.12): staff in FTE, the
        # smoothed monthly flow of new needs they plan on, the share of it they can take on
        # (reach) and the prevention their work has built up (0-1). Set from the first month
        # in which new needs are known.
        M = len(self.municipality_list)
        self.team_fte: np.ndarray = np.zeros(M)
        # Hours of household help and support the providers gave this month, per
        # municipality (settle_payments; indicator formal_care_hours).
        self.wmo_hours: np.ndarray = np.zeros(M)
        # The month's informal hours per municipality, kept for the indicators that share it
        # (reporters._informal_hours): (step, hours).
        self._informal_hours_at: tuple[int, np.ndarray] | None = None
        self.team_flow: np.ndarray = np.zeros(M)
        self.team_reach: np.ndarray = np.zeros(M)
        self.prevention_built: np.ndarray = np.zeros(M)
        self._teams_started = False
        self.carer_support_eur: np.ndarray = np.zeros(M)  # this month (support_carers)
        self.innovations_lapsed: np.ndarray = np.zeros(M, dtype=np.int64)  # this month, per muni
        self.innovations_worked: np.ndarray = np.zeros(M, dtype=np.int64)  # this month, per muni
        self._wajong_ages: np.ndarray | None = None  # rows aged 18-19 this year
        # This year's status holders and the month each is housed (house_status_holders).
        self._status_holders = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        self.datacollector: mesa.DataCollector = build_datacollector(indicators)
        for _ in range(12 * p["burn_in_years"]):
            self.step()
        # The burn-in settled the needs: the volunteering level is set to CBS's share for the
        # health people have now (ODD 7.9).
        self.citizens.start_volunteering()
        self.recording = True
        self.ledger.clear()

    # --- construction -----------------------------------------------------------------------
    def make_citizens(self) -> Citizens:
        """The citizens' submodels on the person arrays (``reference.py`` swaps in agents)."""
        return Citizens(self.pop, self.p, self.streams, self.n_nbh)

    def _national_reference(self) -> NationalMeans | None:
        """What municipalities of CBS's table simulated without the rest of the country are
        measured against (ODD 5.1): the means of ``national_means`` for this scenario's
        parameters. None when no listed municipality is CBS's: then the simulated
        municipalities together are the nation."""
        if not any(m.cbs for m in self.scenario.municipalities):
            return None
        return national_means(tuple(sorted(self.p.items())))

    def _create_municipalities(self) -> None:
        p = self.p
        # Ages at the start: the observed national structure of the start year (or the
        # nearest year the path lists), or a municipality's own shares where given.
        self.age_path = AgePath.shipped()
        national = self.age_path.nearest(p["start_year"])
        default_shares = np.array([national[0], 1 - national[0] - national[1], national[1]])
        age_shares = default_shares[None, :]
        share_80_of_65: float | np.ndarray = national[2] / national[1]
        income_index = None
        self.municipality_codes: list[str] = []
        self.assistance_share: np.ndarray | None = None  # observed recipients per inhabitant
        if self.scenario.municipalities:
            listed = self.scenario.municipalities
            names = [m.name for m in listed]
            sizes = np.array([m.inhabitants for m in listed])
            age_shares = np.array([
                [m.share_under_18, 1 - m.share_under_18 - m.share_65_plus, m.share_65_plus]
                if m.share_under_18 is not None and m.share_65_plus is not None
                else default_shares for m in listed])
            if any(m.cbs for m in listed):
                # Municipalities of CBS's table keep their own income, 80-plus and social
                # assistance; the others take the national values.
                table = data.municipalities_2015().set_index("code")
                rows = [table.loc[m.cbs] if m.cbs else None for m in listed]
                national_share = float(table.assistance_under_aow_age.sum()
                                       / table.inhabitants.sum())
                income_index = np.array([1.0 if r is None else r.income_index for r in rows])
                share_80_of_65 = np.array([
                    share_80_of_65 if r is None else r.share_80_plus / r.share_65_plus
                    for r in rows])
                self.assistance_share = np.array([
                    national_share if r is None
                    else r.assistance_under_aow_age / r.inhabitants for r in rows])
                self.municipality_codes = [m.cbs or "" for m in listed]
        elif p["municipality_data"] == "cbs-2015":
            table = data.municipalities_2015()
            names = table.name.tolist()
            self.municipality_codes = table.code.tolist()
            sizes = table.inhabitants.to_numpy()
            age_shares = np.column_stack([
                table.share_under_18, 1 - table.share_under_18 - table.share_65_plus,
                table.share_65_plus])
            share_80_of_65 = (table.share_80_plus / table.share_65_plus).to_numpy()
            income_index = table.income_index.to_numpy()
            self.assistance_share = (table.assistance_under_aow_age / table.inhabitants).to_numpy()
        else:
            sizes = municipality_sizes(p["inhabitants"], p["municipalities"], p["size_log_sd"])
            names = ([f"Gemeente {i + 1:03d}" for i in range(len(sizes))]
                     if len(sizes) > 1 else ["Middelstad"])
        sim = np.maximum(1, np.round(sizes * p["scale"])).astype(np.int64)
        self.weights = sizes / sim
        # A municipality's orientation is its own, the same in every replication: its
        # deviation from the mean is a normal quantile at a hash of its name (seeds vary
        # what happens, not who the municipalities are).
        het = p["municipal_heterogeneity"] if len(sizes) > 1 else 0.0
        learning = np.clip(p["learning_orientation"] + het * ndtri(name_quantiles(names)), 0, 1)
        self.municipality_list = [
            Municipality(self, i, names[i], int(sizes[i]), learning[i]) for i in range(len(sizes))
        ]
        for m, code in zip(self.municipality_list, self.municipality_codes, strict=False):
            m.code = code  # CBS code (GM0363), where the municipalities are CBS's
        self.municipalities = self.agents_by_type[Municipality]
        nbh_counts = np.maximum(1, np.round(sizes / p["neighbourhood_size"])).astype(np.int64)
        self.nbh_muni = np.repeat(np.arange(len(sizes)), nbh_counts)
        self.n_nbh = int(nbh_counts.sum())
        self.pop = generate(sim, self.weights, nbh_counts, p["isolated_share"],
                            self.streams["population"], age_shares,
                            share_80_of_65=share_80_of_65, income_index=income_index,
                            partner_age_sd=p["partner_age_sd"],
                            child_carer_share=p["child_carer_share"], older_alone=p["older_alone"])
        self.inhabitants = sizes.astype(np.float64)
        # Persons are stored municipality by municipality: rows muni_bounds[m]:muni_bounds[m+1],
        # each with the municipality's weight (float32, as in the person arrays).
        self.muni_bounds = np.concatenate([[0], np.cumsum(sim)])
        self.muni_weight = self.pop.weight[self.muni_bounds[:-1]]

    def _seed_needs(self) -> None:
        """Starting needs near their long-run levels, from each person's own past (ODD 5);
        the burn-in years settle the rest."""
        pop, c, p, rng = self.pop, self.citizens, self.p, self.streams["population"]
        u = rng.random(pop.size)
        key = np.uint64(rng.integers(0, 2**63))
        if p["needs_from_history"]:
            youth_by_age = np.full(MAX_AGE + 2, c.youth_onset(), dtype=np.float32)
            _kernels.needs_from_history(
                key=key, age=pop.age, minor=c.minor, self_reliance=pop.self_reliance,
                wmo_by_age=c.wmo_onset_by_age(), youth_by_age=youth_by_age,
                sev_wmo=pop.severity[Domain.WMO], sev_jeugd=pop.severity[Domain.JEUGD],
                rules=c.need_rules, history=_kernels.NeedHistory(
                    rate_wmo=c.recovery_rate(Domain.WMO),
                    rate_jeugd=c.recovery_rate(Domain.JEUGD),
                    unaided_share=float(p["unaided_recovery_share"]),
                    threshold=float(p["access_strictness_before"]),
                    escalation=float(p["escalation_rate"]),
                    progression=float(p["progression_rate"]),
                    wmo_years=NEED_HISTORY_YEARS_WMO, youth_years=NEED_HISTORY_YEARS_YOUTH))
        else:
            # Off: a need with probability min(0.9, 2 x the yearly onset) (as if every need
            # lasted two years), of a new need's severity.
            v = rng.random((2, pop.size))
            has = v[0] < np.minimum(c.onset_month * np.float32(SEEDED_NEED_MONTHS),
                                    np.float32(SEEDED_NEED_MAX))
            sev = (p["new_need_severity_low"]
                   + p["new_need_severity_span"] * v[1]).astype(np.float32)
            pop.severity[Domain.JEUGD][has & c.minor] = sev[has & c.minor]
            pop.severity[Domain.WMO][has & ~c.minor] = sev[has & ~c.minor]
        # Social assistance: the yearly entry at 2015 unemployment, in float32.
        entry_share = c.entry_month * np.float32(12) * np.float32(UNEMPLOYMENT_2015) \
            * np.float32(100)
        mean_entry = float(entry_share[c.working].mean()) if c.working.any() else 1.0
        has = _kernels.seed_assistance(u, entry_share, c.working,
                                       0.0265 / max(float(np.mean(c.working)), 1e-9),
                                       max(mean_entry, 1e-12))
        pop.on_bijstand[has] = True
        # Time on assistance so far: up to five years (SEEDED_BENEFIT_MONTHS; the burn-in
        # settles the rest), the distance to work grown for it as the rule grows it.
        months = rng.integers(0, SEEDED_BENEFIT_MONTHS, int(has.sum()))
        pop.benefit_months[has] = months
        pop.severity[Domain.PARTICIPATIE][has] = np.minimum(
            self.p["new_need_severity_low"]
            + self.p["new_need_severity_span"] * rng.random(int(has.sum()))
            + self.p["assistance_distance_growth"] * months, 1.0)
        wmo = np.flatnonzero(pop.severity[Domain.WMO] > 0)
        pop.wmo_kind[wmo] = wmo_kinds(rng.random(wmo.size), self.p)
        c.look_up_needs()

    def _create_providers(self) -> None:
        p, pop, rng = self.p, self.pop, self.streams["providers"]
        thr = p["access_strictness_before"]
        w = pop.weight
        youth, res = pop.severity[Domain.JEUGD], p["residential_threshold"]
        wmo = (pop.severity[Domain.WMO] >= thr) * w
        need = {
            **{service: wmo * (pop.wmo_kind == kind)
               for kind, service in zip(WmoKind, KIND_SERVICE, strict=True)},
            Service.JEUGD_AMBULANT: ((youth >= thr) & (youth < res)) * w,
            Service.JEUGD_RESIDENTIAL: (youth >= res) * w,
            Service.REINTEGRATION: (pop.on_bijstand
                                    & (pop.severity[Domain.PARTICIPATIE]
                                       <= p["reintegration_max_severity"])) * w
            * p["reintegration_coverage"],
        }
        wmo_total = max(float(wmo.sum()), 1e-12)
        service_share = {s: SERVICE_SHARES[s] if s in SERVICE_SHARES
                         else WMO_PROVIDER_SHARE * float(need[s].sum()) / wmo_total
                         for s in need}
        rows = np.arange(pop.size)
        for s, demand in need.items():
            # np.bincount(pop.muni, weights=demand): sums in row order, on the cores.
            per_muni = _kernels.sums_by_municipality(rows, demand, self.muni_bounds)
            for m in self.municipality_list:
                total = max(per_muni[m.index] * p["capacity_slack"], self.weights[m.index])
                count = max(1, round(p["providers_per_100k"] * m.inhabitants / 1e5
                                     * service_share[s]))
                # At a small scale one simulated person stands for many people: keep each
                # provider large enough to take a few of them.
                count = int(min(count, max(1, total // (3 * self.weights[m.index]))))
                shares = rng.dirichlet(np.full(count, 4.0))
                for share in shares:
                    self._add_provider(m, s, total * share)
        for m in self.municipality_list:
            self._add_provider(m, Service.WIJKTEAM, 0.0)
            self._add_provider(m, Service.SHELTERED_WORK, 0.0)
        self.providers = self.agents_by_type[Provider]

    def _add_provider(self, m: Municipality, service: Service, capacity: float) -> Provider:
        p, rng = self.p, self.streams["providers"]
        culture = float(np.clip(p["provider_culture_mean"]
                                + p["municipal_heterogeneity"] * rng.standard_normal(), 0, 1))
        reserves = p["provider_reserve_months"] * capacity * self.unit_value_eur(service)
        pr = Provider(self, m, service, capacity, culture, reserves)
        self.providers_list.append(pr)
        m.providers.append(pr)
        return pr

    def unit_value_eur(self, service: Service) -> float:
        """Reference tariff of a typical client-month (hourly services at half the top need)."""
        return self._unit_values[service]

    def _unit_value_table(self) -> dict[Service, float]:
        p = self.p
        hours = p["care_hours_at_full_need"]
        return {
            Service.WMO_HOUSEHOLD: p["tariff_wmo_eur_per_hour"] * hours * TYPICAL_NEED,
            Service.WMO_SUPPORT: p["tariff_support_eur_per_hour"] * hours * TYPICAL_NEED,
            Service.WMO_AIDS: p["tariff_aids_eur_per_month"] * TYPICAL_NEED,
            Service.JEUGD_AMBULANT: p["tariff_jeugd_eur_per_hour"] * p["youth_hours_at_full_need"]
            * TYPICAL_NEED,
            Service.JEUGD_RESIDENTIAL: p["tariff_residential_eur_per_month"],
            Service.REINTEGRATION: p["tariff_reintegration_eur_per_month"],
            Service.WIJKTEAM: 0.0,
            Service.SHELTERED_WORK: 0.0,
        }

    # --- the schedule -----------------------------------------------------------------------
    def step(self) -> None:
        """One month, in the order of the ODD process overview (docs/odd.md, section 3)."""
        self._clients_cache.clear()
        self.youth_year.start_month()
        self.advance_calendar()
        self.rijk.pay_budgets()
        if self.month == 1 and self.tasks_paid():
            self.set_tasks()
        if self.month == 1:
            newcomers = self.citizens.age_and_renew(self.year,
                                                    asked=self.recruiting_neighbourhoods())
            self.youth_year.close(newcomers, self.steps)  # whoever left ends their spell
            self.house_status_holders(newcomers)
            if self.reformed and self.p["provider_capacity_change"]:
                self.change_provider_capacity(self.p["provider_capacity_change"])
        self.transition_reassessment()
        self.staff_teams()
        self.support_carers()
        inputs = self.municipal_inputs()
        self.citizens.develop_needs(inputs, self.provider_effects())
        self.citizens.assign_wmo_kinds(self.citizens.new_needs[Domain.WMO])
        if self.reformed:
            self.wajong_entries()
        self.status_holder_entries()
        self.update_sheltered_work()
        self.form_initiatives()
        self.citizens.seek_support(inputs, self.initiative_hours_by_neighbourhood(),
                                   self.reformed)
        self.allocate_care()
        self.settle_payments()
        self.operate_providers()
        self.initiatives_do("evolve")
        taken = self.citizens.update_wellbeing()
        if taken is not None:  # the indicators' well-being summary and person counts
            sums, hist, counts, need_hist = taken
            self.tally = Tally(self.steps, wellbeing=(sums, hist), status=counts,
                               need_hist=need_hist)
        if self.month == 12:
            self.municipalities.do("review_year")
            self.plan_capacity()
        self.ledger.close_month(self)
        self.count_youth_year()
        if self.recording:
            self.datacollector.collect(self)

    # --- levers set while the model runs (workshops, scripts) ----------------------------------
    def set_levers(self, values: Mapping[str, Any]) -> None:
        """Set levers from now on, e.g. in January of a workshop round.

        ``values`` maps names of :data:`LIVE_LEVERS` to values inside the declared ranges; a
        municipal lever is set for every municipality (their own adaptation at the yearly review
        then starts from it). Raises ``ScenarioError`` naming each bad name or value, and then
        changes nothing.
        """
        problems = []
        checked = {}
        for name, value in values.items():
            if name not in LIVE_LEVERS:
                problems.append(Problem(f"levers.{name}", value,
                                        "one of " + ", ".join(LIVE_LEVERS)))
                continue
            checked[name], problem = check_value(PARAM_BY_NAME[name], value, f"levers.{name}")
            if problem:
                problems.append(problem)
        if problems:
            raise ScenarioError(problems, "levers")
        self.p = {**self.p, **checked}
        self.citizens.p = self.p
        for name, value in checked.items():
            if name in MUNICIPAL_LEVERS:
                for m in self.municipality_list:
                    setattr(m, name, value)
        if {"citizen_power", "volunteering_rate"} & checked.keys():
            self.citizens.power = citizen_power_factor(self.p["citizen_power"])
            self.citizens.start_chance = self.citizens.solve_start_chance()  # the same health
            if not self.p["volunteer_turnover"]:  # else people decide next January
                self.citizens.update_volunteering(transition=False)
                self.citizens.refresh_age_terms()

    def change_provider_capacity(self, share: float) -> None:
        """Every active provider with clients grows (or shrinks) its capacity by ``share``."""
        t = self.prov
        t.capacity[t.active & ~t.block] *= 1.0 + share

    def cut_budget(self, year: int, shares: Sequence[float]) -> None:
        """An extra cut on the grants of ``year`` (share per domain), e.g. an event card."""
        self.rijk.extra_cuts[year] = np.asarray(shares, dtype=float)

    def fail_largest_provider(self) -> Provider | None:
        """The care provider with the most clients goes bankrupt now (its clients: see
        ``provider_failed``)."""
        active = [pr for pr in self.providers_list if pr.active and not pr.block]
        if not active:
            return None
        largest = max(active, key=lambda pr: (pr.clients, pr.capacity, -pr.index))
        largest.go_bankrupt()
        return largest

    def start_initiatives(self, share: float) -> int:
        """A wave of citizen initiatives: one starts in ``share`` of the neighbourhoods without
        one that have volunteers (the first ones by number). Returns how many started."""
        has = self.recruiting_neighbourhoods() > 0
        free = np.flatnonzero(~has & (self.citizens.volunteers_by_nbh > 0))
        chosen = free[:int(np.ceil(share * free.size))]
        ms = self.municipality_list
        for nbh in chosen:
            m = ms[self.nbh_muni[nbh]]
            m.initiatives.add(CitizenInitiative(self, m, int(nbh),
                                                members=INITIATIVE_START_MEMBERS))
        return int(chosen.size)

    # --- calendar and Rijk ------------------------------------------------------------------
    def advance_calendar(self) -> None:
        self.month += 1
        if self.month > 12:
            self.month = 1
            self.year += 1
        self.reformed = bool(self.p["decentralisation"] and self.year >= self.p["reform_year"])
        self.unemployment = self.scenario.unemployment_rate(self.year)
        # Who loses work draws unemployment insurance first: entry into social assistance
        # follows the rate of ``assistance_entry_lag_years`` before.
        self.entry_unemployment = self.scenario.unemployment_rate(
            self.year - self.p["assistance_entry_lag_years"])

    def wajong_entries(self) -> np.ndarray:
        """The Wajong closed to young people able to work (Participatiewet, 2015): each month
        a twelfth of ``wajong_entries_moved_per_year`` x ``wajong_to_assistance_share`` young
        people aged 18-19 enter social assistance instead, spread over that age group (a draw
        per person from the "wajong" stream), with a distance to work in the upper half of a
        new recipient's range. Returns the rows that entered."""
        p, pop = self.p, self.pop
        if self._wajong_ages is None or self.month == 1:  # ages change only in January
            lo_age, hi_age = WAJONG_AGES
            self._wajong_ages = _kernels.rows_in_age_range(pop.age, lo_age, hi_age).astype(
                np.int64)
        rows = self._wajong_ages[~pop.on_bijstand[self._wajong_ages]]
        people = float(pop.weight[rows].sum())
        # The national number, in proportion to the simulated inhabitants.
        wanted = (p["wajong_entries_moved_per_year"] * p["wajong_to_assistance_share"] / 12
                  * float(self.inhabitants.sum()) / NATIONAL_POPULATION_2015)
        if rows.size == 0 or wanted <= 0 or people <= 0:
            return rows[:0]
        rng = self.streams["wajong"]
        new = rows[rng.random(rows.size) < wanted / people]
        self._enter_assistance(new, rng)
        return new

    def _enter_assistance(self, rows: np.ndarray, rng: np.random.Generator) -> None:
        """Persons ``rows`` (sorted) come on social assistance this month outside the entry
        rule, with a distance to work in the upper half of a new recipient's range (a draw
        each from ``rng``)."""
        p, pop = self.p, self.pop
        pop.on_bijstand[rows] = True
        pop.benefit_months[rows] = 0
        pop.severity[Domain.PARTICIPATIE][rows] = (
            p["new_need_severity_low"] + p["new_need_severity_span"]
            * (1.0 + rng.random(rows.size)) / 2)
        self.citizens.add_recipients(rows)

    def house_status_holders(self, newcomers: np.ndarray) -> None:
        """January: of this year's adult newcomers (immigrants take the rows freed by
        ``age_and_renew``), each municipality takes as status holders its share of the
        year's asylum residence permits (the scenario's ``[residence_permits]``, carried
        forward) in proportion to its inhabitants (the housing task, Huisvestingswet 2014 art.
        28), times ``status_holder_adult_share`` x ``status_holder_assistance_share``: those
        who will enter social assistance. Each is housed in a month of the year drawn
        uniformly (``status_holder_entries``). A draw per adult newcomer from the
        "status_holders" stream; at most every adult newcomer of a municipality."""
        p, pop = self.p, self.pop
        rng = self.streams["status_holders"]
        per_year = (self.scenario.permits(self.year) * p["status_holder_adult_share"]
                    * p["status_holder_assistance_share"])
        adults = np.sort(newcomers[pop.age[newcomers] >= 18])
        self._status_holders = (adults[:0], np.zeros(0, dtype=np.int64))
        if per_year <= 0 or adults.size == 0:
            return
        M = len(self.municipality_list)
        wanted = per_year * self.inhabitants / NATIONAL_POPULATION_2015
        there = np.bincount(pop.muni[adults], weights=pop.weight[adults], minlength=M)
        chance = np.divide(wanted, there, out=np.zeros(M), where=there > 0)
        chosen = adults[rng.random(adults.size) < chance[pop.muni[adults]]]
        months = 1 + (rng.random(chosen.size) * 12).astype(np.int64)
        self._status_holders = (chosen, months)

    def status_holder_entries(self) -> np.ndarray:
        """This month's housed status holders (``house_status_holders``) enter social
        assistance, unless already on it; returns their rows."""
        rows, months = self._status_holders
        due = rows[months == self.month]
        due = due[~self.pop.on_bijstand[due]]
        if due.size:
            self._enter_assistance(due, self.streams["status_holders"])
        return due

    @property
    def date(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    # --- inputs for the citizens' rules -----------------------------------------------------
    def municipal_inputs(self) -> MunicipalInputs:
        ms = self.municipality_list
        thr = np.array([m.access_threshold() for m in ms])
        reach = self.team_reach  # this month's, from staff_teams
        effect = self.p["prevention_effect"] * self.prevention_built
        return MunicipalInputs(threshold=thr,
                               network_first=thr >= self.p["network_first_threshold"],
                               prevention=effect,
                               own_contribution_eur=self.rijk.own_contribution_eur,
                               contribution_share=self.rijk.contribution_share,
                               unemployment=self.unemployment,
                               entry_unemployment=self.entry_unemployment,
                               legal_share=self.legal_referral_share(),
                               threshold_before=float(self.p["access_strictness_before"]),
                               outreach=1.0 + self.p["outreach_effect"] * reach,
                               team_help_hours=self.team_fte * self.p["team_help_hours_per_fte"])

    def staff_teams(self) -> None:
        """The neighbourhood teams this month (ODD 7.12): staff, flow, reach
        (``team_reach``) and the prevention built up (``prevention_built``).

        The budget for prevention (the prevention share of the Wmo and youth budgets) pays for
        ``team_cost_eur_per_fte`` a year per FTE; the staff moves towards what it pays with
        time constant ``team_hiring_months``. Each FTE takes on ``team_cases_per_fte_month``
        new needs a month; the reach is the share of the flow of new Wmo and youth needs
        (last month's, smoothed over ``TEAM_FLOW_MONTHS``) they can take on,
        1 - exp(-capacity / flow). What prevents onset is the reach built up over time: it
        follows the reach with time constant ``prevention_delay_months``. Without
        ``team_delays`` staff and prevention follow at once. Until new needs are known (the
        first month) the teams have no reach and no effect; then they start in balance with
        the old system's budget."""
        p, pop, c = self.p, self.pop, self.citizens
        ms = self.municipality_list
        M = len(ms)
        share = np.array([m.prevention() for m in ms])
        budget = np.array([m.budget_eur[0] + m.budget_eur[1] for m in ms])  # a month
        target = share * budget * 12.0 / p["team_cost_eur_per_fte"]
        new = c.new_needs[Domain.WMO], c.new_needs[Domain.JEUGD]
        if not self._teams_started and not (new[0].size or new[1].size):
            return
        flow = sum(np.bincount(pop.muni[rows], weights=pop.weight[rows], minlength=M)
                   for rows in new)
        delays = bool(p["team_delays"])
        if not self._teams_started:
            self.team_flow[:] = flow
            self.team_fte[:] = target
        else:
            self.team_flow += (flow - self.team_flow) / TEAM_FLOW_MONTHS
            self.team_fte += (target - self.team_fte) * (
                _approach(p["team_hiring_months"]) if delays else 1.0)
        capacity = self.team_fte * p["team_cases_per_fte_month"]
        self.team_reach = np.where(self.team_flow > 0, -np.expm1(
            -np.divide(capacity, self.team_flow, out=np.zeros(M), where=self.team_flow > 0)),
            (capacity > 0).astype(np.float64))
        if not self._teams_started or not delays:
            self.prevention_built[:] = self.team_reach
        else:
            self.prevention_built += (self.team_reach - self.prevention_built) * _approach(
                p["prevention_delay_months"])
        self._teams_started = True

    def support_carers(self) -> None:
        """Carer support this month (ODD 7.13). Each municipality's budget
        (``Municipality.carer_support_eur``) pays for at most budget x 12 /
        ``carer_support_cost_eur_per_year`` supported persons: carers who gave last month more
        than they can sustain without support and know support exists, the most loaded first
        (``Citizens.choose_supported``). A supported carer can sustain
        ``carer_support_relief`` more this month. The municipality pays its neighbourhood team
        the cost of those it supports (``carer_support_eur``)."""
        p, ms, pop = self.p, self.municipality_list, self.pop
        cost = p["carer_support_cost_eur_per_year"]
        slots = np.array([m.carer_support_eur() for m in ms]) * 12.0 / cost
        supported = self.citizens.choose_supported(slots, p["carer_support_relief"])
        self.carer_support_eur = np.bincount(pop.muni[supported], weights=pop.weight[supported],
                                             minlength=len(ms)) * cost / 12.0

    def team_cost_eur(self) -> np.ndarray:
        """What each municipality's neighbourhood team costs this month: its staff."""
        return self.team_fte * self.p["team_cost_eur_per_fte"] / 12.0

    def legal_referral_share(self) -> np.ndarray:
        """Per municipality, the chance a youth care application comes through a legal
        referrer whose referral the municipality must honour: ``legal_referral_share`` less
        the share its agreements with GPs bring under its own access rules (``gp_agreements``);
        0 without ``referral_routes``."""
        p = self.p
        share = p["legal_referral_share"] * (1.0 - p["gp_agreements"]) \
            if p["referral_routes"] else 0.0
        return np.full(len(self.municipality_list), float(share))

    def provider_effects(self) -> np.ndarray:
        """Each provider's factor on its clients' recovery chance: its innovations', less
        ``results_undertreatment`` where it is paid per result or per task (ODD 7.7,
        "Payment")."""
        return self.prov.effect_factor * np.where(
            self.results_paid() | self.task_paid(), 1.0 - self.p["results_undertreatment"], 1.0)

    def results_paid(self) -> np.ndarray:
        """Per provider: paid per result (``payment`` "results") rather than per hour? After
        the reform, every provider paid per client (not the lump-sum services); before it the
        old system paid for effort."""
        if not (self.reformed and self.p["payment"] == "results"):
            return np.zeros(self.prov.size, dtype=bool)
        return ~self.prov.block

    def task_paid(self) -> np.ndarray:
        """Per provider: paid per task (``payment`` "task")? After the reform, the active
        providers of the Wmo's and youth care's services."""
        if not self.tasks_paid():
            return np.zeros(self.prov.size, dtype=bool)
        return TASKED[self.prov.service] & self.prov.active

    def tasks_paid(self) -> bool:
        """Are the Wmo and youth care providers paid per task (``payment`` "task") now? From
        the reform on; the old system paid for effort."""
        return self.reformed and self.p["payment"] == "task"

    def set_tasks(self) -> None:
        """January, paid per task (ODD 7.7, "Payment"): a municipality's task for a Wmo or
        youth care service, a sum a month for the year, is its domain's budget this month ×
        the share of the domain's spending the old system paid that service's providers in
        its last year (all municipalities together; its budget was what it spent) × the
        municipality's tariff factor (``tasks``, municipalities × services)."""
        if self.task_share is None:
            spent = self._old_spending[[int(s.domain) for s in Service]]
            self.task_share = np.divide(self._old_pay, spent, out=np.zeros(len(Service)),
                                        where=(spent > 0) & TASKED)
        budget = np.array([m.budget_eur for m in self.municipality_list])
        tariff = np.array([m.tariff() for m in self.municipality_list])
        domain = [int(s.domain) for s in Service]
        self.tasks = tariff[:, None] * budget[:, domain] * self.task_share[None, :]

    def update_sheltered_work(self) -> None:
        """Sheltered employment (Wsw): people leave each month; under the old system others
        take their places, after the reform the scheme is closed to new entrants."""
        if self.reformed:
            stay = 1.0 - monthly_probability(self.p["wsw_outflow_rate"])
            for m in self.municipality_list:
                m.wsw_workers *= stay

    # --- citizen initiatives ----------------------------------------------------------------
    @property
    def initiatives(self) -> mesa.agent.AgentSet:
        empty = mesa.agent.AgentSet([], random=self.random)
        return self.agents_by_type.get(CitizenInitiative, empty)

    def initiatives_do(self, method: str) -> None:
        if CitizenInitiative in self.agents_by_type:
            self.agents_by_type[CitizenInitiative].shuffle_do(method)

    def volunteer_pool(self, nbh: int) -> float:
        """Volunteers (people) living in neighbourhood ``nbh``."""
        return float(self.citizens.volunteers_by_nbh[nbh])

    def recruiting_neighbourhoods(self) -> np.ndarray:
        """1 for each neighbourhood where a citizen initiative recruits (has one), else 0."""
        asked = np.zeros(self.n_nbh)
        for ini in self.initiatives:
            asked[ini.neighbourhood] = 1.0
        return asked

    def form_initiatives(self) -> None:
        """A neighbourhood without an initiative sees one form from its engaged citizens:
        a month's chance of ``initiative_formation_rate`` / 12 per 1,000 volunteers living
        there, times the municipality's room (ODD 7.9)."""
        p = self.p
        volunteers = self.citizens.volunteers_by_nbh
        u = self.streams["initiatives"].random(self.n_nbh)
        has = self.recruiting_neighbourhoods() > 0
        ms = self.municipality_list
        room = np.array([m.initiative_room() for m in ms])
        chance = p["initiative_formation_rate"] / 12.0 * volunteers \
            / VOLUNTEERS_PER_FORMATION_UNIT * room[self.nbh_muni]
        for nbh in np.flatnonzero(~has & (u < chance)):
            m = ms[self.nbh_muni[nbh]]
            m.initiatives.add(CitizenInitiative(self, m, int(nbh),
                                                members=INITIATIVE_START_MEMBERS))

    def initiative_dissolved(self, ini: CitizenInitiative) -> None:
        """An initiative ends: book what it received this month before it leaves the model."""
        ini.municipality.initiatives.discard(ini)
        self.ledger.cur["received_by_initiatives"][ini.municipality.index] += ini.grants_eur
        ini.grants_eur = 0.0

    def initiative_hours_by_neighbourhood(self) -> np.ndarray:
        hours = np.zeros(self.n_nbh)
        for ini in self.initiatives:
            hours[ini.neighbourhood] += ini.hours_per_month
        return hours

    # --- formal care --------------------------------------------------------------------------
    def count_youth_year(self) -> None:
        """Youth care as CBS counts it over the year (``YouthYear``), after the month's last
        change: the providers' youth care clients, the residential among them, and the young
        people the team helps."""
        pop, d = self.pop, Domain.JEUGD
        clients = self.clients_of(d)
        need = self.citizens.in_need[d]
        team = need[pop.state[d][need] == int(NeedState.INITIATIVE)]
        residential = clients[self.prov.service[pop.provider[d][clients]]
                              == int(Service.JEUGD_RESIDENTIAL)]
        self.youth_year.count(self.year, self.steps, clients, residential, team)

    def clients_of(self, d: int) -> np.ndarray:
        """Sorted indices of persons a provider serves in domain ``d``.

        Cached between changes of who is served: the cache is emptied at the start of a
        month, after placements and when a provider fails.
        """
        cached = self._clients_cache.get(d)
        if cached is None:
            idx = self.citizens.with_need(d)
            cached = self._clients_cache[d] = _kernels.listed(idx, self.pop.provider[d])
        return cached

    def waiting_in(self, d: int) -> np.ndarray:
        """Sorted indices of persons on a waiting list in domain ``d``."""
        return _kernels.listed(self.citizens.with_need(d), self.pop.wait_months[d])

    def waiting_service(self, d: int, idx: np.ndarray) -> np.ndarray:
        """The service a waiting person needs: the Wmo by the kind of need, youth care turns
        residential above a severity."""
        if d == Domain.WMO:
            return KIND_SERVICES[self.pop.wmo_kind[idx]]
        if d == Domain.PARTICIPATIE:
            return np.full(idx.size, int(Service.REINTEGRATION))
        res = self.pop.severity[d][idx] >= self.p["residential_threshold"]
        return np.where(res, int(Service.JEUGD_RESIDENTIAL), int(Service.JEUGD_AMBULANT))

    def allocate_care(self) -> None:
        """Place waiting persons with contracted providers that have room, longest wait first.

        Per domain, persons wait in groups of (municipality, service) and are placed in order
        (months waited, longest first; ties by this month's queue draw) while their cumulative
        weight fits in the free places of the group's providers, spread over those providers
        in proportion to their free places (``_kernels.place_waiting``).
        """
        pop, t = self.pop, self.prov
        service, muni_of = t.service, t.muni
        # Clients (weighted persons) per provider, counted from the persons' side; a provider
        # serves one domain, so each entry is summed over its own domain only.
        clients = np.zeros(t.size)
        queues = [_kernels.clients_and_queue(
            idx=self.citizens.with_need(d), prov=pop.provider[d], wait=pop.wait_months[d],
            weight=self.muni_weight, out=clients, bounds=self.muni_bounds)
                  for d in range(3)]
        # Providers take new clients if contracted and, after the reform, paid at least their
        # bid: it is what they ask a municipality (ODD 7.8, "Fair price"); the old system's
        # tariffs were set nationally.
        bid = self.p["provider_tariff_bid"]
        paid_enough = np.array([not self.reformed or m.tariff() >= bid
                                for m in self.municipality_list])
        taking = t.active & t.contracted & paid_enough[muni_of]
        free = np.maximum(np.where(taking, t.capacity, 0.0) - clients, 0.0)
        prov_key = muni_of * 8 + service
        porder = np.argsort(prov_key, kind="stable")
        pkeys = prov_key[porder]
        for d, queue in enumerate(queues):
            if queue.size == 0:
                continue
            _kernels.place_waiting(
                queue=queue, bounds=self.muni_bounds, svc_of=WAITING_SERVICE[d],
                sev=pop.severity[d], residential=self.p["residential_threshold"],
                wait=pop.wait_months[d], weight=self.muni_weight, kind=pop.wmo_kind,
                kind_service=KIND_SERVICES,
                key_queue=self.citizens.keys["queue"], pkeys=pkeys, pcum=np.cumsum(free[porder]),
                porder=porder, prov=pop.provider[d], state=pop.state[d], free=free, clients=clients)
        self._clients_cache.clear()
        t.clients[:] = clients

    def provider_failed(self, pr: Provider) -> None:
        """A bankrupt provider's clients: with ``care_continuity`` a successor of the same
        service in the municipality takes them over at once, with the capacity they use (the
        municipality's duty of continuity of care; a restart); without, they wait again."""
        pop = self.pop
        d = int(pr.domain)
        if pr.block:
            return
        # A provider serves one municipality: its clients are among that municipality's rows.
        lo, hi = self.muni_bounds[pr.municipality.index], self.muni_bounds[
            pr.municipality.index + 1]
        idx = lo + np.flatnonzero(pop.provider[d][lo:hi] == pr.index)
        if self.p["care_continuity"] and idx.size:
            successor = self._add_provider(pr.municipality, pr.service,
                                           float(pop.weight[idx].sum()))
            pop.provider[d][idx] = successor.index  # the same persons are served
        else:
            pop.provider[d][idx] = -1
            pop.wait_months[d][idx] = 0
            self._clients_cache.clear()

    def plan_capacity(self) -> None:
        """Yearly: providers adjust capacity to their waiting list; a service with no provider
        left and people waiting gets a new one."""
        pop = self.pop
        M = len(self.municipality_list)
        waiting = np.zeros((M, 8))
        for d in range(3):
            idx = self.waiting_in(d)
            np.add.at(waiting, (pop.muni[idx], self.waiting_service(d, idx)), pop.weight[idx])
        entry = self.entry_open()
        for m in self.municipality_list:
            by_service = self._active_by_service(m)
            for s in CLIENT_SERVICES:
                self._plan_service(m, s, float(waiting[m.index, int(s)]), bool(entry[m.index]),
                                   by_service[s])
        if self.reformed and self.p["contracting"] == "tender":
            self._tender()

    @staticmethod
    def _active_by_service(m: Municipality) -> dict[Service, list[Provider]]:
        """A municipality's providers in business, per service it contracts for clients, each
        list in the municipality's order."""
        by_service: dict[Service, list[Provider]] = {s: [] for s in CLIENT_SERVICES}
        for pr in m.providers:
            if pr.service in by_service and pr.active:
                by_service[pr.service].append(pr)
        return by_service

    def _plan_service(self, m: Municipality, s: Service, queue: float, entry: bool,
                      active: list[Provider] | None = None) -> None:
        """One municipality's providers of one service plan for ``queue`` (people waiting):
        each incumbent applies its rule to its share; a service with no provider left gets one
        for the whole list; under open entry (Wmo and youth care) an entrant takes the part of
        the list the incumbents did not grow into. Places incumbents give up when they shrink
        do not count: they stood empty or lost money, and the list did not get shorter."""
        person = float(self.muni_weight[m.index])
        if active is None:
            active = self._active_by_service(m)[s]
        before = sum(pr.capacity for pr in active)
        for pr in active:
            pr.plan_capacity(queue / max(len(active), 1), person)
        if not active and queue > 0:
            self._add_provider(m, s, queue)
        elif entry and s.domain is not Domain.PARTICIPATIE:
            rest = queue - max(0.0, sum(pr.capacity for pr in active) - before)
            if rest >= person:
                self._add_provider(m, s, rest)

    def entry_open(self) -> np.ndarray:
        """Per municipality: may new providers enter this December (ODD 7.7, "Entry")? After
        the reform, with ``provider_entry``, under open-house contracting, where the tariff
        pays at least the providers' bid and no budget ceiling holds (supervision)."""
        p = self.p
        if not (self.reformed and p["provider_entry"] and p["contracting"] == "open_house"
                and p["payment"] != "task"):
            return np.zeros(len(self.municipality_list), dtype=bool)
        return np.array([m.tariff() >= p["provider_tariff_bid"] and not m.supervised
                         for m in self.municipality_list])

    def _tender(self) -> None:
        """Tender: contract the more innovative half of each service's providers."""
        for m in self.municipality_list:
            by_service = self._active_by_service(m)
            for s in CLIENT_SERVICES:
                active = by_service[s]
                if len(active) < 2:
                    continue
                cut = np.median([pr.culture + pr.innovations for pr in active])
                for pr in active:
                    pr.contracted = (pr.culture + pr.innovations) >= cut

    # --- money ------------------------------------------------------------------------------
    def settle_payments(self) -> None:
        """Municipalities pay providers per client, benefits to citizens, wijkteams,
        experiment grants and initiative grants; clients pay their own contribution."""
        pop, p, t = self.pop, self.p, self.prov
        P = t.size
        tariffs = np.array([m.tariff() for m in self.municipality_list])
        ref_volume = np.zeros(P)
        t.revenue_eur[:] = 0.0
        t.grant_eur[:] = 0.0
        for d in range(3):
            # Who is served after this month's placements, and what their care is worth.
            self._clients_cache[d], volume = _kernels.served_value(
                idx=self.citizens.with_need(d), prov=pop.provider[d], sev=pop.severity[d],
                weight=self.muni_weight, service=t.service, n_providers=P,
                unit_household=p["care_hours_at_full_need"] * p["tariff_wmo_eur_per_hour"],
                unit_support=p["care_hours_at_full_need"] * p["tariff_support_eur_per_hour"],
                unit_aids=float(p["tariff_aids_eur_per_month"]),
                unit_ambulant=p["youth_hours_at_full_need"] * p["tariff_jeugd_eur_per_hour"],
                unit_residential=float(p["tariff_residential_eur_per_month"]),
                unit_reintegration=float(p["tariff_reintegration_eur_per_month"]),
                bounds=self.muni_bounds)
            ref_volume += volume
        # A provider whose innovations worked needs less effort per client; paid per hour it
        # bills that effort, paid per result the price of the need (ODD 7.7, "Payment").
        effort = ref_volume * t.cost_factor
        # Household help and support are indicated in hours, the municipality's own after the
        # reform (``municipal_hours_factor``).
        hours = np.zeros(P)
        for service, per_hour in ((Service.WMO_HOUSEHOLD, p["tariff_wmo_eur_per_hour"]),
                                  (Service.WMO_SUPPORT, p["tariff_support_eur_per_hour"])):
            sel = t.service == service
            factor = self.wmo_hours_factor(service)
            effort[sel] *= factor
            ref_volume[sel] *= factor
            hours[sel] = effort[sel] / per_hour  # what is delivered, at its hourly tariff
        billed = np.where(self.results_paid(), ref_volume, effort)
        # Support at home under the first contracts (7.1): a product bought below the AWBZ's
        # tariff, which the providers organised at that price (their costs follow it).
        contract = self.contract_factors()[t.service]
        effort *= contract
        pay = billed * contract * tariffs[t.muni]
        share = p["fixed_cost_share"]
        fixed = share * t.capacity * self._unit_value_array[t.service] * contract
        if self.tasks_paid():
            # A municipality's task for a Wmo or youth care service is shared among its
            # providers by what all their clients' care would cost them; where it falls short
            # each gives that share of the care (ODD 7.7, "Payment").
            tasked = self.task_paid()
            full = p["provider_cost_ratio"] * ((1 - share) * effort + fixed)
            key = t.muni * len(Service) + t.service
            needed = np.bincount(key[tasked], weights=full[tasked], minlength=self.tasks.size)
            paid = np.divide(self.tasks.ravel(), needed, out=np.zeros(needed.size),
                             where=needed > 0)[key]
            pay = np.where(tasked, paid * full, pay)
            t.delivered[:] = np.where(tasked, np.minimum(paid, 1.0), 1.0)
            effort *= t.delivered
            fixed *= t.delivered
            hours *= t.delivered
        self.wmo_hours = np.bincount(t.muni, weights=hours, minlength=len(tariffs))
        wmo_clients = self.clients_of(Domain.WMO)
        contributions = _kernels.contributions_by_municipality(
            idx=wmo_clients, weight=self.muni_weight, income=pop.income_eur,
            assisted=pop.on_bijstand, norms=ASSISTANCE_NORMS,
            sev=pop.severity[Domain.WMO], kind=pop.wmo_kind,
            floor=float(self.rijk.own_contribution_eur),
            share=float(self.rijk.contribution_share),
            threshold=float(p["own_contribution_income_threshold_eur"]),
            units=self.citizens.care_value_units(), bounds=self.muni_bounds,
            partner=pop.partner, prov=pop.provider[Domain.WMO],
            per_household=bool(p["contribution_per_household"]))
        self.benefit_recipients = self.citizens.recipients
        benefits = self.citizen_receipts_by_municipality()
        self._pay_out(pay, contributions, benefits)
        if p["payment"] == "task" and not self.reformed:
            # The old system's last year, which the tasks are set from (set_tasks).
            if self.month == 1:
                self._old_pay[:] = 0.0
                self._old_spending[:] = 0.0
            self._old_pay += np.bincount(t.service, weights=pay, minlength=len(Service))
            self._old_spending += self.ledger.cur["spending"].sum(axis=1)
        # Providers' costs this month (paid in operate_providers): lump-sum services spend
        # what they receive; the others a fixed part for their capacity and a part per client.
        t.cost_eur[:] = np.where(t.block, t.revenue_eur,
                                 p["provider_cost_ratio"] * ((1 - share) * effort + fixed))

    def _pay_out(self, pay: np.ndarray, contributions: np.ndarray,
                 benefits: np.ndarray) -> None:
        """Each municipality in turn: own contributions in; then providers, citizens,
        experiment grants and initiatives paid, in that order, each payment lowering its
        reserves and booked once under its domain and receiver (``_org.pay_out``)."""
        p, t, ms = self.p, self.prov, self.municipality_list
        book = self.ledger.cur
        M = len(ms)
        if self._by_muni_size != t.size:  # providers by municipality (when it changed)
            self._by_muni = np.argsort(t.muni, kind="stable")
            self._by_muni_starts = np.searchsorted(t.muni[self._by_muni], np.arange(M + 1))
            self._by_muni_size = t.size
        reserves = np.array([m.reserves_eur for m in ms])
        budget = np.array([m.budget_eur for m in ms]).reshape(M, 3)
        team_eur = self.team_cost_eur()
        wsw_eur = np.array([m.wsw_workers for m in ms]) * p["wsw_cost_eur_per_worker_year"] / 12
        fund_share = np.array([m.experiment_fund() for m in ms])
        initiatives = np.array([len(m.initiatives) for m in ms], dtype=np.int64)
        initiative_grant = np.array([m.initiative_support_eur_per_capita * m.inhabitants / 12
                                     / len(m.initiatives) if m.initiatives else 0.0 for m in ms])
        self.care_providers = np.zeros((M, 3))  # active care providers per domain
        _org.pay_out(
            starts=self._by_muni_starts, rows=self._by_muni, status=t.status, block=t.block,
            wijkteam=t.wijkteam, domain=t.domain, pay=pay, revenue=t.revenue_eur,
            reserves_p=t.reserves_eur, grant=t.grant_eur, months_left=t.experiment_months_left,
            reserves_m=reserves, contributions=contributions, benefits=benefits, budget=budget,
            team_eur=team_eur, carer_eur=self.carer_support_eur, wsw_eur=wsw_eur,
            fund_share=fund_share,
            initiative_grant=initiative_grant, initiatives=initiatives, spending=book["spending"],
            to_providers=book["to_providers"], to_citizens=book["to_citizens"],
            to_initiatives=book["to_initiatives"], contributed=book["contributions"],
            care_providers=self.care_providers)
        for m, r, grant in zip(ms, reserves.tolist(), initiative_grant.tolist(), strict=True):
            m.reserves_eur = r
            for ini in m.initiatives:
                ini.receive(grant)
        # The experiment fund per municipality and domain this month, per active care
        # provider counted above (read by operate_providers).
        counts = self.care_providers
        self.experiment_fund = np.divide(fund_share[:, None] * budget, counts,
                                         out=np.zeros_like(budget), where=counts > 0)

    def operate_providers(self) -> None:
        """Every active provider, in a random order (as Mesa's ``shuffle_do`` would call
        them), pays its costs, runs or starts an experiment and fails when its reserves are
        gone (``_org.operate``; the rules are in docs/odd.md). Bankrupt providers' clients wait
        again."""
        p, t = self.p, self.prov
        order = list(range(t.size))
        self.random.shuffle(order)  # the permutation shuffle_do draws for this many agents
        fade = monthly_probability(p["innovation_fade_rate"])
        u = self.streams["providers"].random(_org.draws_needed(
            t.status, t.block, t.experiment_months_left, t.innovations, fade > 0))
        ms = self.municipality_list
        # Diffusion (ODD 7.7): the share of the active care providers of each service,
        # across municipalities, whose innovation works; and the room a municipality leaves
        # (its squeeze discourages its providers).
        care, n_services = t.active & ~t.block, max(Service) + 1
        count = np.bincount(t.service[care], minlength=n_services)
        adopted = np.bincount(t.service[care], weights=t.innovations[care] > 0,
                              minlength=n_services)
        peers = np.divide(adopted, count, out=np.zeros(n_services), where=count > 0)
        room = np.maximum(0.0, 1.0 - p["innovation_discouragement"]
                          * np.array([m.squeeze for m in ms]))
        succeeded = np.zeros(len(ms), dtype=np.int64)
        failed = np.zeros(len(ms), dtype=np.int64)
        self.innovations_lapsed = np.zeros(len(ms), dtype=np.int64)  # this month's
        start, success = self.staff_room()
        bankrupt = _org.operate(
            order=np.array(order, dtype=np.int64), u=u, status=t.status, block=t.block,
            domain=t.domain, muni=t.muni, capacity=t.capacity, culture=t.culture,
            reserves=t.reserves_eur, cost=t.cost_eur, months_left=t.experiment_months_left,
            experiment_cost=t.experiment_cost_eur, spent=t.experiment_spent_eur,
            revenue=t.revenue_eur, grant=t.grant_eur, cost_factor=t.cost_factor,
            effect_factor=t.effect_factor, innovations=t.innovations, failed=t.experiments_failed,
            margins=t.margins, margin_months=t.margin_months, fund=self.experiment_fund,
            cost_share=p["experiment_cost_share"], uptake=p["innovation_uptake"],
            experiment_months=p["experiment_months"], success_prob=p["innovation_success_prob"],
            cost_reduction=p["innovation_cost_reduction"], effect_gain=p["innovation_effect"],
            succeeded_m=succeeded, failed_m=failed, service=t.service, peers=peers,
            imitation=float(p["innovation_imitation"]), fade=fade, room=room,
            lapsed_m=self.innovations_lapsed, start_factor=start, success_factor=success)
        self.innovations_worked = succeeded
        for k in np.flatnonzero(succeeded | failed):
            ms[k].experiments_succeeded += int(succeeded[k])
            ms[k].experiments_failed += int(failed[k])
        for i in bankrupt:
            self.provider_failed(self.providers_list[i])

    def staff_room(self) -> tuple[np.ndarray, np.ndarray]:
        """Each provider's factors on its chance to start an experiment and on the chance an
        experiment works, from its slack this month: the share of its places free (ODD 7.7,
        "Staff room"). Up to ``staff_room_slack`` free, room to experiment grows from
        1 - ``staff_room_effect`` (all places taken) to 1; beyond it, the chance an
        experiment works falls from 1 to 1 - ``slack_discipline_loss`` (all places free):
        too little slack stifles experiments and too much loosens their discipline (Nohria
        and Gulati 1996)."""
        p, t = self.p, self.prov
        free = np.divide(t.capacity - t.clients, t.capacity, out=np.zeros(t.size),
                         where=t.capacity > 0)
        free = np.clip(free, 0.0, 1.0)
        enough = p["staff_room_slack"]
        start = 1.0 - p["staff_room_effect"] * (1.0 - np.minimum(free / enough, 1.0))
        success = 1.0 - p["slack_discipline_loss"] * np.maximum(free - enough, 0.0) / (
            1.0 - enough)
        return start, success

    def citizen_receipts_by_municipality(self) -> np.ndarray:
        """Benefits received this month, summed over the recipients (each receives the
        benefit times their weight)."""
        return _kernels.amounts_by_municipality(self.benefit_recipients, self.muni_weight,
                                                self.p["bijstand_benefit_eur_per_month"],
                                                self.muni_bounds)

    # --- helpers for agents' decisions ------------------------------------------------------
    def draw(self, stream: str) -> float:
        return float(self.streams[stream].random())

    def contract_factors(self) -> np.ndarray:
        """Per service (by number), the factor the first contracts put on the reference
        value of a client's care (ODD 7.1, "First contracts"): from January of the reform
        year support at home is bought at 1 - ``support_tariff_discount`` of the AWBZ's
        tariff, for every client, those under the transitional law included (the law kept
        their indication, not the provider's tariff), and the providers' costs follow it;
        every other service and every month before the reform at 1."""
        factors = np.ones(max(Service) + 1)
        if self.reformed:
            factors[Service.WMO_SUPPORT] = 1.0 - self.p["support_tariff_discount"]
        return factors

    def wmo_hours_factor(self, service: Service) -> float:
        """What an hour of household help or support (``service``) indicated now is, as a
        share of the old system's: 1 before the reform; ``municipal_hours_factor`` once every
        client holds a municipal indication. Household help was already the municipality's
        (Wmo 2007), so its hours are municipal from January of the reform year. Support at
        home came from the AWBZ: under the transitional law (``transition_law``) that caseload
        is re-assessed evenly through the reform year, so by the end of month k the share
        k/12 of it holds municipal hours (new clients of that year are counted in the same
        even share: an approximation of the mean, not a per-person record)."""
        p = self.p
        if not self.reformed:
            return 1.0
        done = 1.0
        if (service == Service.WMO_SUPPORT and p["transition_law"]
                and self.year == p["reform_year"]):
            done = self.month / 12
        return 1.0 - done * (1.0 - p["municipal_hours_factor"])

    def transition_reassessment(self) -> None:
        """The reform year: each municipality re-assesses the Wmo clients it took over
        against its own access threshold. Under the transitional law (``transition_law``)
        the AWBZ's support-at-home clients evenly through the year (in month k the share
        1/(13 - k) of those not yet seen, so everyone is seen once by December) and the
        Wmo 2007's household help and aids, already the municipality's, in January; without
        the law, everyone in January. Who falls below the threshold loses the indication
        (``reassess``)."""
        p = self.p
        if not self.reformed or self.year != p["reform_year"]:
            return
        law = p["transition_law"]
        for kinds, share in (((WmoKind.SUPPORT,), 1.0 / (13 - self.month) if law
                              else float(self.month == 1)),
                             ((WmoKind.HOUSEHOLD, WmoKind.AIDS), float(self.month == 1))):
            if share > 0:
                for m in self.municipality_list:
                    self.reassess(m, share, domains=(Domain.WMO,), wmo_kinds=kinds)

    def reassess(self, m: Municipality, share: float,
                 domains: tuple[Domain, ...] = (Domain.WMO, Domain.JEUGD),
                 wmo_kinds: tuple[WmoKind, ...] | None = None) -> int:
        """A municipality re-assesses its Wmo and youth care clients (``domains``; Wmo
        clients of ``wmo_kinds`` only, when given) against its current access threshold;
        each client below it loses the indication with chance ``share`` (a keyed draw per
        person, from the "reviews" stream). With ``network_at_reassessment``, after the
        reform, a municipality that counts the network first (its threshold at least
        ``network_first_threshold``) asks ``network_first_margin`` more of a client whose
        carer could take their care over (``Citizens.network_can_take_over``), as it does of
        a new application. Youth care clients referred by a legal referrer are not the
        municipality's to re-assess. Returns how many."""
        pop, p = self.pop, self.p
        lo, hi = self.muni_bounds[m.index], self.muni_bounds[m.index + 1]
        key = np.uint64(self.streams["reviews"].bit_generator.random_raw())
        threshold = m.access_threshold()
        margin = (p["network_first_margin"] if (
            p["network_at_reassessment"] and self.reformed
            and threshold >= p["network_first_threshold"]) else 0.0)
        ended = 0
        for d in domains:
            own = ~pop.legal_referral[lo:hi] if d == Domain.JEUGD else True
            if d == Domain.WMO and wmo_kinds is not None:
                listed = np.zeros(len(WmoKind), dtype=bool)
                listed[[int(k) for k in wmo_kinds]] = True
                own = listed[pop.wmo_kind[lo:hi]]
            rows = lo + np.flatnonzero((pop.provider[d][lo:hi] >= 0) & own
                                       & (pop.severity[d][lo:hi] < threshold + margin))
            drawn = rows[_kernels.uniforms(key, rows) < share]
            # Above the threshold only where the network could take the care over.
            above = pop.severity[d][drawn] >= threshold
            out = drawn[~above]
            if above.any():
                over = drawn[above]
                out = np.sort(np.concatenate(
                    [out, over[self.citizens.network_can_take_over(over, d)]]))
            pop.provider[d][out] = -1
            pop.wait_months[d][out] = -1
            ended += out.size
        self._clients_cache.clear()
        return ended

    def unmet_share(self, m: int) -> float:
        lo, hi = self.muni_bounds[m], self.muni_bounds[m + 1]
        unmet = (self.pop.state[:2, lo:hi] >= NeedState.WAITING).any(axis=0)
        return float(np.count_nonzero(unmet) * self.weights[m] / max(self.inhabitants[m], 1.0))

    def run_model(self) -> None:
        """Run to December of ``end_year``."""
        while (self.year, self.month) < (self.p["end_year"], 12):
            self.step()


def _approach(months: float) -> float:
    """The share of a gap closed in a month by a first-order delay with time constant
    ``months`` (1 at 0: at once)."""
    return 1.0 if months <= 0 else float(-np.expm1(-1.0 / months))


__all__ = ["TransitionModel"]
