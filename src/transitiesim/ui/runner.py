"""Runs for the app: a cache keyed by scenario and seed, and a small process pool for misses.

The cache is shared by all sessions of one app process, so switching back and forth between
scenarios or seeds never recomputes. Runs missing from the cache are spread over worker
processes (``TRANSITIESIM_WORKERS``, default: up to 2). A run gives the same tables in any
process, so where a run happens does not change results.

With ``TRANSITIESIM_CACHE_DIR`` set (``scripts/start.sh`` sets it and fills it with the
shipped comparison), runs are also kept on disk as Parquet, keyed by the scenario, the seed
and a fingerprint of the package's code and data: a new app process opens with the results
of earlier ones, and any change to the model makes its old results unreachable. A file that
cannot be read is computed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from pathlib import Path

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


CACHE_DIR_ENV = "TRANSITIESIM_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source and data file of the package (path and content): what a
    run's results can depend on besides the scenario and the seed."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".toml", ".json"):
            h.update(str(path.relative_to(_PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def default_cache_dir() -> Path | None:
    """The on-disk cache from ``TRANSITIESIM_CACHE_DIR``, or None (memory only)."""
    value = os.environ.get(CACHE_DIR_ENV, "").strip()
    return Path(value) if value else None


class DiskCache:
    """Runs as Parquet files in ``root``, named by a hash of (code, scenario, seed)."""

    def __init__(self, root: Path):
        self.root = root

    def _stem(self, key: Key) -> Path:
        h = hashlib.sha256(f"{code_fingerprint()}\n{key[1]}\n{key[0]}".encode()).hexdigest()
        return self.root / h

    def load(self, key: Key) -> Tables | None:
        stem = self._stem(key)
        try:
            return (pd.read_parquet(stem.with_suffix(".national.parquet")),
                    pd.read_parquet(stem.with_suffix(".local.parquet")))
        except FileNotFoundError:
            return None
        except Exception as exc:  # a partial or foreign file: compute the run again
            logging.getLogger(__name__).warning("run cache file %s unreadable (%s); "
                                                "computing it again", stem.name, exc)
            return None

    def save(self, key: Key, tables: Tables) -> None:
        """Written to a temporary name and then renamed, so a reader never sees half a file;
        a cache that cannot be written is only logged (the run is in memory anyway)."""
        stem = self._stem(key)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for table, suffix in zip(tables, (".national.parquet", ".local.parquet"),
                                     strict=True):
                final = stem.with_suffix(suffix)
                tmp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
                table.to_parquet(tmp)
                os.replace(tmp, final)
        except OSError as exc:
            logging.getLogger(__name__).warning("run cache not written (%s)", exc)


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
                 max_bytes: int | None = None, disk_dir: Path | None = None):
        self.max_entries = max_entries
        self.max_bytes = max_bytes or default_cache_bytes()
        self.bytes = 0
        self.workers = workers or default_workers()
        self.computed = 0  # runs actually computed (cache misses)
        self._store: OrderedDict[Key, Tables] = OrderedDict()
        self._sizes: dict[Key, int] = {}
        self._lock = threading.Lock()
        self._pool: Executor | None = None
        root = disk_dir if disk_dir is not None else default_cache_dir()
        self.disk = DiskCache(root) if root is not None else None
        self.loaded = 0  # runs read from disk

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
        if self.disk is not None:
            on_disk = {k: self.disk.load(k) for k in missing}
            for key, tables in on_disk.items():
                if tables is not None:
                    self._put(key, tables, computed=False)
            missing = [k for k in missing if on_disk[k] is None]
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

    def _put(self, key: Key, tables: Tables, computed: bool = True) -> None:
        """Keep a run in memory (and, when computed here, on disk)."""
        if computed and self.disk is not None:
            self.disk.save(key, tables)
        size = tables_bytes(tables) + len(key[0])
        with self._lock:
            if computed:
                self.computed += 1
            else:
                self.loaded += 1
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
