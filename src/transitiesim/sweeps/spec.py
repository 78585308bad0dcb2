"""Sweep files: which parameters to vary, over which ranges, with which design.

A sweep file is TOML::

    name = "power-and-access"
    scenario = "transition-only"    # base: a shipped name, or a path relative to this file
    base = { scale = 0.25 }         # parameters fixed for the whole sweep (optional)
    design = "sobol"                # grid | lhs | sobol | morris
    samples = 16                    # lhs: points; sobol: base N (a power of 2); morris:
                                    # trajectories; grid: not used
    replications = 2                # seeds per design point (the same seeds at every point)
    seed = 1                        # root seed; replication seeds derive with SeedSequence
    indicators = ["unmet_need"]     # national indicators to keep (default: all)

    [parameters.citizen_power]      # range defaults to the declared one
    low = 0.2
    high = 0.8

    [parameters.contracting]        # grid only: explicit values (also for text and true/false)
    values = ["open_house", "tender"]

Ranges are checked against the one parameter declaration, so a misspelt or out-of-range
parameter is refused before any run starts; so is a parameter that could never reach the model
in this base scenario (a municipal lever when the base has no decentralisation, for example).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..extras import require
from ..indicators import INDICATOR_BY_NAME
from ..params import PARAM_BY_NAME, Param
from ..run import replication_seeds
from ..scenario import (
    Problem,
    Scenario,
    ScenarioError,
    load_scenario,
    parse_toml,
    read_text_file,
    unknown_key,
)
from ..textsafe import NAME_ALLOWED, name_problem, slug

DESIGNS = ("grid", "lhs", "sobol", "morris")
TOP_KEYS = ("name", "scenario", "base", "design", "samples", "replications", "seed",
            "indicators", "parameters", "levels")
PERIOD = ("start_year", "end_year", "burn_in_years")  # every run of a sweep covers one period
INNOVATION_DETAILS = ("innovation_success_prob", "experiment_months", "experiment_cost_share",
                      "innovation_cost_reduction", "innovation_effect")


class SweepError(ScenarioError):
    """A sweep file is invalid; like ScenarioError, every problem names its field."""


# A sweep is refused before anything is built or written when it has more runs than this: a
# 100-level grid over 6 parameters (10^12 points) would otherwise exhaust memory while its
# design is listed. 20,000 runs of the default municipality take about 3 hours on 2 cores.
MAX_RUNS = 20_000


def count_runs(design: str, n_factors: int, samples: int, levels: int, replications: int,
               grid_sizes: list[int] | None = None) -> int:
    """Runs a sweep makes (design points x replications), computed without listing them."""
    if design == "grid":
        points = 1
        for size in grid_sizes or [levels] * n_factors:
            points *= size
    elif design == "sobol":
        points = samples * (n_factors + 2)  # Saltelli's scheme without second order
    elif design == "morris":
        points = samples * (n_factors + 1)  # one trajectory has n_factors + 1 points
    else:
        points = samples
    return points * replications


def _largest_fitting(design: str, n_factors: int, samples: int, levels: int,
                     replications: int, fixed_grid: list[int]) -> str:
    """What would fit under MAX_RUNS, said in the sweep file's own terms."""
    budget = MAX_RUNS // replications
    if design == "grid":
        fixed = 1
        for size in fixed_grid:
            fixed *= size
        free = n_factors - len(fixed_grid)
        if free and budget // fixed >= 2:
            best = int((budget // fixed) ** (1 / free) + 1e-9)
            while (best + 1) ** free * fixed <= budget:
                best += 1
            while best > 1 and best ** free * fixed > budget:
                best -= 1
            return f"levels = {best} or fewer with these parameters and replications"
        return "fewer parameters, values or replications"
    per = {"sobol": n_factors + 2, "morris": n_factors + 1}.get(design, 1)
    most = budget // per
    if design == "sobol":
        most = 1 << (most.bit_length() - 1) if most else 0
    return (f"samples = {most} or fewer with these parameters and replications" if most
            else "fewer parameters or replications")


@dataclass(frozen=True)
class Factor:
    """One varied parameter: a range (numbers) or explicit values (grid)."""

    name: str
    low: float | None = None
    high: float | None = None
    values: tuple[Any, ...] = ()

    @property
    def param(self) -> Param:
        return PARAM_BY_NAME[self.name]


@dataclass(frozen=True)
class SweepSpec:
    name: str
    base: Scenario
    design: str
    factors: tuple[Factor, ...]
    samples: int = 16
    replications: int = 1
    seed: int = 0
    levels: int = 3
    indicators: tuple[str, ...] = ()
    source: str = ""
    raw: dict = field(default_factory=dict, compare=False)

    @property
    def seeds(self) -> list[int]:
        return replication_seeds(self.seed, self.replications)

    def problem(self) -> dict:
        """The SALib problem: names and bounds of the varied parameters."""
        return {"num_vars": len(self.factors), "names": [f.name for f in self.factors],
                "bounds": [[f.low, f.high] for f in self.factors]}

    def design_matrix(self) -> list[dict[str, Any]]:
        """Every design point as parameter values, in a fixed order."""
        if self.design == "grid":
            axes = [f.values or tuple(_levels(f, self.levels)) for f in self.factors]
            return [dict(zip([f.name for f in self.factors], combo, strict=True))
                    for combo in itertools.product(*axes)]
        require("sweep", f"the {self.design} design")
        problem = self.problem()
        if self.design == "lhs":
            from SALib.sample import latin
            x = latin.sample(problem, self.samples, seed=self.seed)
        elif self.design == "sobol":
            from SALib.sample import sobol
            x = sobol.sample(problem, self.samples, calc_second_order=False, seed=self.seed)
        else:
            from SALib.sample import morris
            x = morris.sample(problem, self.samples, num_levels=4, seed=self.seed)
        return [{f.name: _typed(f.param, v) for f, v in zip(self.factors, row, strict=True)}
                for row in x]

    def run_scenarios(self) -> list[tuple[int, dict[str, Any], Scenario]]:
        """(point, values, scenario) for every design point, validated like a scenario file."""
        out = []
        for i, values in enumerate(self.design_matrix()):
            scenario = self.base.with_params(**values)
            for name, value in values.items():  # the value must reach the run's scenario
                if scenario[name] != value:
                    raise SweepError([Problem(f"parameters.{name}", value,
                                              "a value the scenario keeps")], self.source)
            out.append((i, values, scenario))
        return out


def _levels(f: Factor, n: int) -> list[Any]:
    assert f.low is not None and f.high is not None  # a range factor
    return [_typed(f.param, v) for v in np.linspace(f.low, f.high, n)]


def _typed(p: Param, v: Any) -> Any:
    return int(round(float(v))) if p.type is int else float(v)


def load_sweep_spec(path: str | Path) -> SweepSpec:
    path = Path(path)
    text = read_text_file(path, str(path), SweepError)
    raw = parse_toml(text, str(path), SweepError)
    return build_sweep_spec(raw, str(path), base_dir=path.parent)


def build_sweep_spec(raw: dict, source: str = "sweep", base_dir: Path | None = None) -> SweepSpec:
    problems: list[Problem] = []
    for key in raw:
        if key not in TOP_KEYS:
            problems.append(unknown_key(key, list(TOP_KEYS), key))
    if "name" in raw and name_problem(raw["name"]):
        problems.append(Problem("name", raw["name"], NAME_ALLOWED))
    design = raw.get("design", "grid")
    if not isinstance(design, str) or design not in DESIGNS:
        problems.append(Problem("design", design, "one of " + ", ".join(DESIGNS)))
    ints = {"samples": (16, 1, 100_000), "replications": (1, 1, 1000), "seed": (0, 0, 2**63 - 1),
            "levels": (3, 2, 100)}
    values = {}
    for key, (default, low, high) in ints.items():
        v = raw.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            problems.append(Problem(key, v, f"a whole number from {low:,} to {high:,}"))
        values[key] = v
    if design == "sobol" and isinstance(values["samples"], int) and values["samples"] & (
            values["samples"] - 1):
        problems.append(Problem("samples", values["samples"],
                                "a power of 2 for the sobol design (e.g. 16, 32, 64)"))
    base = None
    spec = raw.get("scenario")
    if not isinstance(spec, str) or not spec:
        problems.append(Problem("scenario", spec, "a shipped scenario name or a path"))
    else:
        try:
            candidate = (base_dir / spec) if base_dir is not None else None
            try:
                found = candidate is not None and candidate.is_file()
            except (OSError, ValueError):  # too long for the file system, a NUL byte
                found = False
            base = load_scenario(candidate if found and candidate is not None else spec)
        except ScenarioError as exc:
            problems += [Problem(f"scenario ({p.field})", p.value, p.allowed)
                         for p in exc.problems]
    fixed = raw.get("base", {})
    if not isinstance(fixed, dict):
        problems.append(Problem("base", fixed, "a table of parameter = value"))
    elif base is not None and fixed:
        try:
            base = base.with_params(**fixed)
        except ScenarioError as exc:
            problems += [Problem(p.field.replace("parameters.", "base.", 1), p.value, p.allowed)
                         for p in exc.problems]
    indicators = raw.get("indicators", list(INDICATOR_BY_NAME))
    if not isinstance(indicators, list) or not indicators:
        problems.append(Problem("indicators", indicators, "a list of indicator names"))
        indicators = []
    for i, name in enumerate(indicators):
        if not isinstance(name, str):
            problems.append(Problem(f"indicators[{i}]", name, "an indicator name (text)"))
        elif name not in INDICATOR_BY_NAME:
            problems.append(unknown_key(name, list(INDICATOR_BY_NAME), f"indicators.{name}"))
    factors = _factors(raw.get("parameters"), design, problems, base)
    if not problems:
        grid = [len(f.values) if f.values else values["levels"] for f in factors]
        runs = count_runs(design, len(factors), values["samples"], values["levels"],
                          values["replications"], grid)
        if runs > MAX_RUNS:
            fits = _largest_fitting(design, len(factors), values["samples"], values["levels"],
                                    values["replications"],
                                    [len(f.values) for f in factors if f.values])
            problems.append(Problem("design", f"{runs:,} runs (design points x replications)",
                                    f"at most {MAX_RUNS:,} runs: {fits}"))
    if problems or base is None:
        raise SweepError(problems, source)
    return SweepSpec(name=raw["name"] if "name" in raw else slug(Path(source).stem, "sweep"),
                     base=base, design=design,
                     factors=tuple(factors), samples=values["samples"],
                     replications=values["replications"], seed=values["seed"],
                     levels=values["levels"], indicators=tuple(indicators), source=source,
                     raw=raw)


def _factors(table: Any, design: str, problems: list[Problem], base: Scenario | None
             ) -> list[Factor]:
    if not isinstance(table, dict) or not table:
        problems.append(Problem("parameters", table,
                                "at least one [parameters.NAME] table with low/high or values"))
        return []
    factors = []
    for name, body in table.items():
        where = f"parameters.{name}"
        p = PARAM_BY_NAME.get(name)
        if p is None:
            problems.append(unknown_key(name, list(PARAM_BY_NAME), where))
            continue
        if name in PERIOD:
            problems.append(Problem(where, name, "a parameter other than the period; settings "
                                    "such as the period are set in the base scenario ([base])"))
            continue
        if not isinstance(body, dict):
            problems.append(Problem(where, body, "a table with low and high, or values"))
            continue
        for key in body:
            if key not in ("low", "high", "values"):
                problems.append(unknown_key(key, ["low", "high", "values"], f"{where}.{key}"))
        if "values" in body:
            if design != "grid":
                problems.append(Problem(f"{where}.values", body["values"],
                                        f"low and high for the {design} design (values are for "
                                        "grid)"))
                continue
            vals = body["values"]
            if not isinstance(vals, list) or not vals or len(vals) > 1000:
                problems.append(Problem(f"{where}.values", vals,
                                        "a list of 1 to 1,000 values"))
                continue
            ok = True
            for v in vals:
                try:
                    base.with_params(**{name: v}) if base is not None else None
                except ScenarioError:
                    problems.append(Problem(f"{where}.values", v, p.allowed()))
                    ok = False
            if ok:
                factors.append(Factor(name, values=tuple(vals)))
            continue
        if p.type not in (int, float):
            problems.append(Problem(where, name, f"values = [...] with the grid design ({name} "
                                    f"is {p.allowed()})"))
            continue
        p_low, p_high = p.bounds()
        low, high = body.get("low", p_low), body.get("high", p_high)
        bad = False
        for key, v in (("low", low), ("high", high)):
            if isinstance(v, bool) or not isinstance(v, int | float) or not p_low <= v <= p_high:
                problems.append(Problem(f"{where}.{key}", v, p.allowed()))
                bad = True
        if not bad and not low < high:
            problems.append(Problem(f"{where}.high", high, f"a number above low ({low:g})"))
            bad = True
        if not bad:
            factors.append(Factor(name, float(low), float(high)))
    if base is not None:
        problems += _never_reach(factors, base)
        if not problems:
            problems += _corner_problems(factors, base)
    return factors


def _corner_problems(factors: list[Factor], base: Scenario) -> list[Problem]:
    """Ranges whose ends the base scenario refuses, alone or together (the declaration's
    cross-checks, such as access_strictness below residential_threshold, are linear, so the
    corners of the ranges decide whether every design point is valid)."""
    ranged = [f for f in factors if not f.values]
    out: list[Problem] = []
    for f in ranged:
        for key, value in (("low", f.low), ("high", f.high)):
            try:
                base.with_params(**{f.name: _typed(f.param, value)})
            except ScenarioError as exc:
                out.append(Problem(f"parameters.{f.name}.{key}", value,
                                   f"a value this base scenario accepts ({exc.problems[0]})"))
    if out or len(ranged) > 8:
        return out
    for corner in itertools.product(*[((f.name, f.low), (f.name, f.high)) for f in ranged]):
        values = {name: _typed(PARAM_BY_NAME[name], v) for name, v in corner}
        try:
            base.with_params(**values)
        except ScenarioError as exc:
            return [Problem("parameters", ", ".join(f"{k} = {v:g}" for k, v in values.items()),
                            f"ranges whose every combination the base accepts "
                            f"({exc.problems[0]})")]
    return out


def _never_reach(factors: list[Factor], base: Scenario) -> list[Problem]:
    """Parameters that could not change a run of this base scenario, whatever their value."""
    names = {f.name for f in factors}
    out = []
    for f in factors:
        p = f.param
        where = f"parameters.{f.name}"
        if (p.kind == "lever" or f.name.startswith("cut_")) and not base["decentralisation"] \
                and "decentralisation" not in names:
            out.append(Problem(where, f.name, "a parameter that acts in this base scenario; it "
                               "has decentralisation = false, so municipal levers and cuts never "
                               "act"))
        if f.name == "size_log_sd" and (base["municipalities"] == 1 or base.municipalities):
            out.append(Problem(where, f.name, "a parameter that acts in this base scenario; "
                               "with one municipality (or a given list) sizes are not drawn"))
        if f.name in INNOVATION_DETAILS and base["innovation_uptake"] == 0 \
                and "innovation_uptake" not in names:
            out.append(Problem(where, f.name, "a parameter that acts in this base scenario; it "
                               "has innovation_uptake = 0, so no experiment ever starts"))
    return out
