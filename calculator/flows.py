"""Flows of cases → money (SPEC §4.2)."""

from __future__ import annotations

import pandas as pd

from calculator.agreements import valid_in_year
from calculator.lines import (
    UNPRICED_LINE_COLUMNS,
    declare,
    exception_rows,
    odv_unit_cents,
    secondment_unit_cents,
    typed_lines,
    with_amounts,
)
from calculator.pricing import Pricing


def flows_of_year(volumes: pd.DataFrame, year: int) -> pd.DataFrame:
    """The flows of a year: year, sending, performing, care_form_id, cases, source."""
    v = volumes[volumes["year"] == year]
    return pd.DataFrame(
        {
            "year": year,
            "sending": v["hospital_id"].to_numpy(),
            "performing": v["performing_hospital_id"].fillna(v["hospital_id"]).to_numpy(),
            "care_form_id": v["care_form_id"].to_numpy(),
            "cases": v["cases"].to_numpy(dtype="float64"),
            "source": [f"volumes row {r}" for r in v["excel_row"]],
            "source_rows": v["excel_row"].astype(str).to_numpy(),
        }
    )


def flow_items(
    flows: pd.DataFrame, agreements: pd.DataFrame, pricing: Pricing, year: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The §4.2 rules per flow row, before any aggregation.

    Returns
    -------
    (f, declared, lines): ``f`` is ``flows`` with the applied agreement and ``mode`` (own,
    referral, parallel, odv); ``declared`` has hospital_id, product_code, count, source, flow
    (position in ``flows``); ``lines`` has LINE_COLUMNS without amounts, plus flow.
    """
    if "source_rows" not in flows.columns:  # flows built in code (scenarios) name no rows
        flows = flows.assign(source_rows=flows["source"])
    valid = valid_in_year(agreements, year).rename(
        columns={"sending_hospital": "sending", "performing_hospital": "performing"}
    )
    f = flows.reset_index(drop=True).merge(
        valid, on=["care_form_id", "sending", "performing"], how="left"
    )
    moved = f["sending"] != f["performing"]
    f["mode"] = f["mode"].where(moved, "own").fillna("referral")
    declared: list[tuple] = []
    lines: list[tuple] = []
    for i, row in enumerate(f.itertuples(index=False)):
        cf, s, p, n = row.care_form_id, row.sending, row.performing, row.cases
        trail = ("volumes", row.source_rows, "")
        full = pricing.full_product(cf)
        if row.mode in ("own", "odv"):
            declared.append((s, full, n, row.source, i))
        elif row.mode == "referral":
            declared.append((p, full, n, row.source, i))
        else:  # parallel
            for part in ("diagnostics", "aftercare"):
                code = pricing.product(cf, part)
                if code:
                    declared.append((s, code, n, row.source, i))
            declared.append((p, pricing.product(cf, "intervention"), n, row.source, i))
        if row.mode == "odv":
            code = pricing.odv_product(cf)
            unit = odv_unit_cents(pricing, code, year, row.odv_fixed_price, row.odv_price_share)
            lines.append(("odv", cf, s, p, code, n, unit, row.agreement_id, year, *trail, i))
        if row.mode in ("referral", "parallel", "odv") and not pd.isna(row.agreement_id):
            unit = secondment_unit_cents(row.secondment_hours_per_case, row.secondment_rate)
            if unit:
                lines.append(
                    ("secondment", cf, p, s, "", n, unit, row.agreement_id, None, *trail, i)
                )
    declared_frame = pd.DataFrame(
        declared, columns=["hospital_id", "product_code", "count", "source", "flow"]
    )
    line_frame = pd.DataFrame(lines, columns=[*UNPRICED_LINE_COLUMNS, "flow"])
    return f, declared_frame, line_frame


def settle_flows(
    flows: pd.DataFrame, agreements: pd.DataFrame, pricing: Pricing, year: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """Revenue, lines between hospitals and exceptions for flows of one year.

    Parameters
    ----------
    flows : sending, performing, care_form_id, cases, source (see :func:`flows_of_year`)
    agreements : the validated agreements sheet

    Returns
    -------
    (revenue, lines, exceptions, realised): insurer revenue per hospital (REVENUE_COLUMNS), ODV
    and secondment lines (LINE_COLUMNS), ``no_agreement`` exceptions (one per flow row), and
    the moved cases per agreement_id (for monitoring).
    """
    f, items, line_frame = flow_items(flows, agreements, pricing, year)
    no_agreement = (f["sending"] != f["performing"]) & f["agreement_id"].isna()
    missing = f[no_agreement]
    exceptions = exception_rows(
        "no_agreement",
        [
            {"cases": c, "care_form": cf, "sending": s, "performing": p, "year": str(year)}
            for c, cf, s, p in missing[
                ["cases", "care_form_id", "sending", "performing"]
            ].itertuples(index=False)
        ],
        key=[f"volumes row {r}" for r in missing["source_rows"]],
        hospital_id=missing["sending"],
        partner_hospital=missing["performing"],
        care_form_id=missing["care_form_id"],
        source_sheet="volumes",
        source_rows=missing["source_rows"],
    )
    items = items.drop(columns="flow")
    items["price_year"] = year
    items["insurer"] = None
    revenue = declare(items, pricing, year)
    line_frame = line_frame.drop(columns="flow")
    realised = f[f["agreement_id"].notna()].groupby("agreement_id")["cases"].sum()
    return revenue, typed_lines(with_amounts(line_frame)), exceptions, realised


def settle_referral_flows(
    flows: pd.DataFrame, agreements: pd.DataFrame, pricing: Pricing, year: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """What volumes add to registrations (source ``combined``): the secondment of referral flows,
    their realised cases, and flows without an agreement (exceptions). Registrations cannot see
    a referral; everything else they settle themselves, so no revenue comes from here.
    """
    revenue, lines, exceptions, realised = settle_flows(flows, agreements, pricing, year)
    mode = dict(zip(agreements["agreement_id"], agreements["mode"], strict=True))
    referral = lines["agreement_id"].map(mode) == "referral"
    realised = realised[[mode.get(a) == "referral" for a in realised.index]]
    return revenue.iloc[0:0], lines[referral].reset_index(drop=True), exceptions, realised
