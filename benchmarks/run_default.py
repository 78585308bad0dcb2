"""Speed and memory of the default scenario (about 100,000 inhabitants, 2014-2025).

Prints the wall time of whole runs (median of several, after one warm-up run that pays for
imports and first calls), nanoseconds per citizen-step, and peak memory. Target (issue 2): 1 s
or less per run on the 2-core project machine. A script, never a timed test.

    python benchmarks/run_default.py [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc

from transitiesim import load_scenario, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", default="default")
    args = parser.parse_args()

    scenario = load_scenario(args.scenario)
    p = scenario.params
    persons = round(p["inhabitants"] * p["scale"])
    months = 12 * (p["end_year"] - p["start_year"] + 1 + p["burn_in_years"])

    run(scenario, seed=0)  # warm-up
    times = []
    for seed in range(1, args.runs + 1):
        t0 = time.perf_counter()
        run(scenario, seed=seed)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    run(scenario, seed=99)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    wall = statistics.median(times)
    print(f"scenario            {args.scenario}: {persons:,} persons, {months} months "
          f"(incl. {p['burn_in_years']} burn-in years)")
    print(f"wall time per run   median {wall:.3f} s  (min {min(times):.3f}, max {max(times):.3f},"
          f" {args.runs} runs)")
    print(f"per citizen-step    {wall / (persons * months) * 1e9:.1f} ns")
    print(f"peak memory         {traced_peak / 2**20:.1f} MiB allocated during one run "
          f"(tracemalloc); process peak RSS {rss_mib:.0f} MiB")
    print(f"target              1 s per run: ratio {wall / 1.0:.2f}")


if __name__ == "__main__":
    main()
