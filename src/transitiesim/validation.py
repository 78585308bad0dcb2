"""Validation: the model's national figures against reference series, and its patterns.

``transitiesim validate`` runs a scenario (default ``netherlands``) over several seeds,
compares the yearly national indicators (flows summed, stocks averaged) with a reference file
(columns ``indicator,year,value,low,high,source``; ``low``/``high`` optional), and reports for
each row the model's median and its range across seeds and whether the two overlap. A reference
indicator the model does not produce, or a year it does not simulate, is reported as such.
With ``--patterns`` it also checks the patterns of ``transitiesim.patterns``. It writes
``validation.md`` (and plots) into the output folder; ``docs/validation.md`` is written by
running it with ``--out docs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from . import data
from .extras import require
from .indicators import INDICATOR_BY_NAME
from .run import replication_seeds, run_seeds
from .scenario import Problem, Scenario, ScenarioError

REQUIRED = ("indicator", "year", "value")


def read_reference(path: str | Path | None) -> pd.DataFrame:
    """The reference file (the shipped one if ``path`` is None), checked by column and row."""
    if path is None:
        table = data.load("reference")
        source = "shipped reference.csv"
    else:
        source = str(path)
        try:
            table = pd.read_csv(path)
        except FileNotFoundError:
            raise ScenarioError([Problem("--reference", source, "an existing CSV file")],
                                source) from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
            raise ScenarioError([Problem("--reference", source, f"a CSV file ({exc})")],
                                source) from None
        except OSError as exc:  # a folder, a file that cannot be read
            raise ScenarioError([Problem("--reference", source,
                                         f"a readable CSV file ({exc.strerror or exc})")],
                                source) from None
    problems = [Problem(f"column {c}", ", ".join(table.columns),
                        "columns indicator,year,value[,low,high,source]")
                for c in REQUIRED if c not in table.columns]
    if problems:
        raise ScenarioError(problems, source)
    for c in ("low", "high", "source"):
        if c not in table.columns:
            table[c] = np.nan if c != "source" else ""
    for i, row in table.iterrows():
        for c in ("year", "value"):
            if not np.isfinite(pd.to_numeric(row[c], errors="coerce")):
                problems.append(Problem(f"row {i + 2} ({c})", row[c], "a number"))
    if problems:
        raise ScenarioError(problems, source)
    table["year"] = table["year"].astype(int)
    return table


@dataclass
class Validation:
    table: pd.DataFrame
    yearly: pd.DataFrame  # the model's yearly national values per seed
    scenario: Scenario
    seeds: list[int]
    patterns: list[tuple[str, bool, str]]
    persistence: pd.DataFrame | None = None  # municipal_persistence, when asked for


def validate(scenario: Scenario, reference: pd.DataFrame, seeds: int = 3,
             root_seed: int = 2015, patterns: bool = False) -> Validation:
    seed_list = replication_seeds(root_seed, seeds)
    yearly = run_seeds(scenario, seed_list).yearly()
    first, last = int(yearly.year.min()), int(yearly.year.max())
    rows = []
    for ref in reference.itertuples():
        base = {"indicator": ref.indicator, "year": ref.year, "reference": ref.value,
                "low": ref.low, "high": ref.high, "source": ref.source}
        if ref.indicator not in INDICATOR_BY_NAME:
            rows.append({**base, "status": "not produced by the model"})
            continue
        if not first <= ref.year <= last:
            rows.append({**base, "status": f"year not simulated ({first}-{last})"})
            continue
        values = yearly.loc[yearly.year == ref.year, ref.indicator].to_numpy(dtype=float)
        med, lo, hi = np.median(values), np.min(values), np.max(values)
        ref_lo = ref.low if np.isfinite(ref.low) else ref.value
        ref_hi = ref.high if np.isfinite(ref.high) else ref.value
        inside = bool(lo <= ref_hi and hi >= ref_lo)
        rows.append({**base, "model_median": med, "model_low": lo, "model_high": hi,
                     "gap": (med - ref.value) / ref.value if ref.value else np.nan,
                     "status": "inside" if inside else "outside"})
    found = []
    if patterns:
        from .patterns import PATTERNS, SEEDS

        for p in PATTERNS:
            holds, detail = p.check(SEEDS)
            found.append((p.claim, holds, detail))
    return Validation(pd.DataFrame(rows), yearly, scenario, seed_list, found)


PERSISTENCE_DOMAINS = ("wmo", "jeugd", "participatie")


def municipal_persistence(scenario: Scenario, scale: float = 0.1, seeds: tuple[int, int] = (1, 2),
                          first_year: int = 2016) -> pd.DataFrame:
    """Do differences between municipalities persist? Two seeds of ``scenario`` at ``scale``:
    per domain and in total, each municipality's spending per inhabitant (mean from
    ``first_year`` on), the Spearman rank correlation between the seeds, the spread between
    municipalities (sd, EUR per inhabitant a year) and the part of it that is seed noise (sd
    of the difference between the seeds divided by the square root of 2)."""
    from scipy.stats import spearmanr

    result = run_seeds(scenario, list(seeds), scale=scale)
    yearly = result.yearly(national=False)
    yearly = yearly[yearly.year >= first_year]
    people = yearly.groupby("municipality_id").population.mean()
    tables = {d: (yearly.groupby(["seed", "municipality_id"])[f"spending_eur_{d}"].mean()
                  .unstack(0).div(people, axis=0)) for d in PERSISTENCE_DOMAINS}
    tables["total"] = sum(tables.values(), start=0 * tables[PERSISTENCE_DOMAINS[0]])
    rows = []
    for d, table in tables.items():
        a, b = table[seeds[0]], table[seeds[1]]
        rows.append({"spending": d, "rank_correlation": float(spearmanr(a, b).statistic),
                     "mean_eur": float(a.mean()), "spread_sd_eur": float(a.std()),
                     "seed_noise_sd_eur": float((a - b).std() / np.sqrt(2))})
    out = pd.DataFrame(rows)
    out.attrs.update(scale=scale, seeds=seeds, first_year=first_year,
                     municipalities=len(people))
    return out


def _fmt(x) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return ""
    return f"{x:,.4g}" if abs(x) < 1000 else f"{x:,.0f}"


def render(v: Validation, plots: dict[str, str]) -> str:
    s = v.scenario
    lines = [
        "# Validation",
        "",
        f"Generated by `transitiesim validate` on {datetime.now(UTC).date().isoformat()} "
        f"(transitiesim {version('transitiesim')}): scenario `{s.name}` at scale "
        f"{s['scale']:g}, {len(v.seeds)} seeds ({', '.join(map(str, v.seeds))}). Do not edit "
        "by hand; run the command again.",
        "",
        "Model values are national yearly values (flows summed over the year, stocks averaged "
        "over its months; see [indicators.md](indicators.md)), as the median and the range "
        "across seeds. *inside* means the model's range overlaps the reference (its value, or "
        "its low-high band when given).",
        "",
        "| indicator | year | reference | model median | model range | gap | status | source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in v.table.to_dict(orient="records"):
        rng = (f"{_fmt(r.get('model_low'))} to {_fmt(r.get('model_high'))}"
               if "model_low" in r and np.isfinite(r.get("model_low", np.nan)) else "")
        gap = f"{r['gap']:+.0%}" if np.isfinite(r.get("gap", np.nan)) else ""
        lines.append(f"| `{r['indicator']}` | {r['year']} | {_fmt(r['reference'])} | "
                     f"{_fmt(r.get('model_median'))} | {rng} | {gap} | {r['status']} | "
                     f"{r['source']} |")
    if plots:
        lines += ["", "## Series", ""]
        for name, file in plots.items():
            lines.append(f"![{name}]({file})")
    if v.patterns:
        lines += ["", "## Patterns (ODD: purpose and patterns)", "",
                  "Each is checked by `tests/test_patterns.py` too, paired by seed and required "
                  "in every seed (seeds 1, 2, 3; the calibrated municipality of 100,000).", "",
                  "| pattern | reproduced | figures |", "|---|---|---|"]
        for claim, holds, detail in v.patterns:
            lines.append(f"| {claim} | {'yes' if holds else 'NO'} | {detail} |")
    if v.persistence is not None:
        t = v.persistence
        lines += ["", "## Differences between municipalities that persist", "",
                  f"Two seeds ({', '.join(map(str, t.attrs['seeds']))}) of `{s.name}` at scale "
                  f"{t.attrs['scale']:g}, {t.attrs['municipalities']} municipalities: each "
                  "municipality's spending per inhabitant a year (mean of the years from "
                  f"{t.attrs['first_year']}), the rank correlation between the two seeds, the "
                  "spread between municipalities and the part of it that is seed noise (sd of "
                  "the difference between the seeds / sqrt 2). Issue 16 asks for a rank "
                  "correlation of at least 0.8 in total.", "",
                  "| spending | rank correlation | mean (EUR/inhabitant) | spread (sd) "
                  "| seed noise (sd) |", "|---|---|---|---|---|"]
        for r in t.to_dict(orient="records"):
            lines.append(f"| {r['spending']} | {r['rank_correlation']:.2f} | "
                         f"{r['mean_eur']:,.0f} | {r['spread_sd_eur']:,.0f} | "
                         f"{r['seed_noise_sd_eur']:,.0f} |")
    outside = v.table[v.table.status == "outside"]
    other = v.table[~v.table.status.isin(["inside", "outside"])]
    lines += ["", CHANGES.rstrip()]
    lines += ["", "## Not reproduced yet", ""]
    if outside.empty and other.empty:
        lines.append("Every reference row falls inside the model's range.")
    for r in outside.to_dict(orient="records"):
        note = NOTES.get(r["indicator"], "")
        lines.append(f"- `{r['indicator']}` {r['year']}: model {_fmt(r['model_median'])} "
                     f"against {_fmt(r['reference'])} ({r['gap']:+.0%}). {note}")
    for r in other.to_dict(orient="records"):
        lines.append(f"- `{r['indicator']}` {r['year']}: {r['status']}.")
    return "\n".join(lines) + "\n"


CHANGES = """## What changed with issue 16 ("Money that binds") and why

