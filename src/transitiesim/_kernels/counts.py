"""Counts and sums per municipality for the indicators and the accounts (ODD 8)."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import NONE, PARTS, UNMET, WAITING, F
from .runs import _joined, _parts, _runs, _summarise, _summary_arrays
from .support import household_income


@njit(cache=True, nogil=True, parallel=True)
def sums_by_municipality(idx, values, bounds):
    """``np.bincount(muni[idx], weights=values)`` for sorted rows ``idx`` (``values`` aligned
    with them): float64 sums in row order, the municipality read off ``bounds``; runs of
    whole municipalities on the cores."""
    out = np.zeros(bounds.size - 1)
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(idx, bounds)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            total = 0.0
            for k in range(at[m], at[m + 1]):
                total += np.float64(values[k])
            out[m] = total
    return out


@njit(cache=True, nogil=True, parallel=True)
def amounts_by_municipality(idx, weight, amount, bounds):
    """``sums_by_municipality(idx, w[idx] * amount, bounds)`` where ``w`` is a person's
    weight, without gathering it: ``weight`` is per municipality (everyone there has the
    same), and each person's amount is their weight times ``amount`` in float32, as numpy
    multiplies a float32 array by a Python number."""
    out = np.zeros(bounds.size - 1)
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(idx, bounds)
    a = F(amount)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            each = np.float64(weight[m] * a)
            total = 0.0
            for _ in range(at[m], at[m + 1]):
                total += each
            out[m] = total
    return out


@njit(cache=True, nogil=True, parallel=True)
def contributions_by_municipality(idx, weight, income, assisted, norms, sev, kind, floor, share,
                                  threshold, units, bounds, partner, prov, per_household):
    """What the Wmo clients ``idx`` (sorted rows) pay a month, summed per municipality: each
    ``floor`` plus ``share`` of household income above ``threshold`` (the social assistance
    ``norms`` where they or their partner are ``assisted``, ``support.household_income``),
    at most severity times the unit of
    their kind of care (``Citizens.own_contributions``, per person), times their weight (per
    municipality), added in row order. With ``per_household`` a client whose ``partner`` is
    a client too (a provider in ``prov``, a need in ``sev``) pays once for both, at the
    first of their rows, at most the two caps together."""
    out = np.zeros(bounds.size - 1)
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(idx, bounds)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            w = np.float64(weight[m])
            total = 0.0
            for k in range(at[m], at[m + 1]):
                i = idx[k]
                cap = np.float64(sev[i]) * units[kind[i]]
                if per_household:
                    q = partner[i]
                    if q >= 0 and prov[q] >= 0 and sev[q] > 0:
                        if q < i:
                            continue  # paid with the partner's row
                        cap += np.float64(sev[q]) * units[kind[q]]
                inc = household_income(i, income, partner, assisted, norms)
                c = floor + share * max(inc - threshold, 0.0)
                total += min(c, cap) * w
            out[m] = total
    return out


@njit(cache=True, nogil=True, parallel=True)
def count_by_bins(idx, values, edges, bounds):
    """Persons among the sorted rows ``idx`` per municipality and bin of their ``values``
    (read in place): ``out[m, k]`` counts those with ``edges[k] <= value < edges[k + 1]``
    (``len(edges) - 1`` bins; values outside count nowhere). Runs of whole municipalities
    on the cores."""
    n_bins = edges.size - 1
    out = np.zeros((bounds.size - 1, n_bins), dtype=np.int64)
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(idx, bounds)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            for k in range(at[m], at[m + 1]):
                b = np.searchsorted(edges, values[idx[k]], side="right") - 1
                if 0 <= b < n_bins:
                    out[m, b] += 1
    return out


@njit(cache=True, nogil=True, parallel=True)
def clients_by_service(idx, prov, service, n_services, bounds):
    """Clients among the sorted rows ``idx`` per municipality and the service of the
    provider that serves them (``prov``, -1 for none, counts nowhere): ``out[m, s]``.
    Runs of whole municipalities on the cores."""
    out = np.zeros((bounds.size - 1, n_services), dtype=np.int64)
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(idx, bounds)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            for k in range(at[m], at[m + 1]):
                pr = prov[idx[k]]
                if pr >= 0:
                    out[m, service[pr]] += 1
    return out


@njit(cache=True, nogil=True, parallel=True)
def weighted_count_by_group(flag, group, weight, n_groups, bounds):
    """``np.bincount(group, weights=flag * weight, minlength=n_groups)`` without the
    per-person product array (float64 sums in row order, as bincount adds), for groups that
    lie within one municipality (neighbourhoods): runs of whole municipalities on the cores."""
    out = np.zeros(n_groups)
    parts = _parts(bounds, PARTS)
    for t in prange(PARTS):
        for i in range(bounds[parts[t]], bounds[parts[t + 1]]):
            if flag[i]:
                out[group[i]] += np.float64(weight[i])
    return out


@njit(cache=True, nogil=True, parallel=True)
def summary_by_municipality(values, bounds, bins):
    """Per municipality (rows contiguous): the sum of ``values`` (float64) and their counts in
    ``bins`` equal bins of 0-1, in one pass, municipalities spread over the cores."""
    sums, hist, fb, parts = _summary_arrays(bounds, bins)
    for t in prange(parts.size - 1):
        for m in range(parts[t], parts[t + 1]):
            sums[m] = _summarise(values, bounds[m], bounds[m + 1], fb, hist[m])
    return sums, hist


# Person counts per municipality (``status_counts``): rows of the result.
IN_NEED, SERVED, WAITING_ANY, UNMET_ANY, ON_A_LIST = range(5)


@njit(cache=True, nogil=True, parallel=True)
def status_counts(need_w, need_j, recipients, state_w, state_j, state_p, wait_w, wait_j,
                  wait_p, bounds):
    """Each person in any of the three sorted need lists counted once per municipality (rows
    contiguous, ``bounds``): in need (any state but NONE), served, waiting (Wmo or youth, none
    unmet), unmet (Wmo or youth), and on at least one waiting list (``wait >= 0`` in a domain
    whose list holds them). One merge of the lists, in runs of rows shared out over the cores
    (each run counts on its own, the counts are added); no per-person table is built."""
    out = np.zeros((PARTS, 5, bounds.size - 1), dtype=np.int64)
    n = bounds[-1]
    for t in prange(PARTS):
        _count_status(need_w, need_j, recipients, state_w, state_j, state_p, wait_w, wait_j,
                      wait_p, bounds, n * t // PARTS, n * (t + 1) // PARTS, out[t])
    return out.sum(axis=0)


@njit(cache=True, nogil=True)
def _count_status(need_w, need_j, recipients, state_w, state_j, state_p, wait_w, wait_j,
                  wait_p, bounds, r0, r1, out):
    """``status_counts`` for rows r0:r1."""
    a, a_end = np.searchsorted(need_w, r0), np.searchsorted(need_w, r1)
    b, b_end = np.searchsorted(need_j, r0), np.searchsorted(need_j, r1)
    c, c_end = np.searchsorted(recipients, r0), np.searchsorted(recipients, r1)
    m = np.searchsorted(bounds, r0, side="right") - 1
    while a < a_end or b < b_end or c < c_end:
        i, in_w, in_j, in_r = _next_listed(need_w, a, a_end, need_j, b, b_end, recipients, c,
                                           c_end)
        listed = ((in_w and wait_w[i] >= 0) or (in_j and wait_j[i] >= 0)
                  or (in_r and wait_p[i] >= 0))
        a, b, c = a + in_w, b + in_j, c + in_r
        while i >= bounds[m + 1]:
            m += 1
        _count(out, m, state_w[i], state_j[i], state_p[i], listed)


@njit(cache=True, nogil=True, inline="always")
def _next_listed(need_w, a, a_end, need_j, b, b_end, recipients, c, c_end):
    """The next row of the merge of three sorted lists read from positions a, b and c (up to
    their ends), and whether each list holds it."""
    i = need_w[a] if a < a_end else np.int64(1) << 62
    if b < b_end and need_j[b] < i:
        i = need_j[b]
    if c < c_end and recipients[c] < i:
        i = recipients[c]
    return (i, a < a_end and need_w[a] == i, b < b_end and need_j[b] == i,
            c < c_end and recipients[c] == i)


@njit(cache=True, nogil=True, inline="always")
def _count(out, m, sw, sj, sp, listed):
    """Count one person of municipality ``m`` into the rows of ``status_counts``."""
    unmet = sw == UNMET or sj == UNMET
    waiting = (sw == WAITING or sj == WAITING) and not unmet
    if sw != NONE or sj != NONE or sp != NONE:
        out[IN_NEED, m] += 1
        if not unmet and not waiting:
            out[SERVED, m] += 1
    out[WAITING_ANY, m] += waiting
    out[UNMET_ANY, m] += unmet
    out[ON_A_LIST, m] += listed


@njit(cache=True, nogil=True, parallel=True)
def served_value(idx, prov, sev, weight, service, n_providers, unit_household, unit_support,
                 unit_aids, unit_ambulant, unit_residential, unit_reintegration, bounds):
    """The persons among ``idx`` whom a provider serves (in order), and the reference value
    (EUR) of the care each provider gives them this month: per client, the reference tariff
    for their service (per hour of need for household help, support at home and ambulant
    youth care, per unit of need for aids, per month otherwise) times their weight (per
    municipality, as in ``clients_and_queue``), summed in row order (runs of whole
    municipalities on the cores)."""
    starts = _runs(idx, bounds)
    clients = np.empty(idx.size, dtype=np.int64)
    counts = np.zeros(PARTS, dtype=np.int64)
    out = np.zeros(n_providers)
    uh, us, uaid, ua = F(unit_household), F(unit_support), F(unit_aids), F(unit_ambulant)
    for t in prange(PARTS):
        n = 0
        m = 0
        for k in range(starts[t], starts[t + 1]):
            i = idx[k]
            pr = prov[i]
            if pr < 0:
                continue
            while i >= bounds[m + 1]:
                m += 1
            clients[starts[t] + n] = i
            n += 1
            s = service[pr]
            if s == 0:  # Service.WMO_SUPPORT
                unit = np.float64(sev[i] * us)
            elif s == 6:  # Service.WMO_HOUSEHOLD
                unit = np.float64(sev[i] * uh)
            elif s == 7:  # Service.WMO_AIDS
                unit = np.float64(sev[i] * uaid)
            elif s == 1:  # Service.JEUGD_AMBULANT
                unit = np.float64(sev[i] * ua)
            elif s == 2:  # Service.JEUGD_RESIDENTIAL
                unit = unit_residential
            elif s == 3:  # Service.REINTEGRATION
                unit = unit_reintegration
            else:
                unit = np.nan  # a lump-sum service has no clients
            out[pr] += unit * np.float64(weight[m])
        counts[t] = n
    return _joined(clients, starts, counts), out


@njit(cache=True, nogil=True, parallel=True)
def in_need_histogram(need_w, need_j, recipients, values, bounds, bins):
    """Per municipality, the ``bins``-bin histogram (over 0-1) of ``values`` of the persons in
    any of the three sorted need lists, each counted once: one merge of the lists, in runs of
    whole municipalities on the cores."""
    hist = np.zeros((bounds.size - 1, bins), dtype=np.int64)
    rows = bounds[_parts(bounds, PARTS)]
    fb = F(bins)
    for t in prange(PARTS):
        a, a_end = np.searchsorted(need_w, rows[t]), np.searchsorted(need_w, rows[t + 1])
        b, b_end = np.searchsorted(need_j, rows[t]), np.searchsorted(need_j, rows[t + 1])
        c, c_end = np.searchsorted(recipients, rows[t]), np.searchsorted(recipients, rows[t + 1])
        m = np.searchsorted(bounds, rows[t], side="right") - 1
        while a < a_end or b < b_end or c < c_end:
            i, in_w, in_j, in_r = _next_listed(need_w, a, a_end, need_j, b, b_end, recipients,
                                               c, c_end)
            a, b, c = a + in_w, b + in_j, c + in_r
            while i >= bounds[m + 1]:
                m += 1
            hist[m, min(int(values[i] * fb), bins - 1)] += 1
    return hist


@njit(cache=True, nogil=True)
def bins_below_share(hist, weights, share):
    """For a percentile (``reporters._p10``: ``share`` 0.1): per municipality and nationally
    (last row) the number of bins of the weighted histogram whose cumulative count is under
    ``share`` of the total, with numpy's arithmetic: counts times the municipality's weight
    (float64), the national histogram summed over the municipalities in order, cumulative
    sums in bin order."""
    M, B = hist.shape
    out = np.zeros(M + 1, dtype=np.int64)
    national = np.zeros(B)
    row = np.empty(B)
    for m in range(M + 1):
        for b in range(B):
            if m < M:
                row[b] = np.float64(hist[m, b]) * weights[m]
                national[b] += row[b]
            else:
                row[b] = national[b]
        total = 0.0
        for b in range(B):
            total += row[b]
        limit = share * total
        cum = 0.0
        k = 0
        for b in range(B):
            cum += row[b]
            if cum < limit:
                k += 1
        out[m] = k
    return out
