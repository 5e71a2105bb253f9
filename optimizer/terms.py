"""Terms per agreement (issue 18, item 1): what a proposed or changed agreement does to the
margins of its two hospitals under each settlement mode, and terms both can sign.

For an agreement moving n patients a year of care form c from the sending hospital S to the
performing hospital P, each hospital's margin change is the plan's margin minus the margin of
the same plan with those n patients treated at S (their hospital today), by the settlement
engine's own rules (:func:`optimizer.capacity.money`: contract prices per insurer, caps —
``--caps follow`` moves cap room with the cases —, secondment of the agreement, variable and
fixed costs, the value of freed OR time):

- ``referral``: P declares the full product at its contract price;
- ``parallel`` (only where the care form has an intervention product): S declares diagnostics
  and aftercare, P the intervention;
- ``odv`` with price share s: S declares the full product as today and pays P the ODV unit
  price u(s) = s × b per case, b the benchmark price of the care form's ODV product (half-up to
  cents once). The ODV payment is the only part that depends on s, so with A_S and A_P the
  changes at s = 0::

      Δ_S(s) = A_S − n·u(s),   Δ_P(s) = A_P + n·u(s)

  Neither hospital is worse off than today when −A_P / n ≤ u ≤ A_S / n: with s = u / b this is
  v_P/b ≤ s ≤ v_S/b when only variable costs differ (A_S = n·v_S, A_P = −n·v_P). The range is
  exact in whole cents per patient, u_min = ⌈−A_P / n⌉ and u_max = ⌊A_S / n⌋, within the
  sheet's share 0–2 of b; as shares it is shown to 4 decimals. With equal costs at both sites
  it is one price: the pair's margin does not change, only who has it.

Recommended terms: ODV at the middle of the range (to the cent below), agreed as a price per
patient (``odv_fixed_price``) — the sender keeps declaring, so its income is secured ("borgen
inkomsten"), and the pair's gain is shared equally. When the range is empty (P is the dearer
site, so the pair loses together) the recommendation is ODV at the lowest price that covers P,
and the yearly transfer S would need to be no worse off than today is stated: the region's
compensation can carry it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
import pandas as pd

from calculator.lines import odv_unit_cents
from calculator.money import line_amounts
from calculator.tariffs import Tariffs
from calculator.workbook import Workbook
from optimizer.capacity import money

MODES = ("referral", "parallel", "odv")
TERMS_COLUMNS = [
    "care_form_id",
    "sending_hospital",
    "performing_hospital",
    "cases",
    "agreement_id",  # the agreement in force that changes; "" for a proposal
    "mode_in_force",  # its mode; "" for a proposal
    "odv_benchmark_cents",  # b: the benchmark price of the care form's ODV product
    "odv_price_min_cents",  # lowest ODV price per patient that leaves P whole (<NA>: no range)
    "odv_price_max_cents",  # highest that leaves S whole
    "odv_share_min",  # the same as shares of b, 4 decimals (NaN: no range)
    "odv_share_max",
    "recommended_mode",
    "recommended_price_cents",  # ODV price per patient: the middle of the range, cents down
    "recommended_share",  # that price as a share of b, 4 decimals
    "margin_sending_cents",  # under the recommended terms, a year
    "margin_performing_cents",
    "transfer_to_sending_cents",  # what S still needs a year to be whole (0: nothing)
]
MODE_COLUMNS = [
    "care_form_id",
    "sending_hospital",
    "performing_hospital",
    "mode",
    "share",  # the ODV price share (NaN for referral and parallel)
    "margin_sending_cents",
    "margin_performing_cents",
]
KEY = ["care_form_id", "sending_hospital", "performing_hospital"]


@dataclass(frozen=True)
class Terms:
    """terms : TERMS_COLUMNS, one row per proposed or changed agreement.
    modes : MODE_COLUMNS, each agreement under referral, parallel (where allowed) and ODV at
        the recommended share."""

    terms: pd.DataFrame
    modes: pd.DataFrame


def _agreement_row(
    wb: Workbook, year: int, care_form: str, s: str, p: str, mode: str, in_force: pd.Series | None
) -> pd.DataFrame:
    """The agreement of (c, S, P) in ``mode`` for the whole of ``year``: the one in force with
    its secondment, or a new one without."""
    template = wb.agreements.iloc[:0]
    row: dict[str, object] = {column: np.nan for column in template.columns}
    if in_force is not None:
        row.update(in_force.to_dict())
    row.update(
        {
            "agreement_id": row.get("agreement_id") if in_force is not None else "voorstel",
            "care_form_id": care_form,
            "sending_hospital": s,
            "performing_hospital": p,
            "mode": mode,
            "odv_price_share": 0.0,
            "odv_fixed_price": None,
            "valid_from": pd.Timestamp(year, 1, 1),
            "valid_to": pd.Timestamp(year, 12, 31),
            "excel_row": 0,  # not a row of the workbook
        }
    )
    return pd.DataFrame([row]).astype(template.dtypes.to_dict())


def _margins(
    wb: Workbook,
    year: int,
    flows: pd.DataFrame,
    before: pd.DataFrame,
    caps: str,
    pricing: Tariffs,
) -> pd.Series:
    table = money(wb, flows, year, before=before, caps=caps, pricing=pricing)
    return table.set_index("hospital_id")["margin_cents"]


def _touching(flows: pd.DataFrame, hospitals: set[str]) -> pd.DataFrame:
    """The flows that settle money of ``hospitals``: sent or performed by one of them."""
    on = flows["sending_hospital"].isin(hospitals) | flows["performing_hospital"].isin(hospitals)
    return flows[on].reset_index(drop=True)


def _home(flows: pd.DataFrame, care_form: str, s: str, p: str, n: float) -> pd.DataFrame:
    """``flows`` with n cases of (c, S → P) treated at S instead."""
    out = flows.copy()
    arc = (
        (out["care_form_id"] == care_form)
        & (out["sending_hospital"] == s)
        & (out["performing_hospital"] == p)
    )
    out.loc[arc, "cases"] = out.loc[arc, "cases"] - n
    home = (
        (out["care_form_id"] == care_form)
        & (out["sending_hospital"] == s)
        & (out["performing_hospital"] == s)
    )
    if home.any():
        out.loc[home.idxmax(), "cases"] += n
    else:
        extra = {**out.iloc[0].to_dict(), **dict(zip(KEY, (care_form, s, s), strict=True))}
        out = pd.concat([out, pd.DataFrame([{**extra, "cases": n}])], ignore_index=True)
    return out[out["cases"] > 1e-9].reset_index(drop=True)


def price_range(a_s: int, a_p: int, n: float, b_cents: int) -> tuple[int, int] | None:
    """The ODV unit prices [u_min, u_max] [cents] with Δ_S ≥ 0 and Δ_P ≥ 0, within the
    sheet's share 0–2 of b; None when no price does (module docstring)."""
    if n <= 0:
        return None
    count = Decimal(str(n))
    low = max(math.ceil(Decimal(-a_p) / count), 0)  # u ≥ −A_P / n
    high = min(math.floor(Decimal(a_s) / count), 2 * b_cents)  # u ≤ A_S / n
    return (low, high) if low <= high else None


