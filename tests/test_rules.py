"""The support-seeking and ageing rules, each on a few persons worked out by hand (docs/odd.md
7.2 and 7.4): light support by initiatives, applying for support, and the yearly age terms."""

from __future__ import annotations

import numpy as np

from transitiesim import _kernels as k
from transitiesim.params import PARAMETERS
from transitiesim.reference import draw

F = np.float32
I64 = np.int64


def state_of(n: int) -> np.ndarray:
    return np.full(n, k.NONE, dtype=np.int8)


# --- light support (ODD 7.4, "Initiative") -------------------------------------------------------
def light(sev, weight, nbh, supply, threshold=0.35, hours_at_full=20.0, bounds=None):
    n = len(sev)
    rest = np.arange(n, dtype=I64)
    state = state_of(n)
    bounds = np.array([0, n], dtype=I64) if bounds is None else np.asarray(bounds, dtype=I64)
    left, used = k.light_support(rest, np.asarray(sev, dtype=F), np.asarray(weight, dtype=F),
                                 np.asarray(nbh, dtype=I64), np.asarray(supply, dtype=float),
                                 np.array([threshold], dtype=F), np.zeros(n, dtype=np.int32),
                                 hours_at_full, state, bounds)
    return list(left), used, state


def test_light_needs_are_met_in_row_order_while_the_neighbourhoods_hours_last():
    # Demand = severity x 20 hours x weight: 0.1 -> 2 h, 0.2 -> 4 h, 0.3 -> 6 h (weight 1).
    # Neighbourhood 0 has 7 hours: persons 0 (2 h) and 1 (4 h) fit, person 2 (6 h) does not.
    left, used, state = light(sev=[0.1, 0.2, 0.3], weight=[1, 1, 1], nbh=[0, 0, 0],
                              supply=[7.0])
    assert left == [2]
    assert list(state) == [k.INITIATIVE, k.INITIATIVE, k.NONE]
    np.testing.assert_allclose(used, [6.0], rtol=1e-6)


def test_heavier_needs_and_other_neighbourhoods_hours_are_not_used():
    # Person 0's need (0.5) is above the light threshold; person 1 lives in neighbourhood 1,
    # which has no hours; person 2 (weight 2: 0.1 x 20 x 2 = 4 h) fits in neighbourhood 0.
    left, used, state = light(sev=[0.5, 0.1, 0.1], weight=[1, 1, 2], nbh=[0, 1, 0],
                              supply=[4.0, 0.0])
    assert left == [0, 1]
    assert list(state) == [k.NONE, k.NONE, k.INITIATIVE]
    np.testing.assert_allclose(used, [4.0, 0.0], rtol=1e-6)


def test_a_person_who_does_not_fit_does_not_let_a_later_smaller_one_jump_the_queue():
    # Queue order is row order: 6 h then 2 h against 5 hours. The first does not fit, and the
    # running sum (8 h) keeps the second out too: what is covered is a prefix of the queue.
    left, used, state = light(sev=[0.3, 0.1], weight=[1, 1], nbh=[0, 0], supply=[5.0])
    assert left == [0, 1] and list(used) == [0.0]


# --- applying for support (ODD 7.4, "Application") ----------------------------------------------
NO_CONTRIBUTION = dict(sensitivity=0.0, c_min=0.0, c_share=0.0, c_threshold=0.0,
                       cap_units=np.full(3, 1e9))


def apply(hours, got, sev, wait, threshold, *, rate=1.0, network_first=(False,), factor=1.0,
          reformed=True, margin=0.2, key=12345, legal_share=0.0, before=0.2,
          routes=None, outreach=1.0, income=None, contribution=None, by_severity=True,
          household=None, kind=None, substitutes=(True, True, True), assisted=None):
    """``household``: (partner, provider of each person, per household); default none.
    ``kind``: each person's kind of Wmo need (default household help); ``substitutes``: per
    kind, whether the network's cover lowers the chance to apply. ``assisted``: who is on
    social assistance (default nobody)."""
    n = len(sev)
    partner, prov, per_household = household or (np.full(n, -1, dtype=np.int32),
                                                 np.full(n, -1, dtype=np.int32), False)
    state = state_of(n)
    wait = np.array(wait, dtype=I64)  # a copy: the kernel writes into it
    legal = np.zeros(n, dtype=np.bool_) if routes is None else routes
    k.apply_for_support(np.arange(n, dtype=I64), np.asarray(hours, dtype=F),
                        np.asarray(got, dtype=F), np.asarray(sev, dtype=F), wait, state,
                        np.zeros(n, dtype=I64), np.asarray([threshold]),
                        np.asarray(network_first, dtype=np.bool_), np.uint64(key), rate,
                        factor, 1.0 if by_severity else 0.0, reformed, margin, 0.999,
                        np.asarray([legal_share]),
                        before, legal, routes is not None, np.asarray([outreach]),
                        np.asarray(np.full(n, 2500.0) if income is None else income, dtype=F),
                        assisted=np.asarray(np.zeros(n) if assisted is None else assisted,
                                            dtype=np.bool_),
                        norms=np.array([960.83, 1372.62]),
                        kind=np.asarray(np.zeros(n) if kind is None else kind, dtype=np.uint8),
                        partner=partner, prov=prov, per_household=per_household,
                        substitutes=np.asarray(substitutes, dtype=np.bool_),
                        **(contribution or NO_CONTRIBUTION))
    return list(state), list(wait)


