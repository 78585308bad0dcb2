"""Worker processes for the app and for sweeps.

Workers come from a fork server with the model preloaded: they start fast and do not inherit
the threads of a server or a test runner. A new process also re-imports the parent's __main__
script (multiprocessing does this for spawn and fork-server starts); under Streamlit that would
run the app again inside the worker. So every worker is started up front while __main__ is a
bare module, and the pool never starts another one later.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


@contextmanager
def bare_main() -> Iterator[None]:
    """While it lasts, new processes (fork server, spawn, Dask nannies) import no script."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


# How often a worker checks that the process that started the pool is still alive.
WATCH_SECONDS = 1.0


def _exit_with(owner_pid: int) -> None:
    """Runs in a worker: end this process once ``owner_pid`` (the app or the sweep command)
    is gone. A kill -9 of the owner runs none of its clean-up, and the fork server's workers
    would otherwise wait for tasks forever, holding their memory."""
    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            try:
                os.kill(owner_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid now belongs to another user's process
                os._exit(1)

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


def _init_worker(owner_pid: int, single_thread: bool) -> None:
    _exit_with(owner_pid)
    if single_thread:
        # In a worker among several the compiled kernels use one thread, since the workers
        # already share the cores (two workers of two threads each on two cores run slower).
        import numba

        numba.set_num_threads(1)


def process_pool(workers: int, preload: list[str]) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, all started now; they end when this process ends,
    however it ends."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(preload)
    with bare_main():
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=_init_worker,
                                   initargs=(os.getpid(), workers > 1))
        for f in [pool.submit(time.sleep, 0.2) for _ in range(workers)]:
            f.result()
    return pool
