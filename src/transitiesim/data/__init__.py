"""Small reference tables shipped with the package, every row with its source.

- ``figures.csv``: the figures of the model brief (population 2015, budgets and cuts, client
  levels, citizens, unemployment, asylum residence permits), columns
  ``table,quantity,year,value,unit,source``;
- ``events.csv``: national events after 2015, columns ``date,kind,domain,value,unit,source``;
- ``reference.csv``: what is known for 2014-2017 in the model's own indicator names, for
  ``transitiesim validate``, columns ``indicator,year,value,low,high,source``;
- ``age_path.csv``: the observed age structure by year (inhabitants and persons under 18, 65
  or over, 80 or over), columns ``year,inhabitants,under_18,age_65_plus,age_80_plus,source``;
  the model's demography follows its changes (``age_path``, ODD 7.2);
- ``municipalities_2015.csv``: the 393 municipalities of 1 January 2015 (CBS StatLine
  70072ned, period 2015, and 82949NED): code, name, inhabitants, persons by age group,
  addresses per km2, average standardised household income (EUR 1,000) and social assistance
  recipients under the state pension age; made by ``scripts/make_municipalities_2015.py``.

No figure is invented: what the sources do not give is not here, and a scenario sets it.
"""

from __future__ import annotations

import functools
from importlib.resources import files

import pandas as pd

TABLES = ("figures", "events", "reference", "age_path", "municipalities_2015")


def path(name: str):
    """The packaged file of table ``name``."""
    if name not in TABLES:
        raise KeyError(f"table: got {name!r}; allowed: {', '.join(TABLES)}")
    return files(__name__) / f"{name}.csv"


def load(name: str) -> pd.DataFrame:
    """A shipped table as a DataFrame."""
    with path(name).open("r", encoding="utf-8") as f:
        return pd.read_csv(f)


def municipalities_2015() -> pd.DataFrame:
    """The 393 municipalities of 2015 with their shares under 18 (0-14 and three fifths of
    15-19: the table gives five-year groups), 65 or over and 80 or over, and their household
    income relative to the inhabitant-weighted mean. A copy of a table read once per process:
    every scenario that uses it is checked against it, and every ``with_params`` builds one."""
    return _municipalities_2015().copy()


@functools.lru_cache(maxsize=1)
def _municipalities_2015() -> pd.DataFrame:
    t = load("municipalities_2015")
    n = t.inhabitants
    t["share_under_18"] = (t.aged_0_5 + t.aged_5_10 + t.aged_10_15 + t.aged_15_20 * 3 / 5) / n
    t["share_65_plus"] = (t.aged_65_80 + t.aged_80_plus) / n
    t["share_80_plus"] = t.aged_80_plus / n
    mean = (t.household_income_keur * n).sum() / n.sum()
    t["income_index"] = t.household_income_keur / mean
    return t


def figure(quantity: str, year: int) -> float:
    """One value of ``figures.csv``."""
    table = load("figures")
    row = table[(table.quantity == quantity) & (table.year == year)]
    if row.empty:
        raise KeyError(f"figure: no {quantity!r} for {year} in figures.csv")
    return float(row.value.iloc[0])
