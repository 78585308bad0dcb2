"""Compute the comparison a fresh app opens with into the on-disk run cache, so the first
visitor sees results at once (``scripts/start.sh`` runs it before the app).

    TRANSITIESIM_CACHE_DIR=.cache/runs python -m transitiesim.ui.warm

Runs already on disk for this code are read, not computed again.
"""

from __future__ import annotations

import sys
import time

from streamlit.logger import set_log_level

# Outside a running app Streamlit warns that its caches fall back to memory: true, and moot.
set_log_level("error")

from .page import default_keys  # noqa: E402
from .runner import CACHE_DIR_ENV, RunCache, default_cache_dir  # noqa: E402


def main() -> int:
    root = default_cache_dir()
    if root is None:
        print(f"transitiesim: set {CACHE_DIR_ENV} to the folder for the run cache",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    cache = RunCache(disk_dir=root)
    keys = default_keys()
    cache.get(keys)
    print(f"transitiesim: the opening comparison's {len(keys)} runs are in {root} "
          f"({cache.computed} computed, {cache.loaded} already there, "
          f"{time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
