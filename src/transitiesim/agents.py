"""The organisations: care providers, municipalities, citizen initiatives and the Rijk.

These are Mesa agents: few in number, each with its own state and decisions. Citizens are not
here; they live as arrays in ``population.py`` and ``citizens.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from ._org import ACTIVE
from .params import (
    DOMAINS,
    INITIATIVE_MIN_MEMBERS,
    INITIATIVE_POOL_SHARE,
    INITIATIVE_ROOM_WITHOUT_SUPPORT,
    MUNICIPAL_LEVERS,
    NATIONAL_POPULATION_2015,
    REASSESSMENT_SHARE,
    UNEMPLOYMENT_2015,
    VOLUNTEER_HOURS_PER_MONTH,
    YOUTH_CUT_FULL_AFTER_YEARS,
)
from .population import monthly_probability
from .states import BLOCK_SERVICES, STATUS_CODES, TASK_SERVICES, Domain, ProviderStatus, Service

if TYPE_CHECKING:
    from .model import TransitionModel


MARGIN_MONTHS = 12  # Provider.margin_12m: the last twelve monthly margins


class ProviderTable:
    """The providers' changing numbers as arrays, one entry per provider (``Provider.index``).

    The monthly work on all providers at once (payments, costs, experiments, free places) reads
    and writes these arrays in compiled kernels; a ``Provider`` agent reads and writes its own
    entry through attributes of the same names. Arrays grow when a provider is added (at the
    start, and when a service has no provider left); ``size`` entries are in use.
    """

    # One array per column (views of the first ``size`` entries; see COLUMNS).
    capacity: np.ndarray
    culture: np.ndarray
    reserves_eur: np.ndarray
    status: np.ndarray
    contracted: np.ndarray
    cost_factor: np.ndarray
    effect_factor: np.ndarray
    innovations: np.ndarray
    experiments_failed: np.ndarray
    experiment_months_left: np.ndarray
    experiment_cost_eur: np.ndarray
    clients: np.ndarray
    revenue_eur: np.ndarray
    delivered: np.ndarray
    cost_eur: np.ndarray
    grant_eur: np.ndarray
    experiment_spent_eur: np.ndarray
    margin_months: np.ndarray
    service: np.ndarray
    domain: np.ndarray
    muni: np.ndarray
    block: np.ndarray
    wijkteam: np.ndarray
    margins: np.ndarray

    COLUMNS = {
        "capacity": np.float64,  # clients (weighted persons) it can serve at once
        "culture": np.float64,  # innovation culture 0-1
        "reserves_eur": np.float64,
        "status": np.int8,  # index into STATUS_CODES
        "contracted": np.bool_,
        "cost_factor": np.float64,  # multiplies the reference cost per client
        "effect_factor": np.float64,  # multiplies clients' recovery chance
        "innovations": np.int64,  # experiments that worked
        "experiments_failed": np.int64,
        "experiment_months_left": np.int64,
        "experiment_cost_eur": np.float64,
        "clients": np.float64,
        "revenue_eur": np.float64,  # paid to it this month
        "delivered": np.float64,  # share of its clients' care it gives (below 1: a short task)
        "cost_eur": np.float64,
        "grant_eur": np.float64,  # experiment-fund money received this month
        "experiment_spent_eur": np.float64,  # spent on experiments this month
        "margin_months": np.int64,  # monthly margins recorded so far (see margins)
        "service": np.int64,
        "domain": np.int64,
        "muni": np.int64,  # the municipality's index
        "block": np.bool_,  # lump-sum service without client persons
        "wijkteam": np.bool_,
    }

    def __init__(self):
        self.size = 0
        self._store = {name: np.zeros(0, dtype=dt) for name, dt in self.COLUMNS.items()}
        self._margins = np.zeros((0, MARGIN_MONTHS))
        self._views()

    def _views(self) -> None:
        for name, column in self._store.items():
            setattr(self, name, column[:self.size])
        # Each provider's last twelve monthly margins, oldest first, newest in the last column.
        self.margins = self._margins[:self.size]

    def add(self, **values) -> int:
        """Append a provider with ``values`` for some columns (the rest start at 0 or False).
        Returns its index."""
        i = self.size
        if i == self._margins.shape[0]:
            grown = max(16, 2 * i)
            for name, column in self._store.items():
                self._store[name] = np.zeros(grown, dtype=column.dtype)
                self._store[name][:i] = column
            margins = np.zeros((grown, MARGIN_MONTHS))
            margins[:i] = self._margins
            self._margins = margins
        for name, column in self._store.items():
            column[i] = values.get(name, 0)
        self.size = i + 1
        self._views()
        return i

    @property
    def active(self) -> np.ndarray:
        return self.status == ACTIVE


def _column(name: str, kind: type, doc: str = "") -> property:
    """A provider's entry in a ProviderTable column as a plain Python value."""
    def get(self):
        return kind(getattr(self.model.prov, name)[self.index])

    def set_(self, value):
        getattr(self.model.prov, name)[self.index] = value

    return property(get, set_, doc=doc)


