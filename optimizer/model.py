"""The allocation model (SPEC §6.2): build, solve and extract are separate steps.

Decision variables: x[a] ≥ 0 cases on arc a = (origin o, care form c, performer h);
y[h,c] ∈ {0,1} where care form c has a volume norm or a maximum number of hospitals.
Every constraint is kept under a readable key such as ``("or_capacity", "ALR")`` so that duals
and violations map back to rows. With ``soft=True`` every constraint that can give (capacity,
beds, norms, retention, hospital count, move share, margin; never demand) gets a penalised slack
variable: that model is always feasible and its slacks say what is short, and by how much.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pulp

from optimizer.inputs import ModelInputs

# Penalty for violating a constraint by its whole size (100 %). A slack costs PENALTY × slack /
# size of its limit, so the explanation finds the smallest violations *relative to their limits*:
# 1 % too few cases for a norm weighs as much as 1 % too little OR time or margin.
PENALTY = 1e7


@dataclass
class Model:
    """A built model: the PuLP problem and the handles needed to read it back."""

    inputs: ModelInputs
    prob: pulp.LpProblem
    x: list[pulp.LpVariable]
    y: dict[tuple[str, str], pulp.LpVariable] = field(default_factory=dict)
    constraints: dict[tuple[str, ...], pulp.LpConstraint] = field(default_factory=dict)
    slacks: dict[tuple[str, ...], pulp.LpVariable] = field(default_factory=dict)
    slack_scale: dict[tuple[str, ...], float] = field(default_factory=dict)
    soft: bool = False

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
        if self.soft and sense_of_slack:
            slack = self.prob.add_variable(f"s{len(self.slacks)}", lowBound=0)
            self.slacks[key] = slack
            self.slack_scale[key] = max(abs(scale), 1.0)
            constraint.addInPlace(pulp.LpAffineExpression([(slack, float(sense_of_slack))]))
        self.prob.addConstraint(constraint, f"c{len(self.constraints)}")
        self.constraints[key] = constraint


def build(inputs: ModelInputs, soft: bool = False) -> Model:
    """The whole model for ``inputs``."""
    prob = pulp.LpProblem("spreiding", pulp.LpMinimize)
    cat = pulp.LpInteger if inputs.options.integer else pulp.LpContinuous
    x = [prob.add_variable(f"x{i}", lowBound=0, cat=cat) for i in range(len(inputs.arcs))]
    model = Model(inputs, prob, x, soft=soft)
    add_demand_constraints(model)
    add_capacity_constraints(model)
    add_norm_constraints(model)
    add_max_hospitals_constraints(model)
    add_keep_constraints(model)
    add_move_share_constraints(model)
    add_margin_constraints(model)
    set_objective(model)
    return model


def _expr(pairs) -> pulp.LpAffineExpression:  # type: ignore[no-untyped-def]
    return pulp.LpAffineExpression(list(pairs))


def _by(arcs: pd.DataFrame, columns: list[str]) -> dict:
    """Arc labels (= positions in the full arc frame) per key; a one-column key is a scalar."""
    key = columns[0] if len(columns) == 1 else columns
    return {k: v.to_numpy() for k, v in arcs.groupby(key).groups.items()}


def add_demand_constraints(m: Model) -> None:
    """demand[o,c]:  Σ_h x[o,c,h] = d[o,c]  (never soft)."""
    groups = _by(m.inputs.arcs, ["origin", "care_form_id"])
    for (o, c), d in zip(
        zip(m.inputs.demand["origin"], m.inputs.demand["care_form_id"], strict=True),
        m.inputs.demand["cases"],
        strict=True,
    ):
        if (o, c) in groups:
            m.add(("demand", o, c), _expr((m.x[i], 1.0) for i in groups[(o, c)]) == float(d))


def add_capacity_constraints(m: Model) -> None:
    """or_capacity[h]: Σ_{o,c} m_c x[o,c,h] ≤ K_h;  bed_capacity[h]: Σ los_c x ≤ B_h."""
    arcs = m.inputs.arcs
    cf = m.inputs.care_forms.set_index("care_form_id")
    minutes = arcs["care_form_id"].map(cf["or_minutes_per_case"]).to_numpy()
    los = arcs["care_form_id"].map(cf["los_days"]).to_numpy()
    groups = _by(arcs, ["performer"])
    for h, k, beds in m.inputs.hospitals[["hospital_id", "or_minutes", "bed_days"]].itertuples(
        index=False
    ):
        idx = groups.get(h, [])
        m.add(
            ("or_capacity", h),
            _expr((m.x[i], minutes[i]) for i in idx if minutes[i]) <= float(k),
            -1,
            float(k),
        )
        if not pd.isna(beds):
            m.add(
                ("bed_capacity", h),
                _expr((m.x[i], los[i]) for i in idx if los[i]) <= float(beds),
                -1,
                float(beds),
            )


def add_norm_constraints(m: Model) -> None:
    """For care forms with a norm n_c or a hospital maximum, with D_c = Σ_o d[o,c]:

    norm_min[h,c]: n_c·y[h,c] ≤ Σ_o x[o,c,h];   norm_max[h,c]: Σ_o x[o,c,h] ≤ D_c·y[h,c];
    link[o,c,h]: x[o,c,h] ≤ d[o,c]·y[h,c]  (the strong facility-location form).
    """
    arcs = m.inputs.arcs
    cf = m.inputs.care_forms.set_index("care_form_id")
    needs_y = set(cf.index[(cf["norm"] > 0) | cf["max_hospitals"].notna()])
    norms = cf["norm"].astype(float).to_dict()
    totals = cf["total_demand"].astype(float).to_dict()
    demand = arcs["demand"].to_numpy(dtype=float)
    groups = _by(arcs[arcs["care_form_id"].isin(needs_y)], ["performer", "care_form_id"])
    for (h, c), idx in groups.items():
        y = m.prob.add_variable(f"y{len(m.y)}", lowBound=0, upBound=1, cat=pulp.LpInteger)
        m.y[(h, c)] = y
        performed = _expr((m.x[i], 1.0) for i in idx)
        if norms[c] > 0:
            m.add(("norm", h, c), performed - norms[c] * y >= 0, +1, norms[c])
        m.add(("norm_max", h, c), performed - totals[c] * y <= 0)
        for i in idx:
            m.add(("link", str(i)), _expr([(m.x[i], 1.0), (y, -demand[i])]) <= 0)


def add_max_hospitals_constraints(m: Model) -> None:
    """max_hospitals[c]: Σ_h y[h,c] ≤ k_c."""
    cf = m.inputs.care_forms
    for c, k in cf.loc[cf["max_hospitals"].notna(), ["care_form_id", "max_hospitals"]].itertuples(
        index=False
    ):
        ys = [(v, 1.0) for (h, cc), v in m.y.items() if cc == c]
        if ys:
            m.add(("max_hospitals", c), _expr(ys) <= float(k), -1, float(k))


def add_keep_constraints(m: Model) -> None:
    """keep[h,c]: Σ_o x[o,c,h] ≥ min_cases (minimum retention)."""
    groups = _by(m.inputs.arcs, ["performer", "care_form_id"])
    for h, c, k in m.inputs.keep.itertuples(index=False):
        idx = groups.get((h, c), [])
        m.add(("keep", h, c), _expr((m.x[i], 1.0) for i in idx) >= float(k), +1, float(k))


def add_move_share_constraints(m: Model) -> None:
    """move_share[o]: Σ_{c,h≠o} x[o,c,h] ≤ s · Σ_c d[o,c]."""
    share = m.inputs.options.max_move_share
    if share is None:
        return
    arcs = m.inputs.arcs
    total = m.inputs.demand.groupby("origin")["cases"].sum()
    groups = _by(arcs[arcs["moved"]], ["origin"])
    for o, idx in groups.items():
        limit = share * float(total[o])
        m.add(("move_share", o), _expr((m.x[i], 1.0) for i in idx) <= limit, -1, limit)


def add_margin_constraints(m: Model) -> None:
    """margin[h]: Σ_a μ[a,h] x[a] ≥ margin_before[h] − s·|margin_before[h]|  [euro]."""
    loss = m.inputs.options.max_margin_loss
    if loss is None or m.inputs.margin_per_case is None:
        return
    per, margin_before = m.inputs.margin_per_case, m.inputs.margin_before
    if margin_before is None:
        return
    for h, rows in per.groupby("hospital_id"):
        before = float(margin_before.get(h, 0.0)) / 100
        floor = before - loss * abs(before)
        expr = _expr(
            (m.x[int(a)], c / 100) for a, c in zip(rows["arc"], rows["cents"], strict=True) if c
        )
        m.add(("margin", h), expr >= floor, +1, before)


def set_objective(m: Model) -> None:
    """min w_travel · Σ t[o,h]·x + w_move · Σ_{h≠o} x  (+ penalties in soft mode)."""
    opts = m.inputs.options
    arcs = m.inputs.arcs
    coef = opts.w_travel * arcs["travel"].to_numpy() + opts.w_move * arcs["moved"].to_numpy()
    terms = [(m.x[i], float(c)) for i, c in enumerate(coef) if c]
    terms += [(s, PENALTY / m.slack_scale[key]) for key, s in m.slacks.items()]
    m.prob.setObjective(_expr(terms))
