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
                  "in every seed (seeds 1, 2, 3; the calibrated municipality of 100,000, "
                  "citizen power in `netherlands` at its scale of 0.01, the carers through "
                  "the reform at 0.02).", "",
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
    table = outlook(v.yearly)
    if not table.empty:
        lines += ["", "## What the model expects after 2016, and from which mechanism", "",
                  EXPECTATIONS.strip(), "",
                  f"National yearly values of `{s.name}` (median of the {len(v.seeds)} seeds; "
                  "EUR in millions a year, persons as the year's mean):", ""]
        cols = list(table.columns)
        lines += ["| year | " + " | ".join(OUTLOOK_LABELS[c] for c in cols) + " |",
                  "|---|" + "---|" * len(cols)]
        for year, row in table.iterrows():
            lines.append(f"| {year} | " + " | ".join(_outlook_cell(c, row[c]) for c in cols)
                         + " |")
    outside = v.table[v.table.status == "outside"]
    other = v.table[~v.table.status.isin(["inside", "outside"])]
    lines += ["", CHANGES_START.rstrip(), "", CHANGES_18.rstrip(), "", CHANGES_17.rstrip(), "",
              CHANGES.rstrip()]
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


# The yearly national outlook (validation.md and the command's output): the columns and
# their headers.
OUTLOOK_LABELS = {
    "youth_care_users_year": "youth care users", "clients_jeugd_team_year":
    "of whom helped by teams", "clients_jeugd_residential_year": "of whom residential",
    "spending_eur_jeugd": "youth spending", "budget_eur_jeugd": "youth budget",
    "clients_wmo": "Wmo clients", "clients_wmo_household_help": "household help clients",
    "spending_eur_wmo": "Wmo spending", "spending_eur_household_help": "household help spending",
    "budget_eur_wmo": "Wmo budget", "own_contributions_eur": "own contributions",
    "bijstand_recipients": "social assistance recipients",
    "spending_eur_participatie": "participation spending",
    "budget_eur_participatie": "participation budget",
    "from_other_tasks_eur": "from other tasks",
}


def outlook(yearly: pd.DataFrame) -> pd.DataFrame:
    """Per year, the median over seeds of the outlook's indicators (those the table has)."""
    cols = [c for c in OUTLOOK_LABELS if c in yearly.columns]
    if not cols:
        return pd.DataFrame()
    return yearly.groupby("year")[cols].median()


def _outlook_cell(col: str, value: float) -> str:
    return f"{value / 1e6:,.0f}" if "_eur" in col else f"{value:,.0f}"


