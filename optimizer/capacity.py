"""Capacity, norms and money for any set of flows (docs/model.md, Capacity and norms).

A *flow* frame has columns sending_hospital, performing_hospital, care_form_id, cases (and
optionally source);
every function here is pure and works for the baseline, a manual scenario or an optimum alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.flows import flows_of_year, settle_flows
from calculator.lines import KINDS
from calculator.money import eur_to_cents, exact, line_amounts, round_half_up, unit_price_cents
from calculator.netting import apply_caps, positions
from calculator.settle import hospital_summary
from calculator.tariffs import ALL_INSURERS, Tariffs
from calculator.workbook import Workbook

FLOW_COLUMNS = ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
# the share of a hospital's OR minutes and bed-days a plan may use when the hospitals sheet
# gives no or_max_utilisation / beds_max_utilisation: room for emergencies and variation
DEFAULT_CEILING = 0.90


def _own_values(
    wb: Workbook,
    hospitals: pd.Series | np.ndarray,
    care_forms: pd.Series | np.ndarray,
    column: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Where the hospital_care_forms sheet gives ``column`` for a (performing hospital, care
    form): a mask over the pairs, and the sheet's values for the pairs it covers."""
    own = wb.hospital_care_forms.dropna(subset=[column])
    if not len(own):
        return np.zeros(len(care_forms), dtype=bool), own[column].to_numpy()
    index = pd.MultiIndex.from_frame(own[["hospital_id", "care_form_id"]])
    at = index.get_indexer(
        pd.MultiIndex.from_arrays(
            [np.asarray(hospitals, dtype=object), np.asarray(care_forms, dtype=object)]
        )
    )
    hit = at >= 0
    return hit, own[column].to_numpy()[at[hit]]


def per_case(
    wb: Workbook, hospitals: pd.Series | np.ndarray, care_forms: pd.Series | np.ndarray, column: str
) -> np.ndarray:
    """``column`` (or_minutes_per_case or los_days) per case for each (performing hospital,
    care form): the hospital_care_forms sheet where it gives a value, else the care form's
    (a blank los_days is 0)."""
    base = wb.care_forms.set_index("care_form_id")[column].astype(float)
    if column == "los_days":
        base = base.fillna(0.0)
    out = np.array(pd.Series(np.asarray(care_forms, dtype=object)).map(base), dtype=float)
    hit, values = _own_values(wb, hospitals, care_forms, column)
    out[hit] = values.astype(float)
    return out


def variable_cost_cents(
    wb: Workbook,
    pricing: Tariffs,
    year: int,
    hospitals: pd.Series | np.ndarray,
    care_forms: pd.Series | np.ndarray,
) -> np.ndarray:
    """Variable cost of one case for each (performing hospital, care form) [cents]: the
    hospital_care_forms sheet's variable_cost_per_case where given, else the care form's
    variable_cost_share × the full product's benchmark price of ``year`` (half-up once)."""
    share = wb.care_forms.set_index("care_form_id")["variable_cost_share"]
    keys = np.asarray(care_forms, dtype=object)
    default = {
        c: unit_price_cents(
            pricing.benchmark(pricing.full_product(c), year),
            float(share[c]) if not pd.isna(share[c]) else 0.0,
        )
        for c in pd.unique(keys)
    }
    out = np.array([default[c] for c in keys], dtype=np.int64)
    hit, values = _own_values(wb, hospitals, keys, "variable_cost_per_case")
    # the sheet's blank cells are left out above: every value here has cents
    out[hit] = np.array([eur_to_cents(v) for v in values], dtype=np.int64)
    return out


def planning_ceilings(wb: Workbook, max_utilisation: float | None = None) -> pd.DataFrame:
    """hospital_id, or_ceiling, bed_ceiling [share]: ``max_utilisation`` for every hospital
    when given (a run's ``--max-utilisation``), else the hospitals sheet, blank = 0.90."""
    h = wb.hospitals
    if max_utilisation is not None:
        fixed = np.full(len(h), float(max_utilisation))
        return pd.DataFrame(
            {"hospital_id": h["hospital_id"], "or_ceiling": fixed, "bed_ceiling": fixed}
        )
    return pd.DataFrame(
        {
            "hospital_id": h["hospital_id"],
            "or_ceiling": h["or_max_utilisation"].astype(float).fillna(DEFAULT_CEILING).to_numpy(),
            "bed_ceiling": h["beds_max_utilisation"]
            .astype(float)
            .fillna(DEFAULT_CEILING)
            .to_numpy(),
        }
    )


