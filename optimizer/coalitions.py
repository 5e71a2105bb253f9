"""The cooperative game behind a Shapley split (issue 18, item 2).

The value v(C) of a coalition C of hospitals is the region's margin gain [cents] of the best
plan — the optimiser's own goals and options — in which every move has both its sending and its
performing hospital in C; 0 when C alone cannot reach a feasible plan (or the solver finds none
within its time). Outside C nothing changes:

- an arc with an outsider as performer keeps today's cases and leaves the model (a constant);
  a member's demand shrinks by what it sends to outsiders today;
- an arc from an outsider to a member carries exactly today's cases (``fixed``), so the member's
  capacity and norms count them;
- the norms, planning ceilings and minimum numbers of outsiders are not the coalition's to meet
  (they stay as today), and a care form's hospital maximum leaves room only for the members
  once the outsiders that perform it today are counted;
- new agreements may be proposed between members only.

v(∅) = v({h}) = 0 (a move needs two hospitals) and v(N) is the plan itself; the rest are solved
one coalition at a time from inputs prepared once.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

import pandas as pd

from calculator.workbook import Workbook
from optimizer.capacity import baseline_flows, money
from optimizer.compensation import ShapleyValues, shapley_values
from optimizer.errors import OptimizerError
from optimizer.inputs import ModelInputs, Options, prepare, unreachable_demand
from optimizer.optimize import OptimizeResult, solve_inputs
from optimizer.solver import extract_flows

SOLVED = ("optimal", "optimal_with_proposals", "time_limit")


def within(inputs: ModelInputs, members: frozenset[str]) -> ModelInputs | None:
    """The model of coalition ``members`` (module docstring); None when the outsiders alone
    already use up a care form's hospital maximum."""
    arcs = inputs.arcs
    key = ["sending_hospital", "care_form_id"]
    sender_in = arcs["sending_hospital"].isin(members).to_numpy()
    performer_in = arcs["performing_hospital"].isin(members).to_numpy()
    today = arcs["baseline"].to_numpy(dtype=float) > 0
    inbound = ~sender_in & performer_in & today  # an outsider's patients at a member today
    away = arcs[sender_in & ~performer_in & today].groupby(key)["baseline"].sum()
    member = inputs.demand[inputs.demand["sending_hospital"].isin(members)].set_index(key)
    member_cases = member["cases"].sub(away, fill_value=0.0).reindex(member.index)
    outsider_cases = arcs[inbound].groupby(key)["baseline"].sum()
    demand = pd.concat([member_cases, outsider_cases]).rename("cases")
    demand = demand[demand > 1e-9]
    on_demand = pd.MultiIndex.from_frame(arcs[key]).isin(demand.index)
    kept = inputs.restricted(((sender_in & performer_in) | inbound) & on_demand)
    new_arcs = kept.arcs.assign(
        demand=pd.MultiIndex.from_frame(kept.arcs[key]).map(demand).to_numpy(dtype=float),
        fixed=~kept.arcs["sending_hospital"].isin(members).to_numpy(),
    )
    new_demand = demand.reset_index()
    performed_outside = (
        arcs[~performer_in & today].groupby("care_form_id")["performing_hospital"].nunique()
    )
    care_forms = inputs.care_forms.copy()
    limit = care_forms["max_hospitals"].astype(float)
    room = limit - care_forms["care_form_id"].map(performed_outside).fillna(0).astype(float)
    if (room < 0).any():
        return None
    care_forms["max_hospitals"] = room.where(limit.notna())
    return replace(
        kept,
        arcs=new_arcs,
        demand=new_demand,
        hospitals=inputs.hospitals[inputs.hospitals["hospital_id"].isin(members)].reset_index(
            drop=True
        ),
        care_forms=care_forms,
        keep=inputs.keep[inputs.keep["hospital_id"].isin(members)].reset_index(drop=True),
        unreachable=unreachable_demand(new_demand, new_arcs),
    )


