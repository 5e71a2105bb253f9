"""The constraint families of the allocation model, one function each, maths in the docstring.

Notation: arc a = (o, c, h) carries x[a] cases of origin o and care form c performed at h;
d[o,c] is the origin's demand, b[a] today's cases on the arc, t[a] its travel minutes.

A family with a row per arc or per group builds its rows as arrays, one entry per term (row,
column, coefficient), and hands them to :meth:`Model.add_rows` in one call; the rows come in the
order a loop over the groups would add them (sorted keys, arcs in label order within a key).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pulp

from optimizer.inputs import ModelInputs
from optimizer.model import PENALTY, Model, expr

LE, EQ, GE = -1, 0, 1
ARC_KEY = ["sending_hospital", "care_form_id", "performing_hospital"]


def _strings(frame: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    """Columns of ids as lists of Python strings, each distinct id converted once."""
    out = []
    for col in columns:
        codes, ids = pd.factorize(frame[col])
        out.append(np.array([str(i) for i in ids], dtype=object)[codes].tolist())
    return out


def _positions(keys: pd.DataFrame, lookup: pd.DataFrame) -> np.ndarray:
    """For each row of ``lookup``, the position of the equal row of ``keys`` (−1: none)."""
    return pd.MultiIndex.from_frame(keys).get_indexer(pd.MultiIndex.from_frame(lookup))


def _place(n: int, *blocks: tuple[np.ndarray, list]) -> list:
    """A list of length ``n`` with each block's values at its positions."""
    out: list = [None] * n
    for at, values in blocks:
        for i, value in zip(at.tolist(), values, strict=True):
            out[i] = value
    return out


def add_arc_variables(m: Model) -> None:
    """x[o,c,h] ≥ 0 for every arc: whole patients when every volume of the year is whole
    (``ModelInputs.whole``), else continuous. An arc flagged ``fixed`` (a coalition's outsiders,
    :mod:`optimizer.coalitions`) carries exactly today's cases."""
    arcs = m.inputs.arcs
    integer = m.inputs.whole and m.fixed is None
    if "fixed" in arcs and arcs["fixed"].any():
        today = arcs["baseline"].to_numpy(dtype=float)
        fixed = arcs["fixed"].to_numpy(dtype=bool)
        low = np.where(fixed, today, 0.0).tolist()
        up = [t if f else None for t, f in zip(today.tolist(), fixed.tolist(), strict=True)]
        m.x_col = m.add_variables("x", _strings(arcs, ARC_KEY), low, up, integer=integer)
    else:
        m.x_col = m.add_variables("x", _strings(arcs, ARC_KEY), integer=integer)
    m.x = [m.columns[i] for i in m.x_col.tolist()]


def add_demand_constraints(m: Model) -> None:
    """demand[o,c]:  Σ_h x[o,c,h] = d[o,c]  (never soft)."""
    arcs, demand = m.inputs.arcs, m.inputs.demand
    key = ["sending_hospital", "care_form_id"]
    if not len(arcs):
        return
    row = _positions(demand[key], arcs[key])
    on = row >= 0
    used = np.bincount(row[on], minlength=len(demand)) > 0  # demand without arcs: no row
    number = np.cumsum(used) - 1
    o, c = (demand.loc[used, col].tolist() for col in key)
    m.add_rows(
        keys=[("demand", *k) for k in zip(o, c, strict=True)],
        row=number[row[on]],
        col=m.x_col[on],
        val=np.ones(int(on.sum())),
        sense=np.full(len(o), EQ),
        rhs=demand.loc[used, "cases"].to_numpy(dtype=float),
    )


