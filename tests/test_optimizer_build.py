"""The model build's shortcuts past PuLP's per-object work give what PuLP itself would."""

from __future__ import annotations

import numpy as np
import pulp
import pytest

from optimizer.build import build
from optimizer.inputs import Options, prepare
from optimizer.model import Model, RowFactory, key_name, new_variables
from optimizer.solver import ArrayHiGHS, _built_columns


@pytest.mark.parametrize(
    ("low", "up", "cat"),
    [
        (0.0, None, pulp.LpContinuous),
        (None, None, pulp.LpContinuous),
        (0.0, None, pulp.LpInteger),
        (0.0, 1, pulp.LpInteger),
        (1.0, 1.0, pulp.LpContinuous),
    ],
)
def test_new_variables_are_what_add_variable_makes(low, up, cat):
    prob = pulp.LpProblem("p")
    names = ["x_A,b_", "y_Q,r_"]
    ours = new_variables(prob, names, [low, low], [up, up], cat)
    theirs = [prob.add_variable(name, lowBound=low, upBound=up, cat=cat) for name in names]
    for a, b in zip(ours, theirs, strict=True):
        assert type(a) is type(b)
        assert {**vars(a), "hash": None} == {**vars(b), "hash": None}
        assert a.name == b.name and hash(a) == id(a)
    assert ours[0] is not ours[1] and hash(ours[0]) != hash(ours[1])


@pytest.mark.parametrize(("sense", "rhs"), [(-1, 600.0), (0, 15.0), (1, 0.0), (1, -2.5)])
def test_rows_are_what_pulps_constructors_make(sense, rhs):
    prob = pulp.LpProblem("p")
    x, y = prob.add_variable("x"), prob.add_variable("y")
    terms = [(x, 1.0), (y, -4.0)]
    ours = RowFactory()(iter(terms), sense, "norm_A,b_", rhs)
    theirs = pulp.LpConstraint(pulp.LpAffineExpression(terms), sense, "norm[A,b]", rhs)
    assert {**vars(ours), "expr": None} == {**vars(theirs), "expr": None}
    assert vars(ours.expr) == vars(theirs.expr) and list(ours.items()) == list(theirs.items())
    assert (ours.getLb(), ours.getUb(), ours.name) == (theirs.getLb(), theirs.getUb(), theirs.name)


def test_add_variables_names_as_pulp_cleans_them():
    prob = pulp.LpProblem("p")
    model = Model(inputs=None, prob=prob)  # type: ignore[arg-type]
    plain = model.add_variables("x", [["A"], ["colon"], ["B"]])
    odd = model.add_variables("x", [["A b"], ["c-d+e"], ["f/g>h"]], binary=True)
    made = [model.columns[i] for i in (*plain, *odd)]
    assert [v.name for v in made] == [
        prob.add_variable("x[A,colon,B]").name,
        prob.add_variable("x[A b,c-d+e,f/g>h]").name,
    ]
    assert (made[1].lowBound, made[1].upBound, made[1].cat) == (0.0, 1, pulp.LpInteger)


def test_row_names_as_pulp_cleans_them():
    model = Model(inputs=None, prob=pulp.LpProblem("p"))  # type: ignore[arg-type]
    model.add_variables("x", [["A", "B"]])
    keys = [("keep", "A", "colon"), ("keep", "B c", "x-y+z/w>v")]
    model.add_rows(
        keys=keys,
        row=np.array([0, 1]),
        col=np.array([0, 1]),
        val=np.ones(2),
        sense=np.array([1, 1]),
        rhs=np.ones(2),
    )
    clean = pulp.LpProblem("q")
    for key in keys:
        clean.addConstraint(pulp.LpConstraint(pulp.LpAffineExpression(), 1, rhs=1.0), key_name(key))
    assert [c.name for c in model.prob.constraints()] == [c.name for c in clean.constraints()]
    assert all(model.prob.get_constraint_by_name(c.name) is c for c in model.prob.constraints())


def test_rows_with_one_name_are_refused():
    model = Model(inputs=None, prob=pulp.LpProblem("p"))  # type: ignore[arg-type]
    model.add_variables("x", [["A", "B"]])
    with pytest.raises(ValueError, match="overlapping"):
        model.add_rows(
            keys=[("cap", "A"), ("cap", "A")],
            row=np.array([0, 1]),
            col=np.array([0, 1]),
            val=np.ones(2),
            sense=np.array([-1, -1]),
            rhs=np.ones(2),
        )


def _matrix(h) -> tuple:
    lp = h.getLp()
    a = lp.a_matrix_
    shape = (lp.num_row_, lp.num_col_)
    dense = np.zeros(shape if a.format_ == a.format_.kRowwise else shape[::-1])
    start = np.array(a.start_)
    for line, (begin, end) in enumerate(zip(start[:-1], start[1:], strict=True)):
        dense[line, np.array(a.index_)[begin:end]] = np.array(a.value_)[begin:end]
    matrix = dense if a.format_ == a.format_.kRowwise else dense.T
    vectors = [lp.col_cost_, lp.col_lower_, lp.col_upper_, lp.row_lower_, lp.row_upper_]
    return matrix, [np.array(v) for v in vectors], list(lp.integrality_)


def _changed(model) -> None:
    """A term added to a row after the build: the kept arrays no longer describe the rows."""
    row = next(iter(model.constraints.values()))
    row.expr[model.x[-1]] = row.expr.get(model.x[-1], 0.0) + 2.0


@pytest.mark.parametrize(
    ("options", "soft", "change"),
    [
        (Options(free_moves=True, norms={"rectumcarcinoom": 40}), False, None),
        (Options(max_margin_loss=0.05, max_move_share=0.3), True, None),
        (Options(free_moves=True, norms={"rectumcarcinoom": 40}), False, _changed),
    ],
    ids=["norms", "soft", "changed-after-build"],
)
def test_array_hand_over_is_pulps_own(options, soft, change, sample_book):
    """The one-call hand-over gives HiGHS the model PuLP's HiGHS interface builds row by row:
    from the arrays the build kept, or from the rows when they were changed since."""
    model = build(prepare(sample_book, 2026, options), soft=soft)
    constraints = list(model.prob.constraints())
    assert _built_columns(model.prob, constraints) is not None
    if change is not None:
        change(model)
        assert _built_columns(model.prob, constraints) is None
    ours, theirs = ArrayHiGHS(msg=False), pulp.HiGHS(msg=False)
    ours.createAndConfigureSolver(model.prob)
    ours.buildSolverModel(model.prob)
    mine = _matrix(model.prob.solverModel)
    theirs.createAndConfigureSolver(model.prob)
    theirs.buildSolverModel(model.prob)
    pulps = _matrix(model.prob.solverModel)
    assert np.array_equal(mine[0], pulps[0])
    for a, b in zip(mine[1], pulps[1], strict=True):
        assert np.array_equal(a, b)
    assert mine[2] == pulps[2]
