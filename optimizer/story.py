"""The story of a scenario for a board: who moves what where, what it does to each hospital, the
region and the patients' travel (docs/model.md).

Flows are frames with sending_hospital, performing_hospital, care_form_id, cases (before =
today, after = the scenario). A *move* is an increase of cases on a (sending, care form,
performing) arc against today: cases performed somewhere else than today.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from calculator.agreements import valid_in_year
from calculator.tariffs import Tariffs
from calculator.workbook import Workbook
from optimizer.capacity import CapacityReport, per_case, variable_cost_cents
from optimizer.inputs import travel_minutes
from optimizer.reasons import changed_agreements, move_reasons

KEY = ["sending_hospital", "care_form_id", "performing_hospital"]
MONEY = ["revenue", "settlement", "variable_cost", "fixed_cost", "backfill", "margin"]
TRAVEL_LIMITS = (30, 60)


@dataclass(frozen=True)
class Story:
    """moves : care_form_id, sending_hospital, performing_hospital, cases_before, cases_after,
        cases (the increase), travel_minutes, extra_minutes (per case, against the arcs the
        cases left), agreement (new, existing, status_quo, own, free)
    hospitals : hospital_id and, each with _before, _after, _change: cases, or_minutes,
        bed_days, norms_met, norms_short, revenue_cents, settlement_cents, variable_cost_cents,
        fixed_cost_cents, backfill_cents, margin_cents
    care_forms : care_form_id, hospitals_before, hospitals_after, cases_moved
    region : margin_change_cents, cases_moved, cases_moved_new, new_agreements,
        efficiency_minutes and efficiency_cents (of all moves)
        left (the hospitals its patients leave), reasons (Messages: why it moves, see
        :mod:`optimizer.reasons`)
    travel : cases_moved; of the moved patients: cases_further, average_extra_minutes and
        max_extra_minutes (of those who travel further), cases_closer (who come closer to
        home), cases_over_30, cases_over_60
    changed_agreements : agreement_id, care_form_id, sending_hospital, performing_hospital,
        cases_before, cases_after — agreements in force whose flow the plan lowers
    """

    moves: pd.DataFrame
    hospitals: pd.DataFrame
    care_forms: pd.DataFrame
    region: dict[str, Any]
    travel: dict[str, Any]
    changed_agreements: pd.DataFrame


def _grouped(flows: pd.DataFrame) -> pd.Series:
    f = flows[flows["cases"] > 0]
    return f.groupby(KEY)["cases"].sum()


def moves_of(
    wb: Workbook,
    year: int,
    before: pd.DataFrame,
    after: pd.DataFrame,
    proposals: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Increases against today per arc, with travel and the kind of agreement behind them."""
    b, a = _grouped(before), _grouped(after)
    both = pd.concat([b.rename("cases_before"), a.rename("cases_after")], axis=1).fillna(0.0)
    both = both.reset_index()
    both["delta"] = both["cases_after"] - both["cases_before"]
    pairs = both
    both["travel_minutes"] = travel_minutes(wb, pairs).fillna(0.0).to_numpy()
    # the travel of the cases that left, per (sending, care form): weighted by the decrease
    left = both[both["delta"] < -1e-9]
    weights = -left["delta"]
    left_travel = (left["travel_minutes"] * weights).groupby(
        [left["sending_hospital"], left["care_form_id"]]
    ).sum() / weights.groupby([left["sending_hospital"], left["care_form_id"]]).sum()
    moves = both[both["delta"] > 1e-9].copy()
    came_from = pd.Series(
        list(zip(moves["sending_hospital"], moves["care_form_id"], strict=True)), index=moves.index
    ).map(lambda k: float(left_travel.get(k, 0.0)))
    moves["extra_minutes"] = moves["travel_minutes"] - came_from
    # OR minutes and variable cost of a case where the patients were (weighted as the travel)
    # and where they go: the efficiency of the receiving site
    pricing = Tariffs.build(wb)
    left = left.assign(
        minutes=per_case(
            wb, left["performing_hospital"], left["care_form_id"], "or_minutes_per_case"
        ),
        cost=variable_cost_cents(
            wb, pricing, year, left["performing_hospital"], left["care_form_id"]
        ),
    )
    key = [left["sending_hospital"], left["care_form_id"]]
    was = pd.DataFrame(
        {
            "minutes": (left["minutes"] * weights).groupby(key).sum() / weights.groupby(key).sum(),
            "cost": (left["cost"] * weights).groupby(key).sum() / weights.groupby(key).sum(),
        }
    )
    origin = pd.MultiIndex.from_arrays([moves["sending_hospital"], moves["care_form_id"]])
    at = was.index.get_indexer(origin) if len(was) else np.full(len(moves), -1)
    here_minutes = per_case(
        wb, moves["performing_hospital"], moves["care_form_id"], "or_minutes_per_case"
    )
    here_cost = variable_cost_cents(
        wb, pricing, year, moves["performing_hospital"], moves["care_form_id"]
    ).astype(float)
    there_minutes = np.where(at >= 0, was["minutes"].to_numpy()[at], here_minutes)
    there_cost = np.where(at >= 0, was["cost"].to_numpy()[at], here_cost)
    cases = moves["delta"].to_numpy(dtype=float)
    moves["or_minutes_freed"] = cases * there_minutes
    moves["or_minutes_used"] = cases * here_minutes
    moves["efficiency_minutes"] = moves["or_minutes_freed"] - moves["or_minutes_used"]
    moves["efficiency_cents"] = np.round(cases * (there_cost - here_cost)).astype("int64")
    agreed = {
        (c, s, p)
        for c, s, p in valid_in_year(wb.agreements, year)[
            ["care_form_id", "sending_hospital", "performing_hospital"]
        ].itertuples(index=False)
    }
    proposed = set()
    if proposals is not None and len(proposals):
        proposed = set(
            proposals[["care_form_id", "sending_hospital", "performing_hospital"]].itertuples(
                index=False, name=None
            )
        )
    kinds = []
    for s, c, p, was in zip(
        moves["sending_hospital"],
        moves["care_form_id"],
        moves["performing_hospital"],
        moves["cases_before"],
        strict=True,
    ):
        if s == p:
            kinds.append("own")
        elif (c, s, p) in proposed:
            kinds.append("new")
        elif (c, s, p) in agreed:
            kinds.append("existing")
        elif was > 0:
            kinds.append("status_quo")
        else:
            kinds.append("free")
    moves["agreement"] = kinds
    out = moves.rename(columns={"delta": "cases"})
    return out[
        [
            "care_form_id",
            "sending_hospital",
            "performing_hospital",
            "cases_before",
            "cases_after",
            "cases",
            "travel_minutes",
            "extra_minutes",
            "or_minutes_freed",
            "or_minutes_used",
            "efficiency_minutes",
            "efficiency_cents",
            "agreement",
        ]
    ].sort_values(["care_form_id", "sending_hospital", "performing_hospital"], ignore_index=True)


