"""The comparison app, driven with Streamlit's AppTest. Widgets are found by key."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests import apptest
from tests.apptest import APP, ok, shown

pytestmark = pytest.mark.slow


def new_app(scenarios=("no-decentralisation", "transition-only"), seeds=3, precision=0.1,
            **query) -> AppTest:
    at = apptest.new_app(**query)
    at.session_state["scenarios"] = list(scenarios)
    at.session_state["seeds"] = seeds
    at.session_state["precision"] = precision
    return at


@pytest.fixture(scope="module")
def app() -> AppTest:
    return ok(new_app().run())


def test_opens_in_dutch_and_shows_more_unmet_need_without_transformation(app):
    assert app.title[0].value == "transitiesim: scenario's vergelijken"
    value, delta, diff = app.session_state["shown_cards"][("transition-only", "unmet_need")]
    assert diff > 0  # transition-only has more unmet need than the counterfactual
    cards = [(m.label, m.value, m.delta) for m in app.metric]
    assert ("Onvervulde hulpvraag (personen)", value, delta) in cards
    assert any("gepaard" in i.value for i in app.info)  # the one sentence on seed pairing


def test_summary_is_generated_from_the_numbers(app):
    text = " ".join(m.value for m in app.markdown)
    _, delta, _ = app.session_state["shown_cards"][("transition-only", "unmet_need")]
    assert f"onvervulde hulpvraag {delta} hoger (slechter)" in text


def test_switching_language_changes_every_label():
    at = ok(new_app().run())
    ok(at.radio(key="lang").set_value("en").run())
    assert at.title[0].value == "transitiesim: compare scenarios"
    labels = {m.label for m in at.metric}
    assert "Unmet need (persons)" in labels
    assert not any("Onvervulde hulpvraag" in label for label in labels)
    assert at.multiselect(key="scenarios").label == "Scenarios (2 to 4)"
    assert at.slider(key="lever_citizen_power").label == "Citizen power (0-1)"


def test_changing_a_lever_adds_an_edited_copy_with_its_own_results():
    at = ok(new_app().run())
    ok(at.selectbox(key="edit_base").set_value("transition-only").run())
    at.slider(key="lever_access_strictness").set_value(0.6)
    at.text_input(key="edit_name").set_value("strict")
    ok(at.button(key="edit_add").click().run())
    assert at.session_state["scenarios"][-1] == "strict"
    assert at.session_state["baseline"] == "transition-only"  # compared with its base
    cards = at.session_state["shown_cards"]
    strict, base = cards[("strict", "unmet_need")][2], cards[("transition-only", "unmet_need")][2]
    assert strict > base  # a stricter threshold leaves more need unmet
    assert at.session_state["last_timing"][0] == 3  # only the new scenario's 3 seeds ran


def test_adding_a_shipped_scenario(app):
    at = ok(new_app().run())
    ok(at.multiselect(key="scenarios").select("citizen-power").run())
    assert ("citizen-power", "unmet_need") in at.session_state["shown_cards"]
    assert len({k[0] for k in at.session_state["shown_cards"]}) == 3


@pytest.mark.parametrize("name, content, fragment", [
    # in the page's language (Dutch), from the loader's problem (ui/errors.py)
    ("bad.toml", b'extends = "default"\n[parameters]\ncitizen_power = 7\n',
     "parameters.citizen_power (Burgerkracht): gekregen 7; toegestaan: een getal van 0 tot 1"),
    ("bad.toml", b"this is = not [toml", "gekregen geen geldige TOML"),
    ("big.toml", b"# " + b"x" * 1_000_001, "hoogstens 1\u2009000\u2009000 bytes"),
    ("latin1.toml", 'name = "caf\u00e9"'.encode("latin-1"), "gekregen geen tekst in UTF-8"),
])
def test_a_bad_upload_is_refused_with_the_loaders_message_and_nothing_is_lost(
        name, content, fragment):
    at = ok(new_app().run())
    before = dict(at.session_state["shown_cards"])
    ok(at.file_uploader(key="upload").upload(name, content).run())
    errors = " ".join(shown(e.value) for e in at.error)
    assert fragment in errors
    assert at.session_state["scenarios"] == ["no-decentralisation", "transition-only"]
    assert at.session_state["shown_cards"] == before


def test_a_good_upload_joins_the_comparison():
    at = ok(new_app().run())
    text = b'name = "mine"\nextends = "default"\n[parameters]\ncitizen_power = 0.7\n'
    ok(at.file_uploader(key="upload").upload("mine.toml", text).run())
    assert at.session_state["scenarios"][-1] == "mine"
    assert ("mine", "unmet_need") in at.session_state["shown_cards"]


def test_the_shareable_link_restores_the_comparison():
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params.update({"s": "default,strict", "b": "default", "n": "2", "lang": "en",
                            "p": "0.1", "e0": "strict|transition-only|access_strictness=0.6"})
    ok(at.run())
    assert at.session_state["scenarios"] == ["default", "strict"]
    assert at.session_state["baseline"] == "default" and at.session_state["seeds"] == 2
    assert at.title[0].value == "transitiesim: compare scenarios"
    assert ("strict", "unmet_need") in at.session_state["shown_cards"]
    link = " ".join(c.value for c in at.code)
    assert "e0=strict%7Ctransition-only%7Caccess_strictness%3D0.6" in link


def test_exports_offer_data_scenario_and_a_python_snippet_that_compiles(app):
    keys = {b.key for b in app.get("download_button")}
    assert {"download_parquet", "download_toml", "csv_series_unmet_need"} <= keys
    snippet = next(c.value for c in app.code if "run_seeds" in c.value)
    compile(snippet, "snippet", "exec")
    # At the app's precision (0.1 of the scenario's scale 1), as the screen was computed
    # (tests/test_export.py runs such code and compares the tables).
    assert "load_scenario('transition-only').with_params(scale=0.1)" in snippet


def test_every_editable_parameter_has_a_widget_labelled_from_its_declaration():
    from tests.test_catalogue import po_entries
    from transitiesim.labels import SECTIONS, lever_label, unit_words
    from transitiesim.ui.page import EDITABLE

    short, units = po_entries("parameter"), po_entries("parameter unit")

    at = ok(new_app().run())
    ok(at.checkbox(key="edit_all").check().run())
    for p in EDITABLE:
        widget = at.get_by_key(f"lever_{p.name}")
        # a short name with the unit in Dutch words; the sentence and the name in the tooltip
        assert widget.label == lever_label(p, "nl"), p.name
        assert widget.label.startswith(short[p.name][0]), p.name
        if unit_words(p, "nl"):
            assert widget.label.endswith(f"({units[p.unit][0]})"), p.name
        assert p.help_nl in widget.help and f"`{p.name}`" in widget.help, p.name
    # every section is a tab, in the order of the declaration of sections
    sections = po_entries("section")
    assert [tab.label for tab in at.sidebar.tabs] == [sections[s][0] for s in SECTIONS]


def test_the_app_opens_a_sweep_folder_and_shows_its_sensitivity(tmp_path):
    from transitiesim.sweeps import build_sweep_spec, sweep

    raw = {"name": "tiny", "scenario": "default", "base": {"scale": 0.05, "end_year": 2015},
           "design": "lhs", "samples": 3, "indicators": ["clients_wmo"],
           "parameters": {"access_strictness": {"low": 0.1, "high": 0.5}}}
    sweep(build_sweep_spec(raw), tmp_path / "tiny")
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["view"] = "sweep"
    ok(at.run())
    ok(at.text_input(key="sweep_dir").set_value(str(tmp_path / "tiny")).run())
    assert "3 van 3 runs klaar" in " ".join(m.value for m in at.markdown)
    assert at.get("plotly_chart")
    ok(at.text_input(key="sweep_dir").set_value(str(tmp_path / "nothing")).run())
    assert "folder: got" in shown(at.error[0].value)


def test_the_why_tab_explains_a_change_on_request_in_the_chosen_language():
    at = ok(new_app(seeds=2).run())
    assert "why_shown" not in at.session_state  # nothing runs until asked
    assert at.selectbox(key="why_scenario").value == "transition-only"  # not the baseline
    # Each indicator starts from its domain's mechanisms and keeps its own choice.
    from transitiesim.explain import DOMAIN_MECHANISMS
    assert at.multiselect(key="why_mechanisms_clients_jeugd").value == list(
        DOMAIN_MECHANISMS["jeugd"][:5])
    ok(at.selectbox(key="why_indicator").set_value("clients_wmo").run())
    assert at.multiselect(key="why_mechanisms_clients_wmo").value == list(
        DOMAIN_MECHANISMS["wmo"][:5])
    ok(at.selectbox(key="why_indicator").set_value("clients_jeugd").run())
    at.multiselect(key="why_mechanisms_clients_jeugd").set_value(["referral_routes", "outreach"])
    ok(at.button(key="why_run").click().run())
    table = at.session_state["why_shown"]
    assert list(table.index) == ["referral_routes", "outreach", "rest", "interaction", "total"]
    parts = table.loc[["referral_routes", "outreach", "rest"], "shapley"].sum()
    assert abs(parts - table.loc["total", "shapley"]) < 1e-6 * max(1.0, abs(parts))
    text = " ".join(m.value for m in at.markdown)
    assert "verandering" in text  # the Dutch result line
    ok(at.radio(key="lang").set_value("en").run())
    text = " ".join(m.value for m in at.markdown)
    assert "change" in text and "verandering" not in text


def test_the_municipality_view_warns_when_too_few_persons_stand_for_a_municipality():
    """`netherlands` at precision 0.1 runs at its own scale of 0.01 (0.001 would leave its
    smallest municipality without a person): a municipality of 25,000 inhabitants is 250
    simulated persons, so most of the 393 are under 1,000 and the view says how many, in
    the language chosen; the table behind the chart lists each one's simulated persons. A
    single municipality gets no such warning (there is no ranking to mislead)."""
    at = ok(new_app(scenarios=("netherlands", "no-decentralisation"), seeds=2).run())
    warning = [w.value for w in at.warning if "gemeenten met minder dan" in w.value]
    assert len(warning) == 1
    thin = int(warning[0].split("precisie worden ")[1].split(" van de ")[0])
    assert 200 < thin < 393 and "van de 393 gemeenten" in warning[0]
    assert "Een hogere precisie" in warning[0]  # 0.1 is not the highest
    # The ranked table: every municipality once, by name, highest first, with its persons.
    table = next(d.value for d in at.dataframe if "Gemeente" in d.value.columns)
    assert len(table) == 393 and table["Gemeente"].is_unique
    assert {"Amsterdam", "Schiermonnikoog"} <= set(table["Gemeente"])
    assert table["Per 100.000 inwoners"].is_monotonic_decreasing
    assert (table["Gesimuleerde personen"] < 1000).sum() == thin
    # CBS's municipalities are a map, not 393 bars: one filled outline each, named with its
    # value, coloured by it, on a plain chart (no geo layout, so no map service is asked),
    # with its source and a text alternative naming the highest and lowest.
    import json

    (spec,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")
               if "Gemeentegrenzen" in json.dumps(json.loads(c.proto.spec)["layout"])
               or len(json.loads(c.proto.spec)["data"]) > 300]
    shapes = [tr for tr in spec["data"] if tr.get("fill") == "toself"]
    assert len(shapes) == 393 and not {"geo", "mapbox", "map"} & set(spec["layout"])
    from html import unescape  # names are escaped for plotly, which renders some HTML
    assert {unescape(tr["name"].split(":")[0]) for tr in shapes} == set(table["Gemeente"])
    assert len({tr["fillcolor"] for tr in shapes}) > 20
    assert any("CBS Gebiedsindelingen" in c.value for c in at.caption)
    words = next(x.value for x in at.text if x.value.startswith("In woorden: de kaart"))
    assert f"Hoogst: {table['Gemeente'].iloc[0]} " in words
    assert f"Laagst: {table['Gemeente'].iloc[-1]} " in words
    ok(at.radio(key="lang").set_value("en").run())
    assert any(f"{thin} of the 393 municipalities" in w.value for w in at.warning)
    # Municipalities chosen by name, over the years, beside all together.
    ok(at.radio(key="lang").set_value("nl").run())
    ok(at.multiselect(key="muni_chosen_netherlands").select("Amsterdam")
       .select("Schiermonnikoog").run())
    names = {trace.get("name") for chart in at.get("plotly_chart")
             for trace in json.loads(chart.proto.spec)["data"]}
    assert {"Alle gemeenten samen", "Amsterdam", "Schiermonnikoog"} <= names
    # At the highest precision the advice is a script, not a precision the app lacks.
    at = ok(new_app(scenarios=("netherlands", "no-decentralisation"), seeds=2,
                    precision=1.0).run())
    advice = [w.value for w in at.warning if "gemeenten met minder dan" in w.value]
    assert len(advice) == 1 and "hoogste precisie" in advice[0]


def _axis_titles(at) -> list[str]:
    """The y-axis titles of the app's plotly charts, from their figure specs."""
    import json
    titles = []
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec).get("layout", {})
        title = layout.get("yaxis", {}).get("title", {})
        titles.append(title.get("text", "") if isinstance(title, dict) else str(title))
    return titles


