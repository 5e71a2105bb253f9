"""Model inputs for the optimised scenario (SPEC §6.2), prepared as frames, no loops per row.

Only moves that are possible at all become arcs (variables): the performer's type must be
allowed for the care form, a move o → h (o ≠ h) needs an agreement valid in the year (unless
free moves), or carries baseline flow already (the status quo is always possible), and it must
not be longer than ``max_travel``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from calculator.agreements import valid_in_year
from calculator.errors import Finding, SpreidingInputError
from calculator.flows import flow_items
from calculator.money import unit_price_cents
from calculator.pricing import Pricing
from calculator.schema import HOSPITAL_TYPES
from calculator.workbook import Workbook
from optimizer.capacity import baseline_flows, effective_norms

ROAD_FACTOR = 1.3  # roads are 1.3× the straight line; at 60 km/h a km is a minute


@dataclass(frozen=True)
class Options:
    """Options of ``spreiding optimize`` (SPEC §7)."""

    solver: str = "highs"
    time_limit: float | None = 120.0
    gap: float | None = None
    integer: bool = False
    free_moves: bool = False
    w_travel: float = 1.0
    w_move: float = 0.0
    norms: dict[str, int] = field(default_factory=dict)
    max_travel: float | None = None
    max_move_share: float | None = None
    max_margin_loss: float | None = None
    threads: int | None = None


@dataclass(frozen=True)
class ModelInputs:
    """Everything the model needs.

    arcs : origin, care_form_id, performer, demand (d[o,c]), travel [minutes], moved (o ≠ h)
    demand : origin, care_form_id, cases (baseline cases of the origin, any performer)
    hospitals : hospital_id, or_minutes, bed_days (NaN = not limiting)
    care_forms : care_form_id, or_minutes_per_case, los_days, norm, max_hospitals, total_demand
    keep : hospital_id, care_form_id, min_cases
    unreachable : origin, care_form_id, cases with no arc at all (never feasible)
    margin_per_case : arc index, hospital_id, cents per case (only with a margin guardrail)
    margin_before : hospital_id → margin of the baseline in the same linear terms [cents]
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


def travel_minutes(wb: Workbook, pairs: pd.DataFrame) -> pd.Series:
    """Minutes for (origin, performer) pairs: the travel sheet, else 1.3 × great-circle km.

    A pair with neither is NaN; the caller decides whether that is an error.
    """
    travel = wb.travel[["from_hospital", "to_hospital", "minutes"]].rename(
        columns={"from_hospital": "origin", "to_hospital": "performer"}
    )
    given = (
        pairs[["origin", "performer"]]
        .merge(travel, on=["origin", "performer"], how="left")["minutes"]
        .to_numpy(dtype=float)
    )
    pos = wb.hospitals.set_index("hospital_id")[["lat", "lon"]].astype(float)
    lat1 = np.radians(pairs["origin"].map(pos["lat"]).to_numpy(dtype=float))
    lon1 = np.radians(pairs["origin"].map(pos["lon"]).to_numpy(dtype=float))
    lat2 = np.radians(pairs["performer"].map(pos["lat"]).to_numpy(dtype=float))
    lon2 = np.radians(pairs["performer"].map(pos["lon"]).to_numpy(dtype=float))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km = 2 * 6371.0 * np.arcsin(np.sqrt(a))
    out = np.where(np.isnan(given), km * ROAD_FACTOR, given)
    out[(pairs["origin"] == pairs["performer"]).to_numpy()] = 0.0
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


