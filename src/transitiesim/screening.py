"""Screening for dead parameters: does every lever, national choice and uncertainty move a
headline indicator beyond seed noise over its declared range?

Morris's elementary effects in the radial design (Campolongo, Saltelli and Cariboni 2011,
Comput Phys Commun 182: 978-988). The first of ``BASE_POINTS`` base points is the calibrated
municipality itself; the others are policies drawn on a grid of ``LEVELS`` levels of the
declared ranges of the municipality's levers and the Rijk's cuts (any of a lever's choices),
the rest at the calibrated values. From each base point every parameter in turn takes one
step while the rest stay at the base point (``design``). So a rule that acts only where
policy lets it (a re-assessment where the threshold has risen, a team that prevents where
needs are many) gets its chance, as it does not in a screening from the defaults alone.
Drawing every uncertainty and national figure at once was tried: it gives worlds without a
single client, or with half the town on benefit, where nothing can move anything (the first
design of 3 December 2026 found 36 dead). A base point and its steps share one seed (common
random numbers); each base point is also run with ``NOISE_REPEATS`` other seeds, which give
the noise of each indicator there: the standard deviation of a single run (at least 0.1% of
its level there, or of its mean level over the base points where it is 0 there:
``wellbeing_p10`` is read off a histogram and can be the same in every seed, and a policy
under which nobody is placed has no clients to vary).

For each headline indicator (monthly mean of the national value over the years after the
reform and, apart, over the reform year: a rule of the transition itself, such as the Wmo
transitional law, acts in that year alone and a decade's mean hides it) a parameter's ratio
is mu* in units of noise: the mean over the base points of the absolute elementary effect (the
step's change of the indicator) divided by the noise at its base point, since worlds differ (a
waiting list of thousands is noisier than one of tens). A parameter *moves* an indicator when
the ratio exceeds 1, and is *dead* when it moves none; what is dead in the municipality is
screened again in the Netherlands of 393 municipalities, from the scenario and the first
drawn policy (``NATIONAL_BASE_POINTS``): rules that act between municipalities cannot move
anything in one, and a national run has more people.

    python -m transitiesim.screening --out docs     # writes docs/screening.md (a few minutes)

The runs are independent (one scenario and one seed each) and go to ``--workers`` processes
(every core by default); each run is seeded and the design is drawn from a fixed seed, so the
table does not depend on their number.

docs/screening.md records the digest of the screening's inputs (``inputs_digest``: the
package's source and data, the scenarios, the locked dependencies), on which its result
depends alone. ``tests/test_screening.py`` checks that the digest is that of the present
inputs (so any change to them asks for the screening again, a few minutes) and that the dead
parameters it found are exactly the ones listed in ``tests/data/dead_parameters.json`` (so a
newly dead parameter fails the suite, and one given a mechanism must be taken off the list);
the seeded snapshot (tests/test_determinism.py) checks that a run gives the same numbers on
the machine that runs the suite.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .flags import positive_int
from .indicators import DERIVED, DERIVED_BY_NAME
from .params import PARAMETERS, Param
from .run import run_seeds
from .scenario import Scenario, load_scenario

HEADLINES = ("needs_not_met", "unmet_need", "waiting", "clients_wmo", "clients_jeugd",
             "youth_care_users",
             "bijstand_recipients", "exits_to_work", "informal_carers", "carers_overburdened",
             "volunteers", "citizen_initiatives", "initiative_members", "wellbeing_mean",
             "wellbeing_p10",
             "wellbeing_p10_in_need",
             "spending_eur_total", "deficit_financed_eur", "reserves_eur", "cost_per_client_eur",
             "providers_active", "innovation_adoption")
KINDS = ("lever", "national", "uncertainty")
SCENARIO = "calibrated"
SETTINGS: dict[str, Any] = {"scale": 0.1, "end_year": 2025}
# What a screening depends on (``inputs_digest``): it is deterministic given the package's
# source and data, the shipped scenarios and the locked dependencies. Not the parts above it
# or beside it, which the import-linter contract "layers" (pyproject.toml, tests/test_lint.py)
# keeps out of its imports, nor the text catalogues or compiled caches: a change there
# changes no run.
ROOT = Path(__file__).resolve().parents[2]  # the source checkout (src/transitiesim/..)
DIGEST_SKIPPED = frozenset({"ui", "workshop", "sweeps", "locale", "__pycache__", "cli.py",
                            "calibration.py", "validation.py", "statline.py", "docgen.py"})
DIGEST_LINE = "Inputs: sha256 "
# Where a parameter dead or fragile in the municipality is screened again (see ``screen``).
NATIONAL = "netherlands"
NATIONAL_SETTINGS: dict[str, Any] = {"scale": 0.005, "end_year": 2025}
# The design: base points, each with its own seed, and a grid of LEVELS levels per number
# parameter, stepped by DELTA of its range (Morris 1991: p / (2 (p - 1)) for p levels).
BASE_POINTS = 4
SEEDS = tuple(range(1, BASE_POINTS + 1))  # the seed of each base point and its steps
NOISE_REPEATS = 7  # other seeds per base point, for the noise (7 degrees of freedom)
NOISE_SEED_STEP = 100  # base point j's noise runs: SEEDS[j] + 100, + 200, ...
LEVELS = 4
DELTA = LEVELS / (2 * (LEVELS - 1))
DESIGN_SEED = 20150101
# The national pass starts from the scenario and the first drawn policy only: a national run
# costs ten municipal ones (most of it per municipality, not per person).
NATIONAL_BASE_POINTS = 2
CUTS = ("cut_wmo", "cut_jeugd_first", "cut_jeugd", "cut_participatie")
NOISE_FLOOR = 1e-3  # the noise is at least this share of the indicator's level
YEARS = (2015, 2025)
# Each headline is also taken over each of these years alone: the reform year, where the
# rules of the transition itself act (the Wmo transitional law), and the year after, where
# the first December review's re-assessments act; over 2015-2025 their clients have long
# come back (needs grow out of care, not back into it).
TRANSITION_YEARS = (2015, 2016)


def _in_year(name: str, year: int) -> str:
    return f"{name} in {year}"


# What a run is measured on: each headline over YEARS, then each over each transition year.
MEASURES = (*HEADLINES, *(_in_year(h, y) for y in TRANSITION_YEARS for h in HEADLINES))
# Indicators whose paired runs drift apart: one provider's luck (an innovation that works, a
# bankruptcy) moves them, so two runs that differ only in their draws are nearly independent.
# A parameter that does nothing but shift the draws then scores like ``null_ratios``: about
# 1.27 on average. One that moves only these is *fragile* unless it moves one by more than
# DRIFT_RATIO, the ratio such a parameter exceeds one time in twenty.
DRIFTING = ("innovation_adoption", "providers_active")


def null_ratios(bases: int = BASE_POINTS, n: int = 200_000, seed: int = 1) -> np.ndarray:
    """What the ratio of a parameter that only shifts the random draws would be, ``n``
    times: at each base point the difference of two independent runs (normal, variance
    2 sigma^2) divided by the standard deviation estimated from that base point's
    NOISE_REPEATS + 1 seeds, averaged over ``bases`` base points (a seeded Monte Carlo)."""
    rng = np.random.default_rng(seed)
    df = NOISE_REPEATS
    diff = np.abs(rng.normal(0.0, np.sqrt(2.0), (n, bases)))
    estimated = np.sqrt(rng.chisquare(df, (n, bases)) / df)
    return (diff / estimated).mean(axis=1)


def drift_ratio(bases: int = BASE_POINTS) -> float:
    """The fragile line: the 95th percentile of ``null_ratios``."""
    return round(float(np.quantile(null_ratios(bases), 0.95)), 2)


DRIFT_RATIO = drift_ratio()  # in the municipality's pass
# The years constrain each other (start <= reform <= end): not screened one at a time.
NOT_SCREENED = ("start_year", "reform_year", "end_year")


@dataclass
class Screening:
    table: pd.DataFrame  # one row per parameter: values tried, effects per headline, verdict
    noise: pd.Series  # per headline
    scenario: str
    settings: dict[str, Any]

    @property
    def dead(self) -> list[str]:
        return sorted(self.table.index[~self.table.moves])

    @property
    def fragile(self) -> list[str]:
        """Alive only through drifting indicators (``DRIFTING``), by no more than
        ``DRIFT_RATIO``: a verdict chance alone could give."""
        return sorted(self.table.index[self.table.moves & ~self.table.robust])


def screened() -> list[Param]:
    return [p for p in PARAMETERS if p.kind in KINDS and p.name not in NOT_SCREENED]


def values_of(p: Param) -> tuple[Any, ...]:
    if p.choices:
        return p.choices
    if p.type is bool:
        return (False, True)
    low, high = p.bounds()
    return (int(low), int(high)) if p.type is int else (low, high)


def _level(p: Param, u: float) -> Any:
    """The value of number parameter ``p`` at ``u`` (0 to 1) of its declared range."""
    low, high = p.bounds()
    x = low + u * (high - low)
    return int(round(x)) if p.type is int else float(x)


def _end(p: Param, value: Any, k: int) -> Any:
    """The step of ``p`` from ``value`` at base point ``k``: the farther end of its declared
    range at even ``k`` and the nearer one at odd ``k`` (the farther where ``value`` is an
    end), so both ends are tried; the other truth value; the choices after ``value`` in
    turn."""
    options = values_of(p)
    if p.choices or p.type is bool:
        others = [o for o in options if o != value]
        return others[k % len(others)]
    low, high = options
    farther, nearer = (high, low) if value - low <= high - value else (low, high)
    return nearer if k % 2 and nearer != value else farther


def _draw(p: Param, rng: np.random.Generator) -> tuple[Any, Any]:
    """A base value of policy parameter ``p`` and the value of its step: a level of the grid
    and the level DELTA away (up from the lower half, down from the upper), or another
    choice."""
    if p.choices or p.type is bool:
        options = values_of(p)
        a = int(rng.integers(len(options)))
        b = (a + 1 + int(rng.integers(len(options) - 1))) % len(options)
        return options[a], options[b]
    u = int(rng.integers(LEVELS)) / (LEVELS - 1)
    step = u + DELTA if u + DELTA <= 1 + 1e-9 else u - DELTA
    return _level(p, u), _level(p, step)


def is_policy(p: Param) -> bool:
    """Drawn at the base points: the municipality's levers and the Rijk's cuts."""
    return p.kind == "lever" or p.name in CUTS


@dataclass(frozen=True)
class BasePoint:
    values: dict[str, Any]  # the policy parameters' values here (the rest: the scenario's)
    steps: dict[str, Any]  # every screened parameter's value after its step


def design(params: list[Param], scenario: Scenario, n: int = BASE_POINTS,
           seed: int = DESIGN_SEED) -> list[BasePoint]:
    """The base points: the scenario itself, then ``n`` - 1 policies drawn (``_draw``) from a
    fixed seed. A policy parameter steps across the middle of its range (from the scenario's
    value at the first: to the farther end); any other from the scenario's value to an end of
    its range, the farther and the nearer in turn (``_end``). The draws cover every screened
    parameter, so the design does not depend on which of them a pass screens; each policy
    parameter draws from its own stream (the seed, the base point and its name), so declaring
    a new parameter changes no other's draws."""
    policy = [p for p in params if is_policy(p)]
    points = []
    for k in range(n):
        ends = {p.name: _end(p, scenario.params[p.name], k) for p in params}
        if k == 0:
            points.append(BasePoint({}, ends))
            continue
        drawn = {p.name: _draw(p, np.random.default_rng([seed, k, zlib.crc32(p.name.encode())]))
                 for p in policy}
        points.append(BasePoint({name: a for name, (a, _) in drawn.items()},
                                ends | {name: b for name, (_, b) in drawn.items()}))
    return points