def test_every_card_and_axis_names_its_unit_in_the_chosen_language():
    """Each headline card's label carries its unit in words from the declaration
    (the catalogue's units), the tooltip says what the figure and its interval mean, and the
    charts' y-axes name their unit: in Dutch without English unit words, in English without
    Dutch ones; per 100,000 inhabitants the counted units say so."""
    at = ok(new_app().run())
    labels = [m.label for m in at.metric]
    assert labels and all(label.endswith(")") for label in labels)
    assert "Onvervulde hulpvraag (personen)" in labels
    assert "Kosten per cliënt (euro per cliënt per maand)" in labels
    helps = [m.help for m in at.metric]
    assert all("90%-interval" in h for h in helps)
    words = [x.value for x in at.text if x.value.startswith("In woorden: ")]
    assert len(words) == 1  # the chart over time in words (text alternative)
    dutch = " ".join(labels + _axis_titles(at) + words)
    assert "euro per jaar" in _axis_titles(at)
    for english in ("persons", "EUR per", "per month", "per year", "share of"):
        assert english not in dutch, english
    ok(at.checkbox(key="per_100k").check().run())
    labels = [m.label for m in at.metric]
    assert "Onvervulde hulpvraag (personen per 100.000 inwoners)" in labels
    assert "Kosten per cliënt (euro per cliënt per maand)" in labels  # not a count
    ok(at.radio(key="lang").set_value("en").run())
    labels = [m.label for m in at.metric]
    assert "Unmet need (persons per 100,000 inhabitants)" in labels
    english = " ".join(labels + _axis_titles(at))
    for word in ("personen", "euro per", "per maand", "per jaar", "aandeel", "inwoners"):
        assert word not in english, word


