"""Flows of cases → money (docs/settlement.md, Flows → money)."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd

from calculator.agreements import in_force_in_year
from calculator.consent import NO_CONSENTS, Consents, insurer_split
from calculator.lines import (
    UNPRICED_LINE_COLUMNS,
    declare,
    exception_rows,
    odv_unit_cents,
    secondment_unit_cents,
    typed_lines,
    with_amounts,
)
from calculator.money import exact, largest_remainder
from calculator.tariffs import Tariffs
from messages import Message


def flows_of_year(volumes: pd.DataFrame, year: int) -> pd.DataFrame:
    """The flows of a year: year, sending_hospital, performing_hospital, care_form_id, cases,
    source, source_rows, period_from, period_to (missing = the whole year)."""
    v = volumes[volumes["year"] == year]
    return pd.DataFrame(
        {
            "year": year,
            "sending_hospital": v["hospital_id"].to_numpy(),
            "performing_hospital": v["performing_hospital_id"].fillna(v["hospital_id"]).to_numpy(),
            "care_form_id": v["care_form_id"].to_numpy(),
            "cases": v["cases"].to_numpy(dtype="float64"),
            "source": [f"volumes row {r}" for r in v["excel_row"]],
            "source_rows": v["excel_row"].astype(str).to_numpy(),
            "period_from": v["period_from"].to_numpy(),
            "period_to": v["period_to"].to_numpy(),
        }
    )


def flow_items(
    flows: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    consents: Consents = NO_CONSENTS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The rules of docs/settlement.md (Flows → money) per flow row, before any aggregation.

    A parallel part whose agreement has insurer consents (:mod:`calculator.consent`) is split
    over the sending hospital's insurers by share: the share of an insurer that consented (for
    the days of the part it did) is settled parallel, the rest under its fallback mode (``odv``:
    S declares the full product and pays P the ODV price; ``referral``: P declares the full
    product), each declared to that insurer. Secondment counts every moved case.

    Returns
    -------
    (f, declared, lines): ``f`` has one row per flow and agreement (see
    :func:`agreement_parts`) with the agreement's columns and ``mode`` (own, referral, parallel,
    odv); ``declared`` has hospital_id, product_code, count, source, flow (position in
    ``flows``), insurer (None = spread over the hospital's insurers); ``lines`` has
    LINE_COLUMNS without amounts, plus flow.
    """
    if "source_rows" not in flows.columns:  # flows built in code (scenarios) name no rows
        flows = flows.assign(source_rows=flows["source"])
    f = agreement_parts(flows, agreements, year)
    moved = f["sending_hospital"] != f["performing_hospital"]
    f["mode"] = f["mode"].where(moved, "own").fillna("referral")
    declared: list[tuple] = []
    lines: list[tuple] = []
    for row in f.itertuples(index=False):
        i = row.flow
        cf, s, p, n = row.care_form_id, row.sending_hospital, row.performing_hospital, row.cases
        trail = ("volumes", row.source_rows, "")
        full = tariffs.full_product(cf)
        if row.mode in ("own", "odv"):
            declared.append((s, full, n, row.source, i, None))
        elif row.mode == "referral":
            declared.append((p, full, n, row.source, i, None))
        else:  # parallel, per insurer when consents apply
            split = (
                insurer_split(consents, tariffs, year, row)
                if consents.applies(row.agreement_id)
                else [(None, exact(n), Fraction(0), "")]
            )
            for insurer, together, alone, fallback in split:
                if together:
                    c = float(together)
                    for part in ("diagnostics", "aftercare"):
                        code = tariffs.product(cf, part)
                        if code:
                            declared.append((s, code, c, row.source, i, insurer))
                    declared.append(
                        (p, tariffs.product(cf, "intervention"), c, row.source, i, insurer)
                    )
                if alone:
                    c = float(alone)
                    declared.append(
                        (s if fallback == "odv" else p, full, c, row.source, i, insurer)
                    )
                    if fallback == "odv":
                        lines.append(_odv_line(tariffs, year, row, c))
        if row.mode == "odv":
            lines.append(_odv_line(tariffs, year, row, n))
        if row.mode in ("referral", "parallel", "odv") and not pd.isna(row.agreement_id):
            unit = secondment_unit_cents(row.secondment_hours_per_case, row.secondment_rate)
            if unit:
                lines.append(
                    ("secondment", cf, p, s, "", n, unit, row.agreement_id, None, *trail, i)
                )
    declared_frame = pd.DataFrame(
        declared, columns=["hospital_id", "product_code", "count", "source", "flow", "insurer"]
    )
    line_frame = pd.DataFrame(lines, columns=[*UNPRICED_LINE_COLUMNS, "flow"])
    return f, declared_frame, line_frame


