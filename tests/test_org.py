"""The organisations' compiled monthly steps (``_org``) on cases worked out by hand.

Whole runs check them through the seeded snapshot (test_determinism.py) and the money
conservation invariant (test_invariants.py); these tests pin each rule on a few providers.
"""

import numpy as np
import pytest

from transitiesim import _org

WMO, JEUGD, PART = 0, 1, 2


def _providers(**columns):
    n = len(next(iter(columns.values())))
    base = {"status": np.zeros(n, np.int8), "block": np.zeros(n, bool),
            "wijkteam": np.zeros(n, bool), "domain": np.zeros(n, np.int64),
            "muni": np.zeros(n, np.int64), "capacity": np.full(n, 10.0),
            "culture": np.full(n, 0.5), "reserves": np.full(n, 1000.0), "cost": np.zeros(n),
            "months_left": np.zeros(n, np.int64), "experiment_cost": np.zeros(n),
            "spent": np.zeros(n), "revenue": np.zeros(n), "grant": np.zeros(n),
            "cost_factor": np.ones(n), "effect_factor": np.ones(n),
            "innovations": np.zeros(n, np.int64), "failed": np.zeros(n, np.int64),
            "margins": np.zeros((n, 12)), "margin_months": np.zeros(n, np.int64)}
    for name, values in columns.items():
        base[name] = np.asarray(values, dtype=base[name].dtype)
    return base


def _operate(t, order, u, fund=None, peers=0.0, imitation=0.0, fade=0.0, room=1.0,
             start_factor=1.0, success_factor=1.0):
    """``operate`` with cost share 0.1, uptake 1, six-month experiments, success 0.5, cost
    reduction 0.1 and effect gain 0.2; every provider offers service 0, of which a share
    ``peers`` has a working innovation; the staff-room factors are the same for each."""
    n = len(t["status"])
    fund = np.zeros((1, 3)) if fund is None else fund
    succeeded, failed = np.zeros(1, np.int64), np.zeros(1, np.int64)
    service = np.zeros(len(t["status"]), np.int64)
    lapsed = np.zeros(1, np.int64)
    bankrupt = _org.operate(
        np.array(order), np.array(u), t["status"], t["block"], t["domain"], t["muni"],
        t["capacity"], t["culture"], t["reserves"], t["cost"], t["months_left"],
        t["experiment_cost"], t["spent"], t["revenue"], t["grant"], t["cost_factor"],
        t["effect_factor"], t["innovations"], t["failed"], t["margins"], t["margin_months"],
        fund, 0.1, 1.0, 6, 0.5, 0.1, 0.2, succeeded, failed, service, np.array([peers]),
        imitation, fade, np.array([room]), lapsed, np.full(n, start_factor),
        np.full(n, success_factor))
    t["lapsed"] = lapsed
    return bankrupt.tolist(), succeeded[0], failed[0]


def test_operate_concludes_starts_fails_and_skips_in_the_given_order():
    """0 concludes an experiment (success 0.5 x 0.9 / 0.9 = 0.5; draw 0.2 works); 1 starts one
    (chance 0.04 x 1 x 1.0 x 1 = 0.04; draw 0.01; reserves 900 > 3 x 100); 2 cannot pay its
    costs (50 - 100 < 0) and fails after its draw (0.9, no start); 3 is a lump-sum service
    (no draw; it received its 30 this month); 4 went bankrupt before (skipped). Draws are
    taken in the order 2, 1, 0."""
    t = _providers(culture=[0.4, 0.5, 0.5, 0.5, 0.5], block=[0, 0, 0, 1, 0],
                   months_left=[1, 0, 0, 0, 0], experiment_cost=[10.0, 0, 0, 0, 0],
                   reserves=[500.0, 1000.0, 50.0, 30.0, -5.0], cost=[40.0, 100.0, 100.0, 30.0, 0],
                   revenue=[60.0, 1000.0, 80.0, 30.0, 0], status=[0, 0, 0, 0, 1])
    assert _org.draws_needed(t["status"], t["block"], t["months_left"], t["innovations"],
                             False) == 3
    bankrupt, succeeded, failed = _operate(t, [3, 2, 1, 0, 4], [0.9, 0.01, 0.2])
    assert bankrupt == [2] and (succeeded, failed) == (1, 0)
    assert t["status"].tolist() == [0, 0, 1, 0, 1]
    assert t["capacity"][2] == 0.0
    # 0: paid its costs and the experiment's last month, then innovated.
    assert t["reserves"][0] == 500.0 - 40.0 - 10.0 and t["cost"][0] == 50.0
    assert t["spent"][0] == 10.0 and t["months_left"][0] == 0 and t["innovations"][0] == 1
    assert t["cost_factor"][0] == pytest.approx(0.9) and t["effect_factor"][0] == 1.2
    # 1: starts an experiment of 0.1 x revenue for six months.
    assert t["months_left"][1] == 6 and t["experiment_cost"][1] == 100.0
    assert t["reserves"][1] == 900.0
    # 3: a lump-sum service spends the 30 it received this month; 4 is untouched.
    assert t["reserves"][3] == 0.0 and t["status"][3] == 0
    assert t["reserves"][4] == -5.0 and t["margin_months"][4] == 0
    # Margins: revenue + grants - costs, newest last.
    assert t["margins"][:4, -1].tolist() == [10.0, 900.0, -20.0, 0.0]
    assert t["margin_months"].tolist() == [1, 1, 1, 1, 0]


