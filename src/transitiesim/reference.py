"""A second, deliberately plain implementation of the citizens' rules: one Mesa agent per person.

``ReferenceModel`` is ``TransitionModel`` with ``Citizens`` replaced by ``AgentCitizens``: every
person is a ``CitizenAgent`` whose short verb methods apply the rules of ``citizens.py`` to that
one person, with scalar arithmetic and its own draws from Mesa's ``random``. Organisations,
money and indicators are shared code. It exists to show that the array model is the same
agent-based model (``tests/test_reference.py`` compares the two statistically over seeds) and
to measure what the arrays save (``benchmarks/reference_agents.py``). Ageing stays the yearly
array update of ``Citizens.age_and_renew``.
"""

from __future__ import annotations

import mesa
import numpy as np

from .citizens import (
    WORKING_AGE,
    Citizens,
    MunicipalInputs,
)
from .model import TransitionModel
from .params import UNEMPLOYMENT_2015
from .population import NeedState

WMO, JEUGD, PART = 0, 1, 2
NONE, FORMAL, INITIATIVE, INFORMAL, WAITING, UNMET = (int(s) for s in NeedState)


class CitizenAgent(mesa.Agent):
    """One person; their state is row ``i`` of the shared person table."""

    def __init__(self, model: mesa.Model, i: int):
        super().__init__(model)
        self.i = i
        self.requests: list[tuple[int, float]] = []

    # --- monthly, in the order of the schedule ----------------------------------------------
    def develop_needs(self, c: AgentCitizens, inputs: MunicipalInputs, effect: np.ndarray):
        pop, p, i, rnd = c.pop, c.p, self.i, self.model.random.random
        for d in (WMO, JEUGD):
            sev = float(pop.severity[d][i])
            if sev <= 0:
                continue
            state, prov = int(pop.state[d][i]), int(pop.provider[d][i])
            rate = p["recovery_rate"] * (1.0 if state in (FORMAL, INITIATIVE, INFORMAL)
                                         else p["unaided_recovery_share"])
            if prov >= 0:
                rate *= effect[prov]
            rate *= (1.2 - 0.5 * sev) * (0.5 + float(pop.self_reliance[i]))
            recovered = rnd() < rate
            rise = p["escalation_rate"] if state in (UNMET, WAITING) else 0.0
            if d == WMO:
                rise += p["progression_rate"]
            pop.severity[d][i] = min(sev + rise, 1.0)
            if recovered:
                c.clear(d, i)
        sr_factor = 1.5 - float(pop.self_reliance[i])
        d = JEUGD if c.minor[i] else WMO
        prob = float(c.onset_month[i]) * sr_factor * (1.0 - inputs.prevention[pop.muni[i]])
        if pop.carer_load[i] > 1.0:
            prob *= p["burdened_onset_factor"]
        if pop.severity[d][i] == 0 and rnd() < prob:
            pop.severity[d][i] = 0.1 + 0.8 * rnd()
        u = inputs.unemployment
        if pop.on_bijstand[i]:
            rate = (p["exit_to_work_rate"] * (UNEMPLOYMENT_2015 / max(u, 1e-3)) * 2.0
                    * (1.0 - float(pop.severity[PART][i]))
                    * (1.0 + p["reintegration_effect"] * (pop.provider[PART][i] >= 0)))
            leave = rnd() < rate
            too_old = pop.age[i] > WORKING_AGE[1]
            if leave and not too_old:
                c.exited_list.append(i)
            if leave or too_old:
                pop.on_bijstand[i] = False
                c.clear(PART, i)
            else:
                pop.severity[PART][i] = min(float(pop.severity[PART][i]) + 0.003, 1.0)
        elif rnd() < float(c.entry_month[i]) * sr_factor * u * 100.0:
            pop.on_bijstand[i] = True
            pop.severity[PART][i] = 0.1 + 0.8 * rnd()

    def ask_for_support(self, c: AgentCitizens, hours_left: np.ndarray) -> None:
        """Formal care, else an initiative's light support, else ask the carer for hours."""
        pop, p, i = c.pop, c.p, self.i
        self.requests = []
        full = (p["care_hours_at_full_need"], p["youth_hours_at_full_need"])
        for d in (WMO, JEUGD):
            sev = float(pop.severity[d][i])
            pop.state[d][i] = NONE
            if sev <= 0:
                continue
            if pop.provider[d][i] >= 0:
                pop.state[d][i] = FORMAL
                continue
            nbh = pop.nbh[i]
            if d == WMO and sev < p["light_need_threshold"] and nbh not in c.closed:
                # In person order, until the first light need that no longer fits.
                need = sev * full[d] * float(pop.weight[i])
                if need <= hours_left[nbh] + 1e-9:
                    hours_left[nbh] -= need
                    pop.state[d][i] = INITIATIVE
                    continue
                c.closed.add(nbh)
            hours = sev * full[d] if sev < p["residential_threshold"] else 0.0
            self.requests.append((d, hours))
            if pop.carer[i] >= 0:
                c.asked[pop.carer[i]] = c.asked.get(pop.carer[i], 0.0) + hours

    def apply_for_support(self, c: AgentCitizens, inputs: MunicipalInputs,
                          reformed: bool) -> None:
        """Take what the carer gives; apply for formal support if still in need."""
        pop, p, i, rnd = c.pop, c.p, self.i, self.model.random.random
        carer = pop.carer[i]
        share = c.share.get(carer, 0.0) if carer >= 0 else 0.0
        for d, hours in self.requests:
            informal = hours > 0 and hours * share >= 0.999 * hours
            pop.state[d][i] = INFORMAL if informal else UNMET
            sev = float(pop.severity[d][i])
            if pop.wait_months[d][i] < 0:
                prob = p["application_rate"] * sev * (
                    p["network_application_factor"] if informal else 1.0)
                if d == WMO:
                    prob *= np.exp(-p["price_sensitivity"] * inputs.own_contribution_eur / 100)
                if rnd() < prob:
                    m = pop.muni[i]
                    thr = inputs.threshold[m]
                    if reformed and informal and inputs.network_first[m]:
                        thr += p["network_first_margin"]
                    if sev >= thr:
                        pop.wait_months[d][i] = 0
            if pop.wait_months[d][i] >= 0 and not informal:
                pop.state[d][i] = WAITING
        pop.state[PART][i] = FORMAL if pop.on_bijstand[i] else NONE
        if (pop.on_bijstand[i] and pop.provider[PART][i] < 0 and pop.wait_months[PART][i] < 0
                and pop.severity[PART][i] <= p["reintegration_max_severity"]):
            pop.wait_months[PART][i] = 0

    def update_wellbeing(self, c: AgentCitizens) -> None:
        pop, i, p = c.pop, self.i, c.p
        target = float(c.base_wellbeing[i])
        load = float(pop.carer_load[i])
        if load > 1.0:
            target -= p["wellbeing_overburden_cost"] * min(load - 1.0, 1.0)
        if pop.on_bijstand[i]:
            target -= p["wellbeing_assistance_cost"]
        strained = load > 1.0
        for d in (WMO, JEUGD):
            sev, state = float(pop.severity[d][i]), int(pop.state[d][i])
            if sev > 0:
                target -= sev * (p["wellbeing_unmet_cost"] if state == UNMET else
                                 p["wellbeing_waiting_cost"] if state == WAITING else
                                 p["wellbeing_in_need_cost"])
                if d == WMO and state >= WAITING:
                    strained = True
        target = min(max(target, 0.0), 1.0)
        pop.wellbeing[i] += np.float32(p["wellbeing_adjustment"]
                                       * (target - float(pop.wellbeing[i])))
        sr = float(pop.self_reliance[i])
        if strained:
            pop.self_reliance[i] = max(sr - p["self_reliance_loss"], p["self_reliance_floor"])
        else:
            pop.self_reliance[i] = sr + p["self_reliance_recovery"] * (
                float(pop.base_self_reliance[i]) - sr)


