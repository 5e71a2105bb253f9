"""The model PuLP builds and hands to HiGHS is the model's maths: row by row the same as the
direct array build (``benchmarks/direct_model.py``, a second, independent writing of the
families), and column for column what PuLP's own HiGHS interface would hand over."""

from __future__ import annotations

import math

import highspy
import numpy as np
import pulp
import pytest

from benchmarks.direct_model import build_arrays, column_keys
from benchmarks.national import national_sheets
from calculator.validate import load_frames
from optimizer.build import build
from optimizer.inputs import ModelInputs, Options, prepare
from optimizer.model import Model
from optimizer.solver import ArrayHiGHS

# the direct build covers the families of a model without move variables: the travel objective
TRAVEL = Options(free_moves=True, objective="travel")
Row = tuple[tuple[tuple[tuple[str, ...], float], ...], float, float]


def _rows(lp: highspy.HighsLp, keys: list[tuple[str, ...]]) -> list[Row]:
    """Every row as its terms (column key, coefficient; sorted by key) and its bounds, sorted."""
    a = lp.a_matrix_
    start, index, value = np.array(a.start_), np.array(a.index_), np.array(a.value_)
    terms: list[list[tuple[tuple[str, ...], float]]] = [[] for _ in range(lp.num_row_)]
    for line, (begin, end) in enumerate(zip(start[:-1], start[1:], strict=True)):
        for other, v in zip(index[begin:end].tolist(), value[begin:end].tolist(), strict=True):
            row, col = (line, other) if a.format_ == a.format_.kRowwise else (other, line)
            terms[row].append((keys[col], v))
    return sorted(
        (tuple(sorted(t)), lo, up)
        for t, lo, up in zip(terms, lp.row_lower_, lp.row_upper_, strict=True)
    )


def _columns(lp: highspy.HighsLp, keys: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple]:
    """Per column key: its cost, bounds and whether it is integer."""
    integer = list(lp.integrality_) or [highspy.HighsVarType.kContinuous] * lp.num_col_
    return {
        key: (cost, lo, up, kind == highspy.HighsVarType.kInteger)
        for key, cost, lo, up, kind in zip(
            keys, lp.col_cost_, lp.col_lower_, lp.col_upper_, integer, strict=True
        )
    }


def _handed_over(model: Model) -> tuple[highspy.HighsLp, list[tuple[str, ...]]]:
    """The HiGHS model the product solves, and each of its columns' key."""
    solver = ArrayHiGHS(msg=False)
    solver.createAndConfigureSolver(model.prob)
    solver.buildSolverModel(model.prob)
    lp = model.prob.solverModel.getLp()
    arcs = model.inputs.arcs[["sending_hospital", "care_form_id", "performing_hospital"]]
    keys: list[tuple[str, ...]] = [("",)] * lp.num_col_
    for var, arc in zip(model.x, arcs.itertuples(index=False), strict=True):
        keys[var.index] = ("x", *map(str, arc))
    for (h, c), var in model.y.items():
        keys[var.index] = ("y", h, c)
    assert ("",) not in keys  # no column but x and y
    return lp, keys


def _reduced_national() -> ModelInputs:
    sheets = national_sheets(n_hospitals=12, n_care_forms=8, n_norms=4)
    return prepare(load_frames(sheets, "national (reduced)"), 2026, TRAVEL)


FAMILIES = {"demand", "or_capacity", "norm", "norm_max", "link"}
# the sample adds beds, a hospital maximum (aorta_aneurysma: 3) and a retention row
SAMPLE_FAMILIES = FAMILIES | {"bed_capacity", "max_hospitals", "keep"}


@pytest.mark.parametrize(
    ("instance", "families"),
    [
        (lambda book: prepare(book, 2026, TRAVEL), SAMPLE_FAMILIES),
        (
            lambda book: prepare(book, 2026, Options(max_travel=45, objective="travel")),
            SAMPLE_FAMILIES,
        ),
        (lambda book: _reduced_national(), FAMILIES),
    ],
    ids=["sample", "sample-agreements-45-min", "national-12x8"],
)
def test_pulp_model_is_the_direct_build_row_by_row(instance, families, sample_book):
    """Same rows (terms, coefficients, bounds; a row's order and a column's number may differ),
    same columns (cost, bounds, integrality), read from what HiGHS was given."""
    inputs = instance(sample_book)
    model = build(inputs)
    ours, our_keys = _handed_over(model)
    direct = build_arrays(inputs)
    direct_keys = column_keys(inputs)
    assert (ours.num_row_, ours.num_col_) == (direct.num_row_, direct.num_col_)
    mine, theirs = _rows(ours, our_keys), _rows(direct, direct_keys)
    assert {key[0] for key in model.constraints} == families
    for a, b in zip(mine, theirs, strict=True):
        assert a == b
    assert _columns(ours, our_keys) == _columns(direct, direct_keys)


def _matrix(h: highspy.Highs) -> tuple:
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


def _changed(model: Model) -> None:
    """A term added to a row after the build (PuLP's ``addterm``): the hand-over sees it."""
    next(iter(model.constraints.values())).expr.addterm(model.x[-1], 2.0)


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
    """The one-call hand-over gives HiGHS the model PuLP's HiGHS interface builds row by row
    (every family, slacks and move variables included), also after a row was changed."""
    model = build(prepare(sample_book, 2026, options), soft=soft)
    if change is not None:
        change(model)
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
    if change is not None:
        row = next(iter(model.constraints.values())).index
        assert mine[0][row, model.x[-1].index] == 2.0


def test_rows_keep_their_names_with_odd_characters():
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
    assert [c.name for c in model.prob.constraints()] == ["keep_A,colon_", "keep_B_c,x_y_z/w>v_"]
    assert [v.name for v in model.columns] == ["x_A_", "x_B_"]
    assert model.by_name() == {"keep_A,colon_": keys[0], "keep_B_c,x_y_z/w>v_": keys[1]}


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


def test_an_infinite_limit_is_refused_by_pulp():
    model = Model(inputs=None, prob=pulp.LpProblem("p"))  # type: ignore[arg-type]
    model.add_variables("x", [["A"]])
    with pytest.raises(pulp.PulpError, match="RHS"):
        model.add_rows(
            keys=[("cap", "A")],
            row=np.array([0]),
            col=np.array([0]),
            val=np.ones(1),
            sense=np.array([-1]),
            rhs=np.array([math.inf]),
        )
