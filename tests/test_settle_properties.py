"""Property tests (hypothesis): zero-sum positions, row-order independence, year splitting."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator.settle import settle
from calculator.validate import load_frames
from tests.conftest import tiny_sheets

HOSPITALS = ["AAA", "BBB", "CCC"]
PRODUCTS = ["012345678", "012345680"]  # full, intervention
# Each example validates and settles whole workbooks (about 1 s of CPU); 10 examples per property
# keep each test near 10 s. Every run draws new examples (no fixed seed), so the
# mode pairs and years are covered over the runs (a failing example is kept in .hypothesis/ and
# tried first on the next run).
SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def region(mode_ab: str, mode_bc: str) -> dict[str, pd.DataFrame]:
    sheets = tiny_sheets()
    sheets["hospitals"] = pd.DataFrame(
        {
            "hospital_id": HOSPITALS,
            "name": HOSPITALS,
            "type": ["algemeen"] * 3,
            "or_minutes": [1000] * 3,
        }
    )
    sheets["prices"] = pd.concat(
        [sheets["prices"], sheets["prices"].assign(year=2024)], ignore_index=True
    )
    sheets["agreements"] = pd.DataFrame(
        {
            "agreement_id": ["AB", "BC"],
            "care_form_id": ["lies", "lies"],
            "sending_hospital": ["AAA", "BBB"],
            "performing_hospital": ["BBB", "CCC"],
            "mode": [mode_ab, mode_bc],
            "secondment_hours_per_case": [1.25, 0.5],
            "secondment_rate": [99.99, 120.0],
            "odv_price_share": [0.93, None],
            "valid_from": [dt.date(2024, 3, 1)] * 2,
        }
    )
    sheets["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "AAA"],
            "year": [2025, 2025],
            "insurer": ["X", "Y"],
            "share": [0.3, 0.7],
            "price_factor": [0.97, 1.01],
            "revenue_cap": [1500.0, None],
            "overcap_rate": [0.1, None],
        }
    )
    return sheets


registration = st.tuples(
    st.integers(0, 5),  # patient
    st.sampled_from(HOSPITALS),
    st.sampled_from(PRODUCTS),
    st.integers(0, 500),  # start day from 2024-06-01
    st.integers(0, 60),  # length
    st.booleans(),  # odv
    st.sampled_from(HOSPITALS),  # partner
)
modes = st.sampled_from(["odv", "parallel", "referral"])


def registrations(rows: list[tuple]) -> pd.DataFrame:
    base = dt.date(2024, 6, 1)
    out = []
    for i, (patient, hospital, product, start, length, odv, partner) in enumerate(rows):
        if odv and partner == hospital:
            partner = HOSPITALS[(HOSPITALS.index(hospital) + 1) % 3]
        s = base + dt.timedelta(days=start)
        out.append(
            (
                f"D{i:03d}",
                f"P{patient}",
                hospital,
                product,
                s,
                s + dt.timedelta(days=length),
                "ja" if odv else "nee",
                partner if odv else None,
            )
        )
    return pd.DataFrame(
        out,
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


def figures(result) -> tuple:
    # the row numbers move with the shuffle; the dbc ids do not
    lines = result.lines.sort_values(["kind", "source_keys", "payer"]).reset_index(drop=True)
    return (
        result.hospitals.to_dict("records"),
        result.payments.to_dict("records"),
        lines[["kind", "payer", "payee", "amount_cents", "source_keys"]].to_dict("records"),
        sorted(result.exceptions["key"]),
        result.caps.to_dict("records"),
    )


@SETTINGS
@given(st.lists(registration, min_size=1, max_size=25), modes, modes, st.randoms())
def test_registrations_zero_sum_and_order_free(rows, mode_ab, mode_bc, rnd):
    sheets = region(mode_ab, mode_bc)
    sheets["registrations"] = registrations(rows)
    years = sorted({d.year for d in sheets["registrations"]["start_date"]})
    shuffled = dict(sheets)
    shuffled["registrations"] = sheets["registrations"].sample(
        frac=1, random_state=rnd.randint(0, 10**6)
    )
    shuffled["agreements"] = sheets["agreements"].iloc[::-1]
    wb, wb2 = load_frames(sheets), load_frames(shuffled)
    for year in years:
        a = settle(wb, year, "registrations", strict=True)  # strict: invariants raise
        assert a.hospitals["net_position_cents"].sum() == 0
        assert len(a.payments) <= len(HOSPITALS) - 1
        assert figures(a) == figures(settle(wb2, year, "registrations", strict=True))


flow = st.tuples(
    st.sampled_from([2024, 2025]),
    st.sampled_from(HOSPITALS),
    st.sampled_from(HOSPITALS),
    st.integers(0, 40) | st.floats(0, 40, width=16),
)


@SETTINGS
@given(st.lists(flow, min_size=1, max_size=12, unique_by=lambda f: f[:3]), modes, modes)
def test_volumes_split_by_year_gives_the_same_totals(flows, mode_ab, mode_bc):
    sheets = region(mode_ab, mode_bc)
    sheets["volumes"] = pd.DataFrame(
        [(y, s, "lies", float(c), p) for y, s, p, c in flows],
        columns=["year", "hospital_id", "care_form_id", "cases", "performing_hospital_id"],
    )
    whole = load_frames(sheets)
    for year in sorted({f[0] for f in flows}):
        part = dict(sheets)
        part["volumes"] = sheets["volumes"][sheets["volumes"]["year"] == year]
        a = settle(whole, year, "volumes", strict=True)
        b = settle(load_frames(part), year, "volumes", strict=True)
        assert a.hospitals["net_position_cents"].sum() == 0
        assert a.hospitals.to_dict("records") == b.hospitals.to_dict("records")
        assert a.payments.to_dict("records") == b.payments.to_dict("records")