def test_a_failed_experiment_and_a_start_refused_for_lack_of_reserves():
    """0's experiment fails (draw 0.7 >= success 0.5); 1 draws below its chance but its
    reserves (200) do not exceed three months of the experiment's cost (3 x 100)."""
    t = _providers(months_left=[1, 0], experiment_cost=[10.0, 0.0], culture=[0.4, 0.5],
                   reserves=[500.0, 200.0], revenue=[0.0, 1000.0])
    bankrupt, succeeded, failed = _operate(t, [0, 1], [0.7, 0.0])
    assert (bankrupt, succeeded, failed) == ([], 0, 1)
    assert t["failed"].tolist() == [1, 0] and t["cost_factor"][0] == 1.0
    assert t["months_left"].tolist() == [0, 0]


def test_the_experiment_fund_raises_the_chance_to_start_up_to_three_times():
    """Fund 1000 per provider against a monthly cost of 100: support min(10, 2) = 2, so the
    chance is 0.04 x 1.0 x 3 = 0.12; a draw of 0.11 starts, 0.13 does not."""
    fund = np.array([[1000.0, 0.0, 0.0]])
    for u, starts in ((0.11, True), (0.13, False)):
        t = _providers(revenue=[1000.0])
        _operate(t, [0], [u], fund)
        assert bool(t["months_left"][0] == 6) is starts


def test_peers_results_draw_in_non_adopters_and_a_squeeze_discourages():
    """The chance to start is 0.04 x 1 x (0.5 + 0.5) = 0.04. With half the peers innovating
    and imitation 2 a non-adopter's is 0.04 x (1 + 2 x 0.5) = 0.08: a draw of 0.06 starts;
    a provider whose innovation already works is not drawn in (0.04). A municipality's room
    0.5 (it squeezed) halves the chance: 0.03 does not start."""
    for innovations, peers, room, u, starts in ((0, 0.5, 1.0, 0.06, True),
                                                (0, 0.0, 1.0, 0.06, False),
                                                (1, 0.5, 1.0, 0.06, False),
                                                (0, 0.0, 1.0, 0.03, True),
                                                (0, 0.0, 0.5, 0.03, False)):
        t = _providers(revenue=[1000.0], innovations=[innovations])
        _operate(t, [0], [u], peers=peers, imitation=2.0, room=room)
        assert bool(t["months_left"][0] == 6) is starts, (innovations, peers, room, u)


def test_the_staff_room_factors_scale_the_chance_to_start_and_to_work():
    """A start factor 0.5 halves the chance to start (0.04 -> 0.02: a draw of 0.03 no longer
    starts, 0.01 does); a success factor 0.6 takes the chance an experiment works from
    0.5 x (0.5 + 0.4) / 0.9 = 0.5 to 0.3 (a draw of 0.35 fails, 0.25 works)."""
    for start_factor, u, starts in ((1.0, 0.03, True), (0.5, 0.03, False), (0.5, 0.01, True)):
        t = _providers(revenue=[1000.0])
        _operate(t, [0], [u], start_factor=start_factor)
        assert bool(t["months_left"][0] == 6) is starts, (start_factor, u)
    for u, works in ((0.35, False), (0.25, True)):
        t = _providers(months_left=[1], experiment_cost=[10.0], culture=[0.4])
        _, succeeded, failed = _operate(t, [0], [u], success_factor=0.6)
        assert (succeeded, failed) == ((1, 0) if works else (0, 1)), u


