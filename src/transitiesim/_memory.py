"""How numpy asks the kernel for memory while a model is built.

numpy advises Linux to back every array of 4 MiB or more with transparent huge pages
(``madvise(MADV_HUGEPAGE)``). On the shared virtual machines this project is measured on, the
first touch of such memory is many times slower than of ordinary pages (a 200 MB array filled
for the first time: 2.8 s against 0.08 s on 5 December 2026), while touching it again is as
fast either way. Building a model is almost all first touches (the persons' arrays, their
draws, the starting needs), so it is done with the advice off; the monthly steps reuse memory
already touched and run as fast either way (docs/performance.md). Results do not depend on
it: only where the memory comes from changes.

numpy's own switch (the environment variable ``NUMPY_MADVISE_HUGEPAGE``, read when numpy is
imported) wins: when it is set, this module changes nothing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from numpy._core import multiarray

# numpy's runtime toggle (returns the previous setting); None where a numpy lacks it.
_toggle: Callable[[bool], bool] | None = getattr(multiarray, "_set_madvise_hugepage", None)
_lock = threading.Lock()
_depth = 0  # builds under way (threads, nested calls): the first switches, the last restores
_before = True


def user_chose() -> bool:
    """Whether the user set numpy's switch (``NUMPY_MADVISE_HUGEPAGE``) themselves."""
    return os.environ.get("NUMPY_MADVISE_HUGEPAGE") is not None


@contextmanager
def small_pages() -> Iterator[None]:
    """Within: numpy allocates without the huge-page advice; after the last of any nested or
    concurrent uses: numpy's setting as it was. Does nothing when the user set numpy's
    switch or numpy has no toggle."""
    global _depth, _before
    if _toggle is None or user_chose():
        yield
        return
    with _lock:
        if _depth == 0:
            _before = _toggle(False)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                _toggle(_before)