class AgentCitizens(Citizens):
    """The citizens' submodels as a loop over one Mesa agent per person."""

    def attach(self, model: mesa.Model) -> None:
        self.agents = mesa.agent.AgentSet([CitizenAgent(model, i) for i in range(self.n)],
                                          random=model.random)

    def clear(self, d: int, i: int) -> None:
        self._clear(d, np.array([i]))

    def develop_needs(self, inputs, provider_effect) -> None:
        self.start_month()  # the queue order in placements still uses this month's draws
        self.exited_list: list[int] = []
        self.agents.do("develop_needs", self, inputs, provider_effect)
        self.exited = np.array(sorted(self.exited_list), dtype=np.int64)

    def seek_support(self, inputs, initiative_hours_by_nbh, reformed) -> np.ndarray:
        pop, p = self.pop, self.p
        hours_left = initiative_hours_by_nbh.astype(float).copy()
        self.asked: dict[int, float] = {}
        self.closed: set[int] = set()
        self.agents.do("ask_for_support", self, hours_left)
        self.share = {}
        pop.carer_load[:] = 0.0
        for carer, asked in self.asked.items():
            sustainable = p["carer_hours_per_month"] * (1.0 - float(pop.severity[WMO][carer]))
            given = min(asked, (0.5 + self.power) * sustainable)
            self.share[carer] = given / asked if asked > 0 else 0.0
            pop.carer_load[carer] = (given / sustainable if sustainable > 0
                                     else (2.0 if given > 0 else 0.0))
        self.agents.do("apply_for_support", self, inputs, reformed)
        self._index()
        return initiative_hours_by_nbh - hours_left

    def update_wellbeing(self) -> None:
        self.agents.do("update_wellbeing", self)

    def _index(self) -> None:
        """The index sets the organisations and indicators read, by a plain full search."""
        pop = self.pop
        self.in_need = [np.flatnonzero(pop.severity[d] > 0) for d in (WMO, JEUGD)]
        self.recipients = np.flatnonzero(pop.on_bijstand)
        self.carers = np.flatnonzero(pop.carer_load > 0)
        self.overburdened = np.flatnonzero(pop.carer_load > 1.0)


class ReferenceModel(TransitionModel):
    """TransitionModel with one Mesa agent per citizen (see the module doc)."""

    def make_citizens(self) -> AgentCitizens:
        citizens = AgentCitizens(self.pop, self.p, self.streams, self.n_nbh)
        citizens.attach(self)
        return citizens
