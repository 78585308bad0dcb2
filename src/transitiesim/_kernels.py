"""Compiled per-person loops for the citizens' monthly rules (numba).

Each kernel is the rule written in ``citizens.py``'s docstrings, applied person by person in one
pass instead of several whole-array numpy passes. The arithmetic follows numpy's types exactly
(float32 where the person arrays are float32, float64 where numpy promotes), so a kernel gives
bit-for-bit the same results as the numpy code it replaced; the seeded snapshot test
(tests/test_determinism.py) checks this. Literals are written as ``F(...)`` (float32) on purpose.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit, prange

F = np.float32
U64 = np.uint64
GOLDEN = U64(0x9E3779B97F4A7C15)
M1, M2 = U64(0xBF58476D1CE4E5B9), U64(0x94D049BB133111EB)
TO_UNIT = F(1.0 / 16777216.0)  # 2^-24
NONE, FORMAL, INITIATIVE, INFORMAL, WAITING, UNMET = 0, 1, 2, 3, 4, 5
# Passes over municipalities split them into this many runs of about equal rows, shared out
# over the cores (more runs than cores keeps them busy when the split is uneven).
PARTS = 16


# --- draws ----------------------------------------------------------------------------------
# A person's draw for one process in one month is a hash of (the month's key for that process,
# the person's row): the SplitMix64 output function applied to key + row x golden ratio, i.e.
# SplitMix64's sequence read at the person's position. Any person's draw can be computed alone,
# so kernels draw only for the persons a rule concerns, and a person's draws do not depend on
# what happens to anyone else (common random numbers). The top 24 bits give a uniform on [0, 1)
# exactly representable as float32; bits 16-39 give a second, independent one.
@njit(cache=True, nogil=True, inline="always")
def _hash(key, i):
    z = key + U64(i) * GOLDEN
    z = (z ^ (z >> U64(30))) * M1
    z = (z ^ (z >> U64(27))) * M2
    return z ^ (z >> U64(31))


@njit(cache=True, nogil=True, inline="always")
def _unit(h, shift):
    return F((h >> U64(shift)) & U64(0xFFFFFF)) * TO_UNIT


@njit(cache=True, nogil=True)
def uniforms(key, idx):
    """The draws of persons ``idx`` for the process whose month key is ``key`` (float32)."""
    out = np.empty(idx.size, dtype=np.float32)
    for k in range(idx.size):
        out[k] = _unit(_hash(key, idx[k]), 40)
    return out


@njit(cache=True, nogil=True, parallel=True)
def escalate_recover(idx, sev, state, prov, wait, self_reliance, key_rec, provider_effect,
                     rate_helped, rate_unaided, escalation, progression, rules):
    """Recovery and escalation of last month's needs in one domain (sorted rows ``idx``), and
    the start of this month's look at them. Returns (the persons whose need is still open,
    those among them no provider serves), each sorted; their state starts this month as
    FORMAL (served) or NONE, and so does that of persons whose need ended (recovered, or
    cleared since the last look: death, turning 18). Runs of rows go to the cores.
    ``rules`` is a :class:`NeedRules`: recovery scales with (intercept - slope x severity)
    and (offset + self-reliance)."""
    intercept, slope = F(rules.recovery_intercept), F(rules.recovery_slope)
    offset = F(rules.recovery_reliance)
    at = _row_runs(idx, sev.size)
    still = np.empty(idx.size, dtype=np.int64)
    rest = np.empty(idx.size, dtype=np.int64)
    n_still = np.zeros(PARTS, dtype=np.int64)
    n_rest = np.zeros(PARTS, dtype=np.int64)
    for t in prange(PARTS):
        ns = nr = 0
        for k in range(at[t], at[t + 1]):
            i = idx[k]
            s = sev[i]
            if s <= 0:
                state[i] = NONE  # cleared since the last look
                continue
            st = state[i]
            rate = rate_helped if (st == FORMAL or st == INITIATIVE or st == INFORMAL) \
                else rate_unaided
            pr = prov[i]
            rate = rate * (provider_effect[pr] if pr >= 0 else 1.0)
            rate = rate * np.float64(intercept - slope * s) * np.float64(offset
                                                                    + self_reliance[i])
            if np.float64(_unit(_hash(key_rec, i), 40)) < rate:
                sev[i] = 0
                prov[i] = -1
                wait[i] = -1
                state[i] = NONE
            else:
                rise = escalation if (st == UNMET or st == WAITING) else 0.0
                rise = rise + progression
                sev[i] = F(min(np.float64(s) + rise, 1.0))
                still[at[t] + ns] = i
                ns += 1
                if pr >= 0:
                    state[i] = FORMAL
                else:
                    state[i] = NONE
                    rest[at[t] + nr] = i
                    nr += 1
        n_still[t], n_rest[t] = ns, nr
    return _joined(still, at, n_still), _joined(rest, at, n_rest)


# What the onset pass reports per person (the four lists it returns).
NEW_WMO, NEW_JEUGD, EXITED, RECIPIENT = 1, 2, 4, 8
# Its scratch byte per person: BURDENED, set for the overburdened carers before the first
# sweep; then what that sweep found: the onset draw is below the onset chance (ONSET_DRAW),
# the entry draw below the entry chance (ENTRY_DRAW), on social assistance (ON_ASSISTANCE),
# the carer was overburdened (WAS_BURDENED), and CANDIDATE: one of the first three. Left so
# until next month (no row then equals BURDENED alone).
BURDENED, ONSET_DRAW, ENTRY_DRAW, ON_ASSISTANCE, WAS_BURDENED, CANDIDATE = 16, 1, 2, 4, 8, 32


@njit(cache=True, nogil=True, parallel=True)
def onset_and_participation(onset_month, entry_month, self_reliance, minor, age, bounds, keep,
                            overburdened, burdened_factor, key_needs, sev_wmo, sev_jeugd,
                            sev_part, prov_part, wait_part, on_bijstand, unemployment_x100,
                            exit_base, reintegration_effect, max_working_age, flags, rules):
    """New needs (youth care for minors, Wmo for adults) and flows into and out of social
    assistance, person by person. Returns (new Wmo needs, new youth needs, exits to work,
    everyone on social assistance now), each sorted. ``keep``, the share of onsets prevention
    leaves, is per municipality (read off ``bounds``); ``flags`` is a scratch array of one
    byte per person, every row of which is overwritten (and read again next month).

    Persons are independent here, so the pass runs on all cores, in runs of whole
    municipalities, in two sweeps. The first, over everyone and without branches (so the
    compiler can use vector instructions), finds the few persons for whom something can
    happen this month: their onset draw falls below their onset chance (raised for an
    overburdened carer), or their entry draw below their entry chance, or they are on social
    assistance. The second applies the rules (``_onset_rules``) to those alone, with the
    same draws and arithmetic; for everyone else they change nothing. Each run writes its
    part of the four lists, in row order. ``rules`` is a :class:`NeedRules`."""
    vr = F(rules.vulnerability_reliance)
    # ``flags`` holds last month's sweep (never BURDENED alone) or zeros.
    for k in range(overburdened.size):
        flags[overburdened[k]] = BURDENED
    u_f = F(unemployment_x100)
    parts = _parts(bounds, PARTS)
    n_cand = np.zeros(PARTS + 1, dtype=np.int64)
    for t in prange(PARTS):
        for m in range(parts[t], parts[t + 1]):
            lo, hi = bounds[m], bounds[m + 1]
            n_cand[t + 1] += _mark_candidates(
                lo, onset_month[lo:hi], entry_month[lo:hi], self_reliance[lo:hi],
                on_bijstand[lo:hi].view(np.uint8), keep[m], F(burdened_factor), u_f, key_needs,
                flags[lo:hi], vr)
    # The candidates, run by run, then their values gathered into short arrays in one
    # branch-free loop (the reads of successive persons overlap), the rules applied there, and
    # the changed income needs written back. Each run writes from its start in ``starts``;
    # in ``cand`` from ``starts[t] + t`` (one spare entry a run: every row of a word with a
    # candidate is written, and the position moves on past candidates only).
    starts = np.cumsum(n_cand)
    cand = np.empty(starts[PARTS] + PARTS, dtype=np.int64)
    seen = np.empty(starts[PARTS], dtype=np.uint8)
    sev_p = np.empty(starts[PARTS], dtype=np.float32)
    prov_p = np.empty(starts[PARTS], dtype=np.int32)
    age_c = np.empty(starts[PARTS], dtype=age.dtype)
    lists = np.empty((4, starts[PARTS]), dtype=np.int64)
    counts = np.zeros((4, PARTS), dtype=np.int64)
    words = flags[:flags.size // 8 * 8].view(np.uint64)
    for t in prange(PARTS):
        i, end = bounds[parts[t]], bounds[parts[t + 1]]
        c = starts[t] + t
        while i < end:
            if i & 7 == 0 and i + 8 <= end and words[i >> 3] == 0:
                i += 8  # eight rows without a candidate
                continue
            cand[c] = i
            c += flags[i] // CANDIDATE  # 1 for a candidate (the highest bit in use), else 0
            i += 1
        k0, k1 = starts[t], starts[t + 1]
        for k in range(k0, k1):
            i = cand[k + t]
            seen[k] = flags[i]
            sev_p[k] = sev_part[i]
            prov_p[k] = prov_part[i]
            age_c[k] = age[i]
        m = parts[t]
        n = np.zeros(4, dtype=np.int64)  # this run's list lengths (its own, not shared)
        for k in range(k0, k1):
            i = cand[k + t]
            while i >= bounds[m + 1]:
                m += 1
            f, sev_p[k] = _onset_rules(i, seen[k], sev_p[k], prov_p[k], age_c[k], keep[m],
                                       onset_month, entry_month, self_reliance, minor,
                                       burdened_factor, key_needs, sev_wmo, sev_jeugd,
                                       prov_part, wait_part, on_bijstand, u_f, exit_base,
                                       reintegration_effect, max_working_age, rules)
            for b in range(4):
                if (f >> b) & 1:
                    lists[b, k0 + n[b]] = i
                    n[b] += 1
        for k in range(k0, k1):
            sev_part[cand[k + t]] = sev_p[k]
        counts[:, t] = n
    return (_joined(lists[0], starts, counts[0]), _joined(lists[1], starts, counts[1]),
            _joined(lists[2], starts, counts[2]), _joined(lists[3], starts, counts[3]))


@njit(cache=True, nogil=True, inline="always")
def _mark_candidates(lo, onset_month, entry_month, self_reliance, on_bijstand, keep,
                     burdened_factor, u_f, key, flags, vr):
    """The first sweep of ``onset_and_participation`` over one municipality's rows (from
    row ``lo``; slices of the person arrays): byte arithmetic only, no branches. Returns how
    many were marked CANDIDATE."""
    n = 0
    for j in range(flags.size):
        sr_factor = vr - self_reliance[j]
        h = _hash(key, lo + j)
        burdened = np.uint8(flags[j] == BURDENED)
        factor = burdened_factor if burdened else F(1.0)  # x * 1 is x exactly
        onset = np.uint8(_unit(h, 40) < onset_month[j] * sr_factor * keep * factor)
        entry = np.uint8(_unit(h, 16) < entry_month[j] * sr_factor * u_f)
        seen = onset * np.uint8(ONSET_DRAW) | entry * np.uint8(ENTRY_DRAW) \
            | on_bijstand[j] * np.uint8(ON_ASSISTANCE)
        maybe = np.uint8(seen != 0)
        flags[j] = seen | burdened * np.uint8(WAS_BURDENED) | maybe * np.uint8(CANDIDATE)
        n += maybe
    return n


@njit(cache=True, nogil=True, inline="always")
def _onset_rules(i, seen, sev_part, prov_part_i, age_i, keep, onset_month, entry_month,
                 self_reliance, minor, burdened_factor, key_needs, sev_wmo, sev_jeugd,
                 prov_part, wait_part, on_bijstand, u_f, exit_base, reintegration_effect,
                 max_working_age, rules):
    """Onset and social-assistance flows of person ``i`` (``onset_and_participation``; ``seen``
    is what its first sweep found; their income need, provider and age come in as values).
    Returns their flags and their new income need. Chances are computed only where a draw
    falls below them: a new need's severity is the draw rescaled by its chance."""
    f = 0
    vr, low, span = F(rules.vulnerability_reliance), F(rules.severity_low), F(rules.severity_span)
    h = _hash(key_needs, i)
    u = _unit(h, 40)  # onset
    if seen & ONSET_DRAW:
        prob = onset_month[i] * (vr - self_reliance[i])
        prob = prob * keep
        if seen & WAS_BURDENED:
            prob = prob * F(burdened_factor)
        if u < prob:
            new_sev = low + span * u / prob
            if minor[i]:
                if sev_jeugd[i] == 0:
                    sev_jeugd[i] = new_sev
                    f |= NEW_JEUGD
            elif sev_wmo[i] == 0:
                sev_wmo[i] = new_sev
                f |= NEW_WMO
    uj = _unit(h, 16)  # entry into or exit from social assistance
    if seen & ON_ASSISTANCE:
        rate = np.float64(F(exit_base) * (F(1.0) - sev_part)) * (
            1.0 + reintegration_effect * (1.0 if prov_part_i >= 0 else 0.0))
        leave = np.float64(uj) < rate
        too_old = age_i > max_working_age
        if leave and not too_old:
            f |= EXITED
        if leave or too_old:
            on_bijstand[i] = False
            prov_part[i] = -1
            wait_part[i] = -1
            return f, F(0.0)
        f |= RECIPIENT
        return f, min(sev_part + F(rules.distance_growth), F(1.0))
    if seen & ENTRY_DRAW:
        entry = entry_month[i] * (vr - self_reliance[i]) * u_f
        on_bijstand[i] = True
        f |= RECIPIENT
        return f, low + span * uj / entry
    return f, sev_part


