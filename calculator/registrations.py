"""Patient-level DBC registrations → money, "by the book" (docs/settlement.md, Registrations).

A registration belongs to the settlement year of its ``start_date`` (the schadelastjaar; with
year basis ``end``, of its ``end_date``) and is priced at the benchmark of its ``start_date``
year; the contracts of the settlement year apply. ODV dummy rows are matched one-to-one to the
partner's declared DBC of the same patient and care form whose period contains the ODV start,
earliest ODV first, across years. Matching is a merge for an ODV row alone in its group and a
sweep over dates for groups with several; pairs of declared DBCs come from neighbours in date
order. Both are n log n in the DBCs of one pseudonym, never pairwise.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from calculator.agreements import valid_on
from calculator.consent import NO_CONSENTS, Consents
from calculator.lines import (
    EXCEPTION_COLUMNS,
    UNPRICED_LINE_COLUMNS,
    dbc_unit_cents,
    declare,
    empty,
    exception_rows,
    odv_unit_cents,
    secondment_unit_cents,
    typed_lines,
    with_amounts,
)
from calculator.tariffs import OTHER_INSURER, Tariffs


@dataclass(frozen=True)
class Matching:
    """Outcome of matching ODV rows to declared DBCs (positions index the registrations frame).

    ``pairs``: odv, declared (row positions); ``had_candidate``: per ODV position, whether any
    declared DBC could have matched it.
    """

    pairs: pd.DataFrame
    had_candidate: np.ndarray


def prepare(
    registrations: pd.DataFrame, tariffs: Tariffs, year_basis: str = "start"
) -> pd.DataFrame:
    """Registrations with care form, settlement year and price year; a fresh 0..n-1 index.

    The settlement year is the year of the start date (``start``, the schadelastjaar) or of the
    end date (``end``); the price year is always the year of the start date. The joins of
    matching run on integer keys, not on text: ``patient_key``, ``care_form_key``, and
    ``hospital_key``/``partner_key`` (one numbering for both hospital columns; -1 = blank).
    """
    r = registrations.reset_index(drop=True)  # columns are added, the input is not touched
    r["care_form_id"] = map_distinct(r["product_code"], tariffs.care_form_of)
    basis_date = r["end_date"] if year_basis == "end" else r["start_date"]
    r["settlement_year"] = basis_date.dt.year.astype("int64")
    r["price_year"] = r["start_date"].dt.year.astype("int64")
    r["odv"] = r["odv"].fillna(False).astype(bool)
    r["patient_key"] = pd.factorize(r["patient_id"])[0]
    r["care_form_key"] = pd.factorize(r["care_form_id"])[0]
    hospitals = pd.factorize(pd.concat([r["hospital_id"], r["partner_hospital"]]))[0]
    r["hospital_key"] = hospitals[: len(r)]
    r["partner_key"] = hospitals[len(r) :]
    return r


def map_distinct(values: pd.Series, mapping: Mapping[str, object]) -> pd.Series:
    """``values.map(mapping)``, looked up once per distinct value (1,000,000 DBCs of 40
    products: 40 look-ups); missing where the value is missing or not in ``mapping``."""
    codes, uniques = pd.factorize(values)
    distinct = pd.Series([*uniques, None], dtype=values.dtype).map(mapping)
    out = distinct.take(np.where(codes < 0, len(uniques), codes))
    out.index = values.index
    return out


def match_odv(r: pd.DataFrame) -> Matching:
    """Match every ODV row to at most one declared DBC (one-to-one, earliest ODV start first).

    A candidate is a declared DBC of the same patient and care form at the ODV row's partner
    hospital whose period contains the ODV start. In order of (ODV start, ODV dbc_id) each ODV
    row takes its first free candidate by (start date, dbc_id). An ODV row alone in its
    (patient, care form, partner) group cannot compete: a merge with that group's declared DBCs
    picks its first candidate. Groups with several ODV rows are swept in date order
    (:func:`_sweep_odv`), so matching is n log n in the DBCs of one pseudonym, never pairwise.
    """
    key = ["patient_key", "care_form_key", "hospital_key"]
    odv = r.loc[r["odv"], ["patient_key", "care_form_key", "partner_key", "start_date", "dbc_id"]]
    odv = odv.rename(
        columns={"partner_key": "hospital_key", "start_date": "odv_start", "dbc_id": "odv_dbc"}
    )
    odv["odv"] = odv.index
    declared = r.loc[~r["odv"], [*key, "start_date", "end_date", "dbc_id"]]
    declared["declared"] = declared.index
    had = np.zeros(len(r), dtype=bool)
    rivals = odv.groupby(key, sort=False)["odv"].transform("size").to_numpy() > 1

    lone = odv.loc[~rivals, [*key, "odv_start", "odv"]]
    cand = lone.merge(declared[[*key, "start_date", "end_date", "declared"]], on=key)
    cand = cand[(cand["start_date"] <= cand["odv_start"]) & (cand["odv_start"] <= cand["end_date"])]
    had[cand["odv"].to_numpy()] = True
    # an ODV row with one candidate takes it; one with several, the first by (start, dbc_id)
    several = cand["odv"].duplicated(keep=False).to_numpy()
    choose = cand[several]
    choose = choose.assign(
        odv_dbc=r["dbc_id"].take(choose["odv"]).to_numpy(),
        dbc_id=r["dbc_id"].take(choose["declared"]).to_numpy(),
    ).sort_values(["odv_start", "odv_dbc", "start_date", "dbc_id"], kind="stable")
    pairs = [
        cand.loc[~several, ["odv", "declared"]],
        choose.drop_duplicates("odv")[["odv", "declared"]],
    ]

    crowded = odv[rivals]
    if len(crowded):
        groups = crowded[key].drop_duplicates()
        pairs.append(_sweep_odv(crowded, declared.merge(groups, on=key), had))
    return Matching(pd.concat(pairs, ignore_index=True).astype("int64"), had)


def _sweep_odv(odv: pd.DataFrame, declared: pd.DataFrame, had: np.ndarray) -> pd.DataFrame:
    """The sequential rule for groups with several ODV rows, as a sweep over dates.

    Per group, ODV rows in order of (start, dbc_id); declared DBCs enter a heap (ordered by
    start date, dbc_id) once they have started; one that ended before the current ODV start can
    serve no later ODV row and is dropped. The top of the heap is the match. Sets ``had`` for
    ODV rows with any candidate (taken or not). Returns odv, declared (row positions).
    """
    key = ["patient_key", "care_form_key", "hospital_key"]
    odv = odv.dropna(subset=["odv_start"])
    declared = declared.dropna(subset=["start_date", "end_date"])
    both = pd.concat([odv[key], declared[key]], ignore_index=True)
    group = both.groupby(key, sort=False).ngroup().to_numpy()
    odv = odv.assign(_g=group[: len(odv)]).sort_values(
        ["_g", "odv_start", "odv_dbc", "odv"], kind="stable"
    )
    declared = declared.assign(_g=group[len(odv) :]).sort_values(
        ["_g", "start_date", "dbc_id", "declared"], kind="stable"
    )
    og, ot, opos = (
        odv["_g"].to_numpy(),
        _ns(odv["odv_start"]),
        odv["odv"].to_numpy(),
    )
    dg, ds, de, dpos = (
        declared["_g"].to_numpy(),
        _ns(declared["start_date"]),
        _ns(declared["end_date"]),
        declared["declared"].to_numpy(),
    )
    chosen: list[tuple[int, int]] = []
    heap: list[int] = []  # positions in ``declared``'s sorted order: the heap's order is its rank
    j, current, latest_end = 0, -1, np.iinfo(np.int64).min
    for i in range(len(og)):
        g, t = og[i], ot[i]
        if g != current:
            current, heap, latest_end = g, [], np.iinfo(np.int64).min
            while j < len(dg) and dg[j] < g:
                j += 1
        while j < len(dg) and dg[j] == g and ds[j] <= t:
            heapq.heappush(heap, j)
            latest_end = max(latest_end, de[j])
            j += 1
        if latest_end >= t:
            had[opos[i]] = True
        while heap and de[heap[0]] < t:
            heapq.heappop(heap)
        if heap:
            chosen.append((int(opos[i]), int(dpos[heapq.heappop(heap)])))
    return pd.DataFrame(chosen, columns=["odv", "declared"], dtype="int64")


def _ns(dates: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds (comparable across columns of different units)."""
    return np.asarray(dates, dtype="datetime64[ns]").view("int64")


