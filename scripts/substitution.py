"""How much formal care informal care replaces in the model: the substitution it implies.

Runs a scenario on paired seeds with the carers' capacity low and high (the hours a carer can
sustain, ``carer_hours_per_month``, at 0.8 and 1.2 times the scenario's: a shift of informal
supply that changes nothing else directly) and prints two measures per seed:

- **in total**: the Wmo needs met by a carer, the Wmo clients with household help or support
  and the hours of each, and the formal clients fewer per need more met informally and the
  formal hours fewer per informal hour more. This includes what carers do to needs
  themselves: a covered need does not escalate and recovers sooner, and an overburdened carer
  develops needs of their own, so fewer carers also means more and heavier needs;
- **at the same need**: within each kind of need (household help, support at home) and each
  tenth of severity, the share of needs in formal care and the share met by a carer, the
  changes weighted by how many needs each tenth holds, for light (severity below 0.5) and
  heavy needs. This holds the need constant, as the econometric studies do by conditioning on
  disability: informal care substitutes for paid domestic help at low disability, the
  substitution disappears as disability rises, and it is a weak complement to skilled care
  (Bonsang 2009, J Health Econ 28; Arnault, Goltz and Wittwer 2012 find formal care rises
  very little when informal care falls by an hour). ``docs/validation.md`` compares.

    python scripts/substitution.py [--scenario calibrated] [--scale 1] [--seeds 1 2 3 4 5 6]
"""

from __future__ import annotations

import argparse

import numpy as np

from transitiesim import TransitionModel, load_scenario
from transitiesim.flags import setting
from transitiesim.scenario import ScenarioError
from transitiesim.states import Domain, NeedState, WmoKind

WMO = Domain.WMO
KINDS = (WmoKind.HOUSEHOLD, WmoKind.SUPPORT)
TENTHS = 10
BANDS = {"light": slice(0, 5), "heavy": slice(5, TENTHS)}  # tenths of severity


def month(model: TransitionModel) -> dict[str, float]:
    """This month's informal and formal Wmo help, in people and hours (weighted)."""
    pop, c, p = model.pop, model.citizens, model.p
    w = pop.weight.astype(float)
    sev = pop.severity[WMO].astype(float)
    informal = pop.state[WMO] == NeedState.INFORMAL
    formal = pop.provider[WMO] >= 0
    hourly = formal & (pop.wmo_kind != WmoKind.AIDS)
    factor = p["municipal_hours_factor"] if model.reformed else 1.0
    return {"met informally": float(w[informal].sum()),
            "formal clients (hours)": float(w[hourly].sum()),
            "informal hours": float((c.care_given.astype(float) * w).sum()),
            "formal hours": float((sev[hourly] * p["care_hours_at_full_need"] * factor
                                   * w[hourly]).sum())}


def by_need(model: TransitionModel) -> np.ndarray:
    """This month's Wmo needs of household help and support (``KINDS``) per tenth of
    severity: an array (kind, tenth, [needs, in formal care, met by a carer]), weighted."""
    pop = model.pop
    sev = pop.severity[WMO]
    out = np.zeros((len(KINDS), TENTHS, 3))
    for k, kind in enumerate(KINDS):
        rows = np.flatnonzero((sev > 0) & (pop.wmo_kind == kind))
        tenth = np.minimum((sev[rows].astype(float) * TENTHS).astype(int), TENTHS - 1)
        w = pop.weight[rows].astype(float)
        formal = (pop.provider[WMO][rows] >= 0).astype(float)
        informal = (pop.state[WMO][rows] == NeedState.INFORMAL).astype(float)
        for j, what in enumerate((np.ones_like(w), formal, informal)):
            out[k, :, j] = np.bincount(tenth, weights=w * what, minlength=TENTHS)
    return out