# What a run collects: the headlines, or the parts of a derived one (the rest are not run).
COLLECTED = tuple(dict.fromkeys(
    part for h in HEADLINES
    for part in (DERIVED_BY_NAME[h].parts if h in DERIVED_BY_NAME else (h,))))


def _headline_means(scenario: Scenario, seed: int) -> pd.Series:
    """One run: the monthly mean of each headline (national values) over YEARS and over each
    of the TRANSITION_YEARS, as ``MEASURES``."""
    nat = run_seeds(scenario, [seed], indicators=COLLECTED).national
    nat = nat[(nat.year >= YEARS[0]) & (nat.year <= YEARS[1])].copy()
    for d in DERIVED:
        if d.name in HEADLINES:
            nat[d.name] = d.compute(nat)
    over_years = nat[list(HEADLINES)].mean()
    alone = [nat.loc[nat.year == y, list(HEADLINES)].mean().rename(
        lambda h, y=y: _in_year(h, y)) for y in TRANSITION_YEARS]
    return pd.concat([over_years, *alone])


Task = tuple[Scenario, int]


@contextmanager
def _runs(workers: int) -> Iterator[Callable[[list[Task]], Iterator[pd.Series]]]:
    """While it lasts, what runs a batch of (scenario, seed) tasks and yields their results
    in order: here, or in ``workers`` processes started once for the whole screening."""
    if workers <= 1:
        yield lambda tasks: (_headline_means(*t) for t in tasks)
        return
    from ._pool import process_pool

    pool = process_pool(workers, ["transitiesim.screening"])
    try:
        yield lambda tasks: (f.result() for f in [pool.submit(_headline_means, *t)
                                                  for t in tasks])
    finally:
        pool.shutdown(cancel_futures=True)


