"""transitiesim: an agent-based model of the 2015 decentralisation of the Dutch social domain.

    >>> from transitiesim import load_scenario, run
    >>> result = run(load_scenario("transformation"), seed=1)
    >>> result.national[["date", "unmet_need", "deficit_eur_wmo"]]

Batch sweeps: ``transitiesim.sweep(file, out=...)`` and ``transitiesim.load_sweep(out)``; the
rest (sensitivity, designs, executors) is in ``transitiesim.sweeps``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# ``run`` is imported here, not on first use: it is also a submodule's name, and importing
# the submodule later would replace the function with the module. These modules need
# neither Mesa nor the compiled kernels.
from .indicators import INDICATORS
from .params import PARAMETERS
from .run import RunResult, replication_seeds, run, run_seeds, to_yearly
from .scenario import Scenario, ScenarioError, load_scenario, load_scenario_text, shipped_scenarios

# The model and the sweeps are imported on first use (PEP 562), so the app's page and the
# scenario loader do not load Mesa and the kernels (docs/performance.md, "The app's first
# page").
_WHERE = {"TransitionModel": "model", "load_sweep": "sweeps", "sweep": "sweeps"}

if TYPE_CHECKING:
    from .model import TransitionModel
    from .sweeps import load_sweep, sweep


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'transitiesim' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))

__all__ = [
    "INDICATORS", "PARAMETERS", "RunResult", "Scenario", "ScenarioError", "TransitionModel",
    "load_scenario", "load_scenario_text", "replication_seeds", "run", "run_seeds",
    "shipped_scenarios", "sweep", "load_sweep", "to_yearly",
]
