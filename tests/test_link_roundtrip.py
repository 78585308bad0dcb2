"""The shareable link round-trips exactly and keeps doing so (issue 19, item 1): any
comparison the app can hold (shipped scenarios, up to four edited copies with any declared
values, a municipality of CBS's table, baseline, seeds, precision, language) is written to a
link and read back unchanged, and a link of version 1 written today restores the same state
in every later version."""

from __future__ import annotations

from urllib.parse import parse_qsl

from hypothesis import given, settings
from hypothesis import strategies as st

from transitiesim import data
from transitiesim.scenario import shipped_scenarios
from transitiesim.ui import link

SHIPPED = list(shipped_scenarios())
CODES = sorted(data.municipalities_2015().code)


def _value(p):
    if p.type is bool:
        return st.booleans()
    if p.choices:
        return st.sampled_from(p.choices)
    if p.type is int:
        return st.integers(int(p.low), int(p.high))
    return st.floats(p.low, p.high, allow_nan=False)


@st.composite
def _changes(draw):
    chosen = draw(st.lists(st.sampled_from(link.EDITABLE), max_size=6,
                           unique_by=lambda p: p.name))
    out = {p.name: draw(_value(p)) for p in chosen}
    if draw(st.booleans()):
        out[link.MUNICIPALITY_KEY] = draw(st.sampled_from(CODES))
    return out


@st.composite
def comparisons(draw):
    names = draw(st.lists(st.from_regex(r"[a-z][a-z0-9_-]{0,30}", fullmatch=True)
                          .filter(lambda n: n not in SHIPPED), max_size=link.MAX_EDITS,
                          unique=True))
    edited = [(n, draw(st.sampled_from(SHIPPED)), draw(_changes())) for n in names]
    pool = SHIPPED + names
    scenarios = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=link.MAX_SCENARIOS,
                              unique=True))
    return {"scenarios": scenarios, "baseline": draw(st.sampled_from(scenarios)),
            "seeds": draw(st.integers(1, link.MAX_SEEDS)), "lang": draw(st.sampled_from(
                ["nl", "en"])), "precision": draw(st.sampled_from(link.PRECISIONS)),
            "edited": edited}


@settings(max_examples=300, deadline=None)
@given(state=comparisons())
def test_every_comparison_survives_its_link(state):
    query = link.share_query(state)
    shared = link.parse_share(dict(parse_qsl(query)), SHIPPED)
    assert shared.problems == []
    assert (shared.scenarios, shared.baseline, shared.seeds, shared.lang, shared.precision) \
        == (state["scenarios"], state["baseline"], state["seeds"], state["lang"],
            state["precision"])
    assert [(e.name, e.base, dict(e.changes)) for e in shared.edits] == state["edited"]


# A link as version 1 writes it (3 December 2026). It must restore this state for good: a
# change of format gets a new version and leaves this reading alone.
VERSION_1 = ("v=1&s=transition-only%2Cmijn-plan&b=transition-only&n=3&lang=nl&p=0.25"
             "&e0=mijn-plan%7Ctransition-only%7Ccitizen_power%3D0.7%2Ccontracting%3Dtender"
             "%2Ctransition_law%3Dfalse%2Cexperiment_months%3D12%2Ccbs%3DGM0114")


def test_a_version_1_link_restores_what_it_restored_when_it_was_made():
    shared = link.parse_share(dict(parse_qsl(VERSION_1)), SHIPPED)
    assert shared.problems == []
    assert (shared.scenarios, shared.baseline, shared.seeds, shared.lang, shared.precision) \
        == (["transition-only", "mijn-plan"], "transition-only", 3, "nl", 0.25)
    [edit] = shared.edits
    assert (edit.name, edit.base) == ("mijn-plan", "transition-only")
    assert dict(edit.changes) == {"citizen_power": 0.7, "contracting": "tender",
                                  "transition_law": False, "experiment_months": 12,
                                  "cbs": "GM0114"}
    # the same link without its version (made before versions were written) reads the same
    unversioned = link.parse_share(dict(parse_qsl(VERSION_1.removeprefix("v=1&"))), SHIPPED)
    assert unversioned.edits == shared.edits and unversioned.problems == []


def test_a_link_from_a_newer_version_says_so_and_restores_what_it_can():
    query = dict(parse_qsl(VERSION_1.replace("v=1", "v=2")))
    shared = link.parse_share(query, SHIPPED)
    assert [p.field for p in shared.problems] == ["v"]
    assert shared.scenarios == ["transition-only", "mijn-plan"]


def test_an_upload_made_of_levers_travels_as_an_edit_and_one_made_of_more_does_not():
    """An uploaded file that only changes settings of a shipped scenario is carried by the
    link as an edited copy of it (same model, so the same results); one with its own events
    or period cannot be, and ``as_edit`` says so with None (the page then says the link does
    not carry it)."""
    from transitiesim.scenario import load_scenario, load_scenario_text

    shipped = {n: load_scenario(n) for n in SHIPPED}
    mine = load_scenario_text('name = "mine"\nextends = "transition-only"\n'
                              '[parameters]\ncitizen_power = 0.7\naccess_strictness = 0.6\n')
    assert link.as_edit(mine, shipped) == (
        "transition-only", {"citizen_power": 0.7, "access_strictness": 0.6})
    made = link.apply_changes(shipped["transition-only"], {"citizen_power": 0.7,
                                                           "access_strictness": 0.6})
    assert link.model_part(made) == link.model_part(mine)
    # Nothing changed: the nearest shipped scenario of its lineage, with no changes.
    same = load_scenario_text('name = "same"\nextends = "transformation"\n')
    assert link.as_edit(same, shipped) == ("transformation", {})
    # One municipality of CBS's table travels as the edit's municipality.
    emmen = shipped["default"].for_municipality("Emmen")
    assert link.as_edit(emmen, shipped) == ("default", {link.MUNICIPALITY_KEY: "GM0114"})
    # The period is the app's to set, not a lever: not carried.
    longer = load_scenario_text('name = "longer"\nextends = "transition-only"\n'
                                '[parameters]\nend_year = 2030\n')
    assert link.as_edit(longer, shipped) is None
