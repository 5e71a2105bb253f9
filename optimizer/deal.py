"""The deal on top of a plan (issue 18): terms per new or grown agreement and the region's
compensation table, for one year.

The agreements a deal is about are the plan's proposals (new agreements, or free moves with
``--free-moves``) and the agreements in force whose flow the plan raises (more patients a year
than today: their volume is renegotiated).
An agreement whose flow the plan lowers keeps its terms; it is listed with the plan's changed
agreements. Gains before transfers are the plan's margin changes per hospital
(:attr:`OptimizeResult.money`): agreements in force in their own mode, proposals as referral.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.agreements import valid_in_year
from calculator.workbook import Workbook
from optimizer.capacity import baseline_flows
from optimizer.coalitions import shapley_of
from optimizer.compensation import ShapleyValues, Split, split
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult, optimize
from optimizer.terms import KEY, Terms, agreement_terms

CHANGE_COLUMNS = [*KEY, "cases", "agreement_id"]


@dataclass(frozen=True)
class Deal:
    """terms : the terms per agreement (:class:`optimizer.terms.Terms`)
    split : the compensation table of the chosen rule (:class:`optimizer.compensation.Split`)
    """

    year: int
    terms: Terms
    split: Split


def agreement_changes(wb: Workbook, result: OptimizeResult) -> pd.DataFrame:
    """CHANGE_COLUMNS: every pair and care form to which the plan adds patients against today
    — a proposal, a free move (``--free-moves``) or more patients under an agreement in force
    (its agreement_id; "" where none is in force) — with the patients it adds a year."""
    before = baseline_flows(wb, result.year).groupby(KEY)["cases"].sum()
    after = result.flows.groupby(KEY)["cases"].sum()
    added = after.sub(before, fill_value=0.0).rename("cases").reset_index()
    added = added[
        (added["sending_hospital"] != added["performing_hospital"]) & (added["cases"] > 1e-9)
    ]
    agreed = valid_in_year(wb.agreements, result.year)[["agreement_id", *KEY]].drop_duplicates(KEY)
    out = added.merge(agreed, on=KEY, how="left").fillna({"agreement_id": ""})
    return out[CHANGE_COLUMNS].sort_values(KEY, ignore_index=True)


def gains_of(result: OptimizeResult) -> dict[str, int]:
    """Each hospital's margin change under the plan [cents]: the gains before transfers."""
    if result.money is None:
        msg = "a deal needs a solved plan"
        raise ValueError(msg)
    return {
        str(h): int(g)
        for h, g in zip(
            result.money["hospital_id"], result.money["margin_cents_change"], strict=True
        )
    }


def deal_of(
    wb: Workbook,
    result: OptimizeResult,
    rule: str = "proportional",
    shapley: ShapleyValues | None = None,
) -> Deal:
    """Terms and compensation of ``result``'s plan; a ``shapley`` rule needs its values
    (:func:`optimizer.coalitions.shapley_of`)."""
    flows = result.flows[["sending_hospital", "performing_hospital", "care_form_id", "cases"]]
    terms = agreement_terms(
        wb,
        result.year,
        flows.assign(source="optimum"),
        agreement_changes(wb, result),
        caps=result.options.caps,
    )
    return Deal(result.year, terms, split(gains_of(result), rule, shapley))


def deal_for(wb: Workbook, result: OptimizeResult, rule: str = "proportional") -> Deal | None:
    """The deal of a solved plan under ``rule`` (Shapley values solved here when asked for);
    None when the plan has no solution."""
    if result.money is None or not result.solved:
        return None
    shapley = shapley_of(wb, result.year, result.options, result) if rule == "shapley" else None
    return deal_of(wb, result, rule, shapley)


def plan_and_deal(
    wb: Workbook, year: int, options: Options, rule: str = "proportional"
) -> tuple[OptimizeResult, Deal | None]:
    """The optimised plan of ``year`` and its deal under ``rule`` (one call, so that the CLI
    runs both in one isolated worker)."""
    result = optimize(wb, year, options)
    return result, deal_for(wb, result, rule)
