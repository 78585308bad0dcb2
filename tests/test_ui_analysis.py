"""The app's comparison logic, tested without the app."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transitiesim import load_scenario
from transitiesim.ui import analysis as an
from transitiesim.ui import link
from transitiesim.ui.runner import RunCache, run_tables


def _national(values_by_seed: dict[int, list[float]], name="unmet_need") -> pd.DataFrame:
    rows = []
    for seed, values in values_by_seed.items():
        for i, v in enumerate(values):
            rows.append({"seed": seed, "date": f"2016-{i + 1:02d}", "year": 2016, name: v})
    return pd.DataFrame(rows)


def test_paired_difference_by_hand():
    base = _national({1: [10, 10], 2: [20, 20], 3: [30, 30]})
    other = _national({1: [12, 12], 2: [23, 23], 3: [31, 31]})
    d = an.paired_difference({"a": other, "b": base}, "a", "b", "unmet_need")
    assert d.diff == 2.0  # differences per seed: 2, 3, 1 -> median 2
    assert d.value == 23.0
    assert d.low == pytest.approx(np.percentile([2, 3, 1], 5))
    assert d.high == pytest.approx(np.percentile([2, 3, 1], 95))
    assert d.seeds == 3


def test_bands_are_median_and_10_90_percentiles_per_month():
    table = _national({s: [s, 2 * s] for s in range(1, 11)})
    b = an.bands(table, "unmet_need")
    assert list(b["median"]) == [5.5, 11.0]
    assert b["low"][0] == pytest.approx(np.quantile(range(1, 11), 0.1))


def test_summary_mentions_only_clear_differences_with_their_direction():
    diffs = [an.Difference("x", "unmet_need", 50, 12.0, 8.0, 15.0, 5),
             an.Difference("x", "waiting_list", 10, 1.0, -2.0, 3.0, 5),
             an.Difference("x", "wellbeing_p10", 0.6, -0.01, -0.02, -0.005, 5)]
    [sentence] = an.summary_sentences(diffs, "Base", {"x": "X"}, "en")
    assert "unmet need 12.0 higher (worse)" in sentence
    assert "lower (worse)" in sentence  # lower well-being of the worst-off is worse
    assert "waiting" not in sentence  # its interval includes zero


def test_share_query_round_trips_edits():
    state = {"scenarios": ["default", "mine"], "baseline": "default", "seeds": 4,
             "lang": "nl", "precision": 0.25,
             "edited": [("mine", "transition-only", {"citizen_power": 0.7, "contracting":
                                                     "tender"})]}
    from urllib.parse import parse_qs

    q = parse_qs(link.share_query(state))
    assert q["s"] == ["default,mine"] and q["n"] == ["4"]
    name, base, pairs = link.parse_edit(q["e0"][0])
    assert (name, base, pairs) == ("mine", "transition-only",
                                   {"citizen_power": "0.7", "contracting": "tender"})


def test_numbers_are_formatted_per_language():
    assert an.format_number(1234.5, "unmet_need", "en") == "1,234"
    assert an.format_number(1234.5, "unmet_need", "nl") == "1\u2009234"
    assert an.format_number(0.6664, "wellbeing_p10", "nl") == "0,666"
    assert an.format_number(2.5e6, "deficit_eur_total", "en") == "2.50 M"
    # a small negative rounded to nothing loses its sign; a real negative keeps it
    assert an.format_number(-0.0004, "deficit_eur_total", "nl") == "0,0"
    assert an.format_number(-0.0001, "wellbeing_p10", "en") == "0.000"
    assert an.format_number(-0.06, "deficit_eur_total", "nl") == "-0,1"
    assert an.decimal(0.25, "nl") == "0,25" and an.decimal(0.25, "en") == "0.25"


def test_charts_take_the_numbers_and_dates_of_the_language():
    import plotly.graph_objects as go

    nl = an.localise_figure(go.Figure(), "nl", dates=True)
    assert nl.layout.separators == ",\u2009" and nl.layout.xaxis.hoverformat == "%Y-%m"
    en = an.localise_figure(go.Figure(), "en")
    assert en.layout.separators == ".," and en.layout.yaxis.exponentformat == "none"


def test_the_executor_does_not_change_results():
    """A run gives the same tables in the app's worker processes as in this process."""
    text = load_scenario("transformation").with_params(scale=0.1, end_year=2016).to_toml()
    keys = [(text, 1), (text, 2), (text, 3)]
    pooled = RunCache(workers=2).get(keys)
    for key, (national, local) in zip(keys, pooled, strict=True):
        here_national, here_local = run_tables(*key)
        pd.testing.assert_frame_equal(national, here_national)
        pd.testing.assert_frame_equal(local, here_local)


