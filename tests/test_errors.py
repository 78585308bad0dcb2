"""The loader's problems in the page's language (``transitiesim.ui.errors``): a Dutch page
shows a refused file in Dutch, names the field, the value and what is allowed, and points a
browser user to the app rather than to the command line. Fuzzed: whatever a file or a link
holds, the message is built without an exception and keeps field and value."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.apptest import ENGLISH_ONLY
from transitiesim.params import PARAM_BY_NAME
from transitiesim.scenario import Problem, ScenarioError, load_scenario_text
from transitiesim.textsafe import clip_text
from transitiesim.ui import errors

BAD_FILES = {
    "out of range": 'extends = "default"\n[parameters]\ncitizen_power = 7\n',
    "a whole number wanted": 'extends = "default"\n[parameters]\nexperiment_months = 2.5\n',
    "a switch wanted": 'extends = "default"\n[parameters]\ntransition_law = 3\n',
    "a choice wanted": 'extends = "default"\n[parameters]\ncontracting = "lottery"\n',
    "unknown parameter": 'extends = "default"\n[parameters]\ncitizen_powr = 0.5\n',
    "not TOML": "this is = not [toml",
    "bad name": 'name = "../x"\nextends = "default"\n',
    "long title": 'extends = "default"\ntitle_nl = "' + "x" * 500 + '"\n',
    "unknown key": 'extends = "default"\ncolour = "red"\n',
    "unknown municipality": 'extends = "default"\n[[municipalities]]\ncbs = "Utrecth"\n',
    "municipality twice": 'extends = "default"\n[[municipalities]]\ncbs = "Emmen"\n'
                          '[[municipalities]]\ncbs = "GM0114"\n',
    "beside cbs": 'extends = "default"\n[[municipalities]]\ncbs = "Emmen"\nname = "x"\n',
}


def _refusal(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "upload.toml")
    return info.value


def _english_words(text: str) -> set[str]:
    text = re.sub(r"`[^`]*`|'[^']*'", "", text)  # names and values quoted from the file
    return {w for w in re.findall(r"[\w']+", text.lower()) if w in ENGLISH_ONLY}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_refused_file_reads_in_dutch_with_field_value_and_what_is_allowed(case):
    error = _refusal(BAD_FILES[case])
    nl = errors.error_text(error, "nl")
    assert nl.startswith("upload.toml heeft 1 probleem:"), nl
    assert "gekregen" in nl and "toegestaan" in nl
    assert _english_words(nl) == set(), (case, nl)
    for p in error.problems:
        assert str(p.field) in nl
    assert "transitiesim params" not in nl  # a browser user has no command line


def test_a_parameter_is_named_by_its_short_name_and_its_range_in_dutch_units():
    nl = errors.error_text(_refusal(BAD_FILES["out of range"]), "nl")
    assert "parameters.citizen_power (Burgerkracht): gekregen 7" in nl
    assert "toegestaan: een getal van 0 tot 1 (schaal 0-1)" in nl
    unknown = errors.error_text(_refusal(BAD_FILES["unknown parameter"]), "nl")
    assert "bedoelt u 'citizen_power'?" in unknown and "Alle parameters tonen" in unknown


def test_english_keeps_the_loaders_words_but_not_the_command_line_hint():
    error = _refusal(BAD_FILES["unknown parameter"])
    en = errors.error_text(error, "en")
    assert en == str(error).replace(
        "'transitiesim params' lists them all",
        "'Show every parameter' under 'Edit a copy of a scenario' lists them all, with their "
        "names in the help")
    out_of_range = _refusal(BAD_FILES["out of range"])
    assert "parameters.citizen_power (Citizen power): got 7; allowed: a number from 0 to 1 " \
           "(0-1)" in errors.error_text(out_of_range, "en")


def test_a_setting_is_named_by_its_field_alone():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text('extends = "default"\n[parameters]\nscale = 7\n', "own.toml")
    nl = errors.error_text(info.value, "nl")
    assert "  - parameters.scale: gekregen 7; toegestaan: een getal van" in nl


def test_the_edit_name_problem_is_labelled_like_its_box():
    from transitiesim.textsafe import NAME_ALLOWED

    p = Problem(errors.EDIT_NAME_FIELD, "../x", NAME_ALLOWED + "; not a shipped scenario's name")
    assert errors.any_text(p, "nl").startswith("Naam van de kopie: gekregen '../x'")
    assert "niet de naam van een meegeleverd scenario" in errors.any_text(p, "nl")
    assert errors.any_text(p, "en").startswith("Name of the copy: got '../x'")


@settings(max_examples=200, deadline=None)
@given(key=st.one_of(st.sampled_from(sorted(PARAM_BY_NAME)), st.text(max_size=30)),
       value=st.one_of(st.text(max_size=50), st.integers(), st.floats(allow_nan=True),
                       st.booleans(), st.lists(st.integers(), max_size=3)),
       lang=st.sampled_from(["nl", "en"]))
def test_any_problem_from_a_file_or_link_gives_a_message_with_its_field(key, value, lang):
    field = f"parameters.{key}"
    p = PARAM_BY_NAME.get(key)
    problem = Problem(field, value, p.allowed() if p else "a declared parameter name; "
                      "'transitiesim params' lists them all")
    text = errors.error_text(ScenarioError([problem], "link"), lang)
    assert text.splitlines()[1].startswith(f"  - {clip_text(field, 200)}")


BAD_EXPORTS = {
    "no population column": '"Regio\'s";"Perioden";"Iets anders"\n"Ameland";"2015";"3600"\n',
    "no columns": "just one line of text\n",
    "not a number": '"Regio\'s";"Bevolking (aantal)"\n"Ameland";"veel"\n',
    "unknown age group": '"Regio\'s";"Leeftijd";"Bevolking (aantal)"\n'
                         '"Ameland";"oud";"3600"\n',
    "no municipality": '"Regio\'s";"Bevolking (aantal)"\n"Nederland";"16900726"\n',
}


@pytest.mark.parametrize("case", sorted(BAD_EXPORTS))
def test_a_refused_statline_export_reads_in_dutch(case):
    """A StatLine export uploaded in the app is refused, like a scenario file, in the page's
    language: the column or row, the value and what the reader wants, without English."""
    from transitiesim.statline import read_population

    with pytest.raises(ScenarioError) as info:
        read_population("export.csv", text=BAD_EXPORTS[case])
    nl = errors.error_text(info.value, "nl")
    assert nl.startswith("export.csv heeft ") and "gekregen" in nl and "toegestaan" in nl
    assert _english_words(nl) == set(), (case, nl)
    assert errors.error_text(info.value, "en") == str(info.value), case  # English unchanged
