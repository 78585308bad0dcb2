"""``transitiesim explain``: a Shapley decomposition of an indicator's change over mechanisms
switched off and on with common random numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transitiesim import load_scenario
from transitiesim.cli import main
from transitiesim.explain import ExplainError, explain, shapley, subset_scenario
from transitiesim.params import UNEMPLOYMENT_2015


def small():
    return load_scenario("calibrated").with_params(scale=0.05, end_year=2019)


def test_shapley_values_of_a_game_worked_out_by_hand():
    # v(a) = 1, v(b) = 2, v(ab) = 5: a adds 1 first or 3 second, so 2 on average; b adds 2 or
    # 4, so 3; together 5 (efficiency).
    empty, a, b = frozenset(), frozenset("a"), frozenset("b")
    phi = shapley({empty: 0.0, a: 1.0, b: 2.0, a | b: 5.0}, ["a", "b"])
    assert phi == {"a": 2.0, "b": 3.0}
    # Three symmetric players with a pure three-way interaction share it equally.
    players = ["x", "y", "z"]
    game = {frozenset(s): 0.0 for s in ([], ["x"], ["y"], ["z"], ["x", "y"], ["x", "z"],
                                        ["y", "z"])}
    game[frozenset(players)] = 3.0
    assert shapley(game, players) == pytest.approx({"x": 1.0, "y": 1.0, "z": 1.0})


@pytest.fixture(scope="module")
def result():
    return explain(small(), "clients_jeugd", 2015, 2019,
                   mechanisms=("referral_routes", "outreach", "extra_money"), seeds=(1, 2))


def test_the_parts_add_up_to_the_change_of_the_full_scenario(result):
    t = result.table
    parts = t.loc[["referral_routes", "outreach", "extra_money", "rest"], "shapley"].sum()
    assert parts == pytest.approx(t.loc["total", "shapley"], rel=1e-12, abs=1e-9)
    # The full scenario's own change, run directly, is the total.
    full = result.values[result.values.n_on == 3]
    assert t.loc["total", "shapley"] == pytest.approx(full.change.mean())
    # Alone plus the interaction is the total too.
    alone = t.loc[["referral_routes", "outreach", "extra_money", "rest"], "alone"].sum()
    assert alone + t.loc["interaction", "alone"] == pytest.approx(t.loc["total", "shapley"])


def test_a_mechanism_that_cannot_act_in_the_window_gets_exactly_nothing(result):
    # The calibrated municipality has no extra_budget events: switching them off changes no
    # draw and no number.
    row = result.table.loc["extra_money"]
    assert row.shapley == row.alone == row.last == 0.0
    # Legal referrers keep youth care open after the reform: a positive part.
    assert result.table.loc["referral_routes", "shapley"] > 0


def test_switching_off_changes_only_what_the_mechanism_names():
    s = load_scenario("netherlands")
    mechanisms = ("labour_market", "extra_money", "referral_routes")
    off = subset_scenario(s, [], mechanisms)
    assert set(off.unemployment.values()) == {UNEMPLOYMENT_2015}
    assert not [e for e in off.events if e.kind == "extra_budget"]
    assert [e for e in off.events if e.kind == "own_contribution"]
    assert off["referral_routes"] is False
    same = {k: v for k, v in off.params.items() if k != "referral_routes"}
    assert same == {k: v for k, v in s.params.items() if k != "referral_routes"}
    on = subset_scenario(s, mechanisms, mechanisms)
    assert on.params == s.params and on.unemployment == s.unemployment


@pytest.mark.parametrize("kwargs, field", [
    ({"indicator": "clients_jeugdd"}, "--indicator"),
    ({"year_from": 2019, "year_to": 2015}, "--to"),
    ({"year_to": 2040}, "--to"),
    ({"mechanisms": ("outreach", "nonsense")}, "--mechanisms"),
    ({"mechanisms": ("outreach", "outreach")}, "--mechanisms"),
    ({"mechanisms": ()}, "--mechanisms"),
])
def test_a_bad_request_is_refused_before_any_run_naming_the_field(kwargs, field):
    args = {"indicator": "clients_jeugd", "year_from": 2015, "year_to": 2019,
            "mechanisms": ("outreach",)} | kwargs
    with pytest.raises(ExplainError) as err:
        explain(small(), args["indicator"], args["year_from"], args["year_to"],
                args["mechanisms"])
    assert field in err.value.fields


def test_the_command_prints_the_table_and_writes_it(tmp_path, capsys):
    code = main(["explain", "calibrated", "--indicator", "clients_wmo", "--from", "2015",
                 "--to", "2017", "--mechanisms", "outreach", "--scale", "0.02", "--seeds", "2",
                 "--workers", "1", "--out", str(tmp_path), "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and "outreach" in out and "total" in out
    table = pd.read_csv(tmp_path / "explain.csv", index_col="part")
    assert list(table.index) == ["outreach", "rest", "interaction", "total"]
    assert np.isclose(table.loc["outreach", "shapley"] + table.loc["rest", "shapley"],
                      table.loc["total", "shapley"])
    code = main(["explain", "calibrated", "--indicator", "nope", "--from", "2015", "--to",
                 "2017", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "--indicator: got 'nope'" in err and "Traceback" not in err


def test_processes_give_the_same_table_as_one_process():
    args = (small().with_params(end_year=2016), "spending_eur_jeugd", 2015, 2016,
            ("referral_routes",), (3,))
    serial = explain(*args, workers=1)
    parallel = explain(*args, workers=2)
    pd.testing.assert_frame_equal(serial.table, parallel.table)


def test_several_indicators_share_the_runs_and_each_gets_its_own_table(tmp_path, capsys):
    args = (small().with_params(end_year=2016), 2015, 2016, ("outreach",), (2,))
    both = explain(args[0], ("clients_wmo", "spending_eur_wmo"), *args[1:])
    alone = explain(args[0], "spending_eur_wmo", *args[1:])
    pd.testing.assert_frame_equal(both.tables["spending_eur_wmo"], alone.table)
    assert list(both.tables) == ["clients_wmo", "spending_eur_wmo"]
    code = main(["explain", "calibrated", "--indicator", "clients_wmo,spending_eur_wmo",
                 "--from", "2015", "--to", "2016", "--mechanisms", "outreach", "--scale",
                 "0.02", "--seeds", "1", "--workers", "1", "--out", str(tmp_path), "--quiet"])
    assert code == 0
    assert (tmp_path / "explain_clients_wmo.csv").exists()
    assert (tmp_path / "explain_spending_eur_wmo.csv").exists()
    assert "spending_eur_wmo:" in capsys.readouterr().out


def test_the_municipal_threshold_switched_off_is_the_old_systems():
    """Off, the municipality starts the reform at the old system's threshold; nothing else
    in the scenario moves."""
    s = load_scenario("calibrated")
    off = subset_scenario(s, [], ("municipal_threshold",))
    assert off["access_strictness"] == s["access_strictness_before"] != s["access_strictness"]
    changed = {k for k in s.params if off.params[k] != s.params[k]}
    assert changed == {"access_strictness"}


def test_each_indicator_gets_its_domains_mechanisms_by_default():
    """Youth care, Wmo and social assistance indicators get the mechanisms the evaluations
    name for their domain (at most what one explanation takes, each one `explain` knows);
    an indicator of no single domain gets the general default; a shorter list is the first
    of the domain's."""
    from transitiesim.explain import (
        DEFAULT_MECHANISMS,
        DOMAIN_MECHANISMS,
        MAX_MECHANISMS,
        MECHANISMS,
        suggested_mechanisms,
    )

    for names in (*DOMAIN_MECHANISMS.values(), DEFAULT_MECHANISMS):
        assert len(names) <= MAX_MECHANISMS and set(names) <= set(MECHANISMS)
    for indicator in ("clients_jeugd", "spending_eur_jeugd", "youth_care_users",
                      "clients_jeugd_residential"):
        assert suggested_mechanisms(indicator) == DOMAIN_MECHANISMS["jeugd"]
    for indicator in ("clients_wmo", "spending_eur_household_help", "deficit_eur_wmo"):
        assert suggested_mechanisms(indicator) == DOMAIN_MECHANISMS["wmo"]
    for indicator in ("bijstand_recipients", "exits_to_work", "spending_eur_participatie"):
        assert suggested_mechanisms(indicator) == DOMAIN_MECHANISMS["participatie"]
    assert suggested_mechanisms("unmet_need") == DEFAULT_MECHANISMS
    assert suggested_mechanisms("clients_jeugd", 5) == DOMAIN_MECHANISMS["jeugd"][:5]
