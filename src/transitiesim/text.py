"""Interface strings in Dutch and English, shared by the app (``ui``) and the workshop's reports
(``workshop.debrief``), so neither imports the other. Parameter and indicator labels and help
texts are not here: they come from their declarations (``params.py``, ``indicators.py``)."""

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
    "sweep_damaged": {
        "nl": "{n} run(s) van deze sweep hebben beschadigde bestanden en tellen niet mee "
              "(bijv. {first}). Start 'transitiesim sweep' met dezelfde --out opnieuw: die "
              "draait ze over.",
        "en": "{n} run(s) of this sweep have damaged files and are left out (e.g. {first}). "
              "Run 'transitiesim sweep' again with the same --out: it runs them again."},
    "internal_error": {
        "nl": "Er ging iets mis in de app. Wat al berekend was blijft bewaard; laad de pagina "
              "opnieuw. De details staan in het logboek van de server.",
        "en": "Something went wrong in the app. What was already computed is kept; reload the "
              "page. The details are in the server's log."},
    "not_local": {
        "nl": "Deze app luistert buiten deze computer. Alleen de workshopmodus "
              "(scripts/room.sh) mag dat, en die toont alleen de workshoppagina's. Start de "
              "app met scripts/start.sh (alleen deze computer) of de workshop met "
              "scripts/room.sh.",
        "en": "This app is listening beyond this computer. Only the room mode (scripts/room.sh) "
              "may do that, and it shows the workshop pages alone. Start the app with "
              "scripts/start.sh (this computer only) or a workshop with scripts/room.sh."},
    "url_refused": {
        "nl": "Niet alles uit de link is overgenomen:",
        "en": "Not everything in the link was taken over:"},
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
        "nl": "Lager is sneller maar ruiziger; 1 = elke inwoner. Vermenigvuldigt de schaal "
              "(`scale`) van elk scenario.",
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
    "tab_why": {"nl": "Waarom?", "en": "Why?"},
    "why_intro": {
        "nl": "Waarom veranderde een indicator tussen twee jaren? Het model draait het scenario "
              "met elke combinatie van de gekozen mechanismen aan en uit, met dezelfde seeds, en "
              "verdeelt de verandering eerlijk over de mechanismen (Shapley-waarden). 'Rest' is "
              "wat er verandert met alle gekozen mechanismen uit: de bevolking en de rest van "
              "het model.",
        "en": "Why did an indicator change between two years? The model runs the scenario with "
              "every combination of the chosen mechanisms on and off, with the same seeds, and "
              "shares the change fairly among the mechanisms (Shapley values). 'Rest' is what "
              "changes with all chosen mechanisms off: the population and the rest of the "
              "model."},
    "why_scenario": {"nl": "Scenario", "en": "Scenario"},
    "why_years": {"nl": "Van en tot jaar", "en": "From and to year"},
    "why_mechanisms": {"nl": "Mechanismen (1 tot 5)", "en": "Mechanisms (1 to 5)"},
    "why_run": {"nl": "Verklaar", "en": "Explain"},
    "why_running": {"nl": "Combinatie {done} van {total} doorgerekend",
                    "en": "Combination {done} of {total} run"},
    "why_result": {"nl": "{indicator}, {start} tot {end}: verandering {total} (gemiddelde van "
                         "{seeds} seeds, precisie {scale})",
                   "en": "{indicator}, {start} to {end}: change {total} (mean of {seeds} "
                         "seeds, scale {scale})"},
    "why_part": {"nl": "deel", "en": "part"},
    "why_shapley": {"nl": "aandeel (Shapley)", "en": "share (Shapley)"},
    "why_alone": {"nl": "alleen aan", "en": "on alone"},
    "why_last": {"nl": "als laatste uit", "en": "off last"},
    "why_rest": {"nl": "rest van het model", "en": "rest of the model"},
    "why_interaction": {"nl": "samenspel", "en": "interaction"},
    "why_total": {"nl": "totaal", "en": "total"},
    "why_refused": {"nl": "Dit verzoek kan niet:", "en": "This request cannot be run:"},
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "budget": {"nl": "budget", "en": "budget"},
    "spending": {"nl": "uitgaven", "en": "spending"},
    "no_munis": {"nl": "Geen van de gekozen scenario's heeft meer dan één gemeente; kies "
                       "bijvoorbeeld 'netherlands'.",
                 "en": "None of the chosen scenarios has more than one municipality; choose "
                       "'netherlands', for example."},
    "muni_scenario": {"nl": "Scenario", "en": "Scenario"},
    "chart_text": {
        "nl": "In woorden: {label} per maand, in {unit}; de lijn is de mediaan over de seeds, "
              "de band loopt van het 10e tot het 90e percentiel. In {when}: {parts}.",
        "en": "In words: {label} per month, in {unit}; the line is the median across seeds, "
              "the band runs from the 10th to the 90th percentile. In {when}: {parts}."},
    "chart_text_part": {"nl": "{scenario} {median} (band {low} tot {high})",
                        "en": "{scenario} {median} (band {low} to {high})"},
    "per_100k_words": {"nl": "per 100.000 inwoners", "en": "per 100,000 inhabitants"},
    "domain_total": {"nl": "totaal", "en": "total"},
    "card_help": {
        "nl": "{label}, gemiddeld per maand vanaf {year}, in {unit}. Het verschil is dat met de "
              "basis bij dezelfde seeds; het interval eronder is het 90%-interval van dat "
              "verschil over de seeds: bevat het nul, dan is het verschil niet duidelijk.",
        "en": "{label}, the monthly mean from {year}, in {unit}. The difference is that from "
              "the baseline with the same seeds; the interval under it is the 90% interval of "
              "that difference across seeds: if it includes zero, the difference is not "
              "clear."},
    "muni_name": {"nl": "Gemeente", "en": "Municipality"},
    "muni_per_100k": {"nl": "Per 100.000 inwoners", "en": "Per 100,000 inhabitants"},
    "muni_simulated": {"nl": "Gesimuleerde personen", "en": "Simulated persons"},
    "thin_munis": {
        "nl": "Bij deze precisie worden {thin} van de {total} gemeenten met minder dan {min} "
              "personen gesimuleerd: hun cijfers rusten op een handvol mensen (bij 1% "
              "jeugdhulp ongeveer 10) en hun volgorde is grotendeels toeval. Lees de grafiek "
              "als beeld van de spreiding, niet als rangorde.",
        "en": "At this precision {thin} of the {total} municipalities are simulated with "
              "fewer than {min} persons: their figures rest on a handful of people (about 10 "
              "at 1% youth care) and their order is largely chance. Read the chart as a "
              "picture of the spread, not as a ranking."},
    "thin_munis_more": {"nl": "Een hogere precisie geeft meer personen per gemeente.",
                        "en": "A higher precision gives more persons per municipality."},
    "thin_munis_script": {
        "nl": "Dit is de hoogste precisie van de app; een rangorde van gemeenten vraagt een "
              "run op grotere schaal vanuit een script (zie de README, voor onderzoekers).",
        "en": "This is the app's highest precision; a ranking of municipalities needs a run "
              "at a larger scale from a script (see the README, for researchers)."},
    "muni_year": {"nl": "Jaar", "en": "Year"},
    "muni_choose": {"nl": "Gemeenten door de jaren heen (typ een naam)",
                    "en": "Municipalities over the years (type a name)"},
    "muni_choose_hint": {"nl": "Kies tot 5 gemeenten", "en": "Choose up to 5 municipalities"},
    "muni_all": {"nl": "Alle gemeenten samen", "en": "All municipalities together"},
    "distribution_note": {
        "nl": "Welzijn van de onderste 10% en overbelaste mantelzorgers: mediaan en 10-90% "
              "over de seeds.",
        "en": "Well-being of the worst-off tenth and overburdened carers: median and 10-90% "
              "across seeds."},
    "upload": {"nl": "Scenariobestand uploaden (TOML, max. 1 MB)",
               "en": "Upload a scenario file (TOML, at most 1 MB)"},
    "upload_ok": {"nl": "Scenario '{name}' toegevoegd.", "en": "Scenario '{name}' added."},
    "name_taken": {"nl": "De naam '{asked}' was al in gebruik; de kopie heet '{name}'.",
                   "en": "The name '{asked}' was taken; the copy is called '{name}'."},
    "not_in_link": {
        "nl": "De deelbare link neemt dit bestand niet mee: het verandert meer dan de "
              "instellingen van een meegeleverd scenario.",
        "en": "The shareable link does not carry this file: it changes more than the "
              "settings of a shipped scenario."},
    "scenarios_dropped": {
        "nl": "Er passen {max} scenario's in een vergelijking; uit de vergelijking gehaald om "
              "plaats te maken: {names} (nog te kiezen in de lijst).",
        "en": "A comparison holds {max} scenarios; taken out to make room: {names} (still in "
              "the list to choose)."},
    "upload_refused": {"nl": "Bestand geweigerd: {error}", "en": "File refused: {error}"},
    "edit": {"nl": "Kopie van een scenario aanpassen", "en": "Edit a copy of a scenario"},
    "edit_base": {"nl": "Kopie van", "en": "Copy of"},
    "edit_name": {"nl": "Naam van de kopie", "en": "Name of the copy"},
    "edit_cbs": {"nl": "Voor gemeente (CBS 2015)", "en": "For municipality (CBS 2015)"},
    "edit_cbs_none": {"nl": "die van het scenario", "en": "the scenario's own"},
    "edit_cbs_help": {
        "nl": "Typ een naam: de kopie rekent dan voor die ene gemeente, met haar inwoners, "
              "leeftijden, inkomen en bijstand van 2015 (CBS), vergeleken met heel Nederland.",
        "en": "Type a name: the copy then runs for that one municipality, with its inhabitants, "
              "ages, income and social assistance of 2015 (CBS), measured against the whole "
              "country."},
    "edit_add": {"nl": "Toevoegen aan de vergelijking", "en": "Add to the comparison"},
    "edit_levers": {"nl": "Beleidsknoppen en onzekerheden", "en": "Levers and uncertainties"},
    "edit_all": {"nl": "Alle parameters tonen", "en": "Show every parameter"},
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
    "timing": {"nl": "{runs} nieuwe runs in {seconds} s; de rest kwam uit de cache.",
               "en": "{runs} new runs in {seconds} s; the rest came from the cache."},
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
    # --- workshop mode ------------------------------------------------------------------------
    "view_workshop": {"nl": "Workshop", "en": "Workshop"},
    "ws_title": {"nl": "transitiesim: workshop", "en": "transitiesim: workshop"},
    "ws_intro": {
        "nl": "Deelnemers spelen de gemeente, de zorgaanbieders en de inwoners en besluiten elk "
              "gesimuleerd jaar. Start als facilitator een workshop, of doe mee met een code.",
        "en": "Participants play the municipality, the care providers and the residents and "
              "decide every simulated year. Start a workshop as facilitator, or join with a "
              "code."},
    "ws_start": {"nl": "Workshop starten (facilitator)", "en": "Start a workshop (facilitator)"},
    "ws_scenario": {"nl": "Scenario", "en": "Scenario"},
    "ws_teams": {"nl": "Aantal teams (spelen hetzelfde scenario naast elkaar)",
                 "en": "Number of teams (play the same scenario side by side)"},
    "ws_rounds": {"nl": "Aantal rondes (elk een jaar, vanaf 2015)",
                  "en": "Number of rounds (one year each, from 2015)"},
    "ws_seed": {"nl": "Seed", "en": "Seed"},
    "ws_create": {"nl": "Workshop starten", "en": "Start the workshop"},
    "ws_join_title": {"nl": "Meedoen met een workshop", "en": "Join a workshop"},
    "ws_code": {"nl": "Code", "en": "Code"},
    "ws_name": {"nl": "Uw naam", "en": "Your name"},
    "ws_team": {"nl": "Team", "en": "Team"},
    "ws_role": {"nl": "Rol", "en": "Role"},
    "ws_join": {"nl": "Meedoen", "en": "Join"},
    "ws_go": {"nl": "Verder", "en": "Continue"},
    "ws_code_is": {"nl": "Code voor deelnemers: **{code}**",
                   "en": "Code for participants: **{code}**"},
    "ws_join_link": {"nl": "Deelnemers openen: {join}", "en": "Participants open: {join}"},
    "ws_fac_link": {
        "nl": "Uw facilitatorlink (bewaar hem, deel hem niet, niet op de beamer)",
        "en": "Your facilitator link (keep it, do not share it, not on the projector)"},
    "ws_my_link": {"nl": "Uw eigen link (hiermee komt u terug): {link}",
                   "en": "Your own link (to come back with): {link}"},
    "ws_round_status": {
        "nl": "Ronde {round} van {rounds} ({year}): {status}",
        "en": "Round {round} of {rounds} ({year}): {status}"},
    "ws_status_open": {"nl": "open, besluiten kan nu", "en": "open, decide now"},
    "ws_status_closing": {"nl": "het jaar wordt doorgerekend", "en": "simulating the year"},
    "ws_status_closed": {"nl": "gesloten", "en": "closed"},
    "ws_not_started": {"nl": "Nog geen ronde geopend; de startsituatie is {year}.",
                       "en": "No round opened yet; the starting point is {year}."},
    "ws_wait": {"nl": "Wacht tot de facilitator de volgende ronde opent.",
                "en": "Wait for the facilitator to open the next round."},
    "ws_finished": {"nl": "Alle rondes zijn gespeeld.", "en": "All rounds have been played."},
    "ws_you_are": {"nl": "{name}, team {team}: {role}", "en": "{name}, team {team}: {role}"},
    "ws_decide": {"nl": "Besluit voor {year}", "en": "Decision for {year}"},
    "ws_submit": {"nl": "Besluit indienen", "en": "Submit decision"},
    "ws_submitted": {"nl": "Besluit ontvangen. U kunt het aanpassen tot de ronde sluit.",
                     "en": "Decision received. You can change it until the round closes."},
    "ws_refused": {"nl": "Niet opgeslagen: {error}", "en": "Not saved: {error}"},
    "ws_results": {"nl": "Resultaten tot en met {year}", "en": "Results through {year}"},
    "ws_card_now": {"nl": "Gebeurtenis dit jaar: {title}. {text}",
                    "en": "Event this year: {title}. {text}"},
    "ws_open": {"nl": "Ronde {round} openen", "en": "Open round {round}"},
    "ws_close": {"nl": "Ronde {round} sluiten en het jaar doorrekenen",
                 "en": "Close round {round} and simulate the year"},
    "ws_card": {"nl": "Gebeurteniskaart voor deze ronde", "en": "Event card for this round"},
    "ws_no_card": {"nl": "(geen kaart)", "en": "(no card)"},
    "ws_play": {"nl": "Kaart spelen", "en": "Play the card"},
    "ws_who": {"nl": "Wie heeft besloten (deze ronde)", "en": "Who has decided (this round)"},
    "ws_decided": {"nl": "besloten", "en": "decided"},
    "ws_pending": {"nl": "nog niet", "en": "not yet"},
    "ws_nobody": {"nl": "niemand", "en": "nobody"},
    "ws_debrief": {"nl": "Debriefing", "en": "Debrief"},
    "ws_control": {"nl": "Rondes", "en": "Rounds"},
    "ws_indicator": {"nl": "Indicator", "en": "Indicator"},
    "ws_download_html": {"nl": "Verslag (HTML)", "en": "Report (HTML)"},
    "ws_download_pdf": {"nl": "Verslag (PDF)", "en": "Report (PDF)"},
    "ws_download_log": {"nl": "Logboek (CSV)", "en": "Log (CSV)"},
    "ws_not_facilitator": {
        "nl": "Deze link is niet de facilitatorlink van deze workshop.",
        "en": "This link is not the facilitator link of this workshop."},
    "ws_unknown_link": {"nl": "Deze link hoort bij geen deelnemer: {error}",
                        "en": "This link belongs to no participant: {error}"},
    "ws_paths": {"nl": "Het pad van de teams naast de meegeleverde scenario's",
                 "en": "The teams' paths next to the shipped scenarios"},
    "ws_effects": {
        "nl": "Wat de besluiten van elke ronde veranderden (team {team}; verschil met hetzelfde "
              "pad zonder de besluiten van die ronde)",
        "en": "What each round's decisions changed (team {team}; difference with the same "
              "path without that round's decisions)"},
    "ws_report_title": {"nl": "Workshop {code}: debriefing", "en": "Workshop {code}: debrief"},
    "ws_setup": {
        "nl": "Scenario '{scenario}', seed {seed}, {teams} team(s), {done} van {rounds} rondes "
              "gespeeld ({first}-{last}).",
        "en": "Scenario '{scenario}', seed {seed}, {teams} team(s), {done} of {rounds} rounds "
              "played ({first}-{last})."},
    "ws_cards_played": {"nl": "Gespeelde gebeurteniskaarten", "en": "Event cards played"},
    "ws_none": {"nl": "geen", "en": "none"},
    "ws_eur_per_year": {"nl": "EUR per jaar", "en": "EUR per year"},
    "ws_round": {"nl": "Ronde", "en": "Round"},
}


