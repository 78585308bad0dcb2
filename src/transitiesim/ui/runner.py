"""Runs for the app: a cache keyed by scenario and seed, and a small process pool for misses.

The cache is shared by all sessions of one app process, so switching back and forth between
scenarios or seeds never recomputes. Runs missing from the cache are spread over worker
processes (``TRANSITIESIM_WORKERS``, default: up to 2). A run gives the same tables in any
process, so where a run happens does not change results.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, as_completed
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from .._pool import process_pool
from ..run import run
from ..scenario import load_scenario_text
from .analysis import add_derived

Key = tuple[str, int]  # (fully resolved scenario as TOML, seed)
Tables = tuple[pd.DataFrame, pd.DataFrame]  # (national with derived columns, per municipality)


def run_tables(scenario_toml: str, seed: int) -> Tables:
    """One run as the app shows it. Module-level so worker processes can import it."""
    result = run(load_scenario_text(scenario_toml, "scenario"), seed=seed)
    return add_derived(result.national), result.indicators


def default_workers() -> int:
    try:
        wanted = int(os.environ.get("TRANSITIESIM_WORKERS", "0"))
    except ValueError:
        wanted = 0
    return wanted if wanted > 0 else min(2, os.cpu_count() or 1)


def default_cache_bytes() -> int:
    """``TRANSITIESIM_CACHE_MB`` megabytes if set, else 1 GiB."""
    try:
        wanted = int(os.environ.get("TRANSITIESIM_CACHE_MB", "0"))
    except ValueError:
        wanted = 0
    return wanted * 2**20 if wanted > 0 else 2**30


def tables_bytes(tables: Tables) -> int:
    """Memory the two tables of a run hold (text columns counted in full), plus the key."""
    return int(sum(t.memory_usage(index=True, deep=True).sum() for t in tables))


class RunCache:
    """Results by (scenario, seed); the least recently used are dropped when the cache holds
    more than ``max_bytes`` (a national run at full precision is about 21 MiB, the default
    municipality at 10% about 0.5 MiB) or more than ``max_entries`` runs."""

    def __init__(self, max_entries: int = 600, workers: int | None = None,
                 max_bytes: int | None = None):
        self.max_entries = max_entries
        self.max_bytes = max_bytes or default_cache_bytes()
        self.bytes = 0
        self.workers = workers or default_workers()
        self.computed = 0  # runs actually computed (cache misses)
        self._store: OrderedDict[Key, Tables] = OrderedDict()
        self._sizes: dict[Key, int] = {}
        self._lock = threading.Lock()
        self._pool: Executor | None = None

    def _executor(self) -> Executor | None:
        """The worker pool, with every worker started (see :meth:`warm_up`)."""
        if self.workers <= 1:
            return None
        if self._pool is None:
            self._pool = process_pool(self.workers, ["transitiesim.ui.runner"])
        return self._pool

    def warm_up(self) -> None:
        """Start the worker processes now, so the first comparison does not wait for them."""
        self._executor()

    def get(self, keys: list[Key], progress: Callable[[int, int], None] | None = None
            ) -> list[Tables]:
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._store))
        done = 0
        pool = self._executor() if len(missing) > 1 else None
        if pool is None:
            for key in missing:
                self._put(key, run_tables(*key))
                done += 1
                if progress:
                    progress(done, len(missing))
        else:
            futures = {pool.submit(run_tables, *key): key for key in missing}
            try:
                for future in as_completed(futures):
                    self._put(futures[future], future.result())
                    done += 1
                    if progress:
                        progress(done, len(missing))
            except BrokenProcessPool:
                # A worker died (killed, out of memory): finish here and start a new pool
                # next time.
                self._pool = None
                for key in missing:
                    if key not in self._store:
                        self._put(key, run_tables(*key))
        with self._lock:
            found = {}
            for key in keys:
                if key in self._store:
                    self._store.move_to_end(key)
                    found[key] = self._store[key]
        # A key dropped (to keep the cache within its bytes) while this request ran is
        # computed again here, outside the lock.
        return [found[key] if key in found else run_tables(*key) for key in keys]

    def _put(self, key: Key, tables: Tables) -> None:
        size = tables_bytes(tables) + len(key[0])
        with self._lock:
            self.computed += 1
            if key in self._store:
                self.bytes -= self._sizes[key]
            self._store[key] = tables
            self._sizes[key] = size
            self.bytes += size
            # The newest entry always stays, even if it alone is over the bound.
            while len(self._store) > 1 and (len(self._store) > self.max_entries
                                             or self.bytes > self.max_bytes):
                old, _ = self._store.popitem(last=False)
                self.bytes -= self._sizes.pop(old)