def test_covered_by_the_network_is_informal_otherwise_unmet_and_nobody_applies_at_rate_zero():
    state, wait = apply(hours=[10, 10, 0], got=[10, 9, 0], sev=[0.5, 0.5, 0.5],
                        wait=[-1, -1, -1], threshold=0.3, rate=0.0)
    assert state == [k.INFORMAL, k.UNMET, k.UNMET] and wait == [-1, -1, -1]


def test_a_covered_need_is_applied_for_less_the_lighter_it_is():
    # Network factor 0.6: a covered need of severity s is applied for with chance rate x s x
    # (0.6 + 0.4 s): at 0.5 that is 0.8 x 0.5 x 0.8 = 0.32 against 0.4 uncovered; at
    # severity 1 it is 0.8 either way. Exactly the persons whose keyed draw is below apply.
    n, key = 400, 4242
    draws = k.uniforms(np.uint64(key), np.arange(n, dtype=I64)).astype(float)
    for s, covered_chance in ((0.5, 0.8 * 0.5 * 0.8), (1.0, 0.8)):
        _, wait = apply(hours=np.full(n, 10), got=np.full(n, 10), sev=np.full(n, s),
                        wait=np.full(n, -1), threshold=0.0, rate=0.8, key=key, factor=0.6)
        want = draws < float(F(0.8) * F(s)) * (0.6 + 0.4 * float(F(s)))
        assert (np.array(wait) == 0).tolist() == want.tolist()
        assert abs(want.mean() - covered_chance) < 0.06
    # Switched off (network_severity): 0.6 at any severity, so 0.8 x 0.6 = 0.48 at severity 1.
    _, wait = apply(hours=np.full(n, 10), got=np.full(n, 10), sev=np.full(n, 1.0),
                    wait=np.full(n, -1), threshold=0.0, rate=0.8, key=key, factor=0.6,
                    by_severity=False)
    assert (np.array(wait) == 0).tolist() == (draws < float(F(0.8)) * 0.6).tolist()


def test_a_covered_need_of_a_kind_the_network_does_not_replace_is_applied_for_as_uncovered():
    # Household help (kind 0) substitutes, support (kind 1) does not: at severity 0.5 and
    # factor 0.6 the covered household need applies with 0.8 x 0.5 x 0.8 = 0.32, the covered
    # support need with 0.8 x 0.5 = 0.4, as an uncovered one. Person k's draw is the same
    # whatever their kind, so exactly those below each chance apply.
    n, key = 400, 777
    draws = k.uniforms(np.uint64(key), np.arange(n, dtype=I64)).astype(float)
    kinds = np.arange(n) % 2
    _, wait = apply(hours=np.full(n, 10), got=np.full(n, 10), sev=np.full(n, 0.5),
                    wait=np.full(n, -1), threshold=0.0, rate=0.8, key=key, factor=0.6,
                    kind=kinds, substitutes=(True, False, False))
    base = float(F(0.8) * F(0.5))
    want = draws < np.where(kinds == 0, base * (0.6 + 0.4 * float(F(0.5))), base)
    assert (np.array(wait) == 0).tolist() == want.tolist()


def test_applicants_at_or_above_the_threshold_join_the_waiting_list():
    # rate 10 x severity >= 1 > any draw: everyone applies; the threshold decides.
    state, wait = apply(hours=[0, 0, 10], got=[0, 0, 10], sev=[0.5, 0.2, 0.5],
                        wait=[-1, -1, -1], threshold=0.3, rate=10.0)
    assert wait == [0, -1, 0]
    # Waiting and not covered: WAITING; covered by the network while on the list: INFORMAL.
    assert state == [k.WAITING, k.UNMET, k.INFORMAL]