class Provider(mesa.Agent):
    """A care provider in one municipality, delivering one service.

    Paid a tariff per client by the municipality; pays its costs; keeps reserves and goes
    bankrupt when they run out. Runs experiments that cost money first and may fail; one that
    works lowers its cost per client and raises its clients' recovery. What changes month by
    month lives in the model's ``ProviderTable`` (``model.prov``), where the monthly steps of
    all providers run at once (``TransitionModel.operate_providers``); the attributes below
    read and write this provider's entry.
    """

    capacity = _column("capacity", float, "clients (weighted persons) it can serve at once")
    culture = _column("culture", float, "innovation culture 0-1")
    reserves_eur = _column("reserves_eur", float)
    contracted = _column("contracted", bool)
    cost_factor = _column("cost_factor", float, "multiplies the reference cost per client")
    effect_factor = _column("effect_factor", float, "multiplies clients' recovery chance")
    innovations = _column("innovations", int, "experiments that worked")
    experiments_failed = _column("experiments_failed", int)
    experiment_months_left = _column("experiment_months_left", int)
    experiment_cost_eur = _column("experiment_cost_eur", float)
    clients = _column("clients", float)
    revenue_eur = _column("revenue_eur", float, "paid to it this month")
    delivered = _column("delivered", float, "share of its clients' care it gives")
    cost_eur = _column("cost_eur", float)
    grant_eur = _column("grant_eur", float, "experiment-fund money received this month")
    experiment_spent_eur = _column("experiment_spent_eur", float,
                                   "spent on experiments this month")

    def __init__(self, model: TransitionModel, municipality: Municipality, service: Service,
                 capacity: float, culture: float, reserves_eur: float):
        super().__init__(model)
        self.municipality = municipality
        self.service = service
        self.domain: Domain = service.domain
        self.block = service in BLOCK_SERVICES  # lump-sum service without client persons
        self.index = model.prov.add(
            capacity=float(capacity), culture=float(culture), reserves_eur=float(reserves_eur),
            status=ACTIVE, contracted=True, cost_factor=1.0, effect_factor=1.0, delivered=1.0,
            service=int(service), domain=int(self.domain), muni=municipality.index,
            block=self.block, wijkteam=service is Service.WIJKTEAM)

    @property
    def status(self) -> ProviderStatus:
        return STATUS_CODES[self.model.prov.status[self.index]]

    @status.setter
    def status(self, value: ProviderStatus) -> None:
        self.model.prov.status[self.index] = STATUS_CODES.index(value)

    @property
    def active(self) -> bool:
        return bool(self.model.prov.status[self.index] == ACTIVE)

    @property
    def margin_12m(self) -> list[float]:
        """The last twelve monthly margins (revenue and grants less costs), oldest first."""
        t = self.model.prov
        kept = min(int(t.margin_months[self.index]), MARGIN_MONTHS)
        return t.margins[self.index, MARGIN_MONTHS - kept:].tolist()

    def go_bankrupt(self) -> None:
        self.status = ProviderStatus.BANKRUPT
        self.capacity = 0.0
        self.experiment_months_left = 0
        self.model.provider_failed(self)

    def plan_capacity(self, waiting: float, person: float = 1.0) -> None:
        """Yearly: grow into a waiting list when it pays, shrink when places stand empty.

        ``person`` is the weight of one simulated person in the municipality (1 at scale 1):
        a provider counts as full when fewer places are free than one person takes, grows by
        at most 15% plus one person and keeps room for one person when it shrinks, so the
        rule means the same at every precision."""
        if not self.active or self.block:
            return
        margin = sum(self.margin_12m)
        if self.clients == 0 and waiting == 0 and margin < 0:
            self.status = ProviderStatus.EXITED
            self.capacity = 0.0
            return
        if waiting > 0 and self.model.tasks_paid() and self.service in TASK_SERVICES:
            # A task is to serve everyone on the list: the provider makes the places and
            # gives each client what the task pays for (ODD 7.7, "Payment").
            self.capacity = max(self.capacity, self.clients + waiting)
            return
        ceiling = self.municipality.supervised  # a budget ceiling: no growth this year
        full = self.clients >= 0.9 * self.capacity or self.capacity - self.clients < person
        if waiting > 0 and margin >= 0 and full and not ceiling:
            self.capacity += min(waiting, 0.15 * self.capacity + person)
        elif self.clients < 0.8 * self.capacity or margin < 0:
            # Keep 5% and one person of room, never more places than it had.
            self.capacity = min(self.capacity,
                                max(1.05 * self.clients + person, 0.75 * self.capacity))


