"""Checks across rows and sheets (README, Input): keys, references, dates, share sums, products per
care form, overlapping agreements and the prices the data needs.

Each check takes the typed frames (see :func:`calculator.validate.type_sheets`) and returns
findings; none raises.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from calculator.agreements import yearly_share
from calculator.errors import Finding
from calculator.money import decimal
from calculator.prices import resolve_prices
from calculator.schema import HOSPITAL_TYPES, SHEETS, Sheet
from calculator.workbook import SOURCE_ROW

SHARE_TOLERANCE = Decimal("0.001")  # exact: 0.4995 + 0.2997 + 0.1998 is 0.999, not 0.99899…
# more DBCs of one pseudonym in one file is a placeholder, not a patient (a warning: matching is
# linear, but the DBCs of different people cannot be paired meaningfully)
MAX_DBCS_PER_PATIENT = 200


def _f(sheet: str, row: object, column: str, value: object, code: str, **params: object) -> Finding:
    return Finding(
        sheet,
        int(row) if row is not None else None,  # type: ignore[call-overload]
        column,
        "" if value is None or value is pd.NA else str(value),
        code=code,
        params=params,
    )


# the sheets each check reads; a check is skipped when one of them lacks a required column
_NEEDS: dict[str, tuple[str, ...]] = {
    "care_forms": ("care_forms",),
    "products": ("products", "care_forms"),
    "contracts": ("insurer_contracts",),
    "agreements": ("agreements", "products", "volumes"),
    "registrations": ("registrations",),
}


def cross_checks(
    frames: dict[str, pd.DataFrame],
    present: set[str],
    skip: frozenset[str] = frozenset(),
    typed_clean: bool = True,
) -> list[Finding]:
    """Keys, references, dates, share sums, products per care form, overlaps, needed prices.

    ``skip`` names sheets that lack a required column: checks that read them are skipped (the
    missing column is already a finding). The prices the data needs are only looked up when every
    cell was typed cleanly (``typed_clean``) and no other check found a problem.
    """
    findings: list[Finding] = []
    for sheet in SHEETS:
        if sheet.name not in skip:
            findings += _unique(sheet, frames[sheet.name])
    findings += _references(frames, skip)
    checks = {
        "care_forms": _care_form_checks,
        "products": _product_checks,
        "contracts": _contract_checks,
        "agreements": _agreement_checks,
        "registrations": _registration_checks,
    }
    for name, run in checks.items():
        if not skip.intersection(_NEEDS[name]):
            findings += run(frames)
    if (
        "volumes" in present
        and "registrations" in present
        and not len(frames["volumes"])
        and not len(frames["registrations"])
    ):
        findings.append(
            _f(
                "volumes",
                None,
                "",
                "",
                "no_rows_volumes_registrations",
            )
        )
    if "volumes" not in skip:
        findings += _volume_periods(frames["volumes"])
    findings += _cycle_checks(frames, skip)
    if typed_clean and not findings and not skip:
        findings += _needed_prices(frames)
    return findings


def _cycle_checks(frames: dict[str, pd.DataFrame], skip: frozenset[str]) -> list[Finding]:
    """Consents name parallel agreements; a secondment contract has fte or hours per month
    (not both), two different hospitals and dates in order; a network cost with key 'shares'
    has shares summing to 1 (±0.001), and shares only for such a cost."""
    out = []
    if not skip.intersection({"insurer_consents", "agreements"}):
        modes = dict(
            zip(frames["agreements"]["agreement_id"], frames["agreements"]["mode"], strict=True)
        )
        c = frames["insurer_consents"].dropna(subset=["agreement_id"])
        for row, agreement in c[[SOURCE_ROW, "agreement_id"]].itertuples(index=False):
            mode = modes.get(agreement)
            if isinstance(mode, str) and mode != "parallel":  # a bad mode is its own finding
                out.append(
                    _f(
                        "insurer_consents",
                        row,
                        "agreement_id",
                        agreement,
                        "consent_not_parallel",
                        mode=mode,
                    )
                )
    if "secondments" not in skip:
        sc = frames["secondments"]
        for row, s, t, fte, hours, start, end in sc[
            [
                SOURCE_ROW,
                "from_hospital",
                "to_hospital",
                "fte",
                "hours_per_month",
                "valid_from",
                "valid_to",
            ]
        ].itertuples(index=False):
            if pd.isna(fte) == pd.isna(hours):
                value = "" if pd.isna(fte) else f"{fte:g} / {hours:g}"
                out.append(_f("secondments", row, "fte", value, "secondment_size"))
            if s == t:
                out.append(_f("secondments", row, "to_hospital", t, "secondment_same_hospital"))
            if not pd.isna(end) and not pd.isna(start) and end < start:
                out.append(_f("secondments", row, "valid_to", end.date(), "valid_to_before_from"))
    if "compensation" not in skip:
        paid = frames["compensation"]
        for row, payer, payee in paid[[SOURCE_ROW, "payer_hospital", "payee_hospital"]].itertuples(
            index=False
        ):
            if not pd.isna(payer) and payer == payee:
                out.append(_f("compensation", row, "payee_hospital", payee, "compensation_same"))
    if not skip.intersection({"network_costs", "network_shares"}):
        # a cell that could not be typed is already a finding: leave its row to that one
        costs = frames["network_costs"].dropna(subset=["cost_id", "key"])
        shares = frames["network_shares"].dropna(subset=["cost_id", "share"])
        key_of = dict(zip(costs["cost_id"], costs["key"], strict=True))
        for cost, group in shares.groupby("cost_id", sort=True):
            if cost in key_of and key_of[cost] != "shares":
                out.append(
                    _f(
                        "network_shares",
                        group[SOURCE_ROW].min(),
                        "cost_id",
                        cost,
                        "network_shares_unused",
                        key=key_of[cost],
                    )
                )
                continue
            total = sum((decimal(float(x)) for x in group["share"]), Decimal(0))
            if abs(total - 1) > SHARE_TOLERANCE:
                out.append(
                    _f(
                        "network_shares",
                        group[SOURCE_ROW].min(),
                        "share",
                        str(total),
                        "network_shares_sum",
                        cost=cost,
                        tolerance=SHARE_TOLERANCE,
                        rows=", ".join(map(str, group[SOURCE_ROW])),
                    )
                )
        with_shares = set(shares["cost_id"])
        need = costs[(costs["key"] == "shares") & ~costs["cost_id"].isin(with_shares)]
        for row, cost in need[[SOURCE_ROW, "cost_id"]].itertuples(index=False):
            out.append(
                _f("network_costs", row, "key", "shares", "network_shares_missing", cost=cost)
            )
    return out


def _volume_periods(volumes: pd.DataFrame) -> list[Finding]:
    """``period_from``/``period_to`` of a volumes row lie within its year, from ≤ to."""
    out = []
    for column in ("period_from", "period_to"):
        if column not in volumes.columns:
            return []
        dates = volumes[column]
        outside = dates.notna() & (dates.dt.year != volumes["year"])
        for row, date, year in volumes.loc[outside, [SOURCE_ROW, column, "year"]].itertuples(
            index=False
        ):
            out.append(
                _f(
                    "volumes",
                    row,
                    column,
                    date.date(),
                    "volume_period_outside_year",
                    year=str(year),
                )
            )
    backwards = (volumes["period_to"] < volumes["period_from"]).to_numpy(dtype=bool, na_value=False)
    for row, date in volumes.loc[backwards, [SOURCE_ROW, "period_to"]].itertuples(index=False):
        out.append(_f("volumes", row, "period_to", date.date(), "volume_period_backwards"))
    return out


def _unique(sheet: Sheet, frame: pd.DataFrame) -> list[Finding]:
    if not sheet.key or not len(frame):
        return []
    key = frame[list(sheet.key)].copy()
    if sheet.name == "volumes":
        key["performing_hospital_id"] = key["performing_hospital_id"].fillna(key["hospital_id"])
        # a blank period starts on 1 January
        january = pd.to_datetime(
            key["year"].astype("Int64").astype("str") + "-01-01", errors="coerce"
        )
        key["period_from"] = key["period_from"].fillna(january)
    # a blank optional key column (e.g. growth without a hospital: every hospital) is a value
    # of its own: two such rows are duplicates too
    required = [c.name for c in sheet.columns if c.name in sheet.key and c.required]
    complete = key[required].notna().all(axis=1)
    # ids differing only in case are one id (their text is NFKC-normalised already)
    texts = [c.name for c in sheet.columns if c.name in sheet.key and c.kind in ("text", "code9")]
    folded = key.copy()
    for column in texts:
        folded[column] = key[column].str.lower()
    folded = folded.astype(object).where(folded.notna(), "")
    involved = folded[complete & folded.duplicated(keep=False)]
    if not len(involved):
        return []
    private = any(c.private for c in sheet.columns if c.name in sheet.key)
    out = []
    first: dict[tuple, tuple[object, tuple]] = {}
    for i, k in zip(involved.index, involved.itertuples(index=False, name=None), strict=True):
        written = tuple("" if pd.isna(v) else v for v in key.loc[i])
        if k not in first:
            first[k] = (frame.loc[i, SOURCE_ROW], written)
            continue
        row, spelling = first[k]
        shown = " / ".join(map(str, written))
        if written == spelling:
            out.append(
                _f(sheet.name, frame.loc[i, SOURCE_ROW], ", ".join(sheet.key), shown,
                   "key_duplicate", first_row=str(row))
            )  # fmt: skip
        else:
            out.append(
                _f(
                    sheet.name,
                    frame.loc[i, SOURCE_ROW],
                    ", ".join(sheet.key),
                    shown,
                    "key_duplicate_case",
                    first_row=str(row),
                    first="***" if private else " / ".join(map(str, spelling)),
                )
            )
    return out


REFERENCES = (
    ("products", "care_form_id", "care_forms", "care_form_id"),
    ("prices", "product_code", "products", "product_code"),
    ("insurer_contracts", "hospital_id", "hospitals", "hospital_id"),
    ("volumes", "hospital_id", "hospitals", "hospital_id"),
    ("volumes", "performing_hospital_id", "hospitals", "hospital_id"),
    ("volumes", "care_form_id", "care_forms", "care_form_id"),
    ("agreements", "care_form_id", "care_forms", "care_form_id"),
    ("agreements", "sending_hospital", "hospitals", "hospital_id"),
    ("agreements", "performing_hospital", "hospitals", "hospital_id"),
    ("registrations", "hospital_id", "hospitals", "hospital_id"),
    ("registrations", "partner_hospital", "hospitals", "hospital_id"),
    ("registrations", "product_code", "products", "product_code"),
    ("travel", "from_hospital", "hospitals", "hospital_id"),
    ("travel", "to_hospital", "hospitals", "hospital_id"),
    ("keep", "hospital_id", "hospitals", "hospital_id"),
    ("keep", "care_form_id", "care_forms", "care_form_id"),
    ("hospital_care_forms", "hospital_id", "hospitals", "hospital_id"),
    ("hospital_care_forms", "care_form_id", "care_forms", "care_form_id"),
    ("service_costs", "hospital_id", "hospitals", "hospital_id"),
    ("service_costs", "care_form_id", "care_forms", "care_form_id"),
    ("growth", "care_form_id", "care_forms", "care_form_id"),
    ("growth", "hospital_id", "hospitals", "hospital_id"),
    ("phases", "agreement_id", "agreements", "agreement_id"),
    ("insurer_consents", "agreement_id", "agreements", "agreement_id"),
    ("planning", "agreement_id", "agreements", "agreement_id"),
    ("secondments", "from_hospital", "hospitals", "hospital_id"),
    ("secondments", "to_hospital", "hospitals", "hospital_id"),
    ("network_costs", "treasurer_hospital", "hospitals", "hospital_id"),
    ("network_shares", "cost_id", "network_costs", "cost_id"),
    ("network_shares", "hospital_id", "hospitals", "hospital_id"),
    ("compensation", "payer_hospital", "hospitals", "hospital_id"),
    ("compensation", "payee_hospital", "hospitals", "hospital_id"),
    ("one_off_costs", "hospital_id", "hospitals", "hospital_id"),
    ("one_off_costs", "agreement_id", "agreements", "agreement_id"),
    ("funding", "hospital_id", "hospitals", "hospital_id"),
)


def _references(frames: dict[str, pd.DataFrame], skip: frozenset[str]) -> list[Finding]:
    out = []
    for sheet, column, target, target_column in REFERENCES:
        if sheet in skip or target in skip:
            continue
        values = frames[sheet][column]
        known = set(frames[target][target_column].dropna())
        bad = values.notna() & ~values.isin(known)
        if not bad.any():
            continue
        by_case = {str(k).lower(): k for k in known}
        for i in np.flatnonzero(bad.to_numpy()):
            value = values.iloc[i]
            spelling = by_case.get(str(value).lower())
            out.append(
                _f(sheet, frames[sheet][SOURCE_ROW].iloc[i], column, value,
                   "unknown_reference", target=target)
                if spelling is None
                else _f(sheet, frames[sheet][SOURCE_ROW].iloc[i], column, value,
                        "unknown_reference_case", target=target, known=spelling)
            )  # fmt: skip
    return out


def _care_form_checks(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    out = []
    cf = frames["care_forms"]
    for row, spec, allowed in cf[[SOURCE_ROW, "specialism", "allowed_types"]].itertuples(
        index=False
    ):
        if isinstance(spec, str) and not (len(spec) == 4 and spec.isdigit()):
            out.append(
                _f(
                    "care_forms",
                    row,
                    "specialism",
                    spec,
                    "specialism_code",
                )
            )
        if isinstance(allowed, str):
            for word in allowed.split(","):
                if word.strip().casefold() not in HOSPITAL_TYPES:
                    out.append(
                        _f(
                            "care_forms",
                            row,
                            "allowed_types",
                            allowed,
                            "allowed_types",
                            types=", ".join(HOSPITAL_TYPES),
                        )
                    )
                    break
    return out


def _product_checks(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    out = []
    products = frames["products"].dropna(subset=["care_form_id", "component"])
    counts = products.groupby(["care_form_id", "component"]).size()
    for (cf, component), n in counts.items():
        if n > 1:
            rows = products.loc[
                (products.care_form_id == cf) & (products.component == component), SOURCE_ROW
            ].tolist()
            out.append(
                _f(
                    "products",
                    rows[1],
                    "component",
                    component,
                    "component_count",
                    care_form=cf,
                    count=int(n),
                    component=component,
                    rows=", ".join(map(str, rows)),
                )
            )
    with_full = set(products.loc[products.component == "full", "care_form_id"])
    for row, cf in frames["care_forms"][[SOURCE_ROW, "care_form_id"]].itertuples(index=False):
        if isinstance(cf, str) and cf not in with_full:
            out.append(
                _f(
                    "care_forms",
                    row,
                    "care_form_id",
                    cf,
                    "care_form_needs_full",
                )
            )
    return out


def _contract_checks(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    contracts = frames["insurer_contracts"].dropna(subset=["hospital_id", "year", "share"])
    out = []
    for (hospital, year), group in contracts.groupby(["hospital_id", "year"]):
        total = sum((decimal(float(x)) for x in group["share"]), Decimal(0))
        if abs(total - 1) > SHARE_TOLERANCE:
            out.append(
                _f(
                    "insurer_contracts",
                    group[SOURCE_ROW].min(),
                    "share",
                    str(total),
                    "contract_shares_sum",
                    hospital=hospital,
                    year=str(year),
                    tolerance=SHARE_TOLERANCE,
                    rows=", ".join(map(str, group[SOURCE_ROW])),
                )
            )
    return out


def _years_of(valid_from: pd.Timestamp, valid_to: object, last: int) -> range:
    end = valid_to.year if isinstance(valid_to, pd.Timestamp) and not pd.isna(valid_to) else last
    return range(valid_from.year, end + 1)


def _agreement_checks(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    out = []
    ag = frames["agreements"].dropna(
        subset=["care_form_id", "sending_hospital", "performing_hospital", "valid_from"]
    )
    same = ag["sending_hospital"] == ag["performing_hospital"]
    for row, s in ag.loc[same, [SOURCE_ROW, "sending_hospital"]].itertuples(index=False):
        out.append(_f("agreements", row, "performing_hospital", s, "same_hospital"))
    backwards = ag["valid_to"].notna() & (ag["valid_to"] < ag["valid_from"])
    for row, to in ag.loc[backwards, [SOURCE_ROW, "valid_to"]].itertuples(index=False):
        out.append(_f("agreements", row, "valid_to", to.date(), "valid_to_before_from"))
    out += _agreement_overlaps(ag)
    parts = frames["products"]
    has_intervention = set(parts.loc[parts.component == "intervention", "care_form_id"])
    for row, cf in ag.loc[ag["mode"] == "parallel", [SOURCE_ROW, "care_form_id"]].itertuples(
        index=False
    ):
        if cf not in has_intervention:
            out.append(
                _f(
                    "agreements",
                    row,
                    "mode",
                    "parallel",
                    "parallel_needs_intervention",
                    care_form=cf,
                )
            )
    out += _share_sums(ag, frames["phases"], frames["volumes"])
    return out


def _agreement_overlaps(ag: pd.DataFrame) -> list[Finding]:
    """An agreement that starts on or before the end of an earlier-starting agreement of its
    (care form, S, P) overlaps it; the finding names the agreement just before it by start.

    The agreements of a triple in order of start date; each is compared with the latest end of
    those before it (a running maximum per triple: one pass, not a loop per triple).
    """
    key = ["care_form_id", "sending_hospital", "performing_hospital"]
    g = ag.sort_values([*key, "valid_from"], kind="stable")
    triple = g.groupby(key, sort=False).ngroup()
    ends = g["valid_to"].fillna(pd.Timestamp.max.normalize())
    latest_before = ends.groupby(triple).cummax().groupby(triple).shift(1)
    hit = (g["valid_from"] <= latest_before).to_numpy(dtype=bool, na_value=False)
    rows, previous = g[SOURCE_ROW].to_numpy(), g[SOURCE_ROW].shift(1).to_numpy()
    starts = g["valid_from"].to_numpy()
    return [
        _f(
            "agreements",
            rows[i],
            "valid_from",
            pd.Timestamp(starts[i]).date(),
            "agreement_overlap",
            other_row=str(int(previous[i])),
        )
        for i in np.flatnonzero(hit)
    ]


def _share_sums(ag: pd.DataFrame, phases: pd.DataFrame, volumes: pd.DataFrame) -> list[Finding]:
    """Shares of one sending hospital and care form sum to at most 1 in every year (docs/model.md,
    Manual scenario), with each agreement's share of that year (its phases included)."""
    phases = phases.dropna(subset=["agreement_id", "year", "share"])
    shared = ag[ag["share"].notna() | ag["agreement_id"].isin(phases["agreement_id"])]
    if not len(shared):
        return []
    last = int(
        max(
            shared["valid_from"].dt.year.max(),
            shared["valid_to"].dt.year.max() if shared["valid_to"].notna().any() else 0,
            *phases["year"].astype(int).tolist() or [0],
            *volumes["year"].dropna().astype(int).tolist() or [0],
        )
    )
    first = int(shared["valid_from"].dt.year.min())
    by_year = {year: yearly_share(shared, phases, year) for year in range(first, last + 1)}
    totals: dict[tuple[str, str, int], list[tuple[int, float]]] = {}
    for i, (row, cf, s, frm, to) in enumerate(
        shared[
            [SOURCE_ROW, "care_form_id", "sending_hospital", "valid_from", "valid_to"]
        ].itertuples(index=False)
    ):
        for year in _years_of(frm, to, last):
            share = by_year[year].iloc[i]
            if not pd.isna(share):
                totals.setdefault((s, cf, year), []).append((row, float(share)))
    out = []
    for (s, cf, year), items in sorted(totals.items()):
        total = sum(v for _, v in items)
        if total > 1 + 1e-9:
            out.append(
                _f(
                    "agreements",
                    items[-1][0],
                    "share",
                    f"{total:g}",
                    "agreement_shares_sum",
                    hospital=s,
                    care_form=cf,
                    year=str(year),
                    rows=", ".join(str(r) for r, _ in items),
                )
            )
    return out


