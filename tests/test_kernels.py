"""The compiled kernels against the plain numpy rule they stand for.

The seeded snapshot (test_determinism.py) checks the kernels inside whole runs; these tests check
the kernels with a set-logic or ordering contract directly, on arbitrary inputs, against the
whole-array numpy form they replaced.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transitiesim import _kernels, citizens, population
from transitiesim.params import PARAMETERS

# The declared defaults of the well-being rules (params.py, group "wellbeing").
RULES = _kernels.WellbeingRules.from_params({p.name: p.default for p in PARAMETERS})
NEEDS = _kernels.NeedRules.from_params({p.name: p.default for p in PARAMETERS}, 2500.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0.0, 1.0, width=32), min_size=0, max_size=60),
       st.lists(st.integers(0, 59), max_size=20), st.data())
def test_escalation_and_the_look_are_the_set_logic_on_everyone(sev_list, onsets, data):
    """Escalation's lists and the merge with the onsets give what three whole-array steps
    give: last look's persons reset to NONE, the persons with a need now (flatnonzero of
    sev > 0 among last look and onsets), the served among them FORMAL, the others
    returned. Rates 0 and 1 make recovery certain or impossible, so the sets are known."""
    sev = np.array(sev_list, dtype=np.float32)
    n = sev.size
    old = np.array(sorted(data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n)))
                   if n else [], dtype=np.int64)  # last look: open or since cleared
    prov = np.array(data.draw(st.lists(st.integers(-1, 3), min_size=n, max_size=n)),
                    dtype=np.int32)
    state = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n, max_size=n)),
                     dtype=np.int8)
    wait = np.array(data.draw(st.lists(st.integers(-1, 5), min_size=n, max_size=n)),
                    dtype=np.int16)
    recover = data.draw(st.booleans())
    was_open = old[sev[old] > 0]
    rate = 10.0 if recover else 0.0  # a draw below 1 is always below 10, never below 0
    effect = np.ones(4)
    still, rest = _kernels.escalate_recover(old, sev, state, prov, wait, np.zeros(n, np.float32),
                                            np.uint64(7), effect, rate, rate, 0.0, 0.0, NEEDS,
                                            np.zeros(n, np.int16), np.ones(1))
    open_old = old[sev[old] > 0]
    assert not recover or open_old.size == 0
    np.testing.assert_array_equal(still, open_old)
    np.testing.assert_array_equal(rest, open_old[prov[open_old] < 0])
    assert (state[np.setdiff1d(old, open_old)] == _kernels.NONE).all()
    if recover:  # recovery ends the care and the wait too
        assert (prov[was_open] == -1).all() and (wait[was_open] == -1).all()

    onsets = np.setdiff1d([i for i in onsets if i < n], open_old).astype(np.int64)
    sev[onsets] = np.float32(0.5)  # an onset is a new need where there was none
    expected_state = state.copy()
    expected_state[open_old] = np.where(prov[open_old] >= 0, _kernels.FORMAL, _kernels.NONE)
    needs = np.union1d(open_old, onsets)
    expected_state[needs[prov[needs] >= 0]] = _kernels.FORMAL
    got, who = _kernels.open_needs(still, rest, onsets, prov, state)
    np.testing.assert_array_equal(got, needs)
    np.testing.assert_array_equal(who, needs[prov[needs] < 0])
    np.testing.assert_array_equal(state, expected_state)


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, 5000)), st.sets(st.integers(0, 5000)))
def test_union_rows_is_union1d(a, b):
    """The merge in runs of rows on the cores."""
    a = np.array(sorted(a), dtype=np.int64)
    b = np.array(sorted(b), dtype=np.int64)
    np.testing.assert_array_equal(_kernels.union_rows(a, b, 5001), np.union1d(a, b))


def test_wellbeing_step_moves_a_fifth_of_the_way():
    """Nobody in need or strained: well-being moves 20% towards its base, self-reliance up by
    0.01 a month, not past its own level."""
    base = np.array([0.8, 0.6], dtype=np.float32)
    wb = np.array([0.3, 0.6], dtype=np.float32)
    sr = np.array([0.5, 0.9], dtype=np.float32)
    base_sr = np.array([0.7, 0.9], dtype=np.float32)
    empty = np.zeros(0, dtype=np.int64)
    zeros = np.zeros(2, dtype=np.float32)
    state = np.zeros(2, dtype=np.int8)
    bounds = np.array([0, 1, 2])  # two municipalities of one person
    wait = np.full(2, -1, dtype=np.int16)
    sums, hist, counts, _ = _kernels.wellbeing_step(base, wb, sr, base_sr, zeros, empty, empty,
                                                 empty, zeros, state, empty, zeros, state, state,
                                                 wait, wait, wait, bounds, 10, RULES)
    assert not counts.any()  # nobody in need
    np.testing.assert_allclose(wb, [0.3 + 0.2 * 0.5, 0.6], rtol=1e-6)
    # The summary taken in the same pass is that of the new values: bins 4 and 6 of 10.
    np.testing.assert_array_equal(sums, wb.astype(np.float64))
    assert hist[0, 4] == hist[1, 6] == 1 and hist.sum() == 2
    for got, want in zip((sums, hist), _kernels.summary_by_municipality(wb, bounds, 10),
                         strict=True):
        np.testing.assert_array_equal(got, want)
    np.testing.assert_allclose(sr, [0.5 + 0.01, 0.9], rtol=1e-6)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_wellbeing_step_is_the_rule_applied_to_everyone(seed, n_muni):
    """The one-pass merge gives what the rule gives in whole-array numpy: each list's cost
    taken off the base in the order overburdened carer, social assistance, Wmo need, youth
    need (persons may be in several lists), strain from an overburdened role or a waiting or
    unmet Wmo need; and the summary is the sequential float64 sum and the histogram."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    muni = np.sort(rng.integers(0, n_muni, n))
    bounds = np.concatenate([[0], np.cumsum(np.bincount(muni, minlength=n_muni))])
    f32 = np.float32
    base, wb, sr, base_sr = (rng.random(n).astype(f32) for _ in range(4))
    load = (rng.random(n) * 3).astype(f32)
    ob, rec, nw, nj = (np.flatnonzero(rng.random(n) < share) for share in (0.05, 0.1, 0.2, 0.1))
    sev_w, sev_j = rng.random(n).astype(f32), rng.random(n).astype(f32)
    state_w, state_j = (rng.integers(0, 6, n).astype(np.int8) for _ in range(2))

    target = base.copy()
    strained = np.zeros(n, dtype=bool)
    target[ob] = target[ob] - f32(0.15) * np.minimum(load[ob] - f32(1), f32(1))
    strained[ob] = True
    target[rec] = target[rec] - f32(0.12)
    for idx, sev, state in ((nw, sev_w, state_w), (nj, sev_j, state_j)):
        w = np.where(state[idx] >= _kernels.WAITING, 0.45, 0.1)  # waiting or unmet: not met
        target[idx] = (target[idx].astype(np.float64) - sev[idx].astype(np.float64) * w
                       ).astype(f32)
    strained[nw[state_w[nw] >= _kernels.WAITING]] = True
    t = np.clip(target, f32(0), f32(1))
    want_wb = wb + f32(0.2) * (t - wb)
    want_sr = np.where(strained, np.maximum(sr - f32(0.01), f32(0)),
                       np.minimum(sr + f32(0.01), base_sr))
    want_sums = np.zeros(n_muni)
    for i in range(n):  # float64, in row order
        want_sums[muni[i]] += float(want_wb[i])
    want_hist = np.zeros((n_muni, 20), dtype=np.int64)
    np.add.at(want_hist, (muni, np.minimum((want_wb * f32(20)).astype(int), 19)), 1)

    state_p = rng.integers(0, 6, n).astype(np.int8)
    waits = [rng.integers(-1, 3, n).astype(np.int16) for _ in range(3)]
    sums, hist, counts, need_hist = _kernels.wellbeing_step(
        base, wb, sr, base_sr, load, ob, rec, nw, sev_w, state_w, nj, sev_j, state_j, state_p,
        *waits, bounds, 20, RULES)
    # The in-need histogram taken on the way is that of the separate merge, of the new values.
    np.testing.assert_array_equal(need_hist, _kernels.in_need_histogram(nw, nj, rec, wb, bounds,
                                                                        20))
    # The person counts taken on the way are those of the separate merge.
    np.testing.assert_array_equal(counts, _kernels.status_counts(
        nw, nj, rec, state_w, state_j, state_p, *waits, bounds))
    np.testing.assert_array_equal(wb, want_wb)
    np.testing.assert_array_equal(sr, want_sr)
    np.testing.assert_array_equal(sums, want_sums)
    np.testing.assert_array_equal(hist, want_hist)


