"""Sweep throughput and executor overhead on the default scenario.

Prints runs per minute with 1 and 2 workers, and the overhead per run of the sweep machinery
(executor, Parquet files, manifest) compared with calling ``run`` in a loop for the same
scenarios and seeds. Target (issue 4): overhead under 5% of a run. A script, never a test.

    python benchmarks/sweep.py [--runs 8] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from transitiesim import run
from transitiesim.sweeps import build_sweep_spec, sweep
from transitiesim.sweeps.runner import tasks_for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8, help="design points (1 replication)")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    raw = {"name": "bench", "scenario": "default", "base": {"scale": args.scale},
           "design": "lhs", "samples": args.runs, "replications": 1, "seed": 1,
           "parameters": {"citizen_power": {"low": 0.2, "high": 0.8}}}
    spec = build_sweep_spec(raw)
    tasks = tasks_for(spec)
    from transitiesim import load_scenario_text

    scenarios = [(load_scenario_text(t.scenario_toml), t.seed) for t in tasks]
    run(scenarios[0][0], seed=0)  # warm-up
    t0 = time.perf_counter()
    for scenario, seed in scenarios:
        run(scenario, seed=seed)
    loop = time.perf_counter() - t0

    results = {}
    for workers in (1, 2):
        folder = Path(tempfile.mkdtemp(prefix="sweep-bench-"))
        t0 = time.perf_counter()
        report = sweep(spec, folder / "s", workers=workers)
        results[workers] = time.perf_counter() - t0
        assert report.done == len(tasks) and not report.failed
        shutil.rmtree(folder)

    n = len(tasks)
    print(f"default scenario at scale {args.scale}, {n} runs")
    print(f"run() in a loop         {loop:7.2f} s  {n / loop * 60:6.1f} runs/min")
    for workers, seconds in results.items():
        print(f"sweep, {workers} worker{'s' if workers > 1 else ' '}        {seconds:7.2f} s  "
              f"{n / seconds * 60:6.1f} runs/min")
    overhead = (results[1] - loop) / n
    print(f"overhead per run (1 worker vs loop): {overhead * 1000:.0f} ms = "
          f"{overhead / (loop / n) * 100:.1f}% of a run (target < 5%)")
    print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
