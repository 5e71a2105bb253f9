"""A plan whose flows are given (a scenario saved on the dashboard) read back as an optimiser's
result, so that the deal, the business case and the board pack treat it as the plan it was.

Nothing is solved: capacity, money and the story are computed from the flows as ``optimize``
computes them from its solution. A move between two hospitals that today has neither flow nor
agreement needs a new agreement: it is listed as a proposal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from calculator.agreements import valid_in_year
from calculator.workbook import Workbook
from messages import Message
from optimizer.capacity import baseline_flows
from optimizer.explain import VIOLATION_COLUMNS
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult, plan_figures, proposal_money
from optimizer.solver import PRICE_COLUMNS
from optimizer.story import moves_of, tell

KEY = ["sending_hospital", "performing_hospital", "care_form_id"]
SAVED = "saved"  # the status of a plan read back from its flows


def new_agreements(
    wb: Workbook, year: int, before: pd.DataFrame, after: pd.DataFrame
) -> pd.DataFrame:
    """The proposals of a given plan: pairs and care forms it sends patients to that have
    neither a flow today nor an agreement in force (care form, from, to, cases, travel)."""
    moves = moves_of(wb, year, before, after)
    agreed = valid_in_year(wb.agreements, year)[KEY].drop_duplicates()
    moves = moves.merge(agreed.assign(agreed=True), on=KEY, how="left")
    new = moves[
        (moves["sending_hospital"] != moves["performing_hospital"])
        & (moves["cases_before"] <= 1e-9)
        & moves["agreed"].isna()
    ]
    return pd.DataFrame(
        {
            "care_form_id": new["care_form_id"].to_numpy(),
            "sending_hospital": new["sending_hospital"].to_numpy(),
            "performing_hospital": new["performing_hospital"].to_numpy(),
            "cases": new["cases"].to_numpy(dtype=float),
            "travel_minutes": new["travel_minutes"].to_numpy(dtype=float),
        }
    ).sort_values(["care_form_id", "sending_hospital", "performing_hospital"], ignore_index=True)


def plan_from_flows(
    wb: Workbook, year: int, flows: pd.DataFrame, options: Options, label: Message
) -> OptimizeResult:
    """``flows`` (sending_hospital, performing_hospital, care_form_id, cases) as the plan of
    ``year``: status ``saved``, its goals the one sentence ``label`` (what the plan is)."""
    wb.require_year("volumes", year)
    base = baseline_flows(wb, year)
    after = flows[KEY + ["cases"]].assign(cases=flows["cases"].astype(float), source="saved")
    proposals = proposal_money(wb, year, new_agreements(wb, year, base, after))
    money_table, cap_before, cap_after = plan_figures(wb, year, base, after, options)
    story = tell(wb, year, base, after, cap_before, cap_after, money_table, proposals, None)
    cases = after["cases"].to_numpy(dtype=float)
    return OptimizeResult(
        status=SAVED,
        year=year,
        objective=None,
        gap=None,
        flows=plan_flows(after, proposals),
        proposals=proposals,
        capacity_before=cap_before,
        capacity_after=cap_after,
        money=money_table,
        story=story,
        violations=pd.DataFrame(columns=VIOLATION_COLUMNS),
        shadow_prices=pd.DataFrame(columns=PRICE_COLUMNS),
        size={},
        options=options,
        goals=[label],
        whole=bool(np.allclose(cases, np.round(cases))),
    )


def plan_flows(after: pd.DataFrame, proposals: pd.DataFrame) -> pd.DataFrame:
    """The flows as ``optimize`` returns them: sending_hospital, care_form_id,
    performing_hospital, cases, new (under a proposed agreement)."""
    new = set(proposals[KEY].itertuples(index=False, name=None))
    flows = after[after["cases"] > 0]
    return pd.DataFrame(
        {
            "sending_hospital": flows["sending_hospital"].to_numpy(),
            "care_form_id": flows["care_form_id"].to_numpy(),
            "performing_hospital": flows["performing_hospital"].to_numpy(),
            "cases": flows["cases"].to_numpy(dtype=float),
            "new": [k in new for k in flows[KEY].itertuples(index=False, name=None)],
        }
    ).sort_values(["sending_hospital", "care_form_id", "performing_hospital"], ignore_index=True)
