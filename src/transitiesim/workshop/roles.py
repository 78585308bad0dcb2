"""The roles participants take in a workshop, their levers and what each of them sees."""

from __future__ import annotations

from dataclasses import dataclass

from ..params import PARAM_BY_NAME, Param
from ..scenario import Scenario


@dataclass(frozen=True)
class Role:
    name: str
    title_nl: str
    title_en: str
    about_nl: str
    about_en: str
    levers: tuple[str, ...]  # parameters this role sets (declared live: params.LIVE_LEVERS)
    sees: tuple[str, ...]  # indicators this role's screen shows

    def title(self, lang: str) -> str:
        return self.title_nl if lang == "nl" else self.title_en

    def about(self, lang: str) -> str:
        return self.about_nl if lang == "nl" else self.about_en


ROLES: dict[str, Role] = {r.name: r for r in (
    Role("municipality", "Gemeente (wethouder en raad)", "Municipality (alderman and council)",
         "U verdeelt het geld: hoe streng de toegang is, welk tarief u betaalt, hoeveel naar "
         "preventie, het experimenteerfonds, burgerinitiatieven en mantelzorgondersteuning "
         "gaat. U ziet budget, uitgaven, tekorten, wachtlijsten en onvervulde hulpvragen.",
         "You decide on the money: how strict access is, which tariff you pay, how much goes to "
         "prevention, the experiment fund, citizen initiatives and carer support. You see "
         "budget, spending, deficits, waiting lists and unmet need.",
         ("access_strictness", "tariff_factor", "prevention_share", "experiment_fund_share",
          "initiative_support_eur_per_capita", "carer_support_eur_per_capita"),
         ("budget_eur_wmo", "spending_eur_wmo", "budget_eur_jeugd", "spending_eur_jeugd",
          "reserves_eur", "clients_wmo", "clients_jeugd", "waiting_list", "unmet_need")),
    Role("provider", "Zorgaanbieder", "Care provider",
         "U bepaalt welk tarief de aanbieders minstens vragen (daaronder nemen zij geen nieuwe "
         "cliënten aan), hoeveel zij in vernieuwing investeren en of zij capaciteit uitbreiden "
         "of afbouwen. U ziet aanbieders, faillissementen, capaciteit, wachtlijsten, innovatie, "
         "kosten per cliënt en het tarief van de gemeente.",
         "You decide the least tariff providers ask (below it they take no new clients), how "
         "much they invest in innovation and whether they grow or shrink capacity. You see "
         "providers, bankruptcies, capacity, waiting lists, innovation, cost per client and "
         "the municipality's tariff.",
         ("provider_tariff_bid", "innovation_uptake", "provider_capacity_change"),
         ("providers_active", "providers_bankrupt", "capacity", "waiting_list",
          "innovation_adoption", "cost_per_client_eur", "tariff_factor")),
    Role("residents", "Inwoners", "Residents",
         "U bepaalt hoeveel inwoners voor elkaar doen: mantelzorg, vrijwilligerswerk en "
         "burgerinitiatieven. U ziet mantelzorgers en hun belasting, vrijwilligers, "
         "initiatieven, welzijn en onvervulde hulpvragen.",
         "You decide how much residents do for each other: informal care, volunteering and "
         "citizen initiatives. You see carers and their burden, volunteers, initiatives, "
         "well-being and unmet need.",
         ("citizen_power", "volunteering_rate", "initiative_formation_rate"),
         ("informal_carers", "carers_overburdened", "carers_supported", "volunteers",
          "citizen_initiatives", "wellbeing_mean", "wellbeing_p10", "unmet_need")),
)}

LEVER_ROLE: dict[str, str] = {lever: r.name for r in ROLES.values() for lever in r.levers}


def lever_range(scenario: Scenario, name: str) -> tuple[float, float]:
    """The range a participant may choose from: the declared one, and for the access threshold
    below the residential threshold (the scenario rule)."""
    p: Param = PARAM_BY_NAME[name]
    low, high = p.bounds()
    if name == "access_strictness":
        high = min(high, round(scenario["residential_threshold"] - 0.05, 4))
    return low, high
