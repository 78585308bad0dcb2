"""No new hidden constant in the behaviour code (see tests/literals.py)."""

from __future__ import annotations

import json

from tests.literals import BASELINE, current


def test_no_module_gains_a_float_literal_and_the_list_is_kept_true():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    now = current()
    gained = {m: {v: n for v, n in now[m].items() if n > baseline.get(m, {}).get(v, 0)}
              for m in now}
    gained = {m: v for m, v in gained.items() if v}
    assert not gained, (
        f"new float literals in behaviour code: {gained}; declare each in params.py (unit, "
        "range, source) and pass it to the rule as data")
    assert now == baseline, (
        "fewer literals than tests/data/literals.json lists: good; run 'python -m "
        "tests.literals' to record it")
