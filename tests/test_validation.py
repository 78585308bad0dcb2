"""Validation against reference data: the table, unknown indicators, bad files."""

from __future__ import annotations

import pandas as pd
import pytest

from transitiesim import ScenarioError, load_scenario
from transitiesim.cli import main
from transitiesim.validation import read_reference, validate, write

pytestmark = pytest.mark.slow


def small_nl():
    return load_scenario("netherlands").with_params(municipalities=12, inhabitants=600_000,
                                                    municipality_data="generated",
                                                    scale=0.05, end_year=2016)


def test_validate_builds_the_table_and_flags_an_unknown_indicator(tmp_path):
    ref = pd.DataFrame({
        "indicator": ["bijstand_recipients", "clients_wmo", "happiness_index",
                      "bijstand_recipients"],
        "year": [2015, 2016, 2015, 2030],
        "value": [449000 * 600_000 / 16_968_735, 1.0, 7.5, 1.0],
        "low": [None, None, None, None], "high": [None, None, None, None],
        "source": ["CBS scaled", "made up", "made up", "made up"]})
    f = tmp_path / "ref.csv"
    ref.to_csv(f, index=False)
    v = validate(small_nl(), read_reference(f), seeds=2)
    t = v.table.set_index(["indicator", "year"])
    assert t.loc[("happiness_index", 2015), "status"] == "not produced by the model"
    assert t.loc[("bijstand_recipients", 2030), "status"].startswith("year not simulated")
    assert t.loc[("clients_wmo", 2016), "status"] == "outside"  # reference of 1 person
    row = t.loc[("bijstand_recipients", 2015)]
    assert row.model_low <= row.model_median <= row.model_high
    yearly = v.yearly[v.yearly.year == 2015].bijstand_recipients
    assert row.model_median == pytest.approx(yearly.median())
    md = write(v, tmp_path / "out").read_text()
    assert "| `happiness_index` | 2015 |" in md and "not produced by the model" in md
    assert (tmp_path / "out" / "validation" / "bijstand_recipients.png").exists()


def test_a_reference_band_counts_as_inside_when_it_overlaps(tmp_path):
    ref = pd.DataFrame({"indicator": ["population"], "year": [2015], "value": [1.0],
                        "low": [0.0], "high": [1e9], "source": ["band"]})
    f = tmp_path / "ref.csv"
    ref.to_csv(f, index=False)
    v = validate(small_nl(), read_reference(f), seeds=1)
    assert v.table.status.tolist() == ["inside"]


@pytest.mark.parametrize("content, field", [
    ("indicator,value\nx,1\n", "column year"),
    ("indicator,year,value\nclients_wmo,2015,many\n", "row 2 (value)"),
])
def test_a_bad_reference_file_names_the_column_or_row(tmp_path, content, field):
    f = tmp_path / "bad.csv"
    f.write_text(content)
    with pytest.raises(ScenarioError) as info:
        read_reference(f)
    assert info.value.problems[0].field == field


def test_validate_command_prints_the_table_and_writes_the_report(tmp_path, capsys):
    ref = tmp_path / "ref.csv"
    ref.write_text("indicator,year,value,low,high,source\nclients_wmo,2016,1000,,,x\n"
                   "nonsense,2016,1,,,y\n")
    scen = tmp_path / "s.toml"
    scen.write_text('name = "s"\nextends = "netherlands"\n[parameters]\nmunicipalities = 5\n'
                    'municipality_data = "generated"\n'
                    'inhabitants = 200000\nscale = 0.05\nend_year = 2016\n')
    code = main(["validate", "--scenario", str(scen), "--reference", str(ref), "--out",
                 str(tmp_path / "o"), "--seeds", "1"])
    assert code == 0
    out = capsys.readouterr().out
    assert "not produced by the model" in out and "clients_wmo" in out
    assert (tmp_path / "o" / "validation.md").exists()


def test_a_bad_persistence_scale_is_refused_before_any_run(tmp_path, capsys, monkeypatch):
    """--persistence is checked with the scenario, before the validation runs (which would
    otherwise be thrown away), and named in the message."""
    import transitiesim.validation as validation

    def no_run(*args, **kwargs):
        raise AssertionError("the validation ran before the flag was checked")

    monkeypatch.setattr(validation, "validate", no_run)
    code = main(["validate", "--persistence", "-1", "--out", str(tmp_path / "o"),
                 "--seeds", "1"])
    assert code != 0
    err = capsys.readouterr().err
    assert "parameters.scale" in err and "-1" in err
    assert not (tmp_path / "o").exists()