def coalition_flows(
    inputs: ModelInputs, members: frozenset[str], options: Options
) -> pd.DataFrame | None:
    """The whole region's flows under coalition ``members``' best plan (outsiders as today);
    None when the coalition has no feasible plan."""
    model_inputs = within(inputs, members)
    if model_inputs is None or len(model_inputs.unreachable):
        return None
    solved = solve_inputs(model_inputs, options, {})
    if solved.status not in SOLVED or solved.model is None:
        return None
    flows = extract_flows(solved.model)[
        ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
    ]
    arcs = inputs.arcs
    constant = arcs[
        ~arcs["performing_hospital"].isin(members) & (arcs["baseline"].to_numpy(dtype=float) > 0)
    ]
    constant = constant.rename(columns={"baseline": "cases"})[
        ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
    ]
    return pd.concat([flows, constant], ignore_index=True)


class Game:
    """v(C) of the plan's game: inputs prepared once, today's margins computed once."""

    def __init__(self, wb: Workbook, year: int, options: Options) -> None:
        self.wb, self.year, self.options = wb, year, options
        self.inputs = prepare(wb, year, options, candidates=options.propose is not False)
        self.base = baseline_flows(wb, year)
        self.before = int(money(wb, self.base, year)["margin_cents"].sum())

    def value(self, members: frozenset[str]) -> int:
        """v(members) [cents]: the region's margin gain of the coalition's best plan."""
        flows = coalition_flows(self.inputs, members, self.options)
        if flows is None:
            return 0
        after = money(
            self.wb,
            flows.assign(source="optimum"),
            self.year,
            before=self.base,
            caps=self.options.caps,
        )
        return int(after["margin_cents"].sum()) - self.before


_GAME: Game | None = None
_GAME_ERROR: tuple[str, str] = ("", "")


def _init_worker(wb: Workbook, year: int, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers
    global _GAME, _GAME_ERROR
    try:
        _GAME = Game(wb, year, options)
    except Exception as exc:  # reported with the first coalition, solved by the parent then
        _GAME_ERROR = (type(exc).__name__, str(exc))


def _value_in_worker(members: frozenset[str]) -> int:
    if _GAME is None:
        kind, detail = _GAME_ERROR
        raise OptimizerError("opt_worker_failed", kind=kind, detail=detail)
    return _GAME.value(members)


def coalition_values(
    game: Game, coalitions: list[frozenset[str]], workers: int
) -> dict[frozenset[str], int]:
    """v of every coalition: this process takes every ``workers``-th one, spawned worker
    processes the rest; a coalition a worker fails on (or a worker that dies) is solved here."""
    if workers <= 1 or len(coalitions) < 2 * workers:
        return {c: game.value(c) for c in coalitions}
    context = mp.get_context("spawn")  # a fork would copy HiGHS's threads half-alive
    out: dict[frozenset[str], int] = {}
    with ProcessPoolExecutor(
        workers - 1,
        mp_context=context,
        initializer=_init_worker,
        initargs=(game.wb, game.year, game.options),
    ) as pool:
        theirs = {
            c: pool.submit(_value_in_worker, c) for i, c in enumerate(coalitions) if i % workers
        }
        out.update((c, game.value(c)) for i, c in enumerate(coalitions) if not i % workers)
        for c, future in theirs.items():
            try:
                out[c] = future.result()
            except (OptimizerError, BrokenProcessPool):
                out[c] = game.value(c)
    return out


def shapley_of(
    wb: Workbook,
    year: int,
    options: Options,
    result: OptimizeResult,
    workers: int | None = None,
) -> ShapleyValues:
    """The Shapley values of ``result``'s plan (the optimiser's run of ``wb``, ``year`` with
    ``options``): one solve per coalition, exact up to 8 hospitals (module docstring), on
    ``workers`` processes (None: as many as the machine has cores, at most 4)."""
    if result.money is None:
        msg = "a Shapley split needs a solved plan"
        raise ValueError(msg)
    grand = int(result.money["margin_cents_change"].sum())
    game = Game(wb, year, options)
    used = workers if workers is not None else max(1, min(os.cpu_count() or 1, 4))
    hospitals = sorted(wb.hospitals["hospital_id"])
    return shapley_values(
        hospitals, lambda coalitions: coalition_values(game, coalitions, used), grand
    )
