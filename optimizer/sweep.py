"""Norm sweep: the optimised allocation for a range of volume norms of one care form (issue 11).

The model is built once per process and handed to HiGHS once; each norm only changes the
coefficient of the swept care form's ``norm[h,c]`` rows (n_c·y[h,c] ≤ Σ_o x[o,c,h]) and
re-solves. First the optimum at the current norm is found; then, for every norm, the swept care
form is redistributed while every other care form keeps its allocation of that optimum (its
binaries y and its cases x are fixed; the swept care form gets the capacity, move share and
margin room they leave).
That re-solve has only the swept care form's arcs and binaries and is solved to a tight gap in
seconds, so the curves compare optima, not solver tolerances. (With the other care forms' cases
free to shift between their hospitals, one re-solve of the national instance took minutes: HiGHS
found the optimum early and spent the rest proving it over 126,000 columns.) Where the swept care
form does not fit with the others held, their cases may shift between their hospitals
(binaries still held) for that norm; where that is infeasible too, or the current optimum is
infeasible, the norm goes through the full optimiser (:func:`optimize`), which explains or
proposes agreements.

On a large model the norms are spread over worker processes (each builds the model once);
Ctrl-C stops them all.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

import highspy
import numpy as np
import pandas as pd
import pulp

from calculator.errors import Finding, SpreidingInputError
from calculator.workbook import Workbook
from messages import Message
from optimizer.build import build
from optimizer.capacity import baseline_flows, effective_norms, money
from optimizer.errors import OptimizerError
from optimizer.inputs import Options, prepare, travel_minutes
from optimizer.model import Model
from optimizer.optimize import PROPOSAL_COLUMNS, optimize
from optimizer.solver import extract_flows, make_solver

Progress = Callable[[int, int, str], None]
TIGHT_GAP = 1e-6  # the restricted re-solves have only one care form's arcs and binaries
PARALLEL_FROM_ARCS = 20_000  # below this a model solves faster than a process starts
POINT_COLUMNS = [
    "norm",
    "status",
    "hospitals_performing",
    "cases_moved",
    "cases_moved_region",
    "travel_mean_minutes",
    "travel_max_minutes",
    "share_over_30",
    "share_over_60",
    "margin_change_cents",
    "proposals",
    "objective",
    "method",
    "reason",
]


@dataclass(frozen=True)
class Others:
    """The other care forms' allocation at the current optimum, by HiGHS column:
    ``y`` their binaries (0/1), ``x`` their arcs' cases."""

    y: np.ndarray
    x: np.ndarray


@dataclass(frozen=True)
class SweepResult:
    """The answers per norm.

    points : norm, status, hospitals_performing, cases_moved (of the swept care form, away from
        the patients' own hospital), cases_moved_region (all care forms), travel_mean_minutes
        and travel_max_minutes (extra minutes per moved patient of the swept care form),
        share_over_30 and share_over_60 (of all its patients), margin_change_cents (region,
        after − before, all care forms), proposals (count of new agreements), objective, method
        (``held``: the other care forms held at the current optimum; ``shifted``: their cases
        shifted between their hospitals to make room; ``full``: the whole optimiser), reason
        (Messages: why others shifted, or why a norm is infeasible)
    performers : norm, hospital_id, cases (the swept care form per performing hospital)
    proposals : norm, care_form_id, sending_hospital, performing_hospital, cases, travel_minutes,
        margin_sending_cents, margin_performing_cents (see :class:`OptimizeResult`)
    """

    year: int
    care_form_id: str
    current_norm: int
    norms: tuple[int, ...]
    points: pd.DataFrame
    performers: pd.DataFrame
    proposals: pd.DataFrame
    seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 1


def parse_norm_range(spec: str) -> list[int]:
    """``"10:60:5"`` → [10, 15, …, 60]; ``"20:40"`` steps by 1; ``"30"`` is one norm."""
    parts = spec.split(":")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 1:
        numbers += [numbers[0], 1]
    elif len(numbers) == 2:
        numbers.append(1)
    if len(numbers) != 3 or numbers[0] < 0 or numbers[1] < numbers[0] or numbers[2] < 1:
        raise SpreidingInputError(
            [
                Finding(
                    "care_forms",
                    None,
                    "volume_norm",
                    f"--norms {spec}",
                    code="norms_range_bad",
                )
            ]
        )
    first, last, step = numbers
    return list(range(first, last + 1, step))


