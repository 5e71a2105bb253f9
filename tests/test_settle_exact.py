"""Hand-computed golden cases for exact money: insurer shares, blank insurers, clearing ties.

The tiny region (see conftest): hospitals AAA and BBB, care form ``lies`` with full 1,000.00 in
2025. Volumes 2025: AAA performs 10 of its own cases and sends 4 to BBB (ODV agreement AG1).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.money import exact, round_half_up
from calculator.netting import clearing
from calculator.settle import settle
from calculator.validate import load_frames
from tests.conftest import tiny_sheets

FULL = "012345678"


def contracts(hospital: str, shares: list[float], factors: list[float] | None = None):
    names = [f"Z{i}" for i in range(len(shares))]
    return pd.DataFrame(
        {
            "hospital_id": hospital,
            "year": 2025,
            "insurer": names,
            "share": shares,
            "price_factor": factors or [1.0] * len(shares),
        }
    )


def own_cases(sheets, cases: float, price: float | None = None):
    """AAA performs ``cases`` of its own lies patients in 2025 and sends none."""
    sheets["volumes"] = sheets["volumes"].iloc[:1].assign(cases=[cases])
    if price is not None:
        sheets["prices"].loc[sheets["prices"]["product_code"] == FULL, "benchmark_price"] = price
    return sheets


def declared(result, hospital="AAA"):
    caps = result.caps[result.caps["hospital_id"] == hospital]
    return caps.set_index("insurer")["declared_cents"].to_dict()


def test_shares_summing_to_0_999_keep_the_revenue_whole():
    """Three insurers with share 0.333 each (sum 0.999, inside the validation tolerance).

    100 cases × 1,000.00 = 100,000.00 must be declared, not 99,900.00. The shares are
    normalised to thirds: each insurer 33,333.33⅓; rounded down 3 × 33,333.33 = 99,999.99 and
    the cent left goes to the first insurer (equal remainders): 33,333.34 + 2 × 33,333.33.
    """
    sheets = own_cases(tiny_sheets(), 100)
    sheets["insurer_contracts"] = contracts("AAA", [0.333, 0.333, 0.333])
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    assert declared(r) == {"Z0": 3_333_334, "Z1": 3_333_333, "Z2": 3_333_333}
    assert r.hospitals.set_index("hospital_id").loc["AAA", "insurer_declared_cents"] == 10_000_000
    assert r.invariants["declared_equals_count_times_price"] == []


def test_count_times_share_is_exact():
    """61 cases × 9,876.55, insurers 0.7 and 0.3 (factor 1).

    Total 61 × 9,876.55 = 602,469.55. Exactly, 0.7 × 602,469.55 = 421,728.685 and
    0.3 × 602,469.55 = 180,740.865; rounded down 421,728.68 + 180,740.86 = 602,469.54, the cent
    left goes to the first (equal remainders): 421,728.69 and 180,740.86. In float,
    61 × 0.7 = 42.699999… and the first insurer came out one cent short (421,728.68).
    """
    sheets = own_cases(tiny_sheets(), 61, price=9876.55)
    sheets["insurer_contracts"] = contracts("AAA", [0.7, 0.3])
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    assert declared(r) == {"Z0": 42_172_869, "Z1": 18_074_086}
    assert sum(declared(r).values()) == 61 * 987_655


def test_price_factors_weight_the_split():
    """10 cases × 1,000.00, insurers 0.6 at factor 1.0 and 0.4 at factor 0.9.

    Contract unit prices 1,000.00 and 900.00; weighted 0.6 × 1,000.00 + 0.4 × 900.00 = 960.00;
    10 × 960.00 = 9,600.00: Z0 10 × 0.6 × 1,000.00 = 6,000.00, Z1 10 × 0.4 × 900.00 = 3,600.00.
    """
    sheets = own_cases(tiny_sheets(), 10)
    sheets["insurer_contracts"] = contracts("AAA", [0.6, 0.4], [1.0, 0.9])
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    assert declared(r) == {"Z0": 600_000, "Z1": 360_000}


def registrations(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "dbc_id",
            "patient_id",
            "hospital_id",
            "product_code",
            "insurer",
            "start_date",
            "end_date",
            "odv",
        ],
    )


def test_blank_insurer_is_priced_once_per_dbc_at_the_weighted_price():
    """AAA: insurers Z0 and Z1, share 0.5 each, factor 1; full product 9,876.55.

    Two DBCs without an insurer: each at the weighted price 9,876.55 (once, no split), under
    ``(overig)``: 2 × 9,876.55 = 19,753.10. Split per DBC each half would round up
    (4,938.275 → 4,938.28) and invent a cent per DBC: 19,753.12. One DBC of Z1: 9,876.55.
    """
    sheets = own_cases(tiny_sheets(), 1, price=9876.55)
    sheets["insurer_contracts"] = contracts("AAA", [0.5, 0.5])
    d = dt.date(2025, 3, 1)
    sheets["registrations"] = registrations(
        [
            ("D1", "P1", "AAA", FULL, None, d, d, "nee"),
            ("D2", "P2", "AAA", FULL, None, d, d, "nee"),
            ("D3", "P3", "AAA", FULL, "Z1", d, d, "nee"),
        ]
    )
    r = settle(load_frames(sheets), 2025, "registrations", strict=True)
    assert declared(r) == {"(overig)": 1_975_310, "Z1": 987_655}


def test_clearing_ties_compare_hospital_ids_as_whole_strings():
    """Creditors A and AB are both owed 100.00 by C. Ties go to the smaller id as a whole
    string: "A" < "AB", so C pays A first, then AB."""
    position = pd.Series({"A": 10_000, "AB": 10_000, "C": -20_000})
    assert clearing(position).to_dict("records") == [
        {"payer": "C", "payee": "A", "amount_cents": 10_000},
        {"payer": "C", "payee": "AB", "amount_cents": 10_000},
    ]
    debtors = pd.Series({"AB": -10_000, "A": -10_000, "C": 20_000})
    assert clearing(debtors)["payer"].tolist() == ["A", "AB"]


def test_missing_contracts_for_the_year_are_listed():
    """AAA has contracts for 2024 only. Settling 2025 uses the implicit contract (factor 1, no
    cap: 10 × 1,000.00 + ODV 4 × 1,000.00 = 14,000.00) and lists the gap as an exception."""
    sheets = tiny_sheets()
    sheets["insurer_contracts"] = contracts("AAA", [1.0]).assign(year=2024, price_factor=0.9)
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    assert declared(r) == {"(all)": 1_400_000}
    missing = r.exceptions[r.exceptions["kind"] == "contracts_missing"]
    assert missing["hospital_id"].tolist() == ["AAA"]
    assert "2024" in missing["message"].iloc[0]


@settings(max_examples=8, deadline=None)
@given(
    st.lists(st.integers(1, 1000), min_size=1, max_size=4),
    st.lists(st.sampled_from([0.85, 0.9, 0.97, 1.0, 1.03, 1.1]), min_size=4, max_size=4),
    st.integers(1, 500),
    st.integers(1_000, 2_000_000),
)
def test_declared_equals_count_times_weighted_price(weights, factors, cases, price_cents):
    """For random shares (rounded to 3 decimals, so they sum to 1 only within the tolerance):
    Σ declared = cases × the share-weighted unit price (Σ normalised share × contract unit
    price, rounded once to the cent: the same price a DBC with a blank insurer gets)."""
    total = sum(weights)
    shares = [round(w / total, 3) for w in weights]
    shares[-1] = round(1 - sum(shares[:-1]), 3)
    if shares[-1] <= 0:
        return
    factors = factors[: len(shares)]
    sheets = own_cases(tiny_sheets(), cases, price=price_cents / 100)
    sheets["insurer_contracts"] = contracts("AAA", shares, factors)
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    norm = sum(exact(s) for s in shares)
    weighted = sum(
        exact(s) / norm * round_half_up(price_cents * exact(f))
        for s, f in zip(shares, factors, strict=True)
    )
    assert sum(declared(r).values()) == cases * round_half_up(weighted)


def test_validate_warns_about_a_year_without_contracts():
    """AAA has contracts for 2024 only; the workbook has 2025 volumes: validation passes with one
    warning naming AAA, 2025 and the years it does have."""
    sheets = tiny_sheets()
    sheets["insurer_contracts"] = contracts("AAA", [1.0]).assign(year=2024)
    wb = load_frames(sheets)
    assert [(w.code, w.params["hospital"], w.params["year"]) for w in wb.warnings] == [
        ("contracts_missing_year", "AAA", "2025")
    ]
    assert "2024" in wb.warnings[0].message("nl")
