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


def test_the_page_and_the_package_load_without_the_model():
    """The app's first page reads its results from the disk cache: importing it (and the
    package, the indicators' declarations, the results API and the workshop's routing) loads
    neither Mesa nor numba nor the model, which cost about 0.5 s of every fresh page
    (docs/performance.md). The model itself still comes with ``transitiesim.TransitionModel``."""
    code = ("import sys, transitiesim, transitiesim.ui.page, transitiesim.indicators; "
            "print(sorted(m for m in ('mesa', 'numba', 'transitiesim.model', "
            "'transitiesim.reporters') if m in sys.modules)); "
            "transitiesim.TransitionModel; from transitiesim import run; "
            "print(callable(run), 'mesa' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split("\n")[:2] == ["[]", "True True"], proc.stdout


def test_every_declared_indicator_has_a_reporter_in_declaration_order():
    from transitiesim.indicators import INDICATORS
    from transitiesim.reporters import REPORTERS

    assert list(REPORTERS) == [i.name for i in INDICATORS]
    assert all(i.fn is REPORTERS[i.name] for i in INDICATORS)