def _odv_line(tariffs: Tariffs, year: int, row: object, count: float) -> tuple:
    """An unpriced ODV line (S pays P) of ``count`` cases of a flow part, plus its flow."""
    cf = row.care_form_id  # type: ignore[attr-defined]
    code = tariffs.odv_product(cf)
    unit = odv_unit_cents(tariffs, code, year, row.odv_fixed_price, row.odv_price_share)  # type: ignore[attr-defined]
    return (
        "odv",
        cf,
        row.sending_hospital,  # type: ignore[attr-defined]
        row.performing_hospital,  # type: ignore[attr-defined]
        code,
        count,
        unit,
        row.agreement_id,  # type: ignore[attr-defined]
        year,
        "volumes",
        row.source_rows,  # type: ignore[attr-defined]
        "",
        row.flow,  # type: ignore[attr-defined]
    )


def agreement_parts(flows: pd.DataFrame, agreements: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each flow with the agreement of its pair in force during its period.

    The period is ``period_from``–``period_to`` where given, else the whole year. When two
    agreements of the pair are in force in it (one ends, the next starts), the cases are split
    pro rata by days in force, whole cases by largest remainder; each part is settled under its
    own agreement. A flow with no agreement in force has one part without one.

    Returns one row per part: the flow's columns with ``cases`` of the part, ``flow`` (position
    in ``flows``), ``days`` in force, ``parts`` (how many parts its flow has) and the
    agreement's columns (missing where none).
    """
    f = flows.reset_index(drop=True)
    f = f.assign(flow=range(len(f)))
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    start = pd.to_datetime(f["period_from"]).fillna(first) if "period_from" in f else first
    end = pd.to_datetime(f["period_to"]).fillna(last) if "period_to" in f else last
    f = f.assign(_start=start, _end=end)
    valid = in_force_in_year(agreements, year)
    m = f.merge(valid, on=["care_form_id", "sending_hospital", "performing_hospital"], how="left")
    lo = m[["_start", "valid_from"]].max(axis=1)
    hi = m["_end"].where(m["valid_to"].isna() | (m["valid_to"] > m["_end"]), m["valid_to"])
    m["days"] = ((hi - lo).dt.days + 1).clip(lower=0).fillna(0).astype("int64")
    in_force = m["agreement_id"].notna() & (m["days"] > 0)
    parts = m[in_force]
    none = f[~f["flow"].isin(parts["flow"])].assign(days=0)
    out = pd.concat([parts, none], ignore_index=True).sort_values(
        ["flow", "valid_from"], kind="stable", ignore_index=True
    )
    out["parts"] = out.groupby("flow")["flow"].transform("size")
    split = out["parts"] > 1
    for _, group in out[split].groupby("flow", sort=False):
        cases = float(group["cases"].iloc[0])
        days = [Fraction(int(d)) for d in group["days"]]
        if cases.is_integer():
            counts = [float(c) for c in largest_remainder(days, int(cases))]
        else:
            total = sum(days, Fraction(0))
            counts = [float(exact(cases) * d / total) for d in days]
        out.loc[group.index, "cases"] = counts
    return out.drop(columns=["_start", "_end"])


def settle_flows(
    flows: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    consents: Consents = NO_CONSENTS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """Revenue, lines between hospitals and exceptions for flows of one year.

    Parameters
    ----------
    flows : sending_hospital, performing_hospital, care_form_id, cases, source (see
        :func:`flows_of_year`)
    agreements : the validated agreements sheet

    Returns
    -------
    (revenue, lines, exceptions, realised): insurer revenue per hospital (REVENUE_COLUMNS), ODV
    and secondment lines (LINE_COLUMNS), ``no_agreement`` exceptions (one per flow row), and
    the moved cases per (agreement_id, insurer) (for monitoring; see :func:`realised_by_insurer`).
    """
    f, items, line_frame = flow_items(flows, agreements, tariffs, year, consents)
    no_agreement = (f["sending_hospital"] != f["performing_hospital"]) & f["agreement_id"].isna()
    missing = f[no_agreement]
    exceptions = exception_rows(
        "no_agreement",
        [
            {"cases": c, "care_form": cf, "sending": s, "performing": p, "year": str(year)}
            for c, cf, s, p in missing[
                ["cases", "care_form_id", "sending_hospital", "performing_hospital"]
            ].itertuples(index=False)
        ],
        key=[f"volumes row {r}" for r in missing["source_rows"]],
        hospital_id=missing["sending_hospital"],
        partner_hospital=missing["performing_hospital"],
        care_form_id=missing["care_form_id"],
        source_sheet="volumes",
        source_rows=missing["source_rows"],
    )
    items = items.drop(columns="flow")
    items["price_year"] = year
    revenue = declare(items, tariffs, year)
    line_frame = line_frame.drop(columns="flow")
    realised = realised_by_insurer(f[f["agreement_id"].notna()], tariffs, year)
    return revenue, typed_lines(with_amounts(line_frame)), exceptions, realised


def realised_by_insurer(parts: pd.DataFrame, tariffs: Tariffs, year: int) -> pd.Series:
    """Moved cases per (agreement_id, insurer): each part's cases spread over the sending
    hospital's insurers by share (exact, then as float)."""
    sums: dict[tuple[str, str], Fraction] = {}
    shares = tariffs.shares(year)
    for agreement, s, n in parts[["agreement_id", "sending_hospital", "cases"]].itertuples(
        index=False
    ):
        for insurer, share, _ in shares[s]:
            key = (str(agreement), insurer)
            sums[key] = sums.get(key, Fraction(0)) + exact(n) * share
    return pd.Series(
        [float(v) for v in sums.values()],
        index=pd.MultiIndex.from_tuples(list(sums), names=["agreement_id", "insurer"])
        if sums
        else pd.MultiIndex.from_tuples([], names=["agreement_id", "insurer"]),
        dtype="float64",
    )


