"""Screening for dead parameters: does every lever, national choice and uncertainty move a
headline indicator beyond seed noise over its declared range?

One factor at a time (elementary effects from the defaults, Morris-style, with the whole
declared range as the step), in the calibrated municipality and, for what is dead there, in the
Netherlands of 393 municipalities: each parameter is run at its lowest and its highest declared
value (every choice, both truth values), the others at the scenario's values, with the same
seeds (common random numbers). For each headline indicator the effect is the mean over seeds of
the largest minus the smallest of its values (monthly means of the national value, over the
years after the reform and, apart, over the reform year: a rule of the transition itself,
such as the Wmo transitional law, acts in that year alone and a decade's mean hides it); the
noise is the standard deviation of that mean across seeds at the
scenario's own values, and at least 0.1% of its level (``wellbeing_p10`` is read off a
histogram and can be the same in every seed). A parameter *moves* an indicator when the
effect exceeds the noise, and is *dead* when it moves none.

    python -m transitiesim.screening --out docs     # writes docs/screening.md (a few minutes)

The runs are independent (one scenario and one seed each) and go to ``--workers`` processes
(every core by default); each run is seeded, so the table does not depend on their number.

``tests/test_screening.py`` runs the same screening and checks that the dead parameters are
exactly the ones listed in ``tests/data/dead_parameters.json`` (so a newly dead parameter fails
the suite, and one given a mechanism must be taken off the list) and that docs/screening.md is
up to date.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .flags import positive_int
from .indicators import DERIVED
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
SETTINGS: dict[str, Any] = {"scale": 0.05, "end_year": 2025}
# Where a parameter dead in the municipality is screened again (see ``screen``).
NATIONAL = "netherlands"
NATIONAL_SETTINGS: dict[str, Any] = {"scale": 0.005, "end_year": 2025}
SEEDS = (1, 2)
NOISE_SEEDS = (1, 2, 3, 4)
NOISE_FLOOR = 1e-3  # the noise is at least this share of the indicator's level
YEARS = (2015, 2025)
REFORM_YEAR = 2015  # each headline is also taken over this year alone


def _in_reform_year(name: str) -> str:
    return f"{name} in {REFORM_YEAR}"


# What a run is measured on: each headline over YEARS, then each over the reform year.
MEASURES = (*HEADLINES, *map(_in_reform_year, HEADLINES))
# Indicators whose paired runs drift apart: one provider's luck (an innovation that works, a
# bankruptcy) moves them, so two runs that differ only in their draws are nearly independent
# and differ by 2/sqrt(pi) = 1.13 noise units on average (sd 0.6 for the mean of two seeds).
# A parameter that moves only these is *fragile* unless it moves one by more than
# DRIFT_RATIO, which such a pair exceeds about once in fourteen.
DRIFTING = ("innovation_adoption", "providers_active")
DRIFT_RATIO = 2.0
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


def _headline_means(scenario: Scenario, seed: int) -> pd.Series:
    """One run: the monthly mean of each headline (national values) over YEARS and over the
    reform year, as ``MEASURES``."""
    nat = run_seeds(scenario, [seed]).national
    nat = nat[(nat.year >= YEARS[0]) & (nat.year <= YEARS[1])].copy()
    for d in DERIVED:
        if d.name in HEADLINES:
            nat[d.name] = d.compute(nat)
    over_years = nat[list(HEADLINES)].mean()
    in_reform_year = nat.loc[nat.year == REFORM_YEAR, list(HEADLINES)].mean()
    return pd.concat([over_years, in_reform_year.rename(_in_reform_year)])


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


def _frame(results: Iterable[pd.Series], seeds: tuple[int, ...]) -> pd.DataFrame:
    return pd.DataFrame(list(results), index=pd.Index(seeds, name="seed"))


def _pass(base: Scenario, params: list[Param], where: str,
          run_all: Callable[[list[Task]], Iterator[pd.Series]], progress=None
          ) -> tuple[dict[str, dict[str, Any]], pd.Series]:
    """One screening pass over ``params`` in scenario ``base``: rows and the seed noise."""
    # Every run of the pass is submitted at once, in a fixed order, and read back in it.
    tasks: list[Task] = [(base, s) for s in NOISE_SEEDS]
    for p in params:
        tasks += [(base.with_params(**{p.name: v}), s) for v in values_of(p) for s in SEEDS]
    results = run_all(tasks)
    at_defaults = _frame((next(results) for _ in NOISE_SEEDS), NOISE_SEEDS)
    noise = np.maximum(at_defaults.std(ddof=1), NOISE_FLOOR * at_defaults.mean().abs())
    rows = {}
    for k, p in enumerate(params):
        runs = [_frame((next(results) for _ in SEEDS), SEEDS) for _ in values_of(p)]
        stacked = np.stack([r.to_numpy() for r in runs])  # (values, seeds, headlines)
        effect = (stacked.max(axis=0) - stacked.min(axis=0)).mean(axis=0)
        ratio = pd.Series(effect / np.maximum(noise.to_numpy(), 1e-9), index=list(MEASURES))
        rows[p.name] = {"kind": p.kind, "values": ", ".join(f"{v:g}" if isinstance(v, float)
                                                             else str(v) for v in values_of(p)),
                        "moves": bool((ratio > 1).any()), "robust": _robust(ratio),
                        "where": where,
                        "largest": ratio.idxmax(), "ratio": float(ratio.max()),
                        "moved": ", ".join(ratio.index[ratio > 1])}
        if progress:
            progress(k + 1)
    return rows, noise


def _robust(ratio: pd.Series) -> bool:
    """Moves an indicator that does not drift beyond its noise, or one that drifts beyond
    ``DRIFT_RATIO`` times it."""
    drifting = np.array([m.partition(" in ")[0] in DRIFTING for m in ratio.index])
    return bool((ratio[~drifting] > 1).any() or (ratio[drifting] > DRIFT_RATIO).any())


def screen(scenario: Scenario | None = None, params: list[Param] | None = None,
           progress=None, workers: int | None = None) -> Screening:
    """Screen ``params`` (every screened one by default) in ``scenario`` (the calibrated
    municipality). With the defaults, a parameter dead there is screened again in the
    Netherlands of 393 municipalities (``NATIONAL``): rules that act between municipalities
    (how budgets are shared out, for one) cannot move anything in a single one. The runs go
    to ``workers`` processes (every core when None; 1 runs them here)."""
    base = (scenario or load_scenario(SCENARIO)).with_params(**SETTINGS)
    params = params or screened()
    with _runs(workers if workers is not None else (os.cpu_count() or 1)) as run_all:
        rows, noise = _pass(base, params, SCENARIO if scenario is None else scenario.name,
                            run_all, progress)
        if scenario is None:
            dead = [p for p in params if not rows[p.name]["moves"]]
            if dead:
                national = load_scenario(NATIONAL).with_params(**NATIONAL_SETTINGS)
                again, _ = _pass(national, dead, NATIONAL, run_all)
                rows.update({name: r for name, r in again.items() if r["moves"]})
    table = pd.DataFrame.from_dict(rows, orient="index")
    return Screening(table, noise, scenario.name if scenario else SCENARIO, dict(SETTINGS))


def _shown(measure: str) -> str:
    """`clients_wmo`, or `clients_wmo` in 2015 for the reform year's measure."""
    name, _, year = measure.partition(" in ")
    return f"`{name}`" + (f" in {year}" if year else "")


