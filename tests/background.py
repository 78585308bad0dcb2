"""Long checks that share nothing with the session, started as soon as the session knows they
are selected (``conftest.pytest_collection_finish``) at the lowest priority (nice 19), so they
take the cores the other tests leave idle; a test that needs a check's result waits for what
is left of it.

- ``BOUNDS``: numba compiles every kernel again with bounds checking on (about a minute of
  one core) and runs short national and local runs (tests/test_kernels.py).

The dead-parameter screening (tests/test_screening.py) was run this way on 4 December 2026
and gained nothing: a clean clone's suite took 915.6 s, as long as with the screening in the
session, since what ran beside the session's tests slowed them as much (these runs share the
memory bandwidth more than the cores). It runs in the session, on every core.

A check's output goes to files, not pipes, so a chatty child cannot block on a full pipe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Check:
    name: str
    tests: tuple[str, ...]  # selecting any of these tests starts the check
    code: str  # run with ``python -c``; the working folder is the check's own temporary one
    env: tuple[tuple[str, str], ...] = ()  # extra environment; "{tmp}" is the folder


BOUNDS = Check(
    "bounds", ("test_kernels_stay_in_bounds_on_real_runs",),
    "from transitiesim import load_scenario, run\n"
    "run(load_scenario('netherlands').with_params(scale=0.002, end_year=2016), seed=3)\n"
    "run(load_scenario('transformation').with_params(scale=0.05, end_year=2017), seed=4)\n"
    "print('ok')",
    (("NUMBA_BOUNDSCHECK", "1"), ("NUMBA_CACHE_DIR", "{tmp}")))

CHECKS = (BOUNDS,)
NICE = 19  # the lowest priority; the checks' own worker processes inherit it

_started: dict[str, tuple[subprocess.Popen, Path]] = {}


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def start(check: Check) -> None:
    """Start ``check`` in a child process (once per session)."""
    if check.name in _started:
        return
    tmp = Path(tempfile.mkdtemp(prefix=f"transitiesim-{check.name}-"))
    env = {**os.environ, **{k: v.replace("{tmp}", str(tmp)) for k, v in check.env}}
    with open(tmp / "stdout", "w") as out, open(tmp / "stderr", "w") as err:
        proc = subprocess.Popen([sys.executable, "-c", check.code], env=env, cwd=tmp,
                                stdout=out, stderr=err, text=True)
    # Set from here rather than in the child before it starts (``preexec_fn`` is not safe
    # in a process with threads); its workers start later and inherit it.
    os.setpriority(os.PRIO_PROCESS, proc.pid, NICE)
    _started[check.name] = (proc, tmp)


def start_selected(names: set[str]) -> None:
    """Start every check one of whose tests is among ``names``."""
    for check in CHECKS:
        if names.intersection(check.tests):
            start(check)


def result(check: Check, timeout: float = 900) -> Outcome:
    """Wait for ``check`` (starting it if nobody has): its return code and output."""
    start(check)
    proc, tmp = _started[check.name]
    try:
        proc.wait(timeout=timeout)
        return Outcome(proc.returncode, (tmp / "stdout").read_text(),
                       (tmp / "stderr").read_text())
    finally:
        stop(check)


def stop(check: Check) -> None:
    """End ``check`` if it still runs, and remove its folder."""
    if check.name not in _started:
        return
    proc, tmp = _started.pop(check.name)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    shutil.rmtree(tmp, ignore_errors=True)


def stop_all() -> None:
    for check in CHECKS:
        stop(check)
