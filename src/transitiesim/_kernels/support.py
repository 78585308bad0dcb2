"""Seeking support (ODD 7.4, ``Citizens.seek_support``): the month's look at needs,
initiatives' light support, the hours asked of carers, applications and access,
and social assistance."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import FORMAL, INFORMAL, INITIATIVE, NONE, PARTS, UNMET, WAITING, F
from .draws import _hash, _unit
from .runs import _joined, _row_runs, _runs, _stable_order, union_rows


@njit(cache=True, nogil=True)
def open_needs(still, rest, new, prov, state):
    """This month's look at one domain: last month's needs still open (``still``, and
    ``rest``: those no provider serves, from ``escalate_recover``) joined with this month's
    onsets ``new`` (served ones marked FORMAL). Returns (persons with a need, those not
    served), each sorted."""
    new_rest = np.empty(new.size, dtype=np.int64)
    n = 0
    for k in range(new.size):
        i = new[k]
        if prov[i] >= 0:
            state[i] = FORMAL
        else:
            new_rest[n] = i
            n += 1
    return union_rows(still, new, state.size), union_rows(rest, new_rest[:n], state.size)


@njit(cache=True, nogil=True, parallel=True)
def light_support(rest, sev, weight, nbh, supply, light_threshold, muni, hours_at_full, state,
                  bounds):
    """Initiatives' light support for light Wmo needs (severity below ``light_threshold`` of
    the person's municipality ``muni``: float32 per municipality), neighbourhood by
    neighbourhood in row order while the hours last. Marks INITIATIVE; returns (persons not
    covered, hours used per neighbourhood).

    A person is covered when the hours asked in their neighbourhood up to and including
    theirs (a float64 running sum in row order) fit in its supply; the sum only grows, so
    after the first person who does not fit nobody does. A neighbourhood lies in one
    municipality, so runs of whole municipalities go to the cores."""
    used = np.zeros(supply.size)
    hf = F(hours_at_full)
    at = _runs(rest, bounds)
    covered = np.zeros(rest.size, dtype=np.bool_)
    light = np.empty(rest.size, dtype=np.int64)  # positions in rest, then by (nbh, row)
    group = np.empty(rest.size, dtype=np.int64)
    for t in prange(PARTS):
        n = 0
        for k in range(at[t], at[t + 1]):
            if sev[rest[k]] < light_threshold[muni[rest[k]]]:
                light[at[t] + n] = k
                group[at[t] + n] = nbh[rest[k]]
                n += 1
        groups = group[at[t]:at[t] + n]
        low = groups.min() if n else 0
        order = _stable_order(groups, low, (groups.max() - low + 1) if n else 1)
        ks = light[at[t]:at[t] + n][order]
        gs = groups[order]
        asked = 0.0
        for j in range(n):
            k, g = ks[j], gs[j]
            if j == 0 or gs[j - 1] != g:
                asked = 0.0
            i = rest[k]
            asked += np.float64(sev[i] * hf * weight[i])
            if asked <= supply[g] + 1e-9:
                covered[k] = True
                used[g] = asked
                state[i] = INITIATIVE
    out = np.empty(rest.size, dtype=np.int64)
    n_out = np.zeros(PARTS, dtype=np.int64)
    for t in prange(PARTS):
        n = 0
        for k in range(at[t], at[t + 1]):
            if not covered[k]:
                out[at[t] + n] = rest[k]
                n += 1
        n_out[t] = n
    return _joined(out, at, n_out), used


@njit(cache=True, nogil=True, parallel=True)
def request_hours(who, sev, residential_threshold, hours_at_full, kind, no_hours_kind):
    """Hours of informal care each person asks for; residential-level needs ask none, nor
    needs of ``kind`` ``no_hours_kind`` (aids: a carer does not replace a wheelchair; -1:
    none)."""
    rt, hf = F(residential_threshold), F(hours_at_full)
    out = np.empty(who.size, dtype=np.float32)
    for k in prange(who.size):
        i = who[k]
        s = sev[i]
        out[k] = s * hf if (s < rt and np.int64(kind[i]) != no_hours_kind) else F(0.0)
    return out


@njit(cache=True, nogil=True, inline="always")
def household_income(i, income, partner, assisted, norms):
    """Person ``i``'s household income a month as the own contribution sees it: while they
    or their ``partner`` are on social assistance (``assisted``), their household's norm
    (``norms[1]`` for a couple, ``norms[0]`` alone: the benefit tops up to it and sets off
    what is above it); otherwise their household's ``income``."""
    q = partner[i]
    if assisted[i] or (q >= 0 and assisted[q]):
        return norms[1] if q >= 0 else norms[0]
    return np.float64(income[i])


