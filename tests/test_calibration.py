"""Calibration: recovering known parameter values from data the model made with them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from transitiesim import load_scenario
from transitiesim.calibration import Target, _ratio, _share, _simulate, calibrate
from transitiesim.cli import main
from transitiesim.run import replication_seeds

pytestmark = pytest.mark.slow


def test_calibration_recovers_known_parameter_values():
    """Targets made by the model itself at known values, with the seeds the fit uses: the fit
    must find those values again (within 10%), starting from the declared defaults. At scale
    0.25: at 0.1 (about 50 young people in care) the youth share moves in steps the fit
    stalls on (4 December 2026, with the starting needs replayed: onset_jeugd 0.061 for 0.05,
    the gap 12%; at 0.25 0.0513, the gap 0.2%)."""
    base = load_scenario("default").with_params(scale=0.25, end_year=2015)
    truth = {"onset_jeugd": 0.05, "job_loss_rate": 0.003}
    targets = [Target("youth", 2015, 0.0, "model", lambda y: float(
                   y[y.year == 2015].youth_care_share.mean())),
               Target("bijstand", 2015, 0.0, "model", _share("bijstand_recipients", 2015))]
    seeds = replication_seeds(11, 2)
    made = _simulate(base, truth, targets, seeds).mean(axis=0)
    targets = [Target(t.name, t.year, float(v), t.source, t.measure)
               for t, v in zip(targets, made, strict=True)]
    result = calibrate(base, tuple(truth), targets=targets, seeds=2, root_seed=11, scale=0.25,
                       max_evaluations=60)
    for name, value in truth.items():
        assert result.parameters[name] == pytest.approx(value, rel=0.10), name
        assert result.standard_errors[name] > 0
    assert np.all(np.abs(result.fit.gap) < 0.02)


def test_ratio_targets_use_yearly_flows_over_yearly_stocks():
    import pandas as pd

    yearly = pd.DataFrame({"year": [2015], "spending_eur_wmo": [1200.0], "clients_wmo": [2.0]})
    assert _ratio("spending_eur_wmo", "clients_wmo", 2015)(yearly) == 600.0


def test_calibrate_writes_a_scenario_with_provenance(tmp_path, capsys):
    out = tmp_path / "cal.toml"
    code = main(["calibrate", "default", "--out", str(out), "--params", "job_loss_rate",
                 "--seeds", "1", "--scale", "0.05", "--max-evaluations", "6"])
    assert code == 0
    text = out.read_text()
    assert text.startswith("# Calibrated by 'transitiesim calibrate'")
    s = load_scenario(out)
    assert s.lineage == ("default", "calibrated")
    assert "job_loss_rate" in s.params and s["job_loss_rate"] > 0
    side = json.loads(out.with_suffix(".json").read_text())
    assert {"parameters", "standard_errors", "fit", "seeds"} <= side.keys()
    assert "bijstand_share" in capsys.readouterr().out


def test_calibrate_refuses_unknown_or_too_many_parameters(capsys):
    assert main(["calibrate", "default", "--out", "x.toml", "--params", "onset_wmoo"]) == 2
    assert "--params: got 'onset_wmoo'" in capsys.readouterr().err


def test_the_shipped_calibration_matches_its_targets_within_its_reported_spread():
    """scenarios/calibrated.toml reproduces the fit it reports (scenarios/calibrated.json):
    run with the first 3 of the fit's 4 seeds, each target's mean lies within 3 standard
    errors (the fit's sd across seeds / sqrt 3) of the fit's mean; and the reported gaps to
    the 2014-2016 figures are all within 9%. The largest, Wmo spending per inhabitant in
    2014 (+8.6%) and the aids' share of client-services (+7.6%), are two targets the model
    cannot meet together since the start is at rest (docs/validation.md)."""
    from pathlib import Path

    from transitiesim.calibration import default_targets

    fit = {row["target"]: row for row in json.loads(
        (Path(__file__).resolve().parents[1] / "scenarios" / "calibrated.json").read_text()
    )["fit"]}
    s = load_scenario("calibrated")
    targets = default_targets()
    assert {t.name for t in targets} == set(fit)
    seeds = replication_seeds(2015, 3)
    sims = _simulate(s.with_params(scale=0.25, end_year=2016), {}, targets, seeds)
    for t, mean in zip(targets, sims.mean(axis=0), strict=True):
        row = fit[t.name]
        assert abs(mean - row["model"]) <= 3 * row["model_sd"] / np.sqrt(len(seeds)), t.name
        assert abs(row["gap"]) < 0.09, t.name