def _pass(base: Scenario, params: list[Param], points: list[BasePoint], where: str,
          run_all: Callable[[list[Task]], Iterator[pd.Series]], progress=None
          ) -> tuple[dict[str, dict[str, Any]], pd.Series]:
    """One screening pass over ``params`` in scenario ``base`` from the base ``points``: rows
    and the seed noise."""
    # Every run of the pass is submitted at once, in a fixed order, and read back in it.
    tasks: list[Task] = []
    for point, seed in zip(points, SEEDS[:len(points)], strict=True):
        at = base.with_params(**point.values)
        tasks += [(at, seed + k * NOISE_SEED_STEP) for k in range(NOISE_REPEATS + 1)]
        tasks += [(at.with_params(**{p.name: point.steps[p.name]}), seed) for p in params]
    results = run_all(tasks)
    effects = np.empty((len(points), len(params), len(MEASURES)))
    spread = np.empty((len(points), len(MEASURES)))
    levels = np.empty((len(points), len(MEASURES)))
    for j in range(len(points)):
        at_base = pd.DataFrame([next(results) for _ in range(NOISE_REPEATS + 1)])
        spread[j] = at_base.std(ddof=1).to_numpy()
        levels[j] = at_base.mean().abs().to_numpy()
        for i in range(len(params)):
            effects[j, i] = next(results).to_numpy() - at_base.iloc[0].to_numpy()
        if progress:
            progress(j + 1)
    # At least NOISE_FLOOR of the level here or, where nothing happens here (no clients at
    # all), of the indicator's mean level over the base points.
    noises = np.maximum(spread, NOISE_FLOOR * np.maximum(levels, levels.mean(axis=0)))
    # Each elementary effect in units of the noise at its own base point: worlds differ
    # (a waiting list of thousands is noisier than one of tens), and the noise of one must
    # not hide an effect in another.
    z = np.abs(effects) / np.maximum(noises, 1e-12)[:, None, :]
    noise = pd.Series(noises[0], index=list(MEASURES))
    mu_star = np.abs(effects).mean(axis=0)  # (params, measures)
    drift = drift_ratio(len(points))
    rows = {}
    for i, p in enumerate(params):
        ratio = pd.Series(z[:, i].mean(axis=0), index=list(MEASURES))
        largest = ratio.idxmax()
        k = ratio.index.get_loc(largest)
        # How often the largest effect goes one way: mu / mu* (1 or -1: always the same way)
        signed = effects[:, i, k].mean() / max(mu_star[i, k], 1e-12)
        rows[p.name] = {"kind": p.kind, "values": _range(p),
                        "moves": bool((ratio > 1).any()),
                        "robust": _robust(ratio, drift),
                        "where": where, "largest": largest, "ratio": float(ratio.max()),
                        "direction": float(signed),
                        "moved": ", ".join(ratio.index[ratio > 1])}
    return rows, noise


