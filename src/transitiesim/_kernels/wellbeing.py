"""Well-being and self-reliance (ODD 7.5, ``Citizens.update_wellbeing``)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit, prange

from .base import PARTS, WAITING, F
from .counts import _count
from .runs import _summarise, _summary_arrays


class WellbeingRules(NamedTuple):
    """The declared well-being parameters (params.py, group "wellbeing"), passed to the
    kernels as data: numba would freeze module-level constants into its cache."""

    base: float
    income: float
    volunteer: float
    assistance: float
    overburden: float
    unmet: float
    in_need: float
    adjustment: float
    reliance_change: float

    @classmethod
    def from_params(cls, p) -> WellbeingRules:
        return cls(*(float(p[name]) for name in WELLBEING_PARAMS))


# The parameter behind each field of WellbeingRules, in order.
WELLBEING_PARAMS = ("wellbeing_base", "wellbeing_income_effect", "wellbeing_volunteer_bonus",
                    "wellbeing_assistance_cost", "wellbeing_overburden_cost",
                    "wellbeing_unmet_cost", "wellbeing_in_need_cost", "wellbeing_adjustment",
                    "self_reliance_change")


@njit(cache=True, nogil=True, parallel=True)
def wellbeing_step(base, wellbeing, self_reliance, base_self_reliance, carer_load,
                   overburdened, recipients, need_w, sev_w, state_w, need_j, sev_j, state_j,
                   state_p, wait_w, wait_j, wait_p, bounds, bins, rules):
    """Well-being moves a fifth of the way to this month's target; self-reliance erodes under
    strain (unmet or waiting Wmo need, an overburdened carer role), not below 0, and otherwise
    recovers as fast, not past its own level.

    The target is the base well-being less what this month's situation costs for the persons
    in one of the lists (sorted rows; a person may be in several, their costs are taken in the
    order overburdened carer, social assistance, Wmo need, youth need); for everyone else it
    is the base. Municipality by municipality (runs of whole municipalities on the cores):
    the lists are merged into the listed persons' targets, everyone's month is taken as if
    unlisted in one branch-free loop, the listed persons' month is then taken again from
    their old values, and the new well-being's sum (float64, in row order) and
    ``bins``-bin histogram are taken (``summary_by_municipality``) and returned. A
    municipality's rows stay in cache between these steps. The merge also counts the
    persons in need per municipality as ``status_counts`` does (its third result): nothing
    changes the states, months waited or lists between this step and the indicators. Its
    fourth result is the new well-being's histogram of those persons in need alone
    (``in_need_histogram``). ``rules`` is a :class:`WellbeingRules`."""
    adjust, overburden = F(rules.adjustment), F(rules.overburden)
    assistance, change = F(rules.assistance), F(rules.reliance_change)
    sums, hist, fb, parts = _summary_arrays(bounds, bins)
    counts = np.zeros((5, bounds.size - 1), dtype=np.int64)
    need_hist = np.zeros_like(hist)  # the same histogram, of the persons in need only
    rows = bounds[parts]
    at_o, at_r = np.searchsorted(overburdened, rows), np.searchsorted(recipients, rows)
    at_w, at_j = np.searchsorted(need_w, rows), np.searchsorted(need_j, rows)
    none = np.int64(bounds[-1])  # past every row: a list read to its end
    # Entries of the four lists per municipality: at least its listed persons.
    entries = np.zeros(bounds.size - 1, dtype=np.int64)
    for lst in (overburdened, recipients, need_w, need_j):
        entries += np.diff(np.searchsorted(lst, bounds))
    for t in prange(PARTS):
        o, r, w, j = at_o[t], at_r[t], at_w[t], at_j[t]
        who = np.empty(entries[parts[t]:parts[t + 1]].max() if parts[t + 1] > parts[t] else 0,
                       dtype=np.int64)
        target = np.empty(who.size, dtype=np.float32)
        strained = np.empty(who.size, dtype=np.bool_)
        needing = np.empty(who.size, dtype=np.bool_)
        old_wb = np.empty(who.size, dtype=np.float32)
        old_sr = np.empty(who.size, dtype=np.float32)
        for m in range(parts[t], parts[t + 1]):
            lo, end = bounds[m], bounds[m + 1]
            # The listed persons of the municipality, merged: their targets and strain.
            n = 0
            while True:
                i = min(overburdened[o] if o < at_o[t + 1] else none,
                        recipients[r] if r < at_r[t + 1] else none,
                        need_w[w] if w < at_w[t + 1] else none,
                        need_j[j] if j < at_j[t + 1] else none)
                if i >= end:
                    break
                tg = base[i]
                st = False
                listed = False  # on a waiting list in a domain whose list holds them
                counted = False  # in one of the three need lists (status_counts)
                if o < at_o[t + 1] and overburdened[o] == i:
                    tg = tg - overburden * min(carer_load[i] - F(1.0), F(1.0))
                    st = True
                    o += 1
                if r < at_r[t + 1] and recipients[r] == i:
                    tg = tg - assistance
                    r += 1
                    counted = True
                    listed = wait_p[i] >= 0
                if w < at_w[t + 1] and need_w[w] == i:
                    s = state_w[i]
                    tg = _need_cost(tg, sev_w[i], s, rules)
                    st = st or s >= WAITING
                    w += 1
                    counted = True
                    listed = listed or wait_w[i] >= 0
                if j < at_j[t + 1] and need_j[j] == i:
                    tg = _need_cost(tg, sev_j[i], state_j[i], rules)
                    j += 1
                    counted = True
                    listed = listed or wait_j[i] >= 0
                if counted:
                    _count(counts, m, state_w[i], state_j[i], state_p[i], listed)
                who[n], target[n], strained[n], needing[n] = i, tg, st, counted
                old_wb[n], old_sr[n] = wellbeing[i], self_reliance[i]
                n += 1
            # Everyone as if unlisted (no branches: vector instructions), then the listed
            # persons again from their old values, then the summary of the new values.
            _drift(base[lo:end], wellbeing[lo:end], self_reliance[lo:end],
                   base_self_reliance[lo:end], adjust, change)
            for k in range(n):
                i = who[k]
                wellbeing[i] = _toward(old_wb[k], target[k], adjust)
                sr = old_sr[k]
                if strained[k]:
                    self_reliance[i] = max(sr - change, F(0.0))
                else:
                    self_reliance[i] = min(sr + change, base_self_reliance[i])
                if needing[k]:
                    need_hist[m, min(int(wellbeing[i] * fb), bins - 1)] += 1
            sums[m] = _summarise(wellbeing, lo, end, fb, hist[m])
    return sums, hist, counts, need_hist


@njit(cache=True, nogil=True, inline="always")
def _toward(wellbeing, target, adjust):
    """``adjust`` of the way from ``wellbeing`` to ``target`` clipped to 0-1 (float32)."""
    t = min(max(target, F(0.0)), F(1.0))
    return wellbeing + adjust * (t - wellbeing)


@njit(cache=True, nogil=True, inline="always")
def _drift(base, wellbeing, self_reliance, base_self_reliance, adjust, change):
    """The month of persons with nothing to strain them (slices of one municipality's rows):
    well-being ``adjust`` of the way to the base, self-reliance up by ``change`` but not past
    its own (float32)."""
    for k in range(base.size):
        wellbeing[k] = _toward(wellbeing[k], base[k], adjust)
        self_reliance[k] = min(self_reliance[k] + change, base_self_reliance[k])


@njit(cache=True, nogil=True, inline="always")
def _need_cost(target, sev, state, rules):
    """The target less what an open need costs: its severity times the cost of a need not
    met (unmet, or waiting: a need on a waiting list is not met) or of one that is (in need)
    of ``rules`` (float64 arithmetic, stored as float32)."""
    w = rules.unmet if state >= WAITING else rules.in_need
    return F(np.float64(target) - np.float64(sev) * w)
