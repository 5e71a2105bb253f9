"""Model inputs for the optimised scenario (docs/model.md), prepared as frames, no loops per row.

Only moves that are possible at all become arcs (variables): the performer's type must be
allowed for the care form, a move o → h (o ≠ h) needs an agreement valid in the year (unless
free moves), or carries baseline flow already (the status quo is always possible), and it must
not be longer than ``max_travel``. With ``candidates=True`` the moves that no agreement covers
are kept too, flagged ``new``, within ``max_travel`` or else ``PROPOSAL_TRAVEL`` minutes: those are
the agreements the optimizer may propose.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from calculator.agreements import valid_in_year
from calculator.errors import Finding, SpreidingInputError
from calculator.flows import flow_items
from calculator.money import unit_price_cents
from calculator.schema import HOSPITAL_TYPES
from calculator.tariffs import Tariffs
from calculator.workbook import Workbook
from optimizer.capacity import (
    baseline_flows,
    effective_norms,
    per_case,
    planning_ceilings,
    variable_cost_cents,
)

ROAD_FACTOR = 1.3  # roads are 1.3× the straight line; at 60 km/h a km is a minute
PROPOSAL_TRAVEL = 60.0  # a proposed new agreement moves patients at most this far [minutes]
CAPS = ("fixed", "follow")


@dataclass(frozen=True)
class Options:
    """Options of ``spreiding optimize`` (README, Command line)."""

    solver: str = "highs"
    time_limit: float | None = 120.0
    gap: float | None = None
    # whole cases asked for explicitly (fractional volumes are then invalid input); without it
    # flows are whole when every volume of the year is whole, unless ``fractional``
    integer: bool = False
    fractional: bool = False
    free_moves: bool = False
    # "moves": feasible with the fewest proposals, then the fewest patients whose hospital
    # changes against today, then the least travel; "travel": the least travel first
    objective: str = "moves"
    w_travel: float = 1.0
    # a weight per moved patient [travel minutes]: None = the lexicographic order of "moves"
    # (with --objective travel: 0); a number trades moves against travel minutes in one sum
    w_move: float | None = None
    norms: dict[str, int] = field(default_factory=dict)
    max_travel: float | None = None
    max_move_share: float | None = None
    max_margin_loss: float | None = None
    threads: int | None = None
    # None: propose new agreements only when the agreements in force leave no solution;
    # True: always solve with proposals; False: never (infeasible is then the answer)
    propose: bool | None = None
    # weight of the fixed service costs in the objective; None = 1 when the sheet has rows
    w_fixed: float | None = None
    # insurer cap room stays with each hospital (fixed) or moves with the cases (follow)
    caps: str = "fixed"
    # planning ceiling for OR and beds of every hospital in this run [share]; None = the
    # hospitals sheet's or_max_utilisation / beds_max_utilisation, blank there = 0.90
    max_utilisation: float | None = None

    @property
    def lexicographic(self) -> bool:
        """Moves first, then travel, in two solves (the default objective)."""
        return self.objective == "moves" and self.w_move is None

    @property
    def move_weight(self) -> float:
        """The weight of a moved patient in a single weighted objective."""
        if self.w_move is not None:
            return float(self.w_move)
        return 1.0 if self.objective == "moves" else 0.0

    @property
    def proposal_travel(self) -> float:
        """Longest move a proposed agreement may make [minutes]."""
        return self.max_travel if self.max_travel is not None else PROPOSAL_TRAVEL


@dataclass(frozen=True)
class ModelInputs:
    """Everything the model needs.

    arcs : sending_hospital (o), care_form_id, performing_hospital (h), demand (d[o,c]),
        travel [minutes], moved (o ≠ h),
        new (a move no agreement covers: a candidate for a proposed agreement), agreed (a move
        under an agreement in force), baseline (today's cases on the arc), or_minutes and los
        (OR minutes and bed-days of a case at the performer: hospital_care_forms or the care
        form's value)
    demand : sending_hospital, care_form_id, cases (baseline cases of the origin, any performer)
    hospitals : hospital_id, or_minutes, bed_days (NaN = not limiting)
    care_forms : care_form_id, or_minutes_per_case, los_days, norm, max_hospitals, total_demand
    keep : hospital_id, care_form_id, min_cases
    unreachable : sending_hospital, care_form_id, cases with no arc at all (never feasible)
    margin_per_case : arc index, hospital_id, cents per case (only with a margin guardrail)
    margin_before : hospital_id → margin of the baseline in the same linear terms [cents]
    fixed_costs : hospital_id, care_form_id, fixed_cost [EUR/year] (rows with a cost > 0)
    w_fixed : weight of the fixed costs in the objective
    whole : flows are whole patients (every volume of the year is whole and not
        ``--fractional``, or ``--integer``)
    """

    year: int
    options: Options
    arcs: pd.DataFrame
    demand: pd.DataFrame
    hospitals: pd.DataFrame
    care_forms: pd.DataFrame
    keep: pd.DataFrame
    unreachable: pd.DataFrame
    margin_per_case: pd.DataFrame | None = None
    margin_before: pd.Series | None = None
    fixed_costs: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["hospital_id", "care_form_id", "fixed_cost"])
    )
    w_fixed: float = 0.0
    whole: bool = False

    @property
    def has_candidates(self) -> bool:
        return bool(self.arcs["new"].any())

    def restricted(self, keep: np.ndarray) -> ModelInputs:
        """The same inputs with only the arcs where ``keep`` is true (arc labels renumbered)."""
        arcs = self.arcs[keep].reset_index()
        renumber = dict(zip(arcs["index"], arcs.index, strict=True))
        arcs = arcs.drop(columns="index")
        per_case = self.margin_per_case
        if per_case is not None:
            per_case = per_case[per_case["arc"].isin(renumber)].assign(
                arc=lambda f: f["arc"].map(renumber)
            )
        return replace(
            self,
            arcs=arcs,
            unreachable=unreachable_demand(self.demand, arcs),
            margin_per_case=per_case,
        )


def travel_minutes(wb: Workbook, pairs: pd.DataFrame) -> pd.Series:
    """Minutes for (origin, performer) pairs: the travel sheet, else 1.3 × great-circle km.

    A pair with neither is NaN; the caller decides whether that is an error.
    """
    travel = wb.travel[["from_hospital", "to_hospital", "minutes"]].rename(
        columns={"from_hospital": "sending_hospital", "to_hospital": "performing_hospital"}
    )
    given = (
        pairs[["sending_hospital", "performing_hospital"]]
        .merge(travel, on=["sending_hospital", "performing_hospital"], how="left")["minutes"]
        .to_numpy(dtype=float)
    )
    pos = wb.hospitals.set_index("hospital_id")[["lat", "lon"]].astype(float)
    lat1 = np.radians(pairs["sending_hospital"].map(pos["lat"]).to_numpy(dtype=float))
    lon1 = np.radians(pairs["sending_hospital"].map(pos["lon"]).to_numpy(dtype=float))
    lat2 = np.radians(pairs["performing_hospital"].map(pos["lat"]).to_numpy(dtype=float))
    lon2 = np.radians(pairs["performing_hospital"].map(pos["lon"]).to_numpy(dtype=float))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km = 2 * 6371.0 * np.arcsin(np.sqrt(a))
    out = np.where(np.isnan(given), km * ROAD_FACTOR, given)
    out[(pairs["sending_hospital"] == pairs["performing_hospital"]).to_numpy()] = 0.0
    return pd.Series(out, index=pairs.index)


def _allowed_pairs(care_forms: pd.DataFrame) -> pd.DataFrame:
    """(care_form_id, type) pairs that may perform; a blank allowed_types allows every type."""
    rows = []
    for c, allowed in zip(care_forms["care_form_id"], care_forms["allowed_types"], strict=True):
        types = (
            [t.strip().casefold() for t in allowed.split(",")]
            if isinstance(allowed, str)
            else HOSPITAL_TYPES
        )
        rows += [(c, t) for t in types if t]
    return pd.DataFrame(rows, columns=["care_form_id", "type"])


def _in(frame: pd.DataFrame, keys: pd.DataFrame, on: list[str]) -> np.ndarray:
    """Which rows of ``frame`` have their ``on`` columns among the rows of ``keys``."""
    marked = frame[on].merge(keys[on].drop_duplicates().assign(_hit=True), on=on, how="left")
    return marked["_hit"].fillna(False).to_numpy(dtype=bool)


def unreachable_demand(demand: pd.DataFrame, arcs: pd.DataFrame) -> pd.DataFrame:
    """Demand (origin, care form) that no arc can carry."""
    return demand[~_in(demand, arcs, ["sending_hospital", "care_form_id"])].reset_index(drop=True)


def is_whole(cases: pd.Series) -> bool:
    """Every count a whole number (to 1e-9)."""
    values = cases.to_numpy(dtype=float)
    return bool((np.abs(values - np.round(values)) <= 1e-9).all())


def _require_whole_demand(demand: pd.DataFrame) -> None:
    """``--integer`` needs whole cases: name the first fractional demand."""
    fractional = demand[(demand["cases"] - demand["cases"].round()).abs() > 1e-9]
    if len(fractional):
        o, c, d = fractional[["sending_hospital", "care_form_id", "cases"]].iloc[0]
        raise SpreidingInputError(
            [
                Finding(
                    "volumes",
                    None,
                    "cases",
                    f"{o} {c}: {d:g}",
                    code="opt_fractional_demand",
                    params={"pairs": len(fractional)},
                )
            ]
        )


def prepare(wb: Workbook, year: int, options: Options, candidates: bool = False) -> ModelInputs:
    """Demand, arcs and parameters for ``year``; raises on unknown norm overrides.

    With ``candidates`` (and without free moves) the moves no agreement covers are kept as arcs
    flagged ``new``, within ``options.proposal_travel`` minutes.
    """
    wb.require_year("volumes", year)
    norms = effective_norms(wb, options.norms)
    base = baseline_flows(wb, year)
    demand = base.groupby(["sending_hospital", "care_form_id"], as_index=False)["cases"].sum()
    demand = demand[demand["cases"] > 0].reset_index(drop=True)
    if options.integer:
        _require_whole_demand(demand)
    whole = options.integer or (not options.fractional and is_whole(demand["cases"]))
    hospitals = wb.hospitals[["hospital_id", "type", "or_minutes", "bed_days"]].merge(
        planning_ceilings(wb, options.max_utilisation), on="hospital_id"
    )
    cf = wb.care_forms.set_index("care_form_id")

    arcs = demand.rename(columns={"cases": "demand"}).merge(
        hospitals[["hospital_id", "type"]].rename(columns={"hospital_id": "performing_hospital"}),
        how="cross",
    )
    arcs = arcs.merge(_allowed_pairs(wb.care_forms), on=["care_form_id", "type"])
    arcs["moved"] = arcs["sending_hospital"] != arcs["performing_hospital"]
    on = ["care_form_id", "sending_hospital", "performing_hospital"]
    today = base[base["cases"] > 0].groupby(on, as_index=False)["cases"].sum()
    arcs["new"] = False
    agreed = valid_in_year(wb.agreements, year)
    arcs["agreed"] = arcs["moved"].to_numpy() & _in(arcs, agreed, on)
    if not options.free_moves:
        allowed = ~arcs["moved"].to_numpy() | _in(arcs, agreed, on) | _in(arcs, today, on)
        arcs["new"] = ~allowed
        if not candidates:
            arcs = arcs[allowed]
    arcs = arcs.reset_index(drop=True)
    arcs["travel"] = travel_minutes(wb, arcs)
    if options.max_travel is not None:
        arcs = arcs[~arcs["moved"] | (arcs["travel"] <= options.max_travel)]
    if candidates:
        arcs = arcs[~arcs["new"] | (arcs["travel"] <= options.proposal_travel)]
    arcs = arcs.merge(today.rename(columns={"cases": "baseline"}), on=on, how="left").assign(
        baseline=lambda f: f["baseline"].fillna(0.0)
    )
    needs_travel = options.w_travel != 0 or options.max_travel is not None
    unknown = arcs["moved"] & arcs["travel"].isna()
    if needs_travel and unknown.any():
        pairs = arcs.loc[unknown, ["sending_hospital", "performing_hospital"]].drop_duplicates()
        o, h = pairs.iloc[0]
        raise SpreidingInputError(
            [
                Finding(
                    "travel",
                    None,
                    "minutes",
                    f"{o} → {h}",
                    code="opt_no_travel_time",
                    params={"sending": o, "performing": h, "pairs": len(pairs)},
                )
            ]
        )
    arcs["travel"] = arcs["travel"].fillna(0.0)
    arcs["or_minutes"] = per_case(
        wb, arcs["performing_hospital"], arcs["care_form_id"], "or_minutes_per_case"
    )
    arcs["los"] = per_case(wb, arcs["performing_hospital"], arcs["care_form_id"], "los_days")
    arcs = arcs.drop(columns="type").sort_values(
        ["sending_hospital", "care_form_id", "performing_hospital"], ignore_index=True
    )
    unreachable = unreachable_demand(demand, arcs)

    total = demand.groupby("care_form_id")["cases"].sum()
    care_forms = pd.DataFrame(
        {
            "care_form_id": cf.index,
            "or_minutes_per_case": cf["or_minutes_per_case"].to_numpy(dtype=float),
            "los_days": cf["los_days"].fillna(0.0).to_numpy(dtype=float),
            "norm": [norms[c] for c in cf.index],
            "max_hospitals": cf["max_hospitals"].to_numpy(),
            "total_demand": [float(total.get(c, 0.0)) for c in cf.index],
        }
    )
    keep = wb.keep[["hospital_id", "care_form_id", "min_cases"]].reset_index(drop=True)
    margin_per_case = margin_before = None
    if options.max_margin_loss is not None:
        margin_per_case, margin_before = linear_margins(wb, year, arcs, base)
    fixed = wb.service_costs[["hospital_id", "care_form_id", "fixed_cost"]]
    fixed = fixed[fixed["fixed_cost"] > 0].reset_index(drop=True)
    w_fixed = options.w_fixed if options.w_fixed is not None else (1.0 if len(fixed) else 0.0)
    return ModelInputs(
        year=year,
        options=options,
        arcs=arcs,
        demand=demand,
        hospitals=hospitals[
            ["hospital_id", "or_minutes", "bed_days", "or_ceiling", "bed_ceiling"]
        ].reset_index(drop=True),
        care_forms=care_forms,
        keep=keep,
        unreachable=unreachable,
        margin_per_case=margin_per_case,
        margin_before=margin_before,
        fixed_costs=fixed.astype({"fixed_cost": float}),
        w_fixed=float(w_fixed),
        whole=whole,
    )


def linear_margins(
    wb: Workbook, year: int, arcs: pd.DataFrame, base: pd.DataFrame
) -> tuple[pd.DataFrame, pd.Series]:
    """Margin per case of each arc for every hospital it touches, by the rules of
    docs/settlement.md (Flows → money) [cents].

    Revenue at the insurer-share-weighted contract price (caps left out: they are not linear),
    plus ODV and secondment, minus variable cost at the performer.
    """
    pricing = Tariffs.build(wb)
    unit_flows = pd.DataFrame(
        {
            "sending_hospital": arcs["sending_hospital"],
            "performing_hospital": arcs["performing_hospital"],
            "care_form_id": arcs["care_form_id"],
            "cases": 1.0,
            "source": arcs.index.astype(str),
        }
    )
    _, declared, lines = flow_items(unit_flows, wb.agreements, pricing, year)
    contracts = pricing.contracts(year)
    price = {}
    for h, code in (
        declared[["hospital_id", "product_code"]].drop_duplicates().itertuples(index=False)
    ):
        rows = contracts[contracts["hospital_id"] == h]
        bench = pricing.benchmark(code, year)
        price[(h, code)] = sum(
            s * unit_price_cents(bench, f)
            for s, f in zip(rows["share"], rows["price_factor"], strict=True)
        )
    parts = [
        pd.DataFrame(
            {
                "arc": declared["flow"],
                "hospital_id": declared["hospital_id"],
                "cents": [
                    price[(h, c)]
                    for h, c in zip(declared["hospital_id"], declared["product_code"], strict=True)
                ],
            }
        )
    ]
    if len(lines):
        parts.append(
            pd.DataFrame(
                {
                    "arc": lines["flow"],
                    "hospital_id": lines["payee"],
                    "cents": lines["unit_price_cents"].astype(float),
                }
            )
        )
        parts.append(
            pd.DataFrame(
                {
                    "arc": lines["flow"],
                    "hospital_id": lines["payer"],
                    "cents": -lines["unit_price_cents"].astype(float),
                }
            )
        )
    var = variable_cost_cents(wb, pricing, year, arcs["performing_hospital"], arcs["care_form_id"])
    parts.append(
        pd.DataFrame(
            {
                "arc": arcs.index,
                "hospital_id": arcs["performing_hospital"],
                "cents": -np.asarray(var, dtype=float),
            }
        )
    )
    per_case = (
        pd.concat(parts, ignore_index=True)
        .groupby(["arc", "hospital_id"], as_index=False)["cents"]
        .sum()
    )
    # the baseline in the same terms: baseline cases on the matching arcs
    b = base.groupby(["sending_hospital", "care_form_id", "performing_hospital"], as_index=False)[
        "cases"
    ].sum()
    on_arcs = b.merge(
        arcs.reset_index().rename(columns={"index": "arc"})[
            ["sending_hospital", "care_form_id", "performing_hospital", "arc"]
        ],
        on=["sending_hospital", "care_form_id", "performing_hospital"],
    )
    money = on_arcs.merge(per_case, on="arc")
    before = (money["cases"] * money["cents"]).groupby(money["hospital_id"]).sum()
    before = before.reindex(sorted(wb.hospitals["hospital_id"]), fill_value=0.0)
    return per_case, before
