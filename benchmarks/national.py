"""The Netherlands, person by person: wall time, ns per citizen-step and peak memory.

Runs `netherlands` (the 393 municipalities of 2015, 16,900,726 inhabitants, 2014-2025 plus
burn-in) at each --scale in a fresh process and prints what it measured: the run itself ("wall
s", which the cost per citizen-step is taken from) and the whole process, imports and start-up
included, as
`transitiesim run` would take it ("process s"). Targets (issue 6): scale 1 in 60 s or less with
a peak of 6 GiB or less. A script, never a test.

    python benchmarks/national.py [--scales 0.01 0.1 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
import numba
from transitiesim import load_scenario, run
s = load_scenario("netherlands").with_params(scale=float(sys.argv[1]))
t0 = time.perf_counter()
r = run(s, seed=1)
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "months": 12 * (s["end_year"] - s["start_year"] + 1 + s["burn_in_years"]),
                  "threads": f"{numba.get_num_threads()} ({numba.threading_layer()})"}))
"""


def persons(scale: float) -> int:
    from transitiesim import load_scenario
    from transitiesim.population import municipality_sizes

    s = load_scenario("netherlands")
    sizes = municipality_sizes(s["inhabitants"], s["municipalities"], s["size_log_sd"])
    return int(sum(max(1, round(n * scale)) for n in sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    args = parser.parse_args()
    print(f"{'scale':>6} {'persons':>12} {'wall s':>8} {'process s':>10} {'ns/citizen-step':>16} "
          f"{'peak GiB':>9}  threads")
    for scale in args.scales:
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(scale)], capture_output=True,
                             text=True, check=True)
        process = time.perf_counter() - t0
        m = json.loads(out.stdout.strip().splitlines()[-1])
        n = persons(scale)
        print(f"{scale:>6g} {n:>12,} {m['wall']:>8.1f} {process:>10.1f} "
              f"{m['wall'] / (n * m['months']) * 1e9:>16.1f} {m['rss'] / 2**30:>9.2f}  "
              f"{m['threads']}")
    print("targets: scale 1 in <= 60 s, peak <= 6 GiB")


if __name__ == "__main__":
    main()
