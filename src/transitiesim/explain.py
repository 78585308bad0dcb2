"""Why did an indicator change? A Shapley decomposition over the model's mechanisms.

``explain(scenario, "clients_jeugd", 2015, 2023)`` runs the scenario with every subset of the
chosen mechanisms switched on (the others off), each with the same seeds, so every run of a
seed draws the same numbers wherever the rules agree (common random numbers). With v(S) the
change of the indicator from ``year_from`` to ``year_to`` when the mechanisms in S are on,

    v(all) = v(none) + sum over i of phi_i

where phi_i is mechanism i's Shapley value: its effect averaged over every order in which the
mechanisms could be switched on, so no order is privileged. v(none), the change with all of
them off, is what the rest of the model does: demography and every mechanism not listed. Next
to phi_i the table shows mechanism i switched on alone (from none) and switched off last (from
all); where these differ the mechanism interacts with others, and the interaction row says how
much of the change no mechanism produces alone.

Exact over all 2^k subsets, so k is at most ``MAX_MECHANISMS``; each subset is one run per
seed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .indicators import INDICATORS
from .params import PARAM_BY_NAME, UNEMPLOYMENT_2015
from .run import run_seeds, to_yearly
from .scenario import Problem, Scenario, ScenarioError, load_scenario_text

MAX_MECHANISMS = 7


@dataclass(frozen=True)
class Mechanism:
    """A part of the model that ``explain`` can switch off: ``off`` changes the scenario as
    plain data (``Scenario.to_raw``) so that the mechanism does nothing."""

    name: str
    help_en: str
    help_nl: str
    off: Callable[[dict[str, Any]], None]


def _params(**values: Any) -> Callable[[dict[str, Any]], None]:
    def off(raw: dict[str, Any]) -> None:
        raw["parameters"].update(values)
    return off


def _no_events(kind: str) -> Callable[[dict[str, Any]], None]:
    def off(raw: dict[str, Any]) -> None:
        raw["events"] = [e for e in raw.get("events", []) if e.get("kind") != kind]
    return off


def _labour_market_of_2015(raw: dict[str, Any]) -> None:
    raw["unemployment"] = {year: UNEMPLOYMENT_2015 for year in raw["unemployment"]}


def _no_permits(raw: dict[str, Any]) -> None:
    raw["residence_permits"] = {}


def _threshold_of_the_old_system(raw: dict[str, Any]) -> None:
    params = raw["parameters"]
    params["access_strictness"] = params.get("access_strictness_before",
                                             PARAM_BY_NAME["access_strictness_before"].default)


MECHANISMS: dict[str, Mechanism] = {m.name: m for m in (
    Mechanism("cuts", "the cuts on the grants (off: the old system's money)",
              "de kortingen op de budgetten (uit: het geld van het oude stelsel)",
              _params(cut_wmo=0.0, cut_jeugd=0.0, cut_jeugd_first=0.0, cut_participatie=0.0)),
    Mechanism("extra_money", "the Rijk's later extra money (extra_budget events)",
              "het latere extra geld van het Rijk (extra_budget)", _no_events("extra_budget")),
    Mechanism("own_contribution", "changes of the Wmo own contribution (events)",
              "wijzigingen van de eigen bijdrage Wmo", _no_events("own_contribution")),
    Mechanism("household_contribution", "a couple pays one Wmo own contribution (off: each "
              "partner apart)", "een echtpaar betaalt één eigen bijdrage Wmo (uit: ieder "
              "apart)", _params(contribution_per_household=False)),
    Mechanism("referral_routes", "legal referrers for youth care (GP, doctor, court)",
              "wettelijke verwijzers jeugdhulp (huisarts, arts, rechter)",
              _params(referral_routes=False)),
    Mechanism("youth_trajectories", "youth care as a trajectory: a youth need resolves "
              "faster than a Wmo need (off: as fast)", "jeugdhulp als traject: een "
              "jeugdhulpvraag verdwijnt sneller dan een Wmo-hulpvraag (uit: even snel)",
              _params(youth_recovery_factor=1.0)),
    Mechanism("youth_demand", "the autonomous growth of the call on youth care (SCP 2013)",
              "de autonome groei van de vraag naar jeugdhulp (SCP 2013)",
              _params(youth_demand_trend=0.0)),
    Mechanism("municipal_hours", "municipal Wmo indications with fewer hours than the old "
              "system's", "gemeentelijke Wmo-indicaties met minder uren dan in het oude stelsel",
              _params(municipal_hours_factor=1.0)),
    Mechanism("transition_law", "the Wmo transitional law: the AWBZ's support clients "
              "re-assessed through the reform year (off: all in January)",
              "het overgangsrecht Wmo: AWBZ-cliënten ondersteuning herbeoordeeld in de loop van "
              "het hervormingsjaar (uit: iedereen in januari)", _params(transition_law=False)),
    Mechanism("network_at_reassessment", "the network first at re-assessment too: a client "
              "whose carer could take the care over is asked the network-first margin",
              "eigen kracht ook bij herindicatie: van een cliënt wiens mantelzorger de zorg "
              "kan overnemen vraagt de gemeente de extra ernst",
              _params(network_at_reassessment=False)),
    Mechanism("first_contracts", "the first contracts' discount on the AWBZ tariff of support "
              "at home (Telgen and Uenk 2015)", "de korting van de eerste contracten op het "
              "AWBZ-tarief van ondersteuning thuis (Telgen en Uenk 2015)",
              _params(support_tariff_discount=0.0)),
    Mechanism("municipal_threshold", "the municipality's own access threshold from the reform "
              "(off: the old system's, access_strictness_before)",
              "de eigen toegangsdrempel van de gemeente vanaf de hervorming (uit: die van het "
              "oude stelsel)", _threshold_of_the_old_system),
    Mechanism("prevention", "prevention by the neighbourhood teams lowers the onset of needs "
              "and slows the escalation of unmet ones", "preventie door de wijkteams verlaagt "
              "het ontstaan van hulpvragen en remt de verergering van onvervulde",
              _params(prevention_effect=0.0)),
    Mechanism("team_delays", "neighbourhood teams take time to hire staff and for their "
              "prevention to work (off: both at once)",
              "wijkteams hebben tijd nodig om personeel te werven en voor hun preventie werkt "
              "(uit: beide meteen)", _params(team_delays=False)),
    Mechanism("outreach", "neighbourhood teams find latent need",
              "wijkteams vinden verborgen hulpvragen", _params(outreach_effect=0.0)),
    Mechanism("provider_entry", "new providers under open house take up waiting lists",
              "nieuwe aanbieders bij open house nemen wachtlijsten op",
              _params(provider_entry=False)),
    Mechanism("budget_discipline", "reserves with a floor, supervision, the repertoire of cuts",
              "reserves met een ondergrens, toezicht, het bezuinigingsrepertoire",
              _params(budget_discipline=False)),
    Mechanism("demography", "the population's ageing and fewer minors (off: the start "
              "year's age shares every year)", "de vergrijzing en minder minderjarigen (uit: "
              "elk jaar de leeftijdsopbouw van het beginjaar)", _params(age_path="fixed")),
    Mechanism("review_squeeze", "the yearly review's squeeze under a deficit (stricter "
              "access, lower tariffs)", "het knijpen bij de jaarlijkse herziening bij een "
              "tekort (strengere toegang, lagere tarieven)", _params(review_squeeze=False)),
    Mechanism("objective_allocation", "budgets moving to the objective allocation",
              "budgetten naar de objectieve verdeling", _params(objective_allocation_years=0)),
    Mechanism("care_continuity", "a successor takes a bankrupt provider's clients",
              "een opvolger neemt de cliënten van een failliete aanbieder over",
              _params(care_continuity=False)),
    Mechanism("labour_market", "unemployment as it moved (off: 2015's rate every year)",
              "de werkloosheid zoals die ging (uit: elk jaar die van 2015)",
              _labour_market_of_2015),
    Mechanism("entry_lag", "entry into social assistance after unemployment insurance",
              "instroom in de bijstand na de WW", _params(assistance_entry_lag_years=0)),
    Mechanism("status_holders", "status holders housed and on social assistance (permits)",
              "statushouders gehuisvest en in de bijstand (verblijfsvergunningen)",
              _no_permits),
    Mechanism("wajong", "the Wajong closed to young people able to work",
              "de Wajong dicht voor jongeren met arbeidsvermogen",
              _params(wajong_entries_moved_per_year=0.0)),
    Mechanism("innovation_diffusion", "providers adopt innovations their peers show to work",
              "aanbieders nemen innovaties over die bij collega's werken",
              _params(innovation_imitation=0.0)),
    Mechanism("innovation_fade", "working innovations lapse over time",
              "werkende innovaties verwateren met de tijd", _params(innovation_fade_rate=0.0)),
    Mechanism("innovation_discouragement", "a municipality that squeezes discourages its "
              "providers from experimenting",
              "een gemeente die bezuinigt ontmoedigt haar aanbieders om te experimenteren",
              _params(innovation_discouragement=0.0)),
    Mechanism("staff_room", "a provider's free places give its staff room to experiment, "
              "and too many loosen the discipline (off: no effect of either)",
              "vrije plaatsen geven de medewerkers van een aanbieder ruimte om te "
              "experimenteren, en te veel verslappen de discipline (uit: geen van beide)",
              _params(staff_room_effect=0.0, slack_discipline_loss=0.0)),
    Mechanism("volunteer_turnover", "people start and stop volunteering each year (off: a "
              "fixed propensity against the stationary chance)", "mensen beginnen en stoppen "
              "elk jaar met vrijwilligerswerk (uit: een vaste neiging)",
              _params(volunteer_turnover=False)),
    Mechanism("network_severity", "a need the network covers is applied for less the lighter "
              "it is (off: as much less at any severity)",
              "een door het netwerk opgevangen hulpvraag wordt minder aangevraagd naarmate hij "
              "lichter is (uit: bij elke ernst even veel minder)", _params(network_severity=False)),
    Mechanism("team_help", "neighbourhood teams give light help themselves (off: none)",
              "wijkteams geven zelf lichte hulp (uit: geen)",
              _params(team_help_hours_per_fte=0.0)),
    Mechanism("team_wmo_help", "neighbourhood teams also give adults light support at home "
              "themselves (off: young people only)", "wijkteams geven ook volwassenen zelf "
              "lichte ondersteuning thuis (uit: alleen jeugdigen)",
              _params(team_wmo_help=False)),
    Mechanism("carer_support", "carer support lets the most loaded carers sustain more "
              "(off: no carer support)", "mantelzorgondersteuning laat de zwaarst belaste "
              "mantelzorgers meer volhouden (uit: geen ondersteuning)",
              _params(carer_support_eur_per_capita=0.0)),
    Mechanism("carer_kinship", "partners and parents care out of obligation (off: like any "
              "other carer)", "partners en ouders zorgen uit verplichting (uit: zoals iedere "
              "andere mantelzorger)", _params(carer_kinship=False)),
    Mechanism("child_carers", "an adult child cares as kin for a parent of 55 or over who "
              "lives alone (off: a friend or neighbour instead)",
              "een volwassen kind zorgt als familie voor een alleenstaande ouder van 55 of "
              "ouder (uit: een vriend of buur)", _params(child_carer_share=0.0)),
    Mechanism("older_alone", "older people live alone as CBS counts and form no new couples "
              "(off: partnered as often as other adults)",
              "ouderen wonen alleen zoals het CBS telt en vormen geen nieuwe paren (uit: even "
              "vaak een partner als andere volwassenen)", _params(older_alone=False)),
    Mechanism("care_beside_formal", "clients of household help or support still get "
              "informal care beside it (off: formal help replaces the carer entirely)",
              "cliënten met huishoudelijke hulp of begeleiding krijgen daarnaast mantelzorg "
              "(uit: formele hulp vervangt de mantelzorger helemaal)",
              _params(formal_complement_share=0.0)),
    Mechanism("carer_work", "carers with a job can sustain less, the more so the longer "
              "they work (off: work does not count)", "mantelzorgers met een baan houden "
              "minder vol, meer naarmate ze langer werken (uit: werk telt niet)",
              _params(carer_work_factor=1.0)),
    Mechanism("carer_work_burden", "a job weighs on what carers can sustain, not on the hours "
              "they give (off: it lowers the hours given too)", "een baan weegt op wat "
              "mantelzorgers volhouden, niet op de uren die ze geven (uit: ook op de gegeven "
              "uren)", _params(carer_work_burden=False)),
    Mechanism("initiatives", "citizen initiatives form, recruit and give light support "
              "(off: none form)", "burgerinitiatieven ontstaan, werven en geven lichte "
              "ondersteuning (uit: er ontstaan er geen)", _params(initiative_formation_rate=0.0)),
    Mechanism("benefit_budget", "the benefits budget following the caseload",
              "het bijstandsbudget dat de populatie volgt",
              _params(benefit_budget="unemployment")),
)}
DEFAULT_MECHANISMS = ("cuts", "extra_money", "referral_routes", "outreach",
                      "budget_discipline", "labour_market")
# The mechanisms the evaluations name for each domain's change (docs/validation.md, "What
# the model expects after 2016"), most telling first: the default for an indicator of that
# domain. Youth care: the legal referrers' route past the threshold, the municipality's own
# threshold and its squeeze, the pre-reform growth of the call, fewer minors, the teams'
# own help and prevention; without the threshold and the squeeze "rest" held most of the
# fall (calibrated, scale 0.25, 2 seeds, clients_jeugd 2015-2023: rest -631 with
# referral_routes, team_help, prevention, review_squeeze, cuts, youth_demand and demography
# listed; -116 with these). The Wmo: the first contracts' discount took the place of the
# teams' help to adults, which alone moved Wmo spending's change 2015-2023 less (calibrated,
# scale 0.25, 2 seeds: EUR 2.9 m against 1.5 m, clients 245 against 175).
DOMAIN_MECHANISMS = {
    "jeugd": ("referral_routes", "municipal_threshold", "review_squeeze", "youth_demand",
              "demography", "team_help", "prevention"),
    "wmo": ("review_squeeze", "municipal_threshold", "municipal_hours", "demography",
            "own_contribution", "transition_law", "first_contracts"),
    "participatie": ("labour_market", "status_holders", "wajong", "demography", "entry_lag",
                     "benefit_budget", "budget_discipline"),
}
# Words in an indicator's name that place it in a domain (indicators.md).
_DOMAIN_WORDS = {"jeugd": ("jeugd", "youth"), "wmo": ("wmo", "household_help"),
                 "participatie": ("participatie", "bijstand", "exits_to_work", "recipients",
                              "wsw")}


def suggested_mechanisms(indicator: str, most: int = MAX_MECHANISMS) -> tuple[str, ...]:
    """The default mechanisms for ``indicator``: its domain's (``DOMAIN_MECHANISMS``), or
    ``DEFAULT_MECHANISMS`` for one of no single domain; the first ``most`` of them."""
    for domain, words in _DOMAIN_WORDS.items():
        if any(w in indicator for w in words):
            return DOMAIN_MECHANISMS[domain][:most]
    return DEFAULT_MECHANISMS[:most]


class ExplainError(ScenarioError):
    """A request ``explain`` cannot answer, naming each field, value and what is allowed."""


@dataclass
class Explanation:
    """``tables``: per indicator, one row per mechanism (Shapley value, on alone, off last;
    mean and sd over seeds) and the rows ``rest``, ``interaction`` and ``total``; ``table`` is
    the first indicator's; ``values``: each indicator per subset and seed at both years (for
    checks and charts). Several indicators share the same runs."""

    scenario: str
    indicators: tuple[str, ...]
    year_from: int
    year_to: int
    mechanisms: tuple[str, ...]
    seeds: list[int]
    tables: dict[str, pd.DataFrame]
    values: pd.DataFrame

    @property
    def indicator(self) -> str:
        return self.indicators[0]

    @property
    def table(self) -> pd.DataFrame:
        return self.tables[self.indicator]

    def summary(self, indicator: str | None = None) -> str:
        name = indicator or self.indicator
        table = self.tables[name]
        total = table.loc["total", "shapley"]
        top = table.loc[list(self.mechanisms)].shapley.abs().sort_values(ascending=False)
        return (f"{name} {self.year_from}-{self.year_to}: change {total:,.4g} "
                f"(mean of {len(self.seeds)} seeds); largest part: {top.index[0]} "
                f"({table.loc[top.index[0], 'shapley']:,.4g})")


def check_request(scenario: Scenario, indicator: str | Sequence[str], year_from: int,
                  year_to: int, mechanisms: Sequence[str]) -> None:
    """Refuse a request before any run, naming every problem."""
    problems = []
    names = [i.name for i in INDICATORS]
    wanted = [indicator] if isinstance(indicator, str) else list(indicator)
    for name in wanted or [""]:
        if name not in names:
            problems.append(Problem("--indicator", name, "one of " + ", ".join(names)))
    first, last = scenario["start_year"], scenario["end_year"]
    for field, year in (("--from", year_from), ("--to", year_to)):
        if not isinstance(year, int) or not first <= year <= last:
            problems.append(Problem(field, year, f"a year from {first} to {last} (the "
                                                 "scenario's start_year to end_year)"))
    if not problems and year_from >= year_to:
        problems.append(Problem("--to", year_to, f"a year after --from ({year_from})"))
    unknown = [m for m in mechanisms if m not in MECHANISMS]
    if unknown:
        problems.append(Problem("--mechanisms", ",".join(map(str, unknown)),
                                "names from " + ", ".join(MECHANISMS)))
    if len(set(mechanisms)) != len(mechanisms):
        problems.append(Problem("--mechanisms", ",".join(mechanisms), "each name once"))
    if not 1 <= len(mechanisms) <= MAX_MECHANISMS:
        problems.append(Problem("--mechanisms", ",".join(mechanisms),
                                f"1 to {MAX_MECHANISMS} names (2^k runs per seed)"))
    if problems:
        raise ExplainError(problems, "explain")


def subset_scenario(scenario: Scenario, on: Iterable[str], mechanisms: Sequence[str]
                    ) -> Scenario:
    """The scenario with the mechanisms not in ``on`` switched off."""
    raw = scenario.to_raw()
    for name in mechanisms:
        if name not in on:
            MECHANISMS[name].off(raw)
    import tomli_w

    return load_scenario_text(tomli_w.dumps(raw), f"{scenario.name} (explain)")


def _measure(task: tuple[str, list[int], tuple[str, ...], int, int]
             ) -> list[tuple[int, str, float, float]]:
    """One subset: run its scenario (TOML text) for the seeds; each indicator's yearly
    national value at both years, per seed. (A top-level function: worker processes call
    it.)"""
    text, seeds, indicators, year_from, year_to = task
    scenario = load_scenario_text(text, "explain")
    yearly = to_yearly(run_seeds(scenario, seeds).national)
    out = []
    for seed in seeds:
        y = yearly[yearly.seed == seed].set_index("year")
        for name in indicators:
            out.append((seed, name, float(y.loc[year_from, name]),
                        float(y.loc[year_to, name])))
    return out


def shapley(change: dict[frozenset[str], float], mechanisms: Sequence[str]) -> dict[str, float]:
    """Exact Shapley values of the game v(S) = change[S] - change[empty set]."""
    n = len(mechanisms)
    out = {}
    for i in mechanisms:
        others = [m for m in mechanisms if m != i]
        total = 0.0
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for s in itertools.combinations(others, size):
                s_set = frozenset(s)
                total += weight * (change[s_set | {i}] - change[s_set])
        out[i] = total
    return out


def explain(scenario: Scenario, indicator: str | Sequence[str], year_from: int, year_to: int,
            mechanisms: Sequence[str] | None = None, seeds: Sequence[int] = (1, 2, 3),
            workers: int = 1, progress: Callable[[int, int], None] | None = None
            ) -> Explanation:
    """Decompose the change of ``indicator`` (one name or several, sharing the runs; yearly
    national values) between two years over ``mechanisms`` (module doc). Raises
    ``ExplainError`` before any run on a bad request. Without ``mechanisms``, those
    suggested for the (first) indicator's domain (``suggested_mechanisms``)."""
    first = indicator if isinstance(indicator, str) else next(iter(indicator), "")
    mechanisms = tuple(mechanisms) if mechanisms is not None else suggested_mechanisms(first)
    check_request(scenario, indicator, year_from, year_to, mechanisms)
    indicators = (indicator,) if isinstance(indicator, str) else tuple(indicator)
    seeds = [int(s) for s in seeds]
    subsets = [frozenset(c) for size in range(len(mechanisms) + 1)
               for c in itertools.combinations(mechanisms, size)]
    tasks = {s: (subset_scenario(scenario, s, mechanisms).to_toml(), seeds, indicators,
                 year_from, year_to) for s in subsets}
    rows = []
    results = _map(tasks, workers, progress)
    for s, per_seed in results.items():
        for seed, name, a, b in per_seed:
            rows.append({"indicator": name,
                         "subset": ",".join(m for m in mechanisms if m in s) or "-",
                         "n_on": len(s), "seed": seed, "from": a, "to": b, "change": b - a})
    values = pd.DataFrame(rows).sort_values(["indicator", "n_on", "subset", "seed"],
                                            ignore_index=True)
    tables = {name: _table(values[values.indicator == name], mechanisms, seeds)
              for name in indicators}
    return Explanation(scenario.name, indicators, year_from, year_to, mechanisms, seeds,
                       tables, values)