def test_draws_are_uniform_independent_and_per_person():
    """The hashed draws: uniform on [0, 1) (Kolmogorov-Smirnov), uncorrelated between keys and
    between the two fields of one hash, and a person's draw does not depend on who else draws."""
    from scipy import stats

    n = 200_000
    idx = np.arange(n, dtype=np.int64)
    a = _kernels.uniforms(np.uint64(12345), idx)
    b = _kernels.uniforms(np.uint64(12346), idx)  # the next key: as unlike as any other
    assert a.dtype == np.float32 and a.min() >= 0 and a.max() < 1
    assert stats.kstest(a, "uniform").pvalue > 1e-3
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.01
    assert abs(np.corrcoef(a[:-1], a[1:])[0, 1]) < 0.01  # neighbouring persons
    some = np.array([7, 99_999, 3], dtype=np.int64)
    np.testing.assert_array_equal(_kernels.uniforms(np.uint64(12345), some), a[some])
    h = np.array([_kernels._hash(np.uint64(5), i) for i in range(20_000)], dtype=np.uint64)
    top = ((h >> np.uint64(40)) & np.uint64(0xFFFFFF)).astype(float)
    low = ((h >> np.uint64(16)) & np.uint64(0xFFFFFF)).astype(float)
    assert abs(np.corrcoef(top, low)[0, 1]) < 0.03


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(0, 300)), st.sets(st.integers(0, 300)))
def test_union_sorted_is_union1d(a, b):
    a = np.array(sorted(a), dtype=np.int64)
    b = np.array(sorted(b), dtype=np.int64)
    np.testing.assert_array_equal(_kernels.union_sorted(a, b), np.union1d(a, b))


@pytest.mark.slow
def test_kernels_stay_in_bounds_on_real_runs():
    """numba does not check indices: run short national and local runs with its bounds
    checking on (fresh compilation in a child process, started when the session began:
    tests/bounds.py), so a kernel that reads or writes outside an array fails here instead
    of corrupting memory."""
    from tests import bounds

    code, out, err = bounds.result()
    assert code == 0 and out.strip().endswith("ok"), err[-3000:]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5)), max_size=60))
def test_order_within_groups_is_lexsort(pairs):
    pairs.sort(key=lambda p: p[0])  # groups come sorted; keys may tie
    groups = np.array([g for g, _ in pairs], dtype=np.int64)
    keys = np.array([k for _, k in pairs], dtype=np.float64)
    np.testing.assert_array_equal(_kernels.order_within_groups(groups, keys),
                                  np.lexsort((keys, groups)))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 9000), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
def test_large_groups_are_radix_sorted_exactly_as_lexsort(sizes, seed):
    """Groups of RADIX_FROM or more take the radix sort: uniforms (with ties, and keys at the
    ends of the 53 bits) come out as np.lexsort orders them."""
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(len(sizes)), sizes)
    keys = rng.random(groups.size)
    if keys.size > 20:
        keys[3:9] = keys[15]  # ties keep position order
        keys[10:13] = (0.0, 2.0 ** -53, 1.0 - 2.0 ** -53)
    np.testing.assert_array_equal(_kernels.order_within_groups(groups, keys),
                                  np.lexsort((keys, groups)))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 12000), st.integers(-5, 5), st.integers(1, 2**40),
       st.integers(0, 2**32 - 1))