def _range(p: Param) -> str:
    if p.choices or p.type is bool:
        return ", ".join(map(str, values_of(p)))
    low, high = values_of(p)
    return f"{low:g} to {high:g}"


def digest_files(root: Path = ROOT) -> list[Path]:
    """The files a screening's result depends on, in a fixed order: the package's source and
    data (not ``DIGEST_SKIPPED``), the scenarios and ``uv.lock``. In a git checkout the
    files git tracks (so a stray file beside them does not count), elsewhere those present."""
    package = root / "src" / "transitiesim"
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "src/transitiesim"], cwd=root,
                                capture_output=True, check=True).stdout.decode().split("\0")
        found = [root / name for name in listed if name]
    except (OSError, subprocess.CalledProcessError):
        found = list(package.rglob("*"))
    files = sorted(f for f in found if f.is_file()
                   and not DIGEST_SKIPPED & set(f.relative_to(package).parts))
    return files + sorted((root / "scenarios").glob("*.toml")) + [root / "uv.lock"]


def inputs_digest(root: Path = ROOT) -> str | None:
    """SHA-256 over the names and bytes of ``digest_files``; None outside a source checkout
    (no ``uv.lock``). docs/screening.md records it, and tests/test_screening.py asks the
    screening again whenever the present digest differs."""
    if not (root / "uv.lock").is_file():
        return None
    h = hashlib.sha256()
    for f in digest_files(root):
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(f.read_bytes() + b"\0")
    return h.hexdigest()


