"""A large synthetic region for benchmarks, generated with numpy (fixed seed).

``write_region(folder, registrations=1_000_000)`` writes a CSV folder with the small sheets and
``registrations.parquet``. About a quarter of the registrations are ODV dummy rows matched to a
declared DBC of the partner hospital; 0.5 % are a second DBC of one patient at a hospital with a
parallel agreement that performs the intervention, 0.2 % a full DBC at a hospital without an
agreement (a double declaration). Declared DBCs name
one of three contracted insurers, an insurer without a contract, or none (spread by share); the
largest insurer's revenue is capped at the even-numbered hospitals.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from calculator.schema import SHEETS_BY_NAME

HOSPITALS = 30
CARE_FORMS = 20
INSURERS = ["ZA", "ZB", "ZC"]  # contracted at every hospital
# insurer named on a declared DBC: contracted, without a contract ((overig)), or none (spread)
NAMED = (["ZA", "ZB", "ZC", "ZX", None], [0.3, 0.2, 0.1, 0.05, 0.35])


def small_sheets() -> dict[str, pd.DataFrame]:
    hospitals = [f"H{i:02d}" for i in range(HOSPITALS)]
    care_forms = [f"cf{i:02d}" for i in range(CARE_FORMS)]
    products, prices = [], []
    for i, cf in enumerate(care_forms):
        for j, comp in enumerate(("full", "intervention")):
            code = f"0{i:04d}{j:04d}"
            products.append((code, f"{cf} {comp}", cf, comp))
            prices.append((code, 2025, round(1000 + 137.31 * i + 11.07 * j, 2)))
    agreements: list[tuple] = []
    for i, cf in enumerate(care_forms):  # each hospital sends each care form to its neighbour
        for h in range(HOSPITALS):
            agreements.append(
                (
                    f"A{i:02d}-{h:02d}",
                    cf,
                    hospitals[h],
                    hospitals[(h + 1 + i) % HOSPITALS],
                    "odv",
                    None,
                    0.9,
                    None,
                    1.5,
                    110.0,
                    dt.date(2024, 1, 1),
                    None,
                    100,
                )
            )
    for i, cf in enumerate(care_forms):  # and shares a few patients with the next but one
        for h in range(HOSPITALS):
            agreements.append(
                (
                    f"P{i:02d}-{h:02d}",
                    cf,
                    hospitals[h],
                    hospitals[(h + 2 + i) % HOSPITALS],
                    "parallel",
                    None,
                    None,
                    None,
                    2.0,
                    95.5,
                    dt.date(2024, 1, 1),
                    None,
                    10,
                )
            )
    contracts = [
        (h, 2025, insurer, share, factor, cap if k % 2 == 0 and insurer == "ZA" else None, rate)
        for k, h in enumerate(hospitals)
        for insurer, share, factor, cap, rate in (
            ("ZA", 0.5, 0.97, 20_000_000.0, 0.1),
            ("ZB", 0.3, 1.0, None, None),
            ("ZC", 0.2, 1.025, None, None),
        )
    ]
    return {
        "hospitals": pd.DataFrame(
            {"hospital_id": hospitals, "name": hospitals, "type": "algemeen", "or_minutes": 500_000}
        ),
        "insurer_contracts": pd.DataFrame(
            contracts,
            columns=[
                "hospital_id",
                "year",
                "insurer",
                "share",
                "price_factor",
                "revenue_cap",
                "overcap_rate",
            ],
        ),
        "care_forms": pd.DataFrame(
            {"care_form_id": care_forms, "name": care_forms, "or_minutes_per_case": 90}
        ),
        "products": pd.DataFrame(
            products, columns=["product_code", "description", "care_form_id", "component"]
        ),
        "prices": pd.DataFrame(prices, columns=["product_code", "year", "benchmark_price"]),
        "indexation": pd.DataFrame({"year": [2026], "rate": [0.03]}),
        "agreements": pd.DataFrame(agreements, columns=list(SHEETS_BY_NAME["agreements"].names)),
    }


def registrations(n: int, seed: int = 7) -> pd.DataFrame:
    """n registrations: declared DBCs, 1/4 ODV rows at the agreed performer, 0.5 % parallel
    DBCs and 0.2 % double declarations of a patient at a second hospital."""
    rng = np.random.default_rng(seed)
    n_odv, n_par, n_dup = n // 4, n // 200, n // 500
    n_decl = n - n_odv - n_par - n_dup
    hospital = rng.integers(0, HOSPITALS, n_decl)
    care_form = rng.integers(0, CARE_FORMS, n_decl)
    start = pd.Timestamp(2025, 1, 1) + pd.to_timedelta(rng.integers(0, 300, n_decl), unit="D")
    length = pd.to_timedelta(rng.integers(1, 60, n_decl), unit="D")
    patient = np.arange(n_decl)
    with_odv = rng.choice(n_decl, n_odv, replace=False)
    odv_start = start[with_odv] + pd.to_timedelta(
        (rng.random(n_odv) * (length[with_odv].days.to_numpy())).astype(int), unit="D"
    )
    performer = (hospital[with_odv] + 1 + care_form[with_odv]) % HOSPITALS
    decl = pd.DataFrame(
        {
            "dbc_id": [f"D{i:08d}" for i in range(n_decl)],
            "patient_id": [f"P{p:08d}" for p in patient],
            "hospital_id": [f"H{h:02d}" for h in hospital],
            "product_code": [f"0{c:04d}0000" for c in care_form],
            "insurer": rng.choice(np.array(NAMED[0], dtype=object), n_decl, p=NAMED[1]),
            "start_date": start,
            "end_date": start + length,
            "odv": False,
            "partner_hospital": None,
        }
    )
    odv = pd.DataFrame(
        {
            "dbc_id": [f"O{i:08d}" for i in range(n_odv)],
            "patient_id": decl["patient_id"].to_numpy()[with_odv],
            "hospital_id": [f"H{h:02d}" for h in performer],
            "product_code": [f"0{c:04d}0001" for c in care_form[with_odv]],
            "insurer": None,
            "start_date": odv_start,
            "end_date": odv_start + pd.Timedelta(days=1),
            "odv": True,
            "partner_hospital": decl["hospital_id"].to_numpy()[with_odv],
        }
    )
    second = rng.choice(n_decl, n_par + n_dup, replace=False)
    offset = np.where(np.arange(n_par + n_dup) < n_par, 2, 3)  # parallel agreement, or none
    other = decl.iloc[second]
    other = other.assign(  # the parallel performer holds the intervention
        dbc_id=[f"S{i:08d}" for i in range(n_par + n_dup)],
        product_code=[f"0{c:04d}000{int(k < n_par)}" for k, c in enumerate(care_form[second])],
        hospital_id=[
            f"H{h:02d}" for h in (hospital[second] + offset + care_form[second]) % HOSPITALS
        ],
        start_date=other["start_date"] + pd.Timedelta(days=1),
        end_date=other["start_date"] + pd.Timedelta(days=10),
    )
    out = pd.concat([decl, odv, other], ignore_index=True)
    out["insurer"] = out["insurer"].astype("str")
    out["partner_hospital"] = out["partner_hospital"].astype("str")
    return out


def write_region(folder: Path, n_registrations: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in small_sheets().items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    registrations(n_registrations).to_parquet(folder / "registrations.parquet", index=False)
    return folder