# A declared DBC is paired with the DBCs of its patient and care form that start during its
# period among the next PAIR_WINDOW by start date. A real patient has a handful of DBCs of one
# care form at a time, so this is every overlapping pair; a placeholder pseudonym on thousands
# of DBCs (a data problem, warned in validation) stays linear instead of pairing everything.
PAIR_WINDOW = 16


def overlapping_pairs(r: pd.DataFrame) -> pd.DataFrame:
    """Declared DBCs of one patient and care form at two hospitals whose periods overlap.

    Sorted by (patient, care form, start date, dbc_id), each DBC is compared with the next
    ``PAIR_WINDOW`` DBCs of its group that start on or before its end date (linear in the DBCs
    of one pseudonym). Returns a, b (row positions, a's dbc_id < b's), ordered by a, then b.
    """
    d = r.loc[
        ~r["odv"],
        ["patient_key", "care_form_key", "hospital_key", "start_date", "end_date", "dbc_id"],
    ]
    # only patients with declared DBCs of one care form at more than one hospital can pair
    spread = d.groupby(["patient_key", "care_form_key"])["hospital_key"].transform("nunique")
    d = d[spread > 1].dropna(subset=["start_date", "end_date"])
    d = d.assign(pos=d.index).sort_values(
        ["patient_key", "care_form_key", "start_date", "dbc_id", "pos"], kind="stable"
    )
    patient, care_form = d["patient_key"].to_numpy(), d["care_form_key"].to_numpy()
    hospital, pos = d["hospital_key"].to_numpy(), d["pos"].to_numpy()
    start, end = _ns(d["start_date"]), _ns(d["end_date"])
    dbc = d["dbc_id"].to_numpy()
    found_a, found_b = [], []
    i = np.arange(len(d))
    for k in range(1, PAIR_WINDOW + 1):
        i = i[i + k < len(d)]
        j = i + k
        # later DBCs start later still: once one starts after i ends, i is done
        going = (patient[j] == patient[i]) & (care_form[j] == care_form[i]) & (start[j] <= end[i])
        i, j = i[going], j[going]
        if not len(i):
            break
        hit = (hospital[i] != hospital[j]) & (start[i] <= end[j])
        x, y = i[hit], j[hit]
        swap = dbc[x] > dbc[y]
        found_a.append(np.where(swap, y, x))
        found_b.append(np.where(swap, x, y))
    a = pos[np.concatenate(found_a)] if found_a else np.empty(0, dtype="int64")
    b = pos[np.concatenate(found_b)] if found_b else np.empty(0, dtype="int64")
    return (
        pd.DataFrame({"a": a, "b": b}, dtype="int64")
        .sort_values(["a", "b"], kind="stable")
        .reset_index(drop=True)
    )


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


