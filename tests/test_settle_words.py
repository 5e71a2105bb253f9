"""What a settlement says when something is wrong reaches the reader in their language: the
detail of a broken invariant, the reason a benchmark price is missing, an empty source sheet."""

from __future__ import annotations

import pandas as pd
import pytest

from calculator.errors import SpreidingInputError
from calculator.invariants import CHECKS, describe, run_checks
from calculator.prices import resolve_prices
from calculator.report import settlement_document, settlement_text


def broken_tables(r) -> dict[str, pd.DataFrame]:
    """A sample settlement ``r`` with one hospital's position and totals off by 1 cent, a line
    and a payment of a hospital to itself, and a cap paid above its declared amount."""
    hospitals = r.hospitals.copy()
    hospitals.loc[0, ["net_position_cents", "odv_receivable_cents"]] += 1
    lines = r.lines.copy()
    lines.loc[0, "payee"] = lines.loc[0, "payer"]
    lines.loc[0, "source_rows"] = ""
    payments = r.payments.copy()
    payments.loc[0, "payee"] = payments.loc[0, "payer"]
    caps = r.caps.copy()
    caps.loc[0, "paid_cents"] = caps.loc[0, "declared_cents"] + 1
    return {
        "hospitals": hospitals,
        "lines": lines,
        "pairs": r.pairs,
        "payments": payments,
        "caps": caps,
        "revenue": r.revenue,
    }


ENGLISH = ("sums to", "pays itself", "without a source", "paid outside", "leave", "payments for")


def test_broken_invariants_are_described_in_dutch_and_english(sample_settled):
    found = run_checks(broken_tables(sample_settled))
    broken = {k for k, v in found.items() if v}
    assert {
        "odv_lines_trace_to_input",
        "no_hospital_pays_itself",
        "totals_per_kind_equal_lines",
        "caps_paid_within_declared",
        "clearing_settles_positions",
        "positions_sum_to_zero",
    } <= broken
    for name in broken:
        for problem in found[name]:
            nl, en = describe(problem, "nl"), describe(problem, "en")
            assert nl != en and str(problem) == nl
            assert not any(word in nl for word in ENGLISH), nl
            assert "_" not in nl and "_" not in en  # no column names or codes
    assert describe(found["positions_sum_to_zero"][0], "nl") == (
        "de posities tellen op tot € 0,01 in plaats van 0"
    )


def test_a_report_of_a_broken_settlement_speaks_the_readers_language(sample_settled):
    r = sample_settled
    broken = run_checks(broken_tables(r))
    r = type(r)(**{**r.__dict__, "invariants": broken})
    (line,) = [t for t in settlement_text(r, "nl") if t.startswith("Invarianten")]
    assert "posities tellen op tot nul: de posities tellen op tot € 0,01" in line
    doc = settlement_document(r, "en")
    assert doc["invariant_problems"]["positions_sum_to_zero"] == [
        "the positions sum to € 0.01, not 0"
    ]
    assert set(CHECKS) == set(doc["invariants"])


def test_the_reason_a_price_is_missing_is_in_the_catalogue():
    prices = pd.DataFrame({"product_code": ["A"], "year": [2024], "benchmark_price": [1]})
    indexation = pd.DataFrame({"year": [2026], "rate": [0.02]})
    needed = pd.DataFrame({"product_code": ["A", "B"], "year": [2025, 2025]})
    reasons = {
        code: reason for code, _, reason in resolve_prices(prices, indexation, needed).missing
    }
    assert reasons["A"].render("nl") == (
        "geen benchmarkprijs voor product A in 2025, en geen indexatiepercentage voor 2025 om "
        "hem af te leiden van 2024"
    )
    assert reasons["B"].render("en") == (
        "no benchmark price for product B in 2025 or an earlier year"
    )


def test_a_price_missing_in_a_run_is_a_located_finding_in_dutch(sample_book):
    from calculator.tariffs import Tariffs

    tariffs = Tariffs.build(sample_book)
    with pytest.raises(SpreidingInputError) as caught:
        tariffs.benchmark("999999999", 2025)
    (f,) = caught.value.findings
    assert (f.sheet, f.column, f.value) == ("prices", "benchmark_price", "999999999 / 2025")
    assert f.render("nl") == "geen benchmarkprijs voor product 999999999 in 2025 in deze berekening"
    assert f.to_dict("nl")["params"]["product"] == "999999999"


def test_a_volumes_row_is_named_in_words_and_is_no_dbc_in_the_json(tmp_path, sample_settled):
    """Sample 2025: the carotis flow ZVL → RSZ without an agreement (a volumes row)."""
    from calculator.settlement_export import write_settlement

    r = sample_settled
    (row,) = r.exceptions.loc[r.exceptions["source_sheet"] == "volumes", "source_rows"]
    out = tmp_path / "v.xlsx"
    write_settlement(r, out)
    keys = pd.read_excel(out, sheet_name="Uitzonderingen", engine="calamine")[
        "sleutel (dbc of regel)"
    ]
    assert f"productie rij {row}" in set(keys)
    assert not any(str(k).startswith("volumes") for k in keys)
    (volume,) = [
        e for e in settlement_document(r, "nl")["exceptions"] if e["source_sheet"] == "volumes"
    ]
    assert volume["dbc_id"] is None and volume["source_rows"] == row


def test_a_summarised_workbook_says_so_in_dutch(tmp_path, monkeypatch, sample_settled):
    import calculator.settlement_export as export

    r = sample_settled
    monkeypatch.setattr(export, "MAX_DETAIL_LINES", 1)
    out = tmp_path / "v.xlsx"
    export.write_settlement(r, out)
    cells = {
        str(v)
        for frame in pd.read_excel(out, sheet_name=None, engine="calamine", header=None).values()
        for v in frame.to_numpy().ravel()
    }
    assert f"{len(r.lines)} regels samengevat per afspraak en prijs" in " ".join(cells)
    assert any(c.endswith(" bronregels") for c in cells)
    assert "alle in orde" in cells
