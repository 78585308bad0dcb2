"""Time from opening the app to its first results, with and without runs computed ahead.

Each case runs in a fresh process (an empty in-memory cache, as a newly started app) and
drives the real app with Streamlit's AppTest on its opening comparison (the three shipped
default scenarios, 5 seeds, precision 0.1):

- cold: an empty on-disk cache, so every run is computed while the visitor waits;
- warm: after ``python -m transitiesim.ui.warm`` (what ``scripts/start.sh`` runs first).

Prints the seconds of the first page in each and the warm-up's own time. Target (issue 19):
results within 2 s of the server answering. A script, never a test.

    python benchmarks/first_open.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import time
from pathlib import Path
from streamlit.testing.v1 import AppTest
app = str(Path({root!r}) / "app.py")
at = AppTest.from_file(app, default_timeout=600)
t0 = time.perf_counter()
at.run()
seconds = time.perf_counter() - t0
assert not at.exception, [e.value for e in at.exception]
print(seconds, at.session_state["last_timing"][0])
"""


def first_page(root: str, cache: str) -> tuple[float, int]:
    env = dict(os.environ, TRANSITIESIM_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=root)], env=env,
                         capture_output=True, text=True, check=True)
    seconds, runs = out.stdout.split()[-2:]
    return float(seconds), int(runs)


def main() -> None:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as cold, tempfile.TemporaryDirectory() as warm:
        seconds, runs = first_page(root, cold)
        print(f"cold: first page {seconds:.2f} s ({runs} runs computed)")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "transitiesim.ui.warm"], check=True,
                       env=dict(os.environ, TRANSITIESIM_CACHE_DIR=warm))
        print(f"warm-up: {time.perf_counter() - t0:.2f} s (process included)")
        seconds, runs = first_page(root, warm)
        print(f"warm: first page {seconds:.2f} s ({runs} runs computed); target 2 s: "
              f"ratio {seconds / 2:.2f}")


if __name__ == "__main__":
    main()