EXPECTATIONS = """
Written from the model's mechanisms before any comparison with figures after 2016; none of
those figures was used to choose a mechanism or a value (the calibration uses 2006-2016
figures only, `scenarios/calibrated.toml`). Some later figures were seen while searching for
sources of the earlier ones (CBS on household help in 2019-2020, on social assistance in
2021, on own contributions in 2021-2022, on youth care use in 2016-2022 beside the SCP 2013
projection that `youth_demand_trend` takes, and on work among status holders after 2016);
they are not in the project and were not used. The asylum permits of 2017-2020 are an input
(like unemployment), not a target.

- **Youth care** (`youth_demand`, `referral_routes`, `outreach`, `provider_entry`,
  `demography`, `review_squeeze`). Use follows
  the number of minors, which falls (the age path to 2018, births and deaths after it), the
  municipality's access threshold, and the call on youth care per minor, which grows 2.2% a
  year as SCP projected before the reform (`youth_demand_trend`); since about two thirds of
  applications come through GPs, doctors and courts, whose referrals the municipality must
  honour, a municipality under pressure cannot close the tap: use falls far less than the
  threshold alone would make it (`explain`: `referral_routes` and `youth_demand` are the
  positive parts). Under open house, new providers take up the waiting lists that
  incumbents losing money on cut tariffs do not grow into, so the number of providers rises
  and use recovers from the reform's dip (added after the figures on provider numbers were
  seen: they are its evidence, not its test); entrants create no demand of their own (CPB
  2024) and trajectories do not lengthen, so the model expects use per minor to grow no
  faster than the pre-reform trend, and municipalities under pressure to ration part of
  that; if the observed use grew faster, supply-led demand and longer trajectories are the
  likeliest reasons. Youth care is a trajectory of months (`youth_trajectories`, calibrated
  on 2016), so the municipality's threshold and squeeze reach the inflow within a year. The
  model's youth spending is a little over the budget while the cut budget falls (2015-2017)
  and below it after, as the squeeze and the threshold hold the inflow and the Rijk adds
  money from 2019 (`netherlands`, scale 0.05, 3 seeds, medians: EUR 3.46 bn in 2015 against
  3.37 bn, 3.36 bn in 2017 against 3.33 bn, 3.31 bn in 2019 against 3.87 bn, 3.23 bn in
  2023 against 3.45 bn, at 2015 prices: the model has no wage or price indexation); if
  spending kept rising after 2017, the rationing is weaker than the model's and the growth
  of the inflow larger.
- **The Wmo** (three services, the transitional law and municipal hours, own contribution by
  income, the flat rate of 2019). The old system's money less both cuts (EUR 4.49 bn) is the
  budget; the municipality re-assesses household help in January 2015 and the support taken
  over from the AWBZ through 2015, and gives about a tenth fewer hours of both (calibrated on
  2014 and 2016); its first contracts buy support 17% below the AWBZ tariff from January
  2015, the transitional law's clients included. The Wmo thus runs a surplus in 2015 (EUR
  74 m; municipalities reported at least 310 m), although support still holds the old
  hours for half the year, and a surplus from 2016 until the flat rate. Household
  help falls after 2015 (the cut, a stricter threshold, and middle incomes paying up to what
  the care is worth), aids and support less. The flat rate of EUR 19 from 2019 lowers the
  own contribution for
  everyone above the lowest amount: household help and Wmo spending rise from 2019, own
  contribution revenue falls to about a third, and the municipalities' Wmo deficit grows.
  A couple pays one contribution (per household, as the CAK levies it), on household income
  (not the CAK's contribution income, which counts part of wealth); households are couples
  only, so the revenue before 2019 may still be somewhat too high, and with it the loss in
  2019. A household on social assistance lives on its norm and pays the lowest amount
  before 2019 as after, so the flat rate draws in no recipients.
- **Social assistance** (`entry_lag`, duration dependence, `labour_market`,
  `benefit_budget`). Entry follows unemployment a year late, so the caseload keeps rising
  through 2016-2017 while unemployment falls, and then falls more slowly than unemployment,
  because those left have been on assistance longer and leave less often. The benefits
  budget follows last year's caseload, so municipalities gain on benefits while the caseload
  falls. From 2015 young people able to work come in instead of entering the Wajong, and stay
  long. Status holders (`status_holders`: CBS's asylum residence permits, 33 and 37 thousand
  in 2015 and 2016, housed in proportion to inhabitants, 85% of the adults on assistance)
  add to the rise through 2017 and, far from work, slow the fall after it; the model expects
  the caseload's peak in 2017 and a fall after it that is slower than unemployment's.
- **Volunteering and citizen initiatives** (`volunteer_turnover`, `initiatives`). The share of
  people 15+ who volunteer starts at CBS's 49% and stays near it: ageing lowers it a little
  (health), recruiting initiatives raise it a little where they are, and the municipalities'
  cuts do not reach it. Initiatives in care keep forming from volunteers at about the rate of
  2012-2014 (the 2012 and 2014 counts gave `initiative_formation_rate`, so 2014 is no
  independent check) and few end where neighbourhoods have volunteers enough, so their number
  grows by some tens a year; a municipality that withdraws the support it gave, or squeezes,
  loses members rather than initiatives. The model expects the count to grow steadily, not to
  stall as the 2015 count (102 against 101) suggests; if counts after 2016 grew by hundreds a
  year, formation responded to the decentralisation's call on citizens, which the model does
  not contain.
- **Neighbourhood teams and innovation** (`team_delays`, `innovation_diffusion`,
  `innovation_fade`, `innovation_discouragement`, `staff_room`). The teams doubled their
  budget at the reform; their staff reaches it within about a year and what they prevent
  builds up over years after, so onset falls slowly from 2015 on and the teams' return shows
  after 2017 if at all. Innovation spreads among providers of a service across
  municipalities through peers' results until lapses and squeezes balance it: the share of
  providers with a working innovation rises through 2016-2018 and then levels off below a
  third nationally; where municipalities squeeze it levels off lower. Providers whose staff
  are fully booked experiment less, and those with many places free see fewer experiments
  work, so where waiting lists fill providers the spread is slower.
- **Money** (`budget_discipline`, `objective_allocation`). Deficits on the Wmo after 2019 and
  the participation surplus while the caseload falls meet in the municipalities' reserves;
  what is missing comes from other tasks or local tax, what is left above the buffer returns
  to them.
"""


