"""The one declaration of every scenario parameter.

Each parameter is declared exactly once here, with its type, default, allowed range, unit, kind,
a one-line help text in Dutch and English, and where its default value comes from. The scenario
loader, the command line, the sweeps and the app all read this table; nothing else may declare a
default.

Kinds follow the EMA Workbench split between what policy controls and what it does not:

- ``lever``: a municipal policy choice (access, tariffs, prevention, experiments, ...);
- ``national``: a choice of the Rijk (cuts, own contribution, whether to decentralise at all);
- ``uncertainty``: behaviour or context nobody controls (citizen power, innovation uptake,
  onset and recovery rates, ...);
- ``setting``: how the simulation is run (period, scale, neighbourhood size).

Sources: ``domain`` means a figure from ``docs/sources.md`` (the model brief's table, with its
original source); ``derived`` means computed from such figures (the formula is given);
``assumption`` means no source was available and the value is a modelling choice that a
scenario, a sweep or the calibration should set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["lever", "national", "uncertainty", "setting"]
DOMAINS: tuple[str, ...] = ("wmo", "jeugd", "participatie")


@dataclass(frozen=True)
class Param:
    """Declaration of one scenario parameter."""

    name: str
    type: type
    default: Any
    unit: str
    kind: Kind
    help_nl: str
    help_en: str
    source: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    group: str = "general"
    # Whether the value may change while a run goes on (TransitionModel.set_levers, workshop
    # rounds): "" fixed for the run; "model" held in the model's parameters; "municipality"
    # held by each Municipality as an attribute of the parameter's own name, which its yearly
    # review may then adapt.
    live: Literal["", "model", "municipality"] = ""

    def bounds(self) -> tuple[float, float]:
        """The declared range of a number parameter."""
        if self.low is None or self.high is None:
            raise TypeError(f"{self.name} has no range: {self.allowed()}")
        return float(self.low), float(self.high)

    def allowed(self) -> str:
        """Human-readable description of the allowed values."""
        if self.type is bool:
            return "true or false"
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        kind = "a whole number" if self.type is int else "a number"
        return f"{kind} from {self.low:g} to {self.high:g} ({self.unit})"


def _p(name, type_, default, unit, kind, help_nl, help_en, source, low=None, high=None,
       choices=(), group="general", live="") -> Param:
    return Param(name, type_, default, unit, kind, help_nl, help_en, source, low, high,
                 tuple(choices), group, live)


# The youth care cut's phase-in: 3% in the reform year rising to the full cut (EUR 450 m a
# year) two years later, in 2017 (cmweb.nl; Trouw 2019). A fact of the schedule, not an
# uncertainty: a number of years, not a parameter.
YOUTH_CUT_FULL_AFTER_YEARS = 2
# The social assistance norms (Participatiewet art. 21, from 21 to state pension age, net a
# month with the holiday allowance) of 1 January 2015: EUR 960.83 for a single person or
# single parent, EUR 1,372.62 for a couple (the Minister's half-yearly announcement of the
# norms, as municipalities and legal-aid sites published them, e.g. UGS Fryslan,
# "Normbedragen 2015", and st-ab.nl; data/figures.csv). A household on social assistance
# lives on its norm: the benefit tops up what it has to it and sets off what it has above
# it, so the Wmo own contribution sees the norm as its income (ODD 7.4). Indexation after
# 2015 is not modelled (the model's money is at 2015 prices).
ASSISTANCE_NORM_SINGLE_EUR = 960.83
ASSISTANCE_NORM_COUPLE_EUR = 1372.62
# National totals used to turn national amounts into per-inhabitant ones.
NATIONAL_POPULATION_2015 = 16_968_735  # Monitor Langdurige Zorg, Nov 2015
# Unemployment rate 2015 (CBS, annual average 15-74): the rates of entering and leaving social
# assistance are stated at this level, and scale with the scenario's rate relative to it.
UNEMPLOYMENT_2015 = 0.069
# The year the calibrated onset chances hold for (the calibration's youth care target is
# 2015's): the autonomous growth of the call on youth care (``youth_demand_trend``) counts
# from it, so earlier years have a lower chance and later years a higher one.
YOUTH_TREND_BASE_YEAR = 2015
# The national reference of municipalities of CBS's table simulated without the rest of the
# country (model.national_means): the 393 municipalities at this scale
# (about 340,000 persons, 0.15 s), from a fixed seed, the same in every run. Over five seeds
# its national mean chances spanned 0.4% (Wmo, youth), 1.0% (entry into assistance) and 0.9%
# (the income rule's entry): that much is the reference's own noise.
NATIONAL_REFERENCE_SCALE, NATIONAL_REFERENCE_SEED = 0.02, 2015
# citizen_power is declared on a 0-1 scale on which 0.5 is the 2015 level; the rules use it as
# a factor on the 2015 rates of informal care, volunteering and initiatives (1.0 = 2015).
CITIZEN_POWER_2015 = 0.5


def citizen_power_factor(citizen_power: float) -> float:
    """``citizen_power`` as a factor on the 2015 levels (0.5 -> 1.0, 1.0 -> 2.0)."""
    return citizen_power / CITIZEN_POWER_2015
# Citizen initiatives (ODD 7.9). Without municipal support an initiative finds half the room it
# finds at full support (an assumption: Edelenbos et al. 2020 find government support among the
# conditions of a community initiative's performance, with no measured size). It can draw on
# INITIATIVE_POOL_SHARE of its neighbourhood's volunteers as members (an assumption: CBS counts
# care among the common fields of volunteering, next to sport, schools and churches), starts
# with a small group of initiators and ends below a handful of members.
INITIATIVE_ROOM_WITHOUT_SUPPORT = 0.5
INITIATIVE_POOL_SHARE = 0.05
INITIATIVE_START_MEMBERS = 5.0
INITIATIVE_MIN_MEMBERS = 3.0
# Neighbourhood teams plan their caseload on the flow of new needs over about a year: the
# flow they compare their capacity with is smoothed over TEAM_FLOW_MONTHS months.
TEAM_FLOW_MONTHS = 12
# SCP's definitions of informal carers ("mantelzorgers"): help for three months or more
# (long-term) and eight hours a week or more (intensive, here per month: 8 x 52 / 12).
SCP_LONG_MONTHS = 3
SCP_INTENSIVE_HOURS_PER_MONTH = 8.0 * 52.0 / 12.0
# initiative_formation_rate is stated per this many volunteers.
VOLUNTEERS_PER_FORMATION_UNIT = 1000.0
# Fixed values of two former parameters that the screening found moving no headline indicator
# beyond seed noise over their ranges (docs/screening.md, 4 December 2026), so they are no
# longer levers or uncertainties. The share of Wmo and youth care indications that end in a
# year and are re-assessed at December's review (ODD 7.8; assumption: indications of about
# three years; re-assessments of household help after 2015, SCP, Sociaal domein op koers?
# 2020): a lost indication's need goes on, grows and is admitted again within months, and
# youth care's short spells mostly end before their review. The hours of light support a
# member of a citizen initiative gives a month (ODD 7.9; assumption: CBS, a volunteer gives
# 4.5 hours a week to all their volunteering): initiatives seldom run out of hours.
REASSESSMENT_SHARE = 0.3
VOLUNTEER_HOURS_PER_MONTH = 4.0
# A carer's help lowers the chance to apply for household help only, not for support at home
# or aids (ODD 7.4; informal care substitutes for paid domestic help and is a weak complement
# to skilled care: Bonsang 2009, J Health Econ 28; Arnault and Goltz 2012). A switch until the
# screening of 4 December 2026, after partners became of about the same age and couples were
# renewed (ODD 5 and 7.2), found it moving no headline beyond seed noise (0.29 noise units).
NETWORK_HOUSEHOLD_ONLY = True
# The starting needs (ODD 5): how much of a person's past the replay covers
# (``needs_from_history``), an adult's last 40 years of age (a Wmo need begun earlier and
# still open is rare: the onset at 40 is a sixteenth of that at 80) and a minor's whole
# childhood; and, with the replay off, the rule it replaced: a need with probability
# min(SEEDED_NEED_MAX, SEEDED_NEED_MONTHS x the monthly onset), as if every need lasted two
# years.
NEED_HISTORY_YEARS_WMO = 40
NEED_HISTORY_YEARS_YOUTH = 18
SEEDED_NEED_MONTHS = 24
SEEDED_NEED_MAX = 0.9
_GRANT_2015_EUR = {"wmo": 3.5e9, "jeugd": 3.8e9, "participatie": 2.9e9}  # CBS 2020
# The model's Wmo holds household help too, which municipalities already ran under the Wmo
# 2007 and which the Rijk cut separately in 2015: about 32%, EUR 465 m (Binnenlands Bestuur
# 2014), so EUR 1.45 bn before the cut; the EUR 3.5 bn grant is what was left of the
# transferred (AWBZ) tasks after their 11% cut.
_HOUSEHOLD_HELP_CUT_EUR, _HOUSEHOLD_HELP_CUT_SHARE = 465e6, 0.32
_WMO_NEW_TASKS_CUT_SHARE = 0.11
_WMO_BEFORE_CUT_EUR = {
    "new_tasks": _GRANT_2015_EUR["wmo"] / (1.0 - _WMO_NEW_TASKS_CUT_SHARE),
    "household_help": _HOUSEHOLD_HELP_CUT_EUR / _HOUSEHOLD_HELP_CUT_SHARE,
}


def _per_capita_before_cut(domain: str, cut: float) -> float:
    return round(_GRANT_2015_EUR[domain] / (1.0 - cut) / NATIONAL_POPULATION_2015, 1)


def _wmo_per_capita_before_cut() -> float:
    """The old system's money for the model's Wmo (transferred tasks and household help)."""
    return round(sum(_WMO_BEFORE_CUT_EUR.values()) / NATIONAL_POPULATION_2015, 1)


def _wmo_cut() -> float:
    """The cut on the model's Wmo: the two cuts weighted by the money they applied to."""
    cut = (_WMO_NEW_TASKS_CUT_SHARE * _WMO_BEFORE_CUT_EUR["new_tasks"]
           + _HOUSEHOLD_HELP_CUT_EUR)
    return round(cut / sum(_WMO_BEFORE_CUT_EUR.values()), 3)


