"""Short names, Dutch units and sections for the declared parameters, as the app shows them.

The declaration (``params.py``) gives each parameter a one-line help sentence in Dutch and
English; a sidebar of sentences is unreadable (issue 19: "32 sentence-long sliders in a narrow
sidebar; the unit only in the tooltip"). Here each editable parameter gets a short name in both
languages, each unit its Dutch words, and each parameter the section of the edit form it sits
in: money, access, citizen power, innovation and providers first, then behaviour and context.
The help sentence stays the tooltip. ``tests/test_labels.py`` checks that every editable
parameter and every unit is covered, that names are short and unique per language, and that
no section is empty.
"""

from __future__ import annotations

from .params import Param

# The edit form's sections, in order: the first five always shown, the rest under "all".
SECTIONS: dict[str, dict[str, str]] = {
    "money": {"nl": "Geld", "en": "Money"},
    "access": {"nl": "Toegang", "en": "Access"},
    "citizens": {"nl": "Burgerkracht", "en": "Citizen power"},
    "innovation": {"nl": "Innovatie", "en": "Innovation"},
    "providers": {"nl": "Aanbieders", "en": "Providers"},
    "behaviour": {"nl": "Gedrag (onzeker)", "en": "Behaviour (uncertain)"},
    "wellbeing": {"nl": "Welzijn (aannames)", "en": "Well-being (assumptions)"},
    "simulation": {"nl": "Simulatie", "en": "Simulation"},
}
FIRST_SECTIONS = ("money", "access", "citizens", "innovation", "providers")

# Parameters whose section is not their declaration group's (group -> section otherwise).
_SECTION_OF_GROUP = {"budget": "money", "levers": "access", "citizens": "citizens",
                     "innovation": "innovation", "providers": "providers",
                     "behaviour": "behaviour", "wellbeing": "wellbeing",
                     "simulation": "simulation"}
_SECTION_OVERRIDES = {
    # municipal levers about money and organisations
    "tariff_factor": "providers", "contracting": "providers",
    "prevention_share": "money", "prevention_share_before": "money",
    "experiment_fund_share": "innovation", "initiative_support_eur_per_capita": "citizens",
    "carer_support_eur_per_capita": "citizens", "learning_orientation": "money",
    # rules of the finance and access repertoire declared with the budgets
    "reassessment_share": "access", "transition_law": "access",
    "municipal_hours_factor": "access", "care_continuity": "providers",
    "provider_entry": "providers", "provider_capacity_change": "providers",
    "provider_tariff_bid": "providers", "municipal_heterogeneity": "behaviour",
}

