"""Calibration of behavioural parameters that have no direct source, to the 2015 levels.

Method: weighted least squares (``scipy.optimize.least_squares``, trust region reflective,
bounds from the parameter declaration). The residual of a target is the relative gap between
the model's level (the mean over a fixed set of seeds: common random numbers make the
objective a deterministic function of the parameters) and the reference figure. Finite
differences use 5% steps, because at small steps a simulation responds in jumps. Uncertainty:
the seeds' spread of each simulated level gives its standard error, and the Jacobian turns
those into approximate standard errors of the parameters, (J' W J)^-1 with W the inverse
variances.

The default targets come from ``data/figures.csv`` (2015 and 2016 levels); a run covers the
years up to the latest target year.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
import tomli_w
from scipy.optimize import least_squares

from . import data
from .params import PARAM_BY_NAME
from .run import replication_seeds, run_seeds
from .scenario import Problem, Scenario, ScenarioError


@dataclass(frozen=True)
class Target:
    """A level the model should reproduce: a function of the yearly national table."""

    name: str
    year: int
    value: float
    source: str
    measure: Callable[[pd.DataFrame], float]
    note: str = ""


def _share(indicator: str, year: int) -> Callable[[pd.DataFrame], float]:
    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        return float((row[indicator] / row["population"]).mean())
    return measure


def _ratio(num: str, den: str, year: int) -> Callable[[pd.DataFrame], float]:
    """A year's ``num`` over ``den`` (flows are summed over the year, stocks averaged)."""

    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        return float((row[num] / row[den].where(row[den] > 0)).mean())
    return measure


def _team_share(year: int) -> Callable[[pd.DataFrame], float]:
    """A year's young people helped by the teams over those with youth care without
    residence (the teams' and the providers' ambulant clients), each counted once in the
    year as CBS counts them."""

    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        ambulant = row["youth_care_users_year"] - row["clients_jeugd_residential_year"]
        return float((row["clients_jeugd_team_year"] / ambulant.where(ambulant > 0)).mean())
    return measure


def _net_wmo_per_client(year: int) -> Callable[[pd.DataFrame], float]:
    """A year's Wmo spending less own contributions, per Wmo client (yearly mean)."""

    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        net = row["spending_eur_wmo"] - row["own_contributions_eur"]
        return float((net / row["clients_wmo"].where(row["clients_wmo"] > 0)).mean())
    return measure


def _net_wmo_per_inhabitant(year: int) -> Callable[[pd.DataFrame], float]:
    """A year's Wmo spending less own contributions, per inhabitant."""

    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        net = row["spending_eur_wmo"] - row["own_contributions_eur"]
        return float((net / row["population"]).mean())
    return measure


def _duration_ratio(year: int) -> Callable[[pd.DataFrame], float]:
    """A year's exits to work per recipient among those on assistance less than a year, over
    the same among those on it three years or more."""

    def measure(yearly: pd.DataFrame) -> float:
        row = yearly[yearly.year == year]
        short = row["exits_to_work_first_year"] / row["recipients_first_year"]
        long = row["exits_to_work_long_term"] / row["recipients_long_term"].where(
            row["recipients_long_term"] > 0)
        return float((short / long.where(long > 0)).mean())
    return measure


def _wmo_services() -> float:
    """Wmo client-services in 2016: household help, support and aids (CBS)."""
    return sum(data.figure(f"wmo_{k}_clients", 2016) for k in ("household_help", "support",
                                                                "aids"))


