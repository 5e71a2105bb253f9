"""The constraint families of the allocation model, one function each, maths in the docstring.

Notation: arc a = (o, c, h) carries x[a] cases of origin o and care form c performed at h;
d[o,c] is the origin's demand, b[a] today's cases on the arc, t[a] its travel minutes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pulp

from optimizer.model import PENALTY, Model, expr


def _by(arcs: pd.DataFrame, columns: list[str]) -> dict:
    """Arc labels (= positions in the full arc frame) per key; a one-column key is a scalar."""
    key = columns[0] if len(columns) == 1 else columns
    return {k: v.to_numpy() for k, v in arcs.groupby(key).groups.items()}


def add_arc_variables(m: Model) -> None:
    """x[o,c,h] ≥ 0 for every arc (whole numbers with ``--integer``)."""
    arcs = m.inputs.arcs
    integer = m.inputs.options.integer and m.fixed is None
    columns = (
        arcs[col].tolist() for col in ("sending_hospital", "care_form_id", "performing_hospital")
    )
    m.x = [m.variable(("x", o, c, h), integer=integer) for o, c, h in zip(*columns, strict=True)]


def add_demand_constraints(m: Model) -> None:
    """demand[o,c]:  Σ_h x[o,c,h] = d[o,c]  (never soft)."""
    groups = _by(m.inputs.arcs, ["sending_hospital", "care_form_id"])
    demand = m.inputs.demand
    for o, c, d in zip(
        demand["sending_hospital"], demand["care_form_id"], demand["cases"], strict=True
    ):
        if (o, c) in groups:
            m.add(("demand", o, c), expr((m.x[i], 1.0) for i in groups[(o, c)]) == float(d))


def add_capacity_constraints(m: Model) -> None:
    """or_capacity[h]: Σ_{o,c} m_c x[o,c,h] ≤ K_h;  bed_capacity[h]: Σ los_c x ≤ B_h."""
    arcs = m.inputs.arcs
    cf = m.inputs.care_forms.set_index("care_form_id")
    minutes = arcs["care_form_id"].map(cf["or_minutes_per_case"]).to_numpy()
    los = arcs["care_form_id"].map(cf["los_days"]).to_numpy()
    groups = _by(arcs, ["performing_hospital"])
    for h, k, beds in m.inputs.hospitals[["hospital_id", "or_minutes", "bed_days"]].itertuples(
        index=False
    ):
        idx = groups.get(h, [])
        m.add(
            ("or_capacity", h),
            expr((m.x[i], minutes[i]) for i in idx if minutes[i]) <= float(k),
            -1,
            float(k),
        )
        if not pd.isna(beds):
            m.add(
                ("bed_capacity", h),
                expr((m.x[i], los[i]) for i in idx if los[i]) <= float(beds),
                -1,
                float(beds),
            )


def care_forms_with_binaries(m: Model) -> set[str]:
    """Care forms with a norm, a hospital maximum or a fixed service cost somewhere."""
    cf = m.inputs.care_forms
    needs = (cf["norm"] > 0) | cf["max_hospitals"].notna()
    return set(cf.loc[needs, "care_form_id"]) | set(m.inputs.fixed_costs["care_form_id"])


def add_norm_constraints(m: Model) -> None:
    """y[h,c] for care forms with a norm n_c, a hospital maximum or a fixed cost; D_c = Σ_o d[o,c]:

    norm[h,c]: n_c·y[h,c] ≤ Σ_o x[o,c,h];   norm_max[h,c]: Σ_o x[o,c,h] ≤ D_c·y[h,c];
    link[o,c,h]: x[o,c,h] ≤ d[o,c]·y[h,c]  (the strong facility-location form).
    """
    arcs = m.inputs.arcs
    cf = m.inputs.care_forms.set_index("care_form_id")
    needs_y = care_forms_with_binaries(m)
    norms = cf["norm"].astype(float).to_dict()
    totals = cf["total_demand"].astype(float).to_dict()
    demand = arcs["demand"].to_numpy(dtype=float)
    origins = arcs["sending_hospital"].to_numpy(dtype=str)
    groups = _by(arcs[arcs["care_form_id"].isin(needs_y)], ["performing_hospital", "care_form_id"])
    for (h, c), idx in groups.items():
        if m.fixed is None:
            y = m.variable(("y", h, c), binary=True)
        else:
            value = float(m.fixed.get((h, c), 0.0))
            y = m.variable(("y", h, c), low=value, up=value)
        m.y[(h, c)] = y
        performed = expr((m.x[i], 1.0) for i in idx)
        if norms[c] > 0:
            m.add(("norm", h, c), performed - norms[c] * y >= 0, +1, norms[c])
        m.add(("norm_max", h, c), performed - totals[c] * y <= 0)
        for i in idx:
            m.add(("link", origins[i], c, h), expr([(m.x[i], 1.0), (y, -demand[i])]) <= 0)


def add_max_hospitals_constraints(m: Model) -> None:
    """max_hospitals[c]: Σ_h y[h,c] ≤ k_c."""
    cf = m.inputs.care_forms
    for c, k in cf.loc[cf["max_hospitals"].notna(), ["care_form_id", "max_hospitals"]].itertuples(
        index=False
    ):
        ys = [(v, 1.0) for (h, cc), v in m.y.items() if cc == c]
        if ys:
            m.add(("max_hospitals", c), expr(ys) <= float(k), -1, float(k))


def add_keep_constraints(m: Model) -> None:
    """keep[h,c]: Σ_o x[o,c,h] ≥ min_cases (minimum retention)."""
    groups = _by(m.inputs.arcs, ["performing_hospital", "care_form_id"])
    for h, c, k in m.inputs.keep.itertuples(index=False):
        idx = groups.get((h, c), [])
        m.add(("keep", h, c), expr((m.x[i], 1.0) for i in idx) >= float(k), +1, float(k))


def add_move_share_constraints(m: Model) -> None:
    """Moves measured against today's flows b (the status quo moves nothing):

    excess[o,c,h]: u[o,c,h] ≥ x[o,c,h] − b[o,c,h]   (only on arcs with b > 0; u ≥ 0);
    move_share[o]: Σ_{b=0} x[o,c,h] + Σ_{b>0} u[o,c,h] ≤ s · Σ_c d[o,c].
    """
    share = m.inputs.options.max_move_share
    if share is None:
        return
    arcs = m.inputs.arcs
    total = m.inputs.demand.groupby("sending_hospital")["cases"].sum()
    baseline = arcs["baseline"].to_numpy(dtype=float)
    care_forms = arcs["care_form_id"].to_numpy(dtype=str)
    performers = arcs["performing_hospital"].to_numpy(dtype=str)
    for o, idx in _by(arcs, ["sending_hospital"]).items():
        terms = []
        for i in idx:
            if baseline[i] > 0:
                key = (str(o), care_forms[i], performers[i])
                u = m.variable(("u", *key))
                m.add(("excess", *key), expr([(u, 1.0), (m.x[i], -1.0)]) >= -baseline[i])
                terms.append((u, 1.0))
            else:
                terms.append((m.x[i], 1.0))
        limit = share * float(total[o])
        m.add(("move_share", o), expr(terms) <= limit, -1, limit)


def add_margin_constraints(m: Model) -> None:
    """margin[h]: Σ_a μ[a,h] x[a] ≥ margin_before[h] − s·|margin_before[h]|  [euro]."""
    loss = m.inputs.options.max_margin_loss
    per, margin_before = m.inputs.margin_per_case, m.inputs.margin_before
    if loss is None or per is None or margin_before is None:
        return
    for h, rows in per.groupby("hospital_id"):
        before = float(margin_before.get(h, 0.0)) / 100
        floor = before - loss * abs(before)
        terms = expr(
            (m.x[int(a)], c / 100) for a, c in zip(rows["arc"], rows["cents"], strict=True) if c
        )
        m.add(("margin", str(h)), terms >= floor, +1, before)


def add_proposal_constraints(m: Model) -> None:
    """z[o,c,h] ∈ {0,1} on every candidate arc (no agreement covers it);

    proposal[o,c,h]: x[o,c,h] ≤ d[o,c]·z[o,c,h]  (a new move needs a proposed agreement).
    """
    arcs = m.inputs.arcs
    demand = arcs["demand"].to_numpy(dtype=float)
    keys = arcs[["sending_hospital", "care_form_id", "performing_hospital"]].astype(str).to_numpy()
    for i in np.flatnonzero(arcs["new"].to_numpy(dtype=bool)):
        key = tuple(keys[i])
        z = m.variable(("z", *key), binary=True)
        m.z[int(i)] = z
        m.add(("proposal", *key), expr([(m.x[i], 1.0), (z, -demand[i])]) <= 0)


def _penalties(m: Model) -> list[tuple[pulp.LpVariable, float]]:
    return [(s, PENALTY / m.slack_scale[key]) for key, s in m.slacks.items()]


def set_objective(m: Model) -> None:
    """min w_travel·Σ t[a]·x[a] + w_move·Σ_{h≠o} x[a] + w_fixed·Σ f[h,c]·y[h,c]
    (+ penalties in soft mode)."""
    inputs = m.inputs
    opts = inputs.options
    arcs = inputs.arcs
    coef = opts.w_travel * arcs["travel"].to_numpy() + opts.w_move * arcs["moved"].to_numpy()
    terms = [(m.x[i], float(c)) for i, c in enumerate(coef) if c]
    if inputs.w_fixed:
        for h, c, f in inputs.fixed_costs.itertuples(index=False):
            if (h, c) in m.y:
                terms.append((m.y[(h, c)], inputs.w_fixed * float(f)))
    m.prob.setObjective(expr(terms + _penalties(m)))


def set_proposal_objective(m: Model) -> None:
    """min Σ z[a] + Σ_{a new} x[a] / (D + 1), D = all demand: the fewest new agreements first
    (the second term is always below 1), then the fewest cases moved under them."""
    weight = 1.0 / (float(m.inputs.demand["cases"].sum()) + 1.0)
    terms = [(z, 1.0) for z in m.z.values()]
    terms += [(m.x[i], weight) for i in m.z]
    m.prob.setObjective(expr(terms + _penalties(m)))