# --------------------------------------------------------------------------- one process


class NormSolver:
    """A model built and handed to HiGHS once, re-solved for other norms of one care form."""

    def __init__(self, wb: Workbook, year: int, options: Options, care_form: str, build_norm: int):
        self.wb, self.year, self.care_form = wb, year, care_form
        self.options = replace(options, norms={**options.norms, care_form: build_norm})
        self.inputs = prepare(wb, year, self.options)
        self.model: Model = build(self.inputs)
        prob = self.model.prob
        self.solver = make_solver(self.options)
        if not isinstance(self.solver, pulp.HiGHS):
            raise SpreidingInputError(
                [Finding("", None, "", "--solver cbc", code="sweep_highs_only")]
            )
        self.solver.createAndConfigureSolver(prob)
        self.solver.buildSolverModel(prob)
        self.highs: highspy.Highs = prob.solverModel
        self.norm_rows = [
            (con.index, self.model.y[(key[1], key[2])].index)
            for key, con in self.model.constraints.items()
            if key[0] == "norm" and key[2] == care_form
        ]
        self.other_y = np.array(
            [v.index for (h, c), v in self.model.y.items() if c != care_form], dtype=np.int32
        )
        arcs = self.inputs.arcs
        other_arcs = (arcs["care_form_id"] != care_form).to_numpy()
        self.other_x = np.array([v.index for v in self.model.x], dtype=np.int32)[other_arcs]
        self.x_bounds = (np.zeros(len(self.other_x)), np.full(len(self.other_x), highspy.kHighsInf))
        self.travel = arcs[["sending_hospital", "performing_hospital", "travel"]]
        self.money_before = money(wb, baseline_flows(wb, year), year)["margin_cents"].sum()

    def _run(self, norm: int, start: bool = False) -> str:
        """Solve for ``norm``; ``start``: as a normal solve does (HiGHS gets a starting solution
        from the LP relaxation), else from where the last solve left HiGHS."""
        for row, col in self.norm_rows:
            self.highs.changeCoeff(row, col, -float(norm))
        if start:
            self.solver.callSolver(self.model.prob)
        else:
            self.highs.run()
        status, sol = self.solver.findSolutionValues(self.model.prob)
        if sol in (pulp.LpSolutionOptimal,):
            return "optimal"
        if sol == pulp.LpSolutionIntegerFeasible:
            return "time_limit"
        if status == pulp.LpStatusInfeasible or sol == pulp.LpSolutionInfeasible:
            return "infeasible"
        return "not_solved"

    def solve_current(self, norm: int) -> tuple[str, Others]:
        """The optimum at the current norm: its status and the other care forms' allocation."""
        status = self._run(norm, start=True)
        values = np.asarray(self.highs.getSolution().col_value)
        others = Others(np.round(values[self.other_y]), values[self.other_x])
        return status, others

    def solve_restricted(self, norm: int, others: Others) -> dict[str, Any]:
        """Re-solve for ``norm`` with the other care forms held at ``others``; when the swept
        care form does not fit with them held, their cases may shift between their
        hospitals (binaries still held); when that is infeasible too, the full optimiser."""
        h, k = self.highs, len(self.other_x)
        h.changeColsBounds(len(self.other_y), self.other_y, others.y, others.y)
        h.changeColsBounds(k, self.other_x, others.x, others.x)
        h.setOptionValue("mip_rel_gap", TIGHT_GAP)
        status, method = self._run(norm), "held"
        if status == "infeasible":
            h.changeColsBounds(k, self.other_x, *self.x_bounds)
            status, method = self._run(norm), "shifted"
        if status not in ("optimal", "time_limit"):
            return full_point(self.wb, self.year, self.options, self.care_form, norm)
        flows = extract_flows(self.model)
        objective = float(pulp.value(self.model.prob.objective) or 0.0)
        return measure(
            self.wb,
            self.year,
            self.care_form,
            norm,
            status,
            flows,
            self.money_before,
            objective,
            method,
        )