def default_targets() -> list[Target]:
    """The 2015-2016 levels from the shipped figures, as shares of the population."""
    pop = data.figure("inhabitants", 2015)
    return [
        Target("wmo_clients_share", 2016, data.figure("wmo_tailored_clients", 2016) / pop,
               "CBS news 2020 (1,053,500 clients, 2016) / population 2015",
               _share("clients_wmo", 2016)),
        Target("wmo_household_help_share", 2016,
               data.figure("wmo_household_help_clients", 2016) / _wmo_services(),
               "CBS 2016: 400,000 with household help of 1.36 million client-services (400,000 "
               "household help, 260,000 support, 700,000 aids; some clients have more than "
               "one)", _ratio("clients_wmo_household_help", "clients_wmo", 2016),
               "one kind of need per client in the model, so its shares are compared with "
               "shares of client-services"),
        Target("wmo_aids_share", 2016,
               data.figure("wmo_aids_clients", 2016) / _wmo_services(),
               "CBS 2016: 700,000 with aids and services of 1.36 million client-services",
               _ratio("clients_wmo_aids", "clients_wmo", 2016)),
        Target("youth_care_share", 2015, data.figure("youth_care_users", 2015)
               / data.figure("under_18", 2015),
               "CBS; Jeugdautoriteit 2024 (366,000) / under-18s 2015",
               lambda y: float(y[y.year == 2015].youth_care_share_year.mean()),
               "everyone with youth care during the year, each once, as CBS counts them "
               "(youth_care_users_year), over the minors"),
        Target("youth_residential_share", 2015,
               data.figure("youth_care_residential", 2015) / data.figure("youth_care_users", 2015),
               "CBS; Jeugdautoriteit 2024: 40,505 with residential youth care of 366,000 (2015)",
               _ratio("clients_jeugd_residential_year", "youth_care_users_year", 2015),
               "identifies the residential threshold, and with it the ambulant hours"),
        Target("youth_spells_short_share", 2016, data.figure("youth_care_short_share", 2016),
               "CBS, Jeugdhulp 1e halfjaar 2016, section 2.3: most youth care trajectories "
               "ended in the first half of 2016 lasted less than half a year (meeste "
               "hulptrajecten duren korter dan een half jaar); the target is the least "
               "'most' can be",
               _ratio("youth_spells_ended_short", "youth_spells_ended", 2016),
               "identifies how fast youth needs resolve (youth_recovery_factor). CBS counts "
               "trajectories, which also end when the form of care or the provider changes; "
               "the model counts a young person's months in youth care in a row, which are "
               "longer, so half is a rough stand-in"),
        Target("bijstand_share", 2015, data.figure("bijstand_recipients", 2015) / pop,
               "CBS (449,000 recipients, end of 2015) / population 2015",
               _share("bijstand_recipients", 2015)),
        Target("bijstand_exit_to_work_share", 2015,
               data.figure("bijstand_exits_to_work", 2015)
               / data.figure("bijstand_persons_15_plus", 2015),
               "CBS 83450NED: 59,780 left social assistance for work in 2015 / 496,600 "
               "recipients", _ratio("exits_to_work", "bijstand_recipients", 2015),
               "a year's exits to work per recipient; identifies the exit rate, and with it "
               "how fast the caseload turns over"),
        Target("bijstand_exit_ratio_short_long", 2015,
               data.figure("bijstand_exit_share_first_year", 2006)
               / data.figure("bijstand_exit_share_over_3_years", 2006),
               "CBS nieuws 2008/14: in 2006 the benefit ended for 22% of recipients of less "
               "than a year and 8% of those of more than three years", _duration_ratio(2015),
               "duration dependence: identifies how fast the distance to work grows; CBS "
               "counts every exit, the model's are exits to work (other exits are at state "
               "pension age), and 2006 stands in for 2015"),
        Target("wmo_spending_per_inhabitant_eur_year", 2014,
               PARAM_BY_NAME["budget_wmo_eur_per_capita"].default,
               "the old system's money for the model's Wmo: EUR 3.5 bn grant 2015 (CBS) / "
               "(1 - 0.11) + EUR 465 m household help cut / 0.32 (Binnenlands Bestuur 2014), "
               "per inhabitant (budget_wmo_eur_per_capita)", _net_wmo_per_inhabitant(2014),
               "before the reform the Rijk's money was what the old system spent; with the "
               "2016 level per client below it identifies the hours before the reform "
               "(care_hours_at_full_need) and after it (municipal_hours_factor). Aids and "
               "services (Wmo 2007, paid from the general grant) are in the model's spending "
               "but in neither figure, as in the 2016 target, so both fitted hours are a "
               "little low"),
        Target("wmo_spending_per_client_eur_year", 2016,
               (data.figure("grant_wmo", 2015) + data.figure("cut_household_help", 2015)
                * (1 / data.figure("cut_household_help_share", 2015) - 1))
               / data.figure("wmo_tailored_clients", 2016),
               "CBS news 2020 (EUR 3.5 bn Wmo grant 2015) + household help after its cut "
               "(Binnenlands Bestuur 2014: EUR 465 m = 32%, so EUR 988 m) / 1,053,500 clients "
               "(2016)", _net_wmo_per_client(2016),
               "the Rijk's money per client: the model's Wmo spending less the clients' own "
               "contributions (the grant pays the rest); the 2015 budget stands in for spending "
               "(only figures up to 2016 are used); the model's Wmo spending also holds its "
               "share of prevention and initiative grants"),
        Target("jeugd_spending_per_client_eur_year", 2015,
               data.figure("grant_jeugd", 2015) / data.figure("youth_care_users", 2015),
               "CBS: EUR 3.8 bn youth grant 2015 / 366,000 users",
               _ratio("spending_eur_jeugd", "youth_care_users_year", 2015),
               "the 2015 grant stands in for 2015 spending; users are the providers' clients "
               "and those the teams help during the year, each once, as CBS counts them"),
        Target("youth_team_share", 2016,
               data.figure("youth_care_team", 2016)
               / data.figure("youth_care_non_residential", 2016),
               "CBS, Jeugdhulp 2019: 62,130 helped by the neighbourhood teams of 358,125 with "
               "youth care without residence (2016)", _team_share(2016),
               "identifies the teams' own hours of light youth care (team_help_hours_per_fte); "
               "2016 rather than 2015, when some municipalities did not yet report the teams' "
               "help (36,500)"),
        Target("carers_heavily_burdened_share", 2015,
               data.figure("informal_carers_heavily_burdened_share", 2014),
               "SCP 2014/2016: about 10% of informal carers heavily burdened",
               _ratio("carers_overburdened", "informal_carers", 2015)),
    ]


