"""Regenerate the seeded regression snapshot (only when a change is meant to alter results)."""

import json
from pathlib import Path

from transitiesim import load_scenario, run

COLUMNS = ["clients_wmo", "clients_jeugd", "bijstand_recipients", "unmet_need", "waiting_list",
           "carers_overburdened", "wellbeing_p10", "spending_eur_wmo", "spending_eur_jeugd",
           "deficit_eur_participatie", "providers_bankrupt", "citizen_initiatives",
           "cost_per_client_eur"]


def make() -> dict:
    r = run(load_scenario("calibrated").with_params(scale=0.1, end_year=2017), seed=1)
    y = r.yearly()
    return {"scenario": "calibrated", "scale": 0.1, "end_year": 2017, "seed": 1,
            "note": "Seeded regression snapshot: yearly national values. Regenerate "
                    "deliberately (python tests/data/make_snapshot.py) only when a change is "
                    "meant to alter results, and say so in the commit.",
            "values": {c: [float(v) for v in y[c]] for c in COLUMNS},
            "years": [int(v) for v in y.year]}


if __name__ == "__main__":
    path = Path(__file__).with_name("snapshot_calibrated_seed1.json")
    path.write_text(json.dumps(make(), indent=1), encoding="utf-8")
    print(f"wrote {path}")