class NeedRules(NamedTuple):
    """The declared shape of the needs rules (params.py, group "behaviour"; the income median
    from population.py), passed to the kernels as data."""

    recovery_intercept: float
    recovery_slope: float
    recovery_reliance: float
    vulnerability_reliance: float
    severity_low: float
    severity_span: float
    distance_growth: float
    cover_share: float
    income_median: float
    vulnerability_min: float
    vulnerability_max: float

    @classmethod
    def from_params(cls, p, income_median: float) -> NeedRules:
        return cls(*(float(p[name]) for name in NEED_PARAMS[:8]), float(income_median),
                   float(p["income_vulnerability_min"]), float(p["income_vulnerability_max"]))


# The parameter behind each of the first eight fields of NeedRules, in order.
NEED_PARAMS = ("recovery_severity_intercept", "recovery_severity_slope",
               "recovery_self_reliance_offset", "vulnerability_self_reliance_offset",
               "new_need_severity_low", "new_need_severity_span", "assistance_distance_growth",
               "informal_cover_share")


class WellbeingRules(NamedTuple):
    """The declared well-being parameters (params.py, group "wellbeing"), passed to the
    kernels as data: numba would freeze module-level constants into its cache."""

    base: float
    income: float
    volunteer: float
    assistance: float
    overburden: float
    unmet: float
    waiting: float
    in_need: float
    adjustment: float
    reliance_loss: float
    reliance_floor: float
    reliance_recovery: float

    @classmethod
    def from_params(cls, p) -> WellbeingRules:
        return cls(*(float(p[name]) for name in WELLBEING_PARAMS))