def _map(tasks: dict[frozenset[str], tuple], workers: int,
         progress: Callable[[int, int], None] | None) -> dict[frozenset[str], list]:
    out: dict[frozenset[str], list] = {}
    if workers <= 1:
        for s, task in tasks.items():
            out[s] = _measure(task)
            if progress:
                progress(len(out), len(tasks))
        return out
    from concurrent.futures import as_completed

    from ._pool import process_pool

    pool = process_pool(workers, ["transitiesim.explain"])
    try:
        futures = {pool.submit(_measure, task): s for s, task in tasks.items()}
        for f in as_completed(futures):
            out[futures[f]] = f.result()
            if progress:
                progress(len(out), len(tasks))
    finally:
        pool.shutdown(cancel_futures=True)
    return out


def _table(values: pd.DataFrame, mechanisms: Sequence[str], seeds: Sequence[int]
           ) -> pd.DataFrame:
    per_seed = []
    for seed in seeds:
        v = values[values.seed == seed]
        change = {frozenset(s.split(",")) if s != "-" else frozenset(): c
                  for s, c in zip(v.subset, v.change, strict=True)}
        full, none = change[frozenset(mechanisms)], change[frozenset()]
        phi = shapley(change, mechanisms)
        row: dict[str, float] = {}
        for m in mechanisms:
            row[f"{m}:shapley"] = phi[m]
            row[f"{m}:alone"] = change[frozenset({m})] - none
            row[f"{m}:last"] = full - change[frozenset(mechanisms) - {m}]
        alone_sum = sum(row[f"{m}:alone"] for m in mechanisms)
        row.update({"rest:shapley": none, "rest:alone": none, "rest:last": none,
                    "interaction:shapley": 0.0, "interaction:alone": full - none - alone_sum,
                    "interaction:last": np.nan,
                    "total:shapley": full, "total:alone": full, "total:last": full})
        per_seed.append(row)
    frame = pd.DataFrame(per_seed)
    out = []
    for name in (*mechanisms, "rest", "interaction", "total"):
        out.append({"part": name,
                    "shapley": frame[f"{name}:shapley"].mean(),
                    "shapley_sd": frame[f"{name}:shapley"].std(ddof=1) if len(frame) > 1
                    else np.nan,
                    "alone": frame[f"{name}:alone"].mean(),
                    "last": frame[f"{name}:last"].mean()})
    return pd.DataFrame(out).set_index("part")


