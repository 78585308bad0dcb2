"""Shipped reference data (every row with its source) and the StatLine reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from transitiesim import data, load_scenario, population
from transitiesim.cli import main
from transitiesim.params import (
    ASSISTANCE_NORM_COUPLE_EUR,
    ASSISTANCE_NORM_SINGLE_EUR,
    UNEMPLOYMENT_2015,
)
from transitiesim.population import ALONE_65_PLUS_2015
from transitiesim.statline import StatlineError, read_population

SAMPLE = Path(__file__).parent / "data" / "statline_03759ned_sample.csv"


@pytest.mark.parametrize("name", data.TABLES)
def test_every_shipped_data_row_has_a_source(name):
    table = data.load(name)
    assert len(table) > 0
    assert table["source"].notna().all()
    assert (table["source"].astype(str).str.strip().str.len() >= 3).all()  # e.g. "CBS"


def test_scenarios_use_the_shipped_figures():
    """The figures in scenario files and in the declaration agree with the data tables."""
    default = load_scenario("default")
    figures = data.load("figures")
    # The rate relative to 2015: 6.9% times the unemployed persons relative to 2015's count
    # (to four decimals), and CBS's own rates where no count is shipped (2022, 2023).
    rates = figures[figures.quantity == "unemployment_rate"]
    persons = figures[figures.quantity == "unemployed_persons"].set_index("year").value
    base = data.figure("unemployment_rate", 2015)
    assert base == UNEMPLOYMENT_2015
    # The social assistance norms the own contribution sees (ODD 7.4).
    assert data.figure("assistance_norm_single", 2015) == ASSISTANCE_NORM_SINGLE_EUR
    assert data.figure("assistance_norm_couple", 2015) == ASSISTANCE_NORM_COUPLE_EUR
    # Older people living alone (ODD 5): CBS's count of 2015 over the persons of 65 or over
    # at the start of 2015 (age_path's 2014 row: November 2014, age as on 31 December).
    alone = (data.figure("living_alone_65_plus_women", 2015)
             + data.figure("living_alone_65_plus_men", 2015))
    older = data.load("age_path").set_index("year").age_65_plus[2014]
    assert ALONE_65_PLUS_2015 == pytest.approx(alone / older, rel=1e-12)
    # Who works and how long (ODD 7.4): the shares are CBS's counts.
    for (lo, hi), share in zip(((15, 25), (25, 50), (50, 65)), population.EMPLOYED_2014,
                               strict=True):
        assert share == pytest.approx(data.figure(f"employed_{lo}_{hi}", 2014)
                                      / data.figure(f"population_{lo}_{hi}", 2014), rel=1e-12)
    assert population.WORK_CLASS_COUNTS_2015 == tuple(
        data.figure(q, 2015) for q in ("employed_under_20_hours", "employed_20_28_hours",
                                       "employed_28_35_hours", "employed_full_time"))
    counts = np.asarray(population.WORK_CLASS_COUNTS_2015, dtype=float)
    mean = float(counts @ np.asarray(population.WORK_CLASS_HOURS) / counts.sum())
    assert mean == pytest.approx(data.figure("mean_working_hours", 2015), abs=0.5)
    for year, count in persons.items():
        assert default.unemployment[int(year)] == pytest.approx(
            base * count / persons[2015], abs=5e-5)
    for year, rate in zip(rates.year, rates.value, strict=True):
        assert default.unemployment[int(year)] == pytest.approx(rate)
    assert set(default.unemployment) == set(persons.index) | set(rates.year)
    nl = load_scenario("netherlands")
    events = data.load("events")
    got = {(f"{e.year:04d}-{e.month:02d}", e.kind): e.values for e in nl.events}
    for row in events.itertuples():
        values = got[(row.date, row.kind)]
        value = values.get("amount_eur", values.get("amount_eur_per_month"))
        assert value == pytest.approx(row.value)
    # Asylum residence permits: CBS's yearly counts, in default's table (which every shipped
    # scenario inherits, the Netherlands too).
    permits = figures[figures.quantity == "residence_permits"].set_index("year").value
    assert len(permits) == 7
    for scenario in (default, nl):
        assert dict(scenario.residence_permits) == {int(y): v for y, v in permits.items()}
    table = data.municipalities_2015()
    assert nl["inhabitants"] == table.inhabitants.sum() == data.figure("inhabitants_1_january",
                                                                        2015)
    assert nl["municipalities"] == len(table) == data.figure("municipalities", 2015)
    # The model's Wmo holds the transferred tasks (11% cut) and household help (32% cut): its
    # money before the cut and its cut are the two weighted by the money they applied to.
    new_tasks = data.figure("grant_wmo", 2015) / (1 - data.figure("cut_wmo_share", 2015))
    household = (data.figure("cut_household_help", 2015)
                 / data.figure("cut_household_help_share", 2015))
    assert default["budget_wmo_eur_per_capita"] * data.figure("inhabitants", 2015) == \
        pytest.approx(new_tasks + household, rel=1e-3)
    cut = (data.figure("cut_wmo_share", 2015) * new_tasks
           + data.figure("cut_household_help", 2015)) / (new_tasks + household)
    assert default["cut_wmo"] == pytest.approx(cut, abs=5e-4)


def test_reference_rows_name_model_indicators_or_are_reported_as_unknown():
    from transitiesim.indicators import INDICATOR_BY_NAME

    ref = data.load("reference")
    assert set(ref.columns) >= {"indicator", "year", "value", "low", "high", "source"}
    assert ref.indicator.isin(INDICATOR_BY_NAME).all()


def test_statline_export_gives_municipalities_with_age_shares():
    munis = {m.name: m for m in read_population(SAMPLE)}
    assert set(munis) == {"Ameland", "Utrecht (gemeente)"}  # not the country, only 2015
    ameland = munis["Ameland"]
    assert ameland.inhabitants == 170 + 600 + 2100 + 730
    # Under 18: 0-5 fully and 13/15 of 5-20 (ages evenly spread within a group).
    assert ameland.share_under_18 == pytest.approx((170 + 600 * 13 / 15) / 3600, abs=1e-4)
    assert ameland.share_65_plus == pytest.approx(730 / 3600, abs=1e-4)


def test_statline_with_region_codes_keeps_only_municipalities(tmp_path):
    f = tmp_path / "codes.csv"
    f.write_text("Regio's,Totaal inwoners\nNL01  Nederland,16900726\nPV26  Utrecht (PV),1263572\n"
                 "GM0344 Utrecht,334176\nGM0060 Ameland,3600\n", encoding="utf-8")
    munis = read_population(f)
    assert [(m.name, m.inhabitants) for m in munis] == [("Utrecht", 334176), ("Ameland", 3600)]
    assert munis[0].share_under_18 is None


@pytest.mark.parametrize("content, field", [
    ("Gemeente;Iets anders\nA;1\n", "column (population)"),
    ("Gemeente;Bevolking\nA;veel\n", "row 2 (Bevolking)"),
    ("Gemeente;Leeftijd;Bevolking\nA;oud;100\n", "row 2 (Leeftijd)"),
])
def test_a_bad_export_names_the_column_or_row(tmp_path, content, field):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(StatlineError) as info:
        read_population(f)
    assert info.value.problems[0].field == field


def test_statline_command_writes_a_scenario_that_runs(tmp_path, capsys):
    out = tmp_path / "mine.toml"
    assert main(["statline", str(SAMPLE), "--out", str(out), "--name", "twee"]) == 0
    s = load_scenario(out)
    assert [m.name for m in s.municipalities] == ["Ameland", "Utrecht (gemeente)"]
    from transitiesim import run

    r = run(s.with_params(end_year=2015, scale=0.05), seed=1)
    assert set(r.indicators.municipality) == {"Ameland", "Utrecht (gemeente)"}
    pops = r.indicators.groupby("municipality").population.first()
    assert pops["Ameland"] == 3600
    assert isinstance(r.national, pd.DataFrame)


def test_an_export_in_neither_utf8_nor_windows_1252_is_refused_by_field(tmp_path):
    # 0x81 is invalid UTF-8 and undefined in Windows-1252 (found by mypy: the text stayed None).
    f = tmp_path / "bevolking.csv"
    f.write_bytes(b"Regio's;Bevolking\n\x81Amsterdam;872680\n")
    with pytest.raises(StatlineError) as info:
        read_population(f)
    assert info.value.problems[0].field == "file"
    assert "UTF-8 or Windows-1252" in info.value.problems[0].allowed