def _odv_lines(good: pd.DataFrame, ag: pd.DataFrame, tariffs: Tariffs) -> pd.DataFrame:
    """ODV and secondment lines of settled ODV rows, unpriced (UNPRICED_LINE_COLUMNS).

    ``good`` are the ODV rows, ``ag`` their agreements (same order). Unit prices are computed
    once per (product, price year, agreement), not per row. Each ODV line is followed by its
    secondment line (when the agreement pays secondment), as the audit trail reads them; the
    lines are taken from the rows by position, text columns stay text.
    """
    if not len(good):
        return pd.DataFrame(columns=UNPRICED_LINE_COLUMNS)
    good = good.reset_index(drop=True)
    terms = ag.reset_index(drop=True).assign(
        product_code=good["product_code"], price_year=good["price_year"]
    )
    # one unit price per (product, price year, agreement), handed to every row of that group
    group = (
        terms.groupby(["product_code", "price_year", "agreement_id"], sort=False, dropna=False)
        .ngroup()
        .to_numpy()
    )
    first = terms.iloc[np.unique(group, return_index=True)[1]]
    odv_unit = np.array(
        [
            odv_unit_cents(tariffs, code, int(py), fixed, share)
            for code, py, fixed, share in first[
                ["product_code", "price_year", "odv_fixed_price", "odv_price_share"]
            ].itertuples(index=False)
        ],
        dtype="int64",
    )[group]
    secondment_unit = np.array(
        [
            secondment_unit_cents(hours, rate)
            for hours, rate in first[["secondment_hours_per_case", "secondment_rate"]].itertuples(
                index=False
            )
        ],
        dtype="int64",
    )[group]
    # row i gives line(s) at positions: its ODV line, then its secondment line if any
    with_secondment = secondment_unit > 0
    source = np.repeat(np.arange(len(good)), 1 + with_secondment)
    is_secondment = np.zeros(len(source), dtype=bool)
    is_secondment[(np.cumsum(1 + with_secondment) - 1)[with_secondment]] = True

    def taken(values: pd.Series) -> pd.Series:
        return values.take(source).reset_index(drop=True)

    performing, sending = taken(good["hospital_id"]), taken(good["partner_hospital"])
    kinds = pd.Series(["odv", "secondment"], dtype="str")
    return pd.DataFrame(
        {
            "kind": kinds.take(is_secondment.astype("int64")).reset_index(drop=True),
            "care_form_id": taken(good["care_form_id"]),
            "payer": sending.where(~is_secondment, performing),
            "payee": performing.where(~is_secondment, sending),
            "product_code": taken(good["product_code"]).where(~is_secondment, ""),
            "count": 1.0,
            "unit_price_cents": np.where(is_secondment, secondment_unit[source], odv_unit[source]),
            "agreement_id": taken(terms["agreement_id"]),
            "price_year": pd.Series(good["price_year"].to_numpy()[source], dtype="Int64").mask(
                is_secondment
            ),
            "source_sheet": "registrations",
            "source_rows": taken(good["excel_row"].astype(str)),
            "source_keys": taken(good["dbc_id"].astype(str)),
        },
        columns=UNPRICED_LINE_COLUMNS,
    )


