"""Ageing (ODD 7.2, January): a year older, deaths, who turned 18, and the yearly
per-person terms that change with age."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import PARTS, F
from .draws import _hash, _unit
from .runs import _parts, _rows_with_mark


@njit(cache=True, nogil=True, parallel=True)
def age_terms(age, income, income_term, wmo_by_age, onset_jeugd, job_loss_rate, working_age,
              bounds, onset_month, entry_month, minor, working, volunteer, base_wellbeing,
              rules, needs, entry_factor):
    """The yearly per-person terms (``Citizens.refresh_age_terms``) in one pass, municipalities
    (rows ``bounds[m]:bounds[m + 1]``) spread over the cores; the age and income
    transcendentals come in precomputed (``wmo_by_age``, ``income_term``). Returns the minors
    and the volunteers per municipality (``volunteer`` is read: ``volunteering`` sets it).
    ``rules`` (:class:`WellbeingRules`) gives the base well-being, ``needs``
    (:class:`NeedRules`) the entry chance's income vulnerability; ``entry_factor`` (float32
    per municipality) scales the entry chance (local labour market)."""
    oj, jl = F(onset_jeugd), F(job_loss_rate)
    wb = (F(rules.base), F(rules.income), rules.volunteer)
    vul = (F(needs.income_median), F(needs.vulnerability_min), F(needs.vulnerability_max))
    M = bounds.size - 1
    minors = np.zeros(M, dtype=np.int64)
    volunteers = np.zeros(M, dtype=np.int64)
    parts = _parts(bounds, PARTS)
    for t in prange(parts.size - 1):
        for m in range(parts[t], parts[t + 1]):
            n_minor, n_vol = _age_terms_of(age, income, income_term, wmo_by_age, oj,
                                           jl * entry_factor[m], working_age, bounds[m],
                                           bounds[m + 1],
                                           onset_month, entry_month, minor, working, volunteer,
                                           base_wellbeing, wb, vul)
            minors[m] = n_minor
            volunteers[m] = n_vol
    return minors, volunteers


@njit(cache=True, nogil=True)
def _age_terms_of(age, income, income_term, wmo_by_age, oj, jl, working_age, lo, hi,
                  onset_month, entry_month, minor, working, volunteer, base_wellbeing, wb,
                  vul_rule):
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
        vo = volunteer[i]
        base_wellbeing[i] = F(np.float64(wb[0] + wb[1] * income_term[i])
                              + (wb[2] if vo else 0.0))
        n_minor += mi
        n_vol += vo
    return n_minor, n_vol


@njit(cache=True, nogil=True, parallel=True)
def volunteering(age, sev_wmo, nbh, propensity, volunteer, asked, bounds, start, quit_rate,
                 ask_effect, key, transition):
    """Who volunteers this year (``Citizens.update_volunteering``, ODD 7.9), municipalities
    spread over the cores. A person aged 15 or over in good health starts with chance
    ``start`` (times 1 + ``ask_effect`` if an initiative recruits in their neighbourhood:
    ``asked`` per neighbourhood, 0-1) and stops with chance ``quit_rate``; a Wmo need of
    severity s lowers the first by the factor (1 - s) and leaves only (1 - s) of the chance
    of going on. With ``transition`` the person's state moves by their draw (keyed by
    ``key``); without, they volunteer if their fixed ``propensity`` lies below the
    stationary chance start / (start + stop). Under 15 nobody does. Returns the volunteers
    per municipality (float64 arithmetic)."""
    M = bounds.size - 1
    counts = np.zeros(M, dtype=np.int64)
    parts = _parts(bounds, PARTS)
    for t in prange(parts.size - 1):
        for m in range(parts[t], parts[t + 1]):
            n = 0
            for i in range(bounds[m], bounds[m + 1]):
                if age[i] < 15:
                    volunteer[i] = False
                    continue
                well = 1.0 - np.float64(sev_wmo[i])
                p_start = min(start * well * (1.0 + ask_effect * np.float64(asked[nbh[i]])),
                              1.0)
                p_stop = 1.0 - (1.0 - quit_rate) * well
                if transition:
                    u = np.float64(_unit(_hash(key, i), 40))
                    vo = u >= p_stop if volunteer[i] else u < p_start
                else:
                    both = p_start + p_stop
                    vo = both > 0 and np.float64(propensity[i]) < p_start / both
                volunteer[i] = vo
                n += vo
            counts[m] = n
    return counts


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
def next_age_counts(age, weight, size):
    """Persons (weighted, float64) by the age they reach this January (age + 1, the last
    entry ``size - 1`` taking everyone older), in one pass split over the cores."""
    n = age.size
    parts = np.zeros((PARTS, size))
    for t in prange(PARTS):
        for i in range(n * t // PARTS, n * (t + 1) // PARTS):
            parts[t, min(age[i] + 1, size - 1)] += weight[i]
    return parts.sum(axis=0)


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
def adults_and_partnered(age, partner, bounds, below):
    """Per municipality (rows ``bounds[m]:bounds[m + 1]``): the adults (18 or over, younger
    than ``below``) and those of them with a partner, int64 each
    (``Citizens.form_couples``); municipalities on the cores."""
    n_muni = bounds.size - 1
    adults = np.zeros(n_muni, dtype=np.int64)
    partnered = np.zeros(n_muni, dtype=np.int64)
    for m in prange(n_muni):
        a = 0
        p = 0
        for i in range(bounds[m], bounds[m + 1]):
            if age[i] >= 18 and age[i] < below:
                a += 1
                p += partner[i] >= 0
        adults[m] = a
        partnered[m] = p
    return adults, partnered


@njit(cache=True, nogil=True, parallel=True)
def pick_in_age_bands(age, bounds, who, band, u, band_lo, band_hi, first_band, last_band):
    """For each person ``who[q]`` (sorted rows), a person of their municipality (rows
    ``bounds[m]:bounds[m + 1]``) aged ``band_lo[b]`` to ``band_hi[b]`` for their
    ``band[q]`` = b: the one at rank int(``u[q]`` x c) in row order among the c there
    (-1 if c is 0), which is what ``population.pick_in_municipality`` picks from
    ``rows_in_age_range(age, band_lo[b], band_hi[b])`` with the same ``u``, without a pass
    over everyone per band. Both ends of the bands rise with b, so the bands an age a lies in
    are ``first_band[a]`` to ``last_band[a]`` (none where first > last). Per municipality
    that has a pick: one pass counts its persons by age (so c per band), a second walks its
    rows in order and counts each band's members until every pick is met. Municipalities go
    to the cores in runs."""
    n_bands = band_lo.size
    out = np.full(who.size, -1, dtype=np.int32)
    runs = _parts(bounds, PARTS)
    for t in prange(PARTS):
        hist = np.zeros(first_band.size, dtype=np.int64)
        count = np.zeros(n_bands, dtype=np.int64)
        seen = np.zeros(n_bands, dtype=np.int64)
        at = np.zeros(n_bands + 1, dtype=np.int64)  # each band's picks in the sorted ones
        nxt = np.zeros(n_bands, dtype=np.int64)
        target = np.zeros(n_bands, dtype=np.int64)
        for m in range(runs[t], runs[t + 1]):
            lo_row, hi_row = bounds[m], bounds[m + 1]
            q0 = np.searchsorted(who, lo_row)
            q1 = np.searchsorted(who, hi_row)
            if q0 == q1:
                continue
            hist[:] = 0
            for i in range(lo_row, hi_row):
                hist[age[i]] += 1
            for b in range(n_bands):
                c = 0
                for a in range(band_lo[b], min(band_hi[b], hist.size - 1) + 1):
                    c += hist[a]
                count[b] = c
            # The picks' ranks, sorted by band and rank (ties in the order of who).
            ranks = np.empty(q1 - q0, dtype=np.int64)
            keys = np.empty(q1 - q0, dtype=np.int64)
            span = hi_row - lo_row + 1
            for q in range(q0, q1):
                b = band[q]
                ranks[q - q0] = np.int64(u[q] * np.float64(max(count[b], 1)))
                keys[q - q0] = b * span + min(ranks[q - q0], span - 1)
            order = np.argsort(keys, kind="mergesort")
            at[:] = 0
            for q in range(q0, q1):
                at[band[q] + 1] += 1
            for b in range(n_bands):
                at[b + 1] += at[b]
            left = 0
            for b in range(n_bands):
                seen[b] = 0
                # Nobody of that age: the band's picks stay -1.
                nxt[b] = at[b] if count[b] > 0 else at[b + 1]
                target[b] = _next_rank(ranks, order, nxt[b], at[b + 1], count[b])
                left += at[b + 1] - nxt[b]
            i = lo_row
            while left > 0 and i < hi_row:
                a = age[i]
                for b in range(first_band[a], last_band[a] + 1):
                    if seen[b] == target[b]:
                        while nxt[b] < at[b + 1] and \
                                min(ranks[order[nxt[b]]], count[b] - 1) == target[b]:
                            out[q0 + order[nxt[b]]] = i
                            nxt[b] += 1
                            left -= 1
                        target[b] = _next_rank(ranks, order, nxt[b], at[b + 1], count[b])
                    seen[b] += 1
                i += 1
    return out


@njit(cache=True, nogil=True, inline="always")
def _next_rank(ranks, order, k, end, count):
    """The rank the next of a band's sorted picks waits for (a rank past the last, u x c
    rounded up to c, takes the last); -1 when none is left (no count reaches it)."""
    if k >= end:
        return np.int64(-1)
    return min(ranks[order[k]], count - 1)
