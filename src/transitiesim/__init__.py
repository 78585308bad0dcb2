"""transitiesim: an agent-based model of the 2015 decentralisation of the Dutch social domain.

    >>> from transitiesim import load_scenario, run
    >>> result = run(load_scenario("transformation"), seed=1)
    >>> result.national[["date", "unmet_need", "deficit_eur_wmo"]]

Batch sweeps: ``transitiesim.sweep(file, out=...)`` and ``transitiesim.load_sweep(out)``; the
rest (sensitivity, designs, executors) is in ``transitiesim.sweeps``.
"""

from .indicators import INDICATORS
from .model import TransitionModel
from .params import PARAMETERS
from .run import RunResult, replication_seeds, run, run_seeds, to_yearly
from .scenario import Scenario, ScenarioError, load_scenario, load_scenario_text, shipped_scenarios
from .sweeps import load_sweep, sweep

__all__ = [
    "INDICATORS", "PARAMETERS", "RunResult", "Scenario", "ScenarioError", "TransitionModel",
    "load_scenario", "load_scenario_text", "replication_seeds", "run", "run_seeds",
    "shipped_scenarios", "sweep", "load_sweep", "to_yearly",
]
