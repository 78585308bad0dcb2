"""Time from a lever change in the app to new results, on the default municipality.

Drives the real app with Streamlit's AppTest (no browser): compare two scenarios with 10 seeds,
then change one lever in an edited copy of 'transition-only' and add it; the rerun that follows
runs the 10 new seeds (in the app's worker processes) and shows the results. Prints the time of
that rerun, and of switching back to an earlier comparison (served from the cache). Target
(issue 3): new results within 3 s on the 2-core project machine.

    python benchmarks/app_lever.py [--seeds 10] [--precision 0.25]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--precision", type=float, default=0.1, help="the app's default is 0.1")
    args = parser.parse_args()

    at = AppTest.from_file(APP, default_timeout=600)
    at.session_state["scenarios"] = ["no-decentralisation", "transition-only"]
    at.session_state["seeds"] = args.seeds
    at.session_state["precision"] = args.precision
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="edit_base").set_value("transition-only").run()

    times = []
    for value in (0.4, 0.5, 0.6):
        at.slider(key="lever_citizen_power").set_value(value)
        at.text_input(key="edit_name").set_value(f"citizen-power-{value}")
        t0 = time.perf_counter()
        at.button(key="edit_add").click().run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, [e.value for e in at.exception]
        runs, seconds = at.session_state["last_timing"]
        assert runs == args.seeds, runs
    at.session_state["scenarios"] = ["no-decentralisation", "transition-only"]
    t0 = time.perf_counter()
    at.run()
    cached = time.perf_counter() - t0

    print(f"first comparison (2 scenarios x {args.seeds} seeds, precision {args.precision}, "
          f"worker start included): {first:.2f} s")
    print("lever change -> new results ({} new runs each): {}".format(
        args.seeds, ", ".join(f"{x:.2f} s" for x in times)))
    print(f"median {sorted(times)[1]:.2f} s; target 3 s: ratio {sorted(times)[1] / 3:.2f}")
    print(f"switching back to a cached comparison: {cached:.2f} s")


if __name__ == "__main__":
    main()
