"""Insurer consent to parallel declaration (issue 20, item 1): golden cases by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calculator.consent import Consents
from calculator.settle import settle
from calculator.validate import load_frames
from tests.conftest import tiny_sheets
from tests.test_settle_findings import DIA, ING, registrations

D = dt.date


def mixed(consents: bool = True):
    """AAA sends 10 lies cases to BBB under parallel agreement AG1 (2 h × € 100 secondment per
    case) and performs 10 itself. AAA's insurers: Z0 share 0.6, Z1 share 0.4 (factor 1); BBB has
    no contracts. Z0 consented, Z1 did not (fallback ODV). Prices: full € 1.000, diagnostics
    € 200, intervention € 700, aftercare € 100."""
    s = tiny_sheets()
    s["volumes"] = s["volumes"].assign(cases=[10, 10])
    s["agreements"] = s["agreements"].assign(
        mode="parallel", secondment_hours_per_case=[2.0], secondment_rate=[100.0]
    )
    s["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": "AAA",
            "year": 2025,
            "insurer": ["Z0", "Z1"],
            "share": [0.6, 0.4],
            "price_factor": 1.0,
        }
    )
    if consents:
        s["insurer_consents"] = pd.DataFrame(
            {
                "agreement_id": ["AG1", "AG1"],
                "insurer": ["Z0", "Z1"],
                "consent": ["ja", "nee"],
                "valid_from": [None, None],
                "fallback_mode": [None, "odv"],
            }
        )
    return s


def test_mixed_insurers_under_one_parallel_agreement_from_volumes():
    """Z0's 10 × 0,6 = 6 cases settle parallel: AAA declares diagnostics + aftercare
    6 × (200 + 100) = € 1.800 to Z0, BBB the intervention 6 × € 700 = € 4.200 (no contract
    with Z0: under (overig)). Z1's 4 cases settle as ODV: AAA declares the full product
    4 × € 1.000 = € 4.000 to Z1 and pays BBB 4 × € 700 = € 2.800. AAA's own 10 cases:
    Z0 € 6.000, Z1 € 4.000. Secondment: all 10 moved cases × € 200 = € 2.000 from BBB to AAA.
    AAA: Z0 € 7.800, Z1 € 8.000; net position AAA −2.800 + 2.000 = −€ 800."""
    r = settle(load_frames(mixed()), 2025, "volumes", strict=True)
    declared = r.caps.set_index(["hospital_id", "insurer"])["declared_cents"].to_dict()
    assert declared == {
        ("AAA", "Z0"): 780_000,
        ("AAA", "Z1"): 800_000,
        ("BBB", "(overig)"): 420_000,
    }
    kinds = r.lines.groupby(["kind", "payer", "payee"])["amount_cents"].sum().to_dict()
    assert kinds == {("odv", "AAA", "BBB"): 280_000, ("secondment", "BBB", "AAA"): 200_000}
    assert r.hospitals.set_index("hospital_id").at["AAA", "net_position_cents"] == -80_000
    assert [n.code for n in r.notes] == ["settlement_note_consent_fallback"]
    assert r.notes[0].params["cases"] == 4.0
    m = r.monitoring_insurers.set_index("insurer")
    assert m["realised_cases"].to_dict() == {"Z0": 6.0, "Z1": 4.0}
    assert m["consent"].to_dict() == {"Z0": "given", "Z1": "withheld"}
    assert r.monitoring.set_index("agreement_id").at["AG1", "realised_cases"] == 10


def test_a_referral_fallback_lets_the_performer_declare_the_full_product():
    """As above, but Z1's fallback is referral: BBB declares the full product 4 × € 1.000 =
    € 4.000 (under (overig)) beside the intervention € 4.200; no ODV line."""
    s = mixed()
    s["insurer_consents"]["fallback_mode"] = [None, "referral"]
    r = settle(load_frames(s), 2025, "volumes", strict=True)
    declared = r.caps.set_index(["hospital_id", "insurer"])["declared_cents"].to_dict()
    assert declared == {
        ("AAA", "Z0"): 780_000,
        ("AAA", "Z1"): 400_000,
        ("BBB", "(overig)"): 820_000,
    }
    assert set(r.lines["kind"]) == {"secondment"}


def test_a_parallel_pair_declared_to_an_insurer_without_consent_is_an_exception():
    """Registrations: P1 (insurer Z0, consented) AAA diagnostics + BBB intervention: a moved
    case, secondment € 200. P2 (insurer Z1, no consent): the same pair is an exception; the
    amount at risk is BBB's intervention DBC, € 700 (BBB has no contract: factor 1); its
    secondment is not settled."""
    s = mixed()
    s["registrations"] = registrations(
        [
            ("A1", "P1", "AAA", DIA, "Z0", D(2025, 3, 1), D(2025, 5, 1), "nee", None),
            ("B1", "P1", "BBB", ING, "Z0", D(2025, 3, 10), D(2025, 3, 10), "nee", None),
            ("A2", "P2", "AAA", DIA, "Z1", D(2025, 4, 1), D(2025, 6, 1), "nee", None),
            ("B2", "P2", "BBB", ING, "Z1", D(2025, 4, 10), D(2025, 4, 10), "nee", None),
        ]
    )
    r = settle(load_frames(s), 2025, "registrations", strict=True)
    exc = r.exceptions[r.exceptions["kind"] == "parallel_without_consent"]
    assert list(exc["key"]) == ["A2 / B2"]
    assert exc["params"].iloc[0]["at_risk_cents"] == 70_000
    assert "zonder toestemming van verzekeraar Z1" in exc["message"].iloc[0]
    assert "€ 700,00" in exc["message"].iloc[0]
    assert r.lines[["kind", "amount_cents"]].values.tolist() == [["secondment", 20_000]]
    m = r.monitoring_insurers.set_index("insurer")
    assert m["realised_cases"].to_dict() == {"Z0": 1.0, "Z1": 1.0}


def test_without_the_sheet_consent_is_assumed_and_said():
    """No ``insurer_consents``: all 10 cases parallel (AAA 10 × € 300 = € 3.000 spread
    0,6/0,4 plus its own € 10.000), and one note naming the agreement."""
    r = settle(load_frames(mixed(consents=False)), 2025, "volumes", strict=True)
    assert [n.code for n in r.notes] == ["settlement_note_consent_assumed"]
    assert r.notes[0].params == {"agreements": "AG1"}
    assert r.hospitals.set_index("hospital_id").at["AAA", "insurer_declared_cents"] == 1_300_000
    assert set(r.monitoring_insurers["consent"]) == {"assumed"}


def test_consent_counts_the_days_it_is_given():
    """Z1 withheld, then consented from 2 July: 2 July – 31 December is 183 days of 365; a
    withdrawal on 1 October leaves 2 July – 30 September, 91 days. Names match without case."""
    sheet = pd.DataFrame(
        {
            "agreement_id": ["AG1", "AG1", "AG1"],
            "insurer": ["Z1", "z1 ", "Z1"],
            "consent": [False, True, False],
            "valid_from": pd.to_datetime([None, "2025-07-02", "2025-10-01"]),
            "fallback_mode": ["odv", "odv", "referral"],
        }
    )
    c = Consents.of(sheet)
    year = (D(2025, 1, 1), D(2025, 12, 31))
    assert c.days_given("AG1", "Z1", *year) == 91
    assert c.given("AG1", "Z1", D(2025, 8, 1)) and not c.given("AG1", "Z1", D(2025, 10, 1))
    assert c.fallback("AG1", "Z1") == "referral"
    assert c.days_given("OTHER", "Z1", *year) == 365  # not listed: assumed
