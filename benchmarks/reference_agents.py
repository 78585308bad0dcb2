"""The array model against a plain implementation with one Mesa agent per citizen.

Runs the default municipality with both implementations (same scenario, same seed, same
process) and prints both wall times and their ratio. Target (issue 6): the array model 50
times faster or more. ``tests/test_reference.py`` checks that the two hold the same person
table every month.

    python benchmarks/reference_agents.py [--scale 1.0]
"""

from __future__ import annotations

import argparse
import time

from transitiesim import TransitionModel, load_scenario
from transitiesim.reference import ReferenceModel


def timed(cls, scenario) -> float:
    t0 = time.perf_counter()
    model = cls(scenario, seed=1)
    model.run_model()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--scenario", default="default")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario).with_params(scale=args.scale)
    persons = round(scenario["inhabitants"] * args.scale)
    timed(TransitionModel, scenario.with_params(end_year=2014))  # warm-up
    arrays = timed(TransitionModel, scenario)
    agents = timed(ReferenceModel, scenario)
    months = 12 * (scenario["end_year"] - scenario["start_year"] + 1 + scenario["burn_in_years"])
    print(f"{args.scenario}: {persons:,} persons, {months} months")
    print(f"arrays (TransitionModel)         {arrays:8.2f} s "
          f"{arrays / (persons * months) * 1e9:8.1f} ns/citizen-step")
    print(f"one Mesa agent per citizen       {agents:8.2f} s "
          f"{agents / (persons * months) * 1e9:8.1f} ns/citizen-step")
    print(f"ratio {agents / arrays:.1f}x (target 50x or more)")


if __name__ == "__main__":
    main()
