"""Same seed, same tables; other seed, other tables; common random numbers across scenarios."""

from __future__ import annotations

import numpy as np
import pandas as pd

from transitiesim import load_scenario, replication_seeds, run

SHORT = {"end_year": 2016}


def _run(name: str, seed: int, **kw):
    return run(load_scenario(name).with_params(**{**SHORT, **kw}), seed=seed)


def test_same_scenario_and_seed_give_identical_tables():
    a, b = _run("transformation", 11), _run("transformation", 11)
    pd.testing.assert_frame_equal(a.indicators, b.indicators)
    pd.testing.assert_frame_equal(a.national, b.national)


def test_collecting_a_few_indicators_changes_none_of_their_values():
    """A sweep or the screening collects only the indicators it keeps: the reporters only
    read the model, so those columns are the same to the bit, in a municipality and in the
    Netherlands, and nothing else is in them. An
    undeclared name is refused by name."""
    few = ["clients_wmo", "spending_eur_jeugd", "wellbeing_p10", "innovation_adoption"]
    for name, scale in (("transformation", None), ("netherlands", 0.005)):
        scenario = load_scenario(name).with_params(**SHORT)
        if scale:
            scenario = scenario.with_params(scale=scale)
        a, b = run(scenario, seed=4), run(scenario, seed=4, indicators=few)
        # In the declarations' order, as a full table has them.
        assert list(b.national.columns) == ["seed", "date", "year", "month", *(
            c for c in a.national.columns if c in few)]
        assert set(b.indicators.columns) == set(a.indicators.columns) - (
            set(a.national.columns) - set(b.national.columns))
        pd.testing.assert_frame_equal(a.national[list(b.national.columns)], b.national)
        pd.testing.assert_frame_equal(a.indicators[list(b.indicators.columns)], b.indicators)
    one = run(load_scenario("transformation").with_params(**SHORT), seed=4,
              indicators="clients_wmo")  # one name as text
    assert list(one.national.columns) == ["seed", "date", "year", "month", "clients_wmo"]
    try:
        run(load_scenario("transformation").with_params(**SHORT), indicators=["clients"])
    except KeyError as err:
        assert "indicators: got ['clients']; allowed: indicators a run collects" in str(err)
    else:
        raise AssertionError("an undeclared indicator was accepted")


def test_different_seeds_give_different_tables():
    a, b = _run("transformation", 11), _run("transformation", 12)
    assert not a.national.drop(columns="seed").equals(b.national.drop(columns="seed"))
    assert (a.national.clients_wmo != b.national.clients_wmo).any()


def test_common_random_numbers_scenarios_agree_until_their_rules_differ():
    """Before the reform the counterfactual and the reform scenarios follow the same rules, so
    with the same seed every 2014 figure is identical; from 2015 they part."""
    base = _run("no-decentralisation", 5).national
    reform = _run("transition-only", 5, citizen_power=0.5, innovation_uptake=0.3,
                  initiative_support_eur_per_capita=1.0).national
    cols = [c for c in base.columns if c not in ("seed", "date", "year", "month")]
    before = base.year == 2014
    pd.testing.assert_frame_equal(base.loc[before, cols], reform.loc[before, cols])
    assert not base.loc[~before, "deficit_eur_wmo"].equals(reform.loc[~before, "deficit_eur_wmo"])


def test_replication_seeds_derive_reproducibly_from_one_root():
    assert replication_seeds(0, 3) == replication_seeds(0, 3)
    assert replication_seeds(0, 3)[:2] == replication_seeds(0, 2)
    assert len(set(replication_seeds(0, 50))) == 50
    assert replication_seeds(1, 3) != replication_seeds(0, 3)


def test_provenance_records_scenario_seed_and_versions():
    r = _run("default", 3)
    prov = r.provenance
    assert prov["seeds"] == [3]
    assert prov["scenario_name"] == "default"
    assert prov["scenario"]["parameters"]["end_year"] == 2016
    for key in ("transitiesim_version", "mesa_version", "numpy_version", "python_version"):
        assert prov[key]


def test_results_have_one_row_per_month_and_municipality():
    r = _run("netherlands", 1, municipalities=5, inhabitants=200_000, scale=0.05, end_year=2015,
             municipality_data="generated")
    assert len(r.national) == 24
    assert len(r.indicators) == 24 * 5
    assert not r.indicators.duplicated(["seed", "date", "municipality_id"]).any()
    yearly = r.yearly()
    assert list(yearly.year) == [2014, 2015]
    monthly_2014 = r.national[r.national.year == 2014]
    assert np.isclose(yearly.loc[0, "spending_eur_wmo"], monthly_2014.spending_eur_wmo.sum())
    assert np.isclose(yearly.loc[0, "clients_wmo"], monthly_2014.clients_wmo.mean())


def test_seeded_regression_snapshot():
    """A labelled regression snapshot, not a truth: the same seed must give exactly these
    yearly values until a change that is meant to alter results regenerates them
    (tests/data/make_snapshot.py). It guards speed work, which must not change results."""
    import json
    from pathlib import Path

    from tests.data.make_snapshot import make

    stored = json.loads((Path(__file__).parent / "data" / "snapshot_calibrated_seed1.json")
                        .read_text(encoding="utf-8"))
    now = make()
    assert now["years"] == stored["years"]
    for name, values in stored["values"].items():
        np.testing.assert_allclose(now["values"][name], values, rtol=1e-9, atol=1e-9,
                                   err_msg=name)