def recorded(doc: str) -> tuple[str | None, list[str]]:
    """The inputs digest and the dead parameters a rendered screening records."""
    digest = next((line.removeprefix(DIGEST_LINE).split()[0] for line in doc.splitlines()
                   if line.startswith(DIGEST_LINE)), None)
    dead_line = next(line for line in doc.splitlines() if line.startswith("Dead: "))
    dead = [part.strip(" `.") for part in dead_line.partition(": ")[2].partition(": ")[2]
            .split(",") if part.strip(" `.")]
    return digest, dead


def _robust(ratio: pd.Series, drift: float = DRIFT_RATIO) -> bool:
    """Moves an indicator that does not drift beyond its noise, or one that drifts beyond
    ``DRIFT_RATIO`` times it."""
    drifting = np.array([m.partition(" in ")[0] in DRIFTING for m in ratio.index])
    return bool((ratio[~drifting] > 1).any() or (ratio[drifting] > drift).any())


def screen(scenario: Scenario | None = None, params: list[Param] | None = None,
           progress=None, workers: int | None = None) -> Screening:
    """Screen ``params`` (every screened one by default) in ``scenario`` (the calibrated
    municipality). With the defaults, a parameter dead or fragile there is screened again in
    the Netherlands of 393 municipalities (``NATIONAL``): rules that act between
    municipalities (how budgets are shared out, for one) cannot move anything in a single
    one, and a national run has more people. The runs go
    to ``workers`` processes (every core when None; 1 runs them here)."""
    base = (scenario or load_scenario(SCENARIO)).with_params(**SETTINGS)
    params = params or screened()
    points = design(screened(), base)
    with _runs(workers if workers is not None else (os.cpu_count() or 1)) as run_all:
        rows, noise = _pass(base, params, points,
                            SCENARIO if scenario is None else scenario.name, run_all, progress)
        if scenario is None:
            # Dead or fragile in the municipality: screened again nationally, where a
            # verdict that moves more (alive where it was dead, robust where it was
            # fragile) replaces the municipality's.
            weak = [p for p in params if not (rows[p.name]["moves"] and rows[p.name]["robust"])]
            if weak:
                national = load_scenario(NATIONAL).with_params(**NATIONAL_SETTINGS)
                policies = design(screened(), national)[:NATIONAL_BASE_POINTS]
                again, _ = _pass(national, weak, policies, NATIONAL, run_all)
                rows.update({name: r for name, r in again.items()
                             if r["moves"] and (r["robust"] or not rows[name]["moves"])})
    table = pd.DataFrame.from_dict(rows, orient="index")
    return Screening(table, noise, scenario.name if scenario else SCENARIO, dict(SETTINGS))


