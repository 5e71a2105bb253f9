"""The allocation model built directly as arrays and handed to HiGHS in one call: the reference
``make bench`` measures the PuLP build and hand-over against (same inputs, same rows, columns
and non-zeros; see :mod:`optimizer.constraints` for the maths).

Covers the constraint families the national benchmark uses: arcs, demand, OR and bed capacity,
norms with their binaries and links, hospital maximums, minimum retention and the objective;
it refuses options that add other families (move share, margin guardrail).
"""

from __future__ import annotations

import highspy
import numpy as np
import pandas as pd

from optimizer.inputs import ModelInputs

INF = highspy.kHighsInf


class Rows:
    """Rows collected as coordinate triples, one block at a time."""

    def __init__(self) -> None:
        self.row: list[np.ndarray] = []
        self.col: list[np.ndarray] = []
        self.val: list[np.ndarray] = []
        self.lower: list[np.ndarray] = []
        self.upper: list[np.ndarray] = []
        self.n = 0

    def block(
        self,
        row: np.ndarray,
        col: np.ndarray,
        val: np.ndarray,
        lower: np.ndarray,
        upper: np.ndarray,
    ) -> None:
        """Rows numbered 0..len(lower)-1 in ``row``, placed after the rows so far."""
        keep = val != 0
        self.row.append(row[keep] + self.n)
        self.col.append(col[keep])
        self.val.append(val[keep])
        self.lower.append(np.asarray(lower, float))
        self.upper.append(np.asarray(upper, float))
        self.n += len(lower)


