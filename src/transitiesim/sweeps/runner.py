"""Running a sweep: tasks, results streamed to disk as they finish, resume after a crash.

A sweep directory holds::

    sweep.toml                 the sweep file as given (a resumed sweep must match it)
    base_scenario.toml         the base scenario, fully resolved
    design.parquet             one row per design point: the varied parameters' values
    national/<run>.parquet     per run: one row per month (model level)
    municipalities/<run>.parquet  per run: one row per month and municipality
    manifest.jsonl             one line per finished or failed run: point, replication, seed,
                               parameters, status, duration, provenance
    provenance.json            versions and the time the sweep was created

A run's two files are written under a temporary name and renamed when complete, national last;
a run counts as done when its national file exists. Running the same command again skips done
runs, retries failed ones, and repairs a manifest that missed a line because the process was
killed between the rename and the manifest write. A run is never written twice.
"""

from __future__ import annotations

import json
import os
import platform
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import mesa
import numpy as np
import pandas as pd
import tomli_w

from ..run import SUMMARY_FROM_YEAR, run
from ..scenario import Problem, load_scenario_text
from .executors import make_executor
from .spec import SweepError, SweepSpec, build_sweep_spec, load_sweep_spec

KEYS = ["seed", "date", "year", "month"]


@dataclass(frozen=True)
class Task:
    run_id: str
    point: int
    replication: int
    seed: int
    values: dict[str, Any]
    scenario_toml: str
    indicators: tuple[str, ...]


def run_task(task: Task) -> dict[str, Any]:
    """One run of a sweep, as a worker does it. Errors come back as data, not exceptions."""
    started = time.perf_counter()
    try:
        result = run(load_scenario_text(task.scenario_toml, task.run_id), seed=task.seed)
        cols = KEYS + list(task.indicators)
        national = result.national[cols].assign(run_id=task.run_id)
        local = result.indicators[KEYS + ["municipality", "municipality_id",
                                          *task.indicators]].assign(run_id=task.run_id)
        return {"run_id": task.run_id, "national": national, "municipalities": local,
                "seconds": time.perf_counter() - started, "worker": platform.node()
                + f":{os.getpid()}"}
    except Exception:  # noqa: BLE001 - reported per run, the sweep goes on
        return {"run_id": task.run_id, "error": traceback.format_exc(limit=5),
                "seconds": time.perf_counter() - started}


def tasks_for(spec: SweepSpec) -> list[Task]:
    seeds = spec.seeds
    tasks = []
    for point, values, scenario in spec.run_scenarios():
        text = scenario.to_toml()
        for r, seed in enumerate(seeds):
            tasks.append(Task(f"p{point:05d}-r{r:03d}", point, r, seed, values, text,
                              spec.indicators))
    return tasks


@dataclass
class SweepReport:
    out: Path
    total: int
    skipped: int
    done: int
    failed: list[tuple[str, str]]
    seconds: float


def sweep(spec: SweepSpec | str | Path, out: str | Path, workers: int = 1,
          scheduler: str | None = None, executor: str | None = None, retries: int = 1,
          progress: Callable[[int, int], None] | None = None) -> SweepReport:
    """Run (or resume) a sweep into ``out``. Returns what was done; see :func:`load_sweep`."""
    if not isinstance(spec, SweepSpec):
        spec = load_sweep_spec(spec)
    out = Path(out)
    tasks = tasks_for(spec)  # validates every design point before any run starts
    _prepare(out, spec)
    done = _reconcile(out, {t.run_id: t for t in tasks})
    todo = [t for t in tasks if t.run_id not in done]
    started = time.perf_counter()
    failed: dict[str, str] = {}
    completed = 0
    if progress:
        progress(0, len(todo))
    if todo:
        ex = make_executor(workers, scheduler, executor)
        try:
            for attempt in range(retries + 1):
                batch = todo if attempt == 0 else [t for t in todo if t.run_id in failed]
                if not batch:
                    break
                by_id = {t.run_id: t for t in batch}
                for res in ex.map_unordered(run_task, batch):
                    task = by_id[res["run_id"]]
                    if "error" in res:
                        failed[task.run_id] = res["error"]
                        _append_manifest(out, _entry(task, "failed", res))
                        continue
                    failed.pop(task.run_id, None)
                    _write_run(out, task, res)
                    completed += 1
                    if progress:
                        progress(completed, len(todo))
        finally:
            ex.close()
    return SweepReport(out, len(tasks), len(tasks) - len(todo), completed,
                       sorted(failed.items()), time.perf_counter() - started)