@dataclass(frozen=True)
class CapacityReport:
    """hospitals: hospital_id, or_minutes_used, or_minutes_available, or_utilisation,
    bed_days_used, bed_days_available (NaN = not limiting), bed_utilisation, or_ceiling and
    bed_ceiling (planning ceilings, shares), above_ceiling (OR or beds above their ceiling).
    norms: hospital_id, care_form_id, cases, norm, meets_norm (cases = 0 or cases ≥ norm)."""

    hospitals: pd.DataFrame
    norms: pd.DataFrame


def baseline_flows(wb: Workbook, year: int) -> pd.DataFrame:
    return flows_of_year(wb.volumes, year)[[*FLOW_COLUMNS, "source"]]


def capacity(
    wb: Workbook,
    flows: pd.DataFrame,
    norm_overrides: dict[str, int] | None = None,
    max_utilisation: float | None = None,
) -> CapacityReport:
    """OR minutes and bed-days used per performing hospital against capacity and planning
    ceiling (:func:`planning_ceilings`), and cases against norms."""
    f = flows[flows["cases"] > 0]
    used = (
        pd.DataFrame(
            {
                "hospital_id": f["performing_hospital"],
                "or_minutes_used": f["cases"]
                * per_case(wb, f["performing_hospital"], f["care_form_id"], "or_minutes_per_case"),
                "bed_days_used": f["cases"]
                * per_case(wb, f["performing_hospital"], f["care_form_id"], "los_days"),
            }
        )
        .groupby("hospital_id")
        .sum()
    )
    h = wb.hospitals.set_index("hospital_id")
    out = pd.DataFrame({"hospital_id": h.index})
    out["or_minutes_used"] = out["hospital_id"].map(used["or_minutes_used"]).fillna(0.0)
    out["or_minutes_available"] = out["hospital_id"].map(h["or_minutes"]).astype(float)
    out["or_utilisation"] = out["or_minutes_used"] / out["or_minutes_available"].replace(0, np.nan)
    out["bed_days_used"] = out["hospital_id"].map(used["bed_days_used"]).fillna(0.0)
    out["bed_days_available"] = out["hospital_id"].map(h["bed_days"]).astype(float)
    out["bed_utilisation"] = out["bed_days_used"] / out["bed_days_available"].replace(0, np.nan)
    ceilings = planning_ceilings(wb, max_utilisation).set_index("hospital_id")
    out["or_ceiling"] = out["hospital_id"].map(ceilings["or_ceiling"]).astype(float)
    out["bed_ceiling"] = out["hospital_id"].map(ceilings["bed_ceiling"]).astype(float)
    out["above_ceiling"] = above_ceiling(out)
    norms = effective_norms(wb, norm_overrides)
    performed = f.groupby(["performing_hospital", "care_form_id"])["cases"].sum()
    rows = []
    for hospital in h.index:
        for care_form, norm in norms.items():
            cases = float(performed.get((hospital, care_form), 0.0))
            rows.append(
                (hospital, care_form, cases, norm, cases == 0 or norm == 0 or cases >= norm - 1e-6)
            )
    norm_frame = pd.DataFrame(
        rows, columns=["hospital_id", "care_form_id", "cases", "norm", "meets_norm"]
    )
    return CapacityReport(out, norm_frame)


def above_ceiling(hospitals: pd.DataFrame) -> pd.Series:
    """True where OR minutes or bed-days used exceed the planning ceiling (to a minute or a
    hundredth of a bed-day)."""
    over_or = (
        hospitals["or_minutes_used"]
        > hospitals["or_minutes_available"] * hospitals["or_ceiling"] + 1e-6
    )
    beds = hospitals["bed_days_available"]
    over_beds = beds.notna() & (hospitals["bed_days_used"] > beds * hospitals["bed_ceiling"] + 1e-6)
    return (over_or | over_beds).astype(bool)