def build_arrays(inputs: ModelInputs) -> highspy.HighsLp:
    """The model of ``optimizer.build.build(inputs)`` (stage normal, not soft) as a HighsLp."""
    opts = inputs.options
    if opts.max_move_share is not None or opts.max_margin_loss is not None:
        raise ValueError("the direct build covers no move share or margin guardrail")
    arcs = inputs.arcs
    n_x = len(arcs)
    cf = inputs.care_forms.set_index("care_form_id")
    rows = Rows()
    arc = np.arange(n_x)

    # demand[o,c]: Σ_h x = d
    demand = inputs.demand.merge(
        arcs[["sending_hospital", "care_form_id"]].drop_duplicates(),
        on=["sending_hospital", "care_form_id"],
    )
    key = pd.MultiIndex.from_frame(demand[["sending_hospital", "care_form_id"]])
    row = key.get_indexer(pd.MultiIndex.from_frame(arcs[["sending_hospital", "care_form_id"]]))
    d = demand["cases"].to_numpy(float)
    rows.block(row, arc, np.ones(n_x), d, d)

    # or_capacity[h] ≤ K_h; bed_capacity[h] ≤ B_h where beds are given
    hospitals = inputs.hospitals.reset_index(drop=True)
    at = pd.Index(hospitals["hospital_id"]).get_indexer(arcs["performing_hospital"])
    minutes = arcs["or_minutes"].to_numpy(float)
    rows.block(
        at,
        arc,
        minutes,
        np.full(len(hospitals), -INF),
        hospitals["or_minutes"] * hospitals["or_ceiling"],
    )
    beds = hospitals["bed_days"].notna().to_numpy()
    if beds.any():
        bed_row = np.cumsum(beds) - 1
        los = arcs["los"].to_numpy(float)
        on = beds[at]
        rows.block(
            bed_row[at[on]],
            arc[on],
            los[on],
            np.full(int(beds.sum()), -INF),
            (hospitals["bed_days"] * hospitals["bed_ceiling"])[beds],
        )

    # y[h,c] for care forms with a norm, a maximum or a fixed cost
    on, ys = _binaries(inputs)
    n_y = len(ys)
    y_col = n_x + np.arange(n_y)
    y_of_arc = ys.get_indexer(
        pd.MultiIndex.from_frame(arcs.loc[on, ["performing_hospital", "care_form_id"]])
    )
    x_on = arc[on]
    y_cf = ys.get_level_values("care_form_id").to_numpy()
    norm = pd.Series(y_cf).map(cf["norm"]).to_numpy(float)
    total = pd.Series(y_cf).map(cf["total_demand"]).to_numpy(float)
    # norm[h,c]: Σ_o x − n·y ≥ 0 (where n > 0)
    has_norm = norm > 0
    norm_row = np.cumsum(has_norm) - 1
    arc_norm = has_norm[y_of_arc]
    rows.block(
        np.concatenate([norm_row[y_of_arc[arc_norm]], norm_row[has_norm]]),
        np.concatenate([x_on[arc_norm], y_col[has_norm]]),
        np.concatenate([np.ones(int(arc_norm.sum())), -norm[has_norm]]),
        np.zeros(int(has_norm.sum())),
        np.full(int(has_norm.sum()), INF),
    )
    # norm_max[h,c]: Σ_o x − D·y ≤ 0
    rows.block(
        np.concatenate([y_of_arc, np.arange(n_y)]),
        np.concatenate([x_on, y_col]),
        np.concatenate([np.ones(len(x_on)), -total]),
        np.full(n_y, -INF),
        np.zeros(n_y),
    )
    # link[o,c,h]: x − d·y ≤ 0
    k = len(x_on)
    rows.block(
        np.concatenate([np.arange(k), np.arange(k)]),
        np.concatenate([x_on, y_col[y_of_arc]]),
        np.concatenate([np.ones(k), -arcs["demand"].to_numpy(float)[on]]),
        np.full(k, -INF),
        np.zeros(k),
    )
    # max_hospitals[c]: Σ_h y ≤ k_c
    limited = cf["max_hospitals"].dropna()
    limited = limited[limited.index.isin(y_cf)]
    if len(limited):
        which = pd.Index(limited.index).get_indexer(y_cf)
        keep = which >= 0
        rows.block(
            which[keep],
            y_col[keep],
            np.ones(int(keep.sum())),
            np.full(len(limited), -INF),
            limited.to_numpy(float),
        )
    # keep[h,c]: Σ_o x ≥ min_cases
    if len(inputs.keep):
        kept = pd.MultiIndex.from_frame(inputs.keep[["hospital_id", "care_form_id"]])
        which = kept.get_indexer(
            pd.MultiIndex.from_frame(arcs[["performing_hospital", "care_form_id"]])
        )
        hit = which >= 0
        rows.block(
            which[hit],
            arc[hit],
            np.ones(int(hit.sum())),
            inputs.keep["min_cases"].to_numpy(float),
            np.full(len(inputs.keep), INF),
        )

    cost = np.zeros(n_x + n_y)
    # the weighted objective without move variables (the build benchmark's --objective travel)
    cost[:n_x] = opts.w_travel * arcs["travel"].to_numpy(float)
    if inputs.w_fixed and len(inputs.fixed_costs):
        fixed = inputs.fixed_costs.set_index(["hospital_id", "care_form_id"])["fixed_cost"]
        which = ys.get_indexer(fixed.index)
        hit = which >= 0
        cost[n_x + which[hit]] = inputs.w_fixed * fixed.to_numpy(float)[hit]

    row = np.concatenate(rows.row)
    col = np.concatenate(rows.col)
    val = np.concatenate(rows.val)
    order = np.lexsort((col, row))
    lp = highspy.HighsLp()
    lp.num_col_ = n_x + n_y
    lp.num_row_ = rows.n
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(n_x + n_y)
    lp.col_upper_ = np.concatenate([np.full(n_x, INF), np.ones(n_y)])
    lp.row_lower_ = np.concatenate(rows.lower)
    lp.row_upper_ = np.concatenate(rows.upper)
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kRowwise
    matrix.num_col_ = n_x + n_y
    matrix.num_row_ = rows.n
    matrix.start_ = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=rows.n))]).astype(
        np.int32
    )
    matrix.index_ = col[order].astype(np.int32)
    matrix.value_ = val[order]
    lp.a_matrix_ = matrix
    integer = np.zeros(n_x + n_y, dtype=bool)
    integer[n_x:] = True
    integer[:n_x] = inputs.whole
    lp.integrality_ = [
        highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous for i in integer
    ]
    return lp


def _binaries(inputs: ModelInputs) -> tuple[np.ndarray, pd.MultiIndex]:
    """The arcs of care forms with a norm, a maximum or a fixed cost, and their (h, c) pairs in
    order of first appearance: one y column each, after the arcs' x columns."""
    arcs = inputs.arcs
    cf = inputs.care_forms.set_index("care_form_id")
    needs = (cf["norm"] > 0) | cf["max_hospitals"].notna()
    with_y = set(cf.index[needs]) | set(inputs.fixed_costs["care_form_id"])
    on = arcs["care_form_id"].isin(with_y).to_numpy()
    groups = arcs.loc[on, ["performing_hospital", "care_form_id"]].drop_duplicates()
    return on, pd.MultiIndex.from_frame(groups)


def column_keys(inputs: ModelInputs) -> list[tuple[str, ...]]:
    """What each column of :func:`build_arrays` is: ``("x", o, c, h)`` per arc, in label order,
    then ``("y", h, c)``."""
    arcs = inputs.arcs[["sending_hospital", "care_form_id", "performing_hospital"]]
    x = [("x", *map(str, arc)) for arc in arcs.itertuples(index=False)]
    return x + [("y", str(h), str(c)) for h, c in _binaries(inputs)[1]]


def build_and_pass(inputs: ModelInputs) -> highspy.Highs:
    """The direct build handed to a fresh HiGHS in one call."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(build_arrays(inputs))
    return h
