"""Needs (ODD 7.3, ``Citizens.develop_needs``): recovery and escalation of last month's
needs, onset of new ones, and the flows into and out of social assistance."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit, prange

from .base import FORMAL, INFORMAL, INITIATIVE, NONE, PARTS, UNMET, WAITING, F
from .draws import _hash, _unit
from .runs import _joined, _parts, _row_runs


@njit(cache=True, nogil=True, parallel=True)
def escalate_recover(idx, sev, state, prov, wait, self_reliance, key_rec, provider_effect,
                     rate_helped, rate_unaided, escalation, progression, rules, muni,
                     keep_escalation):
    """Recovery and escalation of last month's needs in one domain (sorted rows ``idx``), and
    the start of this month's look at them. Returns (the persons whose need is still open,
    those among them no provider serves), each sorted; their state starts this month as
    FORMAL (served) or NONE, and so does that of persons whose need ended (recovered, or
    cleared since the last look: death, turning 18). Runs of rows go to the cores.
    ``rules`` is a :class:`NeedRules`: recovery scales with (intercept - slope x severity)
    and (offset + self-reliance). An unmet or waiting need escalates by ``escalation`` x
    ``keep_escalation`` of the person's municipality ``muni`` (the teams' prevention)."""
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
                rise = escalation * keep_escalation[muni[i]] if (st == UNMET or st == WAITING) \
                    else 0.0
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
                            exit_base, reintegration_effect, max_working_age, flags, rules,
                            benefit_months):
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
                                       reintegration_effect, max_working_age, rules,
                                       benefit_months)
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
                 max_working_age, rules, benefit_months):
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
        benefit_months[i] = min(benefit_months[i] + 1, 32767)
        return f, min(sev_part + F(rules.distance_growth), F(1.0))
    if seen & ENTRY_DRAW:
        entry = entry_month[i] * (vr - self_reliance[i]) * u_f
        on_bijstand[i] = True
        benefit_months[i] = 0
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
        declared = dict(zip(cls._fields, (float(p[name]) for name in NEED_PARAMS), strict=False))
        return cls(**declared, income_median=float(income_median),
                   vulnerability_min=float(p["income_vulnerability_min"]),
                   vulnerability_max=float(p["income_vulnerability_max"]))


# The parameter behind each of the first eight fields of NeedRules, in order.
NEED_PARAMS = ("recovery_severity_intercept", "recovery_severity_slope",
               "recovery_self_reliance_offset", "vulnerability_self_reliance_offset",
               "new_need_severity_low", "new_need_severity_span", "assistance_distance_growth",
               "informal_cover_share")
