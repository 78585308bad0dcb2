"""Compiled loops for the organisations' monthly money and experiments (numba).

Providers and municipalities are few (about 3,500 and 393 nationally) but their monthly steps,
written as Python methods, cost the same at every scale: about 50 ms a month, most of a run at
``--scale 0.01``. These loops run the same steps on the ``ProviderTable`` arrays, in the same
order and with the same float64 arithmetic as the methods they replaced (the seeded snapshot
test checks this), so each payment still lowers a municipality's reserves one at a time and
each provider still draws, in the month's shuffled order, from the "providers" stream.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .states import STATUS_CODES, Domain, ProviderStatus

# Provider status codes (ProviderTable.status, an index into states.STATUS_CODES) and domains,
# as plain ints for the compiled code.
ACTIVE, BANKRUPT, EXITED = (STATUS_CODES.index(s) for s in ProviderStatus)
WMO, JEUGD, PART = (int(d) for d in Domain)


@njit(cache=True, nogil=True)
def pay_out(starts, rows, status, block, wijkteam, domain, pay, revenue, reserves_p, grant,
            months_left, reserves_m, contributions, benefits, budget, team_eur, carer_eur,
            wsw_eur, fund_share, initiative_grant, initiatives, spending, to_providers, to_citizens,
            to_initiatives, contributed, care_providers):
    """Each municipality ``k`` in turn (its providers are ``rows[starts[k]:starts[k+1]]``, in
    the order they were created): own contributions in; then providers, citizens, experiment
    grants and initiatives paid, in that order, each payment lowering its reserves and booked
    once under its domain and receiver; the neighbourhood team (``wijkteam``) receives its
    staff (``team_eur``) and the carer support it gives (``carer_eur``). Counts the active
    care providers per domain first (``care_providers``, read by the experiment fund)."""
    for k in range(starts.size - 1):
        own = rows[starts[k]:starts[k + 1]]
        for d in range(3):
            care_providers[k, d] = 0.0
        for i in own:
            if status[i] == ACTIVE and not block[i]:
                care_providers[k, domain[i]] += 1.0
        reserves = reserves_m[k] + contributions[k]
        contributed[k] += contributions[k]
        for i in own:
            if block[i]:
                if wijkteam[i]:
                    # The team's staff, booked under Wmo and youth in proportion to their
                    # budgets (all under Wmo without a budget), and carer support (Wmo).
                    both = budget[k, WMO] + budget[k, JEUGD]
                    part = budget[k, WMO] / both if both > 0 else 1.0
                    n, d0, a0, d1, a1 = 2, WMO, team_eur[k] * part + carer_eur[k], \
                        JEUGD, team_eur[k] * (1.0 - part)
                else:
                    n, d0, a0, d1, a1 = 1, PART, wsw_eur[k], PART, 0.0
            elif pay[i] > 0:
                n, d0, a0, d1, a1 = 1, domain[i], pay[i], 0, 0.0
            else:
                continue
            for j in range(n):
                d, amount = (d0, a0) if j == 0 else (d1, a1)
                reserves -= amount
                spending[d, k] += amount
                to_providers[k] += amount
                revenue[i] += amount
                reserves_p[i] += amount
        reserves -= benefits[k]
        spending[PART, k] += benefits[k]
        to_citizens[k] += benefits[k]
        for d in range(3):
            running = 0
            for i in own:
                if months_left[i] > 0 and domain[i] == d and status[i] == ACTIVE:
                    running += 1
            if running == 0:
                continue
            amount = fund_share[k] * budget[k, d] / running
            for i in own:
                if months_left[i] > 0 and domain[i] == d and status[i] == ACTIVE:
                    reserves -= amount
                    spending[d, k] += amount
                    to_providers[k] += amount
                    grant[i] += amount
                    reserves_p[i] += amount
        for _ in range(initiatives[k]):
            reserves -= initiative_grant[k]
            spending[WMO, k] += initiative_grant[k]
            to_initiatives[k] += initiative_grant[k]
        reserves_m[k] = reserves


@njit(cache=True, nogil=True)
def draws_needed(status, block, months_left, innovations, fading):
    """How many draws this month's ``operate`` takes: one per active care provider that starts
    looking for an experiment or concludes one, and (``fading``) one more per active care
    provider with a working innovation, which may lapse."""
    n = 0
    for i in range(status.size):
        if status[i] == ACTIVE and not block[i]:
            n += months_left[i] <= 1
            n += fading and innovations[i] > 0
    return n


@njit(cache=True, nogil=True)
def operate(order, u, status, block, domain, muni, capacity, culture, reserves, cost,
            months_left, experiment_cost, spent, revenue, grant, cost_factor, effect_factor,
            innovations, failed, margins, margin_months, fund, cost_share, uptake,
            experiment_months, success_prob, cost_reduction, effect_gain, succeeded_m,
            failed_m, service, peers, imitation, fade, room, lapsed_m, start_factor,
            success_factor):
    """Each active provider, in ``order``, pays this month's costs, may lose an innovation
    (monthly chance ``fade``, when it is above 0), runs or starts an experiment (care
    providers only) and fails when its reserves are gone (``Provider``'s rules in
    docs/odd.md). ``u`` holds the draws in the order they are taken; ``fund`` is the
    experiment fund per care provider by municipality and domain; ``peers`` the share of
    care providers of each service with a working innovation, which raises a non-adopter's
    chance to start by ``imitation`` x that share; ``room`` a factor per municipality on the
    chance to start (lowered where it squeezed); ``start_factor`` and ``success_factor`` a
    factor per provider on its chance to start and on the chance its experiment works (its
    staff's room: ``TransitionModel.staff_room``). Counts the experiments that worked and failed
    and the innovations that lapsed per municipality (``succeeded_m``, ``failed_m``,
    ``lapsed_m``). Returns the providers that went bankrupt, in order."""
    k = 0
    bankrupt = np.empty(order.size, dtype=np.int64)
    nb = 0
    last = margins.shape[1] - 1
    for i in order:
        if status[i] != ACTIVE:
            continue
        reserves[i] -= cost[i]
        if not block[i]:
            spent[i] = 0.0
            if fade > 0 and innovations[i] > 0:  # a working innovation may lapse
                if u[k] < fade:
                    innovations[i] -= 1
                    cost_factor[i] /= 1.0 - cost_reduction
                    effect_factor[i] /= 1.0 + effect_gain
                    lapsed_m[muni[i]] += 1
                k += 1
            if months_left[i] > 0:
                reserves[i] -= experiment_cost[i]
                cost[i] += experiment_cost[i]
                spent[i] = experiment_cost[i]
                months_left[i] -= 1
                if months_left[i] == 0:  # conclude: does it work?
                    success = min(1.0, success_prob * (0.5 + culture[i]) / 0.9) \
                        * success_factor[i]
                    if u[k] < success:
                        innovations[i] += 1
                        cost_factor[i] *= 1.0 - cost_reduction
                        effect_factor[i] *= 1.0 + effect_gain
                        succeeded_m[muni[i]] += 1
                    else:
                        failed[i] += 1
                        failed_m[muni[i]] += 1
                    k += 1
            else:
                monthly_cost = cost_share * max(revenue[i], 1.0)
                support = min(fund[muni[i], domain[i]] / max(monthly_cost, 1.0), 2.0)
                start_prob = 0.04 * uptake * (0.5 + culture[i]) * (1.0 + support) \
                    * room[muni[i]] * start_factor[i]
                if innovations[i] == 0:  # peers' visible results draw in non-adopters
                    start_prob *= 1.0 + imitation * peers[service[i]]
                if u[k] < start_prob and reserves[i] > monthly_cost * 3:
                    months_left[i] = experiment_months
                    experiment_cost[i] = monthly_cost
                k += 1
        for j in range(last):
            margins[i, j] = margins[i, j + 1]
        margins[i, last] = revenue[i] + grant[i] - cost[i]
        margin_months[i] += 1
        if reserves[i] < 0:
            status[i] = BANKRUPT
            capacity[i] = 0.0
            months_left[i] = 0
            bankrupt[nb] = i
            nb += 1
    if k != u.size:
        raise ValueError("operate took a different number of draws than draws_needed said")
    return bankrupt[:nb]