def yearly(scenario, seed: int, years: tuple[int, int]) -> tuple[dict[str, float], np.ndarray]:
    """Monthly means over ``years`` of ``month`` and of ``by_need``."""
    model = TransitionModel(scenario, seed=seed)
    rows, needs = [], []
    while (model.year, model.month) < (years[1], 12):
        model.step()
        if model.year >= years[0]:
            rows.append(month(model))
            needs.append(by_need(model))
    return ({k: float(np.mean([r[k] for r in rows])) for k in rows[0]},
            np.mean(needs, axis=0))


def at_same_need(low: np.ndarray, high: np.ndarray) -> dict[str, float]:
    """Formal clients fewer per need more met by a carer, holding the need constant: per kind
    and band (``BANDS``), the changes in the shares in formal care and met by a carer within
    each tenth of severity, weighted by the tenth's mean number of needs. NaN where carers
    meet no more needs."""
    out = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        share_lo = low[:, :, 1:] / low[:, :, :1]
        share_hi = high[:, :, 1:] / high[:, :, :1]
    change = np.nan_to_num(share_hi - share_lo)
    weight = (low[:, :, 0] + high[:, :, 0]) / 2
    for k, kind in enumerate(KINDS):
        for band, tenths in BANDS.items():
            formal = float((weight[k, tenths] * change[k, tenths, 0]).sum())
            informal = float((weight[k, tenths] * change[k, tenths, 1]).sum())
            out[f"{kind.name.lower()} {band}"] = -formal / informal if informal > 0 else np.nan
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="calibrated")
    parser.add_argument("--scale", type=float, default=None)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6])
    parser.add_argument("--years", type=int, nargs=2, default=[2016, 2020])
    parser.add_argument("--factors", type=float, nargs=2, default=[0.8, 1.2],
                        help="carer_hours_per_month as these multiples of the scenario's")
    parser.add_argument("--set", nargs="+", action="extend", type=setting, default=[],
                        metavar="NAME=VALUE",
                        help="parameters to set on the scenario first, e.g. "
                        "network_first_margin=0 network_severity=false (several "
                        "after one flag, or the flag repeated)")
    args = parser.parse_args()
    try:
        base = load_scenario(args.scenario).with_params(end_year=args.years[1],
                                                        **dict(args.set))
        if args.scale:
            base = base.with_params(scale=args.scale)
    except ScenarioError as exc:
        parser.exit(2, f"{exc}\n")
    hours = float(base["carer_hours_per_month"])
    low, high = (base.with_params(carer_hours_per_month=f * hours) for f in args.factors)
    print(f"{args.scenario}, carer_hours_per_month {args.factors[0] * hours:.1f} vs "
          f"{args.factors[1] * hours:.1f}, monthly means {args.years[0]}-{args.years[1]}")
    rates_people, rates_hours, same = [], [], []
    for seed in args.seeds:
        (a, na), (b, nb) = yearly(low, seed, tuple(args.years)), yearly(high, seed,
                                                                        tuple(args.years))
        d = {k: b[k] - a[k] for k in a}
        people = -d["formal clients (hours)"] / d["met informally"]
        hours = -d["formal hours"] / d["informal hours"]
        rates_people.append(people)
        rates_hours.append(hours)
        same.append(at_same_need(na, nb))
        print(f"seed {seed}: " + ", ".join(f"{k} {a[k]:,.0f} -> {b[k]:,.0f}" for k in a)
              + f"; in total formal clients fewer per need met informally {people:.2f}, formal "
              f"hours fewer per informal hour {hours:.2f}; at the same need, formal clients "
              "fewer per need met informally: "
              + ", ".join(f"{k} {v:.2f}" for k, v in same[-1].items()))
    print(f"mean in total: {np.mean(rates_people):.2f} clients per need, "
          f"{np.mean(rates_hours):.2f} hours per hour")
    print("mean at the same need (range over seeds): " + ", ".join(
        f"{k} {np.nanmean([s[k] for s in same]):.2f} ({np.nanmin([s[k] for s in same]):.2f}"
        f" to {np.nanmax([s[k] for s in same]):.2f})" for k in same[0]))


if __name__ == "__main__":
    main()
