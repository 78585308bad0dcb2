"""The app's short names, Dutch units and sections for the declared parameters
(``transitiesim.labels``, words from the message catalogue): every editable parameter and unit
covered, names short and told apart, the tooltip carrying what the label leaves out."""

from __future__ import annotations

import re

import pytest

from tests.test_catalogue import po_entries
from transitiesim.labels import (
    FIRST_SECTIONS,
    SECTIONS,
    SHORT_MAX,
    has_short_name,
    lever_help,
    lever_label,
    section,
    unit_words,
)
from transitiesim.params import PARAM_BY_NAME, PARAMETERS
from transitiesim.ui.link import EDITABLE

SHORT = po_entries("parameter")
UNIT_NL = {unit: nl for unit, (nl, _) in po_entries("parameter unit").items()}


def test_every_editable_parameter_has_a_short_name_in_both_languages_and_nothing_else_does():
    assert set(SHORT) == {p.name for p in EDITABLE}
    assert {p.name for p in PARAMETERS if has_short_name(p)} == set(SHORT)
    for name, (nl, en) in SHORT.items():
        assert 0 < len(nl) <= SHORT_MAX and 0 < len(en) <= SHORT_MAX, name


@pytest.mark.parametrize("lang", [0, 1])
def test_short_names_tell_the_parameters_apart(lang):
    names = [pair[lang] for pair in SHORT.values()]
    assert len(set(names)) == len(names)


def test_every_declared_unit_has_dutch_words():
    assert {p.unit for p in PARAMETERS} <= set(UNIT_NL)
    # Dutch words, not the English ones copied: only units that read the same in both
    # (symbols and abbreviations) may be equal.
    same = {u for u, nl in UNIT_NL.items() if u == nl}
    assert same <= {"-", "sd"}


def test_every_section_has_levers_and_the_first_five_are_the_policy_ones():
    used = {section(p) for p in EDITABLE}
    assert used == set(SECTIONS)
    assert FIRST_SECTIONS == ("money", "access", "citizens", "innovation", "providers")
    assert set(po_entries("section")) == set(SECTIONS)
    # the municipality's levers are all in the first five sections
    for p in EDITABLE:
        if p.kind == "lever":
            assert section(p) in FIRST_SECTIONS, p.name


def test_a_label_is_the_short_name_and_the_unit_in_words():
    p = PARAM_BY_NAME["initiative_support_eur_per_capita"]
    assert lever_label(p, "nl") == "Steun burgerinitiatieven (euro per inwoner per jaar)"
    assert lever_label(p, "en") == "Support for initiatives (EUR per inhabitant per year)"
    q = PARAM_BY_NAME["access_strictness"]
    assert lever_label(q, "en") == "Access threshold (need severity, 0-1)"
    # switches and choices have no unit
    assert lever_label(PARAM_BY_NAME["contracting"], "nl") == "Inkoop"
    assert unit_words(PARAM_BY_NAME["transition_law"], "en") == ""


def test_the_tooltip_holds_the_sentence_the_range_in_the_language_and_the_name():
    p = PARAM_BY_NAME["cut_wmo"]
    nl, en = lever_help(p, "nl"), lever_help(p, "en")
    assert nl.startswith(p.help_nl) and en.startswith(p.help_en)
    assert f"{p.low:g}".replace(".", ",") in nl and "`cut_wmo`" in nl
    assert "deel van het budget" in nl and "share of budget" in en
    # a workshop role's narrower range replaces the declared one
    assert "een getal van 0,1 tot 0,3 (deel van het budget)" in lever_help(p, "nl", 0.1, 0.3)


def test_no_dutch_label_carries_an_english_unit_word():
    english = re.compile(r"\b(share|per year|per month|inhabitant|hours|probability|severity)\b")
    for p in EDITABLE:
        assert not english.search(lever_label(p, "nl")), p.name


def test_every_choice_has_words_in_both_languages():
    from transitiesim.labels import choice_words

    choices = set(po_entries("choice"))
    assert choices == {f"{p.name}={c}" for p in PARAMETERS for c in p.choices}
    contracting = PARAM_BY_NAME["contracting"]
    assert choice_words(contracting, "tender", "nl") == "aanbesteding"
    assert choice_words(contracting, "tender", "en") == "tender"
    assert "aanbesteding (`tender`)" in lever_help(contracting, "nl")
