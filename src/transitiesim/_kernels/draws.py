"""Draws (ODD 7, "Stochasticity"): a person's uniform for one process in one month is a
hash of the month's key and the person's row, computed only where a rule needs it."""

from __future__ import annotations

import numpy as np
from numba import njit

from .base import U64, F

GOLDEN = U64(0x9E3779B97F4A7C15)
M1, M2 = U64(0xBF58476D1CE4E5B9), U64(0x94D049BB133111EB)
TO_UNIT = F(1.0 / 16777216.0)  # 2^-24

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