def test_a_fresh_app_opens_on_runs_computed_ahead(tmp_path, monkeypatch):
    """`python -m transitiesim.ui.warm` (run by `scripts/start.sh`) computes the comparison a
    fresh app opens with into the cache folder; a new app process then shows it without
    computing a single run."""
    import streamlit as st

    from transitiesim.ui import warm
    monkeypatch.setenv("TRANSITIESIM_CACHE_DIR", str(tmp_path))
    assert warm.main() == 0
    assert len(list(tmp_path.glob("*.parquet"))) == 2 * 3 * 5  # 3 scenarios, 5 seeds
    st.cache_resource.clear()  # a new process: the in-memory cache starts empty
    try:
        at = ok(apptest.new_app().run())
        assert at.session_state["last_timing"][0] == 0
        assert ("transition-only", "unmet_need") in at.session_state["shown_cards"]
    finally:
        st.cache_resource.clear()  # later tests get a cache without this folder


def test_a_copy_added_to_a_full_comparison_keeps_its_base_and_says_what_made_room():
    """Four scenarios are the most a comparison holds. A copy of one of them added to a full
    comparison keeps its base (now the baseline) and takes the oldest other scenario out,
    and the page names it; before, the first scenario, the baseline, went without a word."""
    four = ("no-decentralisation", "transition-only", "transformation", "citizen-power")
    at = ok(new_app(scenarios=four, seeds=2).run())
    ok(at.selectbox(key="edit_base").set_value("transformation").run())
    at.slider(key="lever_access_strictness").set_value(0.6)
    at.text_input(key="edit_name").set_value("strict")
    ok(at.button(key="edit_add").click().run())
    assert at.session_state["scenarios"] == ["transition-only", "transformation",
                                             "citizen-power", "strict"]
    assert at.session_state["baseline"] == "transformation"
    notice = " ".join(shown(x.value) for x in at.success)
    assert "Scenario 'strict' toegevoegd." in notice
    assert "uit de vergelijking gehaald om plaats te maken: Geen decentralisatie" in notice


