"""Comparison of scenario runs, without any user interface: seed-paired differences, bands
across seeds, a plain-language summary, a reproduction snippet and shareable-link parameters.

The app only displays what these functions return, so everything here is tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from .. import data
from ..indicators import DERIVED, DERIVED_BY_NAME, INDICATOR_BY_NAME, better, declared, label
from ..run import SUMMARY_FROM_YEAR
from ..text import t, unit_words
from .link import MUNICIPALITY_KEY

HEADLINES = ("unmet_need", "waiting_list", "carers_overburdened", "wellbeing_p10",
             "cost_per_client_eur", "deficit_eur_total")
FROM_YEAR = SUMMARY_FROM_YEAR


def add_derived(table: pd.DataFrame) -> pd.DataFrame:
    """The declared derived indicators (total deficit, budget, spending) added as columns."""
    out = table.copy()
    for d in DERIVED:
        out[d.name] = d.compute(out)
    return out


# Scenarios and teams in charts: the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal
# Design"), whose colours stay apart for people with protanopia and deuteranopia, in an order
# that keeps the first four apart in lightness too; with a marker symbol each, so colour is
# never the only cue.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")


def series_style(i: int) -> tuple[str, str]:
    """The colour and marker symbol of the ``i``-th scenario or team in a chart."""
    return COLOURS[i % len(COLOURS)], SYMBOLS[i % len(SYMBOLS)]


# Below this many simulated persons a municipality's figures rest on a handful of persons
# (about 10 with youth care, at 1% of inhabitants), so its rank among the others is noise.
MIN_SIMULATED_PERSONS = 1000


def thin_municipalities(population: pd.Series, scale: float) -> tuple[int, int]:
    """How many municipalities (of how many) are simulated with fewer than
    ``MIN_SIMULATED_PERSONS`` persons: ``population`` is each one's inhabitants, ``scale``
    the persons simulated per inhabitant."""
    persons = population.to_numpy(dtype=float) * scale
    return int(np.count_nonzero(persons < MIN_SIMULATED_PERSONS)), int(persons.size)


ALL_MUNICIPALITIES = ""  # all municipalities together (never a name: names have 1+ characters)


def scaled(name: str) -> bool:
    """Whether indicator ``name`` is a count or an amount that per 100,000 inhabitants
    makes places of different size comparable (a share or a mean is shown as it is)."""
    return unit(name) in SCALED_UNITS


def municipalities_per_year(local: pd.DataFrame, national: pd.DataFrame, name: str,
                            chosen: list[str]) -> pd.DataFrame:
    """Indicator ``name`` per year for all municipalities together (the national table, as
    ``ALL_MUNICIPALITIES``, first) and for the ``chosen`` ones: each seed's mean of the
    monthly values, per 100,000 inhabitants where ``scaled``; then per year the median and
    the 10th and 90th percentiles over the seeds. Columns municipality, year, median, low,
    high."""
    parts = []
    for place in [ALL_MUNICIPALITIES, *chosen]:
        rows = national if place == ALL_MUNICIPALITIES else \
            local[local.municipality == place]
        per_seed = rows.groupby(["seed", "year"])[[name, "population"]].mean()
        value = per_seed[name] / per_seed["population"] * 1e5 if scaled(name) else \
            per_seed[name]
        g = value.groupby("year")
        parts.append(pd.DataFrame({"municipality": place, "median": g.median(),
                                   "low": g.quantile(0.1), "high": g.quantile(0.9)}
                                  ).reset_index())
    return pd.concat(parts, ignore_index=True)[["municipality", "year", "median", "low",
                                                "high"]]


SCALED_UNITS = ("persons", "persons per month", "EUR per month", "EUR", "client places")


def per_100k(table: pd.DataFrame) -> pd.DataFrame:
    """Counts and euros per 100,000 inhabitants, so places of different size compare."""
    out = table.copy()
    factor = 1e5 / out["population"]
    for col in out.columns:
        counted = (col in INDICATOR_BY_NAME or col in DERIVED_BY_NAME) and unit(col) in \
            SCALED_UNITS
        if col != "population" and counted:
            out[col] = out[col] * factor
    return out


def unit(name: str) -> str:
    return declared(name).unit


def unit_label(name: str, lang: str, per_100k: bool = False) -> str:
    """The unit of indicator ``name`` in plain words; ``per_100k``: the counts shown per
    100,000 inhabitants (``per_100k``), which changes only the units it scales."""
    u = unit(name)
    return unit_words(u, lang, per_100k and u in SCALED_UNITS)


def per_seed_means(national: pd.DataFrame, name: str, from_year: int = FROM_YEAR) -> pd.Series:
    """Mean of monthly values from ``from_year`` on, one value per seed."""
    rows = national[national.year >= from_year]
    return rows.groupby("seed")[name].mean()


@dataclass(frozen=True)
class Difference:
    scenario: str
    indicator: str
    value: float  # scenario's median over seeds of its per-seed mean
    diff: float  # median over seeds of (scenario - baseline), paired by seed
    low: float  # 5th percentile of the paired differences
    high: float  # 95th percentile
    seeds: int


def paired_difference(national: dict[str, pd.DataFrame], scenario: str, baseline: str,
                      name: str) -> Difference:
    """Seed-paired difference of a scenario from the baseline on one indicator.

    Both runs used the same seeds, so each seed's difference removes the noise the two share
    (common random numbers); the interval is the 5th to 95th percentile across seeds.
    """
    a = per_seed_means(national[scenario], name)
    b = per_seed_means(national[baseline], name)
    common = a.index.intersection(b.index)
    d = (a.loc[common] - b.loc[common]).to_numpy()
    return Difference(scenario, name, float(np.median(a.loc[common])), float(np.median(d)),
                      float(np.percentile(d, 5)), float(np.percentile(d, 95)), len(common))


def differences(national: dict[str, pd.DataFrame], baseline: str,
                names=HEADLINES) -> list[Difference]:
    return [paired_difference(national, s, baseline, n) for s in national for n in names]


def bands(national: pd.DataFrame, name: str) -> pd.DataFrame:
    """Per month: median and 10th-90th percentile across seeds."""
    g = national.groupby("date")[name]
    return pd.DataFrame({"median": g.median(), "low": g.quantile(0.1),
                         "high": g.quantile(0.9)}).reset_index()


def format_number(x: float, name: str, lang: str) -> str:
    u = unit(name)
    if u in ("0-1", "share of under-18s", "share of providers"):
        text = f"{x:.3f}"
    elif abs(x) >= 1e6:
        text = f"{x / 1e6:,.2f} M"
    else:
        text = f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.1f}"
    if lang == "nl":
        text = text.replace(",", "\u2009").replace(".", ",")
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # a small negative rounded to nothing: "0,0", not "-0,0"
    return text


def decimal(x: float, lang: str) -> str:
    """A plain number (``:g``) with the decimal sign of ``lang``."""
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "nl" else text


def localise_figure(fig, lang: str, dates: bool = False):
    """Numbers in a chart as ``format_number`` writes them in ``lang`` (in Dutch a decimal
    comma and a thin space between thousands), large amounts in full rather than plotly's
    "4G", and, with ``dates``, months as numbers (plotly names months in English only).
    Returns ``fig``."""
    fig.update_layout(separators=",\u2009" if lang == "nl" else ".,")
    fig.update_yaxes(exponentformat="none")
    if dates:
        fig.update_xaxes(tickformat="%Y", hoverformat="%Y-%m")
    return fig


def chart_text(national: dict[str, pd.DataFrame], name: str, titles: dict[str, str],
               lang: str, per_100k: bool = False) -> str:
    """A text alternative for the chart of ``name`` over time: what it shows, in which unit,
    and each scenario's median in the last month with its 10-90% band."""
    parts = []
    last = None
    for scen, table in national.items():
        b = bands(table, name)
        row = b.iloc[-1]
        last = row["date"]
        parts.append(t("chart_text_part", lang).format(
            scenario=titles[scen], median=format_number(row["median"], name, lang),
            low=format_number(row["low"], name, lang), high=format_number(row["high"], name,
                                                                          lang)))
    when = pd.Timestamp(last).strftime("%Y-%m") if last is not None else ""
    return t("chart_text", lang).format(label=label(name, lang),
                                        unit=unit_label(name, lang, per_100k), when=when,
                                        parts="; ".join(parts))