def t(key: str, lang: str) -> str:
    """The string for ``key`` in ``lang`` ('nl' or 'en')."""
    return STRINGS[key][lang]


# The declared units (``indicators.py``) in plain words, per language.
UNIT_WORDS: dict[str, dict[str, str]] = {
    "0-1": {"nl": "schaal 0-1", "en": "scale 0-1"},
    "EUR": {"nl": "euro", "en": "EUR"},
    "EUR per client per month": {"nl": "euro per cliënt per maand",
                                 "en": "EUR per client per month"},
    "EUR per month": {"nl": "euro per maand", "en": "EUR per month"},
    "EUR per year": {"nl": "euro per jaar", "en": "EUR per year"},
    "FTE": {"nl": "fte", "en": "FTE"},
    "client places": {"nl": "cliëntplaatsen", "en": "client places"},
    "initiatives": {"nl": "initiatieven", "en": "initiatives"},
    "innovations per month": {"nl": "innovaties per maand", "en": "innovations per month"},
    "need severity": {"nl": "ernst van de hulpvraag, 0-1", "en": "need severity, 0-1"},
    "persons": {"nl": "personen", "en": "persons"},
    "persons per month": {"nl": "personen per maand", "en": "persons per month"},
    "providers": {"nl": "aanbieders", "en": "providers"},
    "share of municipalities": {"nl": "aandeel van de gemeenten",
                                "en": "share of municipalities"},
    "share of new needs": {"nl": "aandeel van de nieuwe hulpvragen",
                           "en": "share of new needs"},
    "share of providers": {"nl": "aandeel van de aanbieders", "en": "share of providers"},
    "share of under-18s": {"nl": "aandeel van de minderjarigen", "en": "share of under-18s"},
    "x reference": {"nl": "maal de referentie", "en": "times the reference"},
}


DOMAIN_WORDS: dict[str, dict[str, str]] = {
    "wmo": {"nl": "Wmo", "en": "Wmo"},
    "jeugd": {"nl": "Jeugdhulp", "en": "Youth care"},
    "participatie": {"nl": "Participatie", "en": "Participation"},
}


def domain_label(domain: str, lang: str) -> str:
    """A domain's name (``params.DOMAINS``) in ``lang``."""
    return DOMAIN_WORDS[domain][lang]


def unit_words(unit: str, lang: str, per_100k: bool = False) -> str:
    """A declared unit in plain words in ``lang``; ``per_100k``: per 100,000 inhabitants."""
    words = UNIT_WORDS[unit][lang]
    return words + (" " + t("per_100k_words", lang) if per_100k else "")