def test_a_copy_starts_from_the_baseline_and_joins_without_pushing_anything_out():
    """Without choosing what to copy, the edit form starts from the comparison's baseline,
    so the copy joins the comparison beside it (three scenarios, not four: before the form
    started from the first shipped scenario, which then had to join as the copy's base)."""
    at = ok(new_app().run())
    assert at.selectbox(key="edit_base").value == at.session_state["baseline"] \
        == "no-decentralisation"
    at.slider(key="lever_citizen_power").set_value(0.8)
    at.text_input(key="edit_name").set_value("more-power")
    ok(at.button(key="edit_add").click().run())
    assert at.session_state["scenarios"] == ["no-decentralisation", "transition-only",
                                             "more-power"]
    assert at.session_state["baseline"] == "no-decentralisation"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_rendered_element_is_in_the_chosen_language_and_the_page_says_which(lang):
    from tests.apptest import words_of_the_other_language

    at = ok(new_app(seeds=2).run())
    if lang == "en":
        ok(at.radio(key="lang").set_value("en").run())
    ok(at.checkbox(key="edit_all").check().run())  # every lever, every section
    assert words_of_the_other_language(at, lang) == []
    # the document's language for browsers and screen readers, set last
    scripts = [h.proto.body for h in at.get("html") if "<script>" in h.proto.body]
    assert scripts == [f'<script>document.documentElement.lang = "{lang}";</script>']
    for view in ("sweep", "workshop"):
        ok(at.radio(key="view").set_value(view).run())
        assert words_of_the_other_language(at, lang) == [], view


