"""The goals of an optimised plan, in the order they are pursued, and the solve that keeps it.

Default (``--objective moves``), lexicographic:

1. a feasible plan: norms, capacity within the planning ceiling, allowed types, retention,
   hospital maximum — with the fewest new agreements where the agreements in force cannot give
   one (:func:`optimizer.optimize.choose_proposals`), and none otherwise;
2. the fewest patients treated in another hospital than today;
3. the least travel (and fixed service cost) for them.

Goal 2 and 3 are two solves of one model: the first minimises moved patients (travel only breaks
ties), the second holds that number and minimises travel, starting from the first answer. Within
goal 2 a patient taken off an agreement in force weighs more than any number of other moves, so
an existing agreement's flow changes only when the plan cannot be feasible otherwise. With
``--w-move W`` goals 2 and 3 become one weighted sum (W per moved patient + travel minutes);
``--objective travel`` puts travel first (an analyst's view: the shortest travel for everyone,
whatever moves).
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pandas as pd

from messages import Message
from optimizer.build import build
from optimizer.constraints import goal_terms, set_travel_objective
from optimizer.inputs import Options
from optimizer.model import Model
from optimizer.solver import PRICE_COLUMNS, TOLERANCE, solve_model

OBJECTIVES = ("moves", "travel")
# the travel step may take a quarter of the moves step's time, at least this many seconds
TRAVEL_STEP_SHARE = 0.25
TRAVEL_STEP_MIN = 2.0


def goals(options: Options) -> list[Message]:
    """The goals of a run in words, in the order they count."""
    feasible = Message("opt_goal_feasible")
    if options.objective == "travel":
        return [feasible, Message("opt_goal_travel_first", {"weight": options.move_weight})]
    if options.w_move is not None:
        return [feasible, Message("opt_goal_weighted", {"weight": options.move_weight})]
    return [feasible, Message("opt_goal_fewest_moves"), Message("opt_goal_least_travel")]


def moved_patients(model: Model) -> float:
    """Patients treated elsewhere than today: Σ over arcs of max(0, x − today's cases)."""
    arcs = model.inputs.arcs
    x = np.array([v.varValue or 0.0 for v in model.x], dtype=float)
    return float(np.clip(x - arcs["baseline"].to_numpy(dtype=float), 0.0, None).sum())


def solve_plan(model: Model, options: Options) -> tuple[str, float | None]:
    """Solve a normal-stage model by its goals; returns (status, gap) of the moves step.

    In the lexicographic order the travel step holds the moves step's goal and its services
    (which hospital performs which care form), starts from its plan and may only improve on it,
    within a quarter of the moves step's time (at least ``TRAVEL_STEP_MIN`` seconds): the
    status and gap are those of the moves step, the travel is the best found.
    """
    started = time.perf_counter()
    status, gap = solve_model(model, options)
    took = time.perf_counter() - started
    if not options.lexicographic or status not in ("optimal", "time_limit"):
        return status, gap
    if model.moved_col is None or options.w_travel == 0 and not model.inputs.w_fixed:
        return status, gap
    goal = sum(float(v.varValue or 0.0) * w for v, w in goal_terms(model))
    whole = model.inputs.whole and model.fixed is None  # the shadow-price copy is an LP
    limit = float(np.round(goal)) if whole else goal
    values = [v.varValue for v in model.prob.variables()]
    set_travel_objective(model, limit + TOLERANCE * max(1.0, limit))
    # the services stay as the first step chose them (which hospital performs which care form):
    # the travel step then only routes patients, a small MIP even at national scale
    binaries = [*model.y.values(), *model.z.values()]
    for var in binaries:
        var.varValue = float(round(var.varValue or 0.0))
        var.fixValue()
    # the travel step improves a plan it already has: it gets a quarter of the moves step's time
    # (at least TRAVEL_STEP_MIN seconds, at most the time limit) and keeps the best plan found
    budget = max(TRAVEL_STEP_MIN, TRAVEL_STEP_SHARE * took)
    if options.time_limit is not None:
        budget = min(budget, options.time_limit)
    try:
        second, _ = solve_model(model, replace(options, time_limit=budget), warm=True)
    finally:
        for var in binaries:
            var.unfixValue()
    if second not in ("optimal", "time_limit"):
        for var, value in zip(model.prob.variables(), values, strict=True):
            var.varValue = value
    return status, gap


def binaries(model: Model) -> dict[tuple[str, str], float]:
    """y[h,c] at the solution, rounded to 0 or 1."""
    return {key: float(round(v.varValue or 0.0)) for key, v in model.y.items()}


def shadow_prices(model: Model, options: Options) -> pd.DataFrame:
    """Duals of the OR and bed rows, from an LP *copy* with the binaries fixed at the optimum,
    solved by the same goals (with the default goals: the travel step, the moves held) [objective
    units per minute or bed-day].

    The copy is built anew from the same inputs, so the solved model keeps its values.
    """
    lp = build(model.inputs, fixed=binaries(model))
    status, _ = solve_plan(lp, options)
    if status != "optimal":
        return pd.DataFrame(columns=PRICE_COLUMNS)
    rows = []
    for key, con in lp.constraints.items():
        if key[0] in ("or_capacity", "bed_capacity") and con.pi is not None:
            # a catalogue code (no unit values are documented): the edge renders it per language
            rows.append((key[0], key[1], float(con.pi), f"opt_unit_{key[0]}"))
    return pd.DataFrame(rows, columns=PRICE_COLUMNS)