@njit(cache=True, nogil=True, inline="always")
def _price(income, sev, sensitivity, c_min, c_share, c_threshold, cap_unit, other_cap):
    """The factor exp(-sensitivity x contribution / 100) on the chance to apply: the own
    contribution is ``c_min`` plus ``c_share`` of the monthly household income above
    ``c_threshold``, at most what the care is worth (severity x ``cap_unit``, the value of
    the person's kind of care at full need). Where a partner pays already (``other_cap``,
    what their care is worth; -1 for none) it is what the household's contribution rises by:
    the same amount capped at both together, less the partner's alone."""
    c = c_min + c_share * max(np.float64(income) - c_threshold, 0.0)
    own = np.float64(sev) * cap_unit
    if other_cap < 0:
        c = min(c, own)
    else:
        c = min(c, own + other_cap) - min(c, other_cap)
    return np.exp(-sensitivity * c / 100.0)


@njit(cache=True, nogil=True, parallel=True)
def apply_for_support(who, hours, got, sev, wait, state, muni, threshold, network_first,
                      key_apply, application_rate, network_factor, severity_weight, reformed,
                      network_margin, cover_share, legal_share, threshold_before, legal,
                      record_route, outreach, income, assisted, norms, sensitivity, c_min,
                      c_share, c_threshold, cap_units, kind, partner, prov, per_household,
                      substitutes):
    """Covered by the network (INFORMAL) or not (UNMET); persons not yet waiting may apply and
    join the waiting list if the access rule lets them; WAITING if not covered and on the list.
    Covered means the carer gives ``cover_share`` of the hours asked.

    After the reform an application comes through a legal referrer (a GP, youth doctor,
    medical specialist or court) with the municipality's chance ``legal_share`` (the second
    draw of the same hash); such a referral is judged by professional judgement as under the
    old system (``threshold_before``), not by the municipality's access rule, and the
    municipality must honour it. With ``record_route`` the route of everyone who joins the list
    is written to ``legal``. ``outreach`` (per municipality, at least 1) raises the chance to
    apply: neighbourhood teams find needs that would otherwise not be brought forward. The own
    contribution a person would pay on their household's income (``household_income``: the
    ``norms`` of social assistance where they or their partner are ``assisted``) lowers it
    (``_price``; ``sensitivity`` 0: no effect;
    with ``per_household`` what it adds to their household's, when their ``partner`` is a
    client already: a provider in ``prov``, a need in ``sev``). A
    need the network covers is applied for with ``network_factor`` + (1 - ``network_factor``)
    x severity x ``severity_weight`` of the chance (weight 0: ``network_factor`` at any
    severity), when the person's ``kind`` of need is one the network's help ``substitutes``
    for (per kind); a covered need of another kind is applied for as if uncovered."""
    ar, cover = F(application_rate), F(cover_share)
    for k in prange(who.size):
        i = who[k]
        h = hours[k]
        informal = h > 0 and got[k] >= np.float64(cover * h)
        state[i] = INFORMAL if informal else UNMET
        s = sev[i]
        if wait[i] < 0:
            # A covered need is applied for less, the less the more severe it is: the network
            # replaces formal help for light needs, not for heavy ones.
            covered = network_factor + (1.0 - network_factor) * np.float64(s) \
                * severity_weight
            prob = np.float64(ar * s) * (covered if (informal and substitutes[kind[i]])
                                         else 1.0)
            other = -1.0  # the cap of a partner who pays already; -1: none
            q = partner[i] if per_household else -1
            if q >= 0 and prov[q] >= 0 and sev[q] > 0:
                other = np.float64(sev[q]) * cap_units[kind[q]]
            prob = prob * _price(household_income(i, income, partner, assisted, norms), s,
                                 sensitivity, c_min, c_share, c_threshold, cap_units[kind[i]],
                                 other)
            m = muni[i]
            prob = prob * outreach[m]
            draws = _hash(key_apply, i)
            if np.float64(_unit(draws, 40)) < prob:
                thr = threshold[m]
                via_legal = reformed and np.float64(_unit(draws, 16)) < legal_share[m]
                if via_legal:
                    thr = threshold_before
                elif reformed:
                    thr = thr + network_margin * (1.0 if (informal and network_first[m]) else 0.0)
                if np.float64(s) >= thr:
                    wait[i] = 0
                    if record_route:
                        legal[i] = via_legal
        if wait[i] >= 0 and not informal:
            state[i] = WAITING


@njit(cache=True, nogil=True, parallel=True)
def participation_support(old, recipients, prov, wait, sev, state, max_severity):
    """Social assistance meets the income need (FORMAL); recipients without a trajectory and
    not too far from work (severity at most ``max_severity``, compared in float32) join the
    reintegration queue. Last look's recipients (``old``) start from NONE. Runs of rows on the
    cores, each person's steps in this order."""
    o_at, r_at = _row_runs(old, state.size), _row_runs(recipients, state.size)
    for t in prange(PARTS):
        for k in range(o_at[t], o_at[t + 1]):
            state[old[k]] = NONE
        for k in range(r_at[t], r_at[t + 1]):
            i = recipients[k]
            state[i] = FORMAL
            if prov[i] < 0 and wait[i] < 0 and sev[i] <= F(max_severity):
                wait[i] = 0