CHANGES_START = """## What changed in the model's start and its couples (4 December 2026) and why

**The start was not at rest.** Run without the reform, with the start year's age shares held
and nothing else changing (calibrated municipality, scale 0.25, 8 seeds), the model's Wmo
spending rose 15% from 2014 to 2021 and its young people in youth care fell 4% from 2014 to
2015; with ten burn-in years instead of two the same paths were flat. Two parts of the start
caused it. The starting needs were drawn as if every need lasted two years, where under the
calibrated rules a Wmo need lasts about eight years and a youth need under one: the Wmo stock
began far below where the rules lead and youth care far above, and two burn-in years could
not settle either. And no couple formed after the start: every death and departure ended a
couple for good and no newcomer had a partner, so the share of adults with a partner fell
from 86% at generation to 76% in January 2014 and 32% by 2026 (seed 1), and informal care
thinned out year after year. What the model said about 2014-2016 was in part this drift.

**What changed** (ODD 5 and 7.2). The starting needs are each person's own past replayed
under the needs rules (`needs_from_history`): month by month over the adult's last 40 years
of age or the minor's childhood, onset, recovery, growth and escalation as in 7.3, the old
system helping every need at or above its threshold. Each January single adults form new
couples so that each municipality's share of adults with a partner stays at its start value
(`couples_renewed`), and partners, at the start and after, are of about the same age
(`partner_age_sd` 3.6 years: a third of couples five or more years apart, as CBS counts for
the marriages of 2017, shares unchanged for twenty years), where before they were any two
adults of the municipality. A new pattern (`start_at_rest`, 400,000 persons, the reform,
ageing, the youth trend and experiments off, seeds 1-3): from 2014 to 2017 Wmo clients
change by +2.1% to +2.3%, informal carers by -2.0% to -0.3% and the young people with youth
care in the year by -1.4% to +1.4%; with both switches off +4.1% to +5.6%, -10.2% to -9.5%
and -7.9% to -3.7%.

**Recalibrated** (`transitiesim calibrate scenarios/calibrated.toml --out
/tmp/cal/calibrated.toml --name calibrated --seeds 4 --scale 0.25 --max-evaluations 400`, in
four passes: all parameters, again from that fit, the seven Wmo parameters alone, all again;
the last moved nothing). `onset_wmo` 0.239 to 0.221, `wmo_share_household_help` 0.427 to
0.403, `wmo_share_aids` 0.682 to 0.720, `care_hours_at_full_need` 43.4 to 41.3,
`carer_hours_per_month` 36.9 to 34.9, `assistance_distance_growth` 0.0060 to 0.0056,
`job_loss_rate` 0.00114 to 0.00110, `exit_to_work_rate` 0.0194 to 0.0188; the rest moved by
less than 1%. The largest gaps are on the Wmo side: Wmo spending per inhabitant in
2014 345 against 317 EUR (+8.6%; sd across the seeds 19), aids among client-services 0.554
against 0.515 (+7.6%) and household help 0.311 against 0.294 (+5.6%); the previous fit had
every target within 6.5%. The two pull against each other: with the old system's stock now
at its level, fewer aids mean more clients of support, whose care costs more, and 2014's
spending rises further (`wmo_share_aids` 0.60: aids -6.5%, 2014 spending +32%).

**Nationally** (`transitiesim validate`, scale 0.05, 3 seeds, medians): social assistance
recipients 434,302 in 2014 (CBS 434,000; before +3%) and 451,252 in 2015 (449,000; before
+4%); young people with youth care in the year 368,298 in 2015 (CBS 366,000, +1%; before
+4%) and 365,779 in 2016 (367,000); Wmo clients in 2016 1,046,010 (CBS 1,053,500, -1%, inside
the seeds' range; before -5%); the 2015 Wmo result a surplus of EUR 257 m (before 209 m;
municipalities reported at least 310 m); informal carers in 2014 619,037 (before 784,603)
and the informal share of the hours of help 0.40 (before 0.47; SCP 0.75): partners of about
the same age are more often old and in need themselves, and the model's carers are fewer.
None of these is a calibration target. Youth care use no longer falls after the reform:
368,298 in 2015, 365,779 in 2016, 383,200 in 2019, 378,839 in 2023 (before 381,019, 367,859,
380,499 and 357,479); youth spending is over its budget in 2015-2017 (EUR 3.46 bn against
3.37 bn in 2015) and below it after (below, what the model expects).

**The informal carers through the reform are back**: +1.5% to +3.4% from 2014 to 2016
(`netherlands`, scale 0.02, seeds 1-3; the claim less than 5%), where they fell 4.6-5.5%.
The starting needs did it: with `needs_from_history` off the carers fall 2.8-5.0%, with
`couples_renewed` off they rise 1.2-1.9%. The carers' fall was the drift of a start not at
rest, not the reform.

**The screening** (`python -m transitiesim.screening`) then found the switch that lets a
carer's help lower applications for household help only (`network_household_only`) moving no
headline beyond seed noise (0.29 noise units at most): with partners of about the same age
fewer needs for support are covered by the network at all. The rule stays, now a fixed value
(`params.NETWORK_HOUSEHOLD_ONLY`), and the screening finds no dead parameter (156 screened;
`partner_age_sd` moves unmet need, the carers overburdened, youth care and spending).
Differences between municipalities (two seeds at scale 0.1): the rank correlation of total
spending per inhabitant 0.83 (before 0.86), of the Wmo's 0.25 (0.37).
"""


