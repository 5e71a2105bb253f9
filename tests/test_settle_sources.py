"""Hand-computed golden cases: year basis, the combined source, and pairs of declared DBCs.

Tiny region (see conftest): hospitals AAA and BBB, care form ``lies`` with full 1,000.00,
diagnostics 200.00, intervention 700.00, aftercare 100.00 in 2025 (2024: 950.00, 190.00,
650.00, 90.00). No insurer contracts unless a test adds them (implicit contract, factor 1).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from calculator.report import settlement_document
from calculator.settle import settle
from calculator.validate import load_frames
from tests.conftest import tiny_sheets

FULL, DIAGNOSTICS, INTERVENTION, AFTERCARE = "012345678", "012345679", "012345680", "012345681"
D = dt.date


def region(agreements: list[tuple] | None = None) -> dict[str, pd.DataFrame]:
    """The tiny region with 2024 prices and the given agreements
    (id, sending, performing, mode, hours per case, rate)."""
    sheets = tiny_sheets()
    sheets["prices"] = pd.concat(
        [
            sheets["prices"],
            pd.DataFrame(
                {
                    "product_code": [FULL, DIAGNOSTICS, INTERVENTION, AFTERCARE],
                    "year": [2024] * 4,
                    "benchmark_price": [950.00, 190.00, 650.00, 90.00],
                }
            ),
        ],
        ignore_index=True,
    )
    rows = agreements or [("AG1", "AAA", "BBB", "odv", 1.5, 120.0)]
    sheets["agreements"] = pd.DataFrame(
        {
            "agreement_id": [r[0] for r in rows],
            "care_form_id": "lies",
            "sending_hospital": [r[1] for r in rows],
            "performing_hospital": [r[2] for r in rows],
            "mode": [r[3] for r in rows],
            "secondment_hours_per_case": [r[4] for r in rows],
            "secondment_rate": [r[5] for r in rows],
            "valid_from": D(2024, 1, 1),
        }
    )
    return sheets


def with_registrations(sheets, rows):
    sheets["registrations"] = pd.DataFrame(
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
    return sheets


def declared(result):
    return result.hospitals.set_index("hospital_id")["insurer_declared_cents"].to_dict()


def secondment(result):
    lines = result.lines[result.lines["kind"] == "secondment"]
    return [
        (p, q, int(a), ag)
        for p, q, a, ag in lines[["payer", "payee", "amount_cents", "agreement_id"]].itertuples(
            index=False
        )
    ]


# --- year basis ----------------------------------------------------------------------------


def test_year_basis_start_is_the_schadelastjaar():
    """AAA has one insurer Z: factor 0.9 in 2024, 1.1 in 2025.

    D1 runs 9 Dec 2024 – 2 Mar 2025, D2 1 Dec 2025 – 20 Jan 2026 (both full product).
    Start basis: D1 is 2024's, at 2024's price and contract: 950.00 × 0.9 = 855.00; D2 is
    2025's: 1,000.00 × 1.1 = 1,100.00. End basis: D1 is 2025's at its start-year price and the
    end year's contract: 950.00 × 1.1 = 1,045.00; D2 belongs to 2026.
    """
    sheets = with_registrations(
        region(),
        [
            ("D1", "P1", "AAA", FULL, D(2024, 12, 9), D(2025, 3, 2), "nee", None),
            ("D2", "P2", "AAA", FULL, D(2025, 12, 1), D(2026, 1, 20), "nee", None),
        ],
    )
    sheets["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": "AAA",
            "year": [2024, 2025],
            "insurer": "Z",
            "share": 1.0,
            "price_factor": [0.9, 1.1],
        }
    )
    wb = load_frames(sheets)
    assert declared(settle(wb, 2024, "registrations", strict=True))["AAA"] == 85_500
    start = settle(wb, 2025, "registrations", strict=True)
    assert declared(start)["AAA"] == 110_000
    end = settle(wb, 2025, "registrations", strict=True, year_basis="end")
    assert declared(end)["AAA"] == 104_500
    assert (start.year_basis, end.year_basis) == ("start", "end")
    assert settlement_document(end)["year_basis"] == "end"


# --- the combined source -------------------------------------------------------------------


def test_sample_2025_settles_referral_secondment_in_the_default_run(sample_book):
    """CONC-RECTUM-ZVL: ZVL refers rectum patients to RSZ; 14 cases × 3 h × 140.00 = 5,880.00,
    paid by RSZ to ZVL, from the volumes, beside everything the registrations settle."""
    r = settle(sample_book, 2025, strict=True)
    assert r.source == "combined" and r.notes == ()
    line = r.lines[r.lines["agreement_id"] == "CONC-RECTUM-ZVL"]
    assert line[["payer", "payee", "count", "amount_cents", "source_sheet"]].to_dict("records") == [
        {
            "payer": "RSZ",
            "payee": "ZVL",
            "count": 14.0,
            "amount_cents": 588_000,
            "source_sheet": "volumes",
        }
    ]
    assert set(r.lines.loc[r.lines["kind"] == "odv", "source_sheet"]) == {"registrations"}
    monitoring = r.monitoring.set_index("agreement_id")
    assert monitoring.loc["CONC-RECTUM-ZVL", "realised_cases"] == 14


def test_combined_takes_referrals_from_volumes_and_the_rest_from_registrations():
    """Agreements: AG1 AAA → BBB odv (1.5 h × 120.00), AG2 BBB → AAA referral (2 h × 100.00).
    Volumes 2025: AAA 10 own, 4 to BBB (odv); BBB sends 3 to AAA (referral).
    Registrations 2025: one ODV case (D1 full at AAA, D2 dummy at BBB).

    From registrations: AAA declares D1 1,000.00; AAA pays BBB ODV 700.00; BBB pays AAA
    secondment 180.00. From volumes only the referral: AAA pays BBB 3 × 200.00 = 600.00.
    The volumes' ODV flow and own cases are not settled again.
    """
    sheets = region(
        [("AG1", "AAA", "BBB", "odv", 1.5, 120.0), ("AG2", "BBB", "AAA", "referral", 2.0, 100.0)]
    )
    sheets["volumes"] = pd.concat(
        [
            sheets["volumes"],
            pd.DataFrame(
                {
                    "year": [2025],
                    "hospital_id": ["BBB"],
                    "care_form_id": ["lies"],
                    "cases": [3],
                    "performing_hospital_id": ["AAA"],
                }
            ),
        ],
        ignore_index=True,
    )
    with_registrations(
        sheets,
        [
            ("D1", "P1", "AAA", FULL, D(2025, 1, 10), D(2025, 3, 1), "nee", None),
            ("D2", "P1", "BBB", INTERVENTION, D(2025, 2, 1), D(2025, 2, 2), "ja", "AAA"),
        ],
    )
    r = settle(load_frames(sheets), 2025, strict=True)
    assert r.source == "combined"
    assert declared(r) == {"AAA": 100_000, "BBB": 0}
    assert sorted(secondment(r)) == [("AAA", "BBB", 60_000, "AG2"), ("BBB", "AAA", 18_000, "AG1")]
    assert r.lines.loc[r.lines["kind"] == "odv", "amount_cents"].tolist() == [70_000]
    net = r.hospitals.set_index("hospital_id")["net_position_cents"].to_dict()
    assert net == {"AAA": 18_000 - 70_000 - 60_000, "BBB": 70_000 + 60_000 - 18_000}
    realised = r.monitoring.set_index("agreement_id")["realised_cases"].to_dict()
    assert realised == {"AG1": 1.0, "AG2": 3.0}


@pytest.mark.parametrize("missing", ["volumes", "registrations"])
def test_combined_falls_back_to_the_source_that_has_the_year(missing):
    """Registrations only in 2024 (or no volumes at all): 2025 is settled from the one source
    that has it, and the run says so."""
    sheets = with_registrations(
        region(), [("D1", "P1", "AAA", FULL, D(2025, 1, 10), D(2025, 3, 1), "nee", None)]
    )
    if missing == "volumes":
        del sheets["volumes"]
    else:
        sheets["registrations"]["start_date"] = D(2024, 1, 10)
    r = settle(load_frames(sheets), 2025)
    only = "registrations" if missing == "volumes" else "volumes"
    assert r.source == only
    assert [n.code for n in r.notes] == [f"settlement_note_only_{only}"]
    assert "2025" in r.notes[0].render("nl")


# --- pairs of declared DBCs ----------------------------------------------------------------


def pairs_run(agreements, rows):
    sheets = with_registrations(region(agreements), rows)
    return settle(load_frames(sheets), 2025, "registrations", strict=True)


def test_parallel_both_ways_the_intervention_dbc_is_the_performer():
    """Parallel agreements both ways: AB AAA → BBB (1.5 h × 120.00 = 180.00 per case) and BA
    BBB → AAA (2 h × 100.00 = 200.00). AAA declares the diagnostics (D2), BBB the intervention
    (D1, the smaller dbc_id). The performer is BBB: BBB pays AAA 180.00 under AB.
    (By dbc_id order BBB would have been the sending hospital and AAA would pay 200.00.)
    """
    r = pairs_run(
        [
            ("AB", "AAA", "BBB", "parallel", 1.5, 120.0),
            ("BA", "BBB", "AAA", "parallel", 2.0, 100.0),
        ],
        [
            ("D1", "P1", "BBB", INTERVENTION, D(2025, 2, 10), D(2025, 2, 20), "nee", None),
            ("D2", "P1", "AAA", DIAGNOSTICS, D(2025, 1, 1), D(2025, 2, 15), "nee", None),
        ],
    )
    assert secondment(r) == [("BBB", "AAA", 18_000, "AB")]
    assert r.exceptions.empty
    assert r.monitoring.set_index("agreement_id")["realised_cases"].to_dict() == {
        "AB": 1.0,
        "BA": 0.0,
    }


def test_parallel_one_moved_case_per_performer_dbc():
    """AAA declares diagnostics (D1) and aftercare (D3) of one patient, BBB the intervention
    (D2), all overlapping: two pairs, one moved case: one secondment of 180.00, realised 1.
    Revenue: AAA 200.00 + 100.00 = 300.00, BBB 700.00."""
    r = pairs_run(
        [("AB", "AAA", "BBB", "parallel", 1.5, 120.0)],
        [
            ("D1", "P1", "AAA", DIAGNOSTICS, D(2025, 1, 1), D(2025, 3, 1), "nee", None),
            ("D2", "P1", "BBB", INTERVENTION, D(2025, 2, 10), D(2025, 2, 20), "nee", None),
            ("D3", "P1", "AAA", AFTERCARE, D(2025, 2, 15), D(2025, 4, 1), "nee", None),
        ],
    )
    assert secondment(r) == [("BBB", "AAA", 18_000, "AB")]
    assert r.monitoring.set_index("agreement_id").loc["AB", "realised_cases"] == 1
    assert declared(r) == {"AAA": 30_000, "BBB": 70_000}


def test_parallel_full_at_both_hospitals_is_an_exception():
    """Under parallel agreement AB both hospitals declare the full product (D1, D2): the insurer
    pays twice (2 × 1,000.00 declared). Exception parallel_full_twice, no secondment, no moved
    case, and no double_declaration besides."""
    r = pairs_run(
        [("AB", "AAA", "BBB", "parallel", 1.5, 120.0)],
        [
            ("D1", "P1", "AAA", FULL, D(2025, 1, 1), D(2025, 3, 1), "nee", None),
            ("D2", "P1", "BBB", FULL, D(2025, 2, 10), D(2025, 2, 20), "nee", None),
        ],
    )
    assert r.exceptions["kind"].tolist() == ["parallel_full_twice"]
    assert r.exceptions["key"].tolist() == ["D1 / D2"]
    assert "parallelle afspraak AB" in r.exceptions["message"].iloc[0]
    assert secondment(r) == []
    assert declared(r) == {"AAA": 100_000, "BBB": 100_000}


def test_referral_with_diagnostics_at_the_sender_is_a_referral_case():
    """Referral agreement AB AAA → BBB (1.5 h × 120.00). AAA declared the diagnostics (D1),
    BBB the full product (D2): a recognised referral case (realised 1, BBB pays AAA 180.00),
    not a double declaration. Revenue: AAA 200.00, BBB 1,000.00."""
    r = pairs_run(
        [("AB", "AAA", "BBB", "referral", 1.5, 120.0)],
        [
            ("D1", "P1", "AAA", DIAGNOSTICS, D(2025, 1, 1), D(2025, 2, 15), "nee", None),
            ("D2", "P1", "BBB", FULL, D(2025, 2, 10), D(2025, 4, 20), "nee", None),
        ],
    )
    assert r.exceptions.empty
    assert secondment(r) == [("BBB", "AAA", 18_000, "AB")]
    assert r.monitoring.set_index("agreement_id").loc["AB", "realised_cases"] == 1
    assert declared(r) == {"AAA": 20_000, "BBB": 100_000}


def test_two_full_dbcs_without_a_parallel_agreement_stay_a_double_declaration():
    """Referral agreement AB, but both hospitals declare the full product: not a referral case
    (no diagnostics DBC at AAA): double_declaration, no secondment."""
    r = pairs_run(
        [("AB", "AAA", "BBB", "referral", 1.5, 120.0)],
        [
            ("D1", "P1", "AAA", FULL, D(2025, 1, 1), D(2025, 2, 15), "nee", None),
            ("D2", "P1", "BBB", FULL, D(2025, 2, 10), D(2025, 4, 20), "nee", None),
        ],
    )
    assert r.exceptions["kind"].tolist() == ["double_declaration"]
    assert secondment(r) == []


# --- agreements by date --------------------------------------------------------------------


def mode_change(volumes: list[tuple] | None = None):
    """AG1 odv (1.5 h × 120.00 = 180.00 per case) until 30 June 2025, AG2 parallel
    (2 h × 135.00 = 270.00) from 1 July 2025. Volumes 2025: AAA 10 own; ``volumes`` AAA → BBB
    (cases, period_from, period_to), default 4 cases over the whole year."""
    sheets = region(
        [("AG1", "AAA", "BBB", "odv", 1.5, 120.0), ("AG2", "AAA", "BBB", "parallel", 2.0, 135.0)]
    )
    sheets["agreements"]["valid_from"] = [D(2024, 1, 1), D(2025, 7, 1)]
    sheets["agreements"]["valid_to"] = [D(2025, 6, 30), None]
    rows = volumes or [(4, None, None)]
    sheets["volumes"] = pd.DataFrame(
        {
            "year": 2025,
            "hospital_id": "AAA",
            "care_form_id": "lies",
            "cases": [10, *(r[0] for r in rows)],
            "performing_hospital_id": [None, *["BBB"] * len(rows)],
            "period_from": [None, *(r[1] for r in rows)],
            "period_to": [None, *(r[2] for r in rows)],
        }
    )
    return sheets


def test_agreement_changing_mode_within_the_year_splits_the_cases_by_days():
    """AG1 is in force 181 days of 2025 (1 Jan – 30 Jun), AG2 184 days (1 Jul – 31 Dec).
    4 cases: 4 × 181/365 = 1.98 and 4 × 184/365 = 2.02 → whole cases by largest remainder:
    1 + 2, the case left to the larger remainder (0.98, AG1): 2 under AG1 and 2 under AG2.

    ODV part: AAA declares 2 × 1,000.00 and pays BBB 2 × 700.00 = 1,400.00.
    Parallel part: AAA declares diagnostics + aftercare 2 × 300.00 = 600.00, BBB the
    intervention 2 × 700.00 = 1,400.00. Own cases: AAA 10 × 1,000.00.
    Secondment BBB → AAA: 2 × 180.00 + 2 × 270.00 = 900.00.
    """
    r = settle(load_frames(mode_change()), 2025, "volumes", strict=True)
    assert declared(r) == {"AAA": 1_000_000 + 200_000 + 60_000, "BBB": 140_000}
    assert r.lines.loc[r.lines["kind"] == "odv", "amount_cents"].tolist() == [140_000]
    assert sorted(secondment(r)) == [("BBB", "AAA", 36_000, "AG1"), ("BBB", "AAA", 54_000, "AG2")]
    realised = r.monitoring.set_index("agreement_id")["realised_cases"].to_dict()
    assert realised == {"AG1": 2.0, "AG2": 2.0}
    split = [n for n in r.notes if n.code == "settlement_note_split_part"]
    assert len(split) == 2
    assert [n.params["days"] for n in split] == [181, 184]


def test_volume_periods_name_the_agreement():
    """3 cases from January to June (AG1, odv) and 1 case from July (AG2, parallel): no split.
    ODV 3 × 700.00 = 2,100.00; secondment 3 × 180.00 + 1 × 270.00 = 810.00."""
    sheets = mode_change([(3, D(2025, 1, 1), D(2025, 6, 30)), (1, D(2025, 7, 1), D(2025, 12, 31))])
    r = settle(load_frames(sheets), 2025, "volumes", strict=True)
    assert r.lines.loc[r.lines["kind"] == "odv", "amount_cents"].tolist() == [210_000]
    assert sorted(secondment(r)) == [("BBB", "AAA", 27_000, "AG2"), ("BBB", "AAA", 54_000, "AG1")]
    # no split note; only that AG2's parallel declaration assumed every insurer's consent
    assert [n.code for n in r.notes] == ["settlement_note_consent_assumed"]


def test_registrations_monitor_both_agreements_of_the_year():
    """An ODV case in March (AG1) and a parallel pair in September (AG2): monitoring has one
    row per agreement, each with its realised case."""
    sheets = with_registrations(
        mode_change(),
        [
            ("D1", "P1", "AAA", FULL, D(2025, 3, 1), D(2025, 3, 20), "nee", None),
            ("D2", "P1", "BBB", INTERVENTION, D(2025, 3, 5), D(2025, 3, 6), "ja", "AAA"),
            ("D3", "P2", "AAA", DIAGNOSTICS, D(2025, 9, 1), D(2025, 9, 30), "nee", None),
            ("D4", "P2", "BBB", INTERVENTION, D(2025, 9, 10), D(2025, 9, 12), "nee", None),
        ],
    )
    r = settle(load_frames(sheets), 2025, "registrations", strict=True)
    realised = r.monitoring.set_index("agreement_id")["realised_cases"].to_dict()
    assert realised == {"AG1": 1.0, "AG2": 1.0}
    assert sorted(secondment(r)) == [("BBB", "AAA", 18_000, "AG1"), ("BBB", "AAA", 27_000, "AG2")]


def test_a_volume_period_outside_its_year_is_an_input_error():
    from calculator.errors import SpreidingInputError

    sheets = mode_change([(4, D(2024, 12, 1), D(2025, 1, 31))])
    with pytest.raises(SpreidingInputError) as caught:
        load_frames(sheets)
    assert [(f.sheet, f.column, f.code) for f in caught.value.findings] == [
        ("volumes", "period_from", "volume_period_outside_year")
    ]


def test_the_workbook_shows_words_not_codes(tmp_path, sample_settled):
    """Line kinds, source sheets, modes and invariant names reach the workbook in Dutch."""
    from calculator.invariants import CHECKS
    from calculator.settlement_export import write_settlement
    from messages import CATALOGUE

    assert all(f"settlement_invariant_{name}" in CATALOGUE for name in CHECKS)
    out = tmp_path / "v.xlsx"
    write_settlement(sample_settled, out)
    book = pd.read_excel(out, sheet_name=None, engine="calamine")
    lines = book["Regels"].iloc[:-1]  # the totals row last
    assert set(lines["soort"]) == {
        "ODV",
        "detachering",
        "detacheringscontract",
        "netwerkkosten",
    }
    assert set(lines["bronblad"]) == {
        "registraties",
        "productie",
        "detacheringen",
        "netwerkkosten",
    }
    monitoring = book["Monitoring"]
    agreements = monitoring.iloc[: monitoring["vorm"].isna().to_numpy().argmax()]
    assert set(agreements["vorm"]) <= {"verwijzing", "parallel declareren", "ODV"}
