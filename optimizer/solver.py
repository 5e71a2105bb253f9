"""Solving a built model and reading it back: status, flows, binaries and shadow prices."""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pulp

from optimizer.build import build
from optimizer.errors import OptimizerError
from optimizer.inputs import Options
from optimizer.model import Model

TOLERANCE = 1e-6
PRICE_COLUMNS = ["constraint", "hospital_id", "dual", "unit"]


def make_solver(options: Options, mip: bool = True) -> pulp.LpSolver:
    if options.solver == "highs":
        solver = pulp.HiGHS(
            msg=False,
            mip=mip,
            timeLimit=options.time_limit,
            gapRel=options.gap,
            threads=options.threads,
        )
    elif options.solver == "cbc":
        solver = pulp.PULP_CBC_CMD(
            msg=False,
            mip=mip,
            timeLimit=options.time_limit,
            gapRel=options.gap,
            threads=options.threads,
        )
    else:
        raise OptimizerError(f"unknown solver {options.solver!r}; choose highs or cbc")
    if not solver.available():
        raise OptimizerError(f"solver {options.solver} is not available on this machine")
    return solver


def solve_model(model: Model, options: Options, mip: bool = True) -> tuple[str, float | None]:
    """Solve; return (status, gap). Status: optimal, time_limit, not_solved or infeasible."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PuLP's notice that its bundled CBC will move
        model.prob.solve(make_solver(options, mip))
    status, sol = model.prob.status, model.prob.sol_status
    has_binaries = bool(model.y or model.z) and mip
    gap = None
    if options.solver == "highs" and has_binaries:
        try:
            gap = float(model.prob.solverModel.getInfo().mip_gap)
        except (AttributeError, RuntimeError):
            gap = None
        if gap is not None and not math.isfinite(gap):
            gap = None  # no incumbent yet: no gap to speak of
    if status == pulp.LpStatusInfeasible or sol == pulp.LpSolutionInfeasible:
        return "infeasible", gap
    if sol == pulp.LpSolutionOptimal and status == pulp.LpStatusOptimal:
        # optimal within the requested gap; report the gap HiGHS measured where known
        return "optimal", (gap if gap is not None else 0.0) if has_binaries else None
    if sol == pulp.LpSolutionIntegerFeasible:
        return "time_limit", gap
    if status == pulp.LpStatusNotSolved or sol == pulp.LpSolutionNoSolutionFound:
        return "not_solved", gap
    if status == pulp.LpStatusUnbounded:
        raise OptimizerError("the model is unbounded; this should not happen (report it)")
    return "not_solved", gap


def arc_values(model: Model) -> pd.Series:
    """Cases per arc label (values below the tolerance read as 0)."""
    values = pd.Series([v.varValue or 0.0 for v in model.x], dtype=float)
    return values.where(values.abs() > TOLERANCE, 0.0)


def extract_flows(model: Model) -> pd.DataFrame:
    """origin, care_form_id, performing_hospital_id, cases, new (under a proposed agreement)."""
    arcs = model.inputs.arcs
    out = pd.DataFrame(
        {
            "origin": arcs["origin"],
            "care_form_id": arcs["care_form_id"],
            "performing_hospital_id": arcs["performer"],
            "cases": arc_values(model).to_numpy(),
            "new": arcs["new"].to_numpy(dtype=bool),
        }
    )
    return out[out["cases"] > 0].sort_values(
        ["origin", "care_form_id", "performing_hospital_id"], ignore_index=True
    )


def binaries(model: Model) -> dict[tuple[str, str], float]:
    """y[h,c] at the solution, rounded to 0 or 1."""
    return {key: float(round(v.varValue or 0.0)) for key, v in model.y.items()}


def shadow_prices(model: Model, options: Options) -> pd.DataFrame:
    """Duals of the OR and bed rows, from an LP *copy* with the binaries fixed at the optimum.

    The copy is built anew from the same inputs, so the solved model keeps its values.
    """
    lp = build(model.inputs, fixed=binaries(model))
    status, _ = solve_model(lp, options, mip=False)
    if status != "optimal":
        return pd.DataFrame(columns=PRICE_COLUMNS)
    rows = []
    for key, con in lp.constraints.items():
        if key[0] in ("or_capacity", "bed_capacity") and con.pi is not None:
            unit = "per OR minute" if key[0] == "or_capacity" else "per bed-day"
            rows.append((key[0], key[1], float(con.pi), unit))
    return pd.DataFrame(rows, columns=PRICE_COLUMNS)
