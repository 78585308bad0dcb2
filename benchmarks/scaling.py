"""Cost per citizen-step from 10,000 persons up, for one municipality (2014-2025 + burn-in).

Target (issue 6): roughly flat from 10,000 to 16.9 million persons. A script, never a test.

    python benchmarks/scaling.py [--sizes 10000 30000 100000 300000 1000000]
"""

from __future__ import annotations

import argparse
import time

from transitiesim import load_scenario, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[10_000, 30_000, 100_000, 300_000, 1_000_000])
    args = parser.parse_args()
    base = load_scenario("calibrated")
    months = 12 * (base["end_year"] - base["start_year"] + 1 + base["burn_in_years"])
    run(base.with_params(inhabitants=10_000), seed=0)  # warm-up
    print(f"{'persons':>10} {'wall s':>8} {'ns/citizen-step':>16}")
    for n in args.sizes:
        scenario = base.with_params(inhabitants=n, scale=1.0)
        t0 = time.perf_counter()
        run(scenario, seed=1)
        wall = time.perf_counter() - t0
        print(f"{n:>10,} {wall:>8.2f} {wall / (n * months) * 1e9:>16.1f}")


if __name__ == "__main__":
    main()