def test_a_copy_for_ones_own_municipality_runs_it_and_its_link_and_code_carry_it():
    """'Voor gemeente': a copy of the baseline for Emmen (CBS GM0114, 107,775 inhabitants)
    joins the comparison with Emmen's population; the link encodes the municipality and
    restores the same scenario; the Python code makes the same copy."""
    at = ok(new_app(seeds=2).run())
    at.selectbox(key="edit_cbs").set_value("GM0114")
    at.text_input(key="edit_name").set_value("emmen")
    ok(at.button(key="edit_add").click().run())
    assert "emmen" in at.session_state["scenarios"]
    scenario, spec = at.session_state["custom"]["emmen"]
    assert [m.cbs for m in scenario.municipalities] == ["GM0114"]
    assert spec == ("no-decentralisation", {"cbs": "GM0114"})
    link_text = next(c.value for c in at.code if c.value.startswith("?"))
    assert "cbs%3DGM0114" in link_text or "cbs=GM0114" in link_text
    code = next(c.value for c in at.code if "run_seeds" in c.value)
    assert ".for_municipality('GM0114')" in code
    # the link restores it in a fresh session
    from urllib.parse import parse_qsl

    restored = ok(apptest.new_app(**dict(parse_qsl(link_text[1:]))).run())
    again, _ = restored.session_state["custom"]["emmen"]
    assert again.municipalities == scenario.municipalities
    assert again.to_toml() == scenario.to_toml()