def full_point(
    wb: Workbook, year: int, options: Options, care_form: str, norm: int
) -> dict[str, Any]:
    """One norm through the whole optimiser (explanations and proposals included)."""
    result = optimize(wb, year, replace(options, norms={**options.norms, care_form: norm}))
    proposals = getattr(result, "proposals", None)
    reason = tuple(result.violations["message"].head(3))  # Messages, rendered at the edge
    if result.flows.empty:
        return {
            "point": dict(
                zip(
                    POINT_COLUMNS,
                    [norm, result.status, *[None] * 10, "full", reason],
                    strict=True,
                )
            ),
            "performers": [],
            "proposals": records_of(proposals, norm),
        }
    before = int(result.money["margin_cents_before"].sum()) if result.money is not None else 0
    measured = measure(
        wb, year, care_form, norm, result.status, result.flows, before, result.objective, "full"
    )
    measured["proposals"] = records_of(proposals, norm)
    measured["point"]["proposals"] = len(measured["proposals"])
    measured["point"]["reason"] = reason
    return measured


def records_of(proposals: pd.DataFrame | None, norm: int) -> list[dict[str, Any]]:
    if proposals is None or not len(proposals):
        return []
    return [{"norm": norm, **row} for row in proposals.to_dict("records")]


def measure(
    wb: Workbook,
    year: int,
    care_form: str,
    norm: int,
    status: str,
    flows: pd.DataFrame,
    margin_before_cents: int,
    objective: float | None,
    method: str,
) -> dict[str, Any]:
    """The answers of one norm from its flows (origin, care_form_id, performing_hospital_id,
    cases) [minutes, cents]."""
    after = flows
    margin_after = int(money(wb, after.assign(source="sweep"), year)["margin_cents"].sum())
    own = after[after["care_form_id"] == care_form].reset_index(drop=True)
    pairs = own
    minutes = travel_minutes(wb, pairs).fillna(0.0).to_numpy() if len(own) else np.zeros(0)
    cases = own["cases"].to_numpy(dtype=float)
    moved = (own["sending_hospital"] != own["performing_hospital"]).to_numpy()
    total = cases.sum()
    moved_cases = cases[moved].sum()
    performers = own.groupby("performing_hospital")["cases"].sum()
    performers = performers[performers > 1e-6]
    point = {
        "norm": norm,
        "status": status,
        "hospitals_performing": int(len(performers)),
        "cases_moved": float(moved_cases),
        "cases_moved_region": float(
            after.loc[after["sending_hospital"] != after["performing_hospital"], "cases"].sum()
        ),
        "travel_mean_minutes": float((cases * minutes)[moved].sum() / moved_cases)
        if moved_cases
        else 0.0,
        "travel_max_minutes": float(minutes[moved & (cases > 1e-6)].max()) if moved_cases else 0.0,
        "share_over_30": float(cases[minutes > 30].sum() / total) if total else 0.0,
        "share_over_60": float(cases[minutes > 60].sum() / total) if total else 0.0,
        "margin_change_cents": margin_after - int(margin_before_cents),
        "proposals": 0,
        "objective": objective,
        "method": method,
        "reason": (Message("sweep_reason_shifted", {"care_form": care_form}),)
        if method == "shifted"
        else (),
    }
    return {
        "point": point,
        "performers": [
            {"norm": norm, "hospital_id": h, "cases": float(c)} for h, c in performers.items()
        ],
        "proposals": [],
    }


# --------------------------------------------------------------------------- worker processes

_WORKER: NormSolver | None = None
_WORKER_ERROR: tuple[str, str] = ("", "")


