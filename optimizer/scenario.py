"""Manual scenario (docs/model.md, Manual scenario): move agreed shares of own-performed cases."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.agreements import valid_in_year
from calculator.workbook import Workbook
from optimizer.capacity import (
    CapacityReport,
    baseline_flows,
    capacity,
    compare,
    money,
)


@dataclass(frozen=True)
class ScenarioResult:
    """Flows, capacity and money before and after a scenario.

    flows_before / flows_after : sending_hospital, performing_hospital, care_form_id, cases, source
    capacity_before / capacity_after : see :class:`~optimizer.capacity.CapacityReport`
    money : per hospital, before/after/change of revenue, settlement, variable cost, margin
    """

    year: int
    flows_before: pd.DataFrame
    flows_after: pd.DataFrame
    capacity_before: CapacityReport
    capacity_after: CapacityReport
    money: pd.DataFrame


def manual_flows(wb: Workbook, year: int, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Baseline flows with, per agreement with a share, that share of the sending hospital's
    own-performed cases of the care form moved to the performing hospital.

    ``agreements`` overrides the workbook's (the dashboard edits shares and modes).
    """
    agreements = wb.agreements if agreements is None else agreements
    base = baseline_flows(wb, year)
    moves = valid_in_year(agreements, year)
    moves = moves[moves["share"].notna() & (moves["share"] > 0)]
    own = (
        base[base["sending_hospital"] == base["performing_hospital"]]
        .groupby(["sending_hospital", "care_form_id"])["cases"]
        .sum()
    )
    rows = []
    moved_total: dict[tuple[str, str], float] = {}
    for ag in moves.itertuples(index=False):
        key = (ag.sending_hospital, ag.care_form_id)
        cases = float(own.get(key, 0.0)) * float(ag.share)
        if cases > 0:
            rows.append(
                (
                    ag.sending_hospital,
                    ag.performing_hospital,
                    ag.care_form_id,
                    cases,
                    f"scenario: {ag.agreement_id}",
                )
            )
            moved_total[key] = moved_total.get(key, 0.0) + cases
    after = base.copy()
    own_mask = after["sending_hospital"] == after["performing_hospital"]
    for (s, cf), moved in moved_total.items():
        rows_own = after.index[
            own_mask & (after["sending_hospital"] == s) & (after["care_form_id"] == cf)
        ]
        total = after.loc[rows_own, "cases"].sum()
        after.loc[rows_own, "cases"] = after.loc[rows_own, "cases"] * (1 - moved / total)
    added = pd.DataFrame(
        rows, columns=["sending_hospital", "performing_hospital", "care_form_id", "cases", "source"]
    )
    after = pd.concat([after, added], ignore_index=True)
    return after.groupby(
        ["sending_hospital", "performing_hospital", "care_form_id"], as_index=False
    ).agg(cases=("cases", "sum"), source=("source", "; ".join))


def run_scenario(
    wb: Workbook, year: int, flows_after: pd.DataFrame, norm_overrides: dict[str, int] | None = None
) -> ScenarioResult:
    """Capacity and money before (baseline) and after the given flows."""
    wb.require_year("volumes", year)
    before = baseline_flows(wb, year)
    money_table = compare(
        money(wb, before, year), money(wb, flows_after, year, before=before), ["hospital_id"]
    )
    return ScenarioResult(
        year,
        before,
        flows_after,
        capacity(wb, before, norm_overrides),
        capacity(wb, flows_after, norm_overrides),
        money_table,
    )


def manual_scenario(
    wb: Workbook,
    year: int,
    agreements: pd.DataFrame | None = None,
    norm_overrides: dict[str, int] | None = None,
) -> ScenarioResult:
    wb.require_year("volumes", year)
    return run_scenario(wb, year, manual_flows(wb, year, agreements), norm_overrides)
