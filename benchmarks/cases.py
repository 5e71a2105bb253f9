"""The benchmark cases; each runs in its own process so its peak memory is its own."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).parent / "data"


def settle_registrations(n: int = 1_000_000) -> dict[str, float]:
    """Read a CSV folder with registrations.parquet, validate, match, price, net (SPEC §10)."""
    from benchmarks.synthetic import write_region
    from calculator.settle import settle
    from calculator.validate import load

    folder = DATA / f"region_{n}"
    if not (folder / "registrations.parquet").exists():
        write_region(folder, n)
    t0 = time.perf_counter()
    wb = load(folder)
    t1 = time.perf_counter()
    result = settle(wb, 2025, "registrations", strict=True)
    t2 = time.perf_counter()
    odv = int((result.lines["kind"] == "odv").sum())
    return {
        "read_validate_s": t1 - t0,
        "settle_s": t2 - t1,
        "total_s": t2 - t0,
        "registrations": n,
        "odv_lines": odv,
    }


def read_registrations_sheet(n: int = 200_000) -> dict[str, float]:
    """Excel and CSV read + validation of a workbook with an n-row registrations sheet."""
    from benchmarks.synthetic import registrations, small_sheets
    from calculator.validate import load
    from calculator.xlsx_writer import SheetOut, write_book

    xlsx = DATA / f"book_{n}.xlsx"
    csv = DATA / f"csv_{n}"
    if not xlsx.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        sheets = small_sheets()
        regs = registrations(n)
        regs["odv"] = regs["odv"].map({True: "ja", False: "nee"})
        regs["start_date"] = regs["start_date"].dt.date
        regs["end_date"] = regs["end_date"].dt.date
        regs = regs.drop(columns=["insurer"])
        tmp = Path(tempfile.mkdtemp())
        write_book(
            tmp / "b.xlsx", [SheetOut(k, v) for k, v in {**sheets, "registrations": regs}.items()]
        )
        shutil.move(tmp / "b.xlsx", xlsx)
        csv.mkdir(exist_ok=True)
        for name, frame in {**sheets, "registrations": regs}.items():
            frame.to_csv(csv / f"{name}.csv", index=False)
    t0 = time.perf_counter()
    load(xlsx)
    t1 = time.perf_counter()
    load(csv)
    t2 = time.perf_counter()
    return {"xlsx_s": t1 - t0, "csv_s": t2 - t1, "rows": n}


def read_sample() -> dict[str, float]:
    from calculator.validate import load

    t0 = time.perf_counter()
    load(Path(__file__).parent.parent / "sample_data" / "regio_voorbeeld.xlsx")
    return {"xlsx_s": time.perf_counter() - t0}


CASES: dict[str, Callable[[], dict[str, float]]] = {
    "read_sample": read_sample,
    "read_200k": read_registrations_sheet,
    "settle_1m": settle_registrations,
}


def optimize_national() -> dict[str, float]:
    """70 hospitals × 150 care forms, all origins, 40 norms; free moves within 60 minutes;
    HiGHS to a 1 % gap."""
    from benchmarks.national import national_sheets
    from calculator.validate import load_frames
    from optimizer.inputs import Options, prepare
    from optimizer.model import build
    from optimizer.solve import solve_model

    wb = load_frames(national_sheets(), "national")
    options = Options(free_moves=True, max_travel=60, gap=0.01, time_limit=300)
    t0 = time.perf_counter()
    inputs = prepare(wb, 2026, options)
    model = build(inputs)
    t1 = time.perf_counter()
    status, gap = solve_model(model, options)
    t2 = time.perf_counter()
    return {
        "build_s": t1 - t0,
        "solve_s": t2 - t1,
        "status": status,
        "gap_pct": 100 * gap if gap is not None else -1.0,
        "variables": len(model.prob.variables()),
        "constraints": len(model.constraints),
        "binaries": len(model.y),
    }


CASES["optimize_national"] = optimize_national
