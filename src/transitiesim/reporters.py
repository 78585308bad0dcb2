"""What computes each indicator (declared in ``indicators``): one function per indicator,
``REPORTERS`` by name in the declarations' order, and the data collector that calls them each
month.

Every reporter returns an array of length M + 1: one value per municipality, then the national
value. National values are computed from the persons and organisations themselves, not
averaged from municipalities (a national 10th percentile is not a mean of local ones).
Person counts are weighted (a simulated person stands for ``weight`` people).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import mesa
import numpy as np

from . import _kernels
from ._org import BANKRUPT
from .citizens import WELLBEING_BINS
from .indicators import INDICATORS
from .params import DOMAINS
from .states import TASKED, Domain, NeedState, Service

if TYPE_CHECKING:
    from .model import TransitionModel


def _with_total(per_muni: np.ndarray) -> np.ndarray:
    out = np.empty(per_muni.size + 1)
    out[:-1] = per_muni
    out[-1] = per_muni.sum()
    return out


def _count_index(model: TransitionModel, idx: np.ndarray) -> np.ndarray:
    """People (weighted) among the sorted person indices ``idx``, per municipality.

    Persons are stored municipality by municipality and all persons of one municipality carry
    the same weight, so a count is positions in a sorted index times that weight.
    """
    if model.weights.size == 1:
        n = idx.size * model.weights[0]
        return np.array([n, n])
    per_muni = np.diff(np.searchsorted(idx, model.muni_bounds)) * model.weights
    return _with_total(per_muni)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.zeros_like(num, dtype=float), where=den > 0)


@dataclass
class Tally:
    """What the indicators of one step share, taken once: by the schedule on its way
    (``TransitionModel.step`` stores the well-being pass's summary and person counts) or by
    the first indicator that needs it. ``TransitionModel.tally`` holds the current step's;
    read it through :func:`tally_of`, which starts a fresh one when the step has moved on."""

    step: int = -1
    wellbeing: tuple[np.ndarray, np.ndarray] | None = None  # sums and histograms per muni
    status: np.ndarray | None = None  # persons in need, served, ... per muni (status_counts)
    providers: dict[str, np.ndarray] | None = None  # the care providers' table
    need_hist: np.ndarray | None = None  # well-being histogram of the persons in need
    by_service: dict[int, np.ndarray] = field(default_factory=dict)  # clients per service
    durations: dict[str, np.ndarray] = field(default_factory=dict)  # by time on assistance
    team_jeugd: np.ndarray | None = None  # young people the teams help, per muni and total


def tally_of(model: TransitionModel) -> Tally:
    if model.tally.step != model.steps:
        model.tally = Tally(model.steps)
    return model.tally


def _person_counts(model: TransitionModel) -> np.ndarray:
    """Persons per municipality in need, served, waiting, unmet and on a waiting list, each
    person counted once: taken by the citizens' well-being update in this step
    (``TransitionModel.step``), or else by one merge of the need lists
    (``_kernels.status_counts``)."""
    t = tally_of(model)
    if t.status is not None:
        return t.status
    c, pop = model.citizens, model.pop
    t.status = _kernels.status_counts(
        need_w=c.in_need[0], need_j=c.in_need[1], recipients=c.recipients,
        state_w=pop.state[0], state_j=pop.state[1], state_p=pop.state[2],
        wait_w=pop.wait_months[0], wait_j=pop.wait_months[1], wait_p=pop.wait_months[2],
        bounds=model.muni_bounds)
    return t.status


def _wellbeing_summary(model: TransitionModel) -> tuple[np.ndarray, np.ndarray]:
    """Sum of well-being and its 200-bin histogram per municipality: taken by the citizens'
    well-being update in this step (``TransitionModel.step``), or else by one pass."""
    t = tally_of(model)
    if t.wellbeing is None:
        t.wellbeing = _kernels.summary_by_municipality(model.pop.wellbeing, model.muni_bounds,
                                                       WELLBEING_BINS)
    return t.wellbeing


def _book(model: TransitionModel, key: str) -> np.ndarray:
    return model.ledger.cur[key]


def _domain_flow(key: str, d: int) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        return _with_total(_book(model, key)[d])
    return fn


def _deficit(d: int) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        book = model.ledger.cur
        gap = book["spending"][d] - book["budget"][d]
        if d == Domain.WMO:
            gap = gap - book["contributions"]
        return _with_total(gap)
    return fn


def _clients(d: int) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        if d == Domain.PARTICIPATIE:  # everyone with a trajectory receives the benefit
            return _count_index(model, model.citizens.recipients)
        return _count_index(model, model.clients_of(d))
    return fn


def _status(row: int) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        return _with_total(_person_counts(model)[row] * model.weights)
    return fn


def wellbeing_mean(model: TransitionModel) -> np.ndarray:
    sums = _wellbeing_summary(model)[0]
    return _ratio(_with_total(sums * model.weights), _with_total(model.inhabitants.copy()))


def wellbeing_p10(model: TransitionModel) -> np.ndarray:
    """Weighted 10th percentile of well-being, to 0.005, from a 200-bin histogram.

    Weights are equal within a municipality, so each municipality's histogram is a plain count
    times its weight; the national one adds them up.
    """
    return _p10(_wellbeing_summary(model)[1], model.weights)


def wellbeing_p10_in_need(model: TransitionModel) -> np.ndarray:
    """The worst-off tenth among persons with a need (Wmo, youth care or social assistance):
    their weighted 10th percentile of well-being, to 0.005 (0.5/200 where nobody has one)."""
    t, c = tally_of(model), model.citizens
    if t.need_hist is None:
        t.need_hist = _kernels.in_need_histogram(
            need_w=c.in_need[0], need_j=c.in_need[1], recipients=c.recipients,
            values=model.pop.wellbeing, bounds=model.muni_bounds, bins=WELLBEING_BINS)
    return _p10(t.need_hist, model.weights)


def _p10(hist: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The 10th percentile per municipality and nationally (last) from per-municipality
    histograms of WELLBEING_BINS bins over 0-1, weighted per municipality."""
    return (_kernels.bins_below_share(hist, weights, 0.1) + 0.5) / WELLBEING_BINS


def informal_carers(model: TransitionModel) -> np.ndarray:
    return _count_index(model, model.citizens.carers)


def _scp_carers(both: bool) -> Callable[[TransitionModel], np.ndarray]:
    """Carers this month by SCP's definitions: caring for three months or more (long-term)
    or (``both``: and) eight hours a week or more (intensive)."""

    def count(model: TransitionModel) -> np.ndarray:
        c = model.citizens
        kinds = c.carer_kinds
        return _count_index(model, c.carers[(kinds == 3) if both else (kinds > 0)])
    return count


def _informal_hours(model: TransitionModel) -> np.ndarray:
    """Hours of informal care per municipality this month, weighted: the carers' care given,
    summed over each municipality's stretch of the sorted carers (taken once a month for
    the two indicators that use it)."""
    cached = model._informal_hours_at
    if cached is not None and cached[0] == model.steps:
        return cached[1]
    carers = model.citizens.carers
    running = np.concatenate([[0.0], np.cumsum(model.citizens.care_given[carers],
                                               dtype=np.float64)])
    at = np.searchsorted(carers, model.muni_bounds)
    per_muni = (running[at[1:]] - running[at[:-1]]) * model.weights
    model._informal_hours_at = (model.steps, per_muni)
    return per_muni


def informal_care_hours(model: TransitionModel) -> np.ndarray:
    """Hours of informal care given this month (the carers' ``care_given``), weighted."""
    return _with_total(_informal_hours(model))


def formal_care_hours(model: TransitionModel) -> np.ndarray:
    """Hours of household help and support at home the providers gave this month: what
    they billed at the hourly tariff (``TransitionModel.settle_payments``)."""
    return _with_total(model.wmo_hours)


def informal_hours_share(model: TransitionModel) -> np.ndarray:
    """Informal care's share of the hours of help (informal care and the providers'
    household help and support at home)."""
    informal, formal = _with_total(_informal_hours(model)), _with_total(model.wmo_hours)
    return _ratio(informal, informal + formal)


def carers_overburdened(model: TransitionModel) -> np.ndarray:
    return _count_index(model, model.citizens.overburdened)


def carers_supported(model: TransitionModel) -> np.ndarray:
    return _count_index(model, model.citizens.supported)


def volunteers(model: TransitionModel) -> np.ndarray:
    return _with_total(model.citizens.volunteers_by_muni * model.weights)


def bijstand_recipients(model: TransitionModel) -> np.ndarray:
    return _count_index(model, model.citizens.recipients)


def exits_to_work(model: TransitionModel) -> np.ndarray:
    return _count_index(model, model.citizens.exited)


# Time on social assistance that separates a recent recipient from a long-term one (CBS's
# classes: less than a year, more than three years).
FIRST_YEAR_MONTHS, LONG_TERM_MONTHS = 12, 36


def _by_duration(long_term: bool, exits: bool) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        counts = _duration_counts(model, exits)
        return _with_total(counts[:, 2 if long_term else 0] * model.weights)
    return fn


# Bins of months on assistance: first year, second and third, more than three years.
DURATION_EDGES = np.array([0, FIRST_YEAR_MONTHS, LONG_TERM_MONTHS, 2**31], dtype=np.int64)


def _duration_counts(model: TransitionModel, exits: bool) -> np.ndarray:
    """Recipients (or this month's exits to work: the months their benefit lasted) per
    municipality by time on assistance (DURATION_EDGES), counted once a step for the four
    indicators (kept on the step's Tally)."""
    tally = tally_of(model)
    key = "exits" if exits else "recipients"
    if key not in tally.durations:
        idx = model.citizens.exited if exits else model.citizens.recipients
        tally.durations[key] = _kernels.count_by_bins(idx, model.pop.benefit_months,
                                                      DURATION_EDGES, model.muni_bounds)
    return tally.durations[key]


def innovations_worked(model: TransitionModel) -> np.ndarray:
    """Experiments that ended this month with an innovation that works (ODD 7.7)."""
    return _with_total(model.innovations_worked.astype(np.float64))


def innovations_lapsed(model: TransitionModel) -> np.ndarray:
    """Working innovations that lapsed this month (ODD 7.7)."""
    return _with_total(model.innovations_lapsed.astype(np.float64))


def new_needs(model: TransitionModel) -> np.ndarray:
    """Wmo and youth care needs that arose this month (a person with both counted twice)."""
    w, j = model.citizens.new_needs
    return _count_index(model, w) + _count_index(model, j)


def team_fte(model: TransitionModel) -> np.ndarray:
    """Staff of the neighbourhood teams (FTE; ODD 7.12)."""
    return _with_total(model.team_fte.copy())


def team_reach(model: TransitionModel) -> np.ndarray:
    """The share of the flow of new needs the neighbourhood teams can take on (ODD 7.12);
    nationally the same for all teams together."""
    flow, cases = model.team_flow, model.team_fte * model.p["team_cases_per_fte_month"]
    national = -np.expm1(-cases.sum() / flow.sum()) if flow.sum() > 0 else 0.0
    return np.append(model.team_reach, national)


def population(model: TransitionModel) -> np.ndarray:
    return _with_total(model.inhabitants.copy())


def waiting_list(model: TransitionModel) -> np.ndarray:
    """People on at least one waiting list (each counted once)."""
    return _status(_kernels.ON_A_LIST)(model)


def clients_jeugd_residential(model: TransitionModel) -> np.ndarray:
    """Youth care clients of a residential provider."""
    return _clients_of_service(model, Domain.JEUGD, Service.JEUGD_RESIDENTIAL)


def _wmo_clients_of(service: Service) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        return _clients_of_service(model, Domain.WMO, service)
    return fn


def _clients_of_service(model: TransitionModel, d: int, service: Service) -> np.ndarray:
    """Clients (weighted) per municipality and in total of the providers of ``service`` in
    domain ``d``: one pass per domain and step over the clients, counted by the service of
    the provider that serves them (kept on the step's Tally)."""
    tally = tally_of(model)
    if d not in tally.by_service:
        tally.by_service[d] = _kernels.clients_by_service(
            model.clients_of(d), model.pop.provider[d], model.prov.service, max(Service) + 1,
            model.muni_bounds)
    return _with_total(tally.by_service[d][:, int(service)] * model.weights)


def spending_household_help(model: TransitionModel) -> np.ndarray:
    """What the municipalities paid providers of household help this month."""
    t = model.prov
    hh = t.service == int(Service.WMO_HOUSEHOLD)
    return _with_total(np.bincount(t.muni[hh], weights=t.revenue_eur[hh],
                                   minlength=len(model.municipality_list)))


def clients_jeugd_team(model: TransitionModel) -> np.ndarray:
    """Young people whose need the neighbourhood team helps this month (ODD 7.12)."""
    tally = tally_of(model)  # read by three indicators a step
    if tally.team_jeugd is None:
        need = model.citizens.in_need[Domain.JEUGD]
        tally.team_jeugd = _count_index(
            model, need[model.pop.state[Domain.JEUGD][need] == int(NeedState.INITIATIVE)])
    return tally.team_jeugd.copy()


def clients_wmo_team(model: TransitionModel) -> np.ndarray:
    """Adults whose light need for support at home the neighbourhood team helps this month
    (ODD 7.12; not Wmo clients: no tailored provision)."""
    return _count_index(model, model.citizens.team_wmo)


def youth_care_users(model: TransitionModel) -> np.ndarray:
    """Youth care as CBS counts it: providers' clients and those the teams help."""
    return _clients(Domain.JEUGD)(model) + clients_jeugd_team(model)


def youth_care_share(model: TransitionModel) -> np.ndarray:
    minors = _with_total(model.citizens.minors_by_muni * model.weights)
    return _ratio(youth_care_users(model), minors)


def _youth_year(row: int) -> Callable[[TransitionModel], np.ndarray]:
    """Young people counted once this calendar year so far (``model.YouthYear``): row 0
    with youth care, 1 residential, 2 helped by the team."""
    def fn(model: TransitionModel) -> np.ndarray:
        return _with_total(model.youth_year.counts[row] * model.weights)
    return fn


def youth_care_share_year(model: TransitionModel) -> np.ndarray:
    minors = _with_total(model.citizens.minors_by_muni * model.weights)
    return _ratio(_youth_year(0)(model), minors)


def youth_spells_ended(model: TransitionModel) -> np.ndarray:
    return _with_total(model.youth_year.ended * model.weights)


def youth_spells_ended_short(model: TransitionModel) -> np.ndarray:
    return _with_total(model.youth_year.ended_short * model.weights)


def _provider_table(model: TransitionModel) -> dict[str, np.ndarray]:
    """Per care provider (lump-sum services left out), read once per step: municipality,
    active, bankrupt, with an innovation that worked, experiment spending, capacity in use and
    revenue."""
    tally = tally_of(model)
    if tally.providers is not None:
        return tally.providers
    t = model.prov
    care = ~t.block
    active = t.active[care]
    table = {"muni": t.muni[care], "active": active,
             "bankrupt": t.status[care] == BANKRUPT,
             "innovating": active & (t.innovations[care] > 0),
             "experiment_eur": t.experiment_spent_eur[care],
             "capacity": np.where(active, t.capacity[care], 0.0),
             "revenue_eur": t.revenue_eur[care]}
    # The Wmo's and youth care's clients, and the care they were given as a share of what
    # they need (below 1 only where a task falls short, ODD 7.7, "Payment").
    tasked = active & TASKED[t.service[care]]
    table["care_clients"] = np.where(tasked, t.clients[care], 0.0)
    table["care_given"] = table["care_clients"] * t.delivered[care]
    tally.providers = table
    return table


def _provider_sum(model: TransitionModel, column: str) -> np.ndarray:
    """A column of the provider table summed per municipality, in provider order."""
    t = _provider_table(model)
    M = len(model.municipality_list)
    if t["muni"].size == 0:
        return _with_total(np.zeros(M))
    return _with_total(np.bincount(t["muni"].astype(np.int64), weights=t[column].astype(float),
                                   minlength=M))


def providers_active(model: TransitionModel) -> np.ndarray:
    return _provider_sum(model, "active")


def providers_bankrupt(model: TransitionModel) -> np.ndarray:
    """Providers gone bankrupt since the start (cumulative)."""
    return _provider_sum(model, "bankrupt")


def care_given_share(model: TransitionModel) -> np.ndarray:
    """The Wmo's and youth care's clients: the share of the care they need that their
    providers gave this month (1 unless paid per task and the task falls short; 1 where
    there are none: no client went short)."""
    given, clients = _provider_sum(model, "care_given"), _provider_sum(model, "care_clients")
    return np.divide(given, clients, out=np.ones_like(given), where=clients > 0)


def innovation_adoption(model: TransitionModel) -> np.ndarray:
    """Share of active care providers with at least one innovation that worked."""
    return _ratio(_provider_sum(model, "innovating"), providers_active(model))


def experiment_spending_eur(model: TransitionModel) -> np.ndarray:
    """What providers spent on experiments this month (partly paid by experiment grants)."""
    return _provider_sum(model, "experiment_eur")


def capacity(model: TransitionModel) -> np.ndarray:
    return _provider_sum(model, "capacity")


def wsw_workers(model: TransitionModel) -> np.ndarray:
    return _with_total(np.array([m.wsw_workers for m in model.municipality_list]))


def citizen_initiatives(model: TransitionModel) -> np.ndarray:
    out = np.zeros(len(model.municipality_list))
    for ini in model.initiatives:
        out[ini.municipality.index] += 1
    return _with_total(out)


def initiative_members(model: TransitionModel) -> np.ndarray:
    out = np.zeros(len(model.municipality_list))
    for ini in model.initiatives:
        out[ini.municipality.index] += ini.members
    return _with_total(out)


def cost_per_client_eur(model: TransitionModel) -> np.ndarray:
    """Paid to providers for client services this month per client (Wmo, youth, trajectories)."""
    clients = np.sum([_count_index(model, model.clients_of(d)) for d in range(3)], axis=0)
    return _ratio(_provider_sum(model, "revenue_eur"), clients)


def reserves_eur(model: TransitionModel) -> np.ndarray:
    return _with_total(model.ledger.cur["reserves_end"])


def own_contributions_eur(model: TransitionModel) -> np.ndarray:
    return _with_total(model.ledger.cur["contributions"])


def from_other_tasks_eur(model: TransitionModel) -> np.ndarray:
    return _with_total(model.ledger.cur["from_other_tasks"])


def local_tax_eur(model: TransitionModel) -> np.ndarray:
    return _with_total(model.ledger.cur["local_tax"])


def under_supervision(model: TransitionModel) -> np.ndarray:
    """1 for a municipality under the province's preventive supervision; nationally the share
    of municipalities (not weighted by inhabitants)."""
    flags = np.array([m.supervised for m in model.municipality_list], dtype=float)
    return np.append(flags, flags.mean())


def _lever(attr: Callable) -> Callable[[TransitionModel], np.ndarray]:
    def fn(model: TransitionModel) -> np.ndarray:
        vals = np.array([attr(m) for m in model.municipality_list], dtype=float)
        w = model.inhabitants
        return np.append(vals, np.sum(vals * w) / np.sum(w))
    return fn


_BY_NAME: dict[str, Callable[[TransitionModel], np.ndarray]] = {
    **{f"budget_eur_{d}": _domain_flow("budget", k)  for k, d in enumerate(DOMAINS)},
    **{f"spending_eur_{d}": _domain_flow("spending", k)  for k, d in enumerate(DOMAINS)},
    **{f"deficit_eur_{d}": _deficit(k)  for k, d in enumerate(DOMAINS)},
    **{f"clients_{d}": _clients(k)  for k, d in enumerate(DOMAINS)},
    "clients_jeugd_team": clients_jeugd_team,
    "clients_wmo_team": clients_wmo_team,
    "youth_care_users": youth_care_users,
    "youth_care_users_year": _youth_year(0),
    "clients_jeugd_residential_year": _youth_year(1),
    "clients_jeugd_team_year": _youth_year(2),
    "youth_care_share_year": youth_care_share_year,
    "youth_spells_ended": youth_spells_ended,
    "youth_spells_ended_short": youth_spells_ended_short,
    "clients_jeugd_residential": clients_jeugd_residential,
    "clients_wmo_household_help": _wmo_clients_of(Service.WMO_HOUSEHOLD),
    "clients_wmo_support": _wmo_clients_of(Service.WMO_SUPPORT),
    "clients_wmo_aids": _wmo_clients_of(Service.WMO_AIDS),
    "spending_eur_household_help": spending_household_help,
    "in_need": _status(_kernels.IN_NEED),
    "served": _status(_kernels.SERVED),
    "waiting": _status(_kernels.WAITING_ANY),
    "unmet_need": _status(_kernels.UNMET_ANY),
    "waiting_list": waiting_list,
    "bijstand_recipients": bijstand_recipients,
    "exits_to_work": exits_to_work,
    "recipients_first_year": _by_duration(long_term=False, exits=False),
    "recipients_long_term": _by_duration(long_term=True, exits=False),
    "exits_to_work_first_year": _by_duration(long_term=False, exits=True),
    "exits_to_work_long_term": _by_duration(long_term=True, exits=True),
    "wsw_workers": wsw_workers,
    "informal_carers": informal_carers,
    "carers_long_or_intensive": _scp_carers(False),
    "carers_long_and_intensive": _scp_carers(True),
    "carers_overburdened": carers_overburdened,
    "informal_care_hours": informal_care_hours,
    "formal_care_hours": formal_care_hours,
    "informal_hours_share": informal_hours_share,
    "carers_supported": carers_supported,
    "volunteers": volunteers,
    "wellbeing_mean": wellbeing_mean,
    "wellbeing_p10": wellbeing_p10,
    "wellbeing_p10_in_need": wellbeing_p10_in_need,
    "providers_active": providers_active,
    "providers_bankrupt": providers_bankrupt,
    "care_given_share": care_given_share,
    "capacity": capacity,
    "innovation_adoption": innovation_adoption,
    "experiment_spending_eur": experiment_spending_eur,
    "innovations_worked": innovations_worked,
    "innovations_lapsed": innovations_lapsed,
    "citizen_initiatives": citizen_initiatives,
    "initiative_members": initiative_members,
    "youth_care_share": youth_care_share,
    "cost_per_client_eur": cost_per_client_eur,
    "own_contributions_eur": own_contributions_eur,
    "reserves_eur": reserves_eur,
    "from_other_tasks_eur": from_other_tasks_eur,
    "local_tax_eur": local_tax_eur,
    "under_supervision": under_supervision,
    "new_needs": new_needs,
    "team_fte": team_fte,
    "team_reach": team_reach,
    "population": population,
    "access_threshold": _lever(lambda m: m.access_threshold()),
    "tariff_factor": _lever(lambda m: m.tariff()),
}
# In the declarations' order (the tables' column order); a declared indicator without a
# reporter, or a reporter without a declaration, fails here at import.
if set(_BY_NAME) != {i.name for i in INDICATORS}:
    raise RuntimeError("reporters and indicators disagree: "
                       f"{sorted(set(_BY_NAME) ^ {i.name for i in INDICATORS})}")
REPORTERS = {i.name: _BY_NAME[i.name] for i in INDICATORS}


class IndicatorCollector(mesa.DataCollector):
    """Mesa's DataCollector with the indicators as model reporters, storing each month's array
    with a plain copy instead of ``copy.deepcopy`` (which cost about a tenth of a run of
    10,000 persons)."""

    def collect(self, model: TransitionModel) -> None:
        for name, reporter in self.model_reporters.items():
            self.model_vars[name].append(np.array(reporter(model)))


def build_datacollector(names: Iterable[str] | None = None) -> mesa.DataCollector:
    """The collector of the indicators ``names`` (every one when None), in the declarations'
    order. The reporters only read the model, so which of them run changes nothing else."""
    if names is None:
        return IndicatorCollector(model_reporters=dict(REPORTERS))
    wanted = set(names)
    unknown = sorted(wanted - set(REPORTERS))
    if unknown:
        raise KeyError(f"indicators: got {unknown}; allowed: indicators a run collects "
                       "(docs/indicators.md; a derived one is computed from its parts, "
                       "which are to be collected instead)")
    return IndicatorCollector(model_reporters={n: f for n, f in REPORTERS.items()
                                               if n in wanted})
