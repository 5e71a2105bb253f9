"""Why each patient of a plan moves: the reasons read from the plan against today.

A *move* is an increase of cases on a (sending, care form, performing) arc against today; the
patients come from the arcs of the same sending hospital and care form that lose cases (the
hospitals they *leave*). A move's reasons are the rules of the plan that it serves:

- ``reason_norm_reached``: the hospital it goes to reaches the volume norm only with it
  (after − moved < norm ≤ after);
- ``reason_norm_closed``: a hospital it leaves stops the care form, having fewer cases today than
  the norm (it could not reach it);
- ``reason_ceiling``: a hospital it leaves is above its planning ceiling today, or at its ceiling
  in the plan (the move keeps it within);
- ``reason_max_hospitals``: a hospital it leaves stops the care form, which may be performed at
  only so many hospitals;
- ``reason_not_allowed``: a hospital it leaves may not perform the care form (its type);
- ``reason_keep``: the hospital it goes to keeps a minimum number of cases and is at it;
- ``reason_new_agreement``: it runs under a proposed new agreement (named with the reason above);
- ``reason_shorter_travel``: with travel as the objective, it comes closer to home;
- ``reason_agreement_share``: in a manual scenario, an agreement's share moves it.

A move of an optimised plan with none of these reasons is reported as ``reason_other`` (the plan
needs it to keep all rules with the fewest moves), so every move carries at least one reason.
"""

from __future__ import annotations

import pandas as pd

from calculator.agreements import valid_in_year
from calculator.workbook import Workbook
from messages import Message
from optimizer.capacity import CapacityReport, per_case


def _at_ceiling(plan: pd.DataFrame, hospital: str, minutes: float, los: float) -> str | None:
    """ "or" or "beds" when one more case (``minutes`` OR minutes, ``los`` bed-days at
    ``hospital``) would take it above that planning ceiling in the plan (``plan``: a capacity
    report's hospitals by hospital_id; the move keeps it within); else None."""
    h = plan.loc[hospital]
    if (
        minutes > 0
        and h["or_minutes_used"] + minutes > h["or_minutes_available"] * h["or_ceiling"] + 1e-6
    ):
        return "or"
    beds = h["bed_days_available"]
    if los > 0 and not pd.isna(beds) and h["bed_days_used"] + los > beds * h["bed_ceiling"] + 1e-6:
        return "beds"
    return None


def percent(share: float) -> str:
    """A share as a whole percentage in words both languages read (``90 %``; ``–`` when a
    hospital has no capacity to measure against)."""
    return "–" if pd.isna(share) else f"{round(100 * share)} %"


def _performed(flows: pd.DataFrame) -> pd.Series:
    f = flows[flows["cases"] > 0]
    return f.groupby(["performing_hospital", "care_form_id"])["cases"].sum()