class CitizenInitiative(mesa.Agent):
    """A collective of engaged citizens in one neighbourhood giving light support (ODD 7.9).

    Members is a number of people (not simulated persons): initiatives are small and a sample
    person may stand for many people. It recruits among the neighbourhood's volunteers with the
    room its municipality gives, loses members as volunteers stop (faster when discouraged:
    the municipality squeezes, or withdraws the support it gave when the initiative began),
    and ends below three members.
    """

    def __init__(self, model: TransitionModel, municipality: Municipality, neighbourhood: int,
                 members: float):
        super().__init__(model)
        self.municipality = municipality
        self.neighbourhood = int(neighbourhood)
        self.members = float(members)
        self.discouragement = 0.0
        self.support_at_start = municipality.initiative_support_level()
        self.funds_eur = 0.0
        self.grants_eur = 0.0  # received this month

    def receive(self, amount_eur: float) -> None:
        self.grants_eur += amount_eur
        self.funds_eur += amount_eur

    @property
    def hours_per_month(self) -> float:
        return self.members * VOLUNTEER_HOURS_PER_MONTH

    def withdrawn(self) -> float:
        """The share of the support it began with that its municipality has since taken back
        (0 if it began without support)."""
        start = self.support_at_start
        if start <= 0:
            return 0.0
        return max(0.0, 1.0 - self.municipality.initiative_support_level() / start)

    def evolve(self) -> None:
        """A month: discouragement moves 10% of the way to 0.6 x support withdrawn + 0.4 x
        squeeze; members join from the pool not yet involved (``initiative_recruit_rate`` x
        room) and leave at the volunteers' monthly quit chance, raised by
        ``initiative_discouragement`` x discouragement; below three members it ends."""
        p, m = self.model.p, self.municipality
        target = 0.6 * self.withdrawn() + 0.4 * m.squeeze
        self.discouragement += 0.1 * (target - self.discouragement)
        pool = INITIATIVE_POOL_SHARE * self.model.volunteer_pool(self.neighbourhood)
        recruit = p["initiative_recruit_rate"] * m.initiative_room() * max(pool - self.members,
                                                                            0.0)
        leave = self.members * monthly_probability(p["volunteer_quit_rate"]) * (
            1.0 + p["initiative_discouragement"] * self.discouragement)
        self.members += recruit - leave
        if self.members < INITIATIVE_MIN_MEMBERS:
            self.dissolve()

    def dissolve(self) -> None:
        self.model.initiative_dissolved(self)
        self.remove()