def settle_referral_flows(
    flows: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """What volumes add to registrations (source ``combined``): the secondment of referral flows,
    their realised cases, and flows without an agreement (exceptions). Registrations cannot see
    a referral; everything else they settle themselves, so no revenue comes from here.
    """
    revenue, lines, exceptions, realised = settle_flows(flows, agreements, tariffs, year)
    mode = dict(zip(agreements["agreement_id"], agreements["mode"], strict=True))
    referral = lines["agreement_id"].map(mode) == "referral"
    realised = realised[
        [mode.get(a) == "referral" for a in realised.index.get_level_values("agreement_id")]
    ]
    return revenue.iloc[0:0], lines[referral].reset_index(drop=True), exceptions, realised


def fallback_notes(
    flows: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    consents: Consents,
) -> list[Message]:
    """One note per parallel agreement and insurer whose cases were settled under the fallback
    mode for lack of consent (volumes)."""
    parts = agreement_parts(flows, agreements, year)
    parallel = parts[
        (parts["mode"] == "parallel")
        & (parts["sending_hospital"] != parts["performing_hospital"])
        & parts["agreement_id"].map(lambda a: isinstance(a, str) and consents.applies(a))
    ]
    alone: dict[tuple[str, str, str], Fraction] = {}
    for row in parallel.itertuples(index=False):
        for insurer, _, cases, mode in insurer_split(consents, tariffs, year, row):
            if cases:
                key = (str(row.agreement_id), insurer, mode)
                alone[key] = alone.get(key, Fraction(0)) + cases
    return [
        Message(
            "settlement_note_consent_fallback",
            {
                "agreement": agreement,
                "insurer": insurer,
                "cases": float(cases),
                "mode": Message(f"settlement_mode_{mode}"),
            },
        )
        for (agreement, insurer, mode), cases in sorted(alone.items())
    ]


def split_notes(
    flows: pd.DataFrame, agreements: pd.DataFrame, year: int, referral_only: bool = False
) -> list[Message]:
    """One note per part of a flow split over two agreements by days in force (with
    ``referral_only``, only the referral parts: what volumes settle in a combined run)."""
    parts = agreement_parts(flows, agreements, year)
    split = parts[(parts["parts"] > 1) & (~referral_only | (parts["mode"] == "referral"))]
    total = parts.groupby("flow")["cases"].sum()
    return [
        Message(
            "settlement_note_split_part",
            {
                "rows": rows,
                "cases": float(cases),
                "total": float(total[flow]),
                "care_form": cf,
                "sending": s,
                "performing": p,
                "agreement": agreement,
                "days": int(days),
                "year": str(year),
            },
        )
        for flow, rows, cases, cf, s, p, agreement, days in split[
            [
                "flow",
                "source_rows",
                "cases",
                "care_form_id",
                "sending_hospital",
                "performing_hospital",
                "agreement_id",
                "days",
            ]
        ].itertuples(index=False)
    ]
