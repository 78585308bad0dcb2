"""Index sets and runs: sorted person lists, their unions, and the split of the rows
into runs of whole municipalities that the passes share out over the cores."""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .base import PARTS, F


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


@njit(cache=True, nogil=True)
def union_sorted(a, b):
    """``np.union1d`` of two sorted arrays of unique person rows (one merge, ``_merge``)."""
    out = np.empty(a.size + b.size, dtype=np.int64)
    n = _merge(a, 0, a.size, b, 0, b.size, out, 0)
    return out[:n].copy()


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