def test_stable_order_is_a_stable_argsort(size, low, span, seed):
    """The radix sort (from RADIX_FROM keys on) and the merge sort below it both give what a
    stable argsort gives, for any range of keys, many ties included."""
    keys = low + np.random.default_rng(seed).integers(0, min(span, 50) if seed % 2 else span,
                                                      size)
    if size:
        keys[size // 2] = low  # the lowest key allowed
    np.testing.assert_array_equal(_kernels._stable_order(keys, low, span),
                                  np.argsort(keys, kind="stable"))
    if size >= _kernels.RADIX_FROM:
        with pytest.raises(ValueError, match="outside the range"):
            _kernels._stable_order(keys, low + 1, span)


def test_radix_order_refuses_keys_it_cannot_order():
    for bad in (1e-300, 1.0, -0.5, np.nan):
        with pytest.raises(ValueError, match="53-bit"):
            _kernels._radix_order(np.array([0.5, bad]))


def _place_waiting_by_whole_arrays(queue, muni, svc_of, sev, residential, wait, weight, key,
                                   prov_key, free, prov, state, clients, kind, kind_service):
    """The placement as whole-array numpy (the form it had before the kernel)."""
    idx = queue
    svc = (np.full(idx.size, svc_of) if svc_of >= 0
           else np.where(sev[idx] >= residential, 2, 1) if svc_of == -1
           else kind_service[kind[idx]])
    k = muni[idx].astype(np.int64) * 8 + svc
    u = _kernels.uniforms(key, idx)
    order = np.lexsort((u, -wait[idx], k))
    idx, k = idx[order], k[order]
    w = weight[idx].astype(np.float64)
    porder = np.argsort(prov_key, kind="stable")
    pkeys = prov_key[porder]
    pcum = np.cumsum(free[porder])
    start = np.searchsorted(k, k, side="left")
    cum = np.cumsum(w)
    pos_end = cum - np.concatenate([[0.0], cum])[start]
    lo = np.searchsorted(pkeys, k, side="left")
    hi = np.searchsorted(pkeys, k, side="right")
    base = np.concatenate([[0.0], pcum])[lo]
    room = np.concatenate([[0.0], pcum])[hi] - base
    placed = pos_end <= room + 1e-9
    placed_total = np.bincount(start, weights=w * placed, minlength=k.size)[start]
    spread = np.divide(room, placed_total, out=np.ones_like(room), where=placed_total > 0)
    target = np.searchsorted(pcum, base + (pos_end - w * 0.5) * spread, side="right")
    target = np.minimum(target, np.maximum(hi - 1, 0))  # the group's own providers
    who, chosen = idx[placed], porder[target[placed]]
    prov[who] = chosen
    wait[who] = -1
    state[who] = _kernels.FORMAL
    np.subtract.at(free, chosen, w[placed])
    np.add.at(clients, chosen, w[placed])
    wait[idx[~placed]] += 1


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4), st.integers(0, 2**63), st.sampled_from([0, -1, -2, 3]), st.data())
def test_place_waiting_equals_the_whole_array_placement(n_muni, key, svc_of, data):
    """Bit for bit: who is placed where, months waited, free places and clients."""
    sizes = data.draw(st.lists(st.integers(1, 25), min_size=n_muni, max_size=n_muni))
    muni = np.repeat(np.arange(n_muni, dtype=np.int32), sizes)
    n = muni.size
    per_muni = np.array(data.draw(st.lists(st.sampled_from([0.5, 1.0, 3.7]), min_size=n_muni,
                                           max_size=n_muni)), dtype=np.float32)
    weight = per_muni[muni]  # equal within a municipality, as in the model
    sev = np.array(data.draw(st.lists(st.sampled_from([0.2, 0.7, 0.75, 0.9]), min_size=n,
                                      max_size=n)), dtype=np.float32)
    wait = np.array(data.draw(st.lists(st.integers(-1, 3), min_size=n, max_size=n)),
                    dtype=np.int16)
    queue = np.flatnonzero(wait >= 0)
    # Providers: a municipality and service each, with free places (some none).
    n_prov = data.draw(st.integers(1, 8))
    prov_key = np.array(data.draw(st.lists(
        st.tuples(st.integers(0, n_muni - 1), st.sampled_from([0, 1, 2, 3, 6, 7])),
        min_size=n_prov, max_size=n_prov)), dtype=np.int64) @ np.array([8, 1])
    free = np.array(data.draw(st.lists(st.sampled_from([0.0, 1.0, 2.5, 6.0]),
                                       min_size=n_prov, max_size=n_prov)))
    state = np.zeros(n, dtype=np.int8)
    prov = np.full(n, -1, dtype=np.int32)
    clients = np.zeros(n_prov)
    # The Wmo (svc_of -2): each person's kind of need picks the service (6, 0 or 7).
    kind = np.array(data.draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)),
                    dtype=np.uint8)
    kind_service = np.array([6, 0, 7], dtype=np.int64)
    expected = [a.copy() for a in (prov, wait, state, free, clients)]
    _place_waiting_by_whole_arrays(queue, muni, svc_of, sev, 0.75, expected[1], weight,
                                   np.uint64(key), prov_key, *expected[3:4], expected[0],
                                   expected[2], expected[4], kind, kind_service)
    porder = np.argsort(prov_key, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    _kernels.place_waiting(queue, bounds, svc_of, sev, 0.75, wait, per_muni, kind,
                           kind_service, np.uint64(key), prov_key[porder],
                           np.cumsum(free[porder]), porder, prov, state, free, clients)
    for got, want in zip((prov, wait, state, free, clients), expected, strict=True):
        np.testing.assert_array_equal(got, want)


def _unit_draws(key, n, shift):
    """The draws of rows 0..n-1 (``_kernels._hash`` and ``_unit``) in whole-array numpy."""
    u64 = np.uint64
    z = u64(key) + np.arange(n, dtype=u64) * _kernels.GOLDEN
    z = (z ^ (z >> u64(30))) * _kernels.M1
    z = (z ^ (z >> u64(27))) * _kernels.M2
    z = z ^ (z >> u64(31))
    return ((z >> u64(shift)) & u64(0xFFFFFF)).astype(np.float32) * _kernels.TO_UNIT


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40), st.floats(0.01, 0.6))
def test_onset_and_participation_is_the_rule_applied_to_everyone(seed, n_muni, chance):
    """The two-sweep kernel (a branch-free sweep finds who can change, the rules run on
    those) gives what the rules give applied to every person in whole-array numpy:
    onsets, social-assistance entries and exits, the four lists, the same float32 values."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    muni = np.sort(rng.integers(0, n_muni, n))
    bounds = np.concatenate([[0], np.cumsum(np.bincount(muni, minlength=n_muni))])
    f32 = np.float32
    onset_month = (rng.random(n) * chance).astype(f32)
    entry_month = (rng.random(n) * chance * (rng.random(n) < 0.7)).astype(f32)
    self_reliance = rng.random(n).astype(f32)
    minor = rng.random(n) < 0.25
    age = rng.integers(0, 90, n).astype(np.int16)
    keep = (0.5 + 0.5 * rng.random(n_muni)).astype(f32)
    overburdened = np.flatnonzero(rng.random(n) < 0.1)
    sev = [np.where(rng.random(n) < 0.3, rng.random(n), 0).astype(f32) for _ in range(2)]
    on_bijstand = rng.random(n) < 0.2
    sev_part = np.where(on_bijstand, rng.random(n), 0).astype(f32)
    prov_part = np.where(on_bijstand & (rng.random(n) < 0.3), 0, -1).astype(np.int32)
    wait_part = np.where(on_bijstand & (prov_part < 0), 2, -1).astype(np.int16)
    key, bf, u100, exit_base, reint = np.uint64(seed * 7 + 1), 2.0, 7.4, 0.3, 0.8
    # Scratch as a previous month leaves it: any bytes but the BURDENED marker alone.
    flags = rng.choice(np.array([0, 1, 5, 8, 32, 45], dtype=np.uint8), n)

    # The rule, whole-array.
    sr = f32(1.5) - self_reliance
    prob = onset_month * sr * keep[muni]
    burdened = np.zeros(n, dtype=bool)
    burdened[overburdened] = True
    prob = np.where(burdened, prob * f32(bf), prob)
    u, uj = _unit_draws(key, n, 40), _unit_draws(key, n, 16)
    with np.errstate(divide="ignore", invalid="ignore"):
        new_sev = f32(0.1) + f32(0.8) * u / prob
    onset = u < prob
    want = [s.copy() for s in sev]
    new_j = onset & minor & (sev[1] == 0)
    new_w = onset & ~minor & (sev[0] == 0)
    want[1][new_j], want[0][new_w] = new_sev[new_j], new_sev[new_w]
    rate = (f32(exit_base) * (f32(1) - sev_part)).astype(np.float64) * (
        1.0 + reint * (prov_part >= 0))
    leave = on_bijstand & (uj.astype(np.float64) < rate)
    too_old = on_bijstand & (age > 66)
    exited = leave & ~too_old
    gone = leave | too_old
    entry = entry_month * sr * f32(u100)
    enter = ~on_bijstand & (uj < entry)
    with np.errstate(divide="ignore", invalid="ignore"):  # where no one enters
        entered_sev = f32(0.1) + f32(0.8) * uj / entry
    want_part = np.where(gone, f32(0), np.where(
        on_bijstand, np.minimum(sev_part + f32(0.003), f32(1)),
        np.where(enter, entered_sev, sev_part))).astype(f32)
    want_on = (on_bijstand & ~gone) | enter

    months = rng.integers(0, 100, n).astype(np.int16)
    months_before, on_bijstand_before = months.copy(), on_bijstand.copy()
    got = _kernels.onset_and_participation(
        onset_month, entry_month, self_reliance, minor, age, bounds, keep, overburdened, bf,
        key, sev[0], sev[1], sev_part, prov_part, wait_part, on_bijstand, u100, exit_base,
        reint, 66, flags, NEEDS, months)
    for lst, mask in zip(got, (new_w, new_j, exited, want_on), strict=True):
        np.testing.assert_array_equal(lst, np.flatnonzero(mask))
    for got_sev, want_sev in zip(sev, want, strict=True):
        np.testing.assert_array_equal(got_sev, want_sev)
    np.testing.assert_array_equal(sev_part, want_part)
    np.testing.assert_array_equal(on_bijstand, want_on)
    np.testing.assert_array_equal(prov_part[gone], -1)
    np.testing.assert_array_equal(wait_part[gone], -1)
    # Months on assistance: one more for who stays, 0 for who enters, kept for who leaves.
    stay = on_bijstand_before & ~gone
    np.testing.assert_array_equal(months[stay], months_before[stay] + 1)
    np.testing.assert_array_equal(months[enter], 0)
    np.testing.assert_array_equal(months[gone], months_before[gone])
    assert not (flags == _kernels.BURDENED).any()  # next month's marks start clean


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 100), max_size=400), st.integers(0, 100), st.integers(0, 100))
def test_rows_in_age_range_is_flatnonzero(ages, lo, hi):
    """The branch-free, run-by-run selection (spare entries per run, gaps closed after)."""
    age = np.array(ages, dtype=np.int16)
    got = _kernels.rows_in_age_range(age, lo, hi)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, np.flatnonzero((age >= lo) & (age <= hi)))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_informal_care_is_the_rule_carer_by_carer(seed, n_muni):
    """Requests sorted by carer on the cores give what a plain loop over the requests gives:
    each carer adds up the hours asked (Wmo requests first, then youth, in row order), gives
    at most the kin stretch (a partner's or a parent cared for by their child's Wmo request,
    or any youth request) or the network stretch times what they can sustain (less the
    longer their job, unless the job weighs only on their load; more with carer support),
    shares it out in proportion; last month's carers' load and hours are zeroed; spells of
    care and of overload go on or start afresh; the lists of carers who gave and who are
    overburdened (overload for ``months_over`` months in a row)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 2000))
    muni = np.sort(rng.integers(0, n_muni, n))
    bounds = np.concatenate([[0], np.cumsum(np.bincount(muni, minlength=n_muni))])
    f32 = np.float32
    # A carer in the person's own municipality, one of its first few rows (so carers have
    # many requests), or none. Hours of very different sizes (float32 values added in float64
    # are exact unless their sizes differ by about 2^29 or more): the order of adding shows.
    size = bounds[muni + 1] - bounds[muni]
    carer = (bounds[muni] + (rng.random(n) * np.minimum(size, 4))).astype(np.int32)
    carer[rng.random(n) < 0.3] = -1
    who_w, who_j = (np.flatnonzero(rng.random(n) < share) for share in (0.3, 0.15))
    hours_w = (np.exp(rng.uniform(-30, 30, who_w.size))
               * (rng.random(who_w.size) < 0.9)).astype(f32)
    hours_j = np.exp(rng.uniform(-30, 30, who_j.size)).astype(f32)
    sev = np.where(rng.random(n) < 0.8, rng.random(n), 0).astype(f32)
    load = (rng.random(n) * 2).astype(f32)
    old = np.flatnonzero(rng.random(n) < 0.2)
    partner = np.where(rng.random(n) < 0.5, carer, -1).astype(np.int32)
    child_carer = rng.random(n) < 0.2  # the carer is the person's adult child: kin
    age, on_bijstand = rng.integers(0, 90, n).astype(np.int16), rng.random(n) < 0.2
    key, burden_only = np.uint64(rng.integers(0, 2**63)), bool(rng.random() < 0.5)
    given_hours = rng.random(n).astype(f32)
    month, months_over = 40, int(rng.integers(1, 4))
    last_care = rng.integers(month - 3, month, n).astype(np.int32)  # some gave last month
    care_start = (last_care - rng.integers(0, 5, n)).astype(np.int32)
    over_start = np.where(rng.random(n) < 0.5, care_start + 1, -1).astype(np.int32)
    ch, st_kin, st_net, wf = 15.5, 1.7, 1.2, 0.6
    relief = np.where(rng.random(n) < 0.3, rng.random(n) * 0.5, 0).astype(f32)

    want_load, want_given = load.copy(), given_hours.copy()
    want_load[old], want_given[old] = 0, 0
    want_start, want_over, want_last = care_start.copy(), over_start.copy(), last_care.copy()
    asked: dict[int, float] = {}
    kin: dict[int, bool] = {}
    for d, (who, hours) in enumerate(((who_w, hours_w), (who_j, hours_j))):
        for i, h in zip(who, hours, strict=True):
            c = int(carer[i])
            if c >= 0:
                asked[c] = asked.get(c, 0.0) + float(h)
                kin[c] = (kin.get(c, False) or d == 1 or int(partner[i]) == c
                          or bool(child_carer[i]))
    share, gave, burdened = {}, [], []
    for c, a in asked.items():
        sustainable = f32(ch) * (f32(1) - sev[c]) * (f32(1) + relief[c])
        reach = sustainable
        if not on_bijstand[c]:  # a job of h hours a week takes h / 40 of 1 - wf
            job = population.work_hours(_kernels.uniforms(key, np.array([c])), age[[c]])[0]
            sustainable = sustainable * (f32(1) - (f32(1) - f32(wf)) * job / f32(40))
            reach = reach if burden_only else sustainable
        given = min(a, float(f32(st_kin if kin[c] else st_net) * reach))
        share[c] = given / a if a > 0 else 0.0
        lo = given / float(sustainable) if sustainable > 0 else (2.0 if given > 0 else 0.0)
        want_load[c], want_given[c] = f32(lo), f32(given)
        if given > 0:
            gave.append(c)
            if want_last[c] != month - 1:
                want_start[c], want_over[c] = month, -1
            want_last[c] = month
            if want_load[c] > 1.0:
                want_over[c] = month if want_over[c] < 0 else want_over[c]
                if month - want_over[c] + 1 >= months_over:
                    burdened.append(c)
            else:
                want_over[c] = -1
    want_got = [np.array([float(h) * share[int(carer[i])] if carer[i] >= 0 else 0.0
                          for i, h in zip(who, hours, strict=True)])
                for who, hours in ((who_w, hours_w), (who_j, hours_j))]

    work = citizens.work_rule(key, wf, burden_only)
    got_w, got_j, got_gave, got_burdened, got_kinds = _kernels.informal_care(
        who_w, hours_w, who_j, hours_j, carer, partner, child_carer, sev, age, on_bijstand,
        relief, load, given_hours, care_start, over_start, last_care, old, ch, st_kin, st_net,
        work, month, months_over, 3, 0.5, bounds)
    # Each carer's kind: 1 for a spell of 3 months or more, + 2 for 0.5 hours or more.
    np.testing.assert_array_equal(got_kinds, [
        int(month - want_start[c] + 1 >= 3) + 2 * int(float(want_given[c]) >= 0.5)
        for c in sorted(gave)])
    np.testing.assert_array_equal(got_w, want_got[0].reshape(-1))
    np.testing.assert_array_equal(got_j, want_got[1].reshape(-1))
    np.testing.assert_array_equal(load, want_load)
    np.testing.assert_array_equal(given_hours, want_given)
    for got, want in ((care_start, want_start), (over_start, want_over),
                      (last_care, want_last)):
        np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(got_gave, sorted(gave))
    np.testing.assert_array_equal(got_burdened, sorted(burdened))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 30),
       st.sampled_from([1000.0, 0.1, 19.5, 3]))
