"""Float literals in the behaviour code: every number that shapes behaviour belongs in the
declaration (params.py: unit, range, source), not in a rule. ``tests/test_literals.py`` fails
when a module gains one; the ones still there are listed in ``tests/data/literals.json`` and
are to be moved into the declaration, one by one (issue: "A model core you can extend").

    python -m tests.literals      # rewrite tests/data/literals.json after removing some
"""

from __future__ import annotations

import ast
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "transitiesim"
BASELINE = ROOT / "tests" / "data" / "literals.json"
# The modules that carry the model's rules.
BEHAVIOUR = ("model.py", "agents.py", "citizens.py", "population.py", "_org.py",
             "indicators.py", "reporters.py", "ledger.py", "reference.py", "states.py",
             *(f"_kernels/{m.name}" for m in sorted((SRC / "_kernels").glob("*.py"))))
# Numbers that are arithmetic or units, not assumptions: 0 and 1; months in a year; per cent
# (and per 100 EUR); per 100,000 inhabitants; 2^24 and 2^53 (the bits of a uniform draw); and
# tolerances far below any behavioural quantity.
ALLOWED = {0.0, 1.0, 12.0, 100.0, 100_000.0, 2.0 ** 24, 2.0 ** 53, 1e-9, 1e-12}


def float_literals(path: Path) -> Counter:
    """Float constants in a module's code (docstrings and comments are not code)."""
    found: Counter = Counter()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and type(node.value) is float \
                and node.value not in ALLOWED:
            found[repr(node.value)] += 1
    return found


def current() -> dict[str, dict[str, int]]:
    return {name: dict(sorted(float_literals(SRC / name).items())) for name in BEHAVIOUR}


if __name__ == "__main__":
    BASELINE.write_text(json.dumps(current(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}: {sum(sum(v.values()) for v in current().values())} literals")
