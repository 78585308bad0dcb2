"""How much formal care informal care replaces in the model: the substitution it implies.

Runs a scenario on paired seeds with the carers' capacity low and high (the hours a carer can
sustain, ``carer_hours_per_month``, at 0.8 and 1.2 times the scenario's: a shift of informal
supply that changes nothing else directly) and prints, per seed, the Wmo needs met by a carer,
the Wmo clients with household help or support, the hours of each, and the implied
substitution: formal clients fewer per need more met informally, and hours of formal help
fewer per informal hour more. The empirical literature finds substitution small and limited
to low-skilled help at low disability (Bonsang 2009, J Health Econ 28; Arnault, Goltz and
Wittwer 2012 find formal care rises very little when informal care falls by an hour);
``docs/validation.md`` compares.

    python scripts/substitution.py [--scenario calibrated] [--scale 1] [--seeds 1 2 3 4 5 6]
"""

from __future__ import annotations

import argparse

import numpy as np

from transitiesim import TransitionModel, load_scenario
from transitiesim.states import Domain, NeedState, WmoKind

WMO = Domain.WMO


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


def yearly(scenario, seed: int, years: tuple[int, int]) -> dict[str, float]:
    """Monthly means over ``years`` of ``month``."""
    model = TransitionModel(scenario, seed=seed)
    rows = []
    while (model.year, model.month) < (years[1], 12):
        model.step()
        if model.year >= years[0]:
            rows.append(month(model))
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="calibrated")
    parser.add_argument("--scale", type=float, default=None)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6])
    parser.add_argument("--years", type=int, nargs=2, default=[2016, 2020])
    parser.add_argument("--factors", type=float, nargs=2, default=[0.8, 1.2],
                        help="carer_hours_per_month as these multiples of the scenario's")
    args = parser.parse_args()
    base = load_scenario(args.scenario).with_params(end_year=args.years[1])
    if args.scale:
        base = base.with_params(scale=args.scale)
    hours = float(base["carer_hours_per_month"])
    low, high = (base.with_params(carer_hours_per_month=f * hours) for f in args.factors)
    print(f"{args.scenario}, carer_hours_per_month {args.factors[0] * hours:.1f} vs "
          f"{args.factors[1] * hours:.1f}, monthly means {args.years[0]}-{args.years[1]}")
    rates_people, rates_hours = [], []
    for seed in args.seeds:
        a, b = yearly(low, seed, tuple(args.years)), yearly(high, seed, tuple(args.years))
        d = {k: b[k] - a[k] for k in a}
        people = -d["formal clients (hours)"] / d["met informally"]
        hours = -d["formal hours"] / d["informal hours"]
        rates_people.append(people)
        rates_hours.append(hours)
        print(f"seed {seed}: " + ", ".join(f"{k} {a[k]:,.0f} -> {b[k]:,.0f}" for k in a)
              + f"; formal clients fewer per need met informally {people:.2f}, formal hours "
              f"fewer per informal hour {hours:.2f}")
    print(f"mean: {np.mean(rates_people):.2f} clients per need, {np.mean(rates_hours):.2f} "
          f"hours per hour")


if __name__ == "__main__":
    main()