PARAMETERS: tuple[Param, ...] = (
    # --- settings -------------------------------------------------------------------------
    _p("start_year", int, 2014, "year", "setting",
       "Eerste gesimuleerde jaar (januari).", "First simulated year (January).",
       "assumption: one year before the reform", 2000, 2040, group="simulation"),
    _p("end_year", int, 2025, "year", "setting",
       "Laatste gesimuleerde jaar (t/m december).", "Last simulated year (through December).",
       "assumption", 2000, 2060, group="simulation"),
    _p("reform_year", int, 2015, "year", "national",
       "Jaar waarin de decentralisatie ingaat (1 januari).",
       "Year the decentralisation takes effect (1 January).",
       "domain: Wmo 2015, Jeugdwet, Participatiewet from 1 Jan 2015", 2000, 2060,
       group="simulation"),
    _p("decentralisation", bool, True, "-", "national",
       "Of taken en geld naar gemeenten gaan; uit = tegenfeitelijk scenario zonder "
       "decentralisatie.",
       "Whether tasks and money move to municipalities; off = counterfactual without it.",
       "domain", group="simulation"),
    _p("burn_in_years", int, 2, "years", "setting",
       "Inloopjaren vóór start_year onder het oude stelsel, niet in de resultaten.",
       "Burn-in years before start_year under the old system, not in the results.",
       "assumption: lets needs, waiting lists and capacity settle", 0, 10, group="simulation"),
    _p("needs_from_history", bool, True, "-", "setting",
       "Startbehoeften uit ieders eigen verleden: de regels voor het ontstaan, herstellen en "
       "verergeren van hulpvragen worden per persoon teruggespeeld over de laatste 40 "
       "levensjaren (volwassenen, vanaf 18) of de hele jeugd (uit: een hulpvraag met kans "
       "2 x de jaarlijkse kans op een nieuwe, alsof elke hulpvraag twee jaar duurt).",
       "Starting needs from each person's own past: the rules for the onset, recovery and "
       "escalation of needs replayed per person over their last 40 years of age (adults, "
       "from 18) or their whole childhood (off: a need with probability 2 x the yearly onset, "
       "as if every need lasted two years).",
       "derived: the model's own needs rules (7.3) under the old system's threshold; a Wmo "
       "need lasts about eight years and a youth need about ten months under them, so two "
       "burn-in years cannot settle a start drawn as if both lasted two", group="simulation"),
    _p("scale", float, 1.0, "share of inhabitants", "setting",
       "Deel van de inwoners dat als persoon wordt gesimuleerd; elk staat voor 1/schaal inwoners.",
       "Share of inhabitants simulated as persons; each stands for 1/scale inhabitants.",
       "assumption", 1e-4, 1.0, group="simulation"),
    _p("inhabitants", int, 100_000, "inhabitants", "setting",
       "Aantal inwoners, in totaal over alle gemeenten.",
       "Number of inhabitants, in total over all municipalities.",
       "assumption: the default municipality has about 100,000", 100, 30_000_000,
       group="simulation"),
    _p("municipalities", int, 1, "municipalities", "setting",
       "Aantal gemeenten; hun grootte volgt een lognormale verdeling met totaal 'inhabitants'.",
       "Number of municipalities; their sizes follow a lognormal distribution summing to "
       "'inhabitants'.",
       "domain: 393 municipalities in 2015 (CBS)", 1, 1000, group="simulation"),
    _p("municipality_data", str, "generated", "-", "setting",
       "Gemeenten: gegenereerd uit 'inhabitants' en 'municipalities', of de 393 gemeenten van "
       "2015 met hun CBS-code, naam, inwoners, leeftijdsopbouw en inkomen (CBS 70072ned).",
       "Municipalities: generated from 'inhabitants' and 'municipalities', or the 393 "
       "municipalities of 2015 with their CBS code, name, inhabitants, age structure and income "
       "(CBS 70072ned).",
       "domain: CBS StatLine 70072ned (2015) and 82949NED (data/municipalities_2015.csv)",
       choices=("generated", "cbs-2015"), group="simulation"),
    _p("size_log_sd", float, 1.0, "sd of log(inhabitants)", "setting",
       "Spreiding van gemeentegroottes (standaardafwijking van de logaritme).",
       "Spread of municipality sizes (standard deviation of the logarithm).",
       "assumption: spans roughly 1,000 to 450,000 inhabitants for 393 municipalities", 0, 3,
       group="simulation"),
    _p("neighbourhood_size", int, 5000, "inhabitants", "setting",
       "Gemiddeld aantal inwoners per wijk (bereik van wijkteams en burgerinitiatieven).",
       "Average inhabitants per neighbourhood (reach of neighbourhood teams and initiatives).",
       "assumption", 500, 100_000, group="simulation"),
    # --- the Rijk: budgets and cuts ---------------------------------------------------------
    _p("budget_wmo_eur_per_capita", float, _wmo_per_capita_before_cut(),
       "EUR per inhabitant per year", "national",
       "Wmo-budget vóór de korting (overgehevelde AWBZ-taken en huishoudelijke hulp), per "
       "inwoner per jaar: wat het oude stelsel ervoor uitgaf.",
       "Wmo budget before the cut (transferred AWBZ tasks and household help), per inhabitant "
       "per year: what the old system spent on them.",
       "derived: (EUR 3.5 bn grant 2015 (CBS) / (1 - 0.11) + EUR 465 m household help cut / "
       "0.32 (Binnenlands Bestuur 2014)) / 16,968,735 inhabitants = (3.93 + 1.45) bn / "
       "16,968,735", 0, 2000, group="budget"),
    _p("budget_jeugd_eur_per_capita", float, _per_capita_before_cut("jeugd", 0.03),
       "EUR per inhabitant per year", "national",
       "Jeugdbudget vóór de korting, per inwoner per jaar.",
       "Youth care budget before the cut, per inhabitant per year.",
       "derived: EUR 3.8 bn (CBS) / (1 - 0.03) / 16,968,735 inhabitants", 0, 2000,
       group="budget"),
    _p("budget_participatie_eur_per_capita", float, _per_capita_before_cut("participatie", 0.0),
       "EUR per inhabitant per year", "national",
       "Participatiebudget (re-integratie) vóór de korting, per inwoner per jaar; "
       "bijstandsuitkeringen komen apart (BUIG).",
       "Participation budget (reintegration) before the cut, per inhabitant per year; "
       "social assistance benefits are funded separately (BUIG).",
       "derived: EUR 2.9 bn (CBS) / 16,968,735 inhabitants", 0, 2000, group="budget"),
    _p("cut_wmo", float, _wmo_cut(), "share of budget", "national",
       "Korting op het Wmo-budget vanaf het hervormingsjaar (overgehevelde taken en "
       "huishoudelijke hulp samen).",
       "Cut on the Wmo budget from the reform year on (transferred tasks and household help "
       "together).",
       "derived: 11% on the transferred tasks' EUR 3.93 bn (news coverage 2015) and 32% on "
       "household help's EUR 1.45 bn (Binnenlands Bestuur 2014), weighted by those amounts: "
       "(0.43 + 0.465) / 5.39 bn", 0, 0.8, group="budget"),
    _p("cut_jeugd_first", float, 0.03, "share of budget", "national",
       "Korting op het jeugdbudget in het eerste jaar.",
       "Cut on the youth care budget in the first year.",
       "domain: 3% in 2015", 0, 0.8, group="budget"),
    _p("cut_jeugd", float, 0.115, "share of budget", "national",
       "Korting op het jeugdbudget na de ingroei.", "Cut on the youth care budget once phased in.",
       "derived: EUR 450 m a year / EUR 3.92 bn pre-cut budget", 0, 0.8, group="budget"),
    _p("cut_participatie", float, 0.0, "share of budget", "national",
       "Korting op het participatiebudget (re-integratie).",
       "Cut on the participation (reintegration) budget.",
       "assumption: no figure in the sources; set it in a scenario", 0, 0.8, group="budget"),
    _p("benefit_budget", str, "caseload", "-", "national",
       "Hoe het Rijk het budget voor de bijstandsuitkeringen (BUIG) vaststelt: naar de landelijke "
       "bijstandspopulatie van het jaar ervoor ('caseload'), of naar de werkloosheid "
       "('unemployment', zoals in versie 0.2); verdeeld naar verwachte populatie per gemeente.",
       "How the Rijk sets the benefits budget (BUIG): from the national caseload of the year "
       "before ('caseload'), or from unemployment ('unemployment', as in version 0.2); shared "
       "out by each municipality's expected caseload.",
       "domain: the BUIG macro budget is set from the forecast national caseload and adjusted "
       "to the realisation (Participatiewet art. 69; Besluit Participatiewet); the caseload of "
       "the year before stands in for the forecast (assumption)",
       choices=("caseload", "unemployment"), group="budget"),
    _p("bijstand_benefit_eur_per_month", float, 1000.0, "EUR per recipient per month",
       "national",
       "Bijstandsuitkering per ontvanger per maand.",
       "Social assistance benefit per recipient per month.",
       "assumption: order of the 2015 norm for a single adult", 0, 3000, group="budget"),
    _p("wsw_workers_per_100k", float, 96_300 / NATIONAL_POPULATION_2015 * 1e5,
       "workers per 100,000 inhabitants", "national",
       "Werknemers in de sociale werkvoorziening (Wsw) bij de start, per 100.000 inwoners.",
       "Sheltered employment (Wsw) workers at the start, per 100,000 inhabitants.",
       "derived: 96,300 workers at the start of 2016 (Panteia; Divosa) / 16,968,735", 0, 2000,
       group="budget"),
    _p("wsw_cost_eur_per_worker_year", float, 25_000.0, "EUR per worker per year", "national",
       "Kosten van een Wsw-werkplek per jaar, betaald uit het participatiebudget.",
       "Cost of a sheltered employment place per year, paid from the participation budget.",
       "assumption: with 96,300 workers this spends most of the EUR 2.9 bn grant", 0, 100_000,
       group="budget"),
    _p("wsw_outflow_rate", float, 0.05, "share per year", "uncertainty",
       "Jaarlijkse uitstroom uit de Wsw (pensioen, vertrek); na de hervorming komt niemand meer "
       "in.",
       "Yearly outflow from sheltered employment (retirement, leaving); after the reform no one "
       "new enters.",
       "assumption; domain: closed to new entrants since 2015", 0, 0.5, group="behaviour"),
    _p("own_contribution_eur_per_month", float, 19.0, "EUR per client per month", "national",
       "Laagste eigen bijdrage voor een Wmo-maatwerkvoorziening per maand; daarboven een deel "
       "van het inkomen (own_contribution_income_share), nooit meer dan wat de hulp kost.",
       "Lowest own contribution for a tailored Wmo service per month; above it a share of "
       "income (own_contribution_income_share), never more than the care costs.",
       "derived: EUR 17.50 per four weeks (CAK, Wmo 2015) is EUR 18.96 a month; the flat rate "
       "of EUR 19 from 2019 is a national event", 0, 500, group="budget"),
    _p("own_contribution_income_share", float, 0.15, "share of income above the threshold",
       "national",
       "Deel van het huishoudinkomen boven de inkomensgrens dat als eigen bijdrage Wmo bovenop "
       "de laagste bijdrage komt (tot 2019; 0 = voor iedereen de laagste).",
       "Share of household income above the income threshold added to the lowest Wmo own "
       "contribution (until 2019; 0 = everyone pays the lowest).",
       "domain: 15% of the contribution income above the threshold, per year (Uitvoeringsbesluit "
       "Wmo 2015 / CAK); applied here to monthly household income", 0, 0.5, group="budget"),
    _p("own_contribution_income_threshold_eur", float, 1875.0, "EUR household income per month",
       "national",
       "Inkomensgrens waarboven de eigen bijdrage Wmo met het inkomen stijgt.",
       "Income threshold above which the Wmo own contribution rises with income.",
       "assumption: about EUR 22,500 a year, the 2015 order of the threshold for a single "
       "person under state pension age (CAK); one threshold for every household here", 0,
       10000, group="budget"),
    # --- municipal levers -------------------------------------------------------------------
    _p("access_strictness", float, 0.30, "need severity (0-1)", "lever",
       "Toegangsdrempel: minimale ernst van de hulpvraag voor een maatwerkvoorziening; hoger is "
       "strenger, en een strenge gemeente kijkt eerst naar het eigen netwerk.",
       "Access threshold: the least need severity that qualifies for a tailored service; higher "
       "is stricter, and a strict municipality counts the informal network first.",
       "assumption", 0, 0.7, group="levers", live="municipality"),
    _p("network_first_threshold", float, 0.3, "need severity (0-1)", "lever",
       "Toegangsdrempel vanaf waar de gemeente eerst naar het netwerk kijkt (eigen kracht eerst).",
       "Access threshold from which the municipality counts the network first (eigen kracht "
       "eerst).",
       "assumption", 0, 1, group="levers"),
    _p("network_first_margin", float, 0.2, "need severity (0-1)", "lever",
       "Extra ernst die een gemeente die eerst naar het netwerk kijkt vraagt van een hulpvraag "
       "die het netwerk opvangt.",
       "Extra severity a network-first municipality asks of a need the network covers.",
       "assumption", 0, 1, group="levers"),
    _p("referral_routes", bool, True, "-", "national",
       "Verwijsroutes jeugdhulp: na 2015 komt een deel van de aanvragen via een wettelijke "
       "verwijzer (huisarts, jeugdarts, medisch specialist, rechter), die de gemeente moet "
       "volgen; de toegangsdrempel van de gemeente geldt dan niet (uit: alle aanvragen via de "
       "gemeentelijke toegang).",
       "Youth care referral routes: after 2015 part of the applications comes through a legal "
       "referrer (GP, youth doctor, medical specialist, court), which the municipality must "
       "honour; the municipality's access threshold does not apply to them (off: every "
       "application through the municipal route).",
       "domain: Jeugdwet art. 2.6 lid 1 sub g (referral by GP, medical specialist or youth "
       "doctor gives access); CBS, Verwijzers van aangevangen jeugdhulp, first halves of 2015 "
       "and 2016 (cbs.nl nieuws 2016/44)", group="levers"),
    _p("legal_referral_share", float, 0.67, "share of youth care applications", "uncertainty",
       "Deel van de aanvragen voor jeugdhulp dat via een wettelijke verwijzer komt.",
       "Share of youth care applications that come through a legal referrer.",
       "derived: CBS, referrers of youth care begun in the first half of 2016 (GP 41.4%, "
       "medical specialist or youth doctor 12.5%, certified institution 8.2%, municipal access "
       "23.1%, none 8.2%, unknown 6.7%): legal referrers over those with a known route, "
       "(41.4 + 12.5 + 8.2) / (100 - 6.7) = 0.67. The first half of 2015 (GP 50.0%, municipal "
       "12.4%, unknown 11.8%) gives 0.74, before the neighbourhood teams were in place",
       0.4, 0.95, group="levers"),
    _p("gp_agreements", float, 0.0, "share of legal referrals", "lever",
       "Afspraken met huisartsen (bijv. een praktijkondersteuner jeugd, POH-jeugd): dit deel "
       "van de verwijzingen door een wettelijke verwijzer volgt de toegangsregels van de "
       "gemeente.",
       "Agreements with GPs (e.g. a youth practice assistant, POH-jeugd): this share of the "
       "referrals by a legal referrer follows the municipality's access rules.",
       "assumption; municipalities fund youth practice assistants at GPs to handle light "
       "problems in the practice (Jeugdwet evaluation 2018, Friele et al.)", 0, 1,
       group="levers"),
    _p("access_strictness_before", float, 0.20, "need severity (0-1)", "national",
       "Toegangsdrempel in het oude stelsel (AWBZ/provincie, landelijke indicatie).",
       "Access threshold under the old national system (AWBZ/provincial, national assessment).",
       "assumption", 0, 0.7, group="levers"),
    _p("tariff_factor", float, 1.0, "x reference tariff", "lever",
       "Tarief dat de gemeente betaalt, als factor op het referentietarief.",
       "Tariff the municipality pays, as a multiple of the reference tariff.",
       "assumption: 1 = tariffs as before the reform", 0.5, 1.5,
       group="levers", live="municipality"),
    _p("support_tariff_discount", float, 0.17, "share of the AWBZ tariff", "lever",
       "Korting op het AWBZ-tarief die gemeenten bij hun eerste contracten bedongen voor "
       "ondersteuning thuis en dagbesteding (de overgenomen AWBZ-taken), vanaf januari van het "
       "hervormingsjaar, ook voor wie nog onder het overgangsrecht valt; 0 = uit.",
       "The discount on the AWBZ tariff that municipalities set in their first contracts for "
       "support at home and day activities (the tasks taken over from the AWBZ), from January "
       "of the reform year, also for clients under the transitional law; 0 = off.",
       "domain: Telgen and Uenk (University of Twente, PPRC) for Binnenlands Bestuur, 24 March "
       "2015: of 162 municipalities' Wmo tariffs for 2015, the 70 that cut the AWBZ tariffs by "
       "one generic percentage cut 17% on average (10% to 30%)", 0, 0.3, group="levers"),
    _p("prevention_share", float, 0.02, "share of budget", "lever",
       "Deel van het budget voor preventie en wijkteams.",
       "Share of the budget for prevention and neighbourhood teams (wijkteams).",
       "assumption", 0, 0.25, group="levers", live="municipality"),
    _p("prevention_share_before", float, 0.01, "share of budget", "national",
       "Deel van het budget voor preventie in het oude stelsel.",
       "Share of the budget for prevention under the old system.",
       "assumption", 0, 0.25, group="levers"),
    _p("experiment_fund_share", float, 0.005, "share of budget", "lever",
       "Deel van het budget voor experimenten van aanbieders (ruimte en geld om te innoveren).",
       "Share of the budget for providers' experiments (room and money to innovate).",
       "assumption", 0, 0.1, group="levers", live="municipality"),
    _p("initiative_support_eur_per_capita", float, 1.0, "EUR per inhabitant per year", "lever",
       "Steun voor burgerinitiatieven per inwoner per jaar.",
       "Support for citizen initiatives per inhabitant per year.",
       "assumption", 0, 50, group="levers", live="municipality"),
    _p("carer_support_eur_per_capita", float, 5.9, "EUR per inhabitant per year", "lever",
       "Mantelzorgondersteuning (respijtzorg, consulent) per inwoner per jaar; gaat naar de "
       "zwaarst belaste mantelzorgers.",
       "Carer support (respite, a carer consultant) per inhabitant per year; goes to the most "
       "heavily loaded carers.",
       "domain: EUR 100 m a year for carer support in the municipal fund from 2015 (letter "
       "'Middelen wijkteams en informele zorg', Van Rijn, 26 June 2014, per Movisie 2015) over "
       "16.97 M inhabitants; not earmarked, so a municipality may spend less (MantelzorgNL "
       "2019)", 0, 30, group="levers", live="municipality"),
    _p("contracting", str, "open_house", "-", "lever",
       "Inkoop: open house (alle aanbieders tegen vast tarief) of aanbesteding (minder aanbieders, "
       "lagere tarieven, voorkeur voor vernieuwers).",
       "Contracting: open house (every provider at a set tariff) or tender (fewer providers, lower "
       "tariffs, preference for innovators).",
       "assumption", choices=("open_house", "tender"), group="levers"),
    _p("payment", str, "hours", "-", "lever",
       "Bekostiging van aanbieders na de hervorming: per uur (inspanningsgericht: de gemeente "
       "betaalt de geleverde inzet), per resultaat (outputgericht: een vaste prijs per cliënt "
       "per maand naar de zorgvraag; wat een aanbieder met vernieuwing bespaart, houdt hij "
       "zelf) of per taak (taakgericht: een vast bedrag per maand uit het budget voor de "
       "taak; de aanbieders helpen iedereen en geven de zorg die het bedrag betaalt).",
       "How providers are paid after the reform: per hour (effort-based: the municipality pays "
       "the effort delivered), per result (output-based: a set price per client per month by "
       "the need; what a provider saves by innovating, it keeps) or per task (task-based: a "
       "set sum a month from the budget for the task; the providers serve everyone and give "
       "the care the sum pays for).",
       "i-Sociaal Domein's payment variants (inspanningsgericht, outputgericht, taakgericht; "
       "Handreiking taakgerichte uitvoeringsvariant, 2021); room to innovate is their promise, "
       "under-treatment their risk (Rekenkamer Amsterdam, Taakgerichte bekostiging in de "
       "jeugdzorg, literature review, 2020, sections 4.4 and 5.1)",
       choices=("hours", "results", "task"), group="levers"),
    _p("learning_orientation", float, 0.3, "0-1", "lever",
       "Hoe de gemeente op tekorten reageert: 0 = terugvallen op traditionele procedures (toegang "
       "en tarieven knijpen), 1 = leren van resultaten (investeren in wat werkt).",
       "How the municipality responds to deficits: 0 = fall back on traditional procedures "
       "(squeeze access and tariffs), 1 = learn from results (invest in what works).",
       "assumption", 0, 1, group="levers"),
    # --- citizen power and innovation -------------------------------------------------------
    _p("citizen_power", float, 0.5, "0-1", "uncertainty",
       "Burgerkracht: bereidheid tot mantelzorg, vrijwilligerswerk en burgerinitiatief; "
       "0,5 = het niveau van 2015.",
       "Citizen power: willingness to give informal care, volunteer and start initiatives; "
       "0.5 = the 2015 level.",
       "assumption: 0.5 is scaled to the 2015 levels (SCP, CBS)", 0, 1,
       group="citizens", live="model"),
    _p("innovation_uptake", float, 0.3, "0-1", "uncertainty",
       "Hoe snel aanbieders experimenten beginnen.",
       "How readily providers start experiments.",
       "assumption", 0, 1, group="innovation", live="model"),
    _p("provider_capacity_change", float, 0.0, "share of capacity per year", "lever",
       "Extra groei (of krimp) van de capaciteit van aanbieders elk jaar in januari vanaf de "
       "decentralisatie, bovenop hun planning naar de wachtlijst (de keuze van aanbieders in "
       "een workshop).",
       "Extra growth (or shrinkage) of providers' capacity each January from the reform on, on "
       "top of their planning to the waiting list (the providers' choice in a workshop).",
       "assumption: 0 = providers only follow their waiting lists", -0.3, 0.3,
       group="innovation", live="model"),
    _p("provider_tariff_bid", float, 0.0, "x reference tariff", "lever",
       "Het tarief dat aanbieders minstens vragen: ligt het tarief van de gemeente lager, dan "
       "nemen zij geen nieuwe cliënten aan (de bieding van aanbieders in een workshop).",
       "The least tariff providers ask: below it they take no new clients (the providers' bid "
       "in a workshop).",
       "assumption: 0 = providers accept any tariff", 0, 1.5, group="innovation", live="model"),
    _p("innovation_imitation", float, 12.7, "factor per share of peers", "uncertainty",
       "Hoeveel vaker een aanbieder zonder werkende innovatie een experiment begint per deel "
       "van de aanbieders van dezelfde dienst (landelijk) bij wie een innovatie werkt "
       "(zichtbare resultaten van collega's; 0 = geen navolging).",
       "How much more often a provider without a working innovation starts an experiment, "
       "per share of the providers of the same service (nationally) with one that works "
       "(peers' visible results; 0 = no imitation).",
       "derived: in Bass's diffusion model (1969) the chance to adopt is p + q x the share "
       "adopted; the meta-analysis of 213 applications by Sultan, Farley and Lehmann (1990) "
       "gives mean p 0.03 and q 0.38, so q / p = 12.7 (products and technologies, not care "
       "organisations); peers' visible results drive adoption in service organisations "
       "(Greenhalgh et al. 2004, Milbank Quarterly)", 0, 40, group="innovation"),
    _p("innovation_fade_rate", float, 0.1, "share per year", "uncertainty",
       "Kans per jaar dat een werkende innovatie verwatert: de besparing en het betere herstel "
       "gaan verloren (0 = innovaties blijven).",
       "Chance a year that a working innovation lapses: its saving and better recovery are "
       "lost (0 = innovations last).",
       "assumption: many innovations that first work are not sustained (Wiltsey Stirman et "
       "al. 2012, Implementation Science, review of 125 studies); no rate for Dutch care "
       "providers", 0, 1, group="innovation"),
    _p("innovation_discouragement", float, 1.0, "share of the chance to start", "uncertainty",
       "Hoeveel een gemeente die terugvalt op bezuinigen (squeeze) de kans dat haar "
       "aanbieders een experiment beginnen verlaagt, naast het kleinere experimentenfonds "
       "(1 = bij volle squeeze geen nieuwe experimenten; 0 = geen effect).",
       "How much a municipality that falls back on cuts (its squeeze) lowers the chance that "
       "its providers start an experiment, beyond its smaller experiment fund (1 = at a full "
       "squeeze no new experiments; 0 = none).",
       "assumption: tight budgets and short-term control crowded out the transformation "
       "(AEF, Stelsel in groei, 2020; SCP, Sociaal domein op koers?, 2020)", 0, 1,
       group="innovation"),
    _p("staff_room_effect", float, 0.5, "share of the chance to start", "uncertainty",
       "Hoeveel minder kans een aanbieder zonder vrije plaatsen (alle medewerkers ingeroosterd) "
       "heeft om een experiment te beginnen dan een met genoeg vrije plaatsen voor volle ruimte "
       "(0 = geen effect; 1 = een volgeboekte aanbieder begint er geen).",
       "How much less likely a provider with no free places (all its staff booked) is to "
       "start an experiment than one with enough free places for full room (0 = no effect; "
       "1 = a fully booked provider starts none).",
       "assumption on the shape of Nohria and Gulati (1996, Academy of Management Journal "
       "39(5)): slack resources foster experimentation, too little slack inhibits it; no "
       "size measured for care providers", 0, 1, group="innovation"),
    _p("staff_room_slack", float, 0.1, "share of places free", "uncertainty",
       "Het deel vrije plaatsen waarbij een aanbieder volle ruimte heeft om te experimenteren; "
       "daarboven gaat ruimte ten koste van de discipline.",
       "The share of free places at which a provider has full room to experiment; beyond it, "
       "room costs discipline.",
       "assumption: providers plan to be about 90% full (ODD 7.7, capacity planning)",
       0.01, 0.5, group="innovation"),
    _p("slack_discipline_loss", float, 0.5, "share of the chance an experiment works",
       "uncertainty",
       "Hoeveel minder kans een experiment heeft te werken bij een aanbieder waarvan alle "
       "plaatsen vrij zijn dan bij een met precies genoeg vrij voor volle ruimte (veel ruimte "
       "verslapt de discipline over projecten; daartussen naar rato).",
       "How much less likely an experiment is to work at a provider whose places are all "
       "free than at one with just enough free for full room (much slack loosens the "
       "discipline over projects; in proportion in between).",
       "assumption on the shape of Nohria and Gulati (1996; 1997, European Management Journal "
       "15(6)): too much slack inhibits innovation through lax control, together an inverted "
       "U; replicated on US firms 1993-2011 by Mousa and Chowdhury (2014, American Journal of "
       "Business 29(1)); no size measured for care providers", 0, 1, group="innovation"),
    _p("provider_culture_mean", float, 0.4, "0-1", "uncertainty",
       "Gemiddelde innovatiecultuur van aanbieders (lerende cultuur, psychologische veiligheid).",
       "Average innovation culture of providers (learning culture, psychological safety).",
       "assumption", 0, 1, group="innovation"),
    _p("innovation_success_prob", float, 0.4, "probability", "uncertainty",
       "Kans dat een experiment werkt bij een gemiddelde cultuur.",
       "Chance that an experiment works, at an average culture.",
       "assumption: not every experiment works", 0, 1, group="innovation"),
    _p("experiment_months", int, 12, "months", "uncertainty",
       "Looptijd van een experiment.", "Duration of an experiment.",
       "assumption", 1, 60, group="innovation"),
    _p("experiment_cost_share", float, 0.05, "share of monthly revenue", "uncertainty",
       "Kosten van een experiment per maand, als deel van de maandomzet van de aanbieder.",
       "Monthly cost of an experiment, as a share of the provider's monthly revenue.",
       "assumption", 0, 0.5, group="innovation"),
    _p("innovation_cost_reduction", float, 0.15, "share of cost", "uncertainty",
       "Daling van de benodigde inzet (en dus kosten) per cliënt door een geslaagde innovatie.",
       "Fall in the effort (and so the cost) needed per client from a successful innovation.",
       "assumption", 0, 0.6, group="innovation"),
    _p("innovation_effect", float, 0.25, "share of recovery rate", "uncertainty",
       "Stijging van de herstelkans van cliënten door een geslaagde innovatie.",
       "Rise in clients' recovery chance from a successful innovation.",
       "assumption", 0, 2, group="innovation"),
    _p("results_undertreatment", float, 0.1, "share of recovery rate", "uncertainty",
       "Hoeveel lager de herstelkans is van cliënten van een aanbieder die per resultaat of "
       "per taak betaald wordt: inzet wordt niet meer betaald (0 = geen onderbehandeling).",
       "How much lower the recovery chance is of clients of a provider paid per result or "
       "per task, whose effort is no longer paid for (0 = no under-treatment).",
       "assumption: under-treatment is the first risk to clients of output- and task-based "
       "payment (Rekenkamer Amsterdam 2020, section 5.1); no size measured", 0, 0.5,
       group="innovation"),
    # --- citizen behaviour (uncertainties, to be calibrated) --------------------------------
    _p("onset_wmo", float, 0.10, "probability per year at age 80", "uncertainty",
       "Jaarlijkse kans op een Wmo-hulpvraag op 80-jarige leeftijd (verdubbelt elke 10 jaar "
       "ouder).",
       "Yearly chance of a Wmo support need at age 80 (doubling every 10 years of age).",
       "assumption, calibrated later", 0, 1, group="behaviour"),
    _p("onset_jeugd", float, 0.15, "probability per year", "uncertainty",
       "Jaarlijkse kans op een jeugdhulpvraag per minderjarige.",
       "Yearly chance of a youth care need per minor.",
       "assumption, calibrated later", 0, 1, group="behaviour"),
    _p("youth_demand_trend", float, 0.022, "share per year", "uncertainty",
       "Autonome groei van de vraag naar jeugdhulp per jaar: de kans dat een jeugdige "
       "jeugdhulp gaat vragen groeit zo, los van beleid en demografie (0 = geen groei).",
       "Autonomous growth of the call on youth care a year: the chance that a minor comes to "
       "need youth care grows by this, apart from policy and demography (0 = no growth).",
       "domain figure: SCP (Groeit de jeugdzorg door?, 2013) found the call on youth care "
       "grew 4.6% a year in 2001-2011 while its risk groups would have made it fall (a "
       "wider view of what needs help, new treatments, earlier policy), and projected 2.2% a "
       "year for 2011-2017 before the reform; CBS saw about 11% of minors with youth care "
       "each year 2011-2016 (the low end)", 0, 0.05, group="behaviour"),
    _p("job_loss_rate", float, 0.002, "probability per year per unemployment point",
       "uncertainty",
       "Jaarlijkse kans om in de bijstand te komen, per procentpunt werkloosheid.",
       "Yearly chance of entering social assistance, per point of unemployment.",
       "assumption, calibrated later", 0, 0.1, group="behaviour"),
    _p("exit_to_work_rate", float, 0.025, "probability per month", "uncertainty",
       "Maandelijkse kans op uitstroom naar werk bij 6,9% werkloosheid en zonder re-integratie.",
       "Monthly chance of leaving social assistance for work at 6.9% unemployment, without "
       "reintegration support.",
       "assumption, calibrated later", 0, 1, group="behaviour"),
    _p("assistance_entry_lag_years", int, 1, "years", "uncertainty",
       "Hoeveel jaar de instroom in de bijstand achterloopt op de werkloosheid: wie werk "
       "verliest krijgt eerst WW (0 = geen vertraging).",
       "How many years entry into social assistance lags unemployment: who loses work first "
       "draws unemployment insurance (WW) (0 = no lag).",
       "derived: WW lasts 3 to 38 months by work history (WW art. 42, before the Wet werk en "
       "zekerheid), and in 2014 the largest known route into social assistance was from WW "
       "(CBS, Redenen van in- en uitstroom WWB, 2015); a year is a middle value", 0, 3,
       group="behaviour"),
    _p("wajong_entries_moved_per_year", float, 13050.0, "persons per year", "national",
       "Jongeren met arbeidsvermogen die vanaf de hervorming per jaar niet meer in de Wajong "
       "komen maar onder de Participatiewet vallen (landelijk; 0 = de Wajong blijft open).",
       "Young people able to work who from the reform on no longer enter the Wajong each year "
       "but fall under the Participatiewet (national; 0 = the Wajong stays open).",
       "derived: Wajong inflow 17,700 (2013) and 17,400 (2014), 4,500 in 2015 after it closed "
       "to people able to work (UWV jaarverslag 2014 and 2017): 17,550 - 4,500",
       0, 50000, group="behaviour"),
    _p("wajong_to_assistance_share", float, 0.5, "share", "uncertainty",
       "Deel van die jongeren dat in de bijstand komt (wie bij ouders woont wordt op het "
       "gezinsinkomen getoetst).",
       "Share of those young people who enter social assistance (who lives with their parents "
       "is means-tested on the household's income).",
       "assumption: no measured share; about half", 0, 1, group="behaviour"),
    _p("status_holder_adult_share", float, 0.65, "share", "uncertainty",
       "Deel van de statushouders (vergunninghouders asiel, met nareizigers) dat 18 jaar of "
       "ouder is.",
       "Share of status holders (asylum residence permits, with family members following) "
       "aged 18 or over.",
       "derived: of the Syrians who registered in 2014-2015 almost 40% were under 18, of the "
       "Eritreans about a quarter, of all non-western immigrants 17% (CBS, Syrische "
       "immigranten wonen vaak in gezin, 2016); Syrians had 53-71% of the permits of "
       "2014-2016 and Eritreans 14-20% (CBS, Asiel en integratie 2019)", 0, 1,
       group="behaviour"),
    _p("status_holder_assistance_share", float, 0.85, "share", "uncertainty",
       "Deel van de volwassen statushouders dat in de bijstand komt zodra een gemeente hen "
       "huisvest (0 = geen statushouders in de bijstand).",
       "Share of adult status holders who enter social assistance once a municipality houses "
       "them (0 = no status holders on assistance).",
       "domain figure: a year after their permit 85% of the working-age status holders of "
       "2014 depended on a benefit, mostly social assistance (CBS, Asiel en integratie, "
       "cohort 2014)", 0, 1, group="behaviour"),
    _p("reintegration_effect", float, 0.8, "share of exit rate", "uncertainty",
       "Extra uitstroomkans naar werk met een re-integratietraject.",
       "Extra chance of exit to work with a reintegration trajectory.",
       "assumption", 0, 5, group="behaviour"),
    _p("reintegration_max_severity", float, 0.7, "need severity", "uncertainty",
       "Bijstandsontvangers met een participatie-ernst tot deze grens komen in aanmerking voor "
       "een re-integratietraject (en de startcapaciteit wordt op hen afgestemd); wie verder "
       "van werk staat niet.",
       "Social assistance recipients whose participation severity is at most this are offered "
       "a reintegration trajectory (and the starting capacity is sized for them); those "
       "further from work are not.",
       "assumption", 0.1, 1, group="behaviour"),
    _p("recovery_rate", float, 0.02, "probability per month", "uncertainty",
       "Maandelijkse kans dat een hulpvraag met passende hulp verdwijnt.",
       "Monthly chance that a need resolves with fitting support.",
       "assumption, calibrated later", 0, 1, group="behaviour"),
    _p("unaided_recovery_share", float, 0.3, "share of recovery rate", "uncertainty",
       "Herstelkans zonder formele of informele hulp, als deel van de herstelkans met hulp.",
       "Recovery chance without formal or informal support, as a share of the supported one.",
       "assumption", 0, 1, group="behaviour"),
    _p("youth_recovery_factor", float, 5.0, "x recovery chance", "uncertainty",
       "Een jeugdhulpvraag verdwijnt zoveel keer sneller dan een Wmo-hulpvraag: jeugdhulp is "
       "een traject met een einde, de hulpvraag van een oudere is blijvend (1 = uit: even "
       "snel).",
       "A youth need resolves this many times faster than a Wmo need: youth care is a "
       "trajectory with an end, an older person's need lasts (1 = off: as fast).",
       "calibrated on CBS, Jeugdhulp 1e halfjaar 2016, section 2.3: most youth care "
       "trajectories (meeste hulptrajecten) ended in the first half of 2016 had lasted less "
       "than half a year (ODD 7.3)",
       1, 20, group="behaviour"),
    _p("recovery_severity_intercept", float, 1.2, "x recovery chance", "uncertainty",
       "Herstelkans daalt met de ernst: maal (dit - helling x ernst).",
       "Recovery falls with severity: times (this - slope x severity).",
       "assumption", 0.5, 2, group="behaviour"),
    _p("recovery_severity_slope", float, 0.5, "x recovery chance per unit severity",
       "uncertainty",
       "Hoe sterk de herstelkans met de ernst daalt (zie het snijpunt hierboven).",
       "How steeply recovery falls with severity (see the intercept above).",
       "assumption", 0, 0.5, group="behaviour"),
    _p("recovery_self_reliance_offset", float, 0.5, "x recovery chance", "uncertainty",
       "Herstelkans stijgt met de zelfredzaamheid: maal (dit + zelfredzaamheid).",
       "Recovery rises with self-reliance: times (this + self-reliance).",
       "assumption", 0, 2, group="behaviour"),
    _p("vulnerability_self_reliance_offset", float, 1.5, "x onset and entry chance",
       "uncertainty",
       "Kans op een nieuwe hulpvraag en op instroom in de bijstand daalt met de "
       "zelfredzaamheid: maal (dit - zelfredzaamheid).",
       "The chance of a new need and of entering social assistance falls with "
       "self-reliance: times (this - self-reliance).",
       "assumption", 1, 3, group="behaviour"),
    _p("new_need_severity_low", float, 0.1, "severity (0-1)", "uncertainty",
       "Laagste ernst van een nieuwe hulpvraag (ook de afstand tot werk bij instroom in de "
       "bijstand); de ernst is gelijk verdeeld tussen dit en dit plus de spreiding.",
       "Lowest severity of a new need (also the distance to work on entering social "
       "assistance); severity is uniform between this and this plus the span.",
       "assumption", 0, 0.2, group="behaviour"),
    _p("new_need_severity_span", float, 0.8, "severity (0-1)", "uncertainty",
       "Spreiding van de ernst van een nieuwe hulpvraag (zie de laagste ernst).",
       "Span of the severity of a new need (see the lowest severity).",
       "assumption", 0.3, 0.8, group="behaviour"),
    _p("assistance_distance_growth", float, 0.003, "severity per month", "uncertainty",
       "Toename per maand in de bijstand van de afstand tot werk.",
       "Rise per month on social assistance of the distance to work.",
       "assumption, calibrated on the fall of the exit chance with time on benefit (CBS 2008)",
       0, 0.02, group="behaviour"),
    _p("income_vulnerability_min", float, 0.3, "x entry chance", "uncertainty",
       "Instroom in de bijstand schaalt met mediaan inkomen / eigen inkomen, niet lager dan "
       "dit.",
       "Entry into social assistance scales with median income / own income, not below "
       "this.",
       "assumption", 0, 1, group="behaviour"),
    _p("income_vulnerability_max", float, 3.0, "x entry chance", "uncertainty",
       "... en niet hoger dan dit.", "... and not above this.",
       "assumption", 1, 10, group="behaviour"),
    _p("mortality_gompertz_intercept", float, -10.5, "log yearly death chance at age 0",
       "uncertainty",
       "Sterfte volgens Gompertz: jaarlijkse kans exp(dit + helling x leeftijd).",
       "Mortality after Gompertz: yearly chance exp(this + slope x age).",
       "assumption: close to Dutch life tables", -12, -8, group="behaviour"),
    _p("mortality_gompertz_slope", float, 0.095, "per year of age", "uncertainty",
       "Toename van de log-sterftekans per levensjaar (zie het snijpunt hierboven).",
       "Rise of the log death chance per year of age (see the intercept above).",
       "assumption: close to Dutch life tables", 0.07, 0.12, group="behaviour"),
    _p("age_path", str, "cbs", "-", "uncertainty",
       "Leeftijdsopbouw: volgt de waargenomen verandering van de aandelen onder 18, 65+ en 80+ "
       "(CBS/Monitor Langdurige Zorg 2014-2018; sterfte boven 65 en het aandeel "
       "pasgeborenen worden daarop afgestemd), alleen geboorte, sterfte en migratie, of "
       "elk jaar de aandelen van het beginjaar (geen vergrijzing: om het effect te meten).",
       "Age structure: follows the observed change of the shares under 18, 65+ and 80+ "
       "(CBS/Monitor Langdurige Zorg 2014-2018; death chances over 65 and the newborns' share "
       "are aligned to it), births, deaths and migration alone, or the start year's shares "
       "every year (no ageing: to measure its effect).",
       "domain: Monitor Langdurige Zorg, population by age 2014-2018 (data/age_path.csv); "
       "alignment as in dynamic microsimulation (Li and O'Donoghue 2014, JASSS 17(1) 15)",
       choices=("cbs", "none", "fixed"), group="behaviour"),
    _p("onset_wmo_doubling_years", float, 10.0, "years of age", "uncertainty",
       "Leeftijdsverschil waarover de kans op een Wmo-hulpvraag verdubbelt.",
       "Years of age over which the chance of a Wmo need doubles.",
       "assumption", 5, 20, group="behaviour"),
    _p("onset_wmo_max", float, 0.5, "probability per year", "uncertainty",
       "Hoogste jaarlijkse kans op een Wmo-hulpvraag, op elke leeftijd.",
       "Highest yearly chance of a Wmo need, at any age.",
       "assumption", 0.1, 1, group="behaviour"),
    _p("youth_carry_over_severity", float, 0.5, "severity (0-1)", "uncertainty",
       "Wie 18 wordt met een jeugdhulpvraag van minstens deze ernst, houdt een Wmo-hulpvraag.",
       "Who turns 18 with a youth care need at least this severe keeps a Wmo need.",
       "assumption", 0, 1, group="behaviour"),
    _p("youth_carry_over_factor", float, 0.8, "x severity", "uncertainty",
       "Ernst van die Wmo-hulpvraag als deel van de ernst van de jeugdhulpvraag.",
       "Severity of that Wmo need as a share of the youth care need's severity.",
       "assumption", 0, 1, group="behaviour"),
    _p("escalation_rate", float, 0.03, "severity per month", "uncertainty",
       "Toename van de ernst per maand dat een hulpvraag onvervuld blijft.",
       "Rise in severity for every month a need stays unmet.",
       "assumption", 0, 0.5, group="behaviour"),
    _p("progression_rate", float, 0.004, "severity per month", "uncertainty",
       "Toename van de ernst van een Wmo-hulpvraag per maand door ouder worden, ook met hulp.",
       "Rise in the severity of a Wmo need per month from ageing, also with support.",
       "assumption", 0, 0.1, group="behaviour"),
    _p("network_application_factor", float, 0.6, "x application chance", "uncertainty",
       "Hoeveel minder vaak iemand met een lichte hulpvraag hulp aanvraagt als het netwerk de "
       "hulpvraag al opvangt; bij ernst s is het f + (1 - f) s, bij de zwaarste niet minder.",
       "How much less often someone with a light need applies when the network already covers "
       "it; at severity s the factor is f + (1 - f) s, for the heaviest needs no less.",
       "assumption; informal care substitutes for formal help at low disability and the "
       "substitution disappears as disability rises (Bonsang 2009, J Health Econ 28)", 0, 1,
       group="behaviour"),
    _p("network_severity", bool, True, "-", "national",
       "Een door het netwerk opgevangen hulpvraag wordt minder vaak aangevraagd naarmate hij "
       "lichter is (f + (1 - f) x ernst); uit: bij elke ernst f.",
       "A need the network covers is applied for less the lighter it is (f + (1 - f) x "
       "severity); off: f at any severity.",
       "assumption (switch); Bonsang 2009, J Health Econ 28", group="behaviour"),
    _p("burdened_onset_factor", float, 2.0, "x onset chance", "uncertainty",
       "Factor op de kans op een eigen hulpvraag voor een overbelaste mantelzorger.",
       "Factor on an overburdened carer's own chance of developing a need.",
       "assumption", 1, 10, group="behaviour"),
    _p("application_rate", float, 0.5, "probability per month", "uncertainty",
       "Maandelijkse kans dat iemand met een ernstige, onvervulde hulpvraag hulp aanvraagt.",
       "Monthly chance that someone with a severe unmet need applies for support.",
       "assumption", 0, 1, group="behaviour"),
    _p("price_sensitivity", float, 1.0, "per EUR 100 per month", "uncertainty",
       "Hoe sterk de eigen bijdrage aanvragen afremt (per EUR 100 per maand).",
       "How strongly the own contribution deters applications (per EUR 100 a month).",
       "assumption", 0, 10, group="behaviour"),
    _p("care_hours_at_full_need", float, 40.0, "hours per month", "uncertainty",
       "Uren Wmo-hulp (huishouden of ondersteuning thuis) per maand bij maximale ernst; ook "
       "wat een mantelzorger gevraagd wordt.",
       "Hours of Wmo help (household help or support at home) per month at maximum severity; "
       "also what an informal carer is asked for.",
       "assumption, calibrated on Wmo spending per client", 1, 200, group="behaviour"),
    _p("youth_hours_at_full_need", float, 30.0, "hours per month", "uncertainty",
       "Uren ambulante jeugdhulp per maand bij maximale ernst.",
       "Hours of ambulant youth care per month at maximum severity.",
       "assumption", 1, 200, group="behaviour"),
    _p("carer_stretch_base", float, 0.5, "x sustainable hours", "uncertainty",
       "Een mantelzorger buiten het gezin (vriend, buur, familie elders) geeft tot (dit + "
       "burgerkracht als factor op 2015) maal de uren die vol te houden zijn: 1,5 maal bij "
       "burgerkracht 0,5.",
       "A carer outside the household (a friend, neighbour, relative elsewhere) gives up to "
       "(this + citizen power as a factor on 2015) times the hours they can sustain: 1.5 "
       "times at citizen power 0.5.",
       "assumption", 0, 2, group="citizens"),
    _p("carer_kinship", bool, True, "-", "national",
       "Een partner of ouder zorgt uit verplichting: tot carer_stretch_kin maal wat vol te "
       "houden is, los van burgerkracht (uit: als iedere andere mantelzorger).",
       "A partner or parent cares out of obligation: up to carer_stretch_kin times what they "
       "can sustain, whatever citizen power (off: like any other carer).",
       "assumption (switch); SCP: the relation (partner, child, neighbour) shapes the help "
       "most, partners give the longest and most intensive care (De Boer and De Klerk 2015, "
       "Informele hulp: wie doet er wat?)", group="citizens"),
    _p("carer_stretch_kin", float, 2.0, "x sustainable hours", "uncertainty",
       "Hoe ver een partner of ouder oprekt boven wat vol te houden is.",
       "How far a partner or parent stretches beyond what they can sustain.",
       "assumption: further than the wider network (1.5 at the 2015 level), as partners give "
       "the longest and most intensive care (SCP 2015)", 1, 3, group="citizens"),
    _p("carer_work_factor", float, 0.7, "share of sustainable hours", "uncertainty",
       "Deel van de vol te houden uren dat een mantelzorger met een voltijdbaan (40 uur) "
       "houdt; een baan van h uur neemt h/40 van de rest. Wie werkt en hoeveel uur: CBS naar "
       "leeftijd; 1 = werk telt niet.",
       "Share of the sustainable hours a carer with a full-time job (40 hours) keeps; a job "
       "of h hours takes h/40 of the rest. Who works and how many hours: CBS by age; 1 = "
       "work does not count.",
       "assumption: working carers feel more time pressure, the more so the longer they work "
       "(SCP's report on working carers, as NU.nl reported in February 2019, "
       "nu.nl/werk/5738130); no measured size. Who works: CBS StatLine 71886ned (2014) and "
       "82647NED (2015)", 0.2, 1, group="citizens"),
    _p("carer_work_burden", bool, True, "-", "national",
       "Werk weegt op wat een mantelzorger kan volhouden, niet op de uren die hij geeft (uit: "
       "werk vermindert ook de gegeven uren).",
       "Work weighs on what a carer can sustain, not on the hours they give (off: work also "
       "lowers the hours given).",
       "domain (switch): intensive carers in work give about as many hours whatever their "
       "working hours (men 22 hours of care a week beside 37 of work, women 21 beside 25) "
       "and the men feel more time pressure (SCP's report on working carers, as NU.nl "
       "reported in February 2019); carers work about as long as others (33 hours a week "
       "against 35, ibid.; Josten and De Boer 2015, Concurrentie tussen mantelzorg en "
       "betaald werk)", group="citizens"),
    _p("carer_overburden_months", int, 3, "months", "uncertainty",
       "Maanden achter elkaar boven wat vol te houden is voordat een mantelzorger overbelast "
       "is (1 = meteen).",
       "Months in a row above what they can sustain before a carer is overburdened (1 = at "
       "once).",
       "assumption: SCP's threshold for long-term care is three months", 1, 12,
       group="citizens"),
    _p("carer_support_cost_eur_per_year", float, 1000.0, "EUR per carer per year",
       "uncertainty",
       "Wat de ondersteuning van een mantelzorger per jaar kost (respijt, consulent).",
       "What supporting one carer costs a year (respite, a carer consultant).",
       "assumption: about a day of respite a month (day care at EUR 60-80 a day) and some "
       "counselling", 250, 5000, group="citizens"),
    _p("carer_support_awareness", float, 0.48, "share of carers", "uncertainty",
       "Deel van de mantelzorgers dat weet dat er mantelzorgondersteuning is (alleen wie het "
       "weet, kan die krijgen).",
       "Share of carers who know that carer support exists (only they can get it).",
       "domain: of the carers who need support, 52% do not know that support for carers "
       "exists (Movisie, Cijfers over ondersteuning, from SCP's survey of informal help in "
       "2014, De Boer and De Klerk 2015)", 0, 1, group="citizens"),
    _p("carer_support_relief", float, 0.15, "share of sustainable hours", "uncertainty",
       "Hoeveel meer uren een ondersteunde mantelzorger kan volhouden (0 = geen effect).",
       "How many more hours a supported carer can sustain (0 = no effect).",
       "assumption: reviews find small effects of respite and carer support on burden (Mason "
       "et al. 2007, J Am Geriatr Soc 55: small pooled effects; Maayan et al. 2014, Cochrane "
       "CD004396: none significant), so the default is small and the range starts at 0", 0,
       0.5, group="citizens"),
    _p("informal_cover_share", float, 0.999, "share of hours asked", "uncertainty",
       "Deel van de gevraagde uren dat de mantelzorger moet geven om de hulpvraag te dekken.",
       "Share of the hours asked that the carer must give for the need to count as covered.",
       "assumption", 0.5, 1, group="citizens"),
    _p("formal_complement_share", float, 0.25, "share of the hours of need", "uncertainty",
       "Mantelzorg naast formele hulp: een Wmo-cliënt met huishoudelijke hulp of begeleiding "
       "vraagt zijn mantelzorger dit deel van de uren van zijn hulpvraag bovenop wat de "
       "aanbieder doet (0 = wie formele hulp heeft, krijgt geen mantelzorg).",
       "Informal care beside formal help: a Wmo client with household help or support asks "
       "their carer this share of the hours of their need on top of what the provider does "
       "(0 = whoever has formal help gets no informal care).",
       "assumption for the size (no Dutch measurement of the hours); that formal clients keep "
       "drawing on their network is behaviour: only 58% of the indicated hours of formal "
       "personal care were used in 2013, less with a healthy partner (Duell et al. 2019, J "
       "Long-Term Care, Dutch register data); formal and informal home care are used "
       "together more and more often, the substitution between them weakening 1992-2012 "
       "(Swinkels et al. 2016, Ageing & Society 36, LASA); informal care complements "
       "skilled formal care (Bonsang 2009, J Health Econ 28)", 0, 0.6, group="citizens"),
    _p("carer_hours_per_month", float, 30.0, "hours per month", "uncertainty",
       "Uren mantelzorg die een gezonde mantelzorger per maand kan volhouden; met meer "
       "burgerkracht rekken mantelzorgers verder op (en raken ze eerder overbelast).",
       "Hours of informal care a healthy carer can sustain a month; with more citizen power "
       "carers stretch further (and are overburdened sooner).",
       "assumption; SCP counts 8+ hours a week for 3+ months as heavy", 0, 200,
       group="behaviour"),
    _p("partner_age_sd", float, 3.6, "years", "uncertainty",
       "Spreiding van de leeftijd bij het vormen van paren: partners zijn buren in de volgorde "
       "van leeftijd plus normale ruis met deze standaardafwijking (3,6 jaar: een derde van "
       "de paren scheelt 5 jaar of meer; groot: partners van willekeurige leeftijd).",
       "Spread of age when couples form: partners are neighbours in the order of age plus "
       "normal noise of this standard deviation (3.6 years: a third of couples 5 or more years "
       "apart; large: partners of any age).",
       "domain: CBS, on the 63,000 marriages of 2017 (media enquiry, 2018): the spouses born in "
       "the same year 1 in 10, 1-5 years apart about 55%, 5 or more years apart about a third, "
       "shares nearly unchanged for twenty years; a gap normal with sd 3.6 x sqrt(2) puts "
       "a third at 5 years or more", 0.5, 30.0, group="behaviour"),
    _p("couples_renewed", bool, True, "-", "setting",
       "Elke januari vormen alleenstaande volwassenen nieuwe paren (van ongeveer gelijke "
       "leeftijd), zodat het aandeel volwassenen met een partner per gemeente blijft wat het "
       "bij de start was (uit: paren alleen bij de start; wie zijn partner verliest, "
       "blijft alleen).",
       "Each January single adults form new couples (of about the same age), so that the "
       "share of adults with a partner stays at its start value in each municipality (off: "
       "couples only at the start; whoever loses a partner stays single).",
       "domain: CBS households (about 7.5 m in 2013 and 7.7 m in 2016 for 16.8-17.0 m persons: "
       "persons per household nearly constant); without renewal the partnered share of "
       "adults falls from 76% to 62% in three years (calibrated, the 2014 ages held, seed 1)",
       group="behaviour"),
    _p("older_alone", bool, True, "-", "national",
       "Ouderen wonen zo vaak alleen als het CBS telt: bij de start 30% van de 65-plussers "
       "(915.000 in 2015), en wie 65 of ouder is vormt geen nieuw paar (uit: paren onder "
       "alle volwassenen gelijk, de regel van voor 5 december 2026).",
       "Older people live alone as often as CBS counts: at the start 30% of those 65 or over "
       "(915,000 in 2015), and nobody 65 or over forms a new couple (off: couples alike "
       "at every adult age, the rule before 5 December 2026).",
       "domain: CBS household forecast 2015-2060 (NRC, 17 June 2016): 655,000 women and "
       "260,000 men 65+ lived alone in 2015; older people are left alone when a partner "
       "dies or moves into a home (CBS)", group="behaviour"),
    _p("isolated_share", float, 0.12, "share of single adults", "uncertainty",
       "Deel van de alleenstaanden zonder netwerk dat mantelzorg kan geven.",
       "Share of single adults with no network that can give informal care.",
       "assumption", 0, 1, group="behaviour"),
    _p("child_carer_share", float, 0.5, "share of single adults 55+", "uncertainty",
       "Deel van de alleenstaanden van 55 jaar of ouder met netwerk van wie een volwassen kind "
       "in de gemeente woont en mantelzorger is: zorgt als familie (carer_stretch_kin), de "
       "anderen krijgen een vriend of buur (0 = de regel van voor 5 december 2026).",
       "Share of single adults aged 55 or over with a network whose carer is an adult child "
       "living in the municipality: cares as kin (carer_stretch_kin), the others get a "
       "friend or neighbour (0 = the rule before 5 December 2026).",
       "assumption (no Dutch count of older people with a child in their municipality was "
       "found); adult children give older people most of their informal help and children "
       "living close by help most often and most intensively (De Boer and De Klerk 2015; "
       "Mulder and Van der Meer 2009; CBS, Vader en moeder op leeftijd, 2024)", 0, 0.9,
       group="behaviour"),
    _p("volunteering_rate", float, 0.49, "share of people 15+", "uncertainty",
       "Deel van de 15-plussers dat minstens jaarlijks vrijwilligerswerk doet, bij burgerkracht "
       "0,5: bepaalt de kans om te beginnen (bij wie gezond is, niet gevraagd en niet "
       "ontmoedigd).",
       "Share of people 15+ who volunteer at least yearly, at citizen power 0.5: sets the "
       "chance of starting (for someone in good health, not asked and not discouraged).",
       "domain: CBS, about 49% (2012-2016; Schmeets and Arends 2017)", 0, 0.95,
       group="behaviour", live="model"),
    _p("volunteer_quit_rate", float, 0.2, "share of volunteers per year", "uncertainty",
       "Deel van de vrijwilligers dat per jaar stopt (zonder ontmoediging of gezondheids"
       "problemen); ook het verloop onder leden van burgerinitiatieven.",
       "Share of volunteers who stop in a year (without discouragement or health problems); "
       "also the turnover among members of citizen initiatives.",
       "assumption: CBS's yearly share (49%) exceeds the monthly one (3 in 10), so many "
       "volunteer for a while; no Dutch panel figure on yearly exits was found", 0.02, 0.8,
       group="behaviour"),
    _p("volunteer_turnover", bool, True, "-", "national",
       "Vrijwilligerswerk als gedrag: elk jaar in januari beginnen en stoppen mensen (met hun "
       "verleden); uit: ieder jaar dezelfde vaste neiging tegen de evenwichtskans.",
       "Volunteering as behaviour: each January people start and stop (their past matters); "
       "off: every year the same fixed propensity against the stationary chance.",
       "assumption (switch)", group="behaviour"),
    _p("volunteer_ask_effect", float, 1.0, "factor on the chance to start", "uncertainty",
       "Hoeveel vaker iemand begint als een burgerinitiatief in de eigen wijk vrijwilligers "
       "werft (gevraagd worden; 0 = geen effect).",
       "How much more often someone starts when a citizen initiative in their neighbourhood "
       "recruits (being asked; 0 = no effect).",
       "assumption: being asked is among the strongest predictors of volunteering (Musick and "
       "Wilson 2008, Volunteers: A Social Profile, ch. 13); the size has no Dutch measurement",
       0, 3, group="behaviour"),
    _p("initiative_discouragement", float, 1.0, "factor on the chance to stop", "uncertainty",
       "Hoeveel sneller leden van burgerinitiatieven stoppen als hun gemeente knijpt of de "
       "steun terugdraait waarmee het initiatief begon (bij volle ontmoediging; 0 = geen "
       "effect).",
       "How much faster members of citizen initiatives stop when their municipality squeezes "
       "or withdraws the support the initiative began with (at full discouragement; 0 = no "
       "effect).",
       "assumption: durability suffers when support is temporary (Van der Harst, Bredewold "
       "and Tonkens 2019, Universiteit voor Humanistiek; Blonk and Van den Bosch 2018, "
       "Movisie); no measured size", 0, 5, group="behaviour"),
    _p("initiative_formation_rate", float, 0.006, "per 1,000 volunteers per year",
       "uncertainty",
       "Kans per jaar dat in een wijk zonder initiatief een burgerinitiatief in zorg en "
       "welzijn ontstaat, per 1.000 vrijwilligers die er wonen, bij volle steun.",
       "Yearly chance that a citizen initiative in care and welfare forms in a neighbourhood "
       "without one, per 1,000 volunteers living there, at full support.",
       "derived: about 35 new initiatives a year 2012-2014 (30 in 2012, 101 in 2014: "
       "Aedes-Actiz; Vilans) over about 6.6 M volunteers and the support room 0.75 at EUR 1 "
       "per inhabitant", 0, 1, group="behaviour", live="model"),
    _p("initiative_recruit_rate", float, 0.05, "share of the pool per month", "uncertainty",
       "Deel van de nog niet betrokken vrijwilligers in de wijk (5% van de vrijwilligers daar) "
       "dat een initiatief per maand als lid werft, bij volle steun.",
       "Share of the neighbourhood's volunteers not yet involved (5% of its volunteers) that an "
       "initiative recruits as members a month, at full support.",
       "assumption: village care cooperatives count several hundred members in villages of "
       "500-20,000 (Vilans 2014)", 0, 0.5, group="behaviour"),
    _p("team_cost_eur_per_fte", float, 75_000.0, "EUR per FTE per year", "uncertainty",
       "Kosten van een fte in een sociaal wijkteam per jaar (loon, werkgeverslasten, overhead).",
       "Cost of one FTE in a neighbourhood team a year (pay, employer's charges, overhead).",
       "assumption: CAO Sociaal Werk scales 8-10 (about EUR 3,000-4,300 a month in 2015) with "
       "holiday pay, employer's charges and overhead; business cases of neighbourhood teams "
       "(Ecorys, Business case Wijkteams Rotterdam, 2016; SEOR, Meta-analyse businesscases "
       "sociaal werk, 2020) work with EUR 60,000-90,000", 20_000, 200_000, group="behaviour"),
    _p("team_cases_per_fte_month", float, 6.0, "new cases per FTE per month", "uncertainty",
       "Nieuwe hulpvragen die een fte in het wijkteam per maand kan oppakken: een caseload van "
       "30-40 kwetsbare inwoners tegelijk, elk zo'n zes maanden.",
       "New needs one FTE in the neighbourhood team can take on a month: a caseload of 30-40 "
       "vulnerable residents at a time, each for about six months.",
       "derived: caseload 30-40 for vulnerable residents, 5-7 for households with heavy "
       "problems, 100 for the others (LPBL for BZK, cost-benefit tool for social teams, "
       "applied in 40 municipalities); a case lasts about six months (assumption): 35 / 6",
       0.5, 50, group="behaviour"),
    _p("team_hiring_months", float, 6.0, "months", "uncertainty",
       "Hoe snel de bezetting van de wijkteams het budget volgt: de helft van het verschil is "
       "na 0,7 x deze tijd geworven of afgebouwd (0 = meteen).",
       "How fast the teams' staff follows their budget: half the gap is hired or let go after "
       "0.7 x this time (0 = at once).",
       "assumption: the teams were built up through 2014-2015 and most municipalities had them "
       "by 2015 (Movisie, Sociale (wijk)teams in beeld, 2016); vacancies in social work take "
       "months to fill", 0, 36, group="behaviour"),
    _p("prevention_delay_months", float, 24.0, "months", "uncertainty",
       "Hoe lang het duurt voor het werk van de wijkteams het ontstaan van hulpvragen "
       "verlaagt: na deze tijd is 63% van het effect van hun huidige bereik bereikt "
       "(0 = meteen).",
       "How long the teams' work takes to lower the onset of needs: after this time 63% of "
       "the effect of their current reach is there (0 = at once).",
       "assumption: evaluations found no measurable preventive effect in the first years "
       "(SCP, Sociaal domein op koers?, 2020; AEF, Stelsel in groei, 2020); the cost-benefit "
       "study of Leeuwarden's front-line team looked back over four years (LPBL, 2012)",
       0, 120, group="behaviour"),
    _p("team_delays", bool, True, "-", "national",
       "Wijkteams als mensen: de bezetting volgt het budget met wervingstijd en het "
       "preventie-effect volgt het bereik met vertraging; uit: beide meteen.",
       "Neighbourhood teams as people: staff follows the budget with hiring time and the "
       "prevention effect follows the reach with a delay; off: both at once.",
       "assumption (switch)", group="behaviour"),
    _p("team_help_hours_per_fte", float, 105.0, "hours per FTE per month", "uncertainty",
       "Uren lichte hulp die een wijkteam per fte per maand zelf geeft aan wie niet bij een "
       "aanbieder is: jeugdhulp en (met team_wmo_help) ondersteuning thuis voor volwassenen "
       "(0 = geen).",
       "Hours of light help a neighbourhood team gives itself per FTE a month to persons no "
       "provider serves: youth care and, with team_wmo_help, support at home for adults "
       "(0 = none).",
       "calibrated (102 +- 16 in scenarios/calibrated.toml, with the adults' help taking "
       "from the same hours): CBS counts 62,130 young people helped by the teams of 358,125 "
       "with youth care without residence in 2016 (CBS, Jeugdhulp 2019); 36,500 in 2015, "
       "when some municipalities did not yet report", 0, 150,
       group="behaviour"),
    _p("team_wmo_help", bool, True, "-", "national",
       "Wijkteams geven ook volwassenen die niet bij een aanbieder zijn zelf lichte "
       "ondersteuning thuis, uit dezelfde uren als hun jeugdhulp; uit: alleen jeugdhulp.",
       "Neighbourhood teams also give adults no provider serves light support at home "
       "themselves, from the same hours as their youth care; off: youth care only.",
       "assumption (switch): most teams were generalist teams for all ages that, besides "
       "access, gave light support themselves (Movisie, Sociale (wijk)teams in vogelvlucht, "
       "2015, and Sociale (wijk)teams in beeld, 2016); support at home only, not household "
       "help or aids; no count of the adults they helped, so the hours per FTE are those "
       "calibrated on youth care", group="behaviour"),
    _p("contribution_per_household", bool, True, "-", "national",
       "De eigen bijdrage Wmo geldt per huishouden: hebben beide partners een "
       "maatwerkvoorziening, dan betalen zij één bijdrage, hoogstens wat hun zorg samen kost; "
       "wie een partner heeft die al betaalt, betaalt bij een aanvraag alleen wat erbij komt. "
       "Uit: ieder betaalt apart.",
       "The Wmo own contribution is per household: when both partners have a tailored "
       "provision they pay one contribution, at most what their care costs together; a person "
       "whose partner pays already pays, on applying, only what is added. Off: each pays "
       "apart.",
       "domain figure (rule): the contribution is set for the client and their spouse "
       "together (Uitvoeringsbesluit Wmo 2015, Stb. 2014, 420, chapter 3, as the CAK levies "
       "it; the flat rate of 2019 is per household too)", group="behaviour"),
    _p("outreach_effect", float, 0.3, "share of the chance to apply", "uncertainty",
       "Hoeveel vaker iemand met een hulpvraag die niet vanzelf wordt opgevangen hulp vraagt "
       "als de wijkteams volledig bereik hebben (latente vraag die zij vinden; 0 = geen).",
       "How much more often a person with a need applies for help when the neighbourhood teams "
       "reach everyone (latent need they find; 0 = none).",
       "assumption; neighbourhood teams and lower thresholds brought need into view that had "
       "not been brought forward (AEF, Stelsel in groei, 2020; SCP, Sociaal domein op koers?, "
       "2020); no measured size", 0, 1, group="behaviour"),
    _p("prevention_effect", float, 0.3, "share of onset", "uncertainty",
       "Grootste daling van het ontstaan van hulpvragen door preventie en wijkteams.",
       "Largest fall in the onset of needs from prevention and neighbourhood teams.",
       "assumption: the teams' preventive effect has not been measured (SCP, Sociaal domein op "
       "koers?, 2020); a range for sweeps", 0, 1, group="behaviour"),
    # --- tariffs and providers --------------------------------------------------------------
    _p("tariff_wmo_eur_per_hour", float, 21.0, "EUR per hour", "uncertainty",
       "Referentietarief hulp bij het huishouden per uur.",
       "Reference tariff for household help per hour.",
       "domain: household help EUR 18-23 an hour (council documents 2012-2014)", 1, 200,
       group="providers"),
    _p("wmo_share_household_help", float, 0.294, "share of new Wmo needs", "uncertainty",
       "Deel van de nieuwe Wmo-hulpvragen dat om hulp bij het huishouden vraagt.",
       "Share of new Wmo needs that call for household help.",
       "derived: CBS 2016, of 1,035,505 Wmo clients about 400,000 had household help, 260,000 "
       "support at home and 700,000 aids and services (some more than one): 400 / 1,360; "
       "calibrated on the clients' shares", 0, 1, group="behaviour"),
    _p("wmo_share_aids", float, 0.729, "share of the other new Wmo needs", "uncertainty",
       "Deel van de nieuwe Wmo-hulpvragen zonder hulp bij het huishouden dat om hulpmiddelen, "
       "woonvoorzieningen of vervoer vraagt (de rest: ondersteuning thuis en dagbesteding).",
       "Share of the new Wmo needs other than household help that call for aids, home "
       "adaptations or transport (the rest: support at home and day activities).",
       "derived: CBS 2016 (see wmo_share_household_help): 700 / (1,360 - 400); calibrated on "
       "the clients' shares", 0, 1,
       group="behaviour"),
    _p("tariff_support_eur_per_hour", float, 55.0, "EUR per hour", "uncertainty",
       "Referentietarief voor ondersteuning thuis (begeleiding) per uur.",
       "Reference tariff for support at home (begeleiding) per hour.",
       "assumption: individual support in municipal contracts of 2015 was of the order of "
       "EUR 45-65 an hour", 1, 300, group="providers"),
    _p("tariff_aids_eur_per_month", float, 80.0, "EUR per client per month",
       "uncertainty",
       "Wat hulpmiddelen, woonvoorzieningen en vervoer per maand kosten bij maximale ernst "
       "(huur of afschrijving).",
       "What aids, home adaptations and transport cost a month at maximum severity (rent or "
       "depreciation).",
       "assumption: a leased wheelchair or mobility scooter and the spread cost of an "
       "adaptation, of the order of EUR 30-150 a month", 0, 1000, group="providers"),
    _p("tariff_jeugd_eur_per_hour", float, 75.0, "EUR per hour", "uncertainty",
       "Referentietarief ambulante jeugdhulp per uur.",
       "Reference tariff for ambulant youth care per hour.",
       "assumption", 1, 300, group="providers"),
    _p("tariff_residential_eur_per_month", float, 5000.0, "EUR per client per month",
       "uncertainty",
       "Referentietarief residentiële jeugdhulp per maand.",
       "Reference tariff for residential youth care per month.",
       "assumption", 100, 30_000, group="providers"),
    _p("residential_threshold", float, 0.8, "need severity (0-1)", "uncertainty",
       "Ernst vanaf waar jeugdhulp residentieel wordt.",
       "Severity from which youth care becomes residential.",
       "assumption", 0.75, 1, group="providers"),
    _p("tariff_reintegration_eur_per_month", float, 400.0, "EUR per client per month",
       "uncertainty",
       "Referentietarief re-integratietraject per maand.",
       "Reference tariff for a reintegration trajectory per month.",
       "assumption", 0, 5000, group="providers"),
    _p("provider_cost_ratio", float, 0.95, "share of reference tariff", "uncertainty",
       "Kosten van een aanbieder per cliënt, als deel van het referentietarief.",
       "A provider's cost per client, as a share of the reference tariff.",
       "assumption", 0.3, 1.5, group="providers"),
    _p("reintegration_coverage", float, 0.25, "share of eligible recipients", "uncertainty",
       "Deel van de bijstandsontvangers dichtbij de arbeidsmarkt voor wie bij de start een "
       "re-integratieplek is.",
       "Share of recipients close to the labour market for whom a reintegration place exists "
       "at the start.",
       "assumption", 0, 1, group="providers"),
    _p("fixed_cost_share", float, 0.15, "share of cost", "uncertainty",
       "Deel van de kosten van een aanbieder dat niet meebeweegt met het aantal cliënten.",
       "Share of a provider's cost that does not move with the number of clients.",
       "assumption", 0, 0.9, group="providers"),
    _p("providers_per_100k", float, 12.0, "providers per 100,000 inhabitants", "uncertainty",
       "Aantal aanbieders per 100.000 inwoners (minimaal één per dienst).",
       "Number of providers per 100,000 inhabitants (at least one per service).",
       "assumption", 1, 200, group="providers"),
    _p("capacity_slack", float, 1.1, "x initial demand", "uncertainty",
       "Startcapaciteit van aanbieders als factor op de vraag bij de start.",
       "Providers' starting capacity as a multiple of the starting demand.",
       "assumption", 0.5, 3, group="providers"),
    _p("provider_reserve_months", float, 3.0, "months of revenue", "uncertainty",
       "Startreserves van aanbieders in maanden omzet.",
       "Providers' starting reserves in months of revenue.",
       "assumption", 0, 24, group="providers"),
    _p("municipal_reserve_share", float, 0.05, "share of yearly budget", "uncertainty",
       "Reserve van de gemeente voor het sociaal domein, als deel van het jaarbudget: bij de "
       "start, en de buffer daarna (wat erboven komt gaat aan het eind van het jaar naar de "
       "andere taken).",
       "The municipality's reserve for the social domain, as a share of the yearly budget: at "
       "the start, and the buffer afterwards (what rises above it goes to the other tasks at "
       "the year's end).",
       "assumption", 0, 2, group="budget"),
    _p("objective_allocation_years", int, 3, "years", "national",
       "Jaren na de hervorming waarin de budgetten voor Wmo en jeugd van de historische "
       "verdeling naar de objectieve verdeling gaan (bedrag per inwoner maal de verwachte "
       "hulpvraag van de bevolking); 0 = historisch blijven.",
       "Years after the reform over which the Wmo and youth budgets move from the historical "
       "to the objective allocation (amount per inhabitant times the population's expected "
       "need); 0 = stay historical.",
       "domain: objective allocation models replaced historical costs from 2016 with a "
       "transition (Wmo) and 2016-2018 (youth) (meicirculaire gemeentefonds 2015)", 0, 10,
       group="budget"),
    _p("care_continuity", bool, True, "-", "national",
       "Continuiteit van zorg: gaat een aanbieder failliet, dan neemt een opvolger (doorstart) "
       "zijn clienten meteen over; uit: zij staan weer op de wachtlijst.",
       "Continuity of care: when a provider goes bankrupt a successor (a restart) takes its "
       "clients over at once; off: they are back on the waiting list.",
       "domain: the municipality is responsible for the continuity of care when a contracted "
       "provider fails (VNG, Handreiking continuiteit van jeugdhulp bij faillissement, 2015; "
       "Kamerstuk 31839-703, 2020: continuity of care for the client, not of the provider)",
       group="budget"),
    _p("fair_price", bool, True, "-", "national",
       "Reële prijs en zorgplicht: na de hervorming betaalt een gemeente bij haar jaarlijkse "
       "herziening minstens het tarief dat aanbieders vragen; zij snijdt het tarief niet "
       "verder terug en verhoogt het tot die bieding als die erboven ligt (uit: het tarief "
       "volgt alleen de eigen begroting, en aanbieders die meer vragen nemen nooit meer "
       "cliënten aan).",
       "Fair price and duty of care: after the reform a municipality pays, at its yearly "
       "review, at least the tariff providers ask; it cuts the tariff no further and raises it "
       "to their bid where the bid is above it (off: the tariff follows the municipality's own "
       "budget only, and providers who ask more never take a client again).",
       "domain (rule): the municipality must provide the care a person needs (Wmo 2015 art. "
       "2.3.5; Jeugdwet art. 2.3) and the council sets rules for a fair relation between price "
       "and quality (Wmo 2015 art. 2.6.6), from 2017 a fair price as the floor of a tender or "
       "contract (Uitvoeringsbesluit Wmo 2015 art. 5.4, AMvB reele prijs, as quoted in HR "
       "2021:1452); that it pays the bid within a year is an assumption", group="budget"),
    _p("provider_entry", bool, True, "-", "national",
       "Toetreding bij open house: na de hervorming contracteert een gemeente met open house "
       "iedere aanbieder die aan de eisen voldoet, dus wat de zittende aanbieders van een "
       "wachtlijst niet opnemen, nemen nieuwe aanbieders in december op (uit: alleen de "
       "zittende aanbieders groeien; bij aanbesteden komt er nooit een toetreder).",
       "Entry under open-house contracting: after the reform a municipality contracting open "
       "house contracts every provider that meets its terms, so the part of a waiting list "
       "that incumbents do not grow into is taken up by new providers in December (off: only "
       "incumbents grow; under tendering there is never an entrant).",
       "domain: open house contracts every qualified provider (CPB 2024, Effecten van open "
       "house); about 90% of municipalities bought youth care so (Follow the Money 2021); "
       "youth care providers rose from 384 before 2015 to over 6,000 (IGJ, 2021) and youth "
       "care establishments from 1,180 (2014) to 4,186 (2021, KvK); CPB (2024) found no "
       "relation between the number of contracted providers and the number of clients, so "
       "entrants meet waiting need and create none", group="budget"),
    _p("budget_discipline", bool, True, "-", "national",
       "Gemeenten houden hun reserves boven de ondergrens: een tekort wordt gedekt uit "
       "reserves, andere taken of lokale belasting, en anders volgt preventief toezicht van "
       "de provincie (uit: onbeperkte tekorten, zoals in versie 0.2).",
       "Municipalities keep reserves above the floor: a deficit is covered from reserves, other "
       "tasks or local tax, and otherwise the province's preventive supervision follows (off: "
       "unlimited deficits, as in version 0.2).",
       "domain: Gemeentewet art. 189-190 (balanced budget), 203-208 (preventive supervision); "
       "Financiele-verhoudingswet", group="budget"),
    _p("review_squeeze", bool, True, "-", "national",
       "Een gemeente met een structureel tekort knijpt bij de jaarlijkse herziening: strengere "
       "toegang, lagere tarieven, minder geld voor experimenten en initiatieven, naar mate "
       "van haar traditionele oriëntatie (uit: de knoppen blijven op de waarden van het "
       "scenario; toezicht en bezuinigingen op andere taken blijven).",
       "A municipality with a structural deficit squeezes at its yearly review: stricter "
       "access, lower tariffs, less money for experiments and initiatives, as far as its "
       "orientation is traditional (off: the levers stay at the scenario's values; "
       "supervision and money from other tasks remain).",
       "assumption: the repertoire of cuts municipalities reported (stricter access and "
       "indications, lower tariffs; Binnenlands Bestuur / NOS May 2016 on the Wmo in 2015, "
       "the CRvB rulings of 18 May 2016 on household help); its size per year is assumed "
       "(ODD 7.8)", group="budget"),
    _p("reserve_floor_share", float, 0.0, "share of yearly budget", "uncertainty",
       "Ondergrens van de reserves sociaal domein aan het eind van een jaar, als deel van het "
       "jaarbudget (0: niet negatief).",
       "Floor of the social-domain reserves at the end of a year, as a share of the yearly "
       "budget (0: not negative).",
       "assumption", 0, 0.5, group="budget"),
    _p("other_tasks_max_share", float, 0.05, "share of yearly budget", "uncertainty",
       "Hoeveel een gemeente per jaar hoogstens uit andere taken naar het sociaal domein "
       "overhevelt, als deel van het jaarbudget sociaal domein.",
       "The most a municipality moves from its other tasks to the social domain in a year, as a "
       "share of the yearly social-domain budget.",
       "assumption", 0, 0.5, group="budget"),
    _p("local_tax_max_eur_per_capita", float, 20.0, "EUR per inhabitant per year",
       "uncertainty",
       "Hoeveel een gemeente de lokale lasten (OZB) per jaar hoogstens verhoogt om een tekort "
       "te dekken.",
       "The most a municipality raises local tax (OZB) in a year to cover a deficit.",
       "assumption: OZB yields about EUR 235 per inhabitant a year (CBS 2015); 20 is a rise "
       "of about 9%", 0, 200, group="budget"),
    _p("network_at_reassessment", bool, True, "-", "national",
       "Eigen kracht ook bij herindicatie: een gemeente die eerst naar het netwerk kijkt, "
       "vraagt bij een herbeoordeling dezelfde extra ernst (network_first_margin) van een cliënt "
       "wiens mantelzorger de gevraagde uren erbij kan geven binnen wat hij kan volhouden, als "
       "bij een nieuwe aanvraag (uit: bij herbeoordeling telt alleen de drempel).",
       "The network first at re-assessment too: a municipality that counts the network first "
       "asks, at a re-assessment, the same extra severity (network_first_margin) of a client "
       "whose carer could give the hours asked on top of what they give, within what they can "
       "sustain, as of a new application (off: a re-assessment asks only the threshold).",
       "domain (rule): every decision on a tailored service weighs own strength, usual help "
       "and informal care (Wmo 2015 art. 2.3.2 para. 4 and 2.3.5 para. 3; Jeugdwet art. 2.3), "
       "re-assessments of existing household help included (Rb. Midden-Nederland 10 December "
       "2015, ECLI:NL:RBMNE:2015:9404); a partner who risks overburden need not take over "
       "(CRvB 3 March 2010, ECLI:NL:CRVB:2010:BL9930), hence within sustainable hours",
       group="budget"),
    _p("transition_law", bool, True, "-", "national",
       "Overgangsrecht Wmo 2015: wie op 31 december voor de hervorming een AWBZ-indicatie had "
       "(ondersteuning thuis), houdt die tot de einddatum, uiterlijk tot het eind van het "
       "hervormingsjaar; de gemeente herbeoordeelt die cliënten in de loop van dat jaar, "
       "gelijkmatig. Huishoudelijke hulp en hulpmiddelen (al Wmo 2007) herbeoordeelt zij in "
       "januari (uit: de nieuwe regels gelden voor iedereen op 1 januari).",
       "Wmo 2015 transitional law: whoever held an AWBZ indication (support at home) on 31 "
       "December before the reform keeps it until its end date, at the latest until the end "
       "of the reform year; the municipality re-assesses those clients in the course of that "
       "year, evenly. Household help and aids (already Wmo 2007) it re-assesses in January "
       "(off: the new rules apply to everyone on 1 January).",
       "domain: Wmo 2015 art. 8.6a (AWBZ indications valid until their end date, at the latest "
       "until 1 January 2016); TransitieBureau Wmo, Handreiking Overgangsrecht AWBZ - Wmo 2015 "
       "(June 2014); household help re-assessed and cut from 2015 (VNG ledenbrief 14/097, 18 "
       "December 2014; CRvB 18 May 2016, ECLI:NL:CRVB:2016:1402-1404); evenly through the year "
       "is an assumption", group="budget"),
    _p("municipal_hours_factor", float, 0.85, "x the old system's hours", "uncertainty",
       "Hoeveel uren huishoudelijke hulp en ondersteuning een gemeentelijke indicatie geeft, "
       "als factor op de uren van het oude stelsel bij dezelfde hulpvraag (geldt voor nieuwe "
       "indicaties en na de herbeoordeling; 1 = dezelfde uren).",
       "How many hours of household help and support a municipal indication grants, as a "
       "factor on the old system's hours for the same need (for new indications and after the "
       "re-assessment; 1 = the same hours).",
       "calibrated on the Wmo spending per client of 2016, with the old system's spending of "
       "2014 fixing the hours before the reform; the direction from municipalities that "
       "indicated more strictly and for fewer hours in 2015 (Binnenlands Bestuur / NOS, May "
       "2016; court cases on the cuts in household help, CRvB 18 May 2016)", 0.3, 1.0,
       group="behaviour"),
    _p("municipal_heterogeneity", float, 0.15, "sd", "uncertainty",
       "Hoe sterk gemeenten en aanbieders onderling verschillen (spreiding rond de gemiddelden).",
       "How much municipalities and providers differ (spread around the means).",
       "assumption", 0, 0.5, group="citizens"),
    # Well-being and self-reliance (docs/odd.md 7.10; kernels wellbeing_step and age_terms).
    # An index on a 0-1 scale, not a measured quantity: the weights are assumptions that order
    # situations (an unmet need costs more than waiting, waiting more than being helped).
    _p("wellbeing_base", float, 0.72, "0-1", "uncertainty",
       "Welzijn van iemand met een modaal inkomen en niets dat knelt.",
       "Well-being of a person on a middle income with nothing wrong.",
       "assumption", 0.3, 1, group="wellbeing"),
    _p("wellbeing_income_effect", float, 0.08, "0-1", "uncertainty",
       "Hoeveel welzijn met het inkomen meebeweegt: dit maal tanh(ln(inkomen / 2500)).",
       "How much well-being moves with income: this times tanh(ln(income / 2500)).",
       "assumption", 0, 0.3, group="wellbeing"),
    _p("wellbeing_volunteer_bonus", float, 0.03, "0-1", "uncertainty",
       "Extra welzijn van wie vrijwilligerswerk doet.",
       "Extra well-being of a volunteer.",
       "assumption", 0, 0.2, group="wellbeing"),
    _p("wellbeing_assistance_cost", float, 0.12, "0-1", "uncertainty",
       "Welzijn dat een bijstandsuitkering kost.",
       "Well-being that living on social assistance costs.",
       "assumption", 0, 0.5, group="wellbeing"),
    _p("wellbeing_unmet_cost", float, 0.45, "0-1 per unit of need severity", "uncertainty",
       "Welzijn dat een onvervulde hulpvraag kost, per eenheid ernst.",
       "Well-being an unmet need costs, per unit of severity.",
       "assumption", 0, 1, group="wellbeing"),
    _p("wellbeing_in_need_cost", float, 0.1, "0-1 per unit of need severity", "uncertainty",
       "Welzijn dat een hulpvraag kost die (met hulp) wordt opgevangen, per eenheid ernst.",
       "Well-being a need costs while it is met (by care or help), per unit of severity.",
       "assumption", 0, 1, group="wellbeing"),
    _p("wellbeing_overburden_cost", float, 0.15, "0-1", "uncertainty",
       "Welzijn dat overbelasting kost aan een mantelzorger die twee keer zoveel geeft als hij "
       "volhoudt (naar rato daaronder).",
       "Well-being that overburdening costs a carer giving twice what they can sustain "
       "(proportionally less below that).",
       "assumption", 0, 0.5, group="wellbeing"),
    _p("wellbeing_adjustment", float, 0.2, "share of the gap per month", "uncertainty",
       "Welk deel van de afstand tot het doelniveau het welzijn elke maand overbrugt.",
       "Share of the gap to its target that well-being closes each month.",
       "assumption", 0.01, 1, group="wellbeing"),
    _p("self_reliance_change", float, 0.01, "per month", "uncertainty",
       "Verandering van de zelfredzaamheid per maand: omlaag onder druk (onvervulde of "
       "wachtende Wmo-hulpvraag, overbelaste mantelzorg, niet onder 0), anders even snel "
       "omhoog tot het eigen niveau.",
       "Change of self-reliance per month: down under strain (an unmet or waiting Wmo need, "
       "an overburdened carer role; not below 0), otherwise up as fast, to its own level.",
       "assumption: one rate both ways (no data tell erosion and recovery apart)", 0, 0.1,
       group="wellbeing"),
)