def test_amounts_by_municipality_is_the_gathered_sum(seed, n_muni, amount):
    """Per-municipality weights give the sums of the per-person products numpy forms
    (float32 weight times a Python number), added in row order."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(0, 50, n_muni)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    per_muni = (rng.random(n_muni) * 500).astype(np.float32)
    weight = np.repeat(per_muni, sizes)
    idx = np.flatnonzero(rng.random(weight.size) < 0.4)
    np.testing.assert_array_equal(
        _kernels.amounts_by_municipality(idx, per_muni, amount, bounds),
        _kernels.sums_by_municipality(idx, weight[idx] * amount, bounds))
    want = np.zeros(n_muni)
    np.add.at(want, np.repeat(np.arange(n_muni), sizes)[idx], weight[idx] * amount)
    np.testing.assert_allclose(_kernels.amounts_by_municipality(idx, per_muni, amount, bounds),
                               want, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 20))
def test_pair_couples_is_the_whole_array_pairing(seed, n_muni):
    """Generation's pairing against the whole-array form it replaced: rank within the
    municipality's shuffled adults, the first 2 x couples paired with rank ^ 1."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(0, 40, n_muni)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    n = int(bounds[-1])
    muni = np.repeat(np.arange(n_muni), sizes)
    adults = np.flatnonzero(rng.random(n) < 0.8)
    order = adults[np.lexsort((rng.random(adults.size), muni[adults]))]
    starts = np.searchsorted(adults, bounds)
    n_adults = np.diff(starts)
    couples = np.minimum(rng.integers(0, 40, n_muni), n_adults // 2)

    a_muni = muni[order]
    rank = np.arange(order.size) - np.searchsorted(a_muni, a_muni)
    paired = rank < 2 * couples[a_muni]
    want = np.full(n, -1, dtype=np.int32)
    want[order[paired]] = order[np.searchsorted(a_muni, a_muni)[paired] + (rank[paired] ^ 1)]
    want_household = np.arange(n, dtype=np.int32)
    has = want >= 0
    want_household[has] = np.minimum(np.arange(n)[has], want[has])

    partner, household = _kernels.pair_couples(order, starts, couples.astype(np.int64), n)
    np.testing.assert_array_equal(partner, want)
    np.testing.assert_array_equal(household, want_household)
    assert (partner[partner[has]] == np.flatnonzero(has)).all()  # partners are mutual


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 300))
def test_seeding_assistance_is_the_numpy_expression(seed, n):
    """Who starts on social assistance equals the whole-array numpy it replaced (float32
    terms, float64 draws compared against them), bit for bit."""
    rng = np.random.default_rng(seed)
    u = rng.random(n)
    entry = (rng.random(n) * 0.002).astype(np.float32)
    working = rng.random(n) < 0.6
    share = entry * np.float32(12) * np.float32(0.069) * np.float32(100)
    level, mean = 0.0265 / max(float(np.mean(working)) if n else 0.0, 1e-9), 0.004
    np.testing.assert_array_equal(
        _kernels.seed_assistance(u, share, working, level, mean),
        working & (u < level * share / mean))


