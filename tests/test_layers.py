"""The package's layers hold (import-linter contracts in pyproject.toml): the model core never
imports the app, the workshop, the sweeps or a web stack; wings call run(), never the reverse;
nothing inside the package imports the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "3 kept, 0 broken" in proc.stdout


def test_long_kernel_calls_name_their_arguments():
    """A kernel with many arrays of one dtype called by position would compile and run with
    two of them swapped; calls with more than five arguments therefore name them."""
    import ast

    src = Path(__file__).resolve().parents[1] / "src" / "transitiesim"
    positional = []
    for path in sorted(src.rglob("*.py")):
        if "_kernels" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in ("_kernels", "_org") and len(node.args) > 5):
                positional.append(f"{path.name}:{node.lineno} {node.func.attr}")
    assert not positional, positional