def placeholder_pseudonyms(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """A warning per pseudonym on more than ``MAX_DBCS_PER_PATIENT`` DBCs: a placeholder value
    rather than a patient. The run still settles (matching is linear in the DBCs of one
    pseudonym), but pairs of its DBCs are pairs of different people."""
    reg = frames["registrations"]
    if not len(reg) or "patient_id" not in reg:
        return []
    # counted by integer code (a pseudonym per code, in order of first appearance)
    codes, patients = pd.factorize(reg["patient_id"])
    counts = np.bincount(codes[codes >= 0], minlength=len(patients))
    many = np.flatnonzero(counts > MAX_DBCS_PER_PATIENT)
    many = many[np.argsort(-counts[many], kind="stable")]  # most DBCs first
    rows = reg[SOURCE_ROW].to_numpy()
    out = []
    for code in many:
        patient, n = patients[code], counts[code]
        first = rows[np.argmax(codes == code)]
        out.append(
            _f(
                "registrations",
                first,
                "patient_id",
                patient,  # never shown: the column is private
                "patient_too_many_dbcs",
                count=int(n),
                limit=MAX_DBCS_PER_PATIENT,
            )
        )
    return out


def _registration_checks(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    reg = frames["registrations"]
    if not len(reg):
        return []
    out = []
    backwards = (reg["end_date"] < reg["start_date"]).to_numpy(dtype=bool, na_value=False)
    for i in np.flatnonzero(backwards):
        out.append(
            _f(
                "registrations",
                reg[SOURCE_ROW].iloc[i],
                "end_date",
                reg["end_date"].iloc[i].date(),
                "end_before_start",
            )
        )
    odv = reg["odv"].to_numpy(dtype=bool, na_value=False)
    no_partner = odv & reg["partner_hospital"].isna().to_numpy()
    for i in np.flatnonzero(no_partner):
        out.append(
            _f(
                "registrations",
                reg[SOURCE_ROW].iloc[i],
                "partner_hospital",
                "",
                "odv_needs_partner",
            )
        )
    self_partner = odv & (reg["partner_hospital"] == reg["hospital_id"]).to_numpy(
        dtype=bool, na_value=False
    )
    for i in np.flatnonzero(self_partner):
        out.append(
            _f(
                "registrations",
                reg[SOURCE_ROW].iloc[i],
                "partner_hospital",
                reg["partner_hospital"].iloc[i],
                "partner_same_hospital",
            )
        )
    return out


def _needed_prices(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """Every price the data needs must exist or be derivable by indexation."""
    products = frames["products"]
    needed = []
    vol = frames["volumes"]
    if len(vol):
        pairs = vol[["care_form_id", "year", SOURCE_ROW]].merge(
            products[["care_form_id", "product_code"]], on="care_form_id"
        )
        needed.append(pairs.assign(sheet="volumes", column="year"))
    reg = frames["registrations"]
    if len(reg):
        needed.append(
            reg[["product_code", SOURCE_ROW]].assign(
                year=reg["start_date"].dt.year, sheet="registrations", column="start_date"
            )
        )
    if not needed:
        return []
    all_needed = pd.concat(needed, ignore_index=True)
    lookup = resolve_prices(frames["prices"], frames["indexation"], all_needed)
    if not lookup.missing:
        return []
    first_row = all_needed.groupby(["product_code", "year"])[
        [SOURCE_ROW, "sheet", "column"]
    ].first()
    out = []
    for code, year, reason in lookup.missing:
        row, sheet, column = first_row.loc[(code, year)]
        out.append(
            _f(
                "prices",
                None,
                "benchmark_price",
                f"{code} / {year}",
                "price_missing",
                reason=reason,
                in_sheet=sheet,
                in_row=str(row),
            )
        )
    return out
