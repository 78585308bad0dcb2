"""Where the runs of a sweep happen: here, in local processes, or on a Dask cluster.

Every executor maps the same pure task function over the same tasks and yields results as
they finish; a run's tables depend only on its scenario and seed, so the results are identical
whichever executor runs them (``tests/test_sweep.py`` checks this).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import as_completed
from typing import Any

from .._pool import bare_main, process_pool
from ..extras import require
from ..scenario import Problem
from .spec import SweepError

# How long to wait for a Dask scheduler before refusing the address (the sweep folder is not
# touched until one answers).
CONNECT_TIMEOUT_S = 10
_ADDRESS = re.compile(r"(tcp|tls|inproc|ucx|ws|wss)://[^\s]+|[A-Za-z0-9_.\-\[\]:]+")


class SerialExecutor:
    """Runs tasks one after another in this process."""

    name = "serial"

    def map_unordered(self, fn: Callable, tasks: Iterable) -> Iterator[Any]:
        for task in tasks:
            yield fn(task)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """Local worker processes (started by a fork server with the model preloaded)."""

    name = "processes"

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = process_pool(workers, ["transitiesim.sweeps.runner"])

    def map_unordered(self, fn: Callable, tasks: Iterable) -> Iterator[Any]:
        pending = list(tasks)
        window = 4 * self.workers  # keep a few tasks queued, not the whole sweep in memory
        futures = {self.pool.submit(fn, t) for t in pending[:window]}
        rest = iter(pending[window:])
        while futures:
            done = next(as_completed(futures))
            futures.remove(done)
            nxt = next(rest, None)
            if nxt is not None:
                futures.add(self.pool.submit(fn, nxt))
            yield done.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """A Dask distributed cluster: an existing scheduler (``address``), or a local cluster of
    ``workers`` single-threaded worker processes."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int = 2,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S):
        require("sweep", "running on Dask")
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if address:
            if not isinstance(address, str) or len(address) > 300 or not _ADDRESS.fullmatch(
                    address):
                raise SweepError([Problem("--scheduler", address, "a Dask scheduler address "
                                          "such as tcp://10.0.0.5:8786")], "sweep")
            try:
                self.client = Client(address, timeout=connect_timeout_s)
            except (OSError, TimeoutError, ValueError) as exc:
                raise SweepError([Problem(
                    "--scheduler", address,
                    f"the address of a running Dask scheduler (none answered within "
                    f"{connect_timeout_s:g} s: {exc.__class__.__name__}); nothing was written")],
                    "sweep") from None
        else:
            with bare_main():  # the worker processes start now, without the parent's script
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            env={"NUMBA_NUM_THREADS": "1"})
            self.client = Client(self.cluster)

    def map_unordered(self, fn: Callable, tasks: Iterable) -> Iterator[Any]:
        from dask.distributed import as_completed as dask_completed

        futures = self.client.map(fn, list(tasks), pure=False)
        for future in dask_completed(futures):
            yield future.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(workers: int = 1, scheduler: str | None = None,
                  kind: str | None = None, connect_timeout_s: float = CONNECT_TIMEOUT_S):
    """``scheduler`` (a Dask address, refused when it does not answer within
    ``connect_timeout_s``) wins; else ``kind`` ('serial', 'processes', 'dask'); else one
    worker runs here and more run in local processes."""
    if scheduler:
        return DaskExecutor(address=scheduler, connect_timeout_s=connect_timeout_s)
    kind = kind or ("serial" if workers <= 1 else "processes")
    if kind == "serial":
        return SerialExecutor()
    if kind == "processes":
        return ProcessExecutor(max(workers, 1))
    if kind == "dask":
        return DaskExecutor(workers=max(workers, 1))
    raise SweepError([Problem("--executor", kind, "serial, processes or dask")], "sweep")
