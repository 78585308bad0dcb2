"""One's own municipality: ``[[municipalities]]`` entries with ``cbs`` (a CBS code or name)
run municipalities of CBS's 2015 table without the rest of the country, measured against a
national reference (ODD 5.1): a municipality alone gets the need index and local labour market
it has among all 393."""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import data, load_scenario
from transitiesim.model import TransitionModel, national_means
from transitiesim.scenario import ScenarioError, load_scenario_text


def _own(*names: str, scale: float = 0.02) -> str:
    listed = "".join(f'[[municipalities]]\ncbs = "{n}"\n' for n in names)
    return f'extends = "default"\nname = "own"\n{listed}[parameters]\nscale = {scale}\n'


def test_an_entry_takes_name_inhabitants_and_ages_from_cbs_and_round_trips():
    s = load_scenario_text(_own("utrecht", "GM0363"), "own.toml")
    table = data.municipalities_2015().set_index("code")
    utrecht, amsterdam = s.municipalities
    assert (utrecht.name, utrecht.cbs) == ("Utrecht", "GM0344")
    assert utrecht.inhabitants == table.loc["GM0344", "inhabitants"]
    assert utrecht.share_65_plus == pytest.approx(table.loc["GM0344", "share_65_plus"])
    assert amsterdam.name == "Amsterdam"
    again = load_scenario_text(s.to_toml(), "again.toml")
    assert again.municipalities == s.municipalities
    assert again.to_toml() == s.to_toml()


@pytest.mark.parametrize("entry, fragment", [
    ('cbs = "Utrecth"', "did you mean 'Utrecht'"),
    ('cbs = "GM9999"', "one of the 393 municipalities of 2015"),
    ("cbs = 344", "one of the 393 municipalities of 2015"),
    ('cbs = "Utrecht"\ninhabitants = 5', "nothing beside cbs"),
])
def test_a_wrong_entry_names_the_field_the_value_and_what_is_allowed(entry, fragment):
    text = f'extends = "default"\n[[municipalities]]\n{entry}\n'
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "own.toml")
    assert fragment in str(info.value)
    assert info.value.fields[0].startswith("municipalities[0].")


def test_the_same_municipality_twice_is_refused():
    with pytest.raises(ScenarioError, match="not listed before"):
        load_scenario_text(_own("Utrecht", "GM0344"), "own.toml")


@pytest.fixture(scope="module")
def netherlands() -> TransitionModel:
    return TransitionModel(load_scenario("netherlands").with_params(scale=0.05), seed=1)


@pytest.mark.parametrize("name", ["Amsterdam", "Utrecht", "Emmen"])
def test_a_municipality_alone_is_measured_as_it_is_among_all(netherlands, name):
    """Its need index (objective allocation: Wmo, youth, assistance) and its local
    labour-market factor match those it gets in ``netherlands`` within 6%. The two differ by
    their samples of persons (Utrecht: 16,700 persons in ``netherlands`` at 0.05, 33,400 alone
    at 0.1; the share of minors alone then has a standard error of about 1.5% in each, incomes
    more) and by the national reference's noise (0.4-1%). Without the reference, a
    municipality alone would be the nation: every index 1."""
    alone = TransitionModel(load_scenario_text(_own(name, scale=0.1), "own.toml"), seed=1)
    i = [m.name for m in netherlands.municipality_list].index(name)
    np.testing.assert_allclose(alone.need_index[0], netherlands.need_index[i], rtol=0.06)
    np.testing.assert_allclose(alone.citizens.entry_factor[0],
                               netherlands.citizens.entry_factor[i], rtol=0.06)
    assert abs(alone.need_index[0, 2] - 1.0) > 0.05  # its labour market is not the nation's


def test_the_reference_is_the_same_in_every_run_and_only_where_needed():
    a = TransitionModel(load_scenario_text(_own("Emmen"), "own.toml"), seed=1)
    b = TransitionModel(load_scenario_text(_own("Emmen"), "own.toml"), seed=2)
    ra, rb = a._national_reference(), b._national_reference()
    assert ra is not None and ra == rb  # its own fixed seed, built once for both
    national_means.cache_clear()
    assert national_means(tuple(sorted(a.p.items()))) == ra  # and built again, the same
    assert TransitionModel(load_scenario("default").with_params(scale=0.02),
                           seed=1)._national_reference() is None
