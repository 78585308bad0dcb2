"""The starting population (ODD 5, Initialisation): places and ages, starting needs
and social assistance, couples."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit, prange

from .base import PARTS, F
from .draws import _hash, _unit
from .runs import _parts


@njit(cache=True, nogil=True, parallel=True)
def place_and_age(bounds, nbh_offset, nbh_counts, u_nbh, cum_shares, u_group, u_age,
                  old_slope, years_over_80, max_age):
    """Generation, per person (rows of municipality m: ``bounds[m]:bounds[m + 1]``): a
    neighbourhood of their municipality (uniform), an age group from the municipality's
    cumulative shares (``cum_shares[m]``: the bounds of under 18, 18-39, 40-64, 65-79 and 80
    or over) and an age in it: uniform below 65; over 65-79 a density falling linearly by
    ``old_slope`` a year (relative to its value at 65); from 80 an exponential tail of mean
    ``years_over_80``, at most ``max_age``. Returns (neighbourhood int32, age int16)."""
    n = u_nbh.size
    nbh = np.empty(n, dtype=np.int32)
    age = np.empty(n, dtype=np.int16)
    span = 15 - old_slope * 225 / 2  # the 65-79 density's integral over its 15 years
    for m in prange(bounds.size - 1):
        for i in range(bounds[m], bounds[m + 1]):
            nbh[i] = nbh_offset[m] + np.int64(u_nbh[i] * nbh_counts[m])
            d = u_group[i]
            g = 0
            for k in range(cum_shares.shape[1]):
                g += d >= cum_shares[m, k]
            u = u_age[i]
            if g == 0:
                a = u * 18
            elif g == 1:
                a = 18 + u * 22
            elif g == 2:
                a = 40 + u * 25
            elif g == 3:  # invert the linear density's distribution function
                a = 65 + (u * 15 if old_slope == 0 else
                          (1 - np.sqrt(1 - 2 * old_slope * u * span)) / old_slope)
            else:
                a = 80 - years_over_80 * np.log1p(-u * 0.97)
            age[i] = min(a, max_age)
    return nbh, age


@njit(cache=True, nogil=True, parallel=True)
def seed_assistance(u, entry_share, working, level, mean_share):
    """Who starts on social assistance: persons of working age with
    u < level x entry_share / mean_share (float32, as numpy computes it)."""
    has = np.empty(u.size, dtype=np.bool_)
    for i in prange(u.size):
        has[i] = working[i] and u[i] < np.float64(F(level) * entry_share[i] / F(mean_share))
    return has


@njit(cache=True, nogil=True, parallel=True)
def pair_couples(order, starts, couples, n):
    """Generation's couples: within each municipality's adults, in their shuffled ``order``
    (municipality m's at ``order[starts[m]:starts[m + 1]]``), the first ``2 * couples[m]``
    are paired with their neighbour in that order (positions 0-1, 2-3, ...). Returns
    (partner, -1 for none; household, the smaller row of a couple or the person's own row),
    int32 over all ``n`` persons. Municipalities on the cores (their rows are their own)."""
    partner = np.full(n, -1, dtype=np.int32)
    household = np.empty(n, dtype=np.int32)
    for i in prange(n):
        household[i] = i
    for m in prange(starts.size - 1):
        s = starts[m]
        for r in range(2 * couples[m]):
            i, mate = order[s + r], order[s + (r ^ 1)]
            partner[i] = mate
            household[i] = min(i, mate)
    return partner, household


class NeedHistory(NamedTuple):
    """What ``needs_from_history`` replays of the needs rules (ODD 5 and 7.3), as data."""

    rate_wmo: float  # a helped Wmo need's monthly recovery chance before its factors
    rate_jeugd: float  # a helped youth need's
    unaided_share: float  # of that chance, for a need below the threshold
    threshold: float  # the old system's access threshold: at or above it a need is helped
    escalation: float  # severity per month of a need below the threshold
    progression: float  # severity per month of every Wmo need
    wmo_years: int  # how many years of an adult's past are replayed
    youth_years: int  # of a minor's


@njit(cache=True, nogil=True, inline="always")
def _need_now(h, by_age, first_age, age, vulnerability, reliance_factor, rate, unaided,
              threshold, escalation, progression, low, span, intercept, slope):
    """One person's need in one domain now (its severity, 0 for none) after replaying the
    needs rules month by month from the start of age ``first_age`` to the middle of age
    ``age``: without a need, onset at ``by_age[a] / 12 x vulnerability`` a month; with one,
    recovery at ``rate`` (x ``unaided`` below ``threshold``) x (intercept - slope x
    severity) x ``reliance_factor``, otherwise severity grows by ``progression`` (and by
    ``escalation`` below the threshold). The months to an onset are drawn at once: an
    exponential amount of hazard, spent month by month at -log(1 - the month's chance) (the
    geometric number of months without onset, year of age after year of age). Draw k is the
    hash of (``h``, k)."""
    s = 0.0
    k = 0
    a = first_age
    m = 0  # months of age a lived so far
    budget = -1.0  # hazard left before the next onset (-1: none drawn)
    while a <= age:
        months = 12 if a < age else 6
        if m >= months:
            a += 1
            m = 0
            continue
        if s <= 0.0:
            hm = np.float64(by_age[a]) / 12.0 * vulnerability
            if budget < 0.0:
                budget = -np.log1p(-np.float64(_unit(_hash(h, k), 40)))
                k += 1
            if hm <= 0.0:
                a += 1
                m = 0
                continue
            lam = -np.log1p(-hm) if hm < 1.0 else np.inf
            if budget >= lam * (months - m):
                budget -= lam * (months - m)  # no onset in the rest of this year of age
                a += 1
                m = 0
                continue
            m += int(budget / lam) + 1  # the onset's month has passed
            budget = -1.0
            s = low + span * np.float64(_unit(_hash(h, k), 40))
            k += 1
        else:
            helped = s >= threshold
            r = rate * (1.0 if helped else unaided) * (intercept - slope * s) * reliance_factor
            if np.float64(_unit(_hash(h, k), 40)) < r:
                s = 0.0
            else:
                s = min(s + progression + (0.0 if helped else escalation), 1.0)
            k += 1
            m += 1
    return s


@njit(cache=True, nogil=True, parallel=True)
def needs_from_history(key, age, minor, self_reliance, wmo_by_age, youth_by_age, sev_wmo,
                       sev_jeugd, rules, history):
    """The starting needs (``TransitionModel._seed_needs``): each person's need in their own
    domain (youth care for minors, Wmo for adults) as the needs rules would have left it
    after their last ``history.wmo_years`` (adults, from 18 at the earliest) or
    ``history.youth_years`` (minors, from birth at the earliest) years of age
    (``_need_now``; ``rules`` a :class:`NeedRules`, ``history`` a :class:`NeedHistory`),
    with the chances by year of age ``wmo_by_age`` and ``youth_by_age`` (yearly, float32).
    Writes the severities (float32); a person's draws depend on ``key`` and their row only."""
    vr, low, span = F(rules.vulnerability_reliance), rules.severity_low, rules.severity_span
    intercept, slope = F(rules.recovery_intercept), F(rules.recovery_slope)
    offset = F(rules.recovery_reliance)
    for i in prange(age.size):
        a = np.int64(age[i])
        vulnerability = np.float64(vr - self_reliance[i])
        reliance_factor = np.float64(offset + self_reliance[i])
        h = _hash(key, i)
        if minor[i]:
            s = _need_now(h, youth_by_age, max(0, a - history.youth_years), a, vulnerability,
                          reliance_factor, history.rate_jeugd, history.unaided_share,
                          history.threshold, history.escalation, 0.0, low, span,
                          np.float64(intercept), np.float64(slope))
            sev_jeugd[i] = F(s)
        else:
            s = _need_now(h, wmo_by_age, max(18, a - history.wmo_years), a, vulnerability,
                          reliance_factor, history.rate_wmo, history.unaided_share,
                          history.threshold, history.escalation, history.progression, low,
                          span, np.float64(intercept), np.float64(slope))
            sev_wmo[i] = F(s)


@njit(cache=True, nogil=True, parallel=True)
def entry_by_row(entry_month, working, weight, factor, bounds):
    """What ``Citizens._entry_by_municipality`` weighs (float64, 0 for the others): each
    working-age person's weight, and their entry chance ``entry_month`` divided by their
    municipality's ``factor`` (0 where that is 0) times the weight; and both summed per
    municipality in row order, as ``np.bincount`` sums them. Runs of whole municipalities
    on the cores. Returns (weights, entries, weight sums, entry sums)."""
    n, M = weight.size, bounds.size - 1
    w, entry = np.zeros(n), np.zeros(n)
    w_sum, entry_sum = np.zeros(M), np.zeros(M)
    parts = _parts(bounds, PARTS)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            f = np.float64(factor[m])
            sw, se = 0.0, 0.0
            for i in range(bounds[m], bounds[m + 1]):
                if working[i]:
                    wi = np.float64(weight[i])
                    w[i] = wi
                    sw += wi
                    if f > 0:
                        e = (np.float64(entry_month[i]) / f) * wi
                        entry[i] = e
                        se += e
            w_sum[m], entry_sum[m] = sw, se
    return w, entry, w_sum, entry_sum


@njit(cache=True, nogil=True, parallel=True)
def need_amounts(minor, working, onset_month, entry_month, weight, bounds):
    """``Citizens._need_amounts`` (float64, 0 for the others): per person their weight times
    the chance of a new Wmo need (adults), of a new youth need (minors) and of entering
    social assistance (working age), rows 0-2; and per municipality these summed in row order
    and the weights summed (``np.bincount``; float64, (3, M) and M). Runs of whole
    municipalities on the cores."""
    n, M = weight.size, bounds.size - 1
    out = np.zeros((3, n))
    sums, w_sum = np.zeros((3, M)), np.zeros(M)
    parts = _parts(bounds, PARTS)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            s0, s1, s2, sw = 0.0, 0.0, 0.0, 0.0
            for i in range(bounds[m], bounds[m + 1]):
                wi = np.float64(weight[i])
                sw += wi
                onset = np.float64(onset_month[i]) * wi
                if minor[i]:
                    out[1, i] = onset
                    s1 += onset
                else:
                    out[0, i] = onset
                    s0 += onset
                if working[i]:
                    e = np.float64(entry_month[i]) * wi
                    out[2, i] = e
                    s2 += e
            sums[0, m], sums[1, m], sums[2, m], w_sum[m] = s0, s1, s2, sw
    return out, sums, w_sum
