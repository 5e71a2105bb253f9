"""The model handle (SPEC §6.2): a PuLP problem and the keys to read it back.

Decision variables: x[o,c,h] ≥ 0 cases of origin o and care form c performed at h (one per arc);
y[h,c] ∈ {0,1} where care form c has a volume norm, a maximum number of hospitals or a fixed
service cost; z[o,c,h] ∈ {0,1} on candidate arcs (a proposed new agreement) in the proposal stage;
u[o,c,h] ≥ 0 cases above today's flow on an arc that has one (for the move share).

Every constraint and variable is named from its key, ``or_capacity[ACR]``, ``x[KZH,colon,ACR]``,
so an LP file and a solver log can be read (PuLP writes ``[``/``]`` as ``_``: LP files allow no
brackets). With ``soft=True`` every constraint that can give (capacity, beds, norms, retention,
hospital count, move share, margin; never demand) gets a penalised slack variable: that model is
always feasible and its slacks say what is short, and by how much.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pulp

from optimizer.inputs import ModelInputs

# Penalty for violating a constraint by its whole size (100 %). A slack costs PENALTY × slack /
# size of its limit, so the explanation finds the smallest violations *relative to their limits*:
# 1 % too few cases for a norm weighs as much as 1 % too little OR time or margin.
PENALTY = 1e7


def key_name(key: tuple[str, ...]) -> str:
    """``("or_capacity", "ACR")`` → ``or_capacity[ACR]``."""
    return f"{key[0]}[{','.join(key[1:])}]"


@dataclass
class Model:
    """A built model: the PuLP problem and the handles needed to read it back.

    x : one variable per arc (position = arc label); y : binaries by (hospital, care form);
    z : proposal binaries by arc label; constraints and slacks by key, e.g. ("or_capacity", "ACR").
    """

    inputs: ModelInputs
    prob: pulp.LpProblem
    x: list[pulp.LpVariable] = field(default_factory=list)
    y: dict[tuple[str, str], pulp.LpVariable] = field(default_factory=dict)
    z: dict[int, pulp.LpVariable] = field(default_factory=dict)
    constraints: dict[tuple[str, ...], pulp.LpConstraint] = field(default_factory=dict)
    slacks: dict[tuple[str, ...], pulp.LpVariable] = field(default_factory=dict)
    slack_scale: dict[tuple[str, ...], float] = field(default_factory=dict)
    # True: every constraint that can give has a slack; a set: only those kinds
    soft: bool | frozenset[str] = False
    stage: str = "normal"
    # binaries fixed at these values and relaxed to continuous (the shadow-price copy)
    fixed: dict[tuple[str, str], float] | None = None

    def variable(
        self,
        key: tuple[str, ...],
        low: float | None = 0.0,
        up: float | None = None,
        binary: bool = False,
        integer: bool = False,
    ) -> pulp.LpVariable:
        """A new variable named from its key; a binary becomes a fixed continuous one in a copy."""
        cat = pulp.LpInteger if (binary or integer) else pulp.LpContinuous
        return self.prob.add_variable(
            key_name(key), lowBound=low, upBound=1 if binary else up, cat=cat
        )

    def add(
        self,
        key: tuple[str, ...],
        constraint: pulp.LpConstraint,
        sense_of_slack: int = 0,
        scale: float = 1.0,
    ) -> None:
        """Add a named constraint; in soft mode with ``sense_of_slack`` ±1 give it a slack.

        ``sense_of_slack`` = −1 for a ≤ row (the slack is subtracted from the left side), +1 for
        a ≥ row (added to it); ``scale`` is the size of the limit the slack is measured against.
        """
        if sense_of_slack and (self.soft is True or (self.soft and key[0] in self.soft)):
            slack = self.variable(("slack", *key))
            self.slacks[key] = slack
            self.slack_scale[key] = max(abs(scale), 1.0)
            constraint.addInPlace(pulp.LpAffineExpression([(slack, float(sense_of_slack))]))
        self.prob.addConstraint(constraint, key_name(key))
        self.constraints[key] = constraint

    def by_name(self) -> dict[str, tuple[str, ...]]:
        """Constraint keys by the name the solver sees."""
        return {con.name: key for key, con in self.constraints.items()}


def expr(pairs: Iterable[tuple[pulp.LpVariable, float]]) -> pulp.LpAffineExpression:
    return pulp.LpAffineExpression(list(pairs))
