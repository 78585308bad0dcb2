"""Placement (ODD 7.6): who is served by or waiting for a provider, and the waiting
lists filled from free capacity in a keyed random order."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import FORMAL, PARTS, U64, F
from .draws import _hash
from .runs import _joined, _parts, _runs


@njit(cache=True, nogil=True, parallel=True)
def clients_and_queue(idx, prov, wait, weight, out, bounds):
    """One pass over a need list before placements: add the weight of each served person to
    their provider's entry of ``out``, in row order (``np.bincount(prov[served],
    weights=weight[served])`` without the list of the served), and return the persons on the
    waiting list (``wait >= 0``), in order. ``weight`` is per municipality (everyone there
    has the same weight), read off ``bounds``. Runs of whole municipalities go to the cores
    (a provider serves one municipality, so its sum is taken on one core, in row order)."""
    starts = _runs(idx, bounds)
    queue = np.empty(idx.size, dtype=np.int64)
    counts = np.zeros(PARTS, dtype=np.int64)
    for t in prange(PARTS):
        n = 0
        m = 0
        for k in range(starts[t], starts[t + 1]):
            i = idx[k]
            pr = prov[i]
            if pr >= 0:
                while i >= bounds[m + 1]:
                    m += 1
                out[pr] += np.float64(weight[m])
            if wait[i] >= 0:
                queue[starts[t] + n] = i
                n += 1
        counts[t] = n
    return _joined(queue, starts, counts)


@njit(cache=True, nogil=True, parallel=True)
def place_waiting(queue, bounds, svc_of, sev, residential, wait, weight, kind, kind_service,
                  key_queue, pkeys, pcum, porder, prov, state, free, clients):
    """Place waiting persons (``queue``, sorted rows) with providers, as
    ``TransitionModel.allocate_care`` describes: per (municipality, service) group, longest
    wait first, ties by this month's queue draw, then by row; placed while the group's
    cumulative weight fits in its providers' free places, spread over them in proportion.

    The arithmetic is that of the whole-array version (a lexsort of everyone waiting, global
    running sums of weights, searches in the providers' cumulative free places). Everyone in a
    group has the same weight (weights are per municipality), so how many of a group are
    placed does not depend on their order, and only groups with room are sorted and drawn
    for. ``svc_of`` is the service of the domain (-1: youth care, ambulant or residential by
    ``sev >= residential``; -2: the Wmo, ``kind_service`` of the person's ``kind``); a
    person's municipality is read off the row ``bounds`` and ``weight`` is per municipality.
    Updates ``prov``, ``wait``, ``state``, ``free``, ``clients``.

    Runs of whole municipalities go to the cores (a group's providers are those of its
    municipality); the global running sum of weights at the start of each group is taken
    first, in one short pass in queue order, so each group starts from the same sum as in
    the whole-array version."""
    n = queue.size
    key = np.empty(n, dtype=np.int64)
    order = np.empty(n, dtype=np.int64)
    res = F(residential)  # compared in float32, as numpy compares a float32 array
    parts = _parts(bounds, PARTS)
    at = np.searchsorted(queue, bounds[parts])
    for t in prange(PARTS):
        m = parts[t]
        for k in range(at[t], at[t + 1]):
            i = queue[k]
            while i >= bounds[m + 1]:
                m += 1
            s = svc_of
            if s == -1:
                s = 2 if sev[i] >= res else 1
            elif s == -2:
                s = kind_service[kind[i]]
            key[k] = np.int64(m) * 8 + s
        # Group order: by key, in row order within a key. Rows are sorted by municipality,
        # so a counting sort of the eight services within each municipality's stretch does it.
        a = at[t]
        while a < at[t + 1]:
            m8 = key[a] // 8
            b = a
            counts = np.zeros(9, dtype=np.int64)
            while b < at[t + 1] and key[b] // 8 == m8:
                counts[key[b] % 8 + 1] += 1
                b += 1
            for j in range(8):
                counts[j + 1] += counts[j]
            for k in range(a, b):
                j = key[k] % 8
                order[a + counts[j]] = k
                counts[j] += 1
            a = b
    # Where each group starts in ``order``, and the running sum of weights before it.
    group_at = np.empty(n + 1, dtype=np.int64)
    before = np.empty(n)
    groups = 0
    cum = 0.0
    start = 0
    while start < n:
        g_key = key[order[start]]
        end = start
        while end < n and key[order[end]] == g_key:
            end += 1
        group_at[groups] = start
        before[groups] = cum
        groups += 1
        w = np.float64(weight[g_key // 8])
        for _ in range(end - start):
            cum += w
        start = end
    group_at[groups] = n
    run_groups = np.searchsorted(group_at[:groups + 1], at)
    for t in prange(PARTS):
        for g in range(run_groups[t], run_groups[t + 1]):
            _place_group(queue, order, key, group_at[g], group_at[g + 1], before[g], wait,
                         weight, key_queue, pkeys, pcum, porder, prov, state, free, clients)


@njit(cache=True, nogil=True)
def _place_group(queue, order, key, start, end, before, wait, weight, key_queue, pkeys, pcum,
                 porder, prov, state, free, clients):
    """``place_waiting`` for the group at order[start:end], whose running sum of weights
    starts at ``before``."""
    g_key = key[order[start]]
    lo = np.searchsorted(pkeys, g_key, side="left")
    hi = np.searchsorted(pkeys, g_key, side="right")
    base = pcum[lo - 1] if lo > 0 else 0.0
    room = (pcum[hi - 1] if hi > 0 else 0.0) - base
    w = np.float64(weight[g_key // 8])  # everyone's in the group
    # How many fit: positions are running sums of the (equal) weights.
    placed = 0
    placed_total = 0.0
    run = before
    for _ in range(end - start):
        run += w
        if run - before <= room + 1e-9:
            placed += 1
            placed_total += w
    if placed == 0:
        for r in range(start, end):
            wait[queue[order[r]]] += 1
        return
    # Sort the group: longest wait first, then the queue draw, then the row.
    size = end - start
    packed = np.empty(size, dtype=np.uint64)
    for r in range(size):
        i = queue[order[start + r]]
        u24 = (_hash(key_queue, i) >> U64(40)) & U64(0xFFFFFF)
        packed[r] = (U64(32767 - wait[i]) << U64(48)) | (u24 << U64(24)) | U64(r)
    ranked = np.sort(packed)
    spread = room / placed_total
    run = before
    for r in range(size):
        i = queue[order[start + (ranked[r] & U64(0xFFFFFF))]]
        run += w
        if r < placed:
            pos_end = run - before
            t = np.searchsorted(pcum, base + (pos_end - w * 0.5) * spread, side="right")
            chosen = porder[min(t, hi - 1)]  # one of the group's own providers, always
            prov[i] = chosen
            wait[i] = -1
            state[i] = FORMAL
            free[chosen] -= w
            clients[chosen] += w
        else:
            wait[i] += 1
