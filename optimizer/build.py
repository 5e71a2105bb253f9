"""Assembling the model from its constraint families (see :mod:`optimizer.constraints`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pulp

from optimizer import constraints as c
from optimizer.inputs import ModelInputs
from optimizer.model import Model

STAGES = ("normal", "proposals")


def build(
    inputs: ModelInputs,
    soft: bool | frozenset[str] = False,
    stage: str = "normal",
    fixed: dict[tuple[str, str], float] | None = None,
) -> Model:
    """The whole model for ``inputs``.

    stage ``normal``: the allocation objective; every arc of ``inputs`` may carry cases.
    stage ``proposals``: the fewest new agreements (candidate arcs flagged ``new``), then the
    fewest cases on them (see :func:`optimizer.constraints.set_proposal_objective`).
    ``fixed``: binaries fixed at these values and every variable continuous (an LP for duals).
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    with _no_cycle_collection():
        return _build(inputs, soft, stage, fixed)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The build makes about a million objects that hold no reference cycles; the cyclic garbage
    collector would walk them again and again (a third of the build at national scale). The
    few cycles pandas may leave wait for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(
    inputs: ModelInputs,
    soft: bool | frozenset[str],
    stage: str,
    fixed: dict[tuple[str, str], float] | None,
) -> Model:
    model = Model(inputs, pulp.LpProblem("spreiding", pulp.LpMinimize), soft=soft, stage=stage)
    model.fixed = fixed
    c.add_arc_variables(model)
    c.add_demand_constraints(model)
    c.add_capacity_constraints(model)
    c.add_norm_constraints(model)
    c.add_max_hospitals_constraints(model)
    c.add_keep_constraints(model)
    c.add_move_variables(model)
    c.add_move_share_constraints(model)
    c.add_margin_constraints(model)
    if stage == "proposals":
        c.add_proposal_constraints(model)
        c.add_norm_supply_cuts(model)
        c.set_proposal_objective(model)
    else:
        c.set_objective(model)
    return model
