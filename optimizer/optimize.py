"""The optimised scenario (docs/model.md): prepare, build, solve, propose, explain, report.

With the agreements in force the model may have no solution (a norm that needs patients from a
hospital no agreement connects). Then — or always with ``propose=True`` — it is solved in two
stages: first the fewest *new* agreements (pair × care form within the travel limit), then the
fewest cases on them, that make the scenario feasible; then the normal objective with those moves
allowed. Only when even free moves cannot help is the answer ``infeasible``, with the binding
constraints in words and what would have to change.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pulp

from calculator.workbook import Workbook
from messages import Message
from optimizer.build import build
from optimizer.capacity import CapacityReport, baseline_flows, capacity, compare, money
from optimizer.explain import VIOLATION_COLUMNS, explain
from optimizer.goals import goals, moved_patients, shadow_prices, solve_plan
from optimizer.inputs import ModelInputs, Options, linear_margins, prepare
from optimizer.model import Model
from optimizer.solver import PRICE_COLUMNS, TOLERANCE, extract_flows, solve_model
from optimizer.story import Story, tell

FLOW_COLUMNS = ["sending_hospital", "care_form_id", "performing_hospital", "cases", "new"]
PROPOSAL_COLUMNS = [
    "care_form_id",
    "sending_hospital",
    "performing_hospital",
    "cases",
    "travel_minutes",
    "margin_sending_cents",
    "margin_performing_cents",
]
STATUSES = ("optimal", "optimal_with_proposals", "time_limit", "infeasible")


@dataclass(frozen=True)
class OptimizeResult:
    """The outcome of ``spreiding optimize``; built by keyword only.

    status : ``optimal``; ``optimal_with_proposals`` (solved with new agreements, see
        ``proposals``); ``time_limit`` (flows present when an incumbent was found);
        ``infeasible`` (even free moves within the travel limit cannot help; see ``violations``
        and ``advice``)
    flows : sending_hospital, care_form_id, performing_hospital, cases, new (under a proposed
        agreement) — empty unless solved; the JSON names them ``origin`` and
        ``performing_hospital_id`` (README, Command line)
    proposals : care_form_id, sending_hospital, performing_hospital, cases, travel_minutes,
        margin_sending_cents, margin_performing_cents (the linear margin effect of the moved cases
        for each of the two hospitals: contract price, ODV/secondment and variable cost, caps left
        out) — new agreements only, distinct from moves under agreements in force
    objective_parts : moves (patients treated elsewhere than today), travel [weighted minutes],
        fixed_costs [weighted EUR]; ``objective`` is the value of the last solve (with the
        default goals: travel and fixed costs at the fewest moves)
    goals : the goals in the order they count, in words (:func:`optimizer.goals.goals`)
    whole : flows are whole patients
    violations : constraint, amount, message, change (Messages; only when infeasible)
    advice : what would have to change, in sentences (Messages; only when infeasible)
    shadow_prices : constraint, hospital_id, dual, unit [objective units per minute or bed-day]
    """

    status: str
    year: int
    objective: float | None
    gap: float | None
    flows: pd.DataFrame
    proposals: pd.DataFrame
    capacity_before: CapacityReport
    capacity_after: CapacityReport | None
    money: pd.DataFrame | None
    violations: pd.DataFrame
    shadow_prices: pd.DataFrame
    size: dict[str, int]
    options: Options
    objective_parts: dict[str, float] = field(default_factory=dict)
    advice: list[Message] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    solver: str = "highs"
    story: Story | None = None
    # the goals of the run in the order they count (Messages), and whether flows are whole
    goals: list[Message] = field(default_factory=list)
    whole: bool = True

    @property
    def solved(self) -> bool:
        return self.status in ("optimal", "optimal_with_proposals") or not self.flows.empty


def _size(model: Model, inputs: ModelInputs) -> dict[str, int]:
    return {
        "variables": len(model.prob.variables()),
        "constraints": len(model.constraints),
        "binaries": len(model.y) + len(model.z),
        "arcs": len(inputs.arcs),
        "candidate_arcs": int(inputs.arcs["new"].sum()),
    }


def objective_parts(model: Model) -> dict[str, float]:
    """The parts of the objective at the solution: moves (patients treated elsewhere than
    today), travel [weighted minutes] and fixed costs [weighted EUR]."""
    inputs = model.inputs
    opts = inputs.options
    arcs = inputs.arcs
    x = np.array([v.varValue or 0.0 for v in model.x], dtype=float)
    fixed = 0.0
    for h, c, f in inputs.fixed_costs.itertuples(index=False):
        if (h, c) in model.y:
            fixed += float(f) * round(model.y[(h, c)].varValue or 0.0)
    return {
        "moves": moved_patients(model),
        "travel": float(opts.w_travel * (arcs["travel"].to_numpy() * x).sum()),
        "fixed_costs": inputs.w_fixed * fixed,
    }


def proposal_money(wb: Workbook, year: int, proposals: pd.DataFrame) -> pd.DataFrame:
    """Margin effect of each proposal for its sending and performing hospital [cents].

    Per case: the margin of the case performed under the new agreement (referral: the performer
    declares) minus the margin of the same case performed at home, by the linear rules of the
    margin guardrail (contract price weighted by insurer shares, ODV, secondment, variable cost).
    """
    out = proposals.copy()
    if out.empty:
        out["margin_sending_cents"] = pd.Series(dtype="int64")
        out["margin_performing_cents"] = pd.Series(dtype="int64")
        return out
    moved = pd.DataFrame(
        {
            "sending_hospital": out["sending_hospital"],
            "care_form_id": out["care_form_id"],
            "performing_hospital": out["performing_hospital"],
        }
    )
    home = moved.assign(performing_hospital=moved["sending_hospital"])
    arcs = pd.concat([moved, home], ignore_index=True)
    empty = pd.DataFrame(
        columns=["sending_hospital", "performing_hospital", "care_form_id", "cases"]
    )
    per_case, _ = linear_margins(wb, year, arcs, empty)
    cents = per_case.set_index(["arc", "hospital_id"])["cents"]
    n = len(out)
    sending, performing = [], []
    for i, (o, h, cases) in enumerate(
        zip(out["sending_hospital"], out["performing_hospital"], out["cases"], strict=True)
    ):
        away = float(cents.get((i, o), 0.0)) - float(cents.get((n + i, o), 0.0))
        sending.append(round(away * float(cases)))
        performing.append(round(float(cents.get((i, h), 0.0)) * float(cases)))
    out["margin_sending_cents"] = pd.array(sending, dtype="int64")
    out["margin_performing_cents"] = pd.array(performing, dtype="int64")
    return out


def proposals_of(model: Model) -> pd.DataFrame:
    """The new agreements the solution uses: care form, from, to, cases, travel minutes."""
    arcs = model.inputs.arcs
    x = np.array([v.varValue or 0.0 for v in model.x], dtype=float)
    used = arcs["new"].to_numpy(dtype=bool) & (x > 1e-6)
    chosen = arcs[used]
    return pd.DataFrame(
        {
            "care_form_id": chosen["care_form_id"].to_numpy(),
            "sending_hospital": chosen["sending_hospital"].to_numpy(),
            "performing_hospital": chosen["performing_hospital"].to_numpy(),
            "cases": x[used],
            "travel_minutes": chosen["travel"].to_numpy(dtype=float),
        }
    ).sort_values(["care_form_id", "sending_hospital", "performing_hospital"], ignore_index=True)


def _empty_flows() -> pd.DataFrame:
    return pd.DataFrame(columns=FLOW_COLUMNS)


def _unsolved(
    status: str,
    wb: Workbook,
    year: int,
    options: Options,
    size: dict[str, int],
    seconds: dict[str, float],
    gap: float | None = None,
    violations: pd.DataFrame | None = None,
    advice: list[Message] | None = None,
) -> OptimizeResult:
    return OptimizeResult(
        status=status,
        year=year,
        objective=None,
        gap=gap,
        flows=_empty_flows(),
        proposals=pd.DataFrame(columns=PROPOSAL_COLUMNS),
        capacity_before=capacity(
            wb, baseline_flows(wb, year), options.norms, options.max_utilisation
        ),
        capacity_after=None,
        money=None,
        violations=violations
        if violations is not None
        else pd.DataFrame(columns=VIOLATION_COLUMNS),
        advice=advice or [],
        shadow_prices=pd.DataFrame(columns=PRICE_COLUMNS),
        size=size,
        options=options,
        seconds=seconds,
        solver=options.solver,
        goals=goals(options),
    )


def focused_candidates(inputs: ModelInputs) -> np.ndarray:
    """Arcs of a first, smaller proposal stage: every arc in force, and the candidate arcs of the
    care forms that can make a scenario infeasible (a norm, a hospital maximum, a retention
    minimum, demand no allowed performer in reach can take) and of the origins whose hospital is
    over its OR or bed capacity today. A norm elsewhere may push a hospital over capacity, so
    when this stage has no solution the full candidate set is tried."""
    arcs = inputs.arcs
    cf = inputs.care_forms
    focus = set(cf.loc[(cf["norm"] > 0) | cf["max_hospitals"].notna(), "care_form_id"])
    focus |= set(inputs.keep["care_form_id"])
    gated = inputs.restricted(~arcs["new"].to_numpy(dtype=bool))
    focus |= set(gated.unreachable["care_form_id"])
    today = arcs[arcs["baseline"] > 0]
    minutes = (today["baseline"] * today["or_minutes"]).groupby(today["performing_hospital"]).sum()
    beds = (today["baseline"] * today["los"]).groupby(today["performing_hospital"]).sum()
    h = inputs.hospitals.set_index("hospital_id")
    or_limit = h["or_minutes"] * h["or_ceiling"]
    bed_limit = h["bed_days"] * h["bed_ceiling"]
    over = {
        hospital
        for hospital in h.index
        if minutes.get(hospital, 0.0) > float(or_limit[hospital]) + 1e-6
        or (
            not pd.isna(bed_limit[hospital])
            and beds.get(hospital, 0.0) > float(bed_limit[hospital]) + 1e-6
        )
    }
    return ~arcs["new"].to_numpy(dtype=bool) | (
        arcs["care_form_id"].isin(focus) | arcs["sending_hospital"].isin(over)
    ).to_numpy(dtype=bool)


# Above this many candidate arcs stage 1 first solves its LP relaxation and keeps the candidates
# of the (origin, care form) pairs that the relaxation moves or leaves undecided (a heuristic: on
# the national benchmark, 38,000 candidates, it keeps 6,000 and finds 888–897 agreements where the
# relaxation of the kept ones, with HiGHS's cuts, bounds 881); smaller instances are solved exactly.
EXACT_CANDIDATES = 5_000


def lp_supported(inputs: ModelInputs, options: Options) -> np.ndarray | None:
    """Arcs in force plus the candidates of the (origin, care form) pairs that the LP relaxation
    of stage 1 moves along new arcs, and those out of and into a (hospital, care form) whose y
    it leaves fractional (opening or closing that service needs them); None when the LP has no
    solution."""
    relaxed = build(inputs, stage="proposals")
    status, _ = solve_model(relaxed, options, mip=False)
    if status != "optimal":
        return None
    arcs = inputs.arcs
    new = arcs["new"].to_numpy(dtype=bool)
    moved = np.array([(v.varValue or 0.0) > 1e-6 for v in relaxed.x]) & new
    pairs = set(zip(arcs["sending_hospital"][moved], arcs["care_form_id"][moved], strict=True))
    undecided = {key for key, v in relaxed.y.items() if 1e-6 < (v.varValue or 0.0) < 1 - 1e-6}
    pairs |= undecided
    in_pair = np.array(
        [
            (o, c) in pairs or (h, c) in undecided
            for o, c, h in zip(
                arcs["sending_hospital"],
                arcs["care_form_id"],
                arcs["performing_hospital"],
                strict=True,
            )
        ]
    )
    return ~new | in_pair


def rounding_headroom(inputs: ModelInputs) -> ModelInputs:
    """The inputs with each hospital's OR minutes and bed-days lowered by one case of its
    largest care form (the most minutes, the most bed-days per case at it), measured at its
    planning ceiling.

    Stage 1 decides on fractional flows; the plan after it is in whole patients, and a flow of
    3,7 cases must become 3 or 4. Where stage 1 fills a hospital to its ceiling, rounding up may
    push it over: this headroom leaves room for it (national: without it the whole plan on the
    chosen agreements had no solution, 61 minutes short at one hospital)."""
    arcs = inputs.arcs
    h = inputs.hospitals
    largest = arcs.groupby("performing_hospital")[["or_minutes", "los"]].max()
    minutes = h["hospital_id"].map(largest["or_minutes"]).fillna(0.0).to_numpy(dtype=float)
    days = h["hospital_id"].map(largest["los"]).fillna(0.0).to_numpy(dtype=float)
    lowered = h.assign(
        or_minutes=np.maximum(h["or_minutes"] - minutes / h["or_ceiling"], 0.0),
        bed_days=np.maximum(h["bed_days"] - days / h["bed_ceiling"], 0.0),
    )
    return replace(inputs, hospitals=lowered)


# the neighbourhood MIP of stage 1's first solution may take this share of the time limit
NEIGHBOURHOOD_SHARE = 0.1


# with a first solution, stage 1's MIP improves on it for this share of the time stage 1 took to
# find it (at least IMPROVE_MIN seconds) and keeps the best it has: national, a first solution
# within 1 % of the best known (897 agreements against 888) in 10–15 s; HiGHS needs 15–25 s more
# to find that best one
IMPROVE_SHARE = 0.25
IMPROVE_MIN = 2.0


def neighbourhood_start(stage: Model, options: Options) -> bool:
    """A first solution of stage 1 near its LP relaxation; True when the stage's variables hold
    one (to start the MIP from, ``warm=True``).

    The relaxation says which agreements are needed but not how to round them. Candidate arcs it
    leaves at zero are closed, except those out of or into a (hospital, care form) whose y it
    leaves fractional (opening or closing that service needs them), and those of an (origin,
    care form) it moves in part or splits into a hospital with room for one more case of it in
    the relaxation (where the rounded moves may go); the rest is solved as a MIP (national: two
    thirds of the candidates closed, 3–8 s, within 1 % of the best plan known). HiGHS then
    starts from it instead of searching for a first plan (that search took 15–60 s)."""
    status, _ = solve_model(stage, options, mip=False)
    if status != "optimal":
        return False
    arcs = stage.inputs.arcs
    x = np.array([v.varValue or 0.0 for v in stage.x], dtype=float)
    undecided = {
        key for key, v in stage.y.items() if TOLERANCE < (v.varValue or 0.0) < 1 - TOLERANCE
    }
    labels = np.fromiter(stage.z, dtype=np.intp, count=len(stage.z))
    z = np.array([v.varValue or 0.0 for v in stage.z.values()], dtype=float)
    origin, care_form, performer = (
        arcs[col].to_numpy()[labels]
        for col in ("sending_hospital", "care_form_id", "performing_hospital")
    )
    split = {
        (o, c)
        for o, c, value in zip(origin, care_form, z, strict=True)
        if TOLERANCE < value < 1 - TOLERANCE
    }
    h = stage.inputs.hospitals.set_index("hospital_id")
    used = (
        arcs.assign(minutes=x * arcs["or_minutes"], days=x * arcs["los"])
        .groupby("performing_hospital")[["minutes", "days"]]
        .sum()
    )
    or_room = h["or_minutes"] * h["or_ceiling"] - used["minutes"].reindex(h.index, fill_value=0.0)
    bed_room = (
        h["bed_days"] * h["bed_ceiling"] - used["days"].reindex(h.index, fill_value=0.0)
    ).fillna(np.inf)  # no bed-days given: beds do not limit
    room = (or_room.reindex(performer).to_numpy() >= arcs["or_minutes"].to_numpy()[labels]) & (
        bed_room.reindex(performer).to_numpy() >= arcs["los"].to_numpy()[labels]
    )
    open_ = [
        (o, c) in undecided or (p, c) in undecided or ((o, c) in split and r)
        for o, c, p, r in zip(origin, care_form, performer, room, strict=True)
    ]
    closed = [
        var
        for var, value, keep in zip(stage.z.values(), z, open_, strict=True)
        if value <= TOLERANCE and not keep
    ]
    for var in closed:
        var.upBound = 0
    budget = NEIGHBOURHOOD_SHARE * (options.time_limit or 300.0)
    try:
        status, _ = solve_model(stage, replace(options, time_limit=budget))
    finally:
        for var in closed:
            var.upBound = 1
    return status in ("optimal", "time_limit")


def choose_proposals(
    inputs: ModelInputs, options: Options, seconds: dict[str, float], whole: bool = False
) -> tuple[str, ModelInputs | None, float | None]:
    """Stage 1: the fewest new agreements, then the fewest cases on them. Tried on ever larger
    candidate sets until one has a solution: (for large instances) the pairs the LP relaxation
    uses, the focused candidates (:func:`focused_candidates`), all candidates.

    Which agreements to propose is decided on fractional flows (whole patients make this stage
    a far harder MIP: national, 2,9 % from the best after 120 s, against 1 % in 20 s); for large
    instances with whole patients with a :func:`rounding_headroom`. ``whole``: on whole
    patients (for when the whole plan on the fractional choice has no solution). Each attempt
    starts from :func:`neighbourhood_start` and improves on it for a quarter of the time
    that took.

    Returns (status, inputs with only the chosen candidate arcs, gap of stage 1).
    """
    t = time.perf_counter()
    focused = inputs.restricted(focused_candidates(inputs))
    attempts = [focused, inputs] if len(focused.arcs) < len(inputs.arcs) else [inputs]
    large = int(focused.arcs["new"].sum()) > EXACT_CANDIDATES and not whole
    if large and inputs.whole:
        attempts = [rounding_headroom(attempt) for attempt in attempts]
    if large:
        supported = lp_supported(attempts[0], options)
        if supported is not None:
            attempts.insert(0, attempts[0].restricted(supported))
    status, gap = "infeasible", None
    for attempt in attempts:
        stage = build(replace(attempt, whole=whole), stage="proposals")
        warm = neighbourhood_start(stage, options)
        improve = options
        if warm:  # improve on the first solution for a quarter of the time finding it took
            budget = max(IMPROVE_MIN, IMPROVE_SHARE * (time.perf_counter() - t))
            if options.time_limit is not None:
                budget = min(budget, options.time_limit)
            improve = replace(options, time_limit=budget)
        status, gap = solve_model(stage, improve, warm=warm)
        if status in ("optimal", "time_limit"):
            break
    seconds["proposals"] = seconds.get("proposals", 0.0) + time.perf_counter() - t
    if status not in ("optimal", "time_limit"):
        return status, None, gap
    arcs = stage.inputs.arcs
    chosen = np.zeros(len(arcs), dtype=bool)
    for i, z in stage.z.items():
        chosen[i] = (z.varValue or 0.0) > 0.5 and (stage.x[i].varValue or 0.0) > 1e-6
    keep = ~arcs["new"].to_numpy(dtype=bool) | chosen
    kept = stage.inputs.restricted(keep)
    return status, replace(kept, whole=inputs.whole, hospitals=inputs.hospitals), gap


@dataclass(frozen=True)
class Solved:
    """The outcome of :func:`solve_inputs`: a status, the gap, the inputs finally solved (with
    only the chosen candidate arcs) and their model (None when never built)."""

    status: str
    gap: float | None
    inputs: ModelInputs
    model: Model | None


def solve_inputs(everything: ModelInputs, options: Options, seconds: dict[str, float]) -> Solved:
    """Solve prepared inputs (candidate arcs flagged ``new``): with the agreements in force
    first, and where they leave no solution (or with ``propose``) with the fewest proposals."""
    may_propose = options.propose is not False and not options.free_moves
    new = everything.arcs["new"].to_numpy(dtype=bool)
    gated = everything.restricted(~new) if new.any() else everything
    status, gap, inputs, model = "infeasible", None, gated, None
    if options.propose is not True or not new.any():
        t = time.perf_counter()
        model = build(gated)
        seconds["build"] = seconds.get("build", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        if len(gated.unreachable) == 0:
            status, gap = solve_plan(model, options)
        seconds["solve"] = time.perf_counter() - t
    if status == "infeasible" and may_propose and new.any():
        # which agreements is decided on fractional flows; when the plan in whole patients on
        # them has no solution (they do not round), it is decided again on whole patients
        for whole in (False, True) if everything.whole else (False,):
            stage_status, chosen, _ = choose_proposals(everything, options, seconds, whole)
            if chosen is None:
                if stage_status == "infeasible" or len(everything.unreachable):
                    return Solved("infeasible", None, everything, None)
                return Solved("proposals_time_limit", None, gated, model)
            inputs, model, status, gap = _plan_on(chosen, options, seconds)
            if status != "infeasible":
                break
    return Solved(status, gap, inputs, model)


def optimize(wb: Workbook, year: int, options: Options | None = None) -> OptimizeResult:
    """Optimised scenario for ``year`` (docs/model.md), with proposed agreements where needed."""
    options = options or Options()
    t0 = time.perf_counter()
    may_propose = options.propose is not False and not options.free_moves
    everything = prepare(wb, year, options, candidates=may_propose)
    seconds: dict[str, float] = {"build": time.perf_counter() - t0}
    solved = solve_inputs(everything, options, seconds)
    status, gap, inputs, model = solved.status, solved.gap, solved.inputs, solved.model
    if status == "proposals_time_limit":
        return _unsolved(
            "time_limit", wb, year, options, _size(model, inputs) if model else {}, seconds
        )
    if model is None:
        model = build(inputs)
    size = _size(model, inputs)
    if status == "infeasible":
        t = time.perf_counter()
        violations, advice = explain(inputs, options)
        seconds["explain"] = time.perf_counter() - t
        return _unsolved(
            "infeasible", wb, year, options, size, seconds, violations=violations, advice=advice
        )
    if status == "not_solved":
        return _unsolved("time_limit", wb, year, options, size, seconds, gap=gap)
    return _report(wb, year, options, model, status, gap, size, seconds)


def _plan_on(
    inputs: ModelInputs, options: Options, seconds: dict[str, float]
) -> tuple[ModelInputs, Model, str, float | None]:
    """Build and solve the plan on ``inputs`` (the agreements in force and those chosen)."""
    t = time.perf_counter()
    model = build(inputs)
    t1 = time.perf_counter()
    status, gap = solve_plan(model, options)
    seconds["build"] = seconds.get("build", 0.0) + t1 - t
    seconds["solve"] = seconds.get("solve", 0.0) + time.perf_counter() - t1
    return inputs, model, status, gap


def plan_figures(
    wb: Workbook, year: int, base: pd.DataFrame, after: pd.DataFrame, options: Options
) -> tuple[pd.DataFrame, CapacityReport, CapacityReport]:
    """A plan's money against today (per hospital before, after and the change, with the run's
    cap rule) and the capacity today and after it (the run's norms and ceiling)."""
    money_table = compare(
        money(wb, base, year),
        money(wb, after, year, before=base, caps=options.caps),
        ["hospital_id"],
    )
    cap_before = capacity(wb, base, options.norms, options.max_utilisation)
    cap_after = capacity(wb, after, options.norms, options.max_utilisation)
    return money_table, cap_before, cap_after


def _report(
    wb: Workbook,
    year: int,
    options: Options,
    model: Model,
    status: str,
    gap: float | None,
    size: dict[str, int],
    seconds: dict[str, float],
) -> OptimizeResult:
    t = time.perf_counter()
    flows = extract_flows(model)
    proposals = proposal_money(wb, year, proposals_of(model))
    if status == "optimal" and len(proposals):
        status = "optimal_with_proposals"
    base = baseline_flows(wb, year)
    after = flows
    after = after[["sending_hospital", "performing_hospital", "care_form_id", "cases"]].assign(
        source="optimum"
    )
    money_table, cap_before, cap_after = plan_figures(wb, year, base, after, options)
    story = tell(
        wb, year, base, after, cap_before, cap_after, money_table, proposals, options.objective
    )
    prices = (
        shadow_prices(model, options)
        if status in ("optimal", "optimal_with_proposals")
        else pd.DataFrame(columns=PRICE_COLUMNS)
    )
    seconds["report"] = time.perf_counter() - t
    return OptimizeResult(
        status=status,
        year=year,
        objective=float(pulp.value(model.prob.objective) or 0.0),
        objective_parts=objective_parts(model),
        gap=gap,
        flows=flows,
        proposals=proposals,
        capacity_before=cap_before,
        capacity_after=cap_after,
        money=money_table,
        story=story,
        violations=pd.DataFrame(columns=VIOLATION_COLUMNS),
        shadow_prices=prices,
        size=size,
        options=options,
        seconds=seconds,
        solver=options.solver,
        goals=goals(options),
        whole=model.inputs.whole,
    )
