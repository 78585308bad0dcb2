"""The array model is the same agent-based model as a plain one-Mesa-agent-per-citizen one.

Both run the same scenario over several seeds, with their own random draws; the main
indicators' means must agree within three standard errors of their difference.
"""

from __future__ import annotations

import numpy as np
import pytest

from transitiesim import TransitionModel, load_scenario
from transitiesim.reference import CitizenAgent, ReferenceModel

INDICATORS = ["clients_wmo", "clients_jeugd", "bijstand_recipients", "informal_carers",
              "carers_overburdened", "unmet_need", "wellbeing_mean"]
SEEDS = range(1, 7)
pytestmark = pytest.mark.slow


def _means(cls, scenario) -> np.ndarray:
    rows = []
    for seed in SEEDS:
        model = cls(scenario, seed=seed)
        model.run_model()
        national = {k: np.asarray(v)[:, -1] for k, v in model.datacollector.model_vars.items()}
        rows.append([national[name][12:].mean() for name in INDICATORS])  # 2015 on
    return np.array(rows)


def test_the_two_implementations_agree_statistically():
    scenario = load_scenario("calibrated").with_params(inhabitants=5000, end_year=2016)
    arrays, agents = _means(TransitionModel, scenario), _means(ReferenceModel, scenario)
    se = np.sqrt(arrays.var(axis=0, ddof=1) / len(SEEDS) + agents.var(axis=0, ddof=1)
                 / len(SEEDS))
    gap = np.abs(arrays.mean(axis=0) - agents.mean(axis=0))
    for name, g, s, a, b in zip(INDICATORS, gap, se, arrays.mean(0), agents.mean(0),
                                strict=True):
        assert g <= 3 * s + 1e-9, f"{name}: arrays {a:.2f}, agents {b:.2f}, 3 se {3 * s:.2f}"


def test_the_reference_has_one_mesa_agent_per_citizen():
    scenario = load_scenario("default").with_params(inhabitants=2000, end_year=2015,
                                                    burn_in_years=0)
    model = ReferenceModel(scenario, seed=1)
    assert len(model.agents_by_type[CitizenAgent]) == model.pop.size == 2000
