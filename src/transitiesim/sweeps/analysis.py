"""Which inputs matter: Sobol (sobol design) or Morris (morris design) indices with SALib, and
rank correlations for grid and lhs designs. Reads a finished sweep; runs nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..extras import require
from ..indicators import INDICATOR_BY_NAME
from ..run import SUMMARY_FROM_YEAR
from ..scenario import Problem
from .spec import SweepError

if TYPE_CHECKING:
    from .runner import SweepResults


def outcomes(results: SweepResults, indicator: str,
             from_year: int = SUMMARY_FROM_YEAR) -> pd.DataFrame:
    """Per design point: parameter values and the indicator's monthly mean from ``from_year``
    (or the last simulated year, if earlier), averaged over the point's replications (which
    share seeds across points)."""
    if indicator not in results.spec.indicators:
        raise SweepError([Problem("--indicator", indicator,
                                  "an indicator the sweep kept: "
                                  + ", ".join(results.spec.indicators))], "analyze")
    nat = results.national
    # A sweep that ends before from_year is summarised over its last year.
    from_year = min(from_year, results.spec.base["end_year"])
    per_run = nat[nat.year >= from_year].groupby("run_id")[indicator].mean()
    runs = results.runs.set_index("run_id")
    per_point = per_run.groupby(runs.loc[per_run.index, "point"]).mean()
    design = results.design.set_index("point")
    return design.join(per_point.rename(indicator), how="inner").reset_index()


def sensitivity(results: SweepResults, indicator: str,
                from_year: int = SUMMARY_FROM_YEAR) -> pd.DataFrame:
    """Sensitivity of one indicator to each varied parameter, by the sweep's design."""
    spec = results.spec
    out = outcomes(results, indicator, from_year)
    n_points = len(results.design)
    if len(out) < n_points:
        raise SweepError([Problem("runs", f"{len(out)} of {n_points} design points finished",
                                  "a complete sweep (run the same command again to finish)")],
                         "analyze")
    names = [f.name for f in spec.factors]
    y = out.sort_values("point")[indicator].to_numpy(dtype=float)
    x = out.sort_values("point")[names].to_numpy(dtype=float)
    if spec.design in ("sobol", "morris"):
        require("sweep", f"{spec.design} indices")
    if spec.design == "sobol":
        from SALib.analyze import sobol

        res = sobol.analyze(spec.problem(), y, calc_second_order=False, seed=spec.seed)
        table = pd.DataFrame({"S1": res["S1"], "S1_conf": res["S1_conf"], "ST": res["ST"],
                              "ST_conf": res["ST_conf"]}, index=names)
    elif spec.design == "morris":
        from SALib.analyze import morris

        res = morris.analyze(spec.problem(), x, y, num_levels=4, seed=spec.seed)
        table = pd.DataFrame({"mu": res["mu"], "mu_star": res["mu_star"],
                              "sigma": res["sigma"], "mu_star_conf": res["mu_star_conf"]},
                             index=names)
    else:
        ranks = pd.DataFrame(x, columns=names).rank()
        yr = pd.Series(y).rank()
        table = pd.DataFrame({"spearman": [ranks[n].corr(yr) for n in names]}, index=names)
    table.index.name = "parameter"
    return table


def save_analysis(results: SweepResults, indicator: str, out: Path,
                  from_year: int = SUMMARY_FROM_YEAR) -> tuple[pd.DataFrame, Path, Path]:
    """Compute, then write ``<indicator>_<method>.csv`` and a bar chart PNG into ``out``."""
    require("report", "the sensitivity chart")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = sensitivity(results, indicator, from_year)
    method = {"sobol": "sobol", "morris": "morris"}.get(results.spec.design, "spearman")
    out.mkdir(parents=True, exist_ok=True)
    csv = out / f"{indicator}_{method}.csv"
    table.to_csv(csv)
    column = {"sobol": "ST", "morris": "mu_star", "spearman": "spearman"}[method]
    fig, ax = plt.subplots(figsize=(7, 0.5 + 0.45 * len(table)))
    ax.barh(table.index, table[column].to_numpy(dtype=float))
    label = INDICATOR_BY_NAME[indicator].label_en
    ax.set_xlabel(column)
    ax.set_title(f"{label}: {method} ({results.spec.name})")
    fig.tight_layout()
    png = out / f"{indicator}_{method}.png"
    fig.savefig(png, dpi=110)
    plt.close(fig)
    return table, csv, png


__all__ = ["outcomes", "sensitivity", "save_analysis"]