CHANGES_18 = """## What changed with issue 18 (citizen power from people) and why

Citizen power was one number multiplied into informal care, volunteering and initiatives. Now
(ODD 7.4 and 7.9): partners, parents and adult children in the municipality
(`child_carer_share`, for single people of 55 or over) care out of obligation (`carer_kinship`,
`carer_stretch_kin`), the wider network by willingness (citizen power); older people live alone
as often as CBS counts (`older_alone`, ODD 5); who works, and how many hours, follows CBS by
age, and a job weighs on what a carer can sustain in proportion to its hours, not on what they
give (`carer_work_factor`, `carer_work_burden`); a carer is overburdened after
`carer_overburden_months` (3) months in a row over what they can sustain; each January people
15+ start and stop volunteering with their health and with being asked by an initiative
(`volunteer_turnover`), from CBS's 49%; initiatives form per 1,000 volunteers (derived from the
2012 and 2014 counts), recruit and survive where neighbourhoods have volunteers; a need the
network covers is applied for less the lighter it is (`network_application_factor` f: f + (1 -
f) x severity). Neighbourhood teams are staff, hired over months, who take on new needs up to
their caseload and whose prevention works after years (`team_delays`, ODD 7.12); providers
adopt innovations their peers show to work, innovations lapse, and a municipality that squeezes
discourages its providers (ODD 7.7). Municipalities support the most loaded carers who know
support exists, within a budget (`carer_support_eur_per_capita`, ODD 7.13). The calibration was
run again: `carer_hours_per_month` rose from 29.7 to 39.2 hours a month (the heavy-burden share
of 10% now needs three months of overload, and carers in work have less) and fell to 36.6 with
carer support (supported carers sustain more), every target within 1%.

- **The teams' own light help.** The neighbourhood teams give light youth care themselves
  (ODD 7.12), which CBS counts as youth care, and from the same hours light support at home
  to adults no provider serves (`team_wmo_help`: most teams served all ages; no count of
  those adults exists); their hours per FTE are calibrated on 2016's share of youth care
  without residence (17.3%: 71 hours a month per FTE for youth alone, 102 with the adults
  sharing them). `netherlands` at scale 0.05: 46 thousand young people helped in 2015 (CBS:
  36,500, incomplete) and 48 thousand in 2016 (CBS: 62,130), so the national share stays
  below the calibrated municipality's; youth care users are 368 thousand in 2015 (CBS:
  366,000) and 362 thousand in 2016 (CBS: at least 367,000), of whom the providers' clients
  322 and 314 thousand.
- **Initiatives.** `netherlands` at scale 0.05: 109 in 2015 (98-115 over the seeds) against
  102 counted; 76 in 2014 against 101 (the 2014 count was used for the formation rate). The
  model formed 946 in 2015 before and let them die out.
- **Volunteers.** 49% of people 15+ at the start by construction; the 75-plus volunteer less
  (about a third, CBS: one in three) through health alone.
- **Carers by SCP's definitions** (`netherlands`, scale 0.02, 3 seeds, 2015, with informal
  care beside formal help): 803 thousand gave care in a month, 740 thousand of them for three
  months or more or eight hours a week or more, 1.1 thousand both; 86 thousand overburdened
  (11%); 52 thousand had carer support. As municipalities squeeze, carer support falls (to
  22 thousand supported in 2020) and overburden rises after it (133 thousand in 2025).
  Before formal clients' carers gave beside the provider: 461 thousand, 399 thousand, 53
  thousand overburdened. SCP counts about 4 million (2014),
  and about 750 thousand long-term and intensive (as cited by MantelzorgNL). The model counts
  care for its own needs in the hours of Wmo help, so its carers are fewer and almost none
  are intensive: not comparable, and not calibrated to be.
- **Substitution (in total too strong; at the same need, the pattern by severity of the
  literature).** `python scripts/substitution.py` (the calibrated municipality, carers'
  sustainable hours at 0.8 and 1.2 times, 6 seeds, 2016-2020) prints two measures. With
  who works and for how many hours from CBS by age, a job weighing on what a carer can
  sustain rather than on what they give, and the calibration with them (5 December 2026,
  the latest): in total 0.85 fewer formal Wmo clients per need more met informally
  (0.74-1.00 over the seeds) and 1.38 fewer formal hours per informal hour (1.15-1.62); at
  the same need household help light 0.65 (0.54 to 0.74), heavy -0.13 (-0.49 to 0.15),
  support at home light 0.57 (0.48 to 0.65), heavy -0.17 (-0.83 to 0.29). The total is a
  little stronger again, at the same need as before: fewer carers are in work (71% of
  those 18-64 rather than everyone of working age), so more have hours that the script's
  variation moves. With older people living alone as CBS counts, adult children as carers
  and the calibration with them (earlier the same day): in total 0.75 fewer formal Wmo
  clients per need
  more met informally (0.67-0.90 over the seeds) and 1.28 fewer formal hours per informal
  hour (1.06-1.62); at the same need household help light 0.62 (0.53 to 0.70), heavy -0.10
  (-0.23 to 0.06), support at home light 0.54 (0.41 to 0.64), heavy 0.09 (-0.11 to 0.33).
  The total is stronger than the day before, at the same need about as before: more of
  the needs of older people rest on carers outside the household, whose hours move with
  the carers' sustainable hours that the script varies. With youth care as a trajectory
  and the calibration with it (4 December 2026):
  in total 0.63 fewer formal Wmo clients per need more met informally (0.46-0.72 over the
  seeds) and 0.98 fewer formal hours per informal hour (0.81-1.07); at the same need
  household help light 0.73 (0.68 to 0.79), heavy -0.01 (-0.99 to 0.34), support at home
  light 0.71 (0.54 to 0.82), heavy -0.18 (-0.40 to 0.03): weaker in total and, at heavy
  needs, none, as the literature finds. The figures below are those of the calibration
  before it.
  *In total* (4 December 2026, with informal care beside formal help and its calibration):
  0.73 fewer formal Wmo clients per need more met informally (0.62-0.87 over the seeds) and
  1.37 fewer formal hours per informal hour (1.15-1.71). This counts what carers do to
  needs themselves, and the script's `--set` shows how much (each switched off alone, 6
  seeds): the overburdened carer's own needs (`burdened_onset_factor` 1: 0.65 and 1.19),
  recovery with help (`unaided_recovery_share` 1: 0.66 and 1.21), the municipality's
  network-first rule (`network_first_margin` 0: 0.47 and 1.07) and the application rule
  (`network_application_factor` 1: 0.72 and 1.25); with the four off together 0.27 and
  0.70, and without escalation too 0.12 and 0.45: most of the
  rest is a covered need that does not escalate. *At the same need* (within each kind of
  need and tenth of severity, as the econometric studies condition on disability):
  household help, light needs (severity below 0.5) 0.69 (0.63 to 0.78 over the seeds),
  heavy 0.22 (0.07 to 0.41); support at home, light 0.50 (0.45 to 0.55), heavy 0.15 (0.06
  to 0.32). Without informal care beside formal help (`formal_complement_share` 0, same
  calibration) 0.66 and 1.34 in total, and at the same need 0.47, 0.06, 0.30 and 0.09, the
  figures of before: the hours measure hardly moves, while the measures per need met
  informally rise because part of what carers can give more now goes to formal clients
  beside the provider, which is not a need met informally, so the ratio divides by less.
  The heavy household needs' 0.22 is no longer the literature's vanishing substitution at
  high disability; the figures of the previous calibration were 0.64 (0.50-0.77) and 1.31
  (1.19-1.55), at the same need 0.47, -0.03, 0.28 and 0.10. Informal care substitutes
  for paid domestic help at low disability, the substitution disappears as disability
  rises, and it is a weak complement to skilled care (Bonsang 2009, J Health Econ 28;
  Arnault, Goltz and Wittwer 2012: formal care rises very little when informal care falls
  by an hour): the model has that pattern by severity. Its size at light needs comes from
  the municipality's network-first rule: without it the light needs' figures go to about
  zero and spread widely (household -0.03, -0.69 to 0.28; carers cover most light needs
  either way, so the share they meet barely moves and the ratio divides by almost nothing,
  and the overburdened carers' own new light needs, mostly unmet, dilute the formal share
  where carers are fewer), while the person's own application rule moves them by nothing
  measurable (0.51 at `network_application_factor` 1, before informal care beside formal
  help; 0.71 against 0.69 since), as a covered need that does not
  apply this month applies later. So the model's substitution is policy (the Wmo 2015's own
  strength first, as municipalities applied it, at admission and since
  `network_at_reassessment` at re-assessment too) and what carers do to needs, not people's
  choice to ask. `network_household_only` (ODD 7.4) applies the application rule to
  household help only; it moves neither measure beyond the seeds' spread (off: 0.69 and
  1.27; at the same need 0.69, 0.24, 0.47 and 0.18). The re-assessment rule with its
  calibration raised the totals from 0.60 (0.55-0.66) and 1.10 (1.00-1.19), with the
  calibration alone (the rule off) 0.60 and 1.23; before `network_household_only` and the
  calibration with it the totals
  were 0.61 (0.53-0.67) and 1.17 (1.08-1.29); before the first contracts (7.1) 0.62 and 1.06;
  before the staff room (7.7) 0.67 and 1.06; before carer support and the teams' effect on
  escalation 0.76 and 1.24; before the severity rule 0.81 and 1.27. Expect the model to
  overstate what citizen power saves the municipalities through the total; the SCP
  studies of informal care that would size the health channels are not yet in it (issue 18).

**The calibration with `network_household_only`** (`transitiesim calibrate default`, 4 seeds
at scale 0.25, 260 evaluations, converged): every target within 2.7% (the largest gaps: Wmo
spending per client in 2016 EUR 4,145 against 4,260, about one standard error of the seeds'
mean; the aids share 0.525 against 0.515; Wmo spending per inhabitant in 2014 EUR 323 against
317). `municipal_hours_factor` moved from 0.90 ± 0.06 to 0.85 ± 0.05 and `wmo_share_aids`
from 0.61 to 0.63; the others within their standard errors. The innovation pattern, which
measured the cost per client, then failed in seed 3 (2015-16: 2.8 EUR a month more with
innovation), and the calibration before it already failed in seed 5 of 6 (1.7 EUR more):
an innovation that works also raises its clients' recovery, so the clients who stay are
heavier. It now measures spending on care (Wmo and youth, the experiment grants included),
lower with innovation in every one of 6 seeds (3.8-11.1% in 2015-16, 0.5-16.0% in 2022-25).

**Informal care beside formal help** (`formal_complement_share`, ODD 7.4; issue 18, item 1).
A formal client's carer gave nothing: formal help replaced the network entirely, where
formal clients keep drawing on it (Duell et al. 2019: 58% of the indicated hours of formal
personal care used in 2013, less with a healthy partner; Swinkels et al. 2016: formal and
informal home care used together more and more often). A client of household help or support
now asks their carer for a quarter of the hours of their need beside the provider (the size
an assumption, swept 0-0.6 by the screening). In the calibrated municipality (scale 0.25,
seeds 1-3, 2016-2019, after the calibration below) carers number 4,666 against 3,310 without
it, 4,624 against 3,388 and 4,858 against 3,600, informal hours 16-19% more, overburdened
carers 15-20% more, Wmo clients within 0.4%. From 2014 to 2016 the carers now change by
-3.0% to -0.8% (`netherlands`, scale 0.02, seeds 1-3), where they rose by about 30% without
the rule; SCP and CBS found the number of informal helpers nearly the same in 2016 as in
2014 (CBS, "SCP-rapport 'Voor elkaar' verschenen", December 2017), a figure seen after the
rule was written and now a pattern (`carers_through_reform`). Nationally (`netherlands`,
scale 0.05) the carers of 2014 went from 461 to 835 thousand (SCP: about 4 million, of care
of any kind) and the informal share of the hours of help in 2016 from 0.37 to 0.41 (SCP:
0.75, whose hours also hold personal care and nursing); the 2015 Wmo result from a deficit
of EUR 56 m to one of 67 m (reported: a surplus of at least 310 m). Four pattern tests had
asserted effects through the carers' count or burden that followed from formal help
replacing the carer: a re-assessment that sends a client back to their carer now leaves the
carers as many (they gave beside the provider already) and gives 7-9% more informal hours,
which the test now asserts; for `network_household_only`, `team_wmo_help` and
`contribution_per_household` the carers' count or burden moves within the seeds' spread and
is no longer asserted (each test says by how much).

The calibration was run again (164 evaluations, 4 seeds at scale 0.25, every target within
1.8%): `onset_wmo` 0.268 to 0.261, `carer_hours_per_month` 31.7 to 30.1 (the heavy-burden
share of 10% with more carers giving), `care_hours_at_full_need` 35.0 to 35.9,
`municipal_hours_factor` 0.95 to 0.94 (standard error 0.06), `wmo_share_aids` 0.58 to
0.60. The screening then found `team_escalation` dead (0.71 noise units: the teams'
prevention slowing the escalation of unmet needs is too small to see at the default
prevention share); the switch was removed and the escalation is part of `prevention`
(ODD 7.12). The calibration run again without it gave the same parameters.
"""