def test_a_working_innovation_may_lapse_and_takes_its_gains_with_it():
    """With a monthly fade chance 0.05 a provider with one innovation (cost factor 0.9, effect
    factor 1.2) draws first whether it lapses (0.01 < 0.05: it does, both factors back to 1),
    then whether to start (0.9: no); 0.06 is no lapse; without fading there is one draw and
    nothing lapses."""
    t = _providers(revenue=[1000.0], innovations=[1], cost_factor=[0.9], effect_factor=[1.2])
    assert _org.draws_needed(t["status"], t["block"], t["months_left"], t["innovations"],
                             True) == 2
    _operate(t, [0], [0.01, 0.9], fade=0.05)
    assert t["innovations"][0] == 0 and t["lapsed"][0] == 1
    assert t["cost_factor"][0] == pytest.approx(1.0) and t["effect_factor"][0] == 1.0
    kept = _providers(revenue=[1000.0], innovations=[1], cost_factor=[0.9])
    _operate(kept, [0], [0.06, 0.9], fade=0.05)  # 0.06 >= 0.05: it lasts
    assert kept["innovations"][0] == 1 and kept["cost_factor"][0] == 0.9
    assert kept["lapsed"][0] == 0
    _operate(kept, [0], [0.9])  # no fading: one draw, to start or not (0.9: no)
    assert kept["innovations"][0] == 1
    with pytest.raises(ValueError, match="number of draws"):  # fading takes two
        _operate(kept, [0], [0.5], fade=0.05)


def test_operate_refuses_draws_that_do_not_match_its_count():
    t = _providers(revenue=[1000.0, 1000.0])
    with pytest.raises(ValueError, match="number of draws"):
        _operate(t, [0, 1], [0.5])


def test_pay_out_pays_in_order_and_books_every_payment_once():
    """One municipality with a wijkteam whose staff costs 150 a month (booked 100 : 50 as the
    Wmo and youth budgets, 1,000 : 500) and whose carer support costs 7 (Wmo), a sheltered
    employer, two Wmo providers (one with
    clients worth 100, one without) and a youth provider with clients worth 50 running an
    experiment; 5 in own contributions, 20 in benefits, two initiatives of 3 each."""
    status = np.zeros(5, np.int8)
    block = np.array([1, 1, 0, 0, 0], bool)
    wijkteam = np.array([1, 0, 0, 0, 0], bool)
    domain = np.array([WMO, PART, WMO, WMO, JEUGD])
    pay = np.array([0.0, 0.0, 100.0, 0.0, 50.0])
    months_left = np.array([0, 0, 0, 0, 2])
    revenue, reserves_p, grant = np.zeros(5), np.zeros(5), np.zeros(5)
    reserves_m = np.array([10_000.0])
    budget = np.array([[1000.0, 500.0, 300.0]])
    spending, counts = np.zeros((3, 1)), np.zeros((1, 3))
    to_providers, to_citizens, to_initiatives, contributed = (np.zeros(1) for _ in range(4))
    _org.pay_out(np.array([0, 5]), np.arange(5), status, block, wijkteam, domain, pay,
                 revenue, reserves_p, grant, months_left, reserves_m, np.array([5.0]),
                 np.array([20.0]), budget, np.array([150.0]), np.array([7.0]), np.array([40.0]),
                 np.array([0.02]), np.array([3.0]), np.array([2]), spending, to_providers,
                 to_citizens, to_initiatives, contributed, counts)
    assert counts.tolist() == [[2.0, 1.0, 0.0]]
    assert revenue.tolist() == [157.0, 40.0, 100.0, 0.0, 50.0]
    assert grant.tolist() == [0.0, 0.0, 0.0, 0.0, 10.0]  # 0.02 x 500, one running experiment
    assert np.array_equal(reserves_p, revenue + grant)
    assert spending[:, 0].tolist() == [100.0 + 7.0 + 100.0 + 6.0, 50.0 + 50.0 + 10.0,
                                       40.0 + 20.0]
    assert (to_providers[0], to_citizens[0], to_initiatives[0], contributed[0]) == (
        pytest.approx(357.0), 20.0, 6.0, 5.0)
    assert reserves_m[0] == pytest.approx(10_000.0 + 5.0 - spending.sum())


def test_providers_act_in_the_order_mesa_shuffle_do_would_call_them():
    """operate_providers draws its permutation as AgentSet.shuffle_do does, from the same
    generator: from one state, both give the same order of providers."""
    from transitiesim import TransitionModel, load_scenario

    model = TransitionModel(load_scenario("default").with_params(
        inhabitants=3000, burn_in_years=0, end_year=2014), seed=3)
    state = model.random.getstate()
    visited = []
    model.providers.shuffle_do(lambda pr: visited.append(pr.index))
    model.random.setstate(state)
    order = list(range(model.prov.size))
    model.random.shuffle(order)
    assert visited == order and len(order) == len(model.providers_list) > 1
