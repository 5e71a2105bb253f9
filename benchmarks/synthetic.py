"""A large synthetic region for benchmarks, generated with numpy (fixed seed).

``write_region(folder, registrations=1_000_000)`` writes a CSV folder with the small sheets and
``registrations.parquet``; about a quarter of the registrations are ODV dummy rows matched to a
declared DBC of the partner hospital.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from calculator.schema import SHEETS_BY_NAME

HOSPITALS = 30
CARE_FORMS = 20


def small_sheets() -> dict[str, pd.DataFrame]:
    hospitals = [f"H{i:02d}" for i in range(HOSPITALS)]
    care_forms = [f"cf{i:02d}" for i in range(CARE_FORMS)]
    products, prices = [], []
    for i, cf in enumerate(care_forms):
        for j, comp in enumerate(("full", "intervention")):
            code = f"0{i:04d}{j:04d}"
            products.append((code, f"{cf} {comp}", cf, comp))
            prices.append((code, 2025, round(1000 + 137.31 * i + 11.07 * j, 2)))
    agreements = []
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
    return {
        "hospitals": pd.DataFrame(
            {"hospital_id": hospitals, "name": hospitals, "type": "algemeen", "or_minutes": 500_000}
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
    """n registrations: 3/4 declared DBCs, 1/4 ODV rows at the agreed performer."""
    rng = np.random.default_rng(seed)
    n_odv = n // 4
    n_decl = n - n_odv
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
            "insurer": None,
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
    out = pd.concat([decl, odv], ignore_index=True)
    out["insurer"] = out["insurer"].astype("str")
    out["partner_hospital"] = out["partner_hospital"].astype("str")
    return out


def write_region(folder: Path, n_registrations: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in small_sheets().items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    registrations(n_registrations).to_parquet(folder / "registrations.parquet", index=False)
    return folder