The calibration was run again (`transitiesim calibrate default`, 3 seeds at scale 0.25,
2 December 2026; the fit is in `scenarios/calibrated.toml`) on figures up to 2016 only:

- The Wmo spending per client target used CBS's 2017 spending (EUR 4.60 bn); it now uses the
  2015 budget, EUR 3.5 bn for the new tasks plus household help after its 32% cut (EUR 988 m),
  over the 1,053,500 clients of 2016: EUR 4,260 instead of 4,366.
- A target was added, the residential share of youth care in 2015 (40,505 of 366,000, CBS),
  and with it the parameter `residential_threshold` (0.842). The ambulant youth hours, which
  one youth target could not tell from residential care, are now identified:
  `youth_hours_at_full_need` 8.8 +- 1.5 hours a month (was 1.0 +- 2.9).

The model under it changed: the population's age shares follow CBS's path (births, deaths and
migration, aligned 2014-2018); the `netherlands` scenario is the 393 municipalities of 2015 with
their own ages, incomes and social assistance; budgets move to an objective allocation from
2016 and the benefit budget follows each municipality's expected caseload; a bankrupt
provider's clients pass to a successor; a municipality judges its budget on two years'
results and relaxes only as far as a surplus allows; waiting costs well-being as an unmet need
does; self-reliance erodes and recovers at one rate. Compared with the validation before it
(at scale 0.01), national Wmo clients in 2016 went from 1% below the reference to 2% below
(1.03 m against 1.054 m), youth care clients in 2015 from 3% to 4% below (a monthly count
against CBS's count over the year), and social assistance recipients in 2015 from inside the
range to 1% below. These rows are run at scale 0.05: at 0.01 the smallest municipalities have
fewer than ten simulated persons, and youth care clients came out 6% lower there.
"""


NOTES = {
    "informal_carers": "The model counts carers of the needs it models (Wmo and youth care); "
                       "SCP's 4 million count informal help of any kind.",
    "citizen_initiatives": "The reference counts initiatives registered in care networks; the "
                           "model forms one per neighbourhood from volunteers, which is many "
                           "more.",
    "clients_jeugd": "CBS counts everyone with youth care during the year; the model counts "
                     "clients in a month.",
    "youth_care_share": "CBS counts everyone with youth care during the year; the model counts "
                        "clients in a month.",
    "wsw_workers": "Sheltered employment is an aggregate stock that starts at the 2016 figure "
                   "and declines after the reform.",
}


def write(v: Validation, out: Path) -> Path:
    """``validation.md`` with a plot per compared indicator, in ``out``."""
    require("report", "the validation report's plots")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    figdir = out / "validation"
    figdir.mkdir(exist_ok=True)
    plots = {}
    compared = v.table[v.table.status.isin(["inside", "outside"])]
    for name in dict.fromkeys(compared.indicator):
        g = v.yearly.groupby("year")[name]
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.fill_between(g.min().index, g.min(), g.max(), alpha=0.3, label="model range")
        ax.plot(g.median().index, g.median(), label="model median")
        ref = compared[compared.indicator == name]
        ax.scatter(ref.year, ref.reference, color="black", zorder=3, label="reference")
        ax.set_title(INDICATOR_BY_NAME[name].label_en)
        ax.legend(fontsize=7)
        fig.tight_layout()
        file = figdir / f"{name}.png"
        fig.savefig(file, dpi=90)
        plt.close(fig)
        plots[name] = f"validation/{file.name}"
    path = out / "validation.md"
    path.write_text(render(v, plots), encoding="utf-8")
    return path
