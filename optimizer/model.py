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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import is_

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


class LpName:
    """PuLP's replacement of characters an LP file does not allow in a name (by ``_``)."""

    ILLEGAL = pulp.LpElement.illegal_chars
    TABLE = pulp.LpElement.trans


def new_variables(
    prob: pulp.LpProblem,
    names: list[str],
    lows: Sequence[float | None],
    ups: Sequence[float | None],
    cat: str,
) -> list[pulp.LpVariable]:
    """``[prob.add_variable(name, low, up, cat) ...]`` for names PuLP need not clean.

    PuLP's constructor checks and cleans every name (a regular expression and a ``translate``)
    and checks every bound: two thirds of the model's build for 130,000 variables. Here each
    distinct (low, up) is checked once by ``prob.add_variable`` and every variable gets the
    attributes PuLP's constructor sets (PuLP hashes a variable by its ``id``), one assignment
    each: ``tests/test_optimizer_build.py`` checks them against ``add_variable``'s, so a PuLP
    that stores something else is caught.
    """
    for low, up in set(zip(lows, ups, strict=True)):
        prob.add_variable("check", lowBound=low, upBound=up, cat=cat)  # raises on a bad bound
    made = []
    new = object.__new__
    for name, low, up in zip(names, lows, ups, strict=True):
        var = new(pulp.LpVariable)
        var._LpElement__name = name  # type: ignore[attr-defined]
        var.hash = id(var)
        var.modified = True
        var._lowbound_original = var.lowBound = low
        var._upbound_original = var.upBound = up
        var.cat = cat
        var.varValue = None
        var.dj = None
        made.append(var)
    return made


def _row_names(keys: Sequence[tuple[str, ...]]) -> list[str]:
    """The names PuLP gives the rows ``key_name(key)`` (it replaces ``-+[] `` by ``_``)."""
    joined = [",".join(key[1:]) for key in keys]
    if any(ch in "".join(joined) for ch in "-+[] "):
        return [key_name(key).translate(pulp.LpAffineExpression.trans) for key in keys]
    return [f"{key[0]}_{j}_" for key, j in zip(keys, joined, strict=True)]


class RowFactory:
    """``pulp.LpConstraint(pulp.LpAffineExpression(terms), sense, name, rhs)`` for many rows.

    PuLP's two constructors check and convert every argument: some 5 µs a row, a fifth of the
    national build. Here both objects get the attributes PuLP's constructors set, one
    assignment each; ``tests/test_optimizer_build.py`` checks them against PuLP's. The name
    must be PuLP's clean form and ``rhs`` finite.
    """

    def __call__(
        self,
        terms: Iterable[tuple[pulp.LpVariable, float]],
        sense: int,
        name: str,
        rhs: float,
    ) -> pulp.LpConstraint:
        expression = pulp.LpAffineExpression.__new__(pulp.LpAffineExpression)
        expression.update(terms)
        expression._LpAffineExpression__name = None  # type: ignore[attr-defined]
        expression.constant = 0.0
        constraint = object.__new__(pulp.LpConstraint)
        constraint.expr = expression
        constraint._LpConstraint__name = name  # type: ignore[attr-defined]
        constraint.constant = 0.0 - rhs
        constraint.sense = sense
        constraint.pi = None
        constraint.slack = None
        constraint.modified = True
        return constraint


@dataclass
class RowArrays:
    """A problem's coefficients as the build made them, so that the hand-over to HiGHS need
    not read them back from PuLP's rows (see ``optimizer.solver.ArrayHiGHS``).

    Per block of rows (one :meth:`Model.add_rows` call): every term's column (position in
    ``columns``) and coefficient, row by row in PuLP's term order, and each row's number of
    terms. :meth:`describe` says whether the problem still has exactly these rows.
    """

    columns: list[pulp.LpVariable]
    rows: list[pulp.LpConstraint] = field(default_factory=list)
    length: list[np.ndarray] = field(default_factory=list)
    col: list[np.ndarray] = field(default_factory=list)
    val: list[np.ndarray] = field(default_factory=list)
    objective: pulp.LpAffineExpression | None = None
    objective_length: int = 0

    def describe(self, lp: pulp.LpProblem, constraints: list[pulp.LpConstraint]) -> bool:
        """True when ``lp`` has the same row objects with as many terms as built, no variable
        outside them (every column in some row) and the objective the build set."""
        if (
            lp._variables
            or lp.objective is not self.objective
            or len(lp.objective or ()) != self.objective_length
            or len(constraints) != len(self.rows)
            or not all(map(is_, constraints, self.rows))
        ):
            return False
        length = np.fromiter(map(len, constraints), np.intp, len(constraints))
        used = np.zeros(len(self.columns), dtype=bool)
        used[np.concatenate([np.zeros(0, dtype=np.intp), *self.col])] = True
        return bool(
            np.array_equal(length, np.concatenate([length[:0], *self.length])) and used.all()
        )