DEFAULT_PARAMETERS = ("onset_wmo", "wmo_share_household_help", "wmo_share_aids",
                      "onset_jeugd", "job_loss_rate", "exit_to_work_rate",
                      "assistance_distance_growth", "carer_hours_per_month",
                      "care_hours_at_full_need", "municipal_hours_factor",
                      "youth_hours_at_full_need", "residential_threshold",
                      "team_help_hours_per_fte", "youth_recovery_factor")


@dataclass
class Calibration:
    scenario: Scenario  # the base, as run
    parameters: dict[str, float]  # fitted values
    standard_errors: dict[str, float]
    fit: pd.DataFrame  # per target: reference, model mean, model sd across seeds, gap
    seeds: list[int]
    evaluations: int
    seconds: float

    def to_toml(self, extends: str, name: str) -> str:
        lines = [f"# Calibrated by 'transitiesim calibrate' on "
                 f"{datetime.now(UTC).date().isoformat()} (transitiesim "
                 f"{version('transitiesim')}): least squares over {len(self.seeds)} seeds "
                 f"at scale {self.scenario['scale']:g}, {self.evaluations} model evaluations.",
                 "# Fit (reference, model mean +- sd across seeds):"]
        for row in self.fit.itertuples():
            lines.append(f"#   {row.target} {row.year}: {row.reference:.4g} vs "
                         f"{row.model:.4g} +- {row.model_sd:.2g}  ({row.source})")
        lines.append("# Parameters (value +- approximate standard error):")
        for k, v in self.parameters.items():
            lines.append(f"#   {k} = {v:.4g} +- {self.standard_errors[k]:.2g}")
        body = tomli_w.dumps({"name": name, "extends": extends,
                              "title_nl": "Gekalibreerd op 2015", "title_en": "Calibrated to 2015",
                              "description_nl": "Gedragsparameters gekalibreerd op de niveaus "
                                                "van 2015 (zie het commentaar).",
                              "description_en": "Behavioural parameters calibrated to the 2015 "
                                                "levels (see the comments).",
                              "parameters": {k: float(f"{v:.4g}")
                                             for k, v in self.parameters.items()}})
        return "\n".join(lines) + "\n" + body

    def provenance(self) -> dict:
        return {"parameters": self.parameters, "standard_errors": self.standard_errors,
                "fit": self.fit.to_dict(orient="records"), "seeds": self.seeds,
                "evaluations": self.evaluations, "seconds": self.seconds,
                "scenario": self.scenario.to_raw(),
                "transitiesim_version": version("transitiesim"),
                "python_version": platform.python_version(),
                "created_utc": datetime.now(UTC).isoformat(timespec="seconds")}