PARAM_BY_NAME: dict[str, Param] = {p.name: p for p in PARAMETERS}
if len(PARAM_BY_NAME) != len(PARAMETERS):  # pragma: no cover - guards the declaration itself
    raise RuntimeError("a parameter is declared twice")
# Levers that may change while the model runs (TransitionModel.set_levers, workshop roles),
# and of those the ones each Municipality holds under the parameter's name.
LIVE_LEVERS: tuple[str, ...] = tuple(p.name for p in PARAMETERS if p.live)
MUNICIPAL_LEVERS: tuple[str, ...] = tuple(p.name for p in PARAMETERS if p.live == "municipality")


@dataclass(frozen=True)
class EventField:
    name: str
    type: type
    help_en: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventKind:
    """Declaration of one kind of national event a scenario may list under ``[[events]]``."""

    name: str
    help_nl: str
    help_en: str
    fields: tuple[EventField, ...] = field(default_factory=tuple)


EVENT_KINDS: dict[str, EventKind] = {
    e.name: e
    for e in (
        EventKind(
            "extra_budget",
            "Extra geld van het Rijk voor één domein, landelijk bedrag per jaar, verdeeld naar "
            "inwonertal.",
            "Extra money from the Rijk for one domain: a national amount for one year, shared "
            "out by population.",
            (
                EventField("domain", str, "domain that receives it", choices=DOMAINS),
                # Extra money only: a cut is the cut_* parameters' job, and a negative amount
                # could push a domain's budget below zero.
                EventField("amount_eur", float, "national amount in EUR for that year (extra "
                           "money; cuts are set with the cut_* parameters)", 0, 1e10),
            ),
        ),
        EventKind(
            "own_contribution",
            "Nieuwe eigen bijdrage voor de Wmo (bijv. het abonnementstarief van EUR 19 in 2019).",
            "New own contribution for the Wmo (e.g. the flat EUR 19 a month from 2019).",
            (EventField("amount_eur_per_month", float, "EUR per client per month", 0, 500),),
        ),
    )
}

UNEMPLOYMENT_RANGE = (0.0, 0.5)
