"""The optimizer's national instances: the synthetic stress case (70 hospitals, 150 care forms,
all 70 origins, norms on 40 care forms, fixed seed) and the real one of the Netherlands
(``calculator/national_sample.py``: 110 inpatient locations, five oncological care forms)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

N_HOSPITALS = 70
N_CARE_FORMS = 150
N_NORMS = 40


def national_sheets(
    seed: int = 11,
    n_hospitals: int = N_HOSPITALS,
    n_care_forms: int = N_CARE_FORMS,
    n_norms: int = N_NORMS,
) -> dict[str, pd.DataFrame]:
    """The national instance; smaller sizes give a reduced instance of the same make (tests)."""
    N_HOSPITALS, N_CARE_FORMS, N_NORMS = n_hospitals, n_care_forms, n_norms  # noqa: N806
    rng = np.random.default_rng(seed)
    ids = [f"Z{i:02d}" for i in range(N_HOSPITALS)]
    n_umc, n_top = max(1, N_HOSPITALS // 10), max(1, (N_HOSPITALS * 2) // 7)
    types = ["umc"] * n_umc + ["topklinisch"] * n_top + ["algemeen"] * (N_HOSPITALS - n_umc - n_top)
    size = np.where(
        np.array(types) == "umc", 1.6, np.where(np.array(types) == "topklinisch", 1.1, 0.7)
    )
    cf_ids = [f"zv{i:03d}" for i in range(N_CARE_FORMS)]
    minutes = rng.integers(45, 300, N_CARE_FORMS)
    los = np.round(rng.uniform(0, 5, N_CARE_FORMS), 1)
    norms = np.zeros(N_CARE_FORMS, dtype=int)
    norm_forms = rng.choice(N_CARE_FORMS, N_NORMS, replace=False)
    norms[norm_forms] = rng.integers(5, 25, N_NORMS)
    allowed: list[str | None] = [None] * N_CARE_FORMS
    for i in norm_forms[: (N_NORMS * 3) // 8]:
        allowed[i] = "umc,topklinisch"
    base = rng.uniform(5, 60, N_CARE_FORMS)
    rows = []
    for h, s in zip(ids, size, strict=True):
        cases = rng.poisson(np.outer([s], base)[0])
        for c, n in zip(cf_ids, cases, strict=True):
            if n:
                rows.append((2026, h, c, float(n)))
    volumes = pd.DataFrame(rows, columns=["year", "hospital_id", "care_form_id", "cases"])
    # general hospitals lie in the region of a larger one (within about 30 km)
    lat = rng.uniform(51.3, 53.2, N_HOSPITALS)
    lon = rng.uniform(4.0, 6.8, N_HOSPITALS)
    anchor = rng.integers(0, n_umc + n_top, N_HOSPITALS)
    general = np.arange(N_HOSPITALS) >= n_umc + n_top
    lat[general] = lat[anchor[general]] + rng.uniform(-0.2, 0.2, general.sum())
    lon[general] = lon[anchor[general]] + rng.uniform(-0.3, 0.3, general.sum())
    use = volumes.merge(pd.DataFrame({"care_form_id": cf_ids, "m": minutes}), on="care_form_id")
    need = (use["cases"] * use["m"]).groupby(use["hospital_id"]).sum()
    headroom = rng.uniform(1.0, 1.3, N_HOSPITALS)
    hospitals = pd.DataFrame(
        {
            "hospital_id": ids,
            "name": ids,
            "type": types,
            "or_minutes": [
                round(need.get(h, 0) * f, -2) for h, f in zip(ids, headroom, strict=True)
            ],
            "lat": lat,
            "lon": lon,
        }
    )
    care_forms = pd.DataFrame(
        {
            "care_form_id": cf_ids,
            "name": cf_ids,
            "or_minutes_per_case": minutes,
            "los_days": los,
            "volume_norm": norms,
            "allowed_types": allowed,
            "variable_cost_share": 0.4,
        }
    )
    products = pd.DataFrame(
        {
            "product_code": [f"1{i:08d}" for i in range(N_CARE_FORMS)],
            "description": cf_ids,
            "care_form_id": cf_ids,
            "component": "full",
        }
    )
    prices = pd.DataFrame(
        {
            "product_code": products["product_code"],
            "year": 2026,
            "benchmark_price": np.round(rng.uniform(1500, 25000, N_CARE_FORMS), 2),
        }
    )
    agreements = pd.DataFrame(
        {
            "agreement_id": ["X"],
            "care_form_id": [cf_ids[0]],
            "sending_hospital": [ids[0]],
            "performing_hospital": [ids[1]],
            "mode": ["referral"],
            "valid_from": [dt.date(2026, 1, 1)],
        }
    )
    return {
        "hospitals": hospitals,
        "care_forms": care_forms,
        "products": products,
        "prices": prices,
        "volumes": volumes,
        "agreements": agreements,
    }


def proposal_run() -> dict[str, object]:
    """The agreement-gated national instance (one agreement) answered with proposals: the
    gated solve, stage 1 (fewest new agreements within 60 minutes), stage 2 (the normal objective
    with them), HiGHS to a 1 % gap; the whole run against the single free-moves solve."""
    import time

    from calculator.validate import load_frames
    from optimizer.inputs import Options
    from optimizer.optimize import optimize

    wb = load_frames(national_sheets(), "national")
    t0 = time.perf_counter()
    result = optimize(wb, 2026, Options(gap=0.01, time_limit=300))
    total = time.perf_counter() - t0
    return {
        "total_s": total,
        **{f"{k}_s": v for k, v in result.seconds.items()},
        "status": result.status,
        "proposals": len(result.proposals),
        "cases_on_proposals": float(result.proposals["cases"].sum()),
        "candidate_arcs": result.size.get("candidate_arcs", 0),
    }


# The Netherlands: free moves (or proposals) within 90 minutes — with proposals within 60 the
# 2026 norms cannot all be met within the capacities (the optimizer says infeasible, and why).
NL_TRAVEL = 90


def nl_run() -> dict[str, object]:
    """The Netherlands, 2026: free moves within 90 minutes, HiGHS to a 1 % gap; then the
    agreement-gated run answered with proposals within 90 minutes."""
    import time

    from calculator.national_sample import YEAR, build_national
    from calculator.validate import load_frames
    from optimizer.inputs import Options
    from optimizer.optimize import optimize

    t0 = time.perf_counter()
    wb = load_frames(build_national(), "nederland")
    built = time.perf_counter() - t0
    t1 = time.perf_counter()
    free = optimize(wb, YEAR, Options(free_moves=True, max_travel=NL_TRAVEL, gap=0.01))
    t2 = time.perf_counter()
    gated = optimize(wb, YEAR, Options(max_travel=NL_TRAVEL, gap=0.01))
    t3 = time.perf_counter()
    return {
        "instance_s": built,
        "hospitals": len(wb.hospitals),
        "care_forms": len(wb.care_forms),
        "free_s": t2 - t1,
        "free_status": free.status,
        "free_gap_pct": None if free.gap is None else 100 * free.gap,
        "free_seconds": free.seconds,
        "size": free.size,
        "moved": float(free.story.region.get("cases_moved", 0)) if free.story else None,
        "gated_s": t3 - t2,
        "gated_status": gated.status,
        "proposals": len(gated.proposals),
    }


def nl_sweep() -> dict[str, object]:
    """11 lung-surgery norms (30:80:5; 50 until 2025, 60 from 2026) on the Netherlands, free
    moves within 90 minutes, against one build and solve of the same model."""
    import time

    from calculator.national_sample import YEAR, build_national
    from calculator.validate import load_frames
    from optimizer.build import build
    from optimizer.inputs import Options, prepare
    from optimizer.solver import solve_model
    from optimizer.sweep import sweep

    wb = load_frames(build_national(), "nederland")
    options = Options(free_moves=True, max_travel=NL_TRAVEL, gap=0.01, time_limit=300)
    t0 = time.perf_counter()
    status, _ = solve_model(build(prepare(wb, YEAR, options)), options)
    one = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = sweep(wb, YEAR, "long", list(range(30, 81, 5)), options)
    many = time.perf_counter() - t1
    p = result.points
    return {
        "care_form": "long",
        "one_solve_s": one,
        "one_status": status,
        "sweep_s": many,
        "ratio": many / one,
        "workers": result.workers,
        "hospitals": "/".join(str(v) for v in p["hospitals_performing"].tolist()),
        "statuses": sorted(set(p["status"].astype(str))),
    }
