"""The seven findings of issue 20, each with its reproducer: a small workbook built by hand and
the figures computed by hand in the docstring."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from calculator.errors import SpreidingInputError
from calculator.settle import settle
from calculator.validate import load_frames
from messages import text
from optimizer.projection import project
from tests.conftest import tiny_sheets

FULL, DIA, ING, NAZ = "012345678", "012345679", "012345680", "012345681"
D = dt.date


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
            "partner_hospital",
        ],
    )


def test_projection_without_contracts_indexes_the_price():
    """No ``insurer_contracts`` at all; indexation 2026 5 %. The tiny region: AAA performs 10
    own cases, sends 4 to BBB under ODV (full € 1.000, intervention € 700 in 2025).

    2026 (no growth): full 1.000 × 1,05 = € 1.050, intervention 700 × 1,05 = € 735.
    AAA declares 14 × € 1.050 = € 14.700; ODV 4 × € 735 = € 2.940 from AAA to BBB.
    Before: exit 3, ``KeyError: 2026`` (2026 was not among the tariff years).
    """
    s = tiny_sheets()
    s["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.05]})
    p = project(load_frames(s), 2025, 2026)
    y = p.hospitals[p.hospitals["year"] == 2026].set_index("hospital_id")
    assert y.at["AAA", "revenue_cents"] == 1_470_000
    assert y.at["AAA", "settlement_cents"] == -294_000
    assert y.at["BBB", "settlement_cents"] == 294_000


def test_an_ended_agreement_without_a_share_returns_its_cases_home():
    """Referral AAA → BBB without ``share``, valid to 31-12-2025; 2025: AAA 20 own, 10 at BBB.

    2026: no agreement in force, so the 10 cases return home: AAA performs 30, BBB 0, with a
    note. Before: the 10 stayed at BBB in 2026 without a word.
    """
    s = tiny_sheets()
    s["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.0]})
    s["agreements"] = s["agreements"].assign(
        mode="referral", share=[None], valid_to=[D(2025, 12, 31)]
    )
    s["volumes"] = s["volumes"].assign(cases=[20, 10])
    p = project(load_frames(s), 2025, 2026)
    f = p.flows[p.flows["year"] == 2026]
    cases = {
        (a, b): float(n)
        for a, b, n in f[["sending_hospital", "performing_hospital", "cases"]].itertuples(
            index=False
        )
    }
    assert cases.get(("AAA", "AAA")) == 30
    assert cases.get(("AAA", "BBB"), 0) == 0
    assert any(code == "proj_note_agreement_ended" for code, _ in p.notes)
    # 2025 itself keeps its 10 at BBB (the agreement is in force then)
    f25 = p.flows[p.flows["year"] == 2025]
    at_b = f25[f25["performing_hospital"] == "BBB"]["cases"]
    assert float(at_b.sum()) == 10


def parallel_sheets():
    s = tiny_sheets()
    s["agreements"] = s["agreements"].assign(
        mode="parallel", secondment_hours_per_case=[2.0], secondment_rate=[100.0]
    )
    return s


def test_full_beside_the_intervention_under_a_parallel_agreement_is_an_exception():
    """Parallel AAA → BBB (2 h × € 100 secondment per case). Patient P1: AAA declares the full
    product (€ 1.000), BBB the intervention (€ 700), overlapping. The insurer pays the
    intervention twice: an exception, no moved case and no secondment (€ 200 before)."""
    s = parallel_sheets()
    s["registrations"] = registrations(
        [
            ("A1", "P1", "AAA", FULL, "Z", D(2025, 3, 1), D(2025, 5, 1), "nee", None),
            ("B1", "P1", "BBB", ING, "Z", D(2025, 3, 10), D(2025, 3, 20), "nee", None),
        ]
    )
    r = settle(load_frames(s), 2025, "registrations", strict=True)
    exc = r.exceptions[r.exceptions["kind"] == "parallel_full_and_intervention"]
    assert list(exc["key"]) == ["A1 / B1"]
    assert "betaalt de ingreep dubbel" in exc["message"].iloc[0]
    assert r.lines.empty
    assert r.monitoring.set_index("agreement_id").at["AG1", "realised_cases"] == 0
    # the declared revenue is still what each declared: 1.000 + 700
    assert int(r.hospitals["insurer_declared_cents"].sum()) == 170_000


def test_diagnostics_beside_the_intervention_stays_a_moved_case():
    """The rule's counterpart: AAA declares diagnostics (€ 200), BBB the intervention: one moved
    case, secondment 2 × € 100 = € 200 from BBB to AAA, no exception."""
    s = parallel_sheets()
    s["registrations"] = registrations(
        [
            ("A1", "P1", "AAA", DIA, "Z", D(2025, 3, 1), D(2025, 5, 1), "nee", None),
            ("B1", "P1", "BBB", ING, "Z", D(2025, 3, 10), D(2025, 3, 20), "nee", None),
        ]
    )
    r = settle(load_frames(s), 2025, "registrations", strict=True)
    assert r.exceptions.empty
    assert r.lines[["kind", "payer", "payee", "amount_cents"]].values.tolist() == [
        ["secondment", "BBB", "AAA", 20_000]
    ]


def three_hospitals(s):
    s["hospitals"] = pd.concat(
        [
            s["hospitals"],
            pd.DataFrame(
                {
                    "hospital_id": ["CCC"],
                    "name": ["Ziekenhuis C"],
                    "type": ["algemeen"],
                    "or_minutes": [5000],
                }
            ),
        ],
        ignore_index=True,
    )
    return s


def test_combined_run_settles_a_pair_registrations_do_not_cover_from_volumes():
    """ODV AAA → BBB: 12 cases on ``volumes`` (and AAA 10 own); the registrations of 2025 hold
    only a DBC of CCC. Default (combined) run: the pair is settled from volumes with a note:
    ODV 12 × € 700 = € 8.400 from AAA to BBB; AAA declares the full product for them:
    12 × € 1.000 = € 12.000 (its own 10 are not an agreement's and stay with registrations:
    CCC's one DBC € 1.000). Before: no ODV line, no exception."""
    s = three_hospitals(tiny_sheets())
    s["volumes"] = s["volumes"].assign(cases=[10, 12])
    s["registrations"] = registrations(
        [("C1", "P9", "CCC", FULL, "Z", D(2025, 3, 1), D(2025, 3, 2), "nee", None)]
    )
    r = settle(load_frames(s), 2025, strict=True)
    assert r.source == "combined"
    odv = r.lines[r.lines["kind"] == "odv"]
    assert odv[["payer", "payee", "count", "amount_cents"]].values.tolist() == [
        ["AAA", "BBB", 12.0, 840_000]
    ]
    declared = r.hospitals.set_index("hospital_id")["insurer_declared_cents"].to_dict()
    assert declared == {"AAA": 1_200_000, "BBB": 0, "CCC": 100_000}
    assert [n.code for n in r.notes] == ["settlement_note_from_volumes"]
    assert r.monitoring.set_index("agreement_id").at["AG1", "realised_cases"] == 12


def test_combined_run_lists_an_agreement_whose_sources_disagree():
    """ODV AAA → BBB: 4 cases on ``volumes``; the registrations show 1 (a declared DBC at AAA
    with BBB's ODV DBC). Settled from registrations (ODV 1 × € 700 = € 700) and one exception
    for the agreement: registrations 1, volumes 4."""
    s = tiny_sheets()
    s["registrations"] = registrations(
        [
            ("A1", "P1", "AAA", FULL, "Z", D(2025, 3, 1), D(2025, 5, 1), "nee", None),
            ("B1", "P1", "BBB", ING, None, D(2025, 3, 10), D(2025, 3, 10), "ja", "AAA"),
        ]
    )
    r = settle(load_frames(s), 2025, strict=True)
    assert int(r.lines.loc[r.lines["kind"] == "odv", "amount_cents"].sum()) == 70_000
    exc = r.exceptions[r.exceptions["kind"] == "sources_disagree"]
    assert list(exc["key"]) == ["AG1"]
    assert exc["params"].iloc[0]["registrations"] == 1
    assert exc["params"].iloc[0]["volumes"] == 4


def contracts(hospital, shares, factors):
    return pd.DataFrame(
        {
            "hospital_id": hospital,
            "year": 2025,
            "insurer": [f"Z{i}" for i in range(len(shares))],
            "share": shares,
            "price_factor": factors,
        }
    )


def test_shares_summing_to_0_999_in_decimals_are_accepted():
    """0.4995 + 0.2997 + 0.1998 = 0.999 exactly, inside 1 ± 0.001; in binary floating point the
    sum is 0.99899999…, and it was refused."""
    s = tiny_sheets()
    s["insurer_contracts"] = contracts("AAA", [0.4995, 0.2997, 0.1998], [1.0, 1.0, 1.0])
    wb = load_frames(s)
    assert len(wb.insurer_contracts) == 3


def test_a_share_sum_outside_the_tolerance_names_it_with_three_decimals():
    """0.5 + 0.4 = 0.9: refused, and the message says ±0,001 (it said ±0,00)."""
    s = tiny_sheets()
    s["insurer_contracts"] = contracts("AAA", [0.5, 0.4], [1.0, 1.0])
    with pytest.raises(SpreidingInputError) as e:
        load_frames(s)
    found = [f for f in e.value.findings if f.code == "contract_shares_sum"]
    assert len(found) == 1
    assert "(±0,001)" in text(found[0].code, "nl", **found[0].params)
    assert found[0].value == "0.9"


def test_one_share_weighted_price_for_spread_cases_and_a_blank_insurer():
    """AAA: Z0 share 0.6 factor 1.00, Z1 share 0.4 factor 0.95; full product € 1.000,26.

    Contract unit prices: 1.000,26 and 1.000,26 × 0,95 = 950,247 → 950,25.
    Weighted: 0,6 × 1.000,26 + 0,4 × 950,25 = 600,156 + 380,10 = 980,256 → € 980,26.
    Volumes, 1 own case: 1 × 980,26 = € 980,26 (Z0 600,16, Z1 380,10 by largest remainder).
    A registration without insurer: the same € 980,26 under ``(overig)``; before, it was priced
    at the weighted factor 0,98 × 1.000,26 = 980,2548 → € 980,25, a cent apart.
    """
    s = tiny_sheets()
    s["prices"].loc[s["prices"]["product_code"] == FULL, "benchmark_price"] = 1000.26
    s["volumes"] = s["volumes"].iloc[:1].assign(cases=[1])
    s["insurer_contracts"] = contracts("AAA", [0.6, 0.4], [1.0, 0.95])
    s["registrations"] = registrations(
        [("A1", "P1", "AAA", FULL, None, D(2025, 3, 1), D(2025, 3, 2), "nee", None)]
    )
    wb = load_frames(s)
    by_volumes = settle(wb, 2025, "volumes", strict=True)
    caps = by_volumes.caps.set_index("insurer")["declared_cents"].to_dict()
    assert caps == {"Z0": 60_016, "Z1": 38_010}
    assert sum(caps.values()) == 98_026
    by_dbc = settle(wb, 2025, "registrations", strict=True)
    assert by_dbc.caps.set_index("insurer")["declared_cents"].to_dict() == {"(overig)": 98_026}