# The parameter behind each field of WellbeingRules, in order.
WELLBEING_PARAMS = ("wellbeing_base", "wellbeing_income_effect", "wellbeing_volunteer_bonus",
                    "wellbeing_assistance_cost", "wellbeing_overburden_cost",
                    "wellbeing_unmet_cost", "wellbeing_waiting_cost", "wellbeing_in_need_cost",
                    "wellbeing_adjustment", "self_reliance_loss", "self_reliance_floor",
                    "self_reliance_recovery")


@njit(cache=True, nogil=True, parallel=True)
def wellbeing_step(base, wellbeing, self_reliance, base_self_reliance, carer_load,
                   overburdened, recipients, need_w, sev_w, state_w, need_j, sev_j, state_j,
                   state_p, wait_w, wait_j, wait_p, bounds, bins, rules):
    """Well-being moves a fifth of the way to this month's target; self-reliance erodes under
    strain (unmet or waiting Wmo need, an overburdened carer role) and otherwise recovers.

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
    changes the states, months waited or lists between this step and the indicators.
    ``rules`` is a :class:`WellbeingRules`."""
    adjust, overburden = F(rules.adjustment), F(rules.overburden)
    assistance, loss = F(rules.assistance), F(rules.reliance_loss)
    floor, recovery = F(rules.reliance_floor), F(rules.reliance_recovery)
    sums, hist, fb, parts = _summary_arrays(bounds, bins)
    counts = np.zeros((5, bounds.size - 1), dtype=np.int64)
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
                who[n], target[n], strained[n] = i, tg, st
                old_wb[n], old_sr[n] = wellbeing[i], self_reliance[i]
                n += 1
            # Everyone as if unlisted (no branches: vector instructions), then the listed
            # persons again from their old values, then the summary of the new values.
            _drift(base[lo:end], wellbeing[lo:end], self_reliance[lo:end],
                   base_self_reliance[lo:end], adjust, recovery)
            for k in range(n):
                i = who[k]
                wellbeing[i] = _toward(old_wb[k], target[k], adjust)
                sr = old_sr[k]
                if strained[k]:
                    self_reliance[i] = max(sr - loss, floor)
                else:
                    self_reliance[i] = sr + recovery * (base_self_reliance[i] - sr)
            sums[m] = _summarise(wellbeing, lo, end, fb, hist[m])
    return sums, hist, counts