def travel_summary(moves: pd.DataFrame) -> dict[str, Any]:
    """Travel of the moved patients only: how many travel further, their average and largest
    extra minutes, how many come closer to home, and those beyond 30 and 60 extra minutes."""
    cases = moves["cases"].to_numpy(dtype=float)
    extra = moves["extra_minutes"].to_numpy(dtype=float)
    further = (cases > 0) & (extra > 1e-9)
    closer = (cases > 0) & (extra < -1e-9)
    n_further = float(cases[further].sum())
    out: dict[str, Any] = {
        "cases_moved": float(cases.sum()),
        "cases_further": n_further,
        "average_extra_minutes": float((cases * extra)[further].sum() / n_further)
        if n_further
        else 0.0,
        "max_extra_minutes": float(extra[further].max()) if n_further else 0.0,
        "cases_closer": float(cases[closer].sum()),
    }
    for limit in TRAVEL_LIMITS:
        out[f"cases_over_{limit}"] = float(cases[extra > limit].sum())
    return out


def _norm_counts(report: CapacityReport) -> pd.DataFrame:
    n = report.norms
    active = n[(n["norm"] > 0) & (n["cases"] > 1e-9)]
    return pd.DataFrame(
        {
            "norms_met": active[active["meets_norm"]].groupby("hospital_id").size(),
            "norms_short": active[~active["meets_norm"]].groupby("hospital_id").size(),
        }
    )