def _history(n, age, minor, yearly, rate, threshold=0.0, escalation=0.0, progression=0.0,
             slope=0.0, key=12345):
    """The starting needs of ``n`` persons of one age after ``needs_from_history``, with
    rules that make the chain simple: vulnerability and the recovery's reliance factor 1
    (self-reliance 0), the recovery's severity factor 1 - slope x severity."""
    rules = NEEDS._replace(vulnerability_reliance=1.0, recovery_reliance=1.0,
                           recovery_intercept=1.0, recovery_slope=slope)
    by_age = np.full(106, yearly, dtype=np.float32)
    sev_w, sev_j = np.zeros(n, np.float32), np.zeros(n, np.float32)
    history = _kernels.NeedHistory(rate_wmo=rate, rate_jeugd=rate, unaided_share=0.5,
                                   threshold=threshold, escalation=escalation,
                                   progression=progression, wmo_years=40, youth_years=18)
    _kernels.needs_from_history(np.uint64(key), np.full(n, age, np.int16),
                                np.full(n, minor), np.zeros(n, np.float32), by_age, by_age,
                                sev_w, sev_j, rules, history)
    return sev_w, sev_j


def test_starting_needs_from_history_reach_the_two_state_chains_balance():
    """With a constant monthly onset h and recovery r (every need helped, no growth), the
    replayed past is a two-state chain whose share in need after t months from none is
    h / (h + r) x (1 - (1 - h - r)^t): by hand, 0.01 / 0.06 = 0.1667 after the 40 x 12 +
    6 months of an adult of 80, and 0.1667 x (1 - 0.94^30) = 0.1401 after the 30 months of a
    child of 2 (two whole years and half the third). 200,000 persons each: the standard
    error is 0.0008, the bounds 5 of them. A person has a need in one domain only."""
    n = 200_000
    wmo, youth = _history(n, 80, False, 0.12, 0.05)
    assert abs((wmo > 0).mean() - 0.01 / 0.06) < 0.004
    assert not youth.any()
    wmo, youth = _history(n, 2, True, 0.12, 0.05)
    assert abs((youth > 0).mean() - 0.01 / 0.06 * (1 - 0.94 ** 30)) < 0.004
    assert not wmo.any()
    # New needs' severities are uniform on low + span x [0, 1): the mean is 0.1 + 0.4.
    assert abs(float(youth[youth > 0].mean()) - 0.5) < 0.005