def _shown(measure: str) -> str:
    """`clients_wmo`, or `clients_wmo` in 2015 for a transition year's measure."""
    name, _, year = measure.partition(" in ")
    return f"`{name}`" + (f" in {year}" if year else "")


def _years(years: tuple[int, ...]) -> str:
    return " and ".join(map(str, years))


def render(s: Screening) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        "# Screening for dead parameters",
        "",
        f"Generated by `python -m transitiesim.screening --out docs` on {when} (transitiesim "
        f"{version('transitiesim')}): scenario `{s.scenario}` at scale {s.settings['scale']}, "
        f"{YEARS[0]}-{YEARS[1]} and {_years(TRANSITION_YEARS)} alone, {BASE_POINTS} base "
        "points (seeds "
        f"{', '.join(map(str, SEEDS))}; noise from {NOISE_REPEATS + 1} seeds at each). Do not "
        "edit by hand; run the command again.",
        "",
        f"{DIGEST_LINE}{inputs_digest()} of its inputs (`inputs_digest`: the package's source "
        "and data below the tools that call it, the scenarios and `uv.lock`; the screening is "
        "deterministic given them). `tests/test_screening.py` fails when the present inputs "
        "have another digest: then run the command again.",
        "",
        "Morris's elementary effects in the radial design (Campolongo, Saltelli and Cariboni "
        f"2011), from {BASE_POINTS} base points: the scenario itself, and "
        f"{BASE_POINTS - 1} policies drawn on a grid of {LEVELS} levels of the declared ranges "
        "of the municipality's levers and the Rijk's cuts (any of a lever's choices), the rest "
        "at the scenario's values. From each base point each parameter in turn takes one step "
        "with the same seed: a drawn lever or cut "
        f"{DELTA:.2g} of its range to the other side of the middle (from the scenario's value: "
        "to the farther end), anything else from the scenario's value to the farther and the "
        "nearer end of its range in turn, the other truth value or the other choices in turn. "
        "So a rule that acts only where policy lets it gets its chance, as it does not from "
        "the defaults alone. *Ratio* is "
        "mu* in units of seed noise: the mean "
        "over the base points of the absolute change of a headline indicator, each change "
        "divided by the indicator's seed noise at its base point (the standard deviation of "
        f"one run over {NOISE_REPEATS + 1} seeds there, at least 0.1% of the indicator's "
        "level there or of its mean level over the base points), each indicator "
        f"taken as its mean over {YEARS[0]}-{YEARS[1]} and, apart (*in {TRANSITION_YEARS[0]}*, "
        f"*in {TRANSITION_YEARS[1]}*), over the reform year, where rules of the transition "
        "itself act, and the year after, where the first review's re-assessments act (over "
        f"{YEARS[0]}-{YEARS[1]} the clients they end have come back); a parameter moves an "
        "indicator when the ratio exceeds 1 and is **dead** when it moves none. *Direction* is "
        "mu / mu* for the largest effect: 1 or -1 when every step moved it the same way, near "
        "0 when it went up at some base points and down at others (an effect that depends on "
        "the others, or noise). A parameter dead or fragile (below) in the municipality is "
        f"screened again in the Netherlands (`{NATIONAL}` at scale "
        f"{NATIONAL_SETTINGS['scale']}, from the first {NATIONAL_BASE_POINTS} base points, the "
        "scenario and the first policy, with their seeds; column *where*), whose verdict "
        "counts where it moves more: rules that act between municipalities cannot move "
        "anything in one, and a national run has more people. Dead parameters are to be given a "
        "mechanism or removed; the test suite holds their list "
        "(`tests/data/dead_parameters.json`).",
        "",
        "How far to trust a verdict near 1: each elementary effect is divided by the noise "
        f"estimated at its own base point from {NOISE_REPEATS + 1} seeds, so a parameter that "
        "does nothing but shift the random draws, on an indicator whose paired runs drift "
        "apart (innovation adoption and the providers active, which one provider's luck "
        f"moves), scores {null_ratios().mean():.2f} on average and more than {DRIFT_RATIO:g} "
        "one time in twenty (`null_ratios`: the difference of two independent runs over the "
        f"estimated noise; over the national pass's {NATIONAL_BASE_POINTS} base points "
        f"{drift_ratio(NATIONAL_BASE_POINTS):g}). A parameter that moves only those, by no "
        "more than that, may be alive by chance: it is listed as *fragile* below. "
        "The pattern tests, on paired seeds at larger scale, are the stronger evidence for "
        "what a mechanism does.",
        "",
        f"Dead: {len(s.dead)} of {len(s.table)}"
        + (": " + ", ".join(f"`{n}`" for n in s.dead) if s.dead else "."),
        "",
        f"Fragile (alive only through {', '.join(f'`{d}`' for d in DRIFTING)}, by a ratio of "
        f"{DRIFT_RATIO:g} or less in the municipality, {drift_ratio(NATIONAL_BASE_POINTS):g} "
        f"in the Netherlands): {len(s.fragile)}"
        + (": " + ", ".join(f"`{n}`" for n in s.fragile) if s.fragile else "."),
        "",
        "| parameter | kind | range | moves | where | largest effect on | ratio | direction "
        "| indicators moved |",
        "|---|---|---|---|---|---|---:|---:|---|",
    ]
    for name, r in s.table.sort_values("ratio").iterrows():
        moved = ", ".join(_shown(m) for m in r.moved.split(", ") if m)
        lines.append(f"| `{name}` | {r.kind} | {r['values']} | {'yes' if r.moves else '**no**'} "
                     f"| {r['where']} | {_shown(r.largest)} | {r.ratio:.2f} "
                     f"| {r.direction:+.2f} | {moved} |")
    lines += ["", f"Seed noise per headline in `{s.scenario}` itself, the first base point "
              f"(standard deviation over {NOISE_REPEATS + 1} seeds of the {YEARS[0]}-{YEARS[1]} "
              f"monthly mean, and of each of {_years(TRANSITION_YEARS)}, at least 0.1% of its "
              "level):", "",
              "| indicator | noise |", "|---|---:|"]
    lines += [f"| {_shown(k)} | {v:.4g} |" for k, v in s.noise.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for screening.md")
    parser.add_argument("--workers", type=positive_int("--workers", 256),
                        default=os.cpu_count() or 1,
                        help="processes for the runs (default: every core)")
    args = parser.parse_args(argv)
    Path(args.out).mkdir(parents=True, exist_ok=True)  # before the runs, not after them
    s = screen(progress=lambda k: print(f"\rbase point {k} of {BASE_POINTS}", end="",
                                        flush=True), workers=args.workers)
    out = Path(args.out) / "screening.md"
    out.write_text(render(s), encoding="utf-8")
    print(f"\nwrote {out}: {len(s.dead)} dead of {len(s.table)}"
          + (f": {', '.join(s.dead)}" if s.dead else ""))


if __name__ == "__main__":
    # Through the package's module, not this __main__ copy: worker processes find the
    # functions they are sent under their package name.
    from transitiesim.screening import main as package_main

    package_main()
