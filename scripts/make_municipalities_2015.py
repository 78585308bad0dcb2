"""Write ``src/transitiesim/data/municipalities_2015.csv`` from two CBS StatLine exports.

    python scripts/make_municipalities_2015.py 70072ned.csv 82949NED.csv

- ``70072ned`` (Regionale kerncijfers Nederland), period 2015, the untyped data set as CSV
  (semicolon separated): per municipality the population on 1 January 2015 by age group, the
  address density, the average standardised income of private households (x EUR 1,000) and the
  social assistance recipients under the state pension age;
- ``82949NED`` (Gebieden in Nederland 2015): the codes and names of the 393 municipalities of
  1 January 2015.

The copy shipped was made from the exports of 17 May and 6 June 2018 kept in the public
repository rubennaatje/R-datascience-project- (datasets/); the figures are CBS's.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "src" / "transitiesim" / "data" / \
    "municipalities_2015.csv"
COLUMNS = {
    "TotaleBevolking_1": "inhabitants",
    "JongerDan5Jaar_4": "aged_0_5",
    "k_5Tot10Jaar_5": "aged_5_10",
    "k_10Tot15Jaar_6": "aged_10_15",
    "k_15Tot20Jaar_7": "aged_15_20",
    "k_65Tot80Jaar_11": "aged_65_80",
    "k_80JaarOfOuder_12": "aged_80_plus",
    "Omgevingsadressendichtheid_252": "addresses_per_km2",
    "TotaalParticuliereHuishoudens_140": "household_income_keur",
    "BijstandTotDeAOWLeeftijd_162": "assistance_under_aow_age",
}


def main(kerncijfers: str, gebieden: str) -> None:
    facts = pd.read_csv(kerncijfers, sep=";", dtype=str).apply(lambda c: c.str.strip())
    names = pd.read_csv(gebieden, sep=";", dtype=str).apply(lambda c: c.str.strip())
    facts = facts[facts.Perioden == "2015JJ00"]
    table = names[["RegioS", "Naam_2"]].merge(facts, on="RegioS", how="left", validate="1:1")
    out = table[["RegioS", "Naam_2", *COLUMNS]].rename(
        columns={"RegioS": "code", "Naam_2": "name", **COLUMNS})
    for col in COLUMNS.values():
        out[col] = pd.to_numeric(out[col], errors="raise")
    out["source"] = "CBS StatLine 70072ned (2015) and 82949NED"
    if len(out) != 393 or out.isna().any().any():
        raise SystemExit(f"expected 393 complete municipalities, got {len(out)}")
    out.sort_values("code").to_csv(OUT, index=False)
    print(f"wrote {OUT}: {len(out)} municipalities, {int(out.inhabitants.sum()):,} inhabitants")


if __name__ == "__main__":
    main(*sys.argv[1:3])