def share_of(unit_cents: int, b_cents: int) -> float:
    """The price share u / b, to 4 decimals (for reading; the price itself is exact)."""
    return float((Decimal(unit_cents) / Decimal(b_cents)).quantize(Decimal("0.0001")))


def _changes_by_mode(
    wb: Workbook,
    year: int,
    plan: pd.DataFrame,
    home: pd.DataFrame,
    key: tuple[str, str, str],
    mode: str,
    in_force: pd.Series | None,
    caps: str,
    pricing: Tariffs,
    at_home: pd.Series | None,
) -> tuple[int, int]:
    """(Δ_S, Δ_P) [cents]: the margins of the plan with the agreement of ``key`` in ``mode``
    (an ODV price of 0) minus those with its patients at home (``at_home`` when the agreement
    carries no patients then, the same for every mode)."""
    c, s, p = key
    a = wb.agreements
    others = a[
        ~((a["care_form_id"] == c) & (a["sending_hospital"] == s) & (a["performing_hospital"] == p))
    ]
    row = _agreement_row(wb, year, c, s, p, mode, in_force)
    book = replace(wb, agreements=pd.concat([others, row], ignore_index=True))
    after = _margins(book, year, plan, home, caps, pricing)
    before = at_home if at_home is not None else _margins(book, year, home, home, caps, pricing)
    change = (after - before).reindex([s, p]).fillna(0).astype("int64")
    return int(change[s]), int(change[p])