# Short names (Dutch, English): at most SHORT_MAX characters each.
SHORT_MAX = 40
SHORT: dict[str, tuple[str, str]] = {
    # simulation
    "reform_year": ("Jaar van de hervorming", "Reform year"),
    "decentralisation": ("Decentralisatie", "Decentralisation"),
    # money
    "budget_wmo_eur_per_capita": ("Wmo-budget vóór korting", "Wmo budget before the cut"),
    "budget_jeugd_eur_per_capita": ("Jeugdbudget vóór korting", "Youth budget before the cut"),
    "budget_participatie_eur_per_capita": ("Participatiebudget vóór korting",
                                           "Participation budget before cut"),
    "cut_wmo": ("Korting Wmo", "Wmo cut"),
    "cut_jeugd_first": ("Korting jeugd, eerste jaar", "Youth cut, first year"),
    "cut_jeugd": ("Korting jeugd, na ingroei", "Youth cut, phased in"),
    "cut_participatie": ("Korting participatie", "Participation cut"),
    "benefit_budget": ("Bijstandsbudget (BUIG) volgt", "Benefits budget (BUIG) follows"),
    "bijstand_benefit_eur_per_month": ("Bijstandsuitkering", "Social assistance benefit"),
    "wsw_workers_per_100k": ("Wsw-werknemers bij de start", "Wsw workers at the start"),
    "wsw_cost_eur_per_worker_year": ("Kosten Wsw-werkplek", "Cost of a Wsw place"),
    "own_contribution_eur_per_month": ("Eigen bijdrage Wmo, laagste",
                                       "Wmo own contribution, lowest"),
    "own_contribution_income_share": ("Eigen bijdrage: deel van inkomen",
                                      "Own contribution: income share"),
    "own_contribution_income_threshold_eur": ("Eigen bijdrage: inkomensgrens",
                                              "Own contribution: income threshold"),
    "prevention_share": ("Preventie en wijkteams", "Prevention and teams"),
    "prevention_share_before": ("Preventie, oude stelsel", "Prevention, old system"),
    "learning_orientation": ("Lerend reageren op tekorten", "Learning response to deficits"),
    "municipal_reserve_share": ("Reserve sociaal domein", "Social-domain reserve"),
    "objective_allocation_years": ("Ingroei objectieve verdeling", "Phase-in objective allocation"),
    "budget_discipline": ("Begrotingsdiscipline", "Budget discipline"),
    "review_squeeze": ("Knijpen bij tekort", "Squeeze on deficit"),
    "reserve_floor_share": ("Ondergrens reserves", "Reserve floor"),
    "other_tasks_max_share": ("Hoogstens uit andere taken", "At most from other tasks"),
    "local_tax_max_eur_per_capita": ("Hoogstens OZB-verhoging", "At most local tax rise"),
    # access
    "access_strictness": ("Toegangsdrempel", "Access threshold"),
    "network_first_threshold": ("Eerst het netwerk vanaf", "Network first from"),
    "network_first_margin": ("Extra drempel bij netwerk", "Extra threshold with network"),
    "referral_routes": ("Wettelijke verwijzers jeugd", "Legal referrers, youth"),
    "legal_referral_share": ("Deel via wettelijke verwijzer", "Share via legal referrer"),
    "gp_agreements": ("Afspraken met huisartsen", "Agreements with GPs"),
    "access_strictness_before": ("Toegangsdrempel, oude stelsel", "Access threshold, old system"),
    "reassessment_share": ("Herindicatie per jaar", "Reassessment per year"),
    "transition_law": ("Overgangsrecht Wmo 2015", "Wmo 2015 transitional law"),
    "municipal_hours_factor": ("Uren bij gemeentelijke indicatie",
                               "Hours, municipal indication"),
    # citizen power
    "citizen_power": ("Burgerkracht", "Citizen power"),
    "initiative_support_eur_per_capita": ("Steun burgerinitiatieven", "Support for initiatives"),
    "carer_support_eur_per_capita": ("Mantelzorgondersteuning", "Carer support"),
    "carer_stretch_base": ("Rek mantelzorger buiten gezin", "Stretch, carer outside home"),
    "carer_kinship": ("Partner of ouder zorgt uit plicht", "Partner or parent cares"),
    "carer_stretch_kin": ("Rek partner of ouder", "Stretch, partner or parent"),
    "carer_work_factor": ("Uren mantelzorger met werk", "Hours of a carer in work"),
    "carer_overburden_months": ("Maanden tot overbelasting", "Months to overburden"),
    "carer_support_cost_eur_per_year": ("Kosten ondersteuning mantelzorger",
                                        "Cost of carer support"),
    "carer_support_awareness": ("Bekendheid ondersteuning", "Awareness of carer support"),
    "carer_support_relief": ("Ontlasting door ondersteuning", "Relief from carer support"),
    "informal_cover_share": ("Dekking door mantelzorg", "Cover by informal care"),
    # innovation
    "innovation_uptake": ("Start van experimenten", "Uptake of experiments"),
    "experiment_fund_share": ("Experimenteerfonds", "Experiment fund"),
    "innovation_imitation": ("Navolging van collega's", "Imitation of peers"),
    "innovation_fade_rate": ("Verwatering van innovaties", "Lapse of innovations"),
    "innovation_discouragement": ("Ontmoediging door knijpen", "Discouragement by squeeze"),
    "provider_culture_mean": ("Innovatiecultuur aanbieders", "Providers' innovation culture"),
    "innovation_success_prob": ("Kans dat experiment werkt", "Chance an experiment works"),
    "experiment_months": ("Looptijd experiment", "Length of an experiment"),
    "experiment_cost_share": ("Kosten experiment", "Cost of an experiment"),
    "innovation_cost_reduction": ("Besparing door innovatie", "Saving from innovation"),
    "innovation_effect": ("Beter herstel door innovatie", "Better recovery from innovation"),
    # providers
    "tariff_factor": ("Tarief gemeente", "Municipal tariff"),
    "contracting": ("Inkoop", "Contracting"),
    "provider_capacity_change": ("Extra groei capaciteit", "Extra capacity growth"),
    "provider_tariff_bid": ("Laagste tarief aanbieders", "Providers' lowest tariff"),
    "care_continuity": ("Doorstart bij faillissement", "Restart after bankruptcy"),
    "provider_entry": ("Toetreding bij open house", "Entry under open house"),
    "tariff_wmo_eur_per_hour": ("Tarief huishoudelijke hulp", "Tariff household help"),
    "tariff_support_eur_per_hour": ("Tarief begeleiding", "Tariff support at home"),
    "tariff_aids_eur_per_month": ("Kosten hulpmiddelen", "Cost of aids"),
    "tariff_jeugd_eur_per_hour": ("Tarief ambulante jeugdhulp", "Tariff ambulant youth care"),
    "tariff_residential_eur_per_month": ("Tarief jeugdhulp met verblijf",
                                         "Tariff residential youth care"),
    "residential_threshold": ("Drempel jeugdhulp met verblijf", "Threshold residential care"),
    "tariff_reintegration_eur_per_month": ("Tarief re-integratie", "Tariff reintegration"),
    "provider_cost_ratio": ("Kosten aanbieder", "Provider cost"),
    "reintegration_coverage": ("Plaatsen re-integratie", "Reintegration places"),
    "fixed_cost_share": ("Vaste kosten aanbieder", "Provider fixed cost"),
    "providers_per_100k": ("Aantal aanbieders", "Number of providers"),
    "capacity_slack": ("Startcapaciteit aanbieders", "Providers' starting capacity"),
    "provider_reserve_months": ("Startreserves aanbieders", "Providers' starting reserves"),
    # behaviour and context
    "municipal_heterogeneity": ("Verschillen tussen gemeenten",
                                "Differences between municipalities"),
    "wsw_outflow_rate": ("Uitstroom Wsw", "Wsw outflow"),
    "onset_wmo": ("Kans op Wmo-vraag op 80", "Chance of Wmo need at 80"),
    "onset_jeugd": ("Kans op jeugdhulpvraag", "Chance of youth care need"),
    "youth_demand_trend": ("Groei vraag jeugdhulp", "Growth of youth care demand"),
    "job_loss_rate": ("Instroom bijstand", "Entry into assistance"),
    "exit_to_work_rate": ("Uitstroom naar werk", "Exit to work"),
    "assistance_entry_lag_years": ("Vertraging instroom bijstand", "Lag of entry into assistance"),
    "wajong_entries_moved_per_year": ("Wajong-instroom naar gemeente", "Wajong entries moved"),
    "wajong_to_assistance_share": ("Deel daarvan in de bijstand", "Share of them on assistance"),
    "status_holder_adult_share": ("Statushouders: deel volwassen", "Status holders: share adult"),
    "status_holder_assistance_share": ("Statushouders in de bijstand",
                                       "Status holders on assistance"),
    "reintegration_effect": ("Effect re-integratie", "Effect of reintegration"),
    "reintegration_max_severity": ("Re-integratie tot afstand", "Reintegration up to distance"),
    "recovery_rate": ("Herstelkans met hulp", "Recovery chance with help"),
    "unaided_recovery_share": ("Herstel zonder hulp", "Recovery without help"),
    "recovery_severity_intercept": ("Herstel naar ernst: basis", "Recovery by severity: base"),
    "recovery_severity_slope": ("Herstel naar ernst: helling", "Recovery by severity: slope"),
    "recovery_self_reliance_offset": ("Herstel naar zelfredzaamheid",
                                      "Recovery by self-reliance"),
    "vulnerability_self_reliance_offset": ("Kwetsbaarheid en zelfredzaamheid",
                                           "Vulnerability and self-reliance"),
    "new_need_severity_low": ("Laagste ernst nieuwe vraag", "Lowest severity of a new need"),
    "new_need_severity_span": ("Spreiding ernst nieuwe vraag", "Span of a new need's severity"),
    "assistance_distance_growth": ("Groei afstand tot werk", "Growth of distance to work"),
    "income_vulnerability_min": ("Inkomen en instroom: minimum", "Income and entry: minimum"),
    "income_vulnerability_max": ("Inkomen en instroom: maximum", "Income and entry: maximum"),
    "mortality_gompertz_intercept": ("Sterfte: basis", "Mortality: base"),
    "mortality_gompertz_slope": ("Sterfte: stijging met leeftijd", "Mortality: rise with age"),
    "age_path": ("Leeftijdsopbouw", "Age structure"),
    "onset_wmo_doubling_years": ("Verdubbeling Wmo-kans", "Doubling of the Wmo chance"),
    "onset_wmo_max": ("Hoogste kans op Wmo-vraag", "Highest chance of Wmo need"),
    "youth_carry_over_severity": ("Jeugd naar Wmo op 18: drempel", "Youth to Wmo at 18: threshold"),
    "youth_carry_over_factor": ("Jeugd naar Wmo op 18: ernst", "Youth to Wmo at 18: severity"),
    "escalation_rate": ("Escalatie onvervulde vraag", "Escalation of unmet need"),
    "progression_rate": ("Verergering door ouder worden", "Progression with age"),
    "network_application_factor": ("Minder aanvragen met netwerk",
                                   "Fewer applications with network"),
    "network_severity": ("Netwerk en ernst", "Network and severity"),
    "burdened_onset_factor": ("Overbelasting maakt zelf ziek", "Overburden harms the carer"),
    "application_rate": ("Kans op aanvraag", "Chance to apply"),
    "price_sensitivity": ("Afschrikking eigen bijdrage", "Deterrence of own contribution"),
    "care_hours_at_full_need": ("Wmo-uren bij volle ernst", "Wmo hours at full need"),
    "youth_hours_at_full_need": ("Jeugdhulp-uren bij volle ernst", "Youth hours at full need"),
    "carer_hours_per_month": ("Vol te houden mantelzorguren", "Sustainable carer hours"),
    "isolated_share": ("Alleenstaanden zonder netwerk", "Single adults without network"),
    "volunteering_rate": ("Vrijwilligers (15+)", "Volunteers (15+)"),
    "volunteer_quit_rate": ("Stoppen met vrijwilligerswerk", "Volunteers who stop"),
    "volunteer_turnover": ("Vrijwilligers komen en gaan", "Volunteers come and go"),
    "volunteer_ask_effect": ("Effect van gevraagd worden", "Effect of being asked"),
    "initiative_discouragement": ("Ontmoediging initiatieven", "Discouragement of initiatives"),
    "volunteer_hours_per_month": ("Uren per vrijwilliger", "Hours per volunteer"),
    "initiative_formation_rate": ("Ontstaan van initiatieven", "Formation of initiatives"),
    "initiative_recruit_rate": ("Werving door initiatieven", "Recruitment by initiatives"),
    "team_cost_eur_per_fte": ("Kosten wijkteam per fte", "Team cost per FTE"),
    "team_cases_per_fte_month": ("Nieuwe casussen per fte", "New cases per FTE"),
    "team_hiring_months": ("Wervingstijd wijkteam", "Team hiring time"),
    "prevention_delay_months": ("Vertraging preventie-effect", "Delay of prevention effect"),
    "team_delays": ("Wijkteams met vertraging", "Teams with delays"),
    "team_help_hours_per_fte": ("Eigen hulp wijkteam per fte", "Team's own help per FTE"),
    "team_wmo_help": ("Wijkteam helpt ook volwassenen", "Teams help adults too"),
    "contribution_per_household": ("Eigen bijdrage per huishouden",
                                   "Own contribution per household"),
    "team_escalation": ("Wijkteam remt escalatie", "Teams slow escalation"),
    "outreach_effect": ("Vindplaatsgericht werken", "Outreach"),
    "prevention_effect": ("Effect van preventie", "Effect of prevention"),
    "wmo_share_household_help": ("Deel huishoudelijke hulp", "Share household help"),
    "wmo_share_aids": ("Deel hulpmiddelen", "Share aids"),
    # well-being
    "wellbeing_base": ("Welzijn zonder problemen", "Well-being without problems"),
    "wellbeing_income_effect": ("Welzijn en inkomen", "Well-being and income"),
    "wellbeing_volunteer_bonus": ("Welzijn van vrijwilligers", "Well-being of volunteers"),
    "wellbeing_assistance_cost": ("Welzijnsverlies bijstand", "Well-being cost of assistance"),
    "wellbeing_unmet_cost": ("Welzijnsverlies onvervulde vraag", "Well-being cost, unmet need"),
    "wellbeing_in_need_cost": ("Welzijnsverlies vervulde vraag", "Well-being cost, met need"),
    "wellbeing_overburden_cost": ("Welzijnsverlies overbelasting", "Well-being cost, overburden"),
    "wellbeing_adjustment": ("Aanpassingssnelheid welzijn", "Adjustment of well-being"),
    "self_reliance_change": ("Verandering zelfredzaamheid", "Change of self-reliance"),
}