def _prepare(out: Path, spec: SweepSpec) -> None:
    sweep_file = out / "sweep.toml"
    text = tomli_w.dumps(spec.raw)
    if sweep_file.exists():
        if sweep_file.read_text(encoding="utf-8") != text:
            raise SweepError([Problem("--out", str(out), "an empty folder, or the folder of this "
                                      "same sweep (it holds a different sweep.toml)")], str(out))
    else:
        out.mkdir(parents=True, exist_ok=True)
        _atomic_write_text(out / "base_scenario.toml", spec.base.to_toml())
        design = pd.DataFrame(spec.design_matrix()).rename_axis("point").reset_index()
        tmp = out / ".tmp-design.parquet"
        design.to_parquet(tmp, index=False)
        os.replace(tmp, out / "design.parquet")
        _atomic_write_text(out / "provenance.json", json.dumps({
            "sweep": spec.name, "transitiesim_version": version("transitiesim"),
            "mesa_version": mesa.__version__, "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
            "seeds": spec.seeds}, indent=2))
        _atomic_write_text(sweep_file, text)  # last: its presence marks a prepared folder
    for sub in ("national", "municipalities"):
        (out / sub).mkdir(exist_ok=True)
        for stale in (out / sub).glob(".tmp-*"):  # runs in flight when a sweep was killed
            stale.unlink()


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _reconcile(out: Path, tasks: dict[str, Task]) -> set[str]:
    """Runs already done (their national file exists); add manifest lines a kill cut off."""
    done = {p.stem for p in (out / "national").glob("*.parquet")}
    recorded = {e["run_id"] for e in read_manifest(out) if e["status"] == "done"}
    for run_id in sorted(done - recorded):
        if run_id in tasks:
            _append_manifest(out, _entry(tasks[run_id], "done", {"seconds": None,
                                                                 "worker": "recovered"}))
    return done


def _write_run(out: Path, task: Task, res: dict[str, Any]) -> None:
    for sub in ("municipalities", "national"):  # national last: it marks the run as done
        tmp = out / sub / f".tmp-{task.run_id}.parquet"
        res[sub].to_parquet(tmp, index=False)
        os.replace(tmp, out / sub / f"{task.run_id}.parquet")
    _append_manifest(out, _entry(task, "done", res))


def _entry(task: Task, status: str, res: dict[str, Any]) -> dict[str, Any]:
    entry = {"run_id": task.run_id, "point": task.point, "replication": task.replication,
             "seed": task.seed, "params": task.values, "status": status,
             "seconds": res.get("seconds"), "worker": res.get("worker"),
             "finished_utc": datetime.now(UTC).isoformat(timespec="seconds")}
    if status == "failed":
        entry["error"] = res.get("error")
    return entry


def _append_manifest(out: Path, entry: dict[str, Any]) -> None:
    with open(out / "manifest.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, default=float) + "\n")
        f.flush()
        os.fsync(f.fileno())


def read_manifest(out: Path) -> list[dict[str, Any]]:
    path = Path(out) / "manifest.jsonl"
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut off by a kill
            continue
    return entries


@dataclass
class SweepResults:
    """A sweep's results as pandas tables; model level and municipality level kept apart."""

    spec: SweepSpec
    design: pd.DataFrame  # one row per design point
    runs: pd.DataFrame  # one row per finished run: point, replication, seed, parameters
    national: pd.DataFrame  # model level: one row per run and month
    municipalities: pd.DataFrame  # one row per run, month and municipality

    def outcomes(self, indicator: str, from_year: int = SUMMARY_FROM_YEAR) -> pd.DataFrame:
        """Per design point: the parameters and the indicator's monthly mean from ``from_year``,
        averaged over replications."""
        from .analysis import outcomes

        return outcomes(self, indicator, from_year)


def load_sweep(out: str | Path) -> SweepResults:
    out = Path(out)
    if not (out / "sweep.toml").exists():
        raise SweepError([Problem("folder", str(out), "a sweep folder (with sweep.toml)")],
                         str(out))
    import tomllib

    raw = tomllib.loads((out / "sweep.toml").read_text(encoding="utf-8"))
    # The base as it was when the sweep started (the original may have moved or changed).
    spec = build_sweep_spec({**raw, "scenario": "base_scenario.toml"},
                            str(out / "sweep.toml"), base_dir=out)
    entries = {}
    for e in read_manifest(out):
        if e["status"] == "done" or e["run_id"] not in entries:
            entries[e["run_id"]] = e
    runs = pd.DataFrame([{k: v for k, v in e.items() if k != "params"} | e["params"]
                         for e in entries.values() if e["status"] == "done"])
    files = sorted((out / "national").glob("*.parquet"))
    national = (pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
                if files else pd.DataFrame())
    mfiles = sorted((out / "municipalities").glob("*.parquet"))
    local = (pd.concat([pd.read_parquet(f) for f in mfiles], ignore_index=True)
             if mfiles else pd.DataFrame())
    if not runs.empty:
        runs = runs.sort_values("run_id").reset_index(drop=True)
    return SweepResults(spec, pd.read_parquet(out / "design.parquet"), runs, national, local)
