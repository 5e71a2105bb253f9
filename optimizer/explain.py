"""Why a model has no solution, in words, and what would have to change.

The model is solved again with penalised slacks (see :mod:`optimizer.model`): each slack that is
used is a constraint that cannot hold, by that much. When every shortfall is of one family
(capacity, or norms), the other family is tried alone too: the advice then reads "raise OR capacity
of ACR by 2.150 minutes *or* lower the norm for rectumcarcinoom to 36".
"""

from __future__ import annotations

import math

import pandas as pd

from messages import Message
from optimizer.build import build
from optimizer.inputs import ModelInputs, Options
from optimizer.model import key_name
from optimizer.solver import solve_model

VIOLATION_COLUMNS = ["constraint", "amount", "message", "change"]
CAPACITY = frozenset({"or_capacity", "bed_capacity"})
NORMS = frozenset({"norm", "keep", "max_hospitals"})
GUARDRAILS = frozenset({"move_share", "margin"})
MIN_SLACK = 1e-4


def describe(key: tuple[str, ...], amount: float, inputs: ModelInputs) -> tuple[Message, Message]:
    """A violated constraint in words, and the change that would let it hold."""
    h = inputs.hospitals.set_index("hospital_id")
    cf = inputs.care_forms.set_index("care_form_id")
    kind = key[0]
    whole = math.ceil(amount - 1e-6)
    if kind in ("or_capacity", "bed_capacity"):
        column, share = (
            ("or_minutes", "or_ceiling") if kind == "or_capacity" else ("bed_days", "bed_ceiling")
        )
        ceiling = float(h.loc[key[1], share])
        limit = {
            "hospital": key[1],
            "available": round(float(h.loc[key[1], column]) * ceiling),
            "ceiling": round(100 * ceiling),
        }
        if kind == "or_capacity":
            return (
                Message("opt_short_or", {**limit, "minutes": whole}),
                Message("opt_change_or", {"hospital": key[1], "minutes": whole}),
            )
        return (
            Message("opt_short_beds", {**limit, "days": whole}),
            Message("opt_change_beds", {"hospital": key[1], "days": whole}),
        )
    if kind == "norm":
        norm = int(cf.loc[key[2], "norm"])
        reached = max(0, math.floor(norm - amount + 1e-6))
        return (
            Message(
                "opt_short_norm",
                {"hospital": key[1], "care_form": key[2], "cases": reached, "norm": norm},
            ),
            Message("opt_change_norm", {"care_form": key[2], "norm": reached}),
        )
    if kind == "keep":
        return (
            Message("opt_short_keep", {"hospital": key[1], "care_form": key[2], "cases": whole}),
            Message("opt_change_keep", {"hospital": key[1], "care_form": key[2], "cases": whole}),
        )
    if kind == "max_hospitals":
        k = int(cf.loc[key[1], "max_hospitals"])
        return (
            Message("opt_short_max_hospitals", {"care_form": key[1], "extra": whole, "maximum": k}),
            Message("opt_change_max_hospitals", {"care_form": key[1], "maximum": k + whole}),
        )
    if kind == "move_share":
        return (
            Message("opt_short_move_share", {"hospital": key[1], "cases": whole}),
            Message("opt_change_move_share", {"hospital": key[1], "cases": whole}),
        )
    if kind == "margin":
        return (
            Message("opt_short_margin", {"hospital": key[1], "amount_cents": round(amount * 100)}),
            Message("opt_change_margin", {"hospital": key[1]}),
        )
    return (
        Message("opt_short_other", {"constraint": key_name(key), "amount": amount}),
        Message("opt_change_other", {"constraint": key_name(key)}),
    )


def unreachable_rows(inputs: ModelInputs) -> list[tuple[str, float, Message, Message]]:
    """Demand that no allowed performer can take at all."""
    rows = []
    for o, c, d in inputs.unreachable[["sending_hospital", "care_form_id", "cases"]].itertuples(
        index=False
    ):
        rows.append(
            (
                key_name(("demand", o, c)),
                float(d),
                Message("opt_unreachable", {"hospital": o, "care_form": c, "cases": float(d)}),
                Message("opt_change_unreachable", {"hospital": o, "care_form": c}),
            )
        )
    return rows


def soft_violations(
    inputs: ModelInputs, options: Options, soft: bool | frozenset[str] = True
) -> pd.DataFrame | None:
    """Violations of the model with slacks on ``soft`` constraints; None if that has no solution."""
    model = build(inputs, soft=soft)
    status, _ = solve_model(model, options)
    if status not in ("optimal", "time_limit"):
        return None
    rows = []
    for key, slack in model.slacks.items():
        amount = slack.varValue or 0.0
        if amount > MIN_SLACK:
            message, change = describe(key, amount, inputs)
            rows.append((key_name(key), float(amount), message, change))
    return pd.DataFrame(rows, columns=VIOLATION_COLUMNS)


def _kinds(violations: pd.DataFrame) -> set[str]:
    return {name.split("[", 1)[0] for name in violations["constraint"]}


def _changes(violations: pd.DataFrame) -> list[Message]:
    """One change per distinct advice (the lowest norm per care form)."""
    seen: dict[tuple[str, ...], Message] = {}
    for change in violations["change"]:
        params = dict(change.params)
        if change.code == "opt_change_norm":
            key = (change.code, str(params["care_form"]))
            if key in seen and int(seen[key].params["norm"]) <= int(params["norm"]):  # type: ignore[call-overload]
                continue
            seen[key] = change
        else:
            seen[(change.code, *map(str, params.values()))] = change
    return list(seen.values())


def explain(inputs: ModelInputs, options: Options) -> tuple[pd.DataFrame, list[Message]]:
    """Every violated constraint in words, and the advice: what to change (with an alternative).

    Returns the violations (constraint, amount, message, change) and the advice sentences.
    """
    rows = unreachable_rows(inputs)
    if rows:
        violations = pd.DataFrame(rows, columns=VIOLATION_COLUMNS)
        return violations, [Message("opt_advice", {"changes": _changes(violations)})]
    violations = soft_violations(inputs, options)
    if violations is None or violations.empty:
        return (
            pd.DataFrame(
                [("model", 0.0, Message("opt_relaxed_unsolved"), Message("opt_change_time"))],
                columns=VIOLATION_COLUMNS,
            ),
            [Message("opt_change_time")],
        )
    first = _changes(violations)
    kinds = _kinds(violations)
    other = None
    if kinds <= CAPACITY:
        other = soft_violations(inputs, options, NORMS | GUARDRAILS)
    elif kinds <= NORMS | GUARDRAILS:
        other = soft_violations(inputs, options, CAPACITY)
    if other is not None and not other.empty:
        advice = Message("opt_advice_either", {"first": first, "second": _changes(other)})
    else:
        advice = Message("opt_advice", {"changes": first})
    return violations, [advice]
