"""The exact readable twin of the kernels: the citizens' rules with one Mesa agent per person.

``ReferenceModel`` is ``TransitionModel`` with ``Citizens`` replaced by ``AgentCitizens``: every
person is a ``CitizenAgent`` whose short verb methods apply the rules of ``citizens.py`` to that
one person, in plain scalar Python. Organisations, money and indicators are shared code.

The twin is *exact*, by design: each person draws the same keyed numbers as the kernels (the
month's key for a process hashed with the person's row, ``draw`` below), and every value is
computed with the same number types in the same order (float32 where the person table is
float32, float64 where the kernels promote). So a ``ReferenceModel`` and a ``TransitionModel``
with the same seed hold the same person table, value for value, month after month;
``tests/test_reference.py`` compares them person by person over two years and names the
first person and field that differ. A new rule is therefore written twice, once fast
(``_kernels/``) and once plain (here), and the test shows at once where the two disagree.

What stays shared array code: placing the newborns and re-linking carers in January
(``Citizens.age_and_renew`` after the deaths), and the index sets (``_index``). Runs are slow
(about a thousand times the kernels); ``benchmarks/reference_agents.py`` measures it.
"""

from __future__ import annotations

import math
from typing import Any

import mesa
import numpy as np

from . import citizens as _citizens
from ._kernels import GOLDEN, M1, M2
from .citizens import WORKING_AGE, Citizens, MunicipalInputs
from .model import TransitionModel
from .params import SCP_INTENSIVE_HOURS_PER_MONTH, SCP_LONG_MONTHS
from .population import FULL_TIME_HOURS, MAX_AGE, work_hours
from .states import Domain, NeedState, WmoKind

WMO, JEUGD, PART = Domain.WMO, Domain.JEUGD, Domain.PARTICIPATIE
NONE, FORMAL, INITIATIVE, INFORMAL, WAITING, UNMET = NeedState
F = np.float32
_MASK = (1 << 64) - 1
_TO_UNIT = F(1.0 / 16777216.0)


def draw(key: int | np.uint64, row: int, shift: int = 40) -> np.float32:
    """A person's uniform draw (float32 on [0, 1)) for the process whose month key is ``key``:
    SplitMix64's output function at position ``row``, 24 bits from bit ``shift`` (40 for the
    first draw, 16 for the second). The same number as ``_kernels._unit(_hash(key, row))``."""
    z = (int(key) + row * int(GOLDEN)) & _MASK
    z = ((z ^ (z >> 30)) * int(M1)) & _MASK
    z = ((z ^ (z >> 27)) * int(M2)) & _MASK
    z ^= z >> 31
    return F((z >> shift) & 0xFFFFFF) * _TO_UNIT