def _simulate(scenario: Scenario, values: dict[str, float], targets: list[Target],
              seeds: list[int]) -> np.ndarray:
    """Each target's level per seed: array (seeds, targets)."""
    result = run_seeds(scenario.with_params(**values), seeds)
    yearly = result.yearly()
    out = np.empty((len(seeds), len(targets)))
    for i, seed in enumerate(seeds):
        y = yearly[yearly.seed == seed]
        out[i] = [t.measure(y) for t in targets]
    return out


def calibrate(scenario: Scenario, parameters: tuple[str, ...] = DEFAULT_PARAMETERS,
              targets: list[Target] | None = None, seeds: int = 4, root_seed: int = 2015,
              scale: float = 0.25, max_evaluations: int = 60,
              progress: Callable[[int], None] | None = None) -> Calibration:
    """Fit ``parameters`` so the model's levels match ``targets`` (see the module doc)."""
    import time

    targets = targets or default_targets()
    problems = [Problem("--params", p, "a declared number parameter") for p in parameters
                if p not in PARAM_BY_NAME or PARAM_BY_NAME[p].type is not float]
    if len(parameters) > len(targets):
        problems.append(Problem("--params", ", ".join(parameters),
                                f"at most as many parameters as targets ({len(targets)})"))
    if problems:
        raise ScenarioError(problems, "calibrate")
    if scenario["municipalities"] > 1 or scenario.municipalities:
        # All municipalities share the behavioural parameters; one municipality with the
        # national age structure has the same expected shares and runs much faster.
        scenario = scenario.with_params(municipalities=1, inhabitants=100_000)
        scenario = Scenario(**{**scenario.__dict__, "municipalities": ()})
    end = max(t.year for t in targets)
    base = scenario.with_params(scale=scale, end_year=max(end, scenario["start_year"]))
    seed_list = replication_seeds(root_seed, seeds)
    start = np.array([base[p] for p in parameters], dtype=float)
    lows = np.array([PARAM_BY_NAME[p].low for p in parameters], dtype=float)
    highs = np.array([PARAM_BY_NAME[p].high for p in parameters], dtype=float)
    ref = np.array([t.value for t in targets])
    evaluations = [0]
    started = time.perf_counter()

    def residuals(x: np.ndarray) -> np.ndarray:
        values = dict(zip(parameters, np.clip(x * start, lows, highs), strict=True))
        sims = _simulate(base, values, targets, seed_list)
        evaluations[0] += 1
        if progress:
            progress(evaluations[0])
        return (np.nanmean(sims, axis=0) - ref) / ref

    fit = least_squares(residuals, np.ones(len(parameters)), diff_step=0.05,
                        bounds=(lows / start, highs / start), max_nfev=max_evaluations,
                        x_scale=1.0)
    best = dict(zip(parameters, (float(v) for v in np.clip(fit.x * start, lows, highs)),
                    strict=True))
    sims = _simulate(base, best, targets, seed_list)
    mean, sd = np.nanmean(sims, axis=0), np.nanstd(sims, axis=0, ddof=1 if seeds > 1 else 0)
    se_rel = np.maximum(sd / np.sqrt(len(seed_list)) / ref, 1e-6)
    jac = fit.jac / se_rel[:, None]
    try:
        cov = np.linalg.inv(jac.T @ jac)
        se = np.sqrt(np.clip(np.diag(cov), 0, None)) * start
    except np.linalg.LinAlgError:
        se = np.full(len(parameters), np.nan)
    table = pd.DataFrame({"target": [t.name for t in targets], "year": [t.year for t in targets],
                          "reference": ref, "model": mean, "model_sd": sd,
                          "gap": (mean - ref) / ref, "source": [t.source for t in targets]})
    return Calibration(base, best, dict(zip(parameters, (float(s) for s in se), strict=True)),
                       table, seed_list, evaluations[0], time.perf_counter() - started)


def write(calibration: Calibration, out: Path, extends: str, name: str) -> tuple[Path, Path]:
    out.write_text(calibration.to_toml(extends, name), encoding="utf-8")
    sidecar = out.with_suffix(".json")
    sidecar.write_text(json.dumps(calibration.provenance(), indent=2, default=float),
                       encoding="utf-8")
    return out, sidecar