def test_a_copy_never_replaces_another_and_the_page_says_which_name_it_got():
    """The form keeps the last name, so a second copy made from the same base asked for the
    first one's name and silently replaced it with its results; now it gets the next free
    name, and the page says so. An upload's name is handled the same way."""
    at = ok(new_app().run())
    ok(at.selectbox(key="edit_base").set_value("transition-only").run())
    at.slider(key="lever_access_strictness").set_value(0.6)
    ok(at.button(key="edit_add").click().run())
    first = at.session_state["custom"]["transition-only-2"][0]
    assert at.text_input(key="edit_name").value == "transition-only-3"  # the next free name
    at.text_input(key="edit_name").set_value("transition-only-2")
    at.slider(key="lever_access_strictness").set_value(0.3)
    ok(at.button(key="edit_add").click().run())
    assert at.session_state["custom"]["transition-only-2"][0] is first
    assert at.session_state["scenarios"][-2:] == ["transition-only-2", "transition-only-3"]
    notice = " ".join(shown(x.value) for x in at.success)
    assert "De naam 'transition-only-2' was al in gebruik; de kopie heet " \
           "'transition-only-3'." in notice
    text = b'extends = "transition-only"\n[parameters]\ncitizen_power = 0.7\n'
    ok(at.file_uploader(key="upload").upload("a.toml", text).run())
    ok(at.file_uploader(key="upload").upload("b.toml", text.replace(b"0.7", b"0.5")).run())
    custom = at.session_state["custom"]
    assert custom["transition-only-upload"][0]["citizen_power"] == 0.7
    assert custom["transition-only-upload-2"][0]["citizen_power"] == 0.5
    # Both travel in the link as edited copies of their shipped base.
    assert custom["transition-only-upload-2"][1] == ("transition-only", {"citizen_power": 0.5})


def test_a_statline_export_uploaded_runs_its_municipalities_and_a_bad_one_is_named():
    """The uploader takes a CBS StatLine export (CSV) as `transitiesim statline` does: its
    municipalities, run as `netherlands`, join the comparison under the file's name; an
    export without a population column is refused naming the column, and nothing is lost."""
    from pathlib import Path

    sample = (Path(__file__).parent / "data" / "statline_03759ned_sample.csv").read_bytes()
    at = ok(new_app(seeds=1).run())
    ok(at.file_uploader(key="upload").upload("03759ned.csv", sample).run())
    assert at.session_state["scenarios"][-1] == "03759ned"
    scenario = at.session_state["custom"]["03759ned"][0]
    assert [m.name for m in scenario.municipalities] == ["Ameland", "Utrecht (gemeente)"]
    assert scenario["inhabitants"] == sum(m.inhabitants for m in scenario.municipalities)
    assert ("03759ned", "unmet_need") in at.session_state["shown_cards"]
    notice = " ".join(shown(x.value) for x in at.success)
    assert "De deelbare link neemt dit bestand niet mee" in notice
    before = dict(at.session_state["shown_cards"])
    bad = b'"Regio\'s";"Perioden";"Iets anders"\n"Ameland";"2015";"3600"\n'
    ok(at.file_uploader(key="upload").upload("bad.csv", bad).run())
    errors = " ".join(shown(e.value) for e in at.error)
    assert "Bestand geweigerd" in errors and "bad.csv" in errors
    assert at.session_state["shown_cards"] == before