@njit(cache=True, nogil=True, inline="always")
def _toward(wellbeing, target, adjust):
    """``adjust`` of the way from ``wellbeing`` to ``target`` clipped to 0-1 (float32)."""
    t = min(max(target, F(0.0)), F(1.0))
    return wellbeing + adjust * (t - wellbeing)


@njit(cache=True, nogil=True, inline="always")
def _drift(base, wellbeing, self_reliance, base_self_reliance, adjust, recovery):
    """The month of persons with nothing to strain them (slices of one municipality's rows):
    well-being ``adjust`` of the way to the base, self-reliance ``recovery`` of the way back
    to its own (float32)."""
    for k in range(base.size):
        wellbeing[k] = _toward(wellbeing[k], base[k], adjust)
        self_reliance[k] = self_reliance[k] + recovery * (base_self_reliance[k]
                                                          - self_reliance[k])


@njit(cache=True, nogil=True, inline="always")
def _need_cost(target, sev, state, rules):
    """The target less what an open need costs: its severity times the unmet, waiting or
    in-need cost of ``rules`` (float64 arithmetic, stored as float32)."""
    w = rules.unmet if state == UNMET else (rules.waiting if state >= WAITING
                                            else rules.in_need)
    return F(np.float64(target) - np.float64(sev) * w)


@njit(cache=True, nogil=True)
def _runs(idx, bounds):
    """Positions in the sorted rows ``idx`` where each run of ``_parts(bounds, PARTS)``
    starts (PARTS + 1 entries): the stretch of ``idx`` in whole municipalities one core
    takes at a time."""
    return np.searchsorted(idx, bounds[_parts(bounds, PARTS)])


@njit(cache=True, nogil=True)
def _row_runs(idx, n):
    """Positions in the sorted rows ``idx`` where each of PARTS equal runs of the rows 0:n
    starts (PARTS + 1 entries), for passes with nothing summed per municipality."""
    rows = np.empty(PARTS + 1, dtype=np.int64)
    for t in range(PARTS + 1):
        rows[t] = n * t // PARTS
    return np.searchsorted(idx, rows)


@njit(cache=True, nogil=True)
def _joined(buf, starts, counts):
    """The first ``counts[t]`` entries of ``buf`` from each ``starts[t]``, run after run."""
    out = np.empty(counts.sum(), dtype=buf.dtype)
    n = 0
    for t in range(counts.size):
        out[n:n + counts[t]] = buf[starts[t]:starts[t] + counts[t]]
        n += counts[t]
    return out


@njit(cache=True, nogil=True)
def _summary_arrays(bounds, bins):
    """Empty sums and histograms per municipality, the bin scale, and the runs (``_parts``)."""
    M = bounds.size - 1
    return np.zeros(M), np.zeros((M, bins), dtype=np.int64), F(bins), _parts(bounds, PARTS)


@njit(cache=True, nogil=True, inline="always")
def _summarise(values, lo, hi, fb, hist):
    """Sum (float64, in row order) of values[lo:hi], counted into the bins of ``hist``."""
    total = 0.0
    bins = hist.size
    for i in range(lo, hi):
        v = values[i]
        total += np.float64(v)
        hist[min(int(v * fb), bins - 1)] += 1
    return total


