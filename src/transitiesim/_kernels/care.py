"""Informal care (ODD 7.4, step 2): each carer spreads what they can give over everyone
who asks them."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import PARTS, F
from .draws import _hash, _unit
from .runs import _joined, _parts, _row_runs, _stable_order


@njit(cache=True, nogil=True, parallel=True)
def informal_care(who_w, hours_w, who_j, hours_j, carer, partner, child_carer, sev_wmo, age,
                  on_bijstand, relief, carer_load, care_given, care_start, over_start, last_care,
                  old_carers, carer_hours, stretch_kin, stretch_network, work, month,
                  overburden_months, long_months, intensive_hours, bounds):
    """Each carer spreads what they can give over everyone who asks them (Wmo requests first,
    then youth care, in row order). Returns (hours got per Wmo request, per youth request,
    carers who gave (sorted), overburdened carers (sorted), and for each carer who gave their
    kind as SCP counts it: 1 if their spell has lasted ``long_months`` months or more
    (long-term), plus 2 if they gave ``intensive_hours`` or more (intensive)); sets
    ``carer_load`` and
    ``care_given`` of this month's carers and zeroes those of last month's
    (``old_carers``).

    A carer can sustain ``carer_hours`` x (1 - their own Wmo severity) x (1 + ``relief``)
    (carer support; 0 for a carer without it), times 1 - (1 - work factor) x h / full time
    for a job of h hours a week (``work``: ``citizens.work_rule``; none on social assistance); they
    give up to ``stretch_kin`` times what they can sustain when kin asks them: their partner,
    a minor (any youth request: a minor's carer is a parent) or a parent whose carer is their
    adult child (``child_carer`` of the person asking); else ``stretch_network`` times. With
    the work rule's ``burden_only`` the job does not lower what they give, only what they can
    sustain (their load).
    A carer's spell of caring (``care_start``: the month it began; ``last_care``: the last
    month they gave) goes on while they give every month; their overload (load above 1:
    ``over_start``, the month it began, -1 for none) counts within it, and they are
    overburdened once it has lasted ``overburden_months`` months.

    A carer lives in the municipality of everyone they care for (partner, parent, an adult
    child or another adult picked there), so runs of whole municipalities are independent and
    go to the cores. In each run the requests are sorted by carer (a stable sort: each
    carer's requests keep the order above, so their hours are added up in that order) and
    the carers are then visited in row order, which gives both lists sorted."""
    rows = bounds[_parts(bounds, PARTS)]
    old_at = np.searchsorted(old_carers, rows)
    w_at, j_at = np.searchsorted(who_w, rows), np.searchsorted(who_j, rows)
    starts = w_at + j_at  # where each run's requests (and carers: at most one each) go
    gave = np.empty(who_w.size + who_j.size, dtype=np.int64)
    kinds = np.empty(who_w.size + who_j.size, dtype=np.uint8)
    burdened = np.empty(who_w.size + who_j.size, dtype=np.int64)
    n_gave = np.zeros(PARTS, dtype=np.int64)
    n_burdened = np.zeros(PARTS, dtype=np.int64)
    got_w, got_j = np.zeros(who_w.size), np.zeros(who_j.size)
    rules = (F(carer_hours), F(stretch_kin), F(stretch_network), np.int32(month),
             np.int32(overburden_months), np.int32(long_months), np.float64(intensive_hours))
    for t in prange(PARTS):
        n_gave[t], n_burdened[t] = _care_run(
            who_w, hours_w, who_j, hours_j, carer, partner, child_carer, sev_wmo, age,
            on_bijstand, work, relief, carer_load, care_given, care_start, over_start, last_care,
            old_carers, rules, rows[t], rows[t + 1], old_at[t], old_at[t + 1], w_at[t],
            w_at[t + 1], j_at[t], j_at[t + 1], got_w, got_j, gave, kinds, burdened, starts[t])
    return (got_w, got_j, _joined(gave, starts, n_gave), _joined(burdened, starts, n_burdened),
            _joined(kinds, starts, n_gave))


@njit(cache=True, nogil=True, parallel=True)
def with_alongside(who, hours, in_need, prov, sev, kind, carer, residential_threshold,
                   hours_at_full, share, no_hours_kind):
    """The Wmo requests to carers with the formal clients' added (ODD 7.4, informal care
    beside formal help): each person of ``in_need`` whom a provider serves, who has a carer
    and whose need asks a carer's hours (below ``residential_threshold``, not of kind
    ``no_hours_kind``), asks them ``share`` x s x ``hours_at_full`` (float32, as
    ``request_hours`` and then the share). Returns (the requests merged in row order, their
    hours, whether each is a formal client's); ``who`` and ``in_need`` are sorted and no
    one in ``who`` is served. Persons are independent: equal runs of rows go to the cores,
    each marking its formal clients in one pass and merging in a second."""
    rt, hf, sh = F(residential_threshold), F(hours_at_full), F(share)
    at_n, at_w = _row_runs(in_need, prov.size), _row_runs(who, prov.size)
    asks = np.zeros(in_need.size, dtype=np.bool_)
    counts = np.zeros(PARTS + 1, dtype=np.int64)
    for t in prange(PARTS):
        n = 0
        for k in range(at_n[t], at_n[t + 1]):
            i = in_need[k]
            if prov[i] >= 0 and carer[i] >= 0 and sev[i] < rt \
                    and np.int64(kind[i]) != no_hours_kind:
                asks[k] = True
                n += 1
        counts[t + 1] = n + at_w[t + 1] - at_w[t]
    starts = np.cumsum(counts)
    rows = np.empty(starts[PARTS], dtype=np.int64)
    asked = np.empty(starts[PARTS], dtype=np.float32)
    extra = np.zeros(starts[PARTS], dtype=np.bool_)
    for t in prange(PARTS):
        a, m, w1 = at_w[t], starts[t], at_w[t + 1]
        for k in range(at_n[t], at_n[t + 1]):
            if not asks[k]:
                continue
            i = in_need[k]
            while a < w1 and who[a] < i:
                rows[m], asked[m] = who[a], hours[a]
                a += 1
                m += 1
            rows[m], asked[m], extra[m] = i, (sev[i] * hf) * sh, True
            m += 1
        while a < w1:
            rows[m], asked[m] = who[a], hours[a]
            a += 1
            m += 1
    return rows, asked, extra


@njit(cache=True, nogil=True)
def work_hours(key, rows, age, edges, employed, cum_classes, class_hours):
    """Hours a week of a paid job of persons ``rows`` (float32; 0: none): a person's draw u
    (the hash of ``key`` and their row, fixed for the run) gives them a job while u is below
    ``employed`` of their age group (groups from ``edges``: [edges[k], edges[k + 1]), none
    below the first or from the last), in the hours class where u / that share falls on
    ``cum_classes`` (the classes' cumulative shares, the last 1), at ``class_hours``."""
    out = np.empty(rows.size, dtype=np.float32)
    for k in range(rows.size):
        out[k] = _job_hours(key, rows[k], age[rows[k]], edges, employed, cum_classes,
                            class_hours)
    return out


@njit(cache=True, nogil=True, inline="always")
def _job_hours(key, row, a, edges, employed, cum_classes, class_hours):
    """``work_hours`` of one person of age ``a``."""
    if a < edges[0] or a >= edges[edges.size - 1]:
        return F(0.0)
    g = 0
    while a >= edges[g + 1]:
        g += 1
    u = _unit(_hash(key, row), 40)
    if u >= employed[g]:
        return F(0.0)
    v = u / employed[g]
    c = 0
    while c < cum_classes.size - 1 and v >= cum_classes[c]:
        c += 1
    return class_hours[c]


@njit(cache=True, nogil=True, inline="always")
def _sustainable(ch, sev, c, age, on_bijstand, work, relief):
    """What a carer (row ``c``) can sustain a month and what they give up to before the
    stretch (float32 each): ``ch`` x (1 - their own Wmo severity) x (1 + ``relief``), the
    first times 1 - (1 - work factor) x h / full time for a job of h hours a week (none on
    social assistance), the second too unless the work rule's ``burden_only``."""
    key, edges, employed, cum_classes, class_hours, factor, full_time, burden_only = work
    base = ch * (F(1.0) - sev) * (F(1.0) + relief)
    if on_bijstand[c] or factor >= F(1.0):
        return base, base
    h = _job_hours(key, c, age[c], edges, employed, cum_classes, class_hours)
    out = base * (F(1.0) - (F(1.0) - factor) * h / full_time)
    return out, (base if burden_only else out)


@njit(cache=True, nogil=True)
def sustainable_hours(carers, carer_hours, sev_wmo, age, on_bijstand, work, relief):
    """What each of ``carers`` can sustain a month, as ``informal_care`` takes it."""
    ch = F(carer_hours)
    out = np.empty(carers.size, dtype=np.float32)
    for k in range(carers.size):
        c = carers[k]
        out[k] = _sustainable(ch, sev_wmo[c], c, age, on_bijstand, work, relief[c])[0]
    return out


@njit(cache=True, nogil=True)
def _care_run(who_w, hours_w, who_j, hours_j, carer, partner, child_carer, sev_wmo, age,
              on_bijstand, work, relief, carer_load, care_given, care_start, over_start, last_care,
              old_carers, rules, r0, r1, o0, o1, w0, w1, j0, j1, got_w, got_j, gave, kinds,
              burdened, at):
    """``informal_care`` for rows r0:r1 (list stretches o0:o1, w0:w1, j0:j1); its carers
    who gave (and their kinds) and who are overburdened are written from ``at`` on. Returns
    how many of each."""
    ch, st_kin, st_net, month, months_over, long_months, intensive = rules
    for k in range(o0, o1):
        carer_load[old_carers[k]] = 0
        care_given[old_carers[k]] = 0
    # This run's requests with a carer: the carer, and the request (youth after Wmo).
    size = w1 - w0 + j1 - j0
    req_carer = np.empty(size, dtype=np.int64)
    req = np.empty(size, dtype=np.int64)
    n = 0
    for d in range(2):
        who = who_w if d == 0 else who_j
        k0, k1 = (w0, w1) if d == 0 else (j0, j1)
        for k in range(k0, k1):
            c = carer[who[k]]
            if c >= 0:
                if c < r0 or c >= r1:
                    raise ValueError("a carer lives outside the municipality of those "
                                     "they care for")
                req_carer[n] = c
                req[n] = k if d == 0 else who_w.size + k
                n += 1
    order = _stable_order(req_carer[:n], r0, r1 - r0)
    ng = nb = 0
    a = 0
    while a < n:
        c = req_carer[order[a]]
        b = a
        asked = 0.0
        kin = False
        while b < n and req_carer[order[b]] == c:
            r = req[order[b]]
            if r < who_w.size:
                asked += np.float64(hours_w[r])
                kin = kin or partner[who_w[r]] == c or child_carer[who_w[r]]
            else:
                asked += np.float64(hours_j[r - who_w.size])
                kin = True  # a minor's carer is a parent
            b += 1
        sustainable, reach = _sustainable(ch, sev_wmo[c], c, age, on_bijstand, work, relief[c])
        given = min(asked, np.float64((st_kin if kin else st_net) * reach))
        share = given / asked if asked > 0 else 0.0
        # Nothing is given without sustainable hours (given <= stretch x sustainable).
        carer_load[c] = F(given / np.float64(sustainable)) if sustainable > 0 else F(0.0)
        care_given[c] = F(given)
        if given > 0:
            if last_care[c] != month - 1:  # a new spell of caring
                care_start[c] = month
                over_start[c] = -1
            last_care[c] = month
            gave[at + ng] = c
            kinds[at + ng] = np.uint8((month - care_start[c] + 1 >= long_months)
                                      + 2 * (np.float64(care_given[c]) >= intensive))
            ng += 1
            if carer_load[c] > 1.0:
                if over_start[c] < 0:
                    over_start[c] = month
                if month - over_start[c] + 1 >= months_over:
                    burdened[at + nb] = c
                    nb += 1
            else:
                over_start[c] = -1
        for q in range(a, b):
            r = req[order[q]]
            if r < who_w.size:
                got_w[r] = np.float64(hours_w[r]) * share
            else:
                got_j[r - who_w.size] = np.float64(hours_j[r - who_w.size]) * share
        a = b
    return ng, nb


@njit(cache=True, nogil=True)
def choose_supported(carers, last_care, month, load, relief, knows, weight, slots, value,
                     bounds, supported):
    """Carer support this month (``Citizens.choose_supported``): per municipality (``carers``
    sorted, so each municipality's are a stretch; ``weight`` and ``slots`` per municipality),
    the carers who gave in ``month`` with ``load`` x (1 + their ``relief``) above 1 and who
    know support exists, the most loaded first (ties in row order), while their running
    weight (float64, added in that order) is at most the municipality's slots. Zeroes the
    relief of last month's ``supported``, sets ``value`` for the chosen and returns them,
    sorted. (Relief is 0 or ``value``, the same every month, so a load at or below
    1 / (1 + ``value``) is never above 1 with it.)"""
    keys = np.empty(carers.size)
    rows = np.empty(carers.size, dtype=np.int64)
    n = 0
    most = 1.0 + np.float64(value)  # the relief anyone had (last month's value): a bound
    for k in range(carers.size):
        c = carers[k]
        if np.float64(load[c]) * most <= 1.0:  # one array read for most carers
            continue
        if last_care[c] == month and knows[c]:
            key = np.float64(load[c]) * (1.0 + np.float64(relief[c]))
            if key > 1.0:
                keys[n], rows[n] = key, c
                n += 1
    for k in range(supported.size):
        relief[supported[k]] = 0.0
    out = np.empty(n, dtype=np.int64)
    m_out = 0
    a = 0
    m = 0
    while a < n:
        while rows[a] >= bounds[m + 1]:
            m += 1
        b = a
        while b < n and rows[b] < bounds[m + 1]:
            b += 1
        order = np.argsort(-keys[a:b], kind="mergesort")  # stable: ties in row order
        w, total, first = np.float64(weight[m]), 0.0, m_out
        for q in order:
            total += w
            if total > slots[m]:
                break
            out[m_out] = rows[a + q]
            m_out += 1
        out[first:m_out] = np.sort(out[first:m_out])
        a = b
    for k in range(m_out):
        relief[out[k]] = value
    return out[:m_out]
