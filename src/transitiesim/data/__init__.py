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
  recipients under the state pension age; made by ``scripts/make_municipalities_2015.py``;
- ``municipalities_2015.topojson``: their boundaries (CBS gebiedsindelingen 2015 via PDOK, in
  WGS84, quantised to about 300 m), as TopoJSON keyed by CBS code; made by
  ``scripts/make_boundaries_2015.py``, read as GeoJSON by :func:`boundaries_2015` for the
  app's map.

No figure is invented: what the sources do not give is not here, and a scenario sets it.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

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


def boundaries_2015() -> dict[str, Any]:
    """The 393 municipalities of 2015 as a GeoJSON FeatureCollection: one feature per
    municipality, ``id`` and ``properties.code`` its CBS code, coordinates in degrees (WGS84).
    Decoded once per process from the shipped TopoJSON; the caller gets its own copy."""
    return json.loads(_boundaries_2015())


@functools.lru_cache(maxsize=1)
def _boundaries_2015() -> str:
    topology = json.loads((files(__name__) / "municipalities_2015.topojson").read_text(
        encoding="utf-8"))
    arcs = _decode_arcs(topology)
    features = []
    for g in topology["objects"]["municipalities"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        # A few islands and slivers collapse to a point or a line on the quantised grid:
        # rings of fewer than four positions are left out (GeoJSON's LinearRing), and with
        # its outer ring the polygon.
        coordinates = []
        for polygon in polygons:
            rings = [_ring(ring, arcs) for ring in polygon]
            if len(rings[0]) >= 4:
                coordinates.append([r for r in rings if len(r) >= 4])
        code = g["properties"]["code"]
        features.append({"type": "Feature", "id": code, "properties": {"code": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return json.dumps({"type": "FeatureCollection", "features": features})


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as positions (TopoJSON specification, 2.1.4 and 2.2.1): each arc's
    quantised positions are deltas from the previous one, scaled and translated by
    ``transform``; rounded to six decimals (0.1 m), far finer than the quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 6), round(y * sy + ty, 6)))
        out.append(points)
    return out


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from arc indices; a negative index ``~i`` is arc ``i`` reversed, and each
    arc after the first leaves out its first position, the previous arc's last (2.2.1)."""
    ring: list[tuple[float, float]] = []
    for k in indices:
        points = arcs[k] if k >= 0 else arcs[~k][::-1]
        ring.extend(points if not ring else points[1:])
    return ring