def test_the_cache_runs_each_scenario_and_seed_once():
    text = load_scenario("default").with_params(scale=0.1, end_year=2015).to_toml()
    cache = RunCache(workers=1)
    cache.get([(text, 1), (text, 2)])
    cache.get([(text, 2), (text, 1), (text, 3)])
    assert cache.computed == 3


def test_per_100k_scales_counts_and_euros_but_not_shares():
    table = pd.DataFrame({"population": [200_000.0], "unmet_need": [50.0],
                          "spending_eur_wmo": [1e6], "wellbeing_p10": [0.6],
                          "deficit_eur_total": [4e5], "youth_care_share": [0.1]})
    out = an.per_100k(table)
    assert out.unmet_need[0] == 25.0 and out.spending_eur_wmo[0] == 5e5
    assert out.deficit_eur_total[0] == 2e5
    assert out.wellbeing_p10[0] == 0.6 and out.youth_care_share[0] == 0.1
    assert out.population[0] == 200_000.0


def test_every_headline_declares_which_direction_is_better():
    from transitiesim.indicators import better, declared

    for name in an.HEADLINES:
        assert better(name) in (-1, 1), name
        assert declared(name).label_en
    assert better("clients_wmo") == 0  # more clients: more help, or more need


def test_thin_municipalities_are_counted_by_their_simulated_persons():
    # 20,000 inhabitants at scale 0.01 are 200 persons, 150,000 are 1,500, 100,000 exactly
    # the minimum of 1,000 (not thin).
    population = pd.Series([20_000.0, 150_000.0, 100_000.0])
    assert an.thin_municipalities(population, 0.01) == (1, 3)
    assert an.thin_municipalities(population, 0.001) == (3, 3)
    assert an.thin_municipalities(population, 1.0) == (0, 3)


def test_every_declared_unit_has_plain_words_in_both_languages():
    """The cards and axes show units from the catalogue (context ``unit``): every unit an
    indicator is declared in has words in Dutch and English, and per 100,000 inhabitants
    changes only the counted units."""
    from tests.test_catalogue import po_entries
    from transitiesim.indicators import DERIVED, INDICATORS
    units = po_entries("unit")
    for ind in (*INDICATORS, *DERIVED):
        assert all(units[ind.unit]), ind.name
    assert an.unit_label("unmet_need", "nl") == "personen"
    assert an.unit_label("unmet_need", "en", per_100k=True) == "persons per 100,000 inhabitants"
    assert an.unit_label("cost_per_client_eur", "nl", per_100k=True) == (
        "euro per cliënt per maand")  # a cost per client is not scaled
    assert an.unit_label("wellbeing_p10", "nl") == "schaal 0-1"


# Colour vision deficiency at full severity on linear RGB (Machado, Oliveira and Fernandes
# 2009, "A physiologically-based model for simulation of color vision deficiency").
PROTANOPIA = np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                       [-0.003882, -0.048116, 1.051998]])
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])


