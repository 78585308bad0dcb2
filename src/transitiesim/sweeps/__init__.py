"""Batch sweeps and sensitivity analysis: a wing that calls ``run``, never the other way round.

    >>> import transitiesim
    >>> from transitiesim.sweeps import sensitivity
    >>> transitiesim.sweep("sweeps/example.toml", out="results/example", workers=2)
    >>> results = transitiesim.load_sweep("results/example")
    >>> sensitivity(results, "unmet_need")
"""

from .analysis import outcomes, save_analysis, sensitivity
from .runner import SweepReport, SweepResults, load_sweep, read_manifest, sweep
from .spec import SweepError, SweepSpec, build_sweep_spec, load_sweep_spec

__all__ = ["SweepError", "SweepReport", "SweepResults", "SweepSpec", "build_sweep_spec",
           "load_sweep", "load_sweep_spec", "outcomes", "read_manifest", "save_analysis",
           "sensitivity", "sweep"]
