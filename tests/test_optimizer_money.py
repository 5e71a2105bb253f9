"""Money that follows the patients: fixed service costs in the objective, the value of freed OR
time, and insurer cap room that moves with the cases (``--caps follow``). Golden cases by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from calculator.validate import load_frames
from optimizer.inputs import Options
from optimizer.optimize import optimize
from tests.conftest import tiny_sheets
from tests.test_optimizer import recheck


def region(cap_a=600, cap_b=1000, backfill_a=None, caps=None, service_costs=None, contracts=None):
    """A (15 cases) and B (5 cases) of one care form of 60 minutes, 30 minutes apart, a referral
    agreement A → B, full price € 1.000, no variable cost."""
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB"],
            "name": ["A", "B"],
            "type": ["algemeen", "algemeen"],
            "or_minutes": [cap_a, cap_b],
            "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
            "backfill_margin_per_minute": [backfill_a, None],
        }
    )
    s["care_forms"]["volume_norm"] = [0]
    s["care_forms"]["variable_cost_share"] = [0.0]
    s["travel"] = pd.DataFrame(
        {"from_hospital": ["AAA", "BBB"], "to_hospital": ["BBB", "AAA"], "minutes": [30, 30]}
    )
    s["volumes"] = pd.DataFrame(
        {"year": 2025, "hospital_id": ["AAA", "BBB"], "care_form_id": "lies", "cases": [15, 5]}
    )
    s["agreements"] = pd.DataFrame(
        {
            "agreement_id": ["AG1"],
            "care_form_id": ["lies"],
            "sending_hospital": ["AAA"],
            "performing_hospital": ["BBB"],
            "mode": ["referral"],
            "valid_from": [dt.date(2025, 1, 1)],
        }
    )
    if caps is not None:
        s["insurer_contracts"] = pd.DataFrame(
            {
                "hospital_id": ["AAA", "BBB"],
                "year": 2025,
                "insurer": "Zorgverzekeraar X",
                "share": 1.0,
                "price_factor": 1.0,
                "revenue_cap": caps,
                "overcap_rate": 0.0,
            }
        )
    if contracts is not None:
        s["insurer_contracts"] = contracts
    if service_costs is not None:
        s["service_costs"] = service_costs
    return load_frames(s)


def test_fixed_service_costs_close_a_unit_and_are_shown_apart():
    """A's unit costs € 100.000 a year. B has room for all 20 cases (1.200 of 1.500 minutes), so
    with travel and cost first A sends all 15 (travel 15 × 30 = 450) instead of keeping 10 and
    paying € 100.000. With the default goals the fewest patients move: A keeps 10, sends 5."""
    costs = pd.DataFrame({"hospital_id": ["AAA"], "care_form_id": ["lies"], "fixed_cost": [1e5]})
    wb = region(cap_b=1500, service_costs=costs)
    assert optimize(wb, 2025).objective_parts["moves"] == pytest.approx(5)
    r = optimize(wb, 2025, Options(objective="travel"))
    assert r.status == "optimal"
    assert r.objective == pytest.approx(450)
    assert r.objective_parts == pytest.approx({"travel": 450, "moves": 15, "fixed_costs": 0})
    flows = r.flows.set_index(["sending_hospital", "performing_hospital"])["cases"]
    assert flows[("AAA", "BBB")] == pytest.approx(15)
    recheck(wb, 2025, Options(objective="travel"), r)
    money = r.money.set_index("hospital_id")
    assert money.at["AAA", "fixed_cost_cents_before"] == 10_000_000
    assert money.at["AAA", "fixed_cost_cents_after"] == 0
    # weight 0: the fixed cost no longer counts; A keeps its 10 cases (travel 5 × 30 = 150)
    r0 = optimize(wb, 2025, Options(w_fixed=0.0))
    assert r0.objective == pytest.approx(150)


def test_freed_or_minutes_earn_their_backfill_margin():
    """A keeps 10 of 15 cases: 300 OR minutes freed × € 10 = € 3.000 added to A's margin."""
    r = optimize(region(backfill_a=10.0), 2025)
    money = r.money.set_index("hospital_id")
    assert money.at["AAA", "backfill_cents_after"] == 300_000
    assert money.at["AAA", "backfill_cents_before"] == 0
    assert money.at["BBB", "backfill_cents_after"] == 0
    # margin = revenue + settlement − variable − fixed + backfill: 10 × € 1.000 + € 3.000
    assert money.at["AAA", "margin_cents_after"] == 1_000_000 + 300_000


def test_cap_room_follows_the_cases():
    """Caps € 15.000 (A) and € 5.000 (B) are each hospital's production today. A sends 5 cases
    (€ 5.000): with fixed caps B is paid only € 5.000 of its € 10.000 — a false loss of € 5.000
    for the region; with caps that follow, A's cap drops to € 10.000 and B's rises to € 10.000:
    the region is paid € 20.000 as before."""
    wb = region(caps=[15000.0, 5000.0])
    fixed = optimize(wb, 2025).money.set_index("hospital_id")
    follow = optimize(wb, 2025, Options(caps="follow")).money.set_index("hospital_id")
    assert fixed["revenue_cents_before"].sum() == 2_000_000
    assert fixed["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 500_000}
    assert follow["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 1_000_000}
    assert follow["revenue_cents_change"].sum() == 0


def test_cap_room_of_an_uncapped_sender_joins_the_performers_cap():
    """Issue 20, "caps follow, uncapped sender". A has a contract with insurer X without a cap,
    B a cap of € 5.000 (its own 5 cases × € 1.000). A keeps 10 of its 15 cases (600 OR minutes)
    and sends 5 to B. With fixed caps B declares 10 × € 1.000 = € 10.000 and is paid € 5.000.
    With caps that follow, A's price × cases (5 × € 1.000) joins B's cap: € 10.000, B is paid
    € 10.000; A (uncapped) is paid its 10 × € 1.000. The insurer pays € 20.000 as before."""
    wb = region(caps=[None, 5000.0])
    fixed = optimize(wb, 2025).money.set_index("hospital_id")
    assert fixed["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 500_000}
    follow = optimize(wb, 2025, Options(caps="follow")).money.set_index("hospital_id")
    assert follow["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 1_000_000}
    assert follow["revenue_cents_change"].sum() == 0


def test_cap_room_of_a_sender_without_contracts_follows_the_performers_insurers():
    """A has no contracts (implicit, uncapped); B has insurers X (share 0.6, cap € 3.000) and
    Y (share 0.4, cap € 2.000). A sends 5 cases × € 1.000: X's cap at B gains 5 × 0.6 × € 1.000
    = € 3.000 (→ € 6.000), Y's 5 × 0.4 × € 1.000 = € 2.000 (→ € 4.000). B declares 10 cases:
    X € 6.000, Y € 4.000, all paid: € 10.000 (fixed caps: € 5.000)."""
    contracts = pd.DataFrame(
        {
            "hospital_id": ["BBB", "BBB"],
            "year": 2025,
            "insurer": ["X", "Y"],
            "share": [0.6, 0.4],
            "price_factor": 1.0,
            "revenue_cap": [3000.0, 2000.0],
            "overcap_rate": 0.0,
        }
    )
    wb = region(contracts=contracts)
    fixed = optimize(wb, 2025).money.set_index("hospital_id")
    assert fixed["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 500_000}
    follow = optimize(wb, 2025, Options(caps="follow")).money.set_index("hospital_id")
    assert follow["revenue_cents_after"].to_dict() == {"AAA": 1_000_000, "BBB": 1_000_000}
