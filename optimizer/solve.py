"""Solving the allocation model, reading it back, explaining infeasibility, shadow prices."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import pandas as pd
import pulp

from calculator.workbook import Workbook
from optimizer.capacity import CapacityReport, baseline_flows, capacity, compare, money
from optimizer.errors import OptimizerError
from optimizer.inputs import ModelInputs, Options, prepare
from optimizer.model import Model, build

TOLERANCE = 1e-6


@dataclass(frozen=True)
class OptimizeResult:
    """The outcome of ``spreiding optimize``.

    status : ``optimal``, ``time_limit`` (flows present when an incumbent was found) or
        ``infeasible``
    flows : origin, care_form_id, performing_hospital_id, cases (empty unless solved)
    violations : constraint, amount, message (only when infeasible)
    shadow_prices : constraint, hospital_id, dual [objective units per minute or bed-day]
    """

    status: str
    objective: float | None
    gap: float | None
    flows: pd.DataFrame
    capacity_before: CapacityReport
    capacity_after: CapacityReport | None
    money: pd.DataFrame | None
    violations: pd.DataFrame
    shadow_prices: pd.DataFrame
    size: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    solver: str = "highs"


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
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PuLP's notice that its bundled CBC will move
        model.prob.solve(make_solver(options, mip))
    status, sol = model.prob.status, model.prob.sol_status
    gap = None
    if options.solver == "highs" and model.y and mip:
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
        return "optimal", (gap if gap is not None else 0.0) if model.y else None
    if sol == pulp.LpSolutionIntegerFeasible:
        return "time_limit", gap
    if status == pulp.LpStatusNotSolved or sol == pulp.LpSolutionNoSolutionFound:
        return "not_solved", gap
    if status == pulp.LpStatusUnbounded:
        raise OptimizerError("the model is unbounded; this should not happen (report it)")
    return "not_solved", gap


def extract_flows(model: Model) -> pd.DataFrame:
    arcs = model.inputs.arcs
    values = [v.varValue or 0.0 for v in model.x]
    out = pd.DataFrame(
        {
            "origin": arcs["origin"],
            "care_form_id": arcs["care_form_id"],
            "performing_hospital_id": arcs["performer"],
            "cases": values,
        }
    )
    out["cases"] = out["cases"].where(out["cases"].abs() > TOLERANCE, 0.0)
    return out[out["cases"] > 0].sort_values(
        ["origin", "care_form_id", "performing_hospital_id"], ignore_index=True
    )


def shadow_prices(model: Model, options: Options) -> pd.DataFrame:
    """Duals of OR and bed rows with the binaries fixed at the optimum (an LP re-solve)."""
    for y in model.y.values():
        y.setInitialValue(round(y.varValue or 0.0))
        y.fixValue()
        y.cat = pulp.LpContinuous
    for x in model.x:
        x.cat = pulp.LpContinuous
    status, _ = solve_model(model, options, mip=False)
    if status != "optimal":
        return pd.DataFrame(columns=["constraint", "hospital_id", "dual", "unit"])
    rows = []
    for key, con in model.constraints.items():
        if key[0] in ("or_capacity", "bed_capacity") and con.pi is not None:
            unit = "per OR minute" if key[0] == "or_capacity" else "per bed-day"
            rows.append((key[0], key[1], float(con.pi), unit))
    return pd.DataFrame(rows, columns=["constraint", "hospital_id", "dual", "unit"])


def _pct(part: float, whole: float) -> str:
    return f" ({100 * part / whole:.1f} %)".replace(".", ",") if whole else ""


def _n(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def describe(key: tuple[str, ...], amount: float, inputs: ModelInputs) -> str:
    """A violated constraint in words, e.g. 'OR capacity of ALR short by 3.120 minutes (6,5 %)'."""
    h = inputs.hospitals.set_index("hospital_id")
    cf = inputs.care_forms.set_index("care_form_id")
    kind = key[0]
    if kind == "or_capacity":
        k = float(h.loc[key[1], "or_minutes"])
        return f"OR capacity of {key[1]} short by {_n(amount)} minutes{_pct(amount, k)}"
    if kind == "bed_capacity":
        k = float(h.loc[key[1], "bed_days"])
        return f"bed capacity of {key[1]} short by {_n(amount)} bed-days{_pct(amount, k)}"
    if kind == "norm":
        norm = float(cf.loc[key[2], "norm"])
        return (
            f"{key[2]} at {key[1]}: {_n(norm - amount)} cases, norm {_n(norm)} ({_n(amount)} short)"
        )
    if kind == "keep":
        return f"{key[1]} keeps {key[2]}: {_n(amount)} cases short of the minimum retention"
    if kind == "max_hospitals":
        k = cf.loc[key[1], "max_hospitals"]
        return f"{key[1]} needs {_n(amount)} more hospitals than the maximum of {_n(k)}"
    if kind == "move_share":
        return f"{key[1]} must move {_n(amount)} cases more than the maximum move share allows"
    if kind == "margin":
        return f"margin of {key[1]} drops € {_n(amount)} more than the guardrail allows"
    return f"{' '.join(key)} violated by {amount:g}"


def explain(inputs: ModelInputs, options: Options) -> pd.DataFrame:
    """Re-solve with penalised slacks and list every violated constraint in words."""
    rows = []
    for o, c, d in inputs.unreachable[["origin", "care_form_id", "cases"]].itertuples(index=False):
        rows.append(
            (
                f"demand[{o},{c}]",
                float(d),
                f"no hospital may perform {c} for {_n(d)} cases of {o}: none of its own and "
                "agreed partners is of an allowed type (within the travel limit)",
            )
        )
    soft = build(inputs, soft=True)
    status, _ = solve_model(soft, options)
    if status in ("optimal", "time_limit"):
        for key, slack in soft.slacks.items():
            amount = slack.varValue or 0.0
            if amount > 1e-4:
                name = f"{key[0]}[{','.join(key[1:])}]"
                rows.append((name, float(amount), describe(key, amount, inputs)))
    elif not rows:
        rows.append(
            (
                "model",
                0.0,
                "the relaxed model could not be solved within the time "
                "limit either; raise --time-limit",
            )
        )
    return pd.DataFrame(rows, columns=["constraint", "amount", "message"])


def optimize(wb: Workbook, year: int, options: Options | None = None) -> OptimizeResult:
    """Optimised scenario for ``year`` (SPEC §6.2)."""
    options = options or Options()
    t0 = time.perf_counter()
    inputs = prepare(wb, year, options)
    model = build(inputs)
    t1 = time.perf_counter()
    size = {
        "variables": len(model.prob.variables()),
        "constraints": len(model.constraints),
        "binaries": len(model.y),
        "arcs": len(inputs.arcs),
    }
    base = baseline_flows(wb, year)
    cap_before = capacity(wb, base, options.norms)
    empty_flows = pd.DataFrame(
        columns=["origin", "care_form_id", "performing_hospital_id", "cases"]
    )
    no_prices = pd.DataFrame(columns=["constraint", "hospital_id", "dual", "unit"])
    status, gap = ("infeasible", None) if len(inputs.unreachable) else solve_model(model, options)
    t2 = time.perf_counter()
    seconds = {"build": t1 - t0, "solve": t2 - t1}
    if status == "infeasible":
        violations = explain(inputs, options)
        seconds["explain"] = time.perf_counter() - t2
        return OptimizeResult(
            "infeasible",
            None,
            None,
            empty_flows,
            cap_before,
            None,
            None,
            violations,
            no_prices,
            size,
            seconds,
            options.solver,
        )
    if status == "not_solved":
        return OptimizeResult(
            "time_limit",
            None,
            gap,
            empty_flows,
            cap_before,
            None,
            None,
            pd.DataFrame(columns=["constraint", "amount", "message"]),
            no_prices,
            size,
            seconds,
            options.solver,
        )
    flows = extract_flows(model)
    objective = float(pulp.value(model.prob.objective) or 0.0)
    after = flows.rename(columns={"origin": "sending", "performing_hospital_id": "performing"})
    after["source"] = "optimum"
    money_table = compare(money(wb, base, year), money(wb, after, year), ["hospital_id"])
    prices = shadow_prices(model, options) if status == "optimal" else no_prices
    seconds["report"] = time.perf_counter() - t2
    return OptimizeResult(
        status,
        objective,
        gap,
        flows,
        cap_before,
        capacity(wb, after, options.norms),
        money_table,
        pd.DataFrame(columns=["constraint", "amount", "message"]),
        prices,
        size,
        seconds,
        options.solver,
    )
