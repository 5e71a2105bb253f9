"""Hand-computed golden cases for registrations → money (SPEC §4.3).

Year basis ``end`` (a DBC belongs to the year of its end date) unless a test says otherwise.
Tiny region (see conftest): lies full 1,000.00 / intervention 700.00 in 2025, and for 2024
full 950.00 / intervention 650.00. Agreement AG1: lies AAA → BBB, mode odv from 2025-01-01,
secondment 1.5 h × € 120 = 180.00 per case. No insurer contracts: implicit (all), factor 1.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calculator.settle import settle
from calculator.validate import load
from tests.conftest import write_xlsx

FULL, INTERVENTION, DIAGNOSTICS = "012345678", "012345680", "012345679"
D = dt.date


def book(tiny, rows, agreements=None):
    tiny["prices"] = pd.concat(
        [
            tiny["prices"],
            pd.DataFrame(
                {
                    "product_code": [FULL, INTERVENTION, DIAGNOSTICS, "012345681"],
                    "year": [2024] * 4,
                    "benchmark_price": [950.00, 650.00, 190.00, 90.00],
                }
            ),
        ],
        ignore_index=True,
    )
    tiny["agreements"]["secondment_hours_per_case"] = [1.5]
    tiny["agreements"]["secondment_rate"] = [120.00]
    tiny["agreements"]["valid_from"] = [D(2024, 1, 1)]
    if agreements is not None:
        tiny["agreements"] = agreements(tiny["agreements"])
    tiny["registrations"] = pd.DataFrame(
        rows,
        columns=[
            "dbc_id",
            "patient_id",
            "hospital_id",
            "product_code",
            "start_date",
            "end_date",
            "odv",
            "partner_hospital",
        ],
    )
    return tiny


def run(tmp_path, sheets, year=2025, year_basis="end"):
    """Settle from registrations; these cases were computed on the end-date year basis."""
    return settle(
        load(write_xlsx(tmp_path / "b.xlsx", sheets)),
        year,
        "registrations",
        strict=True,
        year_basis=year_basis,
    )


def net(r):
    return r.hospitals.set_index("hospital_id")["net_position_cents"].to_dict()


ROWS = [
    # P1: plain ODV, matched: AAA pays BBB 700.00, BBB pays AAA 180.00
    ("D01", "P1", "AAA", FULL, D(2025, 1, 10), D(2025, 3, 1), "nee", None),
    ("D02", "P1", "BBB", INTERVENTION, D(2025, 2, 1), D(2025, 2, 2), "ja", "AAA"),
    # P2: cross-year: DBC opened December 2024 (priced 950.00), ODV in January 2025 (700.00)
    ("D03", "P2", "AAA", FULL, D(2024, 12, 9), D(2025, 3, 2), "nee", None),
    ("D04", "P2", "BBB", INTERVENTION, D(2025, 1, 14), D(2025, 1, 16), "ja", "AAA"),
    # P3: ODV without a declared DBC at the partner → odv_unmatched
    ("D05", "P3", "BBB", INTERVENTION, D(2025, 5, 1), D(2025, 5, 2), "ja", "AAA"),
    # P4: two ODV rows for one declared DBC: D07 (earlier start) matches, D08 duplicate
    ("D06", "P4", "AAA", FULL, D(2025, 6, 1), D(2025, 8, 1), "nee", None),
    ("D08", "P4", "BBB", INTERVENTION, D(2025, 6, 10), D(2025, 6, 11), "ja", "AAA"),
    ("D07", "P4", "BBB", INTERVENTION, D(2025, 6, 5), D(2025, 6, 6), "ja", "AAA"),
    # P5: ODV at AAA for BBB: no agreement BBB → AAA → odv_no_agreement (still matched)
    ("D09", "P5", "BBB", FULL, D(2025, 9, 1), D(2025, 10, 1), "nee", None),
    ("D10", "P5", "AAA", INTERVENTION, D(2025, 9, 5), D(2025, 9, 6), "ja", "BBB"),
    # P6: both declare the full product in overlapping periods → double_declaration
    ("D11", "P6", "AAA", FULL, D(2025, 4, 1), D(2025, 5, 1), "nee", None),
    ("D12", "P6", "BBB", FULL, D(2025, 4, 20), D(2025, 6, 1), "nee", None),
]


def test_golden_registrations(tmp_path, tiny):
    """Declared in 2025 at AAA: D01 1,000 + D03 950 (price year 2024) + D06 1,000 + D11 1,000
    = 3,950.00. At BBB: D09 1,000 + D12 1,000 = 2,000.00.
    ODV lines: D02, D04, D07 → 3 × 700.00 = 2,100.00 from AAA to BBB.
    Secondment: 3 × 180.00 = 540.00 from BBB to AAA. AAA net −1,560.00.
    """
    r = run(tmp_path, book(tiny, ROWS))
    declared = r.hospitals.set_index("hospital_id")["insurer_declared_cents"].to_dict()
    assert declared == {"AAA": 395_000, "BBB": 200_000}
    odv = r.lines[r.lines.kind == "odv"]
    assert sorted(odv["source_keys"]) == ["D02", "D04", "D07"]
    assert odv["amount_cents"].sum() == 210_000
    assert net(r) == {"AAA": -156_000, "BBB": 156_000}
    kinds = r.exceptions.set_index("key")["kind"].to_dict()
    assert kinds == {
        "D05": "odv_unmatched",
        "D08": "odv_duplicate",
        "D10": "odv_no_agreement",
        "D11 / D12": "double_declaration",
    }
    assert r.exceptions.set_index("key").loc["D11 / D12", "patient_id"] == "P6"
    assert r.invariants_hold


def test_row_order_does_not_matter(tmp_path, tiny):
    a = run(tmp_path, book(tiny_copy(tiny), ROWS))
    b = run(tmp_path, book(tiny_copy(tiny), list(reversed(ROWS))))
    assert net(a) == net(b)
    assert sorted(a.exceptions["key"]) == sorted(b.exceptions["key"])


def tiny_copy(tiny):
    return {k: v.copy() for k, v in tiny.items()}


def test_cross_year_odv_settles_in_its_own_year(tmp_path, tiny):
    """An ODV row closed in 2025 against a DBC closed in 2026 settles in 2025; the DBC's revenue
    in 2026 (priced at its 2025 start: 1,000.00)."""
    rows = [
        ("D1", "P1", "AAA", FULL, D(2025, 12, 1), D(2026, 2, 1), "nee", None),
        ("D2", "P1", "BBB", INTERVENTION, D(2025, 12, 20), D(2025, 12, 21), "ja", "AAA"),
    ]
    sheets = book(tiny, rows)
    sheets["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.0]})
    r25 = run(tmp_path, sheets, 2025)
    assert r25.lines[r25.lines.kind == "odv"]["amount_cents"].tolist() == [70_000]
    assert r25.hospitals["insurer_declared_cents"].sum() == 0
    r26 = run(tmp_path, sheets, 2026)
    assert r26.hospitals.set_index("hospital_id").loc["AAA", "insurer_declared_cents"] == 100_000
    assert len(r26.lines) == 0


def test_parallel_pair_earns_secondment(tmp_path, tiny):
    """Parallel AAA → BBB: AAA's diagnostics DBC overlaps BBB's intervention DBC: one pair,
    secondment 180.00 from BBB to AAA; no double_declaration. Revenue: AAA 200.00, BBB 700.00."""
    rows = [
        ("D1", "P1", "AAA", DIAGNOSTICS, D(2025, 1, 1), D(2025, 2, 15), "nee", None),
        ("D2", "P1", "BBB", INTERVENTION, D(2025, 2, 10), D(2025, 2, 20), "ja", None),
    ]
    rows[1] = (*rows[1][:6], "nee", None)
    r = run(tmp_path, book(tiny, rows, lambda a: a.assign(mode="parallel")))
    assert r.exceptions.empty
    assert net(r) == {"AAA": 18_000, "BBB": -18_000}
    declared = r.hospitals.set_index("hospital_id")["insurer_declared_cents"].to_dict()
    assert declared == {"AAA": 20_000, "BBB": 70_000}
    assert r.monitoring.set_index("agreement_id").loc["AG1", "realised_cases"] == 1