def left_hospitals(before: pd.DataFrame, after: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """Per (sending hospital, care form): the performers whose cases of it went down."""
    key = ["sending_hospital", "care_form_id", "performing_hospital"]
    b = before[before["cases"] > 0].groupby(key)["cases"].sum()
    a = after[after["cases"] > 0].groupby(key)["cases"].sum()
    change = a.reindex(b.index.union(a.index), fill_value=0.0) - b.reindex(
        b.index.union(a.index), fill_value=0.0
    )
    out: dict[tuple[str, str], list[str]] = {}
    for (o, c, h), delta in change.items():
        if delta < -1e-9:
            out.setdefault((o, c), []).append(h)
    return out


def move_reasons(
    wb: Workbook,
    moves: pd.DataFrame,
    before: pd.DataFrame,
    after: pd.DataFrame,
    cap_before: CapacityReport,
    cap_after: CapacityReport,
    objective: str | None,
) -> tuple[list[list[str]], list[list[Message]]]:
    """For each row of ``moves``: the hospitals its patients leave, and its reasons.

    ``objective``: the plan's objective (``moves`` or ``travel``), None for a manual scenario.
    """
    left = left_hospitals(before, after)
    done_before, done_after = _performed(before), _performed(after)
    norms = cap_after.norms.drop_duplicates("care_form_id").set_index("care_form_id")["norm"]
    cf = wb.care_forms.set_index("care_form_id")
    types = wb.hospitals.set_index("hospital_id")["type"]
    keep = {
        (h, c): float(k)
        for h, c, k in wb.keep[["hospital_id", "care_form_id", "min_cases"]].itertuples(index=False)
    }
    over_today = set(cap_before.hospitals.loc[cap_before.hospitals["above_ceiling"], "hospital_id"])
    ceiling = cap_after.hospitals.set_index("hospital_id")
    utilisation_today = cap_before.hospitals.set_index("hospital_id")
    # a case's OR minutes and bed-days at each hospital a move leaves (one lookup for all)
    left_at = sorted({(f, c) for (_, c), froms in left.items() for f in froms})
    at_h, at_c = [f for f, _ in left_at], [c for _, c in left_at]
    case_size = dict(
        zip(
            left_at,
            zip(
                per_case(wb, at_h, at_c, "or_minutes_per_case").tolist(),
                per_case(wb, at_h, at_c, "los_days").tolist(),
                strict=True,
            ),
            strict=True,
        )
    )
    all_from: list[list[str]] = []
    all_reasons: list[list[Message]] = []
    for move in moves.itertuples(index=False):
        o, c, to = move.sending_hospital, move.care_form_id, move.performing_hospital
        froms = left.get((o, c), [])
        reasons: list[Message] = []
        if objective is None:
            reasons.append(Message("reason_agreement_share"))
        norm = int(norms.get(c, 0))
        after_to = float(done_after.get((to, c), 0.0))
        if norm > 0 and after_to - float(move.cases) < norm - 1e-6 <= after_to:
            reasons.append(
                Message("reason_norm_reached", {"hospital": to, "care_form": c, "norm": norm})
            )
        for f in froms:
            had = float(done_before.get((f, c), 0.0))
            has = float(done_after.get((f, c), 0.0))
            allowed = cf.at[c, "allowed_types"]
            if isinstance(allowed, str) and types.get(f, "").casefold() not in {
                t.strip().casefold() for t in allowed.split(",")
            }:
                reasons.append(Message("reason_not_allowed", {"hospital": f, "care_form": c}))
            if has <= 1e-9 < had:
                if norm > 0 and had < norm - 1e-6:
                    reasons.append(
                        Message(
                            "reason_norm_closed",
                            {"hospital": f, "care_form": c, "cases": had, "norm": norm},
                        )
                    )
                elif not pd.isna(cf.at[c, "max_hospitals"]):
                    reasons.append(
                        Message(
                            "reason_max_hospitals",
                            {"care_form": c, "maximum": int(cf.at[c, "max_hospitals"])},
                        )
                    )
            full = _at_ceiling(ceiling, f, *case_size[(f, c)])
            if full is not None or f in over_today:
                what = full or "or"
                share = float(ceiling.at[f, "or_ceiling" if what == "or" else "bed_ceiling"])
                today = float(
                    utilisation_today.at[f, "or_utilisation" if what == "or" else "bed_utilisation"]
                )
                reasons.append(
                    Message(
                        "reason_ceiling_or" if what == "or" else "reason_ceiling_beds",
                        {"hospital": f, "ceiling": percent(share), "today": percent(today)},
                    )
                )
        if (to, c) in keep and after_to <= keep[(to, c)] + 1e-6:
            reasons.append(Message("reason_keep", {"hospital": to, "care_form": c}))
        if objective is not None and move.extra_minutes < -1e-9 and not reasons:
            reasons.append(Message("reason_shorter_travel", {"minutes": -move.extra_minutes}))
        if move.agreement == "new":
            reasons.append(Message("reason_new_agreement"))
        if not reasons or reasons == [Message("reason_new_agreement")]:
            reasons.insert(0, Message("reason_other"))
        all_from.append(froms)
        all_reasons.append(_unique(reasons))
    return all_from, all_reasons


def _unique(reasons: list[Message]) -> list[Message]:
    seen: list[Message] = []
    for r in reasons:
        if r not in seen:
            seen.append(r)
    return seen


def changed_agreements(
    wb: Workbook, year: int, before: pd.DataFrame, after: pd.DataFrame
) -> pd.DataFrame:
    """Agreements in force whose flow the plan lowers: agreement_id, care_form_id,
    sending_hospital, performing_hospital, cases_before, cases_after."""
    key = ["care_form_id", "sending_hospital", "performing_hospital"]
    agreed = valid_in_year(wb.agreements, year)[["agreement_id", *key]].drop_duplicates(key)
    b = before.groupby(key, as_index=False)["cases"].sum().rename(columns={"cases": "cases_before"})
    a = after.groupby(key, as_index=False)["cases"].sum().rename(columns={"cases": "cases_after"})
    both = agreed.merge(b, on=key, how="inner").merge(a, on=key, how="left")
    both["cases_after"] = both["cases_after"].fillna(0.0)
    lower = both[both["cases_after"] < both["cases_before"] - 1e-9]
    return lower.sort_values(key, ignore_index=True)