# Each declared unit in Dutch ("-": none shown).
UNIT_NL: dict[str, str] = {
    "-": "-",
    "0-1": "schaal 0-1",
    "share of budget": "deel van het budget",
    "EUR per inhabitant per year": "euro per inwoner per jaar",
    "need severity (0-1)": "ernst van de hulpvraag, 0-1",
    "EUR per client per month": "euro per cliënt per maand",
    "months": "maanden",
    "hours per month": "uren per maand",
    "year": "jaar",
    "years": "jaren",
    "share per year": "deel per jaar",
    "probability per month": "kans per maand",
    "share": "deel",
    "severity (0-1)": "ernst, 0-1",
    "severity per month": "ernst per maand",
    "EUR per hour": "euro per uur",
    "share of yearly budget": "deel van het jaarbudget",
    "inhabitants": "inwoners",
    "x reference tariff": "maal het referentietarief",
    "share of cost": "deel van de kosten",
    "share of recovery rate": "deel van de herstelkans",
    "probability per year": "kans per jaar",
    "x recovery chance": "maal de herstelkans",
    "x entry chance": "maal de instroomkans",
    "x sustainable hours": "maal de vol te houden uren",
    "share of sustainable hours": "deel van de vol te houden uren",
    "0-1 per unit of need severity": "0-1 per eenheid ernst",
    "share of inhabitants": "deel van de inwoners",
    "municipalities": "gemeenten",
    "sd of log(inhabitants)": "sd van log(inwoners)",
    "EUR per recipient per month": "euro per ontvanger per maand",
    "workers per 100,000 inhabitants": "werknemers per 100.000 inwoners",
    "EUR per worker per year": "euro per werknemer per jaar",
    "share of income above the threshold": "deel van het inkomen boven de grens",
    "EUR household income per month": "euro huishoudinkomen per maand",
    "share of youth care applications": "deel van de aanvragen jeugdhulp",
    "share of legal referrals": "deel van de wettelijke verwijzingen",
    "share of capacity per year": "deel van de capaciteit per jaar",
    "factor per share of peers": "factor per deel van de collega's",
    "share of the chance to start": "deel van de kans om te beginnen",
    "probability": "kans",
    "share of monthly revenue": "deel van de maandomzet",
    "probability per year at age 80": "kans per jaar op 80-jarige leeftijd",
    "probability per year per unemployment point": "kans per jaar per procentpunt werkloosheid",
    "persons per year": "personen per jaar",
    "share of exit rate": "deel van de uitstroomkans",
    "need severity": "ernst van de hulpvraag",
    "x recovery chance per unit severity": "maal de herstelkans per eenheid ernst",
    "x onset and entry chance": "maal de kans op een vraag en op instroom",
    "log yearly death chance at age 0": "log jaarlijkse sterftekans op leeftijd 0",
    "per year of age": "per levensjaar",
    "years of age": "levensjaren",
    "x severity": "maal de ernst",
    "x application chance": "maal de aanvraagkans",
    "x onset chance": "maal de kans op een vraag",
    "per EUR 100 per month": "per 100 euro per maand",
    "EUR per carer per year": "euro per mantelzorger per jaar",
    "share of carers": "deel van de mantelzorgers",
    "share of hours asked": "deel van de gevraagde uren",
    "share of single adults": "deel van de alleenstaanden",
    "share of people 15+": "deel van de mensen van 15+",
    "share of volunteers per year": "deel van de vrijwilligers per jaar",
    "factor on the chance to start": "factor op de kans om te beginnen",
    "factor on the chance to stop": "factor op de kans om te stoppen",
    "per 1,000 volunteers per year": "per 1.000 vrijwilligers per jaar",
    "share of the pool per month": "deel van de poel per maand",
    "EUR per FTE per year": "euro per fte per jaar",
    "new cases per FTE per month": "nieuwe casussen per fte per maand",
    "hours per FTE per month": "uren per fte per maand",
    "share of the chance to apply": "deel van de aanvraagkans",
    "share of onset": "deel van de nieuwe vragen",
    "share of new Wmo needs": "deel van de nieuwe Wmo-vragen",
    "share of the other new Wmo needs": "deel van de overige nieuwe Wmo-vragen",
    "share of reference tariff": "deel van het referentietarief",
    "share of eligible recipients": "deel van de in aanmerking komende ontvangers",
    "providers per 100,000 inhabitants": "aanbieders per 100.000 inwoners",
    "x initial demand": "maal de startvraag",
    "months of revenue": "maanden omzet",
    "share of clients a year": "deel van de cliënten per jaar",
    "x the old system's hours": "maal de uren van het oude stelsel",
    "sd": "sd",
    "share of the gap per month": "deel van het verschil per maand",
    "per month": "per maand",
}