@cache
def municipality_outlines() -> dict[str, tuple[tuple[float | None, ...], tuple[float | None, ...]]]:
    """Each municipality of 2015 (by CBS code) as x and y outlines for a plain chart: its
    rings one after another, separated by None, longitude and latitude in degrees
    (``data.boundaries_2015``). A map drawn from these needs no map service nor tiles."""
    out = {}
    for f in data.boundaries_2015()["features"]:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for polygon in f["geometry"]["coordinates"]:
            for ring in polygon:
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
        out[f["id"]] = (tuple(xs[:-1]), tuple(ys[:-1]))
    return out


def cbs_codes(names: pd.Series) -> list[str] | None:
    """The CBS codes of municipalities named as in CBS's table of 2015, or None when any name
    is not there (generated municipalities, or an uploaded table of other places)."""
    table = data.municipalities_2015()
    code = dict(zip(table.name, table.code, strict=True))
    found = [code.get(n) for n in names]
    return None if any(c is None for c in found) else [c for c in found if c is not None]


# The map's colours: cividis, readable with every common colour-vision deficiency.
MAP_COLOURS = "Cividis"
LATITUDE_FACTOR = 1 / np.cos(np.radians(52.2))  # a degree east is shorter than one north


def map_text(names: pd.Series, values: pd.Series, name: str, lang: str, shown_as: str) -> str:
    """A text alternative for the map: what it colours, in which unit, and the three highest
    and lowest municipalities with their values."""
    order = values.sort_values(kind="stable")
    def listed(index) -> str:
        return ", ".join(f"{names[i]} {format_number(values[i], name, lang)}" for i in index)
    return t("map_text", lang).format(label=label(name, lang), unit=shown_as, n=len(values),
                                      high=listed(order.index[::-1][:3]),
                                      low=listed(order.index[:3]))