def write(result: Explanation, out_dir) -> tuple[Any, Any | None]:
    """``explain.csv`` (the table; with several indicators ``explain_INDICATOR.csv`` each),
    the runs behind them (``explain_runs.csv``) and, with matplotlib installed, a waterfall
    chart from the rest of the model through each mechanism to the total (``explain.png``,
    or one per indicator). Returns the first table's and chart's paths."""
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "explain_runs.csv").write_text(result.values.to_csv(index=False), encoding="utf-8")
    several = len(result.indicators) > 1
    first: tuple[Any, Any | None] = (None, None)
    for name in result.indicators:
        stem = f"explain_{name}" if several else "explain"
        csv = out / f"{stem}.csv"
        result.tables[name].to_csv(csv, float_format="%.6g")
        png = _chart(result, name, out / f"{stem}.png")
        if first[0] is None:
            first = (csv, png)
    return first


def _chart(result: Explanation, name: str, png) -> Any | None:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = result.tables[name]
    parts = ["rest", *result.mechanisms]
    steps = [float(table.loc[p, "shapley"]) for p in parts]
    starts = np.concatenate([[0.0], np.cumsum(steps)[:-1]])
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(parts) + 2))
    colours = ["#888888"] + ["#2a7ab0" if s >= 0 else "#c0392b" for s in steps[1:]]
    ax.barh(range(len(parts)), steps, left=starts, color=colours)
    total = float(table.loc["total", "shapley"])
    ax.barh(len(parts), total, color="#333333")
    ax.set_yticks(range(len(parts) + 1), labels=[*parts, "total"])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"change in {name}, {result.year_from} to {result.year_to} "
                  f"(mean of {len(result.seeds)} seeds; Shapley values)")
    ax.set_title(f"Why did {name} change? ({result.scenario})")
    fig.tight_layout()
    fig.savefig(png, dpi=120)
    plt.close(fig)
    return png


__all__ = ["DEFAULT_MECHANISMS", "DOMAIN_MECHANISMS", "MECHANISMS", "ExplainError",
           "Explanation", "explain", "shapley", "subset_scenario", "suggested_mechanisms",
           "write"]
