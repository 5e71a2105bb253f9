"""Patient-level DBC registrations → money, "by the book" (SPEC §4.3).

A registration belongs to the settlement year of its ``end_date`` and is priced at the benchmark
of its ``start_date`` year. ODV dummy rows are matched one-to-one to the partner's declared DBC
of the same patient and care form whose period contains the ODV start, earliest ODV first, across
years. Matching is a sort/merge; only ODV rows that compete for the same declared DBC go through
the sequential rule, and those are few.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from calculator.agreements import valid_on
from calculator.lines import (
    EXCEPTION_COLUMNS,
    UNPRICED_LINE_COLUMNS,
    declare,
    empty,
    exception_rows,
    odv_unit_cents,
    secondment_unit_cents,
    typed_lines,
    with_amounts,
)
from calculator.pricing import Pricing


@dataclass(frozen=True)
class Matching:
    """Outcome of matching ODV rows to declared DBCs (positions index the registrations frame).

    ``pairs``: odv, declared (row positions); ``had_candidate``: per ODV position, whether any
    declared DBC could have matched it.
    """

    pairs: pd.DataFrame
    had_candidate: np.ndarray


def prepare(registrations: pd.DataFrame, pricing: Pricing) -> pd.DataFrame:
    """Registrations with care form, settlement year and price year; a fresh 0..n-1 index.

    The joins of matching run on integer keys, not on text: ``patient_key``, ``care_form_key``,
    and ``hospital_key``/``partner_key`` (one numbering for both hospital columns; -1 = blank).
    """
    r = registrations.reset_index(drop=True).copy()
    r["care_form_id"] = r["product_code"].map(pricing.care_form_of)
    r["settlement_year"] = r["end_date"].dt.year.astype("int64")
    r["price_year"] = r["start_date"].dt.year.astype("int64")
    r["odv"] = r["odv"].fillna(False).astype(bool)
    r["patient_key"] = pd.factorize(r["patient_id"])[0]
    r["care_form_key"] = pd.factorize(r["care_form_id"])[0]
    hospitals = pd.factorize(pd.concat([r["hospital_id"], r["partner_hospital"]]))[0]
    r["hospital_key"] = hospitals[: len(r)]
    r["partner_key"] = hospitals[len(r) :]
    return r


def match_odv(r: pd.DataFrame) -> Matching:
    """Match every ODV row to at most one declared DBC (one-to-one, earliest ODV start first)."""
    key = ["patient_key", "care_form_key", "hospital_key"]
    odv = r.loc[r["odv"], ["patient_key", "care_form_key", "partner_key", "start_date", "dbc_id"]]
    odv = odv.rename(
        columns={"partner_key": "hospital_key", "start_date": "odv_start", "dbc_id": "odv_dbc"}
    )
    odv["odv"] = odv.index
    declared = r.loc[~r["odv"], [*key, "start_date", "end_date", "dbc_id"]]
    declared["declared"] = declared.index
    cand = odv.merge(declared, on=key)
    cand = cand[(cand["start_date"] <= cand["odv_start"]) & (cand["odv_start"] <= cand["end_date"])]
    cand = cand.sort_values(["odv_start", "odv_dbc", "start_date", "dbc_id"], kind="stable")
    had = np.zeros(len(r), dtype=bool)
    had[cand["odv"].to_numpy()] = True

    # ODV rows whose every candidate is wanted by no other ODV row: take the first candidate.
    wanted_by = cand.groupby("declared")["odv"].transform("size")
    contested_odv = set(cand.loc[wanted_by > 1, "odv"])
    simple = cand[~cand["odv"].isin(contested_odv)].drop_duplicates("odv")
    pairs = [simple[["odv", "declared"]]]
    # The rest: the sequential rule, in order of ODV start.
    taken: set[int] = set()
    contested = cand[cand["odv"].isin(contested_odv)]
    chosen = []
    done: set[int] = set()
    for o, d in contested[["odv", "declared"]].itertuples(index=False):
        if o in done or d in taken:
            continue
        taken.add(d)
        done.add(o)
        chosen.append((o, d))
    pairs.append(pd.DataFrame(chosen, columns=["odv", "declared"]))
    return Matching(pd.concat(pairs, ignore_index=True).astype("int64"), had)


def overlapping_pairs(r: pd.DataFrame) -> pd.DataFrame:
    """Declared DBCs of one patient and care form at two hospitals whose periods overlap.

    Returns a, b (row positions, a's dbc_id < b's) of each pair.
    """
    d = r.loc[
        ~r["odv"],
        ["patient_key", "care_form_key", "hospital_key", "start_date", "end_date", "dbc_id"],
    ]
    # only patients with declared DBCs of one care form at more than one hospital can pair
    spread = d.groupby(["patient_key", "care_form_key"])["hospital_key"].transform("nunique")
    d = d[spread > 1]
    d = d.assign(pos=d.index)
    p = d.merge(d, on=["patient_key", "care_form_key"], suffixes=("_a", "_b"))
    p = p[
        (p["hospital_key_a"] != p["hospital_key_b"])
        & (p["dbc_id_a"] < p["dbc_id_b"])
        & (p["start_date_a"] <= p["end_date_b"])
        & (p["start_date_b"] <= p["end_date_a"])
    ]
    return pd.DataFrame({"a": p["pos_a"].to_numpy(), "b": p["pos_b"].to_numpy()}, dtype="int64")


def _exceptions(
    kind: str, rows: pd.DataFrame, params: list[dict[str, object]], **kw: object
) -> pd.DataFrame:
    return exception_rows(
        kind,
        params,
        key=rows["dbc_id"],
        hospital_id=rows["hospital_id"],
        partner_hospital=rows["partner_hospital"],
        care_form_id=rows["care_form_id"],
        patient_id=rows["patient_id"],
        source_sheet="registrations",
        source_rows=rows["excel_row"],
        **kw,  # type: ignore[arg-type]
    )


def _odv_lines(good: pd.DataFrame, ag: pd.DataFrame, pricing: Pricing) -> pd.DataFrame:
    """ODV and secondment lines of settled ODV rows, unpriced (UNPRICED_LINE_COLUMNS).

    ``good`` are the ODV rows, ``ag`` their agreements (same order). Unit prices are computed
    once per (product, price year, agreement), not per row.
    """
    if not len(good):
        return pd.DataFrame(columns=UNPRICED_LINE_COLUMNS)
    rows = pd.DataFrame(
        {
            "care_form_id": good["care_form_id"].to_numpy(),
            "payer": good["partner_hospital"].to_numpy(),
            "payee": good["hospital_id"].to_numpy(),
            "product_code": good["product_code"].to_numpy(),
            "price_year": good["price_year"].to_numpy(),
            "agreement_id": ag["agreement_id"].to_numpy(),
            "source": (
                "registrations row "
                + good["excel_row"].astype(str)
                + " ("
                + good["dbc_id"].astype(str)
                + ")"
            ).to_numpy(),
        }
    )
    terms = ag.assign(
        product_code=good["product_code"].to_numpy(), price_year=good["price_year"].to_numpy()
    )
    # one unit price per (product, price year, agreement), handed to every row of that group
    group = (
        terms.groupby(["product_code", "price_year", "agreement_id"], sort=False, dropna=False)
        .ngroup()
        .to_numpy()
    )
    first = np.unique(group, return_index=True)[1]
    odv_unit = np.array(
        [
            odv_unit_cents(pricing, code, int(py), fixed, share)
            for code, py, fixed, share in terms.iloc[first][
                ["product_code", "price_year", "odv_fixed_price", "odv_price_share"]
            ].itertuples(index=False)
        ],
        dtype="int64",
    )
    terms = terms.iloc[first]
    secondment_unit = {
        agid: secondment_unit_cents(hours, rate)
        for agid, hours, rate in terms.drop_duplicates("agreement_id")[
            ["agreement_id", "secondment_hours_per_case", "secondment_rate"]
        ].itertuples(index=False)
    }
    odv = rows.assign(
        kind="odv",
        count=1.0,
        unit_price_cents=odv_unit[group],
        price_year=rows["price_year"].astype("Int64"),
    )
    sec = rows.assign(
        kind="secondment",
        count=1.0,
        payer=rows["payee"],
        payee=rows["payer"],
        product_code="",
        price_year=pd.NA,
        unit_price_cents=rows["agreement_id"].map(secondment_unit),
    )
    sec = sec[sec["unit_price_cents"] > 0]
    # each ODV line followed by its secondment line, as the audit trail reads them
    both = pd.concat(
        [
            odv.assign(_order=2 * np.arange(len(odv))),
            sec.assign(_order=2 * sec.index.to_numpy() + 1),
        ],
        ignore_index=True,
    )
    return both.sort_values("_order", ignore_index=True)[UNPRICED_LINE_COLUMNS]


def _parallel_lines(
    sending: pd.DataFrame, performing: pd.DataFrame, agreement: pd.DataFrame
) -> tuple[pd.DataFrame, pd.Series]:
    """Secondment lines of parallel pairs (UNPRICED_LINE_COLUMNS) and their agreement ids.

    Row i of ``sending``, ``performing`` and ``agreement`` is one pair: the DBC of the sending
    hospital, the performer's DBC and the parallel agreement valid for them. The performer pays
    hours × rate; the unit price is computed once per agreement.
    """
    ids = agreement["agreement_id"].astype("str")
    unit_of = {
        agid: secondment_unit_cents(hours, rate)
        for agid, hours, rate in agreement.drop_duplicates("agreement_id")[
            ["agreement_id", "secondment_hours_per_case", "secondment_rate"]
        ].itertuples(index=False)
    }
    unit = ids.map(unit_of).to_numpy(dtype="int64") if len(ids) else np.zeros(0, dtype="int64")
    source = (
        "registrations rows "
        + sending["excel_row"].astype("str").to_numpy(dtype=object)
        + " and "
        + performing["excel_row"].astype("str").to_numpy(dtype=object)
        + " ("
        + sending["dbc_id"].astype("str").to_numpy(dtype=object)
        + ", "
        + performing["dbc_id"].astype("str").to_numpy(dtype=object)
        + ")"
    )
    frame = pd.DataFrame(
        {
            "kind": "secondment",
            "care_form_id": sending["care_form_id"].to_numpy(),
            "payer": performing["hospital_id"].to_numpy(),
            "payee": sending["hospital_id"].to_numpy(),
            "product_code": "",
            "count": 1.0,
            "unit_price_cents": unit,
            "agreement_id": ids.to_numpy(),
            "price_year": None,
            "source": source,
        },
        columns=UNPRICED_LINE_COLUMNS,
    )
    return frame[unit != 0], ids


def settle_registrations(
    registrations: pd.DataFrame, agreements: pd.DataFrame, pricing: Pricing, year: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """Revenue, lines, exceptions and realised moves for the settlement year ``year``.

    Returns
    -------
    (revenue, lines, exceptions, realised): realised counts moved cases per agreement_id (a
    settled ODV row or a parallel pair), for monitoring.
    """
    r = prepare(registrations, pricing)
    in_year = r["settlement_year"].to_numpy() == year

    # insurer revenue of declared DBCs closed in the year
    declared = r.loc[~r["odv"] & in_year, ["hospital_id", "product_code", "price_year", "insurer"]]
    items = pd.DataFrame(
        {
            "hospital_id": declared["hospital_id"],
            "product_code": declared["product_code"],
            "price_year": declared["price_year"],
            "count": 1.0,
            "insurer": declared["insurer"].where(declared["insurer"].notna(), None),
            "source": "registrations",
        }
    )
    revenue = declare(items, pricing, year, blank_insurer="weighted")
    if len(revenue):
        revenue["source"] = [f"registrations: {int(n)} DBCs" for n in revenue["count"]]

    matching = match_odv(r)
    odv_pos = np.flatnonzero(r["odv"].to_numpy() & in_year)
    is_matched = np.isin(odv_pos, matching.pairs["odv"].to_numpy())
    unmatched = odv_pos[~is_matched]
    dup = unmatched[matching.had_candidate[unmatched]]
    lone = unmatched[~matching.had_candidate[unmatched]]
    exceptions = [
        _exceptions(
            "odv_unmatched",
            r.iloc[lone],
            [
                {"dbc": d, "performing": h, "care_form": cf, "sending": s}
                for d, h, cf, s in r.iloc[lone][
                    ["dbc_id", "hospital_id", "care_form_id", "partner_hospital"]
                ].itertuples(index=False)
            ],
        ),
        _exceptions(
            "odv_duplicate",
            r.iloc[dup],
            [
                {"dbc": d, "performing": h, "sending": s}
                for d, h, s in r.iloc[dup][
                    ["dbc_id", "hospital_id", "partner_hospital"]
                ].itertuples(index=False)
            ],
        ),
    ]

    # matched ODV rows of the year: the agreement valid on the ODV start date decides
    m = r.iloc[odv_pos[is_matched]]
    moves = pd.DataFrame(
        {
            "care_form_id": m["care_form_id"],
            "sending_hospital": m["partner_hospital"],
            "performing_hospital": m["hospital_id"],
            "date": m["start_date"],
        }
    )
    with_ag = valid_on(agreements, moves, "date")
    ok = (with_ag["mode"] == "odv").to_numpy(dtype=bool, na_value=False)
    bad = m[~ok]
    bad_mode = with_ag.loc[~ok, "mode"]
    exceptions.append(
        _exceptions(
            "odv_no_agreement",
            bad,
            [
                {
                    "dbc": d,
                    "performing": h,
                    "sending": s,
                    "care_form": cf,
                    "date": f"{start.date():%d-%m-%Y}",
                    **({} if pd.isna(mode) else {"mode": mode}),
                }
                for d, h, s, cf, start, mode in zip(
                    bad["dbc_id"],
                    bad["hospital_id"],
                    bad["partner_hospital"],
                    bad["care_form_id"],
                    bad["start_date"],
                    bad_mode,
                    strict=True,
                )
            ],
            message_code=[
                "settlement_exception_odv_no_agreement"
                if pd.isna(mode)
                else "settlement_exception_odv_wrong_mode"
                for mode in bad_mode
            ],
        )
    )
    good = m[ok]
    ag = with_ag[ok]
    odv_lines = _odv_lines(good, ag, pricing)
    lines: list[pd.DataFrame] = [odv_lines]
    realised = [ag["agreement_id"]]

    # declared DBCs at two hospitals with overlapping periods
    pairs = overlapping_pairs(r)
    a, b = r.iloc[pairs["a"]].reset_index(drop=True), r.iloc[pairs["b"]].reset_index(drop=True)
    pair_year = np.maximum(a["settlement_year"].to_numpy(), b["settlement_year"].to_numpy())
    keep = pair_year == year
    a, b = a[keep].reset_index(drop=True), b[keep].reset_index(drop=True)
    date = np.maximum(a["start_date"], b["start_date"])
    covered = pd.Series(False, index=a.index)
    found = []
    for s_side, p_side in ((a, b), (b, a)):
        mv = pd.DataFrame(
            {
                "care_form_id": s_side["care_form_id"],
                "sending_hospital": s_side["hospital_id"],
                "performing_hospital": p_side["hospital_id"],
                "date": date,
            }
        )
        hit = valid_on(agreements, mv, "date")
        par = (hit["mode"] == "parallel").to_numpy(dtype=bool, na_value=False) & ~covered.to_numpy()
        covered |= par
        found.append((s_side, p_side, hit, par))
    for s_side, p_side, hit, par in found:
        sec_lines, moved_by = _parallel_lines(s_side[par], p_side[par], hit[par])
        lines.append(sec_lines)
        realised.append(moved_by)
    dd = ~covered.to_numpy()
    exceptions.append(
        exception_rows(
            "double_declaration",
            [
                {"dbc": x, "hospital": h, "other_dbc": y, "partner": g, "care_form": cf}
                for x, h, y, g, cf in zip(
                    a.loc[dd, "dbc_id"],
                    a.loc[dd, "hospital_id"],
                    b.loc[dd, "dbc_id"],
                    b.loc[dd, "hospital_id"],
                    a.loc[dd, "care_form_id"],
                    strict=True,
                )
            ],
            key=[
                f"{x} / {y}" for x, y in zip(a.loc[dd, "dbc_id"], b.loc[dd, "dbc_id"], strict=True)
            ],
            hospital_id=a.loc[dd, "hospital_id"],
            partner_hospital=b.loc[dd, "hospital_id"],
            care_form_id=a.loc[dd, "care_form_id"],
            patient_id=a.loc[dd, "patient_id"],
            source_sheet="registrations",
            source_rows=[
                f"{x}; {y}"
                for x, y in zip(a.loc[dd, "excel_row"], b.loc[dd, "excel_row"], strict=True)
            ],
        )
    )

    line_frame = pd.concat([x for x in lines if len(x)] or [odv_lines], ignore_index=True)
    line_frame = (
        typed_lines(with_amounts(line_frame)) if len(line_frame) else typed_lines(empty([]))
    )
    exc = (
        pd.concat([e for e in exceptions if len(e)], ignore_index=True)
        if any(len(e) for e in exceptions)
        else empty(EXCEPTION_COLUMNS)
    )
    moved = pd.concat(realised, ignore_index=True).astype("str")
    return revenue, line_frame, exc, moved.value_counts().astype("float64")
