"""A team's path through the model: replayed from the scenario, the seed and the decisions.

A workshop keeps no model in memory between requests. The state of a team after round k is a
pure function of (scenario, seed, decisions and cards of rounds 1..k), so it is recomputed when
needed; with common random numbers this gives exactly the same result before and after a server
restart. For the default municipality a replay of ten rounds takes about a second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..indicators import INDICATORS
from ..scenario import Scenario
from .cards import CARDS

if TYPE_CHECKING:
    from ..model import TransitionModel


@dataclass(frozen=True)
class RoundInput:
    """What a team decided in one round (lever -> value) and the card played in it."""

    decisions: Mapping[str, float] = field(default_factory=dict)
    card: str | None = None


def first_year(scenario: Scenario) -> int:
    """Round 1 is the reform year; round 0 (the starting point) the year before it."""
    return int(scenario["reform_year"])


def play(scenario: Scenario, seed: int, rounds: Sequence[RoundInput],
         withhold: int | None = None) -> list[dict[str, float]]:
    """Yearly national indicators for round 0 (the year before the reform) and each round.

    A lever decided in a round holds in later rounds until it is decided again; a municipal
    lever is set again each January, so the municipality's own yearly review does not drift
    away from what the players chose. ``withhold=k`` replays without round k's decisions (its
    card still played): the difference to the full path is what those decisions changed.
    """
    # Imported here: the app's pages import this module to route a workshop link, and
    # should not load Mesa and the kernels for it (docs/performance.md).
    import mesa

    from ..model import TransitionModel

    model = TransitionModel(scenario, seed=seed)
    try:
        year = first_year(scenario)
        _run_through(model, year - 1)
        out = [_year_values(model)]
        chosen: dict[str, float] = {}
        for k, rnd in enumerate(rounds, start=1):
            if k != withhold:
                chosen.update(rnd.decisions)
            if chosen:
                model.set_levers(chosen)
            if rnd.card:
                CARDS[rnd.card].play(model, year + k - 1)
            _run_through(model, year + k - 1)
            out.append(_year_values(model))
        return out
    finally:
        mesa.Agent._ids.pop(model, None)  # Mesa 3.3.1 keeps models alive otherwise
        model.remove_all_agents()


def _run_through(model: TransitionModel, year: int) -> None:
    while (model.year, model.month) < (year, 12):
        model.step()


def _year_values(model: TransitionModel) -> dict[str, float]:
    """The last twelve recorded months, national column, by each indicator's year rule."""
    data = model.datacollector.model_vars
    out = {"year": float(model.year)}
    for ind in INDICATORS:
        months = np.array([v[-1] for v in data[ind.name][-12:]], dtype=float)
        out[ind.name] = float(months.sum() if ind.year == "sum" else
                              months[-1] if ind.year == "last" else months.mean())
    return out
