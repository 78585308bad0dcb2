"""No dead parameters, or only the listed ones. docs/screening.md is the screening
(transitiesim.screening) of the present inputs: the digest it records is theirs, so any change
to the model's source, data, scenarios or locked dependencies asks for the screening again
(``python -m transitiesim.screening --out docs``, a few minutes on 2 cores); and the dead
parameters it found are exactly those of tests/data/dead_parameters.json. A parameter that
stops moving anything fails here; one that was given a mechanism must be taken off the list.
That the same inputs give the same numbers on the machine that runs the suite is the seeded
snapshot's check (tests/test_determinism.py)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from transitiesim import screening
from transitiesim.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "screening.md"


def test_the_screening_in_docs_is_that_of_the_present_inputs():
    digest, _ = screening.recorded(DOC.read_text(encoding="utf-8"))
    now = screening.inputs_digest()
    assert now is not None and digest == now, (
        "the model's source, data, scenarios or uv.lock changed since docs/screening.md was "
        "generated: python -m transitiesim.screening --out docs (after git add of new files)")


def test_the_dead_parameters_are_exactly_the_listed_ones():
    _, dead = screening.recorded(DOC.read_text(encoding="utf-8"))
    listed = {k for k in json.loads((ROOT / "tests" / "data" / "dead_parameters.json")
                                    .read_text(encoding="utf-8")) if not k.startswith("_")}
    assert set(dead) == listed, (
        f"newly dead: {sorted(set(dead) - listed)}; no longer dead (take them off "
        f"tests/data/dead_parameters.json): {sorted(listed - set(dead))}")


def test_the_digest_follows_every_input_of_a_run_and_nothing_else(tmp_path):
    """On a copy of the inputs: a changed kernel, data table, scenario or lock file changes
    the digest, a stray untracked file or a change to the app does not (the import-linter
    contract "layers" keeps the app out of what a run imports); a render records the
    digest and its dead parameters so that ``recorded`` reads them back."""
    for name in ("src", "scenarios"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "uv.lock", tmp_path / "uv.lock")
    base = screening.inputs_digest(tmp_path)
    assert base == screening.inputs_digest(ROOT)  # git's files there, those present here
    (tmp_path / "src" / "transitiesim" / "ui" / "page.py").write_text("changed")
    (tmp_path / "src" / "transitiesim" / "locale" / "stray.txt").write_text("changed")
    assert screening.inputs_digest(tmp_path) == base
    for changed in ("src/transitiesim/_kernels/support.py", "src/transitiesim/data/figures.csv",
                    "scenarios/calibrated.toml", "uv.lock", "src/transitiesim/params.py"):
        f = tmp_path / changed
        before = f.read_bytes()
        f.write_bytes(before + b"\n")
        assert screening.inputs_digest(tmp_path) != base, changed
        f.write_bytes(before)
    assert screening.inputs_digest(tmp_path) == base
    table = pd.DataFrame({"ratio": [0.5, 3.0], "moves": [False, True], "robust": [False, True],
                          "kind": ["national", "lever"], "values": ["a", "b"],
                          "where": ["calibrated"] * 2, "largest": ["clients_wmo"] * 2,
                          "direction": [1.0, -1.0], "moved": ["", "clients_wmo"]},
                         index=["flag_a", "lever_b"])
    text = screening.render(screening.Screening(table, pd.Series({"clients_wmo": 1.0}),
                                                "calibrated", {"scale": 0.1}))
    assert screening.recorded(text) == (screening.inputs_digest(), ["flag_a"])
    assert screening.recorded(text.replace("Dead: 1 of 2: `flag_a`", "Dead: 0 of 2."))[1] == []


def test_a_parameter_moving_only_drifting_indicators_needs_more_than_the_drift_ratio():
    """Where paired runs drift apart, a parameter that only shifts the draws scores above 1
    more often than not, so an effect there counts as robust only above DRIFT_RATIO; any
    other indicator counts from 1; a transition year's measure of a drifting indicator
    drifts too."""
    def ratios(**values):
        out = pd.Series(0.0, index=list(screening.MEASURES))
        for name, value in values.items():
            assert name.replace("__", " ") in out.index
            out[name.replace("__", " ")] = value
        return out

    edge = screening.DRIFT_RATIO
    assert not screening._robust(ratios(innovation_adoption=edge - 0.1))
    assert not screening._robust(ratios(**{"providers_active__in__2015": edge - 0.5}))
    assert not screening._robust(ratios(**{"innovation_adoption__in__2016": edge - 0.5}))
    assert screening._robust(ratios(**{"clients_jeugd__in__2016": 1.05}))
    assert screening._robust(ratios(innovation_adoption=edge + 0.1))
    assert screening._robust(ratios(clients_wmo=1.05, innovation_adoption=0.5))
    assert not screening._robust(ratios(clients_wmo=0.99))


def test_the_null_ratio_of_a_parameter_that_only_shifts_the_draws_is_known_in_closed_form():
    """At one base point the difference of two independent runs is normal with variance
    2 sigma^2, so its mean absolute value is 2 sigma / sqrt(pi); the noise estimated from
    k + 1 seeds is sigma sqrt(chi2_k / k), and E[sigma / s] = sqrt(k / 2)
    Gamma((k - 1) / 2) / Gamma(k / 2). Their product is the null's mean ratio (1.27 at
    k = 7), which the Monte Carlo behind DRIFT_RATIO must reproduce; and DRIFT_RATIO is its
    95th percentile, above the mean."""
    k = screening.NOISE_REPEATS
    expected = 2 / math.sqrt(math.pi) * math.sqrt(k / 2) * math.gamma((k - 1) / 2) \
        / math.gamma(k / 2)
    null = screening.null_ratios()
    assert null.mean() == pytest.approx(expected, rel=0.01)
    assert (null > screening.DRIFT_RATIO).mean() == pytest.approx(0.05, abs=0.002)
    assert screening.DRIFT_RATIO > expected > 1


def test_the_morris_design_starts_at_the_scenario_and_at_drawn_policies():
    """The radial design by hand. The first base point is the scenario itself; the others
    draw the municipality's levers and the Rijk's cuts on a grid of 4 levels (0, 1/3, 2/3, 1
    of the declared range) or among their choices, the rest at the scenario's values. A drawn
    number steps 2/3 of its range to the other side of the middle; any other parameter steps
    from the scenario's value to the farther end of its range at the first and third base
    points and to the nearer at the second and fourth (the farther where the value is an
    end), flips, or takes the other choices in turn. Every value is one the loader accepts,
    and the design is fixed by its seed."""
    params = screening.screened()
    scenario = load_scenario("calibrated")
    points = screening.design(params, scenario)
    assert len(points) == screening.BASE_POINTS
    assert screening.DELTA == pytest.approx(2 / 3)
    assert points[0].values == {}
    policy = {p.name for p in params if screening.is_policy(p)}
    assert {"access_strictness", "contracting", "cut_wmo", "cut_jeugd"} <= policy
    assert "job_loss_rate" not in policy and "team_delays" not in policy
    grid = np.array([0, 1 / 3, 2 / 3, 1])
    for k, point in enumerate(points):
        assert set(point.values) == (policy if k else set())
        assert set(point.steps) == {p.name for p in params}
        for p in params:
            a = point.values.get(p.name, scenario.params[p.name])
            b = point.steps[p.name]
            assert a != b, p.name
            if p.type is bool:
                assert b == (not a)
                continue
            if p.choices:
                others = [c for c in p.choices if c != a]
                if p.name in point.values:  # drawn: another choice
                    assert b in others, (p.name, k, a, b)
                else:
                    assert b == others[k % len(others)], (p.name, k, a, b)
                continue
            low, high = p.bounds()
            if p.name not in point.values:  # to an end
                farther = high if a - low <= high - a else low
                nearer = low if farther == high else high
                assert b == (nearer if k % 2 and nearer != a else farther), (p.name, k, a, b)
                continue
            u_a, u_b = (a - low) / (high - low), (b - low) / (high - low)
            assert np.abs(grid - u_a).min() <= 1e-9, (p.name, a)
            assert abs(u_b - u_a) == pytest.approx(2 / 3), (p.name, a, b)
            assert (u_a < 0.5) == (u_b > u_a), (p.name, a, b)
        stepped = scenario.with_params(**point.values)
        assert all(stepped.params[n] == v for n, v in point.values.items())
    assert len({tuple(sorted(pt.values.items())) for pt in points[1:]}) == len(points) - 1
    again = screening.design(params, scenario)
    assert [pt.values for pt in again] == [pt.values for pt in points]
    other = screening.design(params, scenario, seed=screening.DESIGN_SEED + 1)
    assert [pt.values for pt in other] != [pt.values for pt in points]