# The words for each choice of a parameter with choices (Dutch, English).
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "benefit_budget": {"caseload": ("de landelijke bijstandspopulatie", "the national caseload"),
                       "unemployment": ("de werkloosheid", "unemployment")},
    "contracting": {"open_house": ("open house", "open house"),
                    "tender": ("aanbesteding", "tender")},
    "age_path": {"cbs": ("zoals het ging (CBS)", "as it went (CBS)"),
                 "none": ("alleen geboorte en sterfte", "births and deaths only"),
                 "fixed": ("die van het beginjaar", "the start year's")},
    "municipality_data": {"generated": ("gegenereerd", "generated"),
                          "cbs-2015": ("CBS 2015", "CBS 2015")},
}


def choice_words(p: Param, choice: str, lang: str) -> str:
    """How the edit form shows ``choice`` of ``p`` in ``lang`` (the choice itself if the
    table has no words for it)."""
    words = CHOICES.get(p.name, {}).get(choice)
    if words is None:
        return choice
    return words[0] if lang == "nl" else words[1]


def section(p: Param) -> str:
    """The edit form's section of ``p``."""
    return _SECTION_OVERRIDES.get(p.name, _SECTION_OF_GROUP.get(p.group, "behaviour"))


def short_name(p: Param, lang: str) -> str:
    """``p``'s short name in ``lang`` ("nl" or "en"); its help sentence if it has none."""
    names = SHORT.get(p.name)
    if names is None:
        return p.help_nl if lang == "nl" else p.help_en
    return names[0] if lang == "nl" else names[1]


