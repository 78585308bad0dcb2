"""The starting population (ODD 5, Initialisation): places and ages, starting needs
and social assistance, couples."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import F


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
def seed_needs(u, onset_month, entry_month, minor, sev_wmo, sev_jeugd, unemployment, rules):
    """The starting needs (``TransitionModel._seed_needs``) with numpy's arithmetic: a need
    where u[0] < min(24 x monthly onset, 0.9) (float32), of severity low + span x u[1]
    (``rules``, a :class:`NeedRules`; youth care for minors, Wmo for adults). Returns each
    person's yearly entry share into social assistance at ``unemployment`` (the 2015 rate),
    entry x 12 x rate x 100 (float32)."""
    share = np.empty(u.shape[1], dtype=np.float32)
    low, span = rules.severity_low, rules.severity_span
    for i in prange(u.shape[1]):
        if u[0, i] < np.float64(min(onset_month[i] * F(12) * F(2), F(0.9))):
            if minor[i]:
                sev_jeugd[i] = F(low + span * u[1, i])
            else:
                sev_wmo[i] = F(low + span * u[1, i])
        share[i] = entry_month[i] * F(12) * F(unemployment) * F(100)
    return share


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