def prepare(wb: Workbook, year: int, options: Options) -> ModelInputs:
    """Demand, arcs and parameters for ``year``; raises on unknown norm overrides."""
    wb.require_year("volumes", year)
    try:
        norms = effective_norms(wb, options.norms)
    except KeyError as exc:
        raise SpreidingInputError(
            [Finding("care_forms", None, "care_form_id", "", str(exc.args[0]))]
        ) from None
    base = baseline_flows(wb, year)
    demand = (
        base.groupby(["sending", "care_form_id"], as_index=False)["cases"]
        .sum()
        .rename(columns={"sending": "origin"})
    )
    demand = demand[demand["cases"] > 0].reset_index(drop=True)
    hospitals = wb.hospitals[["hospital_id", "type", "or_minutes", "bed_days"]]
    cf = wb.care_forms.set_index("care_form_id")

    arcs = demand.rename(columns={"cases": "demand"}).merge(
        hospitals[["hospital_id", "type"]].rename(columns={"hospital_id": "performer"}), how="cross"
    )
    arcs = arcs.merge(_allowed_pairs(wb.care_forms), on=["care_form_id", "type"])
    arcs["moved"] = arcs["origin"] != arcs["performer"]
    if not options.free_moves:
        agreed = valid_in_year(wb.agreements, year).rename(
            columns={"sending_hospital": "origin", "performing_hospital": "performer"}
        )
        status_quo = base[base["cases"] > 0].rename(
            columns={"sending": "origin", "performing": "performer"}
        )
        on = ["care_form_id", "origin", "performer"]
        keep = ~arcs["moved"].to_numpy() | _in(arcs, agreed, on) | _in(arcs, status_quo, on)
        arcs = arcs[keep]
    arcs = arcs.reset_index(drop=True)
    arcs["travel"] = travel_minutes(wb, arcs)
    if options.max_travel is not None:
        arcs = arcs[~arcs["moved"] | (arcs["travel"] <= options.max_travel)]
    needs_travel = options.w_travel != 0 or options.max_travel is not None
    unknown = arcs["moved"] & arcs["travel"].isna()
    if needs_travel and unknown.any():
        o, h = arcs.loc[unknown, ["origin", "performer"]].iloc[0]
        raise SpreidingInputError(
            [
                Finding(
                    "travel",
                    None,
                    "minutes",
                    f"{o} → {h}",
                    "no travel time and no positions (lat, lon) to "
                    "derive it; add the pair to 'travel' or positions "
                    "to 'hospitals'",
                )
            ]
        )
    arcs["travel"] = arcs["travel"].fillna(0.0)
    arcs = arcs.drop(columns="type").sort_values(
        ["origin", "care_form_id", "performer"], ignore_index=True
    )
    unreachable = demand[~_in(demand, arcs, ["origin", "care_form_id"])]

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
    return ModelInputs(
        year,
        options,
        arcs,
        demand,
        hospitals[["hospital_id", "or_minutes", "bed_days"]].reset_index(drop=True),
        care_forms,
        keep,
        unreachable.reset_index(drop=True),
        margin_per_case,
        margin_before,
    )


def linear_margins(
    wb: Workbook, year: int, arcs: pd.DataFrame, base: pd.DataFrame
) -> tuple[pd.DataFrame, pd.Series]:
    """Margin per case of each arc for every hospital it touches, by the §4.2 rules [cents].

    Revenue at the insurer-share-weighted contract price (caps left out: they are not linear),
    plus ODV and secondment, minus variable cost at the performer.
    """
    pricing = Pricing(wb)
    unit_flows = pd.DataFrame(
        {
            "sending": arcs["origin"],
            "performing": arcs["performer"],
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
    share = dict(
        zip(
            wb.care_forms["care_form_id"],
            wb.care_forms["variable_cost_share"].fillna(0.0),
            strict=True,
        )
    )
    var = [
        unit_price_cents(pricing.benchmark(pricing.full_product(c), year), share[c])
        for c in arcs["care_form_id"]
    ]
    parts.append(
        pd.DataFrame(
            {
                "arc": arcs.index,
                "hospital_id": arcs["performer"],
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
    b = (
        base.groupby(["sending", "care_form_id", "performing"], as_index=False)["cases"]
        .sum()
        .rename(columns={"sending": "origin", "performing": "performer"})
    )
    on_arcs = b.merge(
        arcs.reset_index().rename(columns={"index": "arc"})[
            ["origin", "care_form_id", "performer", "arc"]
        ],
        on=["origin", "care_form_id", "performer"],
    )
    money = on_arcs.merge(per_case, on="arc")
    before = (money["cases"] * money["cents"]).groupby(money["hospital_id"]).sum()
    before = before.reindex(sorted(wb.hospitals["hospital_id"]), fill_value=0.0)
    return per_case, before
