"""Types and shared numbers of the kernels: float32, the need states and the number of runs
the passes split the rows into."""

from __future__ import annotations

import numpy as np

from ..states import NeedState

F = np.float32
U64 = np.uint64
# The need states as plain ints for the compiled code (their one home is states.NeedState).
NONE, FORMAL, INITIATIVE, INFORMAL, WAITING, UNMET = (int(s) for s in NeedState)
# Passes over municipalities split them into this many runs of about equal rows, shared out
# over the cores (more runs than cores keeps them busy when the split is uneven).
PARTS = 16
