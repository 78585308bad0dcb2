"""The command line: ``transitiesim run | compare | scenarios | check | params``.

A user's mistake gets a short message naming the field, the value and what is allowed, and a
non-zero exit (2), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .calibration import DEFAULT_PARAMETERS
from .explain import MECHANISMS
from .extras import MissingExtra, require
from .flags import finite, integer, number, positive_int, setting
from .params import PARAMETERS
from .run import SUMMARY_FROM_YEAR, check_memory, replication_seeds, run_seeds
from .scenario import (
    YEAR_RANGE,
    Problem,
    Scenario,
    ScenarioError,
    load_scenario,
    shipped_scenarios,
)
from .sweeps.executors import CONNECT_TIMEOUT_S
from .textsafe import NAME_ALLOWED, clip, name_problem

EXIT_USAGE = 2
SUMMARY = ["unmet_need", "waiting_list", "clients_wmo", "clients_jeugd", "carers_overburdened",
           "wellbeing_p10", "providers_bankrupt", "citizen_initiatives", "cost_per_client_eur",
           "deficit_eur_wmo", "deficit_eur_jeugd"]
DEFAULT_COMPARISON = ["no-decentralisation", "transition-only", "citizen-power", "innovation",
                      "transformation"]


class UserError(Exception):
    """A mistake in what the user asked for; the message says what to change."""


MAX_SEED = 2**63 - 1  # the sweep files' limit too
MAX_SEEDS = 1000


def _year(name: str):
    return number(name, int, YEAR_RANGE[0], YEAR_RANGE[1])


def prepare_out_dir(path: str | Path, flag: str = "--out") -> Path:
    """Create the output folder now and check it can be written, so a mistake shows before the
    run, not after it (when the results would be lost)."""
    out = Path(path)
    try:
        if out.exists() and not out.is_dir():
            raise UserError(f"{flag}: got {clip(str(path), 200)}; allowed: a folder (this is a "
                            "file)")
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except UserError:
        raise
    except (OSError, ValueError) as exc:
        raise UserError(f"{flag}: got {clip(str(path), 200)}; allowed: a folder this user can "
                        f"create and write ({exc.__class__.__name__}: "
                        f"{getattr(exc, 'strerror', None) or exc})") from None
    return out


def _parse_set(items: list[str]) -> dict:
    """``name=value`` pairs (``flags.setting``); the value is read as TOML (0.3, true,
    "tender")."""
    out = {}
    for item in items or []:
        try:
            name, value = setting(item)
        except argparse.ArgumentTypeError as exc:
            raise UserError(f"--set: {exc}") from None
        out[name] = value
    return out


def _check_name(name: str, flag: str = "--name") -> None:
    if name_problem(name):
        raise UserError(f"{flag}: got {clip(name, 80)}; allowed: {NAME_ALLOWED}")


def _load(spec: str, overrides: dict, scale: float | None) -> Scenario:
    scenario = load_scenario(spec)
    changes = dict(overrides)
    if scale is not None:
        changes["scale"] = scale
    return scenario.with_params(**changes) if changes else scenario


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transitiesim",
        description="Agent-based model of the 2015 decentralisation of the Dutch social domain.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--seeds", type=positive_int("--seeds", MAX_SEEDS), default=1,
                       metavar="N", help="replications, seeds derived from --seed (default 1)")
        p.add_argument("--seed", type=integer("--seed", 0, MAX_SEED), default=0, metavar="ROOT",
                       help="root seed (default 0)")
        p.add_argument("--scale", type=finite("--scale"), default=None, metavar="F",
                       help="share of inhabitants simulated as persons (overrides the scenario)")
        p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                       help="override a parameter, e.g. --set citizen_power=0.8 (repeatable)")
        p.add_argument("--quiet", action="store_true", help="no progress bar")

    run_p = sub.add_parser("run", help="run one scenario and write its results",
                           description="Run a scenario and write indicators.parquet, "
                           "national.parquet and provenance.json to --out.")
    run_p.add_argument("scenario", help="a shipped scenario name or a path to a TOML file")
    run_p.add_argument("--out", default=None, metavar="DIR",
                       help="output folder (default results/SCENARIO)")
    common(run_p)

    cmp_p = sub.add_parser("compare", help="run several scenarios and print their differences",
                           description="Run scenarios with the same seeds and print yearly "
                           "means from the year after the reform, and each scenario's seed-paired "
                           "difference from "
                           "the first (the baseline).")
    cmp_p.add_argument("scenarios", nargs="*", default=DEFAULT_COMPARISON,
                       help="scenarios, the first is the baseline (default: the shipped ones)")
    common(cmp_p)

    sw = sub.add_parser("sweep", help="run a batch sweep (resumes where it stopped)",
                        description="Run every design point and replication of a sweep file. "
                        "Results stream to --out as runs finish; running the same command again "
                        "skips finished runs and retries failed ones.")
    sw.add_argument("file", help="the sweep file (TOML)")
    sw.add_argument("--out", required=True, metavar="DIR", help="the sweep folder")
    sw.add_argument("--workers", type=positive_int("--workers", 256),
                    default=os.cpu_count() or 1, metavar="N",
                    help="worker processes (default: one per core; 1 runs here)")
    sw.add_argument("--scheduler", default=None, metavar="ADDRESS",
                    help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    sw.add_argument("--scheduler-timeout", type=number("--scheduler-timeout", float, 0.5, 600),
                    default=CONNECT_TIMEOUT_S, metavar="SECONDS",
                    help="how long to wait for the --scheduler to answer before refusing it "
                    f"(default {CONNECT_TIMEOUT_S:g}; a busy cluster's scheduler may need more)")
    sw.add_argument("--executor", choices=("serial", "processes", "dask"), default=None,
                    help="where runs happen (default: serial for 1 worker, else processes; "
                    "dask starts a local Dask cluster of --workers workers)")
    sw.add_argument("--retries", type=integer("--retries", 0, 10), default=1, metavar="N",
                    help="times to retry a failed run (default 1)")
    sw.add_argument("--verify-checksums", action="store_true",
                    help="on resume, check every finished run's files against their SHA-256 "
                    "(reads every byte; without it sizes, footers and rows are checked)")
    sw.add_argument("--quiet", action="store_true", help="no progress bar")

    an = sub.add_parser("analyze", help="sensitivity of an indicator in a finished sweep",
                        description="Sobol indices (sobol design), Morris indices (morris) or "
                        "rank correlations (grid, lhs) of the indicator's monthly mean from "
                        "--from-year; prints the table and saves it with a plot.")
    an.add_argument("folder", help="the sweep folder")
    an.add_argument("--indicator", required=True, help="an indicator the sweep kept")
    an.add_argument("--from-year", type=_year("--from-year"), default=SUMMARY_FROM_YEAR,
                    metavar="YEAR")
    an.add_argument("--out", default=None, metavar="DIR",
                    help="where to save (default FOLDER/analysis)")

    cal = sub.add_parser("calibrate", help="fit behavioural parameters to the 2015 levels",
                         description="Least squares fit of behavioural parameters without a "
                         "direct source to the 2015-2016 levels in the shipped figures; writes "
                         "a scenario that extends SCENARIO with the fitted values (and a .json "
                         "with the fit and its uncertainty).")
    cal.add_argument("scenario", help="the scenario to calibrate (shipped name or path)")
    cal.add_argument("--out", required=True, metavar="FILE", help="the scenario file to write")
    cal.add_argument("--name", default="calibrated", help="name of the written scenario")
    cal.add_argument("--params", default=None, metavar="A,B",
                     help="parameters to fit (default: " + ", ".join(DEFAULT_PARAMETERS) + ")")
    cal.add_argument("--seeds", type=positive_int("--seeds", MAX_SEEDS), default=4, metavar="N")
    cal.add_argument("--scale", type=finite("--scale"), default=0.25, metavar="F")
    cal.add_argument("--max-evaluations", type=positive_int("--max-evaluations", 100_000),
                     default=120)

    val = sub.add_parser("validate", help="compare the national figures with reference data",
                         description="Run a scenario over several seeds and compare its yearly "
                         "national indicators with a reference file (indicator,year,value[,low,"
                         "high,source]); print a table and write validation.md with plots.")
    val.add_argument("--scenario", default="netherlands")
    val.add_argument("--reference", default=None, metavar="FILE",
                     help="reference CSV (default: the shipped 2014-2017 figures)")
    val.add_argument("--out", default="results/validation", metavar="DIR")
    val.add_argument("--seeds", type=positive_int("--seeds", MAX_SEEDS), default=3, metavar="N")
    val.add_argument("--scale", type=finite("--scale"), default=None, metavar="F")
    val.add_argument("--patterns", action="store_true",
                     help="also check the model's patterns (about a minute)")
    val.add_argument("--persistence", type=finite("--persistence"), default=None,
                     metavar="SCALE", help="also measure whether differences between "
                     "municipalities persist between two seeds, at this scale (0.1: a minute)")

    exp = sub.add_parser("explain", help="why did an indicator change? (Shapley over mechanisms)",
                         description="Decompose the change of a yearly national indicator "
                         "between two years over the model's mechanisms: every subset of them "
                         "switched on, with the same seeds (common random numbers); prints "
                         "each mechanism's Shapley value, its effect alone and switched off "
                         "last, the rest of the model and the interaction, and writes "
                         "explain.csv (and explain.png with matplotlib) to --out.")
    exp.add_argument("scenario", help="a shipped scenario name or a path to a TOML file")
    exp.add_argument("--indicator", required=True, metavar="A[,B]",
                     help="one or more indicators, comma-separated, sharing the runs (see "
                     "docs/indicators.md)")
    exp.add_argument("--from", dest="year_from", type=_year("--from"), required=True,
                     metavar="YEAR")
    exp.add_argument("--to", dest="year_to", type=_year("--to"), required=True, metavar="YEAR")
    exp.add_argument("--mechanisms", default=None, metavar="A,B",
                     help="mechanisms to switch (default: those the evaluations name for the "
                     "first indicator's domain, youth care, Wmo or social assistance; all: "
                     + ", ".join(MECHANISMS) + ")")
    exp.add_argument("--seeds", type=positive_int("--seeds", MAX_SEEDS), default=3,
                     metavar="N", help="replications, seeds derived from --seed (default 3)")
    exp.add_argument("--seed", type=integer("--seed", 0, MAX_SEED), default=0, metavar="ROOT")
    exp.add_argument("--scale", type=finite("--scale"), default=None, metavar="F")
    exp.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                     help="override a parameter first (repeatable)")
    exp.add_argument("--workers", type=positive_int("--workers", 256),
                     default=os.cpu_count() or 1, metavar="N",
                     help="worker processes (default: one per core)")
    exp.add_argument("--out", default=None, metavar="DIR",
                     help="output folder (default results/explain-SCENARIO-INDICATOR)")
    exp.add_argument("--quiet", action="store_true", help="no progress")

    stl = sub.add_parser("statline", help="make a scenario from a CBS StatLine export",
                         description="Read a StatLine CSV export of population per municipality "
                         "(and age group) and write a scenario with those municipalities.")
    stl.add_argument("file", help="the CSV export (e.g. table 03759ned or 83765NED)")
    stl.add_argument("--extends", default="netherlands",
                     help="base scenario (default netherlands)")
    stl.add_argument("--name", default="my-municipalities", help="name of the new scenario")
    stl.add_argument("--out", required=True, metavar="FILE", help="the scenario file to write")

    sub.add_parser("scenarios", help="list the shipped scenarios",
                   description="List the shipped scenarios, one line each.")
    chk = sub.add_parser("check", help="validate a scenario file",
                         description="Validate a scenario file and report every problem.")
    chk.add_argument("file")
    par = sub.add_parser("params", help="list every parameter with unit, range and default",
                         description="List the parameter declaration.")
    par.add_argument("--lang", choices=("nl", "en"), default="en")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ScenarioError, UserError, MissingExtra) as exc:
        print(f"transitiesim {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a file or folder the user named: unreadable, full disk, ...
        where = getattr(exc, "filename", None)
        print(f"transitiesim {args.command}: {clip(str(where), 200) if where else 'a file'}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("interrupted", file=sys.stderr)
        return 130


def _progress(total: int, quiet: bool, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="month", disable=quiet, file=sys.stderr,
                leave=False)


def _months(s: Scenario) -> int:
    return 12 * (s["end_year"] - s["start_year"] + 1)


def cmd_run(args) -> int:

    scenario = _load(args.scenario, _parse_set(args.set), args.scale)
    check_memory(scenario)
    seeds = replication_seeds(args.seed, args.seeds)
    # The scenario's name is a plain word (the loader refuses paths), so the default stays
    # inside results/.
    out = prepare_out_dir(args.out or Path("results") / scenario.name)
    with _progress(_months(scenario) * len(seeds), args.quiet, scenario.name) as bar:
        result = run_seeds(scenario, seeds, progress=bar.update)
    result.save(out)
    print(_summary(result.yearly()).to_string())
    print(f"\nwrote {out}/indicators.parquet, national.parquet, provenance.json "
          f"({len(seeds)} seed{'s' if len(seeds) > 1 else ''})")
    return 0


def _summary(yearly):
    table = yearly.groupby("year")[SUMMARY].median()
    return table.round(3)


def cmd_compare(args) -> int:
    import pandas as pd


    overrides = _parse_set(args.set)
    scenarios = [_load(s, overrides, args.scale) for s in args.scenarios]
    for s in scenarios:
        if s["end_year"] < SUMMARY_FROM_YEAR:
            raise ScenarioError([Problem("parameters.end_year", s["end_year"],
                                         f"{SUMMARY_FROM_YEAR} or later: compare summarises "
                                         f"the years from {SUMMARY_FROM_YEAR} on")], s.name)
        check_memory(s)
    seeds = replication_seeds(args.seed, args.seeds)
    total = sum(_months(s) for s in scenarios) * len(seeds)
    yearly = {}
    with _progress(total, args.quiet, "compare") as bar:
        for s in scenarios:
            yearly[s.name] = run_seeds(s, seeds, progress=bar.update).yearly()
    start = SUMMARY_FROM_YEAR
    means = pd.DataFrame({name: y[y.year >= start].groupby("seed")[SUMMARY].mean().mean()
                          for name, y in yearly.items()}).T
    pd.set_option("display.width", 200)
    print(f"Yearly means from {start} on, median of {len(seeds)} seed(s):")
    print(means.round(2).to_string())
    base_name = scenarios[0].name
    base = yearly[base_name][yearly[base_name].year >= start].groupby("seed")[SUMMARY].mean()
    rows = {}
    for name, y in list(yearly.items())[1:]:
        diff = y[y.year >= start].groupby("seed")[SUMMARY].mean() - base
        rows[name] = diff.median()
    if rows:
        print(f"\nDifference from {base_name}, paired by seed (same random draws where the "
              "rules agree):")
        print(pd.DataFrame(rows).T.round(2).to_string())
    return 0


def cmd_scenarios(args) -> int:
    for name, path in shipped_scenarios().items():
        s = load_scenario(path)
        print(f"{name:22s} {s.title_en}: {s.description_en}")
    return 0


def cmd_check(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"file: got {args.file!r}; allowed: a path to an existing TOML file")
    s = load_scenario(path)
    changed = {k: v for k, v in s.params.items()
               if v != next(p.default for p in PARAMETERS if p.name == k)}
    print(f"{path}: valid scenario '{s.name}' (from {' -> '.join(s.lineage)}); "
          f"{len(changed)} parameter(s) differ from the defaults, {len(s.events)} event(s)")
    return 0


def cmd_params(args) -> int:
    for p in PARAMETERS:
        help_text = p.help_nl if args.lang == "nl" else p.help_en
        print(f"{p.name:36s} {p.kind:11s} default {p.default!s:12s} {p.allowed()}")
        print(f"{'':36s} {help_text} [source: {p.source}]")
    return 0


def cmd_sweep(args) -> int:
    from tqdm import tqdm

    from .sweeps import load_sweep_spec, sweep

    spec = load_sweep_spec(args.file)
    bar = tqdm(total=0, desc=spec.name, unit="run", disable=args.quiet, file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = sweep(spec, args.out, workers=args.workers, scheduler=args.scheduler,
                       scheduler_timeout_s=args.scheduler_timeout, executor=args.executor,
                       retries=args.retries, progress=progress,
                       verify_checksums=args.verify_checksums)
    finally:
        bar.close()
    print(f"{report.out}: {report.total} runs; {report.skipped} already done, {report.done} "
          f"run now in {report.seconds:.1f} s, {len(report.failed)} failed")
    for run_id, problem in report.repaired:
        print(f"  run again: {run_id} ({problem})")
    for run_id, error in report.failed[:3]:
        print(f"  failed {run_id}: {error.strip().splitlines()[-1]}")
    return 1 if report.failed else 0


def cmd_analyze(args) -> int:
    from .sweeps import load_sweep, save_analysis

    require("report", "the sensitivity chart")
    results = load_sweep(args.folder)
    out = Path(args.out) if args.out else Path(args.folder) / "analysis"
    table, csv, png = save_analysis(results, args.indicator, out, args.from_year)
    print(f"{args.indicator}, monthly mean from {args.from_year}, design {results.spec.design}, "
          f"{len(results.runs)} runs:")
    print(table.round(3).to_string())
    print(f"\nwrote {csv} and {png}")
    return 0


def cmd_calibrate(args) -> int:
    from .calibration import DEFAULT_PARAMETERS, calibrate, write

    _check_name(args.name)
    prepare_out_dir(Path(args.out).parent or Path("."), "--out (its folder)")
    scenario = load_scenario(args.scenario)
    params = tuple(p.strip() for p in args.params.split(",")) if args.params else \
        DEFAULT_PARAMETERS
    done: list[Any] = []
    result = calibrate(scenario, params, seeds=args.seeds, scale=args.scale,
                       max_evaluations=args.max_evaluations, progress=done.append)
    extends = args.scenario if Path(args.scenario).suffix != ".toml" else \
        str(Path(args.scenario).resolve())
    out, sidecar = write(result, Path(args.out), extends, args.name)
    print(f"{result.evaluations} evaluations in {result.seconds:.0f} s "
          f"({len(result.seeds)} seeds, scale {result.scenario['scale']:g})")
    print(result.fit.drop(columns="source").round(4).to_string(index=False))
    for k, v in result.parameters.items():
        print(f"{k} = {v:.4g} +- {result.standard_errors[k]:.2g}")
    print(f"wrote {out} and {sidecar}")
    return 0


def cmd_validate(args) -> int:
    from .validation import read_reference, validate, write

    require("report", "the validation report's plots")  # before the runs, not after them
    reference = read_reference(args.reference)
    scenario = _load(args.scenario, {}, args.scale)
    if args.persistence is not None:  # a bad scale is refused before any run, not after
        scenario.with_params(scale=args.persistence)
    out = prepare_out_dir(args.out)
    result = validate(scenario, reference, seeds=args.seeds, patterns=args.patterns)
    if args.persistence is not None:
        from .validation import municipal_persistence

        result.persistence = municipal_persistence(scenario, scale=args.persistence)
        print(result.persistence.to_string(index=False, float_format=lambda x: f"{x:,.3g}"))
    cols = ["indicator", "year", "reference", "model_median", "model_low", "model_high",
            "status"]
    table = result.table.reindex(columns=cols)
    print(table.to_string(index=False, float_format=lambda x: f"{x:,.4g}"))
    for claim, holds, detail in result.patterns:
        print(f"pattern {'reproduced' if holds else 'NOT reproduced'}: {claim} ({detail})")
    from .validation import OUTLOOK_LABELS, outlook

    table = outlook(result.yearly)
    if not table.empty:
        print("\nNational yearly values (median of the seeds; EUR in millions a year):")
        shown = table.copy()
        for c in shown.columns:
            if "_eur" in c:
                shown[c] = shown[c] / 1e6
        print(shown.rename(columns=OUTLOOK_LABELS).round(0).to_string())
    path = write(result, out)
    print(f"wrote {path}")
    return 0


def cmd_explain(args) -> int:
    from .explain import check_request, explain, suggested_mechanisms, write

    scenario = _load(args.scenario, _parse_set(args.set), args.scale)
    indicators = tuple(i.strip() for i in args.indicator.split(","))
    mechanisms = (tuple(m.strip() for m in args.mechanisms.split(","))
                  if args.mechanisms else suggested_mechanisms(indicators[0]))
    check_request(scenario, indicators, args.year_from, args.year_to, mechanisms)
    out = prepare_out_dir(args.out or Path("results") / f"explain-{scenario.name}-"
                          f"{indicators[0]}")
    seeds = replication_seeds(args.seed, args.seeds)

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"  {done}/{total} subsets run", file=sys.stderr, flush=True)

    result = explain(scenario, indicators, args.year_from, args.year_to, mechanisms,
                     seeds, workers=args.workers, progress=progress)
    print(f"{scenario.name}: {', '.join(indicators)}, {args.year_from} to {args.year_to}, "
          f"{2 ** len(mechanisms)} subsets x {len(seeds)} seeds (scale {scenario['scale']:g})")
    print("shapley: the mechanism's part of the change (mean over seeds; sd across seeds); "
          "alone: switched on with every other listed one off; last: switched off with all "
          "others on; rest: the change with every listed mechanism off (the rest of the "
          "model, demography included unless listed); interaction (in 'alone'): what no "
          "mechanism does alone.")
    for name in indicators:
        print(f"\n{name}:")
        print(result.tables[name].to_string(float_format=lambda x: f"{x:,.4g}"))
        print(result.summary(name))
    csv, png = write(result, out)
    print(f"wrote {csv}" + (f" and {png}" if png else " (install transitiesim[report] for "
                                                   "the chart)"))
    return 0


def cmd_statline(args) -> int:
    import tomli_w

    from .statline import read_population, scenario_raw

    _check_name(args.name)
    municipalities = read_population(args.file)
    base = load_scenario(args.extends)
    text = tomli_w.dumps(scenario_raw(municipalities, args.name, args.extends))
    out = Path(args.out)
    out.write_text(f"# Made by 'transitiesim statline' from {Path(args.file).name}\n{text}",
                   encoding="utf-8")
    scenario = load_scenario(out)  # check what we wrote, with the base's other parameters
    print(f"wrote {out}: {len(municipalities)} municipalities, "
          f"{sum(m.inhabitants for m in municipalities):,} inhabitants, extends {base.name}; "
          f"at scale {scenario['scale']:g} that is about "
          f"{sum(m.inhabitants for m in municipalities) * scenario['scale']:,.0f} persons")
    return 0


COMMANDS = {"run": cmd_run, "compare": cmd_compare, "scenarios": cmd_scenarios,
            "check": cmd_check, "params": cmd_params, "sweep": cmd_sweep,
            "analyze": cmd_analyze, "statline": cmd_statline, "calibrate": cmd_calibrate,
            "validate": cmd_validate, "explain": cmd_explain}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