def summary_sentences(diffs: list[Difference], baseline_title: str, titles: dict[str, str],
                      lang: str) -> list[str]:
    """A few sentences generated from the numbers: per scenario, what differs clearly."""
    out = []
    for scen in dict.fromkeys(d.scenario for d in diffs):
        if titles.get(scen) == baseline_title:
            continue
        parts = []
        for d in (x for x in diffs if x.scenario == scen):
            if d.low <= 0 <= d.high or d.diff == 0:
                continue  # not clearly different across seeds
            direction = t("higher", lang) if d.diff > 0 else t("lower", lang)
            good = better(d.indicator) * np.sign(d.diff)
            verdict = {1: t("better", lang), -1: t("worse", lang)}.get(int(good), "")
            parts.append(t("summary_part", lang).format(
                label=label(d.indicator, lang).lower(), diff=format_number(abs(d.diff),
                                                                           d.indicator, lang),
                direction=direction, verdict=verdict).strip())
        if parts:
            out.append(t("summary_sentence", lang).format(
                scenario=titles[scen], baseline=baseline_title, year=FROM_YEAR,
                parts="; ".join(parts), seeds=diffs[0].seeds))
        else:
            out.append(t("summary_none", lang).format(scenario=titles[scen],
                                                      baseline=baseline_title,
                                                      seeds=diffs[0].seeds))
    return out


def python_snippet(specs: list[tuple[str, str | None, dict]], seeds: list[int],
                   scales: dict[str, float] | None = None) -> str:
    """Code that reproduces the comparison: (name, base or None, changed parameters), each
    at the scale the app ran it (``scales``: the scenario's scale times the precision)."""
    lines = ["from transitiesim import load_scenario, run_seeds", ""]
    if any(base and base.endswith(".toml") for _, base, _ in specs):
        lines.append("# Uploaded scenarios: save each with the scenario download, next to this.")
    lines += [f"seeds = {seeds}", "results = {}"]
    for name, base, changes in specs:
        # Every value is written with repr() and every key is a declared parameter name, so
        # no text from a link or an upload can become code.
        src = base or name
        if scales and name in scales:
            changes = {**{k: v for k, v in changes.items() if k != "scale"},
                       "scale": float(scales[name])}
        place = changes.get(MUNICIPALITY_KEY)
        args = ", ".join(f"{k}={v!r}" for k, v in changes.items()
                         if k.isidentifier() and k != MUNICIPALITY_KEY)
        load = f"load_scenario({src!r})" + (f".with_params({args})" if args else "") + (
            f".for_municipality({place!r})" if place else "")
        lines.append(f"results[{name!r}] = run_seeds({load}, seeds)")
    lines += ["", "for name, r in results.items():",
              '    print(name, r.yearly()[["year", "unmet_need"]].tail(3))']
    return "\n".join(lines) + "\n"
