"""Hand-computed golden cases for flows → money (SPEC §4.2, §4.4, §4.5).

The tiny region: hospitals AAA and BBB, care form ``lies`` with full 1,000.00, diagnostics
200.00, intervention 700.00, aftercare 100.00 (2025). Volumes 2025: AAA performs 10 of its own
cases and sends 4 to BBB.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from calculator.settle import settle
from calculator.validate import load
from tests.conftest import write_xlsx


def run(tmp_path, sheets, year=2025, source="volumes"):
    return settle(load(write_xlsx(tmp_path / "book.xlsx", sheets)), year, source, strict=True)


def by_hospital(result, column):
    return result.hospitals.set_index("hospital_id")[column].to_dict()


def test_odv(tmp_path, tiny):
    """ODV, secondment 1.5 h × € 120.

    AAA declares the full product for all 14 cases: 14 × 1,000.00 = 14,000.00.
    AAA pays BBB the ODV price of the intervention: 4 × 700.00 = 2,800.00.
    BBB pays AAA secondment: 4 × (1.5 × 120.00) = 4 × 180.00 = 720.00.
    Positions: AAA 720.00 − 2,800.00 = −2,080.00; BBB +2,080.00; one payment AAA → BBB.
    """
    tiny["agreements"]["secondment_hours_per_case"] = [1.5]
    tiny["agreements"]["secondment_rate"] = [120.00]
    r = run(tmp_path, tiny)
    assert by_hospital(r, "insurer_declared_cents") == {"AAA": 1_400_000, "BBB": 0}
    assert by_hospital(r, "odv_payable_cents") == {"AAA": 280_000, "BBB": 0}
    assert by_hospital(r, "secondment_payable_cents") == {"AAA": 0, "BBB": 72_000}
    assert by_hospital(r, "net_position_cents") == {"AAA": -208_000, "BBB": 208_000}
    assert r.payments.to_dict("records") == [
        {"payer": "AAA", "payee": "BBB", "amount_cents": 208_000}
    ]
    odv = r.lines[r.lines.kind == "odv"].iloc[0]
    assert (odv.product_code, odv.unit_price_cents, odv["count"]) == ("012345680", 70_000, 4.0)
    assert (odv.source_sheet, odv.source_rows) == ("volumes", "3")
    assert r.invariants_hold


def test_parallel(tmp_path, tiny):
    """Parallel declaration, secondment 2 h × € 135.

    AAA declares own 10 × 1,000.00 plus diagnostics and aftercare 4 × (200.00 + 100.00):
    10,000.00 + 1,200.00 = 11,200.00. BBB declares the intervention: 4 × 700.00 = 2,800.00.
    BBB pays AAA secondment 4 × 270.00 = 1,080.00; no ODV.
    """
    tiny["agreements"]["mode"] = ["parallel"]
    tiny["agreements"]["secondment_hours_per_case"] = [2.0]
    tiny["agreements"]["secondment_rate"] = [135.00]
    r = run(tmp_path, tiny)
    assert by_hospital(r, "insurer_declared_cents") == {"AAA": 1_120_000, "BBB": 280_000}
    assert by_hospital(r, "odv_payable_cents") == {"AAA": 0, "BBB": 0}
    assert by_hospital(r, "net_position_cents") == {"AAA": 108_000, "BBB": -108_000}


def test_referral_and_secondment_both_ways(tmp_path, tiny):
    """Referral AAA → BBB for lies (1 h × € 100) and BBB → AAA for gal (2 h × € 100).

    lies: AAA declares 10 × 1,000.00; BBB declares 4 × 1,000.00; BBB pays AAA 4 × 100.00 = 400.
    gal (full 2,000.00): BBB sends 3 cases to AAA: AAA declares 3 × 2,000.00 = 6,000.00 and pays
    BBB 3 × 200.00 = 600.00. Net: AAA 400.00 − 600.00 = −200.00.
    Pair statement AAA/BBB: AAA owes 600.00, BBB owes 400.00, net 200.00 from AAA to BBB.
    """
    tiny["agreements"]["mode"] = ["referral"]
    tiny["agreements"]["secondment_hours_per_case"] = [1.0]
    tiny["agreements"]["secondment_rate"] = [100.00]
    tiny["care_forms"] = pd.concat(
        [
            tiny["care_forms"],
            tiny["care_forms"].assign(care_form_id="gal", name="Galblaas", volume_norm=0),
        ],
        ignore_index=True,
    )
    tiny["products"] = pd.concat(
        [
            tiny["products"],
            pd.DataFrame(
                {
                    "product_code": ["099999999"],
                    "description": ["gal"],
                    "care_form_id": ["gal"],
                    "component": ["full"],
                }
            ),
        ],
        ignore_index=True,
    )
    tiny["prices"] = pd.concat(
        [
            tiny["prices"],
            pd.DataFrame(
                {"product_code": ["099999999"], "year": [2025], "benchmark_price": [2000.00]}
            ),
        ],
        ignore_index=True,
    )
    tiny["volumes"] = pd.concat(
        [
            tiny["volumes"],
            pd.DataFrame(
                {
                    "year": [2025],
                    "hospital_id": ["BBB"],
                    "care_form_id": ["gal"],
                    "cases": [3],
                    "performing_hospital_id": ["AAA"],
                }
            ),
        ],
        ignore_index=True,
    )
    tiny["agreements"] = pd.concat(
        [
            tiny["agreements"],
            tiny["agreements"].assign(
                agreement_id="AG2",
                care_form_id="gal",
                sending_hospital="BBB",
                performing_hospital="AAA",
                secondment_hours_per_case=2.0,
            ),
        ],
        ignore_index=True,
    )
    r = run(tmp_path, tiny)
    assert by_hospital(r, "insurer_declared_cents") == {"AAA": 1_600_000, "BBB": 400_000}
    assert by_hospital(r, "secondment_receivable_cents") == {"AAA": 40_000, "BBB": 60_000}
    assert by_hospital(r, "net_position_cents") == {"AAA": -20_000, "BBB": 20_000}
    pair = r.pairs.iloc[0]
    assert (pair.a_owes_b_cents, pair.b_owes_a_cents, pair.payer, pair.net_cents) == (
        60_000,
        40_000,
        "AAA",
        20_000,
    )


def test_fixed_odv_price(tmp_path, tiny):
    """odv_fixed_price 650.50 overrides the benchmark: 4 × 650.50 = 2,602.00."""
    tiny["agreements"]["odv_fixed_price"] = [650.50]
    r = run(tmp_path, tiny)
    assert by_hospital(r, "odv_receivable_cents") == {"AAA": 0, "BBB": 260_200}


def test_indexation_rounds_half_up_once(tmp_path, tiny):
    """Prices for 2024 only, rate 2025 = 3.5 %.

    intervention 2024 = 333.33 → 2025 = 333.33 × 1.035 = 344.99655 → 345.00 (half-up, once).
    ODV at share 0.85: 345.00 × 0.85 = 293.25 per case; 4 cases = 1,173.00.
    full 1,000.00 → 1,035.00: AAA declares 14 × 1,035.00 = 14,490.00.
    """
    tiny["prices"]["year"] = [2024] * 4
    tiny["prices"]["benchmark_price"] = [1000.00, 200.00, 333.33, 100.00]
    tiny["indexation"] = pd.DataFrame({"year": [2025], "rate": [0.035]})
    tiny["agreements"]["odv_price_share"] = [0.85]
    r = run(tmp_path, tiny)
    assert by_hospital(r, "odv_receivable_cents")["BBB"] == 117_300
    assert by_hospital(r, "insurer_declared_cents")["AAA"] == 1_449_000
    used = r.prices.set_index("product_code")
    assert str(used.loc["012345680", "benchmark_price"]) == "345.00"
    assert used.loc["012345680", "source_year"] == 2024


def test_binding_revenue_cap(tmp_path, tiny):
    """AAA: insurer X (share 0.6, factor 1, cap 5,000.00, 25 % above it), Y (0.4, factor 0.9).

    ODV: AAA declares 14 cases. X: 14 × 0.6 = 8.4 × 1,000.00 = 8,400.00 declared;
    paid 5,000.00 + 25 % × 3,400.00 = 5,850.00; unpaid 2,550.00.
    Y: 14 × 0.4 = 5.6 × 900.00 = 5,040.00, no cap. BBB has no contract rows: implicit (all).
    """
    tiny["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "AAA"],
            "year": [2025, 2025],
            "insurer": ["X", "Y"],
            "share": [0.6, 0.4],
            "price_factor": [1.0, 0.9],
            "revenue_cap": [5000.00, None],
            "overcap_rate": [0.25, None],
        }
    )
    r = run(tmp_path, tiny)
    caps = r.caps.set_index("insurer")
    assert caps.loc["X", "declared_cents"] == 840_000
    assert caps.loc["X", "paid_cents"] == 585_000
    assert caps.loc["X", "unpaid_cents"] == 255_000
    assert caps.loc["Y", "declared_cents"] == 504_000
    assert by_hospital(r, "insurer_paid_cents")["AAA"] == 585_000 + 504_000


def test_flow_without_agreement_is_referral_with_exception(tmp_path, tiny):
    """No valid agreement (it starts in 2026): BBB declares 4 × 1,000.00, listed no_agreement."""
    tiny["agreements"]["valid_from"] = [dt.date(2026, 1, 1)]
    tiny["volumes"] = pd.concat(
        [tiny["volumes"], tiny["volumes"].assign(year=2026)], ignore_index=True
    )
    tiny["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.0]})
    r = run(tmp_path, tiny)
    assert by_hospital(r, "insurer_declared_cents") == {"AAA": 1_000_000, "BBB": 400_000}
    assert r.exceptions["kind"].tolist() == ["no_agreement"]
    assert r.exceptions["key"].tolist() == ["volumes row 3"]
    assert len(r.lines) == 0


def test_unknown_source_and_year_are_input_errors(tmp_path, tiny):
    from calculator.errors import SpreidingInputError

    with pytest.raises(SpreidingInputError):
        run(tmp_path, tiny, year=2019)
    with pytest.raises(SpreidingInputError):
        run(tmp_path, tiny, source="registrations")