CHANGES_17 = """## What changed with issue 17 (youth care, Wmo, social assistance) and why

**Youth care as a trajectory, counted as CBS counts it** (`youth_recovery_factor`, ODD 7.3;
issue 17, item 1). A youth need recovered at the Wmo's rate (`recovery_rate`, 0.02 a month,
an assumption), so a young person stayed in youth care for years: in the calibrated
municipality (scale 0.25, seed 1, 2016) 22% of the spells of youth care that ended had
lasted less than half a year, where CBS found that most youth care trajectories ended in the
first half of 2016 had (Jeugdhulp 1e halfjaar 2016, section 2.3). A youth need now
resolves `youth_recovery_factor` times as fast. With spells that short, a year's users
(CBS's count: everyone with youth care during the year, once) are about twice a month's,
so the comparison of CBS's yearly counts with the model's monthly ones, noted in every youth
row of this report before, would no longer do: the model now counts as CBS does
(`youth_care_users_year`, `clients_jeugd_residential_year`, `clients_jeugd_team_year`,
`youth_care_share_year`), and the youth targets use these. Counted so, the model before this
change had about 30% more young people in youth care than CBS (seed 1: 14.0% of minors in
2016 against CBS's 10.8% of 2015; 10.4% in a month, which the target compared). The
calibration was run again (`transitiesim calibrate`, 4 seeds at scale 0.25, in passes:
from `default`, 162 evaluations, then twice from the previous fit, as the noisy fit stops
early) with one more
target, the share of the spells ended in 2016 that lasted less than six months, at 0.5 (the
least "most" can be; CBS counts trajectories, which also end when the form of care or the
provider changes, the model a young person's months in care in a row, so this is a rough
stand-in). `youth_recovery_factor` 5.3 ± 0.6; `onset_jeugd` 0.064 to 0.148 (more needs,
each shorter); `youth_hours_at_full_need` 9.5 to 33.1 hours a month (a year's spending per
user is met with fewer months per user); `team_help_hours_per_fte` 107 to 144;
`residential_threshold` 0.827 to 0.847; on the Wmo side, which shares the carers with
youth care, `care_hours_at_full_need` 35.9 to 43.4, `carer_hours_per_month` 30.1 to 36.9,
`municipal_hours_factor` 0.94 to 0.86, `wmo_share_aids` 0.60 to 0.68 and `onset_wmo` 0.261
to 0.239. Every target is within 6.5%, where the previous fit had every target within 1.8%:
the largest gaps are on the Wmo side (aids among client-services 0.548 against 0.515,
household help 0.306 against 0.294, Wmo clients 5.97% of inhabitants against 6.21%), and the
spells' share is 0.491 against 0.5. The Wmo gaps come through the young people who turn 18
with a severe need, which goes on as support at home (ODD 7.2): with short youth spells fewer
reach 18 in care. In the calibrated municipality (scale 0.25, seeds 1 and 2, 2016) support
is 14.3% of the Wmo clients and aids 55.7%, with 5,899 Wmo clients; with the factor at 1 and
the same calibration 16.1%, 54.4% and 6,122; with only needs of the highest severity carried
past 18 (`youth_carry_over_severity` 1), 12.5%, 56.8% and 5,780. In the calibrated
municipality (scale 0.25, seeds 1-3, 2016) 47-49% of the ended spells lasted less than half
a year and a year's users are 2.18-2.22 times a month's; with the factor at 1 and the same
calibration, 15-22% and 1.30-1.32 (`tests/test_youth_trajectories.py`).
Nationally (`transitiesim validate`, scale 0.05, 3 seeds, medians) young people with youth
care in the year are 381,019 in 2015 (CBS 366,000, +4%) and 367,859 in 2016 (CBS 367,000:
inside the seeds' range); Wmo clients in 2016 998,290 (CBS 1,053,500, -5%; before 1,043,065);
informal carers in 2014 784,603 (before 835,101); the informal share of the hours of help
0.467 (before 0.411; SCP 0.75); the 2015 Wmo result a surplus of EUR 209 m (207-221 m over
the seeds) where the model had a deficit of 67 m and municipalities reported a surplus of
at least 310 m. These follow from the calibration, which uses none of them. The pattern
that the informal carers stay nearly where they were from 2014 to 2016 is no longer
reproduced: -5.1% (-5.5% to -4.6%) against the claim of less than 5% (it was -2.2%); the
claim stands, and its test is marked as failing for now (`tests/test_patterns.py`).
The screening then found two parameters dead, the share of indications re-assessed each
year (0.07 noise units at most) and a volunteer's hours in an initiative (0.41): a lost
indication's need goes on and is admitted again within months, youth care's spells now
mostly end before their review, and initiatives seldom run out of hours. Both are fixed
values now (`params.REASSESSMENT_SHARE` 0.3, `params.VOLUNTEER_HOURS_PER_MONTH` 4), and the
screening finds no dead parameter (156 screened).

**The first contracts** (`support_tariff_discount`, ODD 7.1). For 2015 municipalities bought
the support at home they took over from the AWBZ below the AWBZ's tariff: 17% on average
(10% to 30%) in the 70 of 162 municipalities that cut by one percentage (Telgen and Uenk,
March 2015). The transitional law kept clients' indications, not the tariffs, so the
discount acts from January 2015 where the municipal hours act only as clients are
re-assessed. The calibration was run again with it (`transitiesim calibrate default`, 4
seeds at scale 0.25, every target within 0.7%): `municipal_hours_factor` rose from 0.81 to
0.90 ± 0.06, as part of the saving per client of 2016 is now the tariff's. The Wmo deficit
of 2015 fell from EUR 376 m to about 120 m (`netherlands`, scale 0.05, 3 seeds), against a
reported surplus of at least EUR 310 m: over a third of the gap (686 m to 430 m). Wmo
clients in 2016: 1.050 m (1.047-1.057 m over the seeds) against CBS's 1.054 m, inside the
range (before: 1.050 m, just outside it). `reassessment_share`, at the edge of seed noise
before, now moves no headline (`tests/data/dead_parameters.json`). Over the study's range
(0.10 and 0.30, each calibrated again: hours factor 0.87 and 0.96) the 2015 result is a
deficit of EUR 251 m and a surplus of 112 m (medians of the same 3 seeds). The calibration
with `network_household_only` (below) moved the hours factor to 0.85 ± 0.05, within its
standard error, and the 2015 result to a surplus of EUR 38 m (25-56 m; gap 272 m): the 2016
targets fix the factor, and with it the 2015 result, only loosely.

The calibration was run again (`transitiesim calibrate default`, now 4 seeds at scale 0.25:
with 3 the noisy fit stopped at gaps up to 5.6%, with 4 every gap is within 3.1%) with
four new targets, all from before 2017: social assistance exits to work in 2015 (59,780 of
496,600 recipients, CBS 83450NED) where the model had about twice that turnover; how much
more often recipients of less than a year leave than those of more than three (22% against
8%, CBS 2006); and the shares of household help and aids among Wmo client-services in 2016
(CBS). The Wmo spending target is now the Rijk's part, spending less own contributions. The
model under it gained: legal referrers for youth care; outreach by the neighbourhood teams;
entry into social assistance a year after unemployment; the Wajong's closing to young people
able to work; status holders housed and on assistance (CBS's asylum permits, an input like
unemployment); months on assistance; a benefits budget that follows the caseload; the Wmo as
household help, support and aids; the own contribution by income until a flat rate; and the
autonomous growth of the call on youth care that SCP projected before the reform (2.2% a
year), counted from the calibrated chance of 2015. The unemployment input now runs through
2023 (CBS).

**The Wmo's money** was cut twice. The per-client cost had been calibrated on the money left
after the cut (2016), the old system therefore spent that in 2014, and the reform cut it
again: the Wmo ran a deficit of about a third from 2015 and municipalities squeezed youth
care to pay for it. Now the model's Wmo money before the cut is what the old system had for
its tasks, household help included (EUR 3.93 bn transferred tasks + 1.45 bn household help,
EUR 317 per inhabitant), `cut_wmo` is the two cuts weighted (0.167), a new calibration target
asks the old system to cost that in 2014, and the 2016 per-client target is met through the
transitional law (household help re-assessed in January 2015, the support taken over from
the AWBZ through 2015) and municipal indications with
`municipal_hours_factor` (fitted 0.78 ± 0.03) times the old hours of household help and
support. The reform thus lowers the cost per client, as the reports of 2016 describe.

The innovation pattern claimed that the saving per client grows after the first years; with
these mechanisms that held in the mean of the seeds but not in every seed (2022-25: 7.6 EUR a
month in one seed against 31 in 2015-16), so the pattern now claims what holds in every seed,
experiment money spent and a lower cost per client, and its line prints the lowest seed.
Issue 18 takes up innovation.

**A fair price** (`fair_price`, ODD 7.8). The screening's drawn policies showed that a
providers' bid above the tariff stopped every placement for good; at its review a
municipality now pays at least the bid (the duty of care and the Wmo's fair price). The
shipped scenarios bid 0, so the rule never acts in them: this report, generated again after
it, has the same figures as before it, and the calibration stands.

**The network first at re-assessment too** (`network_at_reassessment`, ODD 7.8; issue 17,
item 4). A re-assessment asked only the threshold, so a municipality that counts the
network first did so for new applicants but never for the clients it took over or had
admitted, where the law asks the same weighing at every decision (Wmo 2015 art. 2.3.2 and
2.3.5, Jeugdwet art. 2.3; Utrecht's re-assessment of household help for 2015 counted a
daughter's help, Rb. Midden-Nederland, ECLI:NL:RBMNE:2015:9404). A re-assessed client in
the network-first margin now loses the indication where their carer can give the hours
asked within what they can sustain. In the calibrated municipality (scale 0.25, seeds 1
and 2, before the calibration was run again) Wmo clients in 2015 were 6,004 against 6,382
and 5,916 against 6,255 without the rule, and informal carers 2,982 against 2,609 and
2,965 against 2,630; by 2019 the gap has closed, as the needs of those sent back to their
carers grow and they come back.

The calibration was run again (259 evaluations, 4 seeds at scale 0.25, every target within
1.4%): `onset_wmo` 0.244 to 0.268, `carer_hours_per_month` 38.0 to 31.7,
`care_hours_at_full_need` 40.8 to 35.0, `wmo_share_aids` 0.63 to 0.58 and
`municipal_hours_factor` 0.85 to 0.95 (standard error 0.06). Two figures up to 2016 that
the calibration does not fit moved away from the reports: youth care users in 2016 from
369,955 to 351,659 (CBS: at least 2015's 366,000), because young people whose parents can
give the hours asked lose the indication at the review of December 2015; and the 2015 Wmo
result from a surplus of EUR 38 m to a deficit of EUR 56 m (reported: a surplus of at least
EUR 310 m). They are stated, not tuned away: they suggest the rule as written, which counts
a parent's hours as a professional's at the margin of admission, weighs the network more
heavily than municipalities did in 2015.
"""


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
    "citizen_initiatives": "The 2012 (about 30) and 2014 counts gave initiative_formation_rate, "
                           "so 2014 is not an independent check; in 2015 the count stalled "
                           "(102) where the model keeps forming.",
    "youth_care_users_year": "Both count everyone with youth care during the year once "
                             "(providers' clients and those the teams help).",
    "clients_jeugd_team_year": "Both count everyone the teams helped during the year once. "
                               "The 2015 count is incomplete.",
    "youth_care_share_year": "Both count everyone with youth care during the year once.",
    "wsw_workers": "Sheltered employment is an aggregate stock that starts at the 2016 figure "
                   "and declines after the reform.",
    "informal_hours_share": "The model's hours are household help and support at home for the "
                            "needs it models, with a formal client's carer giving a share of "
                            "them beside the provider (formal_complement_share, an "
                            "assumption); SCP's also hold personal care and nursing.",
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