def test_eigen_kracht_eerst_raises_the_threshold_for_the_network_covered_after_the_reform():
    args = dict(hours=[10, 10], got=[10, 0], sev=[0.45, 0.45], wait=[-1, -1], threshold=0.3,
                rate=10.0, network_first=(True,), margin=0.2)
    state, wait = apply(**args)
    assert wait == [-1, 0]  # 0.45 < 0.3 + 0.2 for the covered one only
    state, wait = apply(**args | {"reformed": False})
    assert wait == [0, 0]  # before the reform no such rule


def test_a_legal_referral_is_judged_by_the_old_threshold_and_recorded():
    # Everyone applies (rate 10); severity 0.25 is below the municipality's 0.3 but above the
    # old system's 0.2. With every application through a legal referrer (share 1) all join
    # the list and are marked; with none (share 0) nobody joins; and the network-first margin
    # does not apply to a referral.
    args = dict(hours=[10, 0, 10], got=[10, 0, 10], sev=[0.25, 0.25, 0.45], wait=[-1, -1, -1],
                threshold=0.3, rate=10.0, network_first=(True,), margin=0.2, before=0.2)
    routes = np.zeros(3, dtype=np.bool_)
    _, wait = apply(**args, legal_share=1.0, routes=routes)
    assert wait == [0, 0, 0] and routes.tolist() == [True, True, True]
    routes = np.ones(3, dtype=np.bool_)
    _, wait = apply(**args, legal_share=0.0, routes=routes)
    assert wait == [-1, -1, -1]  # 0.45 < 0.3 + 0.2 for the network-covered third as well
    assert routes.tolist() == [True, True, True]  # only those who join are written
    # Before the reform there is one route and one threshold (the old one is the rule's).
    _, wait = apply(**args | {"threshold": 0.2}, reformed=False, legal_share=1.0)
    assert wait == [0, 0, 0]


def test_the_route_is_the_second_draw_of_the_application_hash():
    # Share 0.4 of applications go through a legal referrer: exactly those whose draw from
    # bit 16 of the person's hash is below 0.4; the rest meet the municipality's threshold 0.9.
    n, key = 400, 24680
    routes = np.zeros(n, dtype=np.bool_)
    _, wait = apply(hours=np.zeros(n), got=np.zeros(n), sev=np.full(n, 0.5),
                    wait=np.full(n, -1), threshold=0.9, rate=10.0, key=key, legal_share=0.4,
                    before=0.2, routes=routes)
    expect = np.array([draw(key, i, 16) < 0.4 for i in range(n)])  # the twin's keyed draw
    assert (np.array(wait) == 0).tolist() == expect.tolist() == routes.tolist()
    assert 0.3 < expect.mean() < 0.5


def test_outreach_multiplies_the_chance_to_apply():
    # rate x severity = 0.4; outreach 1.5 makes it 0.6: exactly the persons whose keyed draw
    # is below 0.6 apply (threshold 0: everyone who applies qualifies).
    n, key = 400, 13579
    _, wait = apply(hours=np.zeros(n), got=np.zeros(n), sev=np.full(n, 0.5),
                    wait=np.full(n, -1), threshold=0.0, rate=0.8, key=key, outreach=1.5)
    draws = k.uniforms(np.uint64(key), np.arange(n, dtype=I64)).astype(float)
    assert (np.array(wait) == 0).tolist() == (draws < float(F(0.8) * F(0.5)) * 1.5).tolist()


def test_the_application_draw_is_the_persons_keyed_draw():
    # With probability exactly rate x severity, person i applies iff its keyed draw is below it.
    n, key = 400, 987654321
    sev = np.full(n, 0.5)
    state, wait = apply(hours=np.zeros(n), got=np.zeros(n), sev=sev, wait=np.full(n, -1),
                        threshold=0.0, rate=0.8, key=key)
    draws = k.uniforms(np.uint64(key), np.arange(n, dtype=I64))
    expected = np.where(draws.astype(float) < float(F(0.8) * F(0.5)), 0, -1)
    assert wait == list(expected)
    assert 0.3 * n < sum(w == 0 for w in wait) < 0.5 * n  # about 40% apply


def test_a_person_already_waiting_does_not_apply_again_and_stays_waiting():
    state, wait = apply(hours=[0], got=[0], sev=[0.1], wait=[5], threshold=0.9, rate=0.0)
    assert wait == [5] and state == [k.WAITING]