def _linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of a linear-RGB colour, clipped to the screen's gamut."""
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ np.clip(linear, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _closest_pair(palette, vision) -> float:
    """The smallest colour difference (CIE76 delta E) between two colours of ``palette`` as
    seen with ``vision`` (a matrix on linear RGB)."""
    seen = [_lab(vision @ _linear(c)) for c in palette]
    return min(float(np.linalg.norm(a - b)) for i, a in enumerate(seen) for b in seen[i + 1:])


def test_the_chart_colours_stay_apart_for_colour_blind_readers():
    """Every pair of the charts' colours differs by a delta E of 15 or more for normal vision,
    protanopia and deuteranopia (the palette reaches 17.9, deuteranopia); the palette the app
    had before (matplotlib's blue, red, green, purple) falls to 5.7 with protanopia, its red
    and green alike, so the check can fail. Each series also has its own marker symbol."""
    old = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")
    for vision in (np.eye(3), PROTANOPIA, DEUTERANOPIA):
        assert _closest_pair(an.COLOURS, vision) >= 15
    assert _closest_pair(old, PROTANOPIA) < 10
    assert len(set(an.SYMBOLS)) == len(an.SYMBOLS) == len(an.COLOURS)
    assert an.series_style(len(an.COLOURS)) == an.series_style(0)


def test_the_chart_in_words_gives_each_scenarios_last_median_and_band():
    """The text alternative under the chart over time: in the last month (2016-02), seeds
    with 1, 2, ..., 10 times a base: a median of 5.5 times it and a band from the 10th to the
    90th percentile (1.9 and 9.1 times it, numpy's linear rule)."""
    a = _national({s: [s, 100 * s] for s in range(1, 11)})
    b = _national({s: [s, 200 * s] for s in range(1, 11)})
    text = an.chart_text({"a": a, "b": b}, "unmet_need", {"a": "Alpha", "b": "Beta"}, "en")
    assert text.startswith("In words: Unmet need per month, in persons;")
    assert "In 2016-02: Alpha 550 (band 190 to 910); Beta 1,100 (band 380 to 1,820)." in text
    dutch = an.chart_text({"a": a}, "unmet_need", {"a": "Alpha"}, "nl", per_100k=True)
    assert "in personen per 100.000 inwoners" in dutch
    assert "Alpha 550 (band 190 tot 910)" in dutch


def test_runs_kept_on_disk_serve_a_new_process_and_only_for_the_same_code(tmp_path,
                                                                         monkeypatch):
    """With a cache folder a run is computed once across app processes (a new RunCache
    reads it back, equal to the last bit); a file that cannot be read is computed again
    without an error; and a change of the code's fingerprint makes old runs unreachable."""
    from transitiesim.ui import runner
    text = load_scenario("default").with_params(scale=0.05, end_year=2015).to_toml()
    keys = [(text, 1), (text, 2)]
    first = RunCache(workers=1, disk_dir=tmp_path)
    computed = first.get(keys)
    assert (first.computed, first.loaded) == (2, 0)
    assert len(list(tmp_path.glob("*.parquet"))) == 4  # national and local per run
    second = RunCache(workers=1, disk_dir=tmp_path)
    read = second.get(keys)
    assert (second.computed, second.loaded) == (0, 2)
    for (a_nat, a_loc), (b_nat, b_loc) in zip(computed, read, strict=True):
        pd.testing.assert_frame_equal(a_nat, b_nat)
        pd.testing.assert_frame_equal(a_loc, b_loc)
    # A damaged file: that run is computed again, the other read.
    next(iter(sorted(tmp_path.glob("*.national.parquet")))).write_bytes(b"not parquet")
    third = RunCache(workers=1, disk_dir=tmp_path)
    third.get(keys)
    assert (third.computed, third.loaded) == (1, 1)
    # Other code: nothing on disk is its.
    monkeypatch.setattr(runner, "code_fingerprint", lambda: "other code")
    fourth = RunCache(workers=1, disk_dir=tmp_path)
    fourth.get(keys)
    assert (fourth.computed, fourth.loaded) == (2, 0)


def test_the_fingerprint_covers_the_models_code_and_data():
    """The fingerprint reads the model's sources and its shipped data."""
    from transitiesim.ui import runner
    seen = {p.name for p in runner._PACKAGE.rglob("*")
            if p.is_file() and p.suffix in (".py", ".csv", ".toml", ".json")}
    assert {"model.py", "citizens.py", "params.py", "municipalities_2015.csv"} <= seen
    assert len(runner.code_fingerprint()) == 64


def test_municipalities_per_year_by_hand():
    """Two municipalities (A 1,000 and B 3,000 inhabitants), one year of two months, two
    seeds: seed 1 has A at 10 and 30 unmet needs (mean 20: 2,000 per 100,000), seed 2 at 30
    and 50 (mean 40: 4,000); the national table holds A and B together (4,000 inhabitants).
    A share (wellbeing_p10) is shown as it is, not per inhabitant."""
    local = pd.DataFrame({
        "seed": [1, 1, 1, 1, 2, 2, 2, 2], "year": [2016] * 8,
        "municipality": ["A", "B"] * 4, "population": [1000.0, 3000.0] * 4,
        "unmet_need": [10.0, 60.0, 30.0, 60.0, 30.0, 0.0, 50.0, 0.0],
        "wellbeing_p10": [0.5, 0.7] * 4})
    national = pd.DataFrame({
        "seed": [1, 1, 2, 2], "year": [2016] * 4, "population": [4000.0] * 4,
        "unmet_need": [70.0, 90.0, 30.0, 50.0], "wellbeing_p10": [0.6] * 4})
    out = an.municipalities_per_year(local, national, "unmet_need", ["A"])
    assert list(out.municipality) == [an.ALL_MUNICIPALITIES, "A"]
    a = out[out.municipality == "A"].iloc[0]
    assert a["median"] == pytest.approx(3000.0)  # median of 2,000 and 4,000
    assert a["low"] == pytest.approx(2200.0) and a["high"] == pytest.approx(3800.0)
    whole = out[out.municipality == an.ALL_MUNICIPALITIES].iloc[0]
    assert whole["median"] == pytest.approx((80 + 40) / 2 / 4000 * 1e5)
    share = an.municipalities_per_year(local, national, "wellbeing_p10", ["B"])
    assert share[share.municipality == "B"]["median"].iloc[0] == pytest.approx(0.7)
    assert an.scaled("unmet_need") and not an.scaled("wellbeing_p10")


def test_the_shipped_boundaries_are_the_393_municipalities_where_they_lie():
    """``data.boundaries_2015`` decodes the shipped TopoJSON: one feature per municipality of
    CBS's table, closed rings inside the Netherlands' box, and Amsterdam (GM0363), Maastricht
    (GM0935) and Groningen (GM0014) where they are (their outline's mean within 0.1 degree
    of the city)."""
    from transitiesim import data

    features = data.boundaries_2015()["features"]
    assert sorted(f["id"] for f in features) == sorted(data.municipalities_2015().code)
    outlines = an.municipality_outlines()
    for code, (xs, ys) in outlines.items():
        points = [(x, y) for x, y in zip(xs, ys, strict=True) if x is not None]
        assert all(3.3 < x < 7.3 and 50.7 < y < 53.6 for x, y in points), code
        rings = " ".join("" if x is None else "." for x in xs).split()
        assert rings, code
    for f in features:
        for polygon in f["geometry"]["coordinates"]:
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in polygon), f["id"]
    for code, lon, lat in (("GM0363", 4.90, 52.37), ("GM0935", 5.69, 50.85),
                           ("GM0014", 6.57, 53.22)):
        xs, ys = outlines[code]
        mean_x = np.mean([x for x in xs if x is not None])
        mean_y = np.mean([y for y in ys if y is not None])
        assert abs(mean_x - lon) < 0.1 and abs(mean_y - lat) < 0.1, code


def test_cbs_codes_and_the_maps_text_alternative():
    names = pd.Series(["Amsterdam", "Emmen", "Utrecht", "Vlieland"])
    assert an.cbs_codes(names) == ["GM0363", "GM0114", "GM0344", "GM0096"]
    assert an.cbs_codes(pd.Series(["Amsterdam", "Gemeente 3"])) is None  # generated: no map
    values = pd.Series([30.0, 10.0, 40.0, 20.0])
    text = an.map_text(names, values, "unmet_need", "en", "per 100,000 inhabitants")
    assert "the 4 municipalities by Unmet need (per 100,000 inhabitants)" in text
    assert "Highest: Utrecht 40.0, Amsterdam 30.0, Vlieland 20.0." in text
    assert "Lowest: Emmen 10.0, Vlieland 20.0, Amsterdam 30.0." in text
