"""The code people read and copy is linted too (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    targets = [p for p in ("src", "tests", "benchmarks", "app.py") if (ROOT / p).exists()]
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", *targets], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