@njit(cache=True, nogil=True)
def _parts(bounds, k):
    """Split the municipalities (rows ``bounds[m]:bounds[m + 1]``) into ``k`` contiguous runs
    of about equal rows: a municipality's work stays on one core, so results do not depend on
    the number of cores. Returns k + 1 municipality indices."""
    M = bounds.size - 1
    out = np.empty(k + 1, dtype=np.int64)
    out[0] = 0
    out[k] = M
    for j in range(1, k):
        out[j] = max(out[j - 1], min(np.searchsorted(bounds, bounds[M] * j // k), M))
    return out


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
def union_rows(a, b, n):
    """``np.union1d`` of two sorted arrays of unique rows below ``n``, merged in runs of
    rows on the cores."""
    a_at, b_at = _row_runs(a, n), _row_runs(b, n)
    starts = a_at + b_at
    out = np.empty(a.size + b.size, dtype=np.int64)
    counts = np.zeros(PARTS, dtype=np.int64)
    for t in prange(PARTS):
        counts[t] = _merge(a, a_at[t], a_at[t + 1], b, b_at[t], b_at[t + 1], out, starts[t])
    return _joined(out, starts, counts)


@njit(cache=True, nogil=True)
def _merge(a, i, i_end, b, j, j_end, out, at):
    """The union of a[i:i_end] and b[j:j_end] (sorted, unique) written from ``at``; returns
    its length."""
    n = 0
    while i < i_end or j < j_end:
        if j >= j_end or (i < i_end and a[i] < b[j]):
            v = a[i]
            i += 1
        elif i >= i_end or b[j] < a[i]:
            v = b[j]
            j += 1
        else:
            v = a[i]
            i += 1
            j += 1
        out[at + n] = v
        n += 1
    return n


@njit(cache=True, nogil=True, parallel=True)
def light_support(rest, sev, weight, nbh, supply, light_threshold, hours_at_full, state,
                  bounds):
    """Initiatives' light support for light Wmo needs, neighbourhood by neighbourhood in row
    order while the hours last. Marks INITIATIVE; returns (persons not covered, hours used per
    neighbourhood).

    A person is covered when the hours asked in their neighbourhood up to and including
    theirs (a float64 running sum in row order) fit in its supply; the sum only grows, so
    after the first person who does not fit nobody does. A neighbourhood lies in one
    municipality, so runs of whole municipalities go to the cores."""
    used = np.zeros(supply.size)
    lt = F(light_threshold)
    hf = F(hours_at_full)
    at = _runs(rest, bounds)
    covered = np.zeros(rest.size, dtype=np.bool_)
    light = np.empty(rest.size, dtype=np.int64)  # positions in rest, then by (nbh, row)
    group = np.empty(rest.size, dtype=np.int64)
    for t in prange(PARTS):
        n = 0
        for k in range(at[t], at[t + 1]):
            if sev[rest[k]] < lt:
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
def request_hours(who, sev, residential_threshold, hours_at_full):
    """Hours of informal care each person asks for; residential-level needs ask none."""
    rt, hf = F(residential_threshold), F(hours_at_full)
    out = np.empty(who.size, dtype=np.float32)
    for k in prange(who.size):
        s = sev[who[k]]
        out[k] = s * hf if s < rt else F(0.0)
    return out


@njit(cache=True, nogil=True, parallel=True)
def informal_care(who_w, hours_w, who_j, hours_j, carer, sev_wmo, carer_load, old_carers,
                  carer_hours, stretch, bounds):
    """Each carer spreads what they can give over everyone who asks them (Wmo requests first,
    then youth care, in row order). Returns (hours got per Wmo request, per youth request,
    carers who gave (sorted), overburdened carers (sorted)); sets ``carer_load`` of this
    month's carers and zeroes that of last month's (``old_carers``).

    A carer lives in the municipality of everyone they care for (partner, parent, or another
    adult picked there), so runs of whole municipalities are independent and go to the cores.
    In each run the requests are sorted by carer (a stable sort: each carer's requests keep
    the order above, so their hours are added up in that order) and the carers are then
    visited in row order, which gives both lists sorted."""
    rows = bounds[_parts(bounds, PARTS)]
    old_at = np.searchsorted(old_carers, rows)
    w_at, j_at = np.searchsorted(who_w, rows), np.searchsorted(who_j, rows)
    starts = w_at + j_at  # where each run's requests (and carers: at most one each) go
    gave = np.empty(who_w.size + who_j.size, dtype=np.int64)
    burdened = np.empty(who_w.size + who_j.size, dtype=np.int64)
    n_gave = np.zeros(PARTS, dtype=np.int64)
    n_burdened = np.zeros(PARTS, dtype=np.int64)
    got_w, got_j = np.zeros(who_w.size), np.zeros(who_j.size)
    ch, st = F(carer_hours), F(stretch)
    for t in prange(PARTS):
        n_gave[t], n_burdened[t] = _care_run(
            who_w, hours_w, who_j, hours_j, carer, sev_wmo, carer_load, old_carers, ch, st,
            rows[t], rows[t + 1], old_at[t], old_at[t + 1], w_at[t], w_at[t + 1], j_at[t],
            j_at[t + 1], got_w, got_j, gave, burdened, starts[t])
    return got_w, got_j, _joined(gave, starts, n_gave), _joined(burdened, starts, n_burdened)


@njit(cache=True, nogil=True)
def _care_run(who_w, hours_w, who_j, hours_j, carer, sev_wmo, carer_load, old_carers, ch, st,
              r0, r1, o0, o1, w0, w1, j0, j1, got_w, got_j, gave, burdened, at):
    """``informal_care`` for rows r0:r1 (list stretches o0:o1, w0:w1, j0:j1); its carers
    who gave and who are overburdened are written from ``at`` on. Returns how many of each."""
    for k in range(o0, o1):
        carer_load[old_carers[k]] = 0
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
        while b < n and req_carer[order[b]] == c:
            r = req[order[b]]
            asked += np.float64(hours_w[r] if r < who_w.size else hours_j[r - who_w.size])
            b += 1
        sustainable = ch * (F(1.0) - sev_wmo[c])
        given = min(asked, np.float64(st * sustainable))
        share = given / asked if asked > 0 else 0.0
        # Nothing is given without sustainable hours (given <= stretch x sustainable).
        carer_load[c] = F(given / np.float64(sustainable)) if sustainable > 0 else F(0.0)
        if given > 0:
            gave[at + ng] = c
            ng += 1
        if carer_load[c] > 1.0:
            burdened[at + nb] = c
            nb += 1
        for q in range(a, b):
            r = req[order[q]]
            if r < who_w.size:
                got_w[r] = np.float64(hours_w[r]) * share
            else:
                got_j[r - who_w.size] = np.float64(hours_j[r - who_w.size]) * share
        a = b
    return ng, nb


@njit(cache=True, nogil=True, parallel=True)
def apply_for_support(who, hours, got, sev, wait, state, muni, threshold, network_first,
                      key_apply, application_rate, network_factor, price_factor, reformed,
                      network_margin, cover_share):
    """Covered by the network (INFORMAL) or not (UNMET); persons not yet waiting may apply and
    join the waiting list if the municipality's access rule lets them; WAITING if not covered
    and on the list. Covered means the carer gives ``cover_share`` of the hours asked."""
    ar, cover = F(application_rate), F(cover_share)
    for k in prange(who.size):
        i = who[k]
        h = hours[k]
        informal = h > 0 and got[k] >= np.float64(cover * h)
        state[i] = INFORMAL if informal else UNMET
        s = sev[i]
        if wait[i] < 0:
            prob = np.float64(ar * s) * (network_factor if informal else 1.0)
            prob = prob * price_factor
            if np.float64(_unit(_hash(key_apply, i), 40)) < prob:
                m = muni[i]
                thr = threshold[m]
                if reformed:
                    thr = thr + network_margin * (1.0 if (informal and network_first[m]) else 0.0)
                if np.float64(s) >= thr:
                    wait[i] = 0
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


@njit(cache=True, nogil=True, parallel=True)
def age_terms(age, income, income_term, propensity, wmo_by_age, onset_jeugd, job_loss_rate,
              volunteer_threshold, working_age, bounds, onset_month, entry_month, minor,
              working, volunteer, base_wellbeing, rules, needs):
    """The yearly per-person terms (``Citizens.refresh_age_terms``) in one pass, municipalities
    (rows ``bounds[m]:bounds[m + 1]``) spread over the cores; the age and income
    transcendentals come in precomputed (``wmo_by_age``, ``income_term``). Returns the minors
    and the volunteers per municipality. ``rules`` (:class:`WellbeingRules`) gives the base
    well-being, ``needs`` (:class:`NeedRules`) the entry chance's income vulnerability."""
    oj, jl, vt = F(onset_jeugd), F(job_loss_rate), F(volunteer_threshold)
    wb = (F(rules.base), F(rules.income), rules.volunteer)
    vul = (F(needs.income_median), F(needs.vulnerability_min), F(needs.vulnerability_max))
    M = bounds.size - 1
    minors = np.zeros(M, dtype=np.int64)
    volunteers = np.zeros(M, dtype=np.int64)
    parts = _parts(bounds, PARTS)
    for t in prange(parts.size - 1):
        for m in range(parts[t], parts[t + 1]):
            n_minor, n_vol = _age_terms_of(age, income, income_term, propensity, wmo_by_age, oj,
                                           jl, vt, working_age, bounds[m], bounds[m + 1],
                                           onset_month, entry_month, minor, working, volunteer,
                                           base_wellbeing, wb, vul)
            minors[m] = n_minor
            volunteers[m] = n_vol
    return minors, volunteers


@njit(cache=True, nogil=True)
def _age_terms_of(age, income, income_term, propensity, wmo_by_age, oj, jl, vt, working_age,
                  lo, hi, onset_month, entry_month, minor, working, volunteer, base_wellbeing,
                  wb, vul_rule):
    """``age_terms`` for rows lo:hi; returns (minors, volunteers) among them."""
    n_minor = n_vol = 0
    for i in range(lo, hi):
        a = age[i]
        mi = a < 18
        wk = a >= working_age[0] and a <= working_age[1]
        minor[i] = mi
        working[i] = wk
        onset_month[i] = (oj if mi else wmo_by_age[a]) / F(12.0)
        vul = min(max(vul_rule[0] / income[i], vul_rule[1]), vul_rule[2])
        entry_month[i] = jl * vul / F(12.0) if wk else F(0.0)
        vo = a >= 15 and propensity[i] < vt
        volunteer[i] = vo
        base_wellbeing[i] = F(np.float64(wb[0] + wb[1] * income_term[i])
                              + (wb[2] if vo else 0.0))
        n_minor += mi
        n_vol += vo
    return n_minor, n_vol


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
def age_one_year(age, u, death_chance, max_age, marks):
    """January: everyone ages a year; a person dies if their draw ``u`` falls below the death
    chance at their new age (``death_chance`` by age, float32) or they pass ``max_age``.
    Returns (who died, who turned 18), each sorted. ``marks``: uint8 scratch, zero and left
    so."""
    n = age.size
    last = death_chance.size - 1
    for t in prange(PARTS):
        for i in range(n * t // PARTS, n * (t + 1) // PARTS):
            a = age[i] + 1
            age[i] = a
            f = 0
            if u[i] < np.float64(death_chance[min(a, last)]) or a > max_age:
                f = 1
            if a == 18:
                f |= 2
            marks[i] = f
    died = _rows_with_mark(marks, 1)
    adult = _rows_with_mark(marks, 2)
    for rows in (died, adult):
        for k in range(rows.size):
            marks[rows[k]] = 0
    return died, adult


@njit(cache=True, nogil=True, parallel=True)
def _rows_with_mark(marks, bit):
    """Sorted rows whose ``marks`` have ``bit`` set (mostly-zero marks: words of eight
    bytes are skipped when zero), counted and then written run by run on the cores."""
    n = marks.size
    words = n // 8
    w = marks[:words * 8].view(np.uint64)
    counts = np.zeros(PARTS + 1, dtype=np.int64)
    for t in prange(PARTS):
        counts[t + 1] = _marked_in(marks, w, bit, words * t // PARTS, words * (t + 1) // PARTS,
                                   n if t == PARTS - 1 else 0, None, 0)
    starts = np.cumsum(counts)
    out = np.empty(starts[PARTS], dtype=np.int64)
    for t in prange(PARTS):
        _marked_in(marks, w, bit, words * t // PARTS, words * (t + 1) // PARTS,
                   n if t == PARTS - 1 else 0, out, starts[t])
    return out


@njit(cache=True, nogil=True)
def _marked_in(marks, w, bit, w0, w1, tail_end, out, at):
    """Rows with ``bit`` in words w0:w1 (and, if ``tail_end``, the rows after the last whole
    word): counted, or written to ``out`` from ``at`` when ``out`` is given."""
    n = 0
    for j in range(w0, w1):
        if w[j]:
            for i in range(8 * j, 8 * j + 8):
                if marks[i] & bit:
                    if out is not None:
                        out[at + n] = i
                    n += 1
    for i in range(8 * w.size, tail_end):
        if marks[i] & bit:
            if out is not None:
                out[at + n] = i
            n += 1
    return n


@njit(cache=True, nogil=True, parallel=True)
def rows_in_age_range(age, lo, hi):
    """Sorted rows with ``lo <= age <= hi`` (int32), counted and written run by run, without
    branches (about half of everyone is in range: a branch would be a coin toss)."""
    n = age.size
    counts = np.zeros(PARTS + 1, dtype=np.int64)
    for t in prange(PARTS):
        c = 0
        for i in range(n * t // PARTS, n * (t + 1) // PARTS):
            c += (age[i] >= lo) & (age[i] <= hi)
        counts[t + 1] = c
    starts = np.cumsum(counts)
    out = np.empty(starts[PARTS] + PARTS, dtype=np.int32)  # one spare entry a run
    for t in prange(PARTS):
        k = starts[t] + t
        for i in range(n * t // PARTS, n * (t + 1) // PARTS):
            out[k] = i
            k += (age[i] >= lo) & (age[i] <= hi)
    for t in range(PARTS):  # close the gaps the spare entries leave (moving left, in order)
        for k in range(starts[t], starts[t + 1]):
            out[k] = out[k + t]
    return out[:starts[PARTS]]


@njit(cache=True, nogil=True, parallel=True)
def cared_for_by(carer, rows, marks):
    """Sorted persons whose carer is one of ``rows`` (``marks``: uint8 scratch, zero and left
    so: the carers get bit 1, the persons they care for bit 2, each row written only by the
    core that owns it)."""
    for k in range(rows.size):
        marks[rows[k]] = 1
    n = carer.size
    for t in prange(PARTS):
        for i in range(n * t // PARTS, n * (t + 1) // PARTS):
            if carer[i] >= 0 and marks[carer[i]] & 1:
                marks[i] |= 2
    out = _rows_with_mark(marks, 2)
    for k in range(out.size):
        marks[out[k]] = 0
    for k in range(rows.size):
        marks[rows[k]] = 0
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
        i = need_w[a] if a < a_end else np.int64(1) << 62
        if b < b_end and need_j[b] < i:
            i = need_j[b]
        if c < c_end and recipients[c] < i:
            i = recipients[c]
        listed = False
        if a < a_end and need_w[a] == i:
            listed = listed or wait_w[i] >= 0
            a += 1
        if b < b_end and need_j[b] == i:
            listed = listed or wait_j[i] >= 0
            b += 1
        if c < c_end and recipients[c] == i:
            listed = listed or wait_p[i] >= 0
            c += 1
        while i >= bounds[m + 1]:
            m += 1
        _count(out, m, state_w[i], state_j[i], state_p[i], listed)


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


@njit(cache=True, nogil=True)
def union_sorted(a, b):
    """``np.union1d`` of two sorted arrays of unique person rows (one merge, ``_merge``)."""
    out = np.empty(a.size + b.size, dtype=np.int64)
    n = _merge(a, 0, a.size, b, 0, b.size, out, 0)
    return out[:n].copy()


@njit(cache=True, nogil=True, parallel=True)
def served_value(idx, prov, sev, weight, service, n_providers, unit_wmo, unit_ambulant,
                 unit_residential, unit_reintegration, bounds):
    """The persons among ``idx`` whom a provider serves (in order), and the reference value
    (EUR) of the care each provider gives them this month: per client, the reference tariff
    for their service (per hour of need for Wmo support and ambulant youth care, per month
    otherwise) times their weight (per municipality, as in ``clients_and_queue``), summed in
    row order (runs of whole municipalities on the cores)."""
    starts = _runs(idx, bounds)
    clients = np.empty(idx.size, dtype=np.int64)
    counts = np.zeros(PARTS, dtype=np.int64)
    out = np.zeros(n_providers)
    uw, ua = F(unit_wmo), F(unit_ambulant)
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
                unit = np.float64(sev[i] * uw)
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
def place_and_age(bounds, nbh_offset, nbh_counts, u_nbh, cum_shares, u_group, u_age,
                  years_over_65, max_age):
    """Generation, per person (rows of municipality m: ``bounds[m]:bounds[m + 1]``): a
    neighbourhood of their municipality (uniform), an age group from the municipality's
    cumulative shares (under 18, 18-64, 65+) and an age in it (uniform below 65; above, an
    exponential tail of mean ``years_over_65``, at most ``max_age``). Returns (neighbourhood
    int32, age int16)."""
    n = u_nbh.size
    nbh = np.empty(n, dtype=np.int32)
    age = np.empty(n, dtype=np.int16)
    for m in prange(bounds.size - 1):
        for i in range(bounds[m], bounds[m + 1]):
            nbh[i] = nbh_offset[m] + np.int64(u_nbh[i] * nbh_counts[m])
            d = u_group[i]
            g = (d >= cum_shares[m, 0]) + (d >= cum_shares[m, 1])
            u = u_age[i]
            if g == 0:
                a = u * 18
            elif g == 1:
                a = 18 + u * 47
            else:
                a = 65 - years_over_65 * np.log1p(-u * 0.97)
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


@njit(cache=True, nogil=True, parallel=True)
def order_within_groups(groups, keys):
    """Positions sorted by ``groups`` (already sorted, contiguous), and within a group by
    ``keys`` (uniforms on [0, 1) from ``Generator.random``), ties in position order:
    ``np.lexsort((keys, groups))`` for sorted groups. The groups are sorted on the cores, a
    run of whole groups each; a large group by a stable radix sort (``_radix_order``), which
    orders such keys exactly as comparing them does, a small one by a stable merge sort."""
    n = groups.size
    out = np.empty(n, dtype=np.int64)
    cuts = np.empty(PARTS + 1, dtype=np.int64)
    for t in range(PARTS + 1):  # run boundaries moved forward to the next group start
        c = n * t // PARTS
        while 0 < c < n and groups[c] == groups[c - 1]:
            c += 1
        cuts[t] = c
    for t in prange(PARTS):
        start = cuts[t]
        while start < cuts[t + 1]:
            end = start
            while end < n and groups[end] == groups[start]:
                end += 1
            if end - start >= RADIX_FROM:
                order = _radix_order(keys[start:end])
            else:
                order = np.argsort(keys[start:end], kind="mergesort")
            for k in range(end - start):
                out[start + k] = start + order[k]
            start = end
    return out


RADIX_FROM = 4096  # order_within_groups: groups this large are radix sorted
RADIX_BITS = 11  # five passes of 11 bits cover the 53 bits of a uniform double


@njit(cache=True, nogil=True)
def _radix_order(keys):
    """The stable sorting permutation of ``keys``, uniforms on [0, 1) with 53-bit
    resolution: each is an integer k x 2^-53, so sorting the integers k (``_stable_order``)
    orders the keys as comparing them would, ties in position order. Any other key is
    refused."""
    m = keys.size
    ints = np.empty(m, dtype=np.int64)
    for k in range(m):
        scaled = keys[k] * 9007199254740992.0  # 2^53: exact for such keys
        if not (0.0 <= keys[k] < 1.0) or scaled != np.floor(scaled):
            raise ValueError("radix order needs uniforms on [0, 1) with 53-bit resolution")
        ints[k] = np.int64(scaled)
    return _stable_order(ints, 0, np.int64(1) << 53)


@njit(cache=True, nogil=True)
def _stable_order(keys, low, span):
    """The stable sorting permutation of integer ``keys`` in [low, low + span): what
    ``np.argsort(keys, kind="stable")`` gives. Many keys are sorted by least significant
    digit first (RADIX_BITS a pass, each pass stable), a few by merge sort."""
    m = keys.size
    if m < RADIX_FROM:
        return np.argsort(keys, kind="mergesort")
    order = np.arange(m)
    spare = np.empty(m, dtype=np.int64)
    mask = (1 << RADIX_BITS) - 1
    count = np.empty(mask + 2, dtype=np.int64)
    shift = 0
    for k in range(m):
        if not (low <= keys[k] < low + span):
            raise ValueError("a key lies outside the range given to _stable_order")
    while shift == 0 or (span - 1) >> shift > 0:
        count[:] = 0
        for k in range(m):
            count[((keys[k] - low) >> shift & mask) + 1] += 1
        for b in range(mask + 1):
            count[b + 1] += count[b]
        for q in range(m):
            k = order[q]
            b = (keys[k] - low) >> shift & mask
            spare[count[b]] = k
            count[b] += 1
        order, spare = spare, order
        shift += RADIX_BITS
    return order


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
def place_waiting(queue, bounds, svc_of, sev, residential, wait, weight, key_queue, pkeys,
                  pcum, porder, prov, state, free, clients):
    """Place waiting persons (``queue``, sorted rows) with providers, as
    ``TransitionModel.allocate_care`` describes: per (municipality, service) group, longest
    wait first, ties by this month's queue draw, then by row; placed while the group's
    cumulative weight fits in its providers' free places, spread over them in proportion.

    The arithmetic is that of the whole-array version (a lexsort of everyone waiting, global
    running sums of weights, searches in the providers' cumulative free places). Everyone in a
    group has the same weight (weights are per municipality), so how many of a group are
    placed does not depend on their order, and only groups with room are sorted and drawn
    for. ``svc_of`` is the service of the domain (-1: youth care, ambulant or residential by
    ``sev >= residential``); a person's municipality is read off the row ``bounds`` and
    ``weight`` is per municipality. Updates ``prov``, ``wait``, ``state``, ``free``,
    ``clients``.

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
            if s < 0:
                s = 2 if sev[i] >= res else 1
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


@njit(cache=True, nogil=True)
def listed(idx, values):
    """The persons among ``idx`` whose entry in ``values`` is 0 or more, in order: those a
    provider serves (``values``: provider) or those on a waiting list (months waited)."""
    out = np.empty(idx.size, dtype=np.int64)
    n = 0
    for k in range(idx.size):
        if values[idx[k]] >= 0:
            out[n] = idx[k]
            n += 1
    return out[:n].copy()