def test_the_own_contribution_deters_applications_by_what_each_person_would_pay():
    # sensitivity 1 per EUR 100: a person paying EUR 69.31 applies with half the chance
    # (exp(-0.6931) = 0.5). Lowest amount 19, plus 10% of income above 2,000, at most what the
    # care is worth (severity 0.5 x 1,000 = 500): income 2,000 pays 19, income 2,503.1 pays
    # 69.31, income 100,000 would pay 9,819 but pays 500 (applies with chance 0.5 x e^-5).
    n = 3000
    rule = dict(sensitivity=1.0, c_min=19.0, c_share=0.1, c_threshold=2000.0,
                cap_units=np.full(3, 1000.0))
    common = dict(hours=np.zeros(n), got=np.zeros(n), sev=np.full(n, 0.5),
                  wait=np.full(n, -1), threshold=0.0, rate=1.0, contribution=rule)
    rates = []
    for income in (2000.0, 2503.1, 100_000.0):
        wait = apply(**common, income=np.full(n, income))[1]
        rates.append(sum(w == 0 for w in wait) / n)
    assert abs(rates[0] - 0.5 * np.exp(-0.19)) < 0.03
    assert abs(rates[1] - 0.25) < 0.03
    assert abs(rates[2] - 0.5 * np.exp(-5.0)) < 0.01
    # Without a contribution (youth care: sensitivity 0) income plays no part.
    free = apply(**common | {"contribution": NO_CONTRIBUTION}, income=np.full(n, 1e5))[1]
    assert abs(sum(w == 0 for w in free) / n - 0.5) < 0.03


def test_a_household_on_social_assistance_applies_as_one_on_its_norm():
    """The same rule at an income of 100,000 (pays 500, chance 0.5 x e^-5): on social
    assistance, alone or beside a partner who is on it, the household lives on its norm
    (960.83 or 1,372.62, both under the threshold of 2,000), pays the lowest amount, 19, and
    applies with the chance 0.5 x e^-0.19; who is not, and whose partner is not, pays 500."""
    n = 3000
    rule = dict(sensitivity=1.0, c_min=19.0, c_share=0.1, c_threshold=2000.0,
                cap_units=np.full(3, 1000.0))
    partner = np.arange(n, dtype=np.int32) ^ 1  # 2k and 2k + 1 are partners
    common = dict(hours=np.zeros(n), got=np.zeros(n), sev=np.full(n, 0.5),
                  wait=np.full(n, -1), threshold=0.0, rate=1.0, contribution=rule,
                  income=np.full(n, 100_000.0))
    alone = apply(**common, assisted=np.ones(n, dtype=bool))[1]
    assert abs(sum(w == 0 for w in alone) / n - 0.5 * np.exp(-0.19)) < 0.03
    odd = np.arange(n) % 2 == 1  # the odd ones on assistance, the even ones their partners
    couples = apply(**common, assisted=odd,
                    household=(partner, np.full(n, -1, dtype=np.int32), False))[1]
    assert abs(sum(w == 0 for w in couples) / n - 0.5 * np.exp(-0.19)) < 0.03
    nobody = apply(**common, household=(partner, np.full(n, -1, dtype=np.int32), False))[1]
    assert abs(sum(w == 0 for w in nobody) / n - 0.5 * np.exp(-5.0)) < 0.01


def test_per_household_a_partner_of_a_client_is_priced_at_what_they_add():
    """Per household (the CAK's rule), person 2k applies beside partner 2k + 1, a client
    whose care is worth severity 0.5 x 1,000 = 500, more than the contribution of 69.31
    (income 2,503.1: 19 + 10% of 503.1): an application adds nothing, so it is made with
    the chance 0.5 x e^0 = 0.5 instead of 0.25; apart, or beside a partner who is no
    client, with 0.25."""
    n = 3000
    rule = dict(sensitivity=1.0, c_min=19.0, c_share=0.1, c_threshold=2000.0,
                cap_units=np.full(3, 1000.0))
    partner = (np.arange(n) ^ 1).astype(np.int32)  # 0-1, 2-3, ...
    client = np.where(np.arange(n) % 2 == 1, 0, -1).astype(np.int32)  # the odd rows
    applicants = np.arange(0, n, 2)
    common = dict(hours=np.zeros(n), got=np.zeros(n), sev=np.full(n, 0.5),
                  wait=np.full(n, -1), threshold=0.0, rate=1.0, contribution=rule,
                  income=np.full(n, 2503.1))
    rates = {}
    for name, household in (("household", (partner, client, True)),
                            ("apart", (partner, client, False)),
                            ("no client", (partner, np.full(n, -1, dtype=np.int32), True))):
        wait = np.array(apply(**common, household=household)[1])
        rates[name] = float(np.mean(wait[applicants] == 0))
    assert abs(rates["household"] - 0.5) < 0.04
    assert abs(rates["apart"] - 0.25) < 0.04
    assert abs(rates["no client"] - 0.25) < 0.04