class ArrayProblem(pulp.LpProblem):
    """A PuLP problem that also keeps the arrays its rows were made from (``arrays``)."""

    arrays: RowArrays | None = None


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
        joined = [",".join(key) for key in zip(*keys, strict=True)]
        everything = "".join(joined)
        if any(ch in everything for ch in LpName.ILLEGAL):
            names = [f"{kind}[{key}]".translate(LpName.TABLE) for key in joined]
        else:  # PuLP would only replace the brackets
            names = [f"{kind}_{key}_" for key in joined]
        n = len(names)
        if binary:
            up = 1
        lows: Sequence[float | None] = (
            [low] * n if low is None or isinstance(low, float | int) else low
        )
        ups: Sequence[float | None] = [up] * n if up is None or isinstance(up, float | int) else up
        start = len(self.columns)
        self.columns += new_variables(self.prob, names, lows, ups, cat)
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
        variables = [self.columns[i] for i in col[order].tolist()]
        coefficients = np.asarray(val, dtype=float)[order].tolist()
        gives = self._slack_rows(keys, slack)
        slacks = np.zeros(n) if slack is None else np.asarray(slack, dtype=float)
        scales = np.ones(n) if scale is None else np.asarray(scale, dtype=float)
        rhs = np.asarray(rhs, dtype=float)
        if not np.isfinite(rhs).all():
            raise pulp.PulpError("Cannot set constraint RHS to NaN/inf values")  # as PuLP does
        make = RowFactory()
        added: dict[str, pulp.LpConstraint] = {}
        slack_terms: list[tuple[int, int, float]] = []  # (row, column, coefficient)
        start = 0
        for r, (key, name, end, s, b) in enumerate(
            zip(
                keys,
                _row_names(keys),
                ends,
                np.asarray(sense).tolist(),
                rhs.tolist(),
                strict=True,
            )
        ):
            constraint = make(
                zip(variables[start:end], coefficients[start:end], strict=True), s, name, b
            )
            start = end
            if r in gives:
                var = self.variable(("slack", *key))
                self.slacks[key] = var
                self.slack_scale[key] = max(abs(float(scales[r])), 1.0)
                constraint.expr[var] = float(slacks[r])
                slack_terms.append((r, len(self.columns) - 1, float(slacks[r])))
            added[name] = constraint
        before = len(self.prob.constraints())
        # PuLP's documented bulk path (no per-term bookkeeping; the solver interfaces and LP
        # writers find the variables through the constraints)
        self.prob.extend(added)
        if len(added) < n or len(self.prob.constraints()) < before + n:
            raise ValueError(f"overlapping constraint names among the {keys[0][0]} rows")
        self.constraints.update(zip(keys, added.values(), strict=True))
        self._keep_arrays(list(added.values()), ends, col[order], val[order], slack_terms)

    def _keep_arrays(
        self,
        rows: list[pulp.LpConstraint],
        ends: list[int],
        col: np.ndarray,
        val: np.ndarray,
        slack_terms: list[tuple[int, int, float]],
    ) -> None:
        """Record a block of rows in the problem's :class:`RowArrays` (slacks last in a row)."""
        arrays = self.prob.arrays if isinstance(self.prob, ArrayProblem) else None
        if arrays is None:
            return
        length = np.diff(np.concatenate([[0], ends])).astype(np.intp)
        if slack_terms:
            r, c, v = (np.array(part) for part in zip(*slack_terms, strict=True))
            at = np.asarray(ends, dtype=np.intp)[r]
            col, val = np.insert(col, at, c), np.insert(np.asarray(val, float), at, v)
            length[r] += 1
        arrays.rows += rows
        arrays.length.append(length)
        arrays.col.append(np.asarray(col, dtype=np.intp))
        arrays.val.append(np.asarray(val, dtype=float))

    def set_objective(self, expression: pulp.LpAffineExpression) -> None:
        """The problem's objective (recorded with the arrays: the hand-over reads it back)."""
        self.prob.setObjective(expression)
        if isinstance(self.prob, ArrayProblem) and self.prob.arrays is not None:
            self.prob.arrays.objective = self.prob.objective
            self.prob.arrays.objective_length = len(expression)

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
    total: dict[pulp.LpVariable, float] = {}
    for var, coefficient in pairs:
        total[var] = total.get(var, 0.0) + coefficient
    return pulp.LpAffineExpression(list(total.items()))