def test_starting_needs_from_history_follow_recovery_and_growth():
    """The rules that shape severity act in the replay: with progression a need's severity
    grows month by month (the mean above a new need's 0.5, never above 1); with recovery
    falling with severity (slope 1, intercept 1: a need of severity 1 never recovers) the
    severe needs stay longest; below the threshold a need recovers at half the rate and
    grows by the escalation until it reaches it. The same key gives the same needs."""
    n = 50_000
    plain, _ = _history(n, 70, False, 0.12, 0.05)
    grown, _ = _history(n, 70, False, 0.12, 0.05, progression=0.01)
    assert 0.49 < float(plain[plain > 0].mean()) < 0.51
    assert float(grown[grown > 0].mean()) > 0.6 and float(grown.max()) <= 1.0
    sloped, _ = _history(n, 70, False, 0.12, 0.05, slope=1.0)
    assert float(sloped[sloped > 0].mean()) > 0.6
    assert (sloped > 0).mean() > (plain > 0).mean()
    below, _ = _history(n, 70, False, 0.12, 0.05, threshold=1.0)  # nothing helped
    assert (below > 0).mean() > (plain > 0).mean()
    escalated, _ = _history(n, 70, False, 0.12, 0.05, threshold=0.6, escalation=0.05)
    assert float(escalated[escalated > 0].mean()) > float(plain[plain > 0].mean())
    again, _ = _history(n, 70, False, 0.12, 0.05, progression=0.01)
    np.testing.assert_array_equal(again, grown)
    other, _ = _history(n, 70, False, 0.12, 0.05, progression=0.01, key=999)
    assert not np.array_equal(other, grown)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.integers(0, 400))
