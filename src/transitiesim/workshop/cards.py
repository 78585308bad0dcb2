"""Event cards the facilitator can play in a round. Each acts in January of the round's year
through the model's own event actions (docs/odd.md, section 7.11)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import TransitionModel


@dataclass(frozen=True)
class Card:
    name: str
    title_nl: str
    title_en: str
    text_nl: str
    text_en: str
    play: Callable[[TransitionModel, int], object]

    def title(self, lang: str) -> str:
        return self.title_nl if lang == "nl" else self.title_en

    def text(self, lang: str) -> str:
        return self.text_nl if lang == "nl" else self.text_en


CARDS: dict[str, Card] = {c.name: c for c in (
    Card("budget_cut", "Extra bezuiniging", "Extra budget cut",
         "Het Rijk kort dit jaar nog eens 5% op het budget voor Wmo en jeugdhulp.",
         "The Rijk cuts another 5% from this year's Wmo and youth care budget.",
         lambda model, year: model.cut_budget(year, [0.05, 0.05, 0.0])),
    Card("provider_failure", "Een aanbieder valt om", "A provider fails",
         "De grootste zorgaanbieder gaat failliet; een doorstart neemt zijn cliënten over, of "
         "zonder continuïteit van zorg staan zij weer op de wachtlijst.",
         "The largest care provider goes bankrupt; a restart takes its clients over, or without "
         "continuity of care they are back on the waiting list.",
         lambda model, year: model.fail_largest_provider()),
    Card("initiative_wave", "Golf van burgerinitiatieven", "Wave of citizen initiatives",
         "In de helft van de wijken zonder burgerinitiatief begint er een.",
         "An initiative starts in half of the neighbourhoods without one.",
         lambda model, year: model.start_initiatives(0.5)),
)}