@dataclass(frozen=True)
class Settled:
    """What one step of the registrations settlement yields.

    ``lines``: money between hospitals (LINE_COLUMNS without amounts); ``exceptions``:
    EXCEPTION_COLUMNS; ``realised``: one agreement_id per moved case (for monitoring);
    ``insurers``: the insurer of each moved case (aligned with ``realised``; "" = blank).
    """

    lines: pd.DataFrame
    exceptions: pd.DataFrame
    realised: pd.Series
    insurers: pd.Series


def settle_registrations(
    registrations: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    year_basis: str = "start",
    referral_cases: bool = True,
    consents: Consents = NO_CONSENTS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    """Revenue, lines, exceptions and realised moves for the settlement year ``year``.

    The steps, each a function of its own: insurer revenue of the declared DBCs, matching ODV
    rows to declared DBCs, settling the matched ODV rows, and the pairs of declared DBCs at two
    hospitals (parallel and referral cases, double declarations).

    Parameters
    ----------
    year_basis : ``start`` (schadelastjaar) or ``end``, see :func:`prepare`
    referral_cases : settle the secondment of referral cases seen in the registrations (a
        diagnostics DBC at the sending hospital beside the performer's DBC); off when volumes
        settle referrals (source ``combined``)

    Returns
    -------
    (revenue, lines, exceptions, realised): realised counts moved cases per (agreement_id,
    insurer) (a settled ODV row, or a performer DBC of a parallel or referral case), for
    monitoring.
    """
    r = prepare(registrations, tariffs, year_basis)
    in_year = r["settlement_year"].to_numpy() == year
    revenue = declared_revenue(r[~r["odv"] & in_year], tariffs, year)
    odv = settle_odv(r, in_year, match_odv(r), agreements, tariffs)
    pairs = settle_pairs(r, year, agreements, tariffs, referral_cases, consents)
    steps = (odv, pairs)
    found_lines = [s.lines for s in steps if len(s.lines)]
    line_frame = (
        typed_lines(with_amounts(pd.concat(found_lines, ignore_index=True)))
        if found_lines
        else typed_lines(empty([]))
    )
    found = [s.exceptions for s in steps if len(s.exceptions)]
    exc = pd.concat(found, ignore_index=True) if found else empty(EXCEPTION_COLUMNS)
    moved = pd.DataFrame(
        {
            "agreement_id": pd.concat([s.realised for s in steps], ignore_index=True).astype("str"),
            "insurer": pd.concat([s.insurers for s in steps], ignore_index=True).astype("str"),
        }
    )
    realised = moved.groupby(["agreement_id", "insurer"]).size().astype("float64")
    return revenue, line_frame, exc, realised


def declared_revenue(declared: pd.DataFrame, tariffs: Tariffs, year: int) -> pd.DataFrame:
    """Insurer revenue of the declared DBCs of the year (REVENUE_COLUMNS); a DBC without a
    contracted insurer is priced once at the hospital's weighted price.

    The DBCs are counted per (hospital, product, price year, insurer) first: ``declare`` sums
    the counts of a group anyway, and prices each group once.
    """
    key = ["hospital_id", "product_code", "price_year", "insurer"]
    counted = declared.groupby(key, dropna=False, sort=False, observed=True).size()
    items = counted.rename("count").reset_index()
    items = items.assign(
        count=items["count"].astype("float64"),
        insurer=items["insurer"].astype(object).where(items["insurer"].notna(), None),
        source="registrations",
    )
    revenue = declare(items, tariffs, year, blank_insurer="weighted")
    if len(revenue):
        revenue["source"] = [f"registrations: {int(n)} DBCs" for n in revenue["count"]]
    return revenue


def settle_odv(
    r: pd.DataFrame,
    in_year: np.ndarray,
    matching: Matching,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
) -> Settled:
    """ODV rows of the year: unmatched and duplicate rows are exceptions; a matched row settles
    under the agreement valid on its start date when that agreement's mode is ``odv``."""
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
    ag = with_ag[ok]
    declared_of = matching.pairs.set_index("odv")["declared"]
    declared_pos = declared_of.reindex(odv_pos[is_matched][ok]).to_numpy()
    return Settled(
        _odv_lines(m[ok], ag, tariffs),
        pd.concat(
            [e for e in exceptions if len(e)] or [empty(EXCEPTION_COLUMNS)], ignore_index=True
        ),
        ag["agreement_id"].reset_index(drop=True),
        _insurer_text(r["insurer"].iloc[declared_pos]),
    )


def _insurer_text(values: pd.Series) -> pd.Series:
    """Insurers as text; a blank one is ``(overig)``, as its DBC is declared."""
    return (
        values.astype(object)
        .where(values.notna(), OTHER_INSURER)
        .astype(str)
        .reset_index(drop=True)
    )


# Rank of a DBC's component in a pair: the performer holds the intervention (or, in a referral,
# the full product); the sending hospital the diagnostics or aftercare.
_RANK = {"intervention": 3, "full": 2, "diagnostics": 1, "aftercare": 1}


def settle_pairs(
    r: pd.DataFrame,
    year: int,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    referral_cases: bool = True,
    consents: Consents = NO_CONSENTS,
) -> Settled:
    """Pairs of declared DBCs of one patient and care form at two hospitals, overlapping in time.

    The performer is the hospital of the DBC with the intervention (a full DBC outranks a
    diagnostics or aftercare DBC); the other is the sending hospital, and the agreement
    S → P valid on the later start date decides:

    - ``parallel``: a moved case, one per patient and performer DBC, with its secondment; both
      DBCs ``full`` is exception ``parallel_full_twice`` (the insurer pays twice), a ``full``
      DBC beside the ``intervention`` DBC is ``parallel_full_and_intervention`` (the insurer
      pays the intervention twice); neither is a moved case;
    - ``referral`` with a diagnostics DBC at S: a recognised referral case (realised + 1,
      secondment when ``referral_cases``);
    - anything else: exception ``double_declaration``.

    A parallel case whose insurer (of the performer's DBC, else the sending hospital's) has not
    consented on that date (:mod:`calculator.consent`) is exception
    ``parallel_without_consent`` with the amount at risk (what the performer declared); it
    counts as a moved case but its secondment is not settled.

    Two DBCs of the same rank (both full, both partial) have no performer: a parallel agreement
    in either direction covers them (both full: ``parallel_full_twice``), else they are a double
    declaration. A pair belongs to the settlement year of its performer DBC (unoriented pairs:
    the later of the two).
    """
    pairs = overlapping_pairs(r)
    a = r.iloc[pairs["a"]].reset_index(drop=True)
    b = r.iloc[pairs["b"]].reset_index(drop=True)
    rank_a = a["product_code"].map(tariffs.component_of).map(_RANK).to_numpy()
    rank_b = b["product_code"].map(tariffs.component_of).map(_RANK).to_numpy()
    a_performs = rank_a > rank_b
    oriented = rank_a != rank_b
    # S and P sides; an unoriented pair is taken as a → b (and b → a is tried below)
    s_side = _pick(a, b, a_performs)
    p_side = _pick(b, a, a_performs)
    pair_year = np.where(
        oriented,
        p_side["settlement_year"].to_numpy(),
        np.maximum(a["settlement_year"].to_numpy(), b["settlement_year"].to_numpy()),
    )
    keep = pair_year == year
    s_side, p_side = s_side[keep].reset_index(drop=True), p_side[keep].reset_index(drop=True)
    oriented = oriented[keep]
    date = np.maximum(s_side["start_date"], p_side["start_date"])
    forward = _agreement(agreements, s_side, p_side, date)
    backward = _agreement(agreements, p_side, s_side, date)
    comp_s = s_side["product_code"].map(tariffs.component_of).to_numpy()
    comp_p = p_side["product_code"].map(tariffs.component_of).to_numpy()
    parallel_fwd = (forward["mode"] == "parallel").to_numpy(dtype=bool, na_value=False)
    parallel_bwd = (backward["mode"] == "parallel").to_numpy(dtype=bool, na_value=False)
    both_full = (comp_s == "full") & (comp_p == "full")
    # the full product beside the intervention: the insurer pays the intervention twice
    full_beside = ((comp_s == "full") & (comp_p == "intervention")) | (
        (comp_s == "intervention") & (comp_p == "full")
    )
    full_twice = both_full & (parallel_fwd | parallel_bwd)
    full_and_intervention = full_beside & (parallel_fwd | parallel_bwd)
    moved_parallel = oriented & parallel_fwd & ~both_full & ~full_beside
    referral = (
        oriented
        & (forward["mode"] == "referral").to_numpy(dtype=bool, na_value=False)
        & (comp_s == "diagnostics")
    )
    covered_unoriented = ~oriented & (parallel_fwd | parallel_bwd) & ~both_full
    double = ~(moved_parallel | referral | full_twice | full_and_intervention | covered_unoriented)

    moved = moved_parallel | referral
    # one moved case per performer DBC: the first pair (smallest sending dbc_id) stands for it
    cases = pd.DataFrame(
        {
            "p": p_side["dbc_id"],
            "s": s_side["dbc_id"],
            "i": np.arange(len(p_side)),
        }
    )[moved]
    cases = cases.sort_values(["p", "s"], kind="stable").drop_duplicates("p")
    cases = cases[
        moved_parallel[cases["i"].to_numpy()] | (referral_cases & referral[cases["i"].to_numpy()])
    ]
    idx = cases["i"].to_numpy()
    insurer = p_side["insurer"].where(p_side["insurer"].notna(), s_side["insurer"])
    without = np.zeros(len(idx), dtype=bool)
    if consents.listed:  # only agreements on the consents sheet can lack consent
        parallel_idx = np.flatnonzero(moved_parallel[idx])
        agreement_of = forward["agreement_id"].to_numpy()
        for j in parallel_idx:
            i = idx[j]
            if consents.applies(agreement_of[i]):
                without[j] = not consents.given(
                    agreement_of[i], insurer.iloc[i], date.iloc[i].date()
                )
    lines = _pair_lines(
        s_side.iloc[idx[~without]], p_side.iloc[idx[~without]], forward.iloc[idx[~without]]
    )
    risky = idx[without]
    at_risk = [
        {
            "agreement": forward["agreement_id"].iloc[i],
            "insurer": "" if pd.isna(insurer.iloc[i]) else str(insurer.iloc[i]),
            "date": f"{date.iloc[i]:%d-%m-%Y}",
            "at_risk_cents": dbc_unit_cents(
                tariffs,
                p_side["hospital_id"].iloc[i],
                p_side["product_code"].iloc[i],
                int(p_side["price_year"].iloc[i]),
                insurer.iloc[i],
                year,
            ),
        }
        for i in risky
    ]
    # full twice: which direction's agreement is parallel
    agreement_full = np.where(parallel_fwd, forward["agreement_id"], backward["agreement_id"])
    exceptions = [
        _pair_exceptions(
            "parallel_full_twice",
            s_side[full_twice],
            p_side[full_twice],
            [{"agreement": ag} for ag in agreement_full[full_twice]],
        ),
        _pair_exceptions(
            "parallel_full_and_intervention",
            s_side[full_and_intervention],
            p_side[full_and_intervention],
            [{"agreement": ag} for ag in agreement_full[full_and_intervention]],
        ),
        _pair_exceptions("double_declaration", s_side[double], p_side[double], None),
        _pair_exceptions(
            "parallel_without_consent", s_side.iloc[risky], p_side.iloc[risky], at_risk
        ),
    ]
    return Settled(
        lines,
        pd.concat(
            [e for e in exceptions if len(e)] or [empty(EXCEPTION_COLUMNS)], ignore_index=True
        ),
        forward["agreement_id"].iloc[idx].reset_index(drop=True),
        _insurer_text(insurer.iloc[idx]),
    )


def _pick(first: pd.DataFrame, second: pd.DataFrame, take_second: np.ndarray) -> pd.DataFrame:
    """Row-wise ``second`` where ``take_second``, else ``first`` (same index and columns)."""
    return first.where(~pd.Series(take_second, index=first.index), second)


def _agreement(
    agreements: pd.DataFrame, s_side: pd.DataFrame, p_side: pd.DataFrame, date: pd.Series
) -> pd.DataFrame:
    moves = pd.DataFrame(
        {
            "care_form_id": s_side["care_form_id"],
            "sending_hospital": s_side["hospital_id"],
            "performing_hospital": p_side["hospital_id"],
            "date": date,
        }
    )
    return valid_on(agreements, moves, "date").reset_index(drop=True)


def _pair_lines(s_side: pd.DataFrame, p_side: pd.DataFrame, ag: pd.DataFrame) -> pd.DataFrame:
    """Secondment lines of moved cases: the performer pays the sending hospital (unpriced)."""
    unit_of = {
        agid: secondment_unit_cents(hours, rate)
        for agid, hours, rate in ag.drop_duplicates("agreement_id")[
            ["agreement_id", "secondment_hours_per_case", "secondment_rate"]
        ].itertuples(index=False)
    }
    unit = ag["agreement_id"].map(unit_of).to_numpy(dtype="int64") if len(ag) else []
    lines = pd.DataFrame(
        {
            "kind": "secondment",
            "care_form_id": s_side["care_form_id"].to_numpy(),
            "payer": p_side["hospital_id"].to_numpy(),
            "payee": s_side["hospital_id"].to_numpy(),
            "product_code": "",
            "count": 1.0,
            "unit_price_cents": unit,
            "agreement_id": ag["agreement_id"].to_numpy(),
            "price_year": pd.NA,
            "source_sheet": "registrations",
            "source_rows": [
                f"{x}; {y}" for x, y in zip(s_side["excel_row"], p_side["excel_row"], strict=True)
            ],
            "source_keys": [
                f"{x}; {y}" for x, y in zip(s_side["dbc_id"], p_side["dbc_id"], strict=True)
            ],
        },
        columns=UNPRICED_LINE_COLUMNS,
    )
    return lines[lines["unit_price_cents"] > 0]


def _pair_exceptions(
    kind: str,
    s_side: pd.DataFrame,
    p_side: pd.DataFrame,
    extra: list[dict[str, object]] | None,
) -> pd.DataFrame:
    params = [
        {
            "dbc": x,
            "hospital": h,
            "sending": h,
            "other_dbc": y,
            "partner": g,
            "performing": g,
            "care_form": cf,
        }
        for x, h, y, g, cf in zip(
            s_side["dbc_id"],
            s_side["hospital_id"],
            p_side["dbc_id"],
            p_side["hospital_id"],
            s_side["care_form_id"],
            strict=True,
        )
    ]
    if extra is not None:
        params = [p | e for p, e in zip(params, extra, strict=True)]
    return exception_rows(
        kind,
        params,
        key=[f"{x} / {y}" for x, y in zip(s_side["dbc_id"], p_side["dbc_id"], strict=True)],
        hospital_id=s_side["hospital_id"],
        partner_hospital=p_side["hospital_id"],
        care_form_id=s_side["care_form_id"],
        patient_id=s_side["patient_id"],
        source_sheet="registrations",
        source_rows=[
            f"{x}; {y}" for x, y in zip(s_side["excel_row"], p_side["excel_row"], strict=True)
        ],
    )