def test_counts_by_bin_and_by_service_are_bincounts(seed, n_muni, n):
    """The indicators' per-municipality counts (time on assistance by bin, clients by the
    service of their provider) equal a plain bincount over the municipality and class of
    each listed row; rows outside the bins or without a provider count nowhere."""
    rng = np.random.default_rng(seed)
    cuts = np.sort(rng.integers(0, n + 1, n_muni - 1))
    bounds = np.concatenate([[0], cuts, [n]]).astype(np.int64)
    muni = np.repeat(np.arange(n_muni), np.diff(bounds))
    idx = np.flatnonzero(rng.random(n) < 0.6).astype(np.int64)
    months = rng.integers(-3, 60, n).astype(np.int16)
    edges = np.array([0, 12, 36, 48], dtype=np.int64)
    got = _kernels.count_by_bins(idx, months, edges, bounds)
    b = np.searchsorted(edges, months[idx], side="right") - 1
    ok = (b >= 0) & (b < 3)
    want = np.zeros((n_muni, 3), dtype=np.int64)
    np.add.at(want, (muni[idx][ok], b[ok]), 1)
    np.testing.assert_array_equal(got, want)

    service = np.array([6, 0, 7, 1, 2, 3], dtype=np.int8)
    prov = rng.integers(-1, service.size, n).astype(np.int32)
    got = _kernels.clients_by_service(idx, prov, service, 8, bounds)
    has = prov[idx] >= 0
    want = np.zeros((n_muni, 8), dtype=np.int64)
    np.add.at(want, (muni[idx][has], service[prov[idx][has]]), 1)
    np.testing.assert_array_equal(got, want)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.integers(0, 400))
def test_adults_and_partnered_are_bincounts(seed, n_muni, n):
    """The counts the new couples go by (``Citizens.form_couples``): per municipality the
    persons 18 or over and younger than the bound, and those of them with a partner, as a
    plain bincount gives them."""
    rng = np.random.default_rng(seed)
    cuts = np.sort(rng.integers(0, n + 1, n_muni - 1))
    bounds = np.concatenate([[0], cuts, [n]]).astype(np.int64)
    muni = np.repeat(np.arange(n_muni), np.diff(bounds))
    age = rng.integers(0, 100, n).astype(np.int16)
    partner = np.where(rng.random(n) < 0.5, rng.integers(0, max(n, 1), n), -1).astype(np.int32)
    below = int(rng.integers(18, 120))
    adults, partnered = _kernels.adults_and_partnered(age, partner, bounds, below)
    adult = (age >= 18) & (age < below)
    np.testing.assert_array_equal(adults, np.bincount(muni[adult], minlength=n_muni))
    np.testing.assert_array_equal(partnered,
                                  np.bincount(muni[adult & (partner >= 0)], minlength=n_muni))


def _population(seed, n_muni, n):
    """Rows sorted by municipality (some empty), with float32 weights equal within each."""
    rng = np.random.default_rng(seed)
    cuts = np.sort(rng.integers(0, n + 1, n_muni - 1))
    bounds = np.concatenate([[0], cuts, [n]]).astype(np.int64)
    muni = np.repeat(np.arange(n_muni), np.diff(bounds))
    weight = (rng.random(n_muni) * 400 + 1).astype(np.float32)[muni]
    return rng, bounds, muni, weight


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.integers(0, 400))
def test_entry_by_row_is_the_numpy_it_replaced(seed, n_muni, n):
    """The local entry's weights and amounts (``Citizens._entry_by_municipality``) equal the
    whole-array numpy they replaced, bit for bit: per person, and summed per municipality
    as np.bincount adds, a factor of 0 giving no entry."""
    rng, bounds, muni, weight = _population(seed, n_muni, n)
    entry_month = (rng.random(n) * 0.01).astype(np.float32)
    working = rng.random(n) < 0.6
    factor = np.where(rng.random(n_muni) < 0.2, 0, rng.random(n_muni) * 2).astype(np.float32)
    w_want = np.where(working, weight, 0).astype(float)
    f_now = factor[muni].astype(float)
    e_want = np.divide(entry_month.astype(float), f_now, out=np.zeros(n),
                       where=f_now > 0) * w_want
    w, e, w_sum, e_sum = _kernels.entry_by_row(entry_month, working, weight, factor, bounds)
    np.testing.assert_array_equal(w, w_want)
    np.testing.assert_array_equal(e, e_want)
    np.testing.assert_array_equal(w_sum, np.bincount(muni, w_want, n_muni))
    np.testing.assert_array_equal(e_sum, np.bincount(muni, e_want, n_muni))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.integers(0, 400))
