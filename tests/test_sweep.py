"""Batch sweeps: identical results whichever executor runs them, crash-safe resume,
sensitivity indices that find what matters, and sweep files refused by field."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from transitiesim.sweeps import (
    SweepError,
    build_sweep_spec,
    load_sweep,
    read_manifest,
    sensitivity,
    sweep,
)

SMALL = {"name": "small", "scenario": "default", "base": {"scale": 0.05, "end_year": 2015},
         "design": "lhs", "samples": 4, "replications": 2, "seed": 7,
         "indicators": ["unmet_need", "clients_wmo", "bijstand_recipients"],
         "parameters": {"citizen_power": {"low": 0.2, "high": 0.8},
                        "access_strictness": {"low": 0.2, "high": 0.5}}}
pytestmark = pytest.mark.slow


def _contents(folder: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for sub in ("national", "municipalities"):
        for f in sorted((folder / sub).glob("*.parquet")):
            out[f"{sub}/{f.name}"] = pd.read_parquet(f)
    return out


def test_the_same_sweep_gives_identical_parquet_serially_in_processes_and_on_dask(tmp_path):
    spec = build_sweep_spec(SMALL)
    folders = {}
    for name, kw in (("serial", {"executor": "serial"}),
                     ("processes", {"workers": 2, "executor": "processes"}),
                     ("dask", {"workers": 2, "executor": "dask"})):
        folders[name] = tmp_path / name
        report = sweep(spec, folders[name], **kw)
        assert report.done == 8 and not report.failed
    base = _contents(folders["serial"])
    assert len(base) == 16
    for name in ("processes", "dask"):
        other = _contents(folders[name])
        assert other.keys() == base.keys()
        for key in base:
            pd.testing.assert_frame_equal(base[key], other[key])


def test_replication_seeds_are_recorded_and_shared_across_points(tmp_path):
    spec = build_sweep_spec(SMALL)
    sweep(spec, tmp_path / "s")
    runs = load_sweep(tmp_path / "s").runs
    assert len(runs) == 8
    seeds = runs.groupby("replication").seed.nunique()
    assert (seeds == 1).all()  # the same seed at every design point
    assert runs.seed.nunique() == 2
    assert sorted(runs.seed.unique()) == sorted(spec.seeds)


def test_a_sweep_killed_with_sigkill_resumes_with_every_run_exactly_once(tmp_path):
    sweep_file = tmp_path / "kill.toml"
    sweep_file.write_text(
        'name = "kill"\nscenario = "default"\nbase = { scale = 0.05, end_year = 2016 }\n'
        'design = "lhs"\nsamples = 12\nreplications = 1\nindicators = ["unmet_need"]\n'
        '[parameters.citizen_power]\nlow = 0.2\nhigh = 0.8\n')
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "transitiesim.cli", "sweep", str(sweep_file), "--out",
           str(out), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    def finished() -> set[str]:
        """Runs recorded as done: a run's files are written first and its manifest line
        last, so a kill between them leaves files of a run that is not finished (and is run
        again on resume)."""
        return {e["run_id"] for e in read_manifest(out) if e["status"] == "done"}

    deadline = time.time() + 120
    while time.time() < deadline:
        if out.exists() and len(finished()) >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the sweep and its worker processes
    proc.wait()
    finished_before = finished()
    assert 3 <= len(finished_before) < 12, "kill the sweep mid-way"
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{len(finished_before)} already done" in again.stdout
    files = sorted(p.name for p in (out / "national").glob("*.parquet"))
    assert len(files) == 12
    done = [e["run_id"] for e in read_manifest(out) if e["status"] == "done"]
    assert sorted(done) == sorted(f.removesuffix(".parquet") for f in files)
    assert len(done) == len(set(done))  # no run recorded twice
    assert not list(out.rglob(".tmp-*"))
    results = load_sweep(out)
    assert results.national.groupby("run_id").size().eq(36).all()


def test_sobol_indices_find_the_parameter_that_matters(tmp_path):
    raw = {"name": "sobol", "scenario": "default", "base": {"scale": 0.05, "end_year": 2016},
           "design": "sobol", "samples": 8, "replications": 1, "seed": 3,
           "indicators": ["bijstand_recipients"],
           "parameters": {"exit_to_work_rate": {"low": 0.01, "high": 0.05},
                          "price_sensitivity": {"low": 0.0, "high": 3.0}}}
    sweep(build_sweep_spec(raw), tmp_path / "sobol", workers=2)
    table = sensitivity(load_sweep(tmp_path / "sobol"), "bijstand_recipients", from_year=2015)
    # The own-contribution response acts on Wmo applications, not on social assistance.
    assert abs(table.loc["price_sensitivity", "ST"]) < 0.05
    assert table.loc["exit_to_work_rate", "ST"] > 0.3
    assert table.loc["exit_to_work_rate", "ST"] > 10 * abs(table.loc["price_sensitivity", "ST"])


def test_morris_ranks_the_access_threshold_above_a_weak_parameter(tmp_path):
    raw = {"name": "morris", "scenario": "default", "base": {"scale": 0.05, "end_year": 2016},
           "design": "morris", "samples": 4, "replications": 1, "seed": 5,
           "indicators": ["clients_wmo"],
           "parameters": {"access_strictness": {"low": 0.1, "high": 0.6},
                          "initiative_recruit_rate": {"low": 0.05, "high": 0.15}}}
    sweep(build_sweep_spec(raw), tmp_path / "morris")
    table = sensitivity(load_sweep(tmp_path / "morris"), "clients_wmo", from_year=2015)
    assert table.loc["access_strictness", "mu_star"] > 5 * table.loc[
        "initiative_recruit_rate", "mu_star"]


def _problems(**changes) -> list:
    raw = {**SMALL, **changes}
    with pytest.raises(SweepError) as info:
        build_sweep_spec(raw)
    return info.value.problems


@pytest.mark.parametrize("changes, field, fragment", [
    ({"parameters": {"citizen_powr": {"low": 0, "high": 1}}}, "parameters.citizen_powr",
     "did you mean 'citizen_power'"),
    ({"parameters": {"citizen_power": {"low": 0.2, "high": 1.5}}},
     "parameters.citizen_power.high", "from 0 to 1"),
    ({"parameters": {"citizen_power": {"low": 0.6, "high": 0.2}}},
     "parameters.citizen_power.high", "above low"),
    ({"parameters": {"contracting": {"low": 0, "high": 1}}}, "parameters.contracting",
     "values = [...]"),
    ({"parameters": {"end_year": {"low": 2016, "high": 2020}}}, "parameters.end_year",
     "settings such as the period"),
    ({"parameters": {}}, "parameters", "at least one"),
    ({"design": "factorial"}, "design", "grid, lhs, sobol, morris"),
    ({"design": "sobol", "samples": 10}, "samples", "a power of 2"),
    ({"replications": 0}, "replications", "from 1"),
    ({"indicators": ["unmet_needs"]}, "indicators.unmet_needs", "did you mean 'unmet_need'"),
    ({"scenario": "nowhere"}, "scenario (scenario)", "shipped scenario name"),
    ({"base": {"scale": 3}}, "base.scale", "from 0.0001 to 1"),
    ({"colour": "red"}, "colour", "a known key"),
    ({"scenario": "no-decentralisation",
      "parameters": {"learning_orientation": {"low": 0, "high": 1}}},
     "parameters.learning_orientation", "decentralisation = false"),
    ({"parameters": {"size_log_sd": {"low": 0.5, "high": 1.5}}}, "parameters.size_log_sd",
     "one municipality"),
    ({"scenario": "transition-only", "base": {"innovation_uptake": 0.0},
      "parameters": {"innovation_effect": {"low": 0, "high": 1}}},
     "parameters.innovation_effect", "no experiment ever starts"),
])
def test_bad_sweep_files_name_the_field(changes, field, fragment):
    problems = _problems(**changes)
    assert field in [p.field for p in problems]
    problem = next(p for p in problems if p.field == field)
    assert fragment in str(problem)


def test_a_folder_of_another_sweep_is_refused_before_running(tmp_path):
    sweep(build_sweep_spec(SMALL), tmp_path / "s")
    other = build_sweep_spec({**SMALL, "seed": 8})
    with pytest.raises(SweepError) as info:
        sweep(other, tmp_path / "s")
    assert info.value.problems[0].field == "--out"


def test_cli_sweep_and_analyze(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('scenario = "default"\nbase = { scale = 0.05, end_year = 2015 }\n'
                 'design = "grid"\nlevels = 3\nindicators = ["clients_wmo"]\n'
                 '[parameters.access_strictness]\nlow = 0.1\nhigh = 0.5\n')
    run = subprocess.run([sys.executable, "-m", "transitiesim.cli", "sweep", str(f), "--out",
                          str(tmp_path / "o"), "--quiet"], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "3 runs; 0 already done, 3 run now" in run.stdout
    ana = subprocess.run([sys.executable, "-m", "transitiesim.cli", "analyze",
                          str(tmp_path / "o"), "--indicator", "clients_wmo", "--from-year",
                          "2015"], capture_output=True, text=True, timeout=120)
    assert ana.returncode == 0, ana.stderr
    assert "spearman" in ana.stdout and "access_strictness" in ana.stdout
    assert (tmp_path / "o" / "analysis" / "clients_wmo_spearman.png").stat().st_size > 1000
    bad = subprocess.run([sys.executable, "-m", "transitiesim.cli", "analyze",
                          str(tmp_path / "o"), "--indicator", "unmet_need"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--indicator: got 'unmet_need'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_the_shipped_example_sweep_is_valid_and_as_large_as_its_docs_say():
    from transitiesim.sweeps import load_sweep_spec
    from transitiesim.sweeps.runner import tasks_for

    root = Path(__file__).resolve().parents[1]
    spec = load_sweep_spec(root / "sweeps" / "example.toml")
    assert len(tasks_for(spec)) == 160  # 16 x (3 + 2) x 2, as docs/research.md says
    assert "160 runs" in (root / "docs" / "research.md").read_text(encoding="utf-8")


def test_the_package_exposes_sweep_and_load_sweep(tmp_path):
    import transitiesim

    report = transitiesim.sweep(build_sweep_spec({**SMALL, "replications": 1}), tmp_path / "s",
                                workers=1)
    assert report.done == 4
    assert len(transitiesim.load_sweep(tmp_path / "s").runs) == 4