class CitizenAgent(mesa.Agent):
    """One person; their state is row ``i`` of the shared person table."""

    def __init__(self, model: mesa.Model, i: int):
        super().__init__(model)
        self.i = i
        self.asks = [False, False]  # asks for informal care this month, per domain
        self.hours = [F(0.0), F(0.0)]  # hours asked, per domain

    # --- yearly -----------------------------------------------------------------------------
    def grow_older(self, c: AgentCitizens, u: np.ndarray) -> None:
        """A year older; leaves if the draw falls below the leave chance at the new age."""
        pop, i = c.pop, self.i
        age = int(pop.age[i]) + 1
        pop.age[i] = age
        if float(u[i]) < float(c.leave_chance[min(age, c.leave_chance.size - 1)]) \
                or age > MAX_AGE:
            c.died.append(i)
        if age == 18:
            c.turned_18.append(i)

    def take_age_terms(self, c: AgentCitizens, wmo_by_age: np.ndarray) -> None:
        """The terms that change when a person ages: onset and entry chances a month, being a
        minor, of working age or a volunteer, and the well-being they return to."""
        pop, p, i, rules = c.pop, c.p, self.i, c.need_rules
        age = int(pop.age[i])
        minor = age < 18
        working = WORKING_AGE[0] <= age <= WORKING_AGE[1]
        c.minor[i], c.working[i] = minor, working
        c.onset_month[i] = (F(c.youth_onset()) if minor else wmo_by_age[age]) / F(12.0)
        vulnerability = min(max(F(rules.income_median) / pop.income_eur[i],
                                F(rules.vulnerability_min)), F(rules.vulnerability_max))
        c.entry_month[i] = (F(p["job_loss_rate"]) * c.entry_factor[pop.muni[i]] * vulnerability
                            / F(12.0) if working else F(0.0))
        volunteer = c.volunteer[i]  # set in January by ``volunteer_or_not``
        wb = c.wellbeing_rules
        c.base_wellbeing[i] = F(float(F(wb.base) + F(wb.income) * c.income_term[i])
                                + (wb.volunteer if volunteer else 0.0))

    def volunteer_or_not(self, c: AgentCitizens, start: float, transition: bool,
                         key: np.uint64) -> None:
        """Whether to volunteer this year: from 15, starting with chance ``start`` x health
        (1 - Wmo severity) x (1 + ask effect if an initiative recruits in the
        neighbourhood), stopping with the quit chance unless healthy enough to go on; by
        this January's draw, or (no ``transition``) by the fixed propensity against the
        stationary chance."""
        pop, p, i = c.pop, c.p, self.i
        if pop.age[i] < 15:
            c.volunteer[i] = False
            return
        well = 1.0 - float(pop.severity[WMO][i])
        p_start = min(start * well * (1.0 + float(p["volunteer_ask_effect"])
                                      * float(c.recruiting[pop.nbh[i]])), 1.0)
        p_stop = 1.0 - (1.0 - float(p["volunteer_quit_rate"])) * well
        if transition:
            u = float(draw(key, i))
            c.volunteer[i] = u >= p_stop if c.volunteer[i] else u < p_start
        else:
            both = p_start + p_stop
            c.volunteer[i] = both > 0 and float(pop.volunteer_propensity[i]) < p_start / both

    # --- monthly, in the order of the schedule ----------------------------------------------
    def recover_or_escalate(self, c: AgentCitizens, d: int, effect: np.ndarray,
                            keep_esc: np.ndarray) -> None:
        """Last month's need may end (recovery) or grow (unmet or waiting: escalation, less
        where the teams' prevention is built up; Wmo: progression with age). A need that
        goes on starts the month as FORMAL if a provider serves it, else NONE."""
        pop, p, i, rules = c.pop, c.p, self.i, c.need_rules
        sev = pop.severity[d][i]
        if sev <= 0:
            pop.state[d][i] = NONE
            return
        state, prov = pop.state[d][i], int(pop.provider[d][i])
        helped = c.recovery_rate(d)  # a youth need's own rate (ODD 7.3)
        rate = helped if state in (FORMAL, INITIATIVE, INFORMAL) else (
            helped * p["unaided_recovery_share"])
        rate = rate * (float(effect[prov]) if prov >= 0 else 1.0)
        rate = rate * float(F(rules.recovery_intercept) - F(rules.recovery_slope) * sev) \
            * float(F(rules.recovery_reliance) + pop.self_reliance[i])
        if float(draw(c.keys["recovery"], i)) < rate:
            c.clear(d, i)
            pop.state[d][i] = NONE
            return
        rise = p["escalation_rate"] * float(keep_esc[pop.muni[i]]) \
            if state in (UNMET, WAITING) else 0.0
        rise = rise + (p["progression_rate"] if d == WMO else 0.0)
        pop.severity[d][i] = F(min(float(sev) + rise, 1.0))
        pop.state[d][i] = FORMAL if prov >= 0 else NONE

    def develop_needs(self, c: AgentCitizens, keep: np.ndarray, unemployment_x100: np.float32,
                      exit_base: float) -> None:
        """A new need (youth care for a minor, Wmo for an adult), and entry into or exit
        from social assistance: one keyed draw each, from one hash."""
        pop, p, i, rules = c.pop, c.p, self.i, c.need_rules
        low, span = F(rules.severity_low), F(rules.severity_span)
        sr_factor = F(rules.vulnerability_reliance) - pop.self_reliance[i]
        u = draw(c.keys["needs"], i, 40)
        chance = c.onset_month[i] * sr_factor * keep[pop.muni[i]]
        if i in c.burdened:  # last month's overburdened carers
            chance = chance * F(p["burdened_onset_factor"])
        if u < chance:
            d = JEUGD if c.minor[i] else WMO
            if pop.severity[d][i] == 0:
                pop.severity[d][i] = low + span * u / chance  # the draw, rescaled
                c.onsets[d].append(i)
        u = draw(c.keys["needs"], i, 16)
        if pop.on_bijstand[i]:
            severity = pop.severity[PART][i]
            rate = float(F(exit_base) * (F(1.0) - severity)) * (
                1.0 + p["reintegration_effect"] * (1.0 if pop.provider[PART][i] >= 0 else 0.0))
            leave = float(u) < rate
            too_old = pop.age[i] > WORKING_AGE[1]
            if leave and not too_old:
                c.exited_list.append(i)
            if leave or too_old:
                pop.on_bijstand[i] = False
                c.clear(PART, i)
            else:
                pop.severity[PART][i] = min(severity + F(rules.distance_growth), F(1.0))
                pop.benefit_months[i] = min(int(pop.benefit_months[i]) + 1, 32767)
                c.recipient_list.append(i)
        else:
            chance = c.entry_month[i] * sr_factor * unemployment_x100
            if u < chance:
                pop.on_bijstand[i] = True
                pop.benefit_months[i] = 0
                pop.severity[PART][i] = low + span * u / chance
                c.recipient_list.append(i)

    def look_for_support(self, c: AgentCitizens, d: int, supply: np.ndarray,
                         used: np.ndarray) -> None:
        """Formal care in place (a client of household help or support still asks their
        carer for ``formal_complement_share`` of their hours); else (a light Wmo need) an
        initiative while its hours in the neighbourhood last; else ask the carer for hours
        (none for a residential-level need)."""
        pop, p, i = c.pop, c.p, self.i
        self.asks[d], self.hours[d] = False, F(0.0)
        sev = pop.severity[d][i]
        if sev <= 0:
            return
        full = F(p["care_hours_at_full_need"] if d == WMO else p["youth_hours_at_full_need"])
        if pop.provider[d][i] >= 0:
            share = p["formal_complement_share"]
            if (d == WMO and share > 0 and pop.wmo_kind[i] != WmoKind.AIDS
                    and sev < F(p["residential_threshold"])):
                self._ask_carer(c, d, (sev * full) * F(share))
            return
        nbh = int(pop.nbh[i])
        if d == WMO and sev < c.light_threshold[pop.muni[i]] and nbh not in c.full:
            asked = used[nbh] + float(sev * full * pop.weight[i])
            if asked <= supply[nbh] + 1e-9:
                used[nbh] = asked
                pop.state[d][i] = INITIATIVE
                return
            c.full.add(nbh)
        self.asks[d] = True
        aids = d == WMO and pop.wmo_kind[i] == WmoKind.AIDS  # a carer replaces no wheelchair
        self.hours[d] = sev * full if (sev < F(p["residential_threshold"]) and not aids) \
            else F(0.0)
        self._ask_carer(c, d, self.hours[d])

    def _ask_carer(self, c: AgentCitizens, d: int, hours: np.float32) -> None:
        """Ask this person's carer, if any, for ``hours`` (their requests add up in order)."""
        pop, i = c.pop, self.i
        carer = int(pop.carer[i])
        if carer >= 0:
            c.asked[carer] = c.asked.get(carer, 0.0) + float(hours)
            # A partner, a parent (any youth request comes from a minor) or an adult child
            # is kin.
            c.kin[carer] = (c.kin.get(carer, False) or d == JEUGD
                            or int(pop.partner[i]) == carer or bool(pop.child_carer[i]))

    def get_team_help(self, c: AgentCitizens, supply: np.ndarray, state: int, d: int
                      ) -> None:
        """A need in domain ``d`` no provider serves and not waiting, in ``state`` (unmet
        after the network, or covered by it), gets the neighbourhood team's light help while
        its hours in the municipality last (ODD 7.12): a youth need, or a Wmo need for
        support at home, below the residential threshold."""
        pop, p, i = c.pop, c.p, self.i
        sev = pop.severity[d][i]
        if not self.asks[d] or pop.state[d][i] != state or pop.wait_months[d][i] >= 0:
            return
        if d == WMO and pop.wmo_kind[i] != WmoKind.SUPPORT:
            return
        m = int(pop.muni[i])
        if sev >= F(p["residential_threshold"]) or m in c.team_full:
            return
        # The same light help whatever the age (guidance, not a provider's care).
        asked = c.team_used[m] + float(sev * F(p["youth_hours_at_full_need"]) * pop.weight[i])
        if asked <= float(supply[m]) + 1e-9:
            c.team_used[m] = asked
            pop.state[d][i] = INITIATIVE
            if d == WMO:
                c.team_wmo_list.append(i)
        else:
            c.team_full.add(m)

    def apply_for_support(self, c: AgentCitizens, d: int, inputs: MunicipalInputs,
                          rule: dict[str, Any], reformed: bool) -> None:
        """Covered by the carer (INFORMAL) or not (UNMET); if not yet on the waiting list,
        apply (one keyed draw for both domains) and join it if the access rule allows;
        WAITING when on the list and not covered."""
        if not self.asks[d]:
            return
        pop, p, i = c.pop, c.p, self.i
        hours = self.hours[d]
        carer = int(pop.carer[i])
        got = float(hours) * c.share[carer] if carer >= 0 else 0.0
        informal = hours > 0 and got >= float(F(c.need_rules.cover_share) * hours)
        pop.state[d][i] = INFORMAL if informal else UNMET
        sev = pop.severity[d][i]
        if pop.wait_months[d][i] < 0:
            f = p["network_application_factor"]  # covered: less so the more severe the need
            weight = 1.0 if p["network_severity"] else 0.0  # off: f at any severity
            # Only help the network substitutes for: with NETWORK_HOUSEHOLD_ONLY household
            # help alone (Bonsang 2009); youth care always.
            substitutes = (d == JEUGD or not _citizens.NETWORK_HOUSEHOLD_ONLY
                           or pop.wmo_kind[i] == WmoKind.HOUSEHOLD)
            chance = float(F(p["application_rate"]) * sev) * (
                f + (1.0 - f) * float(sev) * weight if (informal and substitutes) else 1.0)
            # The own contribution this person would pay, at most what the care is worth;
            # per household, what it adds to that of a partner who pays already. It sees the
            # household's income, or its social assistance norm (a couple's with a partner)
            # while the person or their partner is on assistance.
            mate = int(pop.partner[i])
            income = float(pop.income_eur[i])
            if pop.on_bijstand[i] or (mate >= 0 and pop.on_bijstand[mate]):
                income = float(rule["norms"][1 if mate >= 0 else 0])
            paid = rule["c_min"] + rule["c_share"] * max(income - rule["c_threshold"], 0.0)
            own = float(sev) * float(rule["cap_units"][pop.wmo_kind[i]])
            q = int(pop.partner[i]) if rule["per_household"] else -1
            if q >= 0 and pop.provider[WMO][q] >= 0 and pop.severity[WMO][q] > 0:
                other = float(pop.severity[WMO][q]) * float(rule["cap_units"][pop.wmo_kind[q]])
                paid = min(paid, own + other) - min(paid, other)
            else:
                paid = min(paid, own)
            chance = chance * math.exp(-rule["sensitivity"] * paid / 100.0)
            m = pop.muni[i]
            chance = chance * inputs.outreach[m]
            if float(draw(c.keys["apply"], i)) < chance:
                threshold = inputs.threshold[m]
                # Youth care: through a legal referrer (the same hash's second draw), judged
                # by the old system's threshold, which the municipality must honour.
                legal = (reformed and d == JEUGD
                         and float(draw(c.keys["apply"], i, 16)) < inputs.legal_share[m])
                if legal:
                    threshold = inputs.threshold_before
                elif reformed:
                    threshold = threshold + p["network_first_margin"] * (
                        1.0 if (informal and inputs.network_first[m]) else 0.0)
                if float(sev) >= threshold:
                    pop.wait_months[d][i] = 0
                    if d == JEUGD:
                        pop.legal_referral[i] = legal
        if pop.wait_months[d][i] >= 0 and not informal:
            pop.state[d][i] = WAITING

    def take_assistance(self, c: AgentCitizens) -> None:
        """The benefit meets the income need; a recipient close enough to work joins the
        reintegration queue."""
        pop, p, i = c.pop, c.p, self.i
        if not pop.on_bijstand[i]:
            pop.state[PART][i] = NONE
            return
        pop.state[PART][i] = FORMAL
        if (pop.provider[PART][i] < 0 and pop.wait_months[PART][i] < 0
                and pop.severity[PART][i] <= F(p["reintegration_max_severity"])):
            pop.wait_months[PART][i] = 0

    def update_wellbeing(self, c: AgentCitizens) -> None:
        """Well-being moves part of the way to what this month allows; self-reliance erodes
        under strain (an overburdened carer role, a Wmo need waiting or unmet), else
        recovers."""
        pop, i, rules = c.pop, self.i, c.wellbeing_rules
        target = c.base_wellbeing[i]
        load = pop.carer_load[i]
        strained = i in c.overburdened_now  # over what they can sustain, long enough
        if strained:
            target = target - F(rules.overburden) * min(load - F(1.0), F(1.0))
        if pop.on_bijstand[i]:
            target = target - F(rules.assistance)
        for d in (WMO, JEUGD):
            sev, state = pop.severity[d][i], pop.state[d][i]
            if sev > 0:
                cost = rules.unmet if state >= WAITING else rules.in_need  # waiting: not met
                target = F(float(target) - float(sev) * cost)
                if d == WMO and state >= WAITING:
                    strained = True
        target = min(max(target, F(0.0)), F(1.0))
        old = pop.wellbeing[i]
        pop.wellbeing[i] = old + F(rules.adjustment) * (target - old)
        sr = pop.self_reliance[i]
        if strained:
            pop.self_reliance[i] = max(sr - F(rules.reliance_change), F(0.0))
        else:
            pop.self_reliance[i] = min(sr + F(rules.reliance_change), pop.base_self_reliance[i])