def _init_worker(
    wb: Workbook, year: int, options: Options, care_form: str, build_norm: int
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = NormSolver(wb, year, options, care_form, build_norm)
    except Exception as exc:  # a failing initializer would be restarted for ever: report it
        _WORKER_ERROR = (type(exc).__name__, str(exc))


def _solve_in_worker(norm: int, others: Others) -> dict[str, Any]:
    if _WORKER is None:
        kind, detail = _WORKER_ERROR
        raise OptimizerError("opt_worker_failed", kind=kind, detail=detail)
    return _WORKER.solve_restricted(norm, others)


# --------------------------------------------------------------------------- the sweep


def sweep(
    wb: Workbook,
    year: int,
    care_form: str,
    norms: Sequence[int],
    options: Options | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> SweepResult:
    """Solve the optimised allocation for every norm of ``care_form`` in ``norms``.

    ``workers`` None decides by size: two processes for a large model (2 cores), else one.
    """
    options = options or Options()
    wb.require_year("volumes", year)
    known = effective_norms(wb)
    if care_form not in known:
        raise SpreidingInputError(
            [
                Finding(
                    "care_forms",
                    None,
                    "care_form_id",
                    care_form,
                    code="sweep_unknown_care_form",
                    params={"known": ", ".join(sorted(known))},
                )
            ]
        )
    norms = sorted(set(int(n) for n in norms))
    current = int(options.norms.get(care_form, known[care_form]))
    build_norm = max([n for n in [current, *norms] if n > 0], default=1)
    t0 = time.perf_counter()
    done: list[dict[str, Any]] = []

    def report(item: dict[str, Any]) -> None:
        done.append(item)
        if progress is not None:
            progress(len(done), len(norms), str(item["point"]["norm"]))

    solver = NormSolver(wb, year, options, care_form, build_norm)
    t_build = time.perf_counter() - t0
    status, others = solver.solve_current(current)
    t_current = time.perf_counter() - t0 - t_build
    if status not in ("optimal", "time_limit"):
        for n in norms:
            report(full_point(wb, year, options, care_form, n))
        used = 1
    else:
        big = len(solver.inputs.arcs) >= PARALLEL_FROM_ARCS and len(norms) > 2
        used = workers if workers is not None else (2 if big else 1)
        if used <= 1:
            for n in norms:
                report(solver.solve_restricted(n, others))
        else:
            _parallel(solver, norms, others, used - 1, report)
    t_all = time.perf_counter() - t0
    by_norm = sorted(done, key=lambda item: item["point"]["norm"])
    points = pd.DataFrame([item["point"] for item in by_norm], columns=POINT_COLUMNS)
    points["hospitals_performing"] = points["hospitals_performing"].astype("Int64")
    points["proposals"] = points["proposals"].astype("Int64")
    performers = pd.DataFrame(
        [p for item in by_norm for p in item["performers"]],
        columns=["norm", "hospital_id", "cases"],
    )
    proposals = pd.DataFrame(
        [p for item in by_norm for p in item["proposals"]],
        columns=["norm", *PROPOSAL_COLUMNS],
    )
    return SweepResult(
        year,
        care_form,
        current,
        tuple(norms),
        points,
        performers,
        proposals,
        {"build": t_build, "current": t_current, "total": t_all},
        used,
    )


def _parallel(
    solver: NormSolver,
    norms: list[int],
    others: Others,
    extra: int,
    report: Callable[[dict[str, Any]], None],
) -> None:
    """This process and ``extra`` worker processes share the norms; each worker builds the
    model once. The workers take the high norms, this process the low ones (balanced by count);
    a norm a worker cannot solve is solved here."""
    ctx = mp.get_context("spawn")  # a fork would copy HiGHS's threads half-alive
    build_norm = solver.options.norms[solver.care_form]
    pool: Pool = ctx.Pool(
        extra,
        initializer=_init_worker,
        initargs=(solver.wb, solver.year, solver.options, solver.care_form, build_norm),
    )

    def here(norm: int) -> None:
        report(solver.solve_restricted(norm, others))

    try:
        share = len(norms) * extra // (extra + 1)
        theirs = norms[len(norms) - share :]
        mine = norms[: len(norms) - share]
        pending = [(n, pool.apply_async(_solve_in_worker, (n, others))) for n in theirs]
        for n in mine:
            here(n)
            pending = _collect(pending, report, here, wait=False)
        while pending:
            pending = _collect(pending, report, here, wait=True)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(
    pending: list[tuple[int, AsyncResult]],
    report: Callable[[dict[str, Any]], None],
    here: Callable[[int], None],
    wait: bool,
) -> list[tuple[int, AsyncResult]]:
    if wait and pending:
        pending[0][1].wait(0.2)
    left = []
    for norm, job in pending:
        if not job.ready():
            left.append((norm, job))
        elif job.successful():
            report(job.get())
        else:
            here(norm)
    return left
