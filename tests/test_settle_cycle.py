"""Secondment contracts and network costs (issue 20, items 3 and 4): golden cases by hand, and
the property that lines of every kind still sum to zero."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.errors import SpreidingInputError
from calculator.settle import settle
from calculator.validate import load_frames
from tests.conftest import tiny_sheets

D = dt.date


def with_secondment(**row):
    s = tiny_sheets()
    s["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.035]})
    base = {
        "secondment_id": "DET1",
        "from_hospital": "BBB",
        "to_hospital": "AAA",
        "role": "vaatchirurg",
        "valid_from": D(2025, 3, 1),
        "valid_to": None,
        "fte": 0.4,
        "hours_per_month": None,
        "rate": 142.50,
        "indexation": "ja",
    }
    s["secondments"] = pd.DataFrame([base | row])
    s["volumes"] = pd.concat([s["volumes"], s["volumes"].assign(year=2026)], ignore_index=True)
    return s


def contract_lines(r):
    return r.lines[r.lines["kind"] == "secondment_contract"]


def test_a_secondment_of_0_4_fte_from_1_march_with_indexation():
    """0,4 fte of BBB's vascular surgeon at AAA from 1 March 2025, € 142,50 an hour, indexed.

    2025: 1 March – 31 December = 306 of 365 days; hours 0,4 × 1.872 × 306/365 = 748,8 × 306
    / 365 = 627,761095…; × € 142,50 = € 89.455,956… → € 89.455,96, AAA pays BBB.
    2026: the rate × 1,035 = 147,4875 → € 147,49; the whole year 748,8 hours × € 147,49 =
    € 110.440,512 → € 110.440,51.
    The ODV of the tiny region (4 × € 700 = € 2.800 AAA → BBB in 2025) nets with it: AAA's
    position −2.800 − 89.455,96 = −€ 92.255,96.
    """
    wb = load_frames(with_secondment())
    r25 = settle(wb, 2025, "volumes", strict=True)
    line = contract_lines(r25)
    assert line[["payer", "payee", "unit_price_cents", "amount_cents"]].values.tolist() == [
        ["AAA", "BBB", 14_250, 8_945_596]
    ]
    assert line["count"].iloc[0] == pytest.approx(627.7610958904)
    assert line["source_sheet"].iloc[0] == "secondments" and line["source_rows"].iloc[0] == "2"
    assert r25.hospitals.set_index("hospital_id").at["AAA", "net_position_cents"] == -9_225_596
    assert r25.secondments["days"].tolist() == [306]
    r26 = settle(wb, 2026, "volumes", strict=True)
    assert contract_lines(r26)[["unit_price_cents", "amount_cents"]].values.tolist() == [
        [14_749, 11_044_051]
    ]
    assert r26.secondments["indexed"].tolist() == [True]


def test_hours_per_month_without_indexation_end_within_the_year():
    """40 hours a month, 1 February – 31 July 2025 (181 days), € 128 an hour, not indexed:
    480 × 181/365 = 238,0273… hours × € 128 = € 30.467,506… → € 30.467,51. In 2026 it is no
    longer in force: no line."""
    wb = load_frames(
        with_secondment(
            fte=None,
            hours_per_month=40.0,
            rate=128.0,
            indexation="nee",
            valid_from=D(2025, 2, 1),
            valid_to=D(2025, 7, 31),
        )
    )
    assert contract_lines(settle(wb, 2025, "volumes"))["amount_cents"].tolist() == [3_046_751]
    assert contract_lines(settle(wb, 2026, "volumes")).empty


def test_an_indexed_secondment_without_a_rate_is_an_input_error():
    """From 2024 with indexation, settled in 2026: the 2025 rate is missing."""
    wb = load_frames(with_secondment(valid_from=D(2024, 3, 1)))
    with pytest.raises(SpreidingInputError) as e:
        settle(wb, 2026, "volumes")
    assert [f.code for f in e.value.findings] == ["secondment_no_rate"]


def test_a_secondment_needs_fte_or_hours_not_both():
    s = with_secondment(hours_per_month=10.0)
    with pytest.raises(SpreidingInputError) as e:
        load_frames(s)
    assert [(f.sheet, f.row, f.code) for f in e.value.findings] == [
        ("secondments", 2, "secondment_size")
    ]


def network(key, amount=1000.00, treasurer="AAA", shares=None):
    """Three hospitals: AAA (10 own cases + 0), BBB (4 from AAA), CCC (6 own)."""
    s = tiny_sheets()
    s["hospitals"] = pd.concat(
        [
            s["hospitals"],
            pd.DataFrame(
                {"hospital_id": ["CCC"], "name": ["C"], "type": ["algemeen"], "or_minutes": [1]}
            ),
        ],
        ignore_index=True,
    )
    s["volumes"] = pd.concat(
        [
            s["volumes"],
            pd.DataFrame(
                {"year": [2025], "hospital_id": ["CCC"], "care_form_id": ["lies"], "cases": [6]}
            ),
        ],
        ignore_index=True,
    )
    s["network_costs"] = pd.DataFrame(
        {
            "cost_id": ["NW1"],
            "year": [2025],
            "description": ["coördinatie"],
            "amount": [amount],
            "key": [key],
            "treasurer_hospital": [treasurer],
        }
    )
    if shares:
        s["network_shares"] = pd.DataFrame(
            {"cost_id": "NW1", "hospital_id": list(shares), "share": list(shares.values())}
        )
    return settle(load_frames(s), 2025, "volumes", strict=True)


def parts(r):
    return r.network_costs.set_index("hospital_id")["part_cents"].to_dict()


def paid(r):
    costs = r.lines[r.lines["kind"] == "network_costs"]
    return {(p, q): int(a) for p, q, a in costs[["payer", "payee", "amount_cents"]].values}


def test_network_costs_by_cases():
    """€ 1.000 by cases performed: AAA 10, BBB 4, CCC 6 (20): 500,00 / 200,00 / 300,00.
    AAA is the treasurer: BBB pays it € 200, CCC € 300."""
    r = network("cases")
    assert parts(r) == {"AAA": 50_000, "BBB": 20_000, "CCC": 30_000}
    assert paid(r) == {("BBB", "AAA"): 20_000, ("CCC", "AAA"): 30_000}


def test_network_costs_by_revenue():
    """€ 1.000 by insurer revenue: AAA declares 14 × € 1.000 = € 14.000 (its own 10 and the 4
    under ODV), BBB 0, CCC 6 × € 1.000 = € 6.000 (20.000): AAA € 700, CCC € 300."""
    r = network("revenue")
    assert parts(r) == {"AAA": 70_000, "BBB": 0, "CCC": 30_000}
    assert paid(r) == {("CCC", "AAA"): 30_000}


def test_network_costs_in_equal_parts_by_largest_remainder():
    """€ 1.000 in three: 333,33⅓ each; the cent left goes to the first (AAA): 333,34 / 333,33
    / 333,33. Treasurer BBB receives 333,34 from AAA and 333,33 from CCC."""
    r = network("equal", treasurer="BBB")
    assert parts(r) == {"AAA": 33_334, "BBB": 33_333, "CCC": 33_333}
    assert paid(r) == {("AAA", "BBB"): 33_334, ("CCC", "BBB"): 33_333}


def test_network_costs_by_shares():
    """€ 1.000 by shares AAA 0,5, BBB 0,3, CCC 0,2: 500 / 300 / 200; treasurer CCC."""
    r = network("shares", treasurer="CCC", shares={"AAA": 0.5, "BBB": 0.3, "CCC": 0.2})
    assert parts(r) == {"AAA": 50_000, "BBB": 30_000, "CCC": 20_000}
    assert paid(r) == {("AAA", "CCC"): 50_000, ("BBB", "CCC"): 30_000}
    net = r.pairs.set_index(["hospital_a", "hospital_b"])
    # AAA owes BBB the ODV 4 × € 700 = € 2.800 beside; pair AAA–CCC carries only the cost
    assert net.at[("AAA", "CCC"), "a_owes_b_network_costs_cents"] == 50_000


def test_network_shares_must_sum_to_one():
    with pytest.raises(SpreidingInputError) as e:
        network("shares", shares={"AAA": 0.5, "BBB": 0.3})
    assert [f.code for f in e.value.findings] == ["network_shares_sum"]


@settings(max_examples=8, deadline=None)
@given(
    st.sampled_from(["cases", "revenue", "equal"]),
    st.integers(0, 10_000_000),
    st.sampled_from(["AAA", "BBB", "CCC"]),
    st.floats(0.05, 2.0),
    st.integers(0, 3),
)
def test_lines_of_every_kind_sum_to_zero(key, cents, treasurer, fte, ind):
    """Any network cost and any secondment contract: positions sum to 0, every kind's
    receivables equal its payables and its lines, and the cost is split to the cent."""
    s = with_secondment(fte=round(fte, 2), indexation=["ja", "nee"][ind % 2])
    s["network_costs"] = pd.DataFrame(
        {
            "cost_id": ["NW1"],
            "year": [2025],
            "description": ["x"],
            "amount": [cents / 100],
            "key": [key],
            "treasurer_hospital": [treasurer if treasurer != "CCC" else "AAA"],
        }
    )
    r = settle(load_frames(s), 2025, "volumes", strict=True)
    assert int(r.hospitals["net_position_cents"].sum()) == 0
    assert r.invariants_hold
    assert int(r.network_costs["part_cents"].sum()) == cents
    for kind in ("odv", "secondment", "secondment_contract", "network_costs"):
        total = int(r.lines.loc[r.lines["kind"] == kind, "amount_cents"].sum())
        assert int(r.hospitals[f"{kind}_receivable_cents"].sum()) == total
        assert int(r.hospitals[f"{kind}_payable_cents"].sum()) == total
