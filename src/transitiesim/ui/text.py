"""Interface strings in Dutch and English. Parameter and indicator labels and help texts are not
here: they come from their declarations (``params.py``, ``indicators.py``)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "view": {"nl": "Weergave", "en": "View"},
    "view_compare": {"nl": "Scenario's vergelijken", "en": "Compare scenarios"},
    "view_sweep": {"nl": "Sweep bekijken", "en": "Open a sweep"},
    "sweep_title": {"nl": "transitiesim: een sweep bekijken", "en": "transitiesim: open a sweep"},
    "sweep_folder": {"nl": "Map van de sweep (uitvoer van 'transitiesim sweep')",
                     "en": "Sweep folder (output of 'transitiesim sweep')"},
    "sweep_help": {"nl": "Geef de map op die 'transitiesim sweep ... --out MAP' schreef.",
                   "en": "Give the folder that 'transitiesim sweep ... --out DIR' wrote."},
    "sweep_summary": {
        "nl": "Sweep '{name}': ontwerp {design}, {done} van {total} runs klaar; gevarieerd: "
              "{params}.",
        "en": "Sweep '{name}': design {design}, {done} of {total} runs done; varied: {params}."},
    "sweep_param": {"nl": "Parameter op de x-as", "en": "Parameter on the x axis"},
    "sweep_incomplete": {
        "nl": "Nog niet alle runs zijn klaar; de gevoeligheidstabel volgt als de sweep af is.",
        "en": "Not every run is done yet; the sensitivity table follows when the sweep is "
              "complete."},
    "title": {"nl": "transitiesim: scenario's vergelijken",
              "en": "transitiesim: compare scenarios"},
    "intro": {
        "nl": "Wat doen kortingen, burgerkracht, innovatie en gemeentelijk beleid met budgetten, "
              "wachtlijsten, onvervulde hulpvragen, mantelzorgers en welzijn sinds de "
              "decentralisatie van 2015? Kies scenario's, een basis en het aantal herhalingen.",
        "en": "What do cuts, citizen power, innovation and municipal policy do to budgets, "
              "waiting lists, unmet need, informal carers and well-being since the 2015 "
              "decentralisation? Choose scenarios, a baseline and the number of replications."},
    "language": {"nl": "Taal", "en": "Language"},
    "scenarios": {"nl": "Scenario's (2 tot 4)", "en": "Scenarios (2 to 4)"},
    "baseline": {"nl": "Basis om mee te vergelijken", "en": "Baseline to compare with"},
    "seeds": {"nl": "Herhalingen (seeds)", "en": "Replications (seeds)"},
    "precision": {"nl": "Rekenprecisie (deel van de inwoners als persoon)",
                  "en": "Precision (share of inhabitants simulated as persons)"},
    "precision_help": {
        "nl": "Lager is sneller maar ruiziger; 1 = elke inwoner. Vermenigvuldigt de 'scale' "
              "van elk scenario.",
        "en": "Lower is faster but noisier; 1 = every inhabitant. Multiplies each scenario's "
              "'scale'."},
    "pick_scenarios": {"nl": "Kies 2 tot 4 scenario's.", "en": "Choose 2 to 4 scenarios."},
    "paired_note": {
        "nl": "Verschillen zijn per seed gepaard: beide scenario's gebruiken dezelfde "
              "toevalsgetallen waar hun regels gelijk zijn, dus het verschil toont het beleid "
              "en niet het toeval.",
        "en": "Differences are paired by seed: both scenarios use the same random draws where "
              "their rules agree, so the difference shows the policy, not chance."},
    "per_100k": {"nl": "Per 100.000 inwoners (aantallen en euro's)",
                 "en": "Per 100,000 inhabitants (counts and euros)"},
    "sizes_differ": {
        "nl": "De gekozen scenario's hebben verschillend veel inwoners: vergelijk per 100.000 "
              "inwoners.",
        "en": "The chosen scenarios have different numbers of inhabitants: compare per 100,000 "
              "inhabitants."},
    "cards": {"nl": "Kerncijfers (gemiddelde per maand vanaf {year})",
              "en": "Headline figures (monthly average from {year})"},
    "cards_note": {
        "nl": "Onder elk cijfer: het verschil met de basis en, grijs, het 90%-interval van dat "
              "verschil over de seeds.",
        "en": "Under each figure: the difference from the baseline and, in grey, the 90% "
              "interval of that difference across seeds."},
    "interval": {"nl": "{low} … {high}", "en": "{low} … {high}"},
    "baseline_tag": {"nl": "basis", "en": "baseline"},
    "tab_series": {"nl": "Verloop", "en": "Over time"},
    "tab_budget": {"nl": "Budget en uitgaven", "en": "Budget and spending"},
    "tab_munis": {"nl": "Per gemeente", "en": "Per municipality"},
    "tab_distribution": {"nl": "Verdeling", "en": "Distribution"},
    "tab_summary": {"nl": "Samenvatting", "en": "Summary"},
    "tab_export": {"nl": "Exporteren", "en": "Export"},
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "budget": {"nl": "budget", "en": "budget"},
    "spending": {"nl": "uitgaven", "en": "spending"},
    "no_munis": {"nl": "Geen van de gekozen scenario's heeft meer dan één gemeente; kies "
                       "bijvoorbeeld 'netherlands'.",
                 "en": "None of the chosen scenarios has more than one municipality; choose "
                       "'netherlands', for example."},
    "muni_scenario": {"nl": "Scenario", "en": "Scenario"},
    "muni_year": {"nl": "Jaar", "en": "Year"},
    "distribution_note": {
        "nl": "Welzijn van de onderste 10% en overbelaste mantelzorgers: mediaan en 10-90% "
              "over de seeds.",
        "en": "Well-being of the worst-off tenth and overburdened carers: median and 10-90% "
              "across seeds."},
    "upload": {"nl": "Scenariobestand uploaden (TOML, max. 1 MB)",
               "en": "Upload a scenario file (TOML, at most 1 MB)"},
    "upload_ok": {"nl": "Scenario '{name}' toegevoegd.", "en": "Scenario '{name}' added."},
    "upload_refused": {"nl": "Bestand geweigerd: {error}", "en": "File refused: {error}"},
    "edit": {"nl": "Kopie van een scenario aanpassen", "en": "Edit a copy of a scenario"},
    "edit_base": {"nl": "Kopie van", "en": "Copy of"},
    "edit_name": {"nl": "Naam van de kopie", "en": "Name of the copy"},
    "edit_add": {"nl": "Toevoegen aan de vergelijking", "en": "Add to the comparison"},
    "edit_levers": {"nl": "Beleidsknoppen en onzekerheden", "en": "Levers and uncertainties"},
    "edit_all": {"nl": "Alle parameters tonen", "en": "Show every parameter"},
    "group_levers": {"nl": "Gemeentelijk beleid", "en": "Municipal policy"},
    "group_citizens": {"nl": "Burgerkracht", "en": "Citizen power"},
    "group_innovation": {"nl": "Innovatie", "en": "Innovation"},
    "group_budget": {"nl": "Rijk en budgetten", "en": "The Rijk and budgets"},
    "group_behaviour": {"nl": "Gedrag (onzeker)", "en": "Behaviour (uncertain)"},
    "group_providers": {"nl": "Aanbieders en tarieven", "en": "Providers and tariffs"},
    "group_simulation": {"nl": "Simulatie", "en": "Simulation"},
    "export_csv": {"nl": "CSV van deze grafiek", "en": "CSV of this chart"},
    "export_parquet": {"nl": "Resultaten (Parquet, per scenario)",
                       "en": "Results (Parquet, per scenario)"},
    "export_toml": {"nl": "Scenario als TOML", "en": "Scenario as TOML"},
    "export_link": {"nl": "Deelbare link", "en": "Shareable link"},
    "export_link_help": {
        "nl": "Deze link herstelt de keuzes (scenario's, basis, seeds, taal, precisie, "
              "aangepaste kopieën). Geüploade bestanden zitten er niet in.",
        "en": "This link restores the choices (scenarios, baseline, seeds, language, precision, "
              "edited copies). Uploaded files are not included."},
    "export_python": {"nl": "Reproduceren in Python", "en": "Reproduce in Python"},
    "running": {"nl": "Rekenen: run {done} van {total}", "en": "Running: run {done} of {total}"},
    "timing": {"nl": "{runs} nieuwe runs in {seconds:.1f} s; de rest kwam uit de cache.",
               "en": "{runs} new runs in {seconds:.1f} s; the rest came from the cache."},
    "deficit_eur_total": {"nl": "Tekort totaal", "en": "Deficit, all domains"},
    "budget_eur_total": {"nl": "Budget totaal", "en": "Budget, all domains"},
    "spending_eur_total": {"nl": "Uitgaven totaal", "en": "Spending, all domains"},
    "higher": {"nl": "hoger", "en": "higher"},
    "lower": {"nl": "lager", "en": "lower"},
    "better": {"nl": "(beter)", "en": "(better)"},
    "worse": {"nl": "(slechter)", "en": "(worse)"},
    "summary_part": {"nl": "{label} {diff} {direction} {verdict}",
                     "en": "{label} {diff} {direction} {verdict}"},
    "summary_sentence": {
        "nl": "In '{scenario}' is, vergeleken met '{baseline}' en gemiddeld per maand vanaf "
              "{year}: {parts} (gepaard over {seeds} seeds; alleen verschillen die in 90% van "
              "de seeds dezelfde kant op wijzen).",
        "en": "In '{scenario}', compared with '{baseline}' and averaged per month from {year}: "
              "{parts} (paired over {seeds} seeds; only differences that point the same way "
              "in 90% of seeds)."},
    "summary_none": {
        "nl": "'{scenario}' verschilt op de kerncijfers niet duidelijk van '{baseline}' "
              "({seeds} seeds).",
        "en": "'{scenario}' does not differ clearly from '{baseline}' on the headline figures "
              "({seeds} seeds)."},
}


def t(key: str, lang: str) -> str:
    """The string for ``key`` in ``lang`` ('nl' or 'en')."""
    return STRINGS[key][lang]
