"""Write ``src/transitiesim/data/municipalities_2015.topojson`` from a published TopoJSON of
CBS's municipal boundaries of 2015.

    python scripts/make_boundaries_2015.py Gemeente_2015_layer_q1e3.json

The input is ``Gemeente_2015_layer_q1e3.json`` of the public repository
ties/cbs_gebiedsindelingen_topojson (commit cbf63b8, April 2016): CBS's "gebiedsindelingen"
of 2015 from PDOK (the national geo register), reprojected from EPSG:28992 to WGS84 and
quantised to a 1,000 x 1,000 grid over the Netherlands (about 270 m east-west and 310 m
north-south), which is plenty for a map of 393 municipalities. The geometry is kept as it
is; of the properties only the CBS code (``statcode``) is kept, since the names come from
``municipalities_2015.csv``. The script refuses an input whose codes are not exactly the 393
of that table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from transitiesim import data  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "transitiesim" / "data" / \
    "municipalities_2015.topojson"


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    (layer,) = topology["objects"].values()
    codes = [g["properties"]["statcode"] for g in layer["geometries"]]
    wanted = set(data.municipalities_2015().code)
    if sorted(codes) != sorted(wanted):
        raise SystemExit(f"{source}: its codes are not the 393 of municipalities_2015.csv "
                         f"(missing {sorted(wanted - set(codes))[:5]}, extra "
                         f"{sorted(set(codes) - wanted)[:5]})")
    for g in layer["geometries"]:
        g["properties"] = {"code": g["properties"]["statcode"]}
    out = {"type": "Topology", "transform": topology["transform"],
           "objects": {"municipalities": layer}, "arcs": topology["arcs"]}
    OUT.write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT}: {len(codes)} municipalities, {len(out['arcs'])} arcs, "
          f"{OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
