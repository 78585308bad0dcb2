"""The money ledger: every euro that moves is booked once on the payer's side.

Each month holds, per municipality, what came in (budget from the Rijk per domain, citizens' own
contributions, the Rijk's top-up under the old system) and what went out (per domain, and by
receiver: providers, citizen initiatives, citizens). The payees keep their own accounts
(``Provider.revenue_eur`` and ``grant_eur``, ``CitizenInitiative.grants_eur``, the benefit each
person receives), so the tests can check money is conserved from both sides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .model import TransitionModel

FLOWS_3 = ("budget", "spending")
# from_other_tasks and local_tax: money a municipality adds to the social domain to cover a
# deficit (Municipality.finance_deficit), booked in December.
FLOWS_1 = ("contributions", "from_other_tasks", "local_tax", "to_providers",
           "to_initiatives", "to_citizens",
           "reserves_start", "reserves_end", "received_by_providers",
           "received_by_initiatives", "received_by_citizens")


class Ledger:
    def __init__(self, n_municipalities: int):
        self.M = n_municipalities
        self.history: list[dict[str, np.ndarray]] = []
        self.cur: dict[str, np.ndarray] = self._blank()

    def _blank(self) -> dict[str, np.ndarray]:
        book: dict[str, np.ndarray] = {k: np.zeros((3, self.M)) for k in FLOWS_3}
        book.update({k: np.zeros(self.M) for k in FLOWS_1})
        return book

    def clear(self) -> None:
        self.history.clear()

    def open_month(self, model: TransitionModel) -> None:
        self.cur = self._blank()
        self.cur["reserves_start"][:] = [m.reserves_eur for m in model.municipality_list]

    def close_month(self, model: TransitionModel) -> None:
        """Book the Rijk's top-up (old system only) and the payees' side of this month."""
        book = self.cur
        if not model.reformed:
            # Under the old system the Rijk carries over- and underspending: reserves stay put.
            # Its budget is what the old system spent, domain by domain (the declared amounts
            # paid at the month's start, and the rest now).
            for m in model.municipality_list:
                gap = book["spending"][:, m.index] - book["budget"][:, m.index]
                gap[0] -= book["contributions"][m.index]  # own contributions are Wmo's
                m.receive_costs_covered(gap)
        t = model.prov  # summed in provider order (np.add.at adds one entry at a time)
        np.add.at(book["received_by_providers"], t.muni, t.revenue_eur + t.grant_eur)
        for ini in model.initiatives:
            book["received_by_initiatives"][ini.municipality.index] += ini.grants_eur
            ini.grants_eur = 0.0
        book["received_by_citizens"][:] = model.citizen_receipts_by_municipality()
        book["reserves_end"][:] = [m.reserves_eur for m in model.municipality_list]
        self.history.append(book)

    def income(self, book: dict[str, np.ndarray]) -> np.ndarray:
        """The social domain's own income: the Rijk's budget and citizens' contributions (the
        money added to cover deficits is financing, not income)."""
        return book["budget"].sum(axis=0) + book["contributions"]

    def year_totals(self, m: int) -> dict[str, float]:
        """Last 12 months for municipality ``m``: income (budget + contributions), spending."""
        last = self.history[-11:] + [self.cur]
        # Column m alone (as ``income`` adds it up: the domains' budgets, then contributions):
        # the whole table per municipality would make the Decembers quadratic in their number.
        return {
            "income": float(sum(b["budget"][:, m].sum() + b["contributions"][m] for b in last)),
            "spending": float(sum(b["spending"][:, m].sum() for b in last)),
        }