def add_capacity_constraints(m: Model) -> None:
    """or_capacity[h]: Σ_{o,c} m_{h,c} x[o,c,h] ≤ ρ_h·K_h;  bed_capacity[h]: Σ los_{h,c} x ≤
    β_h·B_h, with ρ_h and β_h the hospital's planning ceilings (shares, default 0.90) and m, los
    a case's OR minutes and bed-days at h (hospital_care_forms, else the care form's value)."""
    arcs, hospitals = m.inputs.arcs, m.inputs.hospitals
    minutes = arcs["or_minutes"].to_numpy(dtype=float)  # at the performer
    los = arcs["los"].to_numpy(dtype=float)
    at = pd.Index(hospitals["hospital_id"]).get_indexer(arcs["performing_hospital"])
    beds = hospitals["bed_days"].notna().to_numpy()
    # per hospital its OR row, then its bed row where beds are given
    size = 1 + beds
    or_row = np.cumsum(size) - size
    bed_row = or_row[beds] + 1
    ids = hospitals["hospital_id"].tolist()
    on_or = (at >= 0) & (minutes != 0)
    on_bed = (at >= 0) & np.append(beds, False)[at] & (los != 0)
    n = int(size.sum())
    limit = np.empty(n)
    limit[or_row] = (hospitals["or_minutes"] * hospitals["or_ceiling"]).to_numpy(dtype=float)
    limit[bed_row] = (hospitals["bed_days"] * hospitals["bed_ceiling"])[beds].to_numpy(dtype=float)
    m.add_rows(
        keys=_place(
            n,
            (or_row, [("or_capacity", h) for h in ids]),
            (bed_row, [("bed_capacity", h) for h, b in zip(ids, beds, strict=True) if b]),
        ),
        row=np.concatenate([or_row[at[on_or]], np.cumsum(size)[at[on_bed]] - 1]),
        col=np.concatenate([m.x_col[on_or], m.x_col[on_bed]]),
        val=np.concatenate([minutes[on_or], los[on_bed]]),
        sense=np.full(n, LE),
        rhs=limit,
        slack=np.full(n, -1),
        scale=limit,
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
    on = arcs["care_form_id"].isin(care_forms_with_binaries(m)).to_numpy()
    if not on.any():
        return
    sub = arcs[on]
    grouped = sub.groupby(["performing_hospital", "care_form_id"])
    g = grouped.ngroup().to_numpy()  # numbered in sorted (h, c) order
    rank = grouped.cumcount().to_numpy()  # arcs in label order within their group
    groups = grouped.size()
    hs, cs = (groups.index.get_level_values(i).tolist() for i in (0, 1))
    cf = m.inputs.care_forms.set_index("care_form_id")
    norm = cf["norm"].astype(float).reindex(cs).to_numpy()
    total = cf["total_demand"].astype(float).reindex(cs).to_numpy()
    if m.fixed is None:
        y_col = m.add_variables("y", [hs, cs], binary=True)
    else:
        value = [float(m.fixed.get(k, 0.0)) for k in zip(hs, cs, strict=True)]
        y_col = m.add_variables("y", [hs, cs], low=value, up=value)
    m.y_col.update(zip(zip(hs, cs, strict=True), y_col.tolist(), strict=True))
    m.y.update((key, m.columns[i]) for key, i in m.y_col.items())
    # per group: its norm row (where n_c > 0), its norm_max row, then a link row per arc
    has_norm = norm > 0
    size = has_norm + 1 + groups.to_numpy()
    first = np.cumsum(size) - size  # each group's first row
    norm_row = first[has_norm]
    max_row = first + has_norm
    link_row = max_row[g] + 1 + rank
    x = m.x_col[on]
    in_norm = has_norm[g]
    n = int(size.sum())
    kinds = np.full(n, LE)
    kinds[norm_row] = GE
    slack = np.zeros(n)
    slack[norm_row] = +1
    scale = np.ones(n)
    scale[norm_row] = norm[has_norm]
    performed = zip(*_strings(sub, ARC_KEY), strict=True)
    m.add_rows(
        keys=_place(
            n,
            (norm_row, [("norm", h, c) for h, c, k in zip(hs, cs, has_norm, strict=True) if k]),
            (max_row, [("norm_max", h, c) for h, c in zip(hs, cs, strict=True)]),
            (link_row, [("link", o, c, h) for o, c, h in performed]),
        ),
        # terms per family: the x of every row, then its y
        row=np.concatenate([first[g[in_norm]], norm_row, max_row[g], max_row, link_row, link_row]),
        col=np.concatenate([x[in_norm], y_col[has_norm], x, y_col, x, y_col[g]]),
        val=np.concatenate(
            [
                np.ones(int(in_norm.sum())),
                -norm[has_norm],
                np.ones(len(x)),
                -total,
                np.ones(len(x)),
                -sub["demand"].to_numpy(dtype=float),
            ]
        ),
        sense=kinds,
        rhs=np.zeros(n),
        slack=slack,
        scale=scale,
    )


def add_max_hospitals_constraints(m: Model) -> None:
    """max_hospitals[c]: Σ_h y[h,c] ≤ k_c."""
    cf = m.inputs.care_forms
    limited = cf.loc[cf["max_hospitals"].notna(), ["care_form_id", "max_hospitals"]]
    if not len(limited) or not m.y:
        return
    care_form_of_y = [c for _, c in m.y]
    row = pd.Index(limited["care_form_id"]).get_indexer(care_form_of_y)
    on = row >= 0
    used = np.bincount(row[on], minlength=len(limited)) > 0  # a maximum without y: no row
    number = np.cumsum(used) - 1
    k = limited.loc[used, "max_hospitals"].to_numpy(dtype=float)
    m.add_rows(
        keys=[("max_hospitals", str(c)) for c in limited.loc[used, "care_form_id"]],
        row=number[row[on]],
        col=np.fromiter(m.y_col.values(), np.intp, len(m.y_col))[on],
        val=np.ones(int(on.sum())),
        sense=np.full(len(k), LE),
        rhs=k,
        slack=np.full(len(k), -1),
        scale=k,
    )


def add_keep_constraints(m: Model) -> None:
    """keep[h,c]: Σ_o x[o,c,h] ≥ min_cases (minimum retention)."""
    arcs, keep = m.inputs.arcs, m.inputs.keep
    if not len(keep):
        return
    row = _positions(
        keep[["hospital_id", "care_form_id"]],
        arcs[["performing_hospital", "care_form_id"]].set_axis(
            ["hospital_id", "care_form_id"], axis=1
        ),
    )
    on = row >= 0
    minimum = keep["min_cases"].to_numpy(dtype=float)
    m.add_rows(
        keys=[
            ("keep", *k) for k in zip(*_strings(keep, ["hospital_id", "care_form_id"]), strict=True)
        ],
        row=row[on],
        col=m.x_col[on],
        val=np.ones(int(on.sum())),
        sense=np.full(len(keep), GE),
        rhs=minimum,
        slack=np.full(len(keep), +1),
        scale=minimum,
    )


def add_move_variables(m: Model) -> None:
    """Patients whose hospital changes against today, per arc (b[a] = today's cases on it):

    moved[a] = x[a] where b[a] = 0;  excess[o,c,h]: u[a] ≥ x[a] − b[a], u[a] ≥ 0 where b[a] > 0;
    on an arc of an agreement in force with today's flow, the patients taken off it:
    undone[o,c,h]: r[a] ≥ b[a] − x[a], r[a] ≥ 0.

    Σ_a moved[a] counts every patient treated elsewhere than today once (the cases added on
    the arcs they move to; as many leave other arcs of their origin and care form). Built only
    when the objective or the move share needs it.
    """
    opts = m.inputs.options
    arcs = m.inputs.arcs
    needed = m.stage == "normal" and (
        opts.lexicographic or opts.move_weight != 0 or opts.max_move_share is not None
    )
    if not needed or not len(arcs):
        return
    baseline = arcs["baseline"].to_numpy(dtype=float)
    today = np.flatnonzero(baseline > 0)
    o, c, h = _strings(arcs.iloc[today], ARC_KEY)
    u = m.add_variables("u", [o, c, h])
    agreed = np.flatnonzero((baseline > 0) & arcs["agreed"].to_numpy(dtype=bool))
    ro, rc, rh = _strings(arcs.iloc[agreed], ARC_KEY)
    r = m.add_variables("r", [ro, rc, rh])
    k, n = len(today), len(agreed)
    m.add_rows(
        keys=[("excess", *key) for key in zip(o, c, h, strict=True)]
        + [("undone", *key) for key in zip(ro, rc, rh, strict=True)],
        row=np.concatenate([np.arange(k), np.arange(k), k + np.arange(n), k + np.arange(n)]),
        col=np.concatenate([u, m.x_col[today], r, m.x_col[agreed]]),
        val=np.concatenate([np.ones(k), -np.ones(k), np.ones(n), np.ones(n)]),
        sense=np.full(k + n, GE),
        rhs=np.concatenate([-baseline[today], baseline[agreed]]),
    )
    m.moved_col = m.x_col.copy()
    m.moved_col[today] = u
    m.undone_col = r


def add_move_share_constraints(m: Model) -> None:
    """move_share[o]: Σ_{c,h} moved[o,c,h] ≤ s · Σ_c d[o,c]  (moves against today, as in the
    objective: :func:`add_move_variables`)."""
    share = m.inputs.options.max_move_share
    arcs = m.inputs.arcs
    if share is None or not len(arcs) or m.moved_col is None:
        return
    total = m.inputs.demand.groupby("sending_hospital")["cases"].sum()
    grouped = arcs.groupby("sending_hospital")
    g = grouped.ngroup().to_numpy()  # numbered in sorted origin order
    origins = [str(o) for o in grouped.size().index]
    limit = share * total.reindex(grouped.size().index).to_numpy(dtype=float)
    n = len(origins)
    m.add_rows(
        keys=[("move_share", k) for k in origins],
        row=g,
        col=m.moved_col,
        val=np.ones(len(arcs)),
        sense=np.full(n, LE),
        rhs=limit,
        slack=np.full(n, -1),
        scale=limit,
    )


def add_margin_constraints(m: Model) -> None:
    """margin[h]: Σ_a μ[a,h] x[a] ≥ margin_before[h] − s·|margin_before[h]|  [euro]."""
    loss = m.inputs.options.max_margin_loss
    per, margin_before = m.inputs.margin_per_case, m.inputs.margin_before
    if loss is None or per is None or margin_before is None or not len(per):
        return
    grouped = per.groupby("hospital_id")
    g = grouped.ngroup().to_numpy()  # one row per hospital, sorted
    hospitals = [str(h) for h in grouped.size().index]
    before = np.array([float(margin_before.get(h, 0.0)) / 100 for h in grouped.size().index])
    cents = per["cents"].to_numpy(dtype=float)
    on = cents != 0
    m.add_rows(
        keys=[("margin", h) for h in hospitals],
        row=g[on],
        col=m.x_col[per["arc"].to_numpy(dtype=int)[on]],
        val=cents[on] / 100,
        sense=np.full(len(hospitals), GE),
        rhs=before - loss * np.abs(before),
        slack=np.full(len(hospitals), +1),
        scale=before,
    )


def add_proposal_constraints(m: Model) -> None:
    """z[o,c,h] ∈ {0,1} on every candidate arc (no agreement covers it);

    proposal[o,c,h]: x[o,c,h] ≤ d[o,c]·z[o,c,h]  (a new move needs a proposed agreement).
    """
    arcs = m.inputs.arcs
    new = np.flatnonzero(arcs["new"].to_numpy(dtype=bool))
    keys = _strings(arcs.iloc[new], ARC_KEY)
    z = m.add_variables("z", keys, binary=True)
    m.z.update(zip(new.tolist(), (m.columns[i] for i in z.tolist()), strict=True))
    k = len(new)
    m.add_rows(
        keys=[("proposal", *key) for key in zip(*keys, strict=True)],
        row=np.concatenate([np.arange(k), np.arange(k)]),
        col=np.concatenate([m.x_col[new], z]),
        val=np.concatenate([np.ones(k), -arcs["demand"].to_numpy(dtype=float)[new]]),
        sense=np.full(k, LE),
        rhs=np.zeros(k),
    )


def add_norm_supply_cuts(m: Model) -> None:
    """norm_supply[h,c]: Σ_{o: (o,c,h) new} z[o,c,h] ≥ k[h,c]·y[h,c] where the arcs in force
    into h (its own patients included) cannot bring the norm: D⁰[h,c] = Σ_{(o,c,h) in force}
    d[o,c] < n_c, and k[h,c] the fewest candidate arcs whose demands make up n_c − D⁰[h,c].

    Valid for every solution of the proposal stage (a hospital that performs c needs n_c cases,
    a candidate arc carries at most d[o,c] of them and only with its z at 1); it tightens the
    relaxation, where x ≤ d·z lets a fraction of an agreement bring the missing cases (on the
    national benchmark three quarters of the relaxation's fractional agreements were such).
    """
    if not m.z or not m.y or m.soft:
        return
    arcs = m.inputs.arcs
    cf = m.inputs.care_forms.set_index("care_form_id")
    normed = cf.index[cf["norm"] > 0]
    on = arcs["care_form_id"].isin(normed).to_numpy()
    new = arcs["new"].to_numpy(dtype=bool)
    sub = arcs[on].assign(_new=new[on], _label=np.flatnonzero(on))
    in_force = sub[~sub["_new"]].groupby(["performing_hospital", "care_form_id"])["demand"].sum()
    offered = sub[sub["_new"]].sort_values("demand", ascending=False, kind="stable")
    keys, counts, labels = [], [], []
    for (h, c), group in offered.groupby(["performing_hospital", "care_form_id"], sort=True):
        if (h, c) not in m.y_col:
            continue
        missing = float(cf.at[c, "norm"]) - float(in_force.get((h, c), 0.0))
        if missing <= 1e-9:
            continue
        reached = np.cumsum(group["demand"].to_numpy(dtype=float)) >= missing - 1e-9
        k = int(np.argmax(reached)) + 1 if reached.any() else len(group) + 1
        keys.append(("norm_supply", str(h), str(c)))
        counts.append(k)
        labels.append(group["_label"].to_numpy())
    if not keys:
        return
    position = {id(var): i for i, var in enumerate(m.columns)}
    n = len(keys)
    z_of = np.array([position[id(m.z[i])] for ls in labels for i in ls.tolist()], dtype=np.intp)
    sizes = np.array([len(ls) for ls in labels])
    m.add_rows(
        keys=keys,
        row=np.concatenate([np.repeat(np.arange(n), sizes), np.arange(n)]),
        col=np.concatenate([z_of, [m.y_col[(k[1], k[2])] for k in keys]]),
        val=np.concatenate([np.ones(len(z_of)), -np.array(counts, dtype=float)]),
        sense=np.full(n, GE),
        rhs=np.zeros(n),
    )


def _penalties(m: Model) -> list[tuple[pulp.LpVariable, float]]:
    return [(s, PENALTY / m.slack_scale[key]) for key, s in m.slacks.items()]


def _travel_and_fixed(m: Model) -> list[tuple[pulp.LpVariable, float]]:
    """w_travel·Σ t[a]·x[a] + w_fixed·Σ f[h,c]·y[h,c] as terms."""
    inputs = m.inputs
    travel = inputs.options.w_travel * inputs.arcs["travel"].to_numpy(dtype=float)
    nonzero = np.flatnonzero(travel != 0)
    terms = list(zip([m.x[i] for i in nonzero.tolist()], travel[nonzero].tolist(), strict=True))
    if inputs.w_fixed:
        for h, c, f in inputs.fixed_costs.itertuples(index=False):
            if (h, c) in m.y:
                terms.append((m.y[(h, c)], inputs.w_fixed * float(f)))
    return terms


def moved_terms(m: Model, weight: float) -> list[tuple[pulp.LpVariable, float]]:
    """weight·Σ_a moved[a] as terms (none when the model has no move variables)."""
    if m.moved_col is None or weight == 0:
        return []
    return [(m.columns[i], weight) for i in m.moved_col.tolist()]


def travel_bound(inputs: ModelInputs) -> float:
    """An upper bound of w_travel·travel + w_fixed·fixed costs over every plan:
    Σ_{o,c} d[o,c]·max_h t[o,c,h] and every fixed cost."""
    arcs = inputs.arcs
    if not len(arcs):
        return 0.0
    longest = arcs.groupby(["sending_hospital", "care_form_id"]).agg(
        d=("demand", "first"), t=("travel", "max")
    )
    fixed = float(inputs.fixed_costs["fixed_cost"].sum()) * inputs.w_fixed
    return abs(inputs.options.w_travel) * float((longest["d"] * longest["t"]).sum()) + fixed


def goal_terms(m: Model) -> list[tuple[pulp.LpVariable, float]]:
    """The second goal as terms: W·Σ undone[a] + Σ moved[a] with W = 1 + Σ d (more than any
    number of moves): a patient leaves an agreement in force only when nothing else gives a
    feasible plan, then the fewest patients move."""
    if m.moved_col is None:
        return []
    weight = 1.0 + float(m.inputs.demand["cases"].sum())
    return [(m.columns[i], weight) for i in m.undone_col.tolist()] + moved_terms(m, 1.0)


def set_objective(m: Model) -> None:
    """The allocation objective (+ penalties in soft mode).

    Default (lexicographic, first step): min G + ε·(w_travel·Σ t[a]·x[a] +
    w_fixed·Σ f[h,c]·y[h,c]) with G the goal terms (:func:`goal_terms`: agreements undone, then
    moved patients) and ε = 1 / (2·(1 + T)), T an upper bound of the bracket
    (:func:`travel_bound`): travel and fixed costs only break ties between plans with the same
    G; the second step (:func:`set_travel_objective`) minimises them exactly.
    Weighted (``--w-move W``, or ``--objective travel``): min w_travel·Σ t·x + W·Σ moved +
    w_fixed·Σ f·y.
    """
    opts = m.inputs.options
    if opts.lexicographic:
        eps = 0.5 / (1.0 + travel_bound(m.inputs))
        terms = goal_terms(m) + [(v, eps * w) for v, w in _travel_and_fixed(m)]
    else:
        terms = _travel_and_fixed(m) + moved_terms(m, opts.move_weight)
    m.set_objective(expr(terms + _penalties(m)))


def set_travel_objective(m: Model, goal: float) -> None:
    """The second step of the default objective: the first step's goal held
    (goal_held: G ≤ ``goal``, see :func:`goal_terms`), min w_travel·Σ t·x + w_fixed·Σ f·y."""
    terms = goal_terms(m)
    if not terms:
        raise ValueError("the travel step needs the move variables")
    columns = {id(v): i for i, v in enumerate(m.columns)}
    m.add_rows(
        keys=[("goal_held",)],
        row=np.zeros(len(terms), dtype=int),
        col=np.array([columns[id(v)] for v, _ in terms]),
        val=np.array([w for _, w in terms]),
        sense=np.array([LE]),
        rhs=np.array([goal]),
    )
    m.set_objective(expr(_travel_and_fixed(m)))


def set_proposal_objective(m: Model) -> None:
    """min Σ z[a] + Σ_{a new} x[a] / (D + 1), D = all demand: the fewest new agreements first
    (the second term is always below 1), then the fewest cases moved under them."""
    weight = 1.0 / (float(m.inputs.demand["cases"].sum()) + 1.0)
    terms = [(z, 1.0) for z in m.z.values()]
    terms += [(m.x[i], weight) for i in m.z]
    m.set_objective(expr(terms + _penalties(m)))