def effective_norms(wb: Workbook, overrides: dict[str, int] | None = None) -> dict[str, int]:
    """Volume norm per care form, with what-if overrides applied; an override of an unknown care
    form is invalid input."""
    norms = {
        c: int(n)
        for c, n in zip(
            wb.care_forms["care_form_id"], wb.care_forms["volume_norm"].fillna(0), strict=True
        )
    }
    unknown = [
        Finding(
            "care_forms",
            None,
            "care_form_id",
            f"{care_form}={norm}",
            code="norm_unknown_care_form",
            params={"known": ", ".join(sorted(norms))},
        )
        for care_form, norm in (overrides or {}).items()
        if care_form not in norms
    ]
    if unknown:
        raise SpreidingInputError(unknown)
    for care_form, norm in (overrides or {}).items():
        norms[care_form] = int(norm)
    return norms


def money(
    wb: Workbook,
    flows: pd.DataFrame,
    year: int,
    before: pd.DataFrame | None = None,
    caps: str = "fixed",
    pricing: Tariffs | None = None,
) -> pd.DataFrame:
    """Revenue, internal settlement, variable cost, fixed cost and margin per hospital [cents].

    revenue_cents is what insurers pay after caps; settlement_cents the net position from ODV
    and secondment; variable_cost_cents = cases performed × variable_cost_share × full
    benchmark price; fixed_cost_cents = the service costs of every care form the hospital
    performs at all; backfill_cents = OR minutes freed against ``before`` ×
    backfill_margin_per_minute; margin_cents = revenue + settlement − variable cost − fixed cost
    + backfill. With ``caps="follow"`` (and ``before``) each insurer's cap room moves with the
    cases at the sending hospital's contract price (:func:`caps_following`). ``pricing``: the
    tariffs of ``wb`` when the caller has them (built here otherwise).
    """
    if caps == "follow" and before is not None:
        wb = replace(
            wb, insurer_contracts=caps_following(wb, before, flows, year, Tariffs.build(wb))
        )
        pricing = None  # the caps moved: prices of the changed contracts
    if pricing is None:
        pricing = Tariffs.build(wb)
    f = flows.copy()
    if "source" not in f.columns:
        f["source"] = [f"flow {i + 1}" for i in range(len(f))]
    f = f[f["cases"] > 0]
    revenue, lines, _, _ = settle_flows(f, wb.agreements, pricing, year)
    hospitals = sorted(wb.hospitals["hospital_id"])
    summary = hospital_summary(
        hospitals, apply_caps(revenue, pricing, year), lines, positions(lines, hospitals)
    )
    out = pd.DataFrame({"hospital_id": hospitals})
    out["revenue_cents"] = summary["insurer_paid_cents"]
    out["settlement_cents"] = summary["net_position_cents"]
    out["variable_cost_cents"] = (
        out["hospital_id"].map(variable_costs(wb, f, pricing, year)).fillna(0).astype("int64")
    )
    out["fixed_cost_cents"] = out["hospital_id"].map(fixed_costs(wb, f)).fillna(0).astype("int64")
    out["backfill_cents"] = (
        out["hospital_id"].map(backfill(wb, before, f)).fillna(0).astype("int64")
        if before is not None
        else 0
    )
    out["margin_cents"] = (
        out["revenue_cents"]
        + out["settlement_cents"]
        - out["variable_cost_cents"]
        - out["fixed_cost_cents"]
        + out["backfill_cents"]
    )
    for kind in KINDS:
        out[f"{kind}_net_cents"] = (
            summary[f"{kind}_receivable_cents"] - summary[f"{kind}_payable_cents"]
        )
    return out


def fixed_costs(wb: Workbook, flows: pd.DataFrame) -> pd.Series:
    """Service costs of the care forms each hospital performs at all [cents/year]."""
    performed = flows[flows["cases"] > 1e-9][
        ["performing_hospital", "care_form_id"]
    ].drop_duplicates()
    costs = wb.service_costs.rename(columns={"hospital_id": "performing_hospital"})
    hit = performed.merge(costs, on=["performing_hospital", "care_form_id"])
    cents = (hit["fixed_cost"].astype(float) * 100).round().astype("int64")
    return cents.groupby(hit["performing_hospital"].to_numpy()).sum()


def or_minutes_used(wb: Workbook, flows: pd.DataFrame) -> pd.Series:
    """OR minutes per performing hospital."""
    minutes = per_case(
        wb, flows["performing_hospital"], flows["care_form_id"], "or_minutes_per_case"
    )
    return (flows["cases"] * minutes).groupby(flows["performing_hospital"].to_numpy()).sum()