def render(s: Screening) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        "# Screening for dead parameters",
        "",
        f"Generated by `python -m transitiesim.screening --out docs` on {when} (transitiesim "
        f"{version('transitiesim')}): scenario `{s.scenario}` at scale {s.settings['scale']}, "
        f"{YEARS[0]}-{YEARS[1]} and {REFORM_YEAR} alone, seeds {', '.join(map(str, SEEDS))} "
        f"(noise from "
        f"{len(NOISE_SEEDS)} seeds). Do not edit by hand; run the command again.",
        "",
        "Each lever, national choice and uncertainty is run at the ends of its declared range "
        "(every choice), the others at the scenario's values, with the same seeds. *Ratio* is "
        "the largest effect on a headline indicator divided by that indicator's seed noise, each "
        f"indicator taken as its mean over {YEARS[0]}-{YEARS[1]} and, apart (*in "
        f"{REFORM_YEAR}*), over the reform year, where rules of the transition itself act; a "
        "parameter moves an indicator when the ratio exceeds 1 and is **dead** when it moves "
        "none. A parameter dead in the municipality is screened again in the Netherlands "
        f"(`{NATIONAL}` at scale {NATIONAL_SETTINGS['scale']}, same years and seeds; column "
        "*where*): rules that act between municipalities cannot move anything in one. Dead "
        "parameters are to be given a mechanism or removed; the test suite holds their list "
        "(`tests/data/dead_parameters.json`).",
        "",
        "How far to trust a verdict near 1: where paired runs drift apart (innovation adoption "
        "and the providers active, which one provider's luck moves), two runs that differ only "
        "in their random draws already differ by about 1.13 times the noise on average (the "
        "mean distance of two independent draws, 2/sqrt(pi) standard deviations), so a "
        f"parameter that moves only those, by a ratio of {DRIFT_RATIO:g} or less, may be alive "
        "by chance: it is listed as *fragile* below. With 2 seeds at this scale a ratio near 1 "
        "can also go either way after any change to the model. The pattern tests, on paired "
        "seeds at larger scale, are the stronger evidence for what a mechanism does.",
        "",
        f"Dead: {len(s.dead)} of {len(s.table)}"
        + (": " + ", ".join(f"`{n}`" for n in s.dead) if s.dead else "."),
        "",
        f"Fragile (alive only through {', '.join(f'`{d}`' for d in DRIFTING)}, by a ratio of "
        f"{DRIFT_RATIO:g} or less): {len(s.fragile)}"
        + (": " + ", ".join(f"`{n}`" for n in s.fragile) if s.fragile else "."),
        "",
        "| parameter | kind | values | moves | where | largest effect on | ratio "
        "| indicators moved |",
        "|---|---|---|---|---|---|---:|---|",
    ]
    for name, r in s.table.sort_values("ratio").iterrows():
        moved = ", ".join(_shown(m) for m in r.moved.split(", ") if m)
        lines.append(f"| `{name}` | {r.kind} | {r['values']} | {'yes' if r.moves else '**no**'} "
                     f"| {r['where']} | {_shown(r.largest)} | {r.ratio:.2f} | {moved} |")
    lines += ["", f"Seed noise per headline in `{s.scenario}` (standard deviation across seeds "
              f"of the {YEARS[0]}-{YEARS[1]} monthly mean, and of the {REFORM_YEAR} one, at "
              "least 0.1% of its level):", "",
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
    s = screen(progress=lambda k: print(f"\r{k} parameters", end="", flush=True),
               workers=args.workers)
    out = Path(args.out) / "screening.md"
    out.write_text(render(s), encoding="utf-8")
    print(f"\nwrote {out}: {len(s.dead)} dead of {len(s.table)}"
          + (f": {', '.join(s.dead)}" if s.dead else ""))


if __name__ == "__main__":
    # Through the package's module, not this __main__ copy: worker processes find the
    # functions they are sent under their package name.
    from transitiesim.screening import main as package_main

    package_main()
