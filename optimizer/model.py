"""The model handle (docs/model.md): a PuLP problem and the keys to read it back.

Decision variables: x[o,c,h] ≥ 0 cases of origin o and care form c performed at h (one per arc);
y[h,c] ∈ {0,1} where care form c has a volume norm, a maximum number of hospitals or a fixed
service cost; z[o,c,h] ∈ {0,1} on candidate arcs (a proposed new agreement) in the proposal stage;
u[o,c,h] ≥ 0 cases above today's flow on an arc that has one (for the move share).

Every constraint and variable is named from its key, ``or_capacity[ACR]``, ``x[KZH,colon,ACR]``,
so an LP file and a solver log can be read (PuLP writes ``[``/``]`` as ``_``: LP files allow no
brackets). With ``soft=True`` every constraint that can give (capacity, beds, norms, retention,
hospital count, move share, margin; never demand) gets a penalised slack variable: that model is
always feasible and its slacks say what is short, and by how much.

Built through PuLP's public API only: variables from ``LpProblem.add_variable``, rows from the
``LpAffineExpression`` and ``LpConstraint`` constructors, added per family with
``LpProblem.extend``; read back through ``variables()``, ``constraints()``, ``varValue`` and
``pi``. With PuLP 3.3 those constructors are most of the build's time (``make bench``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import getitem, itemgetter

import numpy as np
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
    z : proposal binaries by arc label; constraints and slacks by key, e.g. ("or_capacity", "ACR");
    columns : every variable in the order made, so that a family can name its terms by position
    in numpy arrays (see :meth:`add_rows`).
    """

    inputs: ModelInputs
    prob: pulp.LpProblem
    x: list[pulp.LpVariable] = field(default_factory=list)
    y: dict[tuple[str, str], pulp.LpVariable] = field(default_factory=dict)
    y_col: dict[tuple[str, str], int] = field(default_factory=dict)  # positions in columns
    z: dict[int, pulp.LpVariable] = field(default_factory=dict)
    constraints: dict[tuple[str, ...], pulp.LpConstraint] = field(default_factory=dict)
    slacks: dict[tuple[str, ...], pulp.LpVariable] = field(default_factory=dict)
    slack_scale: dict[tuple[str, ...], float] = field(default_factory=dict)
    # True: every constraint that can give has a slack; a set: only those kinds
    soft: bool | frozenset[str] = False
    stage: str = "normal"
    # binaries fixed at these values and relaxed to continuous (the shadow-price copy)
    fixed: dict[tuple[str, str], float] | None = None
    columns: list[pulp.LpVariable] = field(default_factory=list)
    # positions of x in columns (x[a] is columns[x_col[a]])
    x_col: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    # per arc the column of its moved patients (x where today's flow is 0, else u); None when
    # the model has no move variables (see optimizer.constraints.add_move_variables)
    moved_col: np.ndarray | None = None
    # the columns r of patients taken off an agreement in force (with moved_col)
    undone_col: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))

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
        var = self.prob.add_variable(
            key_name(key), lowBound=low, upBound=1 if binary else up, cat=cat
        )
        self.columns.append(var)
        return var

    def add_variables(
        self,
        kind: str,
        keys: Sequence[Sequence[str]],
        low: float | None | Sequence[float | None] = 0.0,
        up: float | None | Sequence[float | None] = None,
        binary: bool = False,
        integer: bool = False,
    ) -> np.ndarray:
        """One variable per key, ``kind[key]``; ``keys`` as columns (o, c, h), ``low`` and
        ``up`` one value or one per key. Returns their positions in :attr:`columns`."""
        cat = pulp.LpInteger if (binary or integer) else pulp.LpContinuous
        names = [f"{kind}[{key}]" for key in map(",".join, zip(*keys, strict=True))]
        n = len(names)
        if binary:
            up = 1
        lows: Sequence[float | None] = (
            [low] * n if low is None or isinstance(low, float | int) else low
        )
        ups: Sequence[float | None] = [up] * n if up is None or isinstance(up, float | int) else up
        start = len(self.columns)
        add = self.prob.add_variable  # PuLP cleans the name (``[``, ``]`` … become ``_``)
        self.columns += map(add, names, lows, ups, repeat(cat, n))
        return np.arange(start, start + n)

    def add_rows(
        self,
        keys: Sequence[tuple[str, ...]],
        row: np.ndarray,
        col: np.ndarray,
        val: np.ndarray,
        sense: np.ndarray,
        rhs: np.ndarray,
        slack: np.ndarray | None = None,
        scale: np.ndarray | None = None,
    ) -> None:
        """Add the constraints ``keys[r]``: Σ val·columns[col] over the terms with row == r,
        (``sense[r]``: −1 ≤, 0 =, +1 ≥) ``rhs[r]``.

        Terms keep their given order within a row. In soft mode a row with ``slack[r]`` ±1 gets
        a penalised slack: −1 for a ≤ row (subtracted from the left side), +1 for a ≥ row (added
        to it); ``scale[r]`` is the size of the limit the slack is measured against.
        """
        n = len(keys)
        order = np.argsort(row, kind="stable")
        ends = np.cumsum(np.bincount(row, minlength=n)).tolist()
        variables = list(map(getitem, repeat(self.columns), np.asarray(col)[order].tolist()))
        coefficients = np.asarray(val, dtype=float)[order].tolist()
        gives = self._slack_rows(keys, slack)
        slacks = np.zeros(n) if slack is None else np.asarray(slack, dtype=float)
        scales = np.ones(n) if scale is None else np.asarray(scale, dtype=float)
        expression, constraint = pulp.LpAffineExpression, pulp.LpConstraint
        added: dict[str, pulp.LpConstraint] = {}
        start = 0
        for r, (key, end, s, b) in enumerate(
            zip(
                keys, ends, np.asarray(sense).tolist(), np.asarray(rhs, float).tolist(), strict=True
            )
        ):
            terms: Iterable[tuple[pulp.LpVariable, float]] = zip(
                variables[start:end], coefficients[start:end], strict=True
            )
            start = end
            if r in gives:
                var = self.variable(("slack", *key))
                self.slacks[key] = var
                self.slack_scale[key] = max(abs(float(scales[r])), 1.0)
                terms = chain(terms, [(var, float(slacks[r]))])
            # PuLP's constructors clean the name and refuse an infinite right-hand side
            made = constraint(expression(terms), s, key_name(key), b)
            added[made.name] = made
        before = len(self.prob.constraints())
        # PuLP's bulk path for named rows (``LpProblem.extend`` with a dict): unlike ``+=`` it
        # does not register every term's variable one by one (``variables()`` finds them)
        self.prob.extend(added)
        if len(added) < n or len(self.prob.constraints()) < before + n:
            raise ValueError(f"overlapping constraint names among the {keys[0][0]} rows")
        self.constraints.update(zip(keys, added.values(), strict=True))

    def set_objective(self, expression: pulp.LpAffineExpression) -> None:
        """The problem's objective."""
        self.prob.setObjective(expression)

    def _slack_rows(self, keys: Sequence[tuple[str, ...]], slack: np.ndarray | None) -> set[int]:
        """Rows that get a slack: those with a slack sense, of a kind that is soft."""
        if slack is None or not self.soft:
            return set()
        kinds = {key[0] for key in keys}
        soft = kinds if self.soft is True else kinds & set(self.soft)
        return {r for r in np.flatnonzero(np.asarray(slack) != 0).tolist() if keys[r][0] in soft}

    def by_name(self) -> dict[str, tuple[str, ...]]:
        """Constraint keys by the name the solver sees."""
        return {con.name: key for key, con in self.constraints.items()}


def expr(pairs: Iterable[tuple[pulp.LpVariable, float]]) -> pulp.LpAffineExpression:
    """Σ coefficient·variable; a variable named twice gets the sum of its coefficients."""
    pairs = list(pairs)
    if len(set(map(id, map(itemgetter(0), pairs)))) == len(pairs):  # each variable once
        return pulp.LpAffineExpression(pairs)
    total: dict[pulp.LpVariable, float] = {}
    for var, coefficient in pairs:
        total[var] = total.get(var, 0.0) + coefficient
    return pulp.LpAffineExpression(list(total.items()))
