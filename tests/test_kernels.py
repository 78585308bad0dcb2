"""The compiled kernels against the plain numpy rule they stand for.

The seeded snapshot (test_determinism.py) checks the kernels inside whole runs; these tests check
the one kernel with a set-logic contract directly, on arbitrary inputs.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from transitiesim import _kernels


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0.0, 1.0, width=32), min_size=0, max_size=60),
       st.lists(st.integers(0, 59), max_size=20), st.data())
def test_open_needs_is_the_set_logic_on_everyone(sev_list, onsets, data):
    """One merge gives what three whole-array steps give: last look's persons reset to NONE,
    the persons with a need now (flatnonzero of sev > 0 among last look and onsets), the
    served among them FORMAL, the others returned."""
    sev = np.array(sev_list, dtype=np.float32)
    n = sev.size
    onsets = np.unique([i for i in onsets if i < n]).astype(np.int64)
    sev[onsets] = np.maximum(sev[onsets], np.float32(0.1))  # an onset is an open need
    # last look: any sorted subset of persons, open or since cleared
    old = np.array(sorted(data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n)))
                   if n else [], dtype=np.int64)
    prov = np.array(data.draw(st.lists(st.integers(-1, 3), min_size=n, max_size=n)),
                    dtype=np.int32)
    state = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n, max_size=n)),
                     dtype=np.int8)
    expected_state = state.copy()
    expected_state[old] = _kernels.NONE
    needs = np.union1d(old[sev[old] > 0], onsets)
    expected_state[needs[prov[needs] >= 0]] = _kernels.FORMAL
    got, rest = _kernels.open_needs(old, sev, onsets, prov, state)
    np.testing.assert_array_equal(got, needs)
    np.testing.assert_array_equal(rest, needs[prov[needs] < 0])
    np.testing.assert_array_equal(state, expected_state)


def test_wellbeing_step_moves_a_fifth_of_the_way():
    """Nobody in need or strained: well-being moves 20% towards its base, self-reliance 2%."""
    base = np.array([0.8, 0.6], dtype=np.float32)
    wb = np.array([0.3, 0.6], dtype=np.float32)
    sr = np.array([0.5, 0.9], dtype=np.float32)
    base_sr = np.array([0.7, 0.9], dtype=np.float32)
    empty = np.zeros(0, dtype=np.int64)
    zeros = np.zeros(2, dtype=np.float32)
    state = np.zeros(2, dtype=np.int8)
    marks = np.zeros(2, dtype=np.uint8)
    _kernels.wellbeing_step(base, wb, sr, base_sr, zeros, empty, empty, empty, zeros, state,
                            empty, zeros, state, np.zeros(2, dtype=np.float32), marks)
    assert not marks.any()  # the scratch is left as it was found
    np.testing.assert_allclose(wb, [0.3 + 0.2 * 0.5, 0.6], rtol=1e-6)
    np.testing.assert_allclose(sr, [0.5 + 0.02 * 0.2, 0.9], rtol=1e-6)


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


def test_kernels_stay_in_bounds_on_real_runs(tmp_path):
    """numba does not check indices: run short national and local runs with its bounds
    checking on (fresh compilation in a child process), so a kernel that reads or writes
    outside an array fails here instead of corrupting memory."""
    import os
    import subprocess
    import sys

    code = ("from transitiesim import load_scenario, run\n"
            "run(load_scenario('netherlands').with_params(scale=0.002, end_year=2016), seed=3)\n"
            "run(load_scenario('transformation').with_params(scale=0.05, end_year=2017), seed=4)\n"
            "print('ok')")
    env = {**os.environ, "NUMBA_BOUNDSCHECK": "1", "NUMBA_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stderr[-3000:]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5)), max_size=60))
def test_order_within_groups_is_lexsort(pairs):
    pairs.sort(key=lambda p: p[0])  # groups come sorted; keys may tie
    groups = np.array([g for g, _ in pairs], dtype=np.int64)
    keys = np.array([k for _, k in pairs], dtype=np.float64)
    np.testing.assert_array_equal(_kernels.order_within_groups(groups, keys),
                                  np.lexsort((keys, groups)))
