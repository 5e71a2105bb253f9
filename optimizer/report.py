"""Scenario and optimisation results as JSON documents and workbooks (SPEC §7, §8)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pandas as pd

from calculator.report import records
from calculator.xlsx_writer import SheetOut, write_book
from optimizer.capacity import CapacityReport
from optimizer.scenario import ScenarioResult
from optimizer.solve import OptimizeResult


def hospitals_table(before: CapacityReport, after: CapacityReport | None) -> pd.DataFrame:
    cols = [
        "hospital_id",
        "or_minutes_used",
        "or_minutes_available",
        "or_utilisation",
        "bed_days_used",
        "bed_days_available",
        "bed_utilisation",
    ]
    if after is None:
        return before.hospitals[cols]
    return before.hospitals[cols].merge(
        after.hospitals[cols],
        on=["hospital_id", "or_minutes_available", "bed_days_available"],
        suffixes=("_before", "_after"),
    )


def norms_table(before: CapacityReport, after: CapacityReport | None) -> pd.DataFrame:
    if after is None:
        return before.norms
    return before.norms.merge(
        after.norms, on=["hospital_id", "care_form_id", "norm"], suffixes=("_before", "_after")
    )


def optimize_document(result: OptimizeResult) -> dict[str, Any]:
    after = result.capacity_after
    hospitals = hospitals_table(result.capacity_before, after)
    norms = (after or result.capacity_before).norms
    return {
        "status": result.status,
        "objective": result.objective,
        "gap": result.gap,
        "solver": result.solver,
        "flows": records(result.flows),
        "hospitals": records(hospitals),
        "norms": records(norms[norms["norm"] > 0]),
        "money": records(result.money) if result.money is not None else [],
        "violations": records(result.violations),
        "shadow_prices": records(result.shadow_prices),
        "model": result.size,
        "seconds": {k: round(v, 3) for k, v in result.seconds.items()},
    }


def scenario_document(result: ScenarioResult) -> dict[str, Any]:
    norms = norms_table(result.capacity_before, result.capacity_after)
    return {
        "year": result.year,
        "flows_before": records(result.flows_before),
        "flows": records(result.flows_after),
        "hospitals": records(hospitals_table(result.capacity_before, result.capacity_after)),
        "norms": records(norms[norms["norm"] > 0]),
        "money": records(result.money),
    }


def _money_sheet(money: pd.DataFrame) -> SheetOut:
    cents = [
        c for c in money.columns if c.endswith(("_before", "_after", "_change")) and "cents" in c
    ]
    return SheetOut("Geld", money, euro_cents=cents)


def _capacity_sheets(before: CapacityReport, after: CapacityReport | None) -> list[SheetOut]:
    hospitals = hospitals_table(before, after)
    shares = [c for c in hospitals.columns if "utilisation" in c]
    norms = norms_table(before, after)
    return [
        SheetOut("Capaciteit", hospitals, shares=shares),
        SheetOut("Normen", norms[norms["norm"] > 0]),
    ]


def write_optimize(result: OptimizeResult, target: str | Path | IO[bytes]) -> None:
    summary = pd.DataFrame(
        {
            "onderdeel": [
                "status",
                "doelfunctie",
                "gap",
                "solver",
                "variabelen",
                "restricties",
                "bouwtijd (s)",
                "oplostijd (s)",
            ],
            "waarde": [
                result.status,
                result.objective,
                result.gap,
                result.solver,
                result.size.get("variables"),
                result.size.get("constraints"),
                round(result.seconds.get("build", 0), 2),
                round(result.seconds.get("solve", 0), 2),
            ],
        }
    )
    summary["waarde"] = summary["waarde"].astype(str)
    sheets = [
        SheetOut(
            "Samenvatting",
            summary,
            below=[("Knelpunten", SheetOut("", result.violations))]
            if len(result.violations)
            else (),
        )
    ]
    sheets.append(SheetOut("Stromen", result.flows))
    sheets += _capacity_sheets(result.capacity_before, result.capacity_after)
    if result.money is not None:
        sheets.append(_money_sheet(result.money))
    sheets.append(SheetOut("Schaduwprijzen", result.shadow_prices))
    write_book(target, sheets)


def write_scenario(result: ScenarioResult, target: str | Path | IO[bytes]) -> None:
    sheets = [
        SheetOut(
            "Stromen",
            result.flows_after.merge(
                result.flows_before[["sending", "performing", "care_form_id", "cases"]],
                on=["sending", "performing", "care_form_id"],
                how="outer",
                suffixes=("_after", "_before"),
            ),
        )
    ]
    sheets += _capacity_sheets(result.capacity_before, result.capacity_after)
    sheets.append(_money_sheet(result.money))
    write_book(target, sheets)