def _one(
    wb: Workbook, year: int, flows: pd.DataFrame, row: object, caps: str, pricing: Tariffs
) -> tuple[tuple, list[tuple]]:
    """The terms row and the mode rows of one agreement (see :func:`agreement_terms`)."""
    c, s, p = (str(getattr(row, k)) for k in KEY)
    n = float(row.cases)  # type: ignore[attr-defined]
    agreement_id = str(row.agreement_id or "")  # type: ignore[attr-defined]
    in_force = None
    if agreement_id:
        in_force = wb.agreements[wb.agreements["agreement_id"] == agreement_id].iloc[0]
    plan = _touching(flows, {s, p})
    home = _home(plan, c, s, p, n)
    allowed = [m for m in MODES if m != "parallel" or pricing.product(c, "intervention")]
    arc = (home["care_form_id"] == c) & (home["sending_hospital"] == s)
    empty = not (arc & (home["performing_hospital"] == p)).any()
    at_home = _margins(wb, year, home, home, caps, pricing) if empty else None
    by_mode = {
        m: _changes_by_mode(wb, year, plan, home, (c, s, p), m, in_force, caps, pricing, at_home)
        for m in allowed
    }
    b = odv_unit_cents(pricing, pricing.odv_product(c), year, None, 1.0)
    a_s, a_p = by_mode["odv"]
    found = price_range(a_s, a_p, n, b)
    if found is not None:
        unit = (found[0] + found[1]) // 2
    else:  # the lowest price that covers P (within 2 × b); S's shortfall is the transfer
        unit = min(max(math.ceil(Decimal(-a_p) / Decimal(str(n))), 0), 2 * b) if n > 0 else 0
    paid = int(line_amounts(pd.Series([n]), pd.Series([unit])).iloc[0])
    odv_s, odv_p = a_s - paid, a_p + paid
    share = share_of(unit, b)
    modes = [
        (c, s, p, m, share, odv_s, odv_p) if m == "odv" else (c, s, p, m, np.nan, *by_mode[m])
        for m in allowed
    ]
    terms = (
        c,
        s,
        p,
        n,
        agreement_id,
        str(in_force["mode"]) if in_force is not None else "",
        b,
        found[0] if found else pd.NA,
        found[1] if found else pd.NA,
        share_of(found[0], b) if found else np.nan,
        share_of(found[1], b) if found else np.nan,
        "odv",
        unit,
        share,
        odv_s,
        odv_p,
        max(-odv_s, 0),
    )
    return terms, modes


def agreement_terms(
    wb: Workbook,
    year: int,
    flows: pd.DataFrame,
    changes: pd.DataFrame,
    caps: str = "fixed",
) -> Terms:
    """Terms for every row of ``changes`` (care_form_id, sending_hospital, performing_hospital,
    cases: the patients a year the plan adds on the pair; agreement_id: the agreement in force,
    "" for a proposal) under the plan ``flows`` (FLOW columns of :mod:`optimizer.capacity`)."""
    pricing = Tariffs.build(wb)
    terms_rows, mode_rows = [], []
    for row in changes.itertuples(index=False):
        terms, modes = _one(wb, year, flows, row, caps, pricing)
        terms_rows.append(terms)
        mode_rows += modes
    return Terms(
        pd.DataFrame(terms_rows, columns=TERMS_COLUMNS),
        pd.DataFrame(mode_rows, columns=MODE_COLUMNS),
    )