class AgentCitizens(Citizens):
    """The citizens' submodels as loops over one Mesa agent per person, in row order."""

    def __init__(self, model: mesa.Model, *args):
        pop = args[0]
        self.agents = mesa.agent.AgentSet([CitizenAgent(model, i) for i in range(pop.size)],
                                          random=model.random)
        super().__init__(*args)

    def clear(self, d: int, i: int) -> None:
        self._clear(d, np.array([i]))

    # --- yearly -----------------------------------------------------------------------------
    def age_one_year(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self.died: list[int] = []
        self.turned_18: list[int] = []
        self.agents.do("grow_older", self, u)
        return np.array(self.died, dtype=np.int64), np.array(self.turned_18, dtype=np.int64)

    def take_volunteering(self, transition: bool, key: np.uint64) -> None:
        self.agents.do("volunteer_or_not", self, self.volunteer_start_chance(), transition, key)

    def take_age_terms(self, wmo_by_age: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self.agents.do("take_age_terms", self, wmo_by_age)
        minors = np.bincount(self.pop.muni[self.minor], minlength=self.muni_bounds.size - 1)
        volunteers = np.bincount(self.pop.muni[self.volunteer],
                                 minlength=self.muni_bounds.size - 1)
        return minors, volunteers

    # --- monthly ----------------------------------------------------------------------------
    def develop_needs(self, inputs: MunicipalInputs, provider_effect: np.ndarray) -> None:
        self.start_month()
        self.burdened = set(self.overburdened.tolist())
        for d in (WMO, JEUGD):
            self.agents.do("recover_or_escalate", self, d, provider_effect,
                           self.escalation_kept(inputs))
        u = inputs.unemployment
        exit_base = self.exit_base(u)
        self.onsets: list[list[int]] = [[], []]
        self.exited_list: list[int] = []
        self.recipient_list: list[int] = []
        self.agents.do("develop_needs", self, (1.0 - inputs.prevention).astype(F),
                       F(inputs.entry_unemployment * 100.0), exit_base)
        self.exited = np.array(self.exited_list, dtype=np.int64)
        # In row order, as the kernels give them (the neighbourhood teams count both).
        self.new_needs[WMO] = np.array(self.onsets[WMO], dtype=np.int64)
        self.new_needs[JEUGD] = np.array(self.onsets[JEUGD], dtype=np.int64)

    def add_recipients(self, idx: np.ndarray) -> None:
        """Nothing to add: each agent reads its own ``on_bijstand`` when it takes assistance,
        and the index sets are searched afresh (``_index``)."""

    def seek_support(self, inputs: MunicipalInputs, initiative_hours_by_nbh: np.ndarray,
                     reformed: bool) -> np.ndarray:
        used = np.zeros_like(initiative_hours_by_nbh)
        self.light_threshold = np.asarray(inputs.threshold, dtype=np.float32)
        self.full: set[int] = set()  # neighbourhoods whose initiative hours ran out
        self.asked: dict[int, float] = {}  # carer: hours asked (Wmo first, then youth)
        self.kin: dict[int, bool] = {}  # carer: asked by a partner or a child
        self.month_index += 1
        for d in (WMO, JEUGD):
            self.agents.do("look_for_support", self, d, initiative_hours_by_nbh, used)
        self.pop.carer_load[:] = 0.0
        self.care_given[:] = 0.0
        self.share = {carer: self.give_care(carer, asked) for carer, asked in self.asked.items()}
        for d in (WMO, JEUGD):
            self.agents.do("apply_for_support", self, d, inputs, self.contribution_rule(inputs, d),
                           reformed)
        supply = np.asarray(inputs.team_help_hours, dtype=np.float64)
        domains = (JEUGD, WMO) if self.p["team_wmo_help"] else (JEUGD,)
        self.team_wmo_list: list[int] = []
        for state in (UNMET, INFORMAL):  # those the network could not cover first
            for d in domains:  # youth, then adults
                self.team_used = np.zeros(self.muni_bounds.size - 1)  # hours per municipality
                self.team_full: set[int] = set()  # municipalities whose team hours ran out
                self.agents.do("get_team_help", self, supply, state, d)
                supply = supply - self.team_used
        self.team_wmo = np.array(sorted(self.team_wmo_list), dtype=np.int64)
        self.agents.do("take_assistance", self)
        self._index()
        return used

    def give_care(self, carer: int, asked: float) -> float:
        """What a carer gives of the hours asked: up to their sustainable hours (less with
        their own Wmo need; less the longer their paid job, which with ``carer_work_burden``
        does not lower what they give) stretched by obligation (a partner or a parent) or
        by citizen power (anyone else). Sets their load, hours and spells of care and
        overload; returns the share of each request they meet."""
        pop, p, month = self.pop, self.p, self.month_index
        sustainable = F(p["carer_hours_per_month"]) * (F(1.0) - pop.severity[WMO][carer])
        sustainable = sustainable * (F(1.0) + self.relief[carer])  # carer support
        reach = sustainable
        if not pop.on_bijstand[carer] and p["carer_work_factor"] < 1.0:
            hours = float(work_hours(np.array([draw(self.work_key, carer)]),
                                     np.array([pop.age[carer]]))[0])
            sustainable = sustainable * (F(1.0) - (F(1.0) - F(p["carer_work_factor"]))
                                         * F(hours) / F(FULL_TIME_HOURS))
            if not p["carer_work_burden"]:
                reach = sustainable
        network = p["carer_stretch_base"] + self.power
        stretch = p["carer_stretch_kin"] if (self.kin[carer] and p["carer_kinship"]) \
            else network
        given = min(asked, float(F(stretch) * reach))
        pop.carer_load[carer] = F(given / float(sustainable)) if sustainable > 0 else F(0.0)
        self.care_given[carer] = F(given)
        if given > 0:
            if self.last_care[carer] != month - 1:  # a new spell of caring
                self.care_start[carer], self.over_start[carer] = month, -1
            self.last_care[carer] = month
            if pop.carer_load[carer] > 1.0:
                if self.over_start[carer] < 0:
                    self.over_start[carer] = month
            else:
                self.over_start[carer] = -1
        return given / asked if asked > 0 else 0.0

    def update_wellbeing(self) -> None:
        self.overburdened_now = set(self.overburdened.tolist())
        self.agents.do("update_wellbeing", self)

    def _index(self) -> None:
        """The index sets the organisations and indicators read, by a plain full search."""
        pop = self.pop
        self.in_need = [np.flatnonzero(pop.severity[d] > 0) for d in (WMO, JEUGD)]
        self.recipients = np.flatnonzero(pop.on_bijstand)
        self.carers = np.flatnonzero(self.care_given > 0)
        long = self.month_index - self.care_start[self.carers] + 1 >= SCP_LONG_MONTHS
        intensive = self.care_given[self.carers].astype(np.float64) \
            >= SCP_INTENSIVE_HOURS_PER_MONTH
        self.carer_kinds = (long + 2 * intensive).astype(np.uint8)
        months_over = self.month_index - self.over_start + 1
        self.overburdened = np.flatnonzero(
            (pop.carer_load > 1.0) & (self.last_care == self.month_index)
            & (self.over_start >= 0) & (months_over >= self.p["carer_overburden_months"]))


class ReferenceModel(TransitionModel):
    """TransitionModel with one Mesa agent per citizen (see the module doc)."""

    def make_citizens(self) -> AgentCitizens:
        return AgentCitizens(self, self.pop, self.p, self.streams, self.n_nbh)