def unit_words(p: Param, lang: str) -> str:
    """``p``'s unit in ``lang``; "" for none (choices, switches, dimensionless "-")."""
    if p.unit == "-" or p.type is bool or p.choices:
        return ""
    # no brackets inside the label's brackets: "need severity, 0-1"
    return UNIT_NL.get(p.unit, p.unit) if lang == "nl" else p.unit.replace(" (0-1)", ", 0-1")


def lever_label(p: Param, lang: str) -> str:
    """What a lever widget is labelled: its short name and, where it has one, its unit."""
    unit = unit_words(p, lang)
    return f"{short_name(p, lang)} ({unit})" if unit else short_name(p, lang)


def allowed_words(p: Param, lang: str, low: float | None = None, high: float | None = None
                  ) -> str:
    """What ``p`` accepts, in ``lang``: on or off, its choices, or its range (``low``-``high``
    where a workshop role narrows it) in the language's units and decimal sign."""
    if p.type is bool:
        return "true of false (aan of uit)" if lang == "nl" else "true or false (on or off)"
    if p.choices:
        return (("een van: " if lang == "nl" else "one of: ")
                + ", ".join(f"{choice_words(p, c, lang)} (`{c}`)" for c in p.choices))
    ends = [f"{v:g}" for v in (p.low if low is None else low, p.high if high is None else high)]
    unit = unit_words(p, lang)
    if lang == "nl":
        ends = [e.replace(".", ",") for e in ends]
    kind = {("nl", True): "een geheel getal", ("nl", False): "een getal",
            ("en", True): "a whole number", ("en", False): "a number"}[(lang, p.type is int)]
    return (f"{kind} van {ends[0]} tot {ends[1]}" if lang == "nl"
            else f"{kind} from {ends[0]} to {ends[1]}") + (f" ({unit})" if unit else "")


def lever_help(p: Param, lang: str, low: float | None = None, high: float | None = None
               ) -> str:
    """The tooltip: the declaration's help sentence, the allowed values (the declared range,
    or ``low``-``high`` where a workshop role narrows it) and the name under which scenario
    files and the command line know the parameter."""
    sentence = p.help_nl if lang == "nl" else p.help_en
    allowed = allowed_words(p, lang, low, high)
    name_word = "naam in scenariobestanden" if lang == "nl" else "name in scenario files"
    return f"{sentence}\n\n{allowed}; {name_word}: `{p.name}`"
