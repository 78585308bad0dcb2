"""The bounds check of the compiled kernels (tests/test_kernels.py), started early.

numba compiles every kernel again with bounds checking on, which takes about a minute of one
core and nothing else; started as soon as the session knows the test is selected
(``conftest.pytest_collection_finish``), it compiles while the first tests run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

TEST = "test_kernels_stay_in_bounds_on_real_runs"
CODE = ("from transitiesim import load_scenario, run\n"
        "run(load_scenario('netherlands').with_params(scale=0.002, end_year=2016), seed=3)\n"
        "run(load_scenario('transformation').with_params(scale=0.05, end_year=2017), seed=4)\n"
        "print('ok')")

_started: dict[str, tuple[subprocess.Popen, str]] = {}


def start() -> None:
    """Start the check in a child process with a fresh numba cache (once per session)."""
    if "run" in _started:
        return
    cache = tempfile.mkdtemp(prefix="numba-boundscheck-")
    env = {**os.environ, "NUMBA_BOUNDSCHECK": "1", "NUMBA_CACHE_DIR": cache}
    proc = subprocess.Popen([sys.executable, "-c", CODE], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _started["run"] = (proc, cache)


def result(timeout: float = 600) -> tuple[int, str, str]:
    """Wait for the check (starting it if nobody has): its return code, stdout and stderr."""
    start()
    proc, cache = _started["run"]
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        stop()
    return proc.returncode, out, err


def stop() -> None:
    """End the check if it still runs, and remove its cache."""
    if "run" not in _started:
        return
    proc, cache = _started.pop("run")
    if proc.poll() is None:
        proc.kill()
        proc.communicate()
    shutil.rmtree(cache, ignore_errors=True)
