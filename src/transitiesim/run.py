"""The model as a plain function: scenario in, tables out, with provenance.

Everything else (command line, sweeps, app) calls :func:`run` or :func:`run_seeds`.
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .indicators import INDICATOR_BY_NAME, INDICATORS
from .scenario import Problem, Scenario, ScenarioError

if TYPE_CHECKING:
    from .model import TransitionModel


@dataclass
class RunResult:
    """``indicators``: one row per seed, month and municipality; ``national``: one row per seed
    and month; ``provenance``: the scenario as loaded, the seeds and the versions."""

    indicators: pd.DataFrame
    national: pd.DataFrame
    provenance: dict[str, Any] = field(default_factory=dict)

    def yearly(self, national: bool = True) -> pd.DataFrame:
        """Calendar-year values: flows summed over months, stocks and levels averaged."""
        return to_yearly(self.national if national else self.indicators)

    def save(self, out_dir: str | Path) -> Path:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        self.indicators.to_parquet(out / "indicators.parquet", index=False)
        self.national.to_parquet(out / "national.parquet", index=False)
        (out / "provenance.json").write_text(json.dumps(self.provenance, indent=2,
                                                        ensure_ascii=False), encoding="utf-8")
        return out


def replication_seeds(root: int, n: int) -> list[int]:
    """``n`` independent seeds derived from one root seed with numpy's SeedSequence."""
    return [int(s.generate_state(1)[0]) for s in np.random.SeedSequence(root).spawn(n)]


# Summaries (the app's cards, `compare`, sweep outcomes) average from this year on: the reform
# year itself is a transition.
SUMMARY_FROM_YEAR = 2016

# Peak memory of a run: measured about 170 bytes per simulated person (tracemalloc, 100,000
# persons) for the person arrays and the month's temporaries; 250 leaves room for pandas
# tables and numpy's scratch copies. Plus the interpreter and libraries.
BYTES_PER_PERSON = 250
BASE_BYTES = 400 * 2**20


def estimate_memory(scenario: Scenario) -> int:
    """Estimated peak bytes of one run of ``scenario``."""
    if scenario.municipalities:
        people = sum(max(1, round(m.inhabitants * scenario["scale"]))
                     for m in scenario.municipalities)
    else:
        people = scenario["inhabitants"] * scenario["scale"] + scenario["municipalities"]
    return int(BASE_BYTES + BYTES_PER_PERSON * people)


def available_memory() -> int:
    """Bytes this machine can give a run now (MemAvailable; TRANSITIESIM_MEMORY_AVAILABLE
    overrides it, in bytes)."""
    override = os.environ.get("TRANSITIESIM_MEMORY_AVAILABLE")
    if override:
        return int(float(override))
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES")


def check_memory(scenario: Scenario) -> None:
    """Refuse, before starting, a run that would not fit in memory; name a scale that fits."""
    need, have = estimate_memory(scenario), available_memory()
    if need <= have:
        return
    per_scale = (need - BASE_BYTES) / scenario["scale"]
    fits = max((have - BASE_BYTES) / per_scale, 0.0) * 0.9
    raise ScenarioError([Problem(
        "parameters.scale", scenario["scale"],
        f"at most about {fits:.2g} on this machine: the run needs an estimated "
        f"{need / 2**30:.1f} GiB and {have / 2**30:.1f} GiB is available")], scenario.name)


def run(scenario: Scenario, seed: int = 0, scale: float | None = None,
        indicators: Iterable[str] | None = None) -> RunResult:
    """Run one scenario with one seed. ``scale`` overrides the scenario's ``scale``."""
    return run_seeds(scenario, [seed], scale=scale, indicators=indicators)


def run_seeds(scenario: Scenario, seeds: Iterable[int], scale: float | None = None,
              progress: Callable[[int], None] | None = None,
              indicators: Iterable[str] | None = None) -> RunResult:
    """Run one scenario once per seed; ``progress(months_done)`` is called after each month.
    ``indicators`` (declared indicators, not derived ones) keeps only those columns: the
    other reporters are not run, which makes small runs faster (a sweep or the screening
    that reads a few) and changes no value."""
    if scale is not None:
        scenario = scenario.with_params(scale=scale)
    check_memory(scenario)
    seeds = [int(s) for s in seeds]
    # One name given as text is that name, not its letters.
    names = None if indicators is None else (
        [indicators] if isinstance(indicators, str) else list(indicators))
    parts_local, parts_national = [], []
    for seed in seeds:
        local, nat = _run_one(scenario, seed, progress, names)
        parts_local.append(local)
        parts_national.append(nat)
    return RunResult(pd.concat(parts_local, ignore_index=True),
                     pd.concat(parts_national, ignore_index=True),
                     provenance(scenario, seeds))


def provenance(scenario: Scenario, seeds: Iterable[int]) -> dict[str, Any]:
    """What reproduces a run: the scenario as run (every parameter, the scale included),
    where it came from, the seeds and the versions."""
    return {
        "scenario": scenario.to_raw(),
        "scenario_name": scenario.name,
        "scenario_source": scenario.source,
        "scenario_lineage": list(scenario.lineage),
        "seeds": [int(s) for s in seeds],
        "transitiesim_version": version("transitiesim"),
        "mesa_version": version("mesa"),
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _run_one(scenario: Scenario, seed: int, progress, indicators: list[str] | None = None
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    # Imported here, not at the top: what reads results (the app's first page, from its disk
    # cache) then needs neither Mesa nor the compiled kernels (docs/performance.md).
    import mesa

    from .model import TransitionModel

    model = TransitionModel(scenario, seed=seed, indicators=indicators)
    try:
        end = (scenario["end_year"], 12)
        dates = []
        while (model.year, model.month) < end:
            model.step()
            dates.append((model.year, model.month))
            if progress is not None:
                progress(1)
        return _tables(model, seed, dates)
    finally:
        # Mesa 3.3.1 keeps every model alive through Agent._ids; release this one.
        mesa.Agent._ids.pop(model, None)
        model.remove_all_agents()


def _tables(model: TransitionModel, seed: int, dates: list[tuple[int, int]]
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = {name: np.asarray(vals) for name, vals in model.datacollector.model_vars.items()}
    T = len(dates)
    M = len(model.municipality_list)
    years = np.array([y for y, _ in dates])
    months = np.array([m for _, m in dates])
    date = np.array([f"{y:04d}-{m:02d}" for y, m in dates])
    local = pd.DataFrame({
        "seed": np.full(T * M, seed, dtype=np.int64),
        "date": np.repeat(date, M),
        "year": np.repeat(years, M),
        "month": np.repeat(months, M),
        "municipality": np.tile([m.name for m in model.municipality_list], T),
        "municipality_code": np.tile([m.code for m in model.municipality_list], T),
        "municipality_id": np.tile(np.arange(M), T),
        **{i.name: data[i.name][:, :M].reshape(-1) for i in INDICATORS if i.name in data},
    })
    national = pd.DataFrame({
        "seed": np.full(T, seed, dtype=np.int64), "date": date, "year": years, "month": months,
        **{i.name: data[i.name][:, M] for i in INDICATORS if i.name in data},
    })
    return local, national


def to_yearly(table: pd.DataFrame) -> pd.DataFrame:
    """Aggregate a monthly table to calendar years per the indicators' ``year`` rule."""
    group = [c for c in ("seed", "municipality", "municipality_code", "municipality_id")
             if c in table] + ["year"]
    rules = {name: INDICATOR_BY_NAME[name].year for name in table.columns
             if name in INDICATOR_BY_NAME}
    return table.groupby(group, sort=True).agg(rules).reset_index()