# --- the yearly age terms (ODD 7.2) --------------------------------------------------------------
def test_age_terms_by_hand():
    age = np.array([10, 30, 70], dtype=np.int64)
    income = np.array([1000.0, 2500.0, 10000.0], dtype=F)
    income_term = np.array([0.0, 0.5, 1.0], dtype=F)
    wmo_by_age = np.zeros(121, dtype=F)
    wmo_by_age[30], wmo_by_age[70] = F(0.012), F(0.06)
    n = age.size
    onset, entry = np.zeros(n, F), np.zeros(n, F)
    minor, working = (np.zeros(n, np.bool_) for _ in range(2))
    volunteer = np.array([False, True, False])  # set by ``volunteering``, read here
    base = np.zeros(n, F)
    minors, volunteers = k.age_terms(
        age, income, income_term, wmo_by_age, 0.024, 0.06,
        np.array([18, 66], dtype=np.int64), np.array([0, n], dtype=np.int64), onset, entry,
        minor, working, volunteer, base,
        k.WellbeingRules.from_params({p.name: p.default for p in PARAMETERS}),
        k.NeedRules.from_params({p.name: p.default for p in PARAMETERS}, 2500.0),
        np.array([1.5], dtype=F))  # the municipality's entry factor (local labour market)
    assert list(minor) == [True, False, False] and list(working) == [False, True, False]
    # Monthly onset: youth care for minors, Wmo by age for adults, a twelfth of the yearly.
    np.testing.assert_allclose(onset, [0.024 / 12, 0.012 / 12, 0.06 / 12], rtol=1e-6)
    # Job loss only at working age, scaled by 2500 / income clipped to 0.3-3 (here 1.0) and
    # by the municipality's entry factor 1.5.
    np.testing.assert_allclose(entry, [0.0, 0.06 * 1.5 / 12, 0.0], rtol=1e-6)
    assert list(volunteer) == [False, True, False]  # unchanged
    # Base well-being 0.72 + 0.08 x income term, plus 0.03 for volunteers.
    np.testing.assert_allclose(base, [0.72, 0.72 + 0.04 + 0.03, 0.80], rtol=1e-6)
    assert list(minors) == [1] and list(volunteers) == [1]


def test_volunteering_by_hand():
    """ODD 7.9: the yearly start and stop chances, the stationary share, and who cannot."""
    age = np.array([14, 40, 40, 40, 80, 80], dtype=np.int16)
    sev = np.array([0.0, 0.0, 0.0, 0.0, 0.5, 1.0], dtype=F)
    nbh = np.array([0, 0, 1, 1, 1, 1], dtype=np.int32)
    asked = np.array([1.0, 0.0])  # an initiative recruits in neighbourhood 0
    bounds = np.array([0, 6], dtype=np.int64)
    start, quit_rate, ask = 0.2 * 0.49 / 0.51, 0.2, 1.0
    # Stationary (no transition): start / (start + stop) against the propensity. In good
    # health and not asked that is 0.49; asked, 2 start / (2 start + 0.2) = 0.658; with
    # severity 0.5 start halves and stop is 1 - 0.8 x 0.5 = 0.6: 0.0961 / 0.6961 = 0.138;
    # severity 1 never starts. The 14-year-old never volunteers.
    propensity = np.array([0.0, 0.6, 0.48, 0.5, 0.13, 0.0], dtype=F)
    volunteer = np.zeros(6, dtype=np.bool_)
    counts = k.volunteering(age, sev, nbh, propensity, volunteer, asked, bounds, start,
                            quit_rate, ask, np.uint64(0), False)
    assert list(volunteer) == [False, True, True, False, True, False]
    assert list(counts) == [3]
    # Transitions: each person's own draw against their chance of stopping (volunteers) or
    # starting (the others), so the same draws give the same moves.
    key = np.uint64(12345)
    u = k.uniforms(key, np.arange(6, dtype=np.int64))
    before = np.array([True, True, False, True, True, False])
    volunteer = before.copy()
    k.volunteering(age, sev, nbh, propensity, volunteer, asked, bounds, start, quit_rate,
                   ask, key, True)
    p_start = np.minimum(start * (1 - sev.astype(float)) * (1 + ask * asked[nbh]), 1)
    p_stop = 1 - (1 - quit_rate) * (1 - sev.astype(float))
    expected = np.where(before, u >= p_stop, u < p_start) & (age >= 15)
    assert list(volunteer) == list(expected)