def test_need_amounts_are_the_numpy_they_replaced(seed, n_muni, n):
    """The need index's weighted chances (``Citizens._need_amounts``) equal the whole-array
    numpy they replaced, bit for bit, and so do their sums per municipality."""
    rng, bounds, muni, weight = _population(seed, n_muni, n)
    minor = rng.random(n) < 0.2
    working = ~minor & (rng.random(n) < 0.7)
    onset = (rng.random(n) * 0.01).astype(np.float32)
    entry = (rng.random(n) * 0.01).astype(np.float32)
    w = weight.astype(float)
    want = [np.where(rows, rate, 0).astype(float) * w
            for rows, rate in ((~minor, onset), (minor, onset), (working, entry))]
    got, sums, w_sums = _kernels.need_amounts(minor=minor, working=working, onset_month=onset,
                                              entry_month=entry, weight=weight, bounds=bounds)
    for k in range(3):
        np.testing.assert_array_equal(got[k], want[k])
        np.testing.assert_array_equal(sums[k], np.bincount(muni, want[k], n_muni))
    np.testing.assert_array_equal(w_sums, np.bincount(muni, w, n_muni))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.integers(0, 300))
def test_leading_and_noisy_keys_are_the_whole_array_forms(seed, n_muni, n):
    """The couples' choice (``population.leading``: the first ``counts[m]`` of each group)
    is the position-in-group mask it replaced, and the noisy age keys worked in place are
    ldexp(floor(ldexp(keys, 53)), -53) of (noisy - min) / (ptp + 1), bit for bit."""
    from transitiesim.population import leading, noisy_age_keys

    rng = np.random.default_rng(seed)
    sizes = rng.integers(0, 30, n_muni)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    counts = rng.integers(0, 31, n_muni)
    group = np.repeat(np.arange(n_muni), sizes)
    want = (np.arange(group.size) - starts[group]) < counts[group]
    np.testing.assert_array_equal(leading(starts, counts, group.size), want)

    age = rng.integers(0, 100, n).astype(np.int16)
    state = rng.bit_generator.state
    noisy = age.astype(np.float64) + 3.6 * rng.standard_normal(n)
    if n:
        keys = (noisy - noisy.min()) / (np.ptp(noisy) + 1)
        noisy = np.ldexp(np.floor(np.ldexp(keys, 53)), -53)
    again = np.random.default_rng(0)
    again.bit_generator.state = state
    np.testing.assert_array_equal(noisy_age_keys(age, 3.6, again), noisy)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40), st.floats(0.0, 1.0))
def test_bins_below_share_are_the_numpy_cumulative_counts(seed, n_muni, density):
    """The 10th percentile's bins (``reporters._p10``) equal the whole-array numpy they
    replaced: weighted histograms, the national one stacked under them, cumulative sums
    compared with a tenth of each total; empty histograms included."""
    rng = np.random.default_rng(seed)
    hist = rng.integers(0, 50, (n_muni, 200)) * (rng.random((n_muni, 200)) < density)
    weights = rng.random(n_muni) * 1000
    weighted = hist * weights[:, None]
    weighted = np.vstack([weighted, weighted.sum(axis=0)])
    cum = np.cumsum(weighted, axis=1)
    np.testing.assert_array_equal(_kernels.bins_below_share(hist, weights, 0.1),
                                  (cum < 0.1 * cum[:, -1:]).sum(axis=1))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), st.integers(20, 105),
       st.data())
def test_the_adult_child_pick_is_the_pick_from_each_bands_pool(sizes, oldest, data):
    """``pick_in_age_bands`` (one count and one walk per municipality) picks what
    ``pick_in_municipality`` picks from ``rows_in_age_range`` for each parent's band, the
    rule it replaced: the same person for the same draw, -1 where the municipality has
    nobody of the children's ages. Draws include the largest below 1."""
    sizes = np.array(sizes)
    sizes[0] = max(sizes[0], 1)
    muni = np.repeat(np.arange(sizes.size, dtype=np.int32), sizes)
    age = np.array(data.draw(st.lists(st.integers(0, oldest), min_size=muni.size,
                                      max_size=muni.size)), dtype=np.int16)
    parents = np.flatnonzero(age >= population.CHILD_CARER_MIN_AGE)
    if parents.size == 0:
        return
    who = np.array(sorted(data.draw(st.sets(st.sampled_from(parents.tolist()), min_size=1))),
                   dtype=np.int64)
    u = np.array(data.draw(st.lists(st.sampled_from([0.0, 0.3, 0.5, 0.77, np.nextafter(1, 0)]),
                                    min_size=who.size, max_size=who.size)))
    band = age[who] // population.CHILD_AGE_BAND
    young, old = population.GENERATION_GAP
    expected = np.full(who.size, -1, dtype=np.int32)
    for b in np.unique(band).tolist():
        k = np.flatnonzero(band == b)
        lo = max(b * population.CHILD_AGE_BAND - old, 18)
        hi = (b + 1) * population.CHILD_AGE_BAND - 1 - young
        expected[k] = population.pick_in_municipality(
            muni, _kernels.rows_in_age_range(age, lo, hi), who[k], None, u[k])
    band_lo, band_hi, first, last = population.child_bands(int(age.max()))
    bounds = np.searchsorted(muni, np.arange(sizes.size + 1, dtype=np.int32)).astype(np.int64)
    got = _kernels.pick_in_age_bands(age=age, bounds=bounds, who=who,
                                     band=band.astype(np.int64), u=u, band_lo=band_lo,
                                     band_hi=band_hi, first_band=first, last_band=last)
    np.testing.assert_array_equal(got, expected)
    assert (muni[got[got >= 0]] == muni[who[got >= 0]]).all()
