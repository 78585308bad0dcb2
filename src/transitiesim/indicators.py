"""The indicators, declared: name (its column), unit, labels, how months make a year, and
which direction is better. What computes each is in ``reporters`` (``Indicator.fn``); this
module imports neither Mesa nor the compiled kernels, so the app's page and the docs read the
declarations without loading the model.

Every reporter returns an array of length M + 1: one value per municipality, then the national
value. National values are computed from the persons and organisations themselves, not
averaged from municipalities (a national 10th percentile is not a mean of local ones).
``year`` says how months make a year: ``sum`` for flows (euros, exits), ``mean`` for stocks
and levels, ``last`` for counts over the year so far (December's value is the year's, as CBS
counts everyone who had youth care in a year once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .params import DOMAINS

if TYPE_CHECKING:
    import numpy as np

    from .model import TransitionModel


@dataclass(frozen=True)
class Indicator:
    """One indicator: its name is its column; ``better`` says which direction is better for
    the people the model is about (-1 lower, +1 higher, 0 neither: more clients can mean more
    help or more need), which the app's summary and the workshop's debrief word by."""

    name: str
    unit: str
    label_nl: str
    label_en: str
    year: Literal["sum", "mean", "last"]
    better: int = 0

    @property
    def fn(self) -> Callable[[TransitionModel], np.ndarray]:
        """The reporter: the model to one value per municipality, then the national one."""
        from .reporters import REPORTERS
        return REPORTERS[self.name]


@dataclass(frozen=True)
class Derived:
    """An indicator computed from others after a run (a sum of columns), declared here so the
    app, the debrief and the sweeps label and judge it like the rest."""

    name: str
    unit: str
    label_nl: str
    label_en: str
    parts: tuple[str, ...]
    better: int = 0

    def compute(self, table):
        """The column for ``table`` (a pandas DataFrame with the parts)."""
        return sum(table[p] for p in self.parts)


_NL = {"wmo": "Wmo", "jeugd": "jeugd", "participatie": "participatie"}
_EN = {"wmo": "Wmo", "jeugd": "youth care", "participatie": "participation"}

INDICATORS: tuple[Indicator, ...] = (
    *(Indicator(f"budget_eur_{d}", "EUR per month", f"Budget {_NL[d]}", f"Budget {_EN[d]}", "sum")
      for d in DOMAINS),
    *(Indicator(f"spending_eur_{d}", "EUR per month", f"Uitgaven {_NL[d]}",
                f"Spending {_EN[d]}", "sum")
      for d in DOMAINS),
    *(Indicator(f"deficit_eur_{d}", "EUR per month", f"Tekort {_NL[d]}", f"Deficit {_EN[d]}",
                "sum") for d in DOMAINS),
    *(Indicator(f"clients_{d}", "persons", f"Cliënten {_NL[d]}", f"Clients {_EN[d]}", "mean")
      for d in DOMAINS),
    Indicator("clients_jeugd_team", "persons", "Jeugdigen geholpen door het wijkteam",
              "Young people helped by the neighbourhood team", "mean"),
    Indicator("clients_wmo_team", "persons", "Volwassenen lichte ondersteuning van het wijkteam",
              "Adults given light support by the neighbourhood team", "mean"),
    Indicator("youth_care_users", "persons", "Jeugdigen met jeugdhulp (aanbieders en wijkteam)",
              "Young people with youth care (providers and teams)", "mean"),
    Indicator("clients_jeugd_residential", "persons", "Cliënten jeugdhulp met verblijf",
              "Youth care clients in residential care", "mean"),
    Indicator("youth_care_users_year", "persons",
              "Jeugdigen met jeugdhulp in het jaar (tot nu toe)",
              "Young people with youth care in the year (so far)", "last"),
    Indicator("clients_jeugd_residential_year", "persons",
              "Jeugdigen met jeugdhulp met verblijf in het jaar (tot nu toe)",
              "Young people with residential youth care in the year (so far)", "last"),
    Indicator("clients_jeugd_team_year", "persons",
              "Jeugdigen geholpen door het wijkteam in het jaar (tot nu toe)",
              "Young people helped by the neighbourhood team in the year (so far)", "last"),
    Indicator("youth_spells_ended", "persons per month", "Beëindigde perioden jeugdhulp",
              "Spells of youth care ended", "sum"),
    Indicator("youth_spells_ended_short", "persons per month",
              "Beëindigde perioden jeugdhulp korter dan een half jaar",
              "Spells of youth care ended within half a year", "sum"),
    Indicator("clients_wmo_household_help", "persons", "Cliënten hulp bij het huishouden",
              "Household help clients", "mean"),
    Indicator("clients_wmo_support", "persons", "Cliënten ondersteuning thuis",
              "Support at home clients", "mean"),
    Indicator("clients_wmo_aids", "persons", "Cliënten hulpmiddelen en diensten",
              "Aids and services clients", "mean"),
    Indicator("spending_eur_household_help", "EUR per month",
              "Uitgaven hulp bij het huishouden", "Spending on household help", "sum"),
    Indicator("in_need", "persons", "Mensen met een hulpvraag", "People in need", "mean"),
    Indicator("served", "persons", "Geholpen", "Served", "mean"),
    Indicator("waiting", "persons", "Wachtend", "Waiting", "mean"),
    Indicator("unmet_need", "persons", "Onvervulde hulpvraag", "Unmet need", "mean", better=-1),
    Indicator("waiting_list", "persons", "Op een wachtlijst", "On a waiting list", "mean",
              better=-1),
    Indicator("bijstand_recipients", "persons", "Bijstandsontvangers",
              "Social assistance recipients", "mean"),
    Indicator("exits_to_work", "persons per month", "Uitstroom naar werk", "Exits to work",
              "sum"),
    Indicator("recipients_first_year", "persons", "Bijstandsontvangers, korter dan een jaar",
              "Social assistance recipients, less than a year", "mean"),
    Indicator("recipients_long_term", "persons", "Bijstandsontvangers, drie jaar of langer",
              "Social assistance recipients, three years or more", "mean"),
    Indicator("exits_to_work_first_year", "persons per month",
              "Uitstroom naar werk na minder dan een jaar bijstand",
              "Exits to work after less than a year on assistance", "sum"),
    Indicator("exits_to_work_long_term", "persons per month",
              "Uitstroom naar werk na drie jaar of langer bijstand",
              "Exits to work after three years or more on assistance", "sum"),
    Indicator("wsw_workers", "persons", "Wsw-werknemers", "Sheltered employment workers",
              "mean"),
    Indicator("informal_carers", "persons", "Mantelzorgers", "Informal carers", "mean"),
    Indicator("carers_long_or_intensive", "persons",
              "Mantelzorgers, langdurig of intensief (SCP)",
              "Informal carers, long-term or intensive (SCP)", "mean"),
    Indicator("carers_long_and_intensive", "persons",
              "Mantelzorgers, langdurig en intensief (SCP)",
              "Informal carers, long-term and intensive (SCP)", "mean"),
    Indicator("carers_overburdened", "persons", "Overbelaste mantelzorgers",
              "Overburdened informal carers", "mean", better=-1),
    Indicator("carers_supported", "persons", "Ondersteunde mantelzorgers",
              "Carers with carer support", "mean"),
    Indicator("informal_care_hours", "hours per month", "Uren mantelzorg",
              "Hours of informal care", "sum"),
    Indicator("formal_care_hours", "hours per month",
              "Uren huishoudelijke hulp en ondersteuning", "Hours of household help and support",
              "sum"),
    Indicator("informal_hours_share", "share of hours", "Aandeel mantelzorg in de uren hulp",
              "Informal care's share of the hours of help", "mean"),
    Indicator("volunteers", "persons", "Vrijwilligers", "Volunteers", "mean"),
    Indicator("wellbeing_mean", "0-1", "Welzijn (gemiddeld)", "Well-being (mean)", "mean",
              better=1),
    Indicator("wellbeing_p10", "0-1", "Welzijn van de onderste 10%",
              "Well-being of the worst-off tenth (10th percentile)", "mean",
              better=1),
    Indicator("wellbeing_p10_in_need", "0-1", "Welzijn van de onderste 10% met een hulpvraag",
              "Well-being of the worst-off tenth of those with a need", "mean", better=1),
    Indicator("providers_active", "providers", "Actieve aanbieders", "Active providers", "mean"),
    Indicator("providers_bankrupt", "providers", "Failliete aanbieders (cumulatief)",
              "Bankrupt providers (cumulative)", "mean", better=-1),
    Indicator("capacity", "client places", "Capaciteit aanbieders", "Provider capacity", "mean"),
    Indicator("care_given_share", "share of needed care", "Aandeel gegeven zorg",
              "Share of the needed care given", "mean", better=1),
    Indicator("innovation_adoption", "share of providers", "Innovatie-adoptie",
              "Innovation adoption", "mean"),
    Indicator("experiment_spending_eur", "EUR per month", "Uitgaven aan experimenten",
              "Spending on experiments", "sum"),
    Indicator("innovations_worked", "innovations per month", "Geslaagde innovaties",
              "Innovations that worked", "sum", better=1),
    Indicator("innovations_lapsed", "innovations per month", "Verwaterde innovaties",
              "Innovations that lapsed", "sum", better=-1),
    Indicator("citizen_initiatives", "initiatives", "Burgerinitiatieven",
              "Citizen initiatives", "mean"),
    Indicator("initiative_members", "persons", "Leden van burgerinitiatieven",
              "Members of citizen initiatives", "mean"),
    Indicator("youth_care_share", "share of under-18s", "Jeugdhulpgebruik",
              "Youth care use (share of under-18s)", "mean"),
    Indicator("youth_care_share_year", "share of under-18s",
              "Jeugdhulpgebruik in het jaar (tot nu toe)",
              "Youth care use in the year so far (share of under-18s)", "last"),
    Indicator("cost_per_client_eur", "EUR per client per month", "Kosten per cliënt",
              "Cost per client", "mean", better=-1),
    Indicator("own_contributions_eur", "EUR per month", "Eigen bijdragen",
              "Own contributions", "sum"),
    Indicator("reserves_eur", "EUR", "Reserves gemeente", "Municipal reserves", "mean"),
    Indicator("from_other_tasks_eur", "EUR per month",
              "Overgeheveld uit andere taken (negatief: ernaartoe)",
              "Moved from other municipal tasks (negative: to them)", "sum",
              better=-1),
    Indicator("local_tax_eur", "EUR per month", "Verhoging lokale lasten",
              "Local tax raised", "sum", better=-1),
    Indicator("under_supervision", "share of municipalities", "Onder preventief toezicht",
              "Under preventive supervision", "mean", better=-1),
    Indicator("new_needs", "persons per month", "Nieuwe hulpvragen Wmo en jeugd",
              "New Wmo and youth care needs", "sum", better=-1),
    Indicator("team_fte", "FTE", "Bezetting wijkteams", "Neighbourhood team staff", "mean"),
    Indicator("team_reach", "share of new needs", "Bereik wijkteams",
              "Neighbourhood teams' reach", "mean"),
    Indicator("population", "persons", "Inwoners", "Inhabitants", "mean"),
    Indicator("access_threshold", "need severity", "Toegangsdrempel", "Access threshold",
              "mean"),
    Indicator("tariff_factor", "x reference", "Tariefniveau", "Tariff level", "mean"),
)
INDICATOR_BY_NAME = {i.name: i for i in INDICATORS}

DERIVED: tuple[Derived, ...] = (
    Derived("deficit_eur_total", "EUR per month", "Tekort totaal", "Deficit, all domains",
            tuple(f"deficit_eur_{d}" for d in DOMAINS), better=-1),
    Derived("budget_eur_total", "EUR per month", "Budget totaal", "Budget, all domains",
            tuple(f"budget_eur_{d}" for d in DOMAINS)),
    Derived("spending_eur_total", "EUR per month", "Uitgaven totaal", "Spending, all domains",
            tuple(f"spending_eur_{d}" for d in DOMAINS)),
    Derived("care_spending_eur", "EUR per month", "Uitgaven Wmo en jeugd",
            "Wmo and youth care spending", ("spending_eur_wmo", "spending_eur_jeugd")),
    Derived("needs_not_met", "persons", "Hulpvraag niet vervuld (ook wachtend)",
            "Needs not met (waiting included)", ("unmet_need", "waiting"), better=-1),
    Derived("deficit_financed_eur", "EUR per month",
            "Tekort gedekt buiten het sociaal domein (netto)",
            "Deficit covered from outside the social domain (net)",
            ("from_other_tasks_eur", "local_tax_eur"), better=-1),
)
DERIVED_BY_NAME = {d.name: d for d in DERIVED}


def declared(name: str) -> Indicator | Derived:
    """The declaration of an indicator or a derived indicator, by name."""
    found = INDICATOR_BY_NAME.get(name) or DERIVED_BY_NAME.get(name)
    if found is None:
        raise KeyError(f"indicator: got {name!r}; allowed: a declared indicator")
    return found


def label(name: str, lang: str) -> str:
    """The indicator's label in ``lang`` ('nl' or 'en'), from its declaration."""
    d = declared(name)
    return d.label_nl if lang == "nl" else d.label_en


def better(name: str) -> int:
    """-1 if lower is better, +1 if higher, 0 if neither (see :class:`Indicator`)."""
    return declared(name).better