class Municipality(mesa.Agent):
    """A municipality: budgets per domain, reserves, and the policy levers it sets.

    Before the reform (or without decentralisation) it carries out national rules and the Rijk
    covers any shortfall. After it, the scenario's levers apply and it reviews them each year:
    a learning municipality invests in what worked; a traditional one squeezes access, tariffs
    and support when money runs short.
    """

    # The municipal levers (params.MUNICIPAL_LEVERS), held under their parameters' names;
    # tests/test_levers.py checks that this list and the declaration agree.
    access_strictness: float
    tariff_factor: float
    prevention_share: float
    experiment_fund_share: float
    initiative_support_eur_per_capita: float
    carer_support_eur_per_capita: float

    def __init__(self, model: TransitionModel, index: int, name: str, inhabitants: int,
                 learning: float):
        super().__init__(model)
        p = model.p
        self.index = index
        self.name = name
        self.code = ""  # CBS municipality code (GM0363) when the municipalities are CBS's
        self.inhabitants = int(inhabitants)
        self.learning = float(learning)
        self.reserves_eur = p["municipal_reserve_share"] * sum(
            p[f"budget_{d}_eur_per_capita"] for d in DOMAINS) * inhabitants
        # Levers as the municipality currently sets them, one attribute per parameter declared
        # live="municipality", under the parameter's name (the scenario's values at the reform;
        # review_year adapts them, TransitionModel.set_levers sets them).
        for name in MUNICIPAL_LEVERS:
            setattr(self, name, p[name])
        self.squeeze = 0.0  # 0-1: how hard it fell back on traditional cuts this year
        self.wsw_workers = p["wsw_workers_per_100k"] * inhabitants / 1e5
        self.experiments_succeeded = 0
        self.experiments_failed = 0
        self.providers: list[Provider] = []
        self.initiatives: set[CitizenInitiative] = set()
        self.budget_eur = np.zeros(3)
        self.ledger_year: list[dict] = []
        self.unmet_last_review: float | None = None
        self.last_result: float | None = None  # last year's deficit as a share of income
        # Under the province's preventive supervision since the last review (its reserves
        # could not be brought back to the floor by its own means): a forced balanced budget.
        self.supervised = False
        self.reassessed = 0  # clients whose indication ended at the last review

    # Effective levers: national rules before the reform, own choices after.
    @property
    def reformed(self) -> bool:
        return self.model.reformed

    def access_threshold(self) -> float:
        return self.access_strictness if self.reformed else \
            self.model.p["access_strictness_before"]

    def tariff(self) -> float:
        if not self.reformed:
            return 1.0
        return self.tariff_factor * self.tender_factor()

    def tender_factor(self) -> float:
        """What a tender takes off the tariff factor (1 under open house)."""
        return 0.95 if self.model.p["contracting"] == "tender" else 1.0

    def prevention(self) -> float:
        return self.prevention_share if self.reformed else self.model.p["prevention_share_before"]

    def experiment_fund(self) -> float:
        """The share of the budget that goes to the experiment fund now."""
        return self.experiment_fund_share if self.reformed else 0.0

    def carer_support_eur(self) -> float:
        """The most the municipality may spend on carer support this month
        (``carer_support_eur_per_capita``; the same rule before the reform, when the Rijk paid
        for it). What it spends is what those it supports cost (``TransitionModel
        .support_carers``, ODD 7.13)."""
        return self.carer_support_eur_per_capita * self.inhabitants / 12.0

    def initiative_room(self) -> float:
        """The room an initiative finds here: ``INITIATIVE_ROOM_WITHOUT_SUPPORT`` (0.5)
        without support, 1 at full support."""
        base = INITIATIVE_ROOM_WITHOUT_SUPPORT
        return base + (1.0 - base) * self.initiative_support_level()

    def initiative_support_level(self) -> float:
        """Support per inhabitant relative to EUR 2 a year (0-1)."""
        return min(1.0, self.initiative_support_eur_per_capita / 2.0)

    # Money: every movement changes reserves and is booked once in the ledger (monthly
    # budgets: Rijk.pay_budgets; payments: TransitionModel._pay_out).
    def receive_costs_covered(self, by_domain_eur: np.ndarray) -> None:
        """Under the old system the Rijk pays what the month cost beyond the declared budget,
        booked as budget per domain (``by_domain_eur``)."""
        self.reserves_eur += float(by_domain_eur.sum())
        self.model.ledger.cur["budget"][:, self.index] += by_domain_eur
        self.model.rijk.paid_eur += float(by_domain_eur.sum())

    # Yearly.
    def finance_deficit(self, income_eur: float) -> None:
        """December, after the reform: the budget cycle. Payments during the year come out of
        the social domain's reserves; at the year's end reserves above the buffer
        (``municipal_reserve_share`` of the year's income) go to the other tasks, and reserves
        below the floor
        (``reserve_floor_share`` of the year's income) are brought back to it, in this order,
        by money moved from the municipality's other tasks (at most ``other_tasks_max_share``
        of the year's income) and by a rise in local tax (at most
        ``local_tax_max_eur_per_capita``). If that is not enough, the province's preventive
        supervision follows: the rest is taken from other tasks by force, and next year the
        municipality must balance (``review_year``). Every euro is booked (ledger
        ``from_other_tasks``, ``local_tax``)."""
        p, book = self.model.p, self.model.ledger.cur
        gap = p["reserve_floor_share"] * income_eur - self.reserves_eur
        self.supervised = False
        # The grants are not earmarked: what the social domain's reserve holds beyond its
        # buffer (municipal_reserve_share of the year's income, as at the start) goes back to
        # the general reserve, the other tasks, at the year's end (booked as a negative
        # from_other_tasks).
        surplus = self.reserves_eur - max(p["municipal_reserve_share"],
                                          p["reserve_floor_share"]) * income_eur
        if surplus > 0:
            book["from_other_tasks"][self.index] -= surplus
            self.reserves_eur -= surplus
        if gap <= 0:
            return
        moved = min(gap, p["other_tasks_max_share"] * income_eur)
        tax = min(gap - moved, p["local_tax_max_eur_per_capita"] * self.inhabitants)
        forced = gap - moved - tax
        if forced > 0:
            self.supervised = True
        book["from_other_tasks"][self.index] += moved + forced
        book["local_tax"][self.index] += tax
        self.reserves_eur += gap

    def review_year(self) -> None:
        """Adapt the levers to last year's result (only after the reform)."""
        if not self.reformed:
            return
        p = self.model.p
        year = self.model.ledger.year_totals(self.index)
        income = year["income"]
        deficit = year["spending"] - income
        share = deficit / max(income, 1.0)
        # The multi-year budget: the structural result is the mean of the last two years.
        structural = share if self.last_result is None else (share + self.last_result) / 2
        self.last_result = share
        pressure = float(np.clip(structural / 0.05, 0.0, 1.0))
        learn = self.learning
        trad = 1.0 - learn
        self.reassessed = 0
        if p["budget_discipline"]:
            self.finance_deficit(income)
        if self.supervised:
            # A forced balanced budget: every municipality cuts as hard as a traditional one
            # under full pressure, and postpones prevention; its providers may not grow.
            pressure, trad = 1.0, 1.0
            self.prevention_share = 0.0
        unmet = self.model.unmet_share(self.index)
        rising = self.unmet_last_review is not None and unmet > self.unmet_last_review
        self.unmet_last_review = unmet
        if pressure > 0 and not p["review_squeeze"]:
            self.squeeze = 0.0  # the levers stay where they are (ODD 7.8, switch)
        elif pressure > 0:
            # Traditional: tighten access, cut tariffs, experiments and support.
            self.access_strictness = min(self.access_strictness + 0.05 * trad * pressure, 0.75)
            self.access_strictness = min(self.access_strictness,
                                         p["residential_threshold"] - 0.05)
            self.tariff_factor = max(self.tariff_factor - 0.03 * trad * pressure, 0.5)
            keep = 1.0 - 0.5 * trad * pressure  # of the money for experiments and support
            self.experiment_fund_share *= keep
            self.initiative_support_eur_per_capita *= keep
            self.carer_support_eur_per_capita *= keep
            self.squeeze = trad * pressure
        else:
            # A surplus: relax towards the scenario's levers in proportion to it (a quarter of
            # the way at a surplus of 5% of income or more), so a balanced budget stays put.
            self.squeeze = 0.0
            relax = 0.25 * float(np.clip(-structural / 0.05, 0.0, 1.0))
            self.access_strictness += relax * (p["access_strictness"] - self.access_strictness)
            self.tariff_factor += relax * (p["tariff_factor"] - self.tariff_factor)
            self.carer_support_eur_per_capita += relax * (
                p["carer_support_eur_per_capita"] - self.carer_support_eur_per_capita)
        if p["fair_price"]:
            # Duty of care and fair price (ODD 7.8): never a tariff below what providers ask.
            self.tariff_factor = max(self.tariff_factor,
                                     p["provider_tariff_bid"] / self.tender_factor())
        # Indications that end this year are re-assessed against today's threshold; a
        # municipality that cuts back (with budget discipline) re-assesses the others too, in
        # proportion to how hard it squeezes.
        ending = REASSESSMENT_SHARE
        squeeze = self.squeeze if p["budget_discipline"] else 0.0
        self.reassessed = self.model.reassess(self, ending + (1.0 - ending) * squeeze)
        # Learning: look at what worked and move money there (not under supervision).
        tried = self.experiments_succeeded + self.experiments_failed
        if self.supervised:
            self.experiments_succeeded = self.experiments_failed = 0
            return
        if tried:
            rate = self.experiments_succeeded / tried
            self.experiment_fund_share = float(np.clip(
                self.experiment_fund_share * (1.0 + learn * (rate - 0.3)), 0.0, 0.1))
        if rising:
            self.prevention_share = min(self.prevention_share + 0.01 * learn, 0.25)
        if self.initiatives and learn > 0:
            self.initiative_support_eur_per_capita = min(
                self.initiative_support_eur_per_capita * (1.0 + 0.1 * learn), 50.0)
        self.experiments_succeeded = self.experiments_failed = 0


