"""The command line: files written, progress shown, mistakes answered without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from transitiesim.cli import main


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transitiesim.cli", *args],
                          capture_output=True, text=True, timeout=300)


def test_run_with_seeds_writes_the_three_files_and_shows_progress(tmp_path):
    out = tmp_path / "res"
    proc = cli("run", "transition-only", "--seeds", "2", "--out", str(out),
               "--set", "end_year=2016")
    assert proc.returncode == 0, proc.stderr
    assert "month" in proc.stderr and "%" in proc.stderr  # the progress bar
    national = pd.read_parquet(out / "national.parquet")
    local = pd.read_parquet(out / "indicators.parquet")
    prov = json.loads((out / "provenance.json").read_text())
    assert sorted(national.seed.unique()) == sorted(prov["seeds"]) and len(prov["seeds"]) == 2
    assert len(national) == 2 * 36 and len(local) == 2 * 36
    assert prov["scenario"]["parameters"]["citizen_power"] == 0.3
    assert "unmet_need" in proc.stdout


@pytest.mark.parametrize("args, fragment", [
    (["run", "transition-only", "--scale", "2"], "parameters.scale: got 2.0"),
    (["run", "nosuch"], "scenario: got 'nosuch'"),
    (["run", "default", "--set", "citizen_powr=0.3"], "did you mean 'citizen_power'"),
    (["run", "default", "--set", "citizen_power"], "--set: got 'citizen_power'"),
    (["run", "default", "--seeds", "0"], "--seeds: got 0"),
    (["run", "default", "--seeds", "many"], "--seeds: got 'many'"),
    (["check", "does/not/exist.toml"], "file: got 'does/not/exist.toml'"),
])
def test_mistakes_get_a_message_naming_the_field_and_exit_2(args, fragment):
    proc = cli(*args)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_reports_a_bad_file_by_field(tmp_path, capsys):
    f = tmp_path / "bad.toml"
    f.write_text('extends = "default"\n[parameters]\ncut_wmo = 1.5\n')
    assert main(["check", str(f)]) == 2
    assert "parameters.cut_wmo: got 1.5" in capsys.readouterr().err
    good = tmp_path / "good.toml"
    good.write_text('name = "good"\nextends = "default"\n[parameters]\ncut_wmo = 0.2\n')
    assert main(["check", str(good)]) == 0
    assert "valid scenario 'good'" in capsys.readouterr().out


def test_scenarios_lists_one_line_each(capsys):
    assert main(["scenarios"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    names = [line.split()[0] for line in lines]
    assert {"default", "no-decentralisation", "transition-only", "citizen-power", "innovation",
            "transformation", "netherlands"} <= set(names)


def test_params_lists_every_parameter(capsys):
    from transitiesim.params import PARAMETERS

    assert main(["params"]) == 0
    out = capsys.readouterr().out
    for p in PARAMETERS:
        assert p.name in out


@pytest.mark.parametrize("command", ["run", "compare", "scenarios", "check", "params"])
def test_every_command_has_help(command):
    proc = cli(command, "--help")
    assert proc.returncode == 0 and "usage:" in proc.stdout


def test_compare_prints_seed_paired_differences(capsys):
    code = main(["compare", "transition-only", "transformation", "--set", "end_year=2017",
                 "--quiet"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Difference from transition-only, paired by seed" in out
    assert "transformation" in out


def test_a_run_that_would_not_fit_in_memory_is_refused_before_it_starts(tmp_path):
    import os

    env = {**os.environ, "TRANSITIESIM_MEMORY_AVAILABLE": str(2 * 2**30)}
    proc = subprocess.run([sys.executable, "-m", "transitiesim.cli", "run", "netherlands",
                           "--scale", "1", "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 2
    assert "parameters.scale: got 1.0; allowed: at most about 0.3" in proc.stderr
    assert "GiB" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("args, fragment", [
    (["--set", "network_first_margin=abc"], "parameters.network_first_margin: got 'abc'"),
    (["--set", "nonsense"], "--set: got 'nonsense'"),
    # A repeated flag adds to the first (it used to replace it, silently dropping a value).
    (["--set", "network_first_margin=abc", "--set", "network_severity=false"],
     "parameters.network_first_margin: got 'abc'"),
    (["--scenario", "nosuch"], "scenario: got 'nosuch'"),
])
def test_the_substitution_script_answers_mistakes_without_a_traceback(args, fragment):
    """scripts/substitution.py reads --set as the command line does (``flags.setting``) and
    the scenario's checks name the field; nothing runs."""
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "substitution.py"
    proc = subprocess.run([sys.executable, str(script), *args], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert "Traceback" not in proc.stderr
