"""Loading, inheritance and validation of scenario files: every error names field, value and
what is allowed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transitiesim import ScenarioError, load_scenario, load_scenario_text, shipped_scenarios
from transitiesim.params import PARAM_BY_NAME, PARAMETERS

SHIPPED = ["default", "no-decentralisation", "transition-only", "citizen-power", "innovation",
           "transformation", "netherlands"]


def test_every_required_scenario_ships_and_loads():
    assert set(SHIPPED) <= set(shipped_scenarios())
    for name in SHIPPED:
        s = load_scenario(name)
        assert s.name == name
        assert s.title_nl and s.title_en and s.description_nl and s.description_en


def test_extends_overrides_parameters_and_keeps_the_rest():
    base = load_scenario("default")
    child = load_scenario("transformation")
    assert child.lineage == ("default", "calibrated", "transformation")
    assert child["citizen_power"] == 0.8 and base["citizen_power"] == 0.5
    assert child["cut_wmo"] == base["cut_wmo"]
    assert child.unemployment == base.unemployment


def test_netherlands_has_393_municipalities_and_the_national_events():
    s = load_scenario("netherlands")
    assert s["municipalities"] == 393 and s["inhabitants"] == 16_900_726  # 1 January 2015
    kinds = [(e.year, e.kind) for e in s.events]
    assert (2019, "own_contribution") in kinds
    extra = {e.year: e.values["amount_eur"] for e in s.events if e.kind == "extra_budget"}
    assert extra == {2019: 420e6, 2020: 300e6, 2021: 300e6, 2022: 1.3e9}


def test_defaults_are_declared_once_and_within_their_range():
    for p in PARAMETERS:
        if p.type in (int, float):
            assert p.low <= p.default <= p.high, p.name
        assert p.help_nl and p.help_en and p.unit and p.source, p.name


def test_a_file_extending_a_shipped_scenario_by_path(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('name = "mine"\nextends = "transition-only"\n[parameters]\ncut_wmo = 0.2\n')
    s = load_scenario(f)
    assert s["cut_wmo"] == 0.2 and s["citizen_power"] == 0.3  # from transition-only
    assert s.lineage == ("default", "calibrated", "transition-only", "mine")


def test_round_trip_through_toml_gives_the_same_scenario():
    s = load_scenario("netherlands")
    again = load_scenario_text(s.to_toml())
    assert dict(again.params) == dict(s.params)
    assert again.events == s.events and dict(again.unemployment) == dict(s.unemployment)


def test_a_scenario_survives_being_sent_to_another_process():
    """Workers (sweeps, the screening) receive scenarios pickled: the same scenario arrives,
    with its name, source and lineage."""
    import pickle

    for s in (load_scenario("netherlands").with_params(scale=0.01),
              load_scenario("calibrated").for_municipality("GM0344")):
        back = pickle.loads(pickle.dumps(s))
        assert back == s and (back.name, back.source, back.lineage) == (s.name, s.source,
                                                                       s.lineage)


def _problems(text: str) -> list:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text)
    return info.value.problems


@pytest.mark.parametrize("text, field, fragment", [
    ('extends = "default"\n[parameters]\ncitizen_powr = 0.3', "parameters.citizen_powr",
     "did you mean 'citizen_power'"),
    ('extends = "default"\n[parameters]\ncitizen_power = "high"', "parameters.citizen_power",
     "a number from 0 to 1"),
    ('extends = "default"\n[parameters]\ncitizen_power = 1.7', "parameters.citizen_power",
     "a number from 0 to 1"),
    ('extends = "default"\n[parameters]\nend_year = 2020.5', "parameters.end_year",
     "a whole number"),
    ('extends = "default"\n[parameters]\ndecentralisation = 1', "parameters.decentralisation",
     "true or false"),
    ('extends = "default"\n[parameters]\ncontracting = "auction"', "parameters.contracting",
     "'open_house', 'tender'"),
    ('extends = "default"\n[parameters]\nend_year = 2012', "parameters.end_year",
     "at or after start_year 2014"),
    ('extends = "default"\n[parameters]\nreform_year = 2010', "parameters.reform_year",
     "from start_year 2014 on"),
    ('extends = "default"\n[parameters]\npayment = "task"\nstart_year = 2015\nburn_in_years = 0',
     "parameters.payment", "no year under the old system"),
    ('extends = "default"\n[parameters]\naccess_strictness = 0.85', "parameters.access_strictness",
     "from 0 to 0.7"),
    ('extends = "default"\n[parameters]\nscale = 0.00005', "parameters.scale",
     "from 0.0001 to 1"),
    ('extends = "default"\n[unemployment]\n2014 = 7.4', "unemployment.2014", "0.069"),
    ('extends = "default"\n[[events]]\ndate = "2019-13"\nkind = "own_contribution"\n'
     'amount_eur_per_month = 19', "events[0].date", "YYYY-MM"),
    ('extends = "default"\n[[events]]\ndate = "2019-01"\nkind = "windfall"',
     "events[0].kind", "extra_budget"),
    ('extends = "default"\n[[events]]\ndate = "2019-01"\nkind = "extra_budget"\n'
     'domain = "zorg"\namount_eur = 1e6', "events[0].domain", "wmo, jeugd, participatie"),
    ('extends = "default"\n[[municipalities]]\nname = "A"\ninhabitants = -5',
     "municipalities[0].inhabitants", "a whole number from 1"),
    ('extends = "default"\ncolour = "red"', "colour", "a known key"),
    ('extends = "nowhere"', "extends", "a shipped scenario"),
    ('name = "x" [parameters', "file", "TOML syntax"),
])
def test_each_class_of_error_names_field_value_and_what_is_allowed(text, field, fragment):
    problems = _problems(text)
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].allowed or fragment in str(problems[0])


def test_all_problems_in_a_file_are_reported_together():
    problems = _problems('extends = "default"\n[parameters]\ncitizen_power = 2\n'
                         'cut_wmo = -1\ninnovation_uptak = 0.5')
    assert {p.field for p in problems} == {"parameters.citizen_power", "parameters.cut_wmo",
                                           "parameters.innovation_uptak"}


def test_scale_too_small_for_the_smallest_municipality_is_refused():
    problems = _problems('extends = "netherlands"\n[parameters]\nscale = 0.0002')
    assert problems[0].field == "parameters.scale"
    assert "smallest municipality" in problems[0].allowed


def test_a_missing_unemployment_year_is_refused():
    problems = _problems('[parameters]\nstart_year = 2014\n[unemployment]\n2016 = 0.06')
    assert problems[0].field == "unemployment"


def test_an_extends_cycle_is_refused(tmp_path):
    (tmp_path / "a.toml").write_text('name = "a"\nextends = "b.toml"\n')
    (tmp_path / "b.toml").write_text('name = "b"\nextends = "a.toml"\n')
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "a.toml")
    assert info.value.problems[0].field == "extends"
    assert "without cycles" in info.value.problems[0].allowed


def test_uploaded_text_over_one_megabyte_is_refused():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text("# " + "x" * 1_000_001)
    assert info.value.problems[0].field == "file"


def test_uploaded_text_cannot_extend_a_local_file():
    problems = _problems('extends = "/etc/passwd"')
    assert problems[0].field == "extends"


def test_with_params_validates_like_a_file():
    s = load_scenario("default")
    assert s.with_params(citizen_power=0.9)["citizen_power"] == 0.9
    with pytest.raises(ScenarioError) as info:
        s.with_params(citizen_power=9)
    assert info.value.fields == ["parameters.citizen_power"]


NUMERIC = [p for p in PARAMETERS if p.type in (int, float)
           and p.name not in ("start_year", "end_year", "reform_year", "scale", "inhabitants",
                              "municipalities", "access_strictness", "residential_threshold")]


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from([p.name for p in NUMERIC]),
       value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**9, 10**9),
                       st.text(max_size=5), st.booleans()))
def test_any_value_is_accepted_in_range_or_refused_by_name(name, value):
    p = PARAM_BY_NAME[name]
    s = load_scenario("default")
    ok_type = isinstance(value, int | float) and not isinstance(value, bool)
    in_range = ok_type and value == value and p.low <= value <= p.high and (
        p.type is float or float(value).is_integer())
    try:
        got = s.with_params(**{name: value})
    except ScenarioError as exc:
        assert not in_range
        assert exc.fields == [f"parameters.{name}"]
        assert repr(value) in str(exc) or str(value) in str(exc)
    else:
        assert in_range
        assert got[name] == value


def test_every_declared_value_at_either_end_of_its_range_is_accepted():
    """Declared ranges are what the loader accepts: each lever, national choice and
    uncertainty at its lowest and highest declared value, the others at their defaults, loads
    (and every choice does). The years (start, reform, end) constrain each other and say so."""
    base = load_scenario("default")
    refused = []
    for p in PARAMETERS:
        if p.name in ("start_year", "reform_year", "end_year"):
            continue
        values = p.choices or ((True, False) if p.type is bool else (p.low, p.high))
        for v in values:
            v = int(v) if p.type is int and not isinstance(v, bool) else v
            try:
                base.with_params(**{p.name: v})
            except ScenarioError as exc:
                refused.append((p.name, v, exc.problems[0].allowed))
    assert not refused, refused


def test_a_count_of_ones_own_with_the_cbs_municipalities_is_refused_by_name():
    """With municipality_data 'cbs-2015' the table decides the municipalities; a count or size
    of one's own would be silently ignored, so it is refused, naming the field and the way
    out."""
    problems = _problems('extends = "netherlands"\n[parameters]\nmunicipalities = 5\n'
                         'inhabitants = 200000')
    fields = {p.field: p for p in problems}
    assert set(fields) == {"parameters.municipalities", "parameters.inhabitants"}
    assert "municipality_data = 'generated'" in fields["parameters.municipalities"].allowed
    own = load_scenario_text('extends = "netherlands"\n[parameters]\nmunicipalities = 5\n'
                             'inhabitants = 200000\nmunicipality_data = "generated"')
    assert (own["municipalities"], own["inhabitants"]) == (5, 200_000)


def test_residence_permits_merge_by_year_carry_forward_and_are_checked_by_field():
    base = load_scenario("default")
    child = load_scenario_text('extends = "default"\n[residence_permits]\n2016 = 50000\n')
    assert child.residence_permits[2015] == base.residence_permits[2015] == 33000
    assert child.permits(2016) == 50000 and child.permits(2013) == 0.0
    assert child.permits(2030) == base.permits(2020) == 18000  # carried forward
    again = load_scenario_text(child.to_toml())
    assert dict(again.residence_permits) == dict(child.residence_permits)
    for text, field, allowed in (
        ("[residence_permits]\n2016 = -1", "residence_permits.2016", "persons from 0"),
        ("[residence_permits]\n2016 = true", "residence_permits.2016", "persons from 0"),
        ("[residence_permits]\nsoon = 100", "residence_permits.soon", "a year from"),
        ("residence_permits = 3", "residence_permits", "a table of year = persons"),
    ):
        problems = _problems('extends = "default"\n' + text)
        assert [p.field for p in problems] == [field], problems
        assert allowed in problems[0].allowed