class Rijk(mesa.Agent):
    """The national government: yearly budgets per municipality and domain, with the cut schedule
    and dated events; the labour market (unemployment) as given in the scenario."""

    def __init__(self, model: TransitionModel):
        super().__init__(model)
        # The Wmo own contribution: the lowest amount and the share of income above the
        # threshold on top; a flat rate (an ``own_contribution`` event) sets the share to 0.
        self.own_contribution_eur = model.p["own_contribution_eur_per_month"]
        self.contribution_share = model.p["own_contribution_income_share"]
        self.paid_eur = 0.0  # everything the Rijk has paid out (budgets and top-ups)
        self.extra_cuts: dict[int, np.ndarray] = {}  # year -> extra cut per domain (cards)
        # What the old system cost the Rijk per municipality and domain in the last 12 months
        # before the reform: the monthly budget books, which then
        # hold the spending less own contributions (Ledger.close_month), the newest last.
        self.spent_before: list[np.ndarray] = []
        self.base_eur: np.ndarray | None = None  # (M, 3) yearly, fixed at the reform
        # Benefits paid nationally in the last 12 months (newest last), and the macro budget
        # for benefits (BUIG) the Rijk sets from them each January (``benefit_budget``).
        self.benefits_paid: list[float] = []
        self.benefit_macro_eur: float | None = None

    def pay_budgets(self) -> None:
        """Start of the month: national events take effect and each municipality gets its
        monthly budget per domain."""
        model = self.model
        self.apply_events(model.year, model.month)
        if self.base_eur is None and model.ledger.cur["budget"].any():
            # Last month's budget book (closed by now), until the reform fixes the base: then
            # these are the 12 months of the old system before it.
            self.spent_before = (self.spent_before + [model.ledger.cur["budget"].T.copy()])[-12:]
        if model.ledger.cur["budget"].any():  # last month's benefits, once a month was run
            self.benefits_paid = (self.benefits_paid
                                  + [float(model.ledger.cur["to_citizens"].sum())])[-12:]
        if model.month == 1 and len(self.benefits_paid) == 12:
            self.benefit_macro_eur = float(np.sum(self.benefits_paid))
        model.ledger.open_month(model)
        budgets = self.monthly_budgets_eur(model.year, model.month)
        model.ledger.cur["budget"] += budgets.T
        for m, amounts, total in zip(model.municipality_list, budgets,
                                     budgets.sum(axis=1).tolist(), strict=True):
            self.paid_eur += total
            m.budget_eur = amounts
            m.reserves_eur += total

    def cut(self, domain: str, year: int) -> float:
        p = self.model.p
        if not p["decentralisation"] or year < p["reform_year"]:
            return 0.0
        final = p[f"cut_{domain}"]
        if domain != "jeugd":
            return final
        first = p["cut_jeugd_first"]
        span = YOUTH_CUT_FULL_AFTER_YEARS
        k = min(year - p["reform_year"], span)
        return first + (final - first) * k / span

    def monthly_budgets_eur(self, year: int, month: int) -> np.ndarray:
        """Budget per municipality (rows) and domain for one month: yearly grant per capita less
        the cut, plus events, plus (participation) the benefit money that follows the national
        caseload (BUIG)."""
        p = self.model.p
        pop = np.array([m.inhabitants for m in self.model.municipality_list], dtype=float)
        out = np.zeros((pop.size, 3))
        base = self.yearly_base_eur(year)
        for k, d in enumerate(DOMAINS):
            out[:, k] = base[:, k] * (1 - self.cut(d, year)) / 12
        if year in self.extra_cuts:
            out *= 1.0 - self.extra_cuts[year]
        for e in self.model.scenario.events:
            if e.kind == "extra_budget":
                months_since = (year - e.year) * 12 + (month - e.month)
                if 0 <= months_since < 12:
                    out[:, DOMAINS.index(e.values["domain"])] += (
                        e.values["amount_eur"] * pop / NATIONAL_POPULATION_2015 / 12)
        # Benefits (BUIG): a national amount shared out by each municipality's expected
        # caseload (inhabitants times its need index). The amount follows the national
        # caseload of the year before ("caseload", once a year has been run) or the
        # unemployment rate relative to 2015 ("unemployment").
        expected = pop * self.model.need_index[:, 2]
        if p["benefit_budget"] == "caseload" and self.benefit_macro_eur is not None:
            out[:, 2] += self.benefit_macro_eur / 12 * expected / expected.sum()
        else:
            u = self.model.scenario.unemployment_rate(year)
            out[:, 2] += (p["bijstand_benefit_eur_per_month"] * expected * BIJSTAND_RATE_2015
                          * u / UNEMPLOYMENT_2015)
        return out

    def yearly_base_eur(self, year: int) -> np.ndarray:
        """The yearly budget per municipality and domain before the cut. Before the reform (and
        without it) the declared amounts per inhabitant, the Rijk covering what the old
        system spends beyond them. From the reform on, the
        Wmo and youth care budgets are what the old system spent in the municipality in the
        last 12 months before it (the historical allocation of 2015), so the declared cut is
        the cut; the participation budget stays per inhabitant (its benefits follow the
        caseload, below)."""
        p, model = self.model.p, self.model
        pop = np.array([m.inhabitants for m in model.municipality_list], dtype=float)
        declared = np.column_stack([p[f"budget_{d}_eur_per_capita"] * pop for d in DOMAINS])
        reformed = p["decentralisation"] and year >= p["reform_year"]
        if not reformed:
            return declared
        if self.base_eur is None:
            self.base_eur = declared.copy()
            if len(self.spent_before) == 12:  # a full year of the old system was seen
                spent = np.sum(self.spent_before, axis=0)
                self.base_eur[:, :2] = spent[:, :2]
        return self.allocated(self.base_eur, declared, year)

    def allocated(self, historical: np.ndarray, declared: np.ndarray, year: int) -> np.ndarray:
        """The Wmo and youth budgets moving, over ``objective_allocation_years`` after the
        reform, from the historical base to the objective one: the declared amount per
        inhabitant times the municipality's expected need relative to the mean
        (``TransitionModel.need_index``)."""
        p = self.model.p
        years = p["objective_allocation_years"]
        if years == 0:
            return historical
        share = min(max(year - p["reform_year"], 0) / years, 1.0)
        out = historical.copy()
        objective = declared[:, :2] * self.model.need_index[:, :2]
        out[:, :2] += share * (objective - historical[:, :2])
        return out

    def apply_events(self, year: int, month: int) -> None:
        for e in self.model.scenario.events:
            if e.kind == "own_contribution" and (e.year, e.month) == (year, month):
                self.own_contribution_eur = e.values["amount_eur_per_month"]
                self.contribution_share = 0.0


# Social assistance recipients under state pension age per inhabitant, 2015 (CBS).
BIJSTAND_RATE_2015 = 449_000 / 16_968_735