def backfill(wb: Workbook, before: pd.DataFrame, after: pd.DataFrame) -> pd.Series:
    """Margin of freed OR minutes: max(0, minutes before − after) × backfill rate [cents]."""
    rate = wb.hospitals.set_index("hospital_id")["backfill_margin_per_minute"].fillna(0.0)
    freed = (or_minutes_used(wb, before).sub(or_minutes_used(wb, after), fill_value=0.0)).clip(
        lower=0
    )
    return (freed * rate.reindex(freed.index, fill_value=0.0) * 100).round().astype("int64")


def caps_following(
    wb: Workbook, before: pd.DataFrame, after: pd.DataFrame, year: int, pricing: Tariffs
) -> pd.DataFrame:
    """Insurer contracts of ``year`` with the cap room moved along with the cases.

    For every (sending s, care form c, performing p ≠ s) the change of cases Δ moves, per
    insurer i of s, Δ × share[s,i] × contract price of s for c's full product into p's cap for
    the same insurer where p has a capped contract with i, and out of s's cap where s has one.
    An uncapped sender (no cap with i, or no contracts at all: its cases then join p's capped
    insurers by p's shares) was paid those cases in full, so their room joins p's cap and the
    insurer's total stays what it paid before (an uncapped performer is paid in full anyway).
    Caps stay ≥ 0.
    """
    key = ["sending_hospital", "performing_hospital", "care_form_id"]
    delta = (
        after.groupby(key)["cases"]
        .sum()
        .sub(before.groupby(key)["cases"].sum(), fill_value=0.0)
        .reset_index()
    )
    delta = delta[
        (delta["sending_hospital"] != delta["performing_hospital"]) & (delta["cases"].abs() > 1e-9)
    ]
    contracts = pricing.contracts(year)
    c = wb.insurer_contracts
    out = c.copy()
    capped = (c["year"] == year) & c["revenue_cap"].notna()
    rows = {
        (h, i): idx
        for idx, h, i in zip(
            c.index[capped], c.loc[capped, "hospital_id"], c.loc[capped, "insurer"], strict=True
        )
    }
    change: dict[int, Decimal] = {}
    for s, p, cf, n in delta[key + ["cases"]].itertuples(index=False):
        bench = pricing.benchmark(pricing.full_product(cf), year)
        mine = contracts[contracts["hospital_id"] == s]
        theirs = contracts[contracts["hospital_id"] == p]
        for insurer, share, factor in mine[["insurer", "share", "price_factor"]].itertuples(
            index=False
        ):
            unit = unit_price_cents(bench, factor)
            if insurer == ALL_INSURERS:  # no contracts: the cases follow p's insurers
                targets = list(zip(theirs["insurer"], theirs["share"], strict=True))
            else:
                targets = [(insurer, 1.0)]
            for target, weight in targets:
                if (p, target) not in rows:
                    continue  # an uncapped performer is paid in full anyway
                room = Decimal(round_half_up(exact(n) * exact(share) * exact(weight) * unit)) / 100
                change[rows[(p, target)]] = change.get(rows[(p, target)], Decimal(0)) + room
                if (s, target) in rows:
                    change[rows[(s, target)]] = change.get(rows[(s, target)], Decimal(0)) - room
    for idx, moved in change.items():
        cap = out.at[idx, "revenue_cap"]
        if cap is not None and not pd.isna(cap):
            out.at[idx, "revenue_cap"] = max(Decimal(0), Decimal(cap) + moved)
    return out


def variable_costs(wb: Workbook, flows: pd.DataFrame, pricing: Tariffs, year: int) -> pd.Series:
    """Variable cost per performing hospital [cents] (:func:`variable_cost_cents` per case)."""
    unit = pd.Series(
        variable_cost_cents(wb, pricing, year, flows["performing_hospital"], flows["care_form_id"]),
        index=flows.index,
    )
    cost = line_amounts(flows["cases"], unit)
    return cost.groupby(flows["performing_hospital"].to_numpy()).sum()


def compare(before: pd.DataFrame, after: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Before and after side by side with the change of every numeric column."""
    merged = before.merge(after, on=key, suffixes=("_before", "_after"), how="outer")
    for col in before.columns:
        if col in key or not pd.api.types.is_numeric_dtype(before[col]):
            continue
        if pd.api.types.is_bool_dtype(before[col]):
            continue
        merged[f"{col}_change"] = merged[f"{col}_after"] - merged[f"{col}_before"]
    return merged