def hospitals_before_after(
    before: pd.DataFrame,
    after: pd.DataFrame,
    cap_before: CapacityReport,
    cap_after: CapacityReport,
    money_table: pd.DataFrame,
) -> pd.DataFrame:
    """Per hospital before, after and change of cases, OR minutes, bed-days, norms and money."""
    out = pd.DataFrame({"hospital_id": cap_before.hospitals["hospital_id"]})
    for when, flows, cap in (("before", before, cap_before), ("after", after, cap_after)):
        performed = flows.groupby("performing_hospital")["cases"].sum()
        out[f"cases_{when}"] = out["hospital_id"].map(performed).fillna(0.0)
        h = cap.hospitals.set_index("hospital_id")
        out[f"or_minutes_{when}"] = out["hospital_id"].map(h["or_minutes_used"])
        out[f"bed_days_{when}"] = out["hospital_id"].map(h["bed_days_used"])
        counts = _norm_counts(cap)
        for col in ("norms_met", "norms_short"):
            out[f"{col}_{when}"] = out["hospital_id"].map(counts[col]).fillna(0).astype("int64")
    for col in ("cases", "or_minutes", "bed_days", "norms_met", "norms_short"):
        out[f"{col}_change"] = out[f"{col}_after"] - out[f"{col}_before"]
    m = money_table.set_index("hospital_id")
    for part in MONEY:
        for when in ("before", "after", "change"):
            col = f"{part}_cents_{when}"
            out[col] = out["hospital_id"].map(m[col]).fillna(0).astype("int64")
    return out


def care_form_counts(
    before: pd.DataFrame, after: pd.DataFrame, moves: pd.DataFrame
) -> pd.DataFrame:
    """Hospitals performing each care form before and after, and the cases moved."""

    def hospitals(flows: pd.DataFrame) -> pd.Series:
        f = flows[flows["cases"] > 1e-9]
        return f.groupby("care_form_id")["performing_hospital"].nunique()

    out = (
        pd.concat(
            [
                hospitals(before).rename("hospitals_before"),
                hospitals(after).rename("hospitals_after"),
            ],
            axis=1,
        )
        .fillna(0)
        .astype("int64")
    )
    out["cases_moved"] = moves.groupby("care_form_id")["cases"].sum().reindex(out.index).fillna(0.0)
    return out.rename_axis("care_form_id").reset_index()


def tell(
    wb: Workbook,
    year: int,
    before: pd.DataFrame,
    after: pd.DataFrame,
    cap_before: CapacityReport,
    cap_after: CapacityReport,
    money_table: pd.DataFrame,
    proposals: pd.DataFrame | None = None,
    objective: str | None = None,
) -> Story:
    """The whole story of the scenario ``after`` against today's flows ``before``;
    ``objective`` of an optimised plan (``moves``/``travel``), None for a manual scenario."""
    moves = moves_of(wb, year, before, after, proposals)
    moves["left"], moves["reasons"] = move_reasons(
        wb, moves, before, after, cap_before, cap_after, objective
    )
    new = moves[moves["agreement"] == "new"]
    region = {
        "margin_change_cents": int(money_table["margin_cents_change"].sum()),
        "cases_moved": float(moves["cases"].sum()),
        "cases_moved_new": float(new["cases"].sum()),
        "new_agreements": int(len(proposals)) if proposals is not None else 0,
        "efficiency_minutes": float(moves["efficiency_minutes"].sum()),
        "efficiency_cents": int(moves["efficiency_cents"].sum()),
    }
    return Story(
        moves=moves,
        hospitals=hospitals_before_after(before, after, cap_before, cap_after, money_table),
        care_forms=care_form_counts(before, after, moves),
        region=region,
        travel=travel_summary(moves),
        changed_agreements=changed_agreements(wb, year, before, after),
    )
